/*
 * test_alloc.c: allocation failures.  For n = 0, 1, 2, … the n+1-th
 * allocation of the library fails (cantine__alloc_fail_after); every call
 * must then return an error or succeed, never crash, leak (checked by
 * LeakSanitizer in the sanitizer build), leave a transaction open or write
 * half an import.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common_int.h"

#define MAX_STEPS 100000

static const char etabs_csv[] =
	"uai,siret,nom,commune_insee,departement,jours_service,eleves,demi_pensionnaires\n"
	"0595871L,19595871500011,Collège Louise Michel,59654,59,lun|mar|jeu|ven,310,135\n"
	"0622413L,,\"Collège Émile Zola\",62427,62,lundi|mardi,540,365\n";

static const char products_csv[] =
	"code;nom;famille;labels;unite;poids_unite_g;prix_ht;allergenes;traces;viande;poisson\n"
	"CAROTTE;Carotte;FRUITS_ET_LEGUMES;BIO;kg;;1,80;;;non;non\n"
	"POULET;Poulet;VIANDES_VOLAILLES;LABEL_ROUGE;kg;;9,00;;;oui;non\n"
	"FARINE;Farine;AUTRES;;kg;;1,20;gluten;sésame|oeufs;non;non\n"
	"YAOURT;Yaourt;PRODUITS_LAITIERS;;piece;125;0,45;lait;fruits à coques;non;non\n";

static const char recipes_csv[] =
	"recette,plat,produit,grammes,tags\n"
	"Carottes râpées,entrée,CAROTTE,80,crudite\n"
	"Poulet rôti,plat principal,POULET,120,viande_non_hachee\n"
	"Gâteau au yaourt,dessert,FARINE,30,\n"
	"Gâteau au yaourt,dessert,YAOURT,62.5,sucre\n";

static const char menus_csv[] =
	"uai,date,plat,recette,statut\n"
	"0595871L,2026-11-23,entrée,Carottes râpées,publié\n"
	"0595871L,2026-11-23,plat principal,Poulet rôti,publié\n"
	"0595871L,2026-11-23,dessert,Gâteau au yaourt,publié\n"
	"0595871L,2026-11-24,dessert,Gâteau au yaourt,brouillon\n";

/* A file with problems on several rows (but a good header). */
static const char bad_products_csv[] =
	"code,nom,famille,unite,prix_ht,viande,poisson\n"
	"A,Chou,LEGUMES,kg,1,non,non\n"
	"B,Chou \xE9,FRUITS_ET_LEGUMES,kg,12.5.0,non,non\n"
	"B,Chou,FRUITS_ET_LEGUMES,kg,1,peut-être,non\n"
	"C,Chou,FRUITS_ET_LEGUMES,kg\n"
	"D,\"Chou\" rouge,FRUITS_ET_LEGUMES,kg,1,non,non\n";

/* A header without required columns. */
static const char bad_header_csv[] = "code,nom,bogus,nom\nA,B,C,D\n";

typedef struct alloc_fix {
	char *dir;
	char *db;
} alloc_fix;

static int setup(void **state)
{
	alloc_fix *a = calloc(1, sizeof(*a));

	if (!a)
		return -1;
	a->dir = tu_mkdtemp();
	a->db = tu_path(a->dir, "alloc.db");
	*state = a;
	return 0;
}

static int teardown(void **state)
{
	alloc_fix *a = *state;

	cantine__alloc_fail_after(-1);
	free(a->db);
	tu_rmtree(a->dir);
	free(a);
	return 0;
}

static void remove_store(const alloc_fix *a)
{
	static const char *const sfx[] = { "", "-wal", "-shm", "-journal" };
	char p[4096];
	size_t i;

	for (i = 0; i < sizeof(sfx) / sizeof(sfx[0]); i++) {
		snprintf(p, sizeof(p), "%s%s", a->db, sfx[i]);
		unlink(p);
	}
}

/* An error code the library may return. */
static void check_rc(int rc, const char *what)
{
	if (rc > 0 || rc < CANTINE_ENOTSTORE)
		fail_msg("%s: unexpected return %d", what, rc);
}

