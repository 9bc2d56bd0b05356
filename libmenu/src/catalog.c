/*
 * catalog.c: products: validation, storage, cost arithmetic, CSV import.
 */
#include <stdio.h>
#include <string.h>

#include "match_int.h"
#include "model_int.h"
#include "names_int.h"
#include "strmap_int.h"
#include "text_int.h"

/* ---- money ---- */

/*
 * The cost of grams_mg mg of a product priced price_cents per unit of
 * unit_grams g is price × mg / (1000 × unit_grams) cents.  Validation
 * bounds price ≤ 1e8 cents and mg ≤ 2e6, so price × mg × 1000 ≤ 2e17
 * fits in 64 bits.
 */
int64_t cantine__cost_ucents(int64_t price_cents, int unit_grams, int64_t grams_mg)
{
	/* In millionths of a cent: price × mg × 1000 / unit_grams. */
	return (price_cents * grams_mg * 1000 + unit_grams / 2) / unit_grams;
}

int64_t cantine__ucents_to_cents(int64_t uc)
{
	return (uc + 500000) / 1000000;
}

int64_t cantine_cost_cents(int64_t price_cents, int unit_grams, int64_t grams_mg)
{
	int64_t den;

	if (unit_grams <= 0 || price_cents < 0 || grams_mg < 0)
		return 0;
	/* Exact, half up: floor(price × mg / den + 1/2) with den = 1000 × g. */
	den = (int64_t)unit_grams * 1000;
	return (2 * price_cents * grams_mg + den) / (2 * den);
}

/* ---- validation ---- */

const cantine__col cantine__product_cols[PROD_COL__MAX] = {
	{ "code", true }, { "nom", true }, { "famille", true }, { "labels", false },
	{ "pays", false }, { "departement", false }, { "commune_insee", false },
	{ "distance_km", false }, { "local", false }, { "definition_local", false },
	{ "fournisseur", false }, { "unite", true }, { "poids_unite_g", false },
	{ "prix_ht", true }, { "code_ciqual", false }, { "allergenes", false },
	{ "traces", false }, { "viande", true }, { "poisson", true },
};

#define REPORT(col, ...) do { \
	char m_[512]; \
	snprintf(m_, sizeof(m_), __VA_ARGS__); \
	if (fn(ud, (col), m_)) \
		return CANTINE_ENOMEM; \
	bad++; \
} while (0)

static int check_pattern(cantine_ctx *ctx, cantine__pattern pat, const char *s)
{
	return s && *s ? cantine__match(ctx, pat, s) : 1;
}

