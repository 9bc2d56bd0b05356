/*
 * absence.c: the `absences` CSV import (docs/formats.md): a pupil, or a
 * whole class (outing, exam day), announced absent from lunch over a
 * period.
 */
#include <stdio.h>
#include <string.h>

#include "attendance_int.h"
#include "names_int.h"
#include "strmap_int.h"

enum {
	AB_COL_UAI, AB_COL_ELEVE, AB_COL_CLASSE, AB_COL_DEBUT, AB_COL_FIN,
	AB_COL_MOTIF, AB_COL_JUSTIFIEE, AB_COL__MAX
};

static const cantine__col absence_cols[AB_COL__MAX] = {
	{ "uai", true }, { "eleve", false }, { "classe", false }, { "debut", true },
	{ "fin", true }, { "motif", true }, { "justifiee", false },
};

typedef struct absence_state {
	sqlite3_stmt   *find, *insert, *update;
	cantine__strmap etabs;   /* UAI → id */
	cantine__strmap pupils;  /* "uai|eleve" → pupil id */
	cantine__strmap classes; /* "uai|classe" → etab id */
	cantine__strmap seen;    /* "uai|e:eleve|debut|fin" → line */
} absence_state;

static int absence_begin(cantine__import *imp)
{
	absence_state *s = imp->state;
	int rc;

	if ((rc = cantine__prepare(imp->ctx, &s->find, "SELECT id FROM absence WHERE "
		"etab_id = ?1 AND coalesce(pupil_id, 0) = ?2 AND class = ?3 AND "
		"first_date = ?4 AND last_date = ?5")) ||
	    (rc = cantine__prepare(imp->ctx, &s->insert, "INSERT INTO absence (etab_id, "
		"pupil_id, class, first_date, last_date, reason, justified) VALUES (?1, "
		"nullif(?2, 0), ?3, ?4, ?5, ?6, ?7)")) ||
	    (rc = cantine__prepare(imp->ctx, &s->update, "UPDATE absence SET reason = ?2, "
		"justified = ?3 WHERE id = ?1")) ||
	    (rc = cantine__import_preload(imp, &s->etabs, "SELECT uai, id FROM etab")) ||
	    (rc = cantine__import_preload(imp, &s->pupils, "SELECT e.uai || '|' || p.ident, "
		"p.id FROM pupil p JOIN etab e ON e.id = p.etab_id")) ||
	    (rc = cantine__import_preload(imp, &s->classes, "SELECT DISTINCT e.uai || '|' || "
		"p.class, e.id FROM pupil p JOIN etab e ON e.id = p.etab_id WHERE p.class <> ''")))
		return rc;
	return 0;
}

/* Who is absent: exactly one of a registered pupil and a class that has
 * registered pupils.  Sets *pupil (id) or leaves it 0 for a class. */
static bool get_who(cantine__import *imp, const char *uai, int64_t *pupil,
		    const char **cls)
{
	absence_state *s = imp->state;
	const char *ident = cantine__cell(imp, AB_COL_ELEVE);
	cantine__strmap_val *v;
	char key[96];

	*cls = cantine__cell(imp, AB_COL_CLASSE);
	if (*ident && **cls) {
		cantine__problem(imp, AB_COL_CLASSE, "une ligne vise un élève ou une classe, "
				 "pas les deux ; videz la colonne eleve ou la colonne classe");
		return false;
	}
	if (!*ident && !**cls) {
		cantine__problem(imp, AB_COL_ELEVE, "ni élève ni classe : remplissez la "
				 "colonne eleve (identifiant d'un élève inscrit) ou classe "
				 "(sortie, examen)");
		return false;
	}
	snprintf(key, sizeof(key), "%s|%s", uai, *ident ? ident : *cls);
	if (*ident) {
		v = cantine__strmap_get(&s->pupils, key);
		if (!v) {
			cantine__problem(imp, AB_COL_ELEVE, "aucun élève « %s » n'est inscrit "
					 "dans l'établissement %s ; importez d'abord son "
					 "inscription, ou corrigez l'identifiant", ident, uai);
			return false;
		}
		*pupil = v->id;
		*cls = "";
		return true;
	}
	if (!cantine__strmap_get(&s->classes, key)) {
		cantine__problem(imp, AB_COL_CLASSE, "aucun élève inscrit en classe « %s » "
				 "dans l'établissement %s ; vérifiez le nom de la classe "
				 "(comme dans le fichier inscriptions)", *cls, uai);
		return false;
	}
	*pupil = 0;
	return true;
}

