/*
 * data.h: how the project's plugins read a data file (thresholds,
 * tables): the site's copy through host->data() (--donnees), else the one
 * compiled into the plugin; a file that does not parse stops the plugin
 * with its name, where it comes from and what to do.  Header only: each
 * plugin is built on its own, as a module or compiled in.
 */
#ifndef CANTINE_PLUGINS_DATA_H
#define CANTINE_PLUGINS_DATA_H

#include <stdio.h>

#include <cantine/plugin.h>

/* parse(bytes, size, out, err, errsz): 0, CANTINE_EINVAL with a French
 * message naming the line and column in err, or CANTINE_ENOMEM. */
typedef int (*plugin_data_parser)(const char *, size_t, void *, char *, size_t);

static inline int plugin_data_load(const cantine_host *h, const char *name,
				   const char *builtin, size_t len,
				   plugin_data_parser parse, void *out)
{
	const char *bytes;
	size_t size;
	char err[512], msg[800];
	int rc = h->data(h, name, &bytes, &size), site = rc == 0;

	if (rc == CANTINE_ENOTFOUND) {
		bytes = builtin;
		size = len;
	} else if (rc) {
		return rc;
	}
	if ((rc = parse(bytes, size, out, err, sizeof(err)))) {
		if (rc == CANTINE_ENOMEM)
			return h->fail(h, rc, "mémoire insuffisante");
		snprintf(msg, sizeof(msg), "%s (%s), %s%s", name,
			 site ? "du site" : "intégré au plugin", err,
			 site ? " ; corrigez-le, ou retirez-le pour revenir aux données livrées "
				"avec le plugin" : "");
		return h->fail(h, rc, msg);
	}
	return 0;
}

#endif
