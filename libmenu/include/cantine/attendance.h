/*
 * cantine/attendance.h: registrations, expected and actual covers, and the
 * forecast of covers (issue 6; docs/design.md, "Attendance").
 *
 * Pupils are known by a pseudonymous identifier only.  Registrations,
 * absences, actual covers and waste come from CSV imports (cantine/io.h:
 * inscriptions, absences, presences, gaspillage); this module computes
 * counts from them.  Nothing here hands out a pupil's identifier or
 * social tier: the results are counts, fit for public outputs.
 */
#ifndef CANTINE_ATTENDANCE_H
#define CANTINE_ATTENDANCE_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** How a pupil takes lunch (DOMAIN Part A §4.3: forfait or ticket). */
typedef enum cantine_regime {
	CANTINE_REGIME_DP4,     /**< demi-pension, forfait 4 days a week */
	CANTINE_REGIME_DP5,     /**< demi-pension, forfait 5 days a week */
	CANTINE_REGIME_TICKET,  /**< pays per meal, eats when he chooses */
	CANTINE_REGIME_EXTERNE, /**< does not eat at the canteen */
	CANTINE_REGIME__MAX
} cantine_regime;

/** Code of a régime in the CSV files ("DP4", "DP5", "ticket",
 *  "externe"), or NULL. */
CANTINE_API const char *cantine_regime_code(cantine_regime r);
/** Parse a régime code (case and accents ignored; "DP 4", "forfait 4
 *  jours" accepted).  @return it, or -1. */
CANTINE_API int cantine_regime_parse(const char *text);

/** One day of an establishment (borrowed view). */
typedef struct cantine_attendance_day {
	const char *date;       /**< "YYYY-MM-DD" */
	int         served;     /**< 1: a weekday of the establishment's
	                         *   service and not closed */
	const char *closed;     /**< why it is closed (holiday, closure), or
	                         *   NULL */
	int         registered; /**< forfait pupils registered that day for
	                         *   that weekday (0 when not served) */
	int         absent;     /**< of them, announced absent (pupil or class) */
	int         expected;   /**< registered − absent: the naive forecast */
	int         actual;     /**< covers recorded, or -1 when none */
	int         forecast;   /**< covers forecast from the days before
	                         *   (docs/design.md); 0 when not served */
} cantine_attendance_day;

/** The days of a period.  Opaque. */
typedef struct cantine_attendance cantine_attendance;

/**
 * The days of `uai` from `from` to `to` (inclusive, at most 400 days):
 * expected covers, actual covers and the forecast of each day.  The
 * forecast of a day uses only the actual covers of the days before it.
 * @param out receives the period, freed with cantine_attendance_free().
 * @return 0, CANTINE_EINVAL (bad dates), CANTINE_ENOTFOUND (unknown UAI),
 *         CANTINE_ESTORE, CANTINE_ENOMEM.
 */
CANTINE_API int cantine_attendance_compute(cantine_attendance **out,
                                           cantine_ctx *ctx, const char *uai,
                                           const char *from, const char *to);
/** Number of days (to − from + 1). */
CANTINE_API size_t cantine_attendance_count(const cantine_attendance *a);
/** The i-th day (borrowed). */
CANTINE_API const cantine_attendance_day *cantine_attendance_get(
	const cantine_attendance *a, size_t i);
/** The day `date`, or NULL when outside the period (borrowed). */
CANTINE_API const cantine_attendance_day *cantine_attendance_find(
	const cantine_attendance *a, const char *date);
/** Free a period.  Accepts NULL. */
CANTINE_API void cantine_attendance_free(cantine_attendance *a);

/** Forecast errors over past days (cantine_forecast_evaluate()). */
typedef struct cantine_forecast_eval {
	int    days;        /**< served days with actual covers recorded */
	double mae_forecast; /**< mean absolute error of the forecast, covers */
	double mae_naive;    /**< same for the naive forecast (expected) */
} cantine_forecast_eval;

/**
 * Compare the forecast with the naive forecast (the expected covers) on
 * the days of [from, to] that have actual covers: mean absolute error of
 * each.  @return 0, CANTINE_EINVAL, CANTINE_ENOTFOUND, CANTINE_ESTORE,
 * CANTINE_ENOMEM.
 */
CANTINE_API int cantine_forecast_evaluate(cantine_forecast_eval *out,
                                          cantine_ctx *ctx, const char *uai,
                                          const char *from, const char *to);

/**
 * Record the covers served by `uai` on `date` (0 to 5000), replacing a
 * count already recorded.  @return 0, CANTINE_EINVAL, CANTINE_ENOTFOUND,
 * CANTINE_ESTORE (also on a read-only store).
 */
CANTINE_API int cantine_attendance_record(cantine_ctx *ctx, const char *uai,
                                          const char *date, int covers);

/**
 * Erase the personal data of pupil `ident` of `uai`: the identifier is
 * replaced by an opaque one and the social tier (quotient familial,
 * revenu fiscal de référence, children, bursary) is cleared; the
 * registration and absences stay, so that past counts do not change.
 * @return 0, CANTINE_ENOTFOUND (unknown establishment or pupil),
 *         CANTINE_ESTORE (also on a read-only store).
 */
CANTINE_API int cantine_pupil_forget(cantine_ctx *ctx, const char *uai,
                                     const char *ident);

/** Waste of one ISO week (cantine_waste_weeks()). */
typedef struct cantine_waste_week {
	const char *monday;     /**< "YYYY-MM-DD" of the week's Monday */
	int         days;       /**< days weighed that have actual covers */
	long        covers;     /**< actual covers of those days */
	long        plate_g, unserved_g, bread_g; /**< grams, summed */
	double      g_per_cover; /**< (plate + unserved + bread) / covers */
} cantine_waste_week;

/** Waste by week.  Opaque. */
typedef struct cantine_waste cantine_waste;

/**
 * The waste weighed at `uai` from `from` to `to`, by ISO week, in grams
 * per cover (only the days with both a weighing and actual covers).
 * @return 0, CANTINE_EINVAL, CANTINE_ENOTFOUND, CANTINE_ESTORE,
 *         CANTINE_ENOMEM.
 */
CANTINE_API int cantine_waste_weeks(cantine_waste **out, cantine_ctx *ctx,
                                    const char *uai, const char *from,
                                    const char *to);
/** Number of weeks with at least one day counted. */
CANTINE_API size_t cantine_waste_count(const cantine_waste *w);
/** The i-th week (borrowed). */
CANTINE_API const cantine_waste_week *cantine_waste_get(const cantine_waste *w,
                                                        size_t i);
/** Free.  Accepts NULL. */
CANTINE_API void cantine_waste_free(cantine_waste *w);

/** The commonly quoted average of food wasted per diner and meal in
 *  collective catering, grams (DOMAIN Part A §2.8, resto-today.com). */
#define CANTINE_WASTE_REFERENCE_G 120

#ifdef __cplusplus
}
#endif
#endif
