/*
 * test_check.c: the core checks (check.h): meal structure, weekly
 * vegetarian menu, food cost target; and meal costs with choices.
 */
#include <string.h>

#include "testutil.h"

/* A small catalogue and a dish per course, vegetarian or not. */
static void add_product(cantine_ctx *ctx, const char *code, int meat, int64_t price)
{
	cantine_product p;

	tu_product_init(&p, code, code, price);
	p.meat = meat;
	if (meat)
		p.family = CANTINE_FAMILY_VIANDES_VOLAILLES;
	assert_int_equal(cantine_product_save(ctx, &p), 0);
}

static void add_dish(cantine_ctx *ctx, const char *name, cantine_course c,
		     const char *product, int64_t mg)
{
	cantine_ingredient ing = { product, mg };

	assert_int_equal(cantine_dish_save(ctx, name, c, NULL, &ing, 1), 0);
}

static int setup(void **state)
{
	tu_fixture *f;
	cantine_etab e;
	cantine_ctx *ctx;

	tu_setup_store(state);
	f = *state;
	ctx = f->ctx;
	tu_etab_init(&e, "0750654D");
	e.service_days = CANTINE_DAY_MON | CANTINE_DAY_TUE | CANTINE_DAY_THU | CANTINE_DAY_FRI;
	e.food_cost_target_cents = 250;
	assert_int_equal(cantine_etab_save(ctx, &e), 0);
	add_product(ctx, "LEG", 0, 200);   /* 2.00 €/kg */
	add_product(ctx, "VIANDE", 1, 1000); /* 10.00 €/kg */
	add_dish(ctx, "Carottes", CANTINE_COURSE_ENTREE, "LEG", 100000);      /* 0.20 */
	add_dish(ctx, "Rôti", CANTINE_COURSE_PLAT, "VIANDE", 100000);         /* 1.00 */
	add_dish(ctx, "Omelette", CANTINE_COURSE_PLAT, "LEG", 100000);        /* 0.20 */
	add_dish(ctx, "Haricots", CANTINE_COURSE_GARNITURE, "LEG", 150000);   /* 0.30 */
	add_dish(ctx, "Yaourt", CANTINE_COURSE_LAITIER, "LEG", 125000);       /* 0.25 */
	add_dish(ctx, "Pomme", CANTINE_COURSE_DESSERT, "LEG", 150000);        /* 0.30 */
	add_dish(ctx, "Pain", CANTINE_COURSE_PAIN, "LEG", 50000);             /* 0.10 */
	return 0;
}

static void meal(cantine_ctx *ctx, const char *date, const char *const *dishes, size_t n)
{
	assert_int_equal(cantine_plan_set_meal(ctx, "0750654D", date,
					       CANTINE_STATUS_DRAFT, dishes, n), 0);
}

static const char *const full_meat[] = { "Carottes", "Rôti", "Haricots", "Yaourt", "Pain" };
static const char *const full_veg[] = { "Omelette", "Haricots", "Yaourt", "Pomme" };
static const char *const no_plat[] = { "Carottes", "Haricots", "Yaourt", "Pomme" };
static const char *const no_side[] = { "Rôti", "Yaourt" };
static const char *const choice[] = { "Carottes", "Rôti", "Omelette", "Haricots",
				      "Yaourt", "Pain" };

static size_t count(const cantine_report *r, const char *rule, cantine_severity s)
{
	size_t i, n = 0;

	for (i = 0; i < cantine_report_count(r); i++) {
		const cantine_finding *f = cantine_report_get(r, i);
		n += strcmp(f->rule, rule) == 0 && f->severity == s;
	}
	return n;
}

static const cantine_finding *first(const cantine_report *r, const char *rule,
				    cantine_severity s)
{
	size_t i;

	for (i = 0; i < cantine_report_count(r); i++) {
		const cantine_finding *f = cantine_report_get(r, i);
		if (strcmp(f->rule, rule) == 0 && f->severity == s)
			return f;
	}
	return NULL;
}

static void test_structure(void **state)
{
	tu_fixture *f = *state;
	cantine_report *r;
	const cantine_finding *fd;

	meal(f->ctx, "2026-09-07", full_meat, 5);
	meal(f->ctx, "2026-09-08", no_plat, 4);
	meal(f->ctx, "2026-09-10", no_side, 2);
	meal(f->ctx, "2026-09-11", full_veg, 4);
	assert_int_equal(cantine_check_period(&r, f->ctx, "0750654D", "2026-09-07",
					      "2026-09-11"), 0);
	assert_int_equal(count(r, "core.meal-structure", CANTINE_SEVERITY_ERROR), 2);
	fd = first(r, "core.meal-structure", CANTINE_SEVERITY_ERROR);
	assert_string_equal(fd->from, "2026-09-08");
	assert_true(tu_contains(fd->message, "mardi 8 septembre 2026 : il manque le plat principal"));
	assert_true(tu_contains(fd->message, "arrêté du 30 septembre 2011"));
	fd = cantine_report_get(r, 1);
	assert_string_equal(fd->from, "2026-09-10");
	assert_true(tu_contains(fd->message, "il manque la garniture et une entrée ou un dessert"));
	cantine_report_free(r);
}

