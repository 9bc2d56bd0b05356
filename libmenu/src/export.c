/*
 * export.c: CSV export in the import formats (docs/formats.md): UTF-8,
 * comma, RFC 4180 quoting, so that an export imports back unchanged.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "common_int.h"
#include "names_int.h"
#include "text_int.h"
#include "cantine/pricing.h"

/* Append one cell, quoted when it holds a comma, quote, line break or
 * leading/trailing space. */
static int cell(cantine_buf *b, const char *s, bool first)
{
	if (!first && cantine__buf_put(b, ",", 1))
		return CANTINE_ENOMEM;
	return s ? cantine__csv_field(b, s) : 0;
}

static int cell_col(cantine_buf *b, sqlite3_stmt *st, int i)
{
	return cell(b, (const char *)sqlite3_column_text(st, i), i == 0);
}

/* A bit mask as '|'-separated names. */
static int cell_mask(cantine_buf *b, unsigned mask, int max,
		     const char *(*name)(int))
{
	cantine_buf t = CANTINE_BUF_INIT;
	int i, rc = 0;

	for (i = 0; i < max && rc == 0; i++)
		if (mask & (1u << i))
			rc = cantine__buf_printf(&t, "%s%s", t.size ? "|" : "", name(i));
	if (rc == 0)
		rc = cell(b, t.ptr ? t.ptr : "", false);
	cantine_buf_dispose(&t);
	return rc;
}

static const char *label_code(int i) { return cantine_label_code((cantine_label)i); }
static const char *allergen_short(int i) { return cantine_allergen_short((cantine_allergen)i); }
static const char *day_name(int i) { return cantine_day_name(1u << i); }

static int fixed(cantine_buf *b, int64_t v, int decimals)
{
	int64_t scale = decimals == 2 ? 100 : 1000, frac = v % scale;
	char t[32];
	int n;

	if (decimals == 2)
		n = snprintf(t, sizeof(t), "%" PRId64 ".%02" PRId64, v / scale, frac);
	else if (frac == 0)
		n = snprintf(t, sizeof(t), "%" PRId64, v / scale);
	else {
		n = snprintf(t, sizeof(t), "%" PRId64 ".%03" PRId64, v / scale, frac);
		while (t[n - 1] == '0')
			t[--n] = '\0';
	}
	return cell(b, t, false);
}

static int int_cell(cantine_buf *b, sqlite3_stmt *st, int i)
{
	return cell(b, sqlite3_column_type(st, i) == SQLITE_NULL ? ""
		    : (const char *)sqlite3_column_text(st, i), i == 0);
}

static int etabs(cantine_buf *b, sqlite3_stmt *st)
{
	int rc = 0, i;

	for (i = 0; i < 5 && rc == 0; i++)
		rc = cell_col(b, st, i);
	if (rc == 0)
		rc = cell_mask(b, (unsigned)sqlite3_column_int(st, 5), 7, day_name);
	for (i = 6; i < 8 && rc == 0; i++)
		rc = int_cell(b, st, i);
	if (rc == 0)
		rc = sqlite3_column_type(st, 8) == SQLITE_NULL ? cell(b, "", false)
			: fixed(b, sqlite3_column_int64(st, 8), 2);
	return rc;
}

static int products(cantine_buf *b, sqlite3_stmt *st)
{
	int local = sqlite3_column_int(st, 8), rc = 0, i;

	for (i = 0; i < 2 && rc == 0; i++)
		rc = cell_col(b, st, i);
	if (rc == 0)
		rc = cell(b, cantine_family_code((cantine_family)sqlite3_column_int(st, 2)), false);
	if (rc == 0)
		rc = cell_mask(b, (unsigned)sqlite3_column_int(st, 3), CANTINE_LABEL__MAX, label_code);
	for (i = 4; i < 7 && rc == 0; i++)
		rc = cell_col(b, st, i);
	if (rc == 0)
		rc = int_cell(b, st, 7);
	if (rc == 0)
		rc = cell(b, local ? "oui" : "non", false);
	if (rc == 0)
		rc = cell(b, cantine_local_code((cantine_local)local), false);
	if (rc == 0)
		rc = cell_col(b, st, 9);
	if (rc == 0)
		rc = cell(b, cantine_unit_code((cantine_unit)sqlite3_column_int(st, 10)), false);
	if (rc == 0)
		rc = int_cell(b, st, 11);
	if (rc == 0)
		rc = fixed(b, sqlite3_column_int64(st, 12), 2);
	if (rc == 0)
		rc = int_cell(b, st, 13);
	if (rc == 0)
		rc = cell_mask(b, (unsigned)sqlite3_column_int(st, 14), CANTINE_ALLERGEN__MAX,
			       allergen_short);
	if (rc == 0)
		rc = cell_mask(b, (unsigned)sqlite3_column_int(st, 15), CANTINE_ALLERGEN__MAX,
			       allergen_short);
	if (rc == 0)
		rc = cell(b, sqlite3_column_int(st, 16) ? "oui" : "non", false);
	if (rc == 0)
		rc = cell(b, sqlite3_column_int(st, 17) ? "oui" : "non", false);
	return rc;
}

