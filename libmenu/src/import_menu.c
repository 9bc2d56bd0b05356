/*
 * import_menu.c: the CSV import of menus (one row per dish offered;
 * docs/formats.md).
 */
#include <stdio.h>
#include <string.h>

#include "names_int.h"
#include "plan_int.h"
#include "strmap_int.h"
#include "text_int.h"

enum { MENU_COL_UAI, MENU_COL_DATE, MENU_COL_PLAT, MENU_COL_RECETTE,
       MENU_COL_STATUT, MENU_COL__MAX };

static const cantine__col menu_cols[MENU_COL__MAX] = {
	{ "uai", true }, { "date", true }, { "plat", true }, { "recette", true },
	{ "statut", false },
};

typedef struct menu_state {
	cantine__meal_writer w;
	cantine__strmap etabs;  /* UAI → id, service days */
	cantine__strmap dishes; /* name → id, course */
	cantine__strmap meals;  /* "etab|date" → meal id, status, line;
				 * ptr: the meal's offers (struct offers) */
} menu_state;

/* One meal of the file: what it was in the store (for its history), and
 * the dishes offered, to catch a dish listed twice. */
struct offers {
	cantine__meal_prev prev;
	char   date[11];
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
			memset(no, 0, sizeof(*no));
		no->cap = cap;
		meal->ptr = o = no;
	}
	o->at[o->n].dish = dish;
	o->at[o->n].line = line;
	o->n++;
	return 0;
}

static int menu_begin(cantine__import *imp)
{
	menu_state *s = imp->state;
	int rc;

	if ((rc = cantine__mw_prepare(imp->ctx, &s->w)) ||
	    (rc = cantine__import_preload(imp, &s->etabs, "SELECT uai, id, service_days FROM etab")) ||
	    (rc = cantine__import_preload(imp, &s->dishes, "SELECT name, id, course FROM dish")))
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
		struct offers *o = meal->ptr;
		rc = cantine__meal_upsert(imp->ctx, &s->w, etab->id, date, status, &meal->id,
					  &o->prev);
		if (rc)
			return rc;
		memcpy(o->date, date, sizeof(o->date));
		if (o->prev.existed)
			imp->stats.updated++;
		else
			imp->stats.inserted++;
	}
	return cantine__meal_add(imp->ctx, &s->w, meal->id, dish->id);
}

/* Record the changes of the meals that existed.  A published meal changed
 * without a reason is a problem of the file; every such meal is listed. */
static int menu_end(cantine__import *imp)
{
	menu_state *s = imp->state;
	size_t i;
	int rc;

	for (i = 0; i < s->meals.cap; i++) {
		cantine__strmap_val *v = &s->meals.vals[i];
		struct offers *o = v->ptr;

		if (!cantine__strmap_key(&s->meals, i) || !o || !o->prev.existed)
			continue;
		rc = cantine__meal_finish(imp->ctx, &s->w, v->id, o->date, &o->prev, v->aux);
		if (rc == CANTINE_EINVAL)
			rc = cantine__problem_at(imp, v->line, MENU_COL_DATE, "%s",
						 cantine_errmsg(imp->ctx));
		if (rc)
			return rc;
	}
	return 0;
}

static void menu_cleanup(cantine__import *imp)
{
	menu_state *s = imp->state;
	size_t i;

	cantine__mw_free(&s->w);
	cantine__strmap_free(&s->etabs);
	cantine__strmap_free(&s->dishes);
	for (i = 0; i < s->meals.cap; i++) {
		struct offers *o = s->meals.vals[i].ptr;
		if (!cantine__strmap_key(&s->meals, i) || !o)
			continue;
		cantine__free(o->prev.dishes);
		cantine__free(o);
	}
	cantine__strmap_free(&s->meals);
}

const cantine__kind_ops cantine__menu_ops = {
	menu_cols, MENU_COL__MAX, sizeof(menu_state),
	menu_begin, menu_row, menu_end, menu_cleanup,
};
