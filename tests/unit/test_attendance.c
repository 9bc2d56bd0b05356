/*
 * test_attendance.c: registrations, absences, expected covers, the
 * forecast against the naive one, bad attendance files, and forgetting a
 * pupil (cantine/attendance.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "common_int.h"

#define UAI "0595871L"

static const char etabs_csv[] =
	"uai,nom,commune_insee,departement,jours_service,eleves,demi_pensionnaires\n"
	UAI ",Collège Louise Michel,59350,59,lun|mar|mer|jeu|ven,310,135\n";

static int import(tu_fixture *f, cantine_kind kind, const char *csv,
		  cantine_problems **pbs)
{
	return cantine_import_csv_mem(f->ctx, kind, "test.csv", csv, strlen(csv),
				      CANTINE_ENCODING_AUTO, pbs, NULL);
}

static int setup(void **state)
{
	tu_fixture *f;

	tu_setup_store(state);
	f = *state;
	assert_int_equal(import(f, CANTINE_KIND_ETABS, etabs_csv, NULL), 0);
	return 0;
}

static const cantine_attendance_day *day_of(const cantine_attendance *a, const char *date)
{
	const cantine_attendance_day *d = cantine_attendance_find(a, date);

	if (!d)
		fail_msg("no day %s", date);
	return d;
}

/* A pupil registered Monday, Tuesday and Thursday only is expected on
 * those days and not on Wednesday or Friday, though the collège serves
 * five days. */
static void test_three_days(void **state)
{
	tu_fixture *f = *state;
	cantine_attendance *a;

	assert_int_equal(import(f, CANTINE_KIND_PUPILS,
		"uai,eleve,regime,jours,classe,debut,fin\n"
		UAI ",P1,DP4,lun|mar|jeu,4B,2026-09-01,2027-07-03\n"
		UAI ",P2,DP5,lun|mar|mer|jeu|ven,4B,2026-09-01,2027-07-03\n"
		UAI ",P3,ticket,,4B,2026-09-01,2027-07-03\n"
		UAI ",P4,externe,,4B,2026-09-01,2027-07-03\n", NULL), 0);
	/* Week of Monday 2026-09-14. */
	assert_int_equal(cantine_attendance_compute(&a, f->ctx, UAI, "2026-09-14",
						    "2026-09-20"), 0);
	assert_int_equal(cantine_attendance_count(a), 7);
	assert_int_equal(day_of(a, "2026-09-14")->expected, 2); /* Monday */
	assert_int_equal(day_of(a, "2026-09-15")->expected, 2);
	assert_int_equal(day_of(a, "2026-09-16")->expected, 1); /* Wednesday: P2 only */
	assert_int_equal(day_of(a, "2026-09-17")->expected, 2);
	assert_int_equal(day_of(a, "2026-09-18")->expected, 1); /* Friday: P2 only */
	assert_false(day_of(a, "2026-09-19")->served);          /* Saturday */
	assert_int_equal(day_of(a, "2026-09-19")->expected, 0);
	/* No history: the forecast is the expected count. */
	assert_int_equal(day_of(a, "2026-09-16")->forecast, 1);
	assert_int_equal(day_of(a, "2026-09-14")->actual, -1);
	cantine_attendance_free(a);
	/* Not yet registered before the first day. */
	assert_int_equal(cantine_attendance_compute(&a, f->ctx, UAI, "2026-08-31",
						    "2026-08-31"), 0);
	assert_int_equal(day_of(a, "2026-08-31")->registered, 0);
	cantine_attendance_free(a);
}

/* An outing removes one class on one day; a pupil's absence only him. */
static void test_class_trip(void **state)
{
	tu_fixture *f = *state;
	cantine_attendance *a;

	assert_int_equal(import(f, CANTINE_KIND_PUPILS,
		"uai,eleve,regime,jours,classe,debut,fin\n"
		UAI ",A1,DP5,lun|mar|mer|jeu|ven,4B,2026-09-01,2027-07-03\n"
		UAI ",A2,DP5,lun|mar|mer|jeu|ven,4B,2026-09-01,2027-07-03\n"
		UAI ",A3,DP5,lun|mar|mer|jeu|ven,4B,2026-09-01,2027-07-03\n"
		UAI ",B1,DP5,lun|mar|mer|jeu|ven,3A,2026-09-01,2027-07-03\n"
		UAI ",B2,DP5,lun|mar|mer|jeu|ven,3A,2026-09-01,2027-07-03\n", NULL), 0);
	assert_int_equal(import(f, CANTINE_KIND_ABSENCES,
		"uai,eleve,classe,debut,fin,motif,justifiee\n"
		UAI ",,4B,2026-09-17,2026-09-17,Sortie au Louvre-Lens,non\n"
		UAI ",B1,,2026-09-17,2026-09-18,Maladie,oui\n", NULL), 0);
	assert_int_equal(cantine_attendance_compute(&a, f->ctx, UAI, "2026-09-16",
						    "2026-09-18"), 0);
	assert_int_equal(day_of(a, "2026-09-16")->expected, 5);
	assert_int_equal(day_of(a, "2026-09-17")->registered, 5);
	assert_int_equal(day_of(a, "2026-09-17")->absent, 4);   /* 4B and B1 */
	assert_int_equal(day_of(a, "2026-09-17")->expected, 1);
	assert_int_equal(day_of(a, "2026-09-18")->expected, 4); /* B1 still ill */
	cantine_attendance_free(a);
}

