/*
 * attendance.c: the covers of each day: expected from registrations and
 * absences, actual as recorded (the `presences` CSV import and
 * cantine_attendance_record()), and the forecast (docs/design.md,
 * "Attendance").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attendance_int.h"
#include "closure_int.h"
#include "plan_int.h"
#include "strmap_int.h"
#include "text_int.h"

/* Days of history before the period that feed the forecast: twelve
 * weeks, about a school term. */
#define HISTORY_DAYS 84
/* Smoothing constant of the per-weekday ratio actual / expected: the last
 * observation weighs 0.3, the one before 0.21, … (docs/design.md). */
#define ALPHA 0.3
#define MAX_DAYS 400

typedef struct pupil_reg {
	int64_t  id;
	unsigned days;
	char     first[11], last[11];
	char    *cls;
	bool     absent; /* scratch, per day */
} pupil_reg;

typedef struct absence_reg {
	int64_t pupil; /* 0: a class */
	char    first[11], last[11];
	char   *cls;
} absence_reg;

struct cantine_attendance {
	cantine_attendance_day *days; /* all days, history first */
	char (*dates)[11];
	size_t n, skip;               /* days[skip..n) is the period */
	cantine__closures closures;
};

size_t cantine_attendance_count(const cantine_attendance *a)
{
	return a->n - a->skip;
}

const cantine_attendance_day *cantine_attendance_get(const cantine_attendance *a,
						     size_t i)
{
	return i < a->n - a->skip ? &a->days[a->skip + i] : NULL;
}

const cantine_attendance_day *cantine_attendance_find(const cantine_attendance *a,
						      const char *date)
{
	size_t i;

	for (i = a->skip; date && i < a->n; i++)
		if (strcmp(a->dates[i], date) == 0)
			return &a->days[i];
	return NULL;
}

void cantine_attendance_free(cantine_attendance *a)
{
	if (!a)
		return;
	cantine__closures_free(&a->closures);
	cantine__free(a->days);
	cantine__free(a->dates);
	cantine__free(a);
}

static int etab_of(cantine_ctx *ctx, const char *uai, int64_t *id, unsigned *service)
{
	int aux = 0;
	int rc = cantine__lookup_id(ctx, "SELECT id, service_days FROM etab WHERE uai = ?1",
				    uai ? uai : "", id, &aux);

	if (rc == CANTINE_ENOTFOUND)
		return cantine__seterr(ctx, rc, "aucun établissement d'UAI « %s »",
				       uai ? uai : "");
	*service = (unsigned)aux;
	return rc;
}

static int period(cantine_ctx *ctx, const char *from, const char *to, int64_t *d0,
		  int64_t *d1)
{
	int y, m, d;

	if (!from || !to || !cantine__date_parse(from, &y, &m, &d))
		goto bad;
	*d0 = cantine__days_from_civil(y, m, d);
	if (!cantine__date_parse(to, &y, &m, &d))
		goto bad;
	*d1 = cantine__days_from_civil(y, m, d);
	if (*d1 < *d0 || *d1 - *d0 >= MAX_DAYS)
		goto bad;
	return 0;
bad:
	return cantine__seterr(ctx, CANTINE_EINVAL, "période invalide (du « %s » au « %s ») : "
		"donnez deux dates AAAA-MM-JJ, la première avant la seconde, %d jours au plus",
		from ? from : "", to ? to : "", MAX_DAYS);
}

static void regs_free(pupil_reg *p, size_t np, absence_reg *a, size_t na)
{
	size_t i;

	for (i = 0; i < np; i++)
		cantine__free(p[i].cls);
	for (i = 0; i < na; i++)
		cantine__free(a[i].cls);
	cantine__free(p);
	cantine__free(a);
}

/* Forfait pupils (DP4, DP5) registered at some time in [from, to]: the
 * ticket pupils are not announced in advance, so they are not expected
 * (docs/design.md); the forecast's ratio learns them from the actual
 * covers. */
