/*
 * plan.c: meals (one lunch per establishment and date), the week view,
 * and the CSV import of menus (one row per dish offered).
 */
#include <stdio.h>
#include <string.h>

#include "model_int.h"
#include "names_int.h"
#include "strmap_int.h"
#include "text_int.h"

/* ---- writing meals ---- */

typedef struct meal_writer {
	sqlite3_stmt *insert, *update, *clear, *add;
} meal_writer;

static int mw_prepare(cantine_ctx *ctx, meal_writer *w)
{
	int rc;

	/* The insert returns a row only for a new meal: the common case
	 * costs one statement. */
	if ((rc = cantine__prepare(ctx, &w->insert,
		"INSERT INTO meal (etab_id, date, status) VALUES (?1, ?2, ?3) "
		"ON CONFLICT (etab_id, date) DO NOTHING RETURNING id")) ||
	    (rc = cantine__prepare(ctx, &w->update,
		"UPDATE meal SET status = ?3 WHERE etab_id = ?1 AND date = ?2 RETURNING id")) ||
	    (rc = cantine__prepare(ctx, &w->clear, "DELETE FROM meal_dish WHERE meal_id = ?1")) ||
	    (rc = cantine__prepare(ctx, &w->add,
		"INSERT INTO meal_dish (meal_id, dish_id) VALUES (?1, ?2)")))
		return rc;
	return 0;
}

static void mw_free(meal_writer *w)
{
	sqlite3_finalize(w->insert);
	sqlite3_finalize(w->update);
	sqlite3_finalize(w->clear);
	sqlite3_finalize(w->add);
}

/* Create or update the meal and empty its list of dishes. */
static int meal_upsert(cantine_ctx *ctx, meal_writer *w, int64_t etab,
		       const char *date, int status, int64_t *id, bool *existed)
{
	int rc;

	sqlite3_stmt *st = w->insert;

	for (;;) {
		sqlite3_bind_int64(st, 1, etab);
		sqlite3_bind_text(st, 2, date, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 3, status);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			*id = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		if (rc == SQLITE_ROW)
			break;
		if (rc != SQLITE_DONE || st == w->update)
			return cantine__store_err(ctx, "enregistrement d'un repas");
		st = w->update; /* it existed */
	}
	*existed = st == w->update;
	if (!*existed)
		return 0;
	sqlite3_bind_int64(w->clear, 1, *id);
	rc = sqlite3_step(w->clear);
	sqlite3_reset(w->clear);
	return rc == SQLITE_DONE ? 0 : cantine__store_err(ctx, "mise à jour d'un repas");
}

static int meal_add(cantine_ctx *ctx, meal_writer *w, int64_t meal, int64_t dish)
{
	int rc;

	sqlite3_bind_int64(w->add, 1, meal);
	sqlite3_bind_int64(w->add, 2, dish);
	rc = sqlite3_step(w->add);
	sqlite3_reset(w->add);
	return rc == SQLITE_DONE ? 0 : cantine__store_err(ctx, "ajout d'un plat au menu");
}

static int lookup_id(cantine_ctx *ctx, const char *sql, const char *key,
		     int64_t *id, int *aux)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = cantine__prepare(ctx, &st, sql)))
		return rc;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		if (aux)
			*aux = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 0;
	return rc == SQLITE_DONE ? CANTINE_ENOTFOUND : cantine__store_err(ctx, "lecture");
}

int cantine_plan_set_meal(cantine_ctx *ctx, const char *uai, const char *date,
			  cantine_status status, const char *const *dishes, size_t n)
{
	meal_writer w = { 0 };
	int64_t etab, meal, dish;
	bool existed;
	size_t i;
	int rc;

	if (cantine_date_check(date))
		return cantine__seterr(ctx, CANTINE_EINVAL, "« %s » n'est pas une date "
			"valide (AAAA-MM-JJ)", date ? date : "");
	if ((unsigned)status >= CANTINE_STATUS__MAX)
		return cantine__seterr(ctx, CANTINE_EINVAL, "statut inconnu ; valeurs "
			"possibles : %s", cantine__status_list());
	rc = lookup_id(ctx, "SELECT id FROM etab WHERE uai = ?1", uai, &etab, NULL);
	if (rc == CANTINE_ENOTFOUND)
		return cantine__seterr(ctx, rc, "aucun établissement d'UAI « %s »", uai);
	if (rc)
		return rc;
	if ((rc = cantine__begin(ctx)))
		return rc;
	if ((rc = mw_prepare(ctx, &w)) ||
	    (rc = meal_upsert(ctx, &w, etab, date, (int)status, &meal, &existed)))
		goto out;
	for (i = 0; i < n && rc == 0; i++) {
		rc = lookup_id(ctx, "SELECT id FROM dish WHERE name = ?1", dishes[i], &dish, NULL);
		if (rc == CANTINE_ENOTFOUND)
			rc = cantine__seterr(ctx, rc, "aucune recette « %s »", dishes[i]);
		if (rc == 0)
			rc = meal_add(ctx, &w, meal, dish);
		if (rc == CANTINE_ESTORE && sqlite3_extended_errcode(ctx->db) ==
		    SQLITE_CONSTRAINT_PRIMARYKEY)
			rc = cantine__seterr(ctx, CANTINE_EINVAL, "« %s » figure deux fois "
				"au menu du %s", dishes[i], date);
	}
out:
	mw_free(&w);
	if (rc) {
		cantine__rollback(ctx);
		return rc;
	}
	return cantine__commit(ctx);
}

