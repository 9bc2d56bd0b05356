/*
 * test_nutriscore.c: the Nutri-Score 2023 (cantine/nutriscore.h).
 *
 * Every expected value here was worked out by hand from the tables of
 * DOMAIN §6, which are copied again below, independently of the library's
 * own tables, so that a wrong threshold on either side fails a test.
 * The "published" cases are the worked examples of DOMAIN §6's second
 * source (nghiamphan/nutri-score-2023, tests/test_nutri_score.py), with
 * their published scores and grades.
 */
#include "testutil.h"

#include <string.h>

#include "cantine/nutriscore.h"

/* Millionths. */
#define KJ(x)  ((int64_t)(x) * 1000000)   /* kJ */
#define G(x)   ((int64_t)(x) * 1000000)   /* grams */
#define DG(x)  ((int64_t)(x) * 100000)    /* tenths of a gram: DG(34) = 3.4 g */
#define CG(x)  ((int64_t)(x) * 10000)     /* hundredths of a gram */
#define PCT(x) ((int64_t)(x) * 1000000)   /* percent */

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

enum { GEN = CANTINE_NUTRISCORE_GENERAL, CHEESE = CANTINE_NUTRISCORE_CHEESE,
       MEAT = CANTINE_NUTRISCORE_RED_MEAT, FATS = CANTINE_NUTRISCORE_FATS,
       BEV = CANTINE_NUTRISCORE_BEVERAGE, WATER = CANTINE_NUTRISCORE_WATER };
enum { ENERGY = CANTINE_NUTRISCORE_ENERGY, SUGARS = CANTINE_NUTRISCORE_SUGARS,
       SAT = CANTINE_NUTRISCORE_SATURATES, SALT = CANTINE_NUTRISCORE_SALT,
       SWEET = CANTINE_NUTRISCORE_SWEETENERS, PROT = CANTINE_NUTRISCORE_PROTEIN,
       FIBRE = CANTINE_NUTRISCORE_FIBRE, FVL = CANTINE_NUTRISCORE_FVL };

static cantine_nutriscore_input food(int category)
{
	cantine_nutriscore_input in;

	memset(&in, 0, sizeof(in));
	in.category = (cantine_nutriscore_category)category;
	return in;
}

/* Score `in`, which must be accepted. */
static cantine_nutriscore_result score(const cantine_nutriscore_input *in)
{
	cantine_nutriscore_result r;
	const char *why = NULL;
	int rc = cantine_nutriscore_compute(&r, in, &why);

	if (rc != 0)
		fail_msg("refused: %s", why ? why : "(no message)");
	return r;
}

/* ---- published examples ---- */

struct example {
	const char *name;
	int category;
	int64_t energy, sat, sugars, salt, protein, fibre, fvl;
	int sweeteners;
	int score;
	char grade;
};

/* energy, saturated fat, sugars, salt, protein, fibre, fruit %: the
 * published table calls the salt column "sodium" but scores it on the
 * salt thresholds (0.2 g …), and its sea salt has 84.5 g of it. */
static const struct example general_examples[] = {
	{ "compote de pommes", GEN, KJ(321), 0, DG(171), 0, DG(2), DG(19), PCT(90), 0, 0, 'A' },
	{ "sel de mer", GEN, 0, 0, 0, DG(845), 0, 0, 0, 0, 20, 'E' },
	{ "sucre en poudre", GEN, KJ(1700), 0, G(100), 0, 0, 0, 0, 0, 20, 'E' },
	{ "filet de bœuf cru", MEAT, KJ(489), DG(9), 0, DG(1), DG(237), 0, 0, 0, -1, 'A' },
	{ "côte de porc crue", MEAT, KJ(653), DG(28), 0, DG(1), DG(232), 0, 0, 0, 1, 'B' },
	{ "agneau haché cru", MEAT, KJ(908), DG(71), 0, DG(2), DG(193), 0, 0, 0, 7, 'C' },
	{ "travers de porc", MEAT, KJ(1025), G(6), DG(5), DG(2), DG(224), 0, 0, 0, 6, 'C' },
	{ "fromage", CHEESE, KJ(1523), DG(198), DG(5), DG(18), G(24), 0, 0, 0, 15, 'D' },
	{ "fromage à pâte dure", CHEESE, KJ(1568), DG(202), 0, DG(18), G(26), 0, 0, 0, 15, 'D' },
	{ "fromage à pâte molle", CHEESE, KJ(1344), DG(184), DG(26), DG(16), G(15), 0, 0, 0, 15, 'D' },
	{ "fromage fondu", CHEESE, KJ(1242), DG(156), G(1), DG(23), G(19), 0, 0, 0, 17, 'D' },
};

static const struct example beverage_examples[] = {
	{ "jus d'orange", BEV, KJ(201), 0, G(9), 0, DG(5), 0, PCT(100), 0, 4, 'C' },
	{ "soda édulcoré", BEV, KJ(29), 0, DG(12), 0, DG(1), 0, 0, 1, 5, 'C' },
	{ "soda", BEV, KJ(176), 0, DG(106), 0, 0, 0, 0, 0, 12, 'E' },
	{ "eau", WATER, 0, 0, 0, 0, 0, 0, 0, 0, 0, 'A' },
};

static void check_examples(const struct example *e, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		cantine_nutriscore_input in = food(e[i].category);
		cantine_nutriscore_result r;

		in.energy_kj = e[i].energy;
		in.saturates = e[i].sat;
		in.sugars = e[i].sugars;
		in.salt = e[i].salt;
		in.protein = e[i].protein;
		in.fibre = e[i].fibre;
		in.fvl = e[i].fvl;
		in.sweeteners = e[i].sweeteners;
		r = score(&in);
		if (r.score != e[i].score || r.grade != e[i].grade)
			fail_msg("%s: score %d %c, published %d %c", e[i].name,
				 r.score, r.grade, e[i].score, e[i].grade);
		assert_int_equal(r.score, r.negative - r.positive);
	}
}

