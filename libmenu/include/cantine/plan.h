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
 * The Monday of the ISO week of `date`, as "YYYY-MM-DD" into `out`.
 * @return 0, or CANTINE_EINVAL for a bad date.
 */
CANTINE_API int cantine_date_monday(char out[11], const char *date);

/**
 * Write `date` in French, "lundi 7 septembre 2026" ("1er" for the first
 * day of a month), into out[0..n).  @return 0, or CANTINE_EINVAL for a bad
 * date or a buffer too small (then out is "").
 */
CANTINE_API int cantine_date_french(char *out, size_t n, const char *date);

/**
 * Replace the meal of `uai` on `date`: its status and the whole list of
 * dishes offered (looked up by name).  One transaction.  A change to an
 * existing meal is kept in its history with the author and reason set by
 * cantine_ctx_set_change(); changing a published meal without a reason is
 * refused (CANTINE_EINVAL), since families read published menus.
 * @return 0, CANTINE_ENOTFOUND (unknown establishment or dish),
 *         CANTINE_EINVAL (bad date, published meal without a reason) or
 *         CANTINE_ESTORE.
 */
CANTINE_API int cantine_plan_set_meal(cantine_ctx *ctx, const char *uai,
                                      const char *date, cantine_status status,
                                      const char *const *dishes, size_t n);

/**
 * Is `uai` closed on `date`: a closure imported with `fermetures`, a school
 * holiday of its académie (shipped for the académie de Lille, see
 * docs/formats.md) or a public holiday (Code du travail L3133-1, and
 * L3134-13 in Moselle and Alsace)?
 * @param reason when not NULL and closed, receives the reason (appended).
 * @return 1 when closed, 0 when open, or a negative error code
 *         (CANTINE_EINVAL bad date, CANTINE_ENOTFOUND unknown UAI).
 */
CANTINE_API int cantine_closed(cantine_ctx *ctx, const char *uai,
                               const char *date, cantine_buf *reason);

/** One entry of the history of the meals (borrowed view). */
typedef struct cantine_change {
	const char *date;        /**< the meal's date */
	const char *at;          /**< when, UTC, "YYYY-MM-DDTHH:MM:SSZ" */
	int         old_status;  /**< cantine_status before, -1 at creation */
	int         new_status;  /**< cantine_status after */
	const char *who;         /**< author, or NULL */
	const char *reason;      /**< reason given, or NULL */
	const char *before;      /**< dishes before, "A | B", or NULL */
	const char *after;       /**< dishes after, or NULL at creation */
} cantine_change;

/** The history of the meals of a period.  Opaque. */
typedef struct cantine_history cantine_history;

/**
 * The history of the meals of `uai` dated `from` to `to`, by meal date
 * then time of change.
 * @param out receives it, freed with cantine_history_free().
 * @return 0, CANTINE_EINVAL (bad dates), CANTINE_ENOTFOUND (unknown UAI),
 *         CANTINE_ESTORE or CANTINE_ENOMEM.
 */
CANTINE_API int cantine_plan_history(cantine_history **out, cantine_ctx *ctx,
                                     const char *uai, const char *from,
                                     const char *to);
/** Number of entries. */
CANTINE_API size_t cantine_history_count(const cantine_history *h);
/** The i-th entry (borrowed). */
CANTINE_API const cantine_change *cantine_history_get(const cantine_history *h,
                                                      size_t i);
/** Free a history.  Accepts NULL. */
CANTINE_API void cantine_history_free(cantine_history *h);

/**
 * Set the status of every meal of `uai` from `from` to `to` (inclusive),
 * e.g. publish a week.  Same history and publication rule as
 * cantine_plan_set_meal().  One transaction.
 * @param changed receives the number of meals whose status changed (may
 *                be NULL).
 * @return 0, CANTINE_EINVAL, CANTINE_ENOTFOUND, CANTINE_ESTORE.
 */
CANTINE_API int cantine_plan_set_status(cantine_ctx *ctx, const char *uai,
                                        const char *from, const char *to,
                                        cantine_status status, size_t *changed);

/* cantine_plan_copy() needs report.h. */
struct cantine_report;

/**
 * Copy a cycle of `weeks` weeks of menus of `uai`, starting the week of
 * `from`, onto the weeks starting the week of `onto` (each meal moves by
 * the same number of days), as drafts.  A target day that is not a service
 * day or is closed is skipped; a target day that already has a meal is
 * kept unless `replace`.  One transaction.
 * @param out receives a report: one finding per meal copied (information)
 *            and per meal skipped (attention), freed with
 *            cantine_report_free().
 * @return 0, CANTINE_EINVAL (bad dates, weeks not in 1..52, overlapping
 *         source and target), CANTINE_ENOTFOUND, CANTINE_ESTORE.
 */
CANTINE_API int cantine_plan_copy(struct cantine_report **out, cantine_ctx *ctx,
                                  const char *uai, const char *from, int weeks,
                                  const char *onto, int replace);

/** A dish as offered at a meal (borrowed view). */
typedef struct cantine_offer {
	const char    *dish;       /**< dish name */
	cantine_course course;
	int            vegetarian;
	unsigned       allergens;  /**< contains */
	unsigned       traces;     /**< may contain, not in allergens */
	int64_t        cost_cents; /**< cost of one portion, or
	                            *   CANTINE_COST_UNKNOWN */
	int            declared;   /**< 1 for a dish without a recipe (SCDL
	                            *   import): vegetarian, allergens and cost
	                            *   are what its publisher declared, not
	                            *   derived from ingredients */
} cantine_offer;

/** A meal of a week (borrowed view). */
typedef struct cantine_meal {
	const char          *date;       /**< "YYYY-MM-DD" */
	int                  weekday;    /**< 0 = Monday … 6 = Sunday */
	cantine_status       status;
	int                  vegetarian; /**< every dish offered is vegetarian */
	size_t               n_offers;
	const cantine_offer *offers;     /**< ordered by course, then name */
	int64_t              cost_cents; /**< food cost of one meal: for each
	                                  *   course, the mean of its choices;
	                                  *   CANTINE_COST_UNKNOWN when a dish
	                                  *   has no known cost */
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

/**
 * The date of the first meal of `uai` dated `from` or later whose status
 * is `status`, written to `out` ("YYYY-MM-DD"): where the committee's
 * next proposals are.
 * @return 0; CANTINE_ENOTFOUND (no such meal, or unknown UAI);
 *         CANTINE_EINVAL (bad date or status); CANTINE_ESTORE.
 */
CANTINE_API int cantine_plan_next(cantine_ctx *ctx, const char *uai, const char *from,
                                  cantine_status status, char out[11]);

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
