/*
 * test_purchase.c: importing ma-cantine purchase files and reading the
 * purchases back (cantine/purchase.h; DOMAIN Part B §2.1–2.2).
 *
 * argv[1]: the folder tests/data/purchases of the source tree.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "common_int.h"
#include "import_int.h"
#include "sha256_int.h"

void cantine__alloc_fail_after(long n);

static const char *data_dir;

static char *fixture(const char *name)
{
	size_t n = strlen(data_dir) + strlen(name) + 2;
	char *p = malloc(n);

	assert_non_null(p);
	snprintf(p, n, "%s/%s", data_dir, name);
	return p;
}

static int setup(void **state)
{
	tu_fixture *f;
	cantine_etab e;

	tu_setup_store(state);
	f = *state;
	tu_etab_init(&e, "0595871L");
	assert_int_equal(cantine_etab_save(f->ctx, &e), 0);
	return 0;
}

static long long count(tu_fixture *f)
{
	return tu_file_query_int(f->db_path, "SELECT count(*) FROM purchase");
}

/* Import fixture `name`; returns the result, problems in *pbs. */
static int import(tu_fixture *f, const char *name, cantine_problems **pbs,
		  cantine_import_stats *st)
{
	char *path = fixture(name);
	int rc = cantine_import_purchases(f->ctx, path, pbs, st);

	free(path);
	return rc;
}

/* The problem on `line` whose message holds `text`, with its column and
 * field checked. */
static void expect(const cantine_problems *pbs, unsigned line, unsigned column,
		   const char *field, const char *text)
{
	size_t i;

	for (i = 0; i < cantine_problems_count(pbs); i++) {
		const cantine_problem *pb = cantine_problems_get(pbs, i);
		if (pb->line != line || !tu_contains(pb->message, text))
			continue;
		assert_int_equal(pb->column, column);
		if (field)
			assert_string_equal(pb->field, field);
		else
			assert_null(pb->field);
		return;
	}
	fail_msg("no problem line %u with « %s »", line, text);
}

static void sha256_vectors(void)
{
	char hex[65];

	cantine__sha256_hex("abc", 3, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	cantine__sha256_hex("", 0, hex);
	assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	cantine__sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56, hex);
	assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	/* Incrementally, in pieces that cut blocks anywhere (FIPS 180-2
	 * appendix B.3: a million 'a'). */
	{
		static char a[1000];
		cantine__sha256 s;
		size_t done = 0, k = 0, steps[] = { 1, 63, 64, 65, 1000, 7 };

		memset(a, 'a', sizeof(a));
		cantine__sha256_init(&s);
		while (done < 1000000) {
			size_t n = steps[k++ % 6];
			if (n > 1000000 - done)
				n = 1000000 - done;
			cantine__sha256_update(&s, a, n);
			done += n;
		}
		cantine__sha256_final(&s, hex);
		assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	}
}

/* Both implementations (the SHA extensions where the processor has them,
 * the portable code) against the FIPS 180-2 vectors. */
static void test_sha256(void **state)
{
	(void)state;
	sha256_vectors();
	cantine__sha256_portable(true);
	sha256_vectors();
	cantine__sha256_portable(false);
}

/* A file of more than one 64 KiB chunk whose accented letter `acc` (UTF-8
 * or windows-1252) starts on the last byte of the first chunk: the file is
 * read in chunks, and the letter is neither cut nor misread. */
