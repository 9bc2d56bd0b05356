/*
 * production.c: `cantine production`: the production sheet of a day or a
 * period for a number of covers, and the shopping list by supplier.
 */
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <stdbool.h>
#include <string.h>

#include "cli.h"

static const char usage_production[] =
	"Usage : cantine [--db FICHIER] production [--etab UAI] --date AAAA-MM-JJ\n"
	"                [--au AAAA-MM-JJ] [--couverts N] [--courses]\n"
	"\n"
	"Fiche de production du jour (ou de la période jusqu'à --au) : pour chaque\n"
	"plat, le nombre de portions et la quantité de chaque produit, puis le total\n"
	"par produit. Les couverts se partagent entre les choix d'un même plat.\n"
	"Sans --couverts, chaque jour prend la prévision de ses couverts (cantine\n"
	"forecast : inscrits, absences, taux de présence des semaines passées) ;\n"
	"sans aucune inscription, les demi-pensionnaires de l'établissement.\n"
	"\n"
	"  --courses   liste des achats par fournisseur, en unités de commande\n"
	"              (kg, litres ou pièces, arrondis au-dessus) avec le coût HT\n";

static void euros(int64_t cents, char *out, size_t n)
{
	snprintf(out, n, "%" PRId64 ",%02" PRId64 " €", cents / 100, cents % 100);
}

/* "12,350 kg" from milligrams, to the gram. */
static void kilos(int64_t mg, char *out, size_t n)
{
	int64_t g = (mg + 500) / 1000;

	snprintf(out, n, "%" PRId64 ",%03" PRId64 " kg", g / 1000, g % 1000);
}

/* The order quantity in its unit: "13,0 kg", "4,5 l", "68 pièces". */
static void order(const cantine_production_line *l, int64_t mg, char *out, size_t n)
{
	int64_t q = cantine_order_quantity(l->unit, l->unit_grams, mg);

	if (l->unit == CANTINE_UNIT_PIECE)
		snprintf(out, n, "%" PRId64 " pièce%s", q, q > 1 ? "s" : "");
	else
		snprintf(out, n, "%" PRId64 ",%" PRId64 " %s", q / 10, q % 10,
			 l->unit == CANTINE_UNIT_KG ? "kg" : "l");
}

/* Totals per product over the sheet, in order of first appearance,
 * optionally sorted by supplier then product name. */
typedef struct total {
	const cantine_production_line *first;
	int64_t mg;
} total;

static int by_supplier(const void *a, const void *b)
{
	const total *x = a, *y = b;
	int c = strcmp(x->first->supplier, y->first->supplier);

	return c ? c : strcmp(x->first->product_name, y->first->product_name);
}

static size_t totals(const cantine_production *p, total *t)
{
	size_t i, k, n = 0;

	for (i = 0; i < cantine_production_count(p); i++) {
		const cantine_production_line *l = cantine_production_get(p, i);
		for (k = 0; k < n; k++)
			if (strcmp(t[k].first->product_code, l->product_code) == 0)
				break;
		if (k == n) {
			t[n].first = l;
			t[n].mg = 0;
			n++;
		}
		t[k].mg += l->grams_mg;
	}
	return n;
}

