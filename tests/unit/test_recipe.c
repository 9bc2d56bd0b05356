/*
 * test_recipe.c: products and dishes: what is derived from the
 * ingredients (vegetarian, allergens, traces, cost) and the exact cost
 * arithmetic.
 */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "common_int.h"
#include "model_int.h"

#define A(x) (1u << CANTINE_ALLERGEN_##x)

static void save_product(cantine_ctx *ctx, const cantine_product *p)
{
	int rc = cantine_product_save(ctx, p);

	if (rc != 0)
		fail_msg("product_save(%s): %d %s", p->code, rc, cantine_errmsg(ctx));
}

/* The catalogue every dish test uses. */
static void catalogue(cantine_ctx *ctx)
{
	cantine_product p;

	tu_product_init(&p, "CAROTTE", "Carotte", 180);
	save_product(ctx, &p);

	tu_product_init(&p, "HUILE", "Huile de colza", 350);
	p.family = CANTINE_FAMILY_AUTRES;
	p.unit = CANTINE_UNIT_LITRE;
	p.unit_grams = 920;
	save_product(ctx, &p);

	tu_product_init(&p, "BOEUF", "Bœuf haché 15 %", 845);
	p.family = CANTINE_FAMILY_VIANDES_VOLAILLES;
	p.meat = 1;
	save_product(ctx, &p);

	tu_product_init(&p, "COLIN", "Colin d'Alaska", 1100);
	p.family = CANTINE_FAMILY_PRODUITS_DE_LA_MER;
	p.fish = 1;
	p.allergens = A(FISH);
	p.traces = A(CRUSTACEANS);
	save_product(ctx, &p);

	tu_product_init(&p, "FARINE", "Farine de blé T55", 120);
	p.family = CANTINE_FAMILY_AUTRES;
	p.allergens = A(GLUTEN);
	p.traces = A(EGGS) | A(SESAME);
	save_product(ctx, &p);

	tu_product_init(&p, "OEUF", "Œuf entier liquide", 420);
	p.family = CANTINE_FAMILY_PRODUITS_LAITIERS;
	p.allergens = A(EGGS);
	save_product(ctx, &p);

	tu_product_init(&p, "YAOURT", "Yaourt nature 125 g", 45);
	p.family = CANTINE_FAMILY_PRODUITS_LAITIERS;
	p.unit = CANTINE_UNIT_PIECE;
	p.unit_grams = 125;
	p.allergens = A(MILK);
	p.traces = A(NUTS);
	save_product(ctx, &p);
}

static int setup(void **state)
{
	int rc = tu_setup_store(state);

	if (rc == 0)
		catalogue(((tu_fixture *)*state)->ctx);
	return rc;
}

static cantine_dish *find_dish(cantine_ctx *ctx, const char *name)
{
	cantine_dish *d = NULL;
	int rc = cantine_dish_find(&d, ctx, name);

	if (rc != 0)
		fail_msg("dish_find(%s): %d %s", name, rc, cantine_errmsg(ctx));
	return d;
}

static void save_dish(cantine_ctx *ctx, const char *name, cantine_course c,
		      const char *tags, const cantine_ingredient *ing, size_t n)
{
	int rc = cantine_dish_save(ctx, name, c, tags, ing, n);

	if (rc != 0)
		fail_msg("dish_save(%s): %d %s", name, rc, cantine_errmsg(ctx));
}

/* ---- cost arithmetic ---- */

