/*
 * check.c: `cantine check week|period`: run the core checks and the
 * plugins' rules and print the findings; exit code 1 when a rule fails.
 */
#include <getopt.h>
#include <string.h>

#include "cli.h"

static const char usage_check[] =
	"Usage : cantine [--db FICHIER] check week [--etab UAI] [--date AAAA-MM-JJ]\n"
	"        cantine [--db FICHIER] check period --from AAAA-MM-JJ --to AAAA-MM-JJ [--etab UAI]\n"
	"\n"
	"Vérifie les menus d'une semaine (celle qui contient la date, aujourd'hui par\n"
	"défaut) ou d'une période, et affiche les constats :\n"
	"  core.meal-structure   chaque déjeuner a un plat principal, une garniture, un\n"
	"                        produit laitier, et une entrée et/ou un dessert\n"
	"                        (arrêté du 30 septembre 2011, art. 1)\n"
	"  core.vegetarian-week  chaque semaine permet au moins un jour de prendre un\n"
	"                        menu végétarien complet (loi Climat et résilience)\n"
	"  core.closed-day       aucun repas un jour de fermeture (fichier fermetures)\n"
	"  core.food-cost        coût denrées moyen par repas de la semaine comparé à\n"
	"                        la cible de l'établissement (cout_denrees_cible)\n"
	"puis les règles des plugins (cantine plugins) :\n"
	"  nutrition.gemrcn-*    fréquences GEMRCN sur chaque fenêtre de 20 repas servis\n"
	"                        (arrêté du 30 septembre 2011, annexe I)\n"
	"  nutrition.cnrc-*      grille végétarienne du CNRC quand une fenêtre compte\n"
	"                        au moins 4 repas végétariens\n"
	"  climat.*              empreinte carbone par repas et par semaine\n"
	"                        (Agribalyse 3.1.1)\n"
	"Les fréquences GEMRCN demandent 20 repas : vérifiez une période d'au moins\n"
	"5 semaines (check period).\n"
	"\n"
	"  --tout     affiche aussi les constats d'information (règles respectées)\n"
	"\n"
	"Code de sortie 1 quand une règle n'est pas respectée, 0 sinon.\n";

int cli_print_report(const cantine_report *r, int all)
{
	size_t i, errors, warnings;

	for (i = 0; i < cantine_report_count(r); i++) {
		const cantine_finding *f = cantine_report_get(r, i);
		if (f->severity == CANTINE_SEVERITY_INFO && !all)
			continue;
		printf("%-11s %-21s %s\n", cantine_severity_name(f->severity), f->rule,
		       f->message);
	}
	errors = cantine_report_count_severity(r, CANTINE_SEVERITY_ERROR);
	warnings = cantine_report_count_severity(r, CANTINE_SEVERITY_WARNING);
	printf("%zu erreur%s, %zu point%s d'attention.\n", errors, errors > 1 ? "s" : "",
	       warnings, warnings > 1 ? "s" : "");
	return errors ? EXIT_RULE : EXIT_OK;
}

int cmd_check(cantine_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "etab", required_argument, NULL, 'e' },
		{ "date", required_argument, NULL, 'd' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "tout", no_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *uai = NULL, *date = NULL, *from = NULL, *to = NULL, *what;
	cantine_report *r = NULL;
	cantine_etab *etab = NULL;
	char today[11], monday[11], sunday[11];
	int c, rc, all = 0, week;

	if (argc < 2 || argv[1][0] == '-') {
		if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0))
			return fputs(usage_check, stdout), EXIT_OK;
		fprintf(stderr, "cantine : il faut « check week » ou « check period »\n\n%s",
			usage_check);
		return EXIT_INPUT;
	}
	what = argv[1];
	week = strcmp(what, "week") == 0;
	if (!week && strcmp(what, "period") != 0) {
		fprintf(stderr, "cantine : « check %s » inconnu : week ou period\n\n%s",
			what, usage_check);
		return EXIT_INPUT;
	}
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc - 1, argv + 1, ":h", opts, NULL)) != -1) {
		switch (c) {
		case 'e': uai = optarg; break;
		case 'd': date = optarg; break;
		case 'f': from = optarg; break;
		case 't': to = optarg; break;
		case 'a': all = 1; break;
		case 'h': return fputs(usage_check, stdout), EXIT_OK;
		default: return cli_option_error(c, argv + 1, usage_check);
		}
	}
	if (optind < argc - 1) {
		fprintf(stderr, "cantine : argument inattendu « %s »\n\n%s", argv[optind + 1],
			usage_check);
		return EXIT_INPUT;
	}
	if (week ? (from || to) : (date || !from || !to)) {
		fprintf(stderr, "cantine : %s\n\n%s", week
			? "« check week » prend --date, pas --from ni --to"
			: "« check period » demande --from et --to (et pas --date)", usage_check);
		return EXIT_INPUT;
	}
	if ((date && cantine_date_check(date)) || (from && cantine_date_check(from)) ||
	    (to && cantine_date_check(to))) {
		fprintf(stderr, "cantine : date invalide ; écrivez-la AAAA-MM-JJ, par exemple "
			"2026-09-07\n");
		return EXIT_INPUT;
	}
	if (!ctx)
		return -1;
	if (week) {
		if (!date)
			date = cli_today(today);
		/* The ISO week of the date, Monday to Sunday. */
		cantine_date_monday(monday, date);
		cantine_date_add(sunday, monday, 6);
		from = monday;
		to = sunday;
	}
	rc = cli_etab(ctx, uai, &etab);
	if (rc == 0)
		rc = cantine_check_period(&r, ctx, etab->uai, from, to);
	if (rc) {
		cantine_etab_free(etab);
		return cli_fail(ctx, rc);
	}
	printf("Vérification des menus de %s (%s), du %s au %s\n", etab->name, etab->uai,
	       from, to);
	rc = cli_print_report(r, all);
	cantine_report_free(r);
	cantine_etab_free(etab);
	return rc;
}
