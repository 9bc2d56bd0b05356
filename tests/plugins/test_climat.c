/*
 * test_climat.c: the climat plugin against a fake host: a portion's
 * footprint from grams and factors, a product without data reported and
 * not guessed, a meal per cover (mean of the choices of a course), the
 * week's average, and a site's factor table.
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

#include "factors.h"

const cantine_plugin *cantine_builtin_plugin_climat(void);

/* Three dishes: beef stew (beef 100 g + carrots 50 g), carrots (80 g),
 * and a salad whose dressing has no Ciqual code. */
static const char site[] =
	"ciqual;kg_co2e_par_kg;produit\n"
	"6000;30.5;Boeuf\r\n"
	"20009;0.25;Carotte\n";
static cantine_host_ingredient stew[] = {
	{ .product_code = "B", .product_name = "Boeuf", .grams_mg = 100000, .family = CANTINE_FAMILY_VIANDES_VOLAILLES,
	  .meat = 1, .fish = 0, .ciqual_code = 6000 },
	{ .product_code = "C", .product_name = "Carotte", .grams_mg = 50000, .family = CANTINE_FAMILY_FRUITS_ET_LEGUMES,
	  .meat = 0, .fish = 0, .ciqual_code = 20009 },
};
static cantine_host_ingredient carrots[] = {
	{ .product_code = "C", .product_name = "Carotte", .grams_mg = 80000, .family = CANTINE_FAMILY_FRUITS_ET_LEGUMES,
	  .meat = 0, .fish = 0, .ciqual_code = 20009 },
};
static cantine_host_ingredient salad[] = {
	{ .product_code = "C", .product_name = "Carotte", .grams_mg = 80000, .family = CANTINE_FAMILY_FRUITS_ET_LEGUMES,
	  .meat = 0, .fish = 0, .ciqual_code = 20009 },
	{ .product_code = "V", .product_name = "Vinaigrette maison", .grams_mg = 10000, .family = CANTINE_FAMILY_AUTRES,
	  .meat = 0, .fish = 0, .ciqual_code = 0 },
};
static const cantine_host_dish dishes[] = {
	{ .name = "Boeuf carottes", .course = CANTINE_COURSE_PLAT, .tags = "", .vegetarian = 0, .declared = 0,
	  .n_ingredients = 2, .ingredients = stew },
	{ .name = "Carottes", .course = CANTINE_COURSE_GARNITURE, .tags = "", .vegetarian = 1, .declared = 0,
	  .n_ingredients = 1, .ingredients = carrots },
	{ .name = "Salade", .course = CANTINE_COURSE_ENTREE, .tags = "", .vegetarian = 1, .declared = 0,
	  .n_ingredients = 2, .ingredients = salad },
	{ .name = "Plat importé", .course = CANTINE_COURSE_PLAT, .tags = "", .vegetarian = 0, .declared = 1,
	  .n_ingredients = 0, .ingredients = NULL },
};

typedef struct fake {
	const char     *table;
	cantine_meal    meals[3];
	cantine_offer   offers[3][3];
	cantine_score   score;
	char            text[400];
	char            rule[16][40], msg[16][700];
	int64_t         measured[16];
	cantine_severity sev[16];
	size_t          n;
	char            failure[400];
} fake;

static fake *F(const cantine_host *h) { return h->opaque; }

static int f_meals(const cantine_host *h, const char *uai, const char *from,
		   const char *to, const cantine_meal **m, size_t *n)
{
	(void)uai, (void)from, (void)to;
	*m = F(h)->meals;
	*n = 3;
	return 0;
}

static int f_dish(const cantine_host *h, const char *name, const cantine_host_dish **out)
{
	size_t i;

	(void)h;
	for (i = 0; i < sizeof(dishes) / sizeof(dishes[0]); i++)
		if (strcmp(dishes[i].name, name) == 0) {
			*out = &dishes[i];
			return 0;
		}
	return CANTINE_ENOTFOUND;
}

