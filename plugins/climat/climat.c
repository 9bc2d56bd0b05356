/*
 * climat.c: the climat plugin: the carbon footprint of dishes and meals
 * from Agribalyse 3.1.1 (kg CO2 eq per kg of food as eaten, joined on the
 * products' Ciqual code).  A product without a Ciqual code or without an
 * Agribalyse factor is reported, never guessed: the footprint of its
 * dishes is then a lower bound, and says so.
 *
 * Per portion: the sum over ingredients of grams × factor.  Per meal (per
 * cover): for each course the mean of its choices, summed, as the food
 * cost.  Per week: the mean of the meals served.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cantine/plugin.h>

#include "../data.h"
#include "factors.h"

extern const char climat_agribalyse_csv[];
extern const size_t climat_agribalyse_csv_size;

#define TABLE "agribalyse.csv"

/* "1,23" from millionths of a kg, to the hundredth, half up. */
static void kg(char *out, size_t n, int64_t mg)
{
	int64_t h = (mg + 5000) / 10000;

	snprintf(out, n, "%lld,%02lld", (long long)(h / 100), (long long)(h % 100));
}

static int parse_factors(const char *b, size_t n, void *out, char *err, size_t errsz)
{
	return factors_parse(b, n, out, err, errsz);
}

static int climat_init(const cantine_host *h, void **self)
{
	factors *f = malloc(sizeof(*f));
	int rc;

	if (!f)
		return h->fail(h, CANTINE_ENOMEM, "mémoire insuffisante");
	if ((rc = plugin_data_load(h, TABLE, climat_agribalyse_csv, climat_agribalyse_csv_size,
				   parse_factors, f))) {
		free(f);
		return rc;
	}
	*self = f;
	return 0;
}

static void climat_fini(void *self)
{
	if (self)
		factors_free(self);
	free(self);
}

/* The footprint of one portion, in mg CO2 eq; *missing counts the
 * ingredients without data, whose names go to `names` (if not NULL). */
static int64_t portion(const factors *f, const cantine_host_dish *d, size_t *missing,
		       char *names, size_t n)
{
	int64_t mg = 0;
	size_t i, len = names && n ? strlen(names) : 0;

	*missing = 0;
	for (i = 0; i < d->n_ingredients; i++) {
		const cantine_host_ingredient *it = &d->ingredients[i];
		int64_t k = it->ciqual_code > 0 ? factors_find(f, it->ciqual_code) : -1;

		if (k < 0) {
			++*missing;
			if (names && len + 4 < n)
				len += (size_t)snprintf(names + len, n - len, "%s%s",
							len ? ", " : "", it->product_name);
			continue;
		}
		/* mg of food × mg CO2 eq per kg of food / 10^6 mg per kg */
		mg += (it->grams_mg * k + 500000) / 1000000;
	}
	return mg;
}

static int climat_score(void *self, const cantine_host *h, const cantine_host_dish *d)
{
	cantine_score s;
	char text[500], names[300] = "", value[32];
	size_t missing;

	memset(&s, 0, sizeof(s));
	s.id = "climat.co2e-portion";
	s.label = "Empreinte carbone";
	s.unit = "kg CO2 éq. par portion";
	if (d->declared || d->n_ingredients == 0) {
		s.value = -1;
		s.text = "inconnue (plat sans recette)";
		return h->score(h, &s);
	}
	s.value = portion(self, d, &missing, names, sizeof(names));
	kg(value, sizeof(value), s.value);
	if (missing) {
		snprintf(text, sizeof(text), "au moins %s %s (sans donnée Agribalyse pour %s)",
			 value, s.unit, names);
		s.text = text;
	}
	return h->score(h, &s);
}

/* ---- the plan ---- */

typedef struct dish_fp {
	const char *name;
	int64_t     mg;
	int         complete;
} dish_fp;

typedef struct run {
	const factors *f;
	const cantine_host *h;
	dish_fp *dishes;
	size_t   n, cap;
	char     missing[1000]; /* products without data, for the warning */
	size_t   n_missing;
} run;

static int footprint(run *r, const char *name, const dish_fp **out)
{
	const cantine_host_dish *d;
	size_t i, miss;
	int rc;

	for (i = 0; i < r->n; i++)
		if (strcmp(r->dishes[i].name, name) == 0) {
			*out = &r->dishes[i];
			return 0;
		}
	if ((rc = r->h->dish(r->h, name, &d)))
		return rc;
	if (r->n == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 64;
		dish_fp *p = realloc(r->dishes, cap * sizeof(*p));
		if (!p)
			return r->h->fail(r->h, CANTINE_ENOMEM, "mémoire insuffisante");
		r->dishes = p;
		r->cap = cap;
	}
	r->dishes[r->n].name = d->name;
	r->dishes[r->n].mg = portion(r->f, d, &miss, NULL, 0);
	r->dishes[r->n].complete = !d->declared && d->n_ingredients > 0 && miss == 0;
	/* Name each product without data once. */
	for (i = 0; i < d->n_ingredients; i++) {
		const cantine_host_ingredient *it = &d->ingredients[i];
		size_t len = strlen(r->missing);
		char item[200];

		if (it->ciqual_code > 0 && factors_find(r->f, it->ciqual_code) >= 0)
			continue;
		if (it->ciqual_code > 0)
			snprintf(item, sizeof(item), "%s (Ciqual %d)", it->product_name,
				 it->ciqual_code);
		else
			snprintf(item, sizeof(item), "%s (sans code Ciqual)", it->product_name);
		if (strstr(r->missing, item))
			continue;
		r->n_missing++;
		if (len + strlen(item) + 3 < sizeof(r->missing))
			snprintf(r->missing + len, sizeof(r->missing) - len, "%s%s",
				 len ? ", " : "", item);
	}
	*out = &r->dishes[r->n++];
	return 0;
}

