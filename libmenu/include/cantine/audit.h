/*
 * cantine/audit.h: the departmental audit: every collège of a store (or
 * of one département) over a calendar year, side by side (EGALIM shares,
 * meat and fish, local, weekly vegetarian menu, "Ici je mange local"),
 * with totals for the département, and its renderings.
 *
 * The purchase figures come from the plugins' purchase audit (the egalim
 * plugin, cantine_audit_purchases()), the vegetarian weeks from the core
 * checks.  Totals are sums of amounts, not averages of the collèges'
 * ratios (DOMAIN Part B §1.5, "National statistics").
 */
#ifndef CANTINE_AUDIT_H
#define CANTINE_AUDIT_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** One collège of the audit, or the département's total (borrowed view).
 *  Amounts are integer cents, excluding VAT, of the year's purchases. */
typedef struct cantine_audit_row {
	const char *uai;           /**< "" for the total */
	const char *name;          /**< the collège, or "Total" */
	const char *departement;
	size_t      purchases;     /**< purchase lines counted */
	int64_t     total;         /**< every purchase */
	int64_t     bio;           /**< bio (and en conversion) */
	int64_t     quality;       /**< EGALIM, bio included */
	int64_t     meat, meat_quality;  /**< viandes et volailles, EGALIM part */
	int64_t     fish, fish_quality;  /**< produits de la mer, EGALIM part */
	int64_t     local;         /**< local as "Ici je mange local" reads it */
	int         bio_min;       /**< objective in percent; -1 none known */
	int         quality_min;
	int         meat_fish_min; /**< -1 before the law applies it */
	int         weeks;         /**< school weeks with a meal served */
	int         weeks_vegetarian; /**< of which with a complete
	                               *   vegetarian menu on one day */
	int         ijml_level;    /**< 0 (no star) to 3; -1 unknown (total) */
	int         ijml_bio;      /**< 1 with the organic distinction */
	int         met;           /**< every objective of the year met: 1,
	                            *   0, or -1 when undefined (no purchase) */
} cantine_audit_row;

/** An audit.  Opaque. */
typedef struct cantine_audit cantine_audit;

/**
 * Audit every establishment of the store, or of département `departement`
 * ("59"; NULL for all), over calendar year `year`, ordered by name.
 * @return 0; CANTINE_EINVAL (bad year or département); CANTINE_ENOTFOUND
 *         (no establishment); CANTINE_ESTORE, CANTINE_ENOMEM, or a
 *         plugin's failure (no plugin audits purchases: CANTINE_EINVAL).
 */
CANTINE_API int cantine_audit_departement(cantine_audit **out, cantine_ctx *ctx,
                                          int year, const char *departement);

/**
 * The same audit for one establishment, the one whose UAI is `uai`: one
 * row (and a total equal to it), at the cost of one collège, for a page
 * that shows one (cantine.cgi's week page).  cantine_audit_dept() gives
 * NULL.
 * @return 0; CANTINE_EINVAL (bad year, no plugin audits purchases);
 *         CANTINE_ENOTFOUND (unknown UAI); CANTINE_ESTORE, CANTINE_ENOMEM
 *         or a plugin's failure.
 */
CANTINE_API int cantine_audit_etab(cantine_audit **out, cantine_ctx *ctx,
                                   int year, const char *uai);
/** The year and the département audited (NULL when all). */
CANTINE_API int cantine_audit_year(const cantine_audit *a);
CANTINE_API const char *cantine_audit_dept(const cantine_audit *a);
/** Number of collèges. */
CANTINE_API size_t cantine_audit_count(const cantine_audit *a);
/** The i-th collège (borrowed), NULL past the end. */
CANTINE_API const cantine_audit_row *cantine_audit_get(const cantine_audit *a,
                                                       size_t i);
/** The total of the collèges: sums of amounts and weeks; the objectives
 *  are those of the collèges when they all share them, else -1. */
CANTINE_API const cantine_audit_row *cantine_audit_total(const cantine_audit *a);

