/*
 * cantine/purchase.h: purchases, the facts the EGALIM counts are made of
 * (DOMAIN Part B §1.1–1.2: ma-cantine's purchase model).
 *
 * A purchase is one invoice line of an establishment: its date, supplier,
 * description, EGALIM family, characteristics (quality labels, origin,
 * circuit court, local, all as ma-cantine codes), the definition of
 * "local" when it is local, and its amount excluding VAT in integer cents.
 */
#ifndef CANTINE_PURCHASE_H
#define CANTINE_PURCHASE_H

#include "common.h"
#include "catalog.h"
#include "io.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * ma-cantine's purchase characteristics (DOMAIN Part B §1.2), one bit each
 * in cantine_purchase.characteristics, in the table's order.  Appended
 * only.
 */
typedef enum cantine_characteristic {
	CANTINE_CHAR_BIO,
	CANTINE_CHAR_CONVERSION_BIO,     /**< legacy: counts as bio */
	CANTINE_CHAR_LABEL_ROUGE,
	CANTINE_CHAR_AOCAOP,
	CANTINE_CHAR_IGP,
	CANTINE_CHAR_STG,
	CANTINE_CHAR_HVE,
	CANTINE_CHAR_PECHE_DURABLE,
	CANTINE_CHAR_RUP,
	CANTINE_CHAR_FERMIER,
	CANTINE_CHAR_COMMERCE_EQUITABLE,
	CANTINE_CHAR_EXTERNALITES,
	CANTINE_CHAR_PERFORMANCE,
	CANTINE_CHAR_EQUIVALENTS,        /**< legacy */
	CANTINE_CHAR_FRANCE,             /**< origin, information only */
	CANTINE_CHAR_EUROPE,             /**< origin UE/EEE outside France */
	CANTINE_CHAR_CIRCUIT_COURT,
	CANTINE_CHAR_LOCAL,
	CANTINE_CHAR__MAX
} cantine_characteristic;

/** ma-cantine code of a characteristic ("LABEL_ROUGE"), or NULL. */
CANTINE_API const char *cantine_characteristic_code(cantine_characteristic c);

/** One purchase (borrowed view). */
typedef struct cantine_purchase {
	const char    *date;            /**< "YYYY-MM-DD" */
	const char    *uai;             /**< the establishment */
	const char    *supplier;        /**< "" when unknown */
	const char    *description;
	cantine_family family;
	unsigned       characteristics; /**< bits 1u << CANTINE_CHAR_* */
	cantine_local  local;           /**< definition of local when
	                                 *   CANTINE_CHAR_LOCAL, else NONE */
	int            local_km;        /**< for CANTINE_LOCAL_KM, else 0 */
	int64_t        amount_cents;    /**< excluding VAT, ≥ 0 */
	/* Appended (schema 011; fields are only ever appended).  What the
	 * classification rules (cantine/classify.h) suggested for the
	 * description when it was imported, **only a suggestion**: the EGALIM
	 * counts read family and characteristics above, never these.  Only
	 * what differs from the declared values is kept.  Purchases are handed
	 * out in arrays (cantine_purchases_load(), the plugin host's
	 * `purchases`), whose stride is sizeof(cantine_purchase): code built
	 * against the header before these members must be rebuilt (plugins:
	 * CANTINE_PLUGIN_ABI 2 refuses those of ABI 1). */
	unsigned       suggested_characteristics; /**< bits 1u << CANTINE_CHAR_*
	                                 *   suggested and not declared (never
	                                 *   FRANCE nor EUROPE); 0 when none */
	int            suggested_family; /**< a cantine_family other than
	                                 *   `family`, or CANTINE_PURCHASE_NONE */
	int            suggested_origin; /**< CANTINE_CHAR_FRANCE or
	                                 *   CANTINE_CHAR_EUROPE when the file
	                                 *   does not declare it, or
	                                 *   CANTINE_PURCHASE_NONE */
	const char    *suggestion_rules; /**< names of the rules that gave the
	                                 *   suggestions, ", " separated; ""
	                                 *   when there is none */
} cantine_purchase;

/** "No suggestion" in cantine_purchase.suggested_family and
 *  suggested_origin (the value of CANTINE_CLASSIFY_NONE). */
#define CANTINE_PURCHASE_NONE (-1)

/** What the classification suggested during the last import. */
typedef struct cantine_suggestion_stats {
	size_t purchases;       /**< purchases stored with any suggestion */
	size_t characteristics; /**< … with suggested characteristics */
	size_t family;          /**< … with another family suggested */
	size_t origin;          /**< … with an origin suggested */
	size_t unclassified;    /**< descriptions a rule could not be run on
	                         *   (match limits; listed as warnings) */
} cantine_suggestion_stats;

/**
 * The suggestions of the last cantine_import_purchases*() call on ctx
 * that succeeded (all zero before one, and after a failed one).
 */
CANTINE_API void cantine_purchases_suggestion_stats(const cantine_ctx *ctx,
                                                    cantine_suggestion_stats *out);

