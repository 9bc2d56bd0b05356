/*
 * audit.c: the departmental audit (cantine/audit.h): one row per
 * establishment from the plugins' purchase audit and the core checks'
 * vegetarian weeks, a total made of sums, sorting.  The renderings are in
 * audit_render.c and audit_html.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit_int.h"
#include "report_int.h"

int64_t cantine_share(int64_t part, int64_t total)
{
	if (total <= 0 || part < 0 || part > total)
		return -1;
	return (part * 20000 + total) / (2 * total);
}

int64_t cantine_missing(int64_t part, int64_t total, int pct)
{
	int64_t need;

	if (total <= 0 || pct < 0)
		return 0;
	need = ((int64_t)pct * total + 99) / 100; /* ceil(pct × total / 100) */
	return part >= need ? 0 : need - part;
}

/* part / total ≥ pct %, exactly in integers (DOMAIN Part B §1.5: the
 * comparison is inclusive and must not miss the boundary). */
static bool reaches(int64_t part, int64_t total, int pct)
{
	return part * 100 >= (int64_t)pct * total;
}

/* Every objective of the year (DOMAIN Part A §2.2, Part B §1.5): bio and
 * EGALIM both, and meat and fish together from the year the law applies
 * it, when there are any. */
static int objectives_met(const cantine_audit_row *r)
{
	if (r->total <= 0 || r->bio_min < 0 || r->quality_min < 0)
		return -1;
	if (!reaches(r->bio, r->total, r->bio_min) ||
	    !reaches(r->quality, r->total, r->quality_min))
		return 0;
	if (r->meat_fish_min >= 0 && r->meat + r->fish > 0 &&
	    !reaches(r->meat_quality + r->fish_quality, r->meat + r->fish, r->meat_fish_min))
		return 0;
	return 1;
}

static int64_t fig(const cantine_report *r, const char *uai, int year, const char *name,
		   int64_t dflt)
{
	int64_t v;

	return cantine_report_figure_find(r, name, uai, year, &v) == 0 ? v : dflt;
}

/* The purchase figures of one establishment (egalim plugin). */
static int purchase_row(cantine_ctx *ctx, cantine__audit_row *row, int year, bool *any)
{
	cantine_audit_row *p = &row->pub;
	cantine_report *r;
	const char *u = p->uai;
	int rc;

	if ((rc = cantine_audit_purchases(&r, ctx, u, year)))
		return rc;
	*any = *any || cantine_report_figure_count(r) > 0;
	p->purchases = (size_t)fig(r, u, year, "egalim.achats", 0);
	p->total = fig(r, u, year, "egalim.valeur_totale", 0);
	p->bio = fig(r, u, year, "egalim.valeur_bio", 0);
	/* EGALIM total = bio + SIQO + autres + externalités (Part B §1.3) */
	p->quality = p->bio + fig(r, u, year, "egalim.valeur_siqo", 0) +
		fig(r, u, year, "egalim.valeur_egalim_autres", 0) +
		fig(r, u, year, "egalim.valeur_externalites_performance", 0);
	p->meat = fig(r, u, year, "egalim.valeur_viandes_volailles", 0);
	p->meat_quality = fig(r, u, year, "egalim.valeur_viandes_volailles_egalim", 0);
	p->fish = fig(r, u, year, "egalim.valeur_produits_de_la_mer", 0);
	p->fish_quality = fig(r, u, year, "egalim.valeur_produits_de_la_mer_egalim", 0);
	p->local = fig(r, u, year, "egalim.ijml_valeur_locale", 0);
	p->bio_min = (int)fig(r, u, year, "egalim.seuil_bio", -1);
	p->quality_min = (int)fig(r, u, year, "egalim.seuil_qualite", -1);
	p->meat_fish_min = (int)fig(r, u, year, "egalim.seuil_viandes_poissons", -1);
	p->ijml_level = (int)fig(r, u, year, "egalim.ijml_niveau", -1);
	p->ijml_bio = (int)fig(r, u, year, "egalim.ijml_distinction_bio", 0);
	cantine_report_free(r);
	return 0;
}

