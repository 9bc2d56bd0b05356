/*
 * purchase.c: `cantine purchase …`: the purchases of the establishments,
 * imported from ma-cantine purchase files or the project's XML format,
 * exported in that XML format (docs/formats.md, "Achats").
 *
 * Each subcommand is one line of the `subcommands` table below: its name,
 * its function and its line of usage.
 */
#include <getopt.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage_purchase[] =
	"Usage : cantine [--db FICHIER] purchase SOUS-COMMANDE …\n"
	"\n"
	"Les achats des collèges, la base des taux EGALIM (bio, qualité et durables).\n"
	"\n"
	"  purchase import FICHIER     importe un fichier d'achats au format de\n"
	"                              ma-cantine (CSV à 12 colonnes, ou l'ancien\n"
	"                              format à 8 colonnes) ou au format XML du\n"
	"                              projet ; un même fichier n'est importé\n"
	"                              qu'une fois\n"
	"  purchase export --format xml [--etab UAI] [--annee AAAA]\n"
	"                              écrit les achats au format XML du projet\n"
	"                              (schéma achats.xsd), à réimporter ailleurs\n"
	"  purchase list [--etab UAI] [--annee AAAA]\n"
	"                              liste les achats d'un collège, par date\n"
	"  purchase classify TEXTE...  suggère famille, labels et origine d'un\n"
	"                              libellé de facture (règles PCRE2) ; une\n"
	"                              suggestion ne remplace jamais ce qu'un\n"
	"                              fichier déclare\n"
	"\n"
	"Les colonnes, les éléments XML et les règles sont décrits dans\n"
	"docs/formats.md (« Achats »).\n"
	"Un fichier qui contient une erreur n'est pas importé : toutes les erreurs\n"
	"sont listées avec leur ligne et leur colonne (code de sortie 2).\n";

static const char usage_import[] =
	"Usage : cantine [--db FICHIER] purchase import FICHIER\n"
	"\n"
	"Importe un fichier d'achats de ma-cantine (CSV, point décimal) : le format\n"
	"actuel à 12 colonnes\n"
	"  siret,description,fournisseur,date,prix_ht,famille_produits,\n"
	"  categories_egalim,origine,est_circuit_court,est_local,definition_local,\n"
	"  definition_local_km\n"
	"ou l'ancien à 8 colonnes\n"
	"  siret,description,fournisseur,date,prix_ht,famille_produits,\n"
	"  caracteristiques,definition_local\n"
	"La première colonne peut s'appeler « uai » et donner l'UAI du collège.\n"
	"\n"
	"Un fichier qui commence par « < » est lu au format XML du projet\n"
	"(<achats xmlns=\"urn:cantine:achats:1\">, un <achat> par achat), vérifié\n"
	"avec le schéma achats.xsd ; une DOCTYPE ou une entité y est refusée.\n"
	"\n"
	"Le collège doit être dans la base (cantine import etablissements).\n"
	"\n"
	"Rien n'est importé si une ligne a une erreur ; un fichier déjà importé\n"
	"est refusé (il est reconnu à son contenu).\n"
	"\n"
	"Chaque description est classée par les règles de « purchase classify » :\n"
	"ce qu'elles suggèrent en plus de ce que le fichier déclare est gardé comme\n"
	"suggestion (compté à la fin de l'import, montré par « purchase list »),\n"
	"jamais à la place de ce que le fichier déclare ni dans les taux EGALIM.\n";

static const char usage_list[] =
	"Usage : cantine [--db FICHIER] purchase list [--etab UAI] [--annee AAAA]\n"
	"\n"
	"Liste les achats d'un collège, par date : montant HT, famille,\n"
	"caractéristiques (codes de ma-cantine), fournisseur et description, puis\n"
	"le total. --etab est nécessaire quand la base a plusieurs collèges ;\n"
	"--annee garde une année civile (celle des bilans EGALIM).\n"
	"Sous un achat, « suggestion : … (règle …) » dit ce que les règles de\n"
	"classement voient dans sa description en plus de ce que le fichier\n"
	"déclare : à confirmer, cela ne compte pas dans les taux EGALIM.\n";

static const char usage_export[] =
	"Usage : cantine [--db FICHIER] purchase export --format xml [--etab UAI]\n"
	"                [--annee AAAA]\n"
	"\n"
	"Écrit sur la sortie standard les achats au format XML du projet (schéma\n"
	"libmenu/xsd/achats.xsd, docs/formats.md) : un <achat> par achat, par\n"
	"collège puis par date. Le fichier se réimporte tel quel dans une autre\n"
	"base qui a les mêmes collèges (cantine purchase import).\n"
	"\n"
	"  --format xml   le format (le seul pour l'instant)\n"
	"  --etab UAI     un seul collège (défaut : tous)\n"
	"  --annee AAAA   une année civile (défaut : toutes)\n"
	"\n"
	"Exemple : cantine purchase export --format xml --annee 2025 > achats.xml\n";

static int sub_import(cantine_ctx *ctx, int argc, char **argv);
static int sub_list(cantine_ctx *ctx, int argc, char **argv);
static int sub_export(cantine_ctx *ctx, int argc, char **argv);

