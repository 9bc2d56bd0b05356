/*
 * cantine/report.h: findings, what the analyses produce and the renderers
 * print (ARCHITECTURE §5, report).
 *
 * A finding names its rule by a stable id ("core.meal-structure"), says in
 * French what was found and what to do, and carries its scope (an
 * establishment and a date range) and, when the rule measures something,
 * the measured value and the threshold.
 */
#ifndef CANTINE_REPORT_H
#define CANTINE_REPORT_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** How serious a finding is.  Only CANTINE_SEVERITY_ERROR fails a rule. */
typedef enum cantine_severity {
	CANTINE_SEVERITY_INFO,    /**< the rule holds; says how */
	CANTINE_SEVERITY_WARNING, /**< worth a look; no rule broken */
	CANTINE_SEVERITY_ERROR,   /**< a rule is broken */
	CANTINE_SEVERITY__MAX
} cantine_severity;

/** One finding (borrowed view). */
typedef struct cantine_finding {
	const char      *rule;      /**< stable id, e.g. "core.vegetarian-week" */
	cantine_severity severity;
	const char      *uai;       /**< establishment */
	const char      *from;      /**< first date concerned, "YYYY-MM-DD" */
	const char      *to;        /**< last date concerned */
	const char      *message;   /**< French: what was found, what to do */
	int64_t          measured;  /**< measured value, or -1 */
	int64_t          threshold; /**< threshold it is compared with, or -1 */
} cantine_finding;

/**
 * A figure an analysis measured (borrowed view): a named amount or count
 * behind its findings, for renderers that aggregate or export (the
 * departmental audit, the ma-cantine bilans).  The egalim plugin's are
 * named after ma-cantine's bilan columns ("egalim.valeur_bio").
 */
typedef struct cantine_figure {
	const char *name;  /**< stable id, prefixed by the plugin's name */
	const char *uai;   /**< establishment */
	int         year;  /**< calendar year it is about */
	int64_t     value; /**< integer cents for amounts ("…valeur_…"), else
	                    *   the count or percent the name says */
} cantine_figure;

/** A list of findings.  Opaque. */
typedef struct cantine_report cantine_report;

/** Number of findings. */
CANTINE_API size_t cantine_report_count(const cantine_report *r);
/** The i-th finding, in the order found (borrowed). */
CANTINE_API const cantine_finding *cantine_report_get(const cantine_report *r,
                                                      size_t i);
/** Number of findings of severity `s`. */
CANTINE_API size_t cantine_report_count_severity(const cantine_report *r,
                                                 cantine_severity s);
/** Number of figures. */
CANTINE_API size_t cantine_report_figure_count(const cantine_report *r);
/** The i-th figure, in the order given (borrowed). */
CANTINE_API const cantine_figure *cantine_report_figure(const cantine_report *r,
                                                        size_t i);
/**
 * The value of figure `name` for `uai` and `year`.
 * @return 0 and *value; CANTINE_ENOTFOUND when the report has no such
 *         figure.
 */
CANTINE_API int cantine_report_figure_find(const cantine_report *r,
                                           const char *name, const char *uai,
                                           int year, int64_t *value);

/** Free a report.  Accepts NULL. */
CANTINE_API void cantine_report_free(cantine_report *r);

/** French name of a severity ("information", "attention", "erreur"). */
CANTINE_API const char *cantine_severity_name(cantine_severity s);

#ifdef __cplusplus
}
#endif
#endif
