/*
 * main.c: the `cantine` command: option parsing, subcommand dispatch and
 * exit codes.  Everything else is the library's.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"

static const char usage_main[] =
	"Usage : cantine [--db FICHIER] COMMANDE [OPTIONS]\n"
	"\n"
	"Planification de la demi-pension d'un collège : catalogue, recettes, menus.\n"
	"\n"
	"Commandes :\n"
	"  init                      crée la base (par défaut ./cantine.db)\n"
	"  import TYPE FICHIER       importe un fichier CSV ; TYPE : etablissements,\n"
	"                            produits, recettes, menus, fermetures, achats,\n"
	"                            inscriptions, absences, presences, gaspillage,\n"
	"                            tarifs ou repas (pris au ticket)\n"
	"                            (voir docs/formats.md)\n"
	"  export TYPE               écrit le CSV du TYPE demandé sur la sortie standard\n"
	"  week [--etab UAI] [--date AAAA-MM-JJ]\n"
	"                            menus de la semaine scolaire contenant la date\n"
	"  dish show NOM             composition, allergènes, coût et valeurs\n"
	"                            nutritionnelles d'une recette\n"
	"  check week|period         vérifie les menus (structure des repas, menu\n"
	"                            végétarien hebdomadaire, coût denrées, puis les\n"
	"                            règles des plugins : fréquences GEMRCN, climat)\n"
	"  allergens [--etab UAI] [--date AAAA-MM-JJ]\n"
	"                            registre des allergènes de la semaine\n"
	"  production --date AAAA-MM-JJ [--au AAAA-MM-JJ] [--couverts N] [--courses]\n"
	"                            fiche de production, liste des achats\n"
	"  plan set|add|remove|status|copy …\n"
	"                            modifie les menus, publie une période, recopie\n"
	"                            un cycle de semaines (cantine plan --help)\n"
	"  history [--etab UAI] [--date AAAA-MM-JJ]\n"
	"                            ce qui a changé dans les menus, qui, pourquoi\n"
	"  calendar [--etab UAI] [--from DATE] [--to DATE] [--statut STATUT]\n"
	"                            menus au format iCalendar (.ics), pour l'agenda des familles\n"
	"  export-scdl [--etab UAI] [--from DATE] [--to DATE] [--statut STATUT]\n"
	"                            menus au format national de données ouvertes\n"
	"                            « menus collectifs » (SCDL 1.2.3, CSV)\n"
	"  import-scdl FICHIER [--raison TEXTE] [--encodage ENC]\n"
	"                            importe les déjeuners d'un fichier « menus collectifs »\n"
	"  plugins                   liste les plugins (intégrés et chargés)\n"
	"  scores [--etab UAI] [--date AAAA-MM-JJ]\n"
	"                            ce que les plugins disent de chaque plat de la\n"
	"                            semaine (empreinte carbone, Nutri-Score…)\n"
	"  nutriscore --categorie C --energie-kj X --sucres X --ags X --sel X …\n"
	"                            Nutri-Score 2023 d'un aliment d'après sa composition\n"
	"                            pour 100 g, point par point (sans base)\n"
	"  import-ciqual [FICHIER]   importe la table Ciqual 2025 de l'Anses (valeurs\n"
	"                            nutritionnelles des aliments)\n"
	"  purchase import FICHIER   importe les achats d'un fichier de ma-cantine (CSV)\n"
	"                            ou au format XML du projet\n"
	"  purchase list [--etab UAI] [--annee AAAA]\n"
	"                            les achats d'un collège (cantine purchase --help)\n"
	"  purchase export --format xml [--etab UAI] [--annee AAAA]\n"
	"                            les achats au format XML du projet, réimportables\n"
	"  egalim [--etab UAI] [--annee AAAA] [--tout]\n"
	"                            objectifs EGALIM des achats de l'année (bio, qualité,\n"
	"                            viandes et poissons), comptés comme ma-cantine\n"
	"  audit [--annee AAAA] [--departement DD] [--format texte|csv|xml|html]\n"
	"                            audit départemental : chaque collège, le total, et\n"
	"                            ce qui manque à chacun (graphiques en HTML)\n"
	"  bilan [--annee AAAA] [--departement DD] [--detaille]\n"
	"                            bilan annuel à déclarer sur ma-cantine (CSV)\n"
	"  purchase classify [--regles F] TEXTE... | --fichier F\n"
	"                            suggère famille, caractéristiques (bio, label rouge…)\n"
	"                            et origine d'un libellé de facture\n"
	"  attendance [--etab UAI] --from DATE --to DATE\n"
	"                            couverts inscrits, absents, attendus, réels et prévus\n"
	"  attendance record [--etab UAI] --date DATE --couverts N\n"
	"                            enregistre les couverts servis un jour\n"
	"  forecast [--etab UAI] [--date DATE]\n"
	"                            prévision des couverts de la semaine suivante\n"
	"  forecast --evaluation --from DATE --to DATE\n"
	"                            erreur de la prévision contre la prévision naïve\n"
	"  waste [--etab UAI] --from DATE --to DATE\n"
	"                            gaspillage pesé par semaine, en g par couvert (réf. 120 g)\n"
	"  pupil forget ID [--etab UAI]\n"
	"                            efface les données personnelles d'un élève\n"
	"  tariff import FICHIER     importe des grilles tarifaires (comme import tarifs)\n"
	"  tariff show [--etab UAI] [--annee AAAA-AAAA]\n"
	"                            la grille tarifaire d'un collège pour une année scolaire\n"
	"  tariff price … (--qf N | --rfr N --enfants K | --boursier)\n"
	"                            ce que paie une famille par repas, l'aide, son financeur\n"
	"  tariff check [--etab UAI] [--annee AAAA-AAAA]\n"
	"                            vérifie la grille (prix ≤ coût par usager, tranches)\n"
	"  user add|list|remove …    utilisateurs des pages web et leur rôle (comité,\n"
	"                            gestionnaire, département ; cantine user --help)\n"
	"  bill --trimestre N [--annee AAAA-AAAA] [--etab UAI | --departement DD]\n"
	"                            factures du trimestre : forfaits, remises d'ordre,\n"
	"                            aides par financeur ; --format csv ou html (relevés)\n"
	"\n"
	"Options générales :\n"
	"  --db FICHIER              base à utiliser (défaut : ./cantine.db)\n"
	"  --auteur NOM              auteur des changements, pour l'historique\n"
	"                            (défaut : l'utilisateur connecté)\n"
	"  --plugin FICHIER.so       charge un module de plugin (option répétable)\n"
	"  --donnees DOSSIER         fichiers de données des plugins propres au site\n"
	"                            (DOSSIER/NOM-DU-PLUGIN/FICHIER), à la place de\n"
	"                            ceux livrés avec eux (seuils, tables)\n"
	"  -h, --help                cette aide ; « cantine COMMANDE --help » pour une commande\n"
	"  --version                 version de cantine\n"
	"\n"
	"Codes de sortie : 0 succès, 1 une règle n'est pas respectée,\n"
	"2 entrée ou usage incorrect, 3 erreur interne.\n";

static const char usage_init[] =
	"Usage : cantine [--db FICHIER] init\n"
	"\n"
	"Crée la base si elle n'existe pas, ou met à jour son schéma.\n";

static const char usage_import[] =
	"Usage : cantine [--db FICHIER] [--auteur NOM] import TYPE FICHIER\n"
	"                [--encodage ENC] [--raison TEXTE]\n"
	"\n"
	"Importe un fichier CSV. TYPE : etablissements, produits, recettes, menus,\n"
	"fermetures, achats, inscriptions, absences, presences, gaspillage, tarifs,\n"
	"repas (repas pris au ticket).\n"
	"Séparateur « , », « ; » ou tabulation, détecté sur la ligne d'en-tête.\n"
	"Tous les problèmes du fichier sont signalés (ligne, colonne, champ) et,\n"
	"s'il y en a un seul, rien n'est importé. Réimporter le même fichier ne crée\n"
	"pas de doublon, sauf les achats, qui n'ont pas de clé : un même fichier\n"
	"d'achats n'est importé qu'une fois. Importez dans l'ordre : etablissements,\n"
	"produits, recettes, menus ; inscriptions avant absences et repas.\n"
	"\n"
	"  --encodage ENC   utf-8 ou windows-1252 (défaut : détection automatique)\n"
	"  --raison TEXTE   pourquoi des menus déjà publiés changent : obligatoire\n"
	"                   pour modifier un menu publié, gardé dans l'historique\n"
	"                   avec l'auteur (--auteur, défaut : l'utilisateur)\n";

static const char usage_export[] =
	"Usage : cantine [--db FICHIER] export TYPE\n"
	"\n"
	"Écrit sur la sortie standard le CSV (UTF-8, virgule) des données du TYPE :\n"
	"etablissements, produits, recettes, menus, fermetures, achats, inscriptions,\n"
	"absences, presences, gaspillage, tarifs ou repas. Le fichier se\n"
	"réimporte tel quel (les achats : dans une autre base).\n";

int cli_exit_code(int rc)
{
	switch (rc) {
	case CANTINE_OK:
		return EXIT_OK;
	case CANTINE_EINVAL:
	case CANTINE_ENOTFOUND:
	case CANTINE_EIO:
	case CANTINE_EVERSION:
	case CANTINE_ENOTSTORE:
	case CANTINE_EDENIED:
		return EXIT_INPUT;
	default:
		return EXIT_INTERNAL;
	}
}

int cli_fail(cantine_ctx *ctx, int rc)
{
	fprintf(stderr, "cantine : %s\n", cantine_errmsg(ctx));
	return cli_exit_code(rc);
}

/* Print a usage error and the command's usage; `what` is one French
 * sentence with at most one « %s » filled by `arg`. */
