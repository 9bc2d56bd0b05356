/*
 * cantine/nutrition.h: the Ciqual food composition table and the
 * nutrients of a dish.
 *
 * The table is ANSES's Ciqual 2025 (docs/formats.md, "Table Ciqual"),
 * imported as published: windows-1252 CSV, one row per food, one column
 * per constituent, values per 100 g of edible portion.  A value is a
 * number, "traces", "< x" (below a limit) or "-" (unknown); the store
 * keeps which, and the number.
 *
 * Every quantity here is an integer number of **millionths of its unit**
 * (int64_t): 4.5 g is 4500000, 1.2 mg is 1200000, 385 kJ is 385000000.
 * Never a double, so that a comparison with a threshold (GEMRCN "more than
 * 15 % fat", Nutri-Score "sugars > 3.4 g") is exact.  Weights of
 * ingredients are in milligrams, as in cantine/recipe.h.
 *
 * Source to cite when showing these values (Licence Ouverte / Etalab 2.0):
 * CANTINE_CIQUAL_SOURCE.
 */
#ifndef CANTINE_NUTRITION_H
#define CANTINE_NUTRITION_H

#include "common.h"
#include "io.h"
#include "nutriscore.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The attribution the Ciqual licence asks for, in French. */
#define CANTINE_CIQUAL_SOURCE \
	"Anses. 2025. Table de composition nutritionnelle des aliments Ciqual"

/* ---- importing the table ---- */

/** What an import of the Ciqual table read. */
typedef struct cantine_ciqual_stats {
	size_t foods;        /**< foods (rows) imported */
	size_t constituents; /**< constituents (value columns): 74 */
	size_t values;       /**< values stored: foods × constituents */
	size_t traces;       /**< of which "traces" */
	size_t less_than;    /**< of which "< x" */
	size_t unknown;      /**< of which "-" */
} cantine_ciqual_stats;

/**
 * Import the Ciqual 2025 table from the CSV file `path`, replacing the
 * table already in the store, if any.
 *
 * The file is the one ANSES publishes (docs/formats.md): windows-1252,
 * ';', CRLF, header cells with line breaks, decimal commas (a decimal
 * point in the last column, "Facteur de Jones").  A copy converted to
 * UTF-8 without damage is accepted too.  Columns are recognised by their
 * header with white space collapsed, and must be exactly the 84 official
 * ones.  A file that was cut (a record with missing cells, an unclosed
 * quote, no line break at the end), re-encoded badly ("Ã©", "�", C1
 * control characters), re-saved with other settings (separator, decimal
 * separator) or edited (unknown value, empty cell) is refused: every
 * problem is listed with its line and column, and nothing is written.
 *
 * Importing the same file again gives the same store.
 *
 * @param problems receives the problems when there are any, so always
 *                 when the result is CANTINE_EINVAL or CANTINE_EIO (may be
 *                 NULL); freed by the caller with cantine_problems_free().
 * @param stats    receives the counts on success (may be NULL)
 * @return 0; CANTINE_EINVAL (problems, nothing written); CANTINE_EIO (the
 *         file cannot be read); CANTINE_ESTORE or CANTINE_ENOMEM.
 */
CANTINE_API int cantine_import_ciqual(cantine_ctx *ctx, const char *path,
                                      cantine_problems **problems,
                                      cantine_ciqual_stats *stats);

/**
 * Same as cantine_import_ciqual() on bytes in memory; `name` is the file
 * name used in messages.
 */
CANTINE_API int cantine_import_ciqual_mem(cantine_ctx *ctx, const char *name,
                                          const char *data, size_t len,
                                          cantine_problems **problems,
                                          cantine_ciqual_stats *stats);

/* ---- reading the table ---- */

/** How the table gives a value. */
typedef enum cantine_ciqual_kind {
	CANTINE_CIQUAL_NUMBER,    /**< a number ("49,9") */
	CANTINE_CIQUAL_TRACES,    /**< "traces": present, not quantified */
	CANTINE_CIQUAL_LESS_THAN, /**< "< x": below the limit x */
	CANTINE_CIQUAL_UNKNOWN,   /**< "-": no value */
	CANTINE_CIQUAL_KIND__MAX
} cantine_ciqual_kind;

/**
 * Number of foods in the store's Ciqual table: 0 when none was imported.
 * @return the count, or CANTINE_ESTORE.
 */
CANTINE_API int cantine_ciqual_food_count(cantine_ctx *ctx);

/**
 * The French name of the food `code` ("Carotte, crue"), appended to `out`.
 * @return 0, CANTINE_ENOTFOUND (no such food in the table), CANTINE_ESTORE
 *         or CANTINE_ENOMEM.
 */
CANTINE_API int cantine_ciqual_food_name(cantine_ctx *ctx, int code,
                                         cantine_buf *out);

