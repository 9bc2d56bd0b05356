/*
 * closure_int.h: closures, for the checks.
 */
#ifndef CANTINE_CLOSURE_INT_H
#define CANTINE_CLOSURE_INT_H

#include "common_int.h"

/* 1 when establishment `etab` (store id) is closed on `date`, with the
 * reason appended to `reason` (may be NULL); 0 when open; or an error. */
int cantine__closure_reason(cantine_ctx *ctx, int64_t etab, const char *date,
			    cantine_buf *reason);

#endif
