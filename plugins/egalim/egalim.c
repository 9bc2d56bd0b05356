/*
 * egalim.c: the egalim plugin: an establishment's purchases of a calendar
 * year against the EGALIM objectives (DOMAIN Part A §2.2–2.4, Part B
 * §1.3–1.6), counted as the national platform ma-cantine counts them
 * (counting.c), with the thresholds of its territory and year from
 * seuils.csv (thresholds.c), which a site may replace.
 *
 * Findings, per calendar year of the period audited:
 *  - egalim.bio, egalim.qualite: bio ≥ X % and EGALIM (bio included) ≥ Y %
 *    of the purchases' value HT, both required (an error when missed, with
 *    the amount missing); undefined, not 0, when there is no purchase;
 *  - egalim.viandes-poissons: EGALIM share of meat and fish together, from
 *    the year the law applies it (the legal figure), with meat and fish
 *    apart as ma-cantine shows them;
 *  - egalim.detail: fair trade "dont" sub-totals, France, Europe, circuit
 *    court and local by the data year's rules (information).
 * and, when the host takes them, the figures behind them (figures()):
 * every amount of ma-cantine's bilans under its column's name, the
 * thresholds applied and the "Ici je mange local" level.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cantine/plugin.h>

#include "../data.h"
#include "counting.h"
#include "ijml.h"
#include "thresholds.h"

extern const char egalim_seuils_csv[];
extern const size_t egalim_seuils_csv_size;
extern const char egalim_ijml_csv[];
extern const size_t egalim_ijml_csv_size;

#define TABLE "seuils.csv"
#define IJML "ijml.csv"

typedef struct egalim {
	thresholds t;
	ijml_table ij;
} egalim;

static int parse_thresholds(const char *b, size_t n, void *out, char *err, size_t errsz)
{
	return thresholds_parse(b, n, out, err, errsz);
}

static int parse_ijml(const char *b, size_t n, void *out, char *err, size_t errsz)
{
	return ijml_parse(b, n, out, err, errsz);
}

static int egalim_init(const cantine_host *h, void **self)
{
	egalim *e = calloc(1, sizeof(*e));
	int rc;

	if (!e)
		return h->fail(h, CANTINE_ENOMEM, "mémoire insuffisante");
	if ((rc = plugin_data_load(h, TABLE, egalim_seuils_csv, egalim_seuils_csv_size,
				   parse_thresholds, &e->t)) ||
	    (rc = plugin_data_load(h, IJML, egalim_ijml_csv, egalim_ijml_csv_size,
				   parse_ijml, &e->ij))) {
		thresholds_free(&e->t);
		free(e);
		return rc;
	}
	*self = e;
	return 0;
}

static void egalim_fini(void *self)
{
	egalim *e = self;

	if (!e)
		return;
	thresholds_free(&e->t);
	ijml_free(&e->ij);
	free(e);
}

/* "1 240,50 €" */
static void euros(char *out, size_t n, int64_t cents)
{
	char digits[32], grouped[48];
	int len, i, k = 0;

	len = snprintf(digits, sizeof(digits), "%lld", (long long)(cents / 100));
	for (i = 0; i < len; i++) {
		if (i && (len - i) % 3 == 0)
			grouped[k++] = ' ';
		grouped[k++] = digits[i];
	}
	grouped[k] = '\0';
	snprintf(out, n, "%s,%02d €", grouped, (int)(cents % 100));
}

/* "18,43 %", or "non défini" */
static void percent(char *out, size_t n, int64_t part, int64_t total)
{
	int64_t h = egalim_share(part, total);

	if (h < 0)
		snprintf(out, n, "non défini");
	else
		snprintf(out, n, "%lld,%02lld %%", (long long)(h / 100), (long long)(h % 100));
}

static int report(const cantine_host *h, const char *rule, cantine_severity sev,
		  const char *uai, const char *from, const char *to, int64_t measured,
		  int64_t limit, const char *msg)
{
	cantine_finding f;

	memset(&f, 0, sizeof(f));
	f.rule = rule;
	f.severity = sev;
	f.uai = uai;
	f.from = from;
	f.to = to;
	f.message = msg;
	f.measured = measured;
	f.threshold = limit;
	return h->report(h, &f);
}

/* One figure; hosts older than the figure member take none. */
static int figure(const cantine_host *h, const char *uai, int year, const char *name,
		  int64_t value)
{
	cantine_figure f;
	char id[96];

	if (!CANTINE_HOST_HAS(h, figure))
		return 0;
	snprintf(id, sizeof(id), "egalim.%s", name);
	f.name = id;
	f.uai = uai;
	f.year = year;
	f.value = value;
	return h->figure(h, &f);
}

