/*
 * cantine/classify.h: suggestions of family, characteristics and origin
 * for the wording of an invoice line ("STEAK HACHE 15%MG VBF LABEL ROUGE").
 *
 * A classifier is a list of rules, each a PCRE2 pattern with what its
 * match suggests (docs/formats.md, "Règles de classification"): the rules
 * shipped with the library (libmenu/data/classification.csv, built in) or
 * a site's own file.  Every pattern is compiled once when the rules are
 * loaded (JIT when available), matched case-insensitively and
 * accent-insensitively, between word boundaries (a letter or digit may
 * neither precede nor follow the match), under match, depth and heap
 * limits so that no text makes a match run away.
 *
 * What comes out is a **suggestion**, for a person to confirm: nothing
 * here writes into a purchase, and a suggestion never overrides what a
 * purchase file declares (a family or a label given by the file wins).
 *
 * The suggested family is the family of the first rule, in the file's
 * order, that matches and carries one: the rules file lists specific
 * rules ("JAMBON" → CHARCUTERIE) before general ones, so that its order is
 * the tie-break a reader can see and change.  The characteristics are the
 * union of those of every matching rule; the origin is the one the
 * matching rules agree on.
 */
#ifndef CANTINE_CLASSIFY_H
#define CANTINE_CLASSIFY_H

#include <stdbool.h>

#include "common.h"
#include "catalog.h"
#include "purchase.h"

#ifdef __cplusplus
extern "C" {
#endif

/** "No family" / "no origin" in the structures below. */
#define CANTINE_CLASSIFY_NONE (-1)

/** One rule, as the rules file gives it (borrowed from its classifier). */
typedef struct cantine_classify_rule {
	const char *name;            /**< column regle: a short identifier */
	const char *pattern;         /**< column motif, as written */
	int         family;          /**< cantine_family or CANTINE_CLASSIFY_NONE */
	unsigned    characteristics; /**< bits 1u << CANTINE_CHAR_*, origins excluded */
	int         origin;          /**< CANTINE_CHAR_FRANCE, CANTINE_CHAR_EUROPE
	                              *   or CANTINE_CLASSIFY_NONE */
	const char *example;         /**< a wording the rule must recognise */
	unsigned    line;            /**< line of the rule in its file */
} cantine_classify_rule;

/** A set of compiled rules.  Opaque; read-only once loaded, so that
 * several threads may classify with one classifier at once. */
typedef struct cantine_classifier cantine_classifier;

/**
 * Load the rules built into the library.
 * @return 0, CANTINE_ENOMEM, or CANTINE_ERROR (the built-in file is
 *         broken: a bug).
 */
CANTINE_API int cantine_classifier_builtin(cantine_ctx *ctx,
                                           cantine_classifier **out);

/**
 * Load the rules of the file `path` (UTF-8 CSV, docs/formats.md).
 * A bad file is refused as a whole: the message on ctx names the file,
 * the line and the column of the first problem (unknown family or code,
 * a pattern PCRE2 refuses and where, a pattern that matches an empty
 * text, an example its rule does not recognise, a duplicate rule name…).
 * @return 0, CANTINE_EINVAL (bad rules), CANTINE_EIO (unreadable file)
 *         or CANTINE_ENOMEM; *out is NULL on failure.
 */
CANTINE_API int cantine_classifier_load(cantine_ctx *ctx, const char *path,
                                        cantine_classifier **out);

/** Same on bytes in memory; `name` is the file name used in messages. */
CANTINE_API int cantine_classifier_load_mem(cantine_ctx *ctx, const char *name,
                                            const char *data, size_t len,
                                            cantine_classifier **out);

/** Free a classifier.  Accepts NULL. */
CANTINE_API void cantine_classifier_free(cantine_classifier *c);

/** Number of rules. */
CANTINE_API size_t cantine_classifier_count(const cantine_classifier *c);

/** Rule `i` (0-based, in the file's order), or NULL past the end. */
CANTINE_API const cantine_classify_rule *cantine_classifier_rule(
	const cantine_classifier *c, size_t i);

/** One rule that matched, and what it matched. */
typedef struct cantine_classify_match {
	size_t      rule;   /**< index of the rule (cantine_classifier_rule) */
	size_t      offset; /**< byte offset of the match in the text */
	size_t      length; /**< its length in bytes */
	char       *text;   /**< the matched part of the text, as written */
} cantine_classify_match;

/**
 * A suggestion for one text.  Only ever a suggestion: see the top of this
 * file.  Owned by the caller: cantine_suggestion_dispose().
 */
typedef struct cantine_suggestion {
	int      family;          /**< cantine_family or CANTINE_CLASSIFY_NONE */
	size_t   family_rule;     /**< index of the rule that gave the family */
	unsigned characteristics; /**< union, bits 1u << CANTINE_CHAR_*,
	                           *   origins excluded */
	int      origin;          /**< CANTINE_CHAR_FRANCE, CANTINE_CHAR_EUROPE
	                           *   or CANTINE_CLASSIFY_NONE */
	bool     origin_conflict; /**< rules suggested both FRANCE and EUROPE:
	                           *   origin is then NONE */
	cantine_classify_match *matches; /**< in the rules' order */
	size_t   n_matches;
} cantine_suggestion;

/**
 * Classify the wording `text` (UTF-8).  `out` is always initialised, and
 * holds the suggestion on success.
 * @return 0; CANTINE_EINVAL (text not UTF-8, or a rule needed more than
 *         the match limits allow on this text: the message names it);
 *         CANTINE_ENOMEM.
 */
CANTINE_API int cantine_classify(cantine_ctx *ctx, const cantine_classifier *c,
                                 const char *text, cantine_suggestion *out);

/** Free what a suggestion holds and reset it.  Accepts NULL. */
CANTINE_API void cantine_suggestion_dispose(cantine_suggestion *s);

#ifdef __cplusplus
}
#endif
#endif