static void test_published_general(void **state)
{
	(void)state;
	check_examples(general_examples, N_ELEMS(general_examples));
}

static void test_published_beverages(void **state)
{
	(void)state;
	check_examples(beverage_examples, N_ELEMS(beverage_examples));
}

/* The fats examples are published as energy from saturates (kJ) and
 * saturates/lipids ratio (%); the API takes saturates and total fat, so
 * they are derived: saturates = ⌈energy / 37⌉ to the millionth of a gram
 * (energy from saturates then exceeds the published one by less than
 * 0.00004 kJ) and fat = saturates / ratio, rounded down to the millionth
 * (the ratio then exceeds the published one by a few millionths of a
 * percent).  None of the published
 * values sits on a threshold, so the points are those of the published
 * values. */
static void test_published_fats(void **state)
{
	static const struct {
		const char *name;
		int64_t e_sat_kj, ratio_tenths, sugars, salt, protein, fibre;
		int score;
		char grade;
	} t[] = {
		{ "graisse animale", 2024, 673, DG(9), DG(6), DG(7), 0, 22, 'E' },
		{ "margarine", 1055, 501, DG(8), DG(7), DG(5), 0, 18, 'D' },
		{ "graisse de cuisson", 773, 244, DG(2), DG(6), DG(2), 0, 11, 'D' },
		{ "fruits à coque et graines", 244, 145, DG(78), DG(11), DG(187), G(6), 7, 'C' },
		{ "fruits à coque nature", 237, 129, DG(112), 0, DG(172), DG(73), -6, 'A' },
		{ "purée d'oléagineux", 363, 186, DG(69), DG(6), DG(219), DG(79), 4, 'C' },
	};
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(t); i++) {
		cantine_nutriscore_input in = food(FATS);
		cantine_nutriscore_result r;

		in.saturates = (KJ(t[i].e_sat_kj) + 36) / 37;
		in.fat = in.saturates * 1000 / t[i].ratio_tenths;
		in.sugars = t[i].sugars;
		in.salt = t[i].salt;
		in.protein = t[i].protein;
		in.fibre = t[i].fibre;
		r = score(&in);
		/* The derived inputs give the published values back. */
		assert_true(r.value[ENERGY] >= KJ(t[i].e_sat_kj));
		assert_true(r.value[ENERGY] < KJ(t[i].e_sat_kj) + 40);
		assert_true(r.value[SAT] >= t[i].ratio_tenths * 100000);
		assert_true(r.value[SAT] < t[i].ratio_tenths * 100000 + 10);
		if (r.score != t[i].score || r.grade != t[i].grade)
			fail_msg("%s: score %d %c, published %d %c", t[i].name,
				 r.score, r.grade, t[i].score, t[i].grade);
	}
}

/* The components of one published example, point by point. */
static void test_published_detail(void **state)
{
	cantine_nutriscore_input in = food(CHEESE);
	cantine_nutriscore_result r;

	(void)state;
	/* Fromage: 1523 kJ > 1340 → 4; sugars 0.5 → 0; saturates 19.8 → 10;
	 * salt 1.8 is not > 1.8 → 8; N = 22 ≥ 11 but cheese: protein 24 >
	 * 17 → 7 counted; score 15, D. */
	in.energy_kj = KJ(1523);
	in.sugars = DG(5);
	in.saturates = DG(198);
	in.salt = DG(18);
	in.protein = G(24);
	r = score(&in);
	assert_int_equal(r.points[ENERGY], 4);
	assert_int_equal(r.points[SUGARS], 0);
	assert_int_equal(r.points[SAT], 10);
	assert_int_equal(r.points[SALT], 8);
	assert_int_equal(r.points[SWEET], 0);
	assert_int_equal(r.points[PROT], 7);
	assert_int_equal(r.negative, 22);
	assert_int_equal(r.positive, 7);
	assert_int_equal(r.protein_counted, 1);
	assert_int_equal(r.rules, CANTINE_NUTRISCORE_RULE_CHEESE);
	assert_int_equal(r.score, 15);
	assert_int_equal(r.grade, 'D');
	assert_int_equal(r.category, CHEESE);
	assert_true(r.value[ENERGY] == KJ(1523));
	assert_int_equal(r.max_points[ENERGY], 10);
	assert_int_equal(r.max_points[SUGARS], 15);
	assert_int_equal(r.max_points[SAT], 10);
	assert_int_equal(r.max_points[SALT], 20);
	assert_int_equal(r.max_points[SWEET], 0);
	assert_int_equal(r.max_points[PROT], 7);
	assert_int_equal(r.max_points[FIBRE], 5);
	assert_int_equal(r.max_points[FVL], 5);
}

/* ---- thresholds: at a threshold and one millionth above ---- */

/* For each threshold k (1-based) of `limits`, a value exactly at it gets
 * the points of step k − 1 and one millionth more those of step k. */
static void check_table(int category, int component, const int64_t *limits,
			const int *steps, size_t n, const char *what)
{
	size_t k;

	for (k = 0; k < n; k++) {
		int below = k ? steps[k - 1] : 0;
		int64_t v;

		for (v = limits[k]; v <= limits[k] + 1; v++) {
			cantine_nutriscore_input in = food(category);
			cantine_nutriscore_result r;
			int want = v == limits[k] ? below : steps[k];

			switch (component) {
			case ENERGY: in.energy_kj = v; break;
			case SUGARS: in.sugars = v; break;
			case SAT: in.saturates = v; break;
			case SALT: in.salt = v; break;
			case PROT: in.protein = v; break;
			case FIBRE: in.fibre = v; break;
			case FVL: in.fvl = v; break;
			default: fail();
			}
			r = score(&in);
			if (r.points[component] != want)
				fail_msg("%s: %lld millionths → %d points, expected %d", what,
					 (long long)v, r.points[component], want);
		}
	}
	/* The last step is the maximum. */
	{
		cantine_nutriscore_input in = food(category);
		assert_int_equal(score(&in).max_points[component], steps[n - 1]);
	}
}

