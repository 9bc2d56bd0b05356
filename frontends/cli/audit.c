/*
 * audit.c: `cantine audit`: the departmental audit of a calendar year,
 * every collège of the store side by side (cantine/audit.h), as text,
 * CSV, XML or an HTML page with SVG charts.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage_audit[] =
	"Usage : cantine [--db FICHIER] audit [--annee AAAA] [--departement DD]\n"
	"                [--format texte|csv|xml|html] [--tri CLÉ] [--decroissant]\n"
	"\n"
	"L'audit EGALIM d'une année civile (par défaut l'année en cours) de tous les\n"
	"collèges de la base, ou de ceux d'un département : une ligne par collège\n"
	"(part du bio, EGALIM, viandes et poissons, local, semaines avec un menu\n"
	"végétarien, niveau « Ici je mange local », objectifs atteints ou non), le\n"
	"total du département (sommes des montants, pas moyennes des taux), et ce\n"
	"qui manque à chaque collège pour chaque objectif.\n"
	"\n"
	"  --annee AAAA        année des achats (aussi --year)\n"
	"  --departement DD    seulement les collèges de ce département (59, 62…)\n"
	"  --format F          texte (par défaut), csv, xml, ou html : une page avec\n"
	"                      les graphiques de chaque collège face aux objectifs\n"
	"  --tri CLÉ           nom (par défaut), uai, montant, bio, egalim, viandes,\n"
	"                      poissons, local, vegetarien ou ijml ; du plus petit au\n"
	"                      plus grand (les taux non définis à la fin)\n"
	"  --decroissant       du plus grand au plus petit\n"
	"\n"
	"Le résultat s'écrit sur la sortie standard, par exemple :\n"
	"  cantine audit --annee 2026 --format html > audit-2026.html\n"
	"Code de sortie 1 quand un collège n'atteint pas ses objectifs.\n";

int cmd_audit(cantine_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "annee", required_argument, NULL, 'a' },
		{ "year", required_argument, NULL, 'a' },
		{ "departement", required_argument, NULL, 'd' },
		{ "format", required_argument, NULL, 'f' },
		{ "tri", required_argument, NULL, 't' },
		{ "decroissant", no_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *year_s = NULL, *dept = NULL, *fmt_s = "texte", *key_s = "nom";
	cantine_audit *a = NULL;
	cantine_buf out = CANTINE_BUF_INIT;
	int c, rc, fmt, key, desc = 0, missed = 0, year;
	size_t i;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if (c == 'a')
			year_s = optarg;
		else if (c == 'd')
			dept = optarg;
		else if (c == 'f')
			fmt_s = optarg;
		else if (c == 't')
			key_s = optarg;
		else if (c == 'r')
			desc = 1;
		else if (c == 'h')
			return fputs(usage_audit, stdout), EXIT_OK;
		else
			return cli_option_error(c, argv, usage_audit);
	}
	if (optind < argc)
		return cli_usage_error("argument inattendu « %s »", argv[optind], usage_audit);
	if ((rc = cli_year(year_s, &year, usage_audit)) != EXIT_OK)
		return rc;
	if ((fmt = cantine_audit_format_parse(fmt_s)) < 0)
		return cli_usage_error("format « %s » inconnu : texte, csv, xml ou html", fmt_s,
				       usage_audit);
	if ((key = cantine_audit_key_parse(key_s)) < 0)
		return cli_usage_error("clé de tri « %s » inconnue : nom, uai, montant, bio, "
				       "egalim, viandes, poissons, local, vegetarien ou ijml",
				       key_s, usage_audit);
	if (!ctx)
		return -1;
	if ((rc = cantine_audit_departement(&a, ctx, year, dept)))
		return cli_fail(ctx, rc);
	rc = cantine_audit_sort(a, (cantine_audit_key)key, desc);
	if (rc == 0)
		rc = cantine_audit_write(a, (cantine_audit_format)fmt, &out);
	if (rc == 0 && fwrite(out.ptr, 1, out.size, stdout) != out.size)
		rc = CANTINE_EIO;
	for (i = 0; i < cantine_audit_count(a); i++)
		missed |= cantine_audit_get(a, i)->met == 0;
	cantine_buf_dispose(&out);
	cantine_audit_free(a);
	return rc ? cli_fail(ctx, rc) : missed ? EXIT_RULE : EXIT_OK;
}

static const char usage_bilan[] =
	"Usage : cantine [--db FICHIER] bilan [--annee AAAA] [--departement DD]\n"
	"                [--detaille]\n"
	"\n"
	"Le fichier de la déclaration annuelle à ma-cantine (« import de bilans »)\n"
	"pour les achats d'une année civile (par défaut l'année en cours) : une\n"
	"ligne par établissement qui a des achats cette année-là, reconnu à son\n"
	"SIRET ; montants HT en euros, comptés comme ma-cantine.\n"
	"\n"
	"  --annee AAAA        année des données (pas celle de la déclaration)\n"
	"  --departement DD    seulement les établissements de ce département\n"
	"  --detaille          le bilan détaillé (125 colonnes : chaque famille de\n"
	"                      produits par label) au lieu du bilan simple (21)\n"
	"\n"
	"Le fichier s'écrit sur la sortie standard, par exemple :\n"
	"  cantine bilan --annee 2026 > bilan-2026.csv\n";

int cmd_bilan(cantine_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "annee", required_argument, NULL, 'a' },
		{ "year", required_argument, NULL, 'a' },
		{ "departement", required_argument, NULL, 'd' },
		{ "detaille", no_argument, NULL, 'D' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *year_s = NULL, *dept = NULL;
	cantine_buf out = CANTINE_BUF_INIT;
	cantine_bilan kind = CANTINE_BILAN_SIMPLE;
	size_t skipped = 0;
	int c, rc, year;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if (c == 'a')
			year_s = optarg;
		else if (c == 'd')
			dept = optarg;
		else if (c == 'D')
			kind = CANTINE_BILAN_DETAILLE;
		else if (c == 'h')
			return fputs(usage_bilan, stdout), EXIT_OK;
		else
			return cli_option_error(c, argv, usage_bilan);
	}
	if (optind < argc)
		return cli_usage_error("argument inattendu « %s »", argv[optind], usage_bilan);
	if ((rc = cli_year(year_s, &year, usage_bilan)) != EXIT_OK)
		return rc;
	if (!ctx)
		return -1;
	rc = cantine_bilan_export(ctx, kind, year, dept, &out, &skipped);
	if (rc == 0 && fwrite(out.ptr, 1, out.size, stdout) != out.size)
		rc = CANTINE_EIO;
	cantine_buf_dispose(&out);
	if (rc)
		return cli_fail(ctx, rc);
	if (skipped)
		fprintf(stderr, "%zu établissement%s sans achat en %d %s pas dans le bilan.\n",
			skipped, skipped > 1 ? "s" : "", year, skipped > 1 ? "ne sont" : "n'est");
	return EXIT_OK;
}
