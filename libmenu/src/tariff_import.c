/*
 * tariff_import.c: the `tarifs` CSV import (docs/formats.md, "tarifs"):
 * one row per element of a grid (the grid itself, a commensal category, a
 * social tier).  Rows are checked one by one, then each grid as a whole
 * at the end of the file (a tier may come before its grid row); only a
 * file with no problem is written, each grid in it replacing the stored
 * grid of the same establishment and school year.
 */
#include <stdio.h>
#include <string.h>

#include "import_int.h"
#include "pricing_int.h"
#include "strmap_int.h"

enum {
	T_UAI, T_ANNEE, T_ELEMENT, T_LIBELLE, T_TICKET, T_F4, T_R4, T_F5, T_R5, T_COUT,
	T_PROGRESSIF, T_C1E, T_FINANCEUR, T_PRIX, T_CRITERE, T_DE, T_A, T_ENFANTS,
	T_AIDE, T_PRIX_FAMILLE, T_REMISE, T__MAX
};

static const cantine__col tariff_cols[T__MAX] = {
	{ "uai", true }, { "annee", true }, { "element", true }, { "libelle", false },
	{ "prix_ticket", false }, { "forfait_4j", false }, { "repas_4j", false },
	{ "forfait_5j", false }, { "repas_5j", false }, { "cout_usager", false },
	{ "progressif", false }, { "cantine_1_euro", false }, { "financeur", false },
	{ "prix", false }, { "critere", false }, { "de", false }, { "a", false },
	{ "enfants", false }, { "aide", false }, { "prix_famille", false },
	{ "remise_jours", false },
};

enum { E_GRILLE, E_COMMENSAL, E_TRANCHE, E__MAX };
static const char *const element_names[E__MAX] = { "grille", "commensal", "tranche" };
#define B(c) (1u << (c))
/* The columns each element may fill (beyond uai, annee, element). */
static const unsigned element_cols[E__MAX] = {
	B(T_TICKET) | B(T_F4) | B(T_R4) | B(T_F5) | B(T_R5) | B(T_COUT) | B(T_PROGRESSIF) |
		B(T_C1E) | B(T_FINANCEUR) | B(T_REMISE),
	B(T_LIBELLE) | B(T_PRIX),
	B(T_LIBELLE) | B(T_CRITERE) | B(T_DE) | B(T_A) | B(T_ENFANTS) | B(T_AIDE) |
		B(T_PRIX_FAMILLE) | B(T_FINANCEUR),
};

typedef struct item {
	unsigned line;
	char    *label;
	int64_t  price;    /* commensal */
	cantine_tier tier; /* tranche (label borrowed from `label`) */
	int      funder;   /* tranche: -1 = the grid's */
} item;

typedef struct grid {
	char          *uai, *year;
	int64_t        etab;
	unsigned       first_line, grid_line; /* grid_line 0: no grille row yet */
	cantine_tariff t;
	item          *comm, *tiers;
	size_t         ncomm, ntiers, capc, capt;
} grid;

typedef struct tariff_state {
	cantine__strmap etabs;  /* UAI → id */
	cantine__strmap grids;  /* "uai|annee" → index + 1 in aux */
	cantine__strmap seen;   /* duplicate commensal labels */
	grid           *g;
	size_t          n, cap;
} tariff_state;

static int tariff_begin(cantine__import *imp)
{
	tariff_state *s = imp->state;

	return cantine__import_preload(imp, &s->etabs, "SELECT uai, id FROM etab");
}

static int oom(cantine__import *imp)
{
	return cantine__seterr(imp->ctx, CANTINE_ENOMEM, "mémoire insuffisante");
}