static const int count[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
			     16, 17, 18, 19, 20 };

/* DOMAIN §6.2, negative points of general foods. */
static const int64_t energy_t[] = { KJ(335), KJ(670), KJ(1005), KJ(1340), KJ(1675),
	KJ(2010), KJ(2345), KJ(2680), KJ(3015), KJ(3350) };
static const int64_t sugars_t[] = { DG(34), DG(68), G(10), G(14), G(17), G(20), G(24),
	G(27), G(31), G(34), G(37), G(41), G(44), G(48), G(51) };
static const int64_t sat_t[] = { G(1), G(2), G(3), G(4), G(5), G(6), G(7), G(8),
	G(9), G(10) };
static const int64_t salt_t[] = { DG(2), DG(4), DG(6), DG(8), G(1), DG(12), DG(14),
	DG(16), DG(18), G(2), DG(22), DG(24), DG(26), DG(28), G(3), DG(32), DG(34),
	DG(36), DG(38), G(4) };
/* DOMAIN §6.2, positive points. */
static const int64_t protein_t[] = { DG(24), DG(48), DG(72), DG(96), G(12), G(14), G(17) };
static const int64_t fibre_t[] = { G(3), DG(41), DG(52), DG(63), DG(74) };
static const int64_t fvl_t[] = { PCT(40), PCT(60), PCT(80) };
static const int fvl_steps[] = { 1, 2, 5 };
/* DOMAIN §6.4, beverages. */
static const int64_t bev_energy_t[] = { KJ(30), KJ(90), KJ(150), KJ(210), KJ(240),
	KJ(270), KJ(300), KJ(330), KJ(360), KJ(390) };
static const int64_t bev_sugars_t[] = { DG(5), G(2), DG(35), G(5), G(6), G(7), G(8),
	G(9), G(10), G(11) };
static const int64_t bev_protein_t[] = { DG(12), DG(15), DG(18), DG(21), DG(24),
	DG(27), G(3) };
static const int bev_fvl_steps[] = { 2, 4, 6 };

static void test_thresholds_general(void **state)
{
	static const int cats[] = { GEN, CHEESE, MEAT };
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(cats); i++) {
		check_table(cats[i], ENERGY, energy_t, count, N_ELEMS(energy_t), "énergie");
		check_table(cats[i], SUGARS, sugars_t, count, N_ELEMS(sugars_t), "sucres");
		check_table(cats[i], SAT, sat_t, count, N_ELEMS(sat_t), "AGS");
		check_table(cats[i], SALT, salt_t, count, N_ELEMS(salt_t), "sel");
		check_table(cats[i], FIBRE, fibre_t, count, N_ELEMS(fibre_t), "fibres");
		check_table(cats[i], FVL, fvl_t, fvl_steps, N_ELEMS(fvl_t), "FLL");
	}
	/* Red meat caps protein (below), so only two categories here. */
	check_table(GEN, PROT, protein_t, count, N_ELEMS(protein_t), "protéines");
	check_table(CHEESE, PROT, protein_t, count, N_ELEMS(protein_t), "protéines");
}

static void test_thresholds_beverages(void **state)
{
	(void)state;
	check_table(BEV, ENERGY, bev_energy_t, count, N_ELEMS(bev_energy_t), "énergie");
	check_table(BEV, SUGARS, bev_sugars_t, count, N_ELEMS(bev_sugars_t), "sucres");
	/* Saturates, salt and fibre: the general tables. */
	check_table(BEV, SAT, sat_t, count, N_ELEMS(sat_t), "AGS");
	check_table(BEV, SALT, salt_t, count, N_ELEMS(salt_t), "sel");
	check_table(BEV, FIBRE, fibre_t, count, N_ELEMS(fibre_t), "fibres");
	check_table(BEV, PROT, bev_protein_t, count, N_ELEMS(bev_protein_t), "protéines");
	check_table(BEV, FVL, fvl_t, bev_fvl_steps, N_ELEMS(fvl_t), "FLL");
	/* Waters are scored on the beverage tables (their grade is A). */
	check_table(WATER, SALT, salt_t, count, N_ELEMS(salt_t), "sel");
	check_table(WATER, PROT, bev_protein_t, count, N_ELEMS(bev_protein_t), "protéines");
}

/* Fats (DOMAIN §6.3): sugars, salt, protein, fibre and fruit use the
 * general tables; energy and saturates are replaced. */
static void test_thresholds_fats_general_tables(void **state)
{
	/* check_table() leaves fat at 0, which fats refuse: do it by hand on
	 * a few thresholds, with 50 g of fat and no saturates. */
	static const struct { int comp; int64_t at; int points_at; } t[] = {
		{ SUGARS, DG(34), 0 }, { SUGARS, G(51), 14 },
		{ SALT, DG(2), 0 }, { SALT, G(4), 19 },
		{ PROT, DG(24), 0 }, { PROT, G(17), 6 },
		{ FIBRE, G(3), 0 }, { FIBRE, DG(74), 4 },
		{ FVL, PCT(40), 0 }, { FVL, PCT(80), 2 },
	};
	size_t i;
	int64_t d;

	(void)state;
	for (i = 0; i < N_ELEMS(t); i++) {
		for (d = 0; d <= 1; d++) {
			cantine_nutriscore_input in = food(FATS);
			cantine_nutriscore_result r;
			int64_t v = t[i].at + d;
			int want = d ? (t[i].comp == FVL && t[i].points_at == 2 ? 5
						 : t[i].points_at + 1)
				     : t[i].points_at;

			in.fat = G(40);
			switch (t[i].comp) {
			case SUGARS: in.sugars = v; break;
			case SALT: in.salt = v; break;
			case PROT: in.protein = v; break;
			case FIBRE: in.fibre = v; break;
			default: in.fvl = v; break;
			}
			r = score(&in);
			assert_int_equal(r.points[t[i].comp], want);
		}
	}
}

