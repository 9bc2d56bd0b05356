/*
 * week.c: `cantine week` and `cantine dish show`: text views of the menus
 * of a school week and of one recipe.
 */
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage_week[] =
	"Usage : cantine [--db FICHIER] week [--etab UAI] [--date AAAA-MM-JJ]\n"
	"\n"
	"Affiche les menus de la semaine (lundi à dimanche) qui contient la date\n"
	"(défaut : aujourd'hui) : chaque jour, chaque plat proposé, ses allergènes\n"
	"(« contient » et « traces ») et la marque [végé] des plats végétariens.\n"
	"--etab est facultatif quand la base ne contient qu'un établissement.\n";

static const char usage_dish[] =
	"Usage : cantine [--db FICHIER] dish show NOM\n"
	"\n"
	"Affiche une recette : type de plat, ingrédients et grammages par portion,\n"
	"allergènes, caractère végétarien, coût matière d'une portion, et ses\n"
	"valeurs nutritionnelles par portion et pour 100 g, calculées avec la\n"
	"table Ciqual (cantine import-ciqual) à partir du code_ciqual des produits.\n"
	"« ≈ » marque une valeur estimée (« traces » comptées 0, « < x » comptées\n"
	"x/2), « ≥ » une valeur incomplète (un ingrédient sans donnée : seuls les\n"
	"autres sont comptés) ; les ingrédients sans donnée sont nommés.\n";

static void euros(int64_t cents, char *out, size_t n)
{
	snprintf(out, n, "%" PRId64 ",%02" PRId64 " €", cents / 100, cents % 100);
}

static void print_allergens(unsigned contains, unsigned traces, int declared)
{
	cantine_buf b = CANTINE_BUF_INIT;

	/* Without a recipe, an empty list may be an omission of the menu's
	 * publisher, not an absence. */
	if (declared && !contains) {
		printf("  allergènes non renseignés");
		return;
	}

	if (contains && cantine_allergens_format(&b, contains, ", ") == 0)
		printf("  allergènes : %s", b.ptr);
	b.size = 0;
	if (traces && cantine_allergens_format(&b, traces, ", ") == 0)
		printf("%s traces : %s", contains ? " ;" : " ", b.ptr);
	if (!contains && !traces)
		printf("  sans allergène majeur");
	cantine_buf_dispose(&b);
}

/* One day's meal: each course, each dish offered, its marks. */
static void print_meal(const cantine_meal *m, int width)
{
	char buf[64];
	size_t k;

	cantine_date_french(buf, sizeof(buf), m->date);
	buf[0] = (char)(buf[0] - 'a' + 'A');
	printf("\n%s — %s%s\n", buf, cantine_status_name(m->status),
	       m->vegetarian ? " — menu végétarien" : "");
	for (k = 0; k < m->n_offers; k++) {
		const cantine_offer *o = &m->offers[k];
		char course[32];

		snprintf(course, sizeof(course), "%s", cantine_course_name(o->course));
		/* Upper-case the first letter; courses start with ASCII or "é". */
		if (course[0] >= 'a' && course[0] <= 'z')
			course[0] = (char)(course[0] - 'a' + 'A');
		else if (strncmp(course, "é", 2) == 0)
			memcpy(course, "É", 2);
		printf("  ");
		cli_put_padded(k > 0 && m->offers[k - 1].course == o->course ? "  ou" : course, 17);
		cli_put_padded(o->dish, width);
		printf("%s", o->vegetarian ? " [végé]" : "       ");
		print_allergens(o->allergens, o->traces, o->declared);
		if (o->declared)
			printf("  (sans recette : déclaré par l'éditeur du menu)");
		putchar('\n');
	}
	if (m->cost_cents == CANTINE_COST_UNKNOWN) {
		printf("  Coût denrées par repas : inconnu (un plat sans recette n'a pas "
		       "de prix déclaré)\n");
		return;
	}
	euros(m->cost_cents, buf, sizeof(buf));
	printf("  Coût denrées par repas (moyenne des choix de chaque plat) : %s\n", buf);
}

