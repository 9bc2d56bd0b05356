/*
 * test_names.c: French names of the enumerations and their parsers,
 * name folding (cantine__fold), cantine_allergens_format().
 */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "common_int.h"
#include "names_int.h"
#include "text_int.h"

#define A(x) (1u << CANTINE_ALLERGEN_##x)

static void test_allergen_parse_long(void **state)
{
	(void)state;
	/* SCDL menus collectifs names. */
	assert_int_equal(cantine_allergen_parse("céréales contenant du gluten"),
			 CANTINE_ALLERGEN_GLUTEN);
	assert_int_equal(cantine_allergen_parse("fruits à coques"), CANTINE_ALLERGEN_NUTS);
	assert_int_equal(cantine_allergen_parse("graines de sésame"), CANTINE_ALLERGEN_SESAME);
	assert_int_equal(cantine_allergen_parse("anhydride sulfureux et sulfites"),
			 CANTINE_ALLERGEN_SULPHITES);
	assert_int_equal(cantine_allergen_parse("crustacés"), CANTINE_ALLERGEN_CRUSTACEANS);
	assert_int_equal(cantine_allergen_parse("poissons"), CANTINE_ALLERGEN_FISH);
	assert_int_equal(cantine_allergen_parse("mollusques"), CANTINE_ALLERGEN_MOLLUSCS);
	/* Case, spacing and punctuation variants of the long names. */
	assert_int_equal(cantine_allergen_parse("Céréales Contenant Du Gluten"),
			 CANTINE_ALLERGEN_GLUTEN);
	assert_int_equal(cantine_allergen_parse("  fruits  à  coques "), CANTINE_ALLERGEN_NUTS);
	assert_int_equal(cantine_allergen_parse("graines_de_sesame"), CANTINE_ALLERGEN_SESAME);
	assert_int_equal(cantine_allergen_parse("ANHYDRIDE-SULFUREUX-ET-SULFITES"),
			 CANTINE_ALLERGEN_SULPHITES);
}

