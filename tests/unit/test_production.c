/*
 * test_production.c: production sheets (production.h): portions split
 * among the choices of a course, quantities, costs, order quantities.
 */
#include <string.h>

#include "testutil.h"

static int setup(void **state)
{
	tu_fixture *f;
	cantine_etab e;
	cantine_product p;
	cantine_ingredient carrots = { "CAROTTE", 80000 }, yog = { "YAOURT", 125000 };
	cantine_ingredient apple = { "POMME", 150000 };
	const char *const dishes[] = { "Carottes", "Yaourt", "Pomme", "Yaourt bis" };

	tu_setup_store(state);
	f = *state;
	tu_etab_init(&e, "0750654D");
	e.service_days = 0x1f;
	assert_int_equal(cantine_etab_save(f->ctx, &e), 0);
	tu_product_init(&p, "CAROTTE", "Carotte", 120);      /* 1.20 €/kg */
	p.supplier = "Ferme";
	assert_int_equal(cantine_product_save(f->ctx, &p), 0);
	tu_product_init(&p, "YAOURT", "Yaourt 125 g", 30);   /* 0.30 € a pot */
	p.unit = CANTINE_UNIT_PIECE;
	p.unit_grams = 125;
	p.family = CANTINE_FAMILY_PRODUITS_LAITIERS;
	assert_int_equal(cantine_product_save(f->ctx, &p), 0);
	tu_product_init(&p, "POMME", "Pomme", 199);          /* 1.99 €/kg */
	assert_int_equal(cantine_product_save(f->ctx, &p), 0);
	assert_int_equal(cantine_dish_save(f->ctx, "Carottes", CANTINE_COURSE_ENTREE, NULL,
					   &carrots, 1), 0);
	assert_int_equal(cantine_dish_save(f->ctx, "Yaourt", CANTINE_COURSE_LAITIER, NULL,
					   &yog, 1), 0);
	assert_int_equal(cantine_dish_save(f->ctx, "Yaourt bis", CANTINE_COURSE_LAITIER, NULL,
					   &yog, 1), 0);
	assert_int_equal(cantine_dish_save(f->ctx, "Pomme", CANTINE_COURSE_DESSERT, NULL,
					   &apple, 1), 0);
	assert_int_equal(cantine_plan_set_meal(f->ctx, "0750654D", "2026-09-07",
					       CANTINE_STATUS_DRAFT, dishes, 4), 0);
	assert_int_equal(cantine_plan_set_meal(f->ctx, "0750654D", "2026-09-08",
					       CANTINE_STATUS_DRAFT, dishes, 1), 0);
	return 0;
}

static void test_sheet(void **state)
{
	tu_fixture *f = *state;
	cantine_production *p;
	const cantine_production_line *l;

	assert_int_equal(cantine_production_compute(&p, f->ctx, "0750654D", "2026-09-07",
						    "2026-09-07", 135), 0);
	assert_int_equal(cantine_production_count(p), 4);
	/* Ordered by course: entrée, produit laitier (two choices), dessert. */
	l = cantine_production_get(p, 0);
	assert_string_equal(l->dish, "Carottes");
	assert_int_equal(l->portions, 135);
	assert_int_equal(l->grams_mg, INT64_C(10800000));     /* 10.8 kg */
	assert_int_equal(l->cost_cents, 1296);                /* 10.8 × 1.20 */
	assert_string_equal(l->supplier, "Ferme");
	l = cantine_production_get(p, 1);
	assert_string_equal(l->dish, "Yaourt");
	assert_int_equal(l->portions, 68);                     /* ⌈135 / 2⌉ */
	assert_int_equal(l->cost_cents, 68 * 30);
	assert_string_equal(cantine_production_get(p, 2)->dish, "Yaourt bis");
	l = cantine_production_get(p, 3);
	assert_string_equal(l->dish, "Pomme");
	assert_string_equal(l->supplier, "");
	cantine_production_free(p);

	/* Two days. */
	assert_int_equal(cantine_production_compute(&p, f->ctx, "0750654D", "2026-09-07",
						    "2026-09-08", 10), 0);
	assert_int_equal(cantine_production_count(p), 5);
	assert_string_equal(cantine_production_get(p, 4)->date, "2026-09-08");
	cantine_production_free(p);

	/* No meal: an empty sheet, not an error. */
	assert_int_equal(cantine_production_compute(&p, f->ctx, "0750654D", "2026-09-14",
						    "2026-09-18", 10), 0);
	assert_int_equal(cantine_production_count(p), 0);
	cantine_production_free(p);
}

