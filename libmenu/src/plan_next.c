/*
 * plan_next.c: where the next meals of a status are (cantine_plan_next()),
 * for the committee's page, which opens on the next proposed week.
 */
#include <stdio.h>

#include "common_int.h"

int cantine_plan_next(cantine_ctx *ctx, const char *uai, const char *from,
		      cantine_status status, char out[11])
{
	sqlite3_stmt *st;
	int rc;

	out[0] = '\0';
	if (!from || cantine_date_check(from) || (unsigned)status >= CANTINE_STATUS__MAX)
		return cantine__seterr(ctx, CANTINE_EINVAL, "date ou statut invalide");
	if ((rc = cantine__prepare(ctx, &st, "SELECT min(m.date) FROM meal m JOIN etab e "
		"ON e.id = m.etab_id WHERE e.uai = ?1 AND m.date >= ?2 AND m.status = ?3")))
		return rc;
	sqlite3_bind_text(st, 1, uai ? uai : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, from, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, (int)status);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		snprintf(out, 11, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return cantine__store_err(ctx, "lecture des repas");
	if (!out[0])
		return cantine__seterr(ctx, CANTINE_ENOTFOUND, "aucun repas « %s » à partir "
				       "du %s", cantine_status_name(status), from);
	return 0;
}
