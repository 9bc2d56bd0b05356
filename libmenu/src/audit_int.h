/*
 * audit_int.h: the departmental audit's insides, shared by audit.c and
 * its renderers (audit_render.c, audit_html.c).
 */
#ifndef CANTINE_AUDIT_INT_H
#define CANTINE_AUDIT_INT_H

#include "common_int.h"
#include "cantine/audit.h"
#include "cantine/pricing.h"

typedef struct cantine__audit_row {
	cantine_audit_row pub;
	char             *strings[3]; /* uai, name, departement: owned */
} cantine__audit_row;

struct cantine_audit {
	int                 year;
	char               *dept;      /* NULL: every département */
	cantine__audit_row *rows;
	size_t              n, cap;
	cantine__audit_row  total;
};

/* A département code: 2 digits, 2A, 2B, or 3 digits (overseas). */
bool cantine__dept_valid(const char *d);
/* "18,43 %" from hundredths of a percent, or `undef` when h < 0 */
void cantine__percent(char *out, size_t n, int64_t h, const char *undef);
/* What a row lacks for each objective missed, in French ("il manque
 * 1 240,50 € d'achats bio pour atteindre 20 % ; …"), appended to `b`;
 * nothing when every objective is met or undefined. */
int cantine__audit_missing_text(const cantine_audit_row *r, cantine_buf *b);
/* The HTML page (audit_html.c). */
int cantine__audit_html(const cantine_audit *a, cantine_buf *out);

#endif