static void test_fats_energy_from_saturates(void **state)
{
	int k;

	(void)state;
	/* Points at > 120, 240, …, 1200 kJ of saturates × 37 kJ/g.  37 does
	 * not divide 120 k × 10⁶, so no saturates value lands exactly on a
	 * threshold: test the last millionth of a gram below and the first
	 * above. */
	for (k = 1; k <= 10; k++) {
		int64_t limit = KJ(120 * k), below = limit / 37;
		cantine_nutriscore_input in = food(FATS);
		cantine_nutriscore_result r;

		in.fat = G(100);
		in.saturates = below;
		r = score(&in);
		assert_true(r.value[ENERGY] == below * 37);
		assert_true(r.value[ENERGY] < limit);
		assert_int_equal(r.points[ENERGY], k - 1);
		in.saturates = below + 1;
		r = score(&in);
		assert_true(r.value[ENERGY] > limit);
		assert_int_equal(r.points[ENERGY], k);
		assert_int_equal(r.max_points[ENERGY], 10);
	}
	/* Energy itself does not count for fats: an oil at 3700 kJ. */
	{
		cantine_nutriscore_input in = food(FATS);
		in.energy_kj = KJ(3700);
		in.fat = G(100);
		assert_int_equal(score(&in).points[ENERGY], 0);
	}
}

static void test_fats_saturates_ratio(void **state)
{
	static const int limits[] = { 10, 16, 22, 28, 34, 40, 46, 52, 58, 64 };
	size_t k;

	(void)state;
	/* Greater than or equal (DOMAIN §6.1): with 100 g of fat, L g of
	 * saturates is a ratio of exactly L %, which gets the point. */
	for (k = 0; k < N_ELEMS(limits); k++) {
		cantine_nutriscore_input in = food(FATS);
		cantine_nutriscore_result r;

		in.fat = G(100);
		in.saturates = G(limits[k]);
		r = score(&in);
		assert_true(r.value[SAT] == PCT(limits[k]));
		assert_int_equal(r.points[SAT], (int)k + 1);
		in.saturates = G(limits[k]) - 1;
		r = score(&in);
		assert_int_equal(r.points[SAT], (int)k);
	}
	/* The ratio, not the amount: 0.5 g of saturates in 0.5 g of fat is
	 * 100 % (10 points); the same 0.5 g in 10 g of fat is 5 % (0). */
	{
		cantine_nutriscore_input in = food(FATS);
		in.saturates = DG(5);
		in.fat = DG(5);
		assert_int_equal(score(&in).points[SAT], 10);
		in.fat = G(10);
		assert_int_equal(score(&in).points[SAT], 0);
		/* A ratio that is not a whole number of millionths: 1 g in 3 g
		 * is 33.33…%, just under 34: 4 points, not 5. */
		in.saturates = G(1);
		in.fat = G(3);
		assert_int_equal(score(&in).points[SAT], 4);
		assert_true(score(&in).value[SAT] == 33333333);
		/* 17 g in 50 g is exactly 34 %: 5 points. */
		in.saturates = G(17);
		in.fat = G(50);
		assert_int_equal(score(&in).points[SAT], 5);
	}
}

/* ---- the protein rules ---- */

/* An input with N = n (saturates 10 points, salt the rest) and 7 points of
 * protein, 1 of fibre, 1 of fruit. */
static cantine_nutriscore_input with_negative(int category, int n)
{
	cantine_nutriscore_input in = food(category);

	in.saturates = n >= 10 ? DG(101) : G(n) + 1;
	in.salt = n > 10 ? DG(2 * (n - 10)) + 1 : 0;
	in.protein = DG(171);
	in.fibre = DG(31);
	in.fvl = PCT(41);
	return in;
}

static void test_protein_limit_general(void **state)
{
	cantine_nutriscore_input in;
	cantine_nutriscore_result r;

	(void)state;
	in = with_negative(GEN, 10);
	r = score(&in);
	assert_int_equal(r.negative, 10);
	assert_int_equal(r.points[PROT], 7);
	assert_int_equal(r.protein_counted, 1);
	assert_int_equal(r.positive, 9);
	assert_int_equal(r.score, 1);
	assert_int_equal(r.grade, 'B');
	assert_int_equal(r.rules, 0);

	in = with_negative(GEN, 11);
	r = score(&in);
	assert_int_equal(r.negative, 11);
	assert_int_equal(r.points[PROT], 7);   /* computed, shown … */
	assert_int_equal(r.protein_counted, 0); /* … but not counted */
	assert_int_equal(r.positive, 2);
	assert_int_equal(r.score, 9);
	assert_int_equal(r.grade, 'C');
	assert_int_equal(r.rules, CANTINE_NUTRISCORE_RULE_PROTEIN_EXCLUDED);
}

static void test_cheese_exception(void **state)
{
	cantine_nutriscore_input in;
	cantine_nutriscore_result r;

	(void)state;
	in = with_negative(CHEESE, 11);
	r = score(&in);
	assert_int_equal(r.negative, 11);
	assert_int_equal(r.protein_counted, 1);
	assert_int_equal(r.positive, 9);
	assert_int_equal(r.score, 2);
	assert_int_equal(r.grade, 'B');
	assert_int_equal(r.rules, CANTINE_NUTRISCORE_RULE_CHEESE);
	/* Below the limit a cheese is like any food: no exception used. */
	in = with_negative(CHEESE, 10);
	r = score(&in);
	assert_int_equal(r.protein_counted, 1);
	assert_int_equal(r.rules, 0);
	assert_int_equal(r.score, 1);
	/* Far above it, still counted. */
	in = with_negative(CHEESE, 30);
	r = score(&in);
	assert_int_equal(r.negative, 30);
	assert_int_equal(r.positive, 9);
	assert_int_equal(r.score, 21);
	assert_int_equal(r.grade, 'E');
}

