/*
 * counting.c: the EGALIM counts (DOMAIN Part B §1.3–1.6).
 */
#include <string.h>

#include "counting.h"

#define BIT(c) (1u << CANTINE_CHAR_##c)

/* Every EGALIM quality characteristic (not origin, circuit court, local). */
#define EGALIM_ANY (BIT(BIO) | BIT(CONVERSION_BIO) | BIT(LABEL_ROUGE) | BIT(AOCAOP) | \
	BIT(IGP) | BIT(STG) | BIT(HVE) | BIT(PECHE_DURABLE) | BIT(RUP) | BIT(FERMIER) | \
	BIT(COMMERCE_EQUITABLE) | BIT(EXTERNALITES) | BIT(PERFORMANCE) | BIT(EQUIVALENTS))
#define BIO_ANY (BIT(BIO) | BIT(CONVERSION_BIO))
#define SIQO (BIT(LABEL_ROUGE) | BIT(AOCAOP) | BIT(IGP) | BIT(STG))
#define AUTRES (BIT(HVE) | BIT(PECHE_DURABLE) | BIT(RUP) | BIT(FERMIER) | \
	BIT(COMMERCE_EQUITABLE))
#define EXT_PERF (BIT(EXTERNALITES) | BIT(PERFORMANCE) | BIT(EQUIVALENTS))

/* The ladder: the first step whose characteristics a purchase has.  Its
 * bio step is BIO only (CONVERSION_BIO is bio in the headline, not here:
 * ma-cantine's quirk, DOMAIN Part B §1.3). */
static const unsigned steps[STEP__MAX] = {
	BIT(BIO), BIT(LABEL_ROUGE), BIT(AOCAOP) | BIT(IGP) | BIT(STG), BIT(HVE),
	BIT(PECHE_DURABLE), BIT(RUP), BIT(COMMERCE_EQUITABLE), BIT(FERMIER),
	BIT(EXTERNALITES), BIT(PERFORMANCE),
};

void egalim_count(const cantine_purchase *p, size_t n, int year, egalim_counts *c)
{
	size_t i;
	int k;

	memset(c, 0, sizeof(*c));
	for (i = 0; i < n; i++) {
		unsigned ch = p[i].characteristics;
		int64_t v = p[i].amount_cents;
		int f = (int)p[i].family;
		int france;

		c->purchases++;
		c->total += v;
		/* Headline buckets, by precedence. */
		if (ch & BIO_ANY) {
			c->bio += v;
			if (ch & BIT(COMMERCE_EQUITABLE))
				c->bio_dont_ce += v;
		} else if (ch & SIQO) {
			c->siqo += v;
		} else if (ch & AUTRES) {
			c->autres += v;
			if (ch & BIT(COMMERCE_EQUITABLE))
				c->autres_dont_ce += v;
		} else if (ch & EXT_PERF) {
			c->ext_perf += v;
		}
		if (f < 0 || f >= CANTINE_FAMILY__MAX)
			continue;
		c->family[f] += v;
		for (k = 0; k < STEP__MAX; k++)
			if (ch & steps[k]) {
				c->ladder[f][k] += v;
				break;
			}
		if (!(ch & EGALIM_ANY))
			c->non_egalim[f] += v;
		if ((ch & BIT(BIO)) && (ch & BIT(COMMERCE_EQUITABLE)))
			c->bio_ce[f] += v;
		/* Origin and proximity: outside the ladder, by data year
		 * (DOMAIN Part B §1.6). */
		france = year == 2025 ? (ch & (BIT(FRANCE) | BIT(CIRCUIT_COURT) | BIT(LOCAL))) != 0
				      : (ch & BIT(FRANCE)) != 0;
		if (france)
			c->france[f] += v;
		if (year >= 2026 && (ch & BIT(EUROPE)))
			c->europe[f] += v;
		if (ch & BIT(CIRCUIT_COURT))
			c->circuit_court[f] += v;
		if (ch & BIT(LOCAL))
			c->local[f] += v;
		/* Meat and fish: any EGALIM label; France is FRANCE alone. */
		if (f == CANTINE_FAMILY_VIANDES_VOLAILLES) {
			c->meat += v;
			if (ch & EGALIM_ANY)
				c->meat_egalim += v;
			if (ch & BIT(FRANCE))
				c->meat_france += v;
		} else if (f == CANTINE_FAMILY_PRODUITS_DE_LA_MER) {
			c->fish += v;
			if (ch & EGALIM_ANY)
				c->fish_egalim += v;
			if (ch & BIT(FRANCE))
				c->fish_france += v;
		}
	}
}

int64_t egalim_quality(const egalim_counts *c)
{
	return c->bio + c->siqo + c->autres + c->ext_perf;
}

int egalim_reaches(int64_t part, int64_t total, int pct)
{
	if (total <= 0 || part < 0 || part > total)
		return -1;
	return part * 100 >= (int64_t)pct * total;
}

int64_t egalim_missing(int64_t part, int64_t total, int pct)
{
	int64_t need;

	if (total <= 0)
		return 0;
	/* ceil(pct × total / 100) */
	need = ((int64_t)pct * total + 99) / 100;
	return part >= need ? 0 : need - part;
}

int64_t egalim_share(int64_t part, int64_t total)
{
	if (total <= 0 || part < 0 || part > total)
		return -1;
	return (part * 20000 + total) / (2 * total);
}
