/*
 * test_ciqual.c: the Ciqual table importer (cantine_import_ciqual) and the
 * nutrients of a dish (cantine_dish_nutrients), cantine/nutrition.h.
 *
 * Small fixtures are built here from the official header (its exact bytes,
 * windows-1252, line breaks inside the cells) and food rows written cell by
 * cell; the whole 2025 table is read once from nutrition-data/, whose path
 * meson gives as the first argument.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ciqual_int.h"
#include "common_int.h"
#include "text_int.h"

static const char *full_table; /* argv[1] */

/* The header of Table_Ciqual_2025_FR_2025_11_03.csv, byte for byte
 * (checked against the file in test_full_table). */
static const char HEADER[] =
	"alim_grp_code;alim_ssgrp_code;alim_ssssgrp_code;alim_grp_nom_fr;alim_ssgrp_nom_fr;alim_ssssgrp_nom_fr;alim_code;alim_nom_fr;alim_nom_sci;\"Energie,\n"
	"R\xE8glement\n"
	"UE N\xB0\n"
	"1169\n"
	"2011 (kJ\n"
	"100 g)\";\"Energie,\n"
	"R\xE8glement\n"
	"UE N\xB0\n"
	"1169\n"
	"2011 (kcal\n"
	"100 g)\";\"Energie, N x\n"
	"facteur\n"
	"Jones, avec\n"
	"fibres (kJ\n"
	"100 g)\";\"Energie, N x\n"
	"facteur\n"
	"Jones, avec\n"
	"fibres (kcal\n"
	"100 g)\";\"Eau\n"
	"(g\n"
	"100\n"
	"g)\";\"Prot\xE9ines,\n"
	"N x\n"
	"facteur de\n"
	"Jones (g\n"
	"100 g)\";\"Prot\xE9ines,\n"
	"N x 6.25\n"
	"(g\n"
	"100 g)\";\"Glucides\n"
	"(g\n"
	"100 g)\";\"Lipides\n"
	"(g\n"
	"100 g)\";\"Sucres\n"
	"(g\n"
	"100 g)\";\"Fructose\n"
	"(g\n"
	"100 g)\";\"Galactose\n"
	"(g\n"
	"100 g)\";\"Glucose\n"
	"(g\n"
	"100 g)\";\"Lactose\n"
	"(g\n"
	"100 g)\";\"Maltose\n"
	"(g\n"
	"100 g)\";\"Saccharose\n"
	"(g\n"
	"100 g)\";\"Amidon\n"
	"(g\n"
	"100 g)\";\"Fibres\n"
	"alimentaires\n"
	"(g\n"
	"100 g)\";\"Polyols\n"
	"totaux\n"
	"(g\n"
	"100 g)\";\"Cendres\n"
	"(g\n"
	"100 g)\";\"Alcool\n"
	"(\xE9thanol)\n"
	"(g\n"
	"100 g)\";\"Acides\n"
	"organiques\n"
	"(g\n"
	"100 g)\";\"AG\n"
	"satur\xE9s\n"
	"(g\n"
	"100 g)\";\"AG\n"
	"monoinsatur\xE9s\n"
	"(g\n"
	"100 g)\";\"AG\n"
	"polyinsatur\xE9s\n"
	"(g\n"
	"100 g)\";\"AG 4:0,\n"
	"butyrique\n"
	"(g\n"
	"100 g)\";\"AG 6:0,\n"
	"capro\xEFque\n"
	"(g\n"
	"100 g)\";\"AG 8:0,\n"
	"caprylique\n"
	"(g\n"
	"100 g)\";\"AG 10:0,\n"
	"caprique\n"
	"(g\n"
	"100 g)\";\"AG\n"
	"12:0,\n"
	"laurique\n"
	"(g\n"
	"100 g)\";\"AG 14:0,\n"
	"myristique\n"
	"(g\n"
	"100 g)\";\"AG 16:0,\n"
	"palmitique\n"
	"(g\n"
	"100 g)\";\"AG 18:0,\n"
	"st\xE9""arique\n"
	"(g\n"
	"100 g)\";\"AG 18:1\n"
	"9c (n-9),\n"
	"ol\xE9ique\n"
	"(g\n"
	"100 g)\";\"AG 18:2\n"
	"9c,12c\n"
	"(n-6),\n"
	"linol\xE9ique\n"
	"(g\n"
	"100 g)\";\"AG 18:3\n"
	"c9,c12,c15 (n-3),\n"
	"alpha-linol\xE9nique\n"
	"(g\n"
	"100 g)\";\"AG 20:4\n"
	"5c,8c,11c,14c\n"
	"(n-6),\n"
	"arachidonique\n"
	"(g\n"
	"100 g)\";\"AG 20:5\n"
	"5c,8c,11c,14c,17c\n"
	"(n-3) EPA (g\n"
	"100 g)\";\"AG 22:6\n"
	"4c,7c,10c,13c,16c,19c\n"
	"(n-3) DHA (g\n"
	"100 g)\";\"Cholest\xE9rol\n"
	"(mg\n"
	"100 g)\";\"Sel\n"
	"chlorure\n"
	"de\n"
	"sodium\n"
	"(g\n"
	"100 g)\";\"Calcium\n"
	"(mg\n"
	"100 g)\";\"Chlorure\n"
	"(mg\n"
	"100 g)\";\"Cuivre\n"
	"(mg\n"
	"100 g)\";\"Fer (mg\n"
	"100 g)\";\"Iode\n"
	"(\xB5g\n"
	"100 g)\";\"Magn\xE9sium\n"
	"(mg\n"
	"100 g)\";\"Mangan\xE8se\n"
	"(mg\n"
	"100 g)\";\"Phosphore\n"
	"(mg\n"
	"100 g)\";\"Potassium\n"
	"(mg\n"
	"100 g)\";\"S\xE9l\xE9nium\n"
	"(\xB5g\n"
	"100 g)\";\"Sodium\n"
	"(mg\n"
	"100 g)\";\"Zinc\n"
	"(mg\n"
	"100 g)\";\"Activit\xE9\n"
	"vitaminique\n"
	"A,\n"
	"\xE9quivalents\n"
	"r\xE9tinol (\xB5g\n"
	"100 g)\";\"R\xE9tinol\n"
	"(\xB5g\n"
	"100 g)\";\"Beta-Carot\xE8ne\n"
	"(\xB5g\n"
	"100 g)\";\"Vitamine\n"
	"D (\xB5g\n"
	"100 g)\";\"Vitamine D2\n"
	"(ergocalcif\xE9rol)\n"
	"(\xB5g\n"
	"100 g)\";\"Vitamine D3\n"
	"(chol\xE9""calcif\xE9rol)\n"
	"(\xB5g\n"
	"100 g)\";\"Alpha-tocoph\xE9rol\n"
	"(vitamine E) (mg\n"
	"100 g)\";\"Vitamine\n"
	"E (mg\n"
	"100 g)\";\"Vitamine\n"
	"K1 (\xB5g\n"
	"100 g)\";\"Vitamine\n"
	"K2 (\xB5g\n"
	"100 g)\";\"Vitamine\n"
	"C (mg\n"
	"100 g)\";\"Vitamine\n"
	"B1 ou\n"
	"Thiamine\n"
	"(mg\n"
	"100 g)\";\"Vitamine\n"
	"B2 ou\n"
	"Riboflavine\n"
	"(mg\n"
	"100 g)\";\"Vitamine\n"
	"B3 ou PP\n"
	"ou\n"
	"Niacine\n"
	"(mg\n"
	"100 g)\";\"Vitamine B5\n"
	"ou Acide\n"
	"pantoth\xE9nique\n"
	"(mg\n"
	"100 g)\";\"Vitamine\n"
	"B6 (mg\n"
	"100 g)\";\"Vitamine B9 ou\n"
	"Folates totaux,\n"
	"\xE9quivalents folates\n"
	"alimentaires, DFE (\xB5g\n"
	"100 g)\";\"Vitamine\n"
	"B9 ou\n"
	"Folates\n"
	"totaux (\xB5g\n"
	"100 g)\";\"Folates\n"
	"intrins\xE8ques\n"
	"(\xB5g\n"
	"100 g)\";\"Acide folique\n"
	"(enrichissement)\n"
	"(\xB5g\n"
	"100 g)\";\"Vitamine\n"
	"B12 (\xB5g\n"
	"100 g)\";\"Facteur\n"
	"de\n"
	"Jones\"\r\n";

/* File columns used below (0-based; formats.md lists them all). */
enum {
	C_KJ = 9, C_KCAL = 10, C_WATER = 13, C_PROT = 14, C_CARB = 16, C_FAT = 17,
	C_SUGARS = 18, C_FIBRE = 26, C_SAT = 31, C_LAURIC = 38, C_SALT = 49,
	C_CA = 50, C_FE = 53, C_NA = 60, C_ZINC = 61, C_JONES = 83
};

/* ---- building files ---- */

typedef struct fx {
	char  *p;
	size_t n, cap;
} fx;

static void fx_put(fx *f, const char *s, size_t n)
{
	if (f->n + n + 1 > f->cap) {
		f->cap = (f->n + n + 1) * 2;
		f->p = realloc(f->p, f->cap);
		assert_non_null(f->p);
	}
	memcpy(f->p + f->n, s, n);
	f->n += n;
	f->p[f->n] = '\0';
}

static void fx_puts(fx *f, const char *s)
{
	fx_put(f, s, strlen(s));
}

static void fx_free(fx *f)
{
	free(f->p);
	memset(f, 0, sizeof(*f));
}

/*
 * One food: `text` is its first 9 cells ("01;0101;010101;…;code;name;sci"),
 * then pairs (column, value) ending with -1; other constituents are "-",
 * the Jones factor "6.25" unless given.  Values are written as they are
 * (quotes included).  CRLF at the end.
 */