/* One objective: part / total ≥ pct.  measured is the share in
 * hundredths of a percent (-1 undefined), threshold the percent × 100. */
static int objective(const cantine_host *h, const char *rule, const char *uai,
		     const char *from, const char *to, int year, const char *what,
		     const char *what_missing, int64_t part, int64_t total, int pct,
		     const threshold *t)
{
	char msg[800], p[32], a[64], b[64], m[64];
	int ok = egalim_reaches(part, total, pct);

	percent(p, sizeof(p), part, total);
	euros(a, sizeof(a), part);
	euros(b, sizeof(b), total);
	if (ok < 0) {
		snprintf(msg, sizeof(msg), "%d : %s %s (%s sur %s d'achats) ; objectif %d %% "
			 "(%s, %s) non évaluable", year, what, p, a, b, pct, t->group, t->source);
		return report(h, rule, CANTINE_SEVERITY_WARNING, uai, from, to, -1, pct * 100, msg);
	}
	if (ok) {
		snprintf(msg, sizeof(msg), "%d : %s %s (%s sur %s d'achats HT) ; objectif "
			 "%d %% atteint (%s)", year, what, p, a, b, pct, t->group);
		return report(h, rule, CANTINE_SEVERITY_INFO, uai, from, to,
			      egalim_share(part, total), pct * 100, msg);
	}
	euros(m, sizeof(m), egalim_missing(part, total, pct));
	snprintf(msg, sizeof(msg), "%d : %s %s (%s sur %s d'achats HT) ; objectif %d %% "
		 "(%s, %s) : il manque %s %s pour l'atteindre, à dépense totale égale", year,
		 what, p, a, b, pct, t->group, t->source, m, what_missing);
	return report(h, rule, CANTINE_SEVERITY_ERROR, uai, from, to,
		      egalim_share(part, total), pct * 100, msg);
}

/* "Ici je mange local": the level reached and what the next one needs. */
static int ijml(const ijml_table *ij, const cantine_host *h, const char *uai,
		const char *from, const char *to, int year, const cantine_purchase *p,
		size_t n)
{
	ijml_facts f;
	const ijml_row *best = NULL;
	char msg[1400], l[32], b[32], m[64];
	size_t i, len;
	int bio = -1, next, rc;

	ijml_facts_of(p, n, &f);
	for (i = 0; i < ij->n; i++) {
		const ijml_row *r = &ij->at[i];
		if (r->rank == 0) {
			bio = bio == 1 ? 1 : ijml_holds(r, &f);
			continue;
		}
		if (ijml_holds(r, &f) && (!best || r->rank > best->rank))
			best = r;
	}
	percent(l, sizeof(l), f.local, f.total);
	percent(b, sizeof(b), f.bio_regional, f.total);
	len = (size_t)snprintf(msg, sizeof(msg), "%d : Ici je mange local : %s%s (local %s, "
		"%d filière%s, bio régional %s)", year, best ? best->label : "aucune étoile",
		bio == 1 ? " et distinction bio" : "", l, f.sectors, f.sectors > 1 ? "s" : "", b);
	/* Every way to the next star, with what it lacks (the total fixed). */
	next = best ? best->rank + 1 : 1;
	for (i = 0; i < ij->n && len < sizeof(msg) - 200; i++) {
		const ijml_row *r = &ij->at[i];
		int first = 1;
		if (r->rank != next)
			continue;
		len += (size_t)snprintf(msg + len, sizeof(msg) - len, " ; pour %s : ", r->label);
		if (egalim_missing(f.local, f.total, r->local_min) > 0) {
			euros(m, sizeof(m), egalim_missing(f.local, f.total, r->local_min));
			len += (size_t)snprintf(msg + len, sizeof(msg) - len, "%s d'achats locaux "
						"de plus", m);
			first = 0;
		}
		if (f.sectors < r->sectors_min) {
			len += (size_t)snprintf(msg + len, sizeof(msg) - len, "%s%d filière%s de plus",
						first ? "" : ", ", r->sectors_min - f.sectors,
						r->sectors_min - f.sectors > 1 ? "s" : "");
			first = 0;
		}
		if (egalim_missing(f.bio_regional, f.total, r->bio_regional_min) > 0) {
			euros(m, sizeof(m), egalim_missing(f.bio_regional, f.total,
							   r->bio_regional_min));
			len += (size_t)snprintf(msg + len, sizeof(msg) - len, "%s%s de bio régional "
						"de plus", first ? "" : ", ", m);
		}
	}
	if ((rc = figure(h, uai, year, "ijml_niveau", best ? best->rank : 0)) ||
	    (rc = figure(h, uai, year, "ijml_distinction_bio", bio == 1)) ||
	    (rc = figure(h, uai, year, "ijml_valeur_locale", f.local)) ||
	    (rc = figure(h, uai, year, "ijml_filieres", f.sectors)))
		return rc;
	return report(h, "egalim.ijml", CANTINE_SEVERITY_INFO, uai, from, to,
		      best ? best->rank : 0, -1, msg);
}