/** What the rows can be sorted by. */
typedef enum cantine_audit_key {
	CANTINE_AUDIT_BY_NAME,
	CANTINE_AUDIT_BY_UAI,
	CANTINE_AUDIT_BY_BIO,        /**< bio share */
	CANTINE_AUDIT_BY_QUALITY,    /**< EGALIM share */
	CANTINE_AUDIT_BY_MEAT,       /**< meat EGALIM share */
	CANTINE_AUDIT_BY_FISH,       /**< fish EGALIM share */
	CANTINE_AUDIT_BY_LOCAL,      /**< local share */
	CANTINE_AUDIT_BY_VEGETARIAN, /**< share of weeks with a vegetarian menu */
	CANTINE_AUDIT_BY_IJML,       /**< "Ici je mange local" level */
	CANTINE_AUDIT_BY_TOTAL,      /**< amount of purchases */
	CANTINE_AUDIT_BY__MAX
} cantine_audit_key;

/** Parse a sort key, French name ("bio", "egalim", "viandes", "poissons",
 *  "local", "vegetarien", "ijml", "montant", "nom", "uai").  @return it
 *  or -1. */
CANTINE_API int cantine_audit_key_parse(const char *name);

/** Sort the collèges by `key` (undefined shares last either way), ties
 *  by name; `descending` for the largest first.
 *  @return 0, CANTINE_EINVAL (key) or CANTINE_ENOMEM (order unchanged). */
CANTINE_API int cantine_audit_sort(cantine_audit *a, cantine_audit_key key,
                                    int descending);

/**
 * A share in hundredths of a percent, half up (1843 for 18,43 %), or -1
 * when undefined (total 0, or part above total).
 */
CANTINE_API int64_t cantine_share(int64_t part, int64_t total);

/**
 * The cents missing for part / total to reach `pct` percent, the total
 * fixed: the smallest m with (part + m) × 100 ≥ pct × total; 0 when
 * reached or when total is 0.
 */
CANTINE_API int64_t cantine_missing(int64_t part, int64_t total, int pct);

/** Output formats of an audit. */
typedef enum cantine_audit_format {
	CANTINE_AUDIT_TEXT, /**< aligned table and what each collège lacks */
	CANTINE_AUDIT_CSV,  /**< one row per collège then the total (docs/formats.md) */
	CANTINE_AUDIT_XML,  /**< libmenu/xsd/audit.xsd */
	CANTINE_AUDIT_HTML, /**< a whole page with SVG bar charts */
	CANTINE_AUDIT__MAX
} cantine_audit_format;

/** Parse a format name ("text", "texte", "csv", "xml", "html"); -1 if none. */
CANTINE_API int cantine_audit_format_parse(const char *name);

/** Render the audit in `format`, appended to `out`.
 *  @return 0, CANTINE_EINVAL (format) or CANTINE_ENOMEM. */
CANTINE_API int cantine_audit_write(const cantine_audit *a,
                                    cantine_audit_format format,
                                    cantine_buf *out);

/** ma-cantine's yearly declaration files (DOMAIN Part B §1.8). */
typedef enum cantine_bilan {
	CANTINE_BILAN_SIMPLE,   /**< bilans_simple_siret: 21 columns */
	CANTINE_BILAN_DETAILLE, /**< bilans_detaille: 125 columns, per family
	                         *   and label */
	CANTINE_BILAN__MAX
} cantine_bilan;

/**
 * Write ma-cantine's bilan CSV of calendar year `year` (UTF-8, comma,
 * amounts in euros with a decimal point): one row per establishment, of
 * département `departement` or of the whole store (NULL), with purchases
 * that year, in UAI order; the amounts are those the plugins' purchase
 * audit counted (the egalim plugin, as ma-cantine counts them).
 * @param skipped receives the number of establishments left out for
 *                having no purchase that year (may be NULL)
 * @return 0; CANTINE_EINVAL (bad year or département, an establishment
 *         with purchases but no SIRET, no plugin counting purchases);
 *         CANTINE_ESTORE, CANTINE_ENOMEM, or a plugin's failure.
 */
CANTINE_API int cantine_bilan_export(cantine_ctx *ctx, cantine_bilan kind, int year,
                                     const char *departement, cantine_buf *out,
                                     size_t *skipped);

/** Free an audit.  Accepts NULL. */
CANTINE_API void cantine_audit_free(cantine_audit *a);

#ifdef __cplusplus
}
#endif
#endif
