/*
 * test_gemrcn.c: the nutrition plugin's GEMRCN rules against a fake host:
 * hand-built plans of 20 meals that pass, and for each of the 15 criteria
 * of the arrêté plans one under, at and one over its threshold; the CNRC
 * vegetarian grid and its trigger; the rules table and its errors; and
 * the classes a dish's composition shows.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <cantine/plugin.h>

#include "derive.h"
#include "gemrcn.h"

const cantine_plugin *cantine_builtin_plugin_nutrition(void);

#define N 20
enum { E, P, G, L, D, NC };
static const cantine_course courses[NC] = {
	CANTINE_COURSE_ENTREE, CANTINE_COURSE_PLAT, CANTINE_COURSE_GARNITURE,
	CANTINE_COURSE_LAITIER, CANTINE_COURSE_DESSERT,
};

/* The plan: 20 meals of five dishes, each dish's tags. */
typedef struct fake {
	char            tags[NC][N][96];
	char            names[NC][N][8];
	char            dates[N][11];
	cantine_offer   offers[N][NC];
	cantine_meal    meals[N];
	cantine_host_dish dish;
	const char     *rules;   /* a site's gemrcn.csv, NULL: the built-in */
	char            failure[600];
	/* findings */
	char            rule[64][64];
	cantine_severity sev[64];
	int64_t         measured[64];
	char            msg[64][2048];
	size_t          n_found;
} fake;

static fake *F(const cantine_host *h) { return h->opaque; }

static int f_meals(const cantine_host *h, const char *uai, const char *from,
		   const char *to, const cantine_meal **meals, size_t *n)
{
	(void)uai, (void)from, (void)to;
	*meals = F(h)->meals;
	*n = N;
	return 0;
}

static int f_dish(const cantine_host *h, const char *name, const cantine_host_dish **out)
{
	fake *f = F(h);
	int c, i;

	for (c = 0; c < NC; c++)
		for (i = 0; i < N; i++)
			if (strcmp(f->names[c][i], name) == 0) {
				memset(&f->dish, 0, sizeof(f->dish));
				f->dish.name = f->names[c][i];
				f->dish.course = courses[c];
				f->dish.tags = f->tags[c][i];
				*out = &f->dish;
				return 0;
			}
	return CANTINE_ENOTFOUND;
}

static int f_data(const cantine_host *h, const char *name, const char **bytes, size_t *size)
{
	if (strcmp(name, "gemrcn.csv") != 0 || !F(h)->rules)
		return CANTINE_ENOTFOUND;
	*bytes = F(h)->rules;
	*size = strlen(F(h)->rules);
	return 0;
}

static int f_report(const cantine_host *h, const cantine_finding *fd)
{
	fake *f = F(h);

	assert_true(f->n_found < 64);
	snprintf(f->rule[f->n_found], sizeof(f->rule[0]), "%s", fd->rule);
	snprintf(f->msg[f->n_found], sizeof(f->msg[0]), "%s", fd->message);
	f->sev[f->n_found] = fd->severity;
	f->measured[f->n_found] = fd->measured;
	f->n_found++;
	return 0;
}

static int f_score(const cantine_host *h, const cantine_score *s)
{
	(void)h, (void)s;
	return 0;
}

static int f_fail(const cantine_host *h, int code, const char *message)
{
	snprintf(F(h)->failure, sizeof(F(h)->failure), "%s", message);
	return code;
}

static void host_for(cantine_host *h, fake *f)
{
	memset(h, 0, sizeof(*h));
	h->abi_version = CANTINE_PLUGIN_ABI;
	h->struct_size = sizeof(*h);
	h->opaque = f;
	h->meals = f_meals;
	h->dish = f_dish;
	h->data = f_data;
	h->report = f_report;
	h->score = f_score;
	h->fail = f_fail;
}

static void tag(fake *f, int c, int from, int to, const char *t)
{
	int i;

	for (i = from; i < to; i++)
		snprintf(f->tags[c][i], sizeof(f->tags[c][i]), "%s", t);
}

/* Add tag `t` to the dish of course c at meal i. */
static void add_tag(fake *f, int c, int i, const char *t)
{
	char both[256];

	snprintf(both, sizeof(both), "%s%s%s", f->tags[c][i], *f->tags[c][i] ? "|" : "", t);
	assert_true(strlen(both) < sizeof(f->tags[c][i]));
	tag(f, c, i, i + 1, both);
}