int cli_usage_error(const char *what, const char *arg, const char *usage)
{
	const char *mark = strstr(what, "%s");

	fputs("cantine : ", stderr);
	if (mark) {
		fwrite(what, 1, (size_t)(mark - what), stderr);
		fputs(arg, stderr);
		fputs(mark + 2, stderr);
	} else {
		fputs(what, stderr);
	}
	fprintf(stderr, "\n\n%s", usage);
	return EXIT_INPUT;
}

void cli_print_problems(const cantine_problems *pbs)
{
	cantine_buf line = CANTINE_BUF_INIT;
	size_t i;

	for (i = 0; i < cantine_problems_count(pbs); i++) {
		const cantine_problem *pb = cantine_problems_get(pbs, i);
		line.size = 0;
		if (cantine_problem_format(pb, &line) == 0)
			fprintf(stderr, "%s%s\n", pb->warning ? "attention : " : "", line.ptr);
	}
	if (cantine_problems_total(pbs) > cantine_problems_count(pbs))
		fprintf(stderr, "… et %zu autres problèmes.\n",
			cantine_problems_total(pbs) - cantine_problems_count(pbs));
	cantine_buf_dispose(&line);
}

const char *cli_today(char out[11])
{
	time_t t = time(NULL);
	struct tm tm;

	localtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
	return out;
}

