/*
 * nutriscore.c: the Nutri-Score, 2023 algorithm (cantine/nutriscore.h).
 *
 * Every table and rule is DOMAIN §6, itself Santé publique France, "Update
 * of the Nutri-Score algorithm" (Scientific Committee, 2022 for foods,
 * 2023 for beverages), cross-checked there against Open Food Facts'
 * Nutriscore.pm (%points_thresholds_2023) and nghiamphan/nutri-score-2023.
 *
 * Values are integer millionths; thresholds are written below in the unit
 * DOMAIN §6 uses (kJ, %, or tenths of a gram) and scaled at comparison
 * time, so that each comparison is one exact integer test.
 */
#include <stdbool.h>
#include <string.h>

#include "cantine/nutriscore.h"
#include "text_int.h"

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

/* Millionths in one unit of a table. */
#define KJ  1000000  /* kJ */
#define PCT 1000000  /* percent */
#define DG  100000   /* tenth of a gram: 34 is 3.4 g */
#define G   1000000  /* gram */

/* A points table: a value gets steps[k - 1] points (k when steps is NULL)
 * when it is strictly greater than exactly k of the limits (DOMAIN §6.1:
 * "a point for each threshold its value is strictly greater than"). */
struct table {
	int64_t        unit;   /* millionths in one unit of `limits` */
	const int16_t *limits; /* ascending */
	const int8_t  *steps;  /* points at each step, or NULL for 1, 2, 3… */
	size_t         n;
};

#define TABLE(unit, limits) { (unit), (limits), NULL, N_ELEMS(limits) }
#define STEPS(unit, limits, steps) { (unit), (limits), (steps), N_ELEMS(limits) }

/* ---- general foods, cheese and red meat: DOMAIN §6.2 ---- */

static const int16_t energy_kj[] = {                  /* kJ, max 10 */
	335, 670, 1005, 1340, 1675, 2010, 2345, 2680, 3015, 3350 };
static const int16_t sugars_dg[] = {                  /* g × 10, max 15 */
	34, 68, 100, 140, 170, 200, 240, 270, 310, 340, 370, 410, 440, 480, 510 };
static const int16_t saturates_dg[] = {               /* g × 10, max 10 */
	10, 20, 30, 40, 50, 60, 70, 80, 90, 100 };
static const int16_t salt_dg[] = {                    /* g × 10, max 20 */
	2, 4, 6, 8, 10, 12, 14, 16, 18, 20,
	22, 24, 26, 28, 30, 32, 34, 36, 38, 40 };
static const int16_t protein_dg[] = {                 /* g × 10, max 7 */
	24, 48, 72, 96, 120, 140, 170 };
static const int16_t fibre_dg[] = {                   /* g × 10 (AOAC), max 5 */
	30, 41, 52, 63, 74 };
static const int16_t fvl_pct[] = { 40, 60, 80 };      /* %: 0, 1, 2 or 5 */
static const int8_t  fvl_steps[] = { 1, 2, 5 };

/* ---- fats, oils, nuts and seeds: DOMAIN §6.3 ---- */

static const int16_t energy_sat_kj[] = {              /* kJ from saturates */
	120, 240, 360, 480, 600, 720, 840, 960, 1080, 1200 };
static const int16_t sat_ratio_pct[] = {              /* %, compared with ≥ */
	10, 16, 22, 28, 34, 40, 46, 52, 58, 64 };

/* ---- beverages: DOMAIN §6.4 ---- */

static const int16_t bev_energy_kj[] = {              /* kJ, max 10 */
	30, 90, 150, 210, 240, 270, 300, 330, 360, 390 };
static const int16_t bev_sugars_dg[] = {              /* g × 10, max 10 */
	5, 20, 35, 50, 60, 70, 80, 90, 100, 110 };
static const int16_t bev_protein_dg[] = {             /* g × 10, max 7 */
	12, 15, 18, 21, 24, 27, 30 };
static const int8_t  bev_fvl_steps[] = { 2, 4, 6 };   /* > 40, 60, 80 % */

