/*
 * plan.c: `cantine plan`: edit the menus: set, add or remove the dishes
 * of a meal, change the status of a period, copy a cycle of weeks.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage_plan[] =
	"Usage : cantine [--db FICHIER] [--auteur NOM] plan ACTION [OPTIONS]\n"
	"\n"
	"  plan set --date D [--statut S] PLAT...   remplace les plats du repas du jour\n"
	"  plan add --date D PLAT...                 ajoute des plats (des choix) au repas\n"
	"  plan remove --date D PLAT...              retire des plats du repas\n"
	"  plan status STATUT --from D --to D        change le statut des repas de la\n"
	"                                            période (brouillon, proposé, publié)\n"
	"  plan copy --from D --weeks N --onto D [--remplacer]\n"
	"                                            recopie un cycle de N semaines à\n"
	"                                            partir de la semaine de --onto, en\n"
	"                                            brouillon, en sautant les jours sans\n"
	"                                            service et les jours de fermeture\n"
	"\n"
	"Options communes : --etab UAI (facultatif s'il n'y a qu'un établissement),\n"
	"--raison TEXTE (obligatoire pour modifier un menu publié ; gardée dans\n"
	"l'historique avec l'auteur).  PLAT est le nom exact d'une recette.\n";

typedef struct opts {
	const char *uai, *date, *from, *to, *onto, *reason, *status;
	int weeks, replace;
} opts;

static int parse(int argc, char **argv, opts *o)
{
	static const struct option lopts[] = {
		{ "etab", required_argument, NULL, 'e' },
		{ "date", required_argument, NULL, 'd' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "onto", required_argument, NULL, 'o' },
		{ "weeks", required_argument, NULL, 'w' },
		{ "statut", required_argument, NULL, 's' },
		{ "raison", required_argument, NULL, 'r' },
		{ "remplacer", no_argument, NULL, 'R' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	char *end;
	int c;

	memset(o, 0, sizeof(*o));
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", lopts, NULL)) != -1) {
		switch (c) {
		case 'e': o->uai = optarg; break;
		case 'd': o->date = optarg; break;
		case 'f': o->from = optarg; break;
		case 't': o->to = optarg; break;
		case 'o': o->onto = optarg; break;
		case 's': o->status = optarg; break;
		case 'r': o->reason = optarg; break;
		case 'R': o->replace = 1; break;
		case 'w':
			o->weeks = (int)strtol(optarg, &end, 10);
			if (*end || end == optarg)
				o->weeks = -1;
			break;
		case 'h': return fputs(usage_plan, stdout), EXIT_OK;
		default: return cli_option_error(c, argv, usage_plan);
		}
	}
	return -1;
}

static int bad(const char *what)
{
	fprintf(stderr, "cantine : %s\n\n%s", what, usage_plan);
	return EXIT_INPUT;
}

/* The dishes of the meal of `date`, and its status; *n = 0 when none. */
static int current(cantine_ctx *ctx, const char *uai, const char *date,
		   cantine_week **w, const cantine_meal **meal)
{
	size_t i;
	int rc = cantine_plan_week(w, ctx, uai, date);

	*meal = NULL;
	for (i = 0; rc == 0 && i < cantine_week_meal_count(*w); i++)
		if (strcmp(cantine_week_meal(*w, i)->date, date) == 0)
			*meal = cantine_week_meal(*w, i);
	return rc;
}

static int edit_meal(cantine_ctx *ctx, const char *action, const opts *o,
		     const char *uai, char **names, int n)
{
	const char **list = NULL;
	const cantine_meal *m;
	cantine_week *w;
	int rc, k, status;
	size_t cnt = 0, i;

	if ((rc = current(ctx, uai, o->date, &w, &m)))
		return cli_fail(ctx, rc);
	status = m ? (int)m->status : CANTINE_STATUS_DRAFT;
	if (o->status && (status = cantine_status_parse(o->status)) < 0) {
		cantine_week_free(w);
		return bad("statut inconnu : brouillon, proposé ou publié");
	}
	list = calloc((m ? m->n_offers : 0) + (size_t)n + 1, sizeof(*list));
	if (!list) {
		cantine_week_free(w);
		return EXIT_INTERNAL;
	}
	if (strcmp(action, "set") != 0)
		for (i = 0; m && i < m->n_offers; i++) {
			for (k = 0; k < n && strcmp(action, "remove") == 0; k++)
				if (strcmp(names[k], m->offers[i].dish) == 0)
					break;
			if (strcmp(action, "remove") != 0 || k == n)
				list[cnt++] = m->offers[i].dish;
		}
	if (strcmp(action, "remove") == 0) {
		for (k = 0; k < n; k++) {
			for (i = 0; m && i < m->n_offers; i++)
				if (strcmp(names[k], m->offers[i].dish) == 0)
					break;
			if (!m || i == m->n_offers) {
				fprintf(stderr, "cantine : « %s » n'est pas au menu du %s\n",
					names[k], o->date);
				free(list);
				cantine_week_free(w);
				return EXIT_INPUT;
			}
		}
	} else {
		for (k = 0; k < n; k++)
			list[cnt++] = names[k];
	}
	rc = cantine_plan_set_meal(ctx, uai, o->date, (cantine_status)status, list, cnt);
	free(list);
	cantine_week_free(w);
	if (rc)
		return cli_fail(ctx, rc);
	printf("Menu du %s : %zu plat%s (%s).\n", o->date, cnt, cnt > 1 ? "s" : "",
	       cantine_status_name((cantine_status)status));
	return EXIT_OK;
}