/* The grid of uai + year, made on first sight; NULL when out of memory. */
static grid *grid_of(cantine__import *imp, const char *uai, const char *year, int64_t etab)
{
	tariff_state *s = imp->state;
	cantine__strmap_val *v;
	char key[64];
	int added;
	grid *g;

	snprintf(key, sizeof(key), "%s|%s", uai, year);
	if (!(v = cantine__strmap_put(&s->grids, key, &added)))
		return NULL;
	if (!added)
		return &s->g[v->aux];
	if (s->n == s->cap) {
		size_t nc = s->cap ? 2 * s->cap : 4;
		void *p = cantine__realloc(s->g, nc * sizeof(*s->g));
		if (!p)
			return NULL;
		s->g = p;
		s->cap = nc;
	}
	g = &s->g[s->n];
	memset(g, 0, sizeof(*g));
	g->uai = cantine__strdup(uai);
	g->year = cantine__strdup(year);
	if (!g->uai || !g->year) {
		cantine__free(g->uai);
		cantine__free(g->year);
		return NULL;
	}
	g->etab = etab;
	g->first_line = cantine__row_line(imp);
	g->t.forfait4_cents = g->t.forfait5_cents = -1;
	v->aux = (int)s->n++;
	return g;
}

static item *add_item(item **a, size_t *n, size_t *cap)
{
	if (*n == *cap) {
		size_t nc = *cap ? 2 * *cap : 8;
		void *p = cantine__realloc(*a, nc * sizeof(**a));
		if (!p)
			return NULL;
		*a = p;
		*cap = nc;
	}
	memset(&(*a)[*n], 0, sizeof(**a));
	return &(*a)[(*n)++];
}

static bool get_funder(cantine__import *imp, int *out)
{
	const char *s = cantine__cell(imp, T_FINANCEUR);

	*out = -1;
	if (!*s)
		return true;
	if ((*out = cantine_funder_parse(s)) >= 0)
		return true;
	cantine__problem(imp, T_FINANCEUR, "« %s » n'est pas un financeur connu ; écrivez "
			 "departement, etat, fonds_social, bourse, commune, region ou "
			 "etablissement", s);
	return false;
}

static int grille_row(cantine__import *imp, grid *g)
{
	long r4 = 0, r5 = 0, remise = 0;
	int prog = 0, c1e = 0, funder;
	bool bad = false;

	if (g->grid_line)
		return cantine__problem(imp, T_ELEMENT, "la grille de %s pour %s a déjà sa "
			"ligne « grille » (ligne %u) ; gardez-en une seule", g->uai, g->year,
			g->grid_line);
	g->grid_line = cantine__row_line(imp);
	if (!*cantine__cell(imp, T_TICKET)) {
		bad = true;
		cantine__problem(imp, T_TICKET, "cellule vide : une ligne « grille » donne le "
				 "prix du ticket, par exemple 3,10");
	}
	if (!*cantine__cell(imp, T_COUT)) {
		bad = true;
		cantine__problem(imp, T_COUT, "cellule vide : une ligne « grille » donne le coût "
				 "de revient par repas et par usager, subventions déduites "
				 "(article R. 531-53 du Code de l'éducation)");
	}
	bad |= !cantine__get_money(imp, T_TICKET, &g->t.ticket_cents);
	bad |= !cantine__get_money(imp, T_COUT, &g->t.cost_cents);
	bad |= !cantine__get_money(imp, T_F4, &g->t.forfait4_cents);
	bad |= !cantine__get_money(imp, T_F5, &g->t.forfait5_cents);
	bad |= !cantine__get_int(imp, T_R4, 1, 200, &r4);
	bad |= !cantine__get_int(imp, T_R5, 1, 200, &r5);
	bad |= !cantine__get_int(imp, T_REMISE, 1, 60, &remise);
	bad |= !cantine__get_bool(imp, T_PROGRESSIF, &prog);
	bad |= !cantine__get_bool(imp, T_C1E, &c1e);
	bad |= !get_funder(imp, &funder);
	if (bad)
		return 0;
	if ((g->t.forfait4_cents >= 0) != (r4 > 0))
		return cantine__problem(imp, g->t.forfait4_cents >= 0 ? T_R4 : T_F4,
			"forfait_4j et repas_4j vont ensemble : le forfait par trimestre et le "
			"nombre de repas qu'il couvre ; remplissez les deux ou aucun");
	if ((g->t.forfait5_cents >= 0) != (r5 > 0))
		return cantine__problem(imp, g->t.forfait5_cents >= 0 ? T_R5 : T_F5,
			"forfait_5j et repas_5j vont ensemble : le forfait par trimestre et le "
			"nombre de repas qu'il couvre ; remplissez les deux ou aucun");
	g->t.meals4 = (int)r4;
	g->t.meals5 = (int)r5;
	g->t.remise_days = (int)remise; /* 0: the column's default */
	g->t.progressive = prog;
	g->t.cantine_1e = c1e;
	/* R. 531-52: the département sets the prices of its collèges. */
	g->t.funder = funder >= 0 ? (cantine_funder)funder : CANTINE_FUNDER_DEPARTEMENT;
	return 0;
}

