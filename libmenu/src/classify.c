/*
 * classify.c: suggestions for invoice wording (cantine/classify.h).
 *
 * Each rule's pattern is checked on its own, then compiled once wrapped in
 * look-arounds that stand for word boundaries whatever the pattern's first
 * and last characters are:
 *
 *     (?<![a-z0-9])(?:PATTERN)(?![a-z0-9])
 *
 * Case is ignored by PCRE2_CASELESS; accents by folding both the pattern
 * and the text to unaccented letters (é → e, œ → oe) before matching,
 * keeping for every byte of the folded text the offset of the byte of the
 * original it came from, so that a match is reported as written.  Without
 * PCRE2_UTF, the other non-ASCII bytes are matched as they are and are
 * never word characters.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <errno.h>
#include <pcre2.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "common_int.h"
#include "csv_int.h"
#include "names_int.h"
#include "text_int.h"

#include "cantine/classify.h"

/* Built in from libmenu/data/classification.csv (meson.build). */
extern const char cantine__classification_csv[];
extern const size_t cantine__classification_csv_size;

/* Limits (docs/formats.md, "Règles de classification"). */
#define MAX_FILE      (1024u * 1024u)
#define MAX_RULES     2000u
#define MAX_PATTERN   1000u
#define MAX_NAME      64u
#define MATCH_LIMIT   100000u
#define DEPTH_LIMIT   1000u
#define HEAP_LIMIT_KIB 1024u

enum { COL_NAME, COL_PATTERN, COL_FAMILY, COL_CHARS, COL_ORIGIN, COL_EXAMPLE, COL__MAX };
static const char *const col_names[COL__MAX] = {
	"regle", "motif", "famille", "caracteristiques", "origine", "exemple",
};

struct rule {
	cantine_classify_rule pub;
	pcre2_code *code;
};

struct cantine_classifier {
	struct rule *rules;
	size_t n, cap;
	pcre2_general_context *gctx;
	pcre2_match_context *mctx;
};

/* PCRE2 allocates through the library's allocator, so that the tests'
 * allocation failures reach it too. */
static void *pcre_alloc(size_t n, void *data)
{
	(void)data;
	return cantine__malloc(n);
}

static void pcre_release(void *p, void *data)
{
	(void)data;
	cantine__free(p);
}

/* ---- folding ---- */

/* Unaccented form of U+00C0–U+00FF, lower case; NULL where none. */
static const char *const latin1_fold[64] = {
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", NULL, "o", "u", "u", "u", "u", "y", "th", "ss",
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", NULL, "o", "u", "u", "u", "u", "y", "th", "y",
};

/*
 * Fold s[0..n): Latin-1 letters and œ/Œ to unaccented ASCII, ’ to '\'';
 * every other byte kept.  ASCII is not touched (a pattern's "\D" must stay
 * "\D").  When map is not NULL, map[i] is the offset in s of the character
 * output byte i comes from, and map[len] = n.  Returns the folded string
 * (cantine__malloc) or NULL.
 */
static char *fold(const char *s, size_t n, size_t **map, size_t *outlen)
{
	const unsigned char *p = (const unsigned char *)s;
	/* Zeroed: the JIT may read the bytes past the end of the subject. */
	char *out = cantine__calloc(2 * n + 1 + 16, 1);
	size_t *m = map ? cantine__malloc((2 * n + 1) * sizeof(*m)) : NULL;
	size_t i = 0, o = 0;

	if (!out || (map && !m)) {
		cantine__free(out);
		cantine__free(m);
		return NULL;
	}
	while (i < n) {
		const char *rep = NULL;
		size_t k = 1;
		char one[2] = { (char)p[i], '\0' };

		if (p[i] == 0xC3 && i + 1 < n && p[i + 1] >= 0x80 && p[i + 1] <= 0xBF) {
			rep = latin1_fold[p[i + 1] - 0x80];
			k = 2;
		} else if (p[i] == 0xC5 && i + 1 < n && (p[i + 1] == 0x92 || p[i + 1] == 0x93)) {
			rep = "oe";
			k = 2;
		} else if (p[i] == 0xE2 && i + 2 < n && p[i + 1] == 0x80 && p[i + 2] == 0x99) {
			rep = "'";
			k = 3;
		}
		if (!rep) {
			/* Kept as is: copy the whole sequence. */
			if (k == 2) {
				out[o] = (char)p[i];
				out[o + 1] = (char)p[i + 1];
				if (m)
					m[o] = m[o + 1] = i;
				o += 2;
				i += 2;
				continue;
			}
			rep = one;
		}
		for (; *rep; rep++) {
			if (m)
				m[o] = i;
			out[o++] = *rep;
		}
		i += k;
	}
	out[o] = '\0';
	if (m)
		m[o] = n;
	if (map)
		*map = m;
	*outlen = o;
	return out;
}

