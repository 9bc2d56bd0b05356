/*
 * history.c: `cantine history`: what changed in the menus of a period,
 * when, by whom and why.
 */
#include <getopt.h>
#include <string.h>

#include "cli.h"

static const char usage_history[] =
	"Usage : cantine [--db FICHIER] history [--etab UAI] [--date AAAA-MM-JJ]\n"
	"        cantine [--db FICHIER] history [--etab UAI] --from AAAA-MM-JJ --to AAAA-MM-JJ\n"
	"\n"
	"Historique des menus de la semaine qui contient la date (défaut : aujourd'hui)\n"
	"ou de la période : création, changements de statut, plats avant et après,\n"
	"auteur et raison de chaque modification d'un menu publié.\n";

static const char *status_or_none(int s)
{
	return s < 0 ? "—" : cantine_status_name((cantine_status)s);
}

int cmd_history(cantine_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "etab", required_argument, NULL, 'e' },
		{ "date", required_argument, NULL, 'd' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *uai = NULL, *date = NULL, *from = NULL, *to = NULL;
	cantine_history *h = NULL;
	cantine_etab *etab = NULL;
	char today[11], monday[11], sunday[11], day[64];
	int c, rc;
	size_t i;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (c) {
		case 'e': uai = optarg; break;
		case 'd': date = optarg; break;
		case 'f': from = optarg; break;
		case 't': to = optarg; break;
		case 'h': return fputs(usage_history, stdout), EXIT_OK;
		default: return cli_option_error(c, argv, usage_history);
		}
	}
	if (optind < argc || (date && (from || to)) || (!from != !to)) {
		fprintf(stderr, "cantine : donnez --date, ou --from et --to\n\n%s", usage_history);
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
	if (!from) {
		if (!date)
			date = cli_today(today);
		cantine_date_monday(monday, date);
		cantine_date_add(sunday, monday, 6);
		from = monday;
		to = sunday;
	}
	rc = cli_etab(ctx, uai, &etab);
	if (rc == 0)
		rc = cantine_plan_history(&h, ctx, etab->uai, from, to);
	if (rc) {
		cantine_etab_free(etab);
		return cli_fail(ctx, rc);
	}
	printf("Historique des menus — %s (%s), du %s au %s\n", etab->name, etab->uai,
	       from, to);
	for (i = 0; i < cantine_history_count(h); i++) {
		const cantine_change *e = cantine_history_get(h, i);

		cantine_date_french(day, sizeof(day), e->date);
		if (i == 0 || strcmp(e->date, cantine_history_get(h, i - 1)->date) != 0)
			printf("\n%s\n", day);
		if (e->old_status < 0)
			printf("  %s  créé (%s)\n", e->at, status_or_none(e->new_status));
		else if (e->old_status == e->new_status)
			printf("  %s  modifié (%s)", e->at, status_or_none(e->new_status));
		else
			printf("  %s  %s → %s", e->at, status_or_none(e->old_status),
			       status_or_none(e->new_status));
		if (e->old_status >= 0) {
			if (e->who)
				printf(" par %s", e->who);
			if (e->reason)
				printf(" : « %s »", e->reason);
			putchar('\n');
			if (e->before && e->after && strcmp(e->before, e->after) != 0)
				printf("      avant : %s\n      après : %s\n", e->before, e->after);
		}
	}
	if (cantine_history_count(h) == 0)
		printf("\nAucun changement sur cette période.\n");
	cantine_history_free(h);
	cantine_etab_free(etab);
	return EXIT_OK;
}