int cantine__product_validate(cantine_ctx *ctx, const cantine_product *p,
			      cantine__report_fn fn, void *ud)
{
	int bad = 0, m;

	m = p->code ? cantine__match(ctx, CANTINE__PAT_PRODUCT_CODE, p->code) : 0;
	if (m < 0)
		return m;
	if (!m)
		REPORT(PROD_COL_CODE, "« %s » n'est pas un code produit : lettres, chiffres, "
		       "« - », « _ » ou « . », 32 caractères au plus, sans espace",
		       p->code ? p->code : "");
	if (!p->name || !*p->name)
		REPORT(PROD_COL_NOM, "le nom du produit est obligatoire");
	else if (cantine__utf8_len(p->name) > 200)
		REPORT(PROD_COL_NOM, "nom trop long (plus de 200 caractères) ; raccourcissez-le");
	if ((unsigned)p->family >= CANTINE_FAMILY__MAX)
		REPORT(PROD_COL_FAMILLE, "famille inconnue ; valeurs possibles : %s",
		       cantine__family_list());
	if (p->labels >> CANTINE_LABEL__MAX)
		REPORT(PROD_COL_LABELS, "label inconnu ; valeurs possibles : %s",
		       cantine__label_list());
	if ((m = check_pattern(ctx, CANTINE__PAT_COUNTRY, p->country)) < 0)
		return m;
	if (!m)
		REPORT(PROD_COL_PAYS, "« %s » n'est pas un code pays : deux lettres "
		       "majuscules (ISO 3166), par exemple FR, BE, ES", p->country);
	if ((m = check_pattern(ctx, CANTINE__PAT_DEPARTEMENT, p->departement)) < 0)
		return m;
	if (!m)
		REPORT(PROD_COL_DEPT, "« %s » n'est pas un code de département : "
		       "01 à 95 (2A, 2B pour la Corse) ou 971 à 976", p->departement);
	if ((m = check_pattern(ctx, CANTINE__PAT_INSEE, p->commune_insee)) < 0)
		return m;
	if (!m)
		REPORT(PROD_COL_COMMUNE, "« %s » n'est pas un code INSEE de commune : "
		       "5 caractères, par exemple 62427", p->commune_insee);
	if (p->distance_km < -1 || p->distance_km > 40000)
		REPORT(PROD_COL_DISTANCE, "%d km : la distance doit être comprise entre 0 "
		       "et 40000 km", p->distance_km);
	if ((unsigned)p->local >= CANTINE_LOCAL__MAX)
		REPORT(PROD_COL_DEFLOCAL, "définition du local inconnue ; valeurs "
		       "possibles : %s", cantine__local_list());
	else if (p->local == CANTINE_LOCAL_KM && p->distance_km < 0)
		REPORT(PROD_COL_DISTANCE, "local défini par la distance (KM) : indiquez "
		       "la distance en km dans distance_km");
	if ((unsigned)p->unit >= CANTINE_UNIT__MAX)
		REPORT(PROD_COL_UNITE, "unité inconnue ; valeurs possibles : %s",
		       cantine__unit_list());
	else if (p->unit == CANTINE_UNIT_KG && p->unit_grams != 1000)
		REPORT(PROD_COL_POIDS, "un kilogramme pèse 1000 g : laissez poids_unite_g "
		       "vide ou écrivez 1000");
	else if (p->unit_grams <= 0 || p->unit_grams > 100000)
		REPORT(PROD_COL_POIDS, "pour un prix au litre ou à la pièce, indiquez le "
		       "poids d'une unité en grammes (entre 1 et 100000), par exemple "
		       "125 pour un pot de yaourt");
	if (p->price_cents < 0 || p->price_cents > INT64_C(100000000))
		REPORT(PROD_COL_PRIX, "le prix doit être positif et inférieur à un "
		       "million d'euros");
	if (p->ciqual < 0 || p->ciqual > 999999)
		REPORT(PROD_COL_CIQUAL, "%d n'est pas un code Ciqual (entier de 1 à 6 "
		       "chiffres)", p->ciqual);
	if ((p->allergens | p->traces) >> CANTINE_ALLERGEN__MAX)
		REPORT(PROD_COL_ALLERGENES, "allergène inconnu ; valeurs possibles : %s",
		       cantine__allergen_list());
	/* Meat families hold meat by definition (ma-cantine families,
	 * DOMAIN Part B §1.4); a "non" here would wrongly make dishes
	 * vegetarian. */
	if ((p->family == CANTINE_FAMILY_VIANDES_VOLAILLES ||
	     p->family == CANTINE_FAMILY_CHARCUTERIE) && !p->meat)
		REPORT(PROD_COL_VIANDE, "un produit de la famille %s est de la viande : "
		       "écrivez viande = oui", cantine_family_code(p->family));
	return bad;
}

int cantine__product_prepare(cantine_ctx *ctx, sqlite3_stmt **st)
{
	return cantine__prepare(ctx, st,
		"INSERT INTO product (code, name, family, labels, country, departement, "
		"commune_insee, distance_km, local_def, supplier, unit, unit_grams, "
		"price_cents, ciqual, allergens, traces, meat, fish) VALUES "
		"(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18) "
		"ON CONFLICT (code) DO UPDATE SET name = ?2, family = ?3, labels = ?4, "
		"country = ?5, departement = ?6, commune_insee = ?7, distance_km = ?8, "
		"local_def = ?9, supplier = ?10, unit = ?11, unit_grams = ?12, "
		"price_cents = ?13, ciqual = ?14, allergens = ?15, traces = ?16, "
		"meat = ?17, fish = ?18");
}

int cantine__product_write(cantine_ctx *ctx, sqlite3_stmt *st, const cantine_product *p)
{
	int rc;

	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, p->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, p->name, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, (int)p->family);
	sqlite3_bind_int(st, 4, (int)p->labels);
	cantine__bind_text_or_null(st, 5, p->country);
	cantine__bind_text_or_null(st, 6, p->departement);
	cantine__bind_text_or_null(st, 7, p->commune_insee);
	if (p->distance_km >= 0)
		sqlite3_bind_int(st, 8, p->distance_km);
	else
		sqlite3_bind_null(st, 8);
	sqlite3_bind_int(st, 9, (int)p->local);
	cantine__bind_text_or_null(st, 10, p->supplier);
	sqlite3_bind_int(st, 11, (int)p->unit);
	sqlite3_bind_int(st, 12, p->unit_grams);
	sqlite3_bind_int64(st, 13, p->price_cents);
	if (p->ciqual > 0)
		sqlite3_bind_int(st, 14, p->ciqual);
	else
		sqlite3_bind_null(st, 14);
	sqlite3_bind_int(st, 15, (int)p->allergens);
	sqlite3_bind_int(st, 16, (int)p->traces);
	sqlite3_bind_int(st, 17, p->meat ? 1 : 0);
	sqlite3_bind_int(st, 18, p->fish ? 1 : 0);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : cantine__store_err(ctx, "enregistrement d'un produit");
}

