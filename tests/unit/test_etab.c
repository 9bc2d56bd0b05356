/*
 * test_etab.c: establishments: UAI and SIRET checks, save/find round trip,
 * validation messages, cantine_etab_only().
 */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "common_int.h"

/* ---- UAI ---- */

static void test_uai_valid(void **state)
{
	/* formats.md example: 750654 mod 23 = 3 -> D. */
	static const char *const ok[] = {
		"0750654D", "0590001F", "0595871L", "0622413L", "0593904Y",
		"0000000A", /* 0 mod 23 = 0 -> A */
		"9999999P", /* 9999999 mod 23 = 14 -> P (no I, O, Q in the alphabet) */
		"0130040Y", "1234567W",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		if (cantine_uai_check(ok[i]) != 0)
			fail_msg("UAI %s should be valid", ok[i]);
		assert_int_equal(cantine_uai_letter(ok[i]), ok[i][7]);
	}
}

static void test_uai_letter(void **state)
{
	(void)state;
	assert_int_equal(cantine_uai_letter("0750654"), 'D');
	/* Need not be NUL-terminated: only the first 7 bytes are read. */
	assert_int_equal(cantine_uai_letter("0750654Xjunk"), 'D');
	assert_int_equal(cantine_uai_letter("0000000"), 'A');
	assert_int_equal(cantine_uai_letter("0000022"), 'Z'); /* 22 -> last letter */
	assert_int_equal(cantine_uai_letter("0000008"), 'J'); /* I skipped */
	assert_int_equal(cantine_uai_letter("0000013"), 'P'); /* O skipped */
	assert_int_equal(cantine_uai_letter("0000014"), 'R'); /* Q skipped */
	assert_int_equal(cantine_uai_letter("0000023"), 'A'); /* wraps */
	/* Not 7 digits. */
	assert_int_equal(cantine_uai_letter("075065"), 0);
	assert_int_equal(cantine_uai_letter("07506a4"), 0);
	assert_int_equal(cantine_uai_letter("2A00001"), 0);
	assert_int_equal(cantine_uai_letter("075 654"), 0);
}

static void test_uai_invalid(void **state)
{
	(void)state;
	assert_int_equal(cantine_uai_check("0750654E"), CANTINE_EINVAL); /* wrong letter */
	assert_int_equal(cantine_uai_check("0750654I"), CANTINE_EINVAL);
	assert_int_equal(cantine_uai_check("0750654d"), CANTINE_EINVAL); /* lower case */
	assert_int_equal(cantine_uai_check("075065D"), CANTINE_EINVAL);  /* 6 digits */
	assert_int_equal(cantine_uai_check("0750654"), CANTINE_EINVAL);  /* 7 chars */
	assert_int_equal(cantine_uai_check("00750654D"), CANTINE_EINVAL); /* 9 chars */
	assert_int_equal(cantine_uai_check("0750654DD"), CANTINE_EINVAL);
	assert_int_equal(cantine_uai_check("07506X4D"), CANTINE_EINVAL); /* non-digit */
	assert_int_equal(cantine_uai_check(" 750654D"), CANTINE_EINVAL);
	assert_int_equal(cantine_uai_check("-750654D"), CANTINE_EINVAL);
	assert_int_equal(cantine_uai_check("\xD9\xA0" "750654D"), CANTINE_EINVAL);
	assert_int_equal(cantine_uai_check(""), CANTINE_EINVAL);
	assert_int_equal(cantine_uai_check(NULL), CANTINE_EINVAL);
}

/* ---- SIRET ---- */

