/*
 * closure.c: days an establishment is closed: the `fermetures` CSV import,
 * and the look-up the checks and views use, which adds the school and public
 * holidays of calendar.c to the store's closures.
 */
#include <stdio.h>
#include <string.h>

#include "calendar_int.h"
#include "closure_int.h"
#include "plan_int.h"
#include "strmap_int.h"
#include "text_int.h"

int cantine__closure_reason(cantine_ctx *ctx, int64_t etab, const char *date,
			    cantine_buf *reason)
{
	cantine__closures cl;
	const char *why;
	int rc;

	if ((rc = cantine__closures_load(ctx, etab, date, date, &cl)))
		return rc;
	why = cantine__closures_find(&cl, date);
	rc = why != NULL;
	if (why && reason && cantine__buf_puts(reason, why))
		rc = cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	cantine__closures_free(&cl);
	return rc;
}

int cantine__closures_load(cantine_ctx *ctx, int64_t etab, const char *from,
			   const char *to, cantine__closures *out)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = cantine__prepare(ctx, &st,
		"SELECT departement FROM etab WHERE id = ?1")))
		return rc;
	sqlite3_bind_int64(st, 1, etab);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(out->dept, sizeof(out->dept), "%s",
			 (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return cantine__store_err(ctx, "lecture de l'établissement");
	if ((rc = cantine__prepare(ctx, &st,
		"SELECT first_date, last_date, reason FROM closure WHERE etab_id = ?1 "
		"AND last_date >= ?2 AND first_date <= ?3 ORDER BY first_date")))
		return rc;
	sqlite3_bind_int64(st, 1, etab);
	sqlite3_bind_text(st, 2, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, to, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		bool oom = false;
		if (out->n == cap) {
			size_t nc = cap ? cap * 2 : 8;
			void *p = cantine__realloc(out->at, nc * sizeof(*out->at));
			if (!p) {
				rc = CANTINE_ENOMEM;
				break;
			}
			out->at = p;
			cap = nc;
		}
		snprintf(out->at[out->n].first, 11, "%s", (const char *)sqlite3_column_text(st, 0));
		snprintf(out->at[out->n].last, 11, "%s", (const char *)sqlite3_column_text(st, 1));
		out->at[out->n].reason = cantine__column_strdup(st, 2, &oom);
		if (oom) {
			rc = CANTINE_ENOMEM;
			break;
		}
		out->n++;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return 0;
	cantine__closures_free(out);
	return rc == CANTINE_ENOMEM ? cantine__seterr(ctx, rc, "mémoire insuffisante")
				    : cantine__store_err(ctx, "lecture des fermetures");
}

const char *cantine__closures_store(const cantine__closures *c, const char *date)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (strcmp(c->at[i].first, date) <= 0 && strcmp(date, c->at[i].last) <= 0)
			return c->at[i].reason;
	return NULL;
}

const char *cantine__closures_find(const cantine__closures *c, const char *date)
{
	const char *r = cantine__closures_store(c, date);

	return r ? r : cantine__day_off(c->dept, date);
}

void cantine__closures_free(cantine__closures *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		cantine__free(c->at[i].reason);
	cantine__free(c->at);
	memset(c, 0, sizeof(*c));
}

int cantine_closed(cantine_ctx *ctx, const char *uai, const char *date,
		   cantine_buf *reason)
{
	int64_t etab;
	int rc;

	if (cantine_date_check(date))
		return cantine__seterr(ctx, CANTINE_EINVAL, "« %s » n'est pas une date "
			"valide (AAAA-MM-JJ)", date ? date : "");
	rc = cantine__lookup_id(ctx, "SELECT id FROM etab WHERE uai = ?1", uai, &etab, NULL);
	if (rc == CANTINE_ENOTFOUND)
		return cantine__seterr(ctx, rc, "aucun établissement d'UAI « %s »", uai);
	return rc ? rc : cantine__closure_reason(ctx, etab, date, reason);
}

/* ---- CSV import (docs/formats.md, `fermetures`) ---- */

enum { CL_COL_UAI, CL_COL_DEBUT, CL_COL_FIN, CL_COL_MOTIF, CL_COL__MAX };

static const cantine__col closure_cols[CL_COL__MAX] = {
	{ "uai", true }, { "debut", true }, { "fin", true }, { "motif", true },
};

/* etabs: UAI → id; seen: "uai|debut|fin" → line */
typedef cantine__keyed closure_state;

static int closure_begin(cantine__import *imp)
{
	closure_state *s = imp->state;
	int rc;

	if ((rc = cantine__prepare(imp->ctx, &s->upsert,
		"INSERT INTO closure (etab_id, first_date, last_date, reason) "
		"VALUES (?1, ?2, ?3, ?4) ON CONFLICT (etab_id, first_date, last_date) "
		"DO UPDATE SET reason = ?4")) ||
	    (rc = cantine__prepare(imp->ctx, &s->exists, "SELECT 1 FROM closure WHERE "
		"etab_id = ?1 AND first_date = ?2 AND last_date = ?3")) ||
	    (rc = cantine__import_preload(imp, &s->etabs, "SELECT uai, id FROM etab")))
		return rc;
	return 0;
}

static bool get_date(cantine__import *imp, int col, const char **out)
{
	int y, m, d;

	if (!cantine__get_required(imp, col, out))
		return false;
	if (cantine__date_parse(*out, &y, &m, &d))
		return true;
	cantine__problem(imp, col, "« %s » n'est pas une date du calendrier ; écrivez-la "
			 "AAAA-MM-JJ, par exemple 2026-10-17", *out);
	return false;
}

static int closure_row(cantine__import *imp)
{
	closure_state *s = imp->state;
	cantine__strmap_val *etab = NULL;
	const char *uai, *first, *last, *reason;
	char key[64];
	bool bad = false;
	int rc;

	if (cantine__get_required(imp, CL_COL_UAI, &uai)) {
		etab = cantine__strmap_get(&s->etabs, uai);
		if (!etab && cantine__problem(imp, CL_COL_UAI, "aucun établissement d'UAI "
				"« %s » dans la base ; importez d'abord le fichier etablissements, "
				"ou corrigez l'UAI", uai))
			return CANTINE_ENOMEM;
	}
	bad |= !etab;
	bad |= !get_date(imp, CL_COL_DEBUT, &first);
	bad |= !get_date(imp, CL_COL_FIN, &last);
	bad |= !cantine__get_required(imp, CL_COL_MOTIF, &reason);
	if (bad)
		return 0;
	if (strcmp(first, last) > 0)
		return cantine__problem(imp, CL_COL_FIN, "la fermeture finit le %s, avant de "
			"commencer le %s ; inversez les deux dates", last, first);
	snprintf(key, sizeof(key), "%s|%s|%s", uai, first, last);
	if ((rc = cantine__seen_once(imp, &s->seen, CL_COL_DEBUT, key, "la fermeture")))
		return rc < 0 ? rc : 0;
	if (!imp->clean)
		return 0;
	sqlite3_bind_int64(s->exists, 1, etab->id);
	sqlite3_bind_text(s->exists, 2, first, -1, SQLITE_STATIC);
	sqlite3_bind_text(s->exists, 3, last, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s->upsert, 1, etab->id);
	sqlite3_bind_text(s->upsert, 2, first, -1, SQLITE_STATIC);
	sqlite3_bind_text(s->upsert, 3, last, -1, SQLITE_STATIC);
	sqlite3_bind_text(s->upsert, 4, reason, -1, SQLITE_STATIC);
	return cantine__keyed_write(imp, s, "enregistrement d'une fermeture");
}

const cantine__kind_ops cantine__closure_ops = {
	closure_cols, CL_COL__MAX, sizeof(closure_state),
	closure_begin, closure_row, NULL, cantine__keyed_cleanup,
};
