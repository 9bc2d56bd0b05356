/*
 * cantine/nutriscore.h: the Nutri-Score, 2023 algorithm (foods 2022,
 * beverages 2023), as pure functions.
 *
 * Source: DOMAIN §6, which takes the tables of Santé publique France,
 * "Update of the Nutri-Score algorithm" (Scientific Committee reports of
 * 2022 for foods and 2023 for beverages) from two implementations that
 * agree (Open Food Facts' Nutriscore.pm and nghiamphan/nutri-score-2023).
 *
 * Quantities are **integer millionths** of their unit, per 100 g of food
 * (per 100 ml of a beverage): 4.5 g is 4500000, 1523 kJ is 1523000000,
 * 45 % is 45000000.  Never a double, so that every comparison with a
 * threshold is exact: a nutrient gets a point for each threshold its value
 * is strictly greater than (saturates/lipids ratio: greater or equal), and
 * the 2023 algorithm has no rounding step (DOMAIN §6.1).
 *
 * Nothing here needs a context or a store: the functions read their
 * arguments and write their result, nothing else.
 */
#ifndef CANTINE_NUTRISCORE_H
#define CANTINE_NUTRISCORE_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Nutri-Score categories (DOMAIN §6.2–6.4). */
typedef enum cantine_nutriscore_category {
	CANTINE_NUTRISCORE_GENERAL,  /**< general foods ("générale") */
	CANTINE_NUTRISCORE_CHEESE,   /**< cheese: protein always counted */
	CANTINE_NUTRISCORE_RED_MEAT, /**< red meat products: protein points
	                                  capped at 2 */
	CANTINE_NUTRISCORE_FATS,     /**< fats, oils, nuts and seeds */
	CANTINE_NUTRISCORE_BEVERAGE, /**< beverages, milk and plant drinks
	                                  included (per 100 ml) */
	CANTINE_NUTRISCORE_WATER,    /**< waters: always grade A */
	CANTINE_NUTRISCORE__MAX
} cantine_nutriscore_category;

/** The components of the score, in the order they are printed. */
typedef enum cantine_nutriscore_component {
	/* negative points (N) */
	CANTINE_NUTRISCORE_ENERGY,     /**< energy; for fats, energy from
	                                    saturates (saturates × 37 kJ/g) */
	CANTINE_NUTRISCORE_SUGARS,
	CANTINE_NUTRISCORE_SATURATES,  /**< saturated fatty acids; for fats,
	                                    the saturates/lipids ratio (%) */
	CANTINE_NUTRISCORE_SALT,
	CANTINE_NUTRISCORE_SWEETENERS, /**< non-nutritive sweeteners
	                                    (beverages only) */
	/* positive points (P) */
	CANTINE_NUTRISCORE_PROTEIN,
	CANTINE_NUTRISCORE_FIBRE,
	CANTINE_NUTRISCORE_FVL,        /**< fruits, vegetables and legumes (%) */
	CANTINE_NUTRISCORE_COMPONENT__MAX
} cantine_nutriscore_component;

/** The first positive component: components before it make N. */
#define CANTINE_NUTRISCORE_FIRST_POSITIVE CANTINE_NUTRISCORE_PROTEIN

/**
 * What one food is scored on.  All quantities are millionths of the unit
 * per 100 g (100 ml for beverages and waters); start from `= {0}`.
 */
typedef struct cantine_nutriscore_input {
	cantine_nutriscore_category category;
	int64_t energy_kj;   /**< energy, millionths of kJ (0 to 3700 kJ) */
	int64_t sugars;      /**< sugars, millionths of g */
	int64_t saturates;   /**< saturated fatty acids, millionths of g */
	int64_t fat;         /**< total fat (lipides), millionths of g:
	                          required for CANTINE_NUTRISCORE_FATS (the
	                          saturates/lipids ratio); elsewhere 0 means
	                          "not given" and only checks saturates ≤ fat */
	int64_t salt;        /**< salt, millionths of g (from sodium: see
	                          cantine_nutriscore_salt_from_sodium()) */
	int64_t fibre;       /**< fibre (AOAC), millionths of g */
	int64_t protein;     /**< protein, millionths of g */
	int64_t fvl;         /**< share of fruits, vegetables and legumes,
	                          millionths of a percent (0 to 100 %) */
	int     sweeteners;  /**< non-zero: non-nutritive sweeteners present
	                          (counted for beverages only; a water with
	                          sweeteners is refused) */
} cantine_nutriscore_input;

