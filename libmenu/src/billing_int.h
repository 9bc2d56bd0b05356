/*
 * billing_int.h: what the term bills (billing.c) share with their
 * renderings (billing_render.c, billing_html.c).
 */
#ifndef CANTINE_BILLING_INT_H
#define CANTINE_BILLING_INT_H

#include "common_int.h"
#include "cantine/billing.h"

typedef struct bill_rec {
	cantine_bill      pub;
	char             *ident, *cls;
	cantine_bill_day *days;
	size_t            ndays;
} bill_rec;

typedef struct etab_rec {
	cantine_bill_totals pub;
	char               *uai, *name;
	cantine_tariff     *tariff; /* the tiers' labels the bills borrow */
} etab_rec;

struct cantine_billing {
	bill_rec           *bills;
	size_t              n, cap;
	etab_rec           *etabs;
	size_t              ne, cape;
	cantine_bill_totals total;
	char                first[11], last[11];
	char                year[10];
	int                 term;
	bool                kept;      /* the bills have their days */
	bool                one_pupil; /* the query named a pupil */
};

/* One line of a bill: its label, amount, and whether it is a total. */
typedef int (*cantine__bill_line_fn)(void *ud, const char *label, int64_t cents,
				     bool total);
/* Hand each line of bill x to fn, in order; stops at fn's first non-zero
 * return and returns it. */
int cantine__bill_lines(const cantine_bill *x, cantine__bill_line_fn fn, void *ud);
/* "demi-pension 4 jours", "au ticket", … */
const char *cantine__regime_name(cantine_regime r);
/* Why absent days were charged, in note[n]; returns note. */
const char *cantine__bill_absence_note(const cantine_bill *x, char *note, size_t n);
/* "septembre–décembre", "janvier–mars", "avril–juin" */
extern const char *const cantine__term_names[3];

int cantine__billing_html(const cantine_billing *b, cantine_buf *out);

#endif
