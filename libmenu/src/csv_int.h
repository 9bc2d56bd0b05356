/*
 * csv_int.h: an RFC 4180 reader over raw bytes.
 *
 * It splits records and cells (quotes, doubled quotes, line breaks inside
 * quoted cells, LF / CRLF / CR line ends) and tracks the physical line of
 * every cell.  Cells are handed out as raw bytes; decoding them (UTF-8 or
 * windows-1252) is the importer's job, so that an encoding error can be
 * reported with its line, column and field.
 */
#ifndef CANTINE_CSV_INT_H
#define CANTINE_CSV_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "cantine/common.h"

/* Longest record accepted, in bytes (formats.md "Limits"). */
#define CANTINE__CSV_MAX_RECORD (64u * 1024u)

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
} cantine__csv;

/* Start reading data[0..len).  The separator is detected from the first
 * line: the most frequent of ',', ';' and tab outside quotes (',' when
 * none). */
void cantine__csv_init(cantine__csv *c, const char *data, size_t len);
void cantine__csv_free(cantine__csv *c);

/*
 * Read the next non-empty record.  Returns 1 when a record is ready (its
 * cells in c->cells[0..c->n), possibly with c->issue set), 0 at the end,
 * CANTINE_ENOMEM, or 2 when the record was skipped because of c->issue.
 */
int cantine__csv_next(cantine__csv *c);

#endif