static void fx_food(fx *f, const char *text, ...)
{
	const char *cell[84] = { NULL };
	va_list ap;
	int c;

	va_start(ap, text);
	while ((c = va_arg(ap, int)) >= 0) {
		assert_true(c >= 9 && c < 84);
		cell[c] = va_arg(ap, const char *);
	}
	va_end(ap);
	fx_puts(f, text);
	for (c = 9; c < 84; c++) {
		fx_puts(f, ";");
		fx_puts(f, cell[c] ? cell[c] : c == C_JONES ? "6.25" : "-");
	}
	fx_puts(f, "\r\n");
}

/*
 * The small table used by most tests (windows-1252, as published):
 *   20009  name with a double space; fat "<" LF "0,5" (quoted); sugars
 *          "traces"; fibre "-"; saturates "< 0,15"
 *   8601   name with "…" (0x85), "’" (0x92) and a raw "<"; Jones 5.7
 *   24999  group 00 with empty names, sub-sub-group name "-"
 */
static void small_table(fx *f)
{
	fx_put(f, HEADER, sizeof(HEADER) - 1);
	fx_food(f, "02;0201;020101;fruits, l\xE9gumes;l\xE9gumes;l\xE9gumes crus;20009;"
		   "Carotte,  crue;Daucus carota",
		C_KJ, "127", C_KCAL, "30,2", C_PROT, "0,78", C_FAT, "\"<\n0,5\"",
		C_SUGARS, "traces", C_SAT, "< 0,15", C_CA, "36,2", C_ZINC, "0,000001", -1);
	fx_food(f, "01;0103;010301;entr\xE9""es et plats compos\xE9s;plats compos\xE9s;"
		   "plats de viande;8601;Tripes (b\x9C""uf, carottes\x85) d\x92""Auge < 10 %;",
		C_KJ, "548", C_SUGARS, "1,2", C_FAT, "7,25", C_JONES, "5.7", -1);
	fx_food(f, "00;0000;000000;;;-;24999;Dessert (aliment moyen);",
		C_KJ, "1000", C_SUGARS, "12,345678", -1);
}

/* The small table converted to UTF-8 (every byte ≥ 0x80 of it is in
 * Latin-1's range, except 0x85 "…", 0x92 "’" and 0x9C "œ"). */
static void to_utf8(const fx *in, fx *out)
{
	size_t i;

	for (i = 0; i < in->n; i++) {
		unsigned char c = (unsigned char)in->p[i];
		char u[4];

		if (c < 0x80) {
			fx_put(out, in->p + i, 1);
		} else if (c == 0x85) {
			fx_puts(out, "\xE2\x80\xA6");
		} else if (c == 0x92) {
			fx_puts(out, "\xE2\x80\x99");
		} else if (c == 0x9C) {
			fx_puts(out, "\xC5\x93");
		} else {
			assert_true(c >= 0xA0);
			u[0] = (char)(0xC0 | (c >> 6));
			u[1] = (char)(0x80 | (c & 0x3F));
			fx_put(out, u, 2);
		}
	}
}

/* Bytes read as windows-1252, written as UTF-8 (what a bad conversion
 * does to a UTF-8 file: "é" becomes "Ã©"). */
static void cp1252_to_utf8(const fx *in, fx *out)
{
	cantine_buf b = CANTINE_BUF_INIT;
	size_t i;

	for (i = 0; i < in->n; i++) {
		uint32_t cp = cantine__cp1252((unsigned char)in->p[i]);
		assert_true(cp != 0);
		assert_int_equal(cantine__buf_put_utf8(&b, cp), 0);
	}
	fx_put(out, b.ptr, b.size);
	cantine_buf_dispose(&b);
}

/* ---- the store ---- */

/* Everything the import wrote, as text, for comparisons (malloc'ed). */
static char *table_text(sqlite3 *db)
{
	static const char *const q[] = {
		"SELECT code || '|' || name || '|' || ifnull(name_sci, 'NULL') || '|' || "
		"grp_code || '|' || ssgrp_code || '|' || ssssgrp_code || '|' || "
		"ifnull(grp_name, 'NULL') || '|' || ifnull(ssgrp_name, 'NULL') || '|' || "
		"ifnull(ssssgrp_name, 'NULL') || '|' || jones_u FROM ciqual_food ORDER BY code",
		"SELECT code || '|' || name || '|' || unit || '|' || position "
		"FROM ciqual_constituent ORDER BY code",
		"SELECT food_code || '|' || const_code || '|' || kind || '|' || "
		"ifnull(amount, 'NULL') FROM ciqual_value ORDER BY food_code, const_code",
	};
	fx out = { NULL, 0, 0 };
	size_t i;

	fx_puts(&out, "");
	for (i = 0; i < sizeof(q) / sizeof(q[0]); i++) {
		sqlite3_stmt *st;
		assert_int_equal(sqlite3_prepare_v2(db, q[i], -1, &st, NULL), SQLITE_OK);
		while (sqlite3_step(st) == SQLITE_ROW) {
			fx_puts(&out, (const char *)sqlite3_column_text(st, 0));
			fx_puts(&out, "\n");
		}
		sqlite3_finalize(st);
	}
	return out.p;
}

/* Import bytes; the problems are returned (NULL when none). */
static int import(cantine_ctx *ctx, const char *data, size_t len,
		  cantine_problems **pbs, cantine_ciqual_stats *st)
{
	int rc = cantine_import_ciqual_mem(ctx, "ciqual.csv", data, len, pbs, st);

	assert_true(sqlite3_get_autocommit(ctx->db));
	return rc;
}

static void import_ok(cantine_ctx *ctx, const fx *f, cantine_ciqual_stats *st)
{
	cantine_problems *pbs = NULL;
	int rc = import(ctx, f->p, f->n, &pbs, st);

	if (rc != 0) {
		const cantine_problem *pb = cantine_problems_get(pbs, 0);
		fail_msg("import: %d %s (%s, line %u, column %u: %s)", rc, cantine_errmsg(ctx),
			 pb ? pb->file : "", pb ? pb->line : 0, pb ? pb->column : 0,
			 pb ? pb->message : "");
	}
	assert_null(pbs);
}

/* The value stored for (food, constituent). */
static void expect_stored(cantine_ctx *ctx, int food, int constituent,
			 cantine_ciqual_kind kind, int64_t amount)
{
	cantine_ciqual_kind k = CANTINE_CIQUAL_KIND__MAX;
	int64_t a = -1;

	assert_int_equal(cantine_ciqual_value(ctx, food, constituent, &k, &a), 0);
	if (k != kind || a != amount)
		fail_msg("food %d constituent %d: kind %d amount %lld, expected %d %lld",
			 food, constituent, k, (long long)a, kind, (long long)amount);
}

/* ---- the importer ---- */

/* Every quirk of the published file on the small table. */
static void test_small_table(void **state)
{
	tu_fixture *t = *state;
	cantine_ciqual_stats st;
	cantine_buf b = CANTINE_BUF_INIT;
	fx f = { NULL, 0, 0 };

	small_table(&f);
	import_ok(t->ctx, &f, &st);
	assert_int_equal(st.foods, 3);
	assert_int_equal(st.constituents, 74);
	assert_int_equal(st.values, 3 * 74);
	assert_int_equal(st.traces, 1);
	assert_int_equal(st.less_than, 2);
	assert_int_equal(st.unknown, 3 * 74 - 8 - 3 - 2);
	assert_int_equal(cantine_ciqual_food_count(t->ctx), 3);

	/* Header cells with line breaks: each value is in its constituent. */
	expect_stored(t->ctx, 20009, 327, CANTINE_CIQUAL_NUMBER, 127000000);
	expect_stored(t->ctx, 20009, 328, CANTINE_CIQUAL_NUMBER, 30200000);
	expect_stored(t->ctx, 20009, 25000, CANTINE_CIQUAL_NUMBER, 780000);
	/* "<" LF "0,5" in a quoted cell, and "< 0,15". */
	expect_stored(t->ctx, 20009, 40000, CANTINE_CIQUAL_LESS_THAN, 500000);
	expect_stored(t->ctx, 20009, 40302, CANTINE_CIQUAL_LESS_THAN, 150000);
	expect_stored(t->ctx, 20009, 32000, CANTINE_CIQUAL_TRACES, 0);
	expect_stored(t->ctx, 20009, 34100, CANTINE_CIQUAL_UNKNOWN, 0);
	expect_stored(t->ctx, 20009, 10200, CANTINE_CIQUAL_NUMBER, 36200000);
	/* Six decimals: exact in millionths. */
	expect_stored(t->ctx, 20009, 10300, CANTINE_CIQUAL_NUMBER, 1);
	expect_stored(t->ctx, 24999, 32000, CANTINE_CIQUAL_NUMBER, 12345678);
	expect_stored(t->ctx, 8601, 40000, CANTINE_CIQUAL_NUMBER, 7250000);
	assert_int_equal(cantine_ciqual_value(t->ctx, 20009, 99999, NULL, NULL),
			 CANTINE_ENOTFOUND);
	assert_int_equal(cantine_ciqual_value(t->ctx, 1, 327, NULL, NULL), CANTINE_ENOTFOUND);

	/* Names as the file has them: double space, "…", "’", "œ", "<". */
	assert_int_equal(cantine_ciqual_food_name(t->ctx, 20009, &b), 0);
	assert_string_equal(b.ptr, "Carotte,  crue");
	b.size = 0;
	assert_int_equal(cantine_ciqual_food_name(t->ctx, 8601, &b), 0);
	assert_string_equal(b.ptr, "Tripes (bœuf, carottes…) d’Auge < 10 %");
	cantine_buf_dispose(&b);
	assert_int_equal(cantine_ciqual_food_name(t->ctx, 4, &b), CANTINE_ENOTFOUND);
	assert_true(tu_contains(cantine_errmsg(t->ctx), "4"));

	/* Jones factor with its decimal point; groups; empty names. */
	assert_int_equal(tu_query_int(t->ctx->db, "SELECT jones_u FROM ciqual_food "
				      "WHERE code = 20009"), 6250000);
	assert_int_equal(tu_query_int(t->ctx->db, "SELECT jones_u FROM ciqual_food "
				      "WHERE code = 8601"), 5700000);
	assert_int_equal(tu_query_int(t->ctx->db, "SELECT count(*) FROM ciqual_food WHERE "
				      "code = 24999 AND grp_code = '00' AND grp_name IS NULL "
				      "AND ssgrp_name IS NULL AND ssssgrp_name IS NULL "
				      "AND name_sci IS NULL"), 1);
	assert_int_equal(tu_query_int(t->ctx->db, "SELECT count(*) FROM ciqual_food WHERE "
				      "code = 20009 AND ssgrp_code = '0201' AND "
				      "name_sci = 'Daucus carota' AND ssssgrp_name = 'légumes crus'"), 1);
	/* The 74 constituents, in the file's order, with their units. */
	assert_int_equal(tu_query_int(t->ctx->db, "SELECT count(*) FROM ciqual_constituent"), 74);
	assert_int_equal(tu_query_int(t->ctx->db, "SELECT position FROM ciqual_constituent "
				      "WHERE code = 10110 AND unit = 'mg' AND name = "
				      "'Sodium (mg/100 g)'"), C_NA - 8);
	assert_int_equal(tu_query_int(t->ctx->db, "SELECT count(*) FROM ciqual_constituent "
				      "WHERE unit = 'µg' AND name LIKE 'Iode%'"), 1);
	fx_free(&f);
}

