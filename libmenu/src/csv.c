/*
 * csv.c: RFC 4180 records over raw bytes, in memory or read in chunks.
 *
 * The parser works on the window [p, end).  With a stream, reaching the
 * end of the window reads the next chunk over what was consumed (every
 * byte before p has been copied into the record's buffer by then); the one
 * place that looks a byte ahead ("" inside quotes, CR LF) asks for two
 * bytes, keeping the unconsumed one.
 */
#include <string.h>

#include "common_int.h"
#include "csv_int.h"

/* The most frequent of ',', ';' and tab outside quotes on the first line
 * of data[0..len) (',' when none). */
static char detect_sep(const char *p, const char *end)
{
	size_t counts[3] = { 0, 0, 0 };
	bool inq = false;

	for (; p < end && (inq || (*p != '\n' && *p != '\r')); p++) {
		if (*p == '"')
			inq = !inq;
		else if (!inq && *p == ',')
			counts[0]++;
		else if (!inq && *p == ';')
			counts[1]++;
		else if (!inq && *p == '\t')
			counts[2]++;
	}
	if (counts[1] > counts[0] && counts[1] >= counts[2])
		return ';';
	if (counts[2] > counts[0] && counts[2] > counts[1])
		return '\t';
	return ',';
}

void cantine__csv_init(cantine__csv *c, const char *data, size_t len)
{
	memset(c, 0, sizeof(*c));
	c->p = data;
	c->end = data + len;
	c->line = 1;
	c->sep = detect_sep(c->p, c->end);
}

/*
 * Make `want` bytes available at p when the source has them: move the
 * unconsumed bytes [p, end) to the start of the window and read more.
 * Returns the bytes available (fewer at the end of the stream or on a read
 * error, kept in c->err).
 */
static size_t refill(cantine__csv *c, size_t want)
{
	size_t have = (size_t)(c->end - c->p);

	if (have >= want || !c->fill || c->eof || c->err)
		return have;
	memmove(c->win, c->p, have);
	while (have < want && !c->eof && !c->err) {
		size_t got = 0;
		int rc = c->fill(c->fill_ud, c->win + have, CANTINE__CSV_CHUNK - have, &got);

		if (rc)
			c->err = rc;
		else if (got == 0)
			c->eof = true;
		have += got;
	}
	c->p = c->win;
	c->end = c->win + have;
	return have;
}

/* True at the end of the data (after trying to read more). */
static inline bool at_end(cantine__csv *c)
{
	return c->p >= c->end && refill(c, 1) == 0;
}

int cantine__csv_init_stream(cantine__csv *c, cantine__csv_fill fill, void *ud)
{
	memset(c, 0, sizeof(*c));
	c->line = 1;
	c->win = cantine__malloc(CANTINE__CSV_CHUNK);
	if (!c->win)
		return CANTINE_ENOMEM;
	c->fill = fill;
	c->fill_ud = ud;
	c->p = c->end = c->win;
	refill(c, CANTINE__CSV_CHUNK);
	c->sep = detect_sep(c->p, c->end);
	return c->err;
}

void cantine__csv_free(cantine__csv *c)
{
	cantine_buf_dispose(&c->buf);
	cantine__free(c->offs);
	cantine__free(c->cells);
	cantine__free(c->win);
	memset(c, 0, sizeof(*c));
}

static int push_cell(cantine__csv *c, size_t off, unsigned line, bool quoted)
{
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 16;
		size_t *o = cantine__realloc(c->offs, cap * sizeof(*o));
		cantine__csv_cell *cl;

		if (!o)
			return CANTINE_ENOMEM;
		c->offs = o;
		cl = cantine__realloc(c->cells, cap * sizeof(*cl));
		if (!cl)
			return CANTINE_ENOMEM;
		c->cells = cl;
		c->cap = cap;
	}
	c->offs[c->n] = off;
	c->cells[c->n].line = line;
	c->cells[c->n].quoted = quoted;
	c->n++;
	/* NUL-terminate the cell inside the buffer. */
	return cantine__buf_put(&c->buf, "", 1);
}

static void set_issue(cantine__csv *c, cantine__csv_issue is, unsigned line)
{
	if (c->issue == CANTINE__CSV_OK) {
		c->issue = is;
		c->issue_line = line;
		c->issue_cell = c->n;
	}
}

/* Consume a line end at p, if any; returns true when one was there. */
static bool eat_eol(cantine__csv *c)
{
	if (at_end(c))
		return false;
	if (*c->p == '\r') {
		c->p++;
		if (!at_end(c) && *c->p == '\n')
			c->p++;
		c->line++;
		return true;
	}
	if (*c->p == '\n') {
		c->p++;
		c->line++;
		return true;
	}
	return false;
}

