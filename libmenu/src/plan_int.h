/*
 * plan_int.h: writing meals, shared by the plan API and the menus import.
 */
#ifndef CANTINE_PLAN_INT_H
#define CANTINE_PLAN_INT_H

#include "model_int.h"

typedef struct cantine__meal_writer {
	sqlite3_stmt *insert, *find, *update, *clear, *add, *dishes, *history;
} cantine__meal_writer;

/* What an existing meal was before it is rewritten. */
typedef struct cantine__meal_prev {
	bool  existed;
	int   status;
	char *dishes; /* dish names, sorted, joined by " | "; owned */
} cantine__meal_prev;

int  cantine__mw_prepare(cantine_ctx *ctx, cantine__meal_writer *w);
void cantine__mw_free(cantine__meal_writer *w);
/* Create or update the meal of (etab, date) with `status` and empty its
 * list of dishes; *id receives it, *prev what it was (free prev->dishes). */
int  cantine__meal_upsert(cantine_ctx *ctx, cantine__meal_writer *w, int64_t etab,
			  const char *date, int status, int64_t *id,
			  cantine__meal_prev *prev);
/* Once its dishes are written: when an existing meal changed, record the
 * change (who, why, before, after) in its history; a change to a
 * published meal without a reason (cantine_ctx_set_change) is refused
 * with CANTINE_EINVAL and a French message. */
int  cantine__meal_finish(cantine_ctx *ctx, cantine__meal_writer *w, int64_t id,
			  const char *date, const cantine__meal_prev *prev, int status);
int  cantine__meal_add(cantine_ctx *ctx, cantine__meal_writer *w, int64_t meal,
		       int64_t dish);
/* The id (and, when aux is not NULL, the second column) of the row that
 * `sql` finds for `key`; CANTINE_ENOTFOUND when none. */
int  cantine__lookup_id(cantine_ctx *ctx, const char *sql, const char *key,
			int64_t *id, int *aux);

/* Inside the caller's transaction: set `status` on the meals of `etab`
 * dated `from` to `to` whose status is in `from_mask` (bits 1u <<
 * cantine_status) and differs from `status`, keeping their dishes and
 * recording the history; *changed receives how many. */
int  cantine__plan_status_tx(cantine_ctx *ctx, int64_t etab, const char *from,
			     const char *to, cantine_status status, unsigned from_mask,
			     size_t *changed);

#endif