/* ---- loading ---- */

void cantine_classifier_free(cantine_classifier *c)
{
	size_t i;

	if (!c)
		return;
	for (i = 0; i < c->n; i++) {
		pcre2_code_free(c->rules[i].code);
		cantine__free((char *)c->rules[i].pub.name);
		cantine__free((char *)c->rules[i].pub.pattern);
		cantine__free((char *)c->rules[i].pub.example);
	}
	cantine__free(c->rules);
	pcre2_match_context_free(c->mctx);
	pcre2_general_context_free(c->gctx);
	cantine__free(c);
}

size_t cantine_classifier_count(const cantine_classifier *c)
{
	return c ? c->n : 0;
}

const cantine_classify_rule *cantine_classifier_rule(const cantine_classifier *c, size_t i)
{
	return c && i < c->n ? &c->rules[i].pub : NULL;
}

/* What a load needs to report a problem. */
struct loader {
	cantine_ctx *ctx;
	const char *name;
	cantine_classifier *c;
	const cantine__csv_cell *cells; /* current record */
	int col[COL__MAX];              /* index of each column in the record */
};

/* Set EINVAL with "FILE, ligne L, colonne C (field) : …" for column `k`
 * of the current record. */
static int bad(struct loader *ld, int k, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int bad(struct loader *ld, int k, const char *fmt, ...)
{
	cantine_buf b = CANTINE_BUF_INIT;
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = cantine__buf_vprintf(&b, fmt, ap);
	va_end(ap);
	if (rc) {
		cantine_buf_dispose(&b);
		return cantine__seterr(ld->ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	}
	cantine__seterr(ld->ctx, CANTINE_EINVAL, "%s, ligne %u, colonne %d (%s) : %s",
			ld->name, ld->cells[ld->col[k]].line, ld->col[k] + 1,
			col_names[k], b.ptr);
	cantine_buf_dispose(&b);
	return CANTINE_EINVAL;
}

static int oom(cantine_ctx *ctx)
{
	return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
}

/* Read the header: the six columns, by name, in any order. */
static int header(struct loader *ld, const cantine__csv *csv)
{
	char f[64];
	size_t i;
	int k;

	for (k = 0; k < COL__MAX; k++)
		ld->col[k] = -1;
	for (i = 0; i < csv->n; i++) {
		if (!cantine__utf8_valid(csv->cells[i].text, csv->cells[i].len) ||
		    !cantine__fold(csv->cells[i].text, f, sizeof(f)))
			f[0] = '\0';
		for (k = 0; k < COL__MAX && strcmp(f, col_names[k]) != 0; k++)
			;
		if (k == COL__MAX || ld->col[k] >= 0)
			return cantine__seterr(ld->ctx, CANTINE_EINVAL,
				"%s, ligne %u, colonne %zu : en-tête « %.40s » %s ; la "
				"première ligne doit nommer les colonnes regle, motif, "
				"famille, caracteristiques, origine et exemple",
				ld->name, csv->cells[i].line, i + 1, csv->cells[i].text,
				k == COL__MAX ? "inconnu" : "en double");
		ld->col[k] = (int)i;
	}
	for (k = 0; k < COL__MAX; k++)
		if (ld->col[k] < 0)
			return cantine__seterr(ld->ctx, CANTINE_EINVAL,
				"%s, ligne %u : la colonne « %s » manque dans l'en-tête ; "
				"la première ligne doit nommer les colonnes regle, motif, "
				"famille, caracteristiques, origine et exemple",
				ld->name, csv->rec_line, col_names[k]);
	return 0;
}

/* Character (not byte) position, 1-based, of byte `off` of s. */
static size_t char_pos(const char *s, size_t off)
{
	size_t i, n = 1;

	for (i = 0; i < off && s[i]; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/* The characteristics of a cell: codes separated by '|', ',' or spaces. */
static int parse_chars(struct loader *ld, const char *s, unsigned *out)
{
	char code[40];
	size_t n;
	int c;

	*out = 0;
	while (*s) {
		n = strcspn(s, "|, ");
		if (n == 0) {
			s++;
			continue;
		}
		if (n >= sizeof(code))
			return bad(ld, COL_CHARS, "« %.*s » n'est pas un code de caractéristique ; "
				   "écrivez des codes de ma-cantine (BIO, LABEL_ROUGE, AOCAOP, "
				   "IGP, STG, HVE, PECHE_DURABLE, FERMIER…) séparés par « | »",
				   (int)(n > 60 ? 60 : n), s);
		memcpy(code, s, n);
		code[n] = '\0';
		for (c = 0; c < CANTINE_CHAR__MAX &&
			    strcasecmp(code, cantine_characteristic_code((cantine_characteristic)c)) != 0;
		     c++)
			;
		if (c == CANTINE_CHAR__MAX)
			return bad(ld, COL_CHARS, "« %s » n'est pas un code de caractéristique ; "
				   "écrivez des codes de ma-cantine (BIO, LABEL_ROUGE, AOCAOP, "
				   "IGP, STG, HVE, PECHE_DURABLE, FERMIER…) séparés par « | »", code);
		if (c == CANTINE_CHAR_FRANCE || c == CANTINE_CHAR_EUROPE)
			return bad(ld, COL_CHARS, "%s est une origine ; mettez-la dans la "
				   "colonne origine", cantine_characteristic_code((cantine_characteristic)c));
		*out |= 1u << c;
		s += n;
	}
	return 0;
}

/* Does `code` match somewhere in text[0..n)?  1, 0, or PCRE2's error. */
static int run(const cantine_classifier *c, const pcre2_code *code, const char *text,
	       size_t n, pcre2_match_data *md)
{
	int rc = pcre2_match(code, (PCRE2_SPTR)text, n, 0, 0, md, c->mctx);

	return rc >= 0 ? 1 : rc == PCRE2_ERROR_NOMATCH ? 0 : rc;
}

static int compile_error(struct loader *ld, const char *pattern, int err, size_t off)
{
	PCRE2_UCHAR msg[256];

	if (err == PCRE2_ERROR_NOMEMORY)
		return oom(ld->ctx);
	if (pcre2_get_error_message(err, msg, sizeof(msg)) < 0)
		strcpy((char *)msg, "erreur inconnue");
	return bad(ld, COL_PATTERN, "motif refusé par PCRE2 au caractère %zu (« %s ») ; "
		   "corrigez l'expression régulière (docs/formats.md)",
		   char_pos(pattern, off), (const char *)msg);
}

/* Compile the pattern of the current record into r->code. */
static int compile_rule(struct loader *ld, struct rule *r, const char *pattern)
{
	static const char pre[] = "(?<![a-z0-9])(?:", post[] = ")(?![a-z0-9])";
	const uint32_t opts = PCRE2_CASELESS | PCRE2_NEVER_UTF | PCRE2_NEVER_UCP |
			      PCRE2_NEVER_BACKSLASH_C;
	pcre2_compile_context *cc = NULL;
	pcre2_match_data *md = NULL;
	pcre2_code *alone;
	char *folded, *wrapped = NULL;
	size_t *map = NULL, n;
	PCRE2_SIZE off;
	int err, rc = 0;

	folded = fold(pattern, strlen(pattern), &map, &n);
	cc = pcre2_compile_context_create(ld->c->gctx);
	if (!folded || !cc) {
		rc = oom(ld->ctx);
		goto out;
	}
	/* On its own first: its errors are the user's, and a pattern that
	 * does not compile alone (an unbalanced ')') is not smuggled in by the
	 * wrapping. */
	alone = pcre2_compile((PCRE2_SPTR)folded, n, opts, &err, &off, cc);
	if (!alone) {
		rc = compile_error(ld, pattern, err, off <= n ? map[off] : strlen(pattern));
		goto out;
	}
	pcre2_code_free(alone);
	wrapped = cantine__malloc(sizeof(pre) + n + sizeof(post));
	if (!wrapped) {
		rc = oom(ld->ctx);
		goto out;
	}
	memcpy(wrapped, pre, sizeof(pre) - 1);
	memcpy(wrapped + sizeof(pre) - 1, folded, n);
	memcpy(wrapped + sizeof(pre) - 1 + n, post, sizeof(post));
	r->code = pcre2_compile((PCRE2_SPTR)wrapped, PCRE2_ZERO_TERMINATED, opts, &err, &off, cc);
	if (!r->code) {
		/* A start-of-pattern item such as (*UTF) is only allowed first. */
		rc = err == PCRE2_ERROR_NOMEMORY ? oom(ld->ctx)
			: bad(ld, COL_PATTERN, "motif refusé : il ne peut pas être placé "
			      "entre deux limites de mot (une option « (*…) » en tête ?) ; "
			      "corrigez l'expression régulière (docs/formats.md)");
		goto out;
	}
	/* JIT is an optimisation: without it the interpreter is used. */
	(void)pcre2_jit_compile(r->code, PCRE2_JIT_COMPLETE);
	md = pcre2_match_data_create(1, ld->c->gctx);
	if (!md) {
		rc = oom(ld->ctx);
		goto out;
	}
	/* A pattern that matches an empty text would match everything. */
	err = run(ld->c, r->code, "", 0, md);
	if (err == 1) {
		rc = bad(ld, COL_PATTERN, "le motif reconnaît un texte vide, donc tous les "
			 "libellés ; écrivez au moins un mot obligatoire");
		goto out;
	}
	if (err == PCRE2_ERROR_NOMEMORY) {
		rc = oom(ld->ctx);
		goto out;
	}
out:
	pcre2_match_data_free(md);
	pcre2_compile_context_free(cc);
	cantine__free(wrapped);
	cantine__free(folded);
	cantine__free(map);
	return rc;
}

/* One rule from the current record. */
static int add_rule(struct loader *ld, const cantine__csv *csv)
{
	cantine_classifier *c = ld->c;
	const char *v[COL__MAX];
	struct rule *r;
	size_t i;
	int k, f, rc;

	for (k = 0; k < COL__MAX; k++) {
		const cantine__csv_cell *cell;

		if ((size_t)ld->col[k] >= csv->n)
			return cantine__seterr(ld->ctx, CANTINE_EINVAL,
				"%s, ligne %u : la ligne n'a que %zu colonne%s, la colonne "
				"« %s » manque ; chaque règle a les six colonnes de l'en-tête",
				ld->name, csv->rec_line, csv->n, csv->n > 1 ? "s" : "",
				col_names[k]);
		cell = &csv->cells[ld->col[k]];
		if (!cantine__utf8_valid(cell->text, cell->len) || strlen(cell->text) != cell->len)
			return bad(ld, k, "texte qui n'est pas en UTF-8 ; enregistrez le "
				   "fichier en UTF-8");
		v[k] = cell->text;
	}
	if (csv->n > COL__MAX)
		return cantine__seterr(ld->ctx, CANTINE_EINVAL,
			"%s, ligne %u, colonne %d : cellule en trop ; chaque règle a les "
			"six colonnes de l'en-tête (un « ; » dans un motif s'écrit entre "
			"guillemets)", ld->name, csv->cells[COL__MAX].line, COL__MAX + 1);
	if (!*v[COL_NAME])
		return bad(ld, COL_NAME, "nom de règle vide ; donnez un nom court, par "
			   "exemple label-rouge");
	if (strlen(v[COL_NAME]) > MAX_NAME)
		return bad(ld, COL_NAME, "nom de règle de plus de %u octets ; raccourcissez-le",
			   MAX_NAME);
	for (i = 0; i < c->n; i++)
		if (strcmp(c->rules[i].pub.name, v[COL_NAME]) == 0)
			return bad(ld, COL_NAME, "la règle « %s » est déjà définie ligne %u ; "
				   "donnez-lui un autre nom", v[COL_NAME], c->rules[i].pub.line);
	if (!*v[COL_PATTERN])
		return bad(ld, COL_PATTERN, "motif vide ; écrivez l'expression à reconnaître, "
			   "par exemple LABEL ?ROUGE");
	if (strlen(v[COL_PATTERN]) > MAX_PATTERN)
		return bad(ld, COL_PATTERN, "motif de plus de %u octets ; découpez-le en "
			   "plusieurs règles", MAX_PATTERN);
	if (c->n >= MAX_RULES)
		return bad(ld, COL_NAME, "plus de %u règles ; le fichier est trop long",
			   MAX_RULES);
	if (c->n == c->cap) {
		size_t cap = c->cap ? 2 * c->cap : 64;
		struct rule *nr = cantine__realloc(c->rules, cap * sizeof(*nr));
		if (!nr)
			return oom(ld->ctx);
		c->rules = nr;
		c->cap = cap;
	}
	r = &c->rules[c->n];
	memset(r, 0, sizeof(*r));
	r->pub.line = csv->rec_line;
	r->pub.family = CANTINE_CLASSIFY_NONE;
	r->pub.origin = CANTINE_CLASSIFY_NONE;
	if (*v[COL_FAMILY]) {
		f = cantine__family_parse(v[COL_FAMILY]);
		if (f < 0)
			return bad(ld, COL_FAMILY, "famille « %s » inconnue ; écrivez l'une de : %s, "
				   "ou laissez vide", v[COL_FAMILY], cantine__family_list());
		r->pub.family = f;
	}
	if ((rc = parse_chars(ld, v[COL_CHARS], &r->pub.characteristics)))
		return rc;
	if (*v[COL_ORIGIN]) {
		if (strcasecmp(v[COL_ORIGIN], "FRANCE") == 0)
			r->pub.origin = CANTINE_CHAR_FRANCE;
		else if (strcasecmp(v[COL_ORIGIN], "EUROPE") == 0)
			r->pub.origin = CANTINE_CHAR_EUROPE;
		else
			return bad(ld, COL_ORIGIN, "origine « %s » inconnue ; écrivez FRANCE, "
				   "EUROPE (UE ou EEE hors France) ou laissez vide", v[COL_ORIGIN]);
	}
	if (r->pub.family == CANTINE_CLASSIFY_NONE && !r->pub.characteristics &&
	    r->pub.origin == CANTINE_CLASSIFY_NONE)
		return bad(ld, COL_FAMILY, "la règle ne suggère rien ; donnez une famille, "
			   "des caractéristiques ou une origine");
	if (!*v[COL_EXAMPLE])
		return bad(ld, COL_EXAMPLE, "exemple vide ; donnez un libellé de facture que "
			   "la règle reconnaît");
	if ((rc = compile_rule(ld, r, v[COL_PATTERN]))) {
		pcre2_code_free(r->code);
		return rc;
	}
	r->pub.name = cantine__strdup(v[COL_NAME]);
	r->pub.pattern = cantine__strdup(v[COL_PATTERN]);
	r->pub.example = cantine__strdup(v[COL_EXAMPLE]);
	c->n++; /* freed with the classifier from now on */
	if (!r->pub.name || !r->pub.pattern || !r->pub.example)
		return oom(ld->ctx);
	return 0;
}

/* Every rule must recognise its example (checked once all are loaded, with
 * the classifier itself). */
static int check_examples(struct loader *ld)
{
	cantine_suggestion s;
	size_t i, j;
	int rc;

	for (i = 0; i < ld->c->n; i++) {
		rc = cantine_classify(ld->ctx, ld->c, ld->c->rules[i].pub.example, &s);
		if (rc == CANTINE_ENOMEM)
			return rc;
		for (j = 0; rc == 0 && j < s.n_matches && s.matches[j].rule != i; j++)
			;
		if (rc == 0 && j < s.n_matches) {
			cantine_suggestion_dispose(&s);
			continue;
		}
		cantine_suggestion_dispose(&s);
		return cantine__seterr(ld->ctx, CANTINE_EINVAL,
			"%s, ligne %u, colonne %d (exemple) : la règle « %s » ne reconnaît "
			"pas son exemple « %s » ; corrigez le motif ou l'exemple",
			ld->name, ld->c->rules[i].pub.line, ld->col[COL_EXAMPLE] + 1,
			ld->c->rules[i].pub.name, ld->c->rules[i].pub.example);
	}
	return 0;
}

int cantine_classifier_load_mem(cantine_ctx *ctx, const char *name, const char *data,
				size_t len, cantine_classifier **out)
{
	struct loader ld;
	cantine__csv csv;
	cantine_classifier *c;
	bool seen_header = false;
	int rc;

	*out = NULL;
	if (len > MAX_FILE)
		return cantine__seterr(ctx, CANTINE_EINVAL, "%s : le fichier de règles dépasse "
				       "1 Mio ; découpez-le", name);
	c = cantine__calloc(1, sizeof(*c));
	if (!c)
		return oom(ctx);
	c->gctx = pcre2_general_context_create(pcre_alloc, pcre_release, NULL);
	c->mctx = c->gctx ? pcre2_match_context_create(c->gctx) : NULL;
	if (!c->mctx) {
		cantine_classifier_free(c);
		return oom(ctx);
	}
	pcre2_set_match_limit(c->mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(c->mctx, DEPTH_LIMIT);
	pcre2_set_heap_limit(c->mctx, HEAP_LIMIT_KIB);

	memset(&ld, 0, sizeof(ld));
	ld.ctx = ctx;
	ld.name = name;
	ld.c = c;
	cantine__csv_init(&csv, data, len);
	while ((rc = cantine__csv_next(&csv)) != 0) {
		if (rc < 0)
			break;
		if (rc == 2 || csv.issue != CANTINE__CSV_OK) {
			rc = cantine__seterr(ctx, CANTINE_EINVAL, "%s, ligne %u : %s", name,
				csv.issue_line,
				csv.issue == CANTINE__CSV_UNTERMINATED
				? "guillemet ouvert jamais refermé ; fermez-le"
				: csv.issue == CANTINE__CSV_TOO_LONG
				? "ligne de plus de 64 Kio ; raccourcissez-la"
				: "texte après un guillemet fermant ; mettez toute la cellule "
				  "entre guillemets");
			break;
		}
		ld.cells = csv.cells;
		/* Comments: a first cell starting with '#', after the header. */
		if (seen_header && csv.cells[0].text[0] == '#')
			continue;
		if (!seen_header) {
			seen_header = true;
			if ((rc = header(&ld, &csv)))
				break;
			continue;
		}
		if ((rc = add_rule(&ld, &csv)))
			break;
	}
	cantine__csv_free(&csv);
	if (rc == CANTINE_ENOMEM)
		oom(ctx);
	if (!rc && c->n == 0)
		rc = cantine__seterr(ctx, CANTINE_EINVAL, "%s : aucune règle ; le fichier "
				     "doit avoir l'en-tête puis au moins une règle", name);
	if (!rc)
		rc = check_examples(&ld);
	if (rc) {
		cantine_classifier_free(c);
		return rc;
	}
	*out = c;
	return 0;
}

int cantine_classifier_builtin(cantine_ctx *ctx, cantine_classifier **out)
{
	int rc = cantine_classifier_load_mem(ctx, "classification.csv (intégré)",
					     cantine__classification_csv,
					     cantine__classification_csv_size, out);

	if (rc && rc != CANTINE_ENOMEM)
		return cantine__seterr(ctx, CANTINE_ERROR, "erreur interne : règles de "
				       "classification intégrées invalides : %s",
				       cantine_errmsg(ctx));
	return rc;
}

int cantine_classifier_load(cantine_ctx *ctx, const char *path, cantine_classifier **out)
{
	FILE *f;
	char *buf;
	size_t n;
	int rc;

	*out = NULL;
	f = fopen(path, "rb");
	if (!f)
		return cantine__seterr(ctx, CANTINE_EIO, "%s : %s", path,
			errno == ENOENT ? "fichier introuvable ; vérifiez le chemin"
			: errno == EACCES ? "lecture refusée ; vérifiez les droits du fichier"
			: errno == EISDIR ? "c'est un dossier ; donnez le chemin d'un fichier CSV"
			: "impossible d'ouvrir le fichier");
	buf = cantine__malloc(MAX_FILE + 2);
	if (!buf) {
		fclose(f);
		return oom(ctx);
	}
	n = fread(buf, 1, MAX_FILE + 1, f);
	if (ferror(f)) {
		fclose(f);
		cantine__free(buf);
		return cantine__seterr(ctx, CANTINE_EIO, "%s : lecture impossible (un "
				       "dossier ?) ; donnez le chemin d'un fichier CSV", path);
	}
	fclose(f);
	buf[n] = '\0';
	rc = cantine_classifier_load_mem(ctx, path, buf, n, out);
	cantine__free(buf);
	return rc;
}

/* ---- classifying ---- */

void cantine_suggestion_dispose(cantine_suggestion *s)
{
	size_t i;

	if (!s)
		return;
	for (i = 0; i < s->n_matches; i++)
		cantine__free(s->matches[i].text);
	cantine__free(s->matches);
	memset(s, 0, sizeof(*s));
	s->family = CANTINE_CLASSIFY_NONE;
	s->origin = CANTINE_CLASSIFY_NONE;
}

int cantine_classify(cantine_ctx *ctx, const cantine_classifier *c, const char *text,
		     cantine_suggestion *out)
{
	pcre2_match_data *md = NULL;
	size_t len = strlen(text), n, i, *map = NULL;
	unsigned origins = 0;
	char *folded = NULL;
	int rc = 0;

	memset(out, 0, sizeof(*out));
	out->family = CANTINE_CLASSIFY_NONE;
	out->origin = CANTINE_CLASSIFY_NONE;
	if (!cantine__utf8_valid(text, len))
		return cantine__seterr(ctx, CANTINE_EINVAL, "le texte « %.60s » n'est pas "
				       "en UTF-8 ; convertissez-le", text);
	folded = fold(text, len, &map, &n);
	md = folded ? pcre2_match_data_create(1, c->gctx) : NULL;
	out->matches = md && c->n ? cantine__calloc(c->n, sizeof(*out->matches)) : NULL;
	if (!md || (c->n && !out->matches)) {
		rc = oom(ctx);
		goto out;
	}
	for (i = 0; i < c->n; i++) {
		const struct rule *r = &c->rules[i];
		cantine_classify_match *m;
		PCRE2_SIZE *ov;
		size_t s, e;

		rc = run(c, r->code, folded, n, md);
		if (rc == 0)
			continue;
		if (rc < 0) {
			if (rc == PCRE2_ERROR_NOMEMORY) {
				rc = oom(ctx);
			} else {
				PCRE2_UCHAR msg[256];
				if (pcre2_get_error_message(rc, msg, sizeof(msg)) < 0)
					strcpy((char *)msg, "?");
				rc = cantine__seterr(ctx, CANTINE_EINVAL,
					"la règle « %s » (ligne %u) demande trop de calcul sur "
					"le texte « %.60s » (%s) ; simplifiez son motif",
					r->pub.name, r->pub.line, text, (const char *)msg);
			}
			goto out;
		}
		ov = pcre2_get_ovector_pointer(md);
		s = map[ov[0] <= n ? ov[0] : n];
		e = ov[1] <= n ? map[ov[1]] : len;
		/* Whole characters of the original, never half of one. */
		while (s > 0 && ((unsigned char)text[s] & 0xC0) == 0x80)
			s--;
		while (e < len && ((unsigned char)text[e] & 0xC0) == 0x80)
			e++;
		m = &out->matches[out->n_matches];
		m->rule = i;
		m->offset = s;
		m->length = e > s ? e - s : 0;
		m->text = cantine__strndup(text + s, m->length);
		if (!m->text) {
			rc = oom(ctx);
			goto out;
		}
		out->n_matches++;
		if (out->family == CANTINE_CLASSIFY_NONE && r->pub.family != CANTINE_CLASSIFY_NONE) {
			out->family = r->pub.family;
			out->family_rule = i;
		}
		out->characteristics |= r->pub.characteristics;
		if (r->pub.origin != CANTINE_CLASSIFY_NONE)
			origins |= 1u << r->pub.origin;
	}
	rc = 0;
	if (origins == (1u << CANTINE_CHAR_FRANCE))
		out->origin = CANTINE_CHAR_FRANCE;
	else if (origins == (1u << CANTINE_CHAR_EUROPE))
		out->origin = CANTINE_CHAR_EUROPE;
	else if (origins)
		out->origin_conflict = true;
out:
	pcre2_match_data_free(md);
	cantine__free(folded);
	cantine__free(map);
	if (rc)
		cantine_suggestion_dispose(out);
	return rc;
}
