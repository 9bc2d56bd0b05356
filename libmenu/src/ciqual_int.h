/*
 * ciqual_int.h: what the Ciqual importer (ciqual.c), its column list and
 * value grammar (ciqual_cols.c) and the dish nutrients (nutrients.c)
 * share.
 */
#ifndef CANTINE_CIQUAL_INT_H
#define CANTINE_CIQUAL_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cantine/nutrition.h"

/* The 84 columns of Table Ciqual 2025, in the file's order: 9 describing
 * the food, 74 constituents, the Jones factor. */
enum {
	CQ_GRP_CODE, CQ_SSGRP_CODE, CQ_SSSSGRP_CODE, CQ_GRP_NOM, CQ_SSGRP_NOM,
	CQ_SSSSGRP_NOM, CQ_CODE, CQ_NOM, CQ_NOM_SCI,
	CQ_FIRST_VALUE,                       /* first constituent column */
	CQ_JONES = CQ_FIRST_VALUE + 74,       /* "Facteur de Jones" */
	CQ__NCOLS
};
#define CQ_NVALUES (CQ_JONES - CQ_FIRST_VALUE)

typedef struct cantine__ciqual_col {
	const char *name; /* official name (const_nom_fr, with its unit) */
	int         code; /* Ciqual const_code, 0 for the other columns */
	const char *unit; /* unit of a constituent, NULL for the others */
} cantine__ciqual_col;

extern const cantine__ciqual_col cantine__ciqual_cols[CQ__NCOLS];

/*
 * Normalise a header cell for comparison (formats.md): '/' becomes a
 * space, runs of white space (space, tab, CR, LF, no-break space) one
 * space, none at either end.  `in` is UTF-8.  Returns false when it does
 * not fit in `out`.
 */
bool cantine__ciqual_norm(const char *in, char *out, size_t outsz);

/* What went wrong with a cell, for the importer's messages. */
typedef enum cantine__cq_err {
	CQ_OK,
	CQ_EMPTY,     /* empty cell */
	CQ_SYNTAX,    /* not a value of the grammar */
	CQ_POINT,     /* a decimal point where the table writes a comma */
	CQ_COMMA,     /* a decimal comma where the table writes a point */
	CQ_PRECISION, /* more than 6 decimals: not exact in millionths */
	CQ_RANGE      /* too large to be a content per 100 g */
} cantine__cq_err;

/* Largest value accepted, in units per 100 g (the table's largest is
 * 459,000 µg): keeps every sum of the nutrient computation in int64. */
#define CQ_MAX_UNITS INT64_C(1000000)

/*
 * Parse a constituent cell: "49,9", "traces", "< 0,2" (the '<' may be
 * followed by any white space, line breaks included), "-".  *amount is in
 * millionths (0 for traces and unknown).
 */
cantine__cq_err cantine__ciqual_parse_value(const char *s, cantine_ciqual_kind *kind,
					    int64_t *amount);
/* Parse a decimal number with `sep` as decimal separator into
 * millionths; `sep` other than the table's gives CQ_POINT / CQ_COMMA. */
cantine__cq_err cantine__ciqual_parse_number(const char *s, char sep, int64_t *out);

/* Signs that UTF-8 text was damaged by a bad conversion. */
typedef enum cantine__cq_damage {
	CQ_SOUND,
	CQ_FFFD,     /* U+FFFD: bytes an editor could not decode were replaced */
	CQ_C1,       /* U+0080–U+009F: windows-1252 read as ISO-8859-1 */
	CQ_MOJIBAKE  /* "Ã©" for "é": UTF-8 read as windows-1252 */
} cantine__cq_damage;

cantine__cq_damage cantine__ciqual_damage(const char *s);
/* French explanation of a damage (static): "contient …". */
const char *cantine__ciqual_damage_text(cantine__cq_damage d);

/* cantine_dish_nutriscore() on nutrients already computed for a dish of
 * `course` (cantine_course). */
int cantine__dish_nutriscore(cantine_nutriscore_result *out, cantine_ctx *ctx, int course,
			     const cantine_nutrients *n, cantine_buf *reason);

#endif