static int f_data(const cantine_host *h, const char *name, const char **b, size_t *n)
{
	if (strcmp(name, "agribalyse.csv") != 0 || !F(h)->table)
		return CANTINE_ENOTFOUND;
	*b = F(h)->table;
	*n = strlen(F(h)->table);
	return 0;
}

static int f_report(const cantine_host *h, const cantine_finding *fd)
{
	fake *f = F(h);

	assert_true(f->n < 16);
	snprintf(f->rule[f->n], sizeof(f->rule[0]), "%s", fd->rule);
	snprintf(f->msg[f->n], sizeof(f->msg[0]), "%s", fd->message);
	f->measured[f->n] = fd->measured;
	f->sev[f->n] = fd->severity;
	f->n++;
	return 0;
}

static int f_score(const cantine_host *h, const cantine_score *s)
{
	fake *f = F(h);

	f->score = *s;
	snprintf(f->text, sizeof(f->text), "%s", s->text ? s->text : "");
	return 0;
}

static int f_fail(const cantine_host *h, int code, const char *m)
{
	snprintf(F(h)->failure, sizeof(F(h)->failure), "%s", m);
	return code;
}

static void setup_host(cantine_host *h, fake *f)
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

static void meal(fake *f, int i, const char *date, const char *const *names, int n)
{
	int k;

	for (k = 0; k < n; k++) {
		const cantine_host_dish *d = NULL;
		assert_int_equal(f_dish(NULL, names[k], &d), 0);
		f->offers[i][k].dish = names[k];
		f->offers[i][k].course = d->course;
	}
	f->meals[i].date = date;
	f->meals[i].n_offers = (size_t)n;
	f->meals[i].offers = f->offers[i];
}

static void test_scores(void **state)
{
	const cantine_plugin *p = cantine_builtin_plugin_climat();
	fake f;
	cantine_host h;
	void *self;

	(void)state;
	memset(&f, 0, sizeof(f));
	f.table = site;
	setup_host(&h, &f);
	assert_int_equal(p->init(&h, &self), 0);
	/* 100 g × 30.5 + 50 g × 0.25 = 3.05 + 0.0125 kg */
	assert_int_equal(p->score_dish(self, &h, &dishes[0]), 0);
	assert_string_equal(f.score.id, "climat.co2e-portion");
	assert_int_equal(f.score.value, 3062500);
	assert_string_equal(f.text, ""); /* the host formats "3,06" */
	/* A product without data: a lower bound, named. */
	assert_int_equal(p->score_dish(self, &h, &dishes[2]), 0);
	assert_int_equal(f.score.value, 20000);
	assert_string_equal(f.text, "au moins 0,02 kg CO2 éq. par portion (sans donnée "
			    "Agribalyse pour Vinaigrette maison)");
	/* No recipe: unknown. */
	assert_int_equal(p->score_dish(self, &h, &dishes[3]), 0);
	assert_int_equal(f.score.value, -1);
	assert_string_equal(f.text, "inconnue (plat sans recette)");
	p->fini(self);
}