static const struct table t_energy = TABLE(KJ, energy_kj);
static const struct table t_sugars = TABLE(DG, sugars_dg);
static const struct table t_saturates = TABLE(DG, saturates_dg);
static const struct table t_salt = TABLE(DG, salt_dg);
static const struct table t_protein = TABLE(DG, protein_dg);
static const struct table t_fibre = TABLE(DG, fibre_dg);
static const struct table t_fvl = STEPS(PCT, fvl_pct, fvl_steps);
static const struct table t_energy_sat = TABLE(KJ, energy_sat_kj);
static const struct table t_bev_energy = TABLE(KJ, bev_energy_kj);
static const struct table t_bev_sugars = TABLE(DG, bev_sugars_dg);
static const struct table t_bev_protein = TABLE(DG, bev_protein_dg);
static const struct table t_bev_fvl = STEPS(PCT, fvl_pct, bev_fvl_steps);

/* Energy of a gram of fat, kJ: Regulation (EU) 1169/2011, annex XIV.
 * DOMAIN §6.3 uses it for the energy from saturates of fats. */
#define KJ_PER_G_FAT 37

/* Non-nutritive sweeteners in a beverage: DOMAIN §6.4. */
#define SWEETENER_POINTS 4

/* Protein is counted only while N stays below this (DOMAIN §6.2, §6.3). */
#define PROTEIN_LIMIT_GENERAL 11
#define PROTEIN_LIMIT_FATS    7
/* Red meat: at most this many protein points (DOMAIN §6.2). */
#define RED_MEAT_PROTEIN_CAP  2

static int table_max(const struct table *t)
{
	return t->steps ? t->steps[t->n - 1] : (int)t->n;
}

static int table_points(const struct table *t, int64_t value)
{
	size_t k = 0;

	while (k < t->n && value > t->limits[k] * t->unit)
		k++;
	if (k == 0)
		return 0;
	return t->steps ? t->steps[k - 1] : (int)k;
}

/* Points of the saturates/lipids ratio of fats: the one table compared
 * with ≥ (DOMAIN §6.1, §6.3).  ratio ≥ L % ⇔ saturates × 100 ≥ L × fat,
 * exact in integers (fat > 0, checked by the caller). */
static int sat_ratio_points(int64_t saturates, int64_t fat)
{
	size_t k = 0;

	while (k < N_ELEMS(sat_ratio_pct) && saturates * 100 >= sat_ratio_pct[k] * fat)
		k++;
	return (int)k;
}

static bool is_beverage(cantine_nutriscore_category c)
{
	return c == CANTINE_NUTRISCORE_BEVERAGE || c == CANTINE_NUTRISCORE_WATER;
}

/* ---- input checks ---- */

/* Sets *why and returns CANTINE_EINVAL. */
static int refuse(const char **why, const char *msg)
{
	if (why)
		*why = msg;
	return CANTINE_EINVAL;
}

/* The value of every quantity, with what to say when it is out of range. */
struct bound {
	int64_t     value, max;
	const char *negative, *too_large;
};

static int check_bounds(const cantine_nutriscore_input *in, const char **why)
{
	const struct bound b[] = {
		{ in->energy_kj, 3700LL * KJ,
		  "énergie négative : indiquez l'énergie pour 100 g (ou 100 ml) en kJ, 0 ou plus",
		  "énergie de plus de 3 700 kJ pour 100 g : c'est impossible, l'huile pure en "
		  "apporte 3 700 (37 kJ par gramme de lipides) ; vérifiez la valeur" },
		{ in->sugars, 100LL * G,
		  "sucres négatifs : indiquez les grammes pour 100 g (ou 100 ml), 0 ou plus",
		  "sucres au-delà de 100 g pour 100 g : c'est impossible ; vérifiez la valeur "
		  "(des grammes pour 100 g, pas pour une portion)" },
		{ in->saturates, 100LL * G,
		  "acides gras saturés négatifs : indiquez les grammes pour 100 g (ou 100 ml), 0 ou plus",
		  "acides gras saturés au-delà de 100 g pour 100 g : c'est impossible ; vérifiez la valeur" },
		{ in->fat, 100LL * G,
		  "lipides négatifs : indiquez les grammes pour 100 g (ou 100 ml), 0 ou plus",
		  "lipides au-delà de 100 g pour 100 g : c'est impossible ; vérifiez la valeur" },
		{ in->salt, 100LL * G,
		  "sel négatif : indiquez les grammes pour 100 g (ou 100 ml), 0 ou plus",
		  "sel au-delà de 100 g pour 100 g : c'est impossible ; vérifiez la valeur "
		  "(du sel, pas du sodium en milligrammes)" },
		{ in->fibre, 100LL * G,
		  "fibres négatives : indiquez les grammes pour 100 g (ou 100 ml), 0 ou plus",
		  "fibres au-delà de 100 g pour 100 g : c'est impossible ; vérifiez la valeur" },
		{ in->protein, 100LL * G,
		  "protéines négatives : indiquez les grammes pour 100 g (ou 100 ml), 0 ou plus",
		  "protéines au-delà de 100 g pour 100 g : c'est impossible ; vérifiez la valeur" },
		{ in->fvl, 100LL * PCT,
		  "part de fruits, légumes et légumineuses négative : indiquez un pourcentage de 0 à 100",
		  "part de fruits, légumes et légumineuses au-delà de 100 % : indiquez un "
		  "pourcentage de 0 à 100" },
	};
	size_t i;

	for (i = 0; i < N_ELEMS(b); i++) {
		if (b[i].value < 0)
			return refuse(why, b[i].negative);
		if (b[i].value > b[i].max)
			return refuse(why, b[i].too_large);
	}
	return 0;
}

