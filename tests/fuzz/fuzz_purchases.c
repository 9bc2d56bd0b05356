/*
 * fuzz_purchases.c: libFuzzer harness for the ma-cantine purchase importer
 * (cantine_import_purchases_mem, cantine/purchase.h) and the purchases
 * read back (cantine_purchases_load), on an in-memory store.
 *
 * Built with -Dfuzzing=true (clang, -fsanitize=fuzzer) it is a libFuzzer
 * target; otherwise replay.c gives it a main() that replays the files and
 * folders given as arguments (corpus-purchases/ and the test fixtures).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cantine/cantine.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static const char *const uais[] = { "0595871L", "0622413L" };

/* A store with two establishments that have a SIRET. */
static cantine_ctx *store(void)
{
	static cantine_ctx *ctx;
	static const char etabs[] =
		"uai,siret,nom,commune_insee,departement,jours_service,eleves,"
		"demi_pensionnaires\n"
		"0595871L,19595871500011,Collège Louise Michel,59350,59,lun|mar|jeu|ven,310,135\n"
		"0622413L,19622413300013,Collège Émile Zola,62041,62,lun|mar|mer|jeu|ven,540,365\n";

	if (!ctx) {
		if (cantine_ctx_open(&ctx, ":memory:", CANTINE_OPEN_CREATE) != 0 ||
		    cantine_import_csv_mem(ctx, CANTINE_KIND_ETABS, "seed", etabs,
					   sizeof(etabs) - 1, CANTINE_ENCODING_AUTO,
					   NULL, NULL) != 0) {
			fprintf(stderr, "store: %s\n", cantine_errmsg(ctx));
			abort();
		}
	}
	return ctx;
}

/* Every purchase of the store, checked on the way. */
static size_t all(cantine_ctx *ctx)
{
	size_t total = 0, n, i, k;
	cantine_purchase *list;

	for (k = 0; k < sizeof(uais) / sizeof(uais[0]); k++) {
		if (cantine_purchases_load(ctx, uais[k], NULL, NULL, &list, &n) != 0)
			abort();
		for (i = 0; i < n; i++) {
			const cantine_purchase *p = &list[i];
			if (p->amount_cents < 0 || strlen(p->date) != 10 || !*p->description ||
			    (unsigned)p->family >= CANTINE_FAMILY__MAX ||
			    p->characteristics >= (1u << CANTINE_CHAR__MAX) ||
			    (i > 0 && strcmp(list[i - 1].date, p->date) > 0) ||
			    (p->local != CANTINE_LOCAL_NONE &&
			     !(p->characteristics & (1u << CANTINE_CHAR_LOCAL))) ||
			    ((p->characteristics & (1u << CANTINE_CHAR_FRANCE)) &&
			     (p->characteristics & (1u << CANTINE_CHAR_EUROPE))))
				abort();
		}
		cantine_purchases_free(list, n);
		total += n;
	}
	return total;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	cantine_ctx *ctx = store();
	cantine_problems *pbs = NULL;
	cantine_import_stats st;
	cantine_buf b = CANTINE_BUF_INIT;
	size_t before = all(ctx), i;
	int rc;

	rc = cantine_import_purchases_mem(ctx, "fuzz", (const char *)data, size, &pbs, &st);
	if (rc != 0 && rc != CANTINE_EINVAL)
		abort();
	/* A rejected file explains itself, and changed nothing. */
	if (rc == CANTINE_EINVAL && (cantine_problems_count(pbs) == 0 || all(ctx) != before))
		abort();
	for (i = 0; i < cantine_problems_count(pbs); i++)
		if (cantine_problem_format(cantine_problems_get(pbs, i), &b) != 0)
			abort();
	cantine_buf_dispose(&b);
	cantine_problems_free(pbs);
	/* An accepted one is all there, and refused the second time. */
	if (rc == 0) {
		if (st.inserted == 0 || st.inserted != st.rows || all(ctx) != before + st.inserted)
			abort();
		if (cantine_import_purchases_mem(ctx, "fuzz", (const char *)data, size, &pbs,
						 NULL) != CANTINE_EINVAL ||
		    all(ctx) != before + st.inserted)
			abort();
		cantine_problems_free(pbs);
	}
	return 0;
}