int cli_year(const char *text, int *year, const char *usage)
{
	char today[11], *end;
	long y;

	if (!text) {
		*year = atoi(cli_today(today));
		return EXIT_OK;
	}
	y = strtol(text, &end, 10);
	if (*end || y < 2000 || y > 9999)
		return cli_usage_error("année « %s » invalide : écrivez-la sur 4 chiffres, par "
				       "exemple 2026", text, usage);
	*year = (int)y;
	return EXIT_OK;
}

const char *cli_school_year(char out[24])
{
	char today[11];
	int y, m;

	cli_today(today);
	y = atoi(today);
	m = atoi(today + 5);
	if (m < 8)
		y--;
	snprintf(out, 24, "%d-%d", y, y + 1);
	return out;
}

int cli_etab(cantine_ctx *ctx, const char *uai, cantine_etab **out)
{
	return uai ? cantine_etab_find(out, ctx, uai) : cantine_etab_only(out, ctx);
}

int cli_week_args(cantine_ctx *ctx, int argc, char **argv, const char *usage,
		  cantine_etab **etab, cantine_week **week)
{
	static const struct option opts[] = {
		{ "etab", required_argument, NULL, 'e' },
		{ "date", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *uai = NULL, *date = NULL;
	char today[11];
	int c, rc;

	*etab = NULL;
	*week = NULL;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if (c == 'e')
			uai = optarg;
		else if (c == 'd')
			date = optarg;
		else if (c == 'h')
			return fputs(usage, stdout), EXIT_OK;
		else
			return cli_option_error(c, argv, usage);
	}
	if (optind < argc)
		return cli_usage_error("argument inattendu « %s »", argv[optind], usage);
	if (date && cantine_date_check(date))
		return cli_usage_error("« %s » n'est pas une date valide ; écrivez-la "
				       "AAAA-MM-JJ, par exemple 2026-09-07", date, usage);
	if (!ctx)
		return -1;
	rc = cli_etab(ctx, uai, etab);
	if (rc == 0)
		rc = cantine_plan_week(week, ctx, (*etab)->uai, date ? date : cli_today(today));
	if (rc) {
		cantine_etab_free(*etab);
		*etab = NULL;
		return cli_fail(ctx, rc);
	}
	return -1;
}

int cli_width(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

void cli_put_padded(const char *s, int width)
{
	int n;

	fputs(s, stdout);
	for (n = cli_width(s); n < width; n++)
		putchar(' ');
}

int cli_option_error(int c, char **argv, const char *usage)
{
	const char *opt = argv[optind - 1];

	if (c == ':')
		fprintf(stderr, "cantine : l'option « %s » demande une valeur\n\n%s", opt, usage);
	else
		fprintf(stderr, "cantine : option « %s » inconnue\n\n%s", opt, usage);
	return EXIT_INPUT;
}

static int wants_help(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++)
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return 1;
	return 0;
}

static int open_store(cantine_ctx **ctx, const char *db, unsigned flags)
{
	int rc = cantine_ctx_open(ctx, db, flags);

	if (rc)
		return cli_fail(*ctx, rc);
	return cli_plugins_setup(*ctx);
}

static int cmd_init(const char *db, int argc, char **argv)
{
	cantine_ctx *ctx;
	int rc;

	if (argc > 1)
		return cli_usage_error("argument inattendu « %s »", argv[1], usage_init);
	if ((rc = open_store(&ctx, db, CANTINE_OPEN_CREATE)) == 0)
		printf("Base « %s » prête (schéma %d).\n", db, cantine_ctx_schema_version(ctx));
	cantine_ctx_free(ctx);
	return rc;
}

/* Who makes the changes, for the history of published menus: --auteur,
 * else the login name. */
static const char *author_name;

const char *cli_author(void)
{
	const char *who = author_name ? author_name : getenv("USER");

	return who && *who ? who : NULL;
}

static int cmd_import(const char *db, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "encodage", required_argument, NULL, 'e' },
		{ "raison", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	cantine_encoding enc = CANTINE_ENCODING_AUTO;
	const char *reason = NULL;
	cantine_problems *pbs = NULL;
	cantine_import_stats stats;
	cantine_ctx *ctx;
	int kind, c, rc;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'r') {
			reason = optarg;
			continue;
		}
		if (c != 'e')
			return cli_option_error(c, argv, usage_import);
		if (strcmp(optarg, "utf-8") == 0 || strcmp(optarg, "utf8") == 0)
			enc = CANTINE_ENCODING_UTF8;
		else if (strcmp(optarg, "windows-1252") == 0 || strcmp(optarg, "cp1252") == 0)
			enc = CANTINE_ENCODING_CP1252;
		else
			return cli_usage_error("encodage « %s » inconnu (utf-8 ou windows-1252)",
					   optarg, usage_import);
	}
	if (argc - optind != 2)
		return cli_usage_error("%s", "il faut un TYPE et un FICHIER", usage_import);
	kind = cantine_kind_parse(argv[optind]);
	if (kind < 0)
		return cli_usage_error("type « %s » inconnu : etablissements, produits, "
				   "recettes, menus, fermetures, achats, inscriptions, absences, "
				   "presences, gaspillage, tarifs ou repas", argv[optind], usage_import);
	if ((rc = open_store(&ctx, db, 0)) != 0) {
		cantine_ctx_free(ctx);
		return rc;
	}
	if (cantine_ctx_set_change(ctx, cli_author(), reason)) {
		rc = cli_fail(ctx, CANTINE_ENOMEM);
		cantine_ctx_free(ctx);
		return rc;
	}
	rc = cantine_import_csv(ctx, (cantine_kind)kind, argv[optind + 1], enc, &pbs, &stats);
	cli_print_problems(pbs);
	if (rc == 0) {
		printf("%s : %zu ligne%s lue%s, %zu créé%s, %zu mis à jour.\n",
		       argv[optind + 1], stats.rows, stats.rows > 1 ? "s" : "",
		       stats.rows > 1 ? "s" : "", stats.inserted,
		       stats.inserted > 1 ? "s" : "", stats.updated);
	} else {
		rc = cli_fail(ctx, rc);
	}
	cantine_problems_free(pbs);
	cantine_ctx_free(ctx);
	return rc;
}

