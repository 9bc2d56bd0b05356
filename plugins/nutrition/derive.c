/*
 * derive.c: GEMRCN classes from a dish's composition (DOMAIN §1.3, §1.4:
 * "derive tags automatically where the composition is known"): the share
 * of its ingredients by Ciqual group, and its nutrients per portion and
 * per 100 g.  A class that needs a value the dish lacks (an ingredient
 * without Ciqual data) is not derived; the gestionnaire's tags add or
 * remove classes in any case (gemrcn.c).
 *
 * Shares are of the recipe's raw weight.  The thresholds are the
 * arrêté's definitions (annex I), not frequencies, so they live here:
 *  - "produit gras": fat > 15 % of the weight (> 15 g per 100 g);
 *  - "produit sucré": simple sugars > 20 g per portion;
 *  - calcium per portion: ≥ 150 mg, 100 to 150 mg; dairy > 100 mg with
 *    < 5 g fat;
 *  - fish: ≥ 70 % of the dish and protein ≥ 2 × fat; preparations: less
 *    than 70 % of the recommended weight of the protein food, 100 g for a
 *    collégien (annex II, composite dishes: 100–120 g), so < 70 g.
 */
#include <string.h>

#include "derive.h"

#define GRAS_PER_100G     INT64_C(15000000)  /* 15 g */
#define SUCRE_PORTION     INT64_C(20000000)  /* 20 g */
#define CA_150            INT64_C(150000000) /* 150 mg */
#define CA_100            INT64_C(100000000) /* 100 mg */
#define LAITAGE_FAT       INT64_C(5000000)   /* 5 g */
#define PROTEIN_FOOD_70   INT64_C(70000)     /* 70 g, in mg */

static int starts(const char *group, const char *prefix)
{
	return group && strncmp(group, prefix, strlen(prefix)) == 0;
}

/* Ingredient predicates, on the Ciqual group of the product's food and
 * the catalogue's meat and fish flags. */
static int vegetable(const cantine_host_ingredient *i)
{
	return starts(i->ciqual_group, "0201");
}
static int raw_vegetable_or_fruit(const cantine_host_ingredient *i)
{
	/* Cooked vegetables, compotes, canned and dried fruit are not raw. */
	return (vegetable(i) && !starts(i->ciqual_group, "020102")) ||
	       starts(i->ciqual_group, "020401") || starts(i->ciqual_group, "020405");
}
static int raw_fruit(const cantine_host_ingredient *i)
{
	return starts(i->ciqual_group, "020401") || starts(i->ciqual_group, "020405");
}
static int starch(const cantine_host_ingredient *i)
{
	return starts(i->ciqual_group, "0202") || starts(i->ciqual_group, "0203") ||
	       starts(i->ciqual_group, "0301") || starts(i->ciqual_group, "0304");
}
static int cheese(const cantine_host_ingredient *i)
{
	return starts(i->ciqual_group, "0503") && !starts(i->ciqual_group, "050306");
}
static int dairy(const cantine_host_ingredient *i)
{
	return starts(i->ciqual_group, "0501") || starts(i->ciqual_group, "0502");
}
static int egg(const cantine_host_ingredient *i)
{
	return starts(i->ciqual_group, "0410");
}
static int fish(const cantine_host_ingredient *i)
{
	return i->fish;
}
static int protein_food(const cantine_host_ingredient *i)
{
	return i->meat || i->fish || egg(i);
}
/* Unminced beef, veal, lamb or butcher's offal (C1). */
static int unminced_red_meat(const cantine_host_ingredient *i)
{
	static const char *const groups[] = {
		"040101", "040201", "040105", "040205", "040108", "040208",
	};
	size_t k;

	if (!i->ciqual_food || strstr(i->ciqual_food, "haché") || strstr(i->ciqual_food, "hachée"))
		return 0;
	for (k = 0; k < sizeof(groups) / sizeof(groups[0]); k++)
		if (starts(i->ciqual_group, groups[k]))
			return 1;
	return 0;
}
/* For frying or pre-fried (D3), from the food's or the product's name. */
static int fried(const cantine_host_ingredient *i)
{
	static const char *const words[] = {
		"frit", "Frit", "pané", "Pané", "panée", "beignet", "Beignet", "nugget",
		"Nugget", "cordon bleu", "Cordon bleu", "croquette", "Croquette", "rissolé",
		"dauphine", "Dauphine", "Frites", "frites",
	};
	size_t k;

	for (k = 0; k < sizeof(words) / sizeof(words[0]); k++)
		if ((i->ciqual_food && strstr(i->ciqual_food, words[k])) ||
		    (i->product_name && strstr(i->product_name, words[k])))
			return 1;
	return 0;
}
/* Soy in any form (CNRC: at most one dish with soy). */
static int soy(const cantine_host_ingredient *i)
{
	static const char *const words[] = { "soja", "Soja", "tofu", "Tofu", "tempeh", "Tempeh" };
	size_t k;

	for (k = 0; k < sizeof(words) / sizeof(words[0]); k++)
		if ((i->ciqual_food && strstr(i->ciqual_food, words[k])) ||
		    (i->product_name && strstr(i->product_name, words[k])))
			return 1;
	return 0;
}
/* Plant-protein products (galettes, nuggets, boulettes végétales). */
static int plant_protein_product(const cantine_host_ingredient *i)
{
	return starts(i->ciqual_group, "1009") || starts(i->ciqual_group, "040309") ||
	       starts(i->ciqual_group, "010309");
}

