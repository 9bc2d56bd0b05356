/*
 * bench_check.c: checking a whole school year (36 weeks) of menus for 125
 * establishments (cantine_check_period), against a floor measured in the
 * same run: a bare prepared query that reads the same meals, dishes,
 * ingredients and products.  Prints both times and their ratio.
 *
 * It also times the export of the same year in the national open-data
 * format (SCDL menus collectifs), and the check with the built-in plugins
 * (nutrition: GEMRCN windows of 20 meals; climat: Agribalyse footprint),
 * both against the same floor.
 *
 * With the Ciqual table (third argument), the plugins see real nutrients:
 * the GEMRCN classes are derived, and every dish served is scored
 * (Nutri-Score, carbon footprint) for every establishment.
 *
 * Not a timed test.  Usage: bench-check [ESTABLISHMENTS] [WEEKS] [CIQUAL.csv]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "common_int.h"
#include "bench_util.h"
#include "text_int.h"

const cantine_plugin *cantine_builtin_plugin_nutrition(void);
const cantine_plugin *cantine_builtin_plugin_climat(void);

/* 20 dishes: 4 per course, one vegetarian plat; 3 ingredients each. */
static const char *const courses[5] = {
	"entrée", "plat principal", "garniture", "produit laitier", "dessert",
};

static void make_catalogue(cantine_ctx *ctx)
{
	cantine_buf p = CANTINE_BUF_INIT, r = CANTINE_BUF_INIT;
	int c, i, k;

	/* Ciqual codes that Agribalyse 3.1.1 knows, so the climat plugin
	 * computes; every seventh product has none, so it reports. */
	static const int ciqual[30] = {
		1005, 1022, 2013, 2069, 4003, 4022, 4038, 5001, 5030, 6102, 6141, 6207,
		6253, 6513, 6551, 7004, 7130, 7259, 7403, 7602, 7738, 8000, 8109, 8250,
		8326, 8552, 8937, 9101, 9230, 9341,
	};

	cantine__buf_puts(&p, "code,nom,famille,unite,prix_ht,viande,poisson,allergenes,"
			  "code_ciqual\n");
	for (k = 0; k < 30; k++) {
		char code[16] = "";
		if (k % 7)
			snprintf(code, sizeof(code), "%d", ciqual[k]);
		cantine__buf_printf(&p, "P%d,Produit %d,%s,kg,%d.%02d,%s,non,%s,%s\n", k, k,
				    k % 10 == 0 ? "VIANDES_VOLAILLES" : "AUTRES", 1 + k % 9, k,
				    k % 10 == 0 ? "oui" : "non", k % 3 ? "lait" : "gluten|oeufs",
				    code);
	}
	cantine__buf_puts(&r, "recette,plat,produit,grammes\n");
	for (c = 0; c < 5; c++)
		for (i = 0; i < 4; i++)
			for (k = 0; k < 3; k++)
				cantine__buf_printf(&r, "Plat %d-%d,%s,P%d,%d\n", c, i, courses[c],
						    /* plat 1-0 holds meat, 1-1 does not */
						    c == 1 && i == 0 && k == 0 ? 0 : 1 + (c * 7 + i * 3 + k) % 29,
						    40 + 20 * k);
	if (cantine_import_csv_mem(ctx, CANTINE_KIND_PRODUCTS, "p", p.ptr, p.size,
				   CANTINE_ENCODING_AUTO, NULL, NULL) ||
	    cantine_import_csv_mem(ctx, CANTINE_KIND_RECIPES, "r", r.ptr, r.size,
				   CANTINE_ENCODING_AUTO, NULL, NULL))
		bench_die(ctx, "catalogue");
	cantine_buf_dispose(&p);
	cantine_buf_dispose(&r);
}