static int cmd_export(const char *db, int argc, char **argv)
{
	cantine_buf out = CANTINE_BUF_INIT;
	cantine_ctx *ctx;
	int kind, rc;

	if (argc != 2)
		return cli_usage_error("%s", "il faut un TYPE", usage_export);
	kind = cantine_kind_parse(argv[1]);
	if (kind < 0)
		return cli_usage_error("type « %s » inconnu : etablissements, produits, "
				   "recettes, menus, fermetures, achats, inscriptions, absences, "
				   "presences, gaspillage, tarifs ou repas", argv[1], usage_export);
	if ((rc = open_store(&ctx, db, CANTINE_OPEN_READONLY)) != 0) {
		cantine_ctx_free(ctx);
		return rc;
	}
	rc = cantine_export_csv(ctx, (cantine_kind)kind, &out);
	if (rc == 0) {
		if (fwrite(out.ptr, 1, out.size, stdout) != out.size || fflush(stdout)) {
			fprintf(stderr, "cantine : écriture de la sortie impossible\n");
			rc = EXIT_INTERNAL;
		}
	} else {
		rc = cli_fail(ctx, rc);
	}
	cantine_buf_dispose(&out);
	cantine_ctx_free(ctx);
	return rc;
}

/* Subcommands in their own file.  Each is called first without a store
 * (ctx NULL) to handle --help and usage errors, and returns -1 to go on;
 * then with the store opened with `flags`: read-only unless it writes. */
