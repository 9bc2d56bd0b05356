/*
 * tariff.c: `cantine tariff import|show|price|check`: the tariff grids of
 * a collège (cantine/pricing.h; docs/formats.md "tarifs").
 */
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage_tariff[] =
	"Usage : cantine [--db FICHIER] tariff SOUS-COMMANDE [OPTIONS]\n"
	"\n"
	"Grilles tarifaires de la demi-pension, par collège et par année scolaire :\n"
	"prix du ticket, forfaits par trimestre, commensaux, tranches sociales\n"
	"(quotient familial, revenu fiscal de référence et nombre d'enfants, bourse)\n"
	"donnant une aide par repas ou un prix famille.\n"
	"\n"
	"  tariff import FICHIER       importe un fichier « tarifs » (comme\n"
	"                              cantine import tarifs FICHIER)\n"
	"  tariff show [--etab UAI] [--annee AAAA-AAAA]\n"
	"                              la grille, en euros\n"
	"  tariff price [--etab UAI] [--annee AAAA-AAAA]\n"
	"               (--qf N | --rfr N --enfants K | --boursier)\n"
	"                              ce que paie une famille par repas, l'aide\n"
	"                              et qui la finance\n"
	"  tariff check [--etab UAI] [--annee AAAA-AAAA]\n"
	"                              vérifie la grille : prix ≤ coût par usager\n"
	"                              (R. 531-53), au moins 3 tranches si elle se dit\n"
	"                              progressive, règle « cantine à 1 € »…\n"
	"\n"
	"--etab peut être omis quand la base n'a qu'un collège ; --annee vaut par\n"
	"défaut l'année scolaire en cours (qui commence en août).\n"
	"Code de sortie de check : 1 quand une règle n'est pas respectée.\n";

static const char *eur(int64_t cents, char out[32])
{
	cantine_euros_format(out, 32, cents);
	return out;
}

static int sub_import(cantine_ctx *ctx, int argc, char **argv)
{
	cantine_problems *pbs = NULL;
	cantine_import_stats st;
	int rc;

	if (argc != 2 || argv[1][0] == '-')
		return argc == 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))
			? (fputs(usage_tariff, stdout), EXIT_OK)
			: cli_usage_error("%s", "il faut un FICHIER, et lui seul", usage_tariff);
	if (!ctx)
		return -1;
	rc = cantine_import_csv(ctx, CANTINE_KIND_TARIFFS, argv[1], CANTINE_ENCODING_AUTO,
				&pbs, &st);
	cli_print_problems(pbs);
	cantine_problems_free(pbs);
	if (rc)
		return cli_fail(ctx, rc);
	printf("%s : %zu ligne%s lue%s, %zu créé%s, %zu mis à jour.\n", argv[1], st.rows,
	       st.rows > 1 ? "s" : "", st.rows > 1 ? "s" : "", st.inserted,
	       st.inserted > 1 ? "s" : "", st.updated);
	return EXIT_OK;
}

/* The options shared by show, price and check. */
typedef struct args {
	const char *uai, *year;
	char        yearbuf[24];
	cantine_situation s;
	int         has_qf, has_rfr, has_children, bourse;
} args;

