/*
 * match.c: identifier patterns with PCRE2.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <string.h>

#include "match_int.h"

/* Anchored at both ends by PCRE2_ANCHORED | PCRE2_ENDANCHORED. */
static const char *const patterns[CANTINE__PAT__MAX] = {
	[CANTINE__PAT_PRODUCT_CODE] = "[A-Za-z0-9][A-Za-z0-9._-]{0,31}",
	[CANTINE__PAT_TAG]          = "[a-z0-9][a-z0-9_-]{0,39}",
	/* SCDL menus collectifs 1.2.3, menuRestaurantInsee; DOMAIN Part B §7. */
	[CANTINE__PAT_INSEE]        = "(?:[013-9][0-9]|2[AB1-9])[0-9]{3}",
	/* Mainland 01–95 (no "20" since 1976: 2A and 2B), overseas 971–976. */
	[CANTINE__PAT_DEPARTEMENT]  = "(?:0[1-9]|1[0-9]|2[1-9AB]|[3-8][0-9]|9[0-5]|97[1-6])",
	[CANTINE__PAT_COUNTRY]      = "[A-Z]{2}",
};

struct cantine__matchers {
	pcre2_code *code[CANTINE__PAT__MAX];
	pcre2_match_data *md;
	pcre2_match_context *mctx;
};

void cantine__matchers_free(struct cantine__matchers *m)
{
	int i;

	if (!m)
		return;
	for (i = 0; i < CANTINE__PAT__MAX; i++)
		pcre2_code_free(m->code[i]);
	pcre2_match_data_free(m->md);
	pcre2_match_context_free(m->mctx);
	cantine__free(m);
}

static int compile(cantine_ctx *ctx, cantine__pattern p)
{
	struct cantine__matchers *m = ctx->matchers;
	int err;
	PCRE2_SIZE off;

	if (!m) {
		m = ctx->matchers = cantine__calloc(1, sizeof(*m));
		if (!m)
			return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
		m->md = pcre2_match_data_create(4, NULL);
		m->mctx = pcre2_match_context_create(NULL);
		if (!m->md || !m->mctx)
			return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
		pcre2_set_match_limit(m->mctx, 100000);
		pcre2_set_depth_limit(m->mctx, 1000);
	}
	m->code[p] = pcre2_compile((PCRE2_SPTR)patterns[p], PCRE2_ZERO_TERMINATED,
				   PCRE2_ANCHORED | PCRE2_ENDANCHORED,
				   &err, &off, NULL);
	if (!m->code[p])
		return cantine__seterr(ctx, CANTINE_ERROR,
			"erreur interne : motif %d invalide (PCRE2 %d)", (int)p, err);
	/* JIT is an optimisation: without it the interpreter is used. */
	(void)pcre2_jit_compile(m->code[p], PCRE2_JIT_COMPLETE);
	return 0;
}

int cantine__match(cantine_ctx *ctx, cantine__pattern p, const char *s)
{
	int rc;

	if (!ctx->matchers || !ctx->matchers->code[p]) {
		rc = compile(ctx, p);
		if (rc)
			return rc;
	}
	rc = pcre2_match(ctx->matchers->code[p], (PCRE2_SPTR)s, strlen(s), 0, 0,
			 ctx->matchers->md, ctx->matchers->mctx);
	if (rc >= 0)
		return 1;
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	return cantine__seterr(ctx, CANTINE_ERROR,
		"erreur interne de reconnaissance de texte (PCRE2 %d)", rc);
}
