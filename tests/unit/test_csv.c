/*
 * test_csv.c: the RFC 4180 reader (csv_int.h) and, through
 * cantine_import_csv_mem(), encodings, decimal commas and the
 * all-or-nothing rule of the importer.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common_int.h"
#include "csv_int.h"

/* ---- the reader ---- */

static void rd_init(cantine__csv *c, const char *data)
{
	cantine__csv_init(c, data, strlen(data));
}

/* Next record must be ready with `n` cells. */
static void expect_record(cantine__csv *c, size_t n)
{
	int rc = cantine__csv_next(c);

	if (rc != 1)
		fail_msg("cantine__csv_next: %d, expected a record", rc);
	if (c->n != n)
		fail_msg("record at line %u: %zu cells, expected %zu", c->rec_line, c->n, n);
}

static void expect_cell(const cantine__csv *c, size_t i, const char *text,
			unsigned line)
{
	assert_true(i < c->n);
	assert_int_equal(c->cells[i].len, strlen(text));
	assert_memory_equal(c->cells[i].text, text, strlen(text));
	assert_int_equal(c->cells[i].text[c->cells[i].len], '\0');
	if (c->cells[i].line != line)
		fail_msg("cell %zu (%s): line %u, expected %u", i, text,
			 c->cells[i].line, line);
}

static void test_csv_separator(void **state)
{
	cantine__csv c;

	(void)state;
	rd_init(&c, "a,b,c\n1,2,3\n");
	assert_int_equal(c.sep, ',');
	expect_record(&c, 3);
	expect_record(&c, 3);
	expect_cell(&c, 2, "3", 2);
	assert_int_equal(cantine__csv_next(&c), 0);
	cantine__csv_free(&c);

	rd_init(&c, "a;b;c\n1,5;2;3\n");
	assert_int_equal(c.sep, ';');
	expect_record(&c, 3);
	expect_record(&c, 3);
	expect_cell(&c, 0, "1,5", 2);
	cantine__csv_free(&c);

	rd_init(&c, "a\tb\tc\n1;2\t3,4\t\n");
	assert_int_equal(c.sep, '\t');
	expect_record(&c, 3);
	expect_record(&c, 3);
	expect_cell(&c, 0, "1;2", 2);
	expect_cell(&c, 1, "3,4", 2);
	expect_cell(&c, 2, "", 2);
	cantine__csv_free(&c);

	/* The most frequent wins; separators inside quotes do not count. */
	rd_init(&c, "a;b,c;d\n");
	assert_int_equal(c.sep, ';');
	cantine__csv_free(&c);
	rd_init(&c, "\"a;b;c;d\",e,f\n");
	assert_int_equal(c.sep, ',');
	cantine__csv_free(&c);
	rd_init(&c, "\"a,b,c\";\"d\"\n");
	assert_int_equal(c.sep, ';');
	cantine__csv_free(&c);
	/* Only the first line counts. */
	rd_init(&c, "a,b\nc;d;e;f\n");
	assert_int_equal(c.sep, ',');
	cantine__csv_free(&c);
	rd_init(&c, "a,b\r\nc;d;e;f\r\n");
	assert_int_equal(c.sep, ',');
	cantine__csv_free(&c);
	/* None: comma. */
	rd_init(&c, "code\nx;y\n");
	assert_int_equal(c.sep, ',');
	cantine__csv_free(&c);
	rd_init(&c, "");
	assert_int_equal(c.sep, ',');
	assert_int_equal(cantine__csv_next(&c), 0);
	cantine__csv_free(&c);
}

static void test_csv_quotes(void **state)
{
	cantine__csv c;

	(void)state;
	rd_init(&c, "\"a\",\"b,c\",\"d\"\"e\"\"\",\"\",f\n"
		    "\"\"\"\",\"x;y\"\n");
	expect_record(&c, 5);
	expect_cell(&c, 0, "a", 1);
	assert_true(c.cells[0].quoted);
	expect_cell(&c, 1, "b,c", 1);
	expect_cell(&c, 2, "d\"e\"", 1);
	expect_cell(&c, 3, "", 1);
	assert_true(c.cells[3].quoted);
	expect_cell(&c, 4, "f", 1);
	assert_false(c.cells[4].quoted);
	assert_int_equal(c.issue, CANTINE__CSV_OK);
	expect_record(&c, 2);
	expect_cell(&c, 0, "\"", 2);
	expect_cell(&c, 1, "x;y", 2);
	assert_int_equal(cantine__csv_next(&c), 0);
	cantine__csv_free(&c);

	/* A quote in the middle of an unquoted cell is kept as is. */
	rd_init(&c, "a\"b,c\n");
	expect_record(&c, 2);
	expect_cell(&c, 0, "a\"b", 1);
	cantine__csv_free(&c);
}