static int commensal_row(cantine__import *imp, grid *g)
{
	tariff_state *s = imp->state;
	const char *label;
	char key[320];
	int64_t price = 0;
	item *it;
	int rc;

	bool ok = cantine__get_required(imp, T_LIBELLE, &label);

	if (!cantine__get_money(imp, T_PRIX, &price) || !ok)
		return 0;
	if (!*cantine__cell(imp, T_PRIX))
		return cantine__problem(imp, T_PRIX, "cellule vide : une ligne « commensal » "
					"donne le prix du repas, par exemple 4,23");
	snprintf(key, sizeof(key), "%s|%s|%s", g->uai, g->year, label);
	if ((rc = cantine__seen_once(imp, &s->seen, T_LIBELLE, key, "la catégorie de commensaux")))
		return rc < 0 ? rc : 0;
	if (!(it = add_item(&g->comm, &g->ncomm, &g->capc)) || !(it->label = cantine__strdup(label)))
		return oom(imp);
	it->line = cantine__row_line(imp);
	it->price = price;
	return 0;
}

static int tranche_row(cantine__import *imp, grid *g)
{
	const char *label, *crit;
	int64_t from = 0, to = CANTINE_TIER_NO_LIMIT, aid = -1, fam = -1;
	long children = 0;
	int basis = -1, funder;
	bool bad = false;
	item *it;

	bad |= !cantine__get_required(imp, T_LIBELLE, &label);
	if (cantine__get_required(imp, T_CRITERE, &crit) &&
	    (basis = cantine_tier_basis_parse(crit)) < 0)
		cantine__problem(imp, T_CRITERE, "« %s » n'est pas un critère connu ; écrivez qf "
				 "(quotient familial), rfr (revenu fiscal de référence, avec "
				 "enfants) ou bourse", crit);
	bad |= basis < 0;
	bad |= !cantine__get_money(imp, T_DE, &from);
	bad |= !cantine__get_money(imp, T_A, &to);
	bad |= !cantine__get_int(imp, T_ENFANTS, 1, 20, &children);
	bad |= !cantine__get_money(imp, T_AIDE, &aid);
	bad |= !cantine__get_money(imp, T_PRIX_FAMILLE, &fam);
	bad |= !get_funder(imp, &funder);
	if (bad)
		return 0;
	if ((aid >= 0) == (fam >= 0))
		return cantine__problem(imp, aid >= 0 ? T_PRIX_FAMILLE : T_AIDE, "une tranche "
			"donne soit une aide par repas (colonne aide, déduite du ticket), soit "
			"un prix famille par repas (colonne prix_famille), %s",
			aid >= 0 ? "pas les deux ; videz l'une des deux" : "et ici aucune des deux");
	if (basis == CANTINE_TIER_BOURSE && (*cantine__cell(imp, T_DE) || *cantine__cell(imp, T_A)
					     || children))
		return cantine__problem(imp, *cantine__cell(imp, T_DE) ? T_DE :
			*cantine__cell(imp, T_A) ? T_A : T_ENFANTS, "une tranche « bourse » "
			"n'a ni bornes de revenu ni nombre d'enfants ; videz de, a et enfants");
	if (basis == CANTINE_TIER_RFR && !children)
		return cantine__problem(imp, T_ENFANTS, "cellule vide : une tranche « rfr » "
			"donne le nombre d'enfants auquel s'appliquent ses bornes, par exemple 2");
	if (basis == CANTINE_TIER_QF && children)
		return cantine__problem(imp, T_ENFANTS, "une tranche « qf » ne dépend pas du "
			"nombre d'enfants (le quotient familial en tient déjà compte) ; videz "
			"la cellule");
	if (to != CANTINE_TIER_NO_LIMIT && to < from)
		return cantine__problem(imp, T_A, "la tranche finit (%s) avant de commencer "
			"(%s) ; les deux bornes sont comprises, de ≤ a",
			cantine__cell(imp, T_A), cantine__cell(imp, T_DE));
	if (!(it = add_item(&g->tiers, &g->ntiers, &g->capt)) || !(it->label = cantine__strdup(label)))
		return oom(imp);
	it->line = cantine__row_line(imp);
	it->funder = funder;
	it->tier.label = it->label;
	it->tier.basis = (cantine_tier_basis)basis;
	it->tier.from_cents = from;
	it->tier.to_cents = to;
	it->tier.children = (int)children;
	it->tier.aid_cents = aid;
	it->tier.family_cents = fam;
	return 0;
}

