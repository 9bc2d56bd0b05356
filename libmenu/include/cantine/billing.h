/*
 * cantine/billing.h: the term bills of the demi-pension (issue 6;
 * docs/design.md, "Term billing"; DOMAIN Part A §4).
 *
 * A school year has three terms: September–December, January–March and
 * April–August (the last days of school, early July, fall in the third).
 * For a term, each registered pupil of an establishment gets one bill:
 *
 *   - a forfait pupil (DP4, DP5) is charged the grid's forfait of the
 *     term, spread over his term days (the days of the term the
 *     establishment serves on his weekdays, school and public holidays
 *     excluded) so that the day shares add up to the forfait exactly;
 *     when the grid has no forfait for his régime, each term day is
 *     charged the ticket price;
 *   - from it are deducted the shares of the days he could not eat
 *     (remise d'ordre): days outside his registration, days the
 *     establishment was closed, days his class was away (outing, exam),
 *     and the days of a justified absence lasting at least the grid's
 *     minimum number of consecutive school days (cantine_tariff.remise_days;
 *     school days: Monday to Friday outside holidays, so that a week of
 *     illness is 5 days whatever the pupil's canteen days);
 *   - the meals taken on ticket (the `repas` import) are added at the
 *     ticket price;
 *   - each charged day is split between the family and the funder of his
 *     social tier (the most favourable tier his situation gives: an aid
 *     per meal, or a family price per meal).
 *
 * All money is int64_t cents and every split is exact: for every bill,
 * gross − deductions = charged = family + aids, and charged is the sum of
 * its day charges; the totals are sums of the bills.  No cent is lost or
 * created.
 *
 * A bill names the pupil by his pseudonymous identifier: bills are for
 * the gestionnaire and the families, never for a public output.
 */
#ifndef CANTINE_BILLING_H
#define CANTINE_BILLING_H

#include "attendance.h"
#include "common.h"
#include "pricing.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Default minimum number of consecutive days of a justified absence for
 *  a remise d'ordre, when the grid does not set one. */
#define CANTINE_REMISE_DAYS_DEFAULT 5

/** What happened to one term day of a pupil. */
typedef enum cantine_bill_day_kind {
	CANTINE_BILL_CHARGED,      /**< charged (eaten, or absent without a
	                            *   remise: too short or not justified) */
	CANTINE_BILL_REMISE,       /**< justified absence of at least the
	                            *   minimum number of days: deducted */
	CANTINE_BILL_CLOSED,       /**< establishment closed: deducted */
	CANTINE_BILL_CLASS_AWAY,   /**< his class away (outing, exam): deducted */
	CANTINE_BILL_UNREGISTERED, /**< before or after his registration:
	                            *   deducted (arrival or departure during
	                            *   the term) */
	CANTINE_BILL_TICKET,       /**< a meal taken on ticket */
	CANTINE_BILL_DAY__MAX
} cantine_bill_day_kind;

/** French label of a day kind ("remise d'ordre (absence justifiée)", …). */
CANTINE_API const char *cantine_bill_day_label(cantine_bill_day_kind k);

/** One day of a bill (cantine_billing_days()). */
typedef struct cantine_bill_day {
	char                  date[11];
	cantine_bill_day_kind kind;
	int                   absent;      /**< 1: announced absent that day
	                                    *   (charged when no remise applies) */
	int64_t               share_cents; /**< the day's value: its share of the
	                                    *   forfait, or the ticket price */
	int64_t               aid_cents;   /**< of a charged day or ticket meal:
	                                    *   the part the funder pays */
} cantine_bill_day;

/** One pupil's bill for a term.  Every pointer is borrowed from the
 *  billing. */
typedef struct cantine_bill {
	const char    *uai;
	const char    *etab_name;
	const char    *pupil;       /**< pseudonymous identifier */
	const char    *class_name;
	cantine_regime regime;
	int            by_forfait;  /**< 1: the term's forfait; 0: the ticket
	                             *   price per day or per meal */
	int64_t        forfait_cents; /**< the forfait of his régime, or -1 */
	const char    *tier;        /**< label of the tier applied, or NULL */
	cantine_funder funder;      /**< who funds his aid */
	int            term_days;   /**< his term days (0 for ticket and externe) */
	int            days[CANTINE_BILL_DAY__MAX]; /**< days of each kind */
	int            absent_charged; /**< announced absent but charged */
	int            remise_days;    /**< minimum days of a remise applied */
	int64_t        ticket_cents;   /**< the grid's ticket price */
	int64_t        term_cents;     /**< the forfait, or term days × ticket
	                                *   price (0 without term days) */
	int64_t        tickets_cents;  /**< ticket meals × ticket price */
	int64_t        gross_cents;    /**< term_cents + tickets_cents */
	int64_t        deducted_cents[CANTINE_BILL_DAY__MAX]; /**< by reason
	                                *   (REMISE, CLOSED, CLASS_AWAY,
	                                *   UNREGISTERED; 0 for the others) */
	int64_t        charged_cents;  /**< gross − deductions */
	int64_t        aid_cents;      /**< paid by `funder` */
	int64_t        family_cents;   /**< charged − aid: what the family owes */
} cantine_bill;