/* The Toussaint holidays of the académie de Lille close the whole week. */
static void test_holiday_week(void **state)
{
	tu_fixture *f = *state;
	cantine_attendance *a;
	size_t i;

	assert_int_equal(import(f, CANTINE_KIND_PUPILS,
		"uai,eleve,regime,jours,classe,debut,fin\n"
		UAI ",H1,DP5,lun|mar|mer|jeu|ven,6A,2026-09-01,2027-07-03\n", NULL), 0);
	assert_int_equal(cantine_attendance_compute(&a, f->ctx, UAI, "2026-10-19",
						    "2026-10-23"), 0);
	for (i = 0; i < cantine_attendance_count(a); i++) {
		const cantine_attendance_day *d = cantine_attendance_get(a, i);
		assert_false(d->served);
		assert_int_equal(d->expected, 0);
		assert_int_equal(d->forecast, 0);
		assert_non_null(d->closed);
		assert_true(tu_contains(d->closed, "Toussaint"));
	}
	cantine_attendance_free(a);
	/* The Monday after is served again. */
	assert_int_equal(cantine_attendance_compute(&a, f->ctx, UAI, "2026-11-02",
						    "2026-11-02"), 0);
	assert_true(day_of(a, "2026-11-02")->served);
	assert_int_equal(day_of(a, "2026-11-02")->expected, 1);
	cantine_attendance_free(a);
}

/* A deterministic pseudo-random number in [-1, 1]. */
static double noise(unsigned *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return ((*seed >> 16) & 0x7fff) / 16383.5 - 1.0;
}

/* A term with known weekday patterns: Wednesdays 40 % lower attendance,
 * Fridays 15 % lower, other days 5 % of unannounced absences, with ±3 %
 * noise.  The forecast must beat the naive one (expected covers). */
static void test_forecast_beats_naive(void **state)
{
	static const double factor[7] = { 0.95, 0.95, 0.60, 0.95, 0.85, 0, 0 };
	tu_fixture *f = *state;
	cantine_buf csv = CANTINE_BUF_INIT;
	cantine_attendance *a;
	cantine_forecast_eval ev;
	unsigned seed = 42;
	size_t i;
	int k;

	assert_int_equal(cantine__buf_printf(&csv, "uai,eleve,regime,jours,classe,debut,fin\n"), 0);
	for (k = 0; k < 260; k++)
		assert_int_equal(cantine__buf_printf(&csv, UAI ",G%03d,%s,%s,%dA,2026-09-01,"
			"2027-07-03\n", k, k < 200 ? "DP5" : "DP4",
			k < 200 ? "lun|mar|mer|jeu|ven" : "lun|mar|jeu|ven", 3 + k % 4), 0);
	assert_int_equal(import(f, CANTINE_KIND_PUPILS, csv.ptr, NULL), 0);
	cantine_buf_dispose(&csv);
	assert_int_equal(cantine_attendance_compute(&a, f->ctx, UAI, "2026-09-01",
						    "2026-12-18"), 0);
	for (i = 0; i < cantine_attendance_count(a); i++) {
		const cantine_attendance_day *d = cantine_attendance_get(a, i);
		int w = (int)((i + 1) % 7); /* 2026-09-01 is a Tuesday */
		double n;
		if (!d->served)
			continue;
		n = d->expected * factor[w] * (1.0 + 0.03 * noise(&seed));
		assert_int_equal(cantine_attendance_record(f->ctx, UAI, d->date, (int)(n + 0.5)), 0);
	}
	cantine_attendance_free(a);
	assert_int_equal(cantine_forecast_evaluate(&ev, f->ctx, UAI, "2026-10-01",
						   "2026-12-18"), 0);
	assert_true(ev.days > 40);
	/* The naive forecast misses the weekday patterns entirely. */
	assert_true(ev.mae_naive > 20);
	assert_true(ev.mae_forecast < ev.mae_naive / 3);
	/* Next Wednesday's forecast is about 60 % of the expected covers. */
	assert_int_equal(cantine_attendance_compute(&a, f->ctx, UAI, "2027-01-06",
						    "2027-01-08"), 0);
	assert_int_equal(day_of(a, "2027-01-06")->expected, 200);
	assert_in_range(day_of(a, "2027-01-06")->forecast, 112, 128);
	assert_in_range(day_of(a, "2027-01-08")->forecast, 211, 231); /* 260 × 0.85 */
	cantine_attendance_free(a);
}

