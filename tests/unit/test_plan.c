/*
 * test_plan.c: meals and the week view: ISO weeks, ordering, vegetarian
 * meals, allergens of offers, dates, statuses, the meal history.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common_int.h"

#define A(x) (1u << CANTINE_ALLERGEN_##x)
#define UAI "0595871L"

static void save_product(cantine_ctx *ctx, const cantine_product *p)
{
	int rc = cantine_product_save(ctx, p);

	if (rc != 0)
		fail_msg("product_save(%s): %d %s", p->code, rc, cantine_errmsg(ctx));
}

static void save_dish1(cantine_ctx *ctx, const char *name, cantine_course c,
		       const char *code, int64_t mg)
{
	cantine_ingredient ing = { code, mg };
	int rc = cantine_dish_save(ctx, name, c, NULL, &ing, 1);

	if (rc != 0)
		fail_msg("dish_save(%s): %d %s", name, rc, cantine_errmsg(ctx));
}

static void set_meal(cantine_ctx *ctx, const char *date, cantine_status st,
		     const char *const *dishes, size_t n)
{
	int rc = cantine_plan_set_meal(ctx, UAI, date, st, dishes, n);

	if (rc != 0)
		fail_msg("set_meal(%s): %d %s", date, rc, cantine_errmsg(ctx));
}

static int setup(void **state)
{
	tu_fixture *f;
	cantine_etab e;
	cantine_product p;
	cantine_ingredient two[2] = { { "FARINE", 60000 }, { "LAIT", 100000 } };

	if (tu_setup_store(state))
		return -1;
	f = *state;
	tu_etab_init(&e, UAI);
	assert_int_equal(cantine_etab_save(f->ctx, &e), 0);

	tu_product_init(&p, "CAROTTE", "Carotte", 180);
	save_product(f->ctx, &p);
	tu_product_init(&p, "POULET", "Poulet", 900);
	p.family = CANTINE_FAMILY_VIANDES_VOLAILLES;
	p.meat = 1;
	save_product(f->ctx, &p);
	tu_product_init(&p, "LARDONS", "Lardons", 1100);
	p.family = CANTINE_FAMILY_CHARCUTERIE;
	p.meat = 1;
	save_product(f->ctx, &p);
	tu_product_init(&p, "COLIN", "Colin", 1100);
	p.family = CANTINE_FAMILY_PRODUITS_DE_LA_MER;
	p.fish = 1;
	p.allergens = A(FISH);
	save_product(f->ctx, &p);
	tu_product_init(&p, "FARINE", "Farine", 120);
	p.family = CANTINE_FAMILY_AUTRES;
	p.allergens = A(GLUTEN);
	p.traces = A(SESAME) | A(MILK);
	save_product(f->ctx, &p);
	tu_product_init(&p, "LAIT", "Lait", 100);
	p.family = CANTINE_FAMILY_PRODUITS_LAITIERS;
	p.unit = CANTINE_UNIT_LITRE;
	p.unit_grams = 1030;
	p.allergens = A(MILK);
	save_product(f->ctx, &p);
	tu_product_init(&p, "POMME", "Pomme", 200);
	save_product(f->ctx, &p);

	save_dish1(f->ctx, "Carottes râpées", CANTINE_COURSE_ENTREE, "CAROTTE", 80000);
	save_dish1(f->ctx, "Poulet rôti", CANTINE_COURSE_PLAT, "POULET", 120000);
	save_dish1(f->ctx, "Colin meunière", CANTINE_COURSE_PLAT, "COLIN", 100000);
	save_dish1(f->ctx, "Purée de carottes", CANTINE_COURSE_GARNITURE, "CAROTTE", 150000);
	save_dish1(f->ctx, "Pomme", CANTINE_COURSE_DESSERT, "POMME", 120000);
	save_dish1(f->ctx, "Compote", CANTINE_COURSE_DESSERT, "POMME", 100000);
	save_dish1(f->ctx, "Pain", CANTINE_COURSE_PAIN, "FARINE", 50000);
	save_dish1(f->ctx, "Pain aux lardons", CANTINE_COURSE_PAIN, "LARDONS", 20000);
	assert_int_equal(cantine_dish_save(f->ctx, "Crêpe", CANTINE_COURSE_DESSERT,
					   NULL, two, 2), 0);
	return 0;
}

static cantine_week *week(tu_fixture *f, const char *date)
{
	cantine_week *w = NULL;
	int rc = cantine_plan_week(&w, f->ctx, UAI, date);

	if (rc != 0)
		fail_msg("plan_week(%s): %d %s", date, rc, cantine_errmsg(f->ctx));
	assert_non_null(w);
	return w;
}

static void expect_iso(tu_fixture *f, const char *date, const char *monday,
		       int year, int wk)
{
	cantine_week *w = week(f, date);
	int y = 0, n = 0;

	cantine_week_iso(w, &y, &n);
	if (strcmp(cantine_week_monday(w), monday) != 0 || y != year || n != wk)
		fail_msg("%s: monday %s week %d-W%02d, expected %s %d-W%02d", date,
			 cantine_week_monday(w), y, n, monday, year, wk);
	assert_int_equal(cantine_week_meal_count(w), 0);
	assert_null(cantine_week_meal(w, 0));
	cantine_week_free(w);
}

static void test_iso_weeks(void **state)
{
	tu_fixture *f = *state;

	expect_iso(f, "2026-11-26", "2026-11-23", 2026, 48); /* a Thursday */
	expect_iso(f, "2026-11-23", "2026-11-23", 2026, 48); /* its Monday */
	expect_iso(f, "2026-11-29", "2026-11-23", 2026, 48); /* its Sunday */
	expect_iso(f, "2026-11-30", "2026-11-30", 2026, 49);
	expect_iso(f, "2027-01-01", "2026-12-28", 2026, 53); /* 2026 has 53 weeks */
	expect_iso(f, "2027-01-03", "2026-12-28", 2026, 53);
	expect_iso(f, "2027-01-04", "2027-01-04", 2027, 1);
	expect_iso(f, "2024-12-30", "2024-12-30", 2025, 1);  /* Monday of 2025-W01 */
	expect_iso(f, "2025-01-05", "2024-12-30", 2025, 1);
	expect_iso(f, "2024-12-29", "2024-12-23", 2024, 52);
	expect_iso(f, "2021-01-03", "2020-12-28", 2020, 53);
	expect_iso(f, "2024-02-29", "2024-02-26", 2024, 9);  /* leap day */
	expect_iso(f, "2026-03-01", "2026-02-23", 2026, 9);  /* month change */
	expect_iso(f, "2000-01-01", "1999-12-27", 1999, 52);
	expect_iso(f, "2026-01-01", "2025-12-29", 2026, 1);  /* Thursday: week 1 */
}

