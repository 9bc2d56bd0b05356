/*
 * test_calendar.c: school holidays (shipped data) and public holidays
 * (computed), and how the checks and plan copies see them.
 */
#include <string.h>

#include "testutil.h"
#include "calendar_int.h"

static void assert_off(const char *dept, const char *date, const char *why)
{
	const char *got = cantine__day_off(dept, date);

	if (!why) {
		if (got)
			fail_msg("%s in %s: expected open, got « %s »", date, dept, got);
		return;
	}
	if (!got || strcmp(got, why) != 0)
		fail_msg("%s in %s: expected « %s », got « %s »", date, dept, why,
			 got ? got : "(open)");
}

/* Easter moves: check the three holidays that follow it against years
 * whose dates are known, and the days around them. */
static void test_moving_holidays(void **state)
{
	static const struct { const char *pm, *asc, *pent; } years[] = {
		{ "2019-04-22", "2019-05-30", "2019-06-10" },
		{ "2024-04-01", "2024-05-09", "2024-05-20" },
		{ "2026-04-06", "2026-05-14", "2026-05-25" },
		{ "2027-03-29", "2027-05-06", "2027-05-17" },
		{ "2038-04-26", "2038-06-03", "2038-06-14" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(years) / sizeof(years[0]); i++) {
		assert_off("75", years[i].pm, "jour férié : lundi de Pâques");
		assert_off("75", years[i].asc, "jour férié : Ascension");
		assert_off("75", years[i].pent, "jour férié : lundi de Pentecôte");
	}
	assert_off("75", "2026-04-05", NULL); /* Easter Sunday itself is not listed */
	assert_off("75", "2026-04-07", NULL);
	assert_off("75", "2026-05-13", NULL);
}

static void test_fixed_and_local_holidays(void **state)
{
	(void)state;
	assert_off("75", "2026-11-11", "jour férié : Armistice 1918");
	assert_off("75", "2027-05-08", "jour férié : Victoire 1945");
	assert_off("75", "2027-01-01", "jour férié : jour de l'an");
	assert_off("75", "2026-11-12", NULL);
	/* Moselle and Alsace: Good Friday and 26 December (L3134-13). */
	assert_off("67", "2026-04-03", "jour férié : Vendredi saint");
	assert_off("57", "2026-12-26", "jour férié : Saint-Étienne");
	assert_off("59", "2026-04-03", NULL);
	assert_off("75", "2026-12-26", NULL);
}

static void test_school_holidays(void **state)
{
	size_t i;

	(void)state;
	assert_string_equal(cantine__academie("59"), "Lille");
	assert_string_equal(cantine__academie("62"), "Lille");
	assert_null(cantine__academie("75"));
	assert_null(cantine__academie(NULL));
	/* Toussaint 2026: after class on Saturday 17 October, back on Monday
	 * 2 November. */
	assert_off("59", "2026-10-16", NULL);
	assert_off("59", "2026-10-17", "Vacances de la Toussaint");
	assert_off("62", "2026-10-26", "Vacances de la Toussaint");
	assert_off("59", "2026-11-01", "Vacances de la Toussaint");
	assert_off("59", "2026-11-02", NULL);
	/* Zone B winter 2027, then the 2026 Ascension bridge. */
	assert_off("59", "2027-02-19", NULL);
	assert_off("59", "2027-03-05", "Vacances d'hiver");
	assert_off("59", "2027-03-08", NULL);
	assert_off("59", "2026-05-15", "Pont de l'Ascension");
	/* No calendar is shipped for Paris: only public holidays there. */
	assert_off("75", "2026-10-20", NULL);
	/* Every shipped period is well formed and closes its every day. */
	assert_true(cantine__school_holiday_count >= 10);
	for (i = 0; i < cantine__school_holiday_count; i++) {
		const cantine__school_holiday *h = &cantine__school_holidays[i];
		assert_true(strcmp(h->first, h->last) <= 0);
		assert_non_null(cantine__day_off("59", h->first));
		assert_non_null(cantine__day_off("59", h->last));
		if (i > 0)
			assert_true(strcmp(cantine__school_holidays[i - 1].last, h->first) < 0);
	}
}

/* The store sees them: cantine_closed(), the checks, plan copies. */
static void test_store_sees_holidays(void **state)
{
	tu_fixture *f = *state;
	static const char *const dishes[] = { "Carottes" };
	cantine_buf why = CANTINE_BUF_INIT;
	cantine_product p;
	cantine_ingredient ing = { "LEG", 100000 };
	cantine_etab e;
	cantine_report *r = NULL;
	size_t i, closed = 0;

	tu_etab_init(&e, "0595871L"); /* Nord: académie de Lille */
	assert_int_equal(cantine_etab_save(f->ctx, &e), 0);
	tu_product_init(&p, "LEG", "Carottes", 200);
	assert_int_equal(cantine_product_save(f->ctx, &p), 0);
	assert_int_equal(cantine_dish_save(f->ctx, "Carottes", CANTINE_COURSE_ENTREE, NULL,
					   &ing, 1), 0);
	assert_int_equal(cantine_closed(f->ctx, "0595871L", "2026-11-11", &why), 1);
	assert_string_equal(why.ptr, "jour férié : Armistice 1918");
	assert_int_equal(cantine_closed(f->ctx, "0595871L", "2026-11-12", NULL), 0);
	/* A meal planned during the Toussaint holidays is reported. */
	assert_int_equal(cantine_plan_set_meal(f->ctx, "0595871L", "2026-10-20",
					       CANTINE_STATUS_DRAFT, dishes, 1), 0);
	assert_int_equal(cantine_check_period(&r, f->ctx, "0595871L", "2026-10-19",
					      "2026-10-25"), 0);
	for (i = 0; i < cantine_report_count(r); i++) {
		const cantine_finding *fd = cantine_report_get(r, i);
		if (strcmp(fd->rule, "core.closed-day") == 0) {
			closed++;
			assert_string_equal(fd->from, "2026-10-20");
			assert_true(tu_contains(fd->message, "(Vacances de la Toussaint)"));
		}
	}
	assert_int_equal(closed, 1);
	cantine_report_free(r);
	/* Copying the week of 12 October onto the next one lands in the
	 * holidays: nothing is copied. */
	assert_int_equal(cantine_plan_set_meal(f->ctx, "0595871L", "2026-10-13",
					       CANTINE_STATUS_DRAFT, dishes, 1), 0);
	assert_int_equal(cantine_plan_copy(&r, f->ctx, "0595871L", "2026-10-12", 1,
					   "2026-10-19", 0), 0);
	assert_int_equal(cantine_report_count(r), 1);
	assert_int_equal(cantine_report_get(r, 0)->severity, CANTINE_SEVERITY_WARNING);
	assert_true(tu_contains(cantine_report_get(r, 0)->message,
				"fermé le mardi 20 octobre 2026 (Vacances de la Toussaint)"));
	cantine_report_free(r);
	cantine_buf_dispose(&why);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_moving_holidays),
		cmocka_unit_test(test_fixed_and_local_holidays),
		cmocka_unit_test(test_school_holidays),
		cmocka_unit_test_setup_teardown(test_store_sees_holidays, tu_setup_store,
						tu_teardown_store),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