static long long store_sig(tu_fixture *f)
{
	return tu_file_query_int(f->db_path, "SELECT (SELECT count(*) FROM pupil) * 1000000 "
		"+ (SELECT count(*) FROM absence) * 1000 + (SELECT count(*) FROM covers) + "
		"(SELECT coalesce(sum(length(ident) + days + regime), 0) FROM pupil) * 1000000000");
}

static void expect_problem(cantine_problems *pbs, const char *field, const char *what)
{
	size_t i;

	assert_non_null(pbs);
	for (i = 0; i < cantine_problems_count(pbs); i++) {
		const cantine_problem *pb = cantine_problems_get(pbs, i);
		if (pb->field && strcmp(pb->field, field) == 0 && tu_contains(pb->message, what))
			return;
	}
	fail_msg("no problem on %s with « %s »", field, what);
}

static void test_bad_files(void **state)
{
	tu_fixture *f = *state;
	cantine_problems *pbs = NULL;
	long long before;

	assert_int_equal(import(f, CANTINE_KIND_PUPILS,
		"uai,eleve,regime,jours,classe,debut,fin\n"
		UAI ",K1,DP5,lun|mar|mer|jeu|ven,4B,2026-09-01,2027-07-03\n", NULL), 0);
	before = store_sig(f);

	/* An unknown pupil in an absence file: nothing is written, not even
	 * the good line before it. */
	assert_int_equal(import(f, CANTINE_KIND_ABSENCES,
		"uai,eleve,classe,debut,fin,motif,justifiee\n"
		UAI ",K1,,2026-09-17,2026-09-17,Maladie,oui\n"
		UAI ",K9,,2026-09-17,2026-09-17,Maladie,oui\n", &pbs), CANTINE_EINVAL);
	expect_problem(pbs, "eleve", "aucun élève « K9 » n'est inscrit");
	assert_int_equal(cantine_problems_get(pbs, 0)->line, 3);
	assert_true(tu_contains(cantine_errmsg(f->ctx), "rien n'a été importé"));
	cantine_problems_free(pbs);
	assert_int_equal(store_sig(f), before);

	/* A registration across two school years (ends after 31 August). */
	pbs = NULL;
	assert_int_equal(import(f, CANTINE_KIND_PUPILS,
		"uai,eleve,regime,jours,classe,debut,fin\n"
		UAI ",K2,DP5,lun|mar|mer|jeu|ven,4B,2026-09-01,2027-09-03\n", &pbs),
		CANTINE_EINVAL);
	expect_problem(pbs, "fin", "hors de l'année scolaire 2026-2027");
	cantine_problems_free(pbs);
	assert_int_equal(store_sig(f), before);

	/* An absence before the school year of its end. */
	pbs = NULL;
	assert_int_equal(import(f, CANTINE_KIND_ABSENCES,
		"uai,eleve,classe,debut,fin,motif,justifiee\n"
		UAI ",K1,,2026-08-28,2026-09-02,Voyage,non\n", &pbs), CANTINE_EINVAL);
	expect_problem(pbs, "fin", "hors de l'année scolaire 2025-2026");
	cantine_problems_free(pbs);
	assert_int_equal(store_sig(f), before);

	/* Other mistakes: a name instead of an identifier, a forfait of six
	 * days, an unknown class, both a pupil and a class, covers on a day
	 * without service. */
	pbs = NULL;
	assert_int_equal(import(f, CANTINE_KIND_PUPILS,
		"uai,eleve,regime,jours,classe,debut,fin\n"
		UAI ",Jean Dupont,DP4,lun|mar|jeu|ven,4B,2026-09-01,2027-07-03\n"
		UAI ",K3,DP4,lun|mar|mer|jeu|ven,4B,2026-09-01,2027-07-03\n"
		UAI ",K4,DP6,lun,4B,2026-09-01,2027-07-03\n", &pbs), CANTINE_EINVAL);
	expect_problem(pbs, "eleve", "n'écrivez pas de nom");
	expect_problem(pbs, "jours", "de 1 à 4 jours");
	expect_problem(pbs, "regime", "n'est pas un régime");
	cantine_problems_free(pbs);
	pbs = NULL;
	assert_int_equal(import(f, CANTINE_KIND_ABSENCES,
		"uai,eleve,classe,debut,fin,motif\n"
		UAI ",,5Z,2026-09-17,2026-09-17,Sortie\n"
		UAI ",K1,4B,2026-09-17,2026-09-17,Sortie\n", &pbs), CANTINE_EINVAL);
	expect_problem(pbs, "classe", "aucun élève inscrit en classe « 5Z »");
	expect_problem(pbs, "classe", "pas les deux");
	cantine_problems_free(pbs);
	pbs = NULL;
	assert_int_equal(import(f, CANTINE_KIND_COVERS, "uai,date,couverts\n"
		UAI ",2026-09-19,120\n" UAI ",2026-09-18,-3\n", &pbs), CANTINE_EINVAL);
	expect_problem(pbs, "date", "samedi");
	expect_problem(pbs, "couverts", "hors des limites");
	cantine_problems_free(pbs);
	assert_int_equal(store_sig(f), before);
}

