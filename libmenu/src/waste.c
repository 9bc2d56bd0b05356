/*
 * waste.c: food waste weighed each day (the `gaspillage` CSV import,
 * docs/formats.md) and its report in grams per cover by ISO week, against
 * the commonly quoted 120 g per diner and meal (DOMAIN Part A §2.8,
 * resto-today.com; the AGEC law aims at −50 % by 2025 against 2015).
 */
#include <stdio.h>
#include <string.h>

#include "attendance_int.h"
#include "plan_int.h"
#include "strmap_int.h"
#include "text_int.h"

struct cantine_waste {
	cantine_waste_week *weeks;
	char (*mondays)[11];
	size_t n;
};

size_t cantine_waste_count(const cantine_waste *w)
{
	return w->n;
}

const cantine_waste_week *cantine_waste_get(const cantine_waste *w, size_t i)
{
	return i < w->n ? &w->weeks[i] : NULL;
}

void cantine_waste_free(cantine_waste *w)
{
	if (!w)
		return;
	cantine__free(w->weeks);
	cantine__free(w->mondays);
	cantine__free(w);
}

int cantine_waste_weeks(cantine_waste **out, cantine_ctx *ctx, const char *uai,
			const char *from, const char *to)
{
	cantine_waste *w;
	sqlite3_stmt *st;
	int64_t etab, last_monday = -1;
	size_t cap = 0;
	int rc, y, m, d;

	*out = NULL;
	if (cantine_date_check(from) || cantine_date_check(to) || strcmp(from, to) > 0)
		return cantine__seterr(ctx, CANTINE_EINVAL, "période invalide (du « %s » au "
			"« %s ») : donnez deux dates AAAA-MM-JJ, la première avant la seconde",
			from ? from : "", to ? to : "");
	rc = cantine__lookup_id(ctx, "SELECT id FROM etab WHERE uai = ?1", uai ? uai : "",
				&etab, NULL);
	if (rc == CANTINE_ENOTFOUND)
		return cantine__seterr(ctx, rc, "aucun établissement d'UAI « %s »", uai ? uai : "");
	if (rc)
		return rc;
	/* Only days with both a weighing and the covers served: grams per
	 * cover need both. */
	if ((rc = cantine__prepare(ctx, &st, "SELECT w.date, w.plate_g, w.unserved_g, "
		"w.bread_g, c.covers FROM waste w JOIN covers c ON c.etab_id = w.etab_id AND "
		"c.date = w.date WHERE w.etab_id = ?1 AND w.date BETWEEN ?2 AND ?3 AND "
		"c.covers > 0 ORDER BY w.date")))
		return rc;
	sqlite3_bind_int64(st, 1, etab);
	sqlite3_bind_text(st, 2, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, to, -1, SQLITE_STATIC);
	if (!(w = cantine__calloc(1, sizeof(*w)))) {
		sqlite3_finalize(st);
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		cantine_waste_week *k;
		int64_t day, monday;

		if (!cantine__date_parse((const char *)sqlite3_column_text(st, 0), &y, &m, &d))
			continue;
		day = cantine__days_from_civil(y, m, d);
		monday = day - cantine__weekday(day);
		if (monday != last_monday) {
			if (w->n == cap) {
				size_t nc = cap ? cap * 2 : 16, i;
				void *a = cantine__realloc(w->weeks, nc * sizeof(*w->weeks));
				void *b = a ? cantine__realloc(w->mondays, nc * sizeof(*w->mondays)) : NULL;
				if (a)
					w->weeks = a;
				if (!b) {
					rc = CANTINE_ENOMEM;
					break;
				}
				w->mondays = b;
				cap = nc;
				for (i = 0; i < w->n; i++) /* the array moved */
					w->weeks[i].monday = w->mondays[i];
			}
			k = &w->weeks[w->n];
			memset(k, 0, sizeof(*k));
			cantine__date_format(monday, w->mondays[w->n]);
			k->monday = w->mondays[w->n];
			w->n++;
			last_monday = monday;
		}
		k = &w->weeks[w->n - 1];
		k->days++;
		k->plate_g += sqlite3_column_int(st, 1);
		k->unserved_g += sqlite3_column_int(st, 2);
		k->bread_g += sqlite3_column_int(st, 3);
		k->covers += sqlite3_column_int(st, 4);
		k->g_per_cover = (double)(k->plate_g + k->unserved_g + k->bread_g) / (double)k->covers;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		cantine_waste_free(w);
		return rc == CANTINE_ENOMEM ? cantine__seterr(ctx, rc, "mémoire insuffisante")
					    : cantine__store_err(ctx, "lecture du gaspillage");
	}
	*out = w;
	return 0;
}