/* Import one file: returns its code; the problem list is freed. */
static int import(cantine_ctx *ctx, cantine_kind k, const char *data, size_t len,
		  size_t *nproblems)
{
	cantine_problems *pbs = NULL;
	cantine_import_stats st;
	int rc = cantine_import_csv_mem(ctx, k, "f.csv", data, len,
					CANTINE_ENCODING_AUTO, &pbs, &st);
	size_t i;

	check_rc(rc, "import");
	if (nproblems)
		*nproblems = cantine_problems_count(pbs);
	/* Formatting the problems may fail as well. */
	for (i = 0; i < cantine_problems_count(pbs); i++) {
		cantine_buf b = CANTINE_BUF_INIT;
		const cantine_problem *pb = cantine_problems_get(pbs, i);
		assert_non_null(pb);
		assert_non_null(pb->message);
		check_rc(cantine_problem_format(pb, &b), "problem_format");
		cantine_buf_dispose(&b);
	}
	cantine_problems_free(pbs);
	/* Never left inside a transaction. */
	assert_true(sqlite3_get_autocommit(ctx->db));
	assert_non_null(cantine_errmsg(ctx));
	return rc;
}

/* Each import is all or nothing: the tables it fills (empty before) hold
 * either nothing or everything. */
static void check_all_or_nothing(cantine_ctx *ctx, const char *table,
				 long long full, long n)
{
	char sql[128];
	long long v;

	snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s", table);
	v = tu_query_int(ctx->db, sql);
	if (v != 0 && v != full)
		fail_msg("n=%ld: %s holds %lld rows (neither 0 nor %lld)", n, table, v, full);
}

/* Everything a session does.  Returns true when no call failed. */
static bool scenario(const alloc_fix *a, long n)
{
	cantine_ctx *ctx = NULL;
	cantine_week *w = NULL;
	cantine_dish *d = NULL;
	cantine_product *p = NULL;
	cantine_etab *e = NULL;
	cantine_buf b = CANTINE_BUF_INIT;
	bool ok = true;
	int rc, k;

	remove_store(a);
	cantine__alloc_fail_after(n);
	rc = cantine_ctx_open(&ctx, a->db, CANTINE_OPEN_CREATE);
	check_rc(rc, "ctx_open");
	if (rc) {
		assert_true(rc == CANTINE_ENOMEM || ctx != NULL);
		if (ctx)
			assert_non_null(cantine_errmsg(ctx));
		cantine_ctx_free(ctx);
		cantine__alloc_fail_after(-1);
		return false;
	}
	ok &= import(ctx, CANTINE_KIND_ETABS, etabs_csv, sizeof(etabs_csv) - 1, NULL) == 0;
	check_all_or_nothing(ctx, "etab", 2, n);
	ok &= import(ctx, CANTINE_KIND_PRODUCTS, products_csv, sizeof(products_csv) - 1, NULL) == 0;
	check_all_or_nothing(ctx, "product", 4, n);
	ok &= import(ctx, CANTINE_KIND_RECIPES, recipes_csv, sizeof(recipes_csv) - 1, NULL) == 0;
	check_all_or_nothing(ctx, "dish", 3, n);
	check_all_or_nothing(ctx, "dish_ingredient", 4, n);
	ok &= import(ctx, CANTINE_KIND_MENUS, menus_csv, sizeof(menus_csv) - 1, NULL) == 0;
	check_all_or_nothing(ctx, "meal", 2, n);
	check_all_or_nothing(ctx, "meal_dish", 4, n);

	rc = cantine_plan_week(&w, ctx, "0595871L", "2026-11-26");
	check_rc(rc, "plan_week");
	if (rc == 0 && ok) {
		assert_int_equal(cantine_week_meal_count(w), 2);
		assert_int_equal(cantine_week_meal(w, 0)->n_offers, 3);
	}
	if (rc != 0)
		assert_null(w);
	cantine_week_free(w);
	ok &= rc == 0;

	rc = cantine_dish_find(&d, ctx, "Gâteau au yaourt");
	check_rc(rc, "dish_find");
	if (rc == 0 && ok)
		assert_int_equal(cantine_dish_ingredient_count(d), 2);
	if (rc != 0)
		assert_null(d);
	cantine_dish_free(d);
	ok &= rc == 0;

	rc = cantine_product_find(&p, ctx, "YAOURT");
	check_rc(rc, "product_find");
	if (rc != 0)
		assert_null(p);
	cantine_product_free(p);
	ok &= rc == 0;

	rc = cantine_etab_find(&e, ctx, "0622413L");
	check_rc(rc, "etab_find");
	if (rc != 0)
		assert_null(e);
	cantine_etab_free(e);
	ok &= rc == 0;

	for (k = 0; k < CANTINE_KIND__MAX; k++) {
		rc = cantine_export_csv(ctx, (cantine_kind)k, &b);
		check_rc(rc, "export");
		ok &= rc == 0;
	}
	cantine_buf_dispose(&b);

	rc = cantine_dish_search(ctx, "carotte", 5, &b);
	check_rc(rc < 0 ? rc : 0, "dish_search");
	ok &= rc >= 0;
	cantine_buf_dispose(&b);
	rc = cantine_allergens_format(&b, 0x3fff, ", ");
	check_rc(rc, "allergens_format");
	ok &= rc == 0;
	cantine_buf_dispose(&b);

	{
		cantine_ingredient ing = { "CAROTTE", 100000 };
		rc = cantine_dish_save(ctx, "Carottes", CANTINE_COURSE_ENTREE, NULL, &ing, 1);
		check_rc(rc, "dish_save");
		ok &= rc == 0;
		assert_true(sqlite3_get_autocommit(ctx->db));
	}
	{
		const char *dishes[] = { "Carottes", "Poulet rôti" };
		rc = cantine_plan_set_meal(ctx, "0595871L", "2026-11-26",
					   CANTINE_STATUS_PROPOSED, dishes, 2);
		check_rc(rc, "plan_set_meal");
		ok &= rc == 0;
		assert_true(sqlite3_get_autocommit(ctx->db));
	}
	/* Errors whose message must be built. */
	rc = cantine_etab_find(&e, ctx, "0750654D");
	assert_true(rc == CANTINE_ENOTFOUND || rc == CANTINE_ENOMEM || rc == CANTINE_ESTORE);
	assert_null(e);
	assert_non_null(cantine_errmsg(ctx));

	cantine_ctx_free(ctx);
	cantine__alloc_fail_after(-1);
	return ok;
}