static int recipes(cantine_buf *b, sqlite3_stmt *st)
{
	int rc = cell_col(b, st, 0);

	if (rc == 0)
		rc = cell(b, cantine_course_name((cantine_course)sqlite3_column_int(st, 1)), false);
	if (rc == 0)
		rc = cell_col(b, st, 2);
	if (rc == 0)
		rc = fixed(b, sqlite3_column_int64(st, 3), 3);
	if (rc == 0)
		rc = cell_col(b, st, 4);
	return rc;
}

static int menus(cantine_buf *b, sqlite3_stmt *st)
{
	int rc = cell_col(b, st, 0);

	if (rc == 0)
		rc = cell_col(b, st, 1);
	if (rc == 0)
		rc = cell(b, cantine_course_name((cantine_course)sqlite3_column_int(st, 2)), false);
	if (rc == 0)
		rc = cell_col(b, st, 3);
	if (rc == 0)
		rc = cell(b, cantine_status_name((cantine_status)sqlite3_column_int(st, 4)), false);
	return rc;
}

static int closures(cantine_buf *b, sqlite3_stmt *st)
{
	int rc = 0, i;

	for (i = 0; i < 4 && rc == 0; i++)
		rc = cell_col(b, st, i);
	return rc;
}

static const char *char_code(int i)
{
	return cantine_characteristic_code((cantine_characteristic)i);
}

/* A purchase: amounts with a decimal point, characteristics as codes. */
static int purchases(cantine_buf *b, sqlite3_stmt *st)
{
	int rc = 0, i, local = sqlite3_column_int(st, 6);

	for (i = 0; i < 4 && rc == 0; i++)
		rc = cell_col(b, st, i);
	if (rc == 0)
		rc = cell(b, cantine_family_code((cantine_family)sqlite3_column_int(st, 4)), false);
	if (rc == 0)
		rc = cell_mask(b, (unsigned)sqlite3_column_int64(st, 5), CANTINE_CHAR__MAX,
			       char_code);
	if (rc == 0)
		rc = cell(b, local ? cantine_local_code((cantine_local)local) : "", false);
	if (rc == 0)
		rc = cell(b, local == CANTINE_LOCAL_KM && sqlite3_column_int(st, 7) > 0
			  ? (const char *)sqlite3_column_text(st, 7) : "", false);
	return rc ? rc : fixed(b, sqlite3_column_int64(st, 8), 2);
}

/* Money in cents, or "" when NULL. */
static int money_or_empty(cantine_buf *b, sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? cell(b, "", false)
		: fixed(b, sqlite3_column_int64(st, i), 2);
}

/* A registration: régime code, days as names, tier fields. */
static int pupils(cantine_buf *b, sqlite3_stmt *st)
{
	int rc = 0, i;

	for (i = 0; i < 2 && rc == 0; i++)
		rc = cell_col(b, st, i);
	if (rc == 0)
		rc = cell(b, cantine_regime_code((cantine_regime)sqlite3_column_int(st, 2)), false);
	if (rc == 0)
		rc = cell_mask(b, (unsigned)sqlite3_column_int(st, 3), 7, day_name);
	for (i = 4; i < 7 && rc == 0; i++)
		rc = cell_col(b, st, i);
	if (rc == 0)
		rc = money_or_empty(b, st, 7);
	if (rc == 0)
		rc = money_or_empty(b, st, 8);
	if (rc == 0)
		rc = int_cell(b, st, 9);
	return rc ? rc : cell(b, sqlite3_column_int(st, 10) ? "oui" : "non", false);
}

static int absences(cantine_buf *b, sqlite3_stmt *st)
{
	int rc = 0, i;

	for (i = 0; i < 6 && rc == 0; i++)
		rc = cell_col(b, st, i);
	return rc ? rc : cell(b, sqlite3_column_int(st, 6) ? "oui" : "non", false);
}

/* Three plain cells: covers (uai, date, count), ticket meals (uai, pupil, date). */
static int three_cells(cantine_buf *b, sqlite3_stmt *st)
{
	int rc = 0, i;

	for (i = 0; i < 3 && rc == 0; i++)
		rc = cell_col(b, st, i);
	return rc;
}