static void test_cost_cents(void **state)
{
	(void)state;
	/* 120 g at 8.45 €/kg = 101.4 cents. */
	assert_int_equal(cantine_cost_cents(845, 1000, 120000), 101);
	/* 30 g at 8.45 €/kg = 25.35. */
	assert_int_equal(cantine_cost_cents(845, 1000, 30000), 25);
	/* Exact halves round up (not to even). */
	assert_int_equal(cantine_cost_cents(250, 1000, 10000), 3);   /* 2.5 */
	assert_int_equal(cantine_cost_cents(450, 1000, 10000), 5);   /* 4.5 */
	assert_int_equal(cantine_cost_cents(1, 1000, 500000), 1);    /* 0.5 */
	assert_int_equal(cantine_cost_cents(1, 1000, 1500000), 2);   /* 1.5 */
	assert_int_equal(cantine_cost_cents(845, 1000, 10000), 8);   /* 8.45 */
	assert_int_equal(cantine_cost_cents(100, 1000, 4000), 0);    /* 0.4 */
	assert_int_equal(cantine_cost_cents(100, 1000, 6000), 1);    /* 0.6 */
	assert_int_equal(cantine_cost_cents(1290, 1000, 1), 0);      /* 1 mg */
	/* Piece-priced: a 125 g pot at 0.45 €. */
	assert_int_equal(cantine_cost_cents(45, 125, 125000), 45);
	assert_int_equal(cantine_cost_cents(45, 125, 100000), 36);
	assert_int_equal(cantine_cost_cents(45, 125, 12500), 5);     /* 4.5 */
	assert_int_equal(cantine_cost_cents(45, 125, 250000), 90);
	/* A litre of milk weighing 1030 g at 1.03 €: 1 cent per gram. */
	assert_int_equal(cantine_cost_cents(103, 1030, 200000), 20);
	/* Large but within the limits: 1 000 000 € per kg, 2 kg. */
	assert_int_equal(cantine_cost_cents(INT64_C(100000000), 1000, 2000000),
			 INT64_C(200000000));
	/* Nothing costs nothing; nonsense gives 0. */
	assert_int_equal(cantine_cost_cents(0, 1000, 120000), 0);
	assert_int_equal(cantine_cost_cents(845, 1000, 0), 0);
	assert_int_equal(cantine_cost_cents(845, 0, 120000), 0);
	assert_int_equal(cantine_cost_cents(-845, 1000, 120000), 0);
	assert_int_equal(cantine_cost_cents(845, 1000, -1), 0);
	/* The internal helpers. */
	assert_int_equal(cantine__cost_ucents(845, 1000, 120000), 101400000);
	assert_int_equal(cantine__ucents_to_cents(1499999), 1);
	assert_int_equal(cantine__ucents_to_cents(1500000), 2);
	assert_int_equal(cantine__ucents_to_cents(0), 0);
	/* Rounded once, exactly: 0.4999 cent is 0 cent, not 0.500 then 1. */
	assert_int_equal(cantine_cost_cents(100, 1000, 4999), 0);
	assert_int_equal(cantine_cost_cents(1, 1000, 499999), 0);
	assert_int_equal(cantine_cost_cents(1, 1000, 500000), 1);
}

/* ---- products ---- */

static void test_product_round_trip(void **state)
{
	tu_fixture *f = *state;
	cantine_product p, *got = NULL;

	tu_product_init(&p, "VBF-STEAK.15_a", "Steak haché « 15 % »", 1290);
	p.family = CANTINE_FAMILY_VIANDES_VOLAILLES;
	p.labels = (1u << CANTINE_LABEL_LABEL_ROUGE) | (1u << CANTINE_LABEL_FERMIER);
	p.country = "FR";
	p.departement = "59";
	p.commune_insee = "59350";
	p.distance_km = 42;
	p.local = CANTINE_LOCAL_KM;
	p.supplier = "Boucherie du Nord";
	p.ciqual = 6253;
	p.allergens = A(CELERY) | A(MUSTARD);
	p.traces = A(SULPHITES);
	p.meat = 1;
	save_product(f->ctx, &p);
	assert_int_equal(cantine_product_find(&got, f->ctx, "VBF-STEAK.15_a"), 0);
	assert_string_equal(got->code, "VBF-STEAK.15_a");
	assert_string_equal(got->name, "Steak haché « 15 % »");
	assert_int_equal(got->family, CANTINE_FAMILY_VIANDES_VOLAILLES);
	assert_int_equal(got->labels, p.labels);
	assert_string_equal(got->country, "FR");
	assert_string_equal(got->departement, "59");
	assert_string_equal(got->commune_insee, "59350");
	assert_int_equal(got->distance_km, 42);
	assert_int_equal(got->local, CANTINE_LOCAL_KM);
	assert_string_equal(got->supplier, "Boucherie du Nord");
	assert_int_equal(got->unit, CANTINE_UNIT_KG);
	assert_int_equal(got->unit_grams, 1000);
	assert_int_equal(got->price_cents, 1290);
	assert_int_equal(got->ciqual, 6253);
	assert_int_equal(got->allergens, p.allergens);
	assert_int_equal(got->traces, p.traces);
	assert_int_equal(got->meat, 1);
	assert_int_equal(got->fish, 0);
	cantine_product_free(got);
	got = NULL;

	/* Unknowns: NULL strings, -1 distance, 0 Ciqual. */
	assert_int_equal(cantine_product_find(&got, f->ctx, "YAOURT"), 0);
	assert_null(got->country);
	assert_null(got->supplier);
	assert_int_equal(got->distance_km, -1);
	assert_int_equal(got->ciqual, 0);
	assert_int_equal(got->unit, CANTINE_UNIT_PIECE);
	assert_int_equal(got->unit_grams, 125);
	cantine_product_free(got);
	cantine_product_free(NULL);
	got = NULL;
	assert_int_equal(cantine_product_find(&got, f->ctx, "NOPE"), CANTINE_ENOTFOUND);
	assert_null(got);
}