int cantine_product_save(cantine_ctx *ctx, const cantine_product *p)
{
	cantine__api_report rep = { ctx, cantine__product_cols, 0 };
	sqlite3_stmt *st;
	int rc;

	rc = cantine__product_validate(ctx, p, cantine__api_report_fn, &rep);
	if (rc)
		return rc < 0 ? rc : CANTINE_EINVAL;
	if ((rc = cantine__writable(ctx)) || (rc = cantine__product_prepare(ctx, &st)))
		return rc;
	rc = cantine__product_write(ctx, st, p);
	sqlite3_finalize(st);
	return rc;
}

void cantine_product_free(cantine_product *p)
{
	if (!p)
		return;
	cantine__free((char *)p->code);
	cantine__free((char *)p->name);
	cantine__free((char *)p->country);
	cantine__free((char *)p->departement);
	cantine__free((char *)p->commune_insee);
	cantine__free((char *)p->supplier);
	cantine__free(p);
}

int cantine_product_find(cantine_product **out, cantine_ctx *ctx, const char *code)
{
	cantine_product *p;
	sqlite3_stmt *st;
	bool oom = false;
	int rc;

	*out = NULL;
	rc = cantine__prepare(ctx, &st,
		"SELECT code, name, family, labels, country, departement, commune_insee, "
		"distance_km, local_def, supplier, unit, unit_grams, price_cents, ciqual, "
		"allergens, traces, meat, fish FROM product WHERE code = ?1");
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		rc = rc == SQLITE_DONE
			? cantine__seterr(ctx, CANTINE_ENOTFOUND, "aucun produit de code « %s » "
				"dans le catalogue", code)
			: cantine__store_err(ctx, "lecture d'un produit");
		sqlite3_finalize(st);
		return rc;
	}
	p = cantine__calloc(1, sizeof(*p));
	if (!p) {
		sqlite3_finalize(st);
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	}
	p->code = cantine__column_strdup(st, 0, &oom);
	p->name = cantine__column_strdup(st, 1, &oom);
	p->family = (cantine_family)sqlite3_column_int(st, 2);
	p->labels = (unsigned)sqlite3_column_int(st, 3);
	p->country = cantine__column_strdup(st, 4, &oom);
	p->departement = cantine__column_strdup(st, 5, &oom);
	p->commune_insee = cantine__column_strdup(st, 6, &oom);
	p->distance_km = sqlite3_column_type(st, 7) == SQLITE_NULL ? -1
			 : sqlite3_column_int(st, 7);
	p->local = (cantine_local)sqlite3_column_int(st, 8);
	p->supplier = cantine__column_strdup(st, 9, &oom);
	p->unit = (cantine_unit)sqlite3_column_int(st, 10);
	p->unit_grams = sqlite3_column_int(st, 11);
	p->price_cents = sqlite3_column_int64(st, 12);
	p->ciqual = sqlite3_column_int(st, 13);
	p->allergens = (unsigned)sqlite3_column_int(st, 14);
	p->traces = (unsigned)sqlite3_column_int(st, 15);
	p->meat = sqlite3_column_int(st, 16);
	p->fish = sqlite3_column_int(st, 17);
	sqlite3_finalize(st);
	if (oom) {
		cantine_product_free(p);
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	}
	*out = p;
	return 0;
}

/* ---- CSV import ---- */

typedef struct product_state {
	sqlite3_stmt   *upsert, *exists;
	cantine__strmap seen; /* code → first line */
} product_state;

static int product_begin(cantine__import *imp)
{
	product_state *s = imp->state;
	int rc = cantine__product_prepare(imp->ctx, &s->upsert);

	return rc ? rc : cantine__prepare(imp->ctx, &s->exists,
					  "SELECT 1 FROM product WHERE code = ?1");
}

static int parse_enum(cantine__import *imp, int col, int (*parse)(const char *),
		      const char *what, const char *list, int *out)
{
	const char *s = cantine__cell(imp, col);
	int v;

	if (!*s)
		return imp->ops->cols[col].required ? !cantine__get_required(imp, col, &s) : 0;
	v = parse(s);
	if (v < 0)
		return cantine__problem(imp, col, "%s « %s » inconnue ; valeurs possibles : %s",
					what, s, list) ? CANTINE_ENOMEM : 1;
	*out = v;
	return 0;
}