/** Rules that changed the outcome (bits of cantine_nutriscore_result.rules). */
enum {
	/** Protein not counted: N reached 11 (7 for fats), DOMAIN §6.2–6.3. */
	CANTINE_NUTRISCORE_RULE_PROTEIN_EXCLUDED = 1 << 0,
	/** Cheese with N ≥ 11: protein counted anyway (DOMAIN §6.2). */
	CANTINE_NUTRISCORE_RULE_CHEESE = 1 << 1,
	/** Red meat: protein points capped at 2 (DOMAIN §6.2). */
	CANTINE_NUTRISCORE_RULE_RED_MEAT_CAP = 1 << 2,
	/** Water: grade A whatever the score (DOMAIN §6.4). */
	CANTINE_NUTRISCORE_RULE_WATER = 1 << 3
};

/** The score of one food, with every step of its computation. */
typedef struct cantine_nutriscore_result {
	cantine_nutriscore_category category;
	/** The value each component was scored on, millionths of its unit:
	 *  kJ, g, % (the saturates/lipids ratio of fats is rounded down to
	 *  the millionth for display; its points use the exact ratio), or
	 *  1/0 for sweeteners.  0 for a component the category does not use. */
	int64_t value[CANTINE_NUTRISCORE_COMPONENT__MAX];
	/** Points of each component.  Protein: after the red-meat cap, and
	 *  given even when it is not counted (see protein_counted). */
	int points[CANTINE_NUTRISCORE_COMPONENT__MAX];
	/** Most points the component can get in this category; 0 when the
	 *  category does not use it (sweeteners outside beverages). */
	int max_points[CANTINE_NUTRISCORE_COMPONENT__MAX];
	int negative;         /**< N: sum of the negative points */
	int positive;         /**< P: positive points actually counted */
	int score;            /**< N − P */
	int protein_counted;  /**< 1 when protein is part of P */
	unsigned rules;       /**< CANTINE_NUTRISCORE_RULE_* bits */
	char grade;           /**< 'A' to 'E' */
} cantine_nutriscore_result;

/**
 * Score one food.
 * @param out  receives the result; untouched on failure
 * @param in   the food
 * @param why  if not NULL, receives on failure a static French sentence
 *             saying what is impossible in the input and what to check
 *             ("les sucres dépassent 100 g pour 100 g …"); not changed
 *             on success
 * @return 0, or CANTINE_EINVAL for an impossible input: an unknown
 *         category, a negative value, a nutrient above 100 g, energy above
 *         3700 kJ (pure fat), a share above 100 %, saturates above total
 *         fat, nutrients summing to more than 100 g in a food, a fat
 *         without its total fat, a water with energy, sugars or sweeteners.
 */
CANTINE_API int cantine_nutriscore_compute(cantine_nutriscore_result *out,
                                           const cantine_nutriscore_input *in,
                                           const char **why);

/**
 * The grade of a score in a category: general foods (cheese and red meat
 * too) A ≤ 0, B ≤ 2, C ≤ 10, D ≤ 18, E; fats A ≤ −6, B ≤ 2, C ≤ 10,
 * D ≤ 18, E; beverages B ≤ 2, C ≤ 6, D ≤ 9, E; waters A (DOMAIN §6).
 * @return 'A' to 'E', or 0 for an unknown category.
 */
CANTINE_API char cantine_nutriscore_grade(cantine_nutriscore_category category,
                                          int score);

/**
 * Salt from sodium (DOMAIN §6.2: salt = sodium × 2.5), both millionths of
 * a gram.  A half millionth is rounded up, which keeps every strict
 * comparison with the salt thresholds exact.  Returns -1 for a negative
 * or too large sodium.
 */
CANTINE_API int64_t cantine_nutriscore_salt_from_sodium(int64_t sodium);

/**
 * Parse a decimal number written by a person, "4,5" or "4.5" (an optional
 * sign, digits, one decimal separator, at most 6 decimals), into
 * millionths.
 * @return 0, or CANTINE_EINVAL (not a number, more than 6 decimals, too
 *         large); *out is set only on success.
 */
CANTINE_API int cantine_nutriscore_parse_value(int64_t *out, const char *text);

/** Parse a category name, ignoring case, accents, spaces and dashes:
 *  "générale", "fromage", "viande rouge", "matières grasses", "boisson",
 *  "eau" (and a few synonyms).  @return the category, or -1. */
CANTINE_API int cantine_nutriscore_category_parse(const char *text);

/** The French name of a category, as the CLI accepts it ("générale",
 *  "viande-rouge", …); static string, or NULL. */
CANTINE_API const char *cantine_nutriscore_category_name(
	cantine_nutriscore_category category);

/** The French name of a component in a category ("énergie", "énergie des
 *  acides gras saturés" for fats, …); static string, or NULL. */
CANTINE_API const char *cantine_nutriscore_component_name(
	cantine_nutriscore_component component,
	cantine_nutriscore_category category);

#ifdef __cplusplus
}
#endif
#endif
