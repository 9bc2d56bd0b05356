/*
 * cantine/production.h: production sheets and shopping lists.
 *
 * For a period and a number of covers, the quantity of every product of
 * every dish to cook.  Pupils share the choices of a course, so each dish
 * of a course with k choices is cooked for ⌈covers / k⌉ portions.
 */
#ifndef CANTINE_PRODUCTION_H
#define CANTINE_PRODUCTION_H

#include "common.h"
#include "catalog.h"
#include "recipe.h"

#ifdef __cplusplus
extern "C" {
#endif

/** One product of one dish of one meal (borrowed view). */
typedef struct cantine_production_line {
	const char    *date;         /**< the meal's date */
	const char    *dish;
	cantine_course course;
	int            portions;     /**< portions of this dish to cook */
	const char    *product_code;
	const char    *product_name;
	const char    *supplier;     /**< "" when unknown */
	cantine_unit   unit;         /**< unit the product is bought in */
	int            unit_grams;   /**< grams in one unit */
	int64_t        price_cents;  /**< price of one unit, HT */
	int64_t        grams_mg;     /**< total quantity, milligrams */
	int64_t        cost_cents;   /**< its cost, HT */
} cantine_production_line;

/** A production sheet.  Opaque. */
typedef struct cantine_production cantine_production;

/**
 * Compute the production of `uai` from `from` to `to` (inclusive) for
 * `covers` covers a meal (1 to 5000).
 * @param out receives the sheet, freed with cantine_production_free();
 *            lines are ordered by date, course, dish, product code.
 * @return 0, CANTINE_EINVAL (bad dates or covers), CANTINE_ENOTFOUND
 *         (unknown UAI), CANTINE_ESTORE, CANTINE_ENOMEM.
 */
CANTINE_API int cantine_production_compute(cantine_production **out,
                                           cantine_ctx *ctx, const char *uai,
                                           const char *from, const char *to,
                                           int covers);

/**
 * The same with, for each meal, the covers forecast for its day
 * (cantine_attendance_compute(), cantine/attendance.h) instead of one
 * number: registrations, absences, closures and the history of actual
 * covers.  A day forecast at 0 covers gets 0 portions.
 * @return as cantine_production_compute(); CANTINE_EINVAL also for a
 *         period of more than 400 days.
 */
CANTINE_API int cantine_production_compute_forecast(cantine_production **out,
                                                    cantine_ctx *ctx,
                                                    const char *uai,
                                                    const char *from,
                                                    const char *to);

/** Number of lines. */
CANTINE_API size_t cantine_production_count(const cantine_production *p);
/** The i-th line (borrowed). */
CANTINE_API const cantine_production_line *cantine_production_get(
	const cantine_production *p, size_t i);
/** Number of dishes of the period without a recipe (imported from an SCDL
 * file): nobody knows what they take, so they have no product lines. */
CANTINE_API size_t cantine_production_unknown_count(const cantine_production *p);
/** The i-th of them (borrowed): date, dish, course and portions; the
 * product fields are NULL and the quantities 0. */
CANTINE_API const cantine_production_line *cantine_production_unknown(
	const cantine_production *p, size_t i);
/** Free a sheet.  Accepts NULL. */
CANTINE_API void cantine_production_free(cantine_production *p);

/**
 * How much of a product to order for `grams_mg` milligrams, in its unit:
 * whole pieces (rounded up) for CANTINE_UNIT_PIECE, else tenths of a kg or
 * of a litre (rounded up).  Returns pieces, or tenths.
 */
CANTINE_API int64_t cantine_order_quantity(cantine_unit unit, int unit_grams,
                                           int64_t grams_mg);

/**
 * The cost in cents, HT, of ordering `quantity` as returned by
 * cantine_order_quantity() (pieces, or tenths of a unit) at `price_cents`
 * a unit; tenths are rounded half up to the cent.
 */
CANTINE_API int64_t cantine_order_cost(cantine_unit unit, int64_t quantity,
                                       int64_t price_cents);

#ifdef __cplusplus
}
#endif
#endif