static void test_week_meals(void **state)
{
	tu_fixture *f = *state;
	/* Given out of course order on purpose. */
	const char *const thu[] = { "Pomme", "Poulet rôti", "Carottes râpées",
				    "Compote", "Pain", "Purée de carottes" };
	const char *const mon[] = { "Colin meunière", "Crêpe" };
	const char *const tue[] = { "Purée de carottes", "Pain aux lardons", "Crêpe" };
	const char *const next[] = { "Pomme" };
	const cantine_meal *m;
	cantine_week *w;

	/* Set in reverse date order; one meal in the next week. */
	set_meal(f->ctx, "2026-11-30", CANTINE_STATUS_DRAFT, next, 1);
	set_meal(f->ctx, "2026-11-26", CANTINE_STATUS_PUBLISHED, thu, 6);
	set_meal(f->ctx, "2026-11-24", CANTINE_STATUS_PROPOSED, tue, 3);
	set_meal(f->ctx, "2026-11-23", CANTINE_STATUS_DRAFT, mon, 2);

	w = week(f, "2026-11-26");
	assert_string_equal(cantine_week_monday(w), "2026-11-23");
	assert_int_equal(cantine_week_meal_count(w), 3);

	m = cantine_week_meal(w, 0);
	assert_string_equal(m->date, "2026-11-23");
	assert_int_equal(m->weekday, 0);
	assert_int_equal(m->status, CANTINE_STATUS_DRAFT);
	assert_int_equal(m->n_offers, 2);
	assert_string_equal(m->offers[0].dish, "Colin meunière");
	assert_int_equal(m->offers[0].course, CANTINE_COURSE_PLAT);
	assert_int_equal(m->offers[0].vegetarian, 0);
	assert_int_equal(m->offers[0].allergens, A(FISH));
	assert_int_equal(m->offers[0].traces, 0);
	assert_int_equal(m->offers[0].cost_cents, 110);
	/* Crêpe: gluten + milk; the milk trace of the flour is dropped. */
	assert_string_equal(m->offers[1].dish, "Crêpe");
	assert_int_equal(m->offers[1].allergens, A(GLUTEN) | A(MILK));
	assert_int_equal(m->offers[1].traces, A(SESAME));
	assert_int_equal(m->offers[1].vegetarian, 1);
	/* 60 g of flour at 1.20 €/kg (7.2) + 100 g of milk at 1 € per litre
	 * of 1030 g (9.709): 16.909 -> 17. */
	assert_int_equal(m->offers[1].cost_cents, 17);
	assert_int_equal(m->vegetarian, 0);

	/* Tuesday: a bacon bread makes the meal non-vegetarian, like any
	 * other component (DOMAIN §1.7). */
	m = cantine_week_meal(w, 1);
	assert_string_equal(m->date, "2026-11-24");
	assert_int_equal(m->weekday, 1);
	assert_int_equal(m->status, CANTINE_STATUS_PROPOSED);
	assert_int_equal(m->n_offers, 3);
	assert_string_equal(m->offers[0].dish, "Purée de carottes");
	assert_string_equal(m->offers[1].dish, "Crêpe");
	assert_string_equal(m->offers[2].dish, "Pain aux lardons");
	assert_int_equal(m->offers[2].vegetarian, 0);
	assert_int_equal(m->vegetarian, 0);

	/* Thursday: offers by course, then by name within a course. */
	m = cantine_week_meal(w, 2);
	assert_string_equal(m->date, "2026-11-26");
	assert_int_equal(m->weekday, 3);
	assert_int_equal(m->status, CANTINE_STATUS_PUBLISHED);
	assert_int_equal(m->n_offers, 6);
	assert_string_equal(m->offers[0].dish, "Carottes râpées");
	assert_int_equal(m->offers[0].course, CANTINE_COURSE_ENTREE);
	assert_string_equal(m->offers[1].dish, "Poulet rôti");
	assert_int_equal(m->offers[1].course, CANTINE_COURSE_PLAT);
	assert_string_equal(m->offers[2].dish, "Purée de carottes");
	assert_int_equal(m->offers[2].course, CANTINE_COURSE_GARNITURE);
	assert_string_equal(m->offers[3].dish, "Compote");
	assert_string_equal(m->offers[4].dish, "Pomme");
	assert_int_equal(m->offers[4].course, CANTINE_COURSE_DESSERT);
	assert_string_equal(m->offers[5].dish, "Pain");
	assert_int_equal(m->offers[5].course, CANTINE_COURSE_PAIN);
	assert_int_equal(m->offers[5].allergens, A(GLUTEN));
	assert_int_equal(m->offers[5].traces, A(SESAME) | A(MILK));
	assert_int_equal(m->vegetarian, 0);
	assert_null(cantine_week_meal(w, 3));
	cantine_week_free(w);

	/* Replacing a meal replaces its whole list; now vegetarian.  It is
	 * published: the change needs a reason. */
	{
		const char *const veg[] = { "Carottes râpées", "Pain", "Pomme" };
		assert_int_equal(cantine_ctx_set_change(f->ctx, "chef", "menu végétarien"), 0);
		set_meal(f->ctx, "2026-11-26", CANTINE_STATUS_PUBLISHED, veg, 3);
		assert_int_equal(cantine_ctx_set_change(f->ctx, NULL, NULL), 0);
	}
	w = week(f, "2026-11-29");
	assert_int_equal(cantine_week_meal_count(w), 3);
	m = cantine_week_meal(w, 2);
	assert_int_equal(m->n_offers, 3);
	assert_int_equal(m->vegetarian, 1);
	assert_string_equal(m->offers[2].dish, "Pain");
	cantine_week_free(w);

	/* The next week. */
	w = week(f, "2026-12-06");
	assert_int_equal(cantine_week_meal_count(w), 1);
	assert_string_equal(cantine_week_meal(w, 0)->date, "2026-11-30");
	cantine_week_free(w);
	cantine_week_free(NULL);
}

