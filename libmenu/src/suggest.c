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
 * description is remembered in a direct-mapped cache (CACHE_SLOTS slots,
 * a new description replacing the one in its slot; descriptions longer
 * than CACHE_MAX_KEY are not kept), so the results are those of
 * classifying every line, one-off wordings (lot numbers) do not flush the
 * frequent ones, and memory stays bounded (a few MiB at most).
 */
#include <string.h>

#include "suggest_int.h"

#include "cantine/classify.h"

/* Descriptions remembered at once (a power of two), and the longest kept. */
#define CACHE_SLOTS 16384u
#define CACHE_MAX_KEY 256u

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

struct slot {
	uint64_t       hash;
	char          *key;   /* NULL: empty */
	struct result *r;
};

struct cantine__suggester {
	cantine_ctx              *ctx;
	const cantine_classifier *c;
	struct slot              *cache; /* CACHE_SLOTS */
	struct result            *uncached; /* the last long description's */
	cantine_buf               names;
};

/* FNV-1a, 64 bits. */
static uint64_t hash(const char *s, size_t *len)
{
	uint64_t h = 14695981039346656037ULL;
	const char *p = s;

	for (; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	*len = (size_t)(p - s);
	return h;
}

int cantine__suggester_new(cantine_ctx *ctx, cantine__suggester **out)
{
	cantine__suggester *sg;
	int rc;

	*out = NULL;
	/* The built-in rules are compiled (JIT) once per context. */
	if (!ctx->classifier && (rc = cantine_classifier_builtin(ctx, &ctx->classifier)))
		return rc;
	if (!(sg = cantine__calloc(1, sizeof(*sg))) ||
	    !(sg->cache = cantine__calloc(CACHE_SLOTS, sizeof(*sg->cache)))) {
		cantine__free(sg);
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	}
	sg->ctx = ctx;
	sg->c = ctx->classifier;
	*out = sg;
	return 0;
}

void cantine__suggester_free(cantine__suggester *sg)
{
	size_t i;

	if (!sg)
		return;
	for (i = 0; i < CACHE_SLOTS; i++) {
		cantine__free(sg->cache[i].key);
		cantine__free(sg->cache[i].r);
	}
	cantine__free(sg->cache);
	cantine__free(sg->uncached);
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

/* The result for `desc`, from the cache or classified now (borrowed until
 * the next call). */
static int lookup(cantine__suggester *sg, const char *desc, const struct result **out)
{
	size_t len;
	uint64_t h = hash(desc, &len);
	struct slot *sl = &sg->cache[h & (CACHE_SLOTS - 1)];
	struct result *r;
	char *key;
	int rc;

	if (sl->key && sl->hash == h && strcmp(sl->key, desc) == 0) {
		*out = sl->r;
		return 0;
	}
	if ((rc = classify(sg, desc, &r)))
		return rc;
	if (len > CACHE_MAX_KEY) {
		cantine__free(sg->uncached);
		*out = sg->uncached = r;
		return 0;
	}
	if (!(key = cantine__strndup(desc, len))) {
		cantine__free(r);
		return CANTINE_ENOMEM;
	}
	cantine__free(sl->key);
	cantine__free(sl->r);
	sl->hash = h;
	sl->key = key;
	sl->r = r;
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
