/*
 * plan.c: writing meals (one lunch per establishment and date).
 */
#include <stdio.h>
#include <string.h>

#include "names_int.h"
#include "plan_int.h"

int cantine__mw_prepare(cantine_ctx *ctx, cantine__meal_writer *w)
{
	int rc;

	/* The insert returns a row only for a new meal: the common case
	 * costs one statement. */
	if ((rc = cantine__prepare(ctx, &w->insert,
		"INSERT INTO meal (etab_id, date, status) VALUES (?1, ?2, ?3) "
		"ON CONFLICT (etab_id, date) DO NOTHING RETURNING id")) ||
	    (rc = cantine__prepare(ctx, &w->find,
		"SELECT id, status FROM meal WHERE etab_id = ?1 AND date = ?2")) ||
	    (rc = cantine__prepare(ctx, &w->update, "UPDATE meal SET status = ?2 WHERE id = ?1")) ||
	    (rc = cantine__prepare(ctx, &w->clear, "DELETE FROM meal_dish WHERE meal_id = ?1")) ||
	    (rc = cantine__prepare(ctx, &w->add,
		"INSERT INTO meal_dish (meal_id, dish_id) VALUES (?1, ?2)")) ||
	    (rc = cantine__prepare(ctx, &w->dishes,
		"SELECT d.name FROM meal_dish md JOIN dish d ON d.id = md.dish_id "
		"WHERE md.meal_id = ?1 ORDER BY d.name")) ||
	    (rc = cantine__prepare(ctx, &w->history,
		"INSERT INTO meal_history (meal_id, old_status, new_status, who, reason, "
		"dishes_before, dishes_after) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")))
		return rc;
	return 0;
}

void cantine__mw_free(cantine__meal_writer *w)
{
	sqlite3_finalize(w->insert);
	sqlite3_finalize(w->find);
	sqlite3_finalize(w->update);
	sqlite3_finalize(w->clear);
	sqlite3_finalize(w->add);
	sqlite3_finalize(w->dishes);
	sqlite3_finalize(w->history);
}

static int step_done(cantine_ctx *ctx, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : cantine__store_err(ctx, what);
}

/* The meal's dishes: names sorted, joined by " | " ("" when none). */
static int meal_dishes(cantine_ctx *ctx, cantine__meal_writer *w, int64_t id, char **out)
{
	cantine_buf b = CANTINE_BUF_INIT;
	int rc;

	sqlite3_bind_int64(w->dishes, 1, id);
	while ((rc = sqlite3_step(w->dishes)) == SQLITE_ROW)
		if (cantine__buf_printf(&b, "%s%s", b.size ? " | " : "",
					(const char *)sqlite3_column_text(w->dishes, 0))) {
			rc = CANTINE_ENOMEM;
			break;
		}
	sqlite3_reset(w->dishes);
	if (rc != SQLITE_DONE) {
		cantine_buf_dispose(&b);
		return rc == CANTINE_ENOMEM ? cantine__seterr(ctx, rc, "mémoire insuffisante")
					    : cantine__store_err(ctx, "lecture d'un repas");
	}
	*out = cantine__buf_detach(&b);
	return *out ? 0 : cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
}

int cantine__meal_upsert(cantine_ctx *ctx, cantine__meal_writer *w, int64_t etab,
			 const char *date, int status, int64_t *id,
			 cantine__meal_prev *prev)
{
	int rc;

	memset(prev, 0, sizeof(*prev));
	sqlite3_bind_int64(w->insert, 1, etab);
	sqlite3_bind_text(w->insert, 2, date, -1, SQLITE_STATIC);
	sqlite3_bind_int(w->insert, 3, status);
	rc = sqlite3_step(w->insert);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(w->insert, 0);
	sqlite3_reset(w->insert);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return cantine__store_err(ctx, "enregistrement d'un repas");
	/* It existed: keep what it was, for the history. */
	sqlite3_bind_int64(w->find, 1, etab);
	sqlite3_bind_text(w->find, 2, date, -1, SQLITE_STATIC);
	rc = sqlite3_step(w->find);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(w->find, 0);
		prev->status = sqlite3_column_int(w->find, 1);
	}
	sqlite3_reset(w->find);
	if (rc != SQLITE_ROW)
		return cantine__store_err(ctx, "lecture d'un repas");
	prev->existed = true;
	if ((rc = meal_dishes(ctx, w, *id, &prev->dishes)))
		return rc;
	sqlite3_bind_int64(w->update, 1, *id);
	sqlite3_bind_int(w->update, 2, status);
	if ((rc = step_done(ctx, w->update, "mise à jour d'un repas")))
		return rc;
	sqlite3_bind_int64(w->clear, 1, *id);
	return step_done(ctx, w->clear, "mise à jour d'un repas");
}