static void test_csv_line_breaks_in_quotes(void **state)
{
	cantine__csv c;

	(void)state;
	rd_init(&c, "h1,h2\n"
		    "\"one\ntwo\",x\n"
		    "\"three\r\nfour\r\nfive\",y\r\n"
		    "last,z\n");
	expect_record(&c, 2);
	expect_record(&c, 2);
	assert_int_equal(c.rec_line, 2);
	expect_cell(&c, 0, "one\ntwo", 2);
	expect_cell(&c, 1, "x", 3);
	expect_record(&c, 2);
	assert_int_equal(c.rec_line, 4);
	expect_cell(&c, 0, "three\r\nfour\r\nfive", 4);
	expect_cell(&c, 1, "y", 6);
	expect_record(&c, 2);
	assert_int_equal(c.rec_line, 7);
	expect_cell(&c, 0, "last", 7);
	expect_cell(&c, 1, "z", 7);
	assert_int_equal(cantine__csv_next(&c), 0);
	cantine__csv_free(&c);

	/* A line break inside a quoted cell that is not the first one. */
	rd_init(&c, "a,\"b\n\nc\",d\ne,f,g");
	expect_record(&c, 3);
	expect_cell(&c, 0, "a", 1);
	expect_cell(&c, 1, "b\n\nc", 1);
	expect_cell(&c, 2, "d", 3);
	expect_record(&c, 3);
	expect_cell(&c, 0, "e", 4);
	expect_cell(&c, 2, "g", 4);
	assert_int_equal(cantine__csv_next(&c), 0);
	cantine__csv_free(&c);
}

static void test_csv_line_ends(void **state)
{
	cantine__csv c;

	(void)state;
	/* CRLF, a lone CR, no final line end. */
	rd_init(&c, "a,b\r\nc,d\re,f\r\ng,h");
	expect_record(&c, 2);
	expect_cell(&c, 1, "b", 1);
	expect_record(&c, 2);
	expect_cell(&c, 0, "c", 2);
	expect_cell(&c, 1, "d", 2);
	expect_record(&c, 2);
	expect_cell(&c, 0, "e", 3);
	expect_cell(&c, 1, "f", 3);
	expect_record(&c, 2);
	expect_cell(&c, 0, "g", 4);
	expect_cell(&c, 1, "h", 4);
	assert_int_equal(cantine__csv_next(&c), 0);
	cantine__csv_free(&c);

	/* Empty cells at the end of a CRLF line. */
	rd_init(&c, "a,,\r\n,,\r\n");
	expect_record(&c, 3);
	expect_cell(&c, 1, "", 1);
	expect_cell(&c, 2, "", 1);
	expect_record(&c, 3);
	expect_cell(&c, 0, "", 2);
	assert_int_equal(cantine__csv_next(&c), 0);
	cantine__csv_free(&c);
}

static void test_csv_empty_lines(void **state)
{
	cantine__csv c;

	(void)state;
	rd_init(&c, "\n\r\na,b\n\n\r\n\nc,d\n\n");
	expect_record(&c, 2);
	assert_int_equal(c.rec_line, 3);
	expect_cell(&c, 0, "a", 3);
	expect_record(&c, 2);
	assert_int_equal(c.rec_line, 7);
	expect_cell(&c, 0, "c", 7);
	assert_int_equal(cantine__csv_next(&c), 0);
	/* Calling again at the end stays at the end. */
	assert_int_equal(cantine__csv_next(&c), 0);
	cantine__csv_free(&c);

	/* "" alone on a line is a record with one empty (quoted) cell. */
	rd_init(&c, "a\n\"\"\nb\n");
	expect_record(&c, 1);
	expect_record(&c, 1);
	expect_cell(&c, 0, "", 2);
	assert_true(c.cells[0].quoted);
	expect_record(&c, 1);
	expect_cell(&c, 0, "b", 3);
	cantine__csv_free(&c);
}

static void test_csv_unterminated(void **state)
{
	cantine__csv c;

	(void)state;
	rd_init(&c, "a,b\n1,\"open\nstill open\n");
	expect_record(&c, 2);
	assert_int_equal(c.issue, CANTINE__CSV_OK);
	expect_record(&c, 2);
	assert_int_equal(c.issue, CANTINE__CSV_UNTERMINATED);
	assert_int_equal(c.issue_line, 2);
	assert_int_equal(c.issue_cell, 1);
	expect_cell(&c, 1, "open\nstill open\n", 2);
	assert_int_equal(cantine__csv_next(&c), 0);
	cantine__csv_free(&c);

	/* A lone quote at the very end. */
	rd_init(&c, "x,\"");
	expect_record(&c, 2);
	assert_int_equal(c.issue, CANTINE__CSV_UNTERMINATED);
	assert_int_equal(c.issue_line, 1);
	cantine__csv_free(&c);
}

static void test_csv_after_quote(void **state)
{
	cantine__csv c;

	(void)state;
	rd_init(&c, "a,b\n\"Dupont\" et fils,2\nok,3\n");
	expect_record(&c, 2);
	expect_record(&c, 2);
	assert_int_equal(c.issue, CANTINE__CSV_AFTER_QUOTE);
	assert_int_equal(c.issue_line, 2);
	assert_int_equal(c.issue_cell, 0);
	/* The text is kept. */
	expect_cell(&c, 0, "Dupont et fils", 2);
	expect_cell(&c, 1, "2", 2);
	/* The issue does not stick to the next record. */
	expect_record(&c, 2);
	assert_int_equal(c.issue, CANTINE__CSV_OK);
	expect_cell(&c, 0, "ok", 3);
	cantine__csv_free(&c);

	rd_init(&c, "1,\"a\"b\"\n");
	expect_record(&c, 2);
	assert_int_equal(c.issue, CANTINE__CSV_AFTER_QUOTE);
	assert_int_equal(c.issue_cell, 1);
	cantine__csv_free(&c);
}

