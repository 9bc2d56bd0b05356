/*
 * suggest.c: classification suggestions for the purchases of an import
 * (suggest_int.h).
 *
 * Issue 5, item 3: "A suggestion is marked as such and never overrides
 * what the file declares".  The declared family and characteristics are
 * what the EGALIM counts use (DOMAIN Part B §1.2–1.3); this module only
 * says what the rules see beyond them, and the import stores that in
 * columns of its own (schema 011).
 *
 * Running 41 rules on 625,000 descriptions is most of the cost of a large
 * import, and invoice files repeat their wordings: the result of each
 * description is remembered in a hash map, bounded (CACHE_MAX
 * descriptions, then forgotten all at once), so the results are the same
 * as classifying every line and memory stays bounded.
 */
#include <string.h>

#include "strmap_int.h"
#include "suggest_int.h"

#include "cantine/classify.h"

/* Descriptions remembered at once (a few hundred KiB). */
#define CACHE_MAX 8192u

#define ORIGINS ((1u << CANTINE_CHAR_FRANCE) | (1u << CANTINE_CHAR_EUROPE))

/* What the rules say of one description. */
struct result {
	int      family;
	size_t   family_rule;
	unsigned chars;
	int      origin;
	size_t   n;          /* rules that matched, in the rules' order */
	size_t   rules[];
};

struct cantine__suggester {
	cantine_ctx              *ctx;
	const cantine_classifier *c;
	cantine__strmap           cache;
	cantine_buf               names;
};

static void cache_clear(cantine__strmap *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		if (cantine__strmap_key(m, i))
			cantine__free(m->vals[i].ptr);
	cantine__strmap_free(m);
	memset(m, 0, sizeof(*m));
}

int cantine__suggester_new(cantine_ctx *ctx, cantine__suggester **out)
{
	cantine__suggester *sg;
	int rc;

	*out = NULL;
	/* The built-in rules are compiled (JIT) once per context. */
	if (!ctx->classifier && (rc = cantine_classifier_builtin(ctx, &ctx->classifier)))
		return rc;
	if (!(sg = cantine__calloc(1, sizeof(*sg))))
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	sg->ctx = ctx;
	sg->c = ctx->classifier;
	*out = sg;
	return 0;
}

void cantine__suggester_free(cantine__suggester *sg)
{
	if (!sg)
		return;
	cache_clear(&sg->cache);
	cantine_buf_dispose(&sg->names);
	cantine__free(sg);
}

/* Classify `desc` into a new result (cantine__malloc). */
static int classify(cantine__suggester *sg, const char *desc, struct result **out)
{
	cantine_suggestion s;
	struct result *r;
	size_t i;
	int rc;

	*out = NULL;
	if ((rc = cantine_classify(sg->ctx, sg->c, desc, &s)))
		return rc;
	r = cantine__malloc(sizeof(*r) + s.n_matches * sizeof(r->rules[0]));
	if (!r) {
		cantine_suggestion_dispose(&s);
		return CANTINE_ENOMEM;
	}
	r->family = s.family;
	r->family_rule = s.family_rule;
	r->chars = s.characteristics & ~ORIGINS;
	r->origin = s.origin;
	r->n = s.n_matches;
	for (i = 0; i < s.n_matches; i++)
		r->rules[i] = s.matches[i].rule;
	cantine_suggestion_dispose(&s);
	*out = r;
	return 0;
}

/* The result for `desc`, from the cache or classified now (borrowed). */
static int lookup(cantine__suggester *sg, const char *desc, const struct result **out)
{
	cantine__strmap_val *v = cantine__strmap_get(&sg->cache, desc);
	struct result *r;
	int added, rc;

	if (v) {
		*out = v->ptr;
		return 0;
	}
	if ((rc = classify(sg, desc, &r)))
		return rc;
	if (sg->cache.n >= CACHE_MAX)
		cache_clear(&sg->cache);
	if (!(v = cantine__strmap_put(&sg->cache, desc, &added))) {
		cantine__free(r);
		return CANTINE_ENOMEM;
	}
	v->ptr = r;
	*out = r;
	return 0;
}

int cantine__suggest(cantine__suggester *sg, const char *desc, int family,
		     unsigned declared, cantine__psugg *out)
{
	const struct result *r;
	int declared_origin, rc;
	size_t i;

	out->chars = 0;
	out->family = CANTINE_PURCHASE_NONE;
	out->origin = CANTINE_PURCHASE_NONE;
	out->rules = "";
	if ((rc = lookup(sg, desc, &r)))
		return rc == CANTINE_ENOMEM
			? cantine__seterr(sg->ctx, rc, "mémoire insuffisante") : rc;
	/* Never what the file declares: a suggestion only adds to it. */
	out->chars = r->chars & ~declared;
	if (r->family != CANTINE_CLASSIFY_NONE && r->family != family)
		out->family = r->family;
	declared_origin = declared & (1u << CANTINE_CHAR_FRANCE) ? CANTINE_CHAR_FRANCE
		: declared & (1u << CANTINE_CHAR_EUROPE) ? CANTINE_CHAR_EUROPE
		: CANTINE_PURCHASE_NONE;
	if (r->origin != CANTINE_CLASSIFY_NONE && r->origin != declared_origin)
		out->origin = r->origin;
	if (!out->chars && out->family == CANTINE_PURCHASE_NONE &&
	    out->origin == CANTINE_PURCHASE_NONE)
		return 0;
	/* Name the rules that gave what is kept. */
	sg->names.size = 0;
	for (i = 0; i < r->n; i++) {
		const cantine_classify_rule *rule = cantine_classifier_rule(sg->c, r->rules[i]);

		if (!(rule->characteristics & out->chars) &&
		    !(out->family != CANTINE_PURCHASE_NONE && r->rules[i] == r->family_rule) &&
		    !(out->origin != CANTINE_PURCHASE_NONE && rule->origin == out->origin))
			continue;
		if (cantine__buf_printf(&sg->names, "%s%s", sg->names.size ? ", " : "",
					rule->name))
			return cantine__seterr(sg->ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	}
	out->rules = sg->names.size ? sg->names.ptr : "";
	return 0;
}