int cantine__meal_finish(cantine_ctx *ctx, cantine__meal_writer *w, int64_t id,
			 const char *date, const cantine__meal_prev *prev, int status)
{
	char *after = NULL, day[64];
	int rc;

	if (!prev->existed)
		return 0; /* creation: recorded by the insert trigger */
	if ((rc = meal_dishes(ctx, w, id, &after)))
		return rc;
	if (prev->status == status && strcmp(prev->dishes, after) == 0) {
		cantine__free(after);
		return 0;
	}
	/* Families read published menus: changing one must be explained, and
	 * the explanation is kept (issue 3, publication workflow). */
	if (prev->status == CANTINE_STATUS_PUBLISHED && (!ctx->reason || !*ctx->reason)) {
		cantine__free(after);
		cantine_date_french(day, sizeof(day), date);
		return cantine__seterr(ctx, CANTINE_EINVAL, "le menu du %s est publié : "
			"le modifier demande une raison (option --raison), gardée dans "
			"l'historique que les familles peuvent consulter", day);
	}
	sqlite3_bind_int64(w->history, 1, id);
	sqlite3_bind_int(w->history, 2, prev->status);
	sqlite3_bind_int(w->history, 3, status);
	cantine__bind_text_or_null(w->history, 4, ctx->who);
	cantine__bind_text_or_null(w->history, 5, ctx->reason);
	sqlite3_bind_text(w->history, 6, prev->dishes, -1, SQLITE_STATIC);
	sqlite3_bind_text(w->history, 7, after, -1, SQLITE_STATIC);
	rc = step_done(ctx, w->history, "historique d'un repas");
	cantine__free(after);
	return rc;
}

int cantine__meal_add(cantine_ctx *ctx, cantine__meal_writer *w, int64_t meal, int64_t dish)
{
	int rc;

	sqlite3_bind_int64(w->add, 1, meal);
	sqlite3_bind_int64(w->add, 2, dish);
	rc = sqlite3_step(w->add);
	sqlite3_reset(w->add);
	return rc == SQLITE_DONE ? 0 : cantine__store_err(ctx, "ajout d'un plat au menu");
}

int cantine__lookup_id(cantine_ctx *ctx, const char *sql, const char *key,
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
	cantine__meal_writer w = { 0 };
	cantine__meal_prev prev = { 0 };
	int64_t etab, meal, dish;
	size_t i;
	int rc;

	if (cantine_date_check(date))
		return cantine__seterr(ctx, CANTINE_EINVAL, "« %s » n'est pas une date "
			"valide (AAAA-MM-JJ)", date ? date : "");
	if ((unsigned)status >= CANTINE_STATUS__MAX)
		return cantine__seterr(ctx, CANTINE_EINVAL, "statut inconnu ; valeurs "
			"possibles : %s", cantine__status_list());
	rc = cantine__lookup_id(ctx, "SELECT id FROM etab WHERE uai = ?1", uai, &etab, NULL);
	if (rc == CANTINE_ENOTFOUND)
		return cantine__seterr(ctx, rc, "aucun établissement d'UAI « %s »", uai);
	if (rc)
		return rc;
	if ((rc = cantine__begin(ctx)))
		return rc;
	if ((rc = cantine__mw_prepare(ctx, &w)) ||
	    (rc = cantine__meal_upsert(ctx, &w, etab, date, (int)status, &meal, &prev)))
		goto out;
	for (i = 0; i < n && rc == 0; i++) {
		rc = cantine__lookup_id(ctx, "SELECT id FROM dish WHERE name = ?1", dishes[i], &dish, NULL);
		if (rc == CANTINE_ENOTFOUND)
			rc = cantine__seterr(ctx, rc, "aucune recette « %s »", dishes[i]);
		if (rc == 0)
			rc = cantine__meal_add(ctx, &w, meal, dish);
		if (rc == CANTINE_ESTORE && sqlite3_extended_errcode(ctx->db) ==
		    SQLITE_CONSTRAINT_PRIMARYKEY)
			rc = cantine__seterr(ctx, CANTINE_EINVAL, "« %s » figure deux fois "
				"au menu du %s", dishes[i], date);
	}
	if (rc == 0)
		rc = cantine__meal_finish(ctx, &w, meal, date, &prev, (int)status);
out:
	cantine__free(prev.dishes);
	cantine__mw_free(&w);
	if (rc) {
		cantine__rollback(ctx);
		return rc;
	}
	return cantine__commit(ctx);
}
