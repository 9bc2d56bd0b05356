/*
 * bench_import.c: importing 100,000 menu rows (one per dish offered)
 * against a floor measured in the same run: a bare SQLite insert of the
 * same meals and dishes with prepared statements in one transaction, into
 * the same schema.  Prints both times and their ratio (target ≤ 2.0).
 *
 * Not a timed test: it prints figures and always succeeds unless
 * something fails.  Usage: bench-import [ROWS] [RUNS]
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "common_int.h"
#include "bench_util.h"
#include "text_int.h"

#define N_ETABS 125
#define DISHES_PER_MEAL 4

/* A store with establishments, one product and 4 dishes per course used. */
static cantine_ctx *make_store(const char *path)
{
	static const cantine_course courses[DISHES_PER_MEAL] = {
		CANTINE_COURSE_ENTREE, CANTINE_COURSE_PLAT,
		CANTINE_COURSE_GARNITURE, CANTINE_COURSE_DESSERT,
	};
	cantine_product p = { 0 };
	cantine_ingredient ing = { "P1", 100000 };
	cantine_ctx *ctx;
	char uai[9], name[32];
	int i, c;

	unlink(path);
	if (cantine_ctx_open(&ctx, path, CANTINE_OPEN_CREATE))
		bench_die(ctx, "open");
	for (i = 0; i < N_ETABS; i++) {
		cantine_etab e = { uai, NULL, "Collège", "59350", "59",
				   CANTINE_DAY_MON | CANTINE_DAY_TUE | CANTINE_DAY_WED |
				   CANTINE_DAY_THU | CANTINE_DAY_FRI, 400, 200, 0 };
		bench_uai(i, uai);
		if (cantine_etab_save(ctx, &e))
			bench_die(ctx, "etab");
	}
	p.code = "P1";
	p.name = "Produit";
	p.family = CANTINE_FAMILY_AUTRES;
	p.distance_km = -1;
	p.unit = CANTINE_UNIT_KG;
	p.unit_grams = 1000;
	p.price_cents = 250;
	if (cantine_product_save(ctx, &p))
		bench_die(ctx, "product");
	for (c = 0; c < DISHES_PER_MEAL; c++)
		for (i = 0; i < 4; i++) {
			snprintf(name, sizeof(name), "Plat %d-%d", c, i);
			if (cantine_dish_save(ctx, name, courses[c], NULL, &ing, 1))
				bench_die(ctx, "dish");
		}
	return ctx;
}

static const char *const course_names[DISHES_PER_MEAL] = {
	"entrée", "plat principal", "garniture", "dessert",
};

/* Service days from 2020-01-06, Monday to Friday. */
static int64_t day_n(int n)
{
	return cantine__days_from_civil(2020, 1, 6) + (n / 5) * 7 + n % 5;
}

static char *make_csv(int meals_per_etab, size_t *len)
{
	cantine_buf b = CANTINE_BUF_INIT;
	char uai[9], date[11];
	int e, d, c;

	cantine__buf_puts(&b, "uai,date,plat,recette,statut\n");
	for (e = 0; e < N_ETABS; e++) {
		bench_uai(e, uai);
		for (d = 0; d < meals_per_etab; d++) {
			cantine__date_format(day_n(d), date);
			for (c = 0; c < DISHES_PER_MEAL; c++)
				if (cantine__buf_printf(&b, "%s,%s,%s,Plat %d-%d,publié\n", uai, date,
							course_names[c], c, (d + e) % 4))
					exit(1);
		}
	}
	*len = b.size;
	return b.ptr;
}