/* The subcommands: adding one is adding a line here. */
static const struct {
	const char *name;
	int (*fn)(cantine_ctx *ctx, int argc, char **argv);
} subcommands[] = {
	{ "import", sub_import },
	{ "list", sub_list },
	{ "export", sub_export },
	{ "classify", cmd_purchase_classify }, /* classify.c: never opens the store */
};

/* --help, or a usage error, before the store is opened (ctx NULL). */
static int early(cantine_ctx *ctx, int argc, char **argv, const char *usage,
		 const struct option *opts, const char *shortopts)
{
	int c;

	(void)ctx;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, shortopts, opts, NULL)) != -1) {
		if (c == 'h') {
			fputs(usage, stdout);
			return EXIT_OK;
		}
		if (c == '?' || c == ':')
			return cli_option_error(c, argv, usage);
	}
	return -1;
}

/* --annee: four digits, not starting with 0. */
static bool year_ok(const char *year)
{
	return strlen(year) == 4 && strspn(year, "0123456789") == 4 && year[0] != '0';
}

/* What the classification rules suggested during the import: counted
 * here, shown by `purchase list`, never counted in the EGALIM rates. */
static void print_suggestion_stats(const cantine_suggestion_stats *sg, size_t n)
{
	if (sg->purchases == 0)
		printf("Suggestions de classement : aucune.\n");
	else
		printf("Suggestions de classement : %zu achat%s sur %zu (caractéristiques : %zu, "
		       "famille : %zu, origine : %zu) ; à confirmer, elles ne comptent pas dans "
		       "les taux EGALIM (voir cantine purchase list).\n", sg->purchases,
		       sg->purchases > 1 ? "s" : "", n, sg->characteristics, sg->family,
		       sg->origin);
	if (sg->unclassified)
		printf("%zu description%s sans suggestion (limites de calcul des règles "
		       "dépassées).\n", sg->unclassified, sg->unclassified > 1 ? "s" : "");
}

static int sub_import(cantine_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	cantine_problems *pbs = NULL;
	cantine_import_stats st;
	int rc;

	if ((rc = early(ctx, argc, argv, usage_import, opts, ":h")) >= 0)
		return rc;
	if (optind >= argc)
		return cli_usage_error("%s", "il faut un FICHIER", usage_import);
	if (argc - optind > 1)
		return cli_usage_error("argument inattendu « %s » : un seul FICHIER",
				       argv[optind + 1], usage_import);
	if (!ctx)
		return -1;
	rc = cantine_import_purchases(ctx, argv[optind], &pbs, &st);
	cli_print_problems(pbs);
	if (rc == 0) {
		cantine_suggestion_stats sg;

		printf("%s : %zu achat%s importé%s.\n", argv[optind], st.inserted,
		       st.inserted > 1 ? "s" : "", st.inserted > 1 ? "s" : "");
		cantine_purchases_suggestion_stats(ctx, &sg);
		print_suggestion_stats(&sg, st.inserted);
	} else
		rc = cli_fail(ctx, rc);
	cantine_problems_free(pbs);
	return rc;
}

/* 1234567 cents as "12 345,67". */
static void put_euros(int64_t cents, int width)
{
	char digits[32], out[48];
	int n, i, k = 0, lead;

	n = snprintf(digits, sizeof(digits), "%lld", (long long)(cents / 100));
	lead = n % 3 ? n % 3 : 3;
	for (i = 0; i < n; i++) {
		if (i && (i - lead) % 3 == 0 && i >= lead)
			out[k++] = ' ';
		out[k++] = digits[i];
	}
	snprintf(out + k, sizeof(out) - (size_t)k, ",%02d", (int)(cents % 100));
	printf("%*s", width, out);
}

/* The classification's suggestion for a purchase, on a line of its own,
 * marked as such: it is not what the file declares and is not counted. */
static void print_suggestion(const cantine_purchase *p)
{
	const char *sep = "";
	int k;

	if (!p->suggested_characteristics && p->suggested_family == CANTINE_PURCHASE_NONE &&
	    p->suggested_origin == CANTINE_PURCHASE_NONE)
		return;
	printf("           suggestion : ");
	if (p->suggested_characteristics) {
		for (k = 0; k < CANTINE_CHAR__MAX; k++)
			if (p->suggested_characteristics & (1u << k)) {
				printf("%s%s", sep,
				       cantine_characteristic_code((cantine_characteristic)k));
				sep = ",";
			}
		sep = " ; ";
	}
	if (p->suggested_family != CANTINE_PURCHASE_NONE) {
		printf("%sfamille %s", sep, cantine_family_code((cantine_family)p->suggested_family));
		sep = " ; ";
	}
	if (p->suggested_origin != CANTINE_PURCHASE_NONE)
		printf("%sorigine %s", sep,
		       cantine_characteristic_code((cantine_characteristic)p->suggested_origin));
	printf(" (règle%s %s) — à confirmer, non comptée\n",
	       strchr(p->suggestion_rules, ',') ? "s" : "", p->suggestion_rules);
}