static int tariff_row(cantine__import *imp)
{
	tariff_state *s = imp->state;
	cantine__strmap_val *etab = NULL;
	const char *uai, *year, *el;
	int e = -1, c;
	bool bad = false;
	grid *g;

	if (cantine__get_required(imp, T_UAI, &uai)) {
		etab = cantine__strmap_get(&s->etabs, uai);
		if (!etab && cantine__problem(imp, T_UAI, "aucun établissement d'UAI « %s » dans "
				"la base ; importez d'abord le fichier etablissements, ou corrigez "
				"l'UAI", uai))
			return CANTINE_ENOMEM;
	}
	bad |= !etab;
	if (cantine__get_required(imp, T_ANNEE, &year) && cantine_school_year_check(year)) {
		bad = true;
		cantine__problem(imp, T_ANNEE, "« %s » n'est pas une année scolaire ; écrivez "
				 "AAAA-AAAA (deux années qui se suivent), par exemple 2026-2027", year);
	}
	if (cantine__get_required(imp, T_ELEMENT, &el)) {
		for (c = 0; c < E__MAX; c++)
			if (strcmp(el, element_names[c]) == 0)
				e = c;
		if (e < 0)
			cantine__problem(imp, T_ELEMENT, "« %s » n'est pas un élément de grille ; "
					 "écrivez grille, commensal ou tranche", el);
	}
	if (bad || e < 0)
		return 0;
	for (c = T_LIBELLE; c < T__MAX; c++)
		if (!(element_cols[e] & B(c)) && *cantine__cell(imp, c)) {
			cantine__problem(imp, c, "la colonne « %s » ne s'applique pas à une ligne "
					 "« %s » ; laissez la cellule vide", tariff_cols[c].name,
					 element_names[e]);
			bad = true;
		}
	if (bad)
		return 0;
	if (!(g = grid_of(imp, uai, year, etab->id)))
		return oom(imp);
	return e == E_GRILLE ? grille_row(imp, g) : e == E_COMMENSAL ? commensal_row(imp, g)
								   : tranche_row(imp, g);
}

/* ---- the grid as a whole ---- */

/* R. 531-53 (Code de l'éducation): no price above the cost per user after
 * subsidies (DOMAIN §4.1). */
static int over_cost(cantine__import *imp, const grid *g, unsigned line, int col,
		     const char *what, int64_t price)
{
	char a[32], b[32];

	if (price <= g->t.cost_cents)
		return 0;
	return cantine__problem_at(imp, line, col, "%s (%s par repas) dépasse le coût de "
		"revient par usager de la grille (%s) : l'article R. 531-53 du Code de "
		"l'éducation l'interdit ; baissez le prix ou corrigez cout_usager", what,
		cantine__eur(price, a), cantine__eur(g->t.cost_cents, b));
}

/* The forfait per meal rounded up: above the cost exactly when the
 * forfait is above cost × meals. */
static int64_t ceil_div(int64_t a, int b)
{
	return (a + b - 1) / b;
}