static int load_pupils(cantine_ctx *ctx, int64_t etab, const char *from,
		       const char *to, pupil_reg **out, size_t *n)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	bool oom = false;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = cantine__prepare(ctx, &st, "SELECT id, days, first_date, last_date, class "
		"FROM pupil WHERE etab_id = ?1 AND regime IN (0, 1) AND last_date >= ?2 "
		"AND first_date <= ?3 ORDER BY id")))
		return rc;
	sqlite3_bind_int64(st, 1, etab);
	sqlite3_bind_text(st, 2, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, to, -1, SQLITE_STATIC);
	while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		pupil_reg *p;
		if (*n == cap) {
			size_t nc = cap ? cap * 2 : 64;
			void *t = cantine__realloc(*out, nc * sizeof(**out));
			if (!t) {
				oom = true;
				break;
			}
			*out = t;
			cap = nc;
		}
		p = &(*out)[*n];
		memset(p, 0, sizeof(*p));
		p->id = sqlite3_column_int64(st, 0);
		p->days = (unsigned)sqlite3_column_int(st, 1);
		snprintf(p->first, 11, "%s", (const char *)sqlite3_column_text(st, 2));
		snprintf(p->last, 11, "%s", (const char *)sqlite3_column_text(st, 3));
		p->cls = cantine__column_strdup(st, 4, &oom);
		if (!oom)
			(*n)++;
	}
	sqlite3_finalize(st);
	if (oom)
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	return rc == SQLITE_DONE ? 0 : cantine__store_err(ctx, "lecture des inscriptions");
}

static int load_absences(cantine_ctx *ctx, int64_t etab, const char *from,
			 const char *to, absence_reg **out, size_t *n)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	bool oom = false;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = cantine__prepare(ctx, &st, "SELECT coalesce(pupil_id, 0), first_date, "
		"last_date, class FROM absence WHERE etab_id = ?1 AND last_date >= ?2 AND "
		"first_date <= ?3 ORDER BY first_date, id")))
		return rc;
	sqlite3_bind_int64(st, 1, etab);
	sqlite3_bind_text(st, 2, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, to, -1, SQLITE_STATIC);
	while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		absence_reg *a;
		if (*n == cap) {
			size_t nc = cap ? cap * 2 : 16;
			void *t = cantine__realloc(*out, nc * sizeof(**out));
			if (!t) {
				oom = true;
				break;
			}
			*out = t;
			cap = nc;
		}
		a = &(*out)[*n];
		memset(a, 0, sizeof(*a));
		a->pupil = sqlite3_column_int64(st, 0);
		snprintf(a->first, 11, "%s", (const char *)sqlite3_column_text(st, 1));
		snprintf(a->last, 11, "%s", (const char *)sqlite3_column_text(st, 2));
		a->cls = cantine__column_strdup(st, 3, &oom);
		if (!oom)
			(*n)++;
	}
	sqlite3_finalize(st);
	if (oom)
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	return rc == SQLITE_DONE ? 0 : cantine__store_err(ctx, "lecture des absences");
}