/* The floor: the same meals and meal_dish rows, ids known in advance. */
static double bare_insert(cantine_ctx *ctx, int meals_per_etab)
{
	sqlite3_stmt *meal, *dish;
	char date[11];
	double t0;
	int e, d, c;

	t0 = bench_now();
	if (sqlite3_exec(ctx->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) ||
	    sqlite3_prepare_v2(ctx->db, "INSERT INTO meal (etab_id, date, status) "
			       "VALUES (?1, ?2, 2) RETURNING id", -1, &meal, NULL) ||
	    sqlite3_prepare_v2(ctx->db, "INSERT INTO meal_dish (meal_id, dish_id) "
			       "VALUES (?1, ?2)", -1, &dish, NULL))
		bench_die(NULL, sqlite3_errmsg(ctx->db));
	for (e = 0; e < N_ETABS; e++) {
		for (d = 0; d < meals_per_etab; d++) {
			int64_t id;
			cantine__date_format(day_n(d), date);
			sqlite3_bind_int64(meal, 1, e + 1);
			sqlite3_bind_text(meal, 2, date, -1, SQLITE_STATIC);
			if (sqlite3_step(meal) != SQLITE_ROW)
				bench_die(NULL, sqlite3_errmsg(ctx->db));
			id = sqlite3_column_int64(meal, 0);
			sqlite3_reset(meal);
			for (c = 0; c < DISHES_PER_MEAL; c++) {
				sqlite3_bind_int64(dish, 1, id);
				sqlite3_bind_int64(dish, 2, c * 4 + (d + e) % 4 + 1);
				if (sqlite3_step(dish) != SQLITE_DONE)
					bench_die(NULL, sqlite3_errmsg(ctx->db));
				sqlite3_reset(dish);
			}
		}
	}
	sqlite3_finalize(meal);
	sqlite3_finalize(dish);
	if (sqlite3_exec(ctx->db, "COMMIT", NULL, NULL, NULL))
		bench_die(NULL, sqlite3_errmsg(ctx->db));
	return bench_now() - t0;
}

int main(int argc, char **argv)
{
	int rows = argc > 1 ? atoi(argv[1]) : 100000;
	int runs = argc > 2 ? atoi(argv[2]) : 3;
	int meals = rows / (N_ETABS * DISHES_PER_MEAL);
	double t_imp[16], t_bare[16], t0;
	char dir[] = "/tmp/cantine-bench-XXXXXX", path_a[64], path_b[64];
	cantine_import_stats stats;
	cantine_problems *pbs = NULL;
	size_t len;
	char *csv;
	int r;

	if (runs < 1 || runs > 16 || meals < 1 || !mkdtemp(dir))
		return 1;
	snprintf(path_a, sizeof(path_a), "%s/import.db", dir);
	snprintf(path_b, sizeof(path_b), "%s/bare.db", dir);
	csv = make_csv(meals, &len);
	rows = meals * N_ETABS * DISHES_PER_MEAL;
	for (r = 0; r < runs; r++) {
		cantine_ctx *a = make_store(path_a), *b = make_store(path_b);

		t0 = bench_now();
		if (cantine_import_csv_mem(a, CANTINE_KIND_MENUS, "bench.csv", csv, len,
					   CANTINE_ENCODING_AUTO, &pbs, &stats))
			bench_die(a, "import");
		t_imp[r] = bench_now() - t0;
		if (stats.rows != (size_t)rows)
			bench_die(a, "row count");
		t_bare[r] = bare_insert(b, meals);
		cantine_ctx_free(a);
		cantine_ctx_free(b);
	}
	qsort(t_imp, (size_t)runs, sizeof(double), bench_cmp_double);
	qsort(t_bare, (size_t)runs, sizeof(double), bench_cmp_double);
	printf("menu rows:            %d (%d establishments x %d meals x %d dishes), %zu bytes of CSV\n",
	       rows, N_ETABS, meals, DISHES_PER_MEAL, len);
	printf("cantine import:       %.3f s (median of %d), %.0f rows/s\n",
	       t_imp[runs / 2], runs, rows / t_imp[runs / 2]);
	printf("bare SQLite insert:   %.3f s (median of %d), %.0f rows/s\n",
	       t_bare[runs / 2], runs, rows / t_bare[runs / 2]);
	printf("ratio import / bare:  %.2f (target <= 2.0)\n", t_imp[runs / 2] / t_bare[runs / 2]);
	free(csv);
	unlink(path_a);
	unlink(path_b);
	rmdir(dir);
	return 0;
}
