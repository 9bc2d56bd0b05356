/*
 * allergens.c: `cantine allergens`: the allergen register of a week, the
 * table a canteen keeps at its entrance (décret 2015-447; DOMAIN §5.3):
 * every dish served × the 14 allergens of Regulation (EU) 1169/2011
 * Annex II, "contient" and "peut contenir" apart, and per meal the union.
 */
#include <getopt.h>
#include <string.h>

#include "cli.h"

static const char usage_allergens[] =
	"Usage : cantine [--db FICHIER] allergens [--etab UAI] [--date AAAA-MM-JJ]\n"
	"\n"
	"Registre des allergènes de la semaine qui contient la date (défaut :\n"
	"aujourd'hui) : pour chaque repas, chaque plat et les 14 allergènes\n"
	"réglementaires (règlement UE 1169/2011, annexe II), « C » quand le plat en\n"
	"contient, « T » quand il peut en contenir des traces, puis l'ensemble du\n"
	"repas. À afficher à l'entrée du restaurant scolaire.\n";

/* Column heads, in the order of cantine_allergen. */
static const char *const heads[CANTINE_ALLERGEN__MAX] = {
	"GLU", "CRU", "OEU", "POI", "ARA", "SOJ", "LAI", "FRC", "CEL", "MOU",
	"SES", "SUL", "LUP", "MOL",
};

#define ALL_ALLERGENS ((1u << CANTINE_ALLERGEN__MAX) - 1)

/* One row; `unknown`: the allergens nobody can say are absent ("?"). */
static void row(const char *label, int width, unsigned contains, unsigned traces,
		unsigned unknown)
{
	int a;

	printf("  ");
	cli_put_padded(label, width);
	for (a = 0; a < CANTINE_ALLERGEN__MAX; a++)
		printf("  %s", contains & (1u << a) ? " C " : traces & (1u << a) ? " T "
		       : unknown & (1u << a) ? " ? " : " · ");
	putchar('\n');
}

int cmd_allergens(cantine_ctx *ctx, int argc, char **argv)
{
	cantine_etab *etab = NULL;
	cantine_week *w = NULL;
	char day[64], label[256];
	int rc, width = 24, year, week, a, declared = 0;
	size_t i, k;

	if ((rc = cli_week_args(ctx, argc, argv, usage_allergens, &etab, &w)) != -1 || !ctx)
		return rc;
	rc = 0;
	for (i = 0; i < cantine_week_meal_count(w); i++) {
		const cantine_meal *m = cantine_week_meal(w, i);
		for (k = 0; k < m->n_offers; k++)
			if (cli_width(m->offers[k].dish) + 2 * m->offers[k].declared > width)
				width = cli_width(m->offers[k].dish) + 2 * m->offers[k].declared;
	}
	cantine_week_iso(w, &year, &week);
	cantine_date_french(day, sizeof(day), cantine_week_monday(w));
	printf("Registre des allergènes — %s (%s), semaine %d de %d, à partir du %s\n",
	       etab->name, etab->uai, week, year, day);
	printf("C : contient ; T : peut contenir (traces) ; · : absent des ingrédients\n");
	for (i = 0; i < cantine_week_meal_count(w); i++) {
		const cantine_meal *m = cantine_week_meal(w, i);
		unsigned all = 0, tr = 0, unknown = 0;
		int n;

		cantine_date_french(day, sizeof(day), m->date);
		day[0] = (char)(day[0] - 'a' + 'A');
		printf("\n%s\n  ", day);
		for (n = 0; n < width; n++)
			putchar(' ');
		for (a = 0; a < CANTINE_ALLERGEN__MAX; a++)
			printf("  %s", heads[a]);
		putchar('\n');
		for (k = 0; k < m->n_offers; k++) {
			const cantine_offer *o = &m->offers[k];
			/* A dish without a recipe: what its publisher declared; an
			 * empty list is no proof of absence. */
			unsigned u = o->declared && !o->allergens ? ALL_ALLERGENS : 0;

			snprintf(label, sizeof(label), "%s%s", o->dish, o->declared ? " *" : "");
			row(label, width, o->allergens, o->traces, u);
			all |= o->allergens;
			tr |= o->traces;
			unknown |= u;
			declared |= o->declared;
		}
		row("Ensemble du repas", width, all, tr & ~all, unknown);
	}
	if (cantine_week_meal_count(w) == 0)
		printf("\nAucun repas prévu cette semaine.\n");
	printf("\nLégende :");
	for (a = 0; a < CANTINE_ALLERGEN__MAX; a++)
		printf("%s %s = %s", a ? "," : "", heads[a],
		       cantine_allergen_name((cantine_allergen)a));
	printf(".\nSource : les ingrédients des fiches recettes et les allergènes déclarés "
	       "par les fournisseurs pour chaque produit.\n");
	if (declared)
		printf("* Plat sans recette dans la base (menu importé) : allergènes tels que "
		       "déclarés par l'éditeur du menu, « C » pour une présence ou des traces ; "
		       "« ? » : non renseigné. Demandez sa fiche recette.\n");
	cantine_week_free(w);
	cantine_etab_free(etab);
	return EXIT_OK;
}