/* The amounts of ma-cantine's bilans (DOMAIN Part B §1.3, §1.8), named
 * after their columns ("valeur_bio", "valeur_fruits_et_legumes_hve"),
 * and what the departmental audit needs besides.  The simple bilan's
 * meat France is FRANCE alone (§1.3), whereas the detailed cell follows
 * the data year's rule (§1.6): it gets a name of its own. */
static int figures(const cantine_host *h, const char *uai, int year, const threshold *t,
		   const egalim_counts *c)
{
	static const char *const steps[STEP__MAX] = {
		"bio", "label_rouge", "aocaop_igp_stg", "hve", "peche_durable", "rup",
		"commerce_equitable", "fermier", "externalites", "performance",
	};
	const struct { const char *name; int64_t v; } head[] = {
		{ "valeur_totale", c->total }, { "valeur_bio", c->bio },
		{ "valeur_bio_dont_commerce_equitable", c->bio_dont_ce },
		{ "valeur_siqo", c->siqo },
		{ "valeur_externalites_performance", c->ext_perf },
		{ "valeur_egalim_autres", c->autres },
		{ "valeur_egalim_autres_dont_commerce_equitable", c->autres_dont_ce },
		{ "valeur_viandes_volailles", c->meat },
		{ "valeur_viandes_volailles_egalim", c->meat_egalim },
		{ "valeur_viandes_volailles_origine_france", c->meat_france },
		{ "valeur_produits_de_la_mer", c->fish },
		{ "valeur_produits_de_la_mer_egalim", c->fish_egalim },
		{ "achats", (int64_t)c->purchases },
		{ "seuil_bio", t->bio }, { "seuil_qualite", t->egalim },
		{ "seuil_viandes_poissons", t->meat_fish },
	};
	char name[80], fam[32];
	size_t i;
	int rc = 0, f, k;

	for (i = 0; i < sizeof(head) / sizeof(head[0]) && rc == 0; i++)
		rc = figure(h, uai, year, head[i].name, head[i].v);
	for (f = 0; f < CANTINE_FAMILY__MAX && rc == 0; f++) {
		const struct { const char *what; int64_t v; } cells[] = {
			{ "bio_dont_commerce_equitable", c->bio_ce[f] },
			{ "non_egalim", c->non_egalim[f] }, { "france", c->france[f] },
			{ "europe", c->europe[f] }, { "circuit_court", c->circuit_court[f] },
			{ "local", c->local[f] },
		};
		const char *code = cantine_family_code((cantine_family)f);
		for (k = 0; code[k] && k < (int)sizeof(fam) - 1; k++)
			fam[k] = (char)(code[k] >= 'A' && code[k] <= 'Z' ? code[k] - 'A' + 'a'
								       : code[k]);
		fam[k] = '\0';
		for (k = 0; k < STEP__MAX && rc == 0; k++) {
			snprintf(name, sizeof(name), "valeur_%s_%s", fam, steps[k]);
			rc = figure(h, uai, year, name, c->ladder[f][k]);
		}
		for (i = 0; i < sizeof(cells) / sizeof(cells[0]) && rc == 0; i++) {
			snprintf(name, sizeof(name), "valeur_%s_%s", fam, cells[i].what);
			rc = figure(h, uai, year, name, cells[i].v);
		}
	}
	return rc;
}

