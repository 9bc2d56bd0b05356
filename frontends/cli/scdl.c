/*
 * scdl.c: `cantine export-scdl` and `cantine import-scdl`: the menus in
 * the national open-data format, SCDL "menus collectifs" 1.2.3
 * (docs/formats.md, section "SCDL").
 */
#include <getopt.h>
#include <string.h>

#include "cli.h"

static const char usage_export_scdl[] =
	"Usage : cantine [--db FICHIER] export-scdl [--etab UAI] [--from AAAA-MM-JJ]\n"
	"                [--to AAAA-MM-JJ] [--statut STATUT]\n"
	"\n"
	"Écrit sur la sortie standard les déjeuners au format national de données\n"
	"ouvertes « menus collectifs » (SCDL 1.2.3, schema.data.gouv.fr) : un fichier\n"
	"CSV, une ligne par plat, à publier sur data.gouv.fr ou le site du collège.\n"
	"Le collège doit avoir un SIRET (colonne siret du fichier etablissements).\n"
	"\n"
	"  --etab UAI        un seul établissement (défaut : tous)\n"
	"  --from DATE       premier jour (défaut : le premier menu)\n"
	"  --to DATE         dernier jour (défaut : le dernier menu)\n"
	"  --statut STATUT   publié (défaut : seuls les menus publiés sont des données\n"
	"                    ouvertes), proposé, brouillon, ou tous\n"
	"\n"
	"Exemple : cantine export-scdl --etab 0595871L --from 2026-09-01 > menus.csv\n";

static const char usage_import_scdl[] =
	"Usage : cantine [--db FICHIER] [--auteur NOM] import-scdl FICHIER\n"
	"                [--raison TEXTE] [--encodage ENC]\n"
	"\n"
	"Importe les déjeuners d'un fichier au format national « menus collectifs »\n"
	"(SCDL 1.2.x), par exemple les menus publiés par une cuisine centrale, comme\n"
	"menus publiés. Le collège doit être dans la base (cantine import\n"
	"etablissements) : il est reconnu par son UAI (menuRestaurantId de type EN),\n"
	"sinon par son SIRET. Un plat inconnu de la base est créé avec les\n"
	"allergènes, le régime végétarien et les signes de qualité du fichier.\n"
	"\n"
	"Les écarts courants au schéma (majuscules, accents manquants, « meal »,\n"
	"listes sans crochets…) sont acceptés et signalés par « attention : ».\n"
	"Une erreur (champ obligatoire vide, date impossible, établissement\n"
	"inconnu…) est signalée avec sa ligne et sa colonne, et rien n'est importé.\n"
	"\n"
	"  --raison TEXTE   pourquoi des menus déjà publiés changent (défaut : le\n"
	"                   menuModificationInfo du fichier) ; gardé dans l'historique\n"
	"  --encodage ENC   utf-8 ou windows-1252 (défaut : détection automatique)\n";

/* A usage error: `what` is one French sentence whose « %s » is `arg`. */
static int parse_export(int argc, char **argv, const char **uai, const char **from,
			const char **to, unsigned *mask)
{
	static const struct option opts[] = {
		{ "etab", required_argument, NULL, 'e' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "statut", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c, s;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if (c == 'e') {
			*uai = optarg;
		} else if (c == 'f') {
			*from = optarg;
		} else if (c == 't') {
			*to = optarg;
		} else if (c == 's') {
			if (strcmp(optarg, "tous") == 0)
				*mask = (1u << CANTINE_STATUS__MAX) - 1;
			else if ((s = cantine_status_parse(optarg)) >= 0)
				*mask = 1u << s;
			else
				return cli_usage_error("statut « %s » inconnu ; valeurs possibles : "
						  "publié, proposé, brouillon ou tous", optarg,
						  usage_export_scdl);
		} else if (c == 'h') {
			fputs(usage_export_scdl, stdout);
			return -1;
		} else {
			return cli_option_error(c, argv, usage_export_scdl);
		}
	}
	if (optind < argc)
		return cli_usage_error("argument inattendu « %s »", argv[optind], usage_export_scdl);
	if (*from && cantine_date_check(*from))
		return cli_usage_error("la date de début « %s » n'est pas une date valide ; "
				  "écrivez-la AAAA-MM-JJ", *from, usage_export_scdl);
	if (*to && cantine_date_check(*to))
		return cli_usage_error("la date de fin « %s » n'est pas une date valide ; "
				  "écrivez-la AAAA-MM-JJ", *to, usage_export_scdl);
	return EXIT_OK;
}

int cmd_export_scdl(cantine_ctx *ctx, int argc, char **argv)
{
	const char *uai = NULL, *from = NULL, *to = NULL;
	unsigned mask = 1u << CANTINE_STATUS_PUBLISHED;
	cantine_buf out = CANTINE_BUF_INIT;
	int rc;

	rc = parse_export(argc, argv, &uai, &from, &to, &mask);
	if (rc < 0)
		return EXIT_OK; /* --help */
	if (rc)
		return rc;
	if (!ctx)
		return -1;
	rc = cantine_export_scdl(ctx, uai, from, to, mask, &out);
	if (rc) {
		rc = cli_fail(ctx, rc);
	} else if (fwrite(out.ptr, 1, out.size, stdout) != out.size || fflush(stdout)) {
		fprintf(stderr, "cantine : écriture de la sortie impossible\n");
		rc = EXIT_INTERNAL;
	}
	cantine_buf_dispose(&out);
	return rc;
}

int cmd_import_scdl(cantine_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "encodage", required_argument, NULL, 'e' },
		{ "raison", required_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	cantine_encoding enc = CANTINE_ENCODING_AUTO;
	const char *reason = NULL;
	cantine_problems *pbs = NULL;
	cantine_import_stats st;
	int c, rc;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if (c == 'r') {
			reason = optarg;
		} else if (c == 'e') {
			if (strcmp(optarg, "utf-8") == 0 || strcmp(optarg, "utf8") == 0)
				enc = CANTINE_ENCODING_UTF8;
			else if (strcmp(optarg, "windows-1252") == 0 || strcmp(optarg, "cp1252") == 0)
				enc = CANTINE_ENCODING_CP1252;
			else
				return cli_usage_error("encodage « %s » inconnu (utf-8 ou windows-1252)",
						  optarg, usage_import_scdl);
		} else if (c == 'h') {
			fputs(usage_import_scdl, stdout);
			return EXIT_OK;
		} else {
			return cli_option_error(c, argv, usage_import_scdl);
		}
	}
	if (argc - optind != 1)
		return cli_usage_error("%s", "il faut un FICHIER, et un seul", usage_import_scdl);
	if (!ctx)
		return -1;
	if (cantine_ctx_set_change(ctx, cli_author(), reason))
		return cli_fail(ctx, CANTINE_ENOMEM);
	rc = cantine_import_scdl(ctx, argv[optind], enc, &pbs, &st);
	cli_print_problems(pbs);
	if (rc == 0)
		printf("%s : %zu ligne%s lue%s, %zu déjeuner%s créé%s, %zu mis à jour.\n",
		       argv[optind], st.rows, st.rows > 1 ? "s" : "", st.rows > 1 ? "s" : "",
		       st.inserted, st.inserted > 1 ? "s" : "", st.inserted > 1 ? "s" : "",
		       st.updated);
	else
		rc = cli_fail(ctx, rc);
	cantine_problems_free(pbs);
	return rc;
}
