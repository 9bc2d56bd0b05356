/*
 * testutil.c: see testutil.h.
 */
#include "testutil.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *tu_mkdtemp(void)
{
	const char *base = getenv("TMPDIR");
	char *t;
	size_t n;

	/* Stores are fsync'ed at every commit: a tmpfs keeps the tests fast. */
	if (!base || !*base)
		base = access("/dev/shm", W_OK | X_OK) == 0 ? "/dev/shm" : "/tmp";
	n = strlen(base) + sizeof("/cantine-unit-XXXXXX");
	t = malloc(n);
	assert_non_null(t);
	snprintf(t, n, "%s/cantine-unit-XXXXXX", base);
	assert_non_null(mkdtemp(t));
	return t;
}

static int rm_one(const char *path, const struct stat *sb, int flag,
		  struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

void tu_rmtree(char *dir)
{
	if (!dir)
		return;
	nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	free(dir);
}

char *tu_path(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = malloc(n);

	assert_non_null(p);
	snprintf(p, n, "%s/%s", dir, name);
	return p;
}

void tu_write_file(const char *dir, const char *name, const char *data,
		   size_t len)
{
	char *path = tu_path(dir, name);
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
	free(path);
}

cantine_ctx *tu_open_store(const char *dir, const char *name)
{
	char *path = tu_path(dir, name);
	cantine_ctx *ctx = NULL;
	int rc = cantine_ctx_open(&ctx, path, CANTINE_OPEN_CREATE);

	if (rc != 0)
		fail_msg("cantine_ctx_open(%s): %d %s", path, rc, cantine_errmsg(ctx));
	free(path);
	assert_non_null(ctx);
	return ctx;
}

long long tu_query_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	long long v = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("prepare(%s): %s", sql, sqlite3_errmsg(db));
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

long long tu_file_query_int(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	long long v;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL),
			 SQLITE_OK);
	v = tu_query_int(db, sql);
	sqlite3_close(db);
	return v;
}

int tu_contains(const char *hay, const char *needle)
{
	return hay && strstr(hay, needle) != NULL;
}

int tu_setup_store(void **state)
{
	tu_fixture *f = calloc(1, sizeof(*f));

	if (!f)
		return -1;
	f->dir = tu_mkdtemp();
	f->db_path = tu_path(f->dir, "store.db");
	f->ctx = tu_open_store(f->dir, "store.db");
	*state = f;
	return 0;
}

int tu_teardown_store(void **state)
{
	tu_fixture *f = *state;

	if (!f)
		return 0;
	cantine_ctx_free(f->ctx);
	free(f->db_path);
	tu_rmtree(f->dir);
	free(f);
	*state = NULL;
	return 0;
}

void tu_etab_init(cantine_etab *e, const char *uai)
{
	memset(e, 0, sizeof(*e));
	e->uai = uai;
	e->siret = "19595871500011";
	e->name = "Collège Louise Michel";
	e->commune_insee = "59654";
	e->departement = "59";
	e->service_days = CANTINE_DAY_MON | CANTINE_DAY_TUE | CANTINE_DAY_THU |
			  CANTINE_DAY_FRI;
	e->pupils = 310;
	e->half_boarders = 135;
}

void tu_product_init(cantine_product *p, const char *code, const char *name,
		     int64_t price_cents)
{
	memset(p, 0, sizeof(*p));
	p->code = code;
	p->name = name;
	p->family = CANTINE_FAMILY_FRUITS_ET_LEGUMES;
	p->distance_km = -1;
	p->local = CANTINE_LOCAL_NONE;
	p->unit = CANTINE_UNIT_KG;
	p->unit_grams = 1000;
	p->price_cents = price_cents;
}
