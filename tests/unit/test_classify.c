/*
 * test_classify.c: suggestions for invoice wording (cantine/classify.h):
 * the built-in rules on their examples and the issue's examples, case and
 * accents, word boundaries, bad rule files (line and column), match limits
 * and allocation failures.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common_int.h"

#define BIT(c) (1u << (c))

typedef struct fix {
	cantine_ctx *ctx;
	cantine_classifier *c;
} fix;

static int setup(void **state)
{
	fix *f = calloc(1, sizeof(*f));

	if (!f || cantine_ctx_open(&f->ctx, ":memory:", CANTINE_OPEN_CREATE) != 0)
		return -1;
	if (cantine_classifier_builtin(f->ctx, &f->c) != 0) {
		fprintf(stderr, "%s\n", cantine_errmsg(f->ctx));
		return -1;
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fix *f = *state;

	cantine__alloc_fail_after(-1);
	cantine_classifier_free(f->c);
	cantine_ctx_free(f->ctx);
	free(f);
	return 0;
}

/* The index of the rule named `name`; fails when there is none. */
static size_t rule_index(const cantine_classifier *c, const char *name)
{
	size_t i;

	for (i = 0; i < cantine_classifier_count(c); i++)
		if (strcmp(cantine_classifier_rule(c, i)->name, name) == 0)
			return i;
	fail_msg("no rule %s", name);
	return 0;
}

/* The match of rule `name` in s, or NULL. */
static const cantine_classify_match *matched(const cantine_classifier *c,
					     const cantine_suggestion *s, const char *name)
{
	size_t i, k = rule_index(c, name);

	for (i = 0; i < s->n_matches; i++)
		if (s->matches[i].rule == k)
			return &s->matches[i];
	return NULL;
}

static void classify(fix *f, const char *text, cantine_suggestion *s)
{
	int rc = cantine_classify(f->ctx, f->c, text, s);

	if (rc)
		fail_msg("classify(%s): %d %s", text, rc, cantine_errmsg(f->ctx));
}

static void test_builtin_examples(void **state)
{
	fix *f = *state;
	size_t i, n = cantine_classifier_count(f->c);
	cantine_suggestion s;

	assert_true(n >= 40);
	assert_null(cantine_classifier_rule(f->c, n));
	for (i = 0; i < n; i++) {
		const cantine_classify_rule *r = cantine_classifier_rule(f->c, i);
		assert_non_null(r);
		classify(f, r->example, &s);
		if (!matched(f->c, &s, r->name))
			fail_msg("rule %s (line %u) does not match its example « %s »",
				 r->name, r->line, r->example);
		/* What the rule suggests is in the suggestion. */
		assert_int_equal(s.characteristics & r->characteristics, r->characteristics);
		if (r->origin != CANTINE_CLASSIFY_NONE)
			assert_true(s.origin == r->origin || s.origin_conflict);
		if (r->family != CANTINE_CLASSIFY_NONE)
			assert_int_not_equal(s.family, CANTINE_CLASSIFY_NONE);
		cantine_suggestion_dispose(&s);
	}
}