static int product_row(cantine__import *imp)
{
	product_state *s = imp->state;
	cantine_product p;
	const char *t;
	long dist = -1, weight = 0, ciqual = 0;
	int family = -1, unit = -1, local_def = -1, is_local = 0, bad = 0, rc;

	memset(&p, 0, sizeof(p));
	p.code = cantine__cell(imp, PROD_COL_CODE);
	p.name = cantine__cell(imp, PROD_COL_NOM);
	p.country = cantine__cell(imp, PROD_COL_PAYS);
	p.departement = cantine__cell(imp, PROD_COL_DEPT);
	p.commune_insee = cantine__cell(imp, PROD_COL_COMMUNE);
	p.supplier = cantine__cell(imp, PROD_COL_FOURNISSEUR);
	bad |= !cantine__get_required(imp, PROD_COL_CODE, &t);
	bad |= !cantine__get_required(imp, PROD_COL_NOM, &t);
	if ((rc = parse_enum(imp, PROD_COL_FAMILLE, cantine__family_parse, "famille",
			     cantine__family_list(), &family)) < 0)
		return rc;
	bad |= rc;
	bad |= !cantine__get_mask(imp, PROD_COL_LABELS, cantine__label_parse, "label",
				  cantine__label_list(), &p.labels);
	bad |= !cantine__get_int(imp, PROD_COL_DISTANCE, 0, 40000, &dist);
	bad |= !cantine__get_bool(imp, PROD_COL_LOCAL, &is_local);
	if ((rc = parse_enum(imp, PROD_COL_DEFLOCAL, cantine__local_parse,
			     "définition du local", cantine__local_list(), &local_def)) < 0)
		return rc;
	bad |= rc;
	if ((rc = parse_enum(imp, PROD_COL_UNITE, cantine__unit_parse, "unité",
			     cantine__unit_list(), &unit)) < 0)
		return rc;
	bad |= rc;
	bad |= !cantine__get_int(imp, PROD_COL_POIDS, 1, 100000, &weight);
	bad |= !cantine__get_money(imp, PROD_COL_PRIX, &p.price_cents);
	bad |= !cantine__get_int(imp, PROD_COL_CIQUAL, 1, 999999, &ciqual);
	bad |= !cantine__get_mask(imp, PROD_COL_ALLERGENES, cantine_allergen_parse,
				  "allergène", cantine__allergen_list(), &p.allergens);
	bad |= !cantine__get_mask(imp, PROD_COL_TRACES, cantine_allergen_parse,
				  "allergène", cantine__allergen_list(), &p.traces);
	bad |= !cantine__get_bool(imp, PROD_COL_VIANDE, &p.meat);
	bad |= !cantine__get_bool(imp, PROD_COL_POISSON, &p.fish);
	if (bad)
		return 0;
	/* "local" and its definition go together (ma-cantine: definition_local
	 * only when LOCAL is set, DOMAIN Part B §1.1). */
	if (is_local && local_def < 0)
		return cantine__problem(imp, PROD_COL_DEFLOCAL, "produit local sans "
			"définition : indiquez %s (REGION pour « Ici je mange local » : "
			"produit et transformé en Hauts-de-France)", cantine__local_list());
	if (!is_local && local_def >= 0)
		return cantine__problem(imp, PROD_COL_LOCAL, "definition_local est remplie "
			"mais local ne vaut pas « oui » ; écrivez local = oui, ou videz "
			"definition_local");
	p.family = (cantine_family)family;
	p.unit = (cantine_unit)unit;
	p.local = is_local ? (cantine_local)local_def : CANTINE_LOCAL_NONE;
	p.distance_km = (int)dist;
	p.ciqual = (int)ciqual;
	p.unit_grams = weight ? (int)weight : (p.unit == CANTINE_UNIT_KG ? 1000 : 0);
	rc = cantine__product_validate(imp->ctx, &p, cantine__import_report_fn, imp);
	if (rc < 0)
		return rc;
	if ((rc = cantine__seen_once(imp, &s->seen, PROD_COL_CODE, p.code, "le code")))
		return rc < 0 ? rc : 0;
	if (!imp->clean)
		return 0;
	sqlite3_reset(s->exists);
	sqlite3_bind_text(s->exists, 1, p.code, -1, SQLITE_STATIC);
	if (sqlite3_step(s->exists) == SQLITE_ROW)
		imp->stats.updated++;
	else
		imp->stats.inserted++;
	sqlite3_reset(s->exists);
	return cantine__product_write(imp->ctx, s->upsert, &p);
}

static void product_cleanup(cantine__import *imp)
{
	product_state *s = imp->state;

	sqlite3_finalize(s->upsert);
	sqlite3_finalize(s->exists);
	cantine__strmap_free(&s->seen);
}

const cantine__kind_ops cantine__product_ops = {
	cantine__product_cols, PROD_COL__MAX, sizeof(product_state),
	product_begin, product_row, NULL, product_cleanup,
};