static void test_csv_too_long(void **state)
{
	size_t big = CANTINE__CSV_MAX_RECORD + 100, n;
	char *data = malloc(big + 64);
	cantine__csv c;

	(void)state;
	assert_non_null(data);
	/* Line 1 header, line 2 too long (unquoted), line 3 fine. */
	n = (size_t)sprintf(data, "a,b\n1,");
	memset(data + n, 'x', big);
	n += big;
	n += (size_t)sprintf(data + n, ",3\nok,4\n");
	cantine__csv_init(&c, data, n);
	expect_record(&c, 2);
	assert_int_equal(cantine__csv_next(&c), 2);
	assert_int_equal(c.issue, CANTINE__CSV_TOO_LONG);
	assert_int_equal(c.issue_line, 2);
	expect_record(&c, 2);
	assert_int_equal(c.issue, CANTINE__CSV_OK);
	expect_cell(&c, 0, "ok", 3);
	expect_cell(&c, 1, "4", 3);
	assert_int_equal(cantine__csv_next(&c), 0);
	cantine__csv_free(&c);

	/* Same with a quoted cell, and many small cells summing up. */
	n = (size_t)sprintf(data, "a,b\n\"");
	memset(data + n, 'y', big);
	n += big;
	n += (size_t)sprintf(data + n, "\",3\r\nok,5\r\n");
	cantine__csv_init(&c, data, n);
	expect_record(&c, 2);
	assert_int_equal(cantine__csv_next(&c), 2);
	assert_int_equal(c.issue, CANTINE__CSV_TOO_LONG);
	assert_int_equal(c.issue_line, 2);
	expect_record(&c, 2);
	expect_cell(&c, 1, "5", 3);
	assert_int_equal(cantine__csv_next(&c), 0);
	cantine__csv_free(&c);

	/* A quoted cell over 700 lines and more than 64 KiB: the whole record
	 * is skipped and the next one has the right line number. */
	{
		char *q = malloc(700 * 101 + 64);
		int i;
		assert_non_null(q);
		n = (size_t)sprintf(q, "a,b\n\"");
		for (i = 0; i < 700; i++) {
			memset(q + n, 'z', 99);
			n += 99;
			q[n++] = (i % 2) ? '\n' : '\r';
			if (i % 2 == 0)
				q[n++] = '\n';
		}
		n += (size_t)sprintf(q + n, "end\",b\nok,c\n");
		cantine__csv_init(&c, q, n);
		expect_record(&c, 2);
		assert_int_equal(cantine__csv_next(&c), 2);
		assert_int_equal(c.issue, CANTINE__CSV_TOO_LONG);
		assert_int_equal(c.issue_line, 2);
		expect_record(&c, 2);
		expect_cell(&c, 0, "ok", 703);
		expect_cell(&c, 1, "c", 703);
		assert_int_equal(cantine__csv_next(&c), 0);
		cantine__csv_free(&c);
		free(q);
	}

	n = (size_t)sprintf(data, "a\n");
	while (n < big)
		data[n++] = ',';
	n += (size_t)sprintf(data + n, "\nlast\n");
	cantine__csv_init(&c, data, n);
	expect_record(&c, 1);
	assert_int_equal(cantine__csv_next(&c), 2);
	assert_int_equal(c.issue, CANTINE__CSV_TOO_LONG);
	expect_record(&c, 1);
	expect_cell(&c, 0, "last", 3);
	cantine__csv_free(&c);

	free(data);
}

/* ---- through the importer ---- */

#define PROD_HEADER "code,nom,famille,unite,prix_ht,viande,poisson\n"

static cantine_product *find_product(tu_fixture *f, const char *code)
{
	cantine_product *p = NULL;
	int rc = cantine_product_find(&p, f->ctx, code);

	if (rc != 0)
		fail_msg("product %s: %d %s", code, rc, cantine_errmsg(f->ctx));
	return p;
}

static int import(tu_fixture *f, const char *data, size_t len,
		  cantine_encoding enc, cantine_problems **pbs,
		  cantine_import_stats *st)
{
	return cantine_import_csv_mem(f->ctx, CANTINE_KIND_PRODUCTS, "produits.csv",
				      data, len, enc, pbs, st);
}

static void dump_problems(const cantine_problems *pbs)
{
	size_t i;

	for (i = 0; i < cantine_problems_count(pbs); i++) {
		cantine_buf b = CANTINE_BUF_INIT;
		cantine_problem_format(cantine_problems_get(pbs, i), &b);
		print_message("  problem: %s\n", b.ptr);
		cantine_buf_dispose(&b);
	}
}

static void import_ok(tu_fixture *f, const char *data, cantine_encoding enc,
		      cantine_import_stats *st)
{
	cantine_problems *pbs = NULL;
	int rc = import(f, data, strlen(data), enc, &pbs, st);

	if (rc != 0) {
		dump_problems(pbs);
		cantine_problems_free(pbs);
		fail_msg("import: %d %s", rc, cantine_errmsg(f->ctx));
	}
	assert_null(pbs);
}

static long long product_rows(tu_fixture *f)
{
	return tu_query_int(f->ctx->db, "SELECT count(*) FROM product");
}

