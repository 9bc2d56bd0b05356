/*
 * cantine/plan.h: menus, i.e. the meals planned for an establishment.
 *
 * One lunch per establishment and date.  A meal offers dishes per course,
 * several per course when pupils have a choice, and moves from draft to
 * proposed (shown to the parents' committee) to published.
 */
#ifndef CANTINE_PLAN_H
#define CANTINE_PLAN_H

#include "common.h"
#include "recipe.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Status of a meal. */
typedef enum cantine_status {
	CANTINE_STATUS_DRAFT,     /**< brouillon */
	CANTINE_STATUS_PROPOSED,  /**< proposé */
	CANTINE_STATUS_PUBLISHED, /**< publié */
	CANTINE_STATUS__MAX
} cantine_status;

/** French name of a status ("brouillon", "proposé", "publié"), or NULL. */
CANTINE_API const char *cantine_status_name(cantine_status s);
/** Parse a status, ignoring case and accents.  @return it, or -1. */
CANTINE_API int cantine_status_parse(const char *text);

/**
 * Check an ISO date "YYYY-MM-DD" that must exist in the calendar.
 * @return 0 when valid, CANTINE_EINVAL otherwise.
 */
CANTINE_API int cantine_date_check(const char *date);

/**
 * The date `days` days after `date` (before it when negative), written as
 * "YYYY-MM-DD" into `out`.  @return 0, or CANTINE_EINVAL for a bad date.
 */
CANTINE_API int cantine_date_add(char out[11], const char *date, int days);

/**
 * Replace the meal of `uai` on `date`: its status and the whole list of
 * dishes offered (looked up by name).  One transaction.
 * @return 0, CANTINE_ENOTFOUND (unknown establishment or dish),
 *         CANTINE_EINVAL (bad date) or CANTINE_ESTORE.
 */
CANTINE_API int cantine_plan_set_meal(cantine_ctx *ctx, const char *uai,
                                      const char *date, cantine_status status,
                                      const char *const *dishes, size_t n);

/** A dish as offered at a meal (borrowed view). */
typedef struct cantine_offer {
	const char    *dish;       /**< dish name */
	cantine_course course;
	int            vegetarian;
	unsigned       allergens;  /**< contains */
	unsigned       traces;     /**< may contain, not in allergens */
	int64_t        cost_cents; /**< cost of one portion */
} cantine_offer;

/** A meal of a week (borrowed view). */
typedef struct cantine_meal {
	const char          *date;       /**< "YYYY-MM-DD" */
	int                  weekday;    /**< 0 = Monday … 6 = Sunday */
	cantine_status       status;
	int                  vegetarian; /**< every dish offered is vegetarian */
	size_t               n_offers;
	const cantine_offer *offers;     /**< ordered by course, then name */
} cantine_meal;

/** The meals of one ISO week for one establishment.  Opaque. */
typedef struct cantine_week cantine_week;

/**
 * Load the ISO week (Monday to Sunday) that contains `date`.
 * @param out receives the week, freed with cantine_week_free().
 * @return 0, CANTINE_EINVAL (bad date), CANTINE_ENOTFOUND (unknown UAI).
 */
CANTINE_API int cantine_plan_week(cantine_week **out, cantine_ctx *ctx,
                                  const char *uai, const char *date);

/** Free a week.  Accepts NULL. */
CANTINE_API void cantine_week_free(cantine_week *w);

/** The Monday of the week, "YYYY-MM-DD" (borrowed). */
CANTINE_API const char *cantine_week_monday(const cantine_week *w);
/** ISO 8601 week number (1–53) and its year. */
CANTINE_API void cantine_week_iso(const cantine_week *w, int *year, int *week);
/** Number of meals planned in the week (days without a meal are absent). */
CANTINE_API size_t cantine_week_meal_count(const cantine_week *w);
/** The i-th meal, by date (borrowed). */
CANTINE_API const cantine_meal *cantine_week_meal(const cantine_week *w,
                                                  size_t i);

#ifdef __cplusplus
}
#endif
#endif
