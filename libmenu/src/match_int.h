/*
 * match_int.h: identifier patterns, matched with PCRE2 (ARCHITECTURE §8):
 * compiled once per context (JIT when available), run with match and depth
 * limits.
 */
#ifndef CANTINE_MATCH_INT_H
#define CANTINE_MATCH_INT_H

#include <stdbool.h>

#include "common_int.h"

typedef enum cantine__pattern {
	CANTINE__PAT_PRODUCT_CODE, /* letters, digits, '-', '_', '.'; ≤ 32 */
	CANTINE__PAT_TAG,          /* lower-case word: a-z 0-9 '_' '-'; ≤ 40 */
	CANTINE__PAT_INSEE,        /* INSEE commune code */
	CANTINE__PAT_DEPARTEMENT,  /* département code */
	CANTINE__PAT_COUNTRY,      /* ISO 3166-1 alpha-2 */
	CANTINE__PAT__MAX
} cantine__pattern;

/* Does the whole of `s` match pattern `p`?  Returns 1, 0, or a negative
 * error code (set on ctx) when the pattern could not be compiled or run. */
int cantine__match(cantine_ctx *ctx, cantine__pattern p, const char *s);

void cantine__matchers_free(struct cantine__matchers *m);

#endif
