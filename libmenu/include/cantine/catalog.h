/*
 * cantine/catalog.h: the product catalogue.
 *
 * A product carries the facts the analyses need: its EGALIM family and
 * quality labels (ma-cantine's codes, DOMAIN Part B §1.2 and §1.4), its
 * origin and whether it is local, its price in integer cents, its Ciqual
 * code, the 14 allergens of Regulation (EU) 1169/2011 Annex II ("contains"
 * and "may contain" kept apart, DOMAIN §5.3) and whether it is meat or fish.
 */
#ifndef CANTINE_CATALOG_H
#define CANTINE_CATALOG_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** EGALIM product families (ma-cantine `Purchase.Family`). */
typedef enum cantine_family {
	CANTINE_FAMILY_VIANDES_VOLAILLES,
	CANTINE_FAMILY_CHARCUTERIE,
	CANTINE_FAMILY_PRODUITS_DE_LA_MER,
	CANTINE_FAMILY_FRUITS_ET_LEGUMES,
	CANTINE_FAMILY_PRODUITS_LAITIERS,
	CANTINE_FAMILY_BOULANGERIE,
	CANTINE_FAMILY_BOISSONS,
	CANTINE_FAMILY_AUTRES,
	CANTINE_FAMILY__MAX
} cantine_family;

/** EGALIM quality labels, one bit each (ma-cantine characteristics). */
typedef enum cantine_label {
	CANTINE_LABEL_BIO,
	CANTINE_LABEL_LABEL_ROUGE,
	CANTINE_LABEL_AOCAOP,
	CANTINE_LABEL_IGP,
	CANTINE_LABEL_STG,
	CANTINE_LABEL_HVE,
	CANTINE_LABEL_PECHE_DURABLE,
	CANTINE_LABEL_RUP,
	CANTINE_LABEL_FERMIER,
	CANTINE_LABEL_COMMERCE_EQUITABLE,
	CANTINE_LABEL_EXTERNALITES,
	CANTINE_LABEL_PERFORMANCE,
	CANTINE_LABEL__MAX
} cantine_label;

/** The 14 allergens of Regulation (EU) 1169/2011 Annex II, in its order. */
typedef enum cantine_allergen {
	CANTINE_ALLERGEN_GLUTEN,
	CANTINE_ALLERGEN_CRUSTACEANS,
	CANTINE_ALLERGEN_EGGS,
	CANTINE_ALLERGEN_FISH,
	CANTINE_ALLERGEN_PEANUTS,
	CANTINE_ALLERGEN_SOY,
	CANTINE_ALLERGEN_MILK,
	CANTINE_ALLERGEN_NUTS,
	CANTINE_ALLERGEN_CELERY,
	CANTINE_ALLERGEN_MUSTARD,
	CANTINE_ALLERGEN_SESAME,
	CANTINE_ALLERGEN_SULPHITES,
	CANTINE_ALLERGEN_LUPIN,
	CANTINE_ALLERGEN_MOLLUSCS,
	CANTINE_ALLERGEN__MAX
} cantine_allergen;

/** Unit a price is given for. */
typedef enum cantine_unit {
	CANTINE_UNIT_KG,
	CANTINE_UNIT_LITRE,
	CANTINE_UNIT_PIECE,
	CANTINE_UNIT__MAX
} cantine_unit;

/** What "local" means for a product (ma-cantine `definition_local`). */
typedef enum cantine_local {
	CANTINE_LOCAL_NONE,        /**< not local */
	CANTINE_LOCAL_REGION,      /**< produced and processed in the region */
	CANTINE_LOCAL_DEPARTEMENT,
	CANTINE_LOCAL_COMMUNE,
	CANTINE_LOCAL_PAT,         /**< projet alimentaire territorial */
	CANTINE_LOCAL_KM,          /**< within distance_km */
	CANTINE_LOCAL__MAX
} cantine_local;

