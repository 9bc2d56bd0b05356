/*
 * fuzz_ciqual.c: libFuzzer harness for the Ciqual table importer
 * (cantine_import_ciqual_mem, cantine/nutrition.h) and the nutrients
 * computed from what it stored, on an in-memory store.
 *
 * Built with -Dfuzzing=true (clang, -fsanitize=fuzzer) it is a libFuzzer
 * target; otherwise replay.c gives it a main() that replays the files and
 * folders given as arguments (corpus-ciqual/ and the test fixtures), so
 * the seed corpus runs as a regression test.
 */
#include <stdio.h>
#include <stdlib.h>

#include <cantine/cantine.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

/* A store with one dish whose products name foods of the corpus. */
static cantine_ctx *store(void)
{
	static cantine_ctx *ctx;
	static const char products[] =
		"code,nom,famille,unite,prix_ht,code_ciqual,viande,poisson\n"
		"CAROTTE,Carotte,FRUITS_ET_LEGUMES,kg,1.00,20009,non,non\n"
		"HUILE,Huile,AUTRES,kg,3.00,17130,non,non\n"
		"SANS,Sans code,AUTRES,kg,1.00,,non,non\n";
	static const char recipes[] =
		"recette,plat,produit,grammes\n"
		"Carottes,entrée,CAROTTE,70\n"
		"Carottes,entrée,HUILE,5\n"
		"Carottes,entrée,SANS,1.5\n";

	if (!ctx) {
		if (cantine_ctx_open(&ctx, ":memory:", CANTINE_OPEN_CREATE) != 0 ||
		    cantine_import_csv_mem(ctx, CANTINE_KIND_PRODUCTS, "seed", products,
					   sizeof(products) - 1, CANTINE_ENCODING_AUTO,
					   NULL, NULL) != 0 ||
		    cantine_import_csv_mem(ctx, CANTINE_KIND_RECIPES, "seed", recipes,
					   sizeof(recipes) - 1, CANTINE_ENCODING_AUTO,
					   NULL, NULL) != 0) {
			fprintf(stderr, "store: %s\n", cantine_errmsg(ctx));
			abort();
		}
	}
	return ctx;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	cantine_ctx *ctx = store();
	cantine_problems *pbs = NULL;
	cantine_ciqual_stats st;
	cantine_nutrients *n = NULL;
	cantine_buf b = CANTINE_BUF_INIT;
	int before = cantine_ciqual_food_count(ctx), k, rc;
	size_t i;

	rc = cantine_import_ciqual_mem(ctx, "fuzz", (const char *)data, size, &pbs, &st);
	if (rc != 0 && rc != CANTINE_EINVAL)
		abort();
	/* A rejected file explains itself, and changed nothing. */
	if (rc == CANTINE_EINVAL && (cantine_problems_count(pbs) == 0 ||
				     cantine_ciqual_food_count(ctx) != before))
		abort();
	for (i = 0; i < cantine_problems_count(pbs); i++)
		if (cantine_problem_format(cantine_problems_get(pbs, i), &b) != 0)
			abort();
	cantine_buf_dispose(&b);
	cantine_problems_free(pbs);
	/* An accepted one is all there, values counted once. */
	if (rc == 0 && (st.foods == 0 || (size_t)cantine_ciqual_food_count(ctx) != st.foods ||
			st.values != st.foods * st.constituents ||
			st.traces + st.less_than + st.unknown > st.values))
		abort();
	/* Whatever the table holds, the nutrients of a dish can be computed:
	 * never negative, never more known grams than the portion. */
	if (cantine_dish_nutrients(&n, ctx, "Carottes") != 0)
		abort();
	for (k = 0; k < CANTINE_NUTRIENT__MAX; k++) {
		const cantine_nutrient_amount *a = cantine_nutrients_get(n, (cantine_nutrient)k);
		if (a->portion < 0 || a->per_100g < 0 || a->known_mg < 0 ||
		    a->known_mg > cantine_nutrients_portion_mg(n))
			abort();
	}
	cantine_nutrients_free(n);
	return 0;
}
