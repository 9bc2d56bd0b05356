/*
 * testutil.h: helpers shared by the unit tests (temporary directories,
 * stores, raw SQL counts).  Compiled into every unit-test binary.
 */
#ifndef CANTINE_TESTUTIL_H
#define CANTINE_TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <sqlite3.h>

#include "cantine/cantine.h"

/* A fresh directory under $TMPDIR (else /dev/shm, else /tmp); never NULL
 * (fails the test instead). */
char *tu_mkdtemp(void);
/* Remove a directory and everything in it, then free `dir`. */
void tu_rmtree(char *dir);
/* dir "/" name, malloc'ed. */
char *tu_path(const char *dir, const char *name);
/* Write `len` bytes to dir/name. */
void tu_write_file(const char *dir, const char *name, const char *data,
		   size_t len);
/* Open (creating) the store dir/name; fails the test on error. */
cantine_ctx *tu_open_store(const char *dir, const char *name);
/* The first column of the first row of `sql` as an integer (-1 when no row). */
long long tu_query_int(sqlite3 *db, const char *sql);
/* Same on a fresh read-only connection to the file at `path`. */
long long tu_file_query_int(const char *path, const char *sql);
/* True when `needle` occurs in `hay` (hay may be NULL). */
int tu_contains(const char *hay, const char *needle);

/* A temporary directory and an open store in it, for setup/teardown. */
typedef struct tu_fixture {
	char        *dir;
	char        *db_path;
	cantine_ctx *ctx;
} tu_fixture;

int tu_setup_store(void **state);
int tu_teardown_store(void **state);

/* Valid establishment helper: fills `e` with a valid collège. */
void tu_etab_init(cantine_etab *e, const char *uai);
/* Valid product helper (kg, FRUITS_ET_LEGUMES, no allergens). */
void tu_product_init(cantine_product *p, const char *code, const char *name,
		     int64_t price_cents);

#endif
