/*
 * history.c: reading the history of the meals (migrations 002 and 004).
 */
#include <string.h>

#include "plan_int.h"

#define N_STRINGS 6 /* date, at, who, reason, before, after: owned */

typedef struct entry {
	cantine_change pub;
	char          *s[N_STRINGS];
} entry;

struct cantine_history {
	entry *items;
	size_t n, cap;
};

size_t cantine_history_count(const cantine_history *h)
{
	return h ? h->n : 0;
}

const cantine_change *cantine_history_get(const cantine_history *h, size_t i)
{
	return h && i < h->n ? &h->items[i].pub : NULL;
}

void cantine_history_free(cantine_history *h)
{
	size_t i;
	int k;

	if (!h)
		return;
	for (i = 0; i < h->n; i++)
		for (k = 0; k < N_STRINGS; k++)
			cantine__free(h->items[i].s[k]);
	cantine__free(h->items);
	cantine__free(h);
}

static int add(cantine_history *h, sqlite3_stmt *st)
{
	static const int cols[6] = { 0, 1, 4, 5, 6, 7 };
	bool oom = false;
	entry *e;
	int k;

	if (h->n == h->cap) {
		size_t cap = h->cap ? h->cap * 2 : 16;
		entry *it = cantine__realloc(h->items, cap * sizeof(*it));
		if (!it)
			return CANTINE_ENOMEM;
		h->items = it;
		h->cap = cap;
	}
	e = &h->items[h->n];
	memset(e, 0, sizeof(*e));
	for (k = 0; k < 6; k++)
		e->s[k] = cantine__column_strdup(st, cols[k], &oom);
	if (oom) {
		for (k = 0; k < N_STRINGS; k++)
			cantine__free(e->s[k]);
		return CANTINE_ENOMEM;
	}
	e->pub.date = e->s[0];
	e->pub.at = e->s[1];
	e->pub.old_status = sqlite3_column_type(st, 2) == SQLITE_NULL ? -1
			    : sqlite3_column_int(st, 2);
	e->pub.new_status = sqlite3_column_int(st, 3);
	e->pub.who = e->s[2];
	e->pub.reason = e->s[3];
	e->pub.before = e->s[4];
	e->pub.after = e->s[5];
	h->n++;
	return 0;
}

int cantine_plan_history(cantine_history **out, cantine_ctx *ctx, const char *uai,
			 const char *from, const char *to)
{
	cantine_history *h;
	sqlite3_stmt *st;
	int64_t etab;
	int rc;

	*out = NULL;
	if (cantine_date_check(from) || cantine_date_check(to) || strcmp(from, to) > 0)
		return cantine__seterr(ctx, CANTINE_EINVAL, "période invalide (du « %s » au "
			"« %s ») : donnez deux dates AAAA-MM-JJ, la première avant la seconde",
			from ? from : "", to ? to : "");
	rc = cantine__lookup_id(ctx, "SELECT id FROM etab WHERE uai = ?1", uai, &etab, NULL);
	if (rc == CANTINE_ENOTFOUND)
		return cantine__seterr(ctx, rc, "aucun établissement d'UAI « %s » dans la "
			"base", uai);
	if (rc)
		return rc;
	rc = cantine__prepare(ctx, &st,
		"SELECT m.date, h.at, h.old_status, h.new_status, h.who, h.reason, "
		"h.dishes_before, h.dishes_after FROM meal_history h "
		"JOIN meal m ON m.id = h.meal_id "
		"WHERE m.etab_id = ?1 AND m.date BETWEEN ?2 AND ?3 ORDER BY m.date, h.id");
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, etab);
	sqlite3_bind_text(st, 2, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, to, -1, SQLITE_STATIC);
	h = cantine__calloc(1, sizeof(*h));
	if (!h) {
		sqlite3_finalize(st);
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (add(h, st)) {
			rc = CANTINE_ENOMEM;
			break;
		}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		cantine_history_free(h);
		return rc == CANTINE_ENOMEM ? cantine__seterr(ctx, rc, "mémoire insuffisante")
					    : cantine__store_err(ctx, "lecture de l'historique");
	}
	*out = h;
	return 0;
}