/* Grams written as kilograms. */
static int wastes(cantine_buf *b, sqlite3_stmt *st)
{
	int rc = 0, i;

	for (i = 0; i < 2 && rc == 0; i++)
		rc = cell_col(b, st, i);
	for (i = 2; i < 5 && rc == 0; i++)
		rc = fixed(b, sqlite3_column_int64(st, i), 3);
	return rc;
}

/* An element of a tariff grid (tariff_import.c's columns): amounts with a
 * decimal point, codes for the funder and the basis, empty cells for what
 * the element does not fill. */
static int tariffs(cantine_buf *b, sqlite3_stmt *st)
{
	static const char *const elements[] = { "grille", "commensal", "tranche" };
	int rc = 0, i;

	for (i = 0; i < 21 && rc == 0; i++) {
		bool null = sqlite3_column_type(st, i) == SQLITE_NULL;
		int v = null ? 0 : sqlite3_column_int(st, i);
		switch (i) {
		case 0: case 1: case 3:
			rc = cell(b, null ? "" : (const char *)sqlite3_column_text(st, i), i == 0);
			break;
		case 2:
			rc = cell(b, elements[v % 3], false);
			break;
		case 6: case 8: case 17: case 20:
			rc = cell(b, null || v == 0 ? "" : (const char *)sqlite3_column_text(st, i),
				  false);
			break;
		case 10: case 11:
			rc = cell(b, null ? "" : v ? "oui" : "non", false);
			break;
		case 12:
			rc = cell(b, null ? "" : cantine_funder_code((cantine_funder)v), false);
			break;
		case 14:
			rc = cell(b, null ? "" : cantine_tier_basis_code((cantine_tier_basis)v), false);
			break;
		default:
			rc = null ? cell(b, "", false) : fixed(b, sqlite3_column_int64(st, i), 2);
		}
	}
	return rc;
}