/* A UTF-8 copy (with or without BOM) gives the same store; so does a
 * header written on one line with its "/", and columns in another order. */
static void test_same_store(void **state)
{
	tu_fixture *t = *state;
	fx f = { NULL, 0, 0 }, u = { NULL, 0, 0 }, bom = { NULL, 0, 0 }, one = { NULL, 0, 0 };
	char *want, *got;
	size_t c;

	small_table(&f);
	import_ok(t->ctx, &f, NULL);
	want = table_text(t->ctx->db);
	/* Importing the same file again: the same store. */
	import_ok(t->ctx, &f, NULL);
	got = table_text(t->ctx->db);
	assert_string_equal(got, want);
	free(got);

	to_utf8(&f, &u);
	assert_true(cantine__utf8_valid(u.p, u.n));
	import_ok(t->ctx, &u, NULL);
	got = table_text(t->ctx->db);
	assert_string_equal(got, want);
	free(got);
	fx_puts(&bom, "\xEF\xBB\xBF");
	fx_put(&bom, u.p, u.n);
	import_ok(t->ctx, &bom, NULL);
	got = table_text(t->ctx->db);
	assert_string_equal(got, want);
	free(got);

	/* The official names on one line (with "/"), first two columns
	 * swapped everywhere: recognised by their text, not their place. */
	fx_puts(&one, "alim_ssgrp_code;alim_grp_code");
	for (c = 2; c < CQ__NCOLS; c++) {
		fx_puts(&one, ";");
		fx_puts(&one, cantine__ciqual_cols[c].name);
	}
	fx_puts(&one, "\r\n");
	{
		/* The rows of the UTF-8 copy, with their first two cells swapped. */
		const char *p = strstr(u.p, "\r\n02;0201;") + 2;
		while (*p) {
			const char *s1 = strchr(p, ';'), *s2 = strchr(s1 + 1, ';');
			const char *eol = p;
			int inq = 0;
			for (; *eol && (inq || eol[0] != '\r'); eol++)
				if (*eol == '"')
					inq = !inq;
			fx_put(&one, s1 + 1, (size_t)(s2 - s1 - 1));
			fx_puts(&one, ";");
			fx_put(&one, p, (size_t)(s1 - p));
			fx_put(&one, s2, (size_t)(eol - s2) + 2);
			p = eol + 2;
		}
	}
	import_ok(t->ctx, &one, NULL);
	got = table_text(t->ctx->db);
	assert_string_equal(got, want);
	free(got);
	free(want);
	fx_free(&f);
	fx_free(&u);
	fx_free(&bom);
	fx_free(&one);
}

/* A new table replaces the old one whole. */
static void test_replace(void **state)
{
	tu_fixture *t = *state;
	fx f = { NULL, 0, 0 }, g = { NULL, 0, 0 };
	cantine_ciqual_stats st;

	small_table(&f);
	import_ok(t->ctx, &f, NULL);
	fx_put(&g, HEADER, sizeof(HEADER) - 1);
	fx_food(&g, "02;0201;020101;a;b;c;13039;Pomme, chair et peau, crue;", C_KJ, "228", -1);
	import_ok(t->ctx, &g, &st);
	assert_int_equal(st.foods, 1);
	assert_int_equal(cantine_ciqual_food_count(t->ctx), 1);
	assert_int_equal(tu_query_int(t->ctx->db, "SELECT count(*) FROM ciqual_value"), 74);
	assert_int_equal(cantine_ciqual_value(t->ctx, 20009, 327, NULL, NULL),
			 CANTINE_ENOTFOUND);
	expect_stored(t->ctx, 13039, 327, CANTINE_CIQUAL_NUMBER, 228000000);
	fx_free(&f);
	fx_free(&g);
}

/* ---- refused files ---- */

typedef struct want_pb {
	unsigned    line, column;  /* column 0: any */
	const char *field;         /* NULL: none expected */
	const char *fragment;
} want_pb;

/* Import `data` into a store holding the small table: refused with the
 * problem `w` among those listed, nothing changed. */
static void refused(cantine_ctx *ctx, const char *data, size_t len, const want_pb *w)
{
	cantine_problems *pbs = NULL;
	char *before = table_text(ctx->db), *after;
	size_t i;
	int rc, found = 0;

	rc = import(ctx, data, len, &pbs, NULL);
	if (rc != CANTINE_EINVAL)
		fail_msg("expected EINVAL for « %s », got %d", w->fragment, rc);
	assert_true(tu_contains(cantine_errmsg(ctx), "ciqual.csv"));
	assert_true(tu_contains(cantine_errmsg(ctx), "pas été importée"));
	assert_true(cantine_problems_count(pbs) > 0);
	for (i = 0; i < cantine_problems_count(pbs); i++) {
		const cantine_problem *pb = cantine_problems_get(pbs, i);
		assert_string_equal(pb->file, "ciqual.csv");
		assert_int_equal(pb->warning, 0);
		if (pb->line == w->line && (w->column == 0 || pb->column == w->column) &&
		    ((!w->field && !pb->field) ||
		     (w->field && pb->field && strcmp(w->field, pb->field) == 0)) &&
		    tu_contains(pb->message, w->fragment))
			found = 1;
	}
	if (!found) {
		const cantine_problem *pb = cantine_problems_get(pbs, 0);
		fail_msg("no problem « %s » at line %u column %u (first: line %u column %u "
			 "field %s: %s)", w->fragment, w->line, w->column, pb->line, pb->column,
			 pb->field ? pb->field : "-", pb->message);
	}
	after = table_text(ctx->db);
	assert_string_equal(after, before);
	free(before);
	free(after);
	cantine_problems_free(pbs);
}

/* The small table with `from` replaced by `to` (first occurrence). */
static void edited(const fx *f, const char *from, const char *to, fx *out)
{
	const char *at = strstr(f->p, from);

	assert_non_null(at);
	out->n = 0;
	fx_put(out, f->p, (size_t)(at - f->p));
	fx_puts(out, to);
	fx_puts(out, at + strlen(from));
}

/* The physical line (1-based) where `what` first occurs in f: line breaks
 * counted by hand, to check those the reader reports. */
static unsigned line_of(const fx *f, const char *what)
{
	const char *at = strstr(f->p, what), *p;
	unsigned line = 1;

	assert_non_null(at);
	for (p = f->p; p < at; p++)
		line += *p == '\n';
	return line;
}

/* The lines where the foods of the small table start. */
#define L_20009 line_of(&f, "20009;")
#define L_8601 line_of(&f, "8601;")
#define L_24999 line_of(&f, "24999;")

static void test_refused_values(void **state)
{
	tu_fixture *t = *state;
	fx f = { NULL, 0, 0 }, e = { NULL, 0, 0 };
	const char *fat = "Lipides (g/100 g)", *kj = "Energie, Règlement UE N° 1169/2011 (kJ/100 g)";

	small_table(&f);
	import_ok(t->ctx, &f, NULL);
	{
		want_pb w = { L_8601, C_KJ + 1, kj, "« 548.5 » : la table écrit les teneurs avec "
			      "une virgule décimale" };
		edited(&f, ";548;", ";548.5;", &e);
		refused(t->ctx, e.p, e.n, &w);
	}
	{
		want_pb w = { L_8601, C_JONES + 1, "Facteur de Jones", "avec un point décimal" };
		edited(&f, ";5.7\r\n", ";5,7\r\n", &e);
		refused(t->ctx, e.p, e.n, &w);
	}
	{
		want_pb w = { L_8601, C_JONES + 1, "Facteur de Jones", "« 0 » n'est pas un "
			      "facteur de Jones" };
		edited(&f, ";5.7\r\n", ";0\r\n", &e);
		refused(t->ctx, e.p, e.n, &w);
		w.fragment = "« 10.5 » n'est pas un facteur de Jones";
		edited(&f, ";5.7\r\n", ";10.5\r\n", &e);
		refused(t->ctx, e.p, e.n, &w);
		w.fragment = "« 2000000 » n'est pas un facteur de Jones";
		edited(&f, ";5.7\r\n", ";2000000\r\n", &e);
		refused(t->ctx, e.p, e.n, &w);
	}
	{
		want_pb w = { L_8601, C_FAT + 1, fat, "plus de 6 décimales" };
		edited(&f, ";7,25;", ";7,2500001;", &e);
		refused(t->ctx, e.p, e.n, &w);
	}
	{
		want_pb w = { L_8601, C_FAT + 1, fat, "dépasse 1000000 g" };
		edited(&f, ";7,25;", ";1000001;", &e);
		refused(t->ctx, e.p, e.n, &w);
	}
	{
		want_pb w = { L_8601, C_FAT + 1, fat, "cellule vide" };
		edited(&f, ";7,25;", ";;", &e);
		refused(t->ctx, e.p, e.n, &w);
	}
	{
		want_pb w = { L_8601, C_FAT + 1, fat, "« environ 7 » n'est pas une valeur de la "
			      "table Ciqual" };
		edited(&f, ";7,25;", ";environ 7;", &e);
		refused(t->ctx, e.p, e.n, &w);
	}
	{
		/* The cell starts one line below its record: the fat cell
		 * before it holds a line break. */
		want_pb w = { L_20009 + 1, C_SUGARS + 1, "Sucres (g/100 g)", "« Traces »" };
		edited(&f, ";traces;", ";Traces;", &e);
		refused(t->ctx, e.p, e.n, &w);
	}
	{
		want_pb w = { L_24999, 7, "alim_code", NULL };
		char msg[64];
		snprintf(msg, sizeof(msg), "l'aliment 20009 apparaît déjà ligne %u", L_20009);
		w.fragment = msg;
		edited(&f, ";24999;", ";20009;", &e);
		refused(t->ctx, e.p, e.n, &w);
	}
	{
		want_pb w = { L_24999, 7, "alim_code", "« 24999a » n'est pas un code d'aliment" };
		edited(&f, ";24999;", ";24999a;", &e);
		refused(t->ctx, e.p, e.n, &w);
	}
	{
		want_pb w = { L_24999, 2, "alim_ssgrp_code", "« 000 » n'est pas un code de groupe" };
		edited(&f, "00;0000;000000;", "00;000;000000;", &e);
		refused(t->ctx, e.p, e.n, &w);
	}
	{
		want_pb w = { L_24999, 8, "alim_nom_fr", "nom d'aliment vide" };
		edited(&f, ";Dessert (aliment moyen);", ";;", &e);
		refused(t->ctx, e.p, e.n, &w);
	}
	fx_free(&f);
	fx_free(&e);
}

