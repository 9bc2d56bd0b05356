/*
 * nutrients.c: reading the Ciqual table, and the nutrients of a dish
 * computed from its ingredients (docs/formats.md, "Nutrients of a dish").
 */
#include <stdio.h>
#include <string.h>

#include "ciqual_int.h"
#include "common_int.h"

/* ---- the nutrients ---- */

static const struct {
	const char *name;
	const char *unit;
	int         code; /* Ciqual const_code */
} nutrients[CANTINE_NUTRIENT__MAX] = {
	/* Energy, fat, saturates, carbohydrate, sugars, protein and salt are
	 * the mandatory declaration of Regulation (EU) 1169/2011 (art. 30,
	 * Annex XV gives the order); fibre, calcium and iron may be added. */
	{ "Énergie", "kJ", 327 },
	{ "Énergie", "kcal", 328 },
	{ "Protéines", "g", 25000 },
	{ "Glucides", "g", 31000 },
	{ "Sucres", "g", 32000 },
	{ "Lipides", "g", 40000 },
	{ "Acides gras saturés", "g", 40302 },
	{ "Fibres alimentaires", "g", 34100 },
	{ "Sel", "g", 10004 },
	{ "Sodium", "mg", 10110 },
	{ "Calcium", "mg", 10200 },
	{ "Fer", "mg", 10260 },
};

const char *cantine_nutrient_name(cantine_nutrient n)
{
	return (unsigned)n < CANTINE_NUTRIENT__MAX ? nutrients[n].name : NULL;
}

const char *cantine_nutrient_unit(cantine_nutrient n)
{
	return (unsigned)n < CANTINE_NUTRIENT__MAX ? nutrients[n].unit : NULL;
}

int cantine_nutrient_ciqual_code(cantine_nutrient n)
{
	return (unsigned)n < CANTINE_NUTRIENT__MAX ? nutrients[n].code : 0;
}

static int nutrient_of_code(int code)
{
	int i;

	for (i = 0; i < CANTINE_NUTRIENT__MAX; i++)
		if (nutrients[i].code == code)
			return i;
	return -1;
}

/* ---- reading the table ---- */

int cantine_ciqual_food_count(cantine_ctx *ctx)
{
	sqlite3_stmt *st;
	int rc, n = 0;

	if ((rc = cantine__prepare(ctx, &st, "SELECT count(*) FROM ciqual_food")))
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? n : cantine__store_err(ctx, "lecture de la table Ciqual");
}

int cantine_ciqual_food_name(cantine_ctx *ctx, int code, cantine_buf *out)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = cantine__prepare(ctx, &st, "SELECT name FROM ciqual_food WHERE code = ?1")))
		return rc;
	sqlite3_bind_int(st, 1, code);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		rc = cantine__buf_puts(out, (const char *)sqlite3_column_text(st, 0))
			? cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante") : 0;
	else if (rc == SQLITE_DONE)
		rc = cantine__seterr(ctx, CANTINE_ENOTFOUND, "l'aliment %d n'est pas dans la "
				     "table Ciqual de la base", code);
	else
		rc = cantine__store_err(ctx, "lecture de la table Ciqual");
	sqlite3_finalize(st);
	return rc;
}

int cantine_ciqual_value(cantine_ctx *ctx, int food, int constituent,
			 cantine_ciqual_kind *kind, int64_t *amount)
{
	sqlite3_stmt *st;
	int rc;

	if (amount)
		*amount = 0;
	if ((rc = cantine__prepare(ctx, &st, "SELECT kind, amount FROM ciqual_value "
				   "WHERE food_code = ?1 AND const_code = ?2")))
		return rc;
	sqlite3_bind_int(st, 1, food);
	sqlite3_bind_int(st, 2, constituent);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*kind = (cantine_ciqual_kind)sqlite3_column_int(st, 0);
		if (amount)
			*amount = sqlite3_column_int64(st, 1);
		rc = 0;
	} else if (rc == SQLITE_DONE) {
		rc = cantine__seterr(ctx, CANTINE_ENOTFOUND, "pas de valeur %d pour l'aliment "
				     "%d dans la table Ciqual de la base", constituent, food);
	} else {
		rc = cantine__store_err(ctx, "lecture de la table Ciqual");
	}
	sqlite3_finalize(st);
	return rc;
}

/* ---- nutrients of a dish ---- */

/*
 * The exact amount of a nutrient in a portion is
 *     sum over ingredients of  v × m / 100 000
 * with v its value per 100 g in millionths and m its weight in mg.  "< x"
 * counts as x/2, so the values are taken doubled (v2 = 2v, or x for
 * "< x") and the divisor is D = 200 000 (SUM_DIV).  The sum is kept as a whole part
 * W and a remainder R < D (W + R/D millionths), so that nothing is
 * rounded before the end; values are at most CQ_MAX_UNITS per 100 g and
 * portions at most 2 kg per ingredient, so no product overflows.
 */
