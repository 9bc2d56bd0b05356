/*
 * suggest_int.h: the classification suggestions of a purchase import
 * (suggest.c): what the rules of cantine/classify.h suggest for a
 * description, minus what the purchase file already declares.
 */
#ifndef CANTINE_SUGGEST_INT_H
#define CANTINE_SUGGEST_INT_H

#include "common_int.h"

typedef struct cantine__suggester cantine__suggester;

/* A purchase's suggestion: only what differs from the declared values. */
typedef struct cantine__psugg {
	unsigned    chars;  /* suggested, not declared; never FRANCE/EUROPE */
	int         family; /* another family, or CANTINE_PURCHASE_NONE */
	int         origin; /* an origin not declared, or CANTINE_PURCHASE_NONE */
	const char *rules;  /* the rules that gave them, ", " separated; ""
			     * when none; valid until the next call */
} cantine__psugg;

/* A suggester on the built-in rules, compiled once per context (kept on
 * ctx).  Returns 0, CANTINE_ENOMEM or CANTINE_ERROR. */
int cantine__suggester_new(cantine_ctx *ctx, cantine__suggester **out);
void cantine__suggester_free(cantine__suggester *sg);

/*
 * The suggestion for description `desc` (UTF-8) of a purchase declared
 * with `family` and the characteristics bits `declared`.  Returns 0;
 * CANTINE_EINVAL when a rule could not be run on the text within the
 * match limits (the message on ctx names it; *out is then empty), or
 * CANTINE_ENOMEM.
 */
int cantine__suggest(cantine__suggester *sg, const char *desc, int family,
		     unsigned declared, cantine__psugg *out);

#endif