static void test_siret_valid(void **state)
{
	/* Luhn-valid SIRETs (last digit computed). */
	static const char *const ok[] = {
		"73228298000018", "13000205100014", "44201045900026",
		"55244147400012", "19595871500011", "19622413300013",
		"00000000000000",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		if (cantine_siret_check(ok[i]) != 0)
			fail_msg("SIRET %s should be valid", ok[i]);
}

static void test_siret_invalid(void **state)
{
	(void)state;
	/* One digit changed (each position matters for Luhn). */
	assert_int_equal(cantine_siret_check("73228298000019"), CANTINE_EINVAL);
	assert_int_equal(cantine_siret_check("73228299000018"), CANTINE_EINVAL);
	assert_int_equal(cantine_siret_check("83228298000018"), CANTINE_EINVAL);
	/* Two adjacent digits swapped. */
	assert_int_equal(cantine_siret_check("73228298000081"), CANTINE_EINVAL);
	/* Lengths. */
	assert_int_equal(cantine_siret_check("7322829800001"), CANTINE_EINVAL);
	assert_int_equal(cantine_siret_check("732282980000180"), CANTINE_EINVAL);
	assert_int_equal(cantine_siret_check(""), CANTINE_EINVAL);
	assert_int_equal(cantine_siret_check(NULL), CANTINE_EINVAL);
	/* Letters, spaces, signs. */
	assert_int_equal(cantine_siret_check("7322829800001A"), CANTINE_EINVAL);
	assert_int_equal(cantine_siret_check("A3228298000018"), CANTINE_EINVAL);
	assert_int_equal(cantine_siret_check("732 282 980 00018"), CANTINE_EINVAL);
	assert_int_equal(cantine_siret_check("732282980 0018"), CANTINE_EINVAL);
	/* ':' is '9' + 1 and '/' is '0' - 1: not digits. */
	assert_int_equal(cantine_siret_check("7322829800001:"), CANTINE_EINVAL);
	assert_int_equal(cantine_siret_check("7322829800001/"), CANTINE_EINVAL);
	assert_int_equal(cantine_siret_check("7322829800\xC3\xA9" "18"), CANTINE_EINVAL);
}

static void test_siret_la_poste(void **state)
{
	(void)state;
	/* SIREN 356000000: digit sum a multiple of 5; Luhn does not hold. */
	assert_int_equal(cantine_siret_check("35600000049837"), 0);  /* sum 45 */
	assert_int_equal(cantine_siret_check("35600000000015"), 0);  /* sum 20 */
	assert_int_equal(cantine_siret_check("35600000000001"), 0);  /* sum 15 */
	/* Digit sum not a multiple of 5 (and not Luhn either). */
	assert_int_equal(cantine_siret_check("35600000012345"), CANTINE_EINVAL); /* 29 */
	assert_int_equal(cantine_siret_check("35600000000005"), CANTINE_EINVAL); /* 19 */
	/* Luhn holds but the digit sum is not a multiple of 5: valid, as for
	 * La Poste's head office, 35600000000048 (sum 26). */
	assert_int_equal(cantine_siret_check("35600000000048"), 0);
	assert_int_equal(cantine_siret_check("35600000000014"), 0);
	/* Both rules hold. */
	assert_int_equal(cantine_siret_check("35600000000006"), 0);
	/* Another SIREN starting like La Poste's is plain Luhn. */
	assert_int_equal(cantine_siret_check("35600000100015"), CANTINE_EINVAL);
}

/* ---- save / find ---- */

static long long etab_rows(tu_fixture *f)
{
	return tu_query_int(f->ctx->db, "SELECT count(*) FROM etab");
}

static void test_etab_round_trip(void **state)
{
	tu_fixture *f = *state;
	cantine_etab e, *got = NULL;

	tu_etab_init(&e, "0595871L");
	assert_int_equal(cantine_etab_save(f->ctx, &e), 0);
	assert_int_equal(cantine_etab_find(&got, f->ctx, "0595871L"), 0);
	assert_non_null(got);
	assert_string_equal(got->uai, "0595871L");
	assert_string_equal(got->siret, "19595871500011");
	assert_string_equal(got->name, "Collège Louise Michel");
	assert_string_equal(got->commune_insee, "59654");
	assert_string_equal(got->departement, "59");
	assert_int_equal(got->service_days, e.service_days);
	assert_int_equal(got->pupils, 310);
	assert_int_equal(got->half_boarders, 135);
	cantine_etab_free(got);
	got = NULL;

	/* Update by UAI: no SIRET (NULL), Corsica, other numbers. */
	e.siret = NULL;
	e.name = "Collège « Pascal Paoli »";
	e.commune_insee = "2A004";
	e.departement = "2A";
	e.service_days = CANTINE_DAY_MON | CANTINE_DAY_WED | CANTINE_DAY_SAT;
	e.pupils = 12;
	e.half_boarders = 12;
	assert_int_equal(cantine_etab_save(f->ctx, &e), 0);
	assert_int_equal(etab_rows(f), 1);
	assert_int_equal(cantine_etab_find(&got, f->ctx, "0595871L"), 0);
	assert_null(got->siret);
	assert_string_equal(got->name, "Collège « Pascal Paoli »");
	assert_string_equal(got->commune_insee, "2A004");
	assert_string_equal(got->departement, "2A");
	assert_int_equal(got->service_days, e.service_days);
	assert_int_equal(got->pupils, 12);
	assert_int_equal(got->half_boarders, 12);
	cantine_etab_free(got);
	got = NULL;

	/* Overseas département, La Poste-style SIRET, empty SIRET = none. */
	tu_etab_init(&e, "9710001Z");
	e.siret = "";
	e.commune_insee = "97101";
	e.departement = "971";
	assert_int_equal(cantine_etab_save(f->ctx, &e), 0);
	assert_int_equal(cantine_etab_find(&got, f->ctx, "9710001Z"), 0);
	assert_null(got->siret);
	assert_string_equal(got->departement, "971");
	cantine_etab_free(got);
	assert_int_equal(etab_rows(f), 2);

	/* Unknown UAI. */
	got = (cantine_etab *)&e; /* must be reset to NULL */
	assert_int_equal(cantine_etab_find(&got, f->ctx, "0750654D"), CANTINE_ENOTFOUND);
	assert_null(got);
	assert_true(tu_contains(cantine_errmsg(f->ctx), "0750654D"));
	assert_int_equal(cantine_errcode(f->ctx), CANTINE_ENOTFOUND);
	cantine_etab_free(NULL);
}

/* Save `bad`, expect EINVAL, a message starting with "<field> :", and the
 * store unchanged (one row, the original). */
static void expect_refused(tu_fixture *f, const cantine_etab *bad,
			   const char *field, const char *also)
{
	cantine_etab *got = NULL;
	const char *msg;
	size_t n = strlen(field);
	int rc = cantine_etab_save(f->ctx, bad);

	msg = cantine_errmsg(f->ctx);
	if (rc != CANTINE_EINVAL)
		fail_msg("expected EINVAL for field %s, got %d (%s)", field, rc, msg);
	if (strncmp(msg, field, n) != 0 || strncmp(msg + n, " : ", 3) != 0)
		fail_msg("message should name %s: %s", field, msg);
	if (also && !tu_contains(msg, also))
		fail_msg("message should contain « %s »: %s", also, msg);
	assert_int_equal(cantine_errcode(f->ctx), CANTINE_EINVAL);
	assert_int_equal(etab_rows(f), 1);
	assert_int_equal(cantine_etab_find(&got, f->ctx, "0595871L"), 0);
	assert_string_equal(got->name, "Collège Louise Michel");
	assert_int_equal(got->pupils, 310);
	assert_int_equal(got->half_boarders, 135);
	cantine_etab_free(got);
}

static void test_etab_validation(void **state)
{
	tu_fixture *f = *state;
	cantine_etab e;

	tu_etab_init(&e, "0595871L");
	assert_int_equal(cantine_etab_save(f->ctx, &e), 0);

	/* Each bad field, on an update of the same UAI. */
	tu_etab_init(&e, "0595871M");
	expect_refused(f, &e, "uai", "devrait être L");
	tu_etab_init(&e, "0595871l");
	expect_refused(f, &e, "uai", "majuscule");
	tu_etab_init(&e, "595871L");
	expect_refused(f, &e, "uai", "595871L");
	tu_etab_init(&e, NULL);
	expect_refused(f, &e, "uai", NULL);

	tu_etab_init(&e, "0595871L");
	e.siret = "19595871500012";
	expect_refused(f, &e, "siret", "Luhn");
	e.siret = "1959587150001";
	expect_refused(f, &e, "siret", "14 chiffres");
	e.siret = "1959587150001X";
	expect_refused(f, &e, "siret", "14 chiffres");

	tu_etab_init(&e, "0595871L");
	e.name = "";
	expect_refused(f, &e, "nom", "obligatoire");
	e.name = NULL;
	expect_refused(f, &e, "nom", "obligatoire");

	tu_etab_init(&e, "0595871L");
	e.commune_insee = "5965";
	expect_refused(f, &e, "commune_insee", "5965");
	e.commune_insee = NULL;
	expect_refused(f, &e, "commune_insee", NULL);

	tu_etab_init(&e, "0595871L");
	e.departement = "20";                         /* no "20" since 1976 */
	e.commune_insee = "20004";
	expect_refused(f, &e, "commune_insee", NULL); /* 20004 is not INSEE either */
	e.commune_insee = "2A004";
	expect_refused(f, &e, "departement", "20");
	e.departement = "96";
	expect_refused(f, &e, "departement", NULL);

	/* Commune not in the département. */
	tu_etab_init(&e, "0595871L");
	e.commune_insee = "62427";
	expect_refused(f, &e, "commune_insee", "62427");
	assert_true(tu_contains(cantine_errmsg(f->ctx), "59"));
	assert_true(tu_contains(cantine_errmsg(f->ctx), "département"));
	e.commune_insee = "59654";
	e.departement = "62";
	expect_refused(f, &e, "commune_insee", "62");

	tu_etab_init(&e, "0595871L");
	e.service_days = 0;
	expect_refused(f, &e, "jours_service", NULL);
	e.service_days = 128;
	expect_refused(f, &e, "jours_service", NULL);

	tu_etab_init(&e, "0595871L");
	e.pupils = -1;
	e.half_boarders = 0;
	expect_refused(f, &e, "eleves", "-1");

	/* More half-boarders than pupils. */
	tu_etab_init(&e, "0595871L");
	e.pupils = 100;
	e.half_boarders = 101;
	expect_refused(f, &e, "demi_pensionnaires", "101");
	assert_true(tu_contains(cantine_errmsg(f->ctx), "100"));
	e.half_boarders = -1;
	expect_refused(f, &e, "demi_pensionnaires", NULL);

	/* A new establishment refused is not created either. */
	tu_etab_init(&e, "0750654D");
	e.half_boarders = 400;
	expect_refused(f, &e, "demi_pensionnaires", NULL);

	/* Several problems: the first one is named. */
	tu_etab_init(&e, "0595871X");
	e.pupils = 1;
	e.half_boarders = 2;
	expect_refused(f, &e, "uai", NULL);

	/* Equal numbers are fine. */
	tu_etab_init(&e, "0595871L");
	e.pupils = 0;
	e.half_boarders = 0;
	assert_int_equal(cantine_etab_save(f->ctx, &e), 0);
}

static void test_etab_only(void **state)
{
	tu_fixture *f = *state;
	cantine_etab e, *got = NULL;
	const char *msg;

	/* None. */
	got = &e;
	assert_int_equal(cantine_etab_only(&got, f->ctx), CANTINE_ENOTFOUND);
	assert_null(got);
	assert_true(tu_contains(cantine_errmsg(f->ctx), "aucun"));

	/* One. */
	tu_etab_init(&e, "0595871L");
	assert_int_equal(cantine_etab_save(f->ctx, &e), 0);
	assert_int_equal(cantine_etab_only(&got, f->ctx), 0);
	assert_non_null(got);
	assert_string_equal(got->uai, "0595871L");
	assert_string_equal(got->name, "Collège Louise Michel");
	cantine_etab_free(got);

	/* Two: EINVAL, and the message lists both. */
	tu_etab_init(&e, "0622413L");
	e.name = "Collège Émile Zola";
	e.commune_insee = "62427";
	e.departement = "62";
	assert_int_equal(cantine_etab_save(f->ctx, &e), 0);
	got = &e;
	assert_int_equal(cantine_etab_only(&got, f->ctx), CANTINE_EINVAL);
	assert_null(got);
	msg = cantine_errmsg(f->ctx);
	assert_true(tu_contains(msg, "0595871L"));
	assert_true(tu_contains(msg, "0622413L"));
	assert_true(tu_contains(msg, "Collège Émile Zola"));
}

static void test_etab_list(void **state)
{
	tu_fixture *f = *state;
	cantine_etab e, **list = (cantine_etab **)&e;
	size_t n = 99;

	/* None: an empty list, not an error. */
	assert_int_equal(cantine_etab_list(&list, &n, f->ctx, NULL), 0);
	assert_null(list);
	assert_int_equal(n, 0);
	cantine_etab_list_free(list, n);

	tu_etab_init(&e, "0622413L");
	e.name = "Collège Émile Zola";
	e.commune_insee = "62427";
	e.departement = "62";
	assert_int_equal(cantine_etab_save(f->ctx, &e), 0);
	tu_etab_init(&e, "0595871L");
	assert_int_equal(cantine_etab_save(f->ctx, &e), 0);
	tu_etab_init(&e, "0593904Y");
	e.name = "Collège Paul Langevin";
	e.siret = NULL;
	assert_int_equal(cantine_etab_save(f->ctx, &e), 0);

	/* All, by name, accents ignored: É among the E, before L and P (a
	 * byte order would put it last). */
	assert_int_equal(cantine_etab_list(&list, &n, f->ctx, NULL), 0);
	assert_int_equal(n, 3);
	assert_string_equal(list[0]->name, "Collège Émile Zola");
	assert_string_equal(list[0]->departement, "62");
	assert_string_equal(list[1]->uai, "0595871L");
	assert_string_equal(list[2]->uai, "0593904Y");
	assert_null(list[2]->siret);
	cantine_etab_list_free(list, n);

	/* One département. */
	assert_int_equal(cantine_etab_list(&list, &n, f->ctx, "59"), 0);
	assert_int_equal(n, 2);
	assert_string_equal(list[0]->departement, "59");
	assert_string_equal(list[1]->departement, "59");
	cantine_etab_list_free(list, n);
	assert_int_equal(cantine_etab_list(&list, &n, f->ctx, "75"), 0);
	assert_int_equal(n, 0);
	assert_null(list);
	cantine_etab_list_free(NULL, 0);
}

static void test_day_names(void **state)
{
	(void)state;
	assert_string_equal(cantine_day_name(CANTINE_DAY_MON), "lun");
	assert_string_equal(cantine_day_name(CANTINE_DAY_SUN), "dim");
	assert_null(cantine_day_name(0));
	assert_null(cantine_day_name(CANTINE_DAY_MON | CANTINE_DAY_TUE));
	assert_null(cantine_day_name(1u << 7));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_uai_valid),
		cmocka_unit_test(test_uai_letter),
		cmocka_unit_test(test_uai_invalid),
		cmocka_unit_test(test_siret_valid),
		cmocka_unit_test(test_siret_invalid),
		cmocka_unit_test(test_siret_la_poste),
		cmocka_unit_test(test_day_names),
		cmocka_unit_test_setup_teardown(test_etab_round_trip, tu_setup_store, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_etab_validation, tu_setup_store, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_etab_only, tu_setup_store, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_etab_list, tu_setup_store, tu_teardown_store),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