static void test_issue_examples(void **state)
{
	fix *f = *state;
	const cantine_classify_match *m;
	cantine_suggestion s;

	classify(f, "STEAK HACHE 15%MG VBF LABEL ROUGE", &s);
	assert_int_equal(s.family, CANTINE_FAMILY_VIANDES_VOLAILLES);
	assert_int_equal(s.characteristics, BIT(CANTINE_CHAR_LABEL_ROUGE));
	assert_int_equal(s.origin, CANTINE_CHAR_FRANCE);
	assert_false(s.origin_conflict);
	m = matched(f->c, &s, "vbf");
	assert_non_null(m);
	assert_string_equal(m->text, "VBF");
	assert_int_equal(m->offset, 18);
	assert_int_equal(m->length, 3);
	m = matched(f->c, &s, "label-rouge");
	assert_non_null(m);
	assert_string_equal(m->text, "LABEL ROUGE");
	cantine_suggestion_dispose(&s);

	classify(f, "POMME GOLDEN CAT1 BIO", &s);
	assert_int_equal(s.family, CANTINE_FAMILY_FRUITS_ET_LEGUMES);
	assert_int_equal(s.characteristics, BIT(CANTINE_CHAR_BIO));
	assert_int_equal(s.origin, CANTINE_CLASSIFY_NONE);
	assert_string_equal(matched(f->c, &s, "fruits")->text, "POMME");
	cantine_suggestion_dispose(&s);

	classify(f, "EMMENTAL AOP", &s);
	assert_int_equal(s.family, CANTINE_FAMILY_PRODUITS_LAITIERS);
	assert_int_equal(s.characteristics, BIT(CANTINE_CHAR_AOCAOP));
	assert_string_equal(matched(f->c, &s, "fromage")->text, "EMMENTAL");
	cantine_suggestion_dispose(&s);

	classify(f, "FILET COLIN MSC", &s);
	assert_int_equal(s.family, CANTINE_FAMILY_PRODUITS_DE_LA_MER);
	assert_int_equal(s.characteristics, BIT(CANTINE_CHAR_PECHE_DURABLE));
	assert_int_equal(s.family_rule, rule_index(f->c, "poisson"));
	cantine_suggestion_dispose(&s);

	/* The file's order decides the family: "JAMBON" before "DINDE". */
	classify(f, "JAMBON DE DINDE VOLAILLE FRANCAISE", &s);
	assert_int_equal(s.family, CANTINE_FAMILY_CHARCUTERIE);
	assert_int_equal(s.origin, CANTINE_CHAR_FRANCE);
	assert_non_null(matched(f->c, &s, "volaille"));
	cantine_suggestion_dispose(&s);

	/* No rule: nothing suggested. */
	classify(f, "XYZZY 12", &s);
	assert_int_equal(s.n_matches, 0);
	assert_int_equal(s.family, CANTINE_CLASSIFY_NONE);
	assert_int_equal(s.characteristics, 0);
	assert_int_equal(s.origin, CANTINE_CLASSIFY_NONE);
	cantine_suggestion_dispose(&s);
	classify(f, "", &s);
	assert_int_equal(s.n_matches, 0);
	cantine_suggestion_dispose(&s);

	/* FRANCE and EUROPE at once: no origin, a conflict. */
	classify(f, "CAROTTE ORIGINE FRANCE OU ESPAGNE", &s);
	assert_int_equal(s.origin, CANTINE_CLASSIFY_NONE);
	assert_true(s.origin_conflict);
	cantine_suggestion_dispose(&s);

	classify(f, "POULET JAUNE FERMIER LR HVE ORIGINE UE", &s);
	assert_int_equal(s.family, CANTINE_FAMILY_VIANDES_VOLAILLES);
	assert_int_equal(s.characteristics, BIT(CANTINE_CHAR_LABEL_ROUGE) |
			 BIT(CANTINE_CHAR_FERMIER) | BIT(CANTINE_CHAR_HVE));
	assert_int_equal(s.origin, CANTINE_CHAR_EUROPE);
	cantine_suggestion_dispose(&s);
}

static void test_case_and_accents(void **state)
{
	fix *f = *state;
	const cantine_classify_match *m;
	cantine_suggestion s;

	classify(f, "pomme golden bio", &s);
	assert_int_equal(s.family, CANTINE_FAMILY_FRUITS_ET_LEGUMES);
	assert_int_equal(s.characteristics, BIT(CANTINE_CHAR_BIO));
	cantine_suggestion_dispose(&s);

	classify(f, "Émmental aop", &s);
	assert_int_equal(s.family, CANTINE_FAMILY_PRODUITS_LAITIERS);
	assert_int_equal(s.characteristics, BIT(CANTINE_CHAR_AOCAOP));
	/* The match is reported as written, accent included. */
	m = matched(f->c, &s, "fromage");
	assert_non_null(m);
	assert_string_equal(m->text, "Émmental");
	assert_int_equal(m->offset, 0);
	assert_int_equal(m->length, strlen("Émmental"));
	cantine_suggestion_dispose(&s);

	/* œ folds to oe; an accented pattern letter matches the plain one. */
	classify(f, "Bœuf bourguignon, Pêche durable", &s);
	assert_int_equal(s.family, CANTINE_FAMILY_VIANDES_VOLAILLES);
	assert_string_equal(matched(f->c, &s, "viande-boeuf")->text, "Bœuf");
	assert_string_equal(matched(f->c, &s, "peche-durable")->text, "Pêche durable");
	/* "PÊCHE(?! DURABLE)": the fruit rule does not take the ecolabel. */
	assert_null(matched(f->c, &s, "fruits"));
	cantine_suggestion_dispose(&s);

	classify(f, "volaille française", &s);
	assert_int_equal(s.origin, CANTINE_CHAR_FRANCE);
	assert_string_equal(matched(f->c, &s, "volaille-francaise")->text, "volaille française");
	cantine_suggestion_dispose(&s);

	/* Not UTF-8: refused. */
	assert_int_equal(cantine_classify(f->ctx, f->c, "PAIN \xE9", &s), CANTINE_EINVAL);
	assert_true(tu_contains(cantine_errmsg(f->ctx), "UTF-8"));
	assert_int_equal(s.n_matches, 0);
	assert_null(s.matches);
}