/* Without a number of covers, each day takes its forecast: here, with no
 * history, the pupils registered for that weekday. */
static void test_sheet_from_forecast(void **state)
{
	static const char csv[] =
		"uai,eleve,regime,jours,debut,fin\n"
		"0750654D,A,DP5,lun|mar|mer|jeu|ven,2026-09-01,2027-07-03\n"
		"0750654D,B,DP5,lun|mar|mer|jeu|ven,2026-09-01,2027-07-03\n"
		"0750654D,C,DP4,lun|jeu,2026-09-01,2027-07-03\n";
	tu_fixture *f = *state;
	cantine_production *p;

	assert_int_equal(cantine_import_csv_mem(f->ctx, CANTINE_KIND_PUPILS, "i.csv", csv,
		sizeof(csv) - 1, CANTINE_ENCODING_AUTO, NULL, NULL), 0);
	assert_int_equal(cantine_production_compute_forecast(&p, f->ctx, "0750654D",
		"2026-09-07", "2026-09-08"), 0);
	assert_int_equal(cantine_production_count(p), 5);
	assert_string_equal(cantine_production_get(p, 0)->date, "2026-09-07");
	assert_int_equal(cantine_production_get(p, 0)->portions, 3);    /* Monday */
	assert_int_equal(cantine_production_get(p, 1)->portions, 2);    /* ⌈3 / 2⌉ */
	assert_string_equal(cantine_production_get(p, 4)->date, "2026-09-08");
	assert_int_equal(cantine_production_get(p, 4)->portions, 2);    /* Tuesday */
	cantine_production_free(p);
}

static void test_errors(void **state)
{
	tu_fixture *f = *state;
	cantine_production *p = NULL;

	assert_int_equal(cantine_production_compute(&p, f->ctx, "0590001F", "2026-09-07",
						    "2026-09-07", 10), CANTINE_ENOTFOUND);
	assert_null(p);
	assert_int_equal(cantine_production_compute(&p, f->ctx, "0750654D", "2026-09-08",
						    "2026-09-07", 10), CANTINE_EINVAL);
	assert_int_equal(cantine_production_compute(&p, f->ctx, "0750654D", "2026-09-07",
						    "2026-09-07", 0), CANTINE_EINVAL);
	assert_true(tu_contains(cantine_errmsg(f->ctx), "couverts"));
}

static void test_order(void **state)
{
	(void)state;
	/* Pieces, rounded up. */
	assert_int_equal(cantine_order_quantity(CANTINE_UNIT_PIECE, 125, 125000 * 135), 135);
	assert_int_equal(cantine_order_quantity(CANTINE_UNIT_PIECE, 250, 50000 * 135), 27);
	assert_int_equal(cantine_order_quantity(CANTINE_UNIT_PIECE, 250, 50000 * 136), 28);
	/* Tenths of a kg or litre, rounded up. */
	assert_int_equal(cantine_order_quantity(CANTINE_UNIT_KG, 1000, 10800000), 108);
	assert_int_equal(cantine_order_quantity(CANTINE_UNIT_KG, 1000, 10800001), 109);
	assert_int_equal(cantine_order_quantity(CANTINE_UNIT_LITRE, 1030, 1030000), 10);
	assert_int_equal(cantine_order_quantity(CANTINE_UNIT_KG, 1000, 0), 0);
	/* Costs of the order. */
	assert_int_equal(cantine_order_cost(CANTINE_UNIT_PIECE, 135, 29), 3915);
	assert_int_equal(cantine_order_cost(CANTINE_UNIT_KG, 135, 1290), 17415);
	assert_int_equal(cantine_order_cost(CANTINE_UNIT_KG, 41, 1685), 6909); /* 6908.5 */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_sheet, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_errors, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_sheet_from_forecast, setup, tu_teardown_store),
		cmocka_unit_test(test_order),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