int cmd_plan(cantine_ctx *ctx, int argc, char **argv)
{
	const char *action;
	cantine_etab *etab = NULL;
	opts o;
	int rc;

	if (argc < 2 || argv[1][0] == '-') {
		if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0))
			return fputs(usage_plan, stdout), EXIT_OK;
		return bad("il faut une action : set, add, remove, status ou copy");
	}
	action = argv[1];
	if ((rc = parse(argc - 1, argv + 1, &o)) >= 0)
		return rc;
	argc -= 1 + optind;
	argv += 1 + optind;
	if (!strcmp(action, "set") || !strcmp(action, "add") || !strcmp(action, "remove")) {
		if (!o.date || cantine_date_check(o.date))
			return bad("il faut --date AAAA-MM-JJ, une date valide");
		if (argc < 1 && strcmp(action, "set") != 0)
			return bad("donnez au moins un plat");
	} else if (!strcmp(action, "status")) {
		if (argc != 1 || cantine_status_parse(argv[0]) < 0)
			return bad("il faut un statut : brouillon, proposé ou publié");
		if (!o.from || !o.to || cantine_date_check(o.from) || cantine_date_check(o.to))
			return bad("il faut --from et --to, deux dates AAAA-MM-JJ");
	} else if (!strcmp(action, "copy")) {
		if (!o.from || !o.onto || cantine_date_check(o.from) || cantine_date_check(o.onto))
			return bad("il faut --from et --onto, deux dates AAAA-MM-JJ");
		if (o.weeks < 1 || o.weeks > 52)
			return bad("il faut --weeks N, de 1 à 52 semaines");
	} else {
		return bad("action inconnue : set, add, remove, status ou copy");
	}
	if (!ctx)
		return -1;
	if (cantine_ctx_set_change(ctx, cli_author(), o.reason))
		return cli_fail(ctx, CANTINE_ENOMEM);
	rc = cli_etab(ctx, o.uai, &etab);
	if (rc)
		return cli_fail(ctx, rc);
	if (!strcmp(action, "status")) {
		size_t n;
		rc = cantine_plan_set_status(ctx, etab->uai, o.from, o.to,
					     (cantine_status)cantine_status_parse(argv[0]), &n);
		if (rc == 0)
			printf("%zu repas passé%s au statut « %s ».\n", n, n > 1 ? "s" : "",
			       cantine_status_name((cantine_status)cantine_status_parse(argv[0])));
		else
			rc = cli_fail(ctx, rc);
	} else if (!strcmp(action, "copy")) {
		cantine_report *r;
		size_t i;
		rc = cantine_plan_copy(&r, ctx, etab->uai, o.from, o.weeks, o.onto, o.replace);
		if (rc) {
			rc = cli_fail(ctx, rc);
		} else {
			for (i = 0; i < cantine_report_count(r); i++) {
				const cantine_finding *f = cantine_report_get(r, i);
				printf("%-11s %s\n", cantine_severity_name(f->severity), f->message);
			}
			printf("%zu menu%s copié%s, %zu non copié%s.\n",
			       cantine_report_count_severity(r, CANTINE_SEVERITY_INFO),
			       cantine_report_count_severity(r, CANTINE_SEVERITY_INFO) > 1 ? "s" : "",
			       cantine_report_count_severity(r, CANTINE_SEVERITY_INFO) > 1 ? "s" : "",
			       cantine_report_count_severity(r, CANTINE_SEVERITY_WARNING),
			       cantine_report_count_severity(r, CANTINE_SEVERITY_WARNING) > 1 ? "s" : "");
			cantine_report_free(r);
		}
	} else {
		rc = edit_meal(ctx, action, &o, etab->uai, argv, argc);
	}
	cantine_etab_free(etab);
	return rc;
}
