/*
 * test_store.c: opening stores: migrations of an older store, a newer
 * store, files that are not stores, read-only opening, STRICT tables.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "common_int.h"
#include "store_int.h"

typedef struct dirfix {
	char *dir;
} dirfix;

static int setup_dir(void **state)
{
	dirfix *d = calloc(1, sizeof(*d));

	if (!d)
		return -1;
	d->dir = tu_mkdtemp();
	*state = d;
	return 0;
}

static int teardown_dir(void **state)
{
	dirfix *d = *state;

	tu_rmtree(d->dir);
	free(d);
	return 0;
}

static sqlite3 *raw_open(const char *path)
{
	sqlite3 *db = NULL;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE |
					 SQLITE_OPEN_CREATE, NULL), SQLITE_OK);
	return db;
}

static void raw_exec(sqlite3 *db, const char *sql)
{
	char *err = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
		char msg[512];
		snprintf(msg, sizeof(msg), "%s", err ? err : "?");
		sqlite3_free(err);
		fail_msg("exec(%s): %s", sql, msg);
	}
}

static int table_exists(sqlite3 *db, const char *name)
{
	char sql[256];

	snprintf(sql, sizeof(sql), "SELECT count(*) FROM sqlite_schema WHERE "
		 "type = 'table' AND name = '%s'", name);
	return tu_query_int(db, sql) == 1;
}

static void test_migrations_table(void **state)
{
	int i;

	(void)state;
	assert_true(cantine__migration_count >= 2);
	assert_int_equal(cantine_schema_version(), cantine__migration_count);
	for (i = 0; i < cantine__migration_count; i++) {
		assert_int_equal(cantine__migrations[i].version, i + 1);
		assert_non_null(cantine__migrations[i].name);
		assert_non_null(cantine__migrations[i].sql);
	}
	assert_string_equal(cantine__migrations[0].name, "001-initial.sql");
	assert_string_equal(cantine__migrations[1].name, "002-meal-history.sql");
}

/* A store at schema 1 written by raw SQL, with an establishment and a meal
 * in it, is brought up to date by cantine_ctx_open(). */
static void test_migrate_older_store(void **state)
{
	dirfix *d = *state;
	char *path = tu_path(d->dir, "old.db");
	cantine_ctx *ctx = NULL;
	cantine_etab *e = NULL;
	sqlite3 *db = raw_open(path);

	raw_exec(db, cantine__migrations[0].sql);
	assert_int_equal(tu_query_int(db, "PRAGMA user_version"), 1);
	assert_int_equal(tu_query_int(db, "PRAGMA application_id"), CANTINE__APPLICATION_ID);
	raw_exec(db, "INSERT INTO etab (uai, siret, name, commune_insee, departement, "
		 "service_days, pupils, half_boarders) VALUES ('0595871L', "
		 "'19595871500011', 'Collège Louise Michel', '59654', '59', 27, 310, 135)");
	raw_exec(db, "INSERT INTO meal (etab_id, date, status) VALUES (1, '2026-09-07', 0)");
	assert_false(table_exists(db, "meal_history"));
	sqlite3_close(db);

	assert_int_equal(cantine_ctx_open(&ctx, path, 0), 0);
	assert_int_equal(cantine_ctx_schema_version(ctx), cantine_schema_version());
	assert_int_equal(cantine_etab_find(&e, ctx, "0595871L"), 0);
	assert_string_equal(e->name, "Collège Louise Michel");
	assert_int_equal(e->service_days, 27);
	cantine_etab_free(e);
	assert_true(table_exists(ctx->db, "meal_history"));
	assert_int_equal(tu_query_int(ctx->db, "SELECT count(*) FROM meal"), 1);
	/* The creation trigger of 002 works on the migrated store; status
	 * changes are recorded by the library since 004. */
	assert_int_equal(tu_query_int(ctx->db, "SELECT count(*) FROM meal_history"), 0);
	raw_exec(ctx->db, "INSERT INTO meal (etab_id, date, status) SELECT id, "
		 "'2026-09-08', 0 FROM etab");
	assert_int_equal(tu_query_int(ctx->db, "SELECT count(*) FROM meal_history "
				      "WHERE old_status IS NULL AND new_status = 0"), 1);
	assert_int_equal(tu_query_int(ctx->db, "SELECT count(*) FROM pragma_table_info("
				      "'meal_history') WHERE name = 'reason'"), 1);
	cantine_ctx_free(ctx);

	/* Re-opening changes nothing. */
	assert_int_equal(cantine_ctx_open(&ctx, path, 0), 0);
	assert_int_equal(cantine_ctx_schema_version(ctx), cantine_schema_version());
	cantine_ctx_free(ctx);
	assert_int_equal(tu_file_query_int(path, "PRAGMA user_version"),
			 cantine_schema_version());
	free(path);
}

