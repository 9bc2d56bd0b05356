/*
 * plugin_int.h: the plugins of a context, for the checks and the context.
 */
#ifndef CANTINE_PLUGIN_INT_H
#define CANTINE_PLUGIN_INT_H

#include "common_int.h"
#include "cantine/plugin.h"

/* Run every plugin's check_plan into `r`.  Returns 0 or the first
 * failure (the context's error names the plugin). */
int cantine__plugins_check(cantine_ctx *ctx, cantine_report *r, const char *uai,
			   const char *from, const char *to);
/* Call every plugin's fini, unload the modules, free. */
void cantine__plugins_free(cantine__plugins *ps);

#endif
