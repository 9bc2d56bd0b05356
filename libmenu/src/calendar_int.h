/*
 * calendar_int.h: days no collège serves lunch whatever its store says:
 * school holidays of its académie (shipped data, libmenu/data/) and public
 * holidays (computed).
 */
#ifndef CANTINE_CALENDAR_INT_H
#define CANTINE_CALENDAR_INT_H

#include <stddef.h>

typedef struct cantine__school_holiday {
	const char *academie;
	const char *first, *last; /* closed days, inclusive, AAAA-MM-JJ */
	const char *reason;
} cantine__school_holiday;

/* Generated from libmenu/data/calendrier-scolaire.csv. */
extern const cantine__school_holiday cantine__school_holidays[];
extern const size_t cantine__school_holiday_count;

/* The académie whose calendar the shipped data holds for a département
 * code, or NULL when the project ships none for it. */
const char *cantine__academie(const char *departement);

/* Why `date` (a valid AAAA-MM-JJ) is a day off in `departement`: a school
 * holiday of its académie or a public holiday; NULL when it is not.  The
 * string is static. */
const char *cantine__day_off(const char *departement, const char *date);

#endif