/* A plan that meets every criterion of the arrêté. */
static void baseline(fake *f)
{
	int c, i;

	memset(f, 0, sizeof(*f));
	for (i = 0; i < N; i++) {
		snprintf(f->dates[i], 11, "2026-%02d-%02d", 9 + i / 15, 1 + i % 15);
		for (c = 0; c < NC; c++) {
			snprintf(f->names[c][i], 8, "%c%d", "EPGLD"[c], i);
			f->offers[i][c].dish = f->names[c][i];
			f->offers[i][c].course = courses[c];
		}
		f->meals[i].date = f->dates[i];
		f->meals[i].n_offers = NC;
		f->meals[i].offers = f->offers[i];
	}
	tag(f, E, 0, 10, "crudite");              /* A1 ≥ 10 */
	tag(f, E, 10, 14, "entree_grasse");       /* D1 ≤ 4 */
	tag(f, P, 0, 4, "viande_non_hachee");     /* C1 ≥ 4 */
	tag(f, P, 4, 8, "poisson");               /* C2 ≥ 4 */
	tag(f, P, 8, 11, "preparation_70");       /* C3 ≤ 3 */
	tag(f, P, 11, 13, "p_l_inferieur_1");     /* D4 ≤ 2 */
	tag(f, P, 13, 17, "frit");                /* D3 ≤ 4 */
	tag(f, G, 0, 10, "legumes_cuits");        /* A3 = 10 */
	tag(f, G, 10, 20, "feculent");            /* A4 = 10 */
	tag(f, L, 0, 8, "fromage_calcium_150");   /* B1 ≥ 8 */
	tag(f, L, 8, 12, "fromage_calcium_100");  /* B2 ≥ 4 */
	tag(f, L, 12, 18, "laitage_calcium");     /* B3 ≥ 6 */
	tag(f, D, 0, 8, "fruit_cru");             /* A2 ≥ 8 */
	tag(f, D, 8, 11, "dessert_gras");         /* D2 ≤ 3 */
	tag(f, D, 11, 15, "dessert_sucre");       /* E1 ≤ 4 */
}

/* Run the plugin on the plan; the errors found. */
static size_t run(fake *f)
{
	const cantine_plugin *p = cantine_builtin_plugin_nutrition();
	cantine_host h;
	void *self = NULL;
	size_t i, errors = 0;

	f->n_found = 0;
	host_for(&h, f);
	assert_int_equal(p->init(&h, &self), 0);
	assert_int_equal(p->check_plan(self, &h, "0595871L", "2026-09-01", "2026-10-31"), 0);
	p->fini(self);
	for (i = 0; i < f->n_found; i++)
		errors += f->sev[i] == CANTINE_SEVERITY_ERROR;
	return errors;
}

static const char *first_error(const fake *f)
{
	size_t i;

	for (i = 0; i < f->n_found; i++)
		if (f->sev[i] == CANTINE_SEVERITY_ERROR)
			return f->rule[i];
	return "(aucune)";
}

static void test_baseline_passes(void **state)
{
	fake *f = malloc(sizeof(*f));

	(void)state;
	baseline(f);
	if (run(f) != 0)
		fail_msg("the baseline plan fails %s", first_error(f));
	/* One information per rule that applies (15, the vegetarian grid
	 * does not: no vegetarian meal). */
	assert_int_equal(f->n_found, 15);
	free(f);
}

/*
 * Each criterion: the course and the meals of the baseline that carry its
 * class (from, to), the free meals of that course where one more can go,
 * and the threshold (min or max).
 */
