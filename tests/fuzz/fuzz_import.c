/*
 * fuzz_import.c: libFuzzer harness for the CSV importers (every kind and
 * the SCDL menus collectifs importer, both encodings), on an in-memory
 * store.
 *
 * Built with -Dfuzzing=true (clang, -fsanitize=fuzzer) it is a libFuzzer
 * target; otherwise replay.c gives it a main() that replays the files and
 * folders given as arguments, so the seed corpus runs as a regression test.
 */
#include <stdio.h>
#include <stdlib.h>

#include <cantine/cantine.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static cantine_ctx *store(void)
{
	static cantine_ctx *ctx;
	static const char good_etab[] =
		"uai,nom,commune_insee,departement,jours_service,eleves,demi_pensionnaires\n"
		"0750654D,Collège,75056,75,lun|mar|jeu|ven,300,120\n";

	if (!ctx) {
		if (cantine_ctx_open(&ctx, ":memory:", CANTINE_OPEN_CREATE) != 0) {
			fprintf(stderr, "store: %s\n", cantine_errmsg(ctx));
			abort();
		}
		/* Something for menus to refer to. */
		cantine_import_csv_mem(ctx, CANTINE_KIND_ETABS, "seed", good_etab,
				       sizeof(good_etab) - 1, CANTINE_ENCODING_AUTO, NULL, NULL);
	}
	return ctx;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	cantine_ctx *ctx = store();
	int kind, enc;

	for (kind = 0; kind < CANTINE_KIND__MAX; kind++) {
		for (enc = CANTINE_ENCODING_AUTO; enc <= CANTINE_ENCODING_CP1252; enc += 2) {
			cantine_problems *pbs = NULL;
			cantine_buf b = CANTINE_BUF_INIT;
			size_t i;
			int rc = cantine_import_csv_mem(ctx, (cantine_kind)kind, "fuzz",
							(const char *)data, size,
							(cantine_encoding)enc, &pbs, NULL);
			/* A rejected file must explain itself. */
			if (rc == CANTINE_EINVAL && cantine_problems_count(pbs) == 0)
				abort();
			for (i = 0; i < cantine_problems_count(pbs); i++)
				if (cantine_problem_format(cantine_problems_get(pbs, i), &b) != 0)
					abort();
			cantine_buf_dispose(&b);
			cantine_problems_free(pbs);
			if (cantine_export_csv(ctx, (cantine_kind)kind, &b) != 0)
				abort();
			cantine_buf_dispose(&b);
		}
	}
	/* The SCDL menus collectifs importer (cantine/scdl.h) on the same
	 * bytes; its export must accept whatever it wrote (EINVAL only for
	 * the seed establishment, which has no SIRET). */
	for (enc = CANTINE_ENCODING_AUTO; enc <= CANTINE_ENCODING_CP1252; enc += 2) {
		cantine_problems *pbs = NULL;
		cantine_buf b = CANTINE_BUF_INIT;
		size_t i, errors = 0;
		int rc = cantine_import_scdl_mem(ctx, "fuzz", (const char *)data, size,
						 (cantine_encoding)enc, &pbs, NULL);

		for (i = 0; i < cantine_problems_count(pbs); i++) {
			errors += !cantine_problems_get(pbs, i)->warning;
			if (cantine_problem_format(cantine_problems_get(pbs, i), &b) != 0)
				abort();
		}
		/* A rejected file must explain itself with an error. */
		if (rc == CANTINE_EINVAL && errors == 0 &&
		    cantine_problems_total(pbs) == cantine_problems_count(pbs))
			abort();
		cantine_buf_dispose(&b);
		cantine_problems_free(pbs);
		rc = cantine_export_scdl(ctx, NULL, NULL, NULL, 7, &b);
		if (rc != 0 && rc != CANTINE_EINVAL)
			abort();
		cantine_buf_dispose(&b);
	}
	return 0;
}
