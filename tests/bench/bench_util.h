/*
 * bench_util.h: what every benchmark of tests/bench/ shares: a monotonic
 * clock, a fatal error, valid UAIs and SIRETs for generated collèges, and
 * the comparison that sorts run times to take their median.
 */
#ifndef CANTINE_BENCH_UTIL_H
#define CANTINE_BENCH_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <cantine/cantine.h>

static inline double bench_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static inline void bench_die(cantine_ctx *ctx, const char *what)
{
	fprintf(stderr, "bench: %s: %s\n", what, ctx ? cantine_errmsg(ctx) : "");
	exit(1);
}

/* A valid UAI for establishment number i (0590000 + i, check letter). */
static inline void bench_uai(int i, char out[9])
{
	snprintf(out, 9, "%07d", 590000 + i);
	out[7] = cantine_uai_letter(out);
	out[8] = '\0';
}

/* A SIRET with a valid Luhn key for establishment number i. */
static inline void bench_siret(int i, char out[15])
{
	int k, sum = 0;

	snprintf(out, 15, "1959%09u0", (unsigned)i % 1000000000u);
	for (k = 0; k < 14; k++) {
		int dgt = out[13 - k] - '0';
		if (k % 2 == 1 && (dgt *= 2) > 9)
			dgt -= 9;
		sum += dgt;
	}
	out[13] = (char)('0' + (10 - sum % 10) % 10);
}

/* For qsort() of run times. */
static inline int bench_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

#endif