static const struct crit {
	const char *rule, *cls;
	int course, from, to; /* baseline meals with the class */
	int spare_course, spare; /* a meal where one more can go */
	int min, max;
} crits[] = {
	{ "nutrition.gemrcn-a1", "crudite", E, 0, 10, E, 15, 10, -1 },
	{ "nutrition.gemrcn-a2", "fruit_cru", D, 0, 8, D, 16, 8, -1 },
	{ "nutrition.gemrcn-a3", "legumes_cuits", G, 0, 10, P, 18, 10, 10 },
	{ "nutrition.gemrcn-a4", "feculent", G, 10, 20, P, 2, 10, 10 },
	{ "nutrition.gemrcn-b1", "fromage_calcium_150", L, 0, 8, L, 18, 8, -1 },
	{ "nutrition.gemrcn-b2", "fromage_calcium_100", L, 8, 12, L, 18, 4, -1 },
	{ "nutrition.gemrcn-b3", "laitage_calcium", L, 12, 18, L, 18, 6, -1 },
	{ "nutrition.gemrcn-c1", "viande_non_hachee", P, 0, 4, P, 18, 4, -1 },
	{ "nutrition.gemrcn-c2", "poisson", P, 4, 8, P, 18, 4, -1 },
	{ "nutrition.gemrcn-c3", "preparation_70", P, 8, 11, P, 18, -1, 3 },
	{ "nutrition.gemrcn-d1", "entree_grasse", E, 10, 14, E, 15, -1, 4 },
	{ "nutrition.gemrcn-d2", "dessert_gras", D, 8, 11, D, 16, -1, 3 },
	{ "nutrition.gemrcn-d3", "frit", P, 13, 17, G, 2, -1, 4 },
	{ "nutrition.gemrcn-d4", "p_l_inferieur_1", P, 11, 13, P, 18, -1, 2 },
	{ "nutrition.gemrcn-e1", "dessert_sucre", D, 11, 15, D, 16, -1, 4 },
};

/* The plan with `k` meals of the criterion's class, k = base - 1 or
 * base + 1 (base: the threshold, which the baseline sits at). */
static void plan_with(fake *f, const struct crit *c, int delta)
{
	baseline(f);
	if (delta < 0) {
		tag(f, c->course, c->to - 1, c->to, "");
	} else if (delta > 0) {
		add_tag(f, c->spare_course, c->spare, c->cls);
	}
}

static void expect(fake *f, const struct crit *c, int delta, int want_error)
{
	size_t i, found = 0;

	plan_with(f, c, delta);
	run(f);
	for (i = 0; i < f->n_found; i++) {
		if (f->sev[i] != CANTINE_SEVERITY_ERROR)
			continue;
		if (strcmp(f->rule[i], c->rule) != 0)
			fail_msg("%s with %+d: unexpected error %s: %s", c->rule, delta,
				 f->rule[i], f->msg[i]);
		found++;
		/* The count of the window and the meals that count are said. */
		assert_int_equal(f->measured[i], (c->min >= 0 && delta < 0 ? c->min
						  : c->max) + delta);
		assert_non_null(strstr(f->msg[i], "repas n° 1 à 20 (du 01/09/2026 au 05/10/2026)"));
	}
	if (want_error && !found)
		fail_msg("%s with %+d: no error", c->rule, delta);
	if (!want_error && found)
		fail_msg("%s with %+d: an error", c->rule, delta);
}

static void test_each_criterion_at_its_threshold(void **state)
{
	fake *f = malloc(sizeof(*f));
	size_t k;

	(void)state;
	for (k = 0; k < sizeof(crits) / sizeof(crits[0]); k++) {
		const struct crit *c = &crits[k];
		/* At the threshold: holds (the baseline). */
		expect(f, c, 0, 0);
		/* One under: fails a minimum, holds a maximum. */
		expect(f, c, -1, c->min >= 0);
		/* One over: fails a maximum, holds a minimum. */
		expect(f, c, +1, c->max >= 0);
	}
	free(f);
}

static void test_findings_name_the_meals(void **state)
{
	fake *f = malloc(sizeof(*f));

	(void)state;
	size_t i;

	plan_with(f, &crits[8], -1); /* C2: 3 fish instead of 4 */
	assert_int_equal(run(f), 1);
	assert_string_equal(first_error(f), "nutrition.gemrcn-c2");
	for (i = 0; f->sev[i] != CANTINE_SEVERITY_ERROR; i++)
		;
	assert_non_null(strstr(f->msg[i], "3 repas avec poissons"));
	assert_non_null(strstr(f->msg[i], "il en faut au moins 4 sur 20"));
	assert_non_null(strstr(f->msg[i], "repas qui comptent : 05/09, 06/09, 07/09"));
	free(f);
}

/* With a choice, a minimum counts a meal only when every choice has the
 * class, a maximum when any has it. */