/* School weeks of the year with a meal, and those with a complete
 * vegetarian menu (the core rule core.vegetarian-week, DOMAIN §2.5).  A
 * week belongs to the year of its Thursday (ISO 8601). */
static int vegetarian_weeks(cantine_ctx *ctx, cantine_audit_row *p, int year)
{
	cantine_report *r = NULL;
	char from[11], to[11], thu[11];
	size_t i;
	int rc;

	snprintf(from, sizeof(from), "%04d-01-01", year);
	snprintf(to, sizeof(to), "%04d-12-31", year);
	if ((rc = cantine__report_new(&r)))
		return cantine__seterr(ctx, rc, "mémoire insuffisante");
	rc = cantine__check_core(ctx, r, p->uai, from, to);
	for (i = 0; rc == 0 && i < cantine_report_count(r); i++) {
		const cantine_finding *f = cantine_report_get(r, i);
		if (strcmp(f->rule, "core.vegetarian-week") != 0 || !f->from)
			continue;
		cantine_date_add(thu, f->from, 3);
		if (atoi(thu) != year)
			continue;
		p->weeks++;
		p->weeks_vegetarian += f->severity == CANTINE_SEVERITY_INFO;
	}
	cantine_report_free(r);
	return rc;
}

static void total_add(cantine_audit_row *t, const cantine_audit_row *p, bool first)
{
	t->purchases += p->purchases;
	t->total += p->total;
	t->bio += p->bio;
	t->quality += p->quality;
	t->meat += p->meat;
	t->meat_quality += p->meat_quality;
	t->fish += p->fish;
	t->fish_quality += p->fish_quality;
	t->local += p->local;
	t->weeks += p->weeks;
	t->weeks_vegetarian += p->weeks_vegetarian;
	/* The objectives when every collège shares them. */
	if (first) {
		t->bio_min = p->bio_min;
		t->quality_min = p->quality_min;
		t->meat_fish_min = p->meat_fish_min;
		return;
	}
	if (t->bio_min != p->bio_min || t->quality_min != p->quality_min)
		t->bio_min = t->quality_min = -1;
	if (t->meat_fish_min != p->meat_fish_min)
		t->meat_fish_min = -1;
}

static int dup_row(cantine__audit_row *row, const char *uai, const char *name,
		   const char *dept)
{
	row->strings[0] = cantine__strdup(uai);
	row->strings[1] = cantine__strdup(name);
	row->strings[2] = cantine__strdup(dept ? dept : "");
	row->pub.uai = row->strings[0];
	row->pub.name = row->strings[1];
	row->pub.departement = row->strings[2];
	row->pub.ijml_level = -1;
	row->pub.met = -1;
	row->pub.bio_min = row->pub.quality_min = row->pub.meat_fish_min = -1;
	return row->strings[0] && row->strings[1] && row->strings[2] ? 0 : CANTINE_ENOMEM;
}

bool cantine__dept_valid(const char *d)
{
	size_t n = strlen(d), i;

	if (n < 2 || n > 3)
		return false;
	for (i = 0; i < n; i++)
		if (!((d[i] >= '0' && d[i] <= '9') || (i == 1 && n == 2 && (d[i] == 'A' ||
								      d[i] == 'B'))))
			return false;
	return true;
}

/* The audit of the establishments of `departement` (NULL: all), or of the
 * one whose UAI is `uai` (NULL: all). */
static int audit_select(cantine_audit **out, cantine_ctx *ctx, int year,
			const char *departement, const char *uai);

int cantine_audit_departement(cantine_audit **out, cantine_ctx *ctx, int year,
			      const char *departement)
{
	return audit_select(out, ctx, year, departement, NULL);
}

int cantine_audit_etab(cantine_audit **out, cantine_ctx *ctx, int year, const char *uai)
{
	return audit_select(out, ctx, year, NULL, uai);
}