static void test_red_meat_cap(void **state)
{
	static const struct { int64_t protein; int points; unsigned rules; } t[] = {
		{ DG(24), 0, 0 },
		{ DG(24) + 1, 1, 0 },
		{ DG(48), 1, 0 },
		{ DG(48) + 1, 2, 0 },
		{ DG(72), 2, 0 },
		{ DG(72) + 1, 2, CANTINE_NUTRISCORE_RULE_RED_MEAT_CAP },
		{ G(30), 2, CANTINE_NUTRISCORE_RULE_RED_MEAT_CAP },
	};
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(t); i++) {
		cantine_nutriscore_input in = food(MEAT);
		cantine_nutriscore_result r;

		in.protein = t[i].protein;
		r = score(&in);
		assert_int_equal(r.points[PROT], t[i].points);
		assert_int_equal(r.rules, t[i].rules);
		assert_int_equal(r.positive, t[i].points);
		/* The same protein in a general food is not capped. */
		in.category = CANTINE_NUTRISCORE_GENERAL;
		assert_true(score(&in).points[PROT] >= t[i].points);
	}
	/* Red meat with N ≥ 11: capped and, besides, not counted. */
	{
		cantine_nutriscore_input in = with_negative(MEAT, 11);
		cantine_nutriscore_result r = score(&in);

		assert_int_equal(r.points[PROT], 2);
		assert_int_equal(r.protein_counted, 0);
		assert_int_equal(r.rules, CANTINE_NUTRISCORE_RULE_RED_MEAT_CAP |
					  CANTINE_NUTRISCORE_RULE_PROTEIN_EXCLUDED);
		assert_int_equal(r.score, 9);
		in = with_negative(MEAT, 10);
		r = score(&in);
		assert_int_equal(r.positive, 4); /* 2 (capped) + 1 + 1 */
		assert_int_equal(r.score, 6);
	}
}

static void test_protein_limit_fats(void **state)
{
	cantine_nutriscore_input in = food(FATS);
	cantine_nutriscore_result r;

	(void)state;
	/* N = 6: saturates ratio 40 % (6 points); protein 17.1 g → 7 counted. */
	in.fat = G(50);
	in.saturates = G(20);
	in.protein = DG(171);
	in.fibre = DG(31);
	r = score(&in);
	assert_int_equal(r.points[ENERGY], 6);  /* 20 × 37 = 740 kJ > 720 */
	in.saturates = G(5);                      /* 185 kJ → 1; 10 % → 1 */
	in.sugars = DG(101);                      /* 3 */
	in.salt = DG(2) + 1;                      /* 1 */
	r = score(&in);
	assert_int_equal(r.negative, 6);
	assert_int_equal(r.protein_counted, 1);
	assert_int_equal(r.positive, 8);
	assert_int_equal(r.score, -2);
	assert_int_equal(r.grade, 'B');
	assert_int_equal(r.rules, 0);
	in.salt = DG(4) + 1;                      /* 2: N = 7 */
	r = score(&in);
	assert_int_equal(r.negative, 7);
	assert_int_equal(r.protein_counted, 0);
	assert_int_equal(r.positive, 1);
	assert_int_equal(r.score, 6);
	assert_int_equal(r.rules, CANTINE_NUTRISCORE_RULE_PROTEIN_EXCLUDED);
	/* The general limit (11) does not apply to fats, nor the fats limit
	 * to general foods: N = 7 in a general food keeps its protein. */
	in = with_negative(GEN, 7);
	r = score(&in);
	assert_int_equal(r.negative, 7);
	assert_int_equal(r.protein_counted, 1);
}

/* ---- beverages and water ---- */

static void test_beverage_rules(void **state)
{
	cantine_nutriscore_input in = food(BEV);
	cantine_nutriscore_result r;

	(void)state;
	/* Sweeteners: 4 negative points. */
	in.sweeteners = 1;
	r = score(&in);
	assert_int_equal(r.points[SWEET], 4);
	assert_int_equal(r.max_points[SWEET], 4);
	assert_true(r.value[SWEET] == 1);
	assert_int_equal(r.negative, 4);
	assert_int_equal(r.grade, 'C');
	in.sweeteners = 0;
	r = score(&in);
	assert_int_equal(r.points[SWEET], 0);
	assert_int_equal(r.grade, 'B'); /* score 0: beverages have no A */
	/* Protein always counted, even with N ≥ 11: sugars 11.1 g → 10,
	 * sweeteners 4, protein 3.1 g → 7. */
	in.sugars = DG(111);
	in.sweeteners = 1;
	in.protein = DG(31);
	r = score(&in);
	assert_int_equal(r.negative, 14);
	assert_int_equal(r.protein_counted, 1);
	assert_int_equal(r.positive, 7);
	assert_int_equal(r.score, 7);
	assert_int_equal(r.grade, 'D');
	assert_int_equal(r.rules, 0);
	/* Sweeteners do not count for foods. */
	in = food(GEN);
	in.sweeteners = 1;
	r = score(&in);
	assert_int_equal(r.points[SWEET], 0);
	assert_int_equal(r.max_points[SWEET], 0);
	assert_int_equal(r.negative, 0);
}