int cmd_week(cantine_ctx *ctx, int argc, char **argv)
{
	cantine_etab *etab = NULL;
	cantine_week *w = NULL;
	char buf[64];
	int rc, year, week, day, veg = 0, width = 20;
	size_t i, k;

	if ((rc = cli_week_args(ctx, argc, argv, usage_week, &etab, &w)) != -1 || !ctx)
		return rc;
	rc = 0;
	cantine_week_iso(w, &year, &week);
	cantine_date_french(buf, sizeof(buf), cantine_week_monday(w));
	printf("%s (%s) — semaine %d de %d, à partir du %s\n", etab->name, etab->uai,
	       week, year, buf);
	for (i = 0; i < cantine_week_meal_count(w); i++) {
		const cantine_meal *m = cantine_week_meal(w, i);
		for (k = 0; k < m->n_offers; k++)
			if (cli_width(m->offers[k].dish) > width)
				width = cli_width(m->offers[k].dish);
	}
	/* Every service day, and any other day with a meal. */
	for (day = 0, i = 0; day < 7; day++) {
		const cantine_meal *m = cantine_week_meal(w, i);
		char date_s[11];

		cantine_buf why = CANTINE_BUF_INIT;
		int closed;

		cantine_date_add(date_s, cantine_week_monday(w), day);
		closed = cantine_closed(ctx, etab->uai, date_s, &why) == 1;
		if (m && m->weekday == day) {
			veg += m->vegetarian && !closed;
			print_meal(m, width);
			if (closed)
				printf("  FERMÉ (%s) : ce repas ne sera pas servi ; "
				       "supprimez-le ou corrigez la fermeture\n", why.ptr);
			i++;
		} else if (etab->service_days & (1u << day)) {
			cantine_date_french(buf, sizeof(buf), date_s);
			buf[0] = (char)(buf[0] - 'a' + 'A');
			if (closed)
				printf("\n%s — fermé (%s)\n", buf, why.ptr);
			else
				printf("\n%s — aucun menu saisi\n", buf);
		}
		cantine_buf_dispose(&why);
	}
	if (cantine_week_meal_count(w) > 0)
		printf("\nMenus végétariens cette semaine : %d%s\n", veg,
		       veg == 0 ? " — la loi EGALIM demande au moins un menu végétarien par semaine" : "");
	cantine_week_free(w);
	cantine_etab_free(etab);
	return EXIT_OK;
}

/* How `dish show` prints each nutrient: its label (sugars and saturates
 * under carbohydrate and fat, as on a label: Reg. 1169/2011 Annex XV), its
 * name in lists, and the decimals shown. */
static const struct {
	const char *label, *list;
	int         decimals;
} nutrient_view[CANTINE_NUTRIENT__MAX] = {
	{ "Énergie", "énergie (kJ)", 0 },
	{ "Énergie", "énergie (kcal)", 0 },
	{ "Protéines", "protéines", 1 },
	{ "Glucides", "glucides", 1 },
	{ "  dont sucres", "sucres", 1 },
	{ "Lipides", "lipides", 1 },
	{ "  dont acides gras saturés", "acides gras saturés", 1 },
	{ "Fibres alimentaires", "fibres", 1 },
	{ "Sel", "sel", 2 },
	{ "Sodium", "sodium", 0 },
	{ "Calcium", "calcium", 0 },
	{ "Fer", "fer", 1 },
};

/* Millionths as a French decimal with `dec` decimals, rounded half up. */
static void french_decimal(char *out, size_t n, int64_t millionths, int dec)
{
	int64_t unit = 1000000, p10 = 1;
	int i;

	for (i = 0; i < dec; i++)
		unit /= 10, p10 *= 10;
	millionths = (millionths + unit / 2) / unit;
	if (dec == 0)
		snprintf(out, n, "%" PRId64, millionths);
	else
		snprintf(out, n, "%" PRId64 ",%0*" PRId64, millionths / p10, dec, millionths % p10);
}

/* One amount, "≈   4,6 g", "≥   0,3 g" or "inconnu", padded to `width`
 * characters (0: not padded). */
static void print_amount(const cantine_nutrient_amount *a, int64_t v, int k, int width)
{
	char num[32], cell[64];

	if (a->known_mg == 0) {
		snprintf(cell, sizeof(cell), "  inconnu");
	} else {
		french_decimal(num, sizeof(num), v, nutrient_view[k].decimals);
		snprintf(cell, sizeof(cell), "%s%7s %s",
			 a->flags & CANTINE_NUTRIENT_INCOMPLETE ? "≥ " :
			 a->flags & CANTINE_NUTRIENT_ESTIMATED ? "≈ " : "  ",
			 num, cantine_nutrient_unit((cantine_nutrient)k));
	}
	if (width)
		cli_put_padded(cell, width);
	else
		fputs(cell, stdout);
}