static void test_plan_errors(void **state)
{
	tu_fixture *f = *state;
	const char *const ok[] = { "Pomme" };
	const char *const bad[] = { "Pomme", "Tarte inconnue" };
	cantine_week *w = NULL;

	assert_int_equal(cantine_plan_set_meal(f->ctx, "0750654D", "2026-11-26",
			 CANTINE_STATUS_DRAFT, ok, 1), CANTINE_ENOTFOUND);
	assert_true(tu_contains(cantine_errmsg(f->ctx), "0750654D"));
	assert_int_equal(cantine_plan_set_meal(f->ctx, UAI, "2026-11-31",
			 CANTINE_STATUS_DRAFT, ok, 1), CANTINE_EINVAL);
	assert_int_equal(cantine_plan_set_meal(f->ctx, UAI, NULL,
			 CANTINE_STATUS_DRAFT, ok, 1), CANTINE_EINVAL);
	assert_int_equal(cantine_plan_set_meal(f->ctx, UAI, "2026-11-26",
			 CANTINE_STATUS__MAX, ok, 1), CANTINE_EINVAL);
	assert_int_equal(cantine_plan_set_meal(f->ctx, UAI, "2026-11-26",
			 CANTINE_STATUS_DRAFT, bad, 2), CANTINE_ENOTFOUND);
	assert_true(tu_contains(cantine_errmsg(f->ctx), "Tarte inconnue"));
	assert_int_equal(tu_query_int(f->ctx->db, "SELECT count(*) FROM meal"), 0);
	assert_int_equal(tu_query_int(f->ctx->db, "SELECT count(*) FROM meal_dish"), 0);
	assert_int_equal(tu_query_int(f->ctx->db, "SELECT count(*) FROM meal_history"), 0);

	/* A failed replacement keeps the meal as it was. */
	set_meal(f->ctx, "2026-11-26", CANTINE_STATUS_PROPOSED, ok, 1);
	assert_int_equal(cantine_plan_set_meal(f->ctx, UAI, "2026-11-26",
			 CANTINE_STATUS_PUBLISHED, bad, 2), CANTINE_ENOTFOUND);
	w = NULL;
	assert_int_equal(cantine_plan_week(&w, f->ctx, UAI, "2026-11-26"), 0);
	assert_int_equal(cantine_week_meal_count(w), 1);
	assert_int_equal(cantine_week_meal(w, 0)->status, CANTINE_STATUS_PROPOSED);
	assert_int_equal(cantine_week_meal(w, 0)->n_offers, 1);
	cantine_week_free(w);
	assert_true(sqlite3_get_autocommit(f->ctx->db));

	w = (cantine_week *)f;
	assert_int_equal(cantine_plan_week(&w, f->ctx, UAI, "2026-02-30"), CANTINE_EINVAL);
	assert_null(w);
	assert_int_equal(cantine_plan_week(&w, f->ctx, UAI, "26-11-2026"), CANTINE_EINVAL);
	assert_int_equal(cantine_plan_week(&w, f->ctx, UAI, NULL), CANTINE_EINVAL);
	assert_int_equal(cantine_plan_week(&w, f->ctx, "0750654D", "2026-11-26"),
			 CANTINE_ENOTFOUND);
	assert_null(w);
}

