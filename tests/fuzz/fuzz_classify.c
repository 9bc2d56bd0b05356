/*
 * fuzz_classify.c: libFuzzer harness for the classification of invoice
 * wording (cantine/classify.h): the rules file parser and the classifier.
 *
 * The input is a rules file, optionally followed by a line "%%" and texts,
 * one per line.  The rules are loaded (a French message or a classifier
 * whose every rule recognises its example); the texts, and the whole input
 * as one text, are classified with the built-in rules and with the loaded
 * ones.  A suggestion must point inside its text and name valid codes.
 */
#include <stdlib.h>
#include <string.h>

#include <cantine/cantine.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static cantine_ctx *ctx;
static cantine_classifier *builtin;

static void check(const cantine_classifier *c, const char *text)
{
	cantine_suggestion s;
	size_t i, len = strlen(text);
	int rc = cantine_classify(ctx, c, text, &s);

	if (rc) {
		if ((rc != CANTINE_EINVAL && rc != CANTINE_ENOMEM) || !*cantine_errmsg(ctx) ||
		    s.n_matches || s.matches)
			abort();
		return;
	}
	if (s.family != CANTINE_CLASSIFY_NONE &&
	    (s.family < 0 || s.family >= CANTINE_FAMILY__MAX ||
	     cantine_classifier_rule(c, s.family_rule)->family != s.family))
		abort();
	if (s.characteristics >> CANTINE_CHAR__MAX ||
	    s.characteristics & (1u << CANTINE_CHAR_FRANCE | 1u << CANTINE_CHAR_EUROPE))
		abort();
	if (s.origin != CANTINE_CLASSIFY_NONE && s.origin != CANTINE_CHAR_FRANCE &&
	    s.origin != CANTINE_CHAR_EUROPE)
		abort();
	if (s.origin_conflict && s.origin != CANTINE_CLASSIFY_NONE)
		abort();
	for (i = 0; i < s.n_matches; i++) {
		const cantine_classify_match *m = &s.matches[i];
		if (!cantine_classifier_rule(c, m->rule) || m->offset + m->length > len ||
		    strlen(m->text) != m->length ||
		    memcmp(m->text, text + m->offset, m->length) != 0 ||
		    (i && m->rule <= s.matches[i - 1].rule))
			abort();
	}
	cantine_suggestion_dispose(&s);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	cantine_classifier *c = NULL;
	char *text = malloc(size + 1), *sep, *line, *save = NULL;
	size_t rules_len = size, i;
	int rc;

	if (!text)
		return 0;
	if (!ctx && (cantine_ctx_open(&ctx, ":memory:", CANTINE_OPEN_CREATE) != 0 ||
		     cantine_classifier_builtin(ctx, &builtin) != 0))
		abort();
	memcpy(text, data, size);
	text[size] = '\0';
	if ((sep = strstr(text, "\n%%\n")) != NULL)
		rules_len = (size_t)(sep - text) + 1;

	rc = cantine_classifier_load_mem(ctx, "fuzz.csv", text, rules_len, &c);
	if (rc == 0) {
		if (!c || cantine_classifier_count(c) == 0)
			abort();
		for (i = 0; i < cantine_classifier_count(c); i++)
			check(c, cantine_classifier_rule(c, i)->example);
	} else if (c || (rc != CANTINE_EINVAL && rc != CANTINE_ENOMEM) ||
		   !*cantine_errmsg(ctx)) {
		abort();
	}
	/* The whole input as one text (up to its first NUL). */
	check(builtin, text);
	if (sep) {
		for (line = strtok_r(sep + 4, "\n", &save); line;
		     line = strtok_r(NULL, "\n", &save)) {
			check(builtin, line);
			if (c)
				check(c, line);
		}
	}
	cantine_classifier_free(c);
	free(text);
	return 0;
}
