/*
 * cantine/recipe.h: dishes and their ingredients.
 *
 * What can be derived from the ingredients is never typed in (ARCHITECTURE
 * §5): a dish is vegetarian when none of its products is meat or fish, its
 * allergens are the union of its products' allergens, and its cost per
 * portion is the sum of its ingredients' costs.
 */
#ifndef CANTINE_RECIPE_H
#define CANTINE_RECIPE_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Courses of a meal (arrêté of 30 Sept 2011, art. 1; SCDL menuPlatType). */
typedef enum cantine_course {
	CANTINE_COURSE_ENTREE,
	CANTINE_COURSE_PLAT,       /**< plat principal (plat protidique) */
	CANTINE_COURSE_GARNITURE,
	CANTINE_COURSE_LAITIER,    /**< produit laitier */
	CANTINE_COURSE_DESSERT,
	CANTINE_COURSE_PAIN,
	CANTINE_COURSE_AUTRE,
	CANTINE_COURSE__MAX
} cantine_course;

/** French label of a course as in the national menu schema ("entrée",
 *  "plat principal", …), or NULL. */
CANTINE_API const char *cantine_course_name(cantine_course c);

/** Parse a course, ignoring case, accents, spaces and underscores.
 *  @return the course, or -1. */
CANTINE_API int cantine_course_parse(const char *text);

/** One ingredient of a dish, as given to cantine_dish_save(). */
typedef struct cantine_ingredient {
	const char *product_code; /**< code of a product of the catalogue */
	int64_t     grams_mg;     /**< quantity per portion, in milligrams */
} cantine_ingredient;

/** A dish read back from the store, with its derived facts.  Opaque. */
typedef struct cantine_dish cantine_dish;

/**
 * Insert or replace a dish and its whole ingredient list.
 * @param tags  free GEMRCN tags separated by '|', or NULL
 * @return 0, CANTINE_EINVAL (unknown product, bad quantity, …) or
 *         CANTINE_ESTORE.  Nothing is written on failure.
 */
CANTINE_API int cantine_dish_save(cantine_ctx *ctx, const char *name,
                                  cantine_course course, const char *tags,
                                  const cantine_ingredient *ingredients,
                                  size_t n_ingredients);

/**
 * Load a dish by its exact name, with its ingredients and derived facts.
 * @param out receives the dish, freed with cantine_dish_free().
 * @return 0 or CANTINE_ENOTFOUND.
 */
CANTINE_API int cantine_dish_find(cantine_dish **out, cantine_ctx *ctx,
                                  const char *name);

/** Free a dish.  Accepts NULL. */
CANTINE_API void cantine_dish_free(cantine_dish *dish);

/* Getters: they borrow from the dish. */
CANTINE_API const char    *cantine_dish_name(const cantine_dish *d);
CANTINE_API cantine_course cantine_dish_course(const cantine_dish *d);
/** Tags separated by '|', "" when none. */
CANTINE_API const char    *cantine_dish_tags(const cantine_dish *d);
/** 1 when no ingredient is meat, fish or seafood; 0 otherwise (for a
 * declared dish: 1 when its publisher marked it vegetarian). */
CANTINE_API int            cantine_dish_vegetarian(const cantine_dish *d);
/** Allergens the dish contains: bits 1u << CANTINE_ALLERGEN_*. */
CANTINE_API unsigned       cantine_dish_allergens(const cantine_dish *d);
/** Allergens the dish may contain (traces), not already in allergens. */
CANTINE_API unsigned       cantine_dish_traces(const cantine_dish *d);
/** Cost of one portion in cents, HT; for a dish without a recipe, the
 * price its publisher declared or CANTINE_COST_UNKNOWN. */
CANTINE_API int64_t        cantine_dish_cost_cents(const cantine_dish *d);
/** 1 for a dish without a recipe (imported from an SCDL file): its
 * vegetarian mark, allergens and cost are what its publisher declared;
 * 0 for a dish whose facts are derived from its ingredients. */
CANTINE_API int            cantine_dish_declared(const cantine_dish *d);
/** Number of ingredients. */
CANTINE_API size_t         cantine_dish_ingredient_count(const cantine_dish *d);

/** One ingredient of a loaded dish (borrowed view). */
typedef struct cantine_dish_item {
	const char *product_code;
	const char *product_name;
	int64_t     grams_mg;     /**< milligrams per portion */
	int64_t     cost_cents;   /**< this ingredient's cost, rounded */
	int         meat, fish;
	unsigned    allergens, traces;
} cantine_dish_item;

/** The i-th ingredient (ordered by product code), borrowed. */
CANTINE_API const cantine_dish_item *cantine_dish_ingredient(
	const cantine_dish *d, size_t i);

/** What a menu shows next to a dish besides its diet and allergens. */
typedef struct cantine_signs {
	unsigned labels; /**< quality signs, bits 1u << CANTINE_LABEL_* (cantine/
	                  *   catalog.h): for a dish with a recipe, those
	                  *   carried by ingredients weighing at least half of
	                  *   the portion (the rule of menuPlatSiqo,
	                  *   docs/formats.md); for a dish without, the signs
	                  *   its publisher declared */
	int      local;  /**< 1 when local products weigh at least half of the
	                  *   portion; 0 otherwise, and for a dish without a
	                  *   recipe (nobody declared it) */
	int      homemade; /**< 1 when the dish's tags (`recettes`, column
	                    *   `tags`) hold `fait_maison`: the kitchen cooks
	                    *   it on site from raw products; 0 otherwise */
} cantine_signs;

/**
 * The quality signs, the local mark and the "fait maison" mark of the
 * dish `name`, for menus shown to families.
 * @return 0, CANTINE_ENOTFOUND (no such dish) or CANTINE_ESTORE.
 */
CANTINE_API int cantine_dish_signs(cantine_signs *out, cantine_ctx *ctx,
                                   const char *name);

/**
 * Names of dishes whose name contains `pattern` (case-insensitive), one per
 * line, appended to `out`, at most `max` of them.  For suggestions.
 * @return the number found, or a negative error code.
 */
CANTINE_API int cantine_dish_search(cantine_ctx *ctx, const char *pattern,
                                    size_t max, cantine_buf *out);

#ifdef __cplusplus
}
#endif
#endif