static const struct {
	const char *header;
	const char *sql;
	int (*row)(cantine_buf *, sqlite3_stmt *);
} exports[CANTINE_KIND__MAX] = {
	{ "uai,siret,nom,commune_insee,departement,jours_service,eleves,demi_pensionnaires,"
	  "cout_denrees_cible",
	  "SELECT uai, siret, name, commune_insee, departement, service_days, pupils, "
	  "half_boarders, food_cost_target_cents FROM etab ORDER BY uai", etabs },
	{ "code,nom,famille,labels,pays,departement,commune_insee,distance_km,local,"
	  "definition_local,fournisseur,unite,poids_unite_g,prix_ht,code_ciqual,"
	  "allergenes,traces,viande,poisson",
	  "SELECT code, name, family, labels, country, departement, commune_insee, "
	  "distance_km, local_def, supplier, unit, unit_grams, price_cents, ciqual, "
	  "allergens, traces, meat, fish FROM product ORDER BY code", products },
	/* Tags go on the first row of each dish only. */
	{ "recette,plat,produit,grammes,tags",
	  "SELECT d.name, d.course, p.code, i.grams_mg, CASE WHEN row_number() OVER "
	  "(PARTITION BY d.id ORDER BY p.code) = 1 THEN d.tags ELSE '' END "
	  "FROM dish d JOIN dish_ingredient i ON i.dish_id = d.id "
	  "JOIN product p ON p.id = i.product_id ORDER BY d.name, p.code", recipes },
	{ "uai,date,plat,recette,statut",
	  "SELECT e.uai, m.date, d.course, d.name, m.status FROM meal m "
	  "JOIN etab e ON e.id = m.etab_id JOIN meal_dish md ON md.meal_id = m.id "
	  "JOIN dish d ON d.id = md.dish_id ORDER BY e.uai, m.date, d.course, d.name",
	  menus },
	{ "uai,debut,fin,motif",
	  "SELECT e.uai, c.first_date, c.last_date, c.reason FROM closure c "
	  "JOIN etab e ON e.id = c.etab_id ORDER BY e.uai, c.first_date, c.last_date",
	  closures },
	{ "uai,date,fournisseur,description,famille,caracteristiques,definition_local,"
	  "definition_local_km,montant_ht",
	  "SELECT e.uai, p.date, p.supplier, p.description, p.family, p.characteristics, "
	  "p.local, p.local_km, p.amount_cents FROM purchase p JOIN etab e ON "
	  "e.id = p.etab_id ORDER BY e.uai, p.date, p.id", purchases },
	{ "uai,eleve,regime,jours,classe,debut,fin,quotient_familial,revenu_fiscal,"
	  "enfants,boursier",
	  "SELECT e.uai, p.ident, p.regime, p.days, p.class, p.first_date, p.last_date, "
	  "p.qf_cents, p.rfr_cents, p.children, p.bursary FROM pupil p JOIN etab e ON "
	  "e.id = p.etab_id ORDER BY e.uai, p.ident", pupils },
	{ "uai,eleve,classe,debut,fin,motif,justifiee",
	  "SELECT e.uai, coalesce(p.ident, ''), a.class, a.first_date, a.last_date, "
	  "a.reason, a.justified FROM absence a JOIN etab e ON e.id = a.etab_id LEFT JOIN "
	  "pupil p ON p.id = a.pupil_id ORDER BY e.uai, a.first_date, a.last_date, "
	  "coalesce(p.ident, ''), a.class", absences },
	{ "uai,date,couverts",
	  "SELECT e.uai, c.date, c.covers FROM covers c JOIN etab e ON e.id = c.etab_id "
	  "ORDER BY e.uai, c.date", three_cells },
	{ "uai,date,assiettes_kg,non_servi_kg,pain_kg",
	  "SELECT e.uai, w.date, w.plate_g, w.unserved_g, w.bread_g FROM waste w JOIN "
	  "etab e ON e.id = w.etab_id ORDER BY e.uai, w.date", wastes },
	{ "uai,annee,element,libelle,prix_ticket,forfait_4j,repas_4j,forfait_5j,repas_5j,"
	  "cout_usager,progressif,cantine_1_euro,financeur,prix,critere,de,a,enfants,aide,"
	  "prix_famille,remise_jours",
	  "SELECT uai, y, el, label, ticket, f4, r4, f5, r5, cost, prog, c1e, funder, price, "
	  "basis, fr, t, ch, aid, fam, rj FROM ("
	  "SELECT e.uai, t.school_year AS y, 0 AS el, NULL AS label, t.ticket_cents AS ticket, "
	  "t.forfait4_cents AS f4, t.meals4 AS r4, t.forfait5_cents AS f5, t.meals5 AS r5, "
	  "t.cost_cents AS cost, t.progressive AS prog, t.cantine_1e AS c1e, t.funder AS funder, "
	  "NULL AS price, NULL AS basis, NULL AS fr, NULL AS t, NULL AS ch, NULL AS aid, "
	  "NULL AS fam, t.remise_days AS rj, 0 AS k FROM tariff t JOIN etab e ON e.id = t.etab_id "
	  "UNION ALL SELECT e.uai, t.school_year, 1, c.label, NULL, NULL, NULL, NULL, NULL, "
	  "NULL, NULL, NULL, NULL, c.price_cents, NULL, NULL, NULL, NULL, NULL, NULL, NULL, c.id "
	  "FROM tariff_commensal c JOIN tariff t ON t.id = c.tariff_id "
	  "JOIN etab e ON e.id = t.etab_id "
	  "UNION ALL SELECT e.uai, t.school_year, 2, k.label, NULL, NULL, NULL, NULL, NULL, "
	  "NULL, NULL, NULL, k.funder, NULL, k.basis, CASE WHEN "
	  "k.from_cents = 0 OR k.basis = 2 THEN NULL ELSE k.from_cents END, k.to_cents, "
	  "k.children, k.aid_cents, k.family_cents, NULL, k.id FROM tariff_tier k "
	  "JOIN tariff t ON t.id = k.tariff_id JOIN etab e ON e.id = t.etab_id) "
	  "ORDER BY uai, y, el, k", tariffs },
	{ "uai,eleve,date",
	  "SELECT e.uai, p.ident, t.date FROM ticket_meal t JOIN pupil p ON p.id = "
	  "t.pupil_id JOIN etab e ON e.id = t.etab_id ORDER BY e.uai, p.ident, t.date",
	  three_cells },
};

int cantine_export_csv(cantine_ctx *ctx, cantine_kind kind, cantine_buf *out)
{
	sqlite3_stmt *st;
	int rc;

	if ((unsigned)kind >= CANTINE_KIND__MAX)
		return cantine__seterr(ctx, CANTINE_EINVAL, "type de fichier inconnu");
	if ((rc = cantine__prepare(ctx, &st, exports[kind].sql)))
		return rc;
	rc = cantine__buf_printf(out, "%s\n", exports[kind].header);
	while (rc == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		rc = exports[kind].row(out, st);
		if (rc == 0)
			rc = cantine__buf_put(out, "\n", 1);
	}
	sqlite3_finalize(st);
	if (rc == CANTINE_ENOMEM)
		return cantine__seterr(ctx, rc, "mémoire insuffisante pendant l'export");
	return rc == SQLITE_DONE ? 0 : cantine__store_err(ctx, "export");
}
