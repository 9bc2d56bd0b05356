/*
 * closure_int.h: closures, for the checks.
 */
#ifndef CANTINE_CLOSURE_INT_H
#define CANTINE_CLOSURE_INT_H

#include "common_int.h"

/* 1 when establishment `etab` (store id) is closed on `date` (a closure or
 * a school or public holiday, as cantine__closures_find()), with the
 * reason appended to `reason` (may be NULL); 0 when open; or an error. */
int cantine__closure_reason(cantine_ctx *ctx, int64_t etab, const char *date,
			    cantine_buf *reason);

/* The closures of an establishment overlapping [from, to], loaded once
 * for a whole check, and its département for the holidays of calendar.c.
 * Free with cantine__closures_free(). */
typedef struct cantine__closures {
	struct { char first[11], last[11]; char *reason; } *at;
	size_t n;
	char dept[4];
} cantine__closures;

int cantine__closures_load(cantine_ctx *ctx, int64_t etab, const char *from,
			   const char *to, cantine__closures *out);
/* The reason `date` is closed (a closure of the store first, then a school
 * or public holiday), or NULL when open (borrowed). */
const char *cantine__closures_find(const cantine__closures *c, const char *date);
/* The reason of a closure of the store on `date` (not the holidays), or
 * NULL (borrowed). */
const char *cantine__closures_store(const cantine__closures *c, const char *date);
void cantine__closures_free(cantine__closures *c);

#endif