static void print_sheet(const cantine_production *p, const total *t, size_t nt)
{
	const char *date = "", *dish = "";
	char day[64], q[32];
	size_t i;

	for (i = 0; i < cantine_production_count(p); i++) {
		const cantine_production_line *l = cantine_production_get(p, i);
		if (strcmp(l->date, date) != 0) {
			cantine_date_french(day, sizeof(day), l->date);
			day[0] = (char)(day[0] - 'a' + 'A');
			printf("\n%s\n", day);
			date = l->date;
			dish = "";
		}
		if (strcmp(l->dish, dish) != 0) {
			printf("  %s (%s) — %d portion%s\n", l->dish, cantine_course_name(l->course),
			       l->portions, l->portions > 1 ? "s" : "");
			dish = l->dish;
		}
		kilos(l->grams_mg, q, sizeof(q));
		printf("    %12s  %s", q, l->product_name);
		if (l->unit == CANTINE_UNIT_PIECE) {
			order(l, l->grams_mg, q, sizeof(q));
			printf(" (%s)", q);
		}
		putchar('\n');
	}
	printf("\nTotal par produit :\n");
	for (i = 0; i < nt; i++) {
		kilos(t[i].mg, q, sizeof(q));
		printf("    %12s  %s", q, t[i].first->product_name);
		if (t[i].first->unit == CANTINE_UNIT_PIECE) {
			order(t[i].first, t[i].mg, q, sizeof(q));
			printf(" (%s)", q);
		}
		putchar('\n');
	}
}

static void print_shopping(total *t, size_t nt)
{
	const char *supplier = NULL;
	int64_t sub = 0, all = 0;
	char q[32], money[32];
	size_t i;

	qsort(t, nt, sizeof(*t), by_supplier);
	for (i = 0; i < nt; i++) {
		const cantine_production_line *l = t[i].first;
		/* The cost of what is ordered, at the catalogue price. */
		int64_t cents = cantine_order_cost(l->unit, cantine_order_quantity(
			l->unit, l->unit_grams, t[i].mg), l->price_cents);

		if (!supplier || strcmp(supplier, l->supplier) != 0) {
			if (supplier) {
				euros(sub, money, sizeof(money));
				printf("    %-61s %12s\n", "Sous-total", money);
			}
			supplier = l->supplier;
			printf("\n%s\n", *supplier ? supplier : "Fournisseur non renseigné");
			sub = 0;
		}
		order(l, t[i].mg, q, sizeof(q));
		euros(cents, money, sizeof(money));
		printf("    ");
		cli_put_padded(q, 13);
		cli_put_padded(l->product_name, 48);
		printf(" %12s\n", money);
		sub += cents;
		all += cents;
	}
	if (supplier) {
		euros(sub, money, sizeof(money));
		printf("    %-61s %12s\n", "Sous-total", money);
	}
	euros(all, money, sizeof(money));
	printf("\nTotal HT estimé : %s\n", money);
}

/* Dishes without a recipe: nobody knows what they take. */
static void print_unknown(const cantine_production *p)
{
	char day[64];
	size_t i;

	if (cantine_production_unknown_count(p) == 0)
		return;
	printf("\nPlats sans recette dans la base (menu importé) : quantités inconnues, "
	       "à prévoir à part ou à saisir comme recettes :\n");
	for (i = 0; i < cantine_production_unknown_count(p); i++) {
		const cantine_production_line *l = cantine_production_unknown(p, i);
		cantine_date_french(day, sizeof(day), l->date);
		printf("  %s : %s (%d portions)\n", day, l->dish, l->portions);
	}
}

/* The forecast covers of the period (their sum; for one day, that day's),
 * or -1 in *sum when nobody is registered on any of its days: then the
 * forecast says nothing. */
static int forecast_covers(cantine_ctx *ctx, const char *uai, const char *from,
			   const char *to, long *sum)
{
	cantine_attendance *a;
	bool any = false;
	size_t i;
	int rc;

	*sum = 0;
	if ((rc = cantine_attendance_compute(&a, ctx, uai, from, to)))
		return rc;
	for (i = 0; i < cantine_attendance_count(a); i++) {
		const cantine_attendance_day *d = cantine_attendance_get(a, i);
		any |= d->registered > 0;
		*sum += d->forecast;
	}
	cantine_attendance_free(a);
	if (!any)
		*sum = -1;
	return 0;
}

