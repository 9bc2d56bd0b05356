/*
 * cantine/etab.h: establishments (collèges).
 *
 * Identifiers are validated on input: the UAI (7 digits and a check letter)
 * and the SIRET (Luhn, with La Poste's exception, DOMAIN Part B §7).
 */
#ifndef CANTINE_ETAB_H
#define CANTINE_ETAB_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Service days, one bit each, Monday first (ISO 8601 order). */
enum {
	CANTINE_DAY_MON = 1u << 0,
	CANTINE_DAY_TUE = 1u << 1,
	CANTINE_DAY_WED = 1u << 2,
	CANTINE_DAY_THU = 1u << 3,
	CANTINE_DAY_FRI = 1u << 4,
	CANTINE_DAY_SAT = 1u << 5,
	CANTINE_DAY_SUN = 1u << 6
};

/** An establishment.  Strings are UTF-8; see cantine_etab_find(). */
typedef struct cantine_etab {
	const char *uai;           /**< UAI, e.g. "0590001F" */
	const char *siret;         /**< 14 digits, or NULL when unknown */
	const char *name;          /**< e.g. "Collège Louise Michel" */
	const char *commune_insee; /**< INSEE code of the commune */
	const char *departement;   /**< département code, e.g. "59" */
	unsigned    service_days;  /**< CANTINE_DAY_* bits */
	int         pupils;        /**< number of pupils */
	int         half_boarders; /**< demi-pensionnaires (≤ pupils) */
	int64_t     food_cost_target_cents; /**< coût denrées par repas
	                                     *   aimed at, or 0 when none */
} cantine_etab;

/**
 * Check a UAI: 7 digits then the letter "ABCDEFGHJKLMNPRSTUVWXYZ"[n % 23]
 * where n is the 7-digit number.  Lower-case letters are refused.
 * @return 0 when valid, CANTINE_EINVAL otherwise.
 */
CANTINE_API int cantine_uai_check(const char *uai);

/**
 * The check letter of the 7 digits at `digits` (not NULL; need not be
 * NUL-terminated), or 0 when they are not 7 digits.
 */
CANTINE_API char cantine_uai_letter(const char *digits);

/**
 * Check a SIRET given as exactly 14 digits (no spaces): Luhn, or for La
 * Poste (SIREN 356000000), whose establishments but the head office fail
 * Luhn, the sum of the digits divisible by 5.
 * @return 0 when valid, CANTINE_EINVAL otherwise.
 */
CANTINE_API int cantine_siret_check(const char *siret);

/**
 * Insert or update (by UAI) an establishment.  Every field is validated;
 * on failure nothing is written and the message says which field is wrong.
 * @return 0, CANTINE_EINVAL or CANTINE_ESTORE.
 */
CANTINE_API int cantine_etab_save(cantine_ctx *ctx, const cantine_etab *etab);

/**
 * Find the establishment with this UAI.
 * @param out receives a copy owned by the caller, freed with
 *            cantine_etab_free().
 * @return 0 or CANTINE_ENOTFOUND.
 */
CANTINE_API int cantine_etab_find(cantine_etab **out, cantine_ctx *ctx,
                                  const char *uai);

/**
 * The establishment of the store when there is exactly one; otherwise
 * CANTINE_ENOTFOUND (none) or CANTINE_EINVAL (several), with a message that
 * lists them.  Same ownership as cantine_etab_find().
 */
CANTINE_API int cantine_etab_only(cantine_etab **out, cantine_ctx *ctx);

/**
 * The establishments of the store, or of département `departement` ("59";
 * NULL for all), ordered by name as a French reader expects (case and
 * accents ignored: "Émile Zola" among the E), then by UAI.  For lists,
 * such as the public page of the collèges.
 * @param out receives an array of *n establishments, owned by the caller
 *            and freed with cantine_etab_list_free(*out, *n); NULL when
 *            *n is 0
 * @return 0, CANTINE_ESTORE or CANTINE_ENOMEM (then *out is NULL).
 */
CANTINE_API int cantine_etab_list(cantine_etab ***out, size_t *n,
                                  cantine_ctx *ctx, const char *departement);
/** Free what cantine_etab_list() gave.  Accepts NULL. */
CANTINE_API void cantine_etab_list_free(cantine_etab **list, size_t n);
/** Free an establishment returned by the library.  Accepts NULL. */
CANTINE_API void cantine_etab_free(cantine_etab *etab);

/** French short name of a single CANTINE_DAY_* bit ("lun", …), or NULL. */
CANTINE_API const char *cantine_day_name(unsigned day_bit);

#ifdef __cplusplus
}
#endif
#endif
