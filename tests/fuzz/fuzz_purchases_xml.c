/*
 * fuzz_purchases_xml.c: libFuzzer harness for the import of purchases in
 * the project's XML format (cantine_import_purchases_mem on a file
 * starting with '<'; libmenu/xsd/achats.xsd) and their export
 * (cantine_export_purchases_xml), on in-memory stores.
 *
 * Built with -Dfuzzing=true (clang, -fsanitize=fuzzer) it is a libFuzzer
 * target; otherwise replay.c gives it a main() that replays the files and
 * folders given as arguments (corpus-purchases-xml/ and the XML test
 * fixtures).
 *
 * What must hold: a refused file explains itself and changes nothing; an
 * accepted one adds all its purchases, is refused the second time, and
 * its store exports to a document that imports into an empty store with
 * the same purchases and exports again to the same bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cantine/cantine.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static const char etabs[] =
	"uai,siret,nom,commune_insee,departement,jours_service,eleves,"
	"demi_pensionnaires\n"
	"0595871L,19595871500011,Collège Louise Michel,59350,59,lun|mar|jeu|ven,310,135\n"
	"0622413L,19622413300013,Collège Émile Zola,62041,62,lun|mar|mer|jeu|ven,540,365\n";

static cantine_ctx *new_store(void)
{
	cantine_ctx *ctx = NULL;

	if (cantine_ctx_open(&ctx, ":memory:", CANTINE_OPEN_CREATE) != 0 ||
	    cantine_import_csv_mem(ctx, CANTINE_KIND_ETABS, "seed", etabs, sizeof(etabs) - 1,
				   CANTINE_ENCODING_AUTO, NULL, NULL) != 0) {
		fprintf(stderr, "store: %s\n", cantine_errmsg(ctx));
		abort();
	}
	return ctx;
}

static size_t all(cantine_ctx *ctx)
{
	static const char *const uais[] = { "0595871L", "0622413L" };
	size_t total = 0, n, k;
	cantine_purchase *list;

	for (k = 0; k < 2; k++) {
		if (cantine_purchases_load(ctx, uais[k], NULL, NULL, &list, &n) != 0)
			abort();
		cantine_purchases_free(list, n);
		total += n;
	}
	return total;
}

/* Export everything, import it into an empty store, export again. */
static void round_trip(cantine_ctx *ctx)
{
	cantine_buf a = CANTINE_BUF_INIT, b = CANTINE_BUF_INIT;
	cantine_ctx *two = new_store();
	cantine_problems *pbs = NULL;

	if (cantine_export_purchases_xml(ctx, NULL, NULL, NULL, &a) != 0)
		abort();
	if (cantine_import_purchases_mem(two, "export", a.ptr, a.size, &pbs, NULL) != 0) {
		size_t i;
		cantine_buf m = CANTINE_BUF_INIT;
		for (i = 0; i < cantine_problems_count(pbs); i++)
			cantine_problem_format(cantine_problems_get(pbs, i), &m);
		fprintf(stderr, "export not imported: %s\n%s\n", m.ptr ? m.ptr : "", a.ptr);
		abort();
	}
	if (all(two) != all(ctx) ||
	    cantine_export_purchases_xml(two, NULL, NULL, NULL, &b) != 0 ||
	    a.size != b.size || memcmp(a.ptr, b.ptr, a.size) != 0)
		abort();
	cantine_buf_dispose(&a);
	cantine_buf_dispose(&b);
	cantine_ctx_free(two);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static cantine_ctx *ctx;
	cantine_problems *pbs = NULL;
	cantine_import_stats st;
	cantine_buf b = CANTINE_BUF_INIT;
	size_t before, i = 0;
	int rc;

	/* Only what the importer reads as XML: '<' first, after an optional
	 * UTF-8 byte-order mark and blanks. */
	if (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < size && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' ||
			    data[i] == '\n'))
		i++;
	if (i >= size || data[i] != '<')
		return 0;
	if (!ctx)
		ctx = new_store();
	before = all(ctx);
	rc = cantine_import_purchases_mem(ctx, "fuzz.xml", (const char *)data, size, &pbs, &st);
	if (rc != 0 && rc != CANTINE_EINVAL)
		abort();
	if (rc == CANTINE_EINVAL && (cantine_problems_count(pbs) == 0 || all(ctx) != before))
		abort();
	for (i = 0; i < cantine_problems_count(pbs); i++)
		if (cantine_problem_format(cantine_problems_get(pbs, i), &b) != 0)
			abort();
	cantine_buf_dispose(&b);
	cantine_problems_free(pbs);
	if (rc == 0) {
		if (st.inserted == 0 || st.inserted != st.rows || all(ctx) != before + st.inserted)
			abort();
		if (cantine_import_purchases_mem(ctx, "fuzz.xml", (const char *)data, size, &pbs,
						 NULL) != CANTINE_EINVAL ||
		    all(ctx) != before + st.inserted)
			abort();
		cantine_problems_free(pbs);
		round_trip(ctx);
	}
	return 0;
}