static void test_word_boundaries(void **state)
{
	fix *f = *state;
	cantine_suggestion s;

	classify(f, "ABRICOT AU SIROP", &s);
	assert_null(matched(f->c, &s, "bio-ab"));
	assert_int_equal(s.characteristics & BIT(CANTINE_CHAR_BIO), 0);
	assert_non_null(matched(f->c, &s, "fruits"));
	cantine_suggestion_dispose(&s);

	classify(f, "ABRICOT AB", &s);
	assert_string_equal(matched(f->c, &s, "bio-ab")->text, "AB");
	assert_int_equal(matched(f->c, &s, "bio-ab")->offset, 8);
	cantine_suggestion_dispose(&s);

	classify(f, "PALAIS BRETON", &s);
	assert_null(matched(f->c, &s, "lait"));
	assert_int_equal(s.family, CANTINE_CLASSIFY_NONE);
	cantine_suggestion_dispose(&s);

	/* Digits are part of words too: "AB1" is not "AB"; punctuation is a
	 * boundary. */
	classify(f, "REF AB1 / LAIT-UHT", &s);
	assert_null(matched(f->c, &s, "bio-ab"));
	assert_string_equal(matched(f->c, &s, "lait")->text, "LAIT");
	cantine_suggestion_dispose(&s);

	classify(f, "BIOCOOP RIZOTTO", &s);
	assert_null(matched(f->c, &s, "bio"));
	assert_null(matched(f->c, &s, "epicerie"));
	cantine_suggestion_dispose(&s);
}

/* A bad file: refused with `msg` in the message, no classifier. */
static void refused(fix *f, const char *data, const char *msg)
{
	cantine_classifier *c = (cantine_classifier *)1;
	int rc = cantine_classifier_load_mem(f->ctx, "regles.csv", data, strlen(data), &c);

	if (rc != CANTINE_EINVAL || c != NULL || !tu_contains(cantine_errmsg(f->ctx), msg))
		fail_msg("expected « %s », got %d « %s »", msg, rc, cantine_errmsg(f->ctx));
}

#define HEAD "regle;motif;famille;caracteristiques;origine;exemple\n"