static void expect_product_refused(tu_fixture *f, const cantine_product *p,
				   const char *field)
{
	size_t n = strlen(field);
	int rc = cantine_product_save(f->ctx, p);
	const char *msg = cantine_errmsg(f->ctx);

	if (rc != CANTINE_EINVAL)
		fail_msg("expected EINVAL on %s, got %d", field, rc);
	if (strncmp(msg, field, n) != 0 || strncmp(msg + n, " : ", 3) != 0)
		fail_msg("message should name %s: %s", field, msg);
}

static void test_product_validation(void **state)
{
	tu_fixture *f = *state;
	cantine_product p, *got = NULL;
	long long before = tu_query_int(f->ctx->db, "SELECT count(*) FROM product");

	tu_product_init(&p, "PORC", "Rôti de porc", 990);
	p.family = CANTINE_FAMILY_CHARCUTERIE;
	p.meat = 0;
	expect_product_refused(f, &p, "viande");
	p.family = CANTINE_FAMILY_VIANDES_VOLAILLES;
	expect_product_refused(f, &p, "viande");
	p.meat = 1;
	p.code = "PORC ROTI";
	expect_product_refused(f, &p, "code");
	p.code = "";
	expect_product_refused(f, &p, "code");
	p.code = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456"; /* 33 characters */
	expect_product_refused(f, &p, "code");
	p.code = "PORC";
	p.unit_grams = 500;
	expect_product_refused(f, &p, "poids_unite_g");
	p.unit = CANTINE_UNIT_PIECE;
	p.unit_grams = 0;
	expect_product_refused(f, &p, "poids_unite_g");
	p.unit = CANTINE_UNIT_KG;
	p.unit_grams = 1000;
	p.price_cents = -1;
	expect_product_refused(f, &p, "prix_ht");
	p.price_cents = 990;
	p.country = "fr";
	expect_product_refused(f, &p, "pays");
	p.country = NULL;
	p.local = CANTINE_LOCAL_KM;
	expect_product_refused(f, &p, "distance_km");
	p.local = CANTINE_LOCAL_NONE;
	p.allergens = 1u << CANTINE_ALLERGEN__MAX;
	expect_product_refused(f, &p, "allergenes");
	p.allergens = 0;
	p.name = "";
	expect_product_refused(f, &p, "nom");
	assert_int_equal(tu_query_int(f->ctx->db, "SELECT count(*) FROM product"), before);
	assert_int_equal(cantine_product_find(&got, f->ctx, "PORC"), CANTINE_ENOTFOUND);
	p.name = "Rôti de porc";
	save_product(f->ctx, &p);
}

/* ---- dishes ---- */

