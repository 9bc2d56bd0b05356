/*
 * csv_int.h: an RFC 4180 reader over raw bytes.
 *
 * It splits records and cells (quotes, doubled quotes, line breaks inside
 * quoted cells, LF / CRLF / CR line ends) and tracks the physical line of
 * every cell.  Cells are handed out as raw bytes; decoding them (UTF-8 or
 * windows-1252) is the importer's job, so that an encoding error can be
 * reported with its line, column and field.
 *
 * Two sources: bytes already in memory (cantine__csv_init: the whole file
 * at once), or a stream read in chunks through a callback
 * (cantine__csv_init_stream), so that a large file is never held whole:
 * the reader then keeps one window of CANTINE__CSV_CHUNK bytes plus the
 * current record's cells (at most CANTINE__CSV_MAX_RECORD bytes).  A
 * record, a quoted cell or a CRLF may span two chunks; both sources give
 * the same records, cells and line numbers.
 */
#ifndef CANTINE_CSV_INT_H
#define CANTINE_CSV_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "cantine/common.h"

/* Longest record accepted, in bytes (formats.md "Limits"). */
#define CANTINE__CSV_MAX_RECORD (64u * 1024u)
/* Size of one read of a stream. */
#define CANTINE__CSV_CHUNK (64u * 1024u)

/* Read up to `cap` bytes into buf; *got = 0 at the end of the stream.
 * Returns 0, or a negative CANTINE_E… code (then the reader stops and
 * cantine__csv_next returns it). */
typedef int (*cantine__csv_fill)(void *ud, char *buf, size_t cap, size_t *got);

typedef struct cantine__csv_cell {
	const char *text;  /* raw bytes, NUL-terminated (inside the reader) */
	size_t      len;
	unsigned    line;  /* physical line where the cell starts */
	bool        quoted;
} cantine__csv_cell;

/* Problems the reader finds by itself. */
typedef enum cantine__csv_issue {
	CANTINE__CSV_OK,
	CANTINE__CSV_UNTERMINATED,  /* fatal: a quote never closed */
	CANTINE__CSV_AFTER_QUOTE,   /* text after a closing quote; kept */
	CANTINE__CSV_TOO_LONG       /* record skipped */
} cantine__csv_issue;

typedef struct cantine__csv {
	const char *p, *end;
	char        sep;
	unsigned    line;         /* physical line of p */
	unsigned    rec_line;     /* first line of the current record */
	cantine_buf buf;          /* bytes of the current record's cells */
	size_t     *offs;         /* cell offsets into buf */
	cantine__csv_cell *cells;
	size_t      n, cap;
	cantine__csv_issue issue; /* last issue met in the current record */
	unsigned    issue_line;
	size_t      issue_cell;   /* 0-based cell of the issue */
	/* stream source (NULL fill: all the bytes are in [p, end)) */
	cantine__csv_fill fill;
	void       *fill_ud;
	char       *win;          /* the window p and end point into */
	bool        eof;
	int         err;          /* the fill's error, once met */
} cantine__csv;

/* Start reading data[0..len).  The separator is detected from the first
 * line: the most frequent of ',', ';' and tab outside quotes (',' when
 * none). */
void cantine__csv_init(cantine__csv *c, const char *data, size_t len);
/* Start reading a stream: read its first chunk (the separator is
 * detected from the first line found in it).  Returns 0, CANTINE_ENOMEM or
 * the fill's error. */
int cantine__csv_init_stream(cantine__csv *c, cantine__csv_fill fill, void *ud);
void cantine__csv_free(cantine__csv *c);

/*
 * Read the next non-empty record.  Returns 1 when a record is ready (its
 * cells in c->cells[0..c->n), possibly with c->issue set), 0 at the end,
 * CANTINE_ENOMEM or the stream's read error, or 2 when the record was
 * skipped because of c->issue.
 */
int cantine__csv_next(cantine__csv *c);

#endif
