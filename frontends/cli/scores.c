/*
 * scores.c: `cantine scores`: the scores the plugins give each dish of a
 * week (carbon footprint, Nutri-Score…), meal by meal.
 */
#include <getopt.h>
#include <string.h>

#include "cli.h"

static const char usage_scores[] =
	"Usage : cantine [--db FICHIER] scores [--etab UAI] [--date AAAA-MM-JJ]\n"
	"\n"
	"Pour chaque repas de la semaine qui contient la date (aujourd'hui par\n"
	"défaut), chaque plat et ce que les plugins en disent : empreinte carbone\n"
	"par portion (climat, Agribalyse 3.1.1), Nutri-Score (nutrition)…\n";

/* Millionths of a unit, in French: "0,42" (2 decimals, half up). */
static void french(char *out, size_t n, int64_t v)
{
	int64_t h = (v + 5000) / 10000;

	snprintf(out, n, "%lld,%02lld", (long long)(h / 100), (long long)(h % 100));
}

int cmd_scores(cantine_ctx *ctx, int argc, char **argv)
{
	cantine_etab *etab = NULL;
	cantine_week *w = NULL;
	char day[64];
	int rc, year, week;
	size_t i, k, j;

	if ((rc = cli_week_args(ctx, argc, argv, usage_scores, &etab, &w)) != -1 || !ctx)
		return rc;
	rc = 0;
	cantine_week_iso(w, &year, &week);
	cantine_date_french(day, sizeof(day), cantine_week_monday(w));
	printf("Scores des plats — %s (%s), semaine %d de %d, à partir du %s\n", etab->name,
	       etab->uai, week, year, day);
	for (i = 0; i < cantine_week_meal_count(w) && rc == 0; i++) {
		const cantine_meal *m = cantine_week_meal(w, i);

		cantine_date_french(day, sizeof(day), m->date);
		day[0] = (char)(day[0] - 'a' + 'A');
		printf("\n%s\n", day);
		for (k = 0; k < m->n_offers && rc == 0; k++) {
			cantine_scores *sc = NULL;

			if ((rc = cantine_score_dish(&sc, ctx, m->offers[k].dish)))
				break;
			printf("  %s\n", m->offers[k].dish);
			for (j = 0; j < cantine_scores_count(sc); j++) {
				const cantine_score *s = cantine_scores_get(sc, j, NULL);
				char v[32];
				printf("      %s : ", s->label);
				if (s->text) {
					fputs(s->text, stdout);
				} else {
					french(v, sizeof(v), s->value);
					printf("%s %s", v, s->unit);
				}
				putchar('\n');
			}
			cantine_scores_free(sc);
		}
	}
	if (rc == 0 && cantine_week_meal_count(w) == 0)
		printf("\nAucun repas prévu cette semaine.\n");
	cantine_week_free(w);
	cantine_etab_free(etab);
	return rc ? cli_fail(ctx, rc) : EXIT_OK;
}