static void test_allergen_parse_short(void **state)
{
	static const struct { const char *name; int value; } t[] = {
		{ "gluten", CANTINE_ALLERGEN_GLUTEN },
		{ "crustaces", CANTINE_ALLERGEN_CRUSTACEANS },
		{ "oeufs", CANTINE_ALLERGEN_EGGS },
		{ "œufs", CANTINE_ALLERGEN_EGGS },
		{ "ŒUFS", CANTINE_ALLERGEN_EGGS },
		{ "Œuf", CANTINE_ALLERGEN_EGGS },
		{ "poisson", CANTINE_ALLERGEN_FISH },
		{ "arachides", CANTINE_ALLERGEN_PEANUTS },
		{ "arachide", CANTINE_ALLERGEN_PEANUTS },
		{ "soja", CANTINE_ALLERGEN_SOY },
		{ "lait", CANTINE_ALLERGEN_MILK },
		{ "LAIT", CANTINE_ALLERGEN_MILK },
		{ "fruits_a_coque", CANTINE_ALLERGEN_NUTS },
		{ "fruits à coque", CANTINE_ALLERGEN_NUTS },
		{ "celeri", CANTINE_ALLERGEN_CELERY },
		{ "Céleri", CANTINE_ALLERGEN_CELERY },
		{ "CÉLERI", CANTINE_ALLERGEN_CELERY },
		{ "moutarde", CANTINE_ALLERGEN_MUSTARD },
		{ "sesame", CANTINE_ALLERGEN_SESAME },
		{ "Sésame", CANTINE_ALLERGEN_SESAME },
		{ "sulfites", CANTINE_ALLERGEN_SULPHITES },
		{ "lupin", CANTINE_ALLERGEN_LUPIN },
		{ "Mollusques", CANTINE_ALLERGEN_MOLLUSCS },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (cantine_allergen_parse(t[i].name) != t[i].value)
			fail_msg("allergen_parse(%s) = %d, expected %d", t[i].name,
				 cantine_allergen_parse(t[i].name), t[i].value);
}

static void test_allergen_parse_unknown(void **state)
{
	(void)state;
	assert_int_equal(cantine_allergen_parse("noix de coco"), -1);
	assert_int_equal(cantine_allergen_parse("gluten|lait"), -1);
	assert_int_equal(cantine_allergen_parse("glutens"), -1);
	assert_int_equal(cantine_allergen_parse("milk"), -1);
	assert_int_equal(cantine_allergen_parse(""), -1);
	assert_int_equal(cantine_allergen_parse("   "), -1);
	assert_int_equal(cantine_allergen_parse(NULL), -1);
	/* Far too long for the look-up buffer. */
	{
		char big[300];
		memset(big, 'a', sizeof(big) - 1);
		big[sizeof(big) - 1] = '\0';
		assert_int_equal(cantine_allergen_parse(big), -1);
	}
}

static void test_allergen_names_round_trip(void **state)
{
	int i;

	(void)state;
	for (i = 0; i < CANTINE_ALLERGEN__MAX; i++) {
		const char *l = cantine_allergen_name((cantine_allergen)i);
		const char *s = cantine_allergen_short((cantine_allergen)i);
		assert_non_null(l);
		assert_non_null(s);
		if (cantine_allergen_parse(l) != i)
			fail_msg("long name %s does not parse back to %d", l, i);
		if (cantine_allergen_parse(s) != i)
			fail_msg("short name %s does not parse back to %d", s, i);
	}
	assert_null(cantine_allergen_name(CANTINE_ALLERGEN__MAX));
	assert_null(cantine_allergen_short(CANTINE_ALLERGEN__MAX));
	assert_string_equal(cantine_allergen_name(CANTINE_ALLERGEN_GLUTEN),
			    "céréales contenant du gluten");
	assert_string_equal(cantine_allergen_short(CANTINE_ALLERGEN_EGGS), "œufs");
	/* Every name in the list of accepted names parses. */
	{
		char *list = strdup(cantine__allergen_list()), *save = NULL, *tok;
		int seen = 0;
		assert_non_null(list);
		for (tok = strtok_r(list, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
			if (cantine_allergen_parse(tok) < 0)
				fail_msg("listed allergen « %s » does not parse", tok);
			seen++;
		}
		free(list);
		assert_int_equal(seen, CANTINE_ALLERGEN__MAX);
	}
}

static void test_course_parse(void **state)
{
	int i;

	(void)state;
	assert_int_equal(cantine_course_parse("Plat principal"), CANTINE_COURSE_PLAT);
	assert_int_equal(cantine_course_parse("plat_principal"), CANTINE_COURSE_PLAT);
	assert_int_equal(cantine_course_parse("PLAT PRINCIPAL"), CANTINE_COURSE_PLAT);
	assert_int_equal(cantine_course_parse("plat-principal"), CANTINE_COURSE_PLAT);
	assert_int_equal(cantine_course_parse("plat"), CANTINE_COURSE_PLAT);
	assert_int_equal(cantine_course_parse("entrée"), CANTINE_COURSE_ENTREE);
	assert_int_equal(cantine_course_parse("ENTREE"), CANTINE_COURSE_ENTREE);
	assert_int_equal(cantine_course_parse("Entrée"), CANTINE_COURSE_ENTREE);
	assert_int_equal(cantine_course_parse("ENTRÉE"), CANTINE_COURSE_ENTREE);
	assert_int_equal(cantine_course_parse("garniture"), CANTINE_COURSE_GARNITURE);
	assert_int_equal(cantine_course_parse("produit laitier"), CANTINE_COURSE_LAITIER);
	assert_int_equal(cantine_course_parse("produit_laitier"), CANTINE_COURSE_LAITIER);
	assert_int_equal(cantine_course_parse("laitage"), CANTINE_COURSE_LAITIER);
	assert_int_equal(cantine_course_parse("Dessert"), CANTINE_COURSE_DESSERT);
	assert_int_equal(cantine_course_parse("pain"), CANTINE_COURSE_PAIN);
	assert_int_equal(cantine_course_parse("autre"), CANTINE_COURSE_AUTRE);
	assert_int_equal(cantine_course_parse("soupe"), -1);
	assert_int_equal(cantine_course_parse("plat principal du jour"), -1);
	assert_int_equal(cantine_course_parse("platprincipal"), -1);
	assert_int_equal(cantine_course_parse(""), -1);
	assert_int_equal(cantine_course_parse(NULL), -1);
	for (i = 0; i < CANTINE_COURSE__MAX; i++) {
		const char *n = cantine_course_name((cantine_course)i);
		assert_non_null(n);
		if (cantine_course_parse(n) != i)
			fail_msg("course name %s does not parse back to %d", n, i);
	}
	assert_string_equal(cantine_course_name(CANTINE_COURSE_PLAT), "plat principal");
	assert_null(cantine_course_name(CANTINE_COURSE__MAX));
}

static void test_other_parsers(void **state)
{
	int i;

	(void)state;
	for (i = 0; i < CANTINE_FAMILY__MAX; i++) {
		assert_int_equal(cantine__family_parse(cantine_family_code((cantine_family)i)), i);
		assert_non_null(cantine_family_label((cantine_family)i));
	}
	assert_null(cantine_family_code(CANTINE_FAMILY__MAX));
	assert_int_equal(cantine__family_parse("viandes volailles"), 0);
	assert_int_equal(cantine__family_parse("LEGUMES"), -1);
	for (i = 0; i < CANTINE_LABEL__MAX; i++)
		assert_int_equal(cantine__label_parse(cantine_label_code((cantine_label)i)), i);
	assert_int_equal(cantine__label_parse("CONVERSION_BIO"), CANTINE_LABEL_BIO);
	assert_null(cantine_label_code(CANTINE_LABEL__MAX));
	for (i = 0; i < CANTINE_UNIT__MAX; i++)
		assert_int_equal(cantine__unit_parse(cantine_unit_code((cantine_unit)i)), i);
	assert_int_equal(cantine__unit_parse("pièce"), CANTINE_UNIT_PIECE);
	assert_int_equal(cantine__unit_parse("g"), -1);
	for (i = 1; i < CANTINE_LOCAL__MAX; i++)
		assert_int_equal(cantine__local_parse(cantine_local_code((cantine_local)i)), i);
	assert_string_equal(cantine_local_code(CANTINE_LOCAL_NONE), "");
	assert_int_equal(cantine__local_parse(""), -1);
	assert_int_equal(cantine__day_index("lundi"), 0);
	assert_int_equal(cantine__day_index("Dim"), 6);
	assert_int_equal(cantine__day_index("monday"), -1);
	assert_int_equal(cantine__bool_parse("oui"), 1);
	assert_int_equal(cantine__bool_parse("NON"), 0);
	assert_int_equal(cantine__bool_parse(""), 0);
	assert_int_equal(cantine__bool_parse(NULL), 0);
	assert_int_equal(cantine__bool_parse("yes"), -1);
	assert_int_equal(cantine_kind_parse("produits"), CANTINE_KIND_PRODUCTS);
	assert_int_equal(cantine_kind_parse("établissements"), CANTINE_KIND_ETABS);
	assert_int_equal(cantine_kind_parse("recipes"), CANTINE_KIND_RECIPES);
	assert_int_equal(cantine_kind_parse("menus"), CANTINE_KIND_MENUS);
	assert_int_equal(cantine_kind_parse("stock"), -1);
	assert_int_equal(cantine_kind_parse(NULL), -1);
	assert_string_equal(cantine_kind_name(CANTINE_KIND_RECIPES), "recettes");
	assert_null(cantine_kind_name(CANTINE_KIND__MAX));
}

static void expect_fold(const char *in, const char *want)
{
	char out[128];

	if (!cantine__fold(in, out, sizeof(out)))
		fail_msg("fold(%s) failed", in);
	if (strcmp(out, want) != 0)
		fail_msg("fold(%s) = « %s », expected « %s »", in, out, want);
}

static void test_fold(void **state)
{
	char out[8];

	(void)state;
	expect_fold("Plat principal", "plat_principal");
	expect_fold("  Hello   World  ", "hello_world");
	expect_fold("a--b__c  d", "a_b_c_d");
	expect_fold("-_ a _-", "a");
	expect_fold("l'été", "l_ete");
	expect_fold("l’été", "l_ete");                  /* typographic apostrophe */
	expect_fold("tab\there", "tab_here");
	expect_fold("ŒUFS", "oeufs");
	expect_fold("bœuf", "boeuf");
	expect_fold("ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸàâäçéèêëîïôöùûüÿ",
		    "aaaceeeeiioouuu?aaaceeeeiioouuuy");
	expect_fold("Ñandú", "nandu");
	expect_fold("Straße", "strase");
	expect_fold("×÷", "??");                         /* Latin-1 signs */
	expect_fold("prix €", "prix_?");                 /* other code points: one '?' */
	expect_fold("🍎 pomme", "?_pomme");
	expect_fold("ABC123xyz", "abc123xyz");
	expect_fold("", "");
	expect_fold("   ", "");
	/* Broken UTF-8 does not read past the end. */
	expect_fold("a\xC3", "a?");
	expect_fold("a\xC5", "a?");
	expect_fold("a\xE2", "a?");
	expect_fold("a\xE2\x80", "a?");
	expect_fold("\x80\x80x", "?x");

	/* Size limits: the result and its terminator must fit. */
	assert_true(cantine__fold("abcdefg", out, sizeof(out)));
	/* Trailing separators are dropped before they take room. */
	assert_true(cantine__fold("abcdefg  ", out, sizeof(out)));
	assert_string_equal(out, "abcdefg");
	assert_string_equal(out, "abcdefg");
	assert_false(cantine__fold("abcdefgh", out, sizeof(out)));
	assert_true(cantine__fold("  abcdefg", out, sizeof(out)));
	assert_string_equal(out, "abcdefg");
	assert_false(cantine__fold("œœœœ", out, sizeof(out)));   /* 8 letters */
	assert_true(cantine__fold("a b c d", out, sizeof(out)));
	assert_string_equal(out, "a_b_c_d");
	assert_false(cantine__fold("x", out, 1));
	assert_true(cantine__fold("", out, 1));
	assert_string_equal(out, "");
}

static void test_allergens_format(void **state)
{
	cantine_buf b = CANTINE_BUF_INIT;
	int i;

	(void)state;
	assert_int_equal(cantine_allergens_format(&b, 0, ", "), 0);
	assert_non_null(b.ptr);
	assert_string_equal(b.ptr, "");
	assert_int_equal(b.size, 0);
	cantine_buf_dispose(&b);

	assert_int_equal(cantine_allergens_format(&b, A(MILK), ", "), 0);
	assert_string_equal(b.ptr, "lait");
	cantine_buf_dispose(&b);

	/* Annex II order, whatever the bits. */
	assert_int_equal(cantine_allergens_format(&b, A(MILK) | A(GLUTEN) | A(EGGS), ", "), 0);
	assert_string_equal(b.ptr, "gluten, œufs, lait");
	assert_int_equal(b.size, strlen("gluten, œufs, lait"));
	cantine_buf_dispose(&b);

	/* Appends to what is there, with any separator. */
	assert_int_equal(cantine__buf_puts(&b, "Allergènes : "), 0);
	assert_int_equal(cantine_allergens_format(&b, A(SESAME) | A(MOLLUSCS), "|"), 0);
	assert_string_equal(b.ptr, "Allergènes : sésame|mollusques");
	cantine_buf_dispose(&b);

	/* All fourteen; bits past the 14th are ignored. */
	assert_int_equal(cantine_allergens_format(&b, ~0u, "/"), 0);
	assert_string_equal(b.ptr, "gluten/crustacés/œufs/poisson/arachides/soja/lait/"
			    "fruits à coque/céleri/moutarde/sésame/sulfites/lupin/mollusques");
	cantine_buf_dispose(&b);

	for (i = 0; i < CANTINE_ALLERGEN__MAX; i++) {
		assert_int_equal(cantine_allergens_format(&b, 1u << i, ""), 0);
		assert_string_equal(b.ptr, cantine_allergen_short((cantine_allergen)i));
		cantine_buf_dispose(&b);
	}
	cantine_buf_dispose(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_allergen_parse_long),
		cmocka_unit_test(test_allergen_parse_short),
		cmocka_unit_test(test_allergen_parse_unknown),
		cmocka_unit_test(test_allergen_names_round_trip),
		cmocka_unit_test(test_course_parse),
		cmocka_unit_test(test_other_parsers),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_allergens_format),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