/* Actual covers of the days, -1 where none is recorded. */
static int load_covers(cantine_ctx *ctx, int64_t etab, cantine_attendance *a,
		       int64_t d0)
{
	sqlite3_stmt *st;
	int rc, y, m, d;

	if ((rc = cantine__prepare(ctx, &st, "SELECT date, covers FROM covers WHERE "
		"etab_id = ?1 AND date BETWEEN ?2 AND ?3")))
		return rc;
	sqlite3_bind_int64(st, 1, etab);
	sqlite3_bind_text(st, 2, a->dates[0], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, a->dates[a->n - 1], -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t i;
		if (!cantine__date_parse((const char *)sqlite3_column_text(st, 0), &y, &m, &d))
			continue;
		i = cantine__days_from_civil(y, m, d) - d0;
		if (i >= 0 && (size_t)i < a->n)
			a->days[i].actual = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : cantine__store_err(ctx, "lecture des couverts");
}

/* Registered and absent pupils of a served day. */
static void count_day(cantine_attendance_day *day, int weekday, pupil_reg *p,
		      size_t np, const absence_reg *a, size_t na)
{
	const char *date = day->date;
	size_t i, k;

	for (i = 0; i < np; i++)
		p[i].absent = false;
	for (k = 0; k < na; k++) {
		if (strcmp(a[k].first, date) > 0 || strcmp(date, a[k].last) > 0)
			continue;
		for (i = 0; i < np; i++)
			if (a[k].pupil ? p[i].id == a[k].pupil
				       : strcmp(p[i].cls, a[k].cls) == 0)
				p[i].absent = true;
	}
	for (i = 0; i < np; i++) {
		if (!(p[i].days & (1u << weekday)) || strcmp(p[i].first, date) > 0 ||
		    strcmp(date, p[i].last) > 0)
			continue;
		day->registered++;
		day->absent += p[i].absent;
	}
	day->expected = day->registered - day->absent;
}

/*
 * The forecast: per weekday, the ratio actual / expected smoothed
 * exponentially over the days before (docs/design.md), times the expected
 * covers of the day.  A weekday without history takes the ratio of all
 * weekdays, and with no history at all the forecast is the expected count.
 */
static void forecast(cantine_attendance *a, int first_weekday)
{
	double ratio[7] = { 0 }, all = 0;
	bool have[7] = { false }, have_all = false;
	size_t i;

	for (i = 0; i < a->n; i++) {
		cantine_attendance_day *day = &a->days[i];
		int w = (int)((size_t)first_weekday + i) % 7;
		double r;

		if (!day->served)
			continue;
		r = have[w] ? ratio[w] : have_all ? all : 1.0;
		day->forecast = (int)(day->expected * r + 0.5);
		if (day->actual < 0 || day->expected <= 0)
			continue;
		r = (double)day->actual / day->expected;
		ratio[w] = have[w] ? ALPHA * r + (1 - ALPHA) * ratio[w] : r;
		all = have_all ? ALPHA * r + (1 - ALPHA) * all : r;
		have[w] = have_all = true;
	}
}

int cantine_attendance_compute(cantine_attendance **out, cantine_ctx *ctx,
			       const char *uai, const char *from, const char *to)
{
	cantine_attendance *a;
	pupil_reg *pupils = NULL;
	absence_reg *abs = NULL;
	size_t np = 0, na = 0, i;
	int64_t etab = 0, d0 = 0, d1 = 0;
	unsigned service = 0;
	int rc, w0;

	*out = NULL;
	if ((rc = period(ctx, from, to, &d0, &d1)) || (rc = etab_of(ctx, uai, &etab, &service)))
		return rc;
	d0 -= HISTORY_DAYS;
	a = cantine__calloc(1, sizeof(*a));
	if (!a || !(a->days = cantine__calloc((size_t)(d1 - d0 + 1), sizeof(*a->days))) ||
	    !(a->dates = cantine__calloc((size_t)(d1 - d0 + 1), sizeof(*a->dates)))) {
		cantine_attendance_free(a);
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	}
	a->n = (size_t)(d1 - d0 + 1);
	a->skip = HISTORY_DAYS;
	for (i = 0; i < a->n; i++) {
		cantine__date_format(d0 + (int64_t)i, a->dates[i]);
		a->days[i].date = a->dates[i];
		a->days[i].actual = -1;
	}
	if ((rc = cantine__closures_load(ctx, etab, a->dates[0], to, &a->closures)) ||
	    (rc = load_pupils(ctx, etab, a->dates[0], to, &pupils, &np)) ||
	    (rc = load_absences(ctx, etab, a->dates[0], to, &abs, &na)) ||
	    (rc = load_covers(ctx, etab, a, d0))) {
		regs_free(pupils, np, abs, na);
		cantine_attendance_free(a);
		return rc;
	}
	w0 = cantine__weekday(d0);
	for (i = 0; i < a->n; i++) {
		cantine_attendance_day *day = &a->days[i];
		int w = (w0 + (int)(i % 7)) % 7;

		/* A pupil eats on a day the establishment serves, that is not
		 * closed (holidays, public holidays, closures: closure.c), on
		 * which he is registered for that weekday and not absent. */
		day->closed = cantine__closures_find(&a->closures, day->date);
		day->served = (service & (1u << w)) && !day->closed;
		if (day->served)
			count_day(day, w, pupils, np, abs, na);
	}
	regs_free(pupils, np, abs, na);
	forecast(a, w0);
	*out = a;
	return 0;
}

int cantine_forecast_evaluate(cantine_forecast_eval *out, cantine_ctx *ctx,
			      const char *uai, const char *from, const char *to)
{
	cantine_attendance *a;
	double ef = 0, en = 0;
	size_t i;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = cantine_attendance_compute(&a, ctx, uai, from, to)))
		return rc;
	for (i = 0; i < cantine_attendance_count(a); i++) {
		const cantine_attendance_day *d = cantine_attendance_get(a, i);
		if (!d->served || d->actual < 0)
			continue;
		ef += abs(d->forecast - d->actual);
		en += abs(d->expected - d->actual);
		out->days++;
	}
	if (out->days) {
		out->mae_forecast = ef / out->days;
		out->mae_naive = en / out->days;
	}
	cantine_attendance_free(a);
	return 0;
}

