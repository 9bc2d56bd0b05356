/*
 * nutrition.c: the nutrition plugin: the GEMRCN frequencies over every
 * window of 20 meals served (gemrcn.c) with their thresholds from
 * gemrcn.csv, which a site may replace (--donnees DOSSIER/nutrition/),
 * and the Nutri-Score of each dish.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cantine/plugin.h>

#include "../data.h"
#include "gemrcn.h"

/* gemrcn.csv as built (generated: gemrcn-data.c). */
extern const char nutrition_gemrcn_csv[];
extern const size_t nutrition_gemrcn_csv_size;

#define RULES_FILE "gemrcn.csv"

static int parse_rules(const char *b, size_t n, void *out, char *err, size_t errsz)
{
	return gemrcn_rules_parse(b, n, out, err, errsz);
}

static int nutrition_init(const cantine_host *h, void **self)
{
	gemrcn_rules *r = malloc(sizeof(*r));
	int rc;

	if (!r)
		return h->fail(h, CANTINE_ENOMEM, "mémoire insuffisante");
	if ((rc = plugin_data_load(h, RULES_FILE, nutrition_gemrcn_csv,
				   nutrition_gemrcn_csv_size, parse_rules, r))) {
		free(r);
		return rc;
	}
	*self = r;
	return 0;
}

static void nutrition_fini(void *self)
{
	if (self)
		gemrcn_rules_free(self);
	free(self);
}

static int nutrition_check(void *self, const cantine_host *h, const char *uai,
			   const char *from, const char *to)
{
	const cantine_meal *meals;
	size_t n;
	int rc;

	if ((rc = h->meals(h, uai, from, to, &meals, &n)))
		return rc;
	return gemrcn_check(self, h, uai, from, to, meals, n);
}

/* The dish's Nutri-Score 2023, as the host computed it (DOMAIN §6.5). */
static int nutrition_score(void *self, const cantine_host *h, const cantine_host_dish *d)
{
	static const char *const categories[CANTINE_NUTRISCORE__MAX] = {
		"générale", "fromage", "viande rouge", "matières grasses", "boisson", "eau",
	};
	cantine_score s;
	char text[400];

	(void)self;
	memset(&s, 0, sizeof(s));
	s.id = "nutrition.nutriscore";
	s.label = "Nutri-Score";
	s.unit = "";
	if (!d->nutriscore) {
		s.value = -1;
		snprintf(text, sizeof(text), "pas de note (%s)",
			 d->nutriscore_why && *d->nutriscore_why ? d->nutriscore_why
								  : "composition inconnue");
	} else {
		const cantine_nutriscore_result *r = d->nutriscore;
		s.value = (int64_t)r->score * 1000000;
		snprintf(text, sizeof(text), "%c (score %d, catégorie %s)", r->grade, r->score,
			 (unsigned)r->category < CANTINE_NUTRISCORE__MAX
				 ? categories[r->category] : "?");
	}
	s.text = text;
	return h->score(h, &s);
}

CANTINE_PLUGIN_DEFINE(nutrition,
	.name = "nutrition",
	.version = "1.0",
	.description = "Fréquences GEMRCN sur 20 repas (arrêté du 30 septembre 2011), "
		       "grille végétarienne du CNRC, Nutri-Score des plats",
	.init = nutrition_init,
	.fini = nutrition_fini,
	.check_plan = nutrition_check,
	.score_dish = nutrition_score)
