/*
 * plan_copy.c: changing the plan in bulk: the status of a period, and a
 * cycle of weeks copied onto later dates (issue 3: menu cycles).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "closure_int.h"
#include "plan_int.h"
#include "report_int.h"
#include "text_int.h"

int cantine__plan_status_tx(cantine_ctx *ctx, int64_t etab, const char *from,
			    const char *to, cantine_status status, unsigned from_mask,
			    size_t *changed)
{
	cantine__meal_writer w = { 0 };
	sqlite3_stmt *st = NULL;
	size_t n = 0;
	int rc;

	*changed = 0;
	if ((rc = cantine__mw_prepare(ctx, &w)) ||
	    (rc = cantine__prepare(ctx, &st, "SELECT m.date, group_concat(md.dish_id) "
		"FROM meal m LEFT JOIN meal_dish md ON md.meal_id = m.id "
		"WHERE m.etab_id = ?1 AND m.date BETWEEN ?2 AND ?3 AND m.status <> ?4 "
		"AND ((?5 >> m.status) & 1) GROUP BY m.id ORDER BY m.date")))
		goto out;
	sqlite3_bind_int64(st, 1, etab);
	sqlite3_bind_text(st, 2, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, to, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, (int)status);
	sqlite3_bind_int(st, 5, (int)from_mask);
	while (rc == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		cantine__meal_prev prev;
		char date[11], ids[4096];
		const char *p;
		int64_t meal;

		snprintf(date, sizeof(date), "%s", (const char *)sqlite3_column_text(st, 0));
		snprintf(ids, sizeof(ids), "%s", sqlite3_column_text(st, 1)
			 ? (const char *)sqlite3_column_text(st, 1) : "");
		rc = cantine__meal_upsert(ctx, &w, etab, date, (int)status, &meal, &prev);
		/* Put the same dishes back. */
		for (p = ids; rc == 0 && *p; ) {
			char *end;
			long long id = strtoll(p, &end, 10);
			rc = cantine__meal_add(ctx, &w, meal, id);
			p = *end == ',' ? end + 1 : end;
		}
		if (rc == 0)
			rc = cantine__meal_finish(ctx, &w, meal, date, &prev, (int)status);
		cantine__free(prev.dishes);
		n++;
	}
	if (rc == SQLITE_DONE)
		rc = 0;
	else if (rc > 0)
		rc = cantine__store_err(ctx, "lecture des repas");
out:
	sqlite3_finalize(st);
	cantine__mw_free(&w);
	if (rc == 0)
		*changed = n;
	return rc;
}

int cantine_plan_set_status(cantine_ctx *ctx, const char *uai, const char *from,
			    const char *to, cantine_status status, size_t *changed)
{
	int64_t etab;
	size_t n = 0;
	int rc;

	if (changed)
		*changed = 0;
	if (cantine_date_check(from) || cantine_date_check(to) || strcmp(from, to) > 0)
		return cantine__seterr(ctx, CANTINE_EINVAL, "période invalide (du « %s » au "
			"« %s ») : donnez deux dates AAAA-MM-JJ, la première avant la seconde",
			from ? from : "", to ? to : "");
	if ((unsigned)status >= CANTINE_STATUS__MAX)
		return cantine__seterr(ctx, CANTINE_EINVAL, "statut inconnu");
	rc = cantine__lookup_id(ctx, "SELECT id FROM etab WHERE uai = ?1", uai, &etab, NULL);
	if (rc == CANTINE_ENOTFOUND)
		return cantine__seterr(ctx, rc, "aucun établissement d'UAI « %s »", uai);
	if (rc || (rc = cantine__begin(ctx)))
		return rc;
	rc = cantine__plan_status_tx(ctx, etab, from, to, status,
				     (1u << CANTINE_STATUS__MAX) - 1, &n);
	if (rc) {
		cantine__rollback(ctx);
		return rc;
	}
	if ((rc = cantine__commit(ctx)) == 0 && changed)
		*changed = n;
	return rc;
}

/* A meal of the source cycle: date and dish ids. */
typedef struct src_meal {
	char  date[11];
	char *ids; /* "3,17,42" */
} src_meal;

static int load_cycle(cantine_ctx *ctx, int64_t etab, const char *first,
		      const char *last, src_meal **out, size_t *n)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = cantine__prepare(ctx, &st, "SELECT m.date, group_concat(md.dish_id) "
		"FROM meal m JOIN meal_dish md ON md.meal_id = m.id "
		"WHERE m.etab_id = ?1 AND m.date BETWEEN ?2 AND ?3 GROUP BY m.id ORDER BY m.date")))
		return rc;
	sqlite3_bind_int64(st, 1, etab);
	sqlite3_bind_text(st, 2, first, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, last, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		bool oom = false;
		if (*n == cap) {
			size_t nc = cap ? cap * 2 : 32;
			src_meal *m = cantine__realloc(*out, nc * sizeof(*m));
			if (!m) {
				rc = CANTINE_ENOMEM;
				break;
			}
			*out = m;
			cap = nc;
		}
		snprintf((*out)[*n].date, 11, "%s", (const char *)sqlite3_column_text(st, 0));
		(*out)[*n].ids = cantine__column_strdup(st, 1, &oom);
		if (oom) {
			rc = CANTINE_ENOMEM;
			break;
		}
		++*n;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return 0;
	return rc == CANTINE_ENOMEM ? cantine__seterr(ctx, rc, "mémoire insuffisante")
				    : cantine__store_err(ctx, "lecture des menus");
}

