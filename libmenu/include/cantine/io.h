/*
 * cantine/io.h: CSV import and export (docs/formats.md).
 *
 * An import reads the whole file, checks every row, and writes only when
 * the file has no problem at all, in one transaction.  Every problem is
 * kept, with its file, line, column and field, in a cantine_problems list.
 */
#ifndef CANTINE_IO_H
#define CANTINE_IO_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What a CSV file holds. */
typedef enum cantine_kind {
	CANTINE_KIND_ETABS,    /**< etablissements */
	CANTINE_KIND_PRODUCTS, /**< produits */
	CANTINE_KIND_RECIPES,  /**< recettes */
	CANTINE_KIND_MENUS,    /**< menus */
	CANTINE_KIND_CLOSURES, /**< fermetures */
	CANTINE_KIND_PURCHASES, /**< achats (the project's CSV; ma-cantine's
	                         *   files: cantine_import_purchases()) */
	CANTINE_KIND_PUPILS,   /**< inscriptions (cantine/attendance.h) */
	CANTINE_KIND_ABSENCES, /**< absences */
	CANTINE_KIND_COVERS,   /**< presences: covers served a day */
	CANTINE_KIND_WASTE,    /**< gaspillage: waste weighed a day */
	CANTINE_KIND_TARIFFS,  /**< tarifs (cantine/pricing.h) */
	CANTINE_KIND_TICKETS,  /**< repas: meals taken on ticket (cantine/billing.h) */
	CANTINE_KIND__MAX
} cantine_kind;

/** French name of a kind ("etablissements", …), or NULL. */
CANTINE_API const char *cantine_kind_name(cantine_kind k);
/** Parse a kind, French or English name.  @return it, or -1. */
CANTINE_API int cantine_kind_parse(const char *text);

/** Encoding of a file to import. */
typedef enum cantine_encoding {
	CANTINE_ENCODING_AUTO,   /**< UTF-8, else windows-1252 (formats.md) */
	CANTINE_ENCODING_UTF8,
	CANTINE_ENCODING_CP1252
} cantine_encoding;

/**
 * One problem found in an input file (borrowed view).
 *
 * Most problems are errors: the file is not imported.  Some importers
 * (cantine_import_scdl(), cantine/scdl.h) also report warnings: a
 * deviation they tolerated and how they read it; a file with warnings
 * only is imported, and its list of problems is returned all the same.
 * cantine_problem_format() does not show the severity: say it yourself
 * ("attention : …").
 */
typedef struct cantine_problem {
	const char *file;    /**< file name as given */
	unsigned    line;    /**< 1-based physical line, 0 for the whole file */
	unsigned    column;  /**< 1-based column (cell), 0 when not one cell */
	const char *field;   /**< column name, or NULL */
	const char *message; /**< French: what is wrong and what to do */
	int         warning; /**< 1: a tolerated deviation, the import went on;
	                      *   0: an error (always 0 for cantine_import_csv) */
} cantine_problem;

/** The problems of one import.  Opaque. */
typedef struct cantine_problems cantine_problems;

/** Number of problems kept (at most 1000; see cantine_problems_total()). */
CANTINE_API size_t cantine_problems_count(const cantine_problems *p);
/** Number of problems found, including those not kept. */
CANTINE_API size_t cantine_problems_total(const cantine_problems *p);
/** The i-th problem (borrowed): errors in file order, then the
 *  warnings, if any, in file order. */
CANTINE_API const cantine_problem *cantine_problems_get(
	const cantine_problems *p, size_t i);
/**
 * Format one problem as a French sentence ("produits.csv, ligne 3,
 * colonne 5 (prix_ht) : …"), appended to `out`.  @return 0 or ENOMEM.
 */
CANTINE_API int cantine_problem_format(const cantine_problem *pb,
                                       cantine_buf *out);
/** Free a problem list.  Accepts NULL. */
CANTINE_API void cantine_problems_free(cantine_problems *p);

/** Counts of what an import did. */
typedef struct cantine_import_stats {
	size_t rows;      /**< data rows read */
	size_t inserted;  /**< objects created */
	size_t updated;   /**< objects that existed and were rewritten */
} cantine_import_stats;

/**
 * Import the CSV file `path` of kind `kind` into the store.
 *
 * @param problems receives the list of problems when there are any, so
 *                 always when the result is CANTINE_EINVAL (may be NULL);
 *                 freed by the caller.
 * @param stats    receives counts on success (may be NULL)
 * @return 0; CANTINE_EINVAL when the file has problems (nothing written);
 *         CANTINE_EIO when it cannot be read (also listed as a problem);
 *         CANTINE_ESTORE or CANTINE_ENOMEM.
 */
CANTINE_API int cantine_import_csv(cantine_ctx *ctx, cantine_kind kind,
                                   const char *path, cantine_encoding enc,
                                   cantine_problems **problems,
                                   cantine_import_stats *stats);

/**
 * Same as cantine_import_csv() on bytes in memory; `name` is the file name
 * used in messages.
 */
CANTINE_API int cantine_import_csv_mem(cantine_ctx *ctx, cantine_kind kind,
                                       const char *name, const char *data,
                                       size_t len, cantine_encoding enc,
                                       cantine_problems **problems,
                                       cantine_import_stats *stats);

/**
 * Export every row of `kind` as CSV (UTF-8, comma, formats.md), appended
 * to `out`.  Importing the result gives back the same store content.
 * @return 0, CANTINE_ESTORE or CANTINE_ENOMEM.
 */
CANTINE_API int cantine_export_csv(cantine_ctx *ctx, cantine_kind kind,
                                   cantine_buf *out);

/**
 * Export the menus of establishment `uai` from `from` to `to` (both
 * included) as an iCalendar file (RFC 5545), appended to `out`: one
 * all-day VEVENT per meal whose status bit (1u << cantine_status) is in
 * `status_mask`, with the dishes of each course, the vegetarian marks and
 * the allergens in its DESCRIPTION, all text in French.  CRLF line ends,
 * lines folded at 75 octets (never inside a UTF-8 character).
 *
 * The output is deterministic, so that subscribers see only real changes:
 * each event's UID is "<date>-<uai>@cantine" and its DTSTAMP the meal's
 * date at 00:00:00Z.  A period without meals gives a valid calendar
 * without events.
 *
 * @param uai         UAI of the establishment
 * @param from, to    ISO dates "YYYY-MM-DD", from ≤ to, at most 400 days
 * @param status_mask statuses to keep, e.g. 1u << CANTINE_STATUS_PUBLISHED
 *                    for what families may see; 0 keeps none
 * @param out         receives the calendar (appended); owned by the
 *                    caller, released with cantine_buf_dispose().  Left
 *                    unchanged on failure.
 * @return 0; CANTINE_EINVAL (bad date, period reversed or too long,
 *         unknown status bit); CANTINE_ENOTFOUND (unknown UAI);
 *         CANTINE_ESTORE or CANTINE_ENOMEM.
 */
CANTINE_API int cantine_export_ical(cantine_ctx *ctx, const char *uai,
                                    const char *from, const char *to,
                                    unsigned status_mask, cantine_buf *out);

#ifdef __cplusplus
}
#endif
#endif