static void test_choices(void **state)
{
	fake *f = malloc(sizeof(*f));
	size_t i;

	(void)state;
	baseline(f);
	/* Meal 5's plat: fish, or a second dish without class. */
	for (i = 0; i < N; i++)
		f->meals[i].offers = f->offers[i];
	{
		static cantine_offer six[NC + 1];
		memcpy(six, f->offers[5], sizeof(f->offers[5]));
		six[NC] = six[P];
		six[NC].dish = "P16"; /* no class of its own: frit, in fact */
		f->meals[5].offers = six;
		f->meals[5].n_offers = NC + 1;
		run(f);
	}
	/* C2 loses meal 5 (3 fish for every pupil); D3 gains it (5 fried). */
	{
		size_t c2 = 0, d3 = 0;
		for (i = 0; i < f->n_found; i++) {
			if (f->sev[i] != CANTINE_SEVERITY_ERROR)
				continue;
			c2 += strcmp(f->rule[i], "nutrition.gemrcn-c2") == 0 && f->measured[i] == 3;
			d3 += strcmp(f->rule[i], "nutrition.gemrcn-d3") == 0 && f->measured[i] == 5;
		}
		assert_int_equal(c2, 1);
		assert_int_equal(d3, 1);
	}
	free(f);
}

static size_t count_rule(const fake *f, const char *rule, cantine_severity s)
{
	size_t i, n = 0;

	for (i = 0; i < f->n_found; i++)
		n += strcmp(f->rule[i], rule) == 0 && f->sev[i] == s;
	return n;
}

static void test_vegetarian_grid(void **state)
{
	fake *f = malloc(sizeof(*f));

	(void)state;
	/* Three vegetarian plats: the grid does not apply. */
	baseline(f);
	add_tag(f, P, 17, "plat_vegetarien");
	add_tag(f, P, 18, "plat_vegetarien|vege_oeuf");
	add_tag(f, P, 19, "plat_vegetarien|vege_oeuf");
	assert_int_equal(run(f), 0);
	assert_int_equal(count_rule(f, "nutrition.cnrc-oeuf", CANTINE_SEVERITY_INFO), 0);
	/* Four: it applies; one plat of cereals and pulses is too few, two
	 * egg plats too many. */
	add_tag(f, P, 16, "plat_vegetarien|vege_cereales_legumineuses");
	assert_int_equal(run(f), 2);
	assert_int_equal(count_rule(f, "nutrition.cnrc-cereales-legumineuses",
				    CANTINE_SEVERITY_ERROR), 1);
	assert_int_equal(count_rule(f, "nutrition.cnrc-oeuf", CANTINE_SEVERITY_ERROR), 1);
	/* Two of cereals and pulses, one of egg: it holds. */
	tag(f, P, 19, 20, "plat_vegetarien|vege_cereales_legumineuses");
	assert_int_equal(run(f), 0);
	assert_int_equal(count_rule(f, "nutrition.cnrc-soja", CANTINE_SEVERITY_INFO), 1);
	free(f);
}

/* Tags given by hand: synonyms count, "non_<class>" removes a class. */
static void test_tags(void **state)
{
	fake *f = malloc(sizeof(*f));

	(void)state;
	baseline(f);
	tag(f, G, 10, 11, "legumineuses"); /* still a féculent */
	add_tag(f, P, 0, "non_viande_non_hachee");
	assert_int_equal(run(f), 1);
	assert_string_equal(first_error(f), "nutrition.gemrcn-c1");
	free(f);
	{
		/* Raw-bought carrots make a crudité, unless the dish is a soup. */
		const cantine_plugin *p = cantine_builtin_plugin_nutrition();
		cantine_host_ingredient carrot = { .product_code = "C", .product_name = "Carotte",
			.grams_mg = 150000, .ciqual_food = "Carotte, crue",
			.ciqual_group = "020101" };
		cantine_host_dish d = { .name = "Velouté", .course = CANTINE_COURSE_ENTREE,
			.tags = "", .vegetarian = 1, .n_ingredients = 1, .ingredients = &carrot };
		const gemrcn_rules *r;
		cantine_host h;
		void *self = NULL;
		fake *g = malloc(sizeof(*g));

		baseline(g);
		host_for(&h, g);
		assert_int_equal(p->init(&h, &self), 0);
		r = self;
		assert_true(gemrcn_classify(r, &d) & 1); /* rule 0: gemrcn-a1, crudite */
		d.tags = "potage";
		assert_false(gemrcn_classify(r, &d) & 1);
		d.tags = "non_crudite";
		assert_false(gemrcn_classify(r, &d) & 1);
		p->fini(self);
		free(g);
	}
}