static void skip_line(cantine__csv *c)
{
	while (!at_end(c) && *c->p != '\n' && *c->p != '\r')
		c->p++;
	eat_eol(c);
}

/* The rest of a quoted cell, after its opening quote. */
static int read_quoted(cantine__csv *c, size_t off, unsigned line)
{
	const char *s;

	for (;;) {
		if (at_end(c)) {
			set_issue(c, CANTINE__CSV_UNTERMINATED, line);
			return push_cell(c, off, line, true);
		}
		if (*c->p == '"') {
			if (refill(c, 2) >= 2 && c->p[1] == '"') {
				if (cantine__buf_put(&c->buf, "\"", 1))
					return CANTINE_ENOMEM;
				c->p += 2;
				continue;
			}
			c->p++;
			break;
		}
		s = c->p;
		while (c->p < c->end && *c->p != '"') {
			if (*c->p == '\n') {
				c->line++;
			} else if (*c->p == '\r') {
				/* A lone CR ends a line; CR LF counts once, at the LF. */
				if (c->p + 1 >= c->end) {
					if (cantine__buf_put(&c->buf, s, (size_t)(c->p - s)))
						return CANTINE_ENOMEM;
					refill(c, 2);
					s = c->p;
				}
				if (c->p + 1 >= c->end || c->p[1] != '\n')
					c->line++;
			}
			c->p++;
		}
		if (cantine__buf_put(&c->buf, s, (size_t)(c->p - s)))
			return CANTINE_ENOMEM;
		if (c->buf.size > CANTINE__CSV_MAX_RECORD) {
			set_issue(c, CANTINE__CSV_TOO_LONG, line);
			return push_cell(c, off, line, true);
		}
	}
	/* Text between the closing quote and the separator is kept, but
	 * flagged: the quote was probably meant to be doubled. */
	for (;;) {
		s = c->p;
		while (c->p < c->end && *c->p != c->sep && *c->p != '\n' && *c->p != '\r')
			c->p++;
		if (c->p > s) {
			set_issue(c, CANTINE__CSV_AFTER_QUOTE, line);
			if (cantine__buf_put(&c->buf, s, (size_t)(c->p - s)))
				return CANTINE_ENOMEM;
		}
		if (c->p < c->end || refill(c, 1) == 0 ||
		    c->buf.size > CANTINE__CSV_MAX_RECORD)
			break;
	}
	return push_cell(c, off, line, true);
}

/* Read one cell at p; stops before the separator or line end. */
static int read_cell(cantine__csv *c)
{
	size_t off = c->buf.size;
	unsigned line = c->line;
	const char *s;

	if (!at_end(c) && *c->p == '"') {
		c->p++;
		return read_quoted(c, off, line);
	}
	for (;;) {
		s = c->p;
		while (c->p < c->end && *c->p != c->sep && *c->p != '\n' && *c->p != '\r')
			c->p++;
		if (cantine__buf_put(&c->buf, s, (size_t)(c->p - s)))
			return CANTINE_ENOMEM;
		/* Too long: csv_next skips the rest of the line unbuffered. */
		if (c->p < c->end || refill(c, 1) == 0 ||
		    c->buf.size > CANTINE__CSV_MAX_RECORD)
			break;
	}
	return push_cell(c, off, line, false);
}

int cantine__csv_next(cantine__csv *c)
{
	size_t i;
	int rc;

	for (;;) {
		if (at_end(c))
			return c->err;
		c->n = 0;
		c->buf.size = 0;
		c->issue = CANTINE__CSV_OK;
		c->rec_line = c->line;
		for (;;) {
			rc = read_cell(c);
			if (rc)
				return rc;
			if (c->issue == CANTINE__CSV_UNTERMINATED)
				break;
			if (c->issue == CANTINE__CSV_TOO_LONG ||
			    c->buf.size > CANTINE__CSV_MAX_RECORD) {
				set_issue(c, CANTINE__CSV_TOO_LONG, c->rec_line);
				skip_line(c);
				return c->err ? c->err : 2;
			}
			if (!at_end(c) && *c->p == c->sep) {
				c->p++;
				continue;
			}
			eat_eol(c);
			break;
		}
		if (c->err)
			return c->err;
		/* An empty line is one empty unquoted cell: skip it. */
		if (c->n == 1 && !c->cells[0].quoted && c->offs[0] + 1 == c->buf.size)
			continue;
		for (i = 0; i < c->n; i++) {
			c->cells[i].text = c->buf.ptr + c->offs[i];
			c->cells[i].len = (i + 1 < c->n ? c->offs[i + 1] : c->buf.size) -
					  c->offs[i] - 1;
		}
		return 1;
	}
}