/** Sums over bills: per establishment, or for all. */
typedef struct cantine_bill_totals {
	const char *uai;      /**< "" for the total of all */
	const char *name;
	int         remise_days; /**< minimum days of a remise d'ordre applied
	                          *   (0 in the total of all) */
	size_t      bills;
	long        meals;    /**< charged days and ticket meals */
	int64_t     gross_cents, deducted_cents, charged_cents, family_cents;
	int64_t     aid_cents[CANTINE_FUNDER__MAX]; /**< by funder */
} cantine_bill_totals;

/** What to bill. */
typedef struct cantine_bill_query {
	const char *year;        /**< school year "2026-2027" */
	int         term;        /**< 1, 2 or 3 */
	const char *uai;         /**< one establishment, or NULL: every one
	                          *   with registered pupils */
	const char *departement; /**< with uai NULL: only this département */
	const char *pupil;       /**< with uai: only this pupil, or NULL */
	int         remise_days; /**< 0: each grid's; else 1–60 for all */
	int         keep_days;   /**< 1: keep the days of each bill for
	                          *   cantine_billing_days() and statements */
} cantine_bill_query;

/** The bills of a term.  Opaque. */
typedef struct cantine_billing cantine_billing;

/**
 * The first and last dates of term `term` (1–3) of school year `year`:
 * 1 September–31 December, 1 January–31 March, 1 April–31 August.
 * @return 0, or CANTINE_EINVAL.
 */
CANTINE_API int cantine_term_dates(const char *year, int term, char first[11],
                                   char last[11]);

/**
 * Bill a term.  Every establishment billed needs a tariff grid for the
 * year (else CANTINE_ENOTFOUND names it).
 * @param out  set to the bills, freed with cantine_billing_free()
 * @return 0, CANTINE_EINVAL (year, term, remise_days, département),
 *         CANTINE_ENOTFOUND (establishment, pupil or grid),
 *         CANTINE_ESTORE, CANTINE_ENOMEM; with the context's message.
 */
CANTINE_API int cantine_billing_compute(cantine_billing **out, cantine_ctx *ctx,
                                        const cantine_bill_query *q);
CANTINE_API size_t cantine_billing_count(const cantine_billing *b);
/** The i-th bill (by establishment, then pupil identifier), or NULL. */
CANTINE_API const cantine_bill *cantine_billing_get(const cantine_billing *b,
                                                    size_t i);
/** The days of the i-th bill, in date order (NULL, *n = 0, unless the
 *  query kept them). */
CANTINE_API const cantine_bill_day *cantine_billing_days(const cantine_billing *b,
                                                         size_t i, size_t *n);
/** Number of establishments billed. */
CANTINE_API size_t cantine_billing_etab_count(const cantine_billing *b);
/** Totals of the i-th establishment, or NULL. */
CANTINE_API const cantine_bill_totals *cantine_billing_etab(const cantine_billing *b,
                                                            size_t i);
/** Totals of every bill. */
CANTINE_API const cantine_bill_totals *cantine_billing_total(const cantine_billing *b);
/** First and last date of the term billed. */
CANTINE_API const char *cantine_billing_first(const cantine_billing *b);
CANTINE_API const char *cantine_billing_last(const cantine_billing *b);

/** Output formats of a billing. */
typedef enum cantine_bill_format {
	CANTINE_BILL_TEXT, /**< totals per establishment and funder */
	CANTINE_BILL_CSV,  /**< one row per bill (docs/formats.md, "factures") */
	CANTINE_BILL_HTML, /**< one printable statement per pupil's family;
	                    *   needs the days (keep_days) */
	CANTINE_BILL__MAX
} cantine_bill_format;

/** Parse a format name ("texte", "text", "csv", "html"); -1 if none. */
CANTINE_API int cantine_bill_format_parse(const char *name);
/** Render the billing in `format`, appended to `out`.
 *  @return 0, CANTINE_EINVAL (format, or HTML without the days) or
 *  CANTINE_ENOMEM. */
CANTINE_API int cantine_billing_write(const cantine_billing *b,
                                      cantine_bill_format format, cantine_buf *out);
/** Free.  Accepts NULL. */
CANTINE_API void cantine_billing_free(cantine_billing *b);

#ifdef __cplusplus
}
#endif
#endif