static int sub_list(cantine_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "etab", required_argument, NULL, 'e' },
		{ "annee", required_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *uai = NULL, *year = NULL;
	char from[11], to[11];
	cantine_purchase *list = NULL;
	cantine_etab *etab = NULL;
	int64_t total = 0;
	size_t n = 0, i;
	int c, rc;

	if ((rc = early(ctx, argc, argv, usage_list, opts, ":e:a:h")) >= 0)
		return rc;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":e:a:h", opts, NULL)) != -1) {
		if (c == 'e')
			uai = optarg;
		else if (c == 'a')
			year = optarg;
	}
	if (optind < argc)
		return cli_usage_error("argument inattendu « %s »", argv[optind], usage_list);
	if (year && !year_ok(year))
		return cli_usage_error("--annee « %s » : écrivez une année sur 4 chiffres, "
				       "par exemple 2026", year, usage_list);
	if (!ctx)
		return -1;
	if ((rc = cli_etab(ctx, uai, &etab)) != 0)
		return cli_fail(ctx, rc);
	if (year) {
		snprintf(from, sizeof(from), "%s-01-01", year);
		snprintf(to, sizeof(to), "%s-12-31", year);
	}
	rc = cantine_purchases_load(ctx, etab->uai, year ? from : NULL, year ? to : NULL,
				    &list, &n);
	if (rc) {
		cantine_etab_free(etab);
		return cli_fail(ctx, rc);
	}
	printf("Achats de %s (%s)%s%s\n", etab->name, etab->uai, year ? " en " : "",
	       year ? year : "");
	for (i = 0; i < n; i++) {
		const cantine_purchase *p = &list[i];
		bool first = true;
		int k;

		printf("%s ", p->date);
		put_euros(p->amount_cents, 13);
		printf(" €  %-18s ", cantine_family_code(p->family));
		for (k = 0; k < CANTINE_CHAR__MAX; k++)
			if (p->characteristics & (1u << k)) {
				printf("%s%s", first ? "" : ",",
				       cantine_characteristic_code((cantine_characteristic)k));
				first = false;
			}
		if (p->local != CANTINE_LOCAL_NONE) {
			printf(" (local : %s", cantine_local_code(p->local));
			if (p->local_km)
				printf(" %d km", p->local_km);
			printf(")");
		}
		printf("%s  %s%s%s\n", first ? "-" : "", p->supplier,
		       *p->supplier ? " : " : "", p->description);
		print_suggestion(p);
		total += p->amount_cents;
	}
	printf("%zu achat%s, total ", n, n > 1 ? "s" : "");
	put_euros(total, 0);
	printf(" € HT\n");
	cantine_purchases_free(list, n);
	cantine_etab_free(etab);
	return EXIT_OK;
}

static int sub_export(cantine_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "etab", required_argument, NULL, 'e' },
		{ "annee", required_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *uai = NULL, *year = NULL, *format = NULL;
	cantine_buf out = CANTINE_BUF_INIT;
	char from[11], to[11];
	int c, rc;

	if ((rc = early(ctx, argc, argv, usage_export, opts, ":f:e:a:h")) >= 0)
		return rc;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":f:e:a:h", opts, NULL)) != -1) {
		if (c == 'f')
			format = optarg;
		else if (c == 'e')
			uai = optarg;
		else if (c == 'a')
			year = optarg;
	}
	if (optind < argc)
		return cli_usage_error("argument inattendu « %s »", argv[optind], usage_export);
	if (!format)
		return cli_usage_error("%s", "il faut --format xml", usage_export);
	if (strcmp(format, "xml") != 0)
		return cli_usage_error("format « %s » inconnu : les achats s'exportent au "
				       "format xml", format, usage_export);
	if (year && !year_ok(year))
		return cli_usage_error("--annee « %s » : écrivez une année sur 4 chiffres, "
				       "par exemple 2026", year, usage_export);
	if (!ctx)
		return -1;
	if (year) {
		snprintf(from, sizeof(from), "%s-01-01", year);
		snprintf(to, sizeof(to), "%s-12-31", year);
	}
	rc = cantine_export_purchases_xml(ctx, uai, year ? from : NULL, year ? to : NULL,
					  &out);
	if (rc) {
		rc = cli_fail(ctx, rc);
	} else if (fwrite(out.ptr, 1, out.size, stdout) != out.size || fflush(stdout)) {
		fprintf(stderr, "cantine : écriture de la sortie impossible\n");
		rc = EXIT_INTERNAL;
	}
	cantine_buf_dispose(&out);
	return rc;
}

int cmd_purchase(cantine_ctx *ctx, int argc, char **argv)
{
	size_t k;

	if (argc < 2)
		return cli_usage_error("%s", "il faut une sous-commande", usage_purchase);
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		if (!ctx)
			fputs(usage_purchase, stdout);
		return EXIT_OK;
	}
	for (k = 0; k < sizeof(subcommands) / sizeof(subcommands[0]); k++)
		if (!strcmp(argv[1], subcommands[k].name))
			return subcommands[k].fn(ctx, argc - 1, argv + 1);
	return cli_usage_error("sous-commande « %s » inconnue : import, list, export ou classify", argv[1],
			       usage_purchase);
}