static void test_bad_rules(void **state)
{
	fix *f = *state;
	cantine_classifier *c = NULL;
	cantine_suggestion s;
	static const char good[] =
		HEAD
		"# a comment\n"
		"pomme;POMMES?;FRUITS_ET_LEGUMES;;;POMME GALA\n"
		"\"bio\";\"BIO|AB\";;BIO|HVE;FRANCE;POMME AB\n";

	assert_int_equal(cantine_classifier_load_mem(f->ctx, "regles.csv", good,
						     strlen(good), &c), 0);
	assert_int_equal(cantine_classifier_count(c), 2);
	assert_int_equal(cantine_classifier_rule(c, 1)->line, 4);
	assert_int_equal(cantine_classifier_rule(c, 1)->characteristics,
			 BIT(CANTINE_CHAR_BIO) | BIT(CANTINE_CHAR_HVE));
	assert_int_equal(cantine_classify(f->ctx, c, "pommes bio", &s), 0);
	assert_int_equal(s.n_matches, 2);
	assert_int_equal(s.origin, CANTINE_CHAR_FRANCE);
	cantine_suggestion_dispose(&s);
	cantine_classifier_free(c);

	refused(f, HEAD "a;POMME;LEGUMES;;;POMME\n",
		"regles.csv, ligne 2, colonne 3 (famille) : famille « LEGUMES » inconnue");
	refused(f, HEAD "a;POMME;;BIO|LABEL;;POMME\n",
		"regles.csv, ligne 2, colonne 4 (caracteristiques) : « LABEL » n'est pas un code");
	refused(f, HEAD "a;POMME;;FRANCE;;POMME\n",
		"ligne 2, colonne 4 (caracteristiques) : FRANCE est une origine");
	refused(f, HEAD "a;POMME;;;ITALIE;POMME\n",
		"ligne 2, colonne 5 (origine) : origine « ITALIE » inconnue");
	/* PCRE2's offset, in characters of the pattern as written. */
	refused(f, HEAD "ok;POIRE;FRUITS_ET_LEGUMES;;;POIRE\n"
		"a;\"PÊCHE (JAUNE\";FRUITS_ET_LEGUMES;;;PECHE\n",
		"regles.csv, ligne 3, colonne 2 (motif) : motif refusé par PCRE2 au caractère 13 (« missing closing parenthesis »)");
	refused(f, HEAD "a;\"POMME)|(X\";FRUITS_ET_LEGUMES;;;POMME\n",
		"ligne 2, colonne 2 (motif) : motif refusé par PCRE2 au caractère 6");
	refused(f, HEAD "a;X*;FRUITS_ET_LEGUMES;;;POMME\n",
		"ligne 2, colonne 2 (motif) : le motif reconnaît un texte vide");
	refused(f, HEAD "a;(*UTF)POMME;FRUITS_ET_LEGUMES;;;POMME\n",
		"ligne 2, colonne 2 (motif) : motif refusé");
	refused(f, HEAD "a;POMME;FRUITS_ET_LEGUMES;;;POIRE\n",
		"ligne 2, colonne 6 (exemple) : la règle « a » ne reconnaît pas son exemple « POIRE »");
	refused(f, HEAD "a;AB;;BIO;;ABRICOT\n",
		"ne reconnaît pas son exemple « ABRICOT »");
	refused(f, HEAD "a;POMME;FRUITS_ET_LEGUMES;;;\n",
		"ligne 2, colonne 6 (exemple) : exemple vide");
	refused(f, HEAD "a;POMME;;;;POMME\n",
		"ligne 2, colonne 3 (famille) : la règle ne suggère rien");
	refused(f, HEAD "a;POMME;FRUITS_ET_LEGUMES;;;POMME\na;POIRE;FRUITS_ET_LEGUMES;;;POIRE\n",
		"ligne 3, colonne 1 (regle) : la règle « a » est déjà définie ligne 2");
	refused(f, HEAD "a;POMME;FRUITS_ET_LEGUMES\n",
		"regles.csv, ligne 2 : la ligne n'a que 3 colonnes");
	refused(f, HEAD "a;POMME;FRUITS_ET_LEGUMES;;;POMME;en trop\n",
		"regles.csv, ligne 2, colonne 7 : cellule en trop");
	refused(f, "regle;motif;famille;caracteristiques;exemple\n",
		"la colonne « origine » manque");
	refused(f, "regle;motif;famile;caracteristiques;origine;exemple\n",
		"ligne 1, colonne 3 : en-tête « famile » inconnu");
	refused(f, HEAD, "aucune règle");
	refused(f, "", "aucune règle");
	refused(f, HEAD "a;POMME;FRUITS_ET_LEGUMES;;;POMME \xE9\n",
		"ligne 2, colonne 6 (exemple) : texte qui n'est pas en UTF-8");
	refused(f, HEAD "a;\"POMME;FRUITS_ET_LEGUMES;;;POMME\n", "guillemet ouvert");

	/* From a file; a missing file is EIO. */
	assert_int_equal(cantine_classifier_load(f->ctx, "/nonexistent/regles.csv", &c),
			 CANTINE_EIO);
	assert_null(c);
	assert_true(tu_contains(cantine_errmsg(f->ctx), "fichier introuvable"));
}

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void test_pathological(void **state)
{
	fix *f = *state;
	size_t n = 200000, i;
	char *text = malloc(n + 1);
	cantine_classifier *c = NULL;
	cantine_suggestion s;
	double t0;
	int rc;
	/* A rule that backtracks exponentially on a run of "a" without "b". */
	static const char evil[] =
		HEAD "evil;(?:A|AA)+[BZ];AUTRES;;;AAB\n";

	assert_non_null(text);
	/* The built-in rules on a long text of near-misses. */
	for (i = 0; i < n; i++)
		text[i] = "AB LAI PAINS VB BIOLOGIQUE"[i % 26];
	text[n] = '\0';
	t0 = now();
	classify(f, text, &s);
	assert_true(now() - t0 < 5.0);
	assert_non_null(matched(f->c, &s, "bio-ab"));
	cantine_suggestion_dispose(&s);

	/* A runaway rule stops at the match limit, with a message. */
	assert_int_equal(cantine_classifier_load_mem(f->ctx, "evil.csv", evil,
						     strlen(evil), &c), 0);
	memset(text, 'A', 5000);
	text[5000] = '\0';
	t0 = now();
	rc = cantine_classify(f->ctx, c, text, &s);
	assert_true(now() - t0 < 5.0);
	assert_int_equal(rc, CANTINE_EINVAL);
	assert_true(tu_contains(cantine_errmsg(f->ctx),
				"la règle « evil » (ligne 2) demande trop de calcul"));
	assert_int_equal(s.n_matches, 0);
	cantine_classifier_free(c);
	free(text);
}