static void test_refused_cut(void **state)
{
	tu_fixture *t = *state;
	fx f = { NULL, 0, 0 }, e = { NULL, 0, 0 };
	size_t at;

	small_table(&f);
	import_ok(t->ctx, &f, NULL);
	{
		/* Cut in the middle of the last food: it has as many cells as
		 * separators before the cut, plus one. */
		const char *rec = strstr(f.p, "\r\n00;0000;") + 2, *p;
		char msg[96];
		unsigned cells = 1;
		want_pb w = { L_24999, 0, NULL, msg };

		at = (size_t)(rec - f.p) + 90;
		for (p = rec; p < f.p + at; p++)
			cells += *p == ';';
		assert_true(cells > 10 && cells < 84);
		snprintf(msg, sizeof(msg), "s'arrête au milieu d'un aliment (%u cellules sur 84)",
			 cells);
		refused(t->ctx, f.p, at, &w);
	}
	{
		/* Cut inside the quoted "<" LF "0,5": the quote never closes. */
		want_pb w = { L_20009, 0, NULL, "guillemet ouvert n'est jamais fermé" };
		at = (size_t)(strstr(f.p, "\"<\n0,5") - f.p) + 3;
		refused(t->ctx, f.p, at, &w);
	}
	{
		/* Cut right before the last line break: 84 cells, no CRLF. */
		want_pb w = { L_24999, 0, NULL, "ne se termine pas par un retour à la ligne" };
		refused(t->ctx, f.p, f.n - 2, &w);
	}
	{
		/* Cut inside the last cell of the last food ("6.25" → "6."). */
		want_pb w = { L_24999, C_JONES + 1, "Facteur de Jones", "« 6. »" };
		refused(t->ctx, f.p, f.n - 4, &w);
	}
	{
		want_pb w = { L_24999, 0, NULL, "ne se termine pas par un retour à la ligne" };
		refused(t->ctx, f.p, f.n - 4, &w);
	}
	{
		/* A food with fewer cells, in the middle. */
		want_pb w = { L_8601, 0, NULL, "83 cellules au lieu de 84" };
		edited(&f, ";548;", ";", &e);
		refused(t->ctx, e.p, e.n, &w);
	}
	{
		want_pb w = { 0, 0, NULL, "aucun aliment après la ligne d'en-tête" };
		refused(t->ctx, HEADER, sizeof(HEADER) - 1, &w);
	}
	{
		want_pb w = { 0, 0, NULL, "le fichier est vide" };
		refused(t->ctx, "", 0, &w);
	}
	{
		/* The header cut: its last cell's quote never closes. */
		want_pb w = { 1, 0, NULL, "ligne d'en-tête illisible" };
		refused(t->ctx, HEADER, 1000, &w);
	}
	{
		want_pb w = { L_20009, 0, NULL, "octet nul (0x00)" };
		e.n = 0;
		fx_put(&e, f.p, f.n);
		e.p[strstr(e.p, "Carotte") - e.p + 3] = '\0';
		refused(t->ctx, e.p, e.n, &w);
	}
	fx_free(&f);
	fx_free(&e);
}

static void test_refused_header(void **state)
{
	tu_fixture *t = *state;
	fx f = { NULL, 0, 0 }, e = { NULL, 0, 0 };

	small_table(&f);
	import_ok(t->ctx, &f, NULL);
	{
		/* An accent lost: "Proteines" is no column of the table. */
		want_pb w = { line_of(&f, "Prot\xE9ines,\nN x\nfacteur"), 15, NULL,
			      "« Proteines, N x facteur de Jones (g 100 g) » "
			      "n'est pas une colonne de la table Ciqual 2025" };
		edited(&f, "Prot\xE9ines,\nN x\nfacteur", "Proteines,\nN x\nfacteur", &e);
		refused(t->ctx, e.p, e.n, &w);
		w.line = 1, w.column = 0;
		w.fragment = "1 colonne de la table Ciqual 2025 absente de l'en-tête : "
			     "« Protéines, N x facteur de Jones (g/100 g) »";
		refused(t->ctx, e.p, e.n, &w);
	}
	{
		want_pb w = { 1, 0, NULL, "2 colonnes de la table Ciqual 2025 absentes de "
			      "l'en-tête : « alim_nom_sci », « Facteur de Jones »" };
		/* Header and rows without their last cell, and alim_nom_sci
		 * renamed: a file whose columns were edited. */
		edited(&f, ";\"Facteur\nde\nJones\"", "", &e);
		{
			fx g = { NULL, 0, 0 };
			edited(&e, ";alim_nom_sci;", ";nom_scientifique;", &g);
			refused(t->ctx, g.p, g.n, &w);
			fx_free(&g);
		}
	}
	{
		want_pb w = { 1, 9, NULL, "la colonne « alim_nom_fr » apparaît deux fois "
			      "(déjà en colonne 8)" };
		edited(&f, ";alim_nom_sci;", ";alim_nom_fr;", &e);
		refused(t->ctx, e.p, e.n, &w);
	}
	{
		want_pb w = { 1, 0, NULL, "séparée par des virgules" };
		e.n = 0;
		fx_puts(&e, "code,nom\r\n1,a\r\n");
		refused(t->ctx, e.p, e.n, &w);
	}
	fx_free(&f);
	fx_free(&e);
}

/* Damaged re-encodings of the whole file, and stray bytes. */
static void test_refused_encoding(void **state)
{
	tu_fixture *t = *state;
	fx f = { NULL, 0, 0 }, u = { NULL, 0, 0 }, e = { NULL, 0, 0 };
	size_t i;

	small_table(&f);
	import_ok(t->ctx, &f, NULL);
	to_utf8(&f, &u);
	{
		/* UTF-8 read as windows-1252 and saved as UTF-8 again: "Ã¨". */
		want_pb w = { 1, 10, NULL, "l'en-tête contient des caractères comme « Ã© »" };
		e.n = 0;
		cp1252_to_utf8(&u, &e);
		assert_non_null(strstr(e.p, "R\xC3\x83\xC2\xA8glement"));
		refused(t->ctx, e.p, e.n, &w);
	}
	{
		/* windows-1252 read as ISO-8859-1: "…" (0x85) becomes U+0085. */
		want_pb w = { L_8601, 8, "alim_nom_fr", "le texte contient un caractère de "
			      "contrôle invisible (U+0080 à U+009F)" };
		e.n = 0;
		for (i = 0; i < f.n; i++) {
			unsigned char c = (unsigned char)f.p[i];
			char b2[2] = { (char)(0xC0 | (c >> 6)), (char)(0x80 | (c & 0x3F)) };
			if (c < 0x80)
				fx_put(&e, f.p + i, 1);
			else
				fx_put(&e, b2, 2);
		}
		refused(t->ctx, e.p, e.n, &w);
	}
	{
		/* Accents replaced by U+FFFD by an editor. */
		want_pb w = { 1, 10, NULL, "caractère de remplacement" };
		e.n = 0;
		for (i = 0; i < f.n; i++) {
			if ((unsigned char)f.p[i] < 0x80)
				fx_put(&e, f.p + i, 1);
			else
				fx_puts(&e, "\xEF\xBF\xBD");
		}
		refused(t->ctx, e.p, e.n, &w);
	}
	{
		/* U+FFFD in one name only: reported on its cell. */
		want_pb w = { L_24999, 8, "alim_nom_fr", "« Dessert (aliment moyen) \xEF\xBF\xBD » "
			      "contient le caractère de remplacement" };
		edited(&u, "Dessert (aliment moyen)", "Dessert (aliment moyen) \xEF\xBF\xBD", &e);
		refused(t->ctx, e.p, e.n, &w);
	}
	{
		/* One windows-1252 byte in a UTF-8 copy. */
		want_pb w = { L_24999, 8, "alim_nom_fr", "octet 0xE9 qui n'est pas de l'UTF-8 "
			      "(octet n° 4 de la cellule)" };
		edited(&u, "Dessert (aliment", "Des\xE9rt (aliment", &e);
		refused(t->ctx, e.p, e.n, &w);
	}
	{
		want_pb w = { L_8601, 8, "alim_nom_fr", "caractère de contrôle 0x01 (octet n° 7" };
		edited(&f, "Tripes", "Tripes\x01", &e);
		refused(t->ctx, e.p, e.n, &w);
	}
	{
		/* A byte windows-1252 does not define. */
		want_pb w = { L_20009, 8, "alim_nom_fr", "octet 0x81 inconnu en windows-1252" };
		edited(&f, "Carotte,", "Carotte\x81,", &e);
		refused(t->ctx, e.p, e.n, &w);
	}
	fx_free(&f);
	fx_free(&u);
	fx_free(&e);
}

