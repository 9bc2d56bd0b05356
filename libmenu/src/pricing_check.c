/*
 * pricing_check.c: the rules a tariff grid is checked against
 * (cantine_tariff_check; docs/design.md "Tariff grids"), and euro amounts
 * as text.  DOMAIN Part A §4.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "pricing_int.h"
#include "report_int.h"
#include "text_int.h"

int cantine_euros_format(char *buf, size_t size, int64_t cents)
{
	uint64_t a = cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
	char grouped[32];
	int n;

	cantine__group(grouped, a / 100);
	n = snprintf(buf, size, "%s%s,%02" PRIu64 " €", cents < 0 ? "-" : "", grouped, a % 100);
	if (n < 0 || (size_t)n >= size) {
		if (size)
			buf[0] = '\0';
		return -1;
	}
	return 0;
}

int cantine_euros_parse(const char *text, int64_t *cents)
{
	int64_t v = 0;
	int digits = 0, decimals = -1;
	const char *p;

	if (!text || !*text)
		return -1;
	for (p = text; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			if (decimals >= 0 && ++decimals > 2)
				return -1;
			if (++digits > 11)
				return -1;
			v = v * 10 + (*p - '0');
		} else if ((*p == ',' || *p == '.') && decimals < 0 && digits > 0 && p[1]) {
			decimals = 0;
		} else {
			return -1;
		}
	}
	if (decimals < 0)
		decimals = 0;
	for (; decimals < 2; decimals++)
		v *= 10;
	if (v > INT64_C(10000000000))
		return -1;
	*cents = v;
	return 0;
}

const char *cantine__eur(int64_t cents, char out[32])
{
	cantine_euros_format(out, 32, cents);
	return out;
}

static int64_t upper(const cantine_tier *k)
{
	return k->to_cents == CANTINE_TIER_NO_LIMIT ? INT64_MAX : k->to_cents;
}

bool cantine__tiers_overlap(const cantine_tier *a, const cantine_tier *b)
{
	if (a->basis != b->basis)
		return false;
	if (a->basis == CANTINE_TIER_BOURSE)
		return true;
	if (a->basis == CANTINE_TIER_RFR && a->children != b->children)
		return false;
	return a->from_cents <= upper(b) && b->from_cents <= upper(a);
}

typedef struct checker {
	cantine_report       *r;
	const cantine_tariff *t;
	int                   rc;
} checker;

#define ADD(c, rule, sev, measured, threshold, ...) \
	((c)->rc = (c)->rc ? (c)->rc : cantine__report_add((c)->r, rule, sev, \
		(c)->t->uai, NULL, NULL, measured, threshold, __VA_ARGS__))

/* No price below zero, and no aid larger than the ticket price it is
 * deducted from (the family would be paid to eat). */
static void check_signs(checker *c)
{
	const cantine_tariff *t = c->t;
	char a[32], b[32];
	size_t i;

	if (t->ticket_cents < 0)
		ADD(c, "core.tariff-negative-price", CANTINE_SEVERITY_ERROR, t->ticket_cents, 0,
		    "le prix du ticket (%s) est négatif", cantine__eur(t->ticket_cents, a));
	if (t->forfait4_cents < -1 || t->forfait5_cents < -1)
		ADD(c, "core.tariff-negative-price", CANTINE_SEVERITY_ERROR, -1, 0,
		    "un forfait est négatif");
	for (i = 0; i < t->ncommensals; i++)
		if (t->commensals[i].price_cents < 0)
			ADD(c, "core.tariff-negative-price", CANTINE_SEVERITY_ERROR,
			    t->commensals[i].price_cents, 0, "le prix « %s » (%s) est négatif",
			    t->commensals[i].label, cantine__eur(t->commensals[i].price_cents, a));
	for (i = 0; i < t->ntiers; i++) {
		const cantine_tier *k = &t->tiers[i];
		if (k->aid_cents < 0 && k->family_cents < 0)
			ADD(c, "core.tariff-negative-price", CANTINE_SEVERITY_ERROR, -1, 0,
			    "la tranche « %s » n'a ni aide ni prix famille positifs", k->label);
		else if (k->aid_cents > t->ticket_cents)
			ADD(c, "core.tariff-aid-above-price", CANTINE_SEVERITY_ERROR, k->aid_cents,
			    t->ticket_cents, "l'aide de la tranche « %s » (%s par repas) dépasse "
			    "le prix du ticket (%s) dont elle est déduite", k->label,
			    cantine__eur(k->aid_cents, a), cantine__eur(t->ticket_cents, b));
	}
}

/* Code de l'éducation R. 531-53: prices, modulated or not, may not exceed
 * the cost per user after deducting every subsidy (DOMAIN §4.1). */
static void above_cost(checker *c, const char *what, int64_t price)
{
	char a[32], b[32];

	if (price > c->t->cost_cents)
		ADD(c, "core.tariff-above-cost", CANTINE_SEVERITY_ERROR, price, c->t->cost_cents,
		    "%s (%s par repas) dépasse le coût de revient par usager (%s) : "
		    "interdit par l'article R. 531-53 du Code de l'éducation", what,
		    cantine__eur(price, a), cantine__eur(c->t->cost_cents, b));
}

