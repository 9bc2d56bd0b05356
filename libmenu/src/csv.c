/*
 * csv.c: RFC 4180 records over raw bytes.
 */
#include <string.h>

#include "common_int.h"
#include "csv_int.h"

void cantine__csv_init(cantine__csv *c, const char *data, size_t len)
{
	const char *p = data, *end = data + len;
	size_t counts[3] = { 0, 0, 0 };
	bool inq = false;

	memset(c, 0, sizeof(*c));
	c->p = data;
	c->end = end;
	c->line = 1;
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
	c->sep = ',';
	if (counts[1] > counts[0] && counts[1] >= counts[2])
		c->sep = ';';
	else if (counts[2] > counts[0] && counts[2] > counts[1])
		c->sep = '\t';
}

void cantine__csv_free(cantine__csv *c)
{
	cantine_buf_dispose(&c->buf);
	cantine__free(c->offs);
	cantine__free(c->cells);
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
	if (c->p < c->end && *c->p == '\r') {
		c->p++;
		if (c->p < c->end && *c->p == '\n')
			c->p++;
		c->line++;
		return true;
	}
	if (c->p < c->end && *c->p == '\n') {
		c->p++;
		c->line++;
		return true;
	}
	return false;
}

static void skip_line(cantine__csv *c)
{
	while (c->p < c->end && *c->p != '\n' && *c->p != '\r')
		c->p++;
	eat_eol(c);
}

/* Read one cell at p; stops before the separator or line end. */
static int read_cell(cantine__csv *c)
{
	size_t off = c->buf.size;
	unsigned line = c->line;
	const char *s;

	if (c->p < c->end && *c->p == '"') {
		c->p++;
		for (;;) {
			if (c->p >= c->end) {
				set_issue(c, CANTINE__CSV_UNTERMINATED, line);
				return push_cell(c, off, line, true);
			}
			if (*c->p == '"') {
				if (c->p + 1 < c->end && c->p[1] == '"') {
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
				if (*c->p == '\n' || (*c->p == '\r' &&
				    (c->p + 1 >= c->end || c->p[1] != '\n')))
					c->line++;
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
		s = c->p;
		while (c->p < c->end && *c->p != c->sep && *c->p != '\n' && *c->p != '\r')
			c->p++;
		if (c->p > s) {
			set_issue(c, CANTINE__CSV_AFTER_QUOTE, line);
			if (cantine__buf_put(&c->buf, s, (size_t)(c->p - s)))
				return CANTINE_ENOMEM;
		}
		return push_cell(c, off, line, true);
	}
	s = c->p;
	while (c->p < c->end && *c->p != c->sep && *c->p != '\n' && *c->p != '\r')
		c->p++;
	if (cantine__buf_put(&c->buf, s, (size_t)(c->p - s)))
		return CANTINE_ENOMEM;
	return push_cell(c, off, line, false);
}

int cantine__csv_next(cantine__csv *c)
{
	size_t i;
	int rc;

	for (;;) {
		if (c->p >= c->end)
			return 0;
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
				return 2;
			}
			if (c->p < c->end && *c->p == c->sep) {
				c->p++;
				continue;
			}
			eat_eol(c);
			break;
		}
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