static void test_readonly(void **state)
{
	tu_fixture *t = *state;
	cantine_ctx *ro = NULL;
	cantine_problems *pbs = NULL;
	fx f = { NULL, 0, 0 };

	small_table(&f);
	assert_int_equal(cantine_ctx_open(&ro, t->db_path, CANTINE_OPEN_READONLY), 0);
	assert_int_equal(cantine_import_ciqual_mem(ro, "x.csv", f.p, f.n, &pbs, NULL),
			 CANTINE_ESTORE);
	assert_true(tu_contains(cantine_errmsg(ro), "lecture seule"));
	assert_null(pbs);
	assert_int_equal(cantine_ciqual_food_count(ro), 0);
	cantine_ctx_free(ro);
	assert_int_equal(cantine_import_ciqual(t->ctx, "/nonexistent/ciqual.csv", &pbs, NULL),
			 CANTINE_EIO);
	assert_int_equal(cantine_problems_count(pbs), 1);
	assert_true(tu_contains(cantine_problems_get(pbs, 0)->message, "introuvable"));
	cantine_problems_free(pbs);
	fx_free(&f);
}

/* ---- value grammar and header text ---- */

static void test_grammar(void **state)
{
	static const struct {
		const char *s;
		cantine__cq_err err;
		cantine_ciqual_kind kind;
		int64_t amount;
	} v[] = {
		{ "49,9", CQ_OK, CANTINE_CIQUAL_NUMBER, 49900000 },
		{ "0", CQ_OK, CANTINE_CIQUAL_NUMBER, 0 },
		{ "0,000001", CQ_OK, CANTINE_CIQUAL_NUMBER, 1 },
		{ "1,1234560", CQ_OK, CANTINE_CIQUAL_NUMBER, 1123456 }, /* exact */
		{ "1,1234567", CQ_PRECISION, CANTINE_CIQUAL_NUMBER, 0 },
		{ "1000000", CQ_OK, CANTINE_CIQUAL_NUMBER, INT64_C(1000000000000) },
		{ "1000000,000001", CQ_RANGE, CANTINE_CIQUAL_NUMBER, 0 },
		{ "99999999999999999999999", CQ_RANGE, CANTINE_CIQUAL_NUMBER, 0 },
		{ "< 0,2", CQ_OK, CANTINE_CIQUAL_LESS_THAN, 200000 },
		{ "<\n0,0098", CQ_OK, CANTINE_CIQUAL_LESS_THAN, 9800 },
		{ "<0,5", CQ_OK, CANTINE_CIQUAL_LESS_THAN, 500000 },
		{ "< 10", CQ_OK, CANTINE_CIQUAL_LESS_THAN, 10000000 },
		{ "<", CQ_SYNTAX, CANTINE_CIQUAL_LESS_THAN, 0 },
		{ "< 0.2", CQ_POINT, CANTINE_CIQUAL_LESS_THAN, 0 },
		{ "traces", CQ_OK, CANTINE_CIQUAL_TRACES, 0 },
		{ "-", CQ_OK, CANTINE_CIQUAL_UNKNOWN, 0 },
		{ "", CQ_EMPTY, CANTINE_CIQUAL_NUMBER, 0 },
		{ "49.9", CQ_POINT, CANTINE_CIQUAL_NUMBER, 0 },
		{ "-5", CQ_SYNTAX, CANTINE_CIQUAL_NUMBER, 0 },
		{ "1 000", CQ_SYNTAX, CANTINE_CIQUAL_NUMBER, 0 },
		{ "12,", CQ_SYNTAX, CANTINE_CIQUAL_NUMBER, 0 },
		{ ",5", CQ_SYNTAX, CANTINE_CIQUAL_NUMBER, 0 },
		{ "1,2,3", CQ_SYNTAX, CANTINE_CIQUAL_NUMBER, 0 },
		{ "Traces", CQ_SYNTAX, CANTINE_CIQUAL_NUMBER, 0 },
		{ "nd", CQ_SYNTAX, CANTINE_CIQUAL_NUMBER, 0 },
	};
	char a[256], b[256];
	size_t i;
	int64_t n = -1;

	(void)state;
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		cantine_ciqual_kind kind = CANTINE_CIQUAL_KIND__MAX;
		int64_t amount = -1;
		cantine__cq_err err = cantine__ciqual_parse_value(v[i].s, &kind, &amount);

		if (err != v[i].err || (err == CQ_OK && (kind != v[i].kind || amount != v[i].amount)))
			fail_msg("« %s »: err %d kind %d amount %lld", v[i].s, err, kind,
				 (long long)amount);
	}
	assert_int_equal(cantine__ciqual_parse_number("6.25", '.', &n), CQ_OK);
	assert_int_equal(n, 6250000);
	assert_int_equal(cantine__ciqual_parse_number("6,25", '.', &n), CQ_COMMA);
	assert_int_equal(cantine__ciqual_parse_number("", '.', &n), CQ_EMPTY);

	/* Header text: line breaks and "/" are one space. */
	assert_true(cantine__ciqual_norm("Energie,\nR\xC3\xA8glement\nUE N\xC2\xB0\n1169\n"
					 "2011 (kJ\n100 g)", a, sizeof(a)));
	assert_true(cantine__ciqual_norm(cantine__ciqual_cols[C_KJ].name, b, sizeof(b)));
	assert_string_equal(a, b);
	assert_string_equal(a, "Energie, R\xC3\xA8glement UE N\xC2\xB0 1169 2011 (kJ 100 g)");
	assert_true(cantine__ciqual_norm("  a \r\n\t b\xC2\xA0/ c ", a, sizeof(a)));
	assert_string_equal(a, "a b c");
	assert_false(cantine__ciqual_norm("abcdef", a, 4));

	assert_int_equal(cantine__ciqual_damage("Carotte, crue \xE2\x80\xA6 d\xE2\x80\x99" "Auge"),
			 CQ_SOUND);
	assert_int_equal(cantine__ciqual_damage("\xC3\xA2ne p\xC3\xA2te"), CQ_SOUND);
	assert_int_equal(cantine__ciqual_damage("Prot\xC3\x83\xC2\xA9ines"), CQ_MOJIBAKE);
	assert_int_equal(cantine__ciqual_damage("d\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2" "Auge"),
			 CQ_MOJIBAKE);
	assert_int_equal(cantine__ciqual_damage("Prot\xEF\xBF\xBDines"), CQ_FFFD);
	assert_int_equal(cantine__ciqual_damage("carottes\xC2\x85"), CQ_C1);
	assert_int_equal(cantine__ciqual_damage("\xC3\x83"), CQ_SOUND); /* "Ã" alone */
}

/* ---- the whole 2025 table ---- */

