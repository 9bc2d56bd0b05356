/*
 * bill.c: `cantine bill --trimestre N`: the term bills of the
 * demi-pension (cantine/billing.h).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage_bill[] =
	"Usage : cantine [--db FICHIER] bill --trimestre N [--annee AAAA-AAAA]\n"
	"                [--etab UAI | --departement DD] [--eleve ID]\n"
	"                [--remise-jours N] [--format texte|csv|html]\n"
	"\n"
	"Facture le trimestre N de l'année scolaire : 1 septembre–décembre,\n"
	"2 janvier–mars, 3 avril–juin (jusqu'au 31 août). Chaque élève inscrit paie\n"
	"le forfait de son régime (réparti sur ses jours du trimestre) ou, sans\n"
	"forfait, ses jours au prix du ticket, plus ses repas au ticket (cantine\n"
	"import repas) ; sont déduits les jours de fermeture, de sortie ou d'examen\n"
	"de sa classe, ceux hors de son inscription, et ceux d'une absence justifiée\n"
	"d'au moins N jours consécutifs (remise d'ordre ; N de la grille tarifaire,\n"
	"5 par défaut). L'aide de sa tranche sociale va à son financeur.\n"
	"\n"
	"  --trimestre N, --term N    1, 2 ou 3 (obligatoire)\n"
	"  --annee AAAA-AAAA          année scolaire (par défaut : l'année en cours)\n"
	"  --etab UAI                 un collège ; sans --etab ni --departement : tous\n"
	"                             les collèges qui ont des inscrits\n"
	"  --departement DD           les collèges d'un département\n"
	"  --eleve ID                 la facture d'un élève (avec --etab quand la base\n"
	"                             a plusieurs collèges)\n"
	"  --remise-jours N           minimum de jours consécutifs d'une absence\n"
	"                             justifiée pour la remise d'ordre (1 à 60), au\n"
	"                             lieu de celui des grilles\n"
	"  --format texte             totaux par collège et par financeur (défaut),\n"
	"                             ou le détail de la facture avec --eleve\n"
	"  --format csv               une ligne par facture\n"
	"  --format html              un relevé imprimable par famille, un par page\n"
	"\n"
	"Les factures nomment les élèves par leur identifiant : elles sont pour la\n"
	"gestion et les familles, jamais pour une publication.\n";

static int number(const char *text, int min, int max)
{
	char *end;
	long v = strtol(text, &end, 10);

	return *text && !*end && v >= min && v <= max ? (int)v : -1;
}

int cmd_bill(cantine_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "trimestre", required_argument, NULL, 't' },
		{ "term", required_argument, NULL, 't' },
		{ "annee", required_argument, NULL, 'a' },
		{ "year", required_argument, NULL, 'a' },
		{ "etab", required_argument, NULL, 'e' },
		{ "departement", required_argument, NULL, 'd' },
		{ "eleve", required_argument, NULL, 'p' },
		{ "remise-jours", required_argument, NULL, 'r' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	cantine_bill_query q;
	cantine_billing *bl = NULL;
	cantine_buf out = CANTINE_BUF_INIT;
	cantine_etab *etab = NULL;
	char year[24];
	int c, rc, format = CANTINE_BILL_TEXT;

	memset(&q, 0, sizeof(q));
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (c) {
		case 't':
			if ((q.term = number(optarg, 1, 3)) < 0)
				return cli_usage_error("trimestre « %s » inconnu : écrivez 1 "
						       "(septembre–décembre), 2 (janvier–mars) ou 3 "
						       "(avril–juin)", optarg, usage_bill);
			break;
		case 'a': q.year = optarg; break;
		case 'e': q.uai = optarg; break;
		case 'd': q.departement = optarg; break;
		case 'p': q.pupil = optarg; break;
		case 'r':
			if ((q.remise_days = number(optarg, 1, 60)) < 0)
				return cli_usage_error("--remise-jours « %s » : donnez un nombre de "
						       "jours de 1 à 60", optarg, usage_bill);
			break;
		case 'f':
			if ((format = cantine_bill_format_parse(optarg)) < 0)
				return cli_usage_error("format « %s » inconnu : texte, csv ou html",
						       optarg, usage_bill);
			break;
		case 'h':
			return fputs(usage_bill, stdout), EXIT_OK;
		default:
			return cli_option_error(c, argv, usage_bill);
		}
	}
	if (optind < argc)
		return cli_usage_error("argument en trop : « %s »", argv[optind], usage_bill);
	if (q.term == 0)
		return cli_usage_error("%s", "donnez le trimestre : --trimestre 1, 2 ou 3",
				       usage_bill);
	if (q.uai && q.departement)
		return cli_usage_error("%s", "--etab et --departement s'excluent : donnez l'un "
				       "ou l'autre", usage_bill);
	if (!ctx)
		return -1; /* the options are right: open the store */
	if (!q.year)
		q.year = cli_school_year(year);
	if (q.pupil && !q.uai) {
		if ((rc = cli_etab(ctx, NULL, &etab)))
			return cli_fail(ctx, rc);
		q.uai = etab->uai;
	}
	q.keep_days = format == CANTINE_BILL_HTML;
	rc = cantine_billing_compute(&bl, ctx, &q);
	if (rc == 0 && (rc = cantine_billing_write(bl, (cantine_bill_format)format, &out)) == 0)
		fwrite(out.ptr, 1, out.size, stdout);
	else if (rc == CANTINE_ENOMEM && bl)
		fputs("cantine : mémoire insuffisante\n", stderr);
	else if (rc)
		cli_fail(ctx, rc);
	cantine_buf_dispose(&out);
	cantine_billing_free(bl);
	cantine_etab_free(etab);
	return cli_exit_code(rc);
}