static void test_water(void **state)
{
	cantine_nutriscore_input in = food(WATER);
	cantine_nutriscore_result r;
	const char *why = NULL;

	(void)state;
	r = score(&in);
	assert_int_equal(r.grade, 'A');
	assert_int_equal(r.rules, CANTINE_NUTRISCORE_RULE_WATER);
	/* A salty mineral water: points, still A. */
	in.salt = DG(11);
	r = score(&in);
	assert_int_equal(r.points[SALT], 5);
	assert_int_equal(r.score, 5);
	assert_int_equal(r.grade, 'A');
	/* The same as a beverage is C. */
	in.category = CANTINE_NUTRISCORE_BEVERAGE;
	assert_int_equal(score(&in).grade, 'C');
	/* Sugared, sweetened or energetic "waters" are beverages. */
	in = food(WATER);
	in.sugars = 1;
	assert_int_equal(cantine_nutriscore_compute(&r, &in, &why), CANTINE_EINVAL);
	assert_true(tu_contains(why, "catégorie boisson"));
	in = food(WATER);
	in.sweeteners = 1;
	why = NULL;
	assert_int_equal(cantine_nutriscore_compute(&r, &in, &why), CANTINE_EINVAL);
	assert_true(tu_contains(why, "édulcorants"));
	in = food(WATER);
	in.energy_kj = KJ(1);
	assert_int_equal(cantine_nutriscore_compute(&r, &in, NULL), CANTINE_EINVAL);
}

/* ---- grades ---- */

static void test_grades(void **state)
{
	static const struct { int cat, score; char grade; } t[] = {
		{ GEN, -17, 'A' }, { GEN, 0, 'A' }, { GEN, 1, 'B' }, { GEN, 2, 'B' },
		{ GEN, 3, 'C' }, { GEN, 10, 'C' }, { GEN, 11, 'D' }, { GEN, 18, 'D' },
		{ GEN, 19, 'E' }, { GEN, 55, 'E' },
		{ CHEESE, 0, 'A' }, { CHEESE, 1, 'B' }, { CHEESE, 18, 'D' }, { CHEESE, 19, 'E' },
		{ MEAT, 0, 'A' }, { MEAT, 1, 'B' }, { MEAT, 10, 'C' }, { MEAT, 11, 'D' },
		{ FATS, -17, 'A' }, { FATS, -6, 'A' }, { FATS, -5, 'B' }, { FATS, 0, 'B' },
		{ FATS, 2, 'B' }, { FATS, 3, 'C' }, { FATS, 10, 'C' }, { FATS, 11, 'D' },
		{ FATS, 18, 'D' }, { FATS, 19, 'E' },
		{ BEV, -17, 'B' }, { BEV, 0, 'B' }, { BEV, 2, 'B' }, { BEV, 3, 'C' },
		{ BEV, 6, 'C' }, { BEV, 7, 'D' }, { BEV, 9, 'D' }, { BEV, 10, 'E' },
		{ BEV, 54, 'E' },
		{ WATER, 0, 'A' }, { WATER, 40, 'A' },
	};
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(t); i++) {
		char g = cantine_nutriscore_grade((cantine_nutriscore_category)t[i].cat,
						  t[i].score);
		if (g != t[i].grade)
			fail_msg("category %d, score %d: %c, expected %c", t[i].cat,
				 t[i].score, g ? g : '0', t[i].grade);
	}
	assert_int_equal(cantine_nutriscore_grade(CANTINE_NUTRISCORE__MAX, 0), 0);
	assert_int_equal(cantine_nutriscore_grade((cantine_nutriscore_category)-1, 0), 0);
}

/* Grade boundaries reached through whole computations. */
static void test_grades_computed(void **state)
{
	cantine_nutriscore_input in;
	cantine_nutriscore_result r;

	(void)state;
	/* General: N = 1 (energy 336 kJ) and 1 point of fibre → 0, A; without
	 * the fibre → 1, B. */
	in = food(GEN);
	in.energy_kj = KJ(335) + 1;
	in.fibre = G(3) + 1;
	r = score(&in);
	assert_int_equal(r.score, 0);
	assert_int_equal(r.grade, 'A');
	in.fibre = G(3);
	r = score(&in);
	assert_int_equal(r.score, 1);
	assert_int_equal(r.grade, 'B');
	/* 18 → D, 19 → E: sugars 51+ (15) + salt 0.6+ (3) then 0.8+ (4). */
	in = food(GEN);
	in.sugars = G(51) + 1;
	in.salt = DG(6) + 1;
	assert_int_equal(score(&in).score, 18);
	assert_int_equal(score(&in).grade, 'D');
	in.salt = DG(8) + 1;
	assert_int_equal(score(&in).score, 19);
	assert_int_equal(score(&in).grade, 'E');
	/* Fats: −6 is A, −5 is B (the published "nuts and seeds (plain)"
	 * sits on −6). */
	in = food(FATS);
	in.fat = G(50);
	in.protein = G(17) + 1;  /* 7 */
	in.fibre = DG(63) + 1;   /* 4 */
	in.saturates = G(5);     /* 185 kJ → 1; 10 % → 1 */
	in.sugars = DG(68) + 1;  /* 2: N = 4, score −7 */
	assert_int_equal(score(&in).score, -7);
	assert_int_equal(score(&in).grade, 'A');
	in.sugars = G(10) + 1;   /* 3: −6 */
	assert_int_equal(score(&in).score, -6);
	assert_int_equal(score(&in).grade, 'A');
	in.sugars = G(14) + 1;   /* 4: −5 */
	assert_int_equal(score(&in).score, -5);
	assert_int_equal(score(&in).grade, 'B');
	/* Beverages: 6 is C, 7 is D, 9 D, 10 E. */
	in = food(BEV);
	in.sugars = G(8);        /* 6 (not > 8) */
	assert_int_equal(score(&in).score, 6);
	assert_int_equal(score(&in).grade, 'C');
	in.sugars = G(8) + 1;    /* 7 */
	assert_int_equal(score(&in).grade, 'D');
	in.sugars = G(10) + 1;   /* 9 */
	assert_int_equal(score(&in).score, 9);
	assert_int_equal(score(&in).grade, 'D');
	in.sugars = G(11) + 1;   /* 10 */
	assert_int_equal(score(&in).score, 10);
	assert_int_equal(score(&in).grade, 'E');
}