/* Weight, in mg, of the ingredients `pick` selects; *all: the portion. */
static int64_t weight(const cantine_host_dish *d, int (*pick)(const cantine_host_ingredient *),
		      int64_t *all)
{
	int64_t some = 0;
	size_t i;

	*all = 0;
	for (i = 0; i < d->n_ingredients; i++) {
		*all += d->ingredients[i].grams_mg;
		if (pick(&d->ingredients[i]))
			some += d->ingredients[i].grams_mg;
	}
	return some;
}

/* At least `per_mille` of the portion's weight. */
static int share_at_least(const cantine_host_dish *d,
			  int (*pick)(const cantine_host_ingredient *), int64_t per_mille)
{
	int64_t all, some = weight(d, pick, &all);

	return all > 0 && some * 1000 >= per_mille * all;
}

static int any(const cantine_host_dish *d, int (*pick)(const cantine_host_ingredient *))
{
	size_t i;

	for (i = 0; i < d->n_ingredients; i++)
		if (pick(&d->ingredients[i]))
			return 1;
	return 0;
}

/* A nutrient known for every ingredient, per portion or per 100 g. */
static int known(const cantine_host_dish *d, cantine_nutrient n)
{
	return d->nutrients && !(d->nutrients[n].flags & CANTINE_NUTRIENT_INCOMPLETE);
}
#define PORTION(d, n) ((d)->nutrients[n].portion)
#define PER_100G(d, n) ((d)->nutrients[n].per_100g)

/* The ingredient that brings the most protein, or NULL when unknown. */
static const cantine_host_ingredient *main_protein(const cantine_host_dish *d)
{
	const cantine_host_ingredient *best = NULL;
	size_t i;

	for (i = 0; i < d->n_ingredients; i++) {
		const cantine_host_ingredient *it = &d->ingredients[i];
		if (!it->nutrients)
			continue;
		if (!best || it->nutrients[CANTINE_NUTRIENT_PROTEIN] >
			     best->nutrients[CANTINE_NUTRIENT_PROTEIN])
			best = it;
	}
	return best;
}

static int gras(const cantine_host_dish *d)
{
	return known(d, CANTINE_NUTRIENT_FAT) && PER_100G(d, CANTINE_NUTRIENT_FAT) > GRAS_PER_100G;
}

static int derive_vegetarian(const cantine_host_dish *d, const char *cls)
{
	const cantine_host_ingredient *m;

	if (!d->vegetarian)
		return 0;
	if (strcmp(cls, "plat_vegetarien") == 0)
		return 1;
	if (strcmp(cls, "vege_soja") == 0)
		return any(d, soy);
	if (strcmp(cls, "vege_transforme") == 0)
		return any(d, plant_protein_product);
	if (!(m = main_protein(d)))
		return 0;
	if (strcmp(cls, "vege_oeuf") == 0)
		return egg(m);
	if (strcmp(cls, "vege_fromage") == 0)
		return cheese(m) || dairy(m);
	if (strcmp(cls, "vege_cereales_legumineuses") == 0)
		return !soy(m) && (starts(m->ciqual_group, "0203") ||
				   starts(m->ciqual_group, "0301") ||
				   starts(m->ciqual_group, "0304"));
	return 0;
}