int cmd_production(cantine_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "etab", required_argument, NULL, 'e' },
		{ "date", required_argument, NULL, 'd' },
		{ "au", required_argument, NULL, 'a' },
		{ "couverts", required_argument, NULL, 'n' },
		{ "courses", no_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *uai = NULL, *date = NULL, *until = NULL;
	cantine_production *p = NULL;
	cantine_etab *etab = NULL;
	total *t;
	char *end, from_s[64], to_s[64], cov_s[96];
	long covers = 0, forecast = -1;
	int c, rc, shopping = 0;
	size_t nt;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (c) {
		case 'e': uai = optarg; break;
		case 'd': date = optarg; break;
		case 'a': until = optarg; break;
		case 's': shopping = 1; break;
		case 'n':
			covers = strtol(optarg, &end, 10);
			if (*end || end == optarg || covers < 1 || covers > 5000) {
				fprintf(stderr, "cantine : « %s » couverts : donnez un nombre entier "
					"entre 1 et 5000\n", optarg);
				return EXIT_INPUT;
			}
			break;
		case 'h': return fputs(usage_production, stdout), EXIT_OK;
		default: return cli_option_error(c, argv, usage_production);
		}
	}
	if (optind < argc || !date) {
		fprintf(stderr, "cantine : %s\n\n%s", optind < argc ? "argument inattendu"
			: "il faut --date", usage_production);
		return EXIT_INPUT;
	}
	if (cantine_date_check(date) || (until && cantine_date_check(until))) {
		fprintf(stderr, "cantine : date invalide ; écrivez-la AAAA-MM-JJ, par exemple "
			"2026-09-07\n");
		return EXIT_INPUT;
	}
	if (!ctx)
		return -1;
	rc = cli_etab(ctx, uai, &etab);
	if (rc)
		return cli_fail(ctx, rc);
	if (!covers && (rc = forecast_covers(ctx, etab->uai, date, until ? until : date,
					     &forecast)) != 0) {
		cantine_etab_free(etab);
		return cli_fail(ctx, rc);
	}
	if (!covers && forecast < 0)
		covers = etab->half_boarders > 0 ? etab->half_boarders : 1;
	rc = covers ? cantine_production_compute(&p, ctx, etab->uai, date,
						 until ? until : date, (int)covers)
		    : cantine_production_compute_forecast(&p, ctx, etab->uai, date,
							  until ? until : date);
	if (rc) {
		cantine_etab_free(etab);
		return cli_fail(ctx, rc);
	}
	cantine_date_french(from_s, sizeof(from_s), date);
	cantine_date_french(to_s, sizeof(to_s), until ? until : date);
	if (covers)
		snprintf(cov_s, sizeof(cov_s), "%ld couverts", covers);
	else if (!until)
		snprintf(cov_s, sizeof(cov_s), "%ld couverts (prévision)", forecast);
	else
		snprintf(cov_s, sizeof(cov_s), "couverts prévus jour par jour (prévision)");
	printf("%s — %s (%s), %s, %s%s%s%s\n",
	       shopping ? "Liste des achats" : "Fiche de production", etab->name, etab->uai,
	       cov_s, until ? "du " : "le ", from_s, until ? " au " : "", until ? to_s : "");
	if (!covers)
		printf("Couverts : prévision de cantine forecast (inscrits, absences annoncées, "
		       "taux de présence des semaines passées) ; --couverts N pour imposer "
		       "un nombre.\n");
	t = calloc(cantine_production_count(p) + 1, sizeof(*t));
	if (!t) {
		cantine_production_free(p);
		cantine_etab_free(etab);
		fprintf(stderr, "cantine : mémoire insuffisante\n");
		return EXIT_INTERNAL;
	}
	nt = totals(p, t);
	if (cantine_production_count(p) == 0 && cantine_production_unknown_count(p) == 0)
		printf("\nAucun repas prévu sur cette période.\n");
	else if (cantine_production_count(p) > 0 && shopping)
		print_shopping(t, nt);
	else if (cantine_production_count(p) > 0)
		print_sheet(p, t, nt);
	print_unknown(p);
	free(t);
	cantine_production_free(p);
	cantine_etab_free(etab);
	return EXIT_OK;
}