static int absence_row(cantine__import *imp)
{
	absence_state *s = imp->state;
	cantine__strmap_val *etab = NULL;
	const char *uai, *first = "", *last = "", *reason, *cls = "";
	int64_t pupil = 0, id = 0;
	int justified = 0, rc;
	char key[160];
	bool bad = false;

	if (cantine__get_required(imp, AB_COL_UAI, &uai)) {
		etab = cantine__strmap_get(&s->etabs, uai);
		if (!etab && cantine__problem(imp, AB_COL_UAI, "aucun établissement d'UAI "
				"« %s » dans la base ; importez d'abord le fichier etablissements, "
				"ou corrigez l'UAI", uai))
			return CANTINE_ENOMEM;
	}
	bad |= !etab;
	bad |= etab && !get_who(imp, uai, &pupil, &cls);
	bad |= !cantine__get_date(imp, AB_COL_DEBUT, &first);
	bad |= !cantine__get_date(imp, AB_COL_FIN, &last);
	bad |= !cantine__get_required(imp, AB_COL_MOTIF, &reason);
	bad |= !cantine__get_bool(imp, AB_COL_JUSTIFIEE, &justified);
	if (bad || !cantine__check_period(imp, AB_COL_DEBUT, AB_COL_FIN, first, last))
		return 0;
	snprintf(key, sizeof(key), "%s|%c:%s|%s|%s", uai, pupil ? 'e' : 'c',
		 pupil ? cantine__cell(imp, AB_COL_ELEVE) : cls, first, last);
	if ((rc = cantine__seen_once(imp, &s->seen, AB_COL_DEBUT, key, "l'absence")))
		return rc < 0 ? rc : 0;
	if (!imp->clean)
		return 0;
	sqlite3_bind_int64(s->find, 1, etab->id);
	sqlite3_bind_int64(s->find, 2, pupil);
	sqlite3_bind_text(s->find, 3, cls, -1, SQLITE_STATIC);
	sqlite3_bind_text(s->find, 4, first, -1, SQLITE_STATIC);
	sqlite3_bind_text(s->find, 5, last, -1, SQLITE_STATIC);
	if (sqlite3_step(s->find) == SQLITE_ROW)
		id = sqlite3_column_int64(s->find, 0);
	sqlite3_reset(s->find);
	if (id) {
		imp->stats.updated++;
		sqlite3_bind_int64(s->update, 1, id);
		sqlite3_bind_text(s->update, 2, reason, -1, SQLITE_STATIC);
		sqlite3_bind_int(s->update, 3, justified);
		rc = sqlite3_step(s->update);
		sqlite3_reset(s->update);
	} else {
		imp->stats.inserted++;
		sqlite3_bind_int64(s->insert, 1, etab->id);
		sqlite3_bind_int64(s->insert, 2, pupil);
		sqlite3_bind_text(s->insert, 3, cls, -1, SQLITE_STATIC);
		sqlite3_bind_text(s->insert, 4, first, -1, SQLITE_STATIC);
		sqlite3_bind_text(s->insert, 5, last, -1, SQLITE_STATIC);
		sqlite3_bind_text(s->insert, 6, reason, -1, SQLITE_STATIC);
		sqlite3_bind_int(s->insert, 7, justified);
		rc = sqlite3_step(s->insert);
		sqlite3_reset(s->insert);
	}
	return rc == SQLITE_DONE ? 0 : cantine__store_err(imp->ctx, "enregistrement d'une absence");
}

static void absence_cleanup(cantine__import *imp)
{
	absence_state *s = imp->state;

	sqlite3_finalize(s->find);
	sqlite3_finalize(s->insert);
	sqlite3_finalize(s->update);
	cantine__strmap_free(&s->etabs);
	cantine__strmap_free(&s->pupils);
	cantine__strmap_free(&s->classes);
	cantine__strmap_free(&s->seen);
}

const cantine__kind_ops cantine__absence_ops = {
	absence_cols, AB_COL__MAX, sizeof(absence_state),
	absence_begin, absence_row, NULL, absence_cleanup,
};