#define SUM_DIV INT64_C(200000)

typedef struct acc {
	int64_t whole, rem, known_mg;
	unsigned flags;
} acc;

static int acc_add(acc *a, int64_t v2, int64_t mg)
{
	int64_t part;

	if (__builtin_mul_overflow(v2, mg / SUM_DIV, &part) ||
	    __builtin_add_overflow(a->whole, part, &a->whole))
		return CANTINE_ERROR;
	a->rem += v2 * (mg % SUM_DIV);
	if (__builtin_add_overflow(a->whole, a->rem / SUM_DIV, &a->whole))
		return CANTINE_ERROR;
	a->rem %= SUM_DIV;
	a->known_mg += mg;
	return 0;
}

/* Round W + R/D and (W + R/D) × 100 000 / P half up (P: the portion). */
static void acc_finish(const acc *a, int64_t portion_mg, cantine_nutrient_amount *out)
{
	int64_t q, r;

	out->flags = a->flags;
	out->known_mg = a->known_mg;
	out->portion = a->whole + (2 * a->rem >= SUM_DIV);
	out->per_100g = 0;
	if (portion_mg <= 0)
		return;
	/* (W + R/D) × 100 000 / P = (2·10^5 W + R) / 2P, with W = qP + r. */
	q = a->whole / portion_mg;
	r = a->whole % portion_mg;
	out->per_100g = q * 100000 + (200000 * r + a->rem + portion_mg) / (2 * portion_mg);
}

struct cantine_nutrients {
	int64_t                 portion_mg;
	cantine_nutrient_amount amount[CANTINE_NUTRIENT__MAX];
	cantine_nutrient_source *src;
	size_t                  n, cap;
};

void cantine_nutrients_free(cantine_nutrients *n)
{
	size_t i;

	if (!n)
		return;
	for (i = 0; i < n->n; i++) {
		cantine__free((char *)n->src[i].product_code);
		cantine__free((char *)n->src[i].product_name);
		cantine__free((char *)n->src[i].food_name);
		cantine__free((char *)n->src[i].group);
	}
	cantine__free(n->src);
	cantine__free(n);
}

int64_t cantine_nutrients_portion_mg(const cantine_nutrients *n)
{
	return n->portion_mg;
}

const cantine_nutrient_amount *cantine_nutrients_get(const cantine_nutrients *n,
						    cantine_nutrient which)
{
	return (unsigned)which < CANTINE_NUTRIENT__MAX ? &n->amount[which] : NULL;
}

size_t cantine_nutrients_source_count(const cantine_nutrients *n)
{
	return n->n;
}

const cantine_nutrient_source *cantine_nutrients_source(const cantine_nutrients *n,
							size_t i)
{
	return i < n->n ? &n->src[i] : NULL;
}

/* A new ingredient, from the row of the query below. */
static int add_source(cantine_nutrients *n, sqlite3_stmt *st)
{
	cantine_nutrient_source *s;
	bool oom = false;

	if (n->n == n->cap) {
		size_t cap = n->cap ? n->cap * 2 : 8;
		s = cantine__realloc(n->src, cap * sizeof(*s));
		if (!s)
			return CANTINE_ENOMEM;
		n->src = s;
		n->cap = cap;
	}
	s = &n->src[n->n++];
	memset(s, 0, sizeof(*s));
	s->product_code = cantine__column_strdup(st, 0, &oom);
	s->product_name = cantine__column_strdup(st, 1, &oom);
	s->grams_mg = sqlite3_column_int64(st, 2);
	s->ciqual = sqlite3_column_int(st, 3);
	s->food_name = cantine__column_strdup(st, 4, &oom);
	if (s->food_name && sqlite3_column_type(st, 8) != SQLITE_NULL) {
		const char *ssss = (const char *)sqlite3_column_text(st, 9);
		char group[7];
		/* "000000": no sub-sub-group; the sub-group, padded. */
		if (ssss && strcmp(ssss, "000000") != 0)
			snprintf(group, sizeof(group), "%s", ssss);
		else
			snprintf(group, sizeof(group), "%.4s00",
				 (const char *)sqlite3_column_text(st, 8));
		if (!(s->group = cantine__strdup(group)))
			oom = true;
	}
	/* Unknown until the table gives a value. */
	s->unknown = (1u << CANTINE_NUTRIENT__MAX) - 1;
	return oom ? CANTINE_ENOMEM : 0;
}

