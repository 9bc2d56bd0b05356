/*
 * calendar.c: `cantine calendar`: the menus as an iCalendar file (.ics)
 * on standard output, for a calendar families subscribe to.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Default length of the period: six weeks after the first day. */
#define DEFAULT_DAYS 42

static const char usage_calendar[] =
	"Usage : cantine [--db FICHIER] calendar [--etab UAI] [--from AAAA-MM-JJ]\n"
	"                [--to AAAA-MM-JJ] [--statut STATUT]\n"
	"\n"
	"Écrit sur la sortie standard les menus au format iCalendar (.ics) : un\n"
	"événement « Menu du midi » sur la journée pour chaque repas, avec les plats\n"
	"de chaque composante, la marque [végé] et les allergènes. Publié sur le site\n"
	"du collège, le fichier est un agenda auquel les familles s'abonnent depuis\n"
	"leur téléphone ; le réexporter ne change que ce qui a changé.\n"
	"\n"
	"  --etab UAI        l'établissement (facultatif quand la base n'en a qu'un)\n"
	"  --from DATE       premier jour (défaut : aujourd'hui)\n"
	"  --to DATE         dernier jour (défaut : six semaines après le premier) ;\n"
	"                    400 jours au plus\n"
	"  --statut STATUT   publié (défaut : seuls les menus publiés sont destinés\n"
	"                    aux familles), proposé, brouillon, ou tous\n"
	"\n"
	"Exemple : cantine calendar --etab 0595871L > menus.ics\n";

static int bad_date(const char *what, const char *date)
{
	fprintf(stderr, "cantine : %s « %s » n'est pas une date valide ; écrivez-la "
		"AAAA-MM-JJ, par exemple 2026-09-07\n", what, date);
	return EXIT_INPUT;
}

/* Parse the options into uai, from, to and mask; EXIT_OK or an exit code. */
static int parse(int argc, char **argv, const char **uai, const char **from,
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
			if (strcmp(optarg, "tous") == 0) {
				*mask = (1u << CANTINE_STATUS__MAX) - 1;
			} else if ((s = cantine_status_parse(optarg)) >= 0) {
				*mask = 1u << s;
			} else {
				fprintf(stderr, "cantine : statut « %s » inconnu ; valeurs "
					"possibles : publié, proposé, brouillon ou tous\n\n%s",
					optarg, usage_calendar);
				return EXIT_INPUT;
			}
		} else if (c == 'h') {
			fputs(usage_calendar, stdout);
			return -1;
		} else {
			return cli_option_error(c, argv, usage_calendar);
		}
	}
	if (optind < argc) {
		fprintf(stderr, "cantine : argument inattendu « %s »\n\n%s", argv[optind],
			usage_calendar);
		return EXIT_INPUT;
	}
	if (*from && cantine_date_check(*from))
		return bad_date("la date de début", *from);
	if (*to && cantine_date_check(*to))
		return bad_date("la date de fin", *to);
	return EXIT_OK;
}

int cmd_calendar(cantine_ctx *ctx, int argc, char **argv)
{
	const char *uai = NULL, *from = NULL, *to = NULL;
	unsigned mask = 1u << CANTINE_STATUS_PUBLISHED;
	cantine_buf out = CANTINE_BUF_INIT;
	cantine_etab *etab = NULL;
	char today[11], last[11];
	int rc;

	rc = parse(argc, argv, &uai, &from, &to, &mask);
	if (rc < 0)
		return EXIT_OK; /* --help */
	if (rc)
		return rc;
	if (!ctx)
		return -1;
	if (!from)
		from = cli_today(today);
	if (!to) {
		cantine_date_add(last, from, DEFAULT_DAYS);
		to = last;
	}
	rc = cli_etab(ctx, uai, &etab);
	if (rc == 0)
		rc = cantine_export_ical(ctx, etab->uai, from, to, mask, &out);
	if (rc) {
		rc = cli_fail(ctx, rc);
	} else if (fwrite(out.ptr, 1, out.size, stdout) != out.size || fflush(stdout)) {
		fprintf(stderr, "cantine : écriture de la sortie impossible\n");
		rc = EXIT_INTERNAL;
	}
	cantine_buf_dispose(&out);
	cantine_etab_free(etab);
	return rc;
}