static void test_dish_vegetarian(void **state)
{
	tu_fixture *f = *state;
	const cantine_ingredient veg[] = { { "CAROTTE", 80000 }, { "HUILE", 5000 } };
	const cantine_ingredient fish[] = { { "CAROTTE", 50000 }, { "COLIN", 100000 } };
	const cantine_ingredient meat[] = { { "BOEUF", 120000 } };
	cantine_dish *d;

	save_dish(f->ctx, "Carottes râpées", CANTINE_COURSE_ENTREE, "crudite", veg, 2);
	d = find_dish(f->ctx, "Carottes râpées");
	assert_string_equal(cantine_dish_name(d), "Carottes râpées");
	assert_int_equal(cantine_dish_course(d), CANTINE_COURSE_ENTREE);
	assert_string_equal(cantine_dish_tags(d), "crudite");
	assert_int_equal(cantine_dish_vegetarian(d), 1);
	assert_int_equal(cantine_dish_allergens(d), 0);
	assert_int_equal(cantine_dish_traces(d), 0);
	assert_int_equal(cantine_dish_ingredient_count(d), 2);
	cantine_dish_free(d);

	save_dish(f->ctx, "Colin aux carottes", CANTINE_COURSE_PLAT, NULL, fish, 2);
	d = find_dish(f->ctx, "Colin aux carottes");
	assert_int_equal(cantine_dish_vegetarian(d), 0);
	assert_int_equal(cantine_dish_allergens(d), A(FISH));
	assert_int_equal(cantine_dish_traces(d), A(CRUSTACEANS));
	assert_string_equal(cantine_dish_tags(d), "");
	assert_int_equal(cantine_dish_ingredient(d, 1)->fish, 1);
	assert_int_equal(cantine_dish_ingredient(d, 0)->fish, 0);
	cantine_dish_free(d);

	save_dish(f->ctx, "Steak haché", CANTINE_COURSE_PLAT, NULL, meat, 1);
	d = find_dish(f->ctx, "Steak haché");
	assert_int_equal(cantine_dish_vegetarian(d), 0);
	assert_int_equal(cantine_dish_ingredient(d, 0)->meat, 1);
	/* 120 g at 8.45 €/kg. */
	assert_int_equal(cantine_dish_cost_cents(d), 101);
	assert_int_equal(cantine_dish_ingredient(d, 0)->cost_cents, 101);
	cantine_dish_free(d);

	/* Derived when read: the product changes, so does the dish. */
	{
		cantine_product p;
		tu_product_init(&p, "COLIN", "Colin (erreur de saisie)", 1100);
		save_product(f->ctx, &p);
	}
	d = find_dish(f->ctx, "Colin aux carottes");
	assert_int_equal(cantine_dish_vegetarian(d), 1);
	assert_int_equal(cantine_dish_allergens(d), 0);
	cantine_dish_free(d);
}

