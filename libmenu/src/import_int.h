/*
 * import_int.h: the CSV import driver shared by the four kinds of file.
 *
 * The driver reads the file, decodes and checks every cell, maps the
 * header, and calls the kind's handlers for each row inside one
 * transaction.  Handlers report problems against a cell; they write to
 * the store only while the file has no problem (imp->clean), and the
 * driver rolls everything back at the end if any problem was found.
 */
#ifndef CANTINE_IMPORT_INT_H
#define CANTINE_IMPORT_INT_H

#include "common_int.h"
#include "csv_int.h"
#include "sha256_int.h"
#include "strmap_int.h"

/* Columns a kind of file may have: the Ciqual table has 84. */
#define CANTINE__MAX_COLS 96

typedef struct cantine__col {
	const char *name;
	bool        required;
} cantine__col;

typedef struct cantine__import cantine__import;

typedef struct cantine__kind_ops {
	const cantine__col *cols;
	size_t ncols;
	size_t state_size;                    /* zeroed, at imp->state */
	int  (*begin)(cantine__import *imp);  /* prepare statements, caches */
	int  (*row)(cantine__import *imp);    /* check one row; write if clean */
	int  (*end)(cantine__import *imp);    /* checks across rows; last writes */
	void (*cleanup)(cantine__import *imp);
} cantine__kind_ops;

struct cantine__import {
	cantine_ctx          *ctx;
	const cantine__kind_ops *ops;
	cantine_problems     *problems;
	cantine_import_stats  stats;
	cantine__csv          csv;
	bool                  cp1252;
	bool                  clean;     /* no problem so far: keep writing */
	int                   colmap[CANTINE__MAX_COLS]; /* kind col → file cell, -1 */
	char                 *cell[CANTINE__MAX_COLS];   /* decoded, trimmed */
	bool                  cell_bad[CANTINE__MAX_COLS];
	cantine_buf           cellbuf;
	char                  source[65]; /* SHA-256 of the file's bytes (hex) */
	void                 *state;
};

/* A new, empty problem list for `file`; NULL when out of memory. */
cantine_problems *cantine__problems_new(const char *file);
/* Add a problem (counted always, kept while fewer than 1000). */
int cantine__problems_add(cantine_problems *p, unsigned line, unsigned column,
			  const char *field, const char *fmt, va_list ap)
	__attribute__((format(printf, 5, 0)));
/* Put the problems kept in file order (line, then column; the whole
 * file's first), errors before warnings, keeping the order of equals. */
void cantine__problems_sort(cantine_problems *p);
/* Add a warning: a deviation tolerated by the importer (io.h); it does
 * not stop the import (imp->clean is not touched). */
