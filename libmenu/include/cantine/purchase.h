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
} cantine_purchase;

#ifdef __cplusplus
}
#endif
#endif