static void test_import_bom(void **state)
{
	tu_fixture *f = *state;
	cantine_import_stats st;
	cantine_product *p;

	import_ok(f, "\xEF\xBB\xBF" PROD_HEADER
		  "PUREE,Purée de pommes,FRUITS_ET_LEGUMES,kg,2.50,non,non\n",
		  CANTINE_ENCODING_AUTO, &st);
	assert_int_equal(st.rows, 1);
	assert_int_equal(st.inserted, 1);
	p = find_product(f, "PUREE");
	assert_string_equal(p->name, "Purée de pommes");
	assert_int_equal(p->price_cents, 250);
	cantine_product_free(p);

	/* Same with ';' and a BOM forced as UTF-8. */
	import_ok(f, "\xEF\xBB\xBF" "code;nom;famille;unite;prix_ht;viande;poisson\r\n"
		  "PUREE2;Purée;FRUITS_ET_LEGUMES;kg;2,5;non;non\r\n",
		  CANTINE_ENCODING_UTF8, &st);
	p = find_product(f, "PUREE2");
	assert_int_equal(p->price_cents, 250);
	cantine_product_free(p);

	/* A BOM before a quoted first header cell (RFC 4180 quoting). */
	import_ok(f, "\xEF\xBB\xBF\"code\",\"nom\",famille,unite,prix_ht,viande,poisson\n"
		  "PUREE3,Purée,FRUITS_ET_LEGUMES,kg,2.5,non,non\n",
		  CANTINE_ENCODING_AUTO, &st);
	p = find_product(f, "PUREE3");
	assert_string_equal(p->name, "Purée");
	cantine_product_free(p);
}

static void test_import_cp1252(void **state)
{
	tu_fixture *f = *state;
	cantine_import_stats st;
	cantine_product *p;

	/* 0xE9 = é, 0x9C = œ, 0x80 = € in windows-1252: no valid UTF-8
	 * sequence in the file, so AUTO reads it as windows-1252. */
	import_ok(f, PROD_HEADER
		  "PUREE,Pur\xE9" "e,FRUITS_ET_LEGUMES,kg,2.50,non,non\n"
		  "OEUF,\x9C" "uf dur \x80,PRODUITS_LAITIERS,kg,3.20,non,non\n",
		  CANTINE_ENCODING_AUTO, &st);
	assert_int_equal(st.inserted, 2);
	p = find_product(f, "PUREE");
	assert_string_equal(p->name, "Pur\xC3\xA9" "e");
	cantine_product_free(p);
	p = find_product(f, "OEUF");
	assert_string_equal(p->name, "\xC5\x93" "uf dur \xE2\x82\xAC");
	cantine_product_free(p);

	/* Forced windows-1252 on a file that would pass as UTF-8: "Ã©" is
	 * what the bytes of "é" mean in windows-1252. */
	import_ok(f, PROD_HEADER
		  "PUREE,Pur\xC3\xA9" "e,FRUITS_ET_LEGUMES,kg,2.50,non,non\n",
		  CANTINE_ENCODING_CP1252, &st);
	assert_int_equal(st.updated, 1);
	p = find_product(f, "PUREE");
	assert_string_equal(p->name, "Pur\xC3\x83\xC2\xA9" "e");
	cantine_product_free(p);
}

static void test_import_bad_utf8(void **state)
{
	tu_fixture *f = *state;
	cantine_problems *pbs = NULL;
	cantine_product *p = NULL;
	const cantine_problem *pb;
	cantine_buf b = CANTINE_BUF_INIT;
	/* Valid "é" on lines 2-3 (a quoted cell over two lines), then a lone
	 * 0xE9 in the name of the row on line 4: read as UTF-8, reported. */
	static const char data[] = PROD_HEADER
		"PUREE,\"Purée\nmaison\",FRUITS_ET_LEGUMES,kg,2.50,non,non\n"
		"CHOU,Chou \xE9 rouge,FRUITS_ET_LEGUMES,kg,1.00,non,non\n";
	static const char cp1252[] = PROD_HEADER
		"A,Pur\xE9" "e,FRUITS_ET_LEGUMES,kg,1,non,non\n"
		"B,Caf\xE9,FRUITS_ET_LEGUMES,kg,1,non,non\n";

	assert_int_equal(import(f, data, sizeof(data) - 1, CANTINE_ENCODING_AUTO,
				&pbs, NULL), CANTINE_EINVAL);
	assert_non_null(pbs);
	assert_int_equal(cantine_problems_count(pbs), 1);
	assert_int_equal(cantine_problems_total(pbs), 1);
	pb = cantine_problems_get(pbs, 0);
	assert_non_null(pb);
	assert_int_equal(pb->line, 4);
	assert_int_equal(pb->column, 2);
	assert_string_equal(pb->field, "nom");
	assert_string_equal(pb->file, "produits.csv");
	assert_true(tu_contains(pb->message, "0xE9"));
	assert_true(tu_contains(pb->message, "UTF-8"));
	assert_true(tu_contains(pb->message, "n° 6")); /* "Chou " is 5 characters */
	assert_null(cantine_problems_get(pbs, 1));
	assert_int_equal(cantine_problem_format(pb, &b), 0);
	assert_true(strncmp(b.ptr, "produits.csv, ligne 4, colonne 2 (nom) : ", 41) == 0);
	cantine_buf_dispose(&b);
	cantine_problems_free(pbs);
	assert_true(tu_contains(cantine_errmsg(f->ctx), "rien n'a été importé"));
	/* Nothing written, not even the good row. */
	assert_int_equal(cantine_product_find(&p, f->ctx, "PUREE"), CANTINE_ENOTFOUND);
	assert_null(p);
	assert_int_equal(product_rows(f), 0);

	/* Forcing UTF-8 on a windows-1252 file reports every bad cell. */
	pbs = NULL;
	assert_int_equal(import(f, cp1252, sizeof(cp1252) - 1, CANTINE_ENCODING_UTF8,
				&pbs, NULL), CANTINE_EINVAL);
	assert_int_equal(cantine_problems_count(pbs), 2);
	assert_int_equal(cantine_problems_get(pbs, 0)->line, 2);
	assert_int_equal(cantine_problems_get(pbs, 1)->line, 3);
	assert_int_equal(cantine_problems_get(pbs, 1)->column, 2);
	cantine_problems_free(pbs);
	assert_int_equal(product_rows(f), 0);
}