static int check_input(const cantine_nutriscore_input *in, const char **why)
{
	int64_t fat;
	int rc;

	if ((unsigned)in->category >= CANTINE_NUTRISCORE__MAX)
		return refuse(why, "catégorie Nutri-Score inconnue : générale, fromage, "
			      "viande rouge, matières grasses, boisson ou eau");
	if ((rc = check_bounds(in, why)) != 0)
		return rc;
	if (in->fat > 0 && in->saturates > in->fat)
		return refuse(why, "acides gras saturés supérieurs aux lipides : les saturés "
			      "font partie des lipides ; vérifiez les deux valeurs");
	if (in->category == CANTINE_NUTRISCORE_FATS && in->fat == 0)
		return refuse(why, "matières grasses, huiles, fruits à coque et graines : les "
			      "lipides totaux manquent (ou valent 0) ; le score de cette "
			      "catégorie utilise le rapport acides gras saturés / lipides");
	/* 100 g of a food hold at most 100 g of nutrients (sugars are part
	 * of the carbohydrates, saturates of the fat).  Not for beverages,
	 * which are per 100 ml. */
	fat = in->fat > in->saturates ? in->fat : in->saturates;
	if (!is_beverage(in->category) &&
	    fat + in->sugars + in->protein + in->fibre + in->salt > 100LL * G)
		return refuse(why, "lipides, sucres, protéines, fibres et sel font ensemble plus "
			      "de 100 g pour 100 g : c'est impossible ; vérifiez les valeurs");
	/* Plain water (DOMAIN §6.4): a flavoured, sweetened or sugared
	 * water is a beverage and is scored as one. */
	if (in->category == CANTINE_NUTRISCORE_WATER &&
	    (in->energy_kj > 0 || in->sugars > 0 || in->sweeteners))
		return refuse(why, "une eau n'apporte ni énergie, ni sucres, ni édulcorants : "
			      "pour une eau aromatisée, sucrée ou édulcorée, choisissez la "
			      "catégorie boisson");
	return 0;
}

/* ---- the score ---- */

/* Score component `c` on `value` with table `t`. */
static void put(cantine_nutriscore_result *r, cantine_nutriscore_component c,
		const struct table *t, int64_t value)
{
	r->value[c] = value;
	r->points[c] = table_points(t, value);
	r->max_points[c] = table_max(t);
}

/* Negative points: DOMAIN §6.2 (general), §6.3 (fats), §6.4 (beverages). */
static void negative_points(cantine_nutriscore_result *r,
			    const cantine_nutriscore_input *in)
{
	int i;

	if (in->category == CANTINE_NUTRISCORE_FATS) {
		put(r, CANTINE_NUTRISCORE_ENERGY, &t_energy_sat,
		    in->saturates * KJ_PER_G_FAT);
		put(r, CANTINE_NUTRISCORE_SUGARS, &t_sugars, in->sugars);
		r->value[CANTINE_NUTRISCORE_SATURATES] = in->saturates * 100 * PCT / in->fat;
		r->points[CANTINE_NUTRISCORE_SATURATES] = sat_ratio_points(in->saturates, in->fat);
		r->max_points[CANTINE_NUTRISCORE_SATURATES] = (int)N_ELEMS(sat_ratio_pct);
	} else if (is_beverage(in->category)) {
		put(r, CANTINE_NUTRISCORE_ENERGY, &t_bev_energy, in->energy_kj);
		put(r, CANTINE_NUTRISCORE_SUGARS, &t_bev_sugars, in->sugars);
		put(r, CANTINE_NUTRISCORE_SATURATES, &t_saturates, in->saturates);
		r->value[CANTINE_NUTRISCORE_SWEETENERS] = in->sweeteners != 0;
		r->points[CANTINE_NUTRISCORE_SWEETENERS] = in->sweeteners ? SWEETENER_POINTS : 0;
		r->max_points[CANTINE_NUTRISCORE_SWEETENERS] = SWEETENER_POINTS;
	} else {
		put(r, CANTINE_NUTRISCORE_ENERGY, &t_energy, in->energy_kj);
		put(r, CANTINE_NUTRISCORE_SUGARS, &t_sugars, in->sugars);
		put(r, CANTINE_NUTRISCORE_SATURATES, &t_saturates, in->saturates);
	}
	put(r, CANTINE_NUTRISCORE_SALT, &t_salt, in->salt);
	for (i = 0; i < CANTINE_NUTRISCORE_FIRST_POSITIVE; i++)
		r->negative += r->points[i];
}