/**
 * One value of the table, as the file gave it.
 *
 * @param food        Ciqual food code (alim_code), e.g. 20009
 * @param constituent Ciqual constituent code (const_code), e.g. 32000
 *                    for sugars; see cantine_nutrient_ciqual_code()
 * @param kind        receives how the table gives the value
 * @param amount      receives the number in millionths of the
 *                    constituent's unit per 100 g for
 *                    CANTINE_CIQUAL_NUMBER, the limit x for
 *                    CANTINE_CIQUAL_LESS_THAN, 0 otherwise (may be NULL)
 * @return 0, CANTINE_ENOTFOUND (food or constituent not in the table) or
 *         CANTINE_ESTORE.
 */
CANTINE_API int cantine_ciqual_value(cantine_ctx *ctx, int food,
                                     int constituent,
                                     cantine_ciqual_kind *kind,
                                     int64_t *amount);

/* ---- nutrients of a dish ---- */

/**
 * The nutrients computed for a dish: those of Regulation (EU) 1169/2011
 * Annex XV's declaration, and those the GEMRCN classes (DOMAIN §1.3–1.4:
 * calcium, protein/fat ratio, simple sugars, fat %) and the Nutri-Score
 * (DOMAIN §6: per 100 g) use.  Appended only.
 */
typedef enum cantine_nutrient {
	CANTINE_NUTRIENT_ENERGY_KJ,     /**< energy, Reg. 1169/2011 (kJ), Ciqual 327 */
	CANTINE_NUTRIENT_ENERGY_KCAL,   /**< energy, Reg. 1169/2011 (kcal), Ciqual 328 */
	CANTINE_NUTRIENT_PROTEIN,       /**< protein, N × Jones factor (g), 25000 */
	CANTINE_NUTRIENT_CARBOHYDRATE,  /**< carbohydrate (g), 31000 */
	CANTINE_NUTRIENT_SUGARS,        /**< total sugars (g), 32000: the
	                                 *   "sucres simples" of GEMRCN E1 */
	CANTINE_NUTRIENT_FAT,           /**< fat (g), 40000 */
	CANTINE_NUTRIENT_SATURATED_FAT, /**< saturated fatty acids (g), 40302 */
	CANTINE_NUTRIENT_FIBRE,         /**< dietary fibre (g), 34100 */
	CANTINE_NUTRIENT_SALT,          /**< salt (g), 10004 */
	CANTINE_NUTRIENT_SODIUM,        /**< sodium (mg), 10110 */
	CANTINE_NUTRIENT_CALCIUM,       /**< calcium (mg), 10200 */
	CANTINE_NUTRIENT_IRON,          /**< iron (mg), 10260 */
	CANTINE_NUTRIENT__MAX
} cantine_nutrient;

/** French name of a nutrient ("Protéines", "Sucres", …), or NULL. */
CANTINE_API const char *cantine_nutrient_name(cantine_nutrient n);
/** Unit of a nutrient ("kJ", "kcal", "g", "mg"), or NULL. */
CANTINE_API const char *cantine_nutrient_unit(cantine_nutrient n);
/** Ciqual constituent code of a nutrient (e.g. 32000), or 0. */
CANTINE_API int cantine_nutrient_ciqual_code(cantine_nutrient n);

/** Flags of a computed amount (cantine_nutrient_amount.flags). */
enum {
	/** Some ingredient's value is "traces" (counted as 0) or "< x"
	 *  (counted as x/2): the amount is an estimate. */
	CANTINE_NUTRIENT_ESTIMATED  = 1u << 0,
	/** Some ingredient has no value ("-" in the table, no Ciqual code,
	 *  or a code the table does not have): the amount is the sum over
	 *  the other ingredients, a lower bound. */
	CANTINE_NUTRIENT_INCOMPLETE = 1u << 1
};

/**
 * One nutrient of a dish.
 *
 * How it is computed (docs/formats.md, "Nutrients of a dish"): for each
 * ingredient, grams per portion × value per 100 g / 100, where a number
 * counts as itself, "traces" as 0 and "< x" as x/2 (both set
 * CANTINE_NUTRIENT_ESTIMATED), and "-" or a missing food adds nothing
 * (CANTINE_NUTRIENT_INCOMPLETE).  The exact sum is rounded once, half up,
 * to the millionth: `portion`; `per_100g` is the exact sum × 100 g / the
 * portion's weight, rounded once the same way.
 */
typedef struct cantine_nutrient_amount {
	int64_t  portion;  /**< per portion, millionths of the unit */
	int64_t  per_100g; /**< per 100 g of the dish, millionths of the unit */
	unsigned flags;    /**< CANTINE_NUTRIENT_ESTIMATED, _INCOMPLETE */
	int64_t  known_mg; /**< milligrams of the portion whose value is
	                    *   known (or estimated): the portion's weight
	                    *   when complete, 0 when nothing is known */
} cantine_nutrient_amount;

