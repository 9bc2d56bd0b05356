/*
 * pricing.c: tariff grids (cantine/pricing.h): names of the codes, the
 * price a family pays per meal, and loading a grid from the store.
 * DOMAIN Part A §4.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common_int.h"
#include "plan_int.h"
#include "pricing_int.h"

static const char *const funder_codes[CANTINE_FUNDER__MAX] = {
	"departement", "etat", "fonds_social", "bourse", "commune", "region",
	"etablissement",
};
static const char *const funder_names[CANTINE_FUNDER__MAX] = {
	"Département", "État (ASP)", "fonds social pour les cantines",
	"bourse nationale de collège", "commune", "Région", "établissement",
};
static const char *const basis_codes[CANTINE_TIER__MAX] = { "qf", "rfr", "bourse" };

const char *cantine_funder_code(cantine_funder f)
{
	return (unsigned)f < CANTINE_FUNDER__MAX ? funder_codes[f] : NULL;
}

const char *cantine_funder_name(cantine_funder f)
{
	return (unsigned)f < CANTINE_FUNDER__MAX ? funder_names[f] : NULL;
}

int cantine_funder_parse(const char *text)
{
	int i;

	for (i = 0; text && i < CANTINE_FUNDER__MAX; i++)
		if (strcasecmp(text, funder_codes[i]) == 0)
			return i;
	if (text && (strcasecmp(text, "asp") == 0 || strcasecmp(text, "état") == 0 ||
		     strcasecmp(text, "ÉTAT") == 0))
		return CANTINE_FUNDER_ETAT;
	if (text && (strcasecmp(text, "département") == 0 || strcasecmp(text, "DÉPARTEMENT") == 0))
		return CANTINE_FUNDER_DEPARTEMENT;
	return -1;
}

const char *cantine_tier_basis_code(cantine_tier_basis b)
{
	return (unsigned)b < CANTINE_TIER__MAX ? basis_codes[b] : NULL;
}

int cantine_tier_basis_parse(const char *text)
{
	int i;

	for (i = 0; text && i < CANTINE_TIER__MAX; i++)
		if (strcasecmp(text, basis_codes[i]) == 0)
			return i;
	if (text && (strcasecmp(text, "boursier") == 0 || strcasecmp(text, "bourses") == 0))
		return CANTINE_TIER_BOURSE;
	return -1;
}

int cantine_school_year_check(const char *year)
{
	int i;

	if (!year || strlen(year) != 9 || year[4] != '-')
		return -1;
	for (i = 0; i < 9; i++)
		if (i != 4 && (year[i] < '0' || year[i] > '9'))
			return -1;
	if (atoi(year) < 2000 || atoi(year + 5) != atoi(year) + 1)
		return -1;
	return 0;
}

int64_t cantine_forfait_per_meal(int64_t forfait_cents, int meals)
{
	if (meals <= 0 || forfait_cents < 0)
		return -1;
	return (forfait_cents * 2 + meals) / (2 * (int64_t)meals);
}

/* The largest number of children the RFR tiers list (0: none). */
static int max_children(const cantine_tariff *t)
{
	size_t i;
	int m = 0;

	for (i = 0; i < t->ntiers; i++)
		if (t->tiers[i].basis == CANTINE_TIER_RFR && t->tiers[i].children > m)
			m = t->tiers[i].children;
	return m;
}

const cantine_tier *cantine_tariff_find_tier(const cantine_tariff *t,
					     const cantine_situation *s)
{
	int children = s->children;
	size_t i;

	if (s->basis == CANTINE_TIER_RFR && children > max_children(t))
		children = max_children(t);
	for (i = 0; i < t->ntiers; i++) {
		const cantine_tier *k = &t->tiers[i];
		if (k->basis != s->basis)
			continue;
		if (k->basis == CANTINE_TIER_BOURSE)
			return k;
		if (k->basis == CANTINE_TIER_RFR && k->children != children)
			continue;
		/* Both bounds inclusive (pricing.h). */
		if (s->income_cents >= k->from_cents &&
		    (k->to_cents == CANTINE_TIER_NO_LIMIT || s->income_cents <= k->to_cents))
			return k;
	}
	return NULL;
}

