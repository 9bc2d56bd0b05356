/*
 * check.c: the core checks of a plan: meal structure, the weekly
 * vegetarian menu, food cost against the establishment's target.
 */
#include <stdio.h>
#include <string.h>

#include "closure_int.h"
#include "plugin_int.h"
#include "plan_int.h"
#include "report_int.h"
#include "text_int.h"

/* Courses a lunch must or may have, as bits. */
#define BIT(c) (1u << (c))
#define REQUIRED (BIT(CANTINE_COURSE_PLAT) | BIT(CANTINE_COURSE_GARNITURE) | \
		  BIT(CANTINE_COURSE_LAITIER))
#define EITHER (BIT(CANTINE_COURSE_ENTREE) | BIT(CANTINE_COURSE_DESSERT))

/* The courses offered at a meal; with `veg_only`, only those offering a
 * vegetarian choice. */
static unsigned courses(const cantine_meal *m, bool veg_only)
{
	unsigned mask = 0;
	size_t k;

	for (k = 0; k < m->n_offers; k++)
		if (!veg_only || m->offers[k].vegetarian)
			mask |= BIT(m->offers[k].course);
	return mask;
}

/* Does a set of courses make a complete lunch? */
static bool complete(unsigned mask)
{
	return (mask & REQUIRED) == REQUIRED && (mask & EITHER) != 0;
}

/* "le produit laitier", "la garniture et le produit laitier", … */
static int missing_text(cantine_buf *b, unsigned mask)
{
	static const struct { cantine_course c; const char *name; } req[] = {
		{ CANTINE_COURSE_PLAT, "le plat principal" },
		{ CANTINE_COURSE_GARNITURE, "la garniture" },
		{ CANTINE_COURSE_LAITIER, "le produit laitier" },
	};
	const char *parts[4];
	size_t n = 0, i;
	int rc = 0;

	for (i = 0; i < 3; i++)
		if (!(mask & BIT(req[i].c)))
			parts[n++] = req[i].name;
	if (!(mask & EITHER))
		parts[n++] = "une entrée ou un dessert";
	for (i = 0; i < n && rc == 0; i++)
		rc = cantine__buf_printf(b, "%s%s", i == 0 ? "" : i + 1 == n ? " et " : ", ",
					 parts[i]);
	return rc;
}

static void euros(char out[32], int64_t cents)
{
	snprintf(out, 32, "%lld,%02lld €", (long long)(cents / 100), (long long)(cents % 100));
}

/* Meal structure: arrêté of 30 September 2011, art. 1 (DOMAIN §1.2): a
 * plat principal, a garniture and a produit laitier, plus an entrée and/or
 * a dessert; bread does not count.  With choices, each course must be
 * there at least once. */
static int check_structure(cantine_report *r, const char *uai, const cantine_meal *m)
{
	cantine_buf miss = CANTINE_BUF_INIT;
	unsigned mask = courses(m, false);
	char day[64];
	int rc;

	if (complete(mask))
		return 0;
	cantine_date_french(day, sizeof(day), m->date);
	rc = missing_text(&miss, mask);
	if (rc == 0)
		rc = cantine__report_add(r, "core.meal-structure", CANTINE_SEVERITY_ERROR,
			uai, m->date, m->date, -1, -1,
			"%s : il manque %s ; un déjeuner comporte un plat principal, une "
			"garniture, un produit laitier, et une entrée et/ou un dessert "
			"(arrêté du 30 septembre 2011, art. 1) : complétez le menu",
			day, miss.ptr);
	cantine_buf_dispose(&miss);
	return rc;
}

/* The weekly vegetarian menu (loi Climat et résilience, DOMAIN §2.5): a
 * day qualifies when a pupil can take a complete lunch of vegetarian
 * dishes only (vegetarian as in DOMAIN §1.7). */
static int check_vegetarian(cantine_report *r, const char *uai, const cantine_week *w,
			    const bool *closed)
{
	cantine_buf days = CANTINE_BUF_INIT;
	char sunday[11], day[64];
	int year, week, n = 0, rc = 0;
	size_t i;

	for (i = 0; i < cantine_week_meal_count(w) && closed[i]; i++)
		;
	if (i == cantine_week_meal_count(w))
		return 0; /* no school week: holidays, or nothing planned yet */
	cantine_week_iso(w, &year, &week);
	cantine_date_add(sunday, cantine_week_monday(w), 6);
	for (i = 0; i < cantine_week_meal_count(w) && rc == 0; i++) {
		const cantine_meal *m = cantine_week_meal(w, i);
		if (closed[i] || !complete(courses(m, true)))
			continue;
		cantine_date_french(day, sizeof(day), m->date);
		rc = cantine__buf_printf(&days, "%s%s", n++ ? ", " : "", day);
	}
	if (rc == 0 && n > 0)
		rc = cantine__report_add(r, "core.vegetarian-week", CANTINE_SEVERITY_INFO,
			uai, cantine_week_monday(w), sunday, n, 1,
			"semaine %d de %d : menu végétarien complet possible le %s",
			week, year, days.ptr);
	else if (rc == 0)
		rc = cantine__report_add(r, "core.vegetarian-week", CANTINE_SEVERITY_ERROR,
			uai, cantine_week_monday(w), sunday, 0, 1,
			"semaine %d de %d : aucun jour ne permet de prendre un menu végétarien "
			"complet ; la loi (Climat et résilience, 2021) impose au moins un menu "
			"végétarien par semaine : prévoyez un jour où plat principal, garniture, "
			"produit laitier et entrée ou dessert existent en version végétarienne",
			week, year);
	cantine_buf_dispose(&days);
	return rc;
}