/* Forgetting a pupil erases his identifier and tier, not the counts. */
static void test_forget(void **state)
{
	tu_fixture *f = *state;
	cantine_attendance *a;
	cantine_buf out = CANTINE_BUF_INIT;

	assert_int_equal(import(f, CANTINE_KIND_PUPILS,
		"uai,eleve,regime,jours,classe,debut,fin,quotient_familial,boursier\n"
		UAI ",SECRET-1,DP5,lun|mar|mer|jeu|ven,4B,2026-09-01,2027-07-03,512.40,oui\n"
		UAI ",KEPT-2,DP5,lun|mar|mer|jeu|ven,4B,2026-09-01,2027-07-03,,non\n", NULL), 0);
	assert_int_equal(import(f, CANTINE_KIND_ABSENCES,
		"uai,eleve,classe,debut,fin,motif,justifiee\n"
		UAI ",SECRET-1,,2026-09-17,2026-09-17,Maladie,oui\n", NULL), 0);
	assert_int_equal(cantine_pupil_forget(f->ctx, UAI, "SECRET-1"), 0);
	assert_int_equal(cantine_pupil_forget(f->ctx, UAI, "SECRET-1"), CANTINE_ENOTFOUND);
	assert_int_equal(cantine_pupil_forget(f->ctx, UAI, "NOBODY"), CANTINE_ENOTFOUND);
	assert_int_equal(tu_file_query_int(f->db_path, "SELECT count(*) FROM pupil WHERE "
		"ident = 'SECRET-1' OR qf_cents IS NOT NULL OR bursary = 1"), 0);
	assert_int_equal(tu_file_query_int(f->db_path, "SELECT count(*) FROM pupil"), 2);
	assert_int_equal(cantine_export_csv(f->ctx, CANTINE_KIND_PUPILS, &out), 0);
	assert_false(tu_contains(out.ptr, "SECRET"));
	assert_false(tu_contains(out.ptr, "512.40"));
	assert_true(tu_contains(out.ptr, "oublie-"));
	cantine_buf_dispose(&out);
	assert_int_equal(cantine_attendance_compute(&a, f->ctx, UAI, "2026-09-16",
						    "2026-09-17"), 0);
	assert_int_equal(day_of(a, "2026-09-16")->expected, 2);
	assert_int_equal(day_of(a, "2026-09-17")->expected, 1); /* the absence stays */
	cantine_attendance_free(a);
}

/* Waste in grams per cover, by ISO week. */
static void test_waste(void **state)
{
	tu_fixture *f = *state;
	cantine_waste *w;
	const cantine_waste_week *k;

	assert_int_equal(import(f, CANTINE_KIND_COVERS, "uai,date,couverts\n"
		UAI ",2026-09-14,100\n" UAI ",2026-09-15,100\n" UAI ",2026-09-21,50\n", NULL), 0);
	assert_int_equal(import(f, CANTINE_KIND_WASTE,
		"uai,date,assiettes_kg,non_servi_kg,pain_kg\n"
		UAI ",2026-09-14,8.5,3,0.5\n" UAI ",2026-09-15,7,2.5,0.5\n"
		UAI ",2026-09-16,9,9,9\n" /* no covers recorded: not counted */
		UAI ",2026-09-21,4,1.25,0.75\n", NULL), 0);
	assert_int_equal(cantine_waste_weeks(&w, f->ctx, UAI, "2026-09-01", "2026-09-30"), 0);
	assert_int_equal(cantine_waste_count(w), 2);
	k = cantine_waste_get(w, 0);
	assert_string_equal(k->monday, "2026-09-14");
	assert_int_equal(k->days, 2);
	assert_int_equal(k->covers, 200);
	assert_int_equal(k->plate_g, 15500);
	assert_true(k->g_per_cover > 109.99 && k->g_per_cover < 110.01);
	k = cantine_waste_get(w, 1);
	assert_true(k->g_per_cover > 119.99 && k->g_per_cover < 120.01);
	cantine_waste_free(w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_three_days, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_class_trip, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_holiday_week, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_forecast_beats_naive, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_bad_files, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_forget, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_waste, setup, tu_teardown_store),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