static void test_import_bad_bytes(void **state)
{
	tu_fixture *f = *state;
	cantine_problems *pbs = NULL;
	const cantine_problem *pb;
	/* 0x81 is one of the five bytes windows-1252 leaves undefined. */
	static const char undefined[] = PROD_HEADER
		"A,Chou,FRUITS_ET_LEGUMES,kg,1,non,non\n"
		"B,Pur\xE9" "e \x81,FRUITS_ET_LEGUMES,kg,1,non,non\n";
	static const char control[] = PROD_HEADER
		"A,Chou\x01,FRUITS_ET_LEGUMES,kg,1,non,non\n";
	static const char nul[] = PROD_HEADER
		"A,Chou,FRUITS_ET_LEGUMES,kg,1,non,non\n"
		"B,Ch\0u,FRUITS_ET_LEGUMES,kg,1,non,non\n";

	assert_int_equal(import(f, undefined, sizeof(undefined) - 1,
				CANTINE_ENCODING_AUTO, &pbs, NULL), CANTINE_EINVAL);
	assert_int_equal(cantine_problems_count(pbs), 1);
	pb = cantine_problems_get(pbs, 0);
	assert_int_equal(pb->line, 3);
	assert_int_equal(pb->column, 2);
	assert_true(tu_contains(pb->message, "0x81"));
	assert_true(tu_contains(pb->message, "windows-1252"));
	assert_true(tu_contains(pb->message, "n° 7"));
	cantine_problems_free(pbs);

	pbs = NULL;
	assert_int_equal(import(f, control, sizeof(control) - 1,
				CANTINE_ENCODING_AUTO, &pbs, NULL), CANTINE_EINVAL);
	assert_int_equal(cantine_problems_count(pbs), 1);
	pb = cantine_problems_get(pbs, 0);
	assert_int_equal(pb->line, 2);
	assert_int_equal(pb->column, 2);
	assert_true(tu_contains(pb->message, "0x01"));
	cantine_problems_free(pbs);

	/* A NUL byte: not a text file; the line is given. */
	pbs = NULL;
	assert_int_equal(import(f, nul, sizeof(nul) - 1, CANTINE_ENCODING_AUTO,
				&pbs, NULL), CANTINE_EINVAL);
	assert_int_equal(cantine_problems_count(pbs), 1);
	assert_int_equal(cantine_problems_get(pbs, 0)->line, 3);
	cantine_problems_free(pbs);

	/* An empty file. */
	pbs = NULL;
	assert_int_equal(import(f, "", 0, CANTINE_ENCODING_AUTO, &pbs, NULL),
			 CANTINE_EINVAL);
	assert_int_equal(cantine_problems_count(pbs), 1);
	assert_int_equal(cantine_problems_get(pbs, 0)->line, 0);
	cantine_problems_free(pbs);
	assert_int_equal(product_rows(f), 0);
}

