/*
 * week.c: the week view of a plan: meals, dishes offered and their
 * derived facts, meal costs.
 */
#include <string.h>

#include "plan_int.h"
#include "text_int.h"

struct cantine_week {
	char           monday[11];
	int            iso_year, iso_week;
	cantine_meal  *meals;
	size_t         n;
	cantine_offer *offers; /* all meals' offers, in order */
	size_t         n_offers;
};

void cantine_week_free(cantine_week *w)
{
	size_t i;

	if (!w)
		return;
	for (i = 0; i < w->n_offers; i++)
		cantine__free((char *)w->offers[i].dish);
	for (i = 0; i < w->n; i++)
		cantine__free((char *)w->meals[i].date);
	cantine__free(w->offers);
	cantine__free(w->meals);
	cantine__free(w);
}

const char *cantine_week_monday(const cantine_week *w) { return w->monday; }
size_t cantine_week_meal_count(const cantine_week *w) { return w->n; }

void cantine_week_iso(const cantine_week *w, int *year, int *week)
{
	*year = w->iso_year;
	*week = w->iso_week;
}

const cantine_meal *cantine_week_meal(const cantine_week *w, size_t i)
{
	return i < w->n ? &w->meals[i] : NULL;
}

/* ISO 8601 week of the Monday `mon` (days since the epoch). */
static void iso_week(int64_t mon, int *year, int *week)
{
	int y, m, d;
	int64_t thu = mon + 3, jan1;

	/* The ISO year is the year of the week's Thursday. */
	cantine__civil_from_days(thu, &y, &m, &d);
	jan1 = cantine__days_from_civil(y, 1, 1);
	*year = y;
	*week = (int)((thu - jan1) / 7) + 1;
}

static int grow(void **p, size_t *cap, size_t n, size_t size)
{
	void *q;
	size_t nc;

	if (n < *cap)
		return 0;
	nc = *cap ? *cap * 2 : 16;
	q = cantine__realloc(*p, nc * size);
	if (!q)
		return CANTINE_ENOMEM;
	*p = q;
	*cap = nc;
	return 0;
}

/* Food cost of one meal: pupils share the choices of a course, so each
 * course costs the mean of its choices; kept in millionths of a cent and
 * rounded once. */
static int64_t meal_cost(const cantine_meal *m)
{
	int64_t ucents = 0;
	size_t k = 0;

	while (k < m->n_offers) {
		size_t e = k;
		int64_t course = 0, n;
		while (e < m->n_offers && m->offers[e].course == m->offers[k].course) {
			if (m->offers[e].cost_cents == CANTINE_COST_UNKNOWN)
				return CANTINE_COST_UNKNOWN;
			course += m->offers[e++].cost_cents;
		}
		n = (int64_t)(e - k);
		ucents += (course * 1000000 + n / 2) / n;
		k = e;
	}
	return cantine__ucents_to_cents(ucents);
}