static int audit_year(const egalim *eg, const cantine_host *h, const char *uai,
		      const char *departement, int year, const cantine_purchase *p, size_t n)
{
	egalim_counts c;
	const threshold *t = thresholds_find(&eg->t, departement, year);
	char from[11], to[11], msg[900], s1[32], s2[32], s3[32], s4[32], s5[32], s6[32];
	int64_t france = 0, europe = 0, cc = 0, local = 0;
	int rc, f;

	snprintf(from, sizeof(from), "%04d-01-01", year);
	snprintf(to, sizeof(to), "%04d-12-31", year);
	if (!t) {
		snprintf(msg, sizeof(msg), "%d : aucun seuil EGALIM dans %s pour ce territoire et "
			 "cette année ; complétez le fichier", year, TABLE);
		return report(h, "egalim.seuils", CANTINE_SEVERITY_WARNING, uai, from, to, -1, -1,
			      msg);
	}
	egalim_count(p, n, year, &c);
	if ((rc = figures(h, uai, year, t, &c)))
		return rc;
	if (c.total == 0) {
		snprintf(msg, sizeof(msg), "%d : aucun achat enregistré : les taux EGALIM ne sont "
			 "pas définis (ni 0 %% ni 100 %%) ; importez les achats de l'année", year);
		return report(h, "egalim.achats", CANTINE_SEVERITY_WARNING, uai, from, to, 0, -1,
			      msg);
	}
	if ((rc = objective(h, "egalim.bio", uai, from, to, year, "bio", "d'achats bio",
			    c.bio, c.total, t->bio, t)) ||
	    (rc = objective(h, "egalim.qualite", uai, from, to, year,
			    "produits durables et de qualité (bio compris)",
			    "d'achats durables et de qualité", egalim_quality(&c), c.total,
			    t->egalim, t)))
		return rc;
	if (t->meat_fish >= 0 && c.meat + c.fish > 0) {
		if ((rc = objective(h, "egalim.viandes-poissons", uai, from, to, year,
				    "viandes et poissons durables et de qualité",
				    "d'achats de viandes ou poissons durables et de qualité",
				    c.meat_egalim + c.fish_egalim, c.meat + c.fish,
				    t->meat_fish, t)))
			return rc;
		percent(s1, sizeof(s1), c.meat_egalim, c.meat);
		percent(s2, sizeof(s2), c.fish_egalim, c.fish);
		snprintf(msg, sizeof(msg), "%d : viandes et volailles %s durables et de qualité, "
			 "produits de la mer %s (ma-cantine affiche les deux à %d %%)", year, s1,
			 s2, t->meat_fish);
		if ((rc = report(h, "egalim.viandes-poissons-detail", CANTINE_SEVERITY_INFO, uai,
				 from, to, -1, -1, msg)))
			return rc;
	}
	for (f = 0; f < CANTINE_FAMILY__MAX; f++) {
		france += c.france[f];
		europe += c.europe[f];
		cc += c.circuit_court[f];
		local += c.local[f];
	}
	percent(s1, sizeof(s1), c.bio_dont_ce, c.total);
	percent(s2, sizeof(s2), c.autres_dont_ce, c.total);
	percent(s3, sizeof(s3), france, c.total);
	percent(s4, sizeof(s4), europe, c.total);
	percent(s5, sizeof(s5), cc, c.total);
	percent(s6, sizeof(s6), local, c.total);
	snprintf(msg, sizeof(msg), "%d : dont commerce équitable : %s dans le bio, %s dans les "
		 "autres produits EGALIM ; origine France %s%s, Europe %s%s, circuit court %s, "
		 "local %s (%zu achats)", year, s1, s2, s3,
		 year == 2025 ? " (circuit court et local compris, règle 2025)" : "", s4,
		 year >= 2026 ? "" : " (relevée à partir de 2026)", s5, s6, c.purchases);
	if ((rc = report(h, "egalim.detail", CANTINE_SEVERITY_INFO, uai, from, to, -1, -1, msg)))
		return rc;
	return ijml(&eg->ij, h, uai, from, to, year, p, n);
}

static int egalim_audit(void *self, const cantine_host *h, const char *uai,
			const char *from, const char *to)
{
	const cantine_purchase *p;
	const cantine_etab *e;
	size_t n, i, start;
	int rc, y, y0, y1;

	if (!CANTINE_HOST_HAS(h, purchases) || !CANTINE_HOST_HAS(h, etab))
		return h->fail(h, CANTINE_EINVAL, "cet hôte ne donne pas accès aux achats : "
			       "mettez cantine à jour");
	if ((rc = h->etab(h, uai, &e)) || (rc = h->purchases(h, uai, from, to, &p, &n)))
		return rc;
	y0 = atoi(from);
	y1 = atoi(to);
	/* Per calendar year (data year, DOMAIN Part B §1.7); purchases are
	 * in date order. */
	for (y = y0, start = 0; y <= y1 && rc == 0; y++) {
		for (i = start; i < n && atoi(p[i].date) == y; i++)
			;
		rc = audit_year(self, h, uai, e->departement, y, p + start, i - start);
		start = i;
	}
	return rc;
}

CANTINE_PLUGIN_DEFINE(egalim,
	.name = "egalim",
	.version = "1.0",
	.description = "Objectifs EGALIM des achats (bio, qualité, viandes et poissons), "
		       "comptés comme ma-cantine",
	.init = egalim_init,
	.fini = egalim_fini,
	.audit_purchases = egalim_audit)
