/*
 * ticket.c: the `repas` CSV import (docs/formats.md): the meals pupils
 * took on ticket (from the badge reader or the ticket register), billed
 * at the ticket price by the term bills (cantine/billing.h).
 */
#include <stdio.h>
#include <string.h>

#include "attendance_int.h"
#include "closure_int.h"
#include "strmap_int.h"
#include "text_int.h"

enum { TK_COL_UAI, TK_COL_ELEVE, TK_COL_DATE, TK_COL__MAX };

static const cantine__col ticket_cols[TK_COL__MAX] = {
	{ "uai", true }, { "eleve", true }, { "date", true },
};

typedef struct ticket_state {
	cantine__keyed  k;       /* etabs: UAI → id, service days; seen:
	                          * "uai|eleve|date" → line (first member:
	                          * cantine__keyed_cleanup frees it) */
	cantine__strmap pupils;  /* "uai|eleve" → pupil id */
	sqlite3_stmt   *pupil;   /* a pupil's régime, days and registration */
} ticket_state;

static int ticket_begin(cantine__import *imp)
{
	ticket_state *s = imp->state;
	int rc;

	if ((rc = cantine__prepare(imp->ctx, &s->k.upsert, "INSERT INTO ticket_meal "
		"(etab_id, pupil_id, date) VALUES (?1, ?2, ?3) ON CONFLICT (pupil_id, date) "
		"DO NOTHING")) ||
	    (rc = cantine__prepare(imp->ctx, &s->k.exists, "SELECT 1 FROM ticket_meal WHERE "
		"pupil_id = ?1 AND date = ?2")) ||
	    (rc = cantine__prepare(imp->ctx, &s->pupil, "SELECT regime, days, first_date, "
		"last_date FROM pupil WHERE id = ?1")) ||
	    (rc = cantine__import_preload(imp, &s->k.etabs, "SELECT uai, id, service_days "
		"FROM etab")) ||
	    (rc = cantine__import_preload(imp, &s->pupils, "SELECT e.uai || '|' || p.ident, "
		"p.id FROM pupil p JOIN etab e ON e.id = p.etab_id")))
		return rc;
	return 0;
}

/* 1 after a problem was reported, or the error of reporting it. */
static int reported(int rc)
{
	return rc ? rc : 1;
}

/* A meal on ticket is possible on `date` when the establishment serves
 * and is open, the pupil is registered, and the day is not one his
 * forfait already pays.  Returns 0, 1 (reported) or an error. */
static int check_day(cantine__import *imp, const cantine__strmap_val *etab,
		     int64_t pupil, const char *ident, const char *date)
{
	ticket_state *s = imp->state;
	cantine_buf why = CANTINE_BUF_INIT;
	int y, m, d, w, regime, rc;
	unsigned days;
	char first[11], last[11];

	cantine__date_parse(date, &y, &m, &d);
	w = cantine__weekday(cantine__days_from_civil(y, m, d));
	if (!((unsigned)etab->aux & (1u << w)))
		return reported(cantine__problem(imp, TK_COL_DATE, "le %s est un %s, jour où "
			"l'établissement ne sert pas ; corrigez la date", date,
			cantine_day_name(1u << w)));
	if ((rc = cantine__closure_reason(imp->ctx, etab->id, date, &why)) < 0) {
		cantine_buf_dispose(&why);
		return rc;
	}
	if (rc == 1) {
		rc = reported(cantine__problem(imp, TK_COL_DATE, "l'établissement est fermé le %s (%s) : "
				      "aucun repas n'y a été servi ; corrigez la date", date,
				      why.ptr ? why.ptr : ""));
		cantine_buf_dispose(&why);
		return rc;
	}
	cantine_buf_dispose(&why);
	sqlite3_bind_int64(s->pupil, 1, pupil);
	if (sqlite3_step(s->pupil) != SQLITE_ROW) {
		sqlite3_reset(s->pupil);
		return cantine__store_err(imp->ctx, "lecture d'une inscription");
	}
	regime = sqlite3_column_int(s->pupil, 0);
	days = (unsigned)sqlite3_column_int(s->pupil, 1);
	snprintf(first, sizeof(first), "%s", (const char *)sqlite3_column_text(s->pupil, 2));
	snprintf(last, sizeof(last), "%s", (const char *)sqlite3_column_text(s->pupil, 3));
	sqlite3_reset(s->pupil);
	if (strcmp(date, first) < 0 || strcmp(date, last) > 0)
		return reported(cantine__problem(imp, TK_COL_DATE, "le %s est hors de l'inscription de "
			"l'élève %s (du %s au %s) ; corrigez la date, ou son inscription", date,
			ident, first, last));
	if ((regime == CANTINE_REGIME_DP4 || regime == CANTINE_REGIME_DP5) &&
	    (days & (1u << w)))
		return reported(cantine__problem(imp, TK_COL_DATE, "le %s, l'élève %s mange au titre de "
			"son forfait (%s) : ce repas est déjà facturé ; retirez la ligne", date,
			ident, cantine_regime_code((cantine_regime)regime)));
	return 0;
}