/* ---- the week view ---- */

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
	rc = lookup_id(ctx, "SELECT id FROM etab WHERE uai = ?1", uai, &etab, NULL);
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

	rc = cantine__prepare(ctx, &st,
		"SELECT m.id, m.date, m.status, d.id, d.name, d.course, p.meat, p.fish, "
		"p.allergens, p.traces, p.price_cents, p.unit_grams, i.grams_mg "
		"FROM meal m JOIN meal_dish md ON md.meal_id = m.id "
		"JOIN dish d ON d.id = md.dish_id "
		"JOIN dish_ingredient i ON i.dish_id = d.id "
		"JOIN product p ON p.id = i.product_id "
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
		cantine__facts_add(&facts, sqlite3_column_int(st, 6), sqlite3_column_int(st, 7),
				   (unsigned)sqlite3_column_int(st, 8),
				   (unsigned)sqlite3_column_int(st, 9),
				   sqlite3_column_int64(st, 10), sqlite3_column_int(st, 11),
				   sqlite3_column_int64(st, 12));
		o->vegetarian = !facts.nonveg;
		o->allergens = facts.allergens;
		o->traces = CANTINE__TRACES_ONLY(&facts);
		o->cost_cents = cantine__ucents_to_cents(facts.ucents);
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

/* ---- CSV import ---- */

enum { MENU_COL_UAI, MENU_COL_DATE, MENU_COL_PLAT, MENU_COL_RECETTE,
       MENU_COL_STATUT, MENU_COL__MAX };

static const cantine__col menu_cols[MENU_COL__MAX] = {
	{ "uai", true }, { "date", true }, { "plat", true }, { "recette", true },
	{ "statut", false },
};

typedef struct menu_state {
	meal_writer     w;
	cantine__strmap etabs;  /* UAI → id, service days */
	cantine__strmap dishes; /* name → id, course */
	cantine__strmap meals;  /* "etab|date" → meal id, status, line;
				 * ptr: the meal's offers (struct offers) */
} menu_state;

/* Dishes offered at one meal of the file, to catch a dish listed twice. */
struct offers {
	size_t n, cap;
	struct { int64_t dish; unsigned line; } at[];
};

/* Add dish to the meal's list; returns the line where it already was, 0
 * when new, or (unsigned)-1 when out of memory. */
static unsigned offer_add(cantine__strmap_val *meal, int64_t dish, unsigned line)
{
	struct offers *o = meal->ptr;
	size_t i;

	for (i = 0; o && i < o->n; i++)
		if (o->at[i].dish == dish)
			return o->at[i].line;
	if (!o || o->n == o->cap) {
		size_t cap = o ? o->cap * 2 : 8;
		struct offers *no = cantine__realloc(o, sizeof(*o) + cap * sizeof(o->at[0]));
		if (!no)
			return (unsigned)-1;
		if (!o)
			no->n = 0;
		no->cap = cap;
		meal->ptr = o = no;
	}
	o->at[o->n].dish = dish;
	o->at[o->n].line = line;
	o->n++;
	return 0;
}

static int preload(cantine__import *imp, cantine__strmap *map, const char *sql)
{
	sqlite3_stmt *st;
	int rc, added;

	if ((rc = cantine__prepare(imp->ctx, &st, sql)))
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		cantine__strmap_val *v = cantine__strmap_put(map,
			(const char *)sqlite3_column_text(st, 0), &added);
		if (!v) {
			sqlite3_finalize(st);
			return CANTINE_ENOMEM;
		}
		v->id = sqlite3_column_int64(st, 1);
		v->aux = sqlite3_column_int(st, 2);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : cantine__store_err(imp->ctx, "lecture de la base");
}

static int menu_begin(cantine__import *imp)
{
	menu_state *s = imp->state;
	int rc;

	if ((rc = mw_prepare(imp->ctx, &s->w)) ||
	    (rc = preload(imp, &s->etabs, "SELECT uai, id, service_days FROM etab")) ||
	    (rc = preload(imp, &s->dishes, "SELECT name, id, course FROM dish")))
		return rc;
	return 0;
}

static int menu_row(cantine__import *imp)
{
	menu_state *s = imp->state;
	cantine__strmap_val *etab = NULL, *dish = NULL, *meal;
	unsigned dup;
	const char *uai, *date, *name, *t;
	char key[256];
	int course = -1, status = CANTINE_STATUS_DRAFT, y, m, d, added, rc;
	bool bad = false;

	if (cantine__get_required(imp, MENU_COL_UAI, &uai)) {
		etab = cantine__strmap_get(&s->etabs, uai);
		if (!etab && cantine__problem(imp, MENU_COL_UAI, "aucun établissement d'UAI "
				"« %s » dans la base ; importez d'abord le fichier etablissements, "
				"ou corrigez l'UAI", uai))
			return CANTINE_ENOMEM;
	}
	bad |= !etab;
	if (cantine__get_required(imp, MENU_COL_DATE, &date) &&
	    !cantine__date_parse(date, &y, &m, &d)) {
		if (cantine__problem(imp, MENU_COL_DATE, "« %s » n'est pas une date du "
				     "calendrier ; écrivez-la AAAA-MM-JJ, par exemple 2026-09-07",
				     date))
			return CANTINE_ENOMEM;
		bad = true;
	}
	bad |= !*date;
	/* A meal on a day the canteen does not serve is almost always a
	 * wrong date, and parents would read the menu on the wrong day. */
	if (!bad && etab) {
		static const char *const days[7] = { "lundi", "mardi", "mercredi", "jeudi",
						     "vendredi", "samedi", "dimanche" };
		int wd = cantine__weekday(cantine__days_from_civil(y, m, d));

		if (!(etab->aux & (1 << wd))) {
			if (cantine__problem(imp, MENU_COL_DATE, "le %s est un %s, jour sans "
					     "service de demi-pension pour %s ; corrigez la date, ou "
					     "ajoutez ce jour aux jours_service de l'établissement",
					     date, days[wd], uai))
				return CANTINE_ENOMEM;
			bad = true;
		}
	}
	if (cantine__get_required(imp, MENU_COL_PLAT, &t)) {
		course = cantine_course_parse(t);
		if (course < 0 && cantine__problem(imp, MENU_COL_PLAT, "type de plat « %s » "
				"inconnu ; valeurs possibles : %s", t, cantine__course_list()))
			return CANTINE_ENOMEM;
	}
	bad |= course < 0;
	if (cantine__get_required(imp, MENU_COL_RECETTE, &name)) {
		dish = cantine__strmap_get(&s->dishes, name);
		if (!dish && cantine__problem(imp, MENU_COL_RECETTE, "aucune recette « %s » "
				"dans la base ; importez d'abord le fichier recettes, ou corrigez "
				"le nom (majuscules et accents comptent)", name))
			return CANTINE_ENOMEM;
	}
	bad |= !dish;
	t = cantine__cell(imp, MENU_COL_STATUT);
	if (*t && (status = cantine_status_parse(t)) < 0) {
		if (cantine__problem(imp, MENU_COL_STATUT, "statut « %s » inconnu ; valeurs "
				     "possibles : %s", t, cantine__status_list()))
			return CANTINE_ENOMEM;
		bad = true;
	}
	if (bad)
		return 0;
	if (dish->aux != course)
		return cantine__problem(imp, MENU_COL_PLAT, "la recette « %s » est un plat "
			"de type « %s », pas « %s » ; corrigez la colonne plat ou choisissez "
			"une autre recette", name, cantine_course_name((cantine_course)dish->aux),
			cantine_course_name((cantine_course)course));

	snprintf(key, sizeof(key), "%lld|%s", (long long)etab->id, date);
	meal = cantine__strmap_put(&s->meals, key, &added);
	if (!meal)
		return CANTINE_ENOMEM;
	if (added) {
		meal->line = cantine__row_line(imp);
		meal->aux = status;
	} else if (meal->aux != status) {
		return cantine__problem(imp, MENU_COL_STATUT, "le repas du %s est « %s » "
			"ligne %u ; toutes les lignes d'un repas ont le même statut", date,
			cantine_status_name((cantine_status)meal->aux), meal->line);
	}
	dup = offer_add(meal, dish->id, cantine__row_line(imp));
	if (dup == (unsigned)-1)
		return CANTINE_ENOMEM;
	if (dup)
		return cantine__problem(imp, MENU_COL_RECETTE, "« %s » est déjà au menu du %s "
			"ligne %u ; supprimez la ligne en double", name, date, dup);
	if (!imp->clean)
		return 0;
	if (meal->id == 0) {
		bool existed;
		rc = meal_upsert(imp->ctx, &s->w, etab->id, date, status, &meal->id, &existed);
		if (rc)
			return rc;
		if (existed)
			imp->stats.updated++;
		else
			imp->stats.inserted++;
	}
	return meal_add(imp->ctx, &s->w, meal->id, dish->id);
}

static void menu_cleanup(cantine__import *imp)
{
	menu_state *s = imp->state;
	size_t i;

	mw_free(&s->w);
	cantine__strmap_free(&s->etabs);
	cantine__strmap_free(&s->dishes);
	for (i = 0; i < s->meals.cap; i++)
		if (cantine__strmap_key(&s->meals, i))
			cantine__free(s->meals.vals[i].ptr);
	cantine__strmap_free(&s->meals);
}

const cantine__kind_ops cantine__menu_ops = {
	menu_cols, MENU_COL__MAX, sizeof(menu_state),
	menu_begin, menu_row, NULL, menu_cleanup,
};