static void test_alloc_session(void **state)
{
	alloc_fix *a = *state;
	long n;

	for (n = 0; n < MAX_STEPS; n++) {
		if (scenario(a, n))
			break;
	}
	assert_true(n < MAX_STEPS);
	print_message("session: succeeded once %ld allocations were allowed\n", n);
	/* And a last run without any limit. */
	assert_true(scenario(a, -1));
}

/* Import a file with problems for n = 0, 1, … failing allocations,
 * until it fails with all its problems listed; nothing is ever written. */
static void problem_loop(cantine_ctx *ctx, cantine_kind kind, const char *data,
			 size_t len, const char *table)
{
	char sql[128];
	size_t np = 0, full = 0;
	long long before;
	long n;
	int rc;

	snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s", table);
	before = tu_query_int(ctx->db, sql);
	/* The reference run: how many problems without failures. */
	assert_int_equal(import(ctx, kind, data, len, &full), CANTINE_EINVAL);
	assert_true(full >= 1);
	for (n = 0; n < MAX_STEPS; n++) {
		cantine__alloc_fail_after(n);
		rc = import(ctx, kind, data, len, &np);
		cantine__alloc_fail_after(-1);
		assert_true(rc == CANTINE_EINVAL || rc == CANTINE_ENOMEM);
		assert_int_equal(tu_query_int(ctx->db, sql), before);
		if (rc == CANTINE_EINVAL && np == full)
			break;
	}
	assert_true(n < MAX_STEPS);
}

static const char bad_recipes_csv[] =
	"recette,plat,produit,grammes,tags\n"
	"Soupe,entrée,CAROTTE,200,\n"
	"Soupe,dessert,CAROTTE,10,\n"
	"Soupe,entrée,NAVET,10,\n"
	"Soupe,entrée,FARINE,0,\n"
	"Tarte,dessert,FARINE,50,Pas Un Tag\n"
	"Tarte,dessert,FARINE,50,\n";

static const char bad_menus_csv[] =
	"uai,date,plat,recette,statut\n"
	"0750654D,2026-11-23,entrée,Carottes râpées,\n"
	"0595871L,2026-02-30,entrée,Carottes râpées,\n"
	"0595871L,2026-11-23,dessert,Carottes râpées,\n"
	"0595871L,2026-11-23,entrée,Inconnue,\n"
	"0595871L,2026-11-24,entrée,Carottes râpées,publié\n"
	"0595871L,2026-11-24,plat principal,Poulet rôti,brouillon\n"
	"0595871L,2026-11-24,entrée,Carottes râpées,publié\n";