static int parse_args(args *a, int argc, char **argv, int situation)
{
	static const struct option opts[] = {
		{ "etab", required_argument, NULL, 'e' },
		{ "annee", required_argument, NULL, 'a' },
		{ "year", required_argument, NULL, 'a' },
		{ "qf", required_argument, NULL, 'q' },
		{ "rfr", required_argument, NULL, 'r' },
		{ "enfants", required_argument, NULL, 'k' },
		{ "boursier", no_argument, NULL, 'b' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	char *end;
	long k;
	int c;

	memset(a, 0, sizeof(*a));
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if (c == 'e')
			a->uai = optarg;
		else if (c == 'a')
			a->year = optarg;
		else if (c == 'h')
			return fputs(usage_tariff, stdout), EXIT_OK;
		else if (!situation || (c != 'q' && c != 'r' && c != 'k' && c != 'b'))
			return cli_option_error(c, argv, usage_tariff);
		else if (c == 'b')
			a->bourse = 1;
		else if (c == 'k') {
			k = strtol(optarg, &end, 10);
			if (*end || k < 1 || k > 20)
				return cli_usage_error("« %s » enfants : écrivez un nombre de 1 à 20",
						       optarg, usage_tariff);
			a->s.children = (int)k;
			a->has_children = 1;
		} else if (cantine_euros_parse(optarg, &a->s.income_cents)) {
			return cli_usage_error("« %s » n'est pas un montant en euros ; écrivez par "
					       "exemple 850 ou 12500,50", optarg, usage_tariff);
		} else if (c == 'q') {
			a->has_qf = 1;
		} else {
			a->has_rfr = 1;
		}
	}
	if (optind < argc)
		return cli_usage_error("argument inattendu « %s »", argv[optind], usage_tariff);
	if (a->year && cantine_school_year_check(a->year))
		return cli_usage_error("année scolaire « %s » invalide : écrivez-la AAAA-AAAA, "
				       "par exemple 2026-2027", a->year, usage_tariff);
	if (!a->year)
		a->year = cli_school_year(a->yearbuf);
	if (!situation)
		return -1;
	if (a->has_qf + a->has_rfr + a->bourse != 1)
		return cli_usage_error("%s", "donnez une situation et une seule : --qf N, "
				       "--rfr N --enfants K, ou --boursier", usage_tariff);
	if (a->has_rfr != a->has_children)
		return cli_usage_error("%s", a->has_rfr ? "--rfr demande --enfants K (nombre "
				       "d'enfants à charge)" : "--enfants va avec --rfr",
				       usage_tariff);
	a->s.basis = a->has_qf ? CANTINE_TIER_QF : a->has_rfr ? CANTINE_TIER_RFR
							      : CANTINE_TIER_BOURSE;
	return -1;
}

/* The establishment and its grid; an exit code on failure, else -1. */
static int load(cantine_ctx *ctx, args *a, cantine_etab **etab, cantine_tariff **t)
{
	int rc;

	*t = NULL;
	if ((rc = cli_etab(ctx, a->uai, etab)) != 0)
		return cli_fail(ctx, rc);
	if ((rc = cantine_tariff_load(t, ctx, (*etab)->uai, a->year)) != 0) {
		cantine_etab_free(*etab);
		*etab = NULL;
		return cli_fail(ctx, rc);
	}
	return -1;
}

static void show_bracket(const cantine_tier *k)
{
	char a[32], b[32];

	if (k->basis == CANTINE_TIER_BOURSE) {
		fputs("boursiers", stdout);
		return;
	}
	printf("%s de %s", k->basis == CANTINE_TIER_QF ? "QF" : "RFR", eur(k->from_cents, a));
	if (k->to_cents != CANTINE_TIER_NO_LIMIT)
		printf(" à %s", eur(k->to_cents, b));
	else
		fputs(" et plus", stdout);
	if (k->basis == CANTINE_TIER_RFR)
		printf(", %d enfant%s", k->children, k->children > 1 ? "s" : "");
}

static void show_forfait(int days, int64_t cents, int meals)
{
	char a[32], b[32];

	if (cents < 0)
		return;
	printf("Forfait %d jours par trimestre : %s pour %d repas (%s le repas)\n", days,
	       eur(cents, a), meals, eur(cantine_forfait_per_meal(cents, meals), b));
}

static int sub_show(cantine_ctx *ctx, int argc, char **argv)
{
	cantine_etab *etab;
	cantine_tariff *t;
	char a[32], b[32];
	args ar;
	size_t i;
	int rc;

	if ((rc = parse_args(&ar, argc, argv, 0)) >= 0 || !ctx)
		return rc;
	if ((rc = load(ctx, &ar, &etab, &t)) >= 0)
		return rc;
	printf("Grille tarifaire %s : %s (%s)\n\n", t->year, etab->name, etab->uai);
	printf("Prix du ticket (élève) : %s\n", eur(t->ticket_cents, a));
	show_forfait(4, t->forfait4_cents, t->meals4);
	show_forfait(5, t->forfait5_cents, t->meals5);
	printf("Coût de revient par usager : %s par repas, subventions déduites "
	       "(plafond des prix, R. 531-53)\n", eur(t->cost_cents, a));
	printf("Grille progressive : %s ; « cantine à 1 € » : %s\n",
	       t->progressive ? "oui" : "non", t->cantine_1e ? "oui" : "non");
	printf("Financeur des aides : %s\n", cantine_funder_name(t->funder));
	printf("Remise d'ordre : absence justifiée d'au moins %d jours d'école consécutifs\n",
	       t->remise_days > 0 ? t->remise_days : CANTINE_REMISE_DAYS_DEFAULT);
	if (t->ncommensals) {
		puts("\nCommensaux (prix du repas) :");
		for (i = 0; i < t->ncommensals; i++) {
			fputs("  ", stdout);
			cli_put_padded(t->commensals[i].label, 30);
			printf(" %s\n", eur(t->commensals[i].price_cents, a));
		}
	}
	if (t->ntiers) {
		puts("\nTranches sociales (bornes comprises) :");
		for (i = 0; i < t->ntiers; i++) {
			const cantine_tier *k = &t->tiers[i];
			int64_t fam = k->aid_cents >= 0 ? t->ticket_cents - k->aid_cents
							: k->family_cents;
			printf("  %s : ", k->label);
			show_bracket(k);
			if (k->aid_cents >= 0)
				printf(" ; aide %s par repas, la famille paie %s",
				       eur(k->aid_cents, a), eur(fam < 0 ? 0 : fam, b));
			else
				printf(" ; la famille paie %s par repas", eur(fam, a));
			printf(" (%s)\n", cantine_funder_name(k->funder));
		}
	}
	cantine_tariff_free(t);
	cantine_etab_free(etab);
	return EXIT_OK;
}

static int sub_price(cantine_ctx *ctx, int argc, char **argv)
{
	cantine_etab *etab;
	cantine_tariff *t;
	cantine_price p;
	char a[32];
	args ar;
	int rc;

	if ((rc = parse_args(&ar, argc, argv, 1)) >= 0 || !ctx)
		return rc;
	if ((rc = load(ctx, &ar, &etab, &t)) >= 0)
		return rc;
	printf("%s (%s), année %s, ", etab->name, etab->uai, t->year);
	if (ar.s.basis == CANTINE_TIER_QF)
		printf("quotient familial %s\n", eur(ar.s.income_cents, a));
	else if (ar.s.basis == CANTINE_TIER_RFR)
		printf("revenu fiscal de référence %s, %d enfant%s\n", eur(ar.s.income_cents, a),
		       ar.s.children, ar.s.children > 1 ? "s" : "");
	else
		puts("élève boursier");
	rc = cantine_tariff_price(t, &ar.s, &p);
	if (rc == 0) {
		printf("Prix du ticket : %s\n", eur(p.ticket_cents, a));
		if (p.tier) {
			printf("Tranche : %s (", p.tier->label);
			show_bracket(p.tier);
			puts(")");
		} else {
			puts("Aucune tranche ne s'applique : la famille paie le prix du ticket.");
		}
		if (p.aid_cents > 0)
			printf("Aide : %s par repas, financée par : %s\n", eur(p.aid_cents, a),
			       cantine_funder_name(p.funder));
		else
			puts("Aide : aucune");
		printf("La famille paie : %s par repas\n", eur(p.family_cents, a));
	}
	cantine_tariff_free(t);
	cantine_etab_free(etab);
	return rc ? EXIT_INPUT : EXIT_OK;
}

static int sub_check(cantine_ctx *ctx, int argc, char **argv)
{
	cantine_report *r = NULL;
	cantine_etab *etab;
	cantine_tariff *t;
	args ar;
	int rc;

	if ((rc = parse_args(&ar, argc, argv, 0)) >= 0 || !ctx)
		return rc;
	if ((rc = load(ctx, &ar, &etab, &t)) >= 0)
		return rc;
	printf("Grille tarifaire %s : %s (%s)\n", t->year, etab->name, etab->uai);
	if (cantine_tariff_check(&r, t) == 0) {
		rc = cli_print_report(r, 0);
	} else {
		fputs("cantine : mémoire insuffisante\n", stderr);
		rc = EXIT_INTERNAL;
	}
	cantine_report_free(r);
	cantine_tariff_free(t);
	cantine_etab_free(etab);
	return rc;
}

int cmd_tariff(cantine_ctx *ctx, int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*fn)(cantine_ctx *, int, char **);
	} subs[] = {
		{ "import", sub_import }, { "show", sub_show },
		{ "price", sub_price }, { "check", sub_check },
	};
	size_t k;

	if (argc < 2)
		return cli_usage_error("%s", "il faut une sous-commande : import, show, price "
				       "ou check", usage_tariff);
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))
		return ctx ? EXIT_OK : (fputs(usage_tariff, stdout), EXIT_OK);
	for (k = 0; k < sizeof(subs) / sizeof(subs[0]); k++)
		if (!strcmp(argv[1], subs[k].name))
			return subs[k].fn(ctx, argc - 1, argv + 1);
	return cli_usage_error("sous-commande « %s » inconnue : import, show, price ou check",
			       argv[1], usage_tariff);
}