static void make_plan(cantine_ctx *ctx, int etabs, int weeks)
{
	cantine_buf e = CANTINE_BUF_INIT, m = CANTINE_BUF_INIT;
	char uai[9], date[11], siret[15];
	int i, w, d, c;

	cantine__buf_puts(&e, "uai,siret,nom,commune_insee,departement,jours_service,eleves,"
			  "demi_pensionnaires,cout_denrees_cible\n");
	cantine__buf_puts(&m, "uai,date,plat,recette,statut\n");
	for (i = 0; i < etabs; i++) {
		bench_uai(i, uai);
		bench_siret(i, siret);
		cantine__buf_printf(&e, "%s,%s,Collège %d,59350,59,lun|mar|jeu|ven,400,200,2.50\n",
				    uai, siret, i);
		for (w = 0; w < weeks; w++)
			for (d = 0; d < 5; d++) {
				if (d == 2)
					continue; /* Wednesday */
				cantine__date_format(cantine__days_from_civil(2026, 8, 31) + w * 7 + d, date);
				for (c = 0; c < 5; c++)
					cantine__buf_printf(&m, "%s,%s,%s,Plat %d-%d,publié\n", uai, date,
							    courses[c], c, (i + w + d) % 4);
			}
	}
	if (cantine_import_csv_mem(ctx, CANTINE_KIND_ETABS, "e", e.ptr, e.size,
				   CANTINE_ENCODING_AUTO, NULL, NULL) ||
	    cantine_import_csv_mem(ctx, CANTINE_KIND_MENUS, "m", m.ptr, m.size,
				   CANTINE_ENCODING_AUTO, NULL, NULL))
		bench_die(ctx, "plan");
	cantine_buf_dispose(&e);
	cantine_buf_dispose(&m);
}