/* cantine__store_migrate() step by step, on a context built by hand. */
static void test_migrate_steps(void **state)
{
	dirfix *d = *state;
	cantine_ctx *ctx = cantine__calloc(1, sizeof(*ctx));

	assert_non_null(ctx);
	ctx->path = tu_path(d->dir, "steps.db");
	ctx->db = raw_open(ctx->path);
	assert_int_equal(cantine_ctx_schema_version(ctx), 0);
	assert_int_equal(cantine__store_migrate(ctx, 1), 0);
	assert_int_equal(cantine_ctx_schema_version(ctx), 1);
	assert_true(table_exists(ctx->db, "etab"));
	assert_false(table_exists(ctx->db, "meal_history"));
	/* Asking for what is already there does nothing. */
	assert_int_equal(cantine__store_migrate(ctx, 1), 0);
	assert_int_equal(cantine__store_migrate(ctx, cantine__migration_count), 0);
	assert_int_equal(cantine_ctx_schema_version(ctx), cantine__migration_count);
	assert_true(table_exists(ctx->db, "meal_history"));
	/* Not in a transaction afterwards. */
	assert_true(sqlite3_get_autocommit(ctx->db));
	cantine_ctx_free(ctx);
}

/* A migration that fails leaves the store as it was. */
static void test_migrate_failure_rolls_back(void **state)
{
	dirfix *d = *state;
	char *path = tu_path(d->dir, "clash.db");
	cantine_ctx *ctx = NULL;
	sqlite3 *db = raw_open(path);

	raw_exec(db, cantine__migrations[0].sql);
	/* A table in the way of 002. */
	raw_exec(db, "CREATE TABLE meal_history (x INTEGER) STRICT");
	sqlite3_close(db);
	assert_int_equal(cantine_ctx_open(&ctx, path, 0), CANTINE_ESTORE);
	assert_true(tu_contains(cantine_errmsg(ctx), "002-meal-history.sql"));
	assert_true(tu_contains(cantine_errmsg(ctx), "n'a pas été modifiée"));
	cantine_ctx_free(ctx);
	assert_int_equal(tu_file_query_int(path, "PRAGMA user_version"), 1);
	assert_int_equal(tu_file_query_int(path, "SELECT count(*) FROM sqlite_schema "
					   "WHERE type = 'trigger'"), 0);
	free(path);
}

static void test_newer_store(void **state)
{
	dirfix *d = *state;
	char *path = tu_path(d->dir, "new.db");
	cantine_ctx *ctx = NULL;
	sqlite3 *db;
	const char *msg;

	cantine_ctx_free(tu_open_store(d->dir, "new.db"));
	db = raw_open(path);
	raw_exec(db, "PRAGMA user_version = 99");
	sqlite3_close(db);

	assert_int_equal(cantine_ctx_open(&ctx, path, 0), CANTINE_EVERSION);
	assert_non_null(ctx);
	msg = cantine_errmsg(ctx);
	assert_true(tu_contains(msg, "plus récente"));
	assert_true(tu_contains(msg, "99"));
	assert_int_equal(cantine_errcode(ctx), CANTINE_EVERSION);
	cantine_ctx_free(ctx);
	ctx = NULL;
	/* Read-only too, and the file is left alone. */
	assert_int_equal(cantine_ctx_open(&ctx, path, CANTINE_OPEN_READONLY),
			 CANTINE_EVERSION);
	cantine_ctx_free(ctx);
	assert_int_equal(tu_file_query_int(path, "PRAGMA user_version"), 99);
	free(path);
}

static void test_not_a_store(void **state)
{
	dirfix *d = *state;
	char *text = tu_path(d->dir, "notes.txt");
	char *other = tu_path(d->dir, "other.db");
	cantine_ctx *ctx = NULL;
	char junk[4096];
	sqlite3 *db;

	/* A text file. */
	memset(junk, 'x', sizeof(junk));
	memcpy(junk, "uai,nom\n", 8);
	tu_write_file(d->dir, "notes.txt", junk, sizeof(junk));
	assert_int_equal(cantine_ctx_open(&ctx, text, 0), CANTINE_ENOTSTORE);
	assert_true(tu_contains(cantine_errmsg(ctx), "notes.txt"));
	cantine_ctx_free(ctx);
	ctx = NULL;
	assert_int_equal(cantine_ctx_open(&ctx, text, CANTINE_OPEN_READONLY),
			 CANTINE_ENOTSTORE);
	cantine_ctx_free(ctx);
	ctx = NULL;
	/* The file was not touched. */
	{
		FILE *f = fopen(text, "rb");
		char back[sizeof(junk)];
		assert_non_null(f);
		assert_int_equal(fread(back, 1, sizeof(back), f), sizeof(back));
		fclose(f);
		assert_memory_equal(back, junk, sizeof(junk));
	}

	/* Another application's SQLite database. */
	db = raw_open(other);
	raw_exec(db, "CREATE TABLE t (x); INSERT INTO t VALUES (1)");
	sqlite3_close(db);
	assert_int_equal(cantine_ctx_open(&ctx, other, 0), CANTINE_ENOTSTORE);
	assert_true(tu_contains(cantine_errmsg(ctx), "n'appartient pas à cantine"));
	cantine_ctx_free(ctx);
	ctx = NULL;
	assert_int_equal(tu_file_query_int(other, "SELECT count(*) FROM sqlite_schema"), 1);

	/* A directory. */
	assert_int_equal(cantine_ctx_open(&ctx, d->dir, CANTINE_OPEN_CREATE),
			 CANTINE_ENOTSTORE);
	cantine_ctx_free(ctx);
	free(text);
	free(other);
}