int cantine_plan_week(cantine_week **out, cantine_ctx *ctx, const char *uai,
		      const char *date)
{
	cantine_week *w;
	sqlite3_stmt *st = NULL;
	char sunday[11];
	int64_t etab, days, mon, last_meal = -1, last_dish = -1;
	cantine__facts facts;
	size_t cap_meals = 0, cap_offers = 0, i, j;
	int y, m, d, rc;
	bool oom = false;

	*out = NULL;
	if (!date || !cantine__date_parse(date, &y, &m, &d))
		return cantine__seterr(ctx, CANTINE_EINVAL, "« %s » n'est pas une date "
			"valide : écrivez-la AAAA-MM-JJ, par exemple 2026-09-07",
			date ? date : "");
	rc = cantine__lookup_id(ctx, "SELECT id FROM etab WHERE uai = ?1", uai, &etab, NULL);
	if (rc == CANTINE_ENOTFOUND)
		return cantine__seterr(ctx, rc, "aucun établissement d'UAI « %s » dans la "
			"base ; importez-le avec « cantine import etablissements »", uai);
	if (rc)
		return rc;
	w = cantine__calloc(1, sizeof(*w));
	if (!w)
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	days = cantine__days_from_civil(y, m, d);
	mon = days - cantine__weekday(days);
	cantine__date_format(mon, w->monday);
	cantine__date_format(mon + 6, sunday);
	iso_week(mon, &w->iso_year, &w->iso_week);

	/* LEFT JOINs: a dish without ingredients (a declared dish, migration
	 * 005) is offered all the same, with its declared facts. */
	rc = cantine__prepare(ctx, &st,
		"SELECT m.id, m.date, m.status, d.id, d.name, d.course, p.meat, p.fish, "
		"p.allergens, p.traces, p.price_cents, p.unit_grams, i.grams_mg, "
		"d.declared_allergens, d.declared_vegetarian, d.declared_price_cents "
		"FROM meal m JOIN meal_dish md ON md.meal_id = m.id "
		"JOIN dish d ON d.id = md.dish_id "
		"LEFT JOIN dish_ingredient i ON i.dish_id = d.id "
		"LEFT JOIN product p ON p.id = i.product_id "
		"WHERE m.etab_id = ?1 AND m.date BETWEEN ?2 AND ?3 "
		"ORDER BY m.date, d.course, d.name, d.id");
	if (rc)
		goto fail;
	sqlite3_bind_int64(st, 1, etab);
	sqlite3_bind_text(st, 2, w->monday, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, sunday, -1, SQLITE_STATIC);
	memset(&facts, 0, sizeof(facts));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t meal_id = sqlite3_column_int64(st, 0);
		int64_t dish_id = sqlite3_column_int64(st, 3);
		cantine_offer *o;

		if (meal_id != last_meal) {
			cantine_meal *ml;
			int yy, mm, dd;
			if (grow((void **)&w->meals, &cap_meals, w->n, sizeof(*ml))) {
				oom = true;
				break;
			}
			ml = &w->meals[w->n++];
			memset(ml, 0, sizeof(*ml));
			ml->date = cantine__column_strdup(st, 1, &oom);
			ml->status = (cantine_status)sqlite3_column_int(st, 2);
			if (ml->date && cantine__date_parse(ml->date, &yy, &mm, &dd))
				ml->weekday = cantine__weekday(cantine__days_from_civil(yy, mm, dd));
			ml->n_offers = 0;
			last_meal = meal_id;
			last_dish = -1;
		}
		if (dish_id != last_dish) {
			if (grow((void **)&w->offers, &cap_offers, w->n_offers, sizeof(*o))) {
				oom = true;
				break;
			}
			o = &w->offers[w->n_offers++];
			memset(o, 0, sizeof(*o));
			o->dish = cantine__column_strdup(st, 4, &oom);
			o->course = (cantine_course)sqlite3_column_int(st, 5);
			w->meals[w->n - 1].n_offers++;
			last_dish = dish_id;
			memset(&facts, 0, sizeof(facts));
		}
		o = &w->offers[w->n_offers - 1];
		if (sqlite3_column_type(st, 12) == SQLITE_NULL) {
			/* No ingredient: the facts its publisher declared (SCDL
			 * import, DOMAIN §5.1); undeclared means not vegetarian,
			 * no known allergen and an unknown cost. */
			facts.nonveg = sqlite3_column_int(st, 14) != 1;
			facts.allergens = (unsigned)sqlite3_column_int(st, 13);
			o->declared = 1;
		} else {
			cantine__facts_add(&facts, sqlite3_column_int(st, 6),
					   sqlite3_column_int(st, 7),
					   (unsigned)sqlite3_column_int(st, 8),
					   (unsigned)sqlite3_column_int(st, 9),
					   sqlite3_column_int64(st, 10), sqlite3_column_int(st, 11),
					   sqlite3_column_int64(st, 12));
		}
		o->vegetarian = !facts.nonveg;
		o->allergens = facts.allergens;
		o->traces = CANTINE__TRACES_ONLY(&facts);
		o->cost_cents = !o->declared ? cantine__ucents_to_cents(facts.ucents)
			: sqlite3_column_type(st, 15) == SQLITE_NULL ? CANTINE_COST_UNKNOWN
			: sqlite3_column_int64(st, 15);
		if (oom)
			break;
	}
	sqlite3_finalize(st);
	st = NULL;
	if (oom) {
		rc = cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
		goto fail;
	}
	if (rc != SQLITE_DONE) {
		rc = cantine__store_err(ctx, "lecture des menus");
		goto fail;
	}
	/* Point each meal at its offers; a meal is vegetarian when no dish
	 * holds meat or fish (DOMAIN §1.7: "a menu whose components contain
	 * no meat, fish, crustaceans or seafood"). */
	for (i = 0, j = 0; i < w->n; i++) {
		size_t k;
		w->meals[i].offers = w->offers + j;
		w->meals[i].vegetarian = 1;
		for (k = 0; k < w->meals[i].n_offers; k++)
			if (!w->offers[j + k].vegetarian)
				w->meals[i].vegetarian = 0;
		w->meals[i].cost_cents = meal_cost(&w->meals[i]);
		j += w->meals[i].n_offers;
	}
	w->n_offers = j;
	*out = w;
	return 0;
fail:
	sqlite3_finalize(st);
	cantine_week_free(w);
	return rc;
}
