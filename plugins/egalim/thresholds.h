/*
 * thresholds.h: the EGALIM thresholds by territory group and data year
 * (seuils.csv; DOMAIN Part A §2.2, §2.4, Part B §1.5).
 */
#ifndef CANTINE_EGALIM_THRESHOLDS_H
#define CANTINE_EGALIM_THRESHOLDS_H

#include <stddef.h>

typedef struct threshold {
	char  group[16];
	char  depts[64];   /* '|'-separated département codes, or "*" */
	int   from, to;    /* data years, inclusive */
	int   bio, egalim; /* percent */
	int   meat_fish;   /* percent, -1 when not yet applicable */
	char  source[200];
} threshold;

typedef struct thresholds {
	threshold *at;
	size_t     n;
} thresholds;

/* Parse seuils.csv; CANTINE_EINVAL with a French message naming the line
 * and column, or CANTINE_ENOMEM. */
int thresholds_parse(const char *bytes, size_t size, thresholds *out, char *err,
		     size_t errsz);
void thresholds_free(thresholds *t);
/* The row for a département and a data year: its group's row when the
 * département is listed, else the "*" row; NULL when none covers the year. */
const threshold *thresholds_find(const thresholds *t, const char *departement, int year);

#endif
