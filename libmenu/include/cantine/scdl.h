/*
 * cantine/scdl.h: menus in the national open-data format, SCDL "menus
 * collectifs" 1.2.3 (schema.data.gouv.fr, scdl/menus-collectifs; DOMAIN
 * §5.1): a CSV file with one row per dish offered, the meal's fields
 * repeated on each row.  docs/formats.md, section "SCDL", gives the
 * mapping field by field.
 */
#ifndef CANTINE_SCDL_H
#define CANTINE_SCDL_H

#include "common.h"
#include "io.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Export the lunches of `uai` (or of every establishment when NULL) dated
 * `from` to `to` whose status bit (1u << cantine_status) is in
 * `status_mask`, as an SCDL menus collectifs 1.2.3 CSV file appended to
 * `out`: UTF-8 without BOM, comma, RFC 4180 quoting, LF line ends, the 26
 * schema fields as header in schema order, one row per dish offered,
 * ordered by UAI, date, course, dish name.  Every row validates against
 * the schema.  Deterministic: the same store gives the same bytes.
 *
 * The collège (an EPLE) runs its own demi-pension, so it is the
 * collectivity, the producer and the restaurant at once: its name in the
 * three name fields, its SIRET in menuCollSiret and
 * menuEtablissementSiret, its UAI in menuRestaurantId (type "EN").
 * menuPublicationDate is when the meal was last published (its history);
 * menuModificationDate and menuModificationInfo the last change after it
 * and its reason.  menuPlatAllergene merges "contains" and "traces" (the
 * schema does not tell them apart); menuPlatSiqo names a quality sign
 * only when the ingredients that carry it weigh at least half of the
 * dish; menuPlatPrix is the cost of a portion, empty for a dish without
 * ingredients (declared by an SCDL import).
 *
 * @param uai         UAI of one establishment, or NULL for all
 * @param from, to    ISO dates "YYYY-MM-DD" (both included), from ≤ to;
 *                    NULL: no bound
 * @param status_mask statuses to keep, e.g. 1u << CANTINE_STATUS_PUBLISHED
 *                    (what may be published); 0 keeps none
 * @param out         receives the file (appended); owned by the caller,
 *                    released with cantine_buf_dispose().  Left
 *                    unchanged on failure.
 * @return 0; CANTINE_EINVAL (bad date or period, unknown status bit, an
 *         establishment to export without a SIRET: the schema requires
 *         one); CANTINE_ENOTFOUND (unknown UAI); CANTINE_ESTORE or
 *         CANTINE_ENOMEM.
 */
CANTINE_API int cantine_export_scdl(cantine_ctx *ctx, const char *uai,
                                    const char *from, const char *to,
                                    unsigned status_mask, cantine_buf *out);

/**
 * Import the lunches of an SCDL menus collectifs file (1.2.x) into the
 * store, as published meals (they come from a publication), with the
 * meal writer of the plan: a published meal that changes needs a reason
 * (cantine_ctx_set_change(), else the file's menuModificationInfo of
 * that meal) and is kept in its history.
 *
 * Rows are matched to an establishment of the store by menuRestaurantId
 * when menuRestaurantIdType is "EN" (a UAI), otherwise by SIRET
 * (menuRestaurantId when its type is "SIRET", menuEtablissementSiret,
 * menuCollSiret, in that order).  Dishes are matched by exact name; an
 * unknown dish is created as a *declared* dish, whose allergens,
 * vegetarian mark and quality signs are those of the file.  Only
 * "déjeuner" rows are imported.
 *
 * What real files do and the schema does not allow (other case, missing
 * accents, English meal names, list cells without brackets, extra
 * spaces, …) is read and reported as a warning (cantine_problem.warning
 * = 1), once per distinct deviation.  A missing required field or an
 * impossible value is an error: then nothing is written (one
 * transaction).
 *
 * @param path     the file; UTF-8 or windows-1252 (see `enc`), separator
 *                 detected as for cantine_import_csv()
 * @param problems receives the problems when there are any (errors, or
 *                 warnings only on success); may be NULL; freed by the
 *                 caller with cantine_problems_free()
 * @param stats    receives counts on success: data rows read, meals
 *                 created, meals rewritten (may be NULL)
 * @return 0 (perhaps with warnings); CANTINE_EINVAL when the file has
 *         errors (nothing written); CANTINE_EIO when it cannot be read;
 *         CANTINE_ESTORE or CANTINE_ENOMEM.
 */
CANTINE_API int cantine_import_scdl(cantine_ctx *ctx, const char *path,
                                    cantine_encoding enc,
                                    cantine_problems **problems,
                                    cantine_import_stats *stats);

/**
 * Same as cantine_import_scdl() on bytes in memory; `name` is the file
 * name used in messages.
 */
CANTINE_API int cantine_import_scdl_mem(cantine_ctx *ctx, const char *name,
                                        const char *data, size_t len,
                                        cantine_encoding enc,
                                        cantine_problems **problems,
                                        cantine_import_stats *stats);

#ifdef __cplusplus
}
#endif
#endif