static int audit_select(cantine_audit **out, cantine_ctx *ctx, int year,
			const char *departement, const char *uai)
{
	cantine_audit *a;
	sqlite3_stmt *st = NULL;
	bool any = false;
	size_t i;
	int rc, step;

	*out = NULL;
	if (year < 2000 || year > 9999)
		return cantine__seterr(ctx, CANTINE_EINVAL, "année « %d » invalide : donnez une "
			"année civile, par exemple 2026", year);
	if (departement && !cantine__dept_valid(departement))
		return cantine__seterr(ctx, CANTINE_EINVAL, "département « %s » invalide : "
			"donnez son code, par exemple 59 ou 2A", departement);
	if (!(a = cantine__calloc(1, sizeof(*a))))
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	a->year = year;
	if ((departement && !(a->dept = cantine__strdup(departement))) ||
	    dup_row(&a->total, "", "Total", departement)) {
		cantine_audit_free(a);
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	}
	if ((rc = cantine__prepare(ctx, &st, "SELECT uai, name, departement FROM etab "
				   "WHERE (?1 IS NULL OR departement = ?1) AND "
				   "(?2 IS NULL OR uai = ?2) ORDER BY name, uai"))) {
		cantine_audit_free(a);
		return rc;
	}
	cantine__bind_text_or_null(st, 1, departement);
	cantine__bind_text_or_null(st, 2, uai);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (a->n == a->cap) {
			size_t cap = a->cap ? a->cap * 2 : 32;
			cantine__audit_row *it = cantine__realloc(a->rows, cap * sizeof(*it));
			if (!it) {
				rc = cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
				break;
			}
			a->rows = it;
			a->cap = cap;
		}
		memset(&a->rows[a->n], 0, sizeof(a->rows[a->n]));
		if (dup_row(&a->rows[a->n++], (const char *)sqlite3_column_text(st, 0),
			    (const char *)sqlite3_column_text(st, 1),
			    (const char *)sqlite3_column_text(st, 2))) {
			rc = cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
			break;
		}
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = cantine__store_err(ctx, "liste des établissements");
	sqlite3_finalize(st);
	if (rc == 0 && a->n == 0 && uai)
		rc = cantine__seterr(ctx, CANTINE_ENOTFOUND, "aucun établissement d'UAI « %s » "
			"dans la base ; importez-le avec « cantine import etablissements »", uai);
	else if (rc == 0 && a->n == 0)
		rc = cantine__seterr(ctx, CANTINE_ENOTFOUND, "aucun établissement%s%s dans la "
			"base : importez-les (cantine import etablissements)",
			departement ? " du département " : "", departement ? departement : "");
	for (i = 0; rc == 0 && i < a->n; i++) {
		cantine_audit_row *p = &a->rows[i].pub;
		if ((rc = purchase_row(ctx, &a->rows[i], year, &any)) ||
		    (rc = vegetarian_weeks(ctx, p, year)))
			break;
		p->met = objectives_met(p);
		total_add(&a->total.pub, p, i == 0);
	}
	if (rc == 0 && !any)
		rc = cantine__seterr(ctx, CANTINE_EINVAL, "aucun plugin ne donne les chiffres des "
			"achats : l'audit a besoin du plugin egalim (voyez cantine plugins)");
	if (rc) {
		cantine_audit_free(a);
		return rc;
	}
	a->total.pub.met = objectives_met(&a->total.pub);
	*out = a;
	return 0;
}

int cantine_audit_year(const cantine_audit *a)
{
	return a ? a->year : 0;
}

const char *cantine_audit_dept(const cantine_audit *a)
{
	return a ? a->dept : NULL;
}

size_t cantine_audit_count(const cantine_audit *a)
{
	return a ? a->n : 0;
}

const cantine_audit_row *cantine_audit_get(const cantine_audit *a, size_t i)
{
	return a && i < a->n ? &a->rows[i].pub : NULL;
}