/* The names of the nutrients in `mask`, for lists. */
static void print_nutrient_list(unsigned mask)
{
	const char *sep = "";
	int k;

	for (k = 0; k < CANTINE_NUTRIENT__MAX; k++)
		if (mask & (1u << k)) {
			printf("%s%s", sep, nutrient_view[k].list);
			sep = ", ";
		}
}

/* The dish's Nutri-Score 2023 (docs/formats.md, "Nutri-Score of a dish"). */
static int print_nutriscore(cantine_ctx *ctx, const cantine_dish *d)
{
	static const char *const categories[CANTINE_NUTRISCORE__MAX] = {
		"générale", "fromage", "viande rouge", "matières grasses", "boisson", "eau",
	};
	cantine_nutriscore_result r;
	cantine_buf why = CANTINE_BUF_INIT;
	int rc = cantine_dish_nutriscore(&r, ctx, cantine_dish_name(d), &why);

	if (rc == 0 && r.grade)
		printf("  Nutri-Score  : %c (score %d, catégorie %s ; N %d, P %d)\n", r.grade,
		       r.score, (unsigned)r.category < CANTINE_NUTRISCORE__MAX
				? categories[r.category] : "?", r.negative, r.positive);
	else if (rc == 0)
		printf("  Nutri-Score  : pas de note (%s)\n", why.ptr ? why.ptr : "");
	cantine_buf_dispose(&why);
	return rc;
}

/* The "Valeurs nutritionnelles" section of `dish show`. */
static int print_nutrients(cantine_ctx *ctx, const cantine_dish *d)
{
	cantine_nutrients *n;
	unsigned estimated = 0, incomplete = 0;
	char grams[32], head[64];
	size_t i;
	int k, rc;

	if (cantine_dish_declared(d)) {
		printf("  Valeurs nutritionnelles : inconnues (plat sans recette)\n");
		return 0;
	}
	if ((rc = cantine_ciqual_food_count(ctx)) <= 0) {
		if (rc < 0)
			return rc;
		printf("  Valeurs nutritionnelles : pas de table Ciqual dans la base ; "
		       "importez-la avec « cantine import-ciqual »\n");
		return 0;
	}
	if ((rc = cantine_dish_nutrients(&n, ctx, cantine_dish_name(d))))
		return rc;
	/* The portion's weight in whole grams (mg → millionths of a g). */
	french_decimal(grams, sizeof(grams), cantine_nutrients_portion_mg(n) * 1000, 0);
	printf("  Valeurs nutritionnelles (table Ciqual 2025) :\n    ");
	cli_put_padded("", 28);
	snprintf(head, sizeof(head), "par portion (%s g)", grams);
	cli_put_padded(head, 22);
	printf("pour 100 g\n");
	for (k = 0; k < CANTINE_NUTRIENT__MAX; k++) {
		const cantine_nutrient_amount *a = cantine_nutrients_get(n, (cantine_nutrient)k);

		printf("    ");
		cli_put_padded(nutrient_view[k].label, 28);
		print_amount(a, a->portion, k, 22);
		print_amount(a, a->per_100g, k, 0);
		putchar('\n');
		estimated |= a->flags & CANTINE_NUTRIENT_ESTIMATED;
		incomplete |= a->flags & CANTINE_NUTRIENT_INCOMPLETE;
	}
	if (estimated)
		printf("    ≈ estimé : Ciqual donne « traces » (compté 0) ou « < x » (compté "
		       "x/2) pour un ingrédient\n");
	if (incomplete)
		printf("    ≥ incomplet : valeur inconnue pour un ingrédient ; seuls les "
		       "ingrédients connus sont comptés\n");
	for (i = 0; i < cantine_nutrients_source_count(n); i++) {
		const cantine_nutrient_source *s = cantine_nutrients_source(n, i);

		if (!s->food_name && !s->ciqual)
			printf("    Sans données Ciqual : %s (pas de code Ciqual)\n", s->product_name);
		else if (!s->food_name)
			printf("    Sans données Ciqual : %s (code %d absent de la table Ciqual "
			       "de la base)\n", s->product_name, s->ciqual);
		else if (s->unknown) {
			printf("    Inconnu dans Ciqual (« - ») pour %s (%d, « %s ») : ",
			       s->product_name, s->ciqual, s->food_name);
			print_nutrient_list(s->unknown);
			putchar('\n');
		}
	}
	printf("    Source : %s.\n", CANTINE_CIQUAL_SOURCE);
	cantine_nutrients_free(n);
	return print_nutriscore(ctx, d);
}

