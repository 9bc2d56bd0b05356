/*
 * production.c: production sheets: the quantities of every product to
 * cook for a period and a number of covers.
 */
#include <string.h>

#include "model_int.h"

typedef struct line {
	cantine_production_line pub;
	char *strings[5]; /* date, dish, code, name, supplier: owned */
} line;

typedef struct lines {
	line  *items;
	size_t n, cap;
} lines;

struct cantine_production {
	lines products;
	lines unknown; /* dishes without a recipe: no product */
};

size_t cantine_production_count(const cantine_production *p)
{
	return p ? p->products.n : 0;
}

const cantine_production_line *cantine_production_get(const cantine_production *p,
						       size_t i)
{
	return p && i < p->products.n ? &p->products.items[i].pub : NULL;
}

size_t cantine_production_unknown_count(const cantine_production *p)
{
	return p ? p->unknown.n : 0;
}

const cantine_production_line *cantine_production_unknown(const cantine_production *p,
							   size_t i)
{
	return p && i < p->unknown.n ? &p->unknown.items[i].pub : NULL;
}

static void lines_free(lines *l)
{
	size_t i;
	int k;

	for (i = 0; i < l->n; i++)
		for (k = 0; k < 5; k++)
			cantine__free(l->items[i].strings[k]);
	cantine__free(l->items);
}

void cantine_production_free(cantine_production *p)
{
	if (!p)
		return;
	lines_free(&p->products);
	lines_free(&p->unknown);
	cantine__free(p);
}

int64_t cantine_order_quantity(cantine_unit unit, int unit_grams, int64_t grams_mg)
{
	int64_t den;

	if (unit_grams <= 0 || grams_mg <= 0)
		return 0;
	if (unit == CANTINE_UNIT_PIECE) {
		den = (int64_t)unit_grams * 1000;
		return (grams_mg + den - 1) / den;
	}
	/* Tenths of a unit: mg × 10 / (unit_grams × 1000), rounded up. */
	den = (int64_t)unit_grams * 100;
	return (grams_mg + den - 1) / den;
}

int64_t cantine_order_cost(cantine_unit unit, int64_t quantity, int64_t price_cents)
{
	if (unit == CANTINE_UNIT_PIECE)
		return quantity * price_cents;
	return (quantity * price_cents + 5) / 10;
}

/* A line from the current row; for a dish without a recipe the product
 * columns are NULL and the line has only its date, dish and portions. */
static int add_line(lines *p, sqlite3_stmt *st, int covers,
		    const cantine_attendance *fc)
{
	static const int text_cols[5] = { 0, 1, 4, 5, 6 };
	int choices = sqlite3_column_int(st, 3);
	bool product = sqlite3_column_type(st, 4) != SQLITE_NULL;
	line *l;
	bool oom = false;
	int k;

	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 64;
		line *it = cantine__realloc(p->items, cap * sizeof(*it));
		if (!it)
			return CANTINE_ENOMEM;
		p->items = it;
		p->cap = cap;
	}
	if (fc) {
		/* The forecast of the meal's day (cantine/attendance.h). */
		const cantine_attendance_day *day = cantine_attendance_find(fc,
			(const char *)sqlite3_column_text(st, 0));
		covers = day ? day->forecast : 0;
	}
	l = &p->items[p->n];
	memset(l, 0, sizeof(*l));
	for (k = 0; k < 5; k++)
		l->strings[k] = cantine__column_strdup(st, text_cols[k], &oom);
	if (product && !l->strings[4] && !oom)
		l->strings[4] = cantine__strdup(""), oom = !l->strings[4];
	if (oom) {
		for (k = 0; k < 5; k++)
			cantine__free(l->strings[k]);
		return CANTINE_ENOMEM;
	}
	l->pub.date = l->strings[0];
	l->pub.dish = l->strings[1];
	l->pub.course = (cantine_course)sqlite3_column_int(st, 2);
	l->pub.portions = (covers + choices - 1) / (choices > 0 ? choices : 1);
	l->pub.product_code = l->strings[2];
	l->pub.product_name = l->strings[3];
	l->pub.supplier = l->strings[4];
	l->pub.unit = (cantine_unit)sqlite3_column_int(st, 7);
	l->pub.unit_grams = sqlite3_column_int(st, 8);
	l->pub.price_cents = sqlite3_column_int64(st, 9);
	l->pub.grams_mg = sqlite3_column_int64(st, 10) * l->pub.portions;
	l->pub.cost_cents = cantine_cost_cents(l->pub.price_cents, l->pub.unit_grams,
					       l->pub.grams_mg);
	p->n++;
	return 0;
}