/**
 * Import a purchase file: a ma-cantine CSV file or the project's own XML
 * (see below), told apart by content.
 *
 * A ma-cantine purchase file (docs/formats.md, "Achats"; DOMAIN
 * Part B §2.1–2.2): the current 12-column format (siret, description,
 * fournisseur, date, prix_ht, famille_produits, categories_egalim,
 * origine, est_circuit_court, est_local, definition_local,
 * definition_local_km) or the older 8-column one (…, famille_produits,
 * caracteristiques, definition_local).  The header must be one of the two
 * exactly, in order; the first column may be named "uai" instead of
 * "siret" to give the establishment by its UAI.
 *
 * Every row is checked (establishment known, date aaaa-mm-jj that exists
 * and is not after today, price with a decimal point rounded to the cent
 * half down, codes from ma-cantine's closed lists, FRANCE and EUROPE not
 * together, a definition of local only for a local purchase…) and every
 * problem is listed; the purchases are written, in one transaction, only
 * when the file has none.  The SHA-256 of the file's bytes is kept with
 * each purchase: the same file imported a second time is refused.
 *
 * A CSV file is streamed (read twice in 64 KiB chunks: once for the hash,
 * once for the rows), never loaded whole, and at most 1000 problems are
 * kept in full (cantine_problems_total() counts them all), so memory
 * does not grow with the file.
 *
 * Each purchase's description (CSV or XML) is classified with the built-in rules
 * (cantine/classify.h, compiled once per context): what they suggest
 * beyond what the file declares is stored as a suggestion
 * (cantine_purchase.suggested_*), never in place of the declared values
 * (cantine_purchases_suggestion_stats() counts them).
 *
 * A file whose first character that is not a space (after an optional
 * UTF-8 byte-order mark) is '<' is read as the project's XML format
 * (docs/formats.md, "Achats : format XML du projet";
 * libmenu/xsd/achats.xsd, embedded in the library): libxml2 reads it as
 * a stream, validated against the XSD, without network access, entity
 * expansion or DTD: a file with a DOCTYPE is refused, and nothing outside
 * the file is read.  Every problem of the file, well-formedness, XSD
 * validity and the rules above, is listed with its line, column and
 * element (the problem's field).  While XML imports are in progress,
 * libxml2's global external entity loader is one that refuses everything
 * (libxml2 2.9 has none per parser); the application's is put back after
 * the last.  libxml2's error handlers, thread-local, are set for the
 * import and put back.
 *
 * @param problems receives the problems when there are any (freed by the
 *                 caller with cantine_problems_free(); may be NULL)
 * @param stats    receives rows read and purchases inserted (may be NULL)
 * @return 0; CANTINE_EINVAL when the file has problems or was already
 *         imported (nothing written); CANTINE_EIO when it cannot be read;
 *         CANTINE_ESTORE or CANTINE_ENOMEM.
 */
CANTINE_API int cantine_import_purchases(cantine_ctx *ctx, const char *path,
                                         cantine_problems **problems,
                                         cantine_import_stats *stats);

/** Same on bytes in memory; `name` is the file name used in messages. */
CANTINE_API int cantine_import_purchases_mem(cantine_ctx *ctx, const char *name,
                                             const char *data, size_t len,
                                             cantine_problems **problems,
                                             cantine_import_stats *stats);

/**
 * The purchases of establishment `uai` dated from `from` to `to` (ISO
 * dates "YYYY-MM-DD", both included; NULL for no bound), in date order
 * (then in the order they were imported).
 *
 * @param out receives an array of *n purchases owned by the caller,
 *            freed with cantine_purchases_free(out, n); NULL when n is 0
 * @return 0; CANTINE_EINVAL (bad date, from after to, uai NULL);
 *         CANTINE_ENOTFOUND (unknown UAI); CANTINE_ESTORE or
 *         CANTINE_ENOMEM.
 */
CANTINE_API int cantine_purchases_load(cantine_ctx *ctx, const char *uai,
                                       const char *from, const char *to,
                                       cantine_purchase **out, size_t *n);

/** Free what cantine_purchases_load() gave.  Accepts NULL. */
CANTINE_API void cantine_purchases_free(cantine_purchase *list, size_t n);

/**
 * Export purchases in the project's XML format (docs/formats.md, "Achats :
 * format XML du projet"; libmenu/xsd/achats.xsd), appended to `out`: one
 * <achat> per purchase, by establishment (UAI), then date, then import
 * order.  cantine_import_purchases() reads the result back into a store
 * that has the establishments, giving the same purchases.  A selection
 * without purchases gives an <achats> element without <achat>, which is
 * valid but is not imported (a file with no purchase is refused).
 *
 * @param uai      the establishment, or NULL for all
 * @param from, to ISO dates "YYYY-MM-DD", both included; NULL for no bound
 * @param out      receives the UTF-8 document (appended); owned by the
 *                 caller, released with cantine_buf_dispose().  Left
 *                 unchanged on failure.
 * @return 0; CANTINE_EINVAL (bad date, from after to, or a supplier or
 *         description holding U+FFFE or U+FFFF, which XML cannot carry);
 *         CANTINE_ENOTFOUND (unknown UAI); CANTINE_ESTORE or
 *         CANTINE_ENOMEM.
 */
CANTINE_API int cantine_export_purchases_xml(cantine_ctx *ctx, const char *uai,
                                             const char *from, const char *to,
                                             cantine_buf *out);

#ifdef __cplusplus
}
#endif
#endif