static void test_full_table(void **state)
{
	tu_fixture *t = *state;
	cantine_ciqual_stats st;
	cantine_problems *pbs = NULL;
	cantine_buf b = CANTINE_BUF_INIT;
	FILE *fp;
	char head[sizeof(HEADER)];
	int rc;

	assert_non_null(full_table);
	fp = fopen(full_table, "rb");
	if (!fp)
		fail_msg("cannot read %s", full_table);
	assert_int_equal(fread(head, 1, sizeof(HEADER) - 1, fp), sizeof(HEADER) - 1);
	fclose(fp);
	assert_memory_equal(head, HEADER, sizeof(HEADER) - 1);

	rc = cantine_import_ciqual(t->ctx, full_table, &pbs, &st);
	if (rc)
		fail_msg("%s: %s (%s)", full_table, cantine_errmsg(t->ctx), pbs ?
			 cantine_problems_get(pbs, 0)->message : "");
	assert_null(pbs);
	/* nutrition-data/PROVENANCE.md: 3,484 foods × 74 constituents. */
	assert_int_equal(st.foods, 3484);
	assert_int_equal(st.constituents, 74);
	assert_int_equal(st.values, 3484 * 74);
	assert_int_equal(st.traces, 2514);
	assert_int_equal(st.less_than, 20075);
	assert_int_equal(st.unknown, 83246);
	assert_int_equal(cantine_ciqual_food_count(t->ctx), 3484);
	assert_int_equal(tu_query_int(t->ctx->db, "SELECT count(*) FROM ciqual_value"),
			 3484 * 74);
	assert_int_equal(tu_query_int(t->ctx->db, "SELECT min(code) FROM ciqual_food"), 1000);
	assert_int_equal(tu_query_int(t->ctx->db, "SELECT max(code) FROM ciqual_food"), 96781);

	/* Carotte, crue: energy 127 kJ / 30,2 kcal, sugars 4,85, fat "< 0,5". */
	expect_stored(t->ctx, 20009, 327, CANTINE_CIQUAL_NUMBER, 127000000);
	expect_stored(t->ctx, 20009, 328, CANTINE_CIQUAL_NUMBER, 30200000);
	expect_stored(t->ctx, 20009, 32000, CANTINE_CIQUAL_NUMBER, 4850000);
	expect_stored(t->ctx, 20009, 40000, CANTINE_CIQUAL_LESS_THAN, 500000);
	/* Gruyère IGP France: sugars "traces". */
	expect_stored(t->ctx, 12113, 32000, CANTINE_CIQUAL_TRACES, 0);
	/* Vinaigre de cidre: energy "-". */
	expect_stored(t->ctx, 11090, 327, CANTINE_CIQUAL_UNKNOWN, 0);
	/* Perrier: energy "traces". */
	expect_stored(t->ctx, 76060, 327, CANTINE_CIQUAL_TRACES, 0);
	/* Échalote, cuite: lauric acid "<" LF "0,0002". */
	expect_stored(t->ctx, 20255, 41200, CANTINE_CIQUAL_LESS_THAN, 200);
	assert_int_equal(tu_query_int(t->ctx->db, "SELECT jones_u FROM ciqual_food "
				      "WHERE code = 9811"), 5700000);
	assert_int_equal(cantine_ciqual_food_name(t->ctx, 27012, &b), 0);
	assert_string_equal(b.ptr, "Esturgeon d\xE2\x80\x99" "Europe occidentale, cru");
	b.size = 0;
	assert_int_equal(cantine_ciqual_food_name(t->ctx, 8601, &b), 0);
	assert_string_equal(b.ptr, "Tripes \xC3\xA0 la mode de Caen (estomac et pied de "
			    "boeuf, carottes\xE2\x80\xA6), pr\xC3\xA9" "emball\xC3\xA9" "es");
	cantine_buf_dispose(&b);

	{
		/* A dish on the real table: 70 g of carrot (20009: 127 kJ, fat
		 * "< 0,5", sugars 4,85) and 5 g of rapeseed oil (17130: 3700 kJ,
		 * fat 100, sugars 0).  By hand: energy 70 × 127/100 + 5 × 3700/100
		 * = 273.9 kJ, 365.2 kJ per 100 g; fat 70 × 0.25/100 + 5 = 5.175 g
		 * (estimated), 6.9 per 100 g; sugars 70 × 4.85/100 = 3.395 g,
		 * 4.52666… → 4.526667 per 100 g. */
		cantine_product p;
		cantine_ingredient ing[2] = { { "CAROTTE", 70000 }, { "HUILE", 5000 } };
		cantine_nutrients *n;
		const cantine_nutrient_amount *a;

		tu_product_init(&p, "CAROTTE", "Carotte", 100);
		p.ciqual = 20009;
		assert_int_equal(cantine_product_save(t->ctx, &p), 0);
		tu_product_init(&p, "HUILE", "Huile de colza", 300);
		p.ciqual = 17130;
		assert_int_equal(cantine_product_save(t->ctx, &p), 0);
		assert_int_equal(cantine_dish_save(t->ctx, "Carottes", CANTINE_COURSE_ENTREE,
						   NULL, ing, 2), 0);
		assert_int_equal(cantine_dish_nutrients(&n, t->ctx, "Carottes"), 0);
		assert_int_equal(cantine_nutrients_portion_mg(n), 75000);
		a = cantine_nutrients_get(n, CANTINE_NUTRIENT_ENERGY_KJ);
		assert_int_equal(a->portion, 273900000);
		assert_int_equal(a->per_100g, 365200000);
		assert_int_equal(a->flags, 0);
		a = cantine_nutrients_get(n, CANTINE_NUTRIENT_FAT);
		assert_int_equal(a->portion, 5175000);
		assert_int_equal(a->per_100g, 6900000);
		assert_int_equal(a->flags, CANTINE_NUTRIENT_ESTIMATED);
		a = cantine_nutrients_get(n, CANTINE_NUTRIENT_SUGARS);
		assert_int_equal(a->portion, 3395000);
		assert_int_equal(a->per_100g, 4526667);
		assert_int_equal(a->flags, 0);
		assert_string_equal(cantine_nutrients_source(n, 0)->food_name, "Carotte, crue");
		assert_string_equal(cantine_nutrients_source(n, 1)->food_name, "Huile de colza");
		cantine_nutrients_free(n);
	}
}

/* ---- nutrients of a dish ---- */

/* Products and dishes for the computation rules, on a table of four
 * foods (values per 100 g):
 *   1001  kJ 100, sugars traces, fat "< 0,5", fibre -, salt 1,2
 *   1002  kJ 200, sugars 4,2, fat 3, fibre 2,5, salt 0,3
 *   1003  calcium 0,000001 (1 millionth), iron "< 0,000003"
 *   1004  calcium 0,000003
 * products A → 1001, B → 1002, E → 1003, F → 1004, C without a code,
 * D → 9999 (not in the table). */
static void rules_store(cantine_ctx *ctx)
{
	static const struct { const char *code; int ciqual; } prods[] = {
		{ "A", 1001 }, { "B", 1002 }, { "C", 0 }, { "D", 9999 },
		{ "E", 1003 }, { "F", 1004 },
	};
	fx f = { NULL, 0, 0 };
	size_t i;

	fx_put(&f, HEADER, sizeof(HEADER) - 1);
	fx_food(&f, "02;0201;020101;a;b;c;1001;Aliment un;", C_KJ, "100", C_SUGARS,
		"traces", C_FAT, "< 0,5", C_SALT, "1,2", -1);
	fx_food(&f, "02;0201;020101;a;b;c;1002;Aliment deux;", C_KJ, "200", C_SUGARS,
		"4,2", C_FAT, "3", C_FIBRE, "2,5", C_SALT, "0,3", -1);
	fx_food(&f, "02;0201;020101;a;b;c;1003;Aliment trois;", C_CA, "0,000001",
		C_FE, "< 0,000003", -1);
	fx_food(&f, "02;0201;020101;a;b;c;1004;Aliment quatre;", C_CA, "0,000003", -1);
	import_ok(ctx, &f, NULL);
	fx_free(&f);
	for (i = 0; i < sizeof(prods) / sizeof(prods[0]); i++) {
		cantine_product p;
		tu_product_init(&p, prods[i].code, prods[i].code, 100);
		p.ciqual = prods[i].ciqual;
		assert_int_equal(cantine_product_save(ctx, &p), 0);
	}
}

static void dish(cantine_ctx *ctx, const char *name, const cantine_ingredient *ing, size_t n)
{
	assert_int_equal(cantine_dish_save(ctx, name, CANTINE_COURSE_PLAT, NULL, ing, n), 0);
}

static const cantine_nutrient_amount *get(cantine_nutrients *n, cantine_nutrient k)
{
	const cantine_nutrient_amount *a = cantine_nutrients_get(n, k);

	assert_non_null(a);
	return a;
}

static void expect_amount(const cantine_nutrient_amount *a, int64_t portion,
			  int64_t per_100g, unsigned flags, int64_t known_mg)
{
	if (a->portion != portion || a->per_100g != per_100g || a->flags != flags ||
	    a->known_mg != known_mg)
		fail_msg("got portion %lld per_100g %lld flags %u known %lld; expected "
			 "%lld %lld %u %lld", (long long)a->portion, (long long)a->per_100g,
			 a->flags, (long long)a->known_mg, (long long)portion,
			 (long long)per_100g, flags, (long long)known_mg);
}

/* Exact, estimated ("traces" 0, "< x" x/2) and incomplete ("-"). */
static void test_rules(void **state)
{
	tu_fixture *t = *state;
	cantine_ingredient ab[2] = { { "A", 150000 }, { "B", 50000 } };
	cantine_nutrients *n;
	const cantine_nutrient_source *s;

	rules_store(t->ctx);
	dish(t->ctx, "AB", ab, 2);
	assert_int_equal(cantine_dish_nutrients(&n, t->ctx, "AB"), 0);
	assert_int_equal(cantine_nutrients_portion_mg(n), 200000);
	/* 150 × 100/100 + 50 × 200/100 = 250 kJ; 125 kJ per 100 g. */
	expect_amount(get(n, CANTINE_NUTRIENT_ENERGY_KJ), 250000000, 125000000, 0, 200000);
	/* traces → 0; 50 × 4.2/100 = 2.1 g; 1.05 per 100 g. */
	expect_amount(get(n, CANTINE_NUTRIENT_SUGARS), 2100000, 1050000,
		      CANTINE_NUTRIENT_ESTIMATED, 200000);
	/* "< 0,5" → 0.25: 150 × 0.25/100 + 50 × 3/100 = 1.875 g; 0.9375. */
	expect_amount(get(n, CANTINE_NUTRIENT_FAT), 1875000, 937500,
		      CANTINE_NUTRIENT_ESTIMATED, 200000);
	/* "-" for A: only B, 50 × 2.5/100 = 1.25 g, a lower bound. */
	expect_amount(get(n, CANTINE_NUTRIENT_FIBRE), 1250000, 625000,
		      CANTINE_NUTRIENT_INCOMPLETE, 50000);
	/* 150 × 1.2/100 + 50 × 0.3/100 = 1.95 g; 0.975 per 100 g. */
	expect_amount(get(n, CANTINE_NUTRIENT_SALT), 1950000, 975000, 0, 200000);
	/* Nothing known at all: "-" for both. */
	expect_amount(get(n, CANTINE_NUTRIENT_PROTEIN), 0, 0, CANTINE_NUTRIENT_INCOMPLETE, 0);
	assert_null(cantine_nutrients_get(n, CANTINE_NUTRIENT__MAX));
	assert_int_equal(cantine_nutrients_source_count(n), 2);
	s = cantine_nutrients_source(n, 0);
	assert_string_equal(s->product_code, "A");
	assert_int_equal(s->ciqual, 1001);
	assert_string_equal(s->food_name, "Aliment un");
	assert_int_equal(s->grams_mg, 150000);
	assert_int_equal(s->traces, 1u << CANTINE_NUTRIENT_SUGARS);
	assert_int_equal(s->less_than, 1u << CANTINE_NUTRIENT_FAT);
	assert_true(s->unknown & (1u << CANTINE_NUTRIENT_FIBRE));
	assert_false(s->unknown & (1u << CANTINE_NUTRIENT_ENERGY_KJ));
	assert_false(s->unknown & (1u << CANTINE_NUTRIENT_SUGARS));
	assert_false(s->unknown & (1u << CANTINE_NUTRIENT_FAT));
	/* Each ingredient's own share, counted as the dish's. */
	assert_string_equal(s->group, "020101");
	assert_int_equal(s->portion[CANTINE_NUTRIENT_ENERGY_KJ], 150000000);
	assert_int_equal(s->portion[CANTINE_NUTRIENT_SUGARS], 0);
	assert_int_equal(s->portion[CANTINE_NUTRIENT_FAT], 375000);
	assert_int_equal(s->portion[CANTINE_NUTRIENT_FIBRE], 0);
	s = cantine_nutrients_source(n, 1);
	assert_string_equal(s->product_code, "B");
	assert_int_equal(s->traces | s->less_than, 0);
	assert_int_equal(s->portion[CANTINE_NUTRIENT_FAT], 1500000);
	assert_int_equal(s->portion[CANTINE_NUTRIENT_SALT], 150000);
	assert_null(cantine_nutrients_source(n, 2));
	cantine_nutrients_free(n);
}