static void test_alloc_failures(void **state)
{
	fix *f = *state;
	cantine_classifier *c;
	cantine_suggestion s;
	long k;
	int rc, loaded = 0, classified = 0;
	static const char rules[] =
		HEAD
		"# comment\n"
		"pomme;POMMES?|PÊCHES?;FRUITS_ET_LEGUMES;;;POMME GALA\n"
		"bio;BIO|AB;;BIO|HVE;FRANCE;POMME AB\n"
		"ue;UE;;;EUROPE;POMME UE\n";

	/* Every allocation of a load (every rule: folding, PCRE2's compile,
	 * the example check) fails in turn. */
	for (k = 0; k < 100000 && !loaded; k++) {
		c = NULL;
		cantine__alloc_fail_after(k);
		rc = cantine_classifier_load_mem(f->ctx, "r.csv", rules, strlen(rules), &c);
		cantine__alloc_fail_after(-1);
		if (rc) {
			assert_int_equal(rc, CANTINE_ENOMEM);
			assert_null(c);
			continue;
		}
		loaded = 1;
		assert_int_equal(cantine_classifier_count(c), 3);
		cantine_classifier_free(c);
	}
	assert_true(loaded);
	for (k = 0; k < 100000 && !classified; k++) {
		cantine__alloc_fail_after(k);
		rc = cantine_classify(f->ctx, f->c, "STEAK HACHE VBF LABEL ROUGE", &s);
		cantine__alloc_fail_after(-1);
		if (rc) {
			assert_int_equal(rc, CANTINE_ENOMEM);
			assert_int_equal(s.n_matches, 0);
			assert_null(s.matches);
			continue;
		}
		classified = 1;
		assert_int_equal(s.family, CANTINE_FAMILY_VIANDES_VOLAILLES);
		assert_int_equal(s.n_matches, 3);
		cantine_suggestion_dispose(&s);
	}
	assert_true(classified);
	/* The built-in rules, with the first allocations failing. */
	for (k = 0; k < 20; k++) {
		c = NULL;
		cantine__alloc_fail_after(k);
		rc = cantine_classifier_builtin(f->ctx, &c);
		cantine__alloc_fail_after(-1);
		assert_int_equal(rc, CANTINE_ENOMEM);
		assert_null(c);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_builtin_examples, setup, teardown),
		cmocka_unit_test_setup_teardown(test_issue_examples, setup, teardown),
		cmocka_unit_test_setup_teardown(test_case_and_accents, setup, teardown),
		cmocka_unit_test_setup_teardown(test_word_boundaries, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pathological, setup, teardown),
		cmocka_unit_test_setup_teardown(test_alloc_failures, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