static void test_fewer_than_20_meals(void **state)
{
	const cantine_plugin *p = cantine_builtin_plugin_nutrition();
	fake *f = malloc(sizeof(*f));
	cantine_host h;
	void *self = NULL;

	(void)state;
	baseline(f);
	host_for(&h, f);
	h.meals = NULL; /* replaced below */
	assert_int_equal(p->init(&h, &self), 0);
	assert_int_equal(gemrcn_check(self, &h, "0595871L", "2026-09-01", "2026-09-30",
				      f->meals, 19), 0);
	assert_int_equal(f->n_found, 1);
	assert_string_equal(f->rule[0], "nutrition.gemrcn-fenetre");
	assert_int_equal(f->sev[0], CANTINE_SEVERITY_INFO);
	assert_non_null(strstr(f->msg[0], "19 repas servis"));
	p->fini(self);
	free(f);
}

/* The thresholds are data: a site's table replaces the built-in one, and
 * a bad table stops the plugin with the line and column. */
static void test_site_rules(void **state)
{
	const cantine_plugin *p = cantine_builtin_plugin_nutrition();
	fake *f = malloc(sizeof(*f));
	cantine_host h;
	void *self = NULL;
	static const char site[] =
		"regle;classe;plats;min;max;grille;libelle;source\n"
		"poisson-3;poisson;plat principal;3;;standard;plats de poisson;site\r\n";
	static const struct { const char *text, *error; } bad[] = {
		{ "", "fichier vide" },
		{ "regle;classe\n", "ligne 1 : 2 colonnes séparées par « ; », il en faut 8" },
		{ "regle;classe;plats;min;max;grille;libelle;sources\n",
		  "ligne 1, colonne 8 (source) : en-tête « sources » au lieu de « source »" },
		{ "regle;classe;plats;min;max;grille;libelle;source\n",
		  "aucune règle après l'en-tête" },
		{ "regle;classe;plats;min;max;grille;libelle;source\nx;poisson;plat;4;;standard;l;s\n",
		  "ligne 2, colonne 3 (plats) : liste de plats invalide" },
		{ "regle;classe;plats;min;max;grille;libelle;source\nx;poisson;dessert;21;;standard;l;s\n",
		  "ligne 2, colonne 4 (min) : « 21 » : un nombre de repas de 0 à 20, ou rien" },
		{ "regle;classe;plats;min;max;grille;libelle;source\nx;poisson;dessert;;;standard;l;s\n",
		  "ligne 2, colonne 4 (min) : il faut un minimum, un maximum ou les deux" },
		{ "regle;classe;plats;min;max;grille;libelle;source\nx;poisson;dessert;5;4;standard;l;s\n",
		  "le minimum (5) dépasse le maximum (4)" },
		{ "regle;classe;plats;min;max;grille;libelle;source\nx;Poisson;dessert;5;;standard;l;s\n",
		  "ligne 2, colonne 2 (classe)" },
		{ "regle;classe;plats;min;max;grille;libelle;source\nx;a;dessert;1;;standard;l;s\nx;b;dessert;1;;standard;l;s\n",
		  "ligne 3, colonne 1 (regle) : la règle « x » est déjà définie" },
		{ "regle;classe;plats;min;max;grille;libelle;source\nx;a;dessert;1;;vegetarien;l;s\n",
		  "des règles « vegetarien » sans règle « declencheur »" },
		{ "regle;classe;plats;min;max;grille;libelle;source\nx;a;dessert;1;;autre;l;s\n",
		  "ligne 2, colonne 6 (grille) : « autre » : standard, vegetarien ou declencheur" },
		{ "regle;classe;plats;min;max;grille;libelle;source\nx;a;dessert;1;;standard;;s\n",
		  "ligne 2, colonne 7 (libelle) : le libellé est obligatoire" },
	};
	size_t k;

	(void)state;
	baseline(f);
	tag(f, P, 4, 5, ""); /* 3 fish: fails the arrêté, not the site's table */
	f->rules = site;
	assert_int_equal(run(f), 0);
	assert_int_equal(f->n_found, 1);
	assert_string_equal(f->rule[0], "nutrition.poisson-3");
	host_for(&h, f);
	for (k = 0; k < sizeof(bad) / sizeof(bad[0]); k++) {
		f->rules = bad[k].text;
		f->failure[0] = '\0';
		assert_int_equal(p->init(&h, &self), CANTINE_EINVAL);
		if (!strstr(f->failure, bad[k].error) ||
		    !strstr(f->failure, "gemrcn.csv (du site)"))
			fail_msg("bad table %zu: « %s »", k, f->failure);
	}
	free(f);
}