/* Ingredients without data: no code, a code the table lacks. */
static void test_missing_food(void **state)
{
	tu_fixture *t = *state;
	cantine_ingredient abcd[4] = { { "A", 150000 }, { "B", 50000 }, { "C", 25000 },
				       { "D", 25000 } };
	cantine_nutrients *n;
	const cantine_nutrient_source *s;
	unsigned all = (1u << CANTINE_NUTRIENT__MAX) - 1;

	rules_store(t->ctx);
	dish(t->ctx, "ABCD", abcd, 4);
	assert_int_equal(cantine_dish_nutrients(&n, t->ctx, "ABCD"), 0);
	assert_int_equal(cantine_nutrients_portion_mg(n), 250000);
	/* 250 kJ over 250 g: 100 per 100 g, a lower bound. */
	expect_amount(get(n, CANTINE_NUTRIENT_ENERGY_KJ), 250000000, 100000000,
		      CANTINE_NUTRIENT_INCOMPLETE, 200000);
	expect_amount(get(n, CANTINE_NUTRIENT_SUGARS), 2100000, 840000,
		      CANTINE_NUTRIENT_ESTIMATED | CANTINE_NUTRIENT_INCOMPLETE, 200000);
	s = cantine_nutrients_source(n, 2);
	assert_string_equal(s->product_code, "C");
	assert_int_equal(s->ciqual, 0);
	assert_null(s->food_name);
	assert_int_equal(s->unknown, all);
	s = cantine_nutrients_source(n, 3);
	assert_string_equal(s->product_code, "D");
	assert_int_equal(s->ciqual, 9999);
	assert_null(s->food_name);
	assert_int_equal(s->unknown, all);
	cantine_nutrients_free(n);
}

/* Rounded once, half up, from the exact sum. */
static void test_rounding(void **state)
{
	tu_fixture *t = *state;
	cantine_ingredient e50[1] = { { "E", 50000 } };
	cantine_ingredient f50[1] = { { "F", 50000 } };
	cantine_ingredient ef[2] = { { "E", 50000 }, { "F", 50000 } };
	cantine_ingredient e33[1] = { { "E", 33333 } };
	cantine_nutrients *n;

	rules_store(t->ctx);
	dish(t->ctx, "E50", e50, 1);
	dish(t->ctx, "F50", f50, 1);
	dish(t->ctx, "EF", ef, 2);
	dish(t->ctx, "E33", e33, 1);
	/* 50 g × 1 millionth / 100 g = 0.5 → 1 (half up); 1 per 100 g.
	 * Iron "< 0,000003" → 1.5 per 100 g: 0.75 → 1; 1.5 → 2. */
	assert_int_equal(cantine_dish_nutrients(&n, t->ctx, "E50"), 0);
	expect_amount(get(n, CANTINE_NUTRIENT_CALCIUM), 1, 1, 0, 50000);
	expect_amount(get(n, CANTINE_NUTRIENT_IRON), 1, 2, CANTINE_NUTRIENT_ESTIMATED, 50000);
	cantine_nutrients_free(n);
	/* 50 g × 3 / 100 = 1.5 → 2. */
	assert_int_equal(cantine_dish_nutrients(&n, t->ctx, "F50"), 0);
	expect_amount(get(n, CANTINE_NUTRIENT_CALCIUM), 2, 3, 0, 50000);
	cantine_nutrients_free(n);
	/* 0.5 + 1.5 = 2 exactly (rounding each ingredient would give 3);
	 * per 100 g: 2 × 100/100 = 2. */
	assert_int_equal(cantine_dish_nutrients(&n, t->ctx, "EF"), 0);
	expect_amount(get(n, CANTINE_NUTRIENT_CALCIUM), 2, 2, 0, 100000);
	cantine_nutrients_free(n);
	/* 33.333 g × 1 / 100 = 0.33333 → 0; per 100 g exactly 1. */
	assert_int_equal(cantine_dish_nutrients(&n, t->ctx, "E33"), 0);
	expect_amount(get(n, CANTINE_NUTRIENT_CALCIUM), 0, 1, 0, 33333);
	cantine_nutrients_free(n);
}