static int ticket_row(cantine__import *imp)
{
	ticket_state *s = imp->state;
	cantine__strmap_val *etab = NULL, *pupil = NULL;
	const char *uai, *ident = "", *date = "";
	char key[160];
	bool bad = false;
	int rc;

	if (cantine__get_required(imp, TK_COL_UAI, &uai)) {
		etab = cantine__strmap_get(&s->k.etabs, uai);
		if (!etab && cantine__problem(imp, TK_COL_UAI, "aucun établissement d'UAI "
				"« %s » dans la base ; importez d'abord le fichier etablissements, "
				"ou corrigez l'UAI", uai))
			return CANTINE_ENOMEM;
	}
	bad |= !etab;
	if (cantine__get_required(imp, TK_COL_ELEVE, &ident) && etab) {
		snprintf(key, sizeof(key), "%s|%s", uai, ident);
		if (!(pupil = cantine__strmap_get(&s->pupils, key)) &&
		    cantine__problem(imp, TK_COL_ELEVE, "aucun élève « %s » n'est inscrit dans "
				     "l'établissement %s ; importez d'abord son inscription, ou "
				     "corrigez l'identifiant", ident, uai))
			return CANTINE_ENOMEM;
	}
	bad |= !pupil;
	bad |= !cantine__get_date(imp, TK_COL_DATE, &date);
	if (bad)
		return 0;
	if ((rc = check_day(imp, etab, pupil->id, ident, date)))
		return rc < 0 ? rc : 0;
	snprintf(key, sizeof(key), "%s|%s|%s", uai, ident, date);
	if ((rc = cantine__seen_once(imp, &s->k.seen, TK_COL_DATE, key, "le repas")))
		return rc < 0 ? rc : 0;
	if (!imp->clean)
		return 0;
	sqlite3_bind_int64(s->k.exists, 1, pupil->id);
	sqlite3_bind_text(s->k.exists, 2, date, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s->k.upsert, 1, etab->id);
	sqlite3_bind_int64(s->k.upsert, 2, pupil->id);
	sqlite3_bind_text(s->k.upsert, 3, date, -1, SQLITE_STATIC);
	return cantine__keyed_write(imp, &s->k, "enregistrement d'un repas au ticket");
}

static void ticket_cleanup(cantine__import *imp)
{
	ticket_state *s = imp->state;

	cantine__keyed_cleanup(imp);
	cantine__strmap_free(&s->pupils);
	sqlite3_finalize(s->pupil);
}

const cantine__kind_ops cantine__ticket_ops = {
	ticket_cols, TK_COL__MAX, sizeof(ticket_state),
	ticket_begin, ticket_row, NULL, ticket_cleanup,
};