static void test_meals_and_week(void **state)
{
	const cantine_plugin *p = cantine_builtin_plugin_climat();
	static const char *const m1[] = { "Boeuf carottes", "Carottes" };
	static const char *const m2[] = { "Salade", "Boeuf carottes", "Plat importé" };
	static const char *const m3[] = { "Carottes" };
	fake f;
	cantine_host h;
	void *self;
	size_t i;

	(void)state;
	memset(&f, 0, sizeof(f));
	f.table = site;
	meal(&f, 0, "2026-09-07", m1, 2);
	meal(&f, 1, "2026-09-08", m2, 3);
	meal(&f, 2, "2026-09-14", m3, 1);
	setup_host(&h, &f);
	assert_int_equal(p->init(&h, &self), 0);
	assert_int_equal(p->check_plan(self, &h, "0595871L", "2026-09-07", "2026-09-18"), 0);
	p->fini(self);
	/* meal, meal, week, meal, week, warning */
	assert_int_equal(f.n, 6);
	assert_string_equal(f.rule[0], "climat.co2e-repas");
	assert_int_equal(f.measured[0], 3062500 + 20000);
	assert_string_equal(f.msg[0], "lundi 7 septembre 2026 : 3,08 kg CO2 éq. par couvert");
	/* Two plats: each cover takes one, the mean; the salad lacks data. */
	assert_int_equal(f.measured[1], 20000 + 3062500 / 2);
	assert_string_equal(f.msg[1], "mardi 8 septembre 2026 : au moins 1,55 kg CO2 éq. par couvert");
	assert_string_equal(f.rule[2], "climat.co2e-semaine");
	assert_int_equal(f.measured[2], (3082500 + 1551250 + 1) / 2);
	assert_non_null(strstr(f.msg[2], "semaine du lundi 7 septembre 2026 : au moins 2,32 kg CO2 "
				    "éq. par couvert en moyenne sur 2 repas"));
	assert_int_equal(f.measured[4], 20000);
	assert_string_equal(f.rule[5], "climat.donnees-manquantes");
	assert_int_equal(f.sev[5], CANTINE_SEVERITY_WARNING);
	assert_non_null(strstr(f.msg[5], "1 produit sans donnée Agribalyse 3.1.1"));
	assert_non_null(strstr(f.msg[5], "Vinaigrette maison (sans code Ciqual)"));
	for (i = 0; i < f.n; i++)
		assert_int_equal(f.sev[i], i == 5 ? CANTINE_SEVERITY_WARNING : CANTINE_SEVERITY_INFO);
}

static void test_tables(void **state)
{
	const cantine_plugin *p = cantine_builtin_plugin_climat();
	static const struct { const char *t, *err; } bad[] = {
		{ "", "fichier vide" },
		{ "code;kg\n1;2\n", "l'en-tête doit être" },
		{ "ciqual;kg_co2e_par_kg;produit\n", "aucun facteur" },
		{ "ciqual;kg_co2e_par_kg;produit\n12;1,5;x\n", "ligne 2, colonne 2" },
		{ "ciqual;kg_co2e_par_kg;produit\n12;1.1234567;x\n", "6 décimales au plus" },
		{ "ciqual;kg_co2e_par_kg;produit\nabc;1;x\n", "ligne 2, colonne 1 (ciqual)" },
		{ "ciqual;kg_co2e_par_kg;produit\n12;1\n", "ligne 2 : il faut trois colonnes" },
		{ "ciqual;kg_co2e_par_kg;produit\n12;1;x\n12;2;y\n", "le code Ciqual 12 a deux facteurs" },
	};
	factors fs;
	char err[300];
	fake f;
	cantine_host h;
	void *self;
	size_t k;

	(void)state;
	/* The table built from Agribalyse 3.1.1: one factor per Ciqual code. */
	memset(&f, 0, sizeof(f));
	setup_host(&h, &f);
	assert_int_equal(p->init(&h, &self), 0);
	assert_int_equal(((factors *)self)->n, 2505);
	assert_int_equal(factors_find(self, 13014), 496490); /* strawberry, the reference product */
	assert_int_equal(factors_find(self, 99999), -1);
	p->fini(self);
	for (k = 0; k < sizeof(bad) / sizeof(bad[0]); k++) {
		assert_int_equal(factors_parse(bad[k].t, strlen(bad[k].t), &fs, err, sizeof(err)),
				 CANTINE_EINVAL);
		if (!strstr(err, bad[k].err))
			fail_msg("table %zu: « %s »", k, err);
		f.table = bad[k].t;
		assert_int_equal(p->init(&h, &self), CANTINE_EINVAL);
		assert_non_null(strstr(f.failure, "agribalyse.csv (du site)"));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scores),
		cmocka_unit_test(test_meals_and_week),
		cmocka_unit_test(test_tables),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
