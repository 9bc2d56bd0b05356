/*
 * exemple.c: a small plugin for the tests of the plugin host, built both
 * as a module (exemple.so) and compiled in (CANTINE_PLUGIN_BUILTIN).  It
 * uses plugin.h only, as a third-party plugin would:
 *  - init reads its data file "seuil" (a number of meals), 3 by default;
 *  - check_plan reports "exemple.repas": the number of meals served in
 *    the period, an error when below the threshold; a period named
 *    2000-01-01 asks it to fail, to test how failures travel;
 *  - score_dish gives "exemple.poids", the weight of a portion, and
 *    "exemple.energie", its energy from the host's nutrients.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cantine/plugin.h>

typedef struct state {
	long threshold;
} state;

static int exemple_init(const cantine_host *h, void **self)
{
	state *s = malloc(sizeof(*s));
	const char *bytes;
	size_t size;
	int rc;

	if (!s)
		return h->fail(h, CANTINE_ENOMEM, "mémoire insuffisante");
	s->threshold = 3;
	rc = h->data(h, "seuil", &bytes, &size);
	if (rc == 0) {
		char *end;
		s->threshold = strtol(bytes, &end, 10);
		if (end == bytes || s->threshold < 0) {
			free(s);
			return h->fail(h, CANTINE_EINVAL, "le fichier de données « seuil » "
				       "doit contenir un nombre de repas");
		}
	} else if (rc != CANTINE_ENOTFOUND) {
		free(s);
		return rc;
	}
	*self = s;
	return 0;
}

static void exemple_fini(void *self)
{
	free(self);
}

static int exemple_check(void *self, const cantine_host *h, const char *uai,
			 const char *from, const char *to)
{
	const state *s = self;
	const cantine_meal *meals;
	cantine_finding f;
	char msg[160];
	size_t n;
	int rc;

	if (strcmp(from, "2000-01-01") == 0)
		return h->fail(h, CANTINE_EINVAL, "période refusée pour le test");
	if ((rc = h->meals(h, uai, from, to, &meals, &n)))
		return rc;
	snprintf(msg, sizeof(msg), "%zu repas servis du %s au %s (seuil : %ld)", n, from,
		 to, s->threshold);
	memset(&f, 0, sizeof(f));
	f.rule = "exemple.repas";
	f.severity = (long)n < s->threshold ? CANTINE_SEVERITY_ERROR : CANTINE_SEVERITY_INFO;
	f.uai = uai;
	f.from = n ? meals[0].date : from;
	f.to = n ? meals[n - 1].date : to;
	f.message = msg;
	f.measured = (int64_t)n;
	f.threshold = s->threshold;
	return h->report(h, &f);
}

static int exemple_score(void *self, const cantine_host *h, const cantine_host_dish *d)
{
	cantine_score sc;
	int64_t mg = 0;
	size_t i;
	int rc;

	(void)self;
	for (i = 0; i < d->n_ingredients; i++)
		mg += d->ingredients[i].grams_mg;
	memset(&sc, 0, sizeof(sc));
	sc.id = "exemple.poids";
	sc.label = "Poids d'une portion";
	sc.unit = "g";
	sc.value = d->declared ? -1 : mg * 1000; /* millionths of a gram */
	sc.text = d->declared ? "inconnu (plat sans recette)" : NULL;
	if ((rc = h->score(h, &sc)) || !d->nutrients ||
	    d->nutrients[CANTINE_NUTRIENT_ENERGY_KJ].flags & CANTINE_NUTRIENT_INCOMPLETE)
		return rc;
	/* What the host computed from the Ciqual table. */
	sc.id = "exemple.energie";
	sc.label = "Énergie d'une portion";
	sc.unit = "kJ";
	sc.value = d->nutrients[CANTINE_NUTRIENT_ENERGY_KJ].portion;
	sc.text = NULL;
	return h->score(h, &sc);
}

CANTINE_PLUGIN_DEFINE(exemple,
	.name = "exemple",
	.version = "1.2",
	.description = "Plugin d'exemple des tests",
	.init = exemple_init,
	.fini = exemple_fini,
	.check_plan = exemple_check,
	.score_dish = exemple_score)