static void chunk_boundary(tu_fixture *f, const char *acc, const char *name,
			   long long seen)
{
	static const char header[] = "siret,description,fournisseur,date,prix_ht,"
		"famille_produits,caracteristiques,definition_local\n";
	static const char row[] = "19595871500011,Pain,,2025-03-04,3,BOULANGERIE,,\n";
	cantine_buf b = CANTINE_BUF_INIT;
	cantine_problems *pbs = NULL;
	cantine_import_stats st;
	size_t pre = strlen("19595871500011,Cr"), rows = 1;

	assert_int_equal(cantine__buf_puts(&b, header), 0);
	while (b.size + 2 * sizeof(row) < 65536 - pre - 40)
		assert_int_equal(cantine__buf_puts(&b, row), 0), rows++;
	assert_int_equal(cantine__buf_puts(&b, "19595871500011,Cr"), 0);
	while (b.size < 65535)
		assert_int_equal(cantine__buf_puts(&b, "x"), 0);
	assert_int_equal(b.size, 65535);
	assert_int_equal(cantine__buf_printf(&b, "%sme,,2025-03-05,2,AUTRES,,\n", acc), 0);
	for (; b.size < 150000; rows++)
		assert_int_equal(cantine__buf_puts(&b, row), 0);
	assert_int_equal(cantine_import_purchases_mem(f->ctx, name, b.ptr, b.size, &pbs, &st), 0);
	assert_null(pbs);
	assert_int_equal(st.inserted, rows);
	assert_int_equal(tu_file_query_int(f->db_path, "SELECT count(*) FROM purchase WHERE "
					   "description LIKE '%xxx\xC3\xA9me'"), seen);
	cantine_buf_dispose(&b);
}

static void test_chunk_boundary(void **state)
{
	chunk_boundary(*state, "\xC3\xA9", "utf8.csv", 1);
	chunk_boundary(*state, "\xE9", "cp1252.csv", 2);
}

/* Issue 5, item 3: "A suggestion is marked as such and never overrides
 * what the file declares". */
