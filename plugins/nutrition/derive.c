/*
 * derive.c: GEMRCN classes from a dish's composition (DOMAIN §1.3, §1.4).
 * Only what the ingredients show is derived; a class that needs more is
 * left to the tags given by hand.
 */
#include <string.h>

#include "derive.h"

/* Share of the portion's weight, in per mille, of the ingredients that
 * `pick` selects. */
static int64_t share(const cantine_host_dish *d,
		     int (*pick)(const cantine_host_ingredient *))
{
	int64_t all = 0, some = 0;
	size_t i;

	for (i = 0; i < d->n_ingredients; i++) {
		all += d->ingredients[i].grams_mg;
		if (pick(&d->ingredients[i]))
			some += d->ingredients[i].grams_mg;
	}
	return all > 0 ? some * 1000 / all : 0;
}

static int is_fish(const cantine_host_ingredient *i) { return i->fish; }
static int is_meat_or_fish(const cantine_host_ingredient *i) { return i->meat || i->fish; }

int gemrcn_derive(const cantine_host_dish *d, const char *cls)
{
	if (d->declared || d->n_ingredients == 0)
		return 0;
	if (d->course == CANTINE_COURSE_PLAT) {
		/* C2: fish, or a preparation of at least 70 % fish. */
		if (strcmp(cls, "poisson") == 0)
			return share(d, is_fish) >= 700;
		/* C3: a preparation based on meat or fish with less than 70 %. */
		if (strcmp(cls, "preparation_70") == 0) {
			int64_t s = share(d, is_meat_or_fish);
			return s > 0 && s < 700;
		}
		/* The CNRC grid counts the vegetarian plats. */
		if (strcmp(cls, "plat_vegetarien") == 0)
			return d->vegetarian;
	}
	return 0;
}
