/*
 * factors.h: the climat plugin's table of emission factors, one per
 * Ciqual code (agribalyse.py writes it from Agribalyse 3.1.1).
 */
#ifndef CANTINE_CLIMAT_FACTORS_H
#define CANTINE_CLIMAT_FACTORS_H

#include <stddef.h>
#include <stdint.h>

typedef struct factor {
	int     ciqual;
	int64_t mg_per_kg; /* mg CO2 eq per kg of food as eaten */
} factor;

typedef struct factors {
	factor *at; /* by Ciqual code */
	size_t  n;
} factors;

/*
 * Parse "ciqual;kg_co2e_par_kg;produit" lines after that header (UTF-8,
 * LF or CRLF, decimal point, at most 6 decimals).  On failure returns
 * CANTINE_EINVAL or CANTINE_ENOMEM with a French message in err.
 */
int factors_parse(const char *bytes, size_t size, factors *out, char *err,
		  size_t errsz);
/* The factor of a Ciqual code, or -1 when the table has none. */
int64_t factors_find(const factors *f, int ciqual);
void factors_free(factors *f);

#endif
