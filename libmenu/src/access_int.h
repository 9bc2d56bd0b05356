/*
 * access_int.h: what the comments share with the access module.
 */
#ifndef CANTINE_ACCESS_INT_H
#define CANTINE_ACCESS_INT_H

#include "common_int.h"

/*
 * Inside the caller's write transaction: check that `user` may do
 * `action` on collège `uai` and that `token` is a valid, unexpired token
 * made for exactly that, then record it as used.  A token used before, a
 * forged one, or one for another user, action or collège is
 * CANTINE_EDENIED (message set); the caller then rolls back.
 */
int cantine__token_spend(cantine_ctx *ctx, const char *user, cantine_action action,
			 const char *uai, const char *token);

/* Seconds added to the clock of the tokens: 0, except in unit tests that
 * check expiry. */
extern long long cantine__token_clock_offset;

#endif