static void test_dish_allergens(void **state)
{
	tu_fixture *f = *state;
	/* FARINE: gluten, traces eggs + sesame; OEUF: eggs; YAOURT: milk,
	 * traces nuts; COLIN: fish, traces crustaceans. */
	const cantine_ingredient crepe[] = {
		{ "FARINE", 30000 }, { "OEUF", 25000 }, { "YAOURT", 62500 },
	};
	const cantine_ingredient pane[] = { { "COLIN", 100000 }, { "FARINE", 10000 } };
	const cantine_dish_item *it;
	cantine_dish *d;

	save_dish(f->ctx, "Crêpe", CANTINE_COURSE_DESSERT, "sucre|farineux", crepe, 3);
	d = find_dish(f->ctx, "Crêpe");
	assert_int_equal(cantine_dish_vegetarian(d), 1);
	assert_int_equal(cantine_dish_allergens(d), A(GLUTEN) | A(EGGS) | A(MILK));
	/* Eggs are "contains" (OEUF), so not among the traces. */
	assert_int_equal(cantine_dish_traces(d), A(SESAME) | A(NUTS));
	assert_string_equal(cantine_dish_tags(d), "sucre|farineux");
	/* Ingredients ordered by product code, each with its facts. */
	assert_int_equal(cantine_dish_ingredient_count(d), 3);
	it = cantine_dish_ingredient(d, 0);
	assert_string_equal(it->product_code, "FARINE");
	assert_string_equal(it->product_name, "Farine de blé T55");
	assert_int_equal(it->grams_mg, 30000);
	assert_int_equal(it->allergens, A(GLUTEN));
	assert_int_equal(it->traces, A(EGGS) | A(SESAME));
	assert_int_equal(it->cost_cents, 4);          /* 3.6 */
	it = cantine_dish_ingredient(d, 1);
	assert_string_equal(it->product_code, "OEUF");
	assert_int_equal(it->cost_cents, 11);         /* 10.5 */
	it = cantine_dish_ingredient(d, 2);
	assert_string_equal(it->product_code, "YAOURT");
	assert_int_equal(it->grams_mg, 62500);
	assert_int_equal(it->cost_cents, 23);         /* half a pot: 22.5 */
	assert_null(cantine_dish_ingredient(d, 3));
	/* 3.6 + 10.5 + 22.5 = 36.6: rounded once to 37, not 4 + 11 + 23 = 38. */
	assert_int_equal(cantine_dish_cost_cents(d), 37);
	cantine_dish_free(d);

	save_dish(f->ctx, "Colin pané", CANTINE_COURSE_PLAT, NULL, pane, 2);
	d = find_dish(f->ctx, "Colin pané");
	assert_int_equal(cantine_dish_vegetarian(d), 0);
	assert_int_equal(cantine_dish_allergens(d), A(FISH) | A(GLUTEN));
	assert_int_equal(cantine_dish_traces(d), A(CRUSTACEANS) | A(EGGS) | A(SESAME));
	/* 110 + 1.2 = 111.2 */
	assert_int_equal(cantine_dish_cost_cents(d), 111);
	cantine_dish_free(d);
}

static void test_dish_cost(void **state)
{
	tu_fixture *f = *state;
	cantine_product p;
	const cantine_ingredient three[] = {
		{ "P1", 4000 }, { "P2", 4000 }, { "P3", 4000 },
	};
	const cantine_ingredient veg[] = { { "CAROTTE", 80000 }, { "HUILE", 5000 } };
	const cantine_ingredient pot[] = { { "YAOURT", 125000 } };
	cantine_dish *d;
	size_t i;

	/* Three ingredients of 0.4 cent each: 1.2 -> 1 cent, while each one
	 * alone rounds to 0. */
	tu_product_init(&p, "P1", "Sel", 100);
	save_product(f->ctx, &p);
	p.code = "P2";
	save_product(f->ctx, &p);
	p.code = "P3";
	save_product(f->ctx, &p);
	save_dish(f->ctx, "Assaisonnement", CANTINE_COURSE_AUTRE, NULL, three, 3);
	d = find_dish(f->ctx, "Assaisonnement");
	for (i = 0; i < 3; i++)
		assert_int_equal(cantine_dish_ingredient(d, i)->cost_cents, 0);
	assert_int_equal(cantine_dish_cost_cents(d), 1);
	cantine_dish_free(d);

	/* 80 g of carrots at 1.80 €/kg (14.4) and 5 g of oil at 3.50 € per
	 * litre of 920 g (1.902...): 16.30 -> 16. */
	save_dish(f->ctx, "Carottes râpées", CANTINE_COURSE_ENTREE, NULL, veg, 2);
	d = find_dish(f->ctx, "Carottes râpées");
	assert_int_equal(cantine_dish_cost_cents(d), 16);
	assert_int_equal(cantine_dish_ingredient(d, 0)->cost_cents, 14);
	assert_int_equal(cantine_dish_ingredient(d, 1)->cost_cents, 2);
	cantine_dish_free(d);

	/* A piece-priced product: one 125 g pot at 0.45 €. */
	save_dish(f->ctx, "Yaourt nature", CANTINE_COURSE_LAITIER, NULL, pot, 1);
	d = find_dish(f->ctx, "Yaourt nature");
	assert_int_equal(cantine_dish_cost_cents(d), 45);
	cantine_dish_free(d);

	/* The price changes: so does the cost. */
	tu_product_init(&p, "CAROTTE", "Carotte", 250);
	save_product(f->ctx, &p);
	d = find_dish(f->ctx, "Carottes râpées");
	assert_int_equal(cantine_dish_cost_cents(d), 22); /* 20 + 1.902 */
	cantine_dish_free(d);
}

