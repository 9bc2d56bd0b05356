/*
 * cantine/check.h: the core checks of a plan (ARCHITECTURE §3 "analyses").
 *
 * Rules and their ids:
 *  - core.meal-structure: every lunch has a plat principal, a garniture and
 *    a produit laitier, plus an entrée and/or a dessert (arrêté of
 *    30 September 2011, art. 1; DOMAIN §1.2);
 *  - core.vegetarian-week: every school week with a meal offers at least
 *    one day on which a complete vegetarian menu can be taken (loi Climat
 *    et résilience; DOMAIN §2.5);
 *  - core.closed-day: no meal on a day the establishment is closed
 *    (closures imported with `fermetures`); closed days do not count
 *    for the vegetarian week;
 *  - core.food-cost: the week's average food cost per meal against the
 *    establishment's target, when one is set (a warning, not a rule).
 */
#ifndef CANTINE_CHECK_H
#define CANTINE_CHECK_H

#include "common.h"
#include "report.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Check the meals of `uai` between `from` and `to` (inclusive, ISO dates;
 * the vegetarian rule looks at whole ISO weeks, so the period is widened
 * to Monday…Sunday).
 * @param out receives the findings, freed with cantine_report_free().
 * @return 0 (whatever the findings), CANTINE_EINVAL (bad dates),
 *         CANTINE_ENOTFOUND (unknown UAI), CANTINE_ESTORE, CANTINE_ENOMEM.
 */
CANTINE_API int cantine_check_period(cantine_report **out, cantine_ctx *ctx,
                                     const char *uai, const char *from,
                                     const char *to);

#ifdef __cplusplus
}
#endif
#endif