static void test_missing_file(void **state)
{
	dirfix *d = *state;
	char *path = tu_path(d->dir, "missing.db");
	cantine_ctx *ctx = NULL;
	struct stat sb;

	assert_int_equal(cantine_ctx_open(&ctx, path, 0), CANTINE_ENOTFOUND);
	assert_non_null(ctx);
	assert_true(tu_contains(cantine_errmsg(ctx), "n'existe pas"));
	cantine_ctx_free(ctx);
	ctx = NULL;
	/* Read-only never creates. */
	assert_int_equal(cantine_ctx_open(&ctx, path, CANTINE_OPEN_READONLY |
					  CANTINE_OPEN_CREATE), CANTINE_ENOTFOUND);
	cantine_ctx_free(ctx);
	ctx = NULL;
	assert_int_not_equal(stat(path, &sb), 0);

	/* With CREATE: a fresh store at the current version. */
	assert_int_equal(cantine_ctx_open(&ctx, path, CANTINE_OPEN_CREATE), 0);
	assert_int_equal(cantine_ctx_schema_version(ctx), cantine_schema_version());
	assert_string_equal(cantine_errmsg(ctx), "");
	assert_int_equal(cantine_errcode(ctx), CANTINE_OK);
	assert_int_equal(tu_query_int(ctx->db, "PRAGMA application_id"),
			 CANTINE__APPLICATION_ID);
	assert_int_equal(tu_query_int(ctx->db, "PRAGMA foreign_keys"), 1);
	cantine_ctx_free(ctx);
	ctx = NULL;
	assert_int_equal(stat(path, &sb), 0);

	/* A missing directory on the way. */
	free(path);
	path = tu_path(d->dir, "no/such/dir.db");
	assert_int_not_equal(cantine_ctx_open(&ctx, path, CANTINE_OPEN_CREATE), 0);
	cantine_ctx_free(ctx);
	free(path);
	cantine_ctx_free(NULL);
}

static void test_read_only(void **state)
{
	dirfix *d = *state;
	char *path = tu_path(d->dir, "ro.db");
	cantine_ctx *ctx;
	cantine_etab e, *got = NULL;
	cantine_product p;
	cantine_problems *pbs = NULL;
	cantine_ingredient ing = { "CAROTTE", 100000 };
	static const char csv[] = "code,nom,famille,unite,prix_ht,viande,poisson\n"
		"NAVET,Navet,FRUITS_ET_LEGUMES,kg,1,non,non\n";

	ctx = tu_open_store(d->dir, "ro.db");
	tu_etab_init(&e, "0595871L");
	assert_int_equal(cantine_etab_save(ctx, &e), 0);
	tu_product_init(&p, "CAROTTE", "Carotte", 120);
	assert_int_equal(cantine_product_save(ctx, &p), 0);
	cantine_ctx_free(ctx);

	ctx = NULL;
	assert_int_equal(cantine_ctx_open(&ctx, path, CANTINE_OPEN_READONLY), 0);
	assert_int_equal(cantine_ctx_schema_version(ctx), cantine_schema_version());
	assert_int_equal(cantine_etab_find(&got, ctx, "0595871L"), 0);
	cantine_etab_free(got);

	/* Every write is refused. */
	e.pupils = 400;
	assert_int_equal(cantine_etab_save(ctx, &e), CANTINE_ESTORE);
	assert_true(tu_contains(cantine_errmsg(ctx), "lecture seule"));
	assert_int_equal(cantine_product_save(ctx, &p), CANTINE_ESTORE);
	assert_int_equal(cantine_dish_save(ctx, "Carottes", CANTINE_COURSE_ENTREE,
					   NULL, &ing, 1), CANTINE_ESTORE);
	assert_int_equal(cantine_import_csv_mem(ctx, CANTINE_KIND_PRODUCTS, "p.csv",
			 csv, sizeof(csv) - 1, CANTINE_ENCODING_AUTO, &pbs, NULL),
			 CANTINE_ESTORE);
	cantine_problems_free(pbs);
	assert_int_equal(cantine_plan_set_meal(ctx, "0595871L", "2026-09-07",
			 CANTINE_STATUS_DRAFT, NULL, 0), CANTINE_ESTORE);
	/* Even raw SQL on its connection. */
	assert_int_not_equal(sqlite3_exec(ctx->db, "DELETE FROM etab", NULL, NULL, NULL),
			     SQLITE_OK);
	cantine_ctx_free(ctx);

	ctx = NULL;
	assert_int_equal(cantine_ctx_open(&ctx, path, 0), 0);
	assert_int_equal(cantine_etab_find(&got, ctx, "0595871L"), 0);
	assert_int_equal(got->pupils, 310);
	cantine_etab_free(got);
	assert_int_equal(tu_query_int(ctx->db, "SELECT count(*) FROM product"), 1);
	assert_int_equal(tu_query_int(ctx->db, "SELECT count(*) FROM dish"), 0);
	assert_int_equal(tu_query_int(ctx->db, "SELECT count(*) FROM meal"), 0);
	cantine_ctx_free(ctx);

	/* An older store cannot be opened read-only (it would need migrating). */
	{
		char *old = tu_path(d->dir, "old-ro.db");
		sqlite3 *db = raw_open(old);
		raw_exec(db, cantine__migrations[0].sql);
		sqlite3_close(db);
		ctx = NULL;
		assert_int_not_equal(cantine_ctx_open(&ctx, old, CANTINE_OPEN_READONLY), 0);
		cantine_ctx_free(ctx);
		assert_int_equal(tu_file_query_int(old, "PRAGMA user_version"), 1);
		free(old);
	}
	free(path);
}