int cantine__problems_warn(cantine_problems *p, unsigned line, unsigned column,
			   const char *field, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* A problem of the whole file (line 0) or of a line as a whole. */
int cantine__file_problem(cantine__import *imp, unsigned line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* A problem on cell `column` (1-based) of a line, with no known field
 * (the header line). */
int cantine__header_problem(cantine__import *imp, unsigned line, unsigned column,
			    const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Set up `imp` (zeroed by the caller) for a file named `name` read with
 * `ops`: no column mapped yet, an empty problem list.  Returns 0 or
 * CANTINE_ENOMEM (the context's message set). */
int cantine__import_init(cantine__import *imp, cantine_ctx *ctx,
			 const cantine__kind_ops *ops, const char *name);
/* Read a whole regular file (≤ 256 MiB) into *data (owned, NUL-ended);
 * a missing, unreadable or special file is reported as a problem of the
 * file and gives CANTINE_EIO. */
int cantine__read_file(cantine__import *imp, const char *path, char **data,
		       size_t *len);
/* Open a regular file (≤ 256 MiB) for reading; the same problems as
 * cantine__read_file (then CANTINE_EIO, *fd = -1). */
int cantine__open_file(cantine__import *imp, const char *path, int *fd,
		       uint64_t *size);

/*
 * A file read in chunks (import_stream.c), for the purchase import, so
 * that its memory does not grow with the file: bytes in memory or an open
 * file, read CANTINE__CSV_CHUNK bytes at a time, once to scan them
 * (cantine__scan_src) and once more to parse them (cantine__import_stream).
 */
typedef struct cantine__src {
	const char *data;   /* in memory: data[0..len), read from off */
	size_t      len, off;
	int         fd;     /* or a file: fd >= 0 */
	cantine__sha256 sha; /* of the bytes the parse reads (BOM included) */
} cantine__src;

/* What one pass over the bytes tells before they are parsed. */
typedef struct cantine__scan {
	char     sha256[65]; /* of every byte, BOM included */
	bool     bom;        /* starts with a UTF-8 byte-order mark */
	bool     cp1252;     /* the encoding guess of formats.md (no BOM) */
	bool     nul;        /* holds a NUL byte, the first at nul_at */
	uint64_t nul_at;
} cantine__scan;

/* Read the whole source once (from its start).  Returns 0 or CANTINE_EIO. */
int cantine__scan_src(cantine__src *src, cantine__scan *out);
/* Like cantine__import_start, on the source again from its start, with
 * what the scan found: refuse a file with a NUL byte (a problem, returns
 * 1), skip the BOM, choose the encoding and set up the CSV reader on the
 * stream (returns 0); or an error code. */
int cantine__import_stream(cantine__import *imp, cantine__src *src,
			   const cantine__scan *scan, cantine_encoding enc);
/* Once the CSV reader has reached the end of the stream: true when the
 * bytes parsed are those the scan hashed (the file did not change between
 * the two passes). */
bool cantine__stream_unchanged(cantine__src *src, const cantine__scan *scan);

/* Start reading data[0..len): refuse binary files (a problem, returns 1),
 * skip a UTF-8 BOM, choose the encoding (formats.md) and set up the CSV
 * reader (returns 0); or an error code. */
int cantine__import_start(cantine__import *imp, const char *data, size_t len,
			  cantine_encoding enc);
/*
 * End an import (the drivers of import.c, scdl_import.c and ciqual.c):
 * commit when the run returned 0 and the file had no problem
 * (imp->clean), else roll back, when `began`; set the context's message
 * for ENOMEM, EIO and a file with problems ("<errors> <noun>s dans
 * « name » : <outcome>", then CANTINE_EINVAL); free the reader; give the
 * problem list to *problems when it holds any (else free it).  Returns
 * the import's result.
 */
int cantine__import_end(cantine__import *imp, int rc, bool began, const char *name,
			size_t errors, const char *noun, const char *outcome,
			cantine_problems **problems);
/* Decode the current record's cells into imp->cell[] (cells.c). */
int cantine__load_cells(cantine__import *imp);

/* The decoded, trimmed cell of kind column `col` in the current row: ""
 * when the column is absent or the cell could not be decoded. */
const char *cantine__cell(cantine__import *imp, int col);
/* Report a problem on kind column `col` of the current row (col < 0: the
 * row as a whole).  Returns 0, or CANTINE_ENOMEM. */
int cantine__problem(cantine__import *imp, int col, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Same, on an explicit line. */
int cantine__problem_at(cantine__import *imp, unsigned line, int col,
			const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Physical line of the current row. */
unsigned cantine__row_line(cantine__import *imp);

/* Cell parsers: on failure they report the problem and return false.
 * An empty cell is "absent": *out is left alone and true is returned,
 * unless the column is required (then reported). */
bool cantine__get_int(cantine__import *imp, int col, long min, long max,
		      long *out);
bool cantine__get_money(cantine__import *imp, int col, int64_t *cents);
/* The same for an amount of at most `max` cents (a purchase line). */
bool cantine__get_amount(cantine__import *imp, int col, int64_t max, int64_t *cents);
bool cantine__get_mg(cantine__import *imp, int col, int64_t min_mg,
		     int64_t max_mg, int64_t *mg);
bool cantine__get_bool(cantine__import *imp, int col, int *out);
/* A '|' list whose items `parse` maps to a bit index (or -1 when unknown,
 * then `what` and `accepted` make the message). */
bool cantine__get_mask(cantine__import *imp, int col, int (*parse)(const char *),
		       const char *what, const char *accepted, unsigned *mask);
/* A required cell: reports when empty. */
bool cantine__get_required(cantine__import *imp, int col, const char **out);

struct cantine__strmap;
/* Record that `key` (of column `col`) was seen on this row; when it was
 * already seen in the file, report it.  Returns 0 (first time), 1
 * (duplicate, reported) or CANTINE_ENOMEM. */
int cantine__seen_once(cantine__import *imp, struct cantine__strmap *seen,
		       int col, const char *key, const char *what);

/* Fill `map` from `sql`'s rows: key (column 0) → id (column 1), and aux
 * (column 2) when there is one.  Returns 0 or an error code. */
int cantine__import_preload(cantine__import *imp, struct cantine__strmap *map,
			    const char *sql);

/* The state of a kind keyed by establishment (closures, registrations,
 * covers, waste): its upsert, the query saying whether a row's key is
 * already stored, the establishments by UAI and the keys seen in the
 * file. */
typedef struct cantine__keyed {
	sqlite3_stmt   *upsert, *exists;
	cantine__strmap etabs;
	cantine__strmap seen;
} cantine__keyed;

/* Count the row as updated or inserted (`exists` bound by the caller),
 * then run the bound `upsert`; `what` names the write in a store error.
 * Returns 0 or CANTINE_ESTORE. */
int cantine__keyed_write(cantine__import *imp, cantine__keyed *k, const char *what);
/* The cleanup of a kind whose state is a cantine__keyed. */
void cantine__keyed_cleanup(cantine__import *imp);

extern const cantine__kind_ops cantine__etab_ops;
extern const cantine__kind_ops cantine__product_ops;
extern const cantine__kind_ops cantine__recipe_ops;
extern const cantine__kind_ops cantine__menu_ops;
extern const cantine__kind_ops cantine__closure_ops;
extern const cantine__kind_ops cantine__purchase_ops;
extern const cantine__kind_ops cantine__tariff_ops;

#endif