static void test_import_decimal_comma(void **state)
{
	tu_fixture *f = *state;
	cantine_problems *pbs = NULL;
	cantine_product *p;
	const cantine_problem *pb;
	static const char comma_quoted[] = PROD_HEADER
		"PUREE,Purée,FRUITS_ET_LEGUMES,kg,\"2,50\",non,non\n";
	static const char comma_bare[] = PROD_HEADER
		"PUREE,Purée,FRUITS_ET_LEGUMES,kg,2,50,non,non\n";

	/* ';' and tab separators: decimal comma accepted. */
	import_ok(f, "code;nom;famille;unite;prix_ht;viande;poisson\n"
		  "PUREE;Purée, maison;FRUITS_ET_LEGUMES;kg;12,05;non;non\n"
		  "CHOU;Chou;FRUITS_ET_LEGUMES;kg;0,9;non;non\n",
		  CANTINE_ENCODING_AUTO, NULL);
	p = find_product(f, "PUREE");
	assert_int_equal(p->price_cents, 1205);
	assert_string_equal(p->name, "Purée, maison");
	cantine_product_free(p);
	p = find_product(f, "CHOU");
	assert_int_equal(p->price_cents, 90);
	cantine_product_free(p);
	import_ok(f, "code\tnom\tfamille\tunite\tprix_ht\tviande\tpoisson\n"
		  "CHOU\tChou\tFRUITS_ET_LEGUMES\tkg\t1,15\tnon\tnon\n",
		  CANTINE_ENCODING_AUTO, NULL);
	p = find_product(f, "CHOU");
	assert_int_equal(p->price_cents, 115);
	cantine_product_free(p);

	/* ',' separator: a quoted "2,50" is not an amount. */
	assert_int_equal(import(f, comma_quoted, sizeof(comma_quoted) - 1,
				CANTINE_ENCODING_AUTO, &pbs, NULL), CANTINE_EINVAL);
	assert_int_equal(cantine_problems_count(pbs), 1);
	pb = cantine_problems_get(pbs, 0);
	assert_int_equal(pb->line, 2);
	assert_int_equal(pb->column, 5);
	assert_string_equal(pb->field, "prix_ht");
	assert_true(tu_contains(pb->message, "2,50"));
	cantine_problems_free(pbs);
	/* Unquoted, it makes one cell too many. */
	pbs = NULL;
	assert_int_equal(import(f, comma_bare, sizeof(comma_bare) - 1,
				CANTINE_ENCODING_AUTO, &pbs, NULL), CANTINE_EINVAL);
	assert_int_equal(cantine_problems_count(pbs), 1);
	pb = cantine_problems_get(pbs, 0);
	assert_int_equal(pb->line, 2);
	assert_true(tu_contains(pb->message, "8 cellules au lieu de 7"));
	cantine_problems_free(pbs);
	/* The earlier prices are untouched. */
	p = find_product(f, "PUREE");
	assert_int_equal(p->price_cents, 1205);
	cantine_product_free(p);
}

static void test_import_all_problems(void **state)
{
	tu_fixture *f = *state;
	cantine_problems *pbs = NULL;
	cantine_product *p = NULL;
	cantine_import_stats st;
	const cantine_problem *pb;
	static const char data[] = PROD_HEADER
		"GOOD1,Carotte,FRUITS_ET_LEGUMES,kg,1.20,non,non\n"       /* 2 */
		"BAD1,Chou,LEGUMES,kg,1.00,non,non\n"                     /* 3 */
		"GOOD2,Navet,FRUITS_ET_LEGUMES,kg,1.10,non,non\n"         /* 4 */
		"\n"                                                      /* 5 */
		"BAD2,Poireau,FRUITS_ET_LEGUMES,kg,12.5.0,non,non\n"      /* 6 */
		"BAD3,Jambon,AUTRES,kg,9.00,peut-être,non\n"             /* 7 */
		"GOOD3,Radis,FRUITS_ET_LEGUMES,kg,3.00,non,non\n";        /* 8 */
	static const unsigned lines[3] = { 3, 6, 7 };
	static const unsigned cols[3] = { 3, 5, 6 };
	static const char *const fields[3] = { "famille", "prix_ht", "viande" };
	static const char *const codes[3] = { "GOOD1", "GOOD2", "GOOD3" };
	size_t i;

	memset(&st, 0xff, sizeof(st));
	assert_int_equal(import(f, data, sizeof(data) - 1, CANTINE_ENCODING_AUTO,
				&pbs, &st), CANTINE_EINVAL);
	assert_int_equal(st.rows, 0);
	assert_int_equal(st.inserted, 0);
	assert_int_equal(cantine_problems_count(pbs), 3);
	assert_int_equal(cantine_problems_total(pbs), 3);
	for (i = 0; i < 3; i++) {
		pb = cantine_problems_get(pbs, i);
		assert_int_equal(pb->line, lines[i]);
		assert_int_equal(pb->column, cols[i]);
		assert_string_equal(pb->field, fields[i]);
		assert_true(pb->message[0] != '\0');
	}
	assert_true(tu_contains(cantine_problems_get(pbs, 0)->message, "LEGUMES"));
	assert_true(tu_contains(cantine_problems_get(pbs, 1)->message, "12.5.0"));
	assert_true(tu_contains(cantine_problems_get(pbs, 2)->message, "peut-être"));
	cantine_problems_free(pbs);
	assert_true(tu_contains(cantine_errmsg(f->ctx), "3 problèmes"));
	assert_int_equal(cantine_errcode(f->ctx), CANTINE_EINVAL);
	/* Nothing written. */
	for (i = 0; i < 3; i++)
		assert_int_equal(cantine_product_find(&p, f->ctx, codes[i]), CANTINE_ENOTFOUND);
	assert_int_equal(product_rows(f), 0);
	assert_int_equal(tu_file_query_int(f->db_path, "SELECT count(*) FROM product"), 0);
}

static void test_import_too_long_continues(void **state)
{
	tu_fixture *f = *state;
	size_t big = CANTINE__CSV_MAX_RECORD + 10, n;
	char *data = malloc(big + 512);
	cantine_problems *pbs = NULL;

	assert_non_null(data);
	n = (size_t)sprintf(data, PROD_HEADER "LONG,");
	memset(data + n, 'x', big);
	n += big;
	n += (size_t)sprintf(data + n, ",FRUITS_ET_LEGUMES,kg,1,non,non\n"
			     "BAD,Chou,FRUITS_ET_LEGUMES,kg,-1,non,non\n"
			     "OK,Chou,FRUITS_ET_LEGUMES,kg,1,non,non\n");
	assert_int_equal(import(f, data, n, CANTINE_ENCODING_AUTO, &pbs, NULL),
			 CANTINE_EINVAL);
	free(data);
	assert_int_equal(cantine_problems_count(pbs), 2);
	assert_int_equal(cantine_problems_get(pbs, 0)->line, 2);
	assert_true(tu_contains(cantine_problems_get(pbs, 0)->message, "65536"));
	assert_int_equal(cantine_problems_get(pbs, 1)->line, 3);
	assert_string_equal(cantine_problems_get(pbs, 1)->field, "prix_ht");
	cantine_problems_free(pbs);
	assert_int_equal(product_rows(f), 0);
}