static int compute(cantine_production **out, cantine_ctx *ctx, const char *uai,
		   const char *from, const char *to, int covers,
		   const cantine_attendance *fc)
{
	cantine_production *p;
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	if (cantine_date_check(from) || cantine_date_check(to) || strcmp(from, to) > 0)
		return cantine__seterr(ctx, CANTINE_EINVAL, "période invalide (du « %s » au "
			"« %s ») : donnez deux dates AAAA-MM-JJ, la première avant la seconde",
			from ? from : "", to ? to : "");
	if (!fc && (covers < 1 || covers > 5000))
		return cantine__seterr(ctx, CANTINE_EINVAL, "%d couverts : le nombre de "
			"couverts doit être compris entre 1 et 5000", covers);
	rc = cantine__prepare(ctx, &st,
		"SELECT m.date, d.name, d.course, "
		"  (SELECT count(*) FROM meal_dish md2 JOIN dish d2 ON d2.id = md2.dish_id "
		"   WHERE md2.meal_id = m.id AND d2.course = d.course), "
		"  p.code, p.name, p.supplier, p.unit, p.unit_grams, p.price_cents, i.grams_mg, "
		"  e.id "
		"FROM etab e LEFT JOIN meal m ON m.etab_id = e.id AND m.date BETWEEN ?2 AND ?3 "
		"LEFT JOIN meal_dish md ON md.meal_id = m.id "
		"LEFT JOIN dish d ON d.id = md.dish_id "
		"LEFT JOIN dish_ingredient i ON i.dish_id = d.id "
		"LEFT JOIN product p ON p.id = i.product_id "
		"WHERE e.uai = ?1 ORDER BY m.date, d.course, d.name, p.code");
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, uai, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, to, -1, SQLITE_STATIC);
	p = cantine__calloc(1, sizeof(*p));
	if (!p) {
		sqlite3_finalize(st);
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	}
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		/* Not even the establishment. */
		sqlite3_finalize(st);
		cantine_production_free(p);
		return cantine__seterr(ctx, CANTINE_ENOTFOUND, "aucun établissement d'UAI "
			"« %s » dans la base", uai);
	}
	for (; rc == SQLITE_ROW; rc = sqlite3_step(st)) {
		if (sqlite3_column_type(st, 1) == SQLITE_NULL)
			continue; /* the establishment's row when it has no meal */
		if (add_line(sqlite3_column_type(st, 4) == SQLITE_NULL ? &p->unknown
			     : &p->products, st, covers, fc)) {
			rc = CANTINE_ENOMEM;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		cantine_production_free(p);
		return rc == CANTINE_ENOMEM
			? cantine__seterr(ctx, rc, "mémoire insuffisante")
			: cantine__store_err(ctx, "calcul de la production");
	}
	*out = p;
	return 0;
}

int cantine_production_compute(cantine_production **out, cantine_ctx *ctx,
			       const char *uai, const char *from, const char *to,
			       int covers)
{
	return compute(out, ctx, uai, from, to, covers, NULL);
}

int cantine_production_compute_forecast(cantine_production **out, cantine_ctx *ctx,
					const char *uai, const char *from,
					const char *to)
{
	cantine_attendance *fc;
	int rc;

	*out = NULL;
	if ((rc = cantine_attendance_compute(&fc, ctx, uai, from, to)))
		return rc;
	rc = compute(out, ctx, uai, from, to, 0, fc);
	cantine_attendance_free(fc);
	return rc;
}
