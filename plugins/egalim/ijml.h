/*
 * ijml.h: the levels of the "Ici je mange local" label of the Département
 * du Nord and its partners (DOMAIN Part A §3.1), from ijml.csv: the
 * Département's to set, so data, not code.
 */
#ifndef CANTINE_EGALIM_IJML_H
#define CANTINE_EGALIM_IJML_H

#include <stddef.h>
#include <stdint.h>

#include <cantine/purchase.h>

typedef struct ijml_row {
	char name[32], label[96];
	int  rank;             /* 0: the organic distinction; 1–3: stars */
	int  local_min;        /* percent of the purchases' value HT */
	int  sectors_min;      /* agricultural sectors with local purchases */
	int  bio_regional_min; /* percent of the value HT */
} ijml_row;

typedef struct ijml_table {
	ijml_row *at;
	size_t    n;
} ijml_table;

int  ijml_parse(const char *bytes, size_t size, ijml_table *out, char *err, size_t errsz);
void ijml_free(ijml_table *t);

/* What a year's purchases show: local purchases are LOCAL with a
 * definition inside the region (REGION, DEPARTEMENT, COMMUNE or PAT; a
 * distance may cross the border and does not count); regional organic is
 * local and BIO; sectors are the families with local purchases, meat and
 * charcuterie as one. */
typedef struct ijml_facts {
	int64_t total, local, bio_regional;
	int     sectors;
} ijml_facts;

void ijml_facts_of(const cantine_purchase *p, size_t n, ijml_facts *f);
/* Does the row hold for the facts?  Exact, in integers. */
int  ijml_holds(const ijml_row *r, const ijml_facts *f);

#endif