static void test_suggestions(void **state)
{
	tu_fixture *f = *state;
	static const char file[] = "siret,description,fournisseur,date,prix_ht,"
		"famille_produits,categories_egalim,origine,est_circuit_court,est_local,"
		"definition_local,definition_local_km\n"
		/* 0: BIO suggested, nothing declared */
		"19595871500011,POMME GOLDEN CAT1 BIO,,2025-03-03,10.00,FRUITS_ET_LEGUMES,,,,,,\n"
		/* 1: a declared label stays; FERMIER suggested beside it */
		"19595871500011,POULET FERMIER,,2025-03-04,20.00,VIANDES_VOLAILLES,LABEL_ROUGE,"
		"FRANCE,,,,\n"
		/* 2: the suggestion is what is declared: nothing stored */
		"19595871500011,POMME GALA HVE,,2025-03-05,30.00,FRUITS_ET_LEGUMES,HVE,,,,,\n"
		/* 3: another family; origin FRANCE declared, VBF agrees */
		"19595871500011,JAMBON BLANC VBF,,2025-03-06,40.00,AUTRES,,FRANCE,,,,\n"
		/* 4: an origin not declared (a contradiction is shown too) */
		"19595871500011,TOMATE GRAPPE ESPAGNE,,2025-03-07,50.00,FRUITS_ET_LEGUMES,,FRANCE,,,,\n"
		/* 5: the same wording again (from the cache): the same result */
		"19595871500011,POMME GOLDEN CAT1 BIO,,2025-03-08,10.00,FRUITS_ET_LEGUMES,,,,,,\n";
	cantine_problems *pbs = NULL;
	cantine_suggestion_stats sg;
	cantine_purchase *l;
	size_t n;

	assert_int_equal(cantine_import_purchases_mem(f->ctx, "s.csv", file, sizeof(file) - 1,
						      &pbs, NULL), 0);
	assert_null(pbs);
	assert_int_equal(cantine_purchases_load(f->ctx, "0595871L", NULL, NULL, &l, &n), 0);
	assert_int_equal(n, 6);
	assert_int_equal(l[0].characteristics, 0);
	assert_int_equal(l[0].suggested_characteristics, 1u << CANTINE_CHAR_BIO);
	assert_int_equal(l[0].suggested_family, CANTINE_PURCHASE_NONE);
	assert_int_equal(l[0].suggested_origin, CANTINE_PURCHASE_NONE);
	assert_string_equal(l[0].suggestion_rules, "bio");
	assert_int_equal(l[1].characteristics, (1u << CANTINE_CHAR_LABEL_ROUGE) |
			 (1u << CANTINE_CHAR_FRANCE));
	assert_int_equal(l[1].suggested_characteristics, 1u << CANTINE_CHAR_FERMIER);
	assert_string_equal(l[1].suggestion_rules, "fermier");
	assert_int_equal(l[2].characteristics, 1u << CANTINE_CHAR_HVE);
	assert_int_equal(l[2].suggested_characteristics, 0);
	assert_int_equal(l[2].suggested_family, CANTINE_PURCHASE_NONE);
	assert_string_equal(l[2].suggestion_rules, "");
	assert_int_equal(l[3].family, CANTINE_FAMILY_AUTRES);
	assert_int_equal(l[3].suggested_family, CANTINE_FAMILY_CHARCUTERIE);
	assert_int_equal(l[3].suggested_origin, CANTINE_PURCHASE_NONE);
	assert_string_equal(l[3].suggestion_rules, "charcuterie-jambon");
	assert_int_equal(l[4].characteristics, 1u << CANTINE_CHAR_FRANCE);
	assert_int_equal(l[4].suggested_origin, CANTINE_CHAR_EUROPE);
	assert_string_equal(l[4].suggestion_rules, "pays-ue");
	assert_int_equal(l[5].suggested_characteristics, 1u << CANTINE_CHAR_BIO);
	assert_string_equal(l[5].suggestion_rules, "bio");
	cantine_purchases_free(l, n);
	cantine_purchases_suggestion_stats(f->ctx, &sg);
	assert_int_equal(sg.purchases, 5);
	assert_int_equal(sg.characteristics, 3);
	assert_int_equal(sg.family, 1);
	assert_int_equal(sg.origin, 1);
	assert_int_equal(sg.unclassified, 0);
	/* The store refuses a suggestion that repeats a declared label. */
	assert_int_equal(tu_file_query_int(f->db_path, "SELECT count(*) FROM purchase WHERE "
					   "suggested_characteristics & characteristics"), 0);
	/* A failed import leaves no counts behind. */
	assert_int_equal(cantine_import_purchases_mem(f->ctx, "s.csv", file, sizeof(file) - 1,
						      &pbs, NULL), CANTINE_EINVAL);
	cantine_problems_free(pbs);
	cantine_purchases_suggestion_stats(f->ctx, &sg);
	assert_int_equal(sg.purchases, 0);
}

/* More distinct wordings than the import's cache of results holds, and
 * wordings too long to be kept in it: every line still gets what the rules
 * say of it. */
static void test_suggestion_cache(void **state)
{
	tu_fixture *f = *state;
	static const char header[] = "siret,description,fournisseur,date,prix_ht,"
		"famille_produits,caracteristiques,definition_local\n";
	cantine_buf b = CANTINE_BUF_INIT;
	cantine_problems *pbs = NULL;
	int i;

	assert_int_equal(cantine__buf_puts(&b, header), 0);
	for (i = 0; i < 40000; i++) {
		if (i % 3 == 0)
			assert_int_equal(cantine__buf_printf(&b, "19595871500011,JAMBON BLANC "
				"LOT %d,,2025-03-04,3,AUTRES,,\n", i % 999), 0);
		else if (i % 1000 == 1)
			assert_int_equal(cantine__buf_printf(&b, "19595871500011,POMME BIO %0300d,,"
				"2025-03-04,3,FRUITS_ET_LEGUMES,,\n", i), 0);
		else
			assert_int_equal(cantine__buf_printf(&b, "19595871500011,POMME BIO LOT %d,,"
				"2025-03-04,3,FRUITS_ET_LEGUMES,,\n", i), 0);
	}
	assert_int_equal(cantine_import_purchases_mem(f->ctx, "c.csv", b.ptr, b.size, &pbs,
						      NULL), 0);
	assert_null(pbs);
	cantine_buf_dispose(&b);
	assert_int_equal(tu_file_query_int(f->db_path, "SELECT count(*) FROM purchase WHERE "
		"suggested_characteristics = 1 AND suggestion_rules = 'bio' AND "
		"family = 3 AND suggested_family IS NULL"), 26666);
	assert_int_equal(tu_file_query_int(f->db_path, "SELECT count(*) FROM purchase WHERE "
		"suggested_family = 1 AND suggested_characteristics = 0 AND "
		"suggestion_rules = 'charcuterie-jambon'"), 13334);
}