/* ---- impossible input ---- */

static void expect_refused(const cantine_nutriscore_input *in, const char *fragment)
{
	cantine_nutriscore_result r, before;
	const char *why = NULL;

	memset(&r, 0x5a, sizeof(r));
	before = r;
	assert_int_equal(cantine_nutriscore_compute(&r, in, &why), CANTINE_EINVAL);
	assert_non_null(why);
	if (!tu_contains(why, fragment))
		fail_msg("message « %s » lacks « %s »", why, fragment);
	assert_memory_equal(&r, &before, sizeof(r)); /* untouched */
	/* why may be NULL. */
	assert_int_equal(cantine_nutriscore_compute(&r, in, NULL), CANTINE_EINVAL);
}

static void test_refused(void **state)
{
	cantine_nutriscore_input in;

	(void)state;
	in = food(GEN); in.energy_kj = -1;        expect_refused(&in, "énergie négative");
	in = food(GEN); in.sugars = -1;           expect_refused(&in, "sucres négatifs");
	in = food(GEN); in.saturates = -1;        expect_refused(&in, "saturés négatifs");
	in = food(GEN); in.fat = -1;              expect_refused(&in, "lipides négatifs");
	in = food(GEN); in.salt = -1;             expect_refused(&in, "sel négatif");
	in = food(GEN); in.fibre = -1;            expect_refused(&in, "fibres négatives");
	in = food(GEN); in.protein = -1;          expect_refused(&in, "protéines négatives");
	in = food(GEN); in.fvl = -1;              expect_refused(&in, "légumineuses négative");
	in = food(GEN); in.sugars = G(100) + 1;   expect_refused(&in, "sucres au-delà de 100 g");
	in = food(GEN); in.salt = G(100) + 1;     expect_refused(&in, "sel au-delà");
	in = food(BEV); in.saturates = G(101);    expect_refused(&in, "saturés au-delà");
	in = food(GEN); in.fibre = G(101);        expect_refused(&in, "fibres au-delà");
	in = food(GEN); in.protein = G(101);      expect_refused(&in, "protéines au-delà");
	in = food(FATS); in.fat = G(101);         expect_refused(&in, "lipides au-delà");
	in = food(GEN); in.fvl = PCT(100) + 1;    expect_refused(&in, "au-delà de 100 %");
	in = food(GEN); in.energy_kj = KJ(3700) + 1; expect_refused(&in, "3 700 kJ");
	in = food(GEN); in.saturates = G(5); in.fat = G(4);
	expect_refused(&in, "saturés supérieurs aux lipides");
	in = food(FATS); in.saturates = G(5);     expect_refused(&in, "lipides totaux manquent");
	in = food(FATS);                          expect_refused(&in, "lipides totaux manquent");
	in = food(GEN); in.fat = G(60); in.protein = G(30); in.sugars = G(10);
	in.salt = 1;                              expect_refused(&in, "ensemble plus de 100 g");
	in = food(GEN); in.saturates = G(60); in.protein = G(41);
	expect_refused(&in, "ensemble plus de 100 g");
	in = food(GEN); in.category = CANTINE_NUTRISCORE__MAX;
	expect_refused(&in, "catégorie Nutri-Score inconnue");
	in = food(GEN); in.category = (cantine_nutriscore_category)-1;
	expect_refused(&in, "catégorie Nutri-Score inconnue");
}

static void test_accepted_limits(void **state)
{
	cantine_nutriscore_input in;
	cantine_nutriscore_result r;

	(void)state;
	/* The extremes that are possible. */
	in = food(FATS);
	in.energy_kj = KJ(3700);
	in.fat = G(100);
	in.saturates = G(100);
	r = score(&in);
	assert_int_equal(r.negative, 20);
	in = food(GEN);
	in.fvl = PCT(100);
	in.fat = G(60); in.protein = G(30); in.sugars = G(10); /* exactly 100 g */
	r = score(&in);
	assert_int_equal(r.points[FVL], 5);
	/* Per 100 ml, a beverage may hold more than 100 g in all (syrups). */
	in = food(BEV);
	in.sugars = G(80);
	in.protein = G(30);
	score(&in);
	/* A general food without total fat: 0 means "not given". */
	in = food(GEN);
	in.saturates = G(5);
	assert_int_equal(score(&in).points[SAT], 4);
	/* Extreme scores. */
	in = food(GEN);
	in.energy_kj = KJ(3700);
	in.sugars = G(52);
	in.saturates = G(40);
	in.salt = G(5);
	r = score(&in);
	assert_int_equal(r.negative, 55);
	assert_int_equal(r.score, 55);
	in = food(GEN);
	in.protein = G(18);
	in.fibre = G(8);
	in.fvl = PCT(100);
	r = score(&in);
	assert_int_equal(r.positive, 17);
	assert_int_equal(r.score, -17);
}

/* ---- helpers ---- */