const cantine_audit_row *cantine_audit_total(const cantine_audit *a)
{
	return a ? &a->total.pub : NULL;
}

int cantine_audit_key_parse(const char *name)
{
	static const char *const names[CANTINE_AUDIT_BY__MAX] = {
		"nom", "uai", "bio", "egalim", "viandes", "poissons", "local", "vegetarien",
		"ijml", "montant",
	};
	int k;

	for (k = 0; name && k < CANTINE_AUDIT_BY__MAX; k++)
		if (strcmp(name, names[k]) == 0)
			return k;
	return -1;
}

/* The value a row is sorted by; -1 when undefined. */
static int64_t key_value(const cantine_audit_row *r, cantine_audit_key key)
{
	switch (key) {
	case CANTINE_AUDIT_BY_BIO:        return cantine_share(r->bio, r->total);
	case CANTINE_AUDIT_BY_QUALITY:    return cantine_share(r->quality, r->total);
	case CANTINE_AUDIT_BY_MEAT:       return cantine_share(r->meat_quality, r->meat);
	case CANTINE_AUDIT_BY_FISH:       return cantine_share(r->fish_quality, r->fish);
	case CANTINE_AUDIT_BY_LOCAL:      return cantine_share(r->local, r->total);
	case CANTINE_AUDIT_BY_VEGETARIAN: return cantine_share(r->weeks_vegetarian, r->weeks);
	case CANTINE_AUDIT_BY_IJML:       return r->ijml_level;
	case CANTINE_AUDIT_BY_TOTAL:      return r->total;
	default:                          return 0;
	}
}

/* qsort has no context argument in C11: the key travels in each item. */
typedef struct sort_item {
	cantine__audit_row row;
	int64_t            v;
	int                desc, by_name, by_uai;
} sort_item;

static int sort_cmp(const void *x, const void *y)
{
	const sort_item *a = x, *b = y;
	int c;

	if (a->v != b->v) {
		if (a->v < 0 || b->v < 0) /* undefined last either way */
			return a->v < 0 ? 1 : -1;
		return (a->v < b->v ? -1 : 1) * (a->desc ? -1 : 1);
	}
	c = a->by_uai ? 0 : strcmp(a->row.pub.name, b->row.pub.name);
	if (c == 0)
		c = strcmp(a->row.pub.uai, b->row.pub.uai);
	/* Sorting by name or UAI follows the direction; ties of a figure
	 * are always by name. */
	return a->by_name && a->desc ? -c : c;
}

int cantine_audit_sort(cantine_audit *a, cantine_audit_key key, int descending)
{
	sort_item *it;
	size_t i;

	if (!a || (unsigned)key >= CANTINE_AUDIT_BY__MAX)
		return CANTINE_EINVAL;
	if (a->n < 2)
		return 0;
	if (!(it = malloc(a->n * sizeof(*it))))
		return CANTINE_ENOMEM;
	for (i = 0; i < a->n; i++) {
		it[i].row = a->rows[i];
		it[i].v = key_value(&a->rows[i].pub, key);
		it[i].desc = descending != 0;
		it[i].by_uai = key == CANTINE_AUDIT_BY_UAI;
		it[i].by_name = key == CANTINE_AUDIT_BY_UAI || key == CANTINE_AUDIT_BY_NAME;
	}
	qsort(it, a->n, sizeof(*it), sort_cmp);
	for (i = 0; i < a->n; i++)
		a->rows[i] = it[i].row;
	free(it);
	return 0;
}

void cantine_audit_free(cantine_audit *a)
{
	size_t i;
	int k;

	if (!a)
		return;
	for (i = 0; i < a->n; i++)
		for (k = 0; k < 3; k++)
			cantine__free(a->rows[i].strings[k]);
	for (k = 0; k < 3; k++)
		cantine__free(a->total.strings[k]);
	cantine__free(a->rows);
	cantine__free(a->dept);
	cantine__free(a);
}