/* Count one value of the table into the sums. */
static int add_value(acc *sum, cantine_nutrient_source *s, int which, int kind,
		     int64_t amount)
{
	int64_t v2;

	switch (kind) {
	case CANTINE_CIQUAL_NUMBER:
		v2 = 2 * amount;
		break;
	case CANTINE_CIQUAL_LESS_THAN:
		/* Below the limit x: counted as x/2, the middle of [0, x). */
		v2 = amount;
		s->less_than |= 1u << which;
		sum[which].flags |= CANTINE_NUTRIENT_ESTIMATED;
		break;
	case CANTINE_CIQUAL_TRACES:
		/* Present but not quantified: counted as 0. */
		v2 = 0;
		s->traces |= 1u << which;
		sum[which].flags |= CANTINE_NUTRIENT_ESTIMATED;
		break;
	default:
		return 0; /* "-": stays unknown */
	}
	s->unknown &= ~(1u << which);
	/* This ingredient's share, rounded half up on its own. */
	if (!__builtin_mul_overflow(v2, s->grams_mg, &s->portion[which]))
		s->portion[which] = (s->portion[which] + SUM_DIV / 2) / SUM_DIV;
	else
		s->portion[which] = 0;
	return acc_add(&sum[which], v2, s->grams_mg);
}

static int compute(cantine_ctx *ctx, cantine_nutrients *n, int64_t dish_id)
{
	acc sum[CANTINE_NUTRIENT__MAX];
	sqlite3_stmt *st;
	const char *last = NULL;
	size_t i;
	int k, rc;

	memset(sum, 0, sizeof(sum));
	/* One row per ingredient and value (or one row with NULLs when its
	 * food is missing), grouped by ingredient. */
	if ((rc = cantine__prepare(ctx, &st,
		"SELECT p.code, p.name, i.grams_mg, p.ciqual, f.name, v.const_code, v.kind, "
		"v.amount, f.ssgrp_code, f.ssssgrp_code "
		"FROM dish_ingredient i JOIN product p ON p.id = i.product_id "
		"LEFT JOIN ciqual_food f ON f.code = p.ciqual "
		"LEFT JOIN ciqual_value v ON v.food_code = f.code "
		"WHERE i.dish_id = ?1 ORDER BY p.code")))
		return rc;
	sqlite3_bind_int64(st, 1, dish_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(st, 0);

		if (!last || strcmp(last, code) != 0) {
			if ((rc = add_source(n, st)))
				break;
			n->portion_mg += n->src[n->n - 1].grams_mg;
			last = n->src[n->n - 1].product_code;
		}
		if (sqlite3_column_type(st, 5) == SQLITE_NULL)
			continue;
		k = nutrient_of_code(sqlite3_column_int(st, 5));
		if (k >= 0 && (rc = add_value(sum, &n->src[n->n - 1], k,
					      sqlite3_column_int(st, 6),
					      sqlite3_column_int64(st, 7))))
			break;
	}
	sqlite3_finalize(st);
	if (rc == CANTINE_ENOMEM)
		return cantine__seterr(ctx, rc, "mémoire insuffisante");
	if (rc == CANTINE_ERROR)
		return cantine__seterr(ctx, rc, "valeurs nutritionnelles trop grandes pour être "
				       "additionnées ; vérifiez les grammages de la recette");
	if (rc != SQLITE_DONE)
		return cantine__store_err(ctx, "calcul des valeurs nutritionnelles");
	for (i = 0; i < n->n; i++)
		for (k = 0; k < CANTINE_NUTRIENT__MAX; k++)
			if (n->src[i].unknown & (1u << k))
				sum[k].flags |= CANTINE_NUTRIENT_INCOMPLETE;
	for (k = 0; k < CANTINE_NUTRIENT__MAX; k++) {
		/* A dish without ingredients has no nutrients (nutrition.h). */
		if (n->n == 0)
			sum[k].flags |= CANTINE_NUTRIENT_INCOMPLETE;
		acc_finish(&sum[k], n->portion_mg, &n->amount[k]);
	}
	return 0;
}

int cantine_dish_nutrients(cantine_nutrients **out, cantine_ctx *ctx,
			   const char *dish_name)
{
	cantine_nutrients *n;
	sqlite3_stmt *st;
	int64_t id = 0;
	int rc;

	*out = NULL;
	if ((rc = cantine__prepare(ctx, &st, "SELECT id FROM dish WHERE name = ?1")))
		return rc;
	sqlite3_bind_text(st, 1, dish_name, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return cantine__seterr(ctx, CANTINE_ENOTFOUND, "aucune recette « %s »", dish_name);
	if (rc != SQLITE_ROW)
		return cantine__store_err(ctx, "lecture d'une recette");
	if (!(n = cantine__calloc(1, sizeof(*n))))
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	if ((rc = compute(ctx, n, id))) {
		cantine_nutrients_free(n);
		return rc;
	}
	*out = n;
	return 0;
}