static void test_date_add(void **state)
{
	char out[11];

	(void)state;
	assert_int_equal(cantine_date_add(out, "2026-11-23", 3), 0);
	assert_string_equal(out, "2026-11-26");
	assert_int_equal(cantine_date_add(out, "2024-02-28", 1), 0);
	assert_string_equal(out, "2024-02-29");
	assert_int_equal(cantine_date_add(out, "2026-12-28", 6), 0);
	assert_string_equal(out, "2027-01-03");
	assert_int_equal(cantine_date_add(out, "2026-03-01", -1), 0);
	assert_string_equal(out, "2026-02-28");
	assert_int_equal(cantine_date_add(out, "2025-02-30", 1), CANTINE_EINVAL);
}

static void test_date_check(void **state)
{
	static const char *const ok[] = {
		"2024-02-29", "2000-02-29", "2026-11-26", "2025-12-31", "2025-01-01",
		"1900-02-28", "2026-04-30", "9999-12-31",
	};
	static const char *const bad[] = {
		"2025-02-30", "2025-02-29", "1900-02-29", "2100-02-29", "2026-04-31",
		"2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32", "2026-1-05",
		"2026-01-5", "20260105", "2026/01/05", "2026-01-05 ", " 2026-01-05",
		"2026-01-05T12:00", "", "abcd-ef-gh", "1899-12-31", "0000-01-01",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		if (cantine_date_check(ok[i]) != 0)
			fail_msg("%s should be a valid date", ok[i]);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (cantine_date_check(bad[i]) != CANTINE_EINVAL)
			fail_msg("%s should be refused", bad[i]);
	assert_int_equal(cantine_date_check(NULL), CANTINE_EINVAL);
}

static void test_status(void **state)
{
	(void)state;
	assert_int_equal(cantine_status_parse("Publié"), CANTINE_STATUS_PUBLISHED);
	assert_int_equal(cantine_status_parse("publie"), CANTINE_STATUS_PUBLISHED);
	assert_int_equal(cantine_status_parse("PUBLIÉ"), CANTINE_STATUS_PUBLISHED);
	assert_int_equal(cantine_status_parse("proposé"), CANTINE_STATUS_PROPOSED);
	assert_int_equal(cantine_status_parse("Propose"), CANTINE_STATUS_PROPOSED);
	assert_int_equal(cantine_status_parse("brouillon"), CANTINE_STATUS_DRAFT);
	assert_int_equal(cantine_status_parse(" Brouillon "), CANTINE_STATUS_DRAFT);
	assert_int_equal(cantine_status_parse("published"), -1);
	assert_int_equal(cantine_status_parse("draft"), -1);
	assert_int_equal(cantine_status_parse(""), -1);
	assert_int_equal(cantine_status_parse(NULL), -1);
	assert_string_equal(cantine_status_name(CANTINE_STATUS_DRAFT), "brouillon");
	assert_string_equal(cantine_status_name(CANTINE_STATUS_PROPOSED), "proposé");
	assert_string_equal(cantine_status_name(CANTINE_STATUS_PUBLISHED), "publié");
	assert_null(cantine_status_name(CANTINE_STATUS__MAX));
}

static long long history(tu_fixture *f, const char *where)
{
	char sql[256];

	snprintf(sql, sizeof(sql), "SELECT count(*) FROM meal_history %s", where);
	/* Through a second connection: what is committed. */
	return tu_file_query_int(f->db_path, sql);
}

static void test_meal_history(void **state)
{
	tu_fixture *f = *state;
	const char *const a[] = { "Pomme" };
	const char *const b[] = { "Compote", "Pain" };

	/* Creation: one entry. */
	set_meal(f->ctx, "2026-11-26", CANTINE_STATUS_DRAFT, a, 1);
	assert_int_equal(history(f, ""), 1);
	assert_int_equal(history(f, "WHERE old_status IS NULL AND new_status = 0"), 1);

	/* Other dishes: an entry with the dishes before and after. */
	set_meal(f->ctx, "2026-11-26", CANTINE_STATUS_DRAFT, b, 2);
	assert_int_equal(history(f, ""), 2);
	assert_int_equal(history(f, "WHERE dishes_before = 'Pomme' AND "
				 "dishes_after = 'Compote | Pain' AND reason IS NULL"), 1);
	/* The same meal again: nothing changed, no entry. */
	set_meal(f->ctx, "2026-11-26", CANTINE_STATUS_DRAFT, b, 2);
	assert_int_equal(history(f, ""), 2);

	set_meal(f->ctx, "2026-11-26", CANTINE_STATUS_PROPOSED, b, 2);
	assert_int_equal(history(f, "WHERE old_status = 0 AND new_status = 1"), 1);
	set_meal(f->ctx, "2026-11-26", CANTINE_STATUS_PUBLISHED, b, 2);
	assert_int_equal(history(f, "WHERE old_status = 1 AND new_status = 2"), 1);
	assert_int_equal(history(f, ""), 4);

	/* A published meal: republishing it unchanged needs no reason;
	 * changing it needs one, and nothing is written without. */
	set_meal(f->ctx, "2026-11-26", CANTINE_STATUS_PUBLISHED, b, 2);
	assert_int_equal(cantine_plan_set_meal(f->ctx, UAI, "2026-11-26",
					       CANTINE_STATUS_PUBLISHED, a, 1), CANTINE_EINVAL);
	assert_true(tu_contains(cantine_errmsg(f->ctx),
				"le menu du jeudi 26 novembre 2026 est publié"));
	assert_int_equal(history(f, ""), 4);
	assert_int_equal(tu_file_query_int(f->db_path, "SELECT count(*) FROM meal_dish "
		"WHERE meal_id = (SELECT id FROM meal WHERE date = '2026-11-26')"), 2);
	assert_int_equal(cantine_ctx_set_change(f->ctx, "Mme Dupont", "livraison de "
						"compote annulée"), 0);
	set_meal(f->ctx, "2026-11-26", CANTINE_STATUS_PUBLISHED, a, 1);
	assert_int_equal(history(f, "WHERE who = 'Mme Dupont' AND reason = 'livraison de "
				 "compote annulée' AND old_status = 2 AND new_status = 2 AND "
				 "dishes_before = 'Compote | Pain' AND dishes_after = 'Pomme'"), 1);
	assert_int_equal(cantine_ctx_set_change(f->ctx, NULL, NULL), 0);

	/* Another meal has its own history. */
	set_meal(f->ctx, "2026-11-27", CANTINE_STATUS_PUBLISHED, a, 1);
	assert_int_equal(history(f, ""), 6);
	assert_int_equal(history(f, "WHERE meal_id = (SELECT id FROM meal WHERE "
				 "date = '2026-11-26')"), 5);
	/* Timestamps are filled in. */
	assert_int_equal(history(f, "WHERE at GLOB '[0-9][0-9][0-9][0-9]-*T*Z'"), 6);

	/* Through an import too: refused without a reason, with a problem
	 * on the meal's line; accepted with one. */
	{
		static const char csv[] = "uai,date,plat,recette,statut\n"
			UAI ",2026-11-27,dessert,Compote,publié\n";
		cantine_problems *pbs = NULL;
		cantine_import_stats st;
		assert_int_equal(cantine_import_csv_mem(f->ctx, CANTINE_KIND_MENUS,
				 "menus.csv", csv, sizeof(csv) - 1, CANTINE_ENCODING_AUTO,
				 &pbs, &st), CANTINE_EINVAL);
		assert_int_equal(cantine_problems_count(pbs), 1);
		assert_int_equal(cantine_problems_get(pbs, 0)->line, 2);
		assert_true(tu_contains(cantine_problems_get(pbs, 0)->message,
					"vendredi 27 novembre 2026 est publié"));
		cantine_problems_free(pbs);
		pbs = NULL;
		assert_int_equal(history(f, ""), 6);
		assert_int_equal(cantine_ctx_set_change(f->ctx, NULL, "rupture de pommes"), 0);
		assert_int_equal(cantine_import_csv_mem(f->ctx, CANTINE_KIND_MENUS,
				 "menus.csv", csv, sizeof(csv) - 1, CANTINE_ENCODING_AUTO,
				 &pbs, &st), 0);
		assert_null(pbs);
		assert_int_equal(st.updated, 1);
	}
	assert_int_equal(history(f, "WHERE reason = 'rupture de pommes' AND "
				 "dishes_before = 'Pomme' AND dishes_after = 'Compote'"), 1);
	assert_int_equal(history(f, ""), 7);
	/* The internal handle sees the same. */
	assert_int_equal(tu_query_int(f->ctx->db, "SELECT count(*) FROM meal_history"), 7);
}

static void test_set_status_and_copy(void **state)
{
	tu_fixture *f = *state;
	const char *const a[] = { "Pomme" };
	cantine_report *r;
	size_t n;

	set_meal(f->ctx, "2026-09-07", CANTINE_STATUS_DRAFT, a, 1);
	set_meal(f->ctx, "2026-09-08", CANTINE_STATUS_PROPOSED, a, 1);
	set_meal(f->ctx, "2026-09-14", CANTINE_STATUS_DRAFT, a, 1);
	/* Publish the first week: two meals change. */
	assert_int_equal(cantine_plan_set_status(f->ctx, UAI, "2026-09-07", "2026-09-13",
						 CANTINE_STATUS_PUBLISHED, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(tu_query_int(f->ctx->db, "SELECT count(*) FROM meal WHERE "
				      "status = 2"), 2);
	assert_int_equal(tu_query_int(f->ctx->db, "SELECT count(*) FROM meal_dish"), 3);
	/* Back to draft: published meals change, which needs a reason. */
	assert_int_equal(cantine_plan_set_status(f->ctx, UAI, "2026-09-07", "2026-09-13",
						 CANTINE_STATUS_DRAFT, &n), CANTINE_EINVAL);
	assert_int_equal(tu_query_int(f->ctx->db, "SELECT count(*) FROM meal WHERE "
				      "status = 2"), 2);
	assert_int_equal(cantine_plan_set_status(f->ctx, UAI, "2026-09-13", "2026-09-07",
						 CANTINE_STATUS_DRAFT, &n), CANTINE_EINVAL);

	/* Copy the two weeks four weeks later: three drafts. */
	assert_int_equal(cantine_plan_copy(&r, f->ctx, UAI, "2026-09-09", 2, "2026-10-05", 0), 0);
	assert_int_equal(cantine_report_count_severity(r, CANTINE_SEVERITY_INFO), 3);
	assert_int_equal(cantine_report_count_severity(r, CANTINE_SEVERITY_WARNING), 0);
	cantine_report_free(r);
	assert_int_equal(tu_query_int(f->ctx->db, "SELECT count(*) FROM meal WHERE date IN "
				      "('2026-10-05', '2026-10-06', '2026-10-12') AND status = 0"), 3);
	/* Again: kept, unless replace. */
	assert_int_equal(cantine_plan_copy(&r, f->ctx, UAI, "2026-09-07", 2, "2026-10-05", 0), 0);
	assert_int_equal(cantine_report_count_severity(r, CANTINE_SEVERITY_WARNING), 3);
	assert_true(tu_contains(cantine_report_get(r, 0)->message, "a déjà un menu"));
	cantine_report_free(r);
	assert_int_equal(cantine_plan_copy(&r, f->ctx, UAI, "2026-09-07", 2, "2026-10-05", 1), 0);
	assert_int_equal(cantine_report_count_severity(r, CANTINE_SEVERITY_INFO), 3);
	cantine_report_free(r);
	/* Overlapping source and target, bad weeks. */
	r = NULL;
	assert_int_equal(cantine_plan_copy(&r, f->ctx, UAI, "2026-09-07", 2, "2026-09-14", 0),
			 CANTINE_EINVAL);
	assert_null(r);
	assert_int_equal(cantine_plan_copy(&r, f->ctx, UAI, "2026-09-07", 0, "2026-10-05", 0),
			 CANTINE_EINVAL);
	assert_int_equal(cantine_plan_copy(&r, f->ctx, "0590001F", "2026-09-07", 1,
					   "2026-10-05", 0), CANTINE_ENOTFOUND);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_check),
		cmocka_unit_test(test_date_add),
		cmocka_unit_test(test_status),
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, tu_teardown_store)
		T(test_iso_weeks),
		T(test_week_meals),
		T(test_plan_errors),
		T(test_meal_history),
		T(test_set_status_and_copy),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