int cantine_tariff_price(const cantine_tariff *t, const cantine_situation *s,
			 cantine_price *out)
{
	const cantine_tier *k;

	memset(out, 0, sizeof(*out));
	if ((unsigned)s->basis >= CANTINE_TIER__MAX ||
	    (s->basis != CANTINE_TIER_BOURSE && s->income_cents < 0) ||
	    (s->basis == CANTINE_TIER_RFR && s->children < 1))
		return CANTINE_EINVAL;
	out->ticket_cents = t->ticket_cents;
	out->family_cents = t->ticket_cents;
	out->funder = t->funder;
	if (!(k = cantine_tariff_find_tier(t, s)))
		return 0;
	out->tier = k;
	out->funder = k->funder;
	if (k->aid_cents >= 0)
		/* Nord: the aid is deducted from the family's bill; it cannot
		 * make the bill negative. */
		out->family_cents = k->aid_cents < t->ticket_cents
			? t->ticket_cents - k->aid_cents : 0;
	else
		out->family_cents = k->family_cents;
	out->aid_cents = t->ticket_cents > out->family_cents
		? t->ticket_cents - out->family_cents : 0;
	return 0;
}

/* Family price per meal on ticket of tier `k`. */
int64_t cantine__tier_family(const cantine_tariff *t, const cantine_tier *k)
{
	if (k->aid_cents >= 0)
		return t->ticket_cents - k->aid_cents;
	return k->family_cents;
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

size_t cantine__tariff_level_list(const cantine_tariff *t, int64_t *v)
{
	size_t i, n = 0, out = 0;

	v[n++] = t->ticket_cents;
	for (i = 0; i < t->ntiers; i++)
		v[n++] = cantine__tier_family(t, &t->tiers[i]);
	qsort(v, n, sizeof(*v), cmp_i64);
	for (i = 0; i < n; i++)
		if (i == 0 || v[i] != v[out - 1])
			v[out++] = v[i];
	return out;
}

size_t cantine_tariff_levels(const cantine_tariff *t)
{
	int64_t small[64], *v = small;
	size_t n;

	if (t->ntiers + 1 > sizeof(small) / sizeof(small[0]) &&
	    !(v = cantine__malloc((t->ntiers + 1) * sizeof(*v))))
		return 0;
	n = cantine__tariff_level_list(t, v);
	if (v != small)
		cantine__free(v);
	return n;
}

/* ---- a grid loaded from the store ---- */

typedef struct loaded {
	cantine_tariff     t;
	char              *uai, *year;
	cantine_commensal *comm;
	cantine_tier      *tiers;
} loaded;

void cantine_tariff_free(cantine_tariff *t)
{
	loaded *l = (loaded *)t;
	size_t i;

	if (!l)
		return;
	for (i = 0; i < l->t.ncommensals; i++)
		cantine__free((char *)l->comm[i].label);
	for (i = 0; i < l->t.ntiers; i++)
		cantine__free((char *)l->tiers[i].label);
	cantine__free(l->comm);
	cantine__free(l->tiers);
	cantine__free(l->uai);
	cantine__free(l->year);
	cantine__free(l);
}

static int64_t col_or(sqlite3_stmt *st, int i, int64_t none)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? none : sqlite3_column_int64(st, i);
}

static int load_commensals(cantine_ctx *ctx, loaded *l, int64_t id)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	bool oom = false;
	int rc;

	if ((rc = cantine__prepare(ctx, &st, "SELECT label, price_cents FROM "
		"tariff_commensal WHERE tariff_id = ?1 ORDER BY id")))
		return rc;
	sqlite3_bind_int64(st, 1, id);
	while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (l->t.ncommensals == cap) {
			void *p = cantine__realloc(l->comm, (cap = cap ? 2 * cap : 8) * sizeof(*l->comm));
			if (!p) {
				oom = true;
				break;
			}
			l->comm = p;
		}
		l->comm[l->t.ncommensals].label = cantine__column_strdup(st, 0, &oom);
		l->comm[l->t.ncommensals].price_cents = sqlite3_column_int64(st, 1);
		if (!oom)
			l->t.ncommensals++;
	}
	sqlite3_finalize(st);
	if (oom)
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	return rc == SQLITE_DONE ? 0 : cantine__store_err(ctx, "lecture des commensaux");
}

