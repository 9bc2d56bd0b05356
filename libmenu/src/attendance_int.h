/*
 * attendance_int.h: what the attendance files share (pupil.c, absence.c,
 * attendance.c, waste.c).
 */
#ifndef CANTINE_ATTENDANCE_INT_H
#define CANTINE_ATTENDANCE_INT_H

#include "import_int.h"

/* The first year of the school year of a valid date: a school year runs
 * from 1 September to 31 August. */
int cantine__school_year(const char *date);

/* A required date cell of the current row, checked against the calendar;
 * reports and returns false when bad. */
bool cantine__get_date(cantine__import *imp, int col, const char **out);

/* Check that [first, last] (valid dates, already read from columns
 * col_first and col_last) is in order and inside one school year; reports
 * on col_last and returns false when not. */
bool cantine__check_period(cantine__import *imp, int col_first, int col_last,
			   const char *first, const char *last);

extern const cantine__kind_ops cantine__pupil_ops;
extern const cantine__kind_ops cantine__absence_ops;
extern const cantine__kind_ops cantine__covers_ops;
extern const cantine__kind_ops cantine__waste_ops;
extern const cantine__kind_ops cantine__ticket_ops;

#endif