int cmd_dish(cantine_ctx *ctx, int argc, char **argv)
{
	cantine_dish *d;
	cantine_buf b = CANTINE_BUF_INIT;
	char money[32];
	size_t i;
	int rc;

	for (i = 1; i < (size_t)argc; i++)
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return fputs(usage_dish, stdout), EXIT_OK;
	if (argc != 3 || strcmp(argv[1], "show") != 0) {
		fprintf(stderr, "cantine : il faut « dish show NOM »\n\n%s", usage_dish);
		return EXIT_INPUT;
	}
	if (!ctx)
		return -1;
	rc = cantine_dish_find(&d, ctx, argv[2]);
	if (rc == CANTINE_ENOTFOUND) {
		fprintf(stderr, "cantine : %s\n", cantine_errmsg(ctx));
		if (cantine_dish_search(ctx, argv[2], 10, &b) > 0)
			fprintf(stderr, "Recettes dont le nom contient « %s » :\n%s", argv[2], b.ptr);
		cantine_buf_dispose(&b);
		return EXIT_INPUT;
	}
	if (rc)
		return cli_fail(ctx, rc);
	printf("%s\n", cantine_dish_name(d));
	printf("  Type de plat : %s\n", cantine_course_name(cantine_dish_course(d)));
	printf("  Végétarien   : %s\n", cantine_dish_vegetarian(d) ? "oui" : "non");
	if (cantine_allergens_format(&b, cantine_dish_allergens(d), ", ") == 0)
		printf("  Allergènes   : %s\n", b.size ? b.ptr : cantine_dish_declared(d)
		       ? "aucun déclaré" : "aucun des 14 allergènes majeurs");
	b.size = 0;
	if (cantine_dish_declared(d)) {
		printf("  Traces       : non déclarées\n");
		if (cantine_dish_cost_cents(d) == CANTINE_COST_UNKNOWN) {
			printf("  Coût matière : inconnu\n");
		} else {
			euros(cantine_dish_cost_cents(d), money, sizeof(money));
			printf("  Coût matière : %s HT par portion (prix déclaré)\n", money);
		}
		printf("  Sans recette : régime, allergènes et prix sont ceux que l'éditeur "
		       "du menu a déclarés (import « menus collectifs ») ; saisissez sa "
		       "recette pour les calculer\n");
	} else if (cantine_allergens_format(&b, cantine_dish_traces(d), ", ") == 0) {
		printf("  Traces       : %s\n", b.size ? b.ptr : "aucune signalée");
		euros(cantine_dish_cost_cents(d), money, sizeof(money));
		printf("  Coût matière : %s HT par portion\n", money);
	}
	if (*cantine_dish_tags(d))
		printf("  Tags GEMRCN  : %s\n", cantine_dish_tags(d));
	if (!cantine_dish_declared(d))
		printf("  Ingrédients (par portion collégien) :\n");
	for (i = 0; i < cantine_dish_ingredient_count(d); i++) {
		const cantine_dish_item *it = cantine_dish_ingredient(d, i);
		char grams[32];
		int n = snprintf(grams, sizeof(grams), "%" PRId64 ",%03" PRId64,
				 it->grams_mg / 1000, it->grams_mg % 1000);
		/* French decimals without trailing zeros: "0,1 g", "80 g". */
		while (n > 0 && grams[n - 1] == '0')
			grams[--n] = '\0';
		if (n > 0 && grams[n - 1] == ',')
			grams[--n] = '\0';
		snprintf(grams + n, sizeof(grams) - (size_t)n, " g");
		euros(it->cost_cents, money, sizeof(money));
		printf("    %-12s ", grams);
		cli_put_padded(it->product_name, 42);
		printf(" %10s%s%s\n", money, it->meat ? "  viande" : "", it->fish ? "  poisson" : "");
	}
	cantine_buf_dispose(&b);
	rc = print_nutrients(ctx, d);
	cantine_dish_free(d);
	return rc ? cli_fail(ctx, rc) : EXIT_OK;
}