/** Where one ingredient's values come from (borrowed view). */
typedef struct cantine_nutrient_source {
	const char *product_code;
	const char *product_name;
	int64_t     grams_mg;   /**< milligrams per portion */
	int         ciqual;     /**< the product's Ciqual code, 0 when none */
	const char *food_name;  /**< the Ciqual food's name; NULL when the
	                         *   product has no code or the table lacks it */
	unsigned    unknown;    /**< nutrients without a value (bits
	                         *   1u << cantine_nutrient): all of them when
	                         *   food_name is NULL */
	unsigned    traces;     /**< nutrients given as "traces" */
	unsigned    less_than;  /**< nutrients given as "< x" */
	const char *group;      /**< the food's Ciqual group: its
	                         *   sub-sub-group code ("050301"), else its
	                         *   sub-group code and "00" ("020200");
	                         *   NULL when food_name is NULL */
	int64_t     portion[CANTINE_NUTRIENT__MAX];
	                        /**< each nutrient in this ingredient's
	                         *   grams, millionths of the unit, counted
	                         *   and rounded as the dish's; 0 when
	                         *   unknown */
} cantine_nutrient_source;

/** The nutrients of one dish.  Opaque. */
typedef struct cantine_nutrients cantine_nutrients;

/**
 * Compute the nutrients of the dish named `dish_name` from its
 * ingredients' grams per portion and their foods' values in the store's
 * Ciqual table.
 *
 * A dish without ingredients (declared by an SCDL import) has no
 * nutrients: its portion weighs 0 and every amount is 0 with
 * CANTINE_NUTRIENT_INCOMPLETE and known_mg 0.  While no Ciqual table is
 * imported (cantine_ciqual_food_count() is 0), no ingredient has a food:
 * every amount is 0, incomplete, with known_mg 0.
 *
 * @param out receives the result, freed with cantine_nutrients_free().
 * @return 0, CANTINE_ENOTFOUND (no such dish), CANTINE_ESTORE or
 *         CANTINE_ENOMEM.
 */
CANTINE_API int cantine_dish_nutrients(cantine_nutrients **out,
                                       cantine_ctx *ctx,
                                       const char *dish_name);

/** Free a result.  Accepts NULL. */
CANTINE_API void cantine_nutrients_free(cantine_nutrients *n);

/** Weight of one portion: the sum of the ingredients, in milligrams. */
CANTINE_API int64_t cantine_nutrients_portion_mg(const cantine_nutrients *n);

/** One nutrient (borrowed), or NULL when `which` is out of range. */
CANTINE_API const cantine_nutrient_amount *cantine_nutrients_get(
	const cantine_nutrients *n, cantine_nutrient which);

/** Number of ingredients (0 for a dish without a recipe). */
CANTINE_API size_t cantine_nutrients_source_count(const cantine_nutrients *n);

/** Where the i-th ingredient's values come from (ordered by product
 *  code), borrowed; NULL when i is out of range.  The ingredients that
 *  make a nutrient incomplete are those whose `unknown` has its bit. */
CANTINE_API const cantine_nutrient_source *cantine_nutrients_source(
	const cantine_nutrients *n, size_t i);

/* ---- Nutri-Score of a dish ---- */

/**
 * The Nutri-Score 2023 of a dish (DOMAIN §6.5: no official method exists
 * for canteen dishes; this is the project's, in docs/formats.md), from its
 * per-100 g composition (cantine_dish_nutrients()).
 *
 * Category: cheese when cheese (Ciqual 0503) weighs half the portion or
 * more; fats when fats (group 09) do; red meat when beef, veal, pork, lamb
 * or their products bring more than half of the dish's protein; general
 * otherwise.  Fruits, vegetables and legumes (Ciqual 0201, 0203, 0204;
 * potatoes are not vegetables) as a share of the recipe's raw weight.
 *
 * No grade is given, rather than a wrong one, for bread (a category
 * decision DOMAIN leaves open), a dish without a recipe, a nutrient the
 * score needs that is incomplete (an ingredient without Ciqual data), or
 * a composition the algorithm refuses.
 *
 * @param out  receives the result; out->grade is 0 when no grade is given
 * @param why  receives then a French reason (static or in `reason`)
 * @param reason buffer for a reason naming nutrients (may be NULL: the
 *             reason is then generic)
 * @return 0, CANTINE_ENOTFOUND (no such dish), CANTINE_ESTORE,
 *         CANTINE_ENOMEM.
 */
CANTINE_API int cantine_dish_nutriscore(cantine_nutriscore_result *out,
                                        cantine_ctx *ctx, const char *dish_name,
                                        cantine_buf *reason);

#ifdef __cplusplus
}
#endif
#endif
