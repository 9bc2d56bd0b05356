/*
 * counting.h: the EGALIM counts of one establishment's purchases over a
 * calendar year, exactly as the national platform ma-cantine makes them
 * (DOMAIN Part B §1.3–1.6).  Integer cents throughout.
 */
#ifndef CANTINE_EGALIM_COUNTING_H
#define CANTINE_EGALIM_COUNTING_H

#include <stddef.h>
#include <stdint.h>

#include <cantine/purchase.h>

/* The steps of the per-family ladder, in the legal priority order
 * (DOMAIN Part B §1.3, "saisie détaillée"). */
enum {
	STEP_BIO, STEP_LABEL_ROUGE, STEP_AOCAOP_IGP_STG, STEP_HVE, STEP_PECHE_DURABLE,
	STEP_RUP, STEP_COMMERCE_EQUITABLE, STEP_FERMIER, STEP_EXTERNALITES,
	STEP_PERFORMANCE, STEP__MAX
};

typedef struct egalim_counts {
	/* headline ("saisie simplifiée"): each purchase in at most one of
	 * bio, siqo, autres, ext_perf (bio > SIQO > autres > externalités) */
	int64_t total, bio, bio_dont_ce, siqo, autres, autres_dont_ce, ext_perf;
	/* per family */
	int64_t family[CANTINE_FAMILY__MAX];
	int64_t ladder[CANTINE_FAMILY__MAX][STEP__MAX];
	int64_t non_egalim[CANTINE_FAMILY__MAX];
	int64_t bio_ce[CANTINE_FAMILY__MAX];
	int64_t france[CANTINE_FAMILY__MAX], europe[CANTINE_FAMILY__MAX];
	int64_t circuit_court[CANTINE_FAMILY__MAX], local[CANTINE_FAMILY__MAX];
	/* meat (VIANDES_VOLAILLES) and fish (PRODUITS_DE_LA_MER) */
	int64_t meat, meat_egalim, meat_france, fish, fish_egalim, fish_france;
	size_t  purchases;
} egalim_counts;

/* Count `n` purchases of data year `year` (the calendar year of their
 * dates; the France / circuit court / local rules depend on it). */
void egalim_count(const cantine_purchase *p, size_t n, int year, egalim_counts *out);

/* EGALIM total: bio + SIQO + other EGALIM + externalities/performance. */
int64_t egalim_quality(const egalim_counts *c);

/*
 * Is part / total at least pct percent?  Exact, in integers (part × 100 ≥
 * pct × total): no floating-point miss at the boundary.  -1 when the
 * share is undefined (total 0, or part above total: ma-cantine shows no
 * figure then), else 0 or 1.
 */
int egalim_reaches(int64_t part, int64_t total, int pct);

/* The cents missing for part / total to reach pct % (0 when reached):
 * the smallest m with (part + m) × 100 ≥ pct × total, the total fixed. */
int64_t egalim_missing(int64_t part, int64_t total, int pct);

/* part / total in hundredths of a percent, half up, for display ("18,43 %");
 * -1 when undefined. */
int64_t egalim_share(int64_t part, int64_t total);

#endif