static void test_vegetarian_week(void **state)
{
	tu_fixture *f = *state;
	cantine_report *r;
	const cantine_finding *fd;

	/* Week 37: meat every day: fails.  Week 38: a choice of plat on
	 * Tuesday makes a complete vegetarian menu possible. */
	meal(f->ctx, "2026-09-07", full_meat, 5);
	meal(f->ctx, "2026-09-08", full_meat, 5);
	meal(f->ctx, "2026-09-14", full_meat, 5);
	meal(f->ctx, "2026-09-15", choice, 6);
	assert_int_equal(cantine_check_period(&r, f->ctx, "0750654D", "2026-09-07",
					      "2026-09-20"), 0);
	fd = first(r, "core.vegetarian-week", CANTINE_SEVERITY_ERROR);
	assert_non_null(fd);
	assert_string_equal(fd->from, "2026-09-07");
	assert_string_equal(fd->to, "2026-09-13");
	assert_true(tu_contains(fd->message, "semaine 37 de 2026 : aucun jour"));
	fd = first(r, "core.vegetarian-week", CANTINE_SEVERITY_INFO);
	assert_non_null(fd);
	assert_string_equal(fd->from, "2026-09-14");
	assert_true(tu_contains(fd->message, "possible le mardi 15 septembre 2026"));
	assert_int_equal(count(r, "core.vegetarian-week", CANTINE_SEVERITY_ERROR), 1);
	cantine_report_free(r);

	/* A week without meals (holidays) is not judged. */
	assert_int_equal(cantine_check_period(&r, f->ctx, "0750654D", "2026-10-19",
					      "2026-10-25"), 0);
	assert_int_equal(cantine_report_count(r), 0);
	cantine_report_free(r);
}

static void test_vegetarian_flip(void **state)
{
	tu_fixture *f = *state;
	cantine_ingredient omelette[2] = { { "LEG", 100000 }, { "VIANDE", 20000 } };
	cantine_report *r;

	meal(f->ctx, "2026-09-10", full_veg, 4);
	assert_int_equal(cantine_check_period(&r, f->ctx, "0750654D", "2026-09-10",
					      "2026-09-10"), 0);
	assert_int_equal(count(r, "core.vegetarian-week", CANTINE_SEVERITY_INFO), 1);
	cantine_report_free(r);
	/* Ham in the omelette: the week no longer has a vegetarian day. */
	assert_int_equal(cantine_dish_save(f->ctx, "Omelette", CANTINE_COURSE_PLAT, NULL,
					   omelette, 2), 0);
	assert_int_equal(cantine_check_period(&r, f->ctx, "0750654D", "2026-09-10",
					      "2026-09-10"), 0);
	assert_int_equal(count(r, "core.vegetarian-week", CANTINE_SEVERITY_ERROR), 1);
	cantine_report_free(r);
}

static void test_five_day_week(void **state)
{
	tu_fixture *f = *state;
	cantine_etab *e;
	cantine_report *r;
	const char *days[5] = { "2026-09-07", "2026-09-08", "2026-09-09", "2026-09-10",
				"2026-09-11" };
	int i;

	assert_int_equal(cantine_etab_find(&e, f->ctx, "0750654D"), 0);
	e->service_days |= CANTINE_DAY_WED;
	assert_int_equal(cantine_etab_save(f->ctx, e), 0);
	cantine_etab_free(e);
	for (i = 0; i < 5; i++)
		meal(f->ctx, days[i], i == 2 ? full_veg : full_meat, i == 2 ? 4 : 5);
	assert_int_equal(cantine_check_period(&r, f->ctx, "0750654D", "2026-09-07",
					      "2026-09-11"), 0);
	assert_int_equal(cantine_report_count_severity(r, CANTINE_SEVERITY_ERROR), 0);
	assert_true(tu_contains(first(r, "core.vegetarian-week",
				      CANTINE_SEVERITY_INFO)->message, "mercredi 9 septembre"));
	cantine_report_free(r);
}