static void test_dish_replace(void **state)
{
	tu_fixture *f = *state;
	const cantine_ingredient a[] = { { "CAROTTE", 80000 }, { "HUILE", 5000 } };
	const cantine_ingredient b[] = { { "OEUF", 50000 } };
	cantine_dish *d;

	save_dish(f->ctx, "Entrée du jour", CANTINE_COURSE_ENTREE, "crudite", a, 2);
	save_dish(f->ctx, "Entrée du jour", CANTINE_COURSE_GARNITURE, NULL, b, 1);
	d = find_dish(f->ctx, "Entrée du jour");
	assert_int_equal(cantine_dish_course(d), CANTINE_COURSE_GARNITURE);
	assert_string_equal(cantine_dish_tags(d), "");
	assert_int_equal(cantine_dish_ingredient_count(d), 1);
	assert_string_equal(cantine_dish_ingredient(d, 0)->product_code, "OEUF");
	cantine_dish_free(d);
	assert_int_equal(tu_query_int(f->ctx->db, "SELECT count(*) FROM dish"), 1);
	assert_int_equal(tu_query_int(f->ctx->db, "SELECT count(*) FROM dish_ingredient"), 1);
}

static void test_dish_errors(void **state)
{
	tu_fixture *f = *state;
	const cantine_ingredient good[] = { { "CAROTTE", 80000 }, { "HUILE", 5000 } };
	const cantine_ingredient unknown[] = { { "CAROTTE", 80000 }, { "NAVET", 50000 } };
	const cantine_ingredient dup[] = {
		{ "CAROTTE", 80000 }, { "HUILE", 5000 }, { "CAROTTE", 10000 },
	};
	const cantine_ingredient zero[] = { { "CAROTTE", 0 } };
	const cantine_ingredient huge[] = { { "CAROTTE", 2000001 } };
	const cantine_ingredient max[] = { { "CAROTTE", 2000000 } };
	char longname[200];
	cantine_dish *d = NULL;

	/* Unknown product: nothing written. */
	assert_int_equal(cantine_dish_save(f->ctx, "Navets", CANTINE_COURSE_ENTREE,
					   NULL, unknown, 2), CANTINE_EINVAL);
	assert_true(tu_contains(cantine_errmsg(f->ctx), "NAVET"));
	assert_int_equal(cantine_dish_find(&d, f->ctx, "Navets"), CANTINE_ENOTFOUND);
	assert_null(d);
	assert_int_equal(tu_query_int(f->ctx->db, "SELECT count(*) FROM dish"), 0);
	assert_int_equal(tu_query_int(f->ctx->db, "SELECT count(*) FROM dish_ingredient"), 0);

	/* On an existing dish, a failed save keeps the old version. */
	save_dish(f->ctx, "Carottes", CANTINE_COURSE_ENTREE, "crudite", good, 2);
	assert_int_equal(cantine_dish_save(f->ctx, "Carottes", CANTINE_COURSE_PLAT,
					   NULL, unknown, 2), CANTINE_EINVAL);
	/* Duplicate product. */
	assert_int_equal(cantine_dish_save(f->ctx, "Carottes", CANTINE_COURSE_PLAT,
					   NULL, dup, 3), CANTINE_EINVAL);
	assert_true(tu_contains(cantine_errmsg(f->ctx), "deux fois"));
	assert_true(tu_contains(cantine_errmsg(f->ctx), "CAROTTE"));
	assert_int_equal(cantine_dish_save(f->ctx, "Nouveau", CANTINE_COURSE_PLAT,
					   NULL, dup, 3), CANTINE_EINVAL);
	/* Quantities. */
	assert_int_equal(cantine_dish_save(f->ctx, "Carottes", CANTINE_COURSE_ENTREE,
					   NULL, zero, 1), CANTINE_EINVAL);
	assert_int_equal(cantine_dish_save(f->ctx, "Carottes", CANTINE_COURSE_ENTREE,
					   NULL, huge, 1), CANTINE_EINVAL);
	/* No ingredient, no name, too long a name, unknown course. */
	assert_int_equal(cantine_dish_save(f->ctx, "Carottes", CANTINE_COURSE_ENTREE,
					   NULL, good, 0), CANTINE_EINVAL);
	assert_int_equal(cantine_dish_save(f->ctx, "", CANTINE_COURSE_ENTREE,
					   NULL, good, 2), CANTINE_EINVAL);
	assert_int_equal(cantine_dish_save(f->ctx, NULL, CANTINE_COURSE_ENTREE,
					   NULL, good, 2), CANTINE_EINVAL);
	memset(longname, 'a', 161);
	longname[161] = '\0';
	assert_int_equal(cantine_dish_save(f->ctx, longname, CANTINE_COURSE_ENTREE,
					   NULL, good, 2), CANTINE_EINVAL);
	assert_int_equal(cantine_dish_save(f->ctx, "Carottes", CANTINE_COURSE__MAX,
					   NULL, good, 2), CANTINE_EINVAL);

	d = find_dish(f->ctx, "Carottes");
	assert_int_equal(cantine_dish_course(d), CANTINE_COURSE_ENTREE);
	assert_string_equal(cantine_dish_tags(d), "crudite");
	assert_int_equal(cantine_dish_ingredient_count(d), 2);
	assert_int_equal(cantine_dish_ingredient(d, 0)->grams_mg, 80000);
	cantine_dish_free(d);
	d = NULL;
	assert_int_equal(tu_query_int(f->ctx->db, "SELECT count(*) FROM dish"), 1);
	assert_int_equal(cantine_dish_find(&d, f->ctx, "Nouveau"), CANTINE_ENOTFOUND);
	/* Not left in a transaction. */
	assert_true(sqlite3_get_autocommit(f->ctx->db));

	/* The limits themselves are accepted: 160 characters (counted in
	 * characters, not bytes), 2000 g. */
	memset(longname, 'a', 160);
	longname[160] = '\0';
	save_dish(f->ctx, longname, CANTINE_COURSE_ENTREE, NULL, max, 1);
	memcpy(longname, "\xC3\xA9", 2); /* 'é' + 158 'a' + ... = 159 characters */
	longname[160] = 'a';
	longname[161] = '\0';
	save_dish(f->ctx, longname, CANTINE_COURSE_ENTREE, NULL, max, 1);
	cantine_dish_free(NULL);
}