static void forfait_cost(checker *c, int days, int64_t forfait, int meals)
{
	char what[96];

	if (forfait < 0 || meals <= 0)
		return;
	/* Exact comparison, forfait > cost × meals, rather than the rounded
	 * price per meal: 160,00 € for 48 meals is 3,33 € rounded but more
	 * than 48 × 3,33 €. */
	if (forfait > c->t->cost_cents * meals) {
		snprintf(what, sizeof(what), "le forfait %d jours ramené au repas (%d repas "
			 "par trimestre)", days, meals);
		above_cost(c, what, forfait / meals + (forfait % meals != 0));
	}
}

static void check_cost(checker *c)
{
	const cantine_tariff *t = c->t;
	char what[160];
	size_t i;

	above_cost(c, "le prix du ticket", t->ticket_cents);
	forfait_cost(c, 4, t->forfait4_cents, t->meals4);
	forfait_cost(c, 5, t->forfait5_cents, t->meals5);
	for (i = 0; i < t->ncommensals; i++) {
		snprintf(what, sizeof(what), "le prix « %s »", t->commensals[i].label);
		above_cost(c, what, t->commensals[i].price_cents);
	}
	for (i = 0; i < t->ntiers; i++) {
		snprintf(what, sizeof(what), "le prix famille de la tranche « %s »",
			 t->tiers[i].label);
		above_cost(c, what, cantine__tier_family(t, &t->tiers[i]));
	}
}

static void check_overlap(checker *c)
{
	const cantine_tariff *t = c->t;
	size_t i, j;

	for (i = 0; i < t->ntiers; i++)
		for (j = i + 1; j < t->ntiers; j++)
			if (cantine__tiers_overlap(&t->tiers[i], &t->tiers[j]))
				ADD(c, "core.tariff-overlap", CANTINE_SEVERITY_ERROR, -1, -1,
				    "les tranches « %s » et « %s » se chevauchent : une même "
				    "famille relèverait des deux", t->tiers[i].label,
				    t->tiers[j].label);
}

static void check_claims(checker *c, const int64_t *lv, size_t n)
{
	const cantine_tariff *t = c->t;
	char a[32], b[32];

	if (t->progressive && n < 3)
		ADD(c, "core.tariff-progressive", CANTINE_SEVERITY_ERROR, (int64_t)n, 3,
		    "la grille se dit progressive mais ne compte que %zu niveau%s de prix "
		    "famille (au moins 3 tranches attendues)", n, n > 1 ? "x" : "");
	if (!t->cantine_1e)
		return;
	/* DOMAIN §4.2: at least 3 tiers, one at most 1 €, one above 1 €. */
	if (n < 3)
		ADD(c, "core.tariff-cantine-1e", CANTINE_SEVERITY_ERROR, (int64_t)n, 3,
		    "« cantine à 1 € » : la grille doit compter au moins 3 tranches, elle "
		    "en a %zu", n);
	if (lv[0] > 100)
		ADD(c, "core.tariff-cantine-1e", CANTINE_SEVERITY_ERROR, lv[0], 100,
		    "« cantine à 1 € » : aucune tranche à 1 € ou moins (la plus basse est à %s)",
		    cantine__eur(lv[0], a));
	if (lv[n - 1] <= 100)
		ADD(c, "core.tariff-cantine-1e", CANTINE_SEVERITY_ERROR, lv[n - 1], 100,
		    "« cantine à 1 € » : aucune tranche au-dessus de 1 € (la plus haute est à %s)",
		    cantine__eur(lv[n - 1], b));
	/* DOMAIN §4.2: the State's aid covers pupils of écoles only. */
	ADD(c, "core.tariff-cantine-1e-college", CANTINE_SEVERITY_WARNING, -1, -1,
	    "la grille se réclame de la « cantine à 1 € », mais l'aide de l'État ne "
	    "finance que les repas des écoles de communes rurales, pas ceux des collèges "
	    "(tarification sociale des cantines, ASP) : les aides d'un collège viennent "
	    "du Département, des bourses et du fonds social ; retirez cette mention de la "
	    "grille");
}

int cantine_tariff_check(cantine_report **out, const cantine_tariff *t)
{
	checker c = { NULL, t, 0 };
	int64_t small[64], *lv = small;
	size_t n;

	*out = NULL;
	if (cantine__report_new(&c.r))
		return CANTINE_ENOMEM;
	if (t->ntiers + 1 > sizeof(small) / sizeof(small[0]) &&
	    !(lv = cantine__malloc((t->ntiers + 1) * sizeof(*lv)))) {
		cantine_report_free(c.r);
		return CANTINE_ENOMEM;
	}
	n = cantine__tariff_level_list(t, lv);
	check_signs(&c);
	check_cost(&c);
	check_overlap(&c);
	check_claims(&c, lv, n);
	if (lv != small)
		cantine__free(lv);
	if (c.rc) {
		cantine_report_free(c.r);
		return c.rc;
	}
	*out = c.r;
	return 0;
}