static int check_grid(cantine__import *imp, grid *g)
{
	char a[32], b[32];
	size_t i, j;
	int rc = 0;

	if (!g->grid_line)
		return cantine__problem_at(imp, g->first_line, T_ELEMENT, "la grille de %s pour "
			"%s n'a pas de ligne « grille » (prix du ticket, coût par usager) ; "
			"ajoutez-la", g->uai, g->year);
	rc = over_cost(imp, g, g->grid_line, T_TICKET, "le prix du ticket", g->t.ticket_cents);
	if (!rc && g->t.forfait4_cents >= 0 && g->t.forfait4_cents > g->t.cost_cents * g->t.meals4)
		rc = over_cost(imp, g, g->grid_line, T_F4, "le forfait 4 jours ramené au repas "
			       "(arrondi au centime supérieur)", ceil_div(g->t.forfait4_cents, g->t.meals4));
	if (!rc && g->t.forfait5_cents >= 0 && g->t.forfait5_cents > g->t.cost_cents * g->t.meals5)
		rc = over_cost(imp, g, g->grid_line, T_F5, "le forfait 5 jours ramené au repas "
			       "(arrondi au centime supérieur)", ceil_div(g->t.forfait5_cents, g->t.meals5));
	for (i = 0; !rc && i < g->ncomm; i++)
		rc = over_cost(imp, g, g->comm[i].line, T_PRIX, "le prix de ce commensal",
			       g->comm[i].price);
	for (i = 0; !rc && i < g->ntiers; i++) {
		const item *k = &g->tiers[i];
		if (k->tier.aid_cents > g->t.ticket_cents)
			rc = cantine__problem_at(imp, k->line, T_AIDE, "l'aide (%s par repas) "
				"dépasse le prix du ticket (%s) dont elle est déduite ; corrigez "
				"l'aide ou le prix du ticket", cantine__eur(k->tier.aid_cents, a),
				cantine__eur(g->t.ticket_cents, b));
		else if (k->tier.family_cents >= 0)
			rc = over_cost(imp, g, k->line, T_PRIX_FAMILLE, "le prix famille",
				       k->tier.family_cents);
		for (j = 0; !rc && j < i; j++)
			if (cantine__tiers_overlap(&g->tiers[j].tier, &k->tier))
				rc = cantine__problem_at(imp, k->line, k->tier.basis ==
					CANTINE_TIER_BOURSE ? T_CRITERE : T_DE, "la tranche « %s » "
					"chevauche la tranche « %s » (ligne %u) : une même famille "
					"relèverait des deux ; les bornes de et a sont comprises, "
					"faites commencer l'une après la fin de l'autre",
					k->label, g->tiers[j].label, g->tiers[j].line);
	}
	return rc;
}