/* Positive points and the protein rules (DOMAIN §6.2–6.4). */
static void positive_points(cantine_nutriscore_result *r,
			    const cantine_nutriscore_input *in)
{
	cantine_nutriscore_category c = in->category;
	int *protein = &r->points[CANTINE_NUTRISCORE_PROTEIN];

	if (is_beverage(c)) {
		put(r, CANTINE_NUTRISCORE_PROTEIN, &t_bev_protein, in->protein);
		put(r, CANTINE_NUTRISCORE_FVL, &t_bev_fvl, in->fvl);
	} else {
		put(r, CANTINE_NUTRISCORE_PROTEIN, &t_protein, in->protein);
		put(r, CANTINE_NUTRISCORE_FVL, &t_fvl, in->fvl);
	}
	put(r, CANTINE_NUTRISCORE_FIBRE, &t_fibre, in->fibre);

	/* Red meat products: protein points capped at 2, whatever N. */
	if (c == CANTINE_NUTRISCORE_RED_MEAT && *protein > RED_MEAT_PROTEIN_CAP) {
		*protein = RED_MEAT_PROTEIN_CAP;
		r->rules |= CANTINE_NUTRISCORE_RULE_RED_MEAT_CAP;
	}
	/* Beverages always count protein; cheese does even when N ≥ 11;
	 * fats only while N < 7, other foods while N < 11. */
	if (is_beverage(c)) {
		r->protein_counted = 1;
	} else if (c == CANTINE_NUTRISCORE_CHEESE) {
		r->protein_counted = 1;
		if (r->negative >= PROTEIN_LIMIT_GENERAL)
			r->rules |= CANTINE_NUTRISCORE_RULE_CHEESE;
	} else {
		int limit = c == CANTINE_NUTRISCORE_FATS ? PROTEIN_LIMIT_FATS
							  : PROTEIN_LIMIT_GENERAL;
		r->protein_counted = r->negative < limit;
		if (!r->protein_counted)
			r->rules |= CANTINE_NUTRISCORE_RULE_PROTEIN_EXCLUDED;
	}
	r->positive = r->points[CANTINE_NUTRISCORE_FIBRE] + r->points[CANTINE_NUTRISCORE_FVL];
	if (r->protein_counted)
		r->positive += *protein;
}

int cantine_nutriscore_compute(cantine_nutriscore_result *out,
			       const cantine_nutriscore_input *in, const char **why)
{
	cantine_nutriscore_result r;
	int rc;

	if ((rc = check_input(in, why)) != 0)
		return rc;
	memset(&r, 0, sizeof(r));
	r.category = in->category;
	negative_points(&r, in);
	positive_points(&r, in);
	r.score = r.negative - r.positive;
	r.grade = cantine_nutriscore_grade(in->category, r.score);
	if (in->category == CANTINE_NUTRISCORE_WATER)
		r.rules |= CANTINE_NUTRISCORE_RULE_WATER;
	*out = r;
	return 0;
}

char cantine_nutriscore_grade(cantine_nutriscore_category category, int score)
{
	/* Upper bounds of A, B, C and D; E above (DOMAIN §6.2–6.4).
	 * Beverages have no A: their A is for waters only. */
	static const int general[4] = { 0, 2, 10, 18 };
	static const int fats[4] = { -6, 2, 10, 18 };
	static const int beverages[4] = { 0, 2, 6, 9 }; /* no A: see below */
	const int *t;
	int k;

	switch (category) {
	case CANTINE_NUTRISCORE_GENERAL:
	case CANTINE_NUTRISCORE_CHEESE:
	case CANTINE_NUTRISCORE_RED_MEAT:
		t = general;
		break;
	case CANTINE_NUTRISCORE_FATS:
		t = fats;
		break;
	case CANTINE_NUTRISCORE_BEVERAGE:
		t = beverages;
		break;
	case CANTINE_NUTRISCORE_WATER:
		return 'A';
	default:
		return 0;
	}
	for (k = 0; k < 4 && score > t[k]; k++)
		;
	if (category == CANTINE_NUTRISCORE_BEVERAGE && k == 0)
		k = 1;
	return (char)('A' + k);
}