static void test_import_quote_issues(void **state)
{
	tu_fixture *f = *state;
	cantine_problems *pbs = NULL;
	static const char after[] = PROD_HEADER
		"A,\"Chou\" rouge,FRUITS_ET_LEGUMES,kg,1,non,non\n"
		"B,Chou,FRUITS_ET_LEGUMES,kg,1,non,non\n";
	static const char open[] = PROD_HEADER
		"A,Chou,FRUITS_ET_LEGUMES,kg,1,non,non\n"
		"B,\"Chou,FRUITS_ET_LEGUMES,kg,1,non,non\n"
		"C,Chou,FRUITS_ET_LEGUMES,kg,1,non,non\n";

	assert_int_equal(import(f, after, sizeof(after) - 1, CANTINE_ENCODING_AUTO,
				&pbs, NULL), CANTINE_EINVAL);
	assert_int_equal(cantine_problems_count(pbs), 1);
	assert_int_equal(cantine_problems_get(pbs, 0)->line, 2);
	assert_int_equal(cantine_problems_get(pbs, 0)->column, 2);
	assert_string_equal(cantine_problems_get(pbs, 0)->field, "nom");
	assert_true(tu_contains(cantine_problems_get(pbs, 0)->message, "guillemet fermant"));
	cantine_problems_free(pbs);

	pbs = NULL;
	assert_int_equal(import(f, open, sizeof(open) - 1, CANTINE_ENCODING_AUTO,
				&pbs, NULL), CANTINE_EINVAL);
	assert_int_equal(cantine_problems_count(pbs), 1);
	assert_int_equal(cantine_problems_get(pbs, 0)->line, 3);
	assert_int_equal(cantine_problems_get(pbs, 0)->column, 2);
	assert_true(tu_contains(cantine_problems_get(pbs, 0)->message, "guillemet"));
	cantine_problems_free(pbs);
	assert_int_equal(product_rows(f), 0);
}

static void test_import_twice(void **state)
{
	tu_fixture *f = *state;
	cantine_import_stats st;
	cantine_buf e1 = CANTINE_BUF_INIT, e2 = CANTINE_BUF_INIT;
	cantine_product *p;
	static const char data[] =
		"code,nom,famille,labels,pays,unite,poids_unite_g,prix_ht,allergenes,"
		"traces,viande,poisson\n"
		"PUREE,\"Purée \"\"maison\"\"\",FRUITS_ET_LEGUMES,BIO|HVE,FR,kg,,2.50,"
		"lait,,non,non\n"
		"YAOURT,Yaourt nature,PRODUITS_LAITIERS,,,piece,125,0.45,lait,"
		"fruits_a_coque|soja,non,non\n"
		"COLIN,Colin d'Alaska,PRODUITS_DE_LA_MER,PECHE_DURABLE,,kg,,11.00,"
		"poissons,,non,oui\n";

	import_ok(f, data, CANTINE_ENCODING_AUTO, &st);
	assert_int_equal(st.rows, 3);
	assert_int_equal(st.inserted, 3);
	assert_int_equal(st.updated, 0);
	assert_int_equal(cantine_export_csv(f->ctx, CANTINE_KIND_PRODUCTS, &e1), 0);

	import_ok(f, data, CANTINE_ENCODING_AUTO, &st);
	assert_int_equal(st.rows, 3);
	assert_int_equal(st.inserted, 0);
	assert_int_equal(st.updated, 3);
	assert_int_equal(cantine_export_csv(f->ctx, CANTINE_KIND_PRODUCTS, &e2), 0);
	assert_string_equal(e1.ptr, e2.ptr);
	assert_int_equal(product_rows(f), 3);

	p = find_product(f, "PUREE");
	assert_string_equal(p->name, "Purée \"maison\"");
	assert_int_equal(p->labels, (1u << CANTINE_LABEL_BIO) | (1u << CANTINE_LABEL_HVE));
	assert_string_equal(p->country, "FR");
	assert_int_equal(p->allergens, 1u << CANTINE_ALLERGEN_MILK);
	assert_int_equal(p->unit_grams, 1000);
	cantine_product_free(p);
	p = find_product(f, "YAOURT");
	assert_int_equal(p->unit, CANTINE_UNIT_PIECE);
	assert_int_equal(p->unit_grams, 125);
	assert_int_equal(p->price_cents, 45);
	assert_int_equal(p->traces, (1u << CANTINE_ALLERGEN_NUTS) | (1u << CANTINE_ALLERGEN_SOY));
	cantine_product_free(p);
	p = find_product(f, "COLIN");
	assert_int_equal(p->fish, 1);
	assert_int_equal(p->meat, 0);
	cantine_product_free(p);

	/* The export imports back to the same content. */
	import_ok(f, e1.ptr, CANTINE_ENCODING_AUTO, &st);
	assert_int_equal(st.updated, 3);
	cantine_buf_dispose(&e2);
	assert_int_equal(cantine_export_csv(f->ctx, CANTINE_KIND_PRODUCTS, &e2), 0);
	assert_string_equal(e1.ptr, e2.ptr);
	cantine_buf_dispose(&e1);
	cantine_buf_dispose(&e2);
}