/* The floor: read every row the checks need, with one prepared query. */
static double bare_read(cantine_ctx *ctx, int etabs, const char *from, const char *to,
			long long *rows)
{
	sqlite3_stmt *st;
	double t0 = bench_now();
	char uai[9];
	int i;

	if (sqlite3_prepare_v2(ctx->db,
		"SELECT m.date, m.status, d.name, d.course, p.meat, p.fish, p.allergens, "
		"p.traces, p.price_cents, p.unit_grams, i.grams_mg FROM etab e "
		"JOIN meal m ON m.etab_id = e.id JOIN meal_dish md ON md.meal_id = m.id "
		"JOIN dish d ON d.id = md.dish_id JOIN dish_ingredient i ON i.dish_id = d.id "
		"JOIN product p ON p.id = i.product_id WHERE e.uai = ?1 AND m.date BETWEEN ?2 "
		"AND ?3 ORDER BY m.date, d.course, d.name", -1, &st, NULL))
		bench_die(ctx, "prepare");
	*rows = 0;
	for (i = 0; i < etabs; i++) {
		bench_uai(i, uai);
		sqlite3_bind_text(st, 1, uai, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, from, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, to, -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW)
			++*rows;
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return bench_now() - t0;
}

int main(int argc, char **argv)
{
	int etabs = argc > 1 ? atoi(argv[1]) : 125;
	int weeks = argc > 2 ? atoi(argv[2]) : 36;
	char dir[] = "/tmp/cantine-bench-XXXXXX", path[64], uai[9], to[11];
	size_t findings = 0, errors = 0;
	long long rows;
	double t_check, t_bare, t_scdl, t_plugins, t_scores = 0, t0;
	size_t plugin_findings = 0, scores = 0;
	cantine_buf scdl = CANTINE_BUF_INIT;
	cantine_ctx *ctx;
	int i;

	if (etabs < 1 || etabs > 2000 || weeks < 1 || weeks > 52 || !mkdtemp(dir))
		return 1;
	snprintf(path, sizeof(path), "%s/check.db", dir);
	if (cantine_ctx_open(&ctx, path, CANTINE_OPEN_CREATE))
		bench_die(ctx, "open");
	if (argc > 3) {
		cantine_ciqual_stats st;
		t0 = bench_now();
		if (cantine_import_ciqual(ctx, argv[3], NULL, &st))
			bench_die(ctx, "Ciqual");
		printf("Ciqual table:         %zu foods imported in %.3f s\n", st.foods, bench_now() - t0);
	}
	make_catalogue(ctx);
	make_plan(ctx, etabs, weeks);
	cantine_date_add(to, "2026-08-31", weeks * 7 - 1);

	t0 = bench_now();
	for (i = 0; i < etabs; i++) {
		cantine_report *r;
		bench_uai(i, uai);
		if (cantine_check_period(&r, ctx, uai, "2026-08-31", to))
			bench_die(ctx, "check");
		findings += cantine_report_count(r);
		errors += cantine_report_count_severity(r, CANTINE_SEVERITY_ERROR);
		cantine_report_free(r);
	}
	t_check = bench_now() - t0;
	t_bare = bare_read(ctx, etabs, "2026-08-31", to, &rows);
	t0 = bench_now();
	for (i = 0; i < etabs; i++) {
		bench_uai(i, uai);
		if (cantine_export_scdl(ctx, uai, "2026-08-31", to,
					1u << CANTINE_STATUS_PUBLISHED, &scdl))
			bench_die(ctx, "export SCDL");
	}
	t_scdl = bench_now() - t0;
	/* The same check with both built-in plugins. */
	if (cantine_plugin_register(ctx, cantine_builtin_plugin_nutrition()) ||
	    cantine_plugin_register(ctx, cantine_builtin_plugin_climat()))
		bench_die(ctx, "plugins");
	t0 = bench_now();
	for (i = 0; i < etabs; i++) {
		cantine_report *r;
		bench_uai(i, uai);
		if (cantine_check_period(&r, ctx, uai, "2026-08-31", to))
			bench_die(ctx, "check with plugins");
		plugin_findings += cantine_report_count(r);
		cantine_report_free(r);
	}
	t_plugins = bench_now() - t0;
	/* Every dish served, scored by both plugins, for every establishment. */
	t0 = bench_now();
	for (i = 0; i < etabs; i++) {
		int c, k;
		for (c = 0; c < 5; c++)
			for (k = 0; k < 4; k++) {
				cantine_scores *sc;
				char dish[32];
				snprintf(dish, sizeof(dish), "Plat %d-%d", c, k);
				if (cantine_score_dish(&sc, ctx, dish))
					bench_die(ctx, "score");
				scores += cantine_scores_count(sc);
				cantine_scores_free(sc);
			}
	}
	t_scores = bench_now() - t0;

	printf("school year:          %d establishments x %d weeks x 4 days x 5 dishes "
	       "(%lld rows of meal x dish x ingredient)\n", etabs, weeks, rows);
	printf("cantine check:        %.3f s for all, %.2f ms per establishment-year, "
	       "%zu findings (%zu errors)\n", t_check, 1000 * t_check / etabs, findings, errors);
	printf("bare read of the rows: %.3f s\n", t_bare);
	printf("ratio check / bare:   %.2f\n", t_check / t_bare);
	printf("SCDL export:          %.3f s, %zu bytes; ratio export / bare read: %.2f\n",
	       t_scdl, scdl.size, t_scdl / t_bare);
	printf("check with plugins:   %.3f s (nutrition + climat), %.2f ms per "
	       "establishment-year, %zu findings; ratio to the bare read %.2f, to the "
	       "core check %.2f\n", t_plugins, 1000 * t_plugins / etabs, plugin_findings,
	       t_plugins / t_bare, t_plugins / t_check);
	printf("scores of the dishes: %.3f s for %d x 20 dishes (%zu scores), %.2f ms a dish\n",
	       t_scores, etabs, scores, 1000 * t_scores / (etabs * 20));
	cantine_buf_dispose(&scdl);
	cantine_ctx_free(ctx);
	snprintf(path, sizeof(path), "rm -rf %s", dir);
	if (system(path) != 0)
		return 1;
	return 0;
}