static const struct {
	const char *name;
	int (*fn)(cantine_ctx *ctx, int argc, char **argv);
	unsigned flags;
} commands[] = {
	{ "week", cmd_week, CANTINE_OPEN_READONLY },
	{ "dish", cmd_dish, CANTINE_OPEN_READONLY },
	{ "check", cmd_check, CANTINE_OPEN_READONLY },
	{ "allergens", cmd_allergens, CANTINE_OPEN_READONLY },
	{ "production", cmd_production, CANTINE_OPEN_READONLY },
	{ "history", cmd_history, CANTINE_OPEN_READONLY },
	{ "calendar", cmd_calendar, CANTINE_OPEN_READONLY },
	{ "export-scdl", cmd_export_scdl, CANTINE_OPEN_READONLY },
	{ "plan", cmd_plan, 0 },
	{ "import-scdl", cmd_import_scdl, 0 },
	{ "import-ciqual", cmd_import_ciqual, 0 },
	{ "purchase", cmd_purchase, 0 },
	{ "tariff", cmd_tariff, 0 },
	{ "bill", cmd_bill, CANTINE_OPEN_READONLY },
	{ "egalim", cmd_egalim, CANTINE_OPEN_READONLY },
	{ "audit", cmd_audit, CANTINE_OPEN_READONLY },
	{ "bilan", cmd_bilan, CANTINE_OPEN_READONLY },
	{ "scores", cmd_scores, CANTINE_OPEN_READONLY },
	{ "nutriscore", cmd_nutriscore, CANTINE_OPEN_READONLY }, /* never opens the store */
	{ "attendance", cmd_attendance, 0 }, /* `attendance record` writes */
	{ "forecast", cmd_forecast, CANTINE_OPEN_READONLY },
	{ "waste", cmd_waste, CANTINE_OPEN_READONLY },
	{ "pupil", cmd_pupil, 0 },
	{ "user", cmd_user, 0 },
};