static int load_tiers(cantine_ctx *ctx, loaded *l, int64_t id)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	bool oom = false;
	int rc;

	if ((rc = cantine__prepare(ctx, &st, "SELECT label, basis, from_cents, to_cents, "
		"children, aid_cents, family_cents, funder FROM tariff_tier "
		"WHERE tariff_id = ?1 ORDER BY id")))
		return rc;
	sqlite3_bind_int64(st, 1, id);
	while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		cantine_tier *k;
		if (l->t.ntiers == cap) {
			void *p = cantine__realloc(l->tiers, (cap = cap ? 2 * cap : 8) * sizeof(*l->tiers));
			if (!p) {
				oom = true;
				break;
			}
			l->tiers = p;
		}
		k = &l->tiers[l->t.ntiers];
		k->label = cantine__column_strdup(st, 0, &oom);
		k->basis = (cantine_tier_basis)sqlite3_column_int(st, 1);
		k->from_cents = sqlite3_column_int64(st, 2);
		k->to_cents = col_or(st, 3, CANTINE_TIER_NO_LIMIT);
		k->children = sqlite3_column_int(st, 4);
		k->aid_cents = col_or(st, 5, -1);
		k->family_cents = col_or(st, 6, -1);
		k->funder = (cantine_funder)col_or(st, 7, l->t.funder);
		if (!oom)
			l->t.ntiers++;
	}
	sqlite3_finalize(st);
	if (oom)
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	return rc == SQLITE_DONE ? 0 : cantine__store_err(ctx, "lecture des tranches");
}

int cantine_tariff_load(cantine_tariff **out, cantine_ctx *ctx, const char *uai,
			const char *year)
{
	sqlite3_stmt *st;
	loaded *l;
	int64_t etab, id = 0;
	int rc;

	*out = NULL;
	if (cantine_school_year_check(year))
		return cantine__seterr(ctx, CANTINE_EINVAL, "« %s » n'est pas une année "
			"scolaire ; écrivez-la AAAA-AAAA, par exemple 2026-2027", year ? year : "");
	rc = cantine__lookup_id(ctx, "SELECT id FROM etab WHERE uai = ?1", uai, &etab, NULL);
	if (rc == CANTINE_ENOTFOUND)
		return cantine__seterr(ctx, rc, "aucun établissement d'UAI « %s »", uai);
	if (rc)
		return rc;
	if (!(l = cantine__calloc(1, sizeof(*l))) || !(l->uai = cantine__strdup(uai)) ||
	    !(l->year = cantine__strdup(year))) {
		cantine_tariff_free((cantine_tariff *)l);
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	}
	l->t.uai = l->uai;
	l->t.year = l->year;
	if ((rc = cantine__prepare(ctx, &st, "SELECT id, ticket_cents, forfait4_cents, meals4, "
		"forfait5_cents, meals5, cost_cents, progressive, cantine_1e, funder, "
		"remise_days FROM tariff WHERE etab_id = ?1 AND school_year = ?2"))) {
		cantine_tariff_free((cantine_tariff *)l);
		return rc;
	}
	sqlite3_bind_int64(st, 1, etab);
	sqlite3_bind_text(st, 2, year, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		l->t.ticket_cents = sqlite3_column_int64(st, 1);
		l->t.forfait4_cents = col_or(st, 2, -1);
		l->t.meals4 = (int)col_or(st, 3, 0);
		l->t.forfait5_cents = col_or(st, 4, -1);
		l->t.meals5 = (int)col_or(st, 5, 0);
		l->t.cost_cents = sqlite3_column_int64(st, 6);
		l->t.progressive = sqlite3_column_int(st, 7);
		l->t.cantine_1e = sqlite3_column_int(st, 8);
		l->t.funder = (cantine_funder)sqlite3_column_int(st, 9);
		l->t.remise_days = sqlite3_column_int(st, 10);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		rc = cantine__seterr(ctx, CANTINE_ENOTFOUND, "aucune grille tarifaire pour "
			"%s en %s ; importez-la (cantine tariff import FICHIER)", uai, year);
	else if (rc != SQLITE_ROW)
		rc = cantine__store_err(ctx, "lecture de la grille tarifaire");
	else if (!(rc = load_commensals(ctx, l, id)))
		rc = load_tiers(ctx, l, id);
	if (rc) {
		cantine_tariff_free((cantine_tariff *)l);
		return rc;
	}
	l->t.commensals = l->comm;
	l->t.tiers = l->tiers;
	*out = &l->t;
	return 0;
}