static void test_dish_search(void **state)
{
	tu_fixture *f = *state;
	const cantine_ingredient ing[] = { { "CAROTTE", 80000 } };
	cantine_buf b = CANTINE_BUF_INIT;

	save_dish(f->ctx, "Carottes râpées", CANTINE_COURSE_ENTREE, NULL, ing, 1);
	save_dish(f->ctx, "Purée de carottes", CANTINE_COURSE_GARNITURE, NULL, ing, 1);
	save_dish(f->ctx, "Salade verte", CANTINE_COURSE_ENTREE, NULL, ing, 1);
	assert_int_equal(cantine_dish_search(f->ctx, "CAROTTE", 10, &b), 2);
	assert_string_equal(b.ptr, "Carottes râpées\nPurée de carottes\n");
	cantine_buf_dispose(&b);
	assert_int_equal(cantine_dish_search(f->ctx, "a", 1, &b), 1);
	assert_string_equal(b.ptr, "Carottes râpées\n");
	cantine_buf_dispose(&b);
	assert_int_equal(cantine_dish_search(f->ctx, "zzz", 10, &b), 0);
	cantine_buf_dispose(&b);
}

/* ---- signs shown on menus ---- */

static void test_dish_signs(void **state)
{
	tu_fixture *f = *state;
	cantine_product p;
	cantine_signs sg = { 99, 99, 99 };
	const cantine_ingredient half[] = { { "CAROTTE-BIO", 50000 }, { "CAROTTE", 50000 } };
	const cantine_ingredient less[] = { { "CAROTTE-BIO", 49999 }, { "CAROTTE", 50000 } };
	const cantine_ingredient lr[] = { { "POULET-LR", 90000 }, { "CAROTTE-BIO", 10000 } };

	tu_product_init(&p, "CAROTTE-BIO", "Carotte bio", 250);
	p.labels = 1u << CANTINE_LABEL_BIO;
	p.local = CANTINE_LOCAL_DEPARTEMENT;
	save_product(f->ctx, &p);
	tu_product_init(&p, "POULET-LR", "Poulet Label rouge", 900);
	p.family = CANTINE_FAMILY_VIANDES_VOLAILLES;
	p.meat = 1;
	p.labels = (1u << CANTINE_LABEL_LABEL_ROUGE) | (1u << CANTINE_LABEL_IGP);
	save_product(f->ctx, &p);

	/* Half of the weight carries the sign: shown. */
	save_dish(f->ctx, "Moitié bio", CANTINE_COURSE_ENTREE, NULL, half, 2);
	assert_int_equal(cantine_dish_signs(&sg, f->ctx, "Moitié bio"), 0);
	assert_int_equal(sg.labels, 1u << CANTINE_LABEL_BIO);
	assert_int_equal(sg.local, 1);
	assert_int_equal(sg.homemade, 0);
	/* A milligram less: not shown. */
	save_dish(f->ctx, "Presque moitié bio", CANTINE_COURSE_ENTREE, NULL, less, 2);
	assert_int_equal(cantine_dish_signs(&sg, f->ctx, "Presque moitié bio"), 0);
	assert_int_equal(sg.labels, 0);
	assert_int_equal(sg.local, 0);
	/* Several signs, and a minor ingredient's ignored. */
	save_dish(f->ctx, "Poulet rôti", CANTINE_COURSE_PLAT, NULL, lr, 2);
	assert_int_equal(cantine_dish_signs(&sg, f->ctx, "Poulet rôti"), 0);
	assert_int_equal(sg.labels, (1u << CANTINE_LABEL_LABEL_ROUGE) | (1u << CANTINE_LABEL_IGP));
	assert_int_equal(sg.local, 0);
	/* A dish without a recipe: what its publisher declared, no local. */
	assert_int_equal(sqlite3_exec(f->ctx->db, "INSERT INTO dish (name, course, "
		"declared_siqo) VALUES ('Déclaré', 1, 2)", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(cantine_dish_signs(&sg, f->ctx, "Déclaré"), 0);
	assert_int_equal(sg.labels, 1u << CANTINE_LABEL_LABEL_ROUGE);
	assert_int_equal(sg.local, 0);
	assert_int_equal(sg.homemade, 0);
	/* "Fait maison": the tag fait_maison, wherever in the list; only the
	 * whole tag. */
	save_dish(f->ctx, "Soupe maison", CANTINE_COURSE_ENTREE, "legume|fait_maison", half, 2);
	assert_int_equal(cantine_dish_signs(&sg, f->ctx, "Soupe maison"), 0);
	assert_int_equal(sg.homemade, 1);
	assert_int_equal(sg.labels, 1u << CANTINE_LABEL_BIO);
	save_dish(f->ctx, "Soupe maison seule", CANTINE_COURSE_ENTREE, "fait_maison", half, 2);
	assert_int_equal(cantine_dish_signs(&sg, f->ctx, "Soupe maison seule"), 0);
	assert_int_equal(sg.homemade, 1);
	save_dish(f->ctx, "Soupe presque maison", CANTINE_COURSE_ENTREE,
		  "fait_maison_non|pas_fait_maison|fait", half, 2);
	assert_int_equal(cantine_dish_signs(&sg, f->ctx, "Soupe presque maison"), 0);
	assert_int_equal(sg.homemade, 0);
	/* Unknown dish. */
	assert_int_equal(cantine_dish_signs(&sg, f->ctx, "Inconnu"), CANTINE_ENOTFOUND);
	assert_true(tu_contains(cantine_errmsg(f->ctx), "Inconnu"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cost_cents),
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, tu_teardown_store)
		T(test_product_round_trip),
		T(test_product_validation),
		T(test_dish_vegetarian),
		T(test_dish_allergens),
		T(test_dish_cost),
		T(test_dish_replace),
		T(test_dish_errors),
		T(test_dish_search),
		T(test_dish_signs),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
