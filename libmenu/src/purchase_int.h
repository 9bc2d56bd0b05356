/*
 * purchase_int.h: what the two purchase importers share: purchase_import.c
 * (ma-cantine's CSV files) and purchase_xml.c (the project's own XML,
 * libmenu/xsd/achats.xsd).  Implemented in purchase.c.
 *
 * Both apply ma-cantine's rules (DOMAIN Part B §1.1–1.2, §2.1–2.2) with
 * the same closed lists, the same price parsing, the same refusal of a
 * file already imported and the same INSERT.
 */
#ifndef CANTINE_PURCHASE_INT_H
#define CANTINE_PURCHASE_INT_H

#include "import_int.h"
#include "suggest_int.h"

/* Largest price accepted: a hundred million euros for one line. */
#define CANTINE__PURCHASE_MAX_CENTS INT64_C(10000000000)

/* Today as "YYYY-MM-DD" (local time): a purchase may not be dated after
 * it (ma-cantine data/validators/purchase.py; DOMAIN Part B §1.1). */
void cantine__purchase_today(char out[11]);

/* The family whose ma-cantine code is exactly `code` (upper case; DOMAIN
 * Part B §1.4), or -1.  (names_int.h has the lenient parsers of the
 * project CSV.) */
int cantine__family_code_parse(const char *code);
/* The characteristic whose ma-cantine code is `code` (DOMAIN Part B
 * §1.2), when its bit is in `allowed`; else -1. */
int cantine__characteristic_code_parse(const char *code, unsigned allowed);
/* The definition of local whose code is `code` (PAT, COMMUNE,
 * DEPARTEMENT, REGION, KM; DOMAIN Part B §1.6), or -1. */
int cantine__local_code_parse(const char *code);

/* What cantine__price_parse() found. */
typedef enum cantine__price {
	CANTINE__PRICE_OK,
	CANTINE__PRICE_EMPTY,     /* no digit at all */
	CANTINE__PRICE_NEGATIVE,  /* "-12.5" */
	CANTINE__PRICE_COMMA,     /* "12,5": a decimal comma */
	CANTINE__PRICE_BAD,       /* anything else than digits and one point */
	CANTINE__PRICE_TOO_BIG    /* above CANTINE__PURCHASE_MAX_CENTS */
} cantine__price;

/* Euros excluding VAT written with digits and a decimal point ("90.11",
 * "12", ".5"), to integer cents, rounded half down as ma-cantine does
 * (ROUND_HALF_DOWN: 90.11000000002 gives 90.11, 0.125 gives 0.12; DOMAIN
 * Part B §1.1).  No floating point.  *cents is set only on OK. */
cantine__price cantine__price_parse(const char *text, int64_t *cents);

/* Refuse a file imported before: when purchases with this `source` (the
 * SHA-256 of the file's bytes) are in the store, report it as a problem
 * of the whole file, saying when and what (ma-cantine refuses a file
 * used before too: DOMAIN Part B §2.1).  Returns 0 (reported or not) or
 * an error code. */
int cantine__purchase_check_source(cantine__import *imp, const char *source);

/* The INSERT of one purchase, prepared once per import. */
int cantine__purchase_insert_prepare(cantine_ctx *ctx, sqlite3_stmt **ins);
/* Write `p` (checked by the caller) for establishment `etab` (its id),
 * coming from the file whose SHA-256 is `source`.  p->uai is not used.
 * Returns 0 or CANTINE_ESTORE. */
int cantine__purchase_insert(cantine_ctx *ctx, sqlite3_stmt *ins, int64_t etab,
			     const cantine_purchase *p, const char *source);

/* Classify `desc` for a purchase declared with `family` and `chars`:
 * *sug gets what the rules suggest beyond them (the suggester is made
 * on first use, in *sg, freed by the caller); the import's suggestion
 * counts are kept on the context; a text the rules cannot be run on gets
 * no suggestion and a warning on `line`.  Returns 0 or an error code. */
int cantine__purchase_suggest(cantine__import *imp, unsigned line, cantine__suggester **sg,
			      const char *desc, cantine_family family, unsigned chars,
			      cantine__psugg *sug);

/* The project's XML format (purchase_xml.c). */

/* True when data[0..len) is to be read as the project's XML: its first
 * byte that is not a space, after an optional UTF-8 byte-order mark, is
 * '<' (a ma-cantine CSV file starts with its header, "siret" or "uai"). */
bool cantine__purchase_is_xml(const char *data, size_t len);
/* Same on the first bytes of the file at `path` (false when unreadable:
 * the CSV importer then reports it). */
bool cantine__purchase_file_is_xml(const char *path);
/* cantine_import_purchases() and _mem() for an XML file: `path` non-NULL
 * reads it (data and len ignored). */
int cantine__import_purchases_xml(cantine_ctx *ctx, const char *name,
				  const char *data, size_t len, const char *path,
				  cantine_problems **problems,
				  cantine_import_stats *stats);
/* For the tests: how many times libxml2 asked the XML importer's entity
 * loader for something outside the file (it always refuses). */
unsigned long cantine__purchase_xml_loads(void);

#endif