static void test_cost(void **state)
{
	tu_fixture *f = *state;
	cantine_week *w;
	cantine_report *r;
	const cantine_finding *fd;

	/* Full meat meal: 0.20 + 1.00 + 0.30 + 0.25 + 0.10 = 1.85 €.
	 * Choice of plat (1.00 or 0.20, mean 0.60): 0.20 + 0.60 + 0.30 +
	 * 0.25 + 0.10 = 1.45 €. */
	meal(f->ctx, "2026-09-07", full_meat, 5);
	meal(f->ctx, "2026-09-08", choice, 6);
	assert_int_equal(cantine_plan_week(&w, f->ctx, "0750654D", "2026-09-07"), 0);
	assert_int_equal(cantine_week_meal(w, 0)->cost_cents, 185);
	assert_int_equal(cantine_week_meal(w, 1)->cost_cents, 145);
	cantine_week_free(w);
	assert_int_equal(cantine_check_period(&r, f->ctx, "0750654D", "2026-09-07",
					      "2026-09-07"), 0);
	fd = first(r, "core.food-cost", CANTINE_SEVERITY_INFO);
	assert_non_null(fd);
	assert_int_equal(fd->measured, 165);
	assert_int_equal(fd->threshold, 250);
	cantine_report_free(r);
	/* Above the target: a warning, not an error. */
	meal(f->ctx, "2026-09-10", full_meat, 5);
	meal(f->ctx, "2026-09-11", full_meat, 5);
	{
		cantine_etab *e;
		assert_int_equal(cantine_etab_find(&e, f->ctx, "0750654D"), 0);
		e->food_cost_target_cents = 150;
		assert_int_equal(cantine_etab_save(f->ctx, e), 0);
		cantine_etab_free(e);
	}
	assert_int_equal(cantine_check_period(&r, f->ctx, "0750654D", "2026-09-07",
					      "2026-09-07"), 0);
	fd = first(r, "core.food-cost", CANTINE_SEVERITY_WARNING);
	assert_non_null(fd);
	assert_int_equal(fd->measured, 175);
	assert_true(tu_contains(fd->message, "1,75 € par repas, 0,25 € au-dessus de la cible de 1,50 €"));
	/* Tuesday's choice still offers a vegetarian menu. */
	assert_int_equal(cantine_report_count_severity(r, CANTINE_SEVERITY_ERROR), 0);
	cantine_report_free(r);
}

static void test_closed_days(void **state)
{
	tu_fixture *f = *state;
	static const char closures[] = "uai,debut,fin,motif\n"
		"0750654D,2026-09-10,2026-09-11,Sortie au Louvre-Lens\n";
	cantine_buf why = CANTINE_BUF_INIT;
	cantine_report *r;
	const cantine_finding *fd;

	/* Thursday is the only vegetarian day of the week, then it closes. */
	meal(f->ctx, "2026-09-07", full_meat, 5);
	meal(f->ctx, "2026-09-10", full_veg, 4);
	assert_int_equal(cantine_closed(f->ctx, "0750654D", "2026-09-10", NULL), 0);
	assert_int_equal(cantine_import_csv_mem(f->ctx, CANTINE_KIND_CLOSURES, "fermetures.csv",
						closures, sizeof(closures) - 1,
						CANTINE_ENCODING_AUTO, NULL, NULL), 0);
	assert_int_equal(cantine_closed(f->ctx, "0750654D", "2026-09-10", &why), 1);
	assert_string_equal(why.ptr, "Sortie au Louvre-Lens");
	assert_int_equal(cantine_closed(f->ctx, "0750654D", "2026-09-09", NULL), 0);
	assert_int_equal(cantine_closed(f->ctx, "0750654D", "2026-09-12", NULL), 0);
	assert_int_equal(cantine_closed(f->ctx, "0590001F", "2026-09-10", NULL), CANTINE_ENOTFOUND);
	assert_int_equal(cantine_check_period(&r, f->ctx, "0750654D", "2026-09-07",
					      "2026-09-13"), 0);
	fd = first(r, "core.closed-day", CANTINE_SEVERITY_ERROR);
	assert_non_null(fd);
	assert_string_equal(fd->from, "2026-09-10");
	assert_true(tu_contains(fd->message, "(Sortie au Louvre-Lens)"));
	assert_int_equal(count(r, "core.vegetarian-week", CANTINE_SEVERITY_ERROR), 1);
	/* The closed day's meal is not counted in the week's cost. */
	assert_int_equal(first(r, "core.food-cost", CANTINE_SEVERITY_INFO)->measured, 185);
	cantine_report_free(r);
	cantine_buf_dispose(&why);
}

static void test_bad_period(void **state)
{
	tu_fixture *f = *state;
	cantine_report *r = NULL;

	assert_int_equal(cantine_check_period(&r, f->ctx, "0750654D", "2026-09-11",
					      "2026-09-07"), CANTINE_EINVAL);
	assert_null(r);
	assert_true(tu_contains(cantine_errmsg(f->ctx), "période invalide"));
	assert_int_equal(cantine_check_period(&r, f->ctx, "0750654D", "2026-02-30",
					      "2026-03-07"), CANTINE_EINVAL);
	assert_int_equal(cantine_check_period(&r, f->ctx, "0590001F", "2026-09-07",
					      "2026-09-07"), CANTINE_ENOTFOUND);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_structure, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_vegetarian_week, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_vegetarian_flip, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_five_day_week, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_cost, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_closed_days, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_bad_period, setup, tu_teardown_store),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