int gemrcn_derive(const cantine_host_dish *d, const char *cls)
{
	int64_t all;

	if (d->declared || d->n_ingredients == 0)
		return 0;
	switch (d->course) {
	case CANTINE_COURSE_ENTREE:
		/* A1: raw vegetables or fruit, half the dish or more. */
		if (strcmp(cls, "crudite") == 0)
			return share_at_least(d, raw_vegetable_or_fruit, 500);
		/* D1: a fat entrée (oily fish excepted, DOMAIN §1.4). */
		if (strcmp(cls, "entree_grasse") == 0)
			return gras(d) && !any(d, fish);
		/* D3 */
		if (strcmp(cls, "frit") == 0)
			return gras(d) && any(d, fried);
		/* B1, B2: a cheese served as entrée. */
		break;
	case CANTINE_COURSE_PLAT:
		if (strcmp(cls, "poisson") == 0)
			return share_at_least(d, fish, 700) &&
			       (!known(d, CANTINE_NUTRIENT_PROTEIN) || !known(d, CANTINE_NUTRIENT_FAT) ||
				PORTION(d, CANTINE_NUTRIENT_PROTEIN) >=
				2 * PORTION(d, CANTINE_NUTRIENT_FAT));
		if (strcmp(cls, "preparation_70") == 0)
			return any(d, protein_food) && !share_at_least(d, fish, 700) &&
			       weight(d, protein_food, &all) < PROTEIN_FOOD_70;
		if (strcmp(cls, "viande_non_hachee") == 0)
			return share_at_least(d, unminced_red_meat, 400) &&
			       weight(d, unminced_red_meat, &all) >= PROTEIN_FOOD_70;
		if (strcmp(cls, "p_l_inferieur_1") == 0)
			return any(d, protein_food) && known(d, CANTINE_NUTRIENT_PROTEIN) &&
			       known(d, CANTINE_NUTRIENT_FAT) &&
			       PORTION(d, CANTINE_NUTRIENT_FAT) >= PORTION(d, CANTINE_NUTRIENT_PROTEIN);
		if (strcmp(cls, "frit") == 0)
			return gras(d) && any(d, fried);
		if (strcmp(cls, "legumes_cuits") == 0)
			return share_at_least(d, vegetable, 500);
		if (strcmp(cls, "feculent") == 0)
			return share_at_least(d, starch, 500);
		return derive_vegetarian(d, cls);
	case CANTINE_COURSE_GARNITURE:
		/* A3, A4: the 50 % rule of the GEM-RCN tables. */
		if (strcmp(cls, "legumes_cuits") == 0)
			return share_at_least(d, vegetable, 500);
		if (strcmp(cls, "feculent") == 0)
			return share_at_least(d, starch, 500);
		if (strcmp(cls, "frit") == 0)
			return gras(d) && any(d, fried);
		return 0;
	case CANTINE_COURSE_LAITIER:
		/* B3: a dairy product (cheese apart). */
		if (strcmp(cls, "laitage_calcium") == 0)
			return share_at_least(d, dairy, 500) && known(d, CANTINE_NUTRIENT_CALCIUM) &&
			       known(d, CANTINE_NUTRIENT_FAT) &&
			       PORTION(d, CANTINE_NUTRIENT_CALCIUM) > CA_100 &&
			       PORTION(d, CANTINE_NUTRIENT_FAT) < LAITAGE_FAT;
		break;
	case CANTINE_COURSE_DESSERT:
		if (strcmp(cls, "fruit_cru") == 0)
			return share_at_least(d, raw_fruit, 1000);
		if (strcmp(cls, "dessert_gras") == 0)
			return gras(d);
		/* E1: a raw fruit's own sugars do not make it a "produit
		 * sucré" (it is A2's); compotes and fruit in syrup may. */
		if (strcmp(cls, "dessert_sucre") == 0)
			return !share_at_least(d, raw_fruit, 1000) &&
			       known(d, CANTINE_NUTRIENT_SUGARS) && known(d, CANTINE_NUTRIENT_FAT) &&
			       PORTION(d, CANTINE_NUTRIENT_SUGARS) > SUCRE_PORTION &&
			       PER_100G(d, CANTINE_NUTRIENT_FAT) < GRAS_PER_100G;
		/* B3: a milk dessert. */
		if (strcmp(cls, "laitage_calcium") == 0)
			return share_at_least(d, dairy, 500) && known(d, CANTINE_NUTRIENT_CALCIUM) &&
			       known(d, CANTINE_NUTRIENT_FAT) &&
			       PORTION(d, CANTINE_NUTRIENT_CALCIUM) > CA_100 &&
			       PORTION(d, CANTINE_NUTRIENT_FAT) < LAITAGE_FAT;
		return 0;
	default:
		return 0;
	}
	/* Entrée or dairy course: cheese and its calcium (B1, B2). */
	if (!share_at_least(d, cheese, 500) || !known(d, CANTINE_NUTRIENT_CALCIUM))
		return 0;
	if (strcmp(cls, "fromage_calcium_150") == 0)
		return PORTION(d, CANTINE_NUTRIENT_CALCIUM) >= CA_150;
	if (strcmp(cls, "fromage_calcium_100") == 0)
		return PORTION(d, CANTINE_NUTRIENT_CALCIUM) >= CA_100 &&
		       PORTION(d, CANTINE_NUTRIENT_CALCIUM) < CA_150;
	return 0;
}