/** A product of the catalogue.  Strings may be NULL when unknown. */
typedef struct cantine_product {
	const char    *code;          /**< unique code, e.g. "VBF-HACHE-15" */
	const char    *name;
	cantine_family family;
	unsigned       labels;        /**< bits 1u << CANTINE_LABEL_* */
	const char    *country;       /**< ISO 3166 alpha-2, e.g. "FR" */
	const char    *departement;   /**< département of origin */
	const char    *commune_insee; /**< commune of origin */
	int            distance_km;   /**< -1 when unknown */
	cantine_local  local;         /**< CANTINE_LOCAL_NONE when not local */
	const char    *supplier;
	cantine_unit   unit;
	int            unit_grams;    /**< grams in one unit (1000 for kg) */
	int64_t        price_cents;   /**< price of one unit, HT, in cents */
	int            ciqual;        /**< Ciqual code, 0 when none */
	unsigned       allergens;     /**< contains: bits 1u << CANTINE_ALLERGEN_* */
	unsigned       traces;        /**< may contain: same bits */
	int            meat;          /**< 1 if meat, poultry or charcuterie */
	int            fish;          /**< 1 if fish, crustaceans or molluscs */
} cantine_product;

/** ma-cantine code of a family ("VIANDES_VOLAILLES"), or NULL. */
CANTINE_API const char *cantine_family_code(cantine_family f);
/** French label of a family ("Viandes et volailles …"), or NULL. */
CANTINE_API const char *cantine_family_label(cantine_family f);
/** ma-cantine code of a label ("LABEL_ROUGE"), or NULL. */
CANTINE_API const char *cantine_label_code(cantine_label l);
/** French name of a label ("Label rouge"), or NULL. */
CANTINE_API const char *cantine_label_name(cantine_label l);
/** French name of an allergen as in the national menu schema
 *  ("céréales contenant du gluten", "lait", …), or NULL. */
CANTINE_API const char *cantine_allergen_name(cantine_allergen a);
/** Short French name of an allergen ("gluten", "œufs", …), or NULL. */
CANTINE_API const char *cantine_allergen_short(cantine_allergen a);
/**
 * Parse an allergen name, long or short, ignoring case and accents.
 * @return the allergen, or -1 when the name is unknown.
 */
CANTINE_API int cantine_allergen_parse(const char *name);
/** Code of a unit ("kg", "l", "piece"), or NULL. */
CANTINE_API const char *cantine_unit_code(cantine_unit u);
/** Code of a local definition ("REGION", …; "" for NONE), or NULL. */
CANTINE_API const char *cantine_local_code(cantine_local l);

/**
 * Write the short names of the allergens in `mask`, separated by `sep`,
 * into `out` (appended).  @return 0 or CANTINE_ENOMEM.
 */
CANTINE_API int cantine_allergens_format(cantine_buf *out, unsigned mask,
                                         const char *sep);

/**
 * Insert or update (by code) a product, after validating every field.
 * @return 0, CANTINE_EINVAL or CANTINE_ESTORE.
 */
CANTINE_API int cantine_product_save(cantine_ctx *ctx,
                                     const cantine_product *p);

/**
 * Find a product by code.  *out is owned by the caller and freed with
 * cantine_product_free().  @return 0 or CANTINE_ENOTFOUND.
 */
CANTINE_API int cantine_product_find(cantine_product **out, cantine_ctx *ctx,
                                     const char *code);

/** Free a product returned by the library.  Accepts NULL. */
CANTINE_API void cantine_product_free(cantine_product *p);

/**
 * Cost in cents of `grams_mg` milligrams of a product priced
 * `price_cents` per unit of `unit_grams` grams, rounded half up to the
 * cent.  Exact integer arithmetic.
 */
CANTINE_API int64_t cantine_cost_cents(int64_t price_cents, int unit_grams,
                                       int64_t grams_mg);

#ifdef __cplusplus
}
#endif
#endif