/* ---- the same records from a stream, whatever the chunks ---- */

struct feed {
	const char *data;
	size_t len, off, step;
};

/* Gives at most `step` bytes at a time: every chunk boundary is met. */
static int feed_fill(void *ud, char *buf, size_t cap, size_t *got)
{
	struct feed *f = ud;
	size_t n = f->len - f->off;

	if (n > f->step)
		n = f->step;
	if (n > cap)
		n = cap;
	memcpy(buf, f->data + f->off, n);
	f->off += n;
	*got = n;
	return 0;
}

static void same_records(const char *data, size_t len, size_t step)
{
	struct feed fd = { data, len, 0, step };
	cantine__csv a, b;
	int ra, rb;
	size_t i;

	cantine__csv_init(&a, data, len);
	assert_int_equal(cantine__csv_init_stream(&b, feed_fill, &fd), 0);
	assert_int_equal(a.sep, b.sep);
	do {
		ra = cantine__csv_next(&a);
		rb = cantine__csv_next(&b);
		assert_int_equal(ra, rb);
		if (ra <= 0)
			break;
		assert_int_equal(a.rec_line, b.rec_line);
		assert_int_equal(a.issue, b.issue);
		if (a.issue) {
			assert_int_equal(a.issue_line, b.issue_line);
			assert_int_equal(a.issue_cell, b.issue_cell);
		}
		if (ra != 1)
			continue;
		assert_int_equal(a.n, b.n);
		for (i = 0; i < a.n; i++) {
			assert_int_equal(a.cells[i].len, b.cells[i].len);
			assert_memory_equal(a.cells[i].text, b.cells[i].text, a.cells[i].len);
			assert_int_equal(a.cells[i].line, b.cells[i].line);
			assert_int_equal(a.cells[i].quoted, b.cells[i].quoted);
		}
	} while (ra > 0);
	assert_int_equal(a.line, b.line);
	cantine__csv_free(&a);
	cantine__csv_free(&b);
}

static void test_csv_stream(void **state)
{
	static const char *const inputs[] = {
		"a;b;c\n1;\"x\"\"y\";3\r\n\r\n4;\"multi\r\nline\rcr\nlf\";6\n",
		"h1,h2\n\"\"\"\",\"\"\n\"a\"b,c\r\"open,\n",
		"x\ty\r\r\n\"\"\t\"z\"\"\"\r",
		"a,b\n\"never closed\nstill, here\n",
		"",
		"\n\n\r\n",
	};
	size_t steps[] = { 1, 2, 3, 5, 7, 64 * 1024 };
	cantine_buf big = CANTINE_BUF_INIT;
	size_t i, k;

	(void)state;
	for (i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++)
		for (k = 0; k < sizeof(steps) / sizeof(steps[0]); k++)
			same_records(inputs[i], strlen(inputs[i]), steps[k]);
	/* Records across the 64 KiB window, a line too long (quoted and
	 * not), a CR LF and a doubled quote exactly on a boundary. */
	assert_int_equal(cantine__buf_puts(&big, "a,b,c\n"), 0);
	for (i = 0; big.size < 3 * CANTINE__CSV_CHUNK; i++)
		assert_int_equal(cantine__buf_printf(&big, "%zu,\"q\"\"%zu\r\n\",z\r\n", i,
						     i % 97), 0);
	for (i = 0; i < CANTINE__CSV_MAX_RECORD + 10; i++)
		assert_int_equal(cantine__buf_put(&big, i == 0 ? "\"" : "x", 1), 0);
	assert_int_equal(cantine__buf_puts(&big, "\",1,2\n"), 0);
	for (i = 0; i < CANTINE__CSV_MAX_RECORD + 10; i++)
		assert_int_equal(cantine__buf_put(&big, "y", 1), 0);
	assert_int_equal(cantine__buf_puts(&big, ",1,2\nlast,1,2"), 0);
	for (k = 0; k < sizeof(steps) / sizeof(steps[0]); k++)
		same_records(big.ptr, big.size, steps[k] == 1 ? 4093 : steps[k]);
	cantine_buf_dispose(&big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_separator),
		cmocka_unit_test(test_csv_quotes),
		cmocka_unit_test(test_csv_line_breaks_in_quotes),
		cmocka_unit_test(test_csv_line_ends),
		cmocka_unit_test(test_csv_empty_lines),
		cmocka_unit_test(test_csv_unterminated),
		cmocka_unit_test(test_csv_after_quote),
		cmocka_unit_test(test_csv_too_long),
		cmocka_unit_test(test_csv_stream),
#define T(fn) cmocka_unit_test_setup_teardown(fn, tu_setup_store, tu_teardown_store)
		T(test_import_bom),
		T(test_import_cp1252),
		T(test_import_bad_utf8),
		T(test_import_bad_bytes),
		T(test_import_decimal_comma),
		T(test_import_all_problems),
		T(test_import_too_long_continues),
		T(test_import_quote_issues),
		T(test_import_twice),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