/* A dish without ingredients, an unknown dish, no table at all. */
static void test_no_nutrients(void **state)
{
	tu_fixture *t = *state;
	cantine_ingredient ab[2] = { { "A", 150000 }, { "B", 50000 } };
	cantine_nutrients *n = NULL;
	int k;

	/* No table yet: every ingredient lacks its food. */
	{
		cantine_product p;
		tu_product_init(&p, "A", "A", 100);
		p.ciqual = 1001;
		assert_int_equal(cantine_product_save(t->ctx, &p), 0);
		tu_product_init(&p, "B", "B", 100);
		assert_int_equal(cantine_product_save(t->ctx, &p), 0);
		dish(t->ctx, "AB", ab, 2);
	}
	assert_int_equal(cantine_ciqual_food_count(t->ctx), 0);
	assert_int_equal(cantine_dish_nutrients(&n, t->ctx, "AB"), 0);
	assert_int_equal(cantine_nutrients_portion_mg(n), 200000);
	for (k = 0; k < CANTINE_NUTRIENT__MAX; k++)
		expect_amount(get(n, (cantine_nutrient)k), 0, 0, CANTINE_NUTRIENT_INCOMPLETE, 0);
	assert_null(cantine_nutrients_source(n, 0)->food_name);
	cantine_nutrients_free(n);

	/* A declared dish (SCDL import): no ingredients, no nutrients. */
	assert_int_equal(sqlite3_exec(t->ctx->db, "INSERT INTO dish (name, course) "
				      "VALUES ('Plat déclaré', 1)", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(cantine_dish_nutrients(&n, t->ctx, "Plat déclaré"), 0);
	assert_int_equal(cantine_nutrients_portion_mg(n), 0);
	assert_int_equal(cantine_nutrients_source_count(n), 0);
	for (k = 0; k < CANTINE_NUTRIENT__MAX; k++)
		expect_amount(get(n, (cantine_nutrient)k), 0, 0, CANTINE_NUTRIENT_INCOMPLETE, 0);
	cantine_nutrients_free(n);

	n = (cantine_nutrients *)1;
	assert_int_equal(cantine_dish_nutrients(&n, t->ctx, "Inconnu"), CANTINE_ENOTFOUND);
	assert_null(n);
	assert_true(tu_contains(cantine_errmsg(t->ctx), "Inconnu"));
	cantine_nutrients_free(NULL);
}

static void test_nutrient_names(void **state)
{
	int k;

	(void)state;
	assert_string_equal(cantine_nutrient_name(CANTINE_NUTRIENT_PROTEIN), "Protéines");
	assert_string_equal(cantine_nutrient_unit(CANTINE_NUTRIENT_ENERGY_KCAL), "kcal");
	assert_string_equal(cantine_nutrient_unit(CANTINE_NUTRIENT_SODIUM), "mg");
	assert_int_equal(cantine_nutrient_ciqual_code(CANTINE_NUTRIENT_SUGARS), 32000);
	assert_int_equal(cantine_nutrient_ciqual_code(CANTINE_NUTRIENT_SATURATED_FAT), 40302);
	assert_null(cantine_nutrient_name(CANTINE_NUTRIENT__MAX));
	assert_null(cantine_nutrient_unit((cantine_nutrient)-1));
	assert_int_equal(cantine_nutrient_ciqual_code(CANTINE_NUTRIENT__MAX), 0);
	/* Each nutrient is a constituent of the table, with the same unit. */
	for (k = 0; k < CANTINE_NUTRIENT__MAX; k++) {
		int code = cantine_nutrient_ciqual_code((cantine_nutrient)k), c;
		for (c = CQ_FIRST_VALUE; c < CQ_JONES && cantine__ciqual_cols[c].code != code; c++)
			;
		assert_true(c < CQ_JONES);
		assert_string_equal(cantine__ciqual_cols[c].unit,
				    cantine_nutrient_unit((cantine_nutrient)k));
	}
}

/* ---- allocation failures ---- */

/* For n = 0, 1, …: the n+1-th allocation fails during an import, a
 * refused import and a computation; each returns an error or succeeds,
 * writes all or nothing, and leaks nothing (LeakSanitizer). */
static void test_alloc(void **state)
{
	tu_fixture *t = *state;
	cantine_ingredient pq[2] = { { "P", 100000 }, { "Q", 100000 } };
	fx f = { NULL, 0, 0 }, bad = { NULL, 0, 0 };
	cantine_product p;
	char *want;
	long n;
	int done = 0;

	/* 100 g of 20009 (127 kJ) and 100 g of 8601 (548 kJ): 675 kJ. */
	tu_product_init(&p, "P", "P", 100);
	p.ciqual = 20009;
	assert_int_equal(cantine_product_save(t->ctx, &p), 0);
	tu_product_init(&p, "Q", "Q", 100);
	p.ciqual = 8601;
	assert_int_equal(cantine_product_save(t->ctx, &p), 0);
	dish(t->ctx, "PQ", pq, 2);
	small_table(&f);
	edited(&f, ";548;", ";548.5;", &bad);
	/* The reference: the small table imported without failures. */
	import_ok(t->ctx, &f, NULL);
	want = table_text(t->ctx->db);
	for (n = 0; n < 100000 && done != 7; n++) {
		cantine_problems *pbs = NULL;
		cantine_ciqual_stats st;
		cantine_nutrients *nu = NULL;
		char *got;
		int rc;

		assert_int_equal(sqlite3_exec(t->ctx->db, "DELETE FROM ciqual_value; DELETE "
					      "FROM ciqual_food", NULL, NULL, NULL), SQLITE_OK);
		cantine__alloc_fail_after(n);
		rc = cantine_import_ciqual_mem(t->ctx, "f.csv", f.p, f.n, &pbs, &st);
		cantine__alloc_fail_after(-1);
		assert_true(sqlite3_get_autocommit(t->ctx->db));
		assert_true(rc == 0 || rc == CANTINE_ENOMEM || rc == CANTINE_ESTORE);
		assert_non_null(cantine_errmsg(t->ctx));
		cantine_problems_free(pbs);
		assert_int_equal(tu_query_int(t->ctx->db, "SELECT count(*) FROM ciqual_food"),
				 rc == 0 ? 3 : 0);
		if (rc == 0) {
			got = table_text(t->ctx->db);
			assert_string_equal(got, want);
			free(got);
			done |= 1;
		}

		import_ok(t->ctx, &f, NULL);
		cantine__alloc_fail_after(n);
		rc = cantine_import_ciqual_mem(t->ctx, "f.csv", bad.p, bad.n, &pbs, NULL);
		cantine__alloc_fail_after(-1);
		assert_true(rc == CANTINE_EINVAL || rc == CANTINE_ENOMEM || rc == CANTINE_ESTORE);
		if (rc == CANTINE_EINVAL && cantine_problems_count(pbs) == 1)
			done |= 2;
		cantine_problems_free(pbs);
		got = table_text(t->ctx->db);
		assert_string_equal(got, want);
		free(got);

		cantine__alloc_fail_after(n);
		rc = cantine_dish_nutrients(&nu, t->ctx, "PQ");
		cantine__alloc_fail_after(-1);
		assert_true(rc == 0 || rc == CANTINE_ENOMEM || rc == CANTINE_ESTORE);
		if (rc == 0) {
			assert_int_equal(get(nu, CANTINE_NUTRIENT_ENERGY_KJ)->portion, 675000000);
			done |= 4;
		} else {
			assert_null(nu);
		}
		cantine_nutrients_free(nu);
	}
	assert_int_equal(done, 7);
	print_message("ciqual: everything succeeded once %ld allocations were allowed\n", n);
	free(want);
	fx_free(&f);
	fx_free(&bad);
}

/* ---- Nutri-Score of a dish ---- */

static void test_dish_nutriscore(void **state)
{
	tu_fixture *t = *state;
	static const struct { const char *code; int ciqual; } prods[] = {
		{ "FROMAGE", 5001 }, { "BOEUF", 4001 }, { "CAROTTE", 2001 },
		{ "PATES", 3001 }, { "PAIN", 3002 }, { "CAROTTE-X", 6001 },
	};
	static const cantine_ingredient cheese[] = { { "FROMAGE", 30000 } };
	static const cantine_ingredient beef[] = { { "BOEUF", 100000 }, { "CAROTTE", 100000 } };
	static const cantine_ingredient pasta[] = { { "CAROTTE", 100000 }, { "PATES", 100000 } };
	static const cantine_ingredient bread[] = { { "PAIN", 50000 } };
	static const cantine_ingredient partial[] = { { "CAROTTE-X", 80000 } };
	cantine_nutriscore_result r;
	cantine_buf why = CANTINE_BUF_INIT;
	fx f = { NULL, 0, 0 };
	size_t i;

	fx_put(&f, HEADER, sizeof(HEADER) - 1);
	fx_food(&f, "05;0503;050303;a;b;c;5001;Fromage;", C_KJ, "1500", C_SUGARS, "0,5",
		C_SAT, "20", C_FAT, "30", C_SALT, "1,8", C_FIBRE, "0", C_PROT, "24", -1);
	fx_food(&f, "04;0402;040201;a;b;c;4001;Boeuf;", C_KJ, "600", C_SUGARS, "0",
		C_SAT, "3", C_FAT, "8", C_SALT, "0,2", C_FIBRE, "0", C_PROT, "20", -1);
	fx_food(&f, "02;0201;020101;a;b;c;2001;Carotte;", C_KJ, "150", C_SUGARS, "6",
		C_SAT, "0,1", C_FAT, "0,3", C_SALT, "0,1", C_FIBRE, "2,5", C_PROT, "0,8", -1);
	fx_food(&f, "03;0301;030101;a;b;c;3001;P\xE2tes;", C_KJ, "600", C_SUGARS, "0,5",
		C_SAT, "0,2", C_FAT, "1", C_SALT, "0,01", C_FIBRE, "2", C_PROT, "5", -1);
	fx_food(&f, "03;0302;030201;a;b;c;3002;Pain;", C_KJ, "1100", C_SUGARS, "2",
		C_SAT, "0,3", C_FAT, "1,5", C_SALT, "1,2", C_FIBRE, "3", C_PROT, "9", -1);
	fx_food(&f, "02;0201;020101;a;b;c;6001;Carotte sans fibres;", C_KJ, "150",
		C_SUGARS, "6", C_SAT, "0,1", C_FAT, "0,3", C_SALT, "0,1", C_PROT, "0,8", -1);
	import_ok(t->ctx, &f, NULL);
	fx_free(&f);
	for (i = 0; i < sizeof(prods) / sizeof(prods[0]); i++) {
		cantine_product p;
		tu_product_init(&p, prods[i].code, prods[i].code, 100);
		p.ciqual = prods[i].ciqual;
		assert_int_equal(cantine_product_save(t->ctx, &p), 0);
	}
	assert_int_equal(cantine_dish_save(t->ctx, "Fromage", CANTINE_COURSE_LAITIER, NULL,
					   cheese, 1), 0);
	assert_int_equal(cantine_dish_save(t->ctx, "Boeuf carottes", CANTINE_COURSE_PLAT, NULL,
					   beef, 2), 0);
	assert_int_equal(cantine_dish_save(t->ctx, "Carottes et pâtes", CANTINE_COURSE_PLAT,
					   NULL, pasta, 2), 0);
	assert_int_equal(cantine_dish_save(t->ctx, "Pain", CANTINE_COURSE_PAIN, NULL, bread, 1), 0);
	assert_int_equal(cantine_dish_save(t->ctx, "Carottes sans fibres", CANTINE_COURSE_ENTREE,
					   NULL, partial, 1), 0);

	/* Cheese: half the portion or more is cheese; its own values. */
	assert_int_equal(cantine_dish_nutriscore(&r, t->ctx, "Fromage", &why), 0);
	assert_int_equal(r.category, CANTINE_NUTRISCORE_CHEESE);
	assert_int_equal(r.value[CANTINE_NUTRISCORE_ENERGY], 1500000000);
	assert_int_equal(r.value[CANTINE_NUTRISCORE_PROTEIN], 24000000);
	assert_int_equal(r.grade, cantine_nutriscore_grade(r.category, r.score));
	assert_int_equal(r.grade, 'D');
	/* Beef brings 20 g of the 20.8 g of protein: red meat; carrots are
	 * half the raw weight. */
	assert_int_equal(cantine_dish_nutriscore(&r, t->ctx, "Boeuf carottes", &why), 0);
	assert_int_equal(r.category, CANTINE_NUTRISCORE_RED_MEAT);
	assert_int_equal(r.value[CANTINE_NUTRISCORE_ENERGY], 375000000);
	assert_int_equal(r.value[CANTINE_NUTRISCORE_SUGARS], 3000000);
	assert_int_equal(r.value[CANTINE_NUTRISCORE_FVL], 50000000);
	assert_true(r.points[CANTINE_NUTRISCORE_PROTEIN] <= 2);
	assert_int_equal(r.grade, cantine_nutriscore_grade(r.category, r.score));
	/* Pasta and carrots: general. */
	assert_int_equal(cantine_dish_nutriscore(&r, t->ctx, "Carottes et pâtes", &why), 0);
	assert_int_equal(r.category, CANTINE_NUTRISCORE_GENERAL);
	assert_int_equal(r.value[CANTINE_NUTRISCORE_FVL], 50000000);
	assert_int_equal(r.grade, 'A');
	assert_int_equal(why.size, 0);
	/* No grade: bread, an incomplete composition; an unknown dish. */
	assert_int_equal(cantine_dish_nutriscore(&r, t->ctx, "Pain", &why), 0);
	assert_int_equal(r.grade, 0);
	assert_true(tu_contains(why.ptr, "pain"));
	why.size = 0;
	assert_int_equal(cantine_dish_nutriscore(&r, t->ctx, "Carottes sans fibres", &why), 0);
	assert_int_equal(r.grade, 0);
	assert_true(tu_contains(why.ptr, "valeurs Ciqual manquantes (Fibres"));
	assert_int_equal(cantine_dish_nutriscore(&r, t->ctx, "Navets", &why), CANTINE_ENOTFOUND);
	cantine_buf_dispose(&why);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grammar),
		cmocka_unit_test(test_nutrient_names),
		cmocka_unit_test_setup_teardown(test_small_table, tu_setup_store, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_same_store, tu_setup_store, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_replace, tu_setup_store, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_refused_values, tu_setup_store, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_refused_cut, tu_setup_store, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_refused_header, tu_setup_store, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_refused_encoding, tu_setup_store, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_readonly, tu_setup_store, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_rules, tu_setup_store, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_missing_food, tu_setup_store, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_rounding, tu_setup_store, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_no_nutrients, tu_setup_store, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_alloc, tu_setup_store, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_full_table, tu_setup_store, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_dish_nutriscore, tu_setup_store,
						tu_teardown_store),
	};

	full_table = argc > 1 ? argv[1] : NULL;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