/* Copy one meal onto `date`; reports what was done or why not. */
static int copy_meal(cantine_ctx *ctx, cantine__meal_writer *w, cantine_report *r,
		     const cantine_etab *e, int64_t etab, const src_meal *m,
		     const char *date, int replace)
{
	cantine_buf why = CANTINE_BUF_INIT;
	cantine__meal_prev prev = { 0 };
	char src[64], dst[64];
	int64_t id;
	bool existing;
	int y, mo, d, rc;
	const char *p;

	cantine_date_french(src, sizeof(src), m->date);
	cantine_date_french(dst, sizeof(dst), date);
	cantine__date_parse(date, &y, &mo, &d);
	if (!(e->service_days & (1u << cantine__weekday(cantine__days_from_civil(y, mo, d)))))
		return cantine__report_add(r, "plan.copy", CANTINE_SEVERITY_WARNING, e->uai,
			date, date, -1, -1, "menu du %s non copié : le %s n'est pas un jour "
			"de service", src, dst);
	rc = cantine__closure_reason(ctx, etab, date, &why);
	if (rc == 1)
		rc = cantine__report_add(r, "plan.copy", CANTINE_SEVERITY_WARNING, e->uai,
			date, date, -1, -1, "menu du %s non copié : l'établissement est fermé "
			"le %s (%s)", src, dst, why.ptr);
	else if (rc == 0)
		rc = 1; /* open: go on */
	cantine_buf_dispose(&why);
	if (rc != 1)
		return rc;
	if (!replace) {
		sqlite3_stmt *st;
		if ((rc = cantine__prepare(ctx, &st, "SELECT id FROM meal WHERE etab_id = ?1 "
					   "AND date = ?2")))
			return rc;
		sqlite3_bind_int64(st, 1, etab);
		sqlite3_bind_text(st, 2, date, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		existing = rc == SQLITE_ROW;
		sqlite3_finalize(st);
		if (existing)
			return cantine__report_add(r, "plan.copy", CANTINE_SEVERITY_WARNING,
				e->uai, date, date, -1, -1, "menu du %s non copié : le %s a déjà "
				"un menu, gardé (--remplacer pour l'écraser)", src, dst);
	}
	rc = cantine__meal_upsert(ctx, w, etab, date, CANTINE_STATUS_DRAFT, &id, &prev);
	for (p = m->ids; rc == 0 && p && *p; ) {
		char *end;
		rc = cantine__meal_add(ctx, w, id, strtoll(p, &end, 10));
		p = *end == ',' ? end + 1 : end;
	}
	if (rc == 0)
		rc = cantine__meal_finish(ctx, w, id, date, &prev, CANTINE_STATUS_DRAFT);
	cantine__free(prev.dishes);
	if (rc == 0)
		rc = cantine__report_add(r, "plan.copy", CANTINE_SEVERITY_INFO, e->uai, date,
			date, -1, -1, "menu du %s copié le %s (brouillon)", src, dst);
	return rc;
}

int cantine_plan_copy(cantine_report **out, cantine_ctx *ctx, const char *uai,
		      const char *from, int weeks, const char *onto, int replace)
{
	cantine__meal_writer w = { 0 };
	cantine_report *r = NULL;
	cantine_etab *e = NULL;
	src_meal *src = NULL;
	char smon[11], dmon[11], last[11];
	int64_t shift, etab;
	int y, m, d, rc;
	size_t n = 0, i;

	*out = NULL;
	if (cantine_date_monday(smon, from) || cantine_date_monday(dmon, onto))
		return cantine__seterr(ctx, CANTINE_EINVAL, "dates invalides : écrivez-les "
			"AAAA-MM-JJ, par exemple 2026-09-07");
	if (weeks < 1 || weeks > 52)
		return cantine__seterr(ctx, CANTINE_EINVAL, "%d semaines : un cycle compte "
			"de 1 à 52 semaines", weeks);
	cantine__date_parse(smon, &y, &m, &d);
	shift = -cantine__days_from_civil(y, m, d);
	cantine__date_parse(dmon, &y, &m, &d);
	shift += cantine__days_from_civil(y, m, d);
	if (shift < (int64_t)weeks * 7 && -shift < (int64_t)weeks * 7)
		return cantine__seterr(ctx, CANTINE_EINVAL, "le cycle copié (%d semaine%s à "
			"partir du %s) et sa destination (à partir du %s) se chevauchent",
			weeks, weeks > 1 ? "s" : "", smon, dmon);
	if ((rc = cantine_etab_find(&e, ctx, uai)))
		return rc;
	if ((rc = cantine__lookup_id(ctx, "SELECT id FROM etab WHERE uai = ?1", uai, &etab,
				     NULL)) || (rc = cantine__report_new(&r))) {
		cantine_etab_free(e);
		return rc == CANTINE_ENOMEM ? cantine__seterr(ctx, rc, "mémoire insuffisante") : rc;
	}
	cantine_date_add(last, smon, weeks * 7 - 1);
	if ((rc = load_cycle(ctx, etab, smon, last, &src, &n)) || (rc = cantine__begin(ctx)))
		goto done;
	if ((rc = cantine__mw_prepare(ctx, &w)) == 0)
		for (i = 0; i < n && rc == 0; i++) {
			char date[11];
			cantine_date_add(date, src[i].date, (int)shift);
			rc = copy_meal(ctx, &w, r, e, etab, &src[i], date, replace);
		}
	cantine__mw_free(&w);
	if (rc == CANTINE_ENOMEM)
		cantine__seterr(ctx, rc, "mémoire insuffisante");
	if (rc)
		cantine__rollback(ctx);
	else
		rc = cantine__commit(ctx);
done:
	for (i = 0; i < n; i++)
		cantine__free(src[i].ids);
	cantine__free(src);
	cantine_etab_free(e);
	if (rc) {
		cantine_report_free(r);
		return rc;
	}
	*out = r;
	return 0;
}
