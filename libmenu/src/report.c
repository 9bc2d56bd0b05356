/*
 * report.c: lists of findings.
 */
#include <string.h>

#include "report_int.h"

typedef struct finding {
	cantine_finding pub;
	char           *strings[5]; /* rule, uai, from, to, message: owned */
} finding;

typedef struct figure {
	cantine_figure pub;
	char          *strings[2]; /* name, uai: owned */
} figure;

struct cantine_report {
	finding *items;
	size_t   n, cap;
	figure  *figs;
	size_t   n_figs, cap_figs;
};

int cantine__report_new(cantine_report **out)
{
	*out = cantine__calloc(1, sizeof(**out));
	return *out ? 0 : CANTINE_ENOMEM;
}

int cantine__report_add(cantine_report *r, const char *rule, cantine_severity sev,
			const char *uai, const char *from, const char *to,
			int64_t measured, int64_t threshold, const char *fmt, ...)
{
	cantine_buf msg = CANTINE_BUF_INIT;
	const char *src[4] = { rule, uai, from, to };
	finding *f;
	va_list ap;
	int i, rc;

	if (r->n == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 16;
		finding *it = cantine__realloc(r->items, cap * sizeof(*it));
		if (!it)
			return CANTINE_ENOMEM;
		r->items = it;
		r->cap = cap;
	}
	va_start(ap, fmt);
	rc = cantine__buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	if (rc)
		return rc;
	f = &r->items[r->n];
	memset(f, 0, sizeof(*f));
	for (i = 0; i < 4; i++)
		if (src[i] && !(f->strings[i] = cantine__strdup(src[i])))
			rc = CANTINE_ENOMEM;
	f->strings[4] = cantine__buf_detach(&msg);
	if (rc || !f->strings[4]) {
		for (i = 0; i < 5; i++)
			cantine__free(f->strings[i]);
		return CANTINE_ENOMEM;
	}
	f->pub.rule = f->strings[0];
	f->pub.severity = sev;
	f->pub.uai = f->strings[1];
	f->pub.from = f->strings[2];
	f->pub.to = f->strings[3];
	f->pub.message = f->strings[4];
	f->pub.measured = measured;
	f->pub.threshold = threshold;
	r->n++;
	return 0;
}

int cantine__report_figure_add(cantine_report *r, const char *name, const char *uai,
			       int year, int64_t value)
{
	figure *f;

	if (r->n_figs == r->cap_figs) {
		size_t cap = r->cap_figs ? r->cap_figs * 2 : 64;
		figure *it = cantine__realloc(r->figs, cap * sizeof(*it));
		if (!it)
			return CANTINE_ENOMEM;
		r->figs = it;
		r->cap_figs = cap;
	}
	f = &r->figs[r->n_figs];
	f->strings[0] = cantine__strdup(name);
	f->strings[1] = cantine__strdup(uai ? uai : "");
	if (!f->strings[0] || !f->strings[1]) {
		cantine__free(f->strings[0]);
		cantine__free(f->strings[1]);
		return CANTINE_ENOMEM;
	}
	f->pub.name = f->strings[0];
	f->pub.uai = f->strings[1];
	f->pub.year = year;
	f->pub.value = value;
	r->n_figs++;
	return 0;
}

size_t cantine_report_figure_count(const cantine_report *r)
{
	return r ? r->n_figs : 0;
}

const cantine_figure *cantine_report_figure(const cantine_report *r, size_t i)
{
	return r && i < r->n_figs ? &r->figs[i].pub : NULL;
}

int cantine_report_figure_find(const cantine_report *r, const char *name, const char *uai,
			       int year, int64_t *value)
{
	size_t i;

	for (i = 0; r && name && uai && i < r->n_figs; i++) {
		const cantine_figure *f = &r->figs[i].pub;
		if (f->year == year && strcmp(f->name, name) == 0 && strcmp(f->uai, uai) == 0) {
			*value = f->value;
			return 0;
		}
	}
	return CANTINE_ENOTFOUND;
}

size_t cantine_report_count(const cantine_report *r)
{
	return r ? r->n : 0;
}

const cantine_finding *cantine_report_get(const cantine_report *r, size_t i)
{
	return r && i < r->n ? &r->items[i].pub : NULL;
}

size_t cantine_report_count_severity(const cantine_report *r, cantine_severity s)
{
	size_t i, n = 0;

	for (i = 0; r && i < r->n; i++)
		n += r->items[i].pub.severity == s;
	return n;
}

void cantine_report_free(cantine_report *r)
{
	size_t i;
	int k;

	if (!r)
		return;
	for (i = 0; i < r->n; i++)
		for (k = 0; k < 5; k++)
			cantine__free(r->items[i].strings[k]);
	for (i = 0; i < r->n_figs; i++) {
		cantine__free(r->figs[i].strings[0]);
		cantine__free(r->figs[i].strings[1]);
	}
	cantine__free(r->items);
	cantine__free(r->figs);
	cantine__free(r);
}

const char *cantine_severity_name(cantine_severity s)
{
	static const char *const names[CANTINE_SEVERITY__MAX] = {
		"information", "attention", "erreur",
	};
	return (unsigned)s < CANTINE_SEVERITY__MAX ? names[s] : NULL;
}
