/*
 * names_int.h: look-up of the French and code names of enumerations.
 */
#ifndef CANTINE_NAMES_INT_H
#define CANTINE_NAMES_INT_H

#include "common_int.h"

/* Each returns the value, or -1 when `text` names none (case, accents,
 * spaces and underscores ignored). */
int cantine__family_parse(const char *text);
int cantine__label_parse(const char *text);
int cantine__unit_parse(const char *text);
int cantine__local_parse(const char *text);
/* A day name ("lun", "lundi", …) → 0 (Monday) … 6, or -1. */
int cantine__day_index(const char *text);
/* "oui"/"non"/"" → 1/0/0, anything else -1. */
int cantine__bool_parse(const char *text);

/* Comma-separated list of the names a parser accepts, for messages. */
const char *cantine__family_list(void);
const char *cantine__label_list(void);
const char *cantine__allergen_list(void);
const char *cantine__course_list(void);
const char *cantine__status_list(void);
const char *cantine__unit_list(void);
const char *cantine__local_list(void);

#endif
