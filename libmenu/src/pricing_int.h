/*
 * pricing_int.h: what the tariff import shares with the grid checks.
 */
#ifndef CANTINE_PRICING_INT_H
#define CANTINE_PRICING_INT_H

#include "common_int.h"
#include "cantine/pricing.h"

/* Family price per meal on ticket of tier `k` of `t` (ticket − aid, or
 * the family price); may be negative when the aid exceeds the ticket. */
int64_t cantine__tier_family(const cantine_tariff *t, const cantine_tier *k);
/* The distinct family prices of `t` (ticket price and tiers), sorted, in
 * v[] (room for t->ntiers + 1); returns their number. */
size_t cantine__tariff_level_list(const cantine_tariff *t, int64_t *v);
/* true when a situation could fall in both tiers: same basis, same
 * number of children for RFR, intersecting brackets (bounds inclusive);
 * two bursary tiers always overlap. */
bool cantine__tiers_overlap(const cantine_tier *a, const cantine_tier *b);
/* "3,10 €" into out[32]; returns out. */
const char *cantine__eur(int64_t cents, char out[32]);

#endif