int64_t cantine_nutriscore_salt_from_sodium(int64_t sodium)
{
	if (sodium < 0 || sodium > INT64_MAX / 5)
		return -1;
	/* sodium × 2.5, half a millionth up: for an integer threshold T,
	 * x + ½ > T ⇔ x + 1 > T, so no strict comparison changes. */
	return (sodium * 5 + 1) / 2;
}

/* ---- numbers and names people type ---- */

/* Integer part: a person typing a nutrient never needs 12 digits, and
 * the bound keeps v × 10⁶ + 999999 far from overflowing. */
#define MAX_INTEGER_PART 999999999999LL

int cantine_nutriscore_parse_value(int64_t *out, const char *text)
{
	const char *p = text;
	int64_t v = 0, scale = 1000000;
	bool neg = false, digits = false;

	if (!p)
		return CANTINE_EINVAL;
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	for (; *p >= '0' && *p <= '9'; p++, digits = true) {
		v = v * 10 + (*p - '0');
		if (v > MAX_INTEGER_PART)
			return CANTINE_EINVAL;
	}
	v *= 1000000;
	if (*p == '.' || *p == ',') {
		if (!(p[1] >= '0' && p[1] <= '9'))
			return CANTINE_EINVAL;
		for (p++; *p >= '0' && *p <= '9'; p++, digits = true) {
			scale /= 10;
			if (scale == 0 && *p != '0')
				return CANTINE_EINVAL; /* finer than a millionth */
			v += (*p - '0') * scale;
		}
	}
	if (*p != '\0' || !digits)
		return CANTINE_EINVAL;
	*out = neg ? -v : v;
	return 0;
}

int cantine_nutriscore_category_parse(const char *text)
{
	static const struct { const char *folded; int value; } t[] = {
		{ "generale", CANTINE_NUTRISCORE_GENERAL },
		{ "general", CANTINE_NUTRISCORE_GENERAL },
		{ "fromage", CANTINE_NUTRISCORE_CHEESE },
		{ "viande_rouge", CANTINE_NUTRISCORE_RED_MEAT },
		{ "matieres_grasses", CANTINE_NUTRISCORE_FATS },
		{ "matiere_grasse", CANTINE_NUTRISCORE_FATS },
		{ "boisson", CANTINE_NUTRISCORE_BEVERAGE },
		{ "eau", CANTINE_NUTRISCORE_WATER },
	};
	char f[32];
	size_t i;

	if (!text || !cantine__fold(text, f, sizeof(f)))
		return -1;
	for (i = 0; i < N_ELEMS(t); i++)
		if (strcmp(t[i].folded, f) == 0)
			return t[i].value;
	return -1;
}

const char *cantine_nutriscore_category_name(cantine_nutriscore_category category)
{
	static const char *const names[CANTINE_NUTRISCORE__MAX] = {
		"générale", "fromage", "viande-rouge", "matières-grasses", "boisson", "eau",
	};
	return (unsigned)category < CANTINE_NUTRISCORE__MAX ? names[category] : NULL;
}

const char *cantine_nutriscore_component_name(cantine_nutriscore_component component,
					      cantine_nutriscore_category category)
{
	static const char *const names[CANTINE_NUTRISCORE_COMPONENT__MAX] = {
		"énergie", "sucres", "acides gras saturés", "sel", "édulcorants",
		"protéines", "fibres", "fruits, légumes et légumineuses",
	};

	if ((unsigned)component >= CANTINE_NUTRISCORE_COMPONENT__MAX ||
	    (unsigned)category >= CANTINE_NUTRISCORE__MAX)
		return NULL;
	if (category == CANTINE_NUTRISCORE_FATS && component == CANTINE_NUTRISCORE_ENERGY)
		return "énergie des acides gras saturés";
	if (category == CANTINE_NUTRISCORE_FATS && component == CANTINE_NUTRISCORE_SATURATES)
		return "acides gras saturés / lipides";
	return names[component];
}