static void test_parse_value(void **state)
{
	static const struct { const char *text; int64_t value; } good[] = {
		{ "4,5", 4500000 }, { "4.5", 4500000 }, { "0", 0 }, { "100", 100000000 },
		{ "1523", 1523000000 }, { ",5", 500000 }, { ".25", 250000 },
		{ "0,000001", 1 }, { "1.123456", 1123456 }, { "2.5000000", 2500000 },
		{ "-1", -1000000 }, { "+3,4", 3400000 }, { "007", 7000000 },
		{ "999999999999", 999999999999000000LL },
	};
	static const char *const bad[] = {
		"", "-", "+", ",", ".", "4,", "4.", "4,5,6", "4.5.6", "4,5.6", "abc",
		"1e3", " 4", "4 ", "4,5 g", "1 000", "0x10", "1.1234567", "0,0000001",
		"1000000000000", "99999999999999999999", "--1", "4;5",
	};
	size_t i;
	int64_t v;

	(void)state;
	for (i = 0; i < N_ELEMS(good); i++) {
		v = -42;
		if (cantine_nutriscore_parse_value(&v, good[i].text) != 0 || v != good[i].value)
			fail_msg("« %s » → %lld, expected %lld", good[i].text, (long long)v,
				 (long long)good[i].value);
	}
	for (i = 0; i < N_ELEMS(bad); i++) {
		v = -42;
		if (cantine_nutriscore_parse_value(&v, bad[i]) != CANTINE_EINVAL || v != -42)
			fail_msg("« %s » accepted", bad[i]);
	}
	assert_int_equal(cantine_nutriscore_parse_value(&v, NULL), CANTINE_EINVAL);
}

static void test_salt_from_sodium(void **state)
{
	cantine_nutriscore_input in = food(GEN);

	(void)state;
	assert_true(cantine_nutriscore_salt_from_sodium(0) == 0);
	assert_true(cantine_nutriscore_salt_from_sodium(DG(4)) == G(1));
	assert_true(cantine_nutriscore_salt_from_sodium(2) == 5);
	assert_true(cantine_nutriscore_salt_from_sodium(3) == 8);  /* 7.5 → 8 */
	assert_true(cantine_nutriscore_salt_from_sodium(-1) == -1);
	assert_true(cantine_nutriscore_salt_from_sodium(INT64_MAX) == -1);
	/* 0.08 g of sodium is exactly 0.2 g of salt: no point; 0.080001 g
	 * is 0.2000025 g: a point, as the exact product would give. */
	in.salt = cantine_nutriscore_salt_from_sodium(CG(8));
	assert_int_equal(score(&in).points[SALT], 0);
	in.salt = cantine_nutriscore_salt_from_sodium(CG(8) + 1);
	assert_true(in.salt == DG(2) + 3);
	assert_int_equal(score(&in).points[SALT], 1);
}

static void test_names(void **state)
{
	static const struct { const char *text; int cat; } t[] = {
		{ "generale", GEN }, { "générale", GEN }, { "Générale", GEN },
		{ "fromage", CHEESE }, { "FROMAGE", CHEESE },
		{ "viande-rouge", MEAT }, { "viande rouge", MEAT }, { "viande_rouge", MEAT },
		{ "matieres-grasses", FATS }, { "matières grasses", FATS },
		{ "boisson", BEV }, { "eau", WATER }, { "Eau", WATER },
		{ "viande", -1 }, { "", -1 }, { "boissons-sucrées", -1 },
	};
	size_t i;
	int c;

	(void)state;
	for (i = 0; i < N_ELEMS(t); i++)
		if (cantine_nutriscore_category_parse(t[i].text) != t[i].cat)
			fail_msg("« %s »", t[i].text);
	assert_int_equal(cantine_nutriscore_category_parse(NULL), -1);
	/* Every name parses back to its category. */
	for (c = 0; c < CANTINE_NUTRISCORE__MAX; c++)
		assert_int_equal(cantine_nutriscore_category_parse(
			cantine_nutriscore_category_name((cantine_nutriscore_category)c)), c);
	assert_null(cantine_nutriscore_category_name(CANTINE_NUTRISCORE__MAX));
	assert_string_equal(cantine_nutriscore_component_name(CANTINE_NUTRISCORE_ENERGY,
			    CANTINE_NUTRISCORE_GENERAL), "énergie");
	assert_string_equal(cantine_nutriscore_component_name(CANTINE_NUTRISCORE_ENERGY,
			    CANTINE_NUTRISCORE_FATS), "énergie des acides gras saturés");
	assert_string_equal(cantine_nutriscore_component_name(CANTINE_NUTRISCORE_SATURATES,
			    CANTINE_NUTRISCORE_FATS), "acides gras saturés / lipides");
	assert_string_equal(cantine_nutriscore_component_name(CANTINE_NUTRISCORE_SATURATES,
			    CANTINE_NUTRISCORE_BEVERAGE), "acides gras saturés");
	for (c = 0; c < CANTINE_NUTRISCORE_COMPONENT__MAX; c++)
		assert_non_null(cantine_nutriscore_component_name(
			(cantine_nutriscore_component)c, CANTINE_NUTRISCORE_GENERAL));
	assert_null(cantine_nutriscore_component_name(CANTINE_NUTRISCORE_COMPONENT__MAX,
						      CANTINE_NUTRISCORE_GENERAL));
	assert_null(cantine_nutriscore_component_name(CANTINE_NUTRISCORE_SALT,
						      CANTINE_NUTRISCORE__MAX));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_published_general),
		cmocka_unit_test(test_published_fats),
		cmocka_unit_test(test_published_beverages),
		cmocka_unit_test(test_published_detail),
		cmocka_unit_test(test_thresholds_general),
		cmocka_unit_test(test_thresholds_beverages),
		cmocka_unit_test(test_thresholds_fats_general_tables),
		cmocka_unit_test(test_fats_energy_from_saturates),
		cmocka_unit_test(test_fats_saturates_ratio),
		cmocka_unit_test(test_protein_limit_general),
		cmocka_unit_test(test_cheese_exception),
		cmocka_unit_test(test_red_meat_cap),
		cmocka_unit_test(test_protein_limit_fats),
		cmocka_unit_test(test_beverage_rules),
		cmocka_unit_test(test_water),
		cmocka_unit_test(test_grades),
		cmocka_unit_test(test_grades_computed),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_accepted_limits),
		cmocka_unit_test(test_parse_value),
		cmocka_unit_test(test_salt_from_sodium),
		cmocka_unit_test(test_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