static const char bad_etabs_csv[] =
	"uai,siret,nom,commune_insee,departement,jours_service,eleves,demi_pensionnaires\n"
	"0595871M,19595871500012,X,62427,59,lun|lundi|funday,10,20\n"
	"0595871L,,,59654,59,,beaucoup,1\n"
	"0622413L,,Y,62427,62,lun,10,5\n"
	"0622413L,,Y,62427,62,lun,10,5\n";

/* Imports that fail because of their content, under allocation failure:
 * the problem lists themselves must be built safely. */
static void test_alloc_problems(void **state)
{
	alloc_fix *a = *state;
	cantine_ctx *ctx;

	remove_store(a);
	ctx = tu_open_store(a->dir, "alloc.db");
	problem_loop(ctx, CANTINE_KIND_PRODUCTS, bad_products_csv,
		     sizeof(bad_products_csv) - 1, "product");
	problem_loop(ctx, CANTINE_KIND_PRODUCTS, bad_header_csv,
		     sizeof(bad_header_csv) - 1, "product");
	problem_loop(ctx, CANTINE_KIND_ETABS, bad_etabs_csv,
		     sizeof(bad_etabs_csv) - 1, "etab");
	/* The other kinds need the store filled first. */
	assert_int_equal(import(ctx, CANTINE_KIND_ETABS, etabs_csv,
				sizeof(etabs_csv) - 1, NULL), 0);
	assert_int_equal(import(ctx, CANTINE_KIND_PRODUCTS, products_csv,
				sizeof(products_csv) - 1, NULL), 0);
	assert_int_equal(import(ctx, CANTINE_KIND_RECIPES, recipes_csv,
				sizeof(recipes_csv) - 1, NULL), 0);
	problem_loop(ctx, CANTINE_KIND_RECIPES, bad_recipes_csv,
		     sizeof(bad_recipes_csv) - 1, "dish_ingredient");
	problem_loop(ctx, CANTINE_KIND_MENUS, bad_menus_csv,
		     sizeof(bad_menus_csv) - 1, "meal_dish");
	cantine_ctx_free(ctx);
}

/* Saving through the API under allocation failure (validation messages,
 * PCRE2 matchers compiled lazily). */
static void test_alloc_api(void **state)
{
	alloc_fix *a = *state;
	long n;

	for (n = 0; n < MAX_STEPS; n++) {
		cantine_ctx *ctx;
		cantine_etab e;
		cantine_product p;
		bool ok = true;
		int rc;

		remove_store(a);
		ctx = tu_open_store(a->dir, "alloc.db");
		cantine__alloc_fail_after(n);
		tu_etab_init(&e, "0595871L");
		rc = cantine_etab_save(ctx, &e);
		check_rc(rc, "etab_save");
		ok &= rc == 0;
		e.half_boarders = 1000;
		rc = cantine_etab_save(ctx, &e);
		assert_true(rc == CANTINE_EINVAL || rc == CANTINE_ENOMEM || rc == CANTINE_ERROR);
		ok &= rc == CANTINE_EINVAL;
		tu_product_init(&p, "CAROTTE", "Carotte", 180);
		rc = cantine_product_save(ctx, &p);
		check_rc(rc, "product_save");
		ok &= rc == 0;
		p.code = "pas un code";
		rc = cantine_product_save(ctx, &p);
		assert_true(rc == CANTINE_EINVAL || rc == CANTINE_ENOMEM || rc == CANTINE_ERROR);
		ok &= rc == CANTINE_EINVAL;
		cantine__alloc_fail_after(-1);
		assert_true(tu_query_int(ctx->db, "SELECT count(*) FROM etab "
					 "WHERE half_boarders = 1000") == 0);
		cantine_ctx_free(ctx);
		if (ok)
			break;
	}
	assert_true(n < MAX_STEPS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_alloc_session, setup, teardown),
		cmocka_unit_test_setup_teardown(test_alloc_problems, setup, teardown),
		cmocka_unit_test_setup_teardown(test_alloc_api, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