/* The file is read twice (hash, then rows): bytes that change in between
 * are noticed (the purchases must be those of the hash they keep). */
static void stream_twice(const char *text, bool change, bool same)
{
	static const cantine__col cols[1] = { { "a", false } };
	cantine__kind_ops ops = { cols, 1, 0, NULL, NULL, NULL, NULL };
	size_t len = strlen(text);
	char *buf = malloc(len + 1);
	cantine__src src = { .data = buf, .len = len, .fd = -1 };
	cantine__import imp;
	cantine__scan scan;
	int rc;

	assert_non_null(buf);
	memcpy(buf, text, len + 1);
	memset(&imp, 0, sizeof(imp));
	assert_int_equal(cantine__import_init(&imp, NULL, &ops, "t.csv"), 0);
	assert_int_equal(cantine__scan_src(&src, &scan), 0);
	if (change)
		buf[len - 2] = 'Z';
	assert_int_equal(cantine__import_stream(&imp, &src, &scan, CANTINE_ENCODING_AUTO), 0);
	while ((rc = cantine__csv_next(&imp.csv)) > 0)
		;
	assert_int_equal(rc, 0);
	assert_int_equal(cantine__stream_unchanged(&src, &scan), same);
	cantine__csv_free(&imp.csv);
	cantine_problems_free(imp.problems);
	free(buf);
}

static void test_stream_changed(void **state)
{
	cantine_buf big = CANTINE_BUF_INIT;
	int i;

	(void)state;
	stream_twice("a\nx\n", false, true);
	stream_twice("\xEF\xBB\xBF" "a\nx\n", false, true);
	stream_twice("a\nx\n", true, false);
	for (i = 0; i < 20000; i++)
		assert_int_equal(cantine__buf_puts(&big, "une ligne\n"), 0);
	stream_twice(big.ptr, false, true);
	stream_twice(big.ptr, true, false);
	cantine_buf_dispose(&big);
}

/* An error on every line of a long file: the first 1000 problems are
 * kept in full, the others only counted (io.h), so memory stays bounded. */
static void test_problems_bounded(void **state)
{
	tu_fixture *f = *state;
	static const char header[] = "siret,description,fournisseur,date,prix_ht,"
		"famille_produits,caracteristiques,definition_local\n";
	cantine_buf b = CANTINE_BUF_INIT;
	cantine_problems *pbs = NULL;
	int i;

	assert_int_equal(cantine__buf_puts(&b, header), 0);
	for (i = 0; i < 2500; i++)
		assert_int_equal(cantine__buf_puts(&b, "19595871500011,Pain,,2025-03-04,"
						   "1;5,BOULANGERIE,,\n"), 0);
	assert_int_equal(cantine_import_purchases_mem(f->ctx, "e.csv", b.ptr, b.size, &pbs,
						      NULL), CANTINE_EINVAL);
	assert_int_equal(cantine_problems_count(pbs), 1000);
	assert_int_equal(cantine_problems_total(pbs), 2500);
	expect(pbs, 1001, 5, "prix_ht", "« 1;5 » n'est pas un prix");
	assert_null(cantine_problems_get(pbs, 1000));
	assert_true(tu_contains(cantine_errmsg(f->ctx), "2500 problèmes dans « e.csv »"));
	cantine_problems_free(pbs);
	cantine_buf_dispose(&b);
	assert_int_equal(count(f), 0);
}

