/*
 * ciqual.c: `cantine import-ciqual`: the Ciqual food composition table
 * (ANSES) into the store (docs/formats.md, "Table Ciqual").
 */
#include <getopt.h>
#include <string.h>

#include "cli.h"

/* Where the project keeps the table (nutrition-data/PROVENANCE.md). */
#define DEFAULT_TABLE "nutrition-data/Table_Ciqual_2025_FR_2025_11_03.csv"

static const char usage_import_ciqual[] =
	"Usage : cantine [--db FICHIER] import-ciqual [FICHIER]\n"
	"\n"
	"Importe la table de composition nutritionnelle Ciqual 2025 de l'Anses\n"
	"(le fichier CSV tel que publié : windows-1252, séparateur « ; »), qui\n"
	"donne les valeurs nutritionnelles des plats (cantine dish show) à partir\n"
	"du code_ciqual des produits. La table déjà dans la base est remplacée ;\n"
	"réimporter le même fichier ne change rien.\n"
	"\n"
	"Sans FICHIER : " DEFAULT_TABLE ",\n"
	"depuis le dossier courant (le dossier du projet cantine).\n"
	"\n"
	"Un fichier tronqué, mal converti (« Ã© » à la place de « é ») ou modifié\n"
	"est refusé avec la ligne et la colonne du problème, et rien n'est importé :\n"
	"téléchargez de nouveau la table sur ciqual.anses.fr. Une copie convertie\n"
	"proprement en UTF-8 est acceptée.\n"
	"\n"
	"Source à citer : " CANTINE_CIQUAL_SOURCE "\n"
	"(Licence Ouverte / Etalab 2.0).\n";

int cmd_import_ciqual(cantine_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	cantine_problems *pbs = NULL;
	cantine_ciqual_stats st;
	const char *path;
	int c, rc;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if (c == 'h') {
			fputs(usage_import_ciqual, stdout);
			return EXIT_OK;
		}
		return cli_option_error(c, argv, usage_import_ciqual);
	}
	if (argc - optind > 1)
		return cli_usage_error("argument inattendu « %s » : un seul FICHIER",
				       argv[optind + 1], usage_import_ciqual);
	if (!ctx)
		return -1;
	path = optind < argc ? argv[optind] : DEFAULT_TABLE;
	rc = cantine_import_ciqual(ctx, path, &pbs, &st);
	cli_print_problems(pbs);
	if (rc == 0)
		printf("%s : %zu aliments, %zu constituants, %zu valeurs (dont %zu « traces », "
		       "%zu « < x » et %zu inconnues « - »).\n", path, st.foods, st.constituents,
		       st.values, st.traces, st.less_than, st.unknown);
	else if (rc == CANTINE_EIO && optind == argc)
		fprintf(stderr, "cantine : pas de table Ciqual à l'emplacement par défaut "
			"« %s » (depuis le dossier courant) ; donnez le chemin du fichier : "
			"cantine import-ciqual FICHIER\n", path), rc = EXIT_INPUT;
	else
		rc = cli_fail(ctx, rc);
	cantine_problems_free(pbs);
	return rc;
}