static int write_grid(cantine__import *imp, grid *g)
{
	sqlite3_stmt *st = NULL;
	int64_t id;
	size_t i, rows = 1 + g->ncomm + g->ntiers;
	bool existed;
	int rc;

	if ((rc = cantine__prepare(imp->ctx, &st, "DELETE FROM tariff WHERE etab_id = ?1 AND "
				   "school_year = ?2")))
		return rc;
	sqlite3_bind_int64(st, 1, g->etab);
	sqlite3_bind_text(st, 2, g->year, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return cantine__store_err(imp->ctx, "remplacement d'une grille tarifaire");
	existed = sqlite3_changes(imp->ctx->db) > 0;
	if ((rc = cantine__prepare(imp->ctx, &st, "INSERT INTO tariff (etab_id, school_year, "
		"ticket_cents, forfait4_cents, meals4, forfait5_cents, meals5, cost_cents, "
		"progressive, cantine_1e, funder, remise_days) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
		"?7, ?8, ?9, ?10, ?11, coalesce(?12, 5))")))
		return rc;
	sqlite3_bind_int64(st, 1, g->etab);
	sqlite3_bind_text(st, 2, g->year, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, g->t.ticket_cents);
	if (g->t.forfait4_cents >= 0) {
		sqlite3_bind_int64(st, 4, g->t.forfait4_cents);
		sqlite3_bind_int(st, 5, g->t.meals4);
	}
	if (g->t.forfait5_cents >= 0) {
		sqlite3_bind_int64(st, 6, g->t.forfait5_cents);
		sqlite3_bind_int(st, 7, g->t.meals5);
	}
	sqlite3_bind_int64(st, 8, g->t.cost_cents);
	sqlite3_bind_int(st, 9, g->t.progressive);
	sqlite3_bind_int(st, 10, g->t.cantine_1e);
	sqlite3_bind_int(st, 11, (int)g->t.funder);
	if (g->t.remise_days > 0)
		sqlite3_bind_int(st, 12, g->t.remise_days);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return cantine__store_err(imp->ctx, "enregistrement d'une grille tarifaire");
	id = sqlite3_last_insert_rowid(imp->ctx->db);
	if ((rc = cantine__prepare(imp->ctx, &st, "INSERT INTO tariff_commensal (tariff_id, "
				   "label, price_cents) VALUES (?1, ?2, ?3)")))
		return rc;
	for (i = 0; i < g->ncomm && rc == 0; i++) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, g->comm[i].label, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, g->comm[i].price);
		rc = sqlite3_step(st) == SQLITE_DONE ? 0 : CANTINE_ESTORE;
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	if (rc)
		return cantine__store_err(imp->ctx, "enregistrement d'un commensal");
	if ((rc = cantine__prepare(imp->ctx, &st, "INSERT INTO tariff_tier (tariff_id, label, "
		"basis, from_cents, to_cents, children, aid_cents, family_cents, funder) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")))
		return rc;
	for (i = 0; i < g->ntiers && rc == 0; i++) {
		const item *k = &g->tiers[i];
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, k->label, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 3, (int)k->tier.basis);
		sqlite3_bind_int64(st, 4, k->tier.from_cents);
		if (k->tier.to_cents != CANTINE_TIER_NO_LIMIT)
			sqlite3_bind_int64(st, 5, k->tier.to_cents);
		else
			sqlite3_bind_null(st, 5);
		sqlite3_bind_int(st, 6, k->tier.children);
		if (k->tier.aid_cents >= 0)
			sqlite3_bind_int64(st, 7, k->tier.aid_cents);
		else
			sqlite3_bind_null(st, 7);
		if (k->tier.family_cents >= 0)
			sqlite3_bind_int64(st, 8, k->tier.family_cents);
		else
			sqlite3_bind_null(st, 8);
		if (k->funder >= 0)
			sqlite3_bind_int(st, 9, k->funder);
		else
			sqlite3_bind_null(st, 9);
		rc = sqlite3_step(st) == SQLITE_DONE ? 0 : CANTINE_ESTORE;
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	if (rc)
		return cantine__store_err(imp->ctx, "enregistrement d'une tranche");
	if (existed)
		imp->stats.updated += rows;
	else
		imp->stats.inserted += rows;
	return 0;
}

static int tariff_end(cantine__import *imp)
{
	tariff_state *s = imp->state;
	size_t i;
	int rc;

	for (i = 0; i < s->n; i++)
		if ((rc = check_grid(imp, &s->g[i])) < 0)
			return rc;
	for (i = 0; imp->clean && i < s->n; i++)
		if ((rc = write_grid(imp, &s->g[i])))
			return rc;
	return 0;
}

static void free_items(item *a, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		cantine__free(a[i].label);
	cantine__free(a);
}

static void tariff_cleanup(cantine__import *imp)
{
	tariff_state *s = imp->state;
	size_t i;

	for (i = 0; i < s->n; i++) {
		free_items(s->g[i].comm, s->g[i].ncomm);
		free_items(s->g[i].tiers, s->g[i].ntiers);
		cantine__free(s->g[i].uai);
		cantine__free(s->g[i].year);
	}
	cantine__free(s->g);
	cantine__strmap_free(&s->etabs);
	cantine__strmap_free(&s->grids);
	cantine__strmap_free(&s->seen);
}

const cantine__kind_ops cantine__tariff_ops = {
	tariff_cols, T__MAX, sizeof(tariff_state),
	tariff_begin, tariff_row, tariff_end, tariff_cleanup,
};