/* A NUL byte far in the file: refused with its line. */
static void test_nul_byte(void **state)
{
	tu_fixture *f = *state;
	static const char header[] = "siret,description,fournisseur,date,prix_ht,"
		"famille_produits,caracteristiques,definition_local\n";
	static const char row[] = "19595871500011,Pain,,2025-03-04,3,BOULANGERIE,,\n";
	cantine_buf b = CANTINE_BUF_INIT;
	cantine_problems *pbs = NULL;
	unsigned line = 2;

	assert_int_equal(cantine__buf_puts(&b, header), 0);
	for (; b.size < 100000; line++)
		assert_int_equal(cantine__buf_puts(&b, row), 0);
	assert_int_equal(cantine__buf_put(&b, "1\0", 2), 0);
	assert_int_equal(cantine_import_purchases_mem(f->ctx, "nul.csv", b.ptr, b.size, &pbs,
						      NULL), CANTINE_EINVAL);
	expect(pbs, line, 0, NULL, "octet nul (0x00)");
	cantine_problems_free(pbs);
	cantine_buf_dispose(&b);
	assert_int_equal(count(f), 0);
}

static void test_current_format(void **state)
{
	tu_fixture *f = *state;
	cantine_problems *pbs = NULL;
	cantine_import_stats st;
	cantine_purchase *list;
	size_t n;

	assert_int_equal(import(f, "good-current.csv", &pbs, &st), 0);
	assert_null(pbs);
	assert_int_equal(st.rows, 4);
	assert_int_equal(st.inserted, 4);
	assert_int_equal(cantine_purchases_load(f->ctx, "0595871L", NULL, NULL, &list, &n), 0);
	assert_int_equal(n, 4);
	/* Rounded half down to the cent. */
	assert_string_equal(list[0].date, "2025-09-08");
	assert_int_equal(list[0].amount_cents, 9011);
	assert_int_equal(list[0].family, CANTINE_FAMILY_FRUITS_ET_LEGUMES);
	assert_int_equal(list[0].characteristics, (1u << CANTINE_CHAR_BIO) |
			 (1u << CANTINE_CHAR_HVE) | (1u << CANTINE_CHAR_FRANCE) |
			 (1u << CANTINE_CHAR_CIRCUIT_COURT) | (1u << CANTINE_CHAR_LOCAL));
	assert_int_equal(list[0].local, CANTINE_LOCAL_KM);
	assert_int_equal(list[0].local_km, 80);
	assert_string_equal(list[0].supplier, "Ferme du Pévèle");
	assert_string_equal(list[0].uai, "0595871L");
	assert_int_equal(list[1].amount_cents, 31250);
	assert_int_equal(list[1].characteristics, (1u << CANTINE_CHAR_PECHE_DURABLE) |
			 (1u << CANTINE_CHAR_EUROPE));
	assert_int_equal(list[1].local, CANTINE_LOCAL_NONE);
	/* "195 958 715 00011": spaces in a SIRET are tolerated; 0.125 → 0.12. */
	assert_string_equal(list[2].description, "Maroilles");
	assert_int_equal(list[2].amount_cents, 12);
	assert_int_equal(list[2].characteristics, (1u << CANTINE_CHAR_AOCAOP) |
			 (1u << CANTINE_CHAR_CIRCUIT_COURT) | (1u << CANTINE_CHAR_LOCAL));
	assert_int_equal(list[2].local, CANTINE_LOCAL_PAT);
	/* Above one half: up. */
	assert_int_equal(list[3].amount_cents, 13);
	assert_string_equal(list[3].supplier, "");
	cantine_purchases_free(list, n);

	/* A period. */
	assert_int_equal(cantine_purchases_load(f->ctx, "0595871L", "2025-09-09",
						"2025-09-10", &list, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(list[0].description, "Filet de colin");
	cantine_purchases_free(list, n);
	assert_int_equal(cantine_purchases_load(f->ctx, "0595871L", "2025-09-10",
						"2025-09-09", &list, &n), CANTINE_EINVAL);
	assert_int_equal(cantine_purchases_load(f->ctx, "0622413L", NULL, NULL, &list, &n),
			 CANTINE_ENOTFOUND);
}

static void test_old_format(void **state)
{
	tu_fixture *f = *state;
	cantine_problems *pbs = NULL;
	cantine_purchase *list;
	size_t n;

	assert_int_equal(import(f, "good-old.csv", &pbs, NULL), 0);
	assert_int_equal(import(f, "good-uai-old.csv", &pbs, NULL), 0);
	assert_null(pbs);
	assert_int_equal(cantine_purchases_load(f->ctx, "0595871L", NULL, NULL, &list, &n), 0);
	assert_int_equal(n, 4);
	assert_int_equal(list[0].amount_cents, 4568);
	assert_int_equal(list[0].local, CANTINE_LOCAL_KM);
	assert_int_equal(list[0].local_km, 200); /* AUTOUR_SERVICE */
	assert_int_equal(list[0].characteristics, (1u << CANTINE_CHAR_BIO) |
			 (1u << CANTINE_CHAR_FRANCE) | (1u << CANTINE_CHAR_LOCAL));
	assert_int_equal(list[1].amount_cents, 1200);
	assert_int_equal(list[1].local, CANTINE_LOCAL_KM);
	assert_int_equal(list[1].local_km, 0);   /* AUTRE */
	assert_int_equal(list[2].amount_cents, 850);
	assert_int_equal(list[2].characteristics, 0);
	assert_string_equal(list[3].description, "Carottes");
	cantine_purchases_free(list, n);
}

static void test_reimport_refused(void **state)
{
	tu_fixture *f = *state;
	cantine_problems *pbs = NULL;

	assert_int_equal(import(f, "good-current.csv", &pbs, NULL), 0);
	assert_int_equal(count(f), 4);
	assert_int_equal(import(f, "good-current.csv", &pbs, NULL), CANTINE_EINVAL);
	assert_non_null(pbs);
	assert_int_equal(cantine_problems_total(pbs), 1);
	expect(pbs, 0, 0, NULL, "ce fichier a déjà été utilisé pour un import");
	expect(pbs, 0, 0, NULL, "4 achats du 2025-09-08 au 2025-09-11");
	cantine_problems_free(pbs);
	assert_int_equal(count(f), 4);
}

static void test_bad_rows(void **state)
{
	tu_fixture *f = *state;
	cantine_problems *pbs = NULL;

	assert_int_equal(import(f, "bad-rows.csv", &pbs, NULL), CANTINE_EINVAL);
	assert_non_null(pbs);
	assert_true(tu_contains(cantine_errmsg(f->ctx), "aucun achat n'a été importé"));
	expect(pbs, 2, 1, "siret", "cellule vide");
	expect(pbs, 3, 2, "description", "cellule vide");
	expect(pbs, 4, 4, "date", "« 2022-02-31 » n'est pas une date qui existe : la date "
	       "doit être écrite sous la forme aaaa-mm-jj");
	expect(pbs, 5, 4, "date", "« 2022/03/01 » n'est pas une date");
	expect(pbs, 6, 5, "prix_ht", "ne doit comporter que des chiffres et le point");
	expect(pbs, 7, 6, "famille_produits", "« NOPE » n'est pas une famille");
	expect(pbs, 8, 7, "categories_egalim", "« BIO,NOPE » : « NOPE » n'est pas un code");
	expect(pbs, 9, 0, NULL, "pas le même nombre de cellules que l'en-tête");
	expect(pbs, 10, 0, NULL, "ligne vide");
	expect(pbs, 11, 1, "siret", "aucun établissement de la base n'a le SIRET "
	       "« 19622413300013 »");
	expect(pbs, 12, 4, "date", "est dans le futur");
	expect(pbs, 13, 11, "definition_local", "la caractéristique LOCAL n'est pas sélectionnée");
	expect(pbs, 14, 12, "definition_local_km", "la distance en km doit être vide");
	expect(pbs, 15, 5, "prix_ht", "le séparateur décimal à utiliser est le point");
	expect(pbs, 16, 5, "prix_ht", "est négatif");
	expect(pbs, 17, 7, "categories_egalim", "« CONVERSION_BIO » n'est pas un code accepté");
	expect(pbs, 18, 8, "origine", "une seule origine");
	expect(pbs, 19, 9, "est_circuit_court", "« peut-être » n'est pas une réponse acceptée");
	expect(pbs, 20, 12, "definition_local_km", "« -5 » n'est pas une distance");
	expect(pbs, 21, 1, "siret", "« 19595871500000 » n'est pas un SIRET valide");
	assert_int_equal(cantine_problems_total(pbs), 20);
	cantine_problems_free(pbs);
	assert_int_equal(count(f), 0);
}

static void test_bad_old(void **state)
{
	tu_fixture *f = *state;
	cantine_problems *pbs = NULL;

	assert_int_equal(import(f, "bad-old-origin.csv", &pbs, NULL), CANTINE_EINVAL);
	expect(pbs, 2, 7, "caracteristiques", "les caractéristiques EUROPE et FRANCE ne "
	       "peuvent pas être sélectionnées en même temps");
	expect(pbs, 3, 8, "definition_local", "la caractéristique LOCAL n'est pas sélectionnée");
	expect(pbs, 4, 8, "definition_local", "« KM » n'est pas une définition de local de "
	       "l'ancien format");
	assert_int_equal(cantine_problems_total(pbs), 3);
	cantine_problems_free(pbs);
	assert_int_equal(count(f), 0);
}

static void test_bad_headers(void **state)
{
	tu_fixture *f = *state;
	cantine_problems *pbs = NULL;

	assert_int_equal(import(f, "bad-header-name.csv", &pbs, NULL), CANTINE_EINVAL);
	expect(pbs, 1, 0, NULL, "ni celui du format actuel des achats de ma-cantine");
	expect(pbs, 1, 0, NULL, "il ressemble le plus au format actuel");
	expect(pbs, 1, 1, NULL, "vous avez écrit « s_iret » au lieu de « siret »");
	assert_int_equal(cantine_problems_total(pbs), 2);
	cantine_problems_free(pbs);

	assert_int_equal(import(f, "bad-header-extra.csv", &pbs, NULL), CANTINE_EINVAL);
	expect(pbs, 1, 13, NULL, "2 colonnes supplémentaires (à partir de « extra »)");
	cantine_problems_free(pbs);

	assert_int_equal(import(f, "bad-header-missing.csv", &pbs, NULL), CANTINE_EINVAL);
	expect(pbs, 1, 0, NULL, "il ressemble le plus au format ancien");
	expect(pbs, 1, 0, NULL, "il manque caracteristiques, definition_local");
	cantine_problems_free(pbs);

	assert_int_equal(import(f, "bad-cantine-id.csv", &pbs, NULL), CANTINE_EINVAL);
	expect(pbs, 1, 1, NULL, "« cantine_id » est le numéro d'une cantine sur la "
	       "plateforme ma-cantine");
	cantine_problems_free(pbs);
	assert_int_equal(count(f), 0);
}

static void test_mem_edge_cases(void **state)
{
	tu_fixture *f = *state;
	cantine_problems *pbs = NULL;
	static const char header_only[] = "siret,description,fournisseur,date,prix_ht,"
		"famille_produits,caracteristiques,definition_local\n";
	static const char semicolon[] = "siret;description;fournisseur;date;prix_ht;"
		"famille_produits;caracteristiques;definition_local\n"
		"19595871500011;Lait;;2025-03-03;1234.99;PRODUITS_LAITIERS;BIO , FRANCE;\n";

	assert_int_equal(cantine_import_purchases_mem(f->ctx, "vide.csv", "", 0, &pbs, NULL),
			 CANTINE_EINVAL);
	expect(pbs, 0, 0, NULL, "le fichier est vide");
	cantine_problems_free(pbs);
	assert_int_equal(cantine_import_purchases_mem(f->ctx, "h.csv", header_only,
						      sizeof(header_only) - 1, &pbs, NULL),
			 CANTINE_EINVAL);
	expect(pbs, 0, 0, NULL, "aucun achat après la ligne d'en-tête");
	cantine_problems_free(pbs);
	assert_int_equal(count(f), 0);
	/* Separators other than the comma, spaces around the commas of a list. */
	assert_int_equal(cantine_import_purchases_mem(f->ctx, "s.csv", semicolon,
						      sizeof(semicolon) - 1, &pbs, NULL), 0);
	assert_null(pbs);
	assert_int_equal(tu_file_query_int(f->db_path, "SELECT amount_cents FROM purchase"),
			 123499);
	assert_int_equal(tu_file_query_int(f->db_path, "SELECT characteristics FROM purchase"),
			 (1 << CANTINE_CHAR_BIO) | (1 << CANTINE_CHAR_FRANCE));
	assert_int_equal(tu_file_query_int(f->db_path, "SELECT length(source) FROM purchase"),
			 64);
}

/* Every allocation of an import and of a load failing in turn: the result
 * is ENOMEM with the store unchanged, or success with all of it. */
static void test_out_of_memory(void **state)
{
	tu_fixture *f = *state;
	static const char good[] = "siret,description,fournisseur,date,prix_ht,"
		"famille_produits,caracteristiques,definition_local\n"
		"19595871500011,Lait,Laiterie,2025-03-03,12.5,PRODUITS_LAITIERS,\"BIO,LOCAL\",PAT\n"
		"19595871500011,Pain,,2025-03-04,3,BOULANGERIE,,\n";
	cantine_problems *pbs;
	cantine_purchase *list;
	size_t n;
	long k;
	int rc = CANTINE_ENOMEM;

	for (k = 0; rc == CANTINE_ENOMEM; k++) {
		pbs = NULL;
		cantine__alloc_fail_after(k);
		rc = cantine_import_purchases_mem(f->ctx, "m.csv", good, sizeof(good) - 1, &pbs,
						  NULL);
		cantine__alloc_fail_after(-1);
		cantine_problems_free(pbs);
		assert_true(rc == 0 || rc == CANTINE_ENOMEM);
		assert_int_equal(count(f), rc == 0 ? 2 : 0);
		assert_true(k < 10000);
	}
	for (rc = CANTINE_ENOMEM, k = 0; rc == CANTINE_ENOMEM; k++) {
		cantine__alloc_fail_after(k);
		rc = cantine_purchases_load(f->ctx, "0595871L", "2025-01-01", "2025-12-31",
					    &list, &n);
		cantine__alloc_fail_after(-1);
		assert_true(rc == 0 || rc == CANTINE_ENOMEM);
		if (rc == CANTINE_ENOMEM) {
			assert_null(list);
			assert_int_equal(n, 0);
		}
		assert_true(k < 10000);
	}
	assert_int_equal(n, 2);
	assert_int_equal(list[0].local, CANTINE_LOCAL_PAT);
	assert_int_equal(list[1].amount_cents, 300);
	cantine_purchases_free(list, n);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sha256),
		cmocka_unit_test(test_stream_changed),
		cmocka_unit_test_setup_teardown(test_current_format, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_old_format, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_reimport_refused, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_bad_rows, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_bad_old, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_bad_headers, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_mem_edge_cases, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_out_of_memory, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_chunk_boundary, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_nul_byte, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_problems_bounded, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_suggestions, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_suggestion_cache, setup, tu_teardown_store),
	};

	if (argc < 2) {
		fprintf(stderr, "usage: test_purchase DATA_DIR\n");
		return 1;
	}
	data_dir = argv[1];
	return cmocka_run_group_tests(tests, NULL, NULL);
}