/* A meal planned on a day the establishment is closed (closures imported
 * with `fermetures`): nobody will eat it, and the menu misleads families. */
static int check_closed(cantine_report *r, const char *uai, const cantine_meal *m,
			const cantine__closures *cl, bool *closed)
{
	const char *why = cantine__closures_find(cl, m->date);
	char day[64];

	*closed = why != NULL;
	if (!why)
		return 0;
	cantine_date_french(day, sizeof(day), m->date);
	return cantine__report_add(r, "core.closed-day", CANTINE_SEVERITY_ERROR, uai,
		m->date, m->date, -1, -1, "%s : un repas est prévu alors que "
		"l'établissement est fermé (%s) ; supprimez ce repas ou corrigez la "
		"fermeture", day, why);
}

/* The week's average food cost per meal against the target. */
static int check_cost(cantine_report *r, const cantine_etab *e, const cantine_week *w,
		      const bool *closed)
{
	int64_t sum = 0, avg;
	size_t i, n = 0, unknown = 0;
	char sunday[11], a[32], t[32], d[32], u[160] = "";
	int year, week;

	if (e->food_cost_target_cents <= 0)
		return 0;
	for (i = 0; i < cantine_week_meal_count(w); i++) {
		int64_t c = cantine_week_meal(w, i)->cost_cents;
		if (closed[i])
			continue;
		if (c == CANTINE_COST_UNKNOWN) {
			unknown++;
		} else {
			sum += c;
			n++;
		}
	}
	if (unknown)
		snprintf(u, sizeof(u), " (%zu repas au coût inconnu, avec un plat sans "
			 "recette ni prix déclaré, ne sont pas comptés)", unknown);
	if (n == 0)
		return 0;
	avg = (2 * sum + (int64_t)n) / (2 * (int64_t)n);
	cantine_week_iso(w, &year, &week);
	cantine_date_add(sunday, cantine_week_monday(w), 6);
	euros(a, avg);
	euros(t, e->food_cost_target_cents);
	euros(d, avg > e->food_cost_target_cents ? avg - e->food_cost_target_cents
						  : e->food_cost_target_cents - avg);
	if (avg > e->food_cost_target_cents)
		return cantine__report_add(r, "core.food-cost", CANTINE_SEVERITY_WARNING,
			e->uai, cantine_week_monday(w), sunday, avg, e->food_cost_target_cents,
			"semaine %d de %d : coût denrées moyen de %s par repas%s, %s au-dessus "
			"de la cible de %s ; revoyez les grammages ou les produits les plus chers",
			week, year, a, u, d, t);
	return cantine__report_add(r, "core.food-cost", CANTINE_SEVERITY_INFO,
		e->uai, cantine_week_monday(w), sunday, avg, e->food_cost_target_cents,
		"semaine %d de %d : coût denrées moyen de %s par repas%s, dans la cible de %s",
		week, year, a, u, t);
}

int cantine__check_core(cantine_ctx *ctx, cantine_report *r, const char *uai,
			const char *from, const char *to)
{
	cantine__closures cl = { 0 };
	cantine_etab *e = NULL;
	char day[11], last[11];
	int64_t etab;
	int rc;

	if ((rc = cantine_etab_find(&e, ctx, uai)))
		return rc;
	/* Whole weeks: from the Monday of `from` to the Sunday of `to`. */
	cantine_date_monday(day, from);
	cantine_date_monday(last, to);
	cantine_date_add(last, last, 6);
	if ((rc = cantine__lookup_id(ctx, "SELECT id FROM etab WHERE uai = ?1", uai, &etab,
				     NULL)) ||
	    (rc = cantine__closures_load(ctx, etab, day, last, &cl))) {
		cantine_etab_free(e);
		return rc;
	}
	while (rc == 0 && strcmp(day, to) <= 0) {
		cantine_week *w;
		bool closed[7] = { false };
		size_t i;

		if ((rc = cantine_plan_week(&w, ctx, uai, day)))
			break;
		for (i = 0; i < cantine_week_meal_count(w) && rc == 0; i++) {
			rc = check_closed(r, uai, cantine_week_meal(w, i), &cl, &closed[i]);
			if (rc == 0)
				rc = check_structure(r, uai, cantine_week_meal(w, i));
		}
		if (rc == 0)
			rc = check_vegetarian(r, uai, w, closed);
		if (rc == 0)
			rc = check_cost(r, e, w, closed);
		cantine_date_add(day, cantine_week_monday(w), 7);
		cantine_week_free(w);
		if (rc == CANTINE_ENOMEM)
			cantine__seterr(ctx, rc, "mémoire insuffisante");
	}
	cantine__closures_free(&cl);
	cantine_etab_free(e);
	return rc;
}

int cantine_check_period(cantine_report **out, cantine_ctx *ctx, const char *uai,
			 const char *from, const char *to)
{
	cantine_report *r = NULL;
	int rc;

	*out = NULL;
	if (cantine_date_check(from) || cantine_date_check(to) || strcmp(from, to) > 0)
		return cantine__seterr(ctx, CANTINE_EINVAL, "période invalide (du « %s » au "
			"« %s ») : donnez deux dates AAAA-MM-JJ, la première avant la seconde",
			from ? from : "", to ? to : "");
	if ((rc = cantine__report_new(&r)))
		return cantine__seterr(ctx, rc, "mémoire insuffisante");
	rc = cantine__check_core(ctx, r, uai, from, to);
	/* Then the plugins' rules, on the period asked. */
	if (rc == 0)
		rc = cantine__plugins_check(ctx, r, uai, from, to);
	if (rc) {
		cantine_report_free(r);
		return rc;
	}
	*out = r;
	return 0;
}