int cantine_attendance_record(cantine_ctx *ctx, const char *uai, const char *date,
			      int covers)
{
	sqlite3_stmt *st;
	int64_t etab = 0;
	unsigned service = 0;
	int rc;

	if (cantine_date_check(date))
		return cantine__seterr(ctx, CANTINE_EINVAL, "« %s » n'est pas une date valide "
				       "(AAAA-MM-JJ)", date ? date : "");
	if (covers < 0 || covers > 5000)
		return cantine__seterr(ctx, CANTINE_EINVAL, "%d couverts : le nombre de "
				       "couverts doit être compris entre 0 et 5000", covers);
	if ((rc = cantine__writable(ctx)) || (rc = etab_of(ctx, uai, &etab, &service)))
		return rc;
	if ((rc = cantine__prepare(ctx, &st, "INSERT INTO covers (etab_id, date, covers) "
		"VALUES (?1, ?2, ?3) ON CONFLICT (etab_id, date) DO UPDATE SET covers = ?3")))
		return rc;
	sqlite3_bind_int64(st, 1, etab);
	sqlite3_bind_text(st, 2, date, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, covers);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : cantine__store_err(ctx, "enregistrement des couverts");
}

/* ---- CSV import (docs/formats.md, `presences`) ---- */

enum { PR_COL_UAI, PR_COL_DATE, PR_COL_COUVERTS, PR_COL__MAX };

static const cantine__col covers_cols[PR_COL__MAX] = {
	{ "uai", true }, { "date", true }, { "couverts", true },
};

/* etabs: UAI → id, service days; seen: "uai|date" → line */
typedef cantine__keyed covers_state;

static int covers_begin(cantine__import *imp)
{
	covers_state *s = imp->state;
	int rc;

	if ((rc = cantine__prepare(imp->ctx, &s->upsert, "INSERT INTO covers (etab_id, "
		"date, covers) VALUES (?1, ?2, ?3) ON CONFLICT (etab_id, date) DO UPDATE "
		"SET covers = ?3")) ||
	    (rc = cantine__prepare(imp->ctx, &s->exists, "SELECT 1 FROM covers WHERE "
		"etab_id = ?1 AND date = ?2")) ||
	    (rc = cantine__import_preload(imp, &s->etabs,
		"SELECT uai, id, service_days FROM etab")))
		return rc;
	return 0;
}

static const char *const weekdays[7] = {
	"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
};

static int covers_row(cantine__import *imp)
{
	covers_state *s = imp->state;
	cantine__strmap_val *etab = NULL;
	const char *uai, *date = "";
	long covers = 0;
	char key[64];
	bool bad = false;
	int rc, y, m, d, w;

	if (cantine__get_required(imp, PR_COL_UAI, &uai)) {
		etab = cantine__strmap_get(&s->etabs, uai);
		if (!etab && cantine__problem(imp, PR_COL_UAI, "aucun établissement d'UAI "
				"« %s » dans la base ; importez d'abord le fichier etablissements, "
				"ou corrigez l'UAI", uai))
			return CANTINE_ENOMEM;
	}
	bad |= !etab;
	bad |= !cantine__get_date(imp, PR_COL_DATE, &date);
	bad |= !cantine__get_int(imp, PR_COL_COUVERTS, 0, 5000, &covers);
	if (bad)
		return 0;
	cantine__date_parse(date, &y, &m, &d);
	w = cantine__weekday(cantine__days_from_civil(y, m, d));
	if (!((unsigned)etab->aux & (1u << w)))
		return cantine__problem(imp, PR_COL_DATE, "le %s est un %s, jour où "
			"l'établissement ne sert pas le déjeuner ; corrigez la date",
			date, weekdays[w]);
	snprintf(key, sizeof(key), "%s|%s", cantine__cell(imp, PR_COL_UAI), date);
	if ((rc = cantine__seen_once(imp, &s->seen, PR_COL_DATE, key, "le jour")))
		return rc < 0 ? rc : 0;
	if (!imp->clean)
		return 0;
	sqlite3_bind_int64(s->exists, 1, etab->id);
	sqlite3_bind_text(s->exists, 2, date, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s->upsert, 1, etab->id);
	sqlite3_bind_text(s->upsert, 2, date, -1, SQLITE_STATIC);
	sqlite3_bind_int(s->upsert, 3, (int)covers);
	return cantine__keyed_write(imp, s, "enregistrement des couverts");
}

const cantine__kind_ops cantine__covers_ops = {
	covers_cols, PR_COL__MAX, sizeof(covers_state),
	covers_begin, covers_row, NULL, cantine__keyed_cleanup,
};
