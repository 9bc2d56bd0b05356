/*
 * report_int.h: building reports (the analyses' side of report.h).
 */
#ifndef CANTINE_REPORT_INT_H
#define CANTINE_REPORT_INT_H

#include "common_int.h"

int cantine__report_new(cantine_report **out);
/* Add a finding; strings are copied.  `measured` and `threshold` are -1
 * when the rule measures nothing.  Returns 0 or CANTINE_ENOMEM. */
int cantine__report_add(cantine_report *r, const char *rule, cantine_severity sev,
			const char *uai, const char *from, const char *to,
			int64_t measured, int64_t threshold, const char *fmt, ...)
	__attribute__((format(printf, 9, 10)));

/* Add a figure; strings are copied.  Returns 0 or CANTINE_ENOMEM. */
int cantine__report_figure_add(cantine_report *r, const char *name, const char *uai,
			       int year, int64_t value);

/* The core checks of `uai` over whole weeks from the Monday of `from` to
 * the Sunday of `to` (check.c), into `r`; dates already checked. */
int cantine__check_core(cantine_ctx *ctx, cantine_report *r, const char *uai,
			const char *from, const char *to);

#endif
