/*
 * egalim.c: `cantine egalim`: the EGALIM objectives of a collège's
 * purchases over a calendar year (the plugins' audit_purchases: egalim).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage_egalim[] =
	"Usage : cantine [--db FICHIER] egalim [--etab UAI] [--annee AAAA] [--tout]\n"
	"\n"
	"Les objectifs EGALIM des achats d'une année civile (par défaut l'année en\n"
	"cours), comptés comme la plateforme nationale ma-cantine : part du bio, des\n"
	"produits durables et de qualité (bio compris), des viandes et poissons\n"
	"durables et de qualité (à partir de 2024), seuils du territoire et de\n"
	"l'année ; ce qui manque pour chaque objectif non atteint.\n"
	"\n"
	"  --tout     affiche aussi les objectifs atteints et le détail (commerce\n"
	"             équitable, origine France et Europe, circuit court, local)\n"
	"\n"
	"Code de sortie 1 quand un objectif n'est pas atteint.\n";

int cmd_egalim(cantine_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "etab", required_argument, NULL, 'e' },
		{ "annee", required_argument, NULL, 'a' },
		{ "tout", no_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *uai = NULL, *year_s = NULL;
	cantine_report *r = NULL;
	cantine_etab *etab = NULL;
	int c, rc, all = 0, year;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if (c == 'e')
			uai = optarg;
		else if (c == 'a')
			year_s = optarg;
		else if (c == 't')
			all = 1;
		else if (c == 'h')
			return fputs(usage_egalim, stdout), EXIT_OK;
		else
			return cli_option_error(c, argv, usage_egalim);
	}
	if (optind < argc)
		return cli_usage_error("argument inattendu « %s »", argv[optind], usage_egalim);
	if ((rc = cli_year(year_s, &year, usage_egalim)) != EXIT_OK)
		return rc;
	if (!ctx)
		return -1;
	rc = cli_etab(ctx, uai, &etab);
	if (rc == 0)
		rc = cantine_audit_purchases(&r, ctx, etab->uai, year);
	if (rc) {
		cantine_etab_free(etab);
		return cli_fail(ctx, rc);
	}
	printf("Objectifs EGALIM de %s (%s), achats de %d\n", etab->name, etab->uai, year);
	rc = cli_print_report(r, all);
	cantine_report_free(r);
	cantine_etab_free(etab);
	return rc;
}