/* ---- classes from the composition (derive.c) ---- */

/* One ingredient: group, grams, flags; its own nutrients are given only
 * for the main-protein tests. */
typedef struct ding {
	const char *group, *food;
	int64_t     g;
	int         meat, fish;
	int64_t     protein; /* g, per this ingredient's grams */
} ding;

/* A dish of up to 3 ingredients, with its nutrients per portion (g or mg
 * as each nutrient's unit; -1: unknown) and the portion's weight. */
static int classes(cantine_course course, int vegetarian, const ding *in, size_t n,
		   double fat, double protein, double sugars, double calcium,
		   const char *cls)
{
	static cantine_host_ingredient items[3];
	static int64_t amounts[3][CANTINE_NUTRIENT__MAX];
	static cantine_nutrient_amount nut[CANTINE_NUTRIENT__MAX];
	cantine_host_dish d;
	int64_t portion = 0;
	size_t i;
	const struct { cantine_nutrient k; double v; } given[] = {
		{ CANTINE_NUTRIENT_FAT, fat }, { CANTINE_NUTRIENT_PROTEIN, protein },
		{ CANTINE_NUTRIENT_SUGARS, sugars }, { CANTINE_NUTRIENT_CALCIUM, calcium },
	};

	memset(items, 0, sizeof(items));
	memset(amounts, 0, sizeof(amounts));
	memset(nut, 0, sizeof(nut));
	for (i = 0; i < n; i++) {
		items[i].product_code = in[i].food;
		items[i].product_name = in[i].food;
		items[i].ciqual_food = in[i].food;
		items[i].ciqual_group = in[i].group;
		items[i].grams_mg = in[i].g * 1000;
		items[i].meat = in[i].meat;
		items[i].fish = in[i].fish;
		amounts[i][CANTINE_NUTRIENT_PROTEIN] = in[i].protein * 1000000;
		items[i].nutrients = amounts[i];
		portion += items[i].grams_mg;
	}
	for (i = 0; i < sizeof(given) / sizeof(given[0]); i++) {
		if (given[i].v < 0) {
			nut[given[i].k].flags = CANTINE_NUTRIENT_INCOMPLETE;
			continue;
		}
		nut[given[i].k].portion = (int64_t)(given[i].v * 1000000 + 0.5);
		nut[given[i].k].per_100g = nut[given[i].k].portion * 100000 / portion;
	}
	memset(&d, 0, sizeof(d));
	d.name = "plat";
	d.course = course;
	d.tags = "";
	d.vegetarian = vegetarian;
	d.n_ingredients = n;
	d.ingredients = items;
	d.portion_mg = portion;
	d.nutrients = nut;
	return gemrcn_derive(&d, cls);
}