static void test_strict_tables(void **state)
{
	dirfix *d = *state;
	cantine_ctx *ctx = tu_open_store(d->dir, "strict.db");
	int rc;

	/* ctx->db reports extended result codes: compare their low byte. */
	/* A text in an INTEGER column of a STRICT table. */
	rc = sqlite3_exec(ctx->db, "INSERT INTO etab (uai, name, commune_insee, "
			  "departement, service_days, pupils, half_boarders) VALUES "
			  "('0595871L', 'X', '59654', '59', 27, 'beaucoup', 1)",
			  NULL, NULL, NULL);
	assert_int_equal(rc & 0xff, SQLITE_CONSTRAINT);
	assert_int_equal(sqlite3_extended_errcode(ctx->db), SQLITE_CONSTRAINT_DATATYPE);
	rc = sqlite3_exec(ctx->db, "INSERT INTO product (code, name, family, unit, "
			  "unit_grams, price_cents, meat, fish) VALUES ('A', 'A', 0, 0, "
			  "1000, '8.45 €', 0, 0)", NULL, NULL, NULL);
	assert_int_equal(sqlite3_extended_errcode(ctx->db), SQLITE_CONSTRAINT_DATATYPE);
	assert_int_equal(rc & 0xff, SQLITE_CONSTRAINT);
	/* A text that reads as an integer is converted (STRICT affinity). */
	rc = sqlite3_exec(ctx->db, "INSERT INTO etab (uai, name, commune_insee, "
			  "departement, service_days, pupils, half_boarders) VALUES "
			  "('0595871L', 'X', '59654', '59', 27, '310', 1)",
			  NULL, NULL, NULL);
	assert_int_equal(rc, SQLITE_OK);
	assert_int_equal(tu_query_int(ctx->db, "SELECT typeof(pupils) = 'integer' FROM etab"), 1);
	/* CHECK constraints: half-boarders ≤ pupils, UAI length. */
	rc = sqlite3_exec(ctx->db, "UPDATE etab SET half_boarders = 311", NULL, NULL, NULL);
	assert_int_equal(rc & 0xff, SQLITE_CONSTRAINT);
	rc = sqlite3_exec(ctx->db, "UPDATE etab SET uai = '0595871'", NULL, NULL, NULL);
	assert_int_equal(rc & 0xff, SQLITE_CONSTRAINT);
	/* Foreign keys are on. */
	rc = sqlite3_exec(ctx->db, "INSERT INTO meal (etab_id, date, status) VALUES "
			  "(42, '2026-09-07', 0)", NULL, NULL, NULL);
	assert_int_equal(rc & 0xff, SQLITE_CONSTRAINT);
	assert_int_equal(sqlite3_extended_errcode(ctx->db), SQLITE_CONSTRAINT_FOREIGNKEY);
	cantine_ctx_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_migrations_table),
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup_dir, teardown_dir)
		T(test_migrate_older_store),
		T(test_migrate_steps),
		T(test_migrate_failure_rolls_back),
		T(test_newer_store),
		T(test_not_a_store),
		T(test_missing_file),
		T(test_read_only),
		T(test_strict_tables),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
