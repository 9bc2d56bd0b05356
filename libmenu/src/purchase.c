/*
 * purchase.c: purchases (cantine/purchase.h): ma-cantine's codes.
 */
#include <string.h>

#include "common_int.h"

/* DOMAIN Part B §1.2, in the order of cantine_characteristic. */
static const char *const codes[CANTINE_CHAR__MAX] = {
	"BIO", "CONVERSION_BIO", "LABEL_ROUGE", "AOCAOP", "IGP", "STG", "HVE",
	"PECHE_DURABLE", "RUP", "FERMIER", "COMMERCE_EQUITABLE", "EXTERNALITES",
	"PERFORMANCE", "EQUIVALENTS", "FRANCE", "EUROPE", "CIRCUIT_COURT", "LOCAL",
};

const char *cantine_characteristic_code(cantine_characteristic c)
{
	return (unsigned)c < CANTINE_CHAR__MAX ? codes[c] : NULL;
}

void cantine_purchases_suggestion_stats(const cantine_ctx *ctx,
					cantine_suggestion_stats *out)
{
	*out = ctx->suggestions;
}

/* ---- reading purchases back ---- */

void cantine_purchases_free(cantine_purchase *list, size_t n)
{
	size_t i;

	if (!list)
		return;
	for (i = 0; i < n; i++) {
		cantine__free((char *)list[i].date);
		cantine__free((char *)list[i].uai);
		cantine__free((char *)list[i].supplier);
		cantine__free((char *)list[i].description);
		cantine__free((char *)list[i].suggestion_rules);
	}
	cantine__free(list);
}

int cantine_purchases_load(cantine_ctx *ctx, const char *uai, const char *from,
			   const char *to, cantine_purchase **out, size_t *n)
{
	cantine_purchase *list = NULL, *p;
	sqlite3_stmt *st = NULL;
	size_t count = 0, cap = 0;
	int64_t etab;
	bool oom = false;
	int rc, step;

	*out = NULL;
	*n = 0;
	if (!uai)
		return cantine__seterr(ctx, CANTINE_EINVAL, "établissement non précisé");
	if (from && cantine_date_check(from) != 0)
		return cantine__seterr(ctx, CANTINE_EINVAL, "« %s » n'est pas une date "
				       "AAAA-MM-JJ qui existe", from);
	if (to && cantine_date_check(to) != 0)
		return cantine__seterr(ctx, CANTINE_EINVAL, "« %s » n'est pas une date "
				       "AAAA-MM-JJ qui existe", to);
	if (from && to && strcmp(from, to) > 0)
		return cantine__seterr(ctx, CANTINE_EINVAL, "période à l'envers : le %s est "
				       "après le %s", from, to);
	if ((rc = cantine__prepare(ctx, &st, "SELECT id FROM etab WHERE uai = ?1")))
		return rc;
	sqlite3_bind_text(st, 1, uai, -1, SQLITE_TRANSIENT);
	step = sqlite3_step(st);
	etab = step == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (step == SQLITE_DONE)
		return cantine__seterr(ctx, CANTINE_ENOTFOUND, "aucun établissement n'a l'UAI "
				       "« %s »", uai);
	if (step != SQLITE_ROW)
		return cantine__store_err(ctx, "lecture des achats");
	if ((rc = cantine__prepare(ctx, &st, "SELECT date, supplier, description, family, "
				   "characteristics, local, local_km, amount_cents, "
				   "suggested_characteristics, suggested_family, suggested_origin, "
				   "suggestion_rules FROM purchase "
				   "WHERE etab_id = ?1 AND date >= ?2 AND date <= ?3 "
				   "ORDER BY date, id")))
		return rc;
	sqlite3_bind_int64(st, 1, etab);
	sqlite3_bind_text(st, 2, from ? from : "0000-00-00", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, to ? to : "9999-99-99", -1, SQLITE_TRANSIENT);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (count == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			cantine_purchase *grown = cantine__realloc(list, ncap * sizeof(*list));
			if (!grown) {
				oom = true;
				break;
			}
			list = grown;
			cap = ncap;
		}
		p = &list[count++];
		memset(p, 0, sizeof(*p));
		p->date = cantine__column_strdup(st, 0, &oom);
		p->uai = cantine__strdup(uai);
		p->supplier = cantine__column_strdup(st, 1, &oom);
		p->description = cantine__column_strdup(st, 2, &oom);
		p->family = (cantine_family)sqlite3_column_int(st, 3);
		p->characteristics = (unsigned)sqlite3_column_int64(st, 4);
		p->local = (cantine_local)sqlite3_column_int(st, 5);
		p->local_km = sqlite3_column_int(st, 6);
		p->amount_cents = sqlite3_column_int64(st, 7);
		/* Suggestions (schema 011): never part of the counts above. */
		p->suggested_characteristics = (unsigned)sqlite3_column_int64(st, 8);
		p->suggested_family = sqlite3_column_type(st, 9) == SQLITE_NULL
			? CANTINE_PURCHASE_NONE : sqlite3_column_int(st, 9);
		p->suggested_origin = sqlite3_column_type(st, 10) == SQLITE_NULL
			? CANTINE_PURCHASE_NONE : sqlite3_column_int(st, 10);
		p->suggestion_rules = cantine__column_strdup(st, 11, &oom);
		if (!p->uai || !p->date || !p->supplier || !p->description ||
		    !p->suggestion_rules)
			oom = true;
		if (oom)
			break;
	}
	sqlite3_finalize(st);
	if (oom) {
		cantine_purchases_free(list, count);
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	}
	if (step != SQLITE_DONE) {
		cantine_purchases_free(list, count);
		return cantine__store_err(ctx, "lecture des achats");
	}
	*out = list;
	*n = count;
	return 0;
}