int main(int argc, char **argv)
{
	const char *db = "cantine.db";
	const char *cmd;
	cantine_ctx *ctx;
	size_t k;
	int i = 1, rc;

	while (i < argc && argv[i][0] == '-') {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
			db = argv[i + 1];
			i += 2;
		} else if (strncmp(argv[i], "--db=", 5) == 0) {
			db = argv[i++] + 5;
		} else if (strcmp(argv[i], "--auteur") == 0 && i + 1 < argc) {
			author_name = argv[i + 1];
			i += 2;
		} else if (strcmp(argv[i], "--plugin") == 0 && i + 1 < argc) {
			if ((rc = cli_plugin_option(argv[i + 1])))
				return rc;
			i += 2;
		} else if (strcmp(argv[i], "--donnees") == 0 && i + 1 < argc) {
			cli_data_option(argv[i + 1]);
			i += 2;
		} else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			fputs(usage_main, stdout);
			return EXIT_OK;
		} else if (strcmp(argv[i], "--version") == 0) {
			printf("cantine %s\n", cantine_version());
			return EXIT_OK;
		} else {
			return cli_usage_error("option « %s » inconnue ou incomplète", argv[i], usage_main);
		}
	}
	if (i >= argc)
		return cli_usage_error("%s", "aucune commande", usage_main);
	cmd = argv[i];
	argc -= i;
	argv += i;

	if (strcmp(cmd, "init") == 0)
		return wants_help(argc, argv) ? (fputs(usage_init, stdout), 0)
					      : cmd_init(db, argc, argv);
	if (strcmp(cmd, "import") == 0)
		return wants_help(argc, argv) ? (fputs(usage_import, stdout), 0)
					      : cmd_import(db, argc, argv);
	if (strcmp(cmd, "export") == 0)
		return wants_help(argc, argv) ? (fputs(usage_export, stdout), 0)
					      : cmd_export(db, argc, argv);
	if (strcmp(cmd, "plugins") == 0) {
		/* The plugins need a context, not the user's store. */
		rc = cmd_plugins(NULL, argc, argv);
		if (rc >= 0)
			return rc;
		if ((rc = open_store(&ctx, ":memory:", CANTINE_OPEN_CREATE)) == 0)
			rc = cmd_plugins(ctx, argc, argv);
		cantine_ctx_free(ctx);
		return rc;
	}
	for (k = 0; k < sizeof(commands) / sizeof(commands[0]); k++) {
		if (strcmp(cmd, commands[k].name) != 0)
			continue;
		/* Help and usage errors are handled before the store is opened. */
		rc = commands[k].fn(NULL, argc, argv);
		if (rc >= 0)
			return rc;
		if ((rc = open_store(&ctx, db, commands[k].flags)) == 0)
			rc = commands[k].fn(ctx, argc, argv);
		cantine_ctx_free(ctx);
		return rc;
	}
	return cli_usage_error("commande « %s » inconnue", cmd, usage_main);
}