static void test_derive(void **state)
{
	const ding crudites[] = { { "020101", "Carotte, crue", 70, 0, 0, 0 },
				  { "090201", "Huile de colza", 5, 0, 0, 0 } };
	const ding pate[] = { { "040305", "Pâté de campagne", 50, 1, 0, 0 } };
	const ding sardine[] = { { "040900", "Sardine à l'huile", 50, 0, 1, 0 } };
	const ding colin[] = { { "040600", "Colin", 100, 0, 1, 18 },
			       { "100102", "Sauce", 30, 0, 0, 0 } };
	const ding lasagne[] = { { "040201", "Boeuf, steak haché cru", 40, 1, 0, 8 },
				 { "030101", "Pâtes cuites", 150, 0, 0, 7 } };
	const ding roti[] = { { "040101", "Boeuf, rôti, cuit", 100, 1, 0, 28 },
			      { "100102", "Sauce", 50, 0, 0, 0 } };
	const ding hache[] = { { "040201", "Boeuf, steak haché cru", 100, 1, 0, 20 } };
	const ding garniture[] = { { "020102", "Haricots verts cuits", 120, 0, 0, 0 },
				   { "020200", "Pomme de terre", 80, 0, 0, 0 } };
	const ding yaourt[] = { { "050201", "Yaourt nature", 125, 0, 0, 5 } };
	const ding fromage[] = { { "050303", "Emmental", 30, 0, 0, 8 } };
	const ding pomme[] = { { "020401", "Pomme, crue", 150, 0, 0, 0 } };
	const ding compote[] = { { "020402", "Compote de pommes", 100, 0, 0, 0 } };
	const ding frites[] = { { "020200", "Pommes de terre frites", 150, 0, 0, 0 } };
	const ding omelette[] = { { "041003", "Omelette", 120, 0, 0, 13 },
				  { "050303", "Emmental", 20, 0, 0, 5 } };
	const ding tofu[] = { { "100900", "Tofu nature", 100, 0, 0, 12 } };
	const ding dahl[] = { { "020301", "Lentilles cuites", 150, 0, 0, 13 },
			      { "030101", "Riz cuit", 100, 0, 0, 3 } };

	(void)state;
	/* A1: 70 g of raw carrot in 75 g; not fat (6.9 %). */
	assert_true(classes(CANTINE_COURSE_ENTREE, 1, crudites, 2, 5.2, 0.6, 3, 30, "crudite"));
	assert_false(classes(CANTINE_COURSE_ENTREE, 1, crudites, 2, 5.2, 0.6, 3, 30, "entree_grasse"));
	/* D1: a pâté at 30 % fat; oily fish is not counted. */
	assert_true(classes(CANTINE_COURSE_ENTREE, 0, pate, 1, 15, 7, 0, 10, "entree_grasse"));
	assert_false(classes(CANTINE_COURSE_ENTREE, 0, sardine, 1, 10, 12, 0, 100, "entree_grasse"));
	/* Fat unknown: not derived. */
	assert_false(classes(CANTINE_COURSE_ENTREE, 0, pate, 1, -1, 7, 0, 10, "entree_grasse"));
	/* C2: 77 % fish and P/L ≥ 2; a fat fish preparation is not. */
	assert_true(classes(CANTINE_COURSE_PLAT, 0, colin, 2, 5, 18, 0, 20, "poisson"));
	assert_false(classes(CANTINE_COURSE_PLAT, 0, colin, 2, 10, 18, 0, 20, "poisson"));
	assert_false(classes(CANTINE_COURSE_PLAT, 0, colin, 2, 5, 18, 0, 20, "preparation_70"));
	/* C3: 40 g of meat, under 70 % of the 100 g recommended. */
	assert_true(classes(CANTINE_COURSE_PLAT, 0, lasagne, 2, 12, 15, 2, 100, "preparation_70"));
	assert_false(classes(CANTINE_COURSE_PLAT, 0, lasagne, 2, 12, 15, 2, 100, "viande_non_hachee"));
	/* C1: roast beef, not minced beef. */
	assert_true(classes(CANTINE_COURSE_PLAT, 0, roti, 2, 8, 28, 0, 10, "viande_non_hachee"));
	assert_false(classes(CANTINE_COURSE_PLAT, 0, hache, 1, 15, 20, 0, 10, "viande_non_hachee"));
	/* D4: as much fat as protein. */
	assert_true(classes(CANTINE_COURSE_PLAT, 0, hache, 1, 20, 20, 0, 10, "p_l_inferieur_1"));
	assert_false(classes(CANTINE_COURSE_PLAT, 0, hache, 1, 19.9, 20, 0, 10, "p_l_inferieur_1"));
	/* A3, A4: the 50 % rule. */
	assert_true(classes(CANTINE_COURSE_GARNITURE, 1, garniture, 2, 1, 3, 3, 50, "legumes_cuits"));
	assert_false(classes(CANTINE_COURSE_GARNITURE, 1, garniture, 2, 1, 3, 3, 50, "feculent"));
	/* B3: a yoghurt, > 100 mg calcium and < 5 g fat. */
	assert_true(classes(CANTINE_COURSE_LAITIER, 1, yaourt, 1, 1.5, 5, 5, 150, "laitage_calcium"));
	assert_false(classes(CANTINE_COURSE_LAITIER, 1, yaourt, 1, 5, 5, 5, 150, "laitage_calcium"));
	assert_false(classes(CANTINE_COURSE_LAITIER, 1, yaourt, 1, 1.5, 5, 5, 100, "laitage_calcium"));
	/* B1, B2: cheese by its calcium per portion. */
	assert_true(classes(CANTINE_COURSE_LAITIER, 1, fromage, 1, 9, 8, 0, 150, "fromage_calcium_150"));
	assert_false(classes(CANTINE_COURSE_LAITIER, 1, fromage, 1, 9, 8, 0, 149.9, "fromage_calcium_150"));
	assert_true(classes(CANTINE_COURSE_LAITIER, 1, fromage, 1, 9, 8, 0, 149.9, "fromage_calcium_100"));
	assert_true(classes(CANTINE_COURSE_LAITIER, 1, fromage, 1, 9, 8, 0, 100, "fromage_calcium_100"));
	assert_false(classes(CANTINE_COURSE_LAITIER, 1, fromage, 1, 9, 8, 0, 99.9, "fromage_calcium_100"));
	assert_false(classes(CANTINE_COURSE_LAITIER, 1, fromage, 1, 9, 8, 0, -1, "fromage_calcium_100"));
	assert_true(classes(CANTINE_COURSE_ENTREE, 1, fromage, 1, 9, 8, 0, 300, "fromage_calcium_150"));
	/* A2 and E1: a raw fruit's sugars do not make it sweet; a compote's do. */
	assert_true(classes(CANTINE_COURSE_DESSERT, 1, pomme, 1, 0.4, 0.4, 25, 5, "fruit_cru"));
	assert_false(classes(CANTINE_COURSE_DESSERT, 1, pomme, 1, 0.4, 0.4, 25, 5, "dessert_sucre"));
	assert_true(classes(CANTINE_COURSE_DESSERT, 1, compote, 1, 0.2, 0.3, 22.6, 5, "dessert_sucre"));
	assert_false(classes(CANTINE_COURSE_DESSERT, 1, compote, 1, 0.2, 0.3, 20, 5, "dessert_sucre"));
	assert_false(classes(CANTINE_COURSE_DESSERT, 1, compote, 1, 0.2, 0.3, 22.6, 5, "fruit_cru"));
	/* D2: > 15 g fat per 100 g. */
	assert_true(classes(CANTINE_COURSE_DESSERT, 1, compote, 1, 15.1, 3, 22, 5, "dessert_gras"));
	assert_false(classes(CANTINE_COURSE_DESSERT, 1, compote, 1, 15.1, 3, 22, 5, "dessert_sucre"));
	assert_false(classes(CANTINE_COURSE_DESSERT, 1, compote, 1, 15, 3, 22, 5, "dessert_gras"));
	/* D3: fries over 15 % fat. */
	assert_true(classes(CANTINE_COURSE_GARNITURE, 1, frites, 1, 23, 4, 1, 15, "frit"));
	assert_false(classes(CANTINE_COURSE_GARNITURE, 1, frites, 1, 22.5, 4, 1, 15, "frit"));
	/* CNRC: the main protein of a vegetarian plat. */
	assert_true(classes(CANTINE_COURSE_PLAT, 1, omelette, 2, 15, 18, 1, 100, "vege_oeuf"));
	assert_false(classes(CANTINE_COURSE_PLAT, 1, omelette, 2, 15, 18, 1, 100, "vege_fromage"));
	assert_true(classes(CANTINE_COURSE_PLAT, 1, tofu, 1, 5, 12, 1, 100, "vege_soja"));
	assert_false(classes(CANTINE_COURSE_PLAT, 1, tofu, 1, 5, 12, 1, 100,
			     "vege_cereales_legumineuses"));
	assert_true(classes(CANTINE_COURSE_PLAT, 1, dahl, 2, 3, 16, 2, 60,
			    "vege_cereales_legumineuses"));
	assert_true(classes(CANTINE_COURSE_PLAT, 1, dahl, 2, 3, 16, 2, 60, "plat_vegetarien"));
	assert_false(classes(CANTINE_COURSE_PLAT, 0, roti, 2, 8, 28, 0, 10, "plat_vegetarien"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_baseline_passes),
		cmocka_unit_test(test_each_criterion_at_its_threshold),
		cmocka_unit_test(test_findings_name_the_meals),
		cmocka_unit_test(test_choices),
		cmocka_unit_test(test_vegetarian_grid),
		cmocka_unit_test(test_tags),
		cmocka_unit_test(test_fewer_than_20_meals),
		cmocka_unit_test(test_site_rules),
		cmocka_unit_test(test_derive),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