/* Per cover: for each course the mean of its choices. */
static int meal_fp(run *r, const cantine_meal *m, int64_t *mg, int *complete)
{
	size_t k = 0, e;
	int rc;

	*mg = 0;
	*complete = 1;
	while (k < m->n_offers) {
		int64_t sum = 0;
		for (e = k; e < m->n_offers && m->offers[e].course == m->offers[k].course; e++) {
			const dish_fp *d = NULL;
			if ((rc = footprint(r, m->offers[e].dish, &d)))
				return rc;
			sum += d->mg;
			*complete &= d->complete;
		}
		*mg += (sum + (int64_t)(e - k) / 2) / (int64_t)(e - k);
		k = e;
	}
	return 0;
}

static int info(const cantine_host *h, const char *rule, cantine_severity sev,
		const char *uai, const char *from, const char *to, int64_t value,
		const char *msg)
{
	cantine_finding f;

	memset(&f, 0, sizeof(f));
	f.rule = rule;
	f.severity = sev;
	f.uai = uai;
	f.from = from;
	f.to = to;
	f.message = msg;
	f.measured = value;
	f.threshold = -1;
	return h->report(h, &f);
}

static int climat_check(void *self, const cantine_host *h, const char *uai,
			const char *from, const char *to)
{
	run r;
	const cantine_meal *meals;
	size_t n, i, in_week = 0;
	int64_t week_sum = 0;
	int week_complete = 1, rc;
	char monday[11] = "", day[64], v[32], msg[1200];

	memset(&r, 0, sizeof(r));
	r.f = self;
	r.h = h;
	if ((rc = h->meals(h, uai, from, to, &meals, &n)))
		return rc;
	for (i = 0; i <= n && rc == 0; i++) {
		char this_monday[11] = "";
		int64_t mg = 0;
		int complete = 1;

		if (i < n)
			cantine_date_monday(this_monday, meals[i].date);
		/* A week ends: its average per cover. */
		if (in_week && strcmp(this_monday, monday) != 0) {
			int64_t avg = (week_sum + (int64_t)in_week / 2) / (int64_t)in_week;
			char sunday[11];
			kg(v, sizeof(v), avg);
			cantine_date_add(sunday, monday, 6);
			cantine_date_french(day, sizeof(day), monday);
			snprintf(msg, sizeof(msg), "semaine du %s : %s%s kg CO2 éq. par couvert "
				 "en moyenne sur %zu repas (Agribalyse 3.1.1)%s", day,
				 week_complete ? "" : "au moins ", v, in_week,
				 week_complete ? "" : " ; des produits n'ont pas de donnée");
			rc = info(h, "climat.co2e-semaine", CANTINE_SEVERITY_INFO, uai, monday,
				  sunday, avg, msg);
			in_week = 0;
			week_sum = 0;
			week_complete = 1;
		}
		if (i == n || rc)
			break;
		memcpy(monday, this_monday, sizeof(monday));
		if ((rc = meal_fp(&r, &meals[i], &mg, &complete)))
			break;
		kg(v, sizeof(v), mg);
		cantine_date_french(day, sizeof(day), meals[i].date);
		snprintf(msg, sizeof(msg), "%s : %s%s kg CO2 éq. par couvert", day,
			 complete ? "" : "au moins ", v);
		rc = info(h, "climat.co2e-repas", CANTINE_SEVERITY_INFO, uai, meals[i].date,
			  meals[i].date, mg, msg);
		week_sum += mg;
		in_week++;
		week_complete &= complete;
	}
	if (rc == 0 && r.n_missing) {
		snprintf(msg, sizeof(msg), "%zu produit%s sans donnée Agribalyse 3.1.1, dont "
			 "l'empreinte n'est pas comptée : %s ; renseignez ou corrigez leur "
			 "code_ciqual dans le fichier produits", r.n_missing,
			 r.n_missing > 1 ? "s" : "", r.missing);
		rc = info(h, "climat.donnees-manquantes", CANTINE_SEVERITY_WARNING, uai, from,
			  to, (int64_t)r.n_missing, msg);
	}
	free(r.dishes);
	return rc;
}

CANTINE_PLUGIN_DEFINE(climat,
	.name = "climat",
	.version = "1.0",
	.description = "Empreinte carbone des plats et des menus (ADEME – Agribalyse 3.1.1)",
	.init = climat_init,
	.fini = climat_fini,
	.check_plan = climat_check,
	.score_dish = climat_score)