/* ---- CSV import (docs/formats.md, `gaspillage`) ---- */

enum { GA_COL_UAI, GA_COL_DATE, GA_COL_ASSIETTES, GA_COL_NON_SERVI, GA_COL_PAIN,
       GA_COL__MAX };

static const cantine__col waste_cols[GA_COL__MAX] = {
	{ "uai", true }, { "date", true }, { "assiettes_kg", true },
	{ "non_servi_kg", true }, { "pain_kg", true },
};

/* etabs: UAI → id; seen: "uai|date" → line */
typedef cantine__keyed waste_state;

static int waste_begin(cantine__import *imp)
{
	waste_state *s = imp->state;
	int rc;

	if ((rc = cantine__prepare(imp->ctx, &s->upsert, "INSERT INTO waste (etab_id, "
		"date, plate_g, unserved_g, bread_g) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT "
		"(etab_id, date) DO UPDATE SET plate_g = ?3, unserved_g = ?4, bread_g = ?5")) ||
	    (rc = cantine__prepare(imp->ctx, &s->exists, "SELECT 1 FROM waste WHERE "
		"etab_id = ?1 AND date = ?2")) ||
	    (rc = cantine__import_preload(imp, &s->etabs, "SELECT uai, id FROM etab")))
		return rc;
	return 0;
}

/* Kilograms with at most three decimals (grams), decimal point or comma,
 * at most 10 000 kg. */
static bool get_kg(cantine__import *imp, int col, long *grams)
{
	const char *s, *p;
	long kg = 0, g = 0;
	int dec = 0;

	if (!cantine__get_required(imp, col, &s))
		return false;
	for (p = s; *p >= '0' && *p <= '9' && kg <= 10000; p++)
		kg = kg * 10 + (*p - '0');
	if (p > s && (*p == '.' || *p == ',')) {
		for (p++; *p >= '0' && *p <= '9' && dec < 3; p++, dec++)
			g = g * 10 + (*p - '0');
		if (dec == 0)
			p = s; /* "12." is refused */
	}
	for (; dec < 3; dec++)
		g *= 10;
	if (p == s || *p || kg > 10000 || (kg == 10000 && g > 0)) {
		cantine__problem(imp, col, "« %s » n'est pas un poids en kilogrammes ; écrivez "
				 "par exemple 12.5 (au plus 3 décimales, 10000 kg au plus)", s);
		return false;
	}
	*grams = kg * 1000 + g;
	return true;
}

static int waste_row(cantine__import *imp)
{
	waste_state *s = imp->state;
	cantine__strmap_val *etab = NULL;
	const char *uai, *date = "";
	long plate = 0, unserved = 0, bread = 0;
	char key[64];
	bool bad = false;
	int rc;

	if (cantine__get_required(imp, GA_COL_UAI, &uai)) {
		etab = cantine__strmap_get(&s->etabs, uai);
		if (!etab && cantine__problem(imp, GA_COL_UAI, "aucun établissement d'UAI "
				"« %s » dans la base ; importez d'abord le fichier etablissements, "
				"ou corrigez l'UAI", uai))
			return CANTINE_ENOMEM;
	}
	bad |= !etab;
	bad |= !cantine__get_date(imp, GA_COL_DATE, &date);
	bad |= !get_kg(imp, GA_COL_ASSIETTES, &plate);
	bad |= !get_kg(imp, GA_COL_NON_SERVI, &unserved);
	bad |= !get_kg(imp, GA_COL_PAIN, &bread);
	if (bad)
		return 0;
	snprintf(key, sizeof(key), "%s|%s", uai, date);
	if ((rc = cantine__seen_once(imp, &s->seen, GA_COL_DATE, key, "le jour")))
		return rc < 0 ? rc : 0;
	if (!imp->clean)
		return 0;
	sqlite3_bind_int64(s->exists, 1, etab->id);
	sqlite3_bind_text(s->exists, 2, date, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s->upsert, 1, etab->id);
	sqlite3_bind_text(s->upsert, 2, date, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s->upsert, 3, plate);
	sqlite3_bind_int64(s->upsert, 4, unserved);
	sqlite3_bind_int64(s->upsert, 5, bread);
	return cantine__keyed_write(imp, s, "enregistrement du gaspillage");
}

const cantine__kind_ops cantine__waste_ops = {
	waste_cols, GA_COL__MAX, sizeof(waste_state),
	waste_begin, waste_row, NULL, cantine__keyed_cleanup,
};
