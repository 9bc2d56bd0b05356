/*
 * bilan.c: ma-cantine's yearly declaration files, "bilan simple" and
 * "bilan détaillé" (cantine_bilan_export(); DOMAIN Part B §1.8; the
 * schemas are ../shared/specs/bilans_*.schema.json).
 *
 * The amounts are the figures of the plugins' purchase audit: the egalim
 * plugin gives each under the name of its bilan column ("egalim." then
 * the column), so that this file only lays them out.  The one exception
 * is the simple bilan's meat France, FRANCE alone (Part B §1.3), which
 * differs in data year 2025 from the detailed cell of the same name.
 */
#include <stdio.h>
#include <string.h>

#include "audit_int.h"
#include "report_int.h"

#define NCOLS_MAX 128

/* Families and labels in the detailed schema's order. */
static const char *const families[] = {
	"viandes_volailles", "produits_de_la_mer", "fruits_et_legumes", "charcuterie",
	"produits_laitiers", "boulangerie", "boissons", "autres",
};
static const char *const labels[] = {
	"label_rouge", "aocaop_igp_stg", "hve", "peche_durable", "rup", "commerce_equitable",
	"fermier", "externalites", "performance", "non_egalim", "france", "circuit_court",
	"local",
};

static const char *const simple_cols[] = {
	"valeur_totale", "valeur_bio", "valeur_bio_dont_commerce_equitable", "valeur_siqo",
	"valeur_externalites_performance", "valeur_egalim_autres",
	"valeur_egalim_autres_dont_commerce_equitable", "valeur_viandes_volailles",
	"valeur_viandes_volailles_egalim", "valeur_viandes_volailles_france",
	"valeur_produits_de_la_mer", "valeur_produits_de_la_mer_egalim",
	"valeur_produits_de_la_mer_france", "valeur_fruits_et_legumes_france",
	"valeur_charcuterie_france", "valeur_produits_laitiers_france",
	"valeur_boulangerie_france", "valeur_boissons_france", "valeur_autres_france",
};

/* The amount columns of a bilan, after siret and année_bilan. */
static size_t columns(cantine_bilan kind, char cols[NCOLS_MAX][64])
{
	size_t n = 0, f, l;

	if (kind == CANTINE_BILAN_SIMPLE) {
		for (n = 0; n < sizeof(simple_cols) / sizeof(simple_cols[0]); n++)
			snprintf(cols[n], 64, "%s", simple_cols[n]);
		return n;
	}
	snprintf(cols[n++], 64, "valeur_totale");
	snprintf(cols[n++], 64, "valeur_viandes_volailles");
	snprintf(cols[n++], 64, "valeur_produits_de_la_mer");
	for (f = 0; f < 8; f++) {
		snprintf(cols[n++], 64, "valeur_%s_bio", families[f]);
		snprintf(cols[n++], 64, "valeur_%s_bio_dont_commerce_equitable", families[f]);
	}
	for (l = 0; l < sizeof(labels) / sizeof(labels[0]); l++)
		for (f = 0; f < 8; f++)
			snprintf(cols[n++], 64, "valeur_%s_%s", families[f], labels[l]);
	return n;
}

static int row(cantine_ctx *ctx, cantine_bilan kind, int year, const char *uai,
	       const char *siret, const char *name, char cols[NCOLS_MAX][64], size_t ncols,
	       cantine_buf *out, size_t *skipped)
{
	cantine_report *r = NULL;
	char fig[80];
	int64_t v;
	size_t i;
	int rc;

	if ((rc = cantine_audit_purchases(&r, ctx, uai, year)))
		return rc;
	if (cantine_report_figure_find(r, "egalim.valeur_totale", uai, year, &v)) {
		cantine_report_free(r);
		return cantine__seterr(ctx, CANTINE_EINVAL, "aucun plugin ne compte les achats "
			"comme ma-cantine : le bilan a besoin du plugin egalim (voyez cantine "
			"plugins)");
	}
	if (v == 0) { /* nothing to declare: ma-cantine wants a total > 0 */
		(*skipped)++;
		cantine_report_free(r);
		return 0;
	}
	if (!siret) {
		cantine_report_free(r);
		return cantine__seterr(ctx, CANTINE_EINVAL, "%s (%s) n'a pas de SIRET : "
			"ma-cantine reconnaît les établissements à leur SIRET ; ajoutez-le au "
			"fichier des établissements et réimportez-le", name, uai);
	}
	rc = cantine__buf_printf(out, "%s,%d", siret, year);
	for (i = 0; i < ncols && rc == 0; i++) {
		snprintf(fig, sizeof(fig), "egalim.%.63s", kind == CANTINE_BILAN_SIMPLE &&
			 strcmp(cols[i], "valeur_viandes_volailles_france") == 0
			 ? "valeur_viandes_volailles_origine_france" : cols[i]);
		if (cantine_report_figure_find(r, fig, uai, year, &v)) {
			rc = cantine__seterr(ctx, CANTINE_EINVAL, "le plugin egalim ne donne pas "
				"« %s » : mettez-le à jour", fig);
			break;
		}
		rc = cantine__buf_printf(out, ",%lld.%02lld", (long long)(v / 100),
					 (long long)(v % 100));
	}
	if (rc == 0)
		rc = cantine__buf_put(out, "\n", 1);
	cantine_report_free(r);
	return rc;
}

int cantine_bilan_export(cantine_ctx *ctx, cantine_bilan kind, int year,
			 const char *departement, cantine_buf *out, size_t *skipped)
{
	char cols[NCOLS_MAX][64];
	sqlite3_stmt *st = NULL;
	size_t ncols, i, skip = 0, start = out->size;
	int rc, step;

	if ((unsigned)kind >= CANTINE_BILAN__MAX || year < 2000 || year > 9999)
		return cantine__seterr(ctx, CANTINE_EINVAL, "bilan ou année (%d) invalide : "
			"donnez une année civile, par exemple 2026", year);
	if (departement && !cantine__dept_valid(departement))
		return cantine__seterr(ctx, CANTINE_EINVAL, "département « %s » invalide : "
			"donnez son code, par exemple 59 ou 2A", departement);
	ncols = columns(kind, cols);
	rc = cantine__buf_puts(out, "siret,année_bilan");
	for (i = 0; i < ncols && rc == 0; i++)
		rc = cantine__buf_printf(out, ",%s", cols[i]);
	if (rc == 0)
		rc = cantine__buf_put(out, "\n", 1);
	if (rc)
		return cantine__seterr(ctx, rc, "mémoire insuffisante");
	if ((rc = cantine__prepare(ctx, &st, "SELECT uai, siret, name FROM etab "
				   "WHERE ?1 IS NULL OR departement = ?1 ORDER BY uai")))
		return rc;
	cantine__bind_text_or_null(st, 1, departement);
	while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW)
		rc = row(ctx, kind, year, (const char *)sqlite3_column_text(st, 0),
			 (const char *)sqlite3_column_text(st, 1),
			 (const char *)sqlite3_column_text(st, 2), cols, ncols, out, &skip);
	if (rc == 0 && step != SQLITE_DONE)
		rc = cantine__store_err(ctx, "liste des établissements");
	sqlite3_finalize(st);
	if (rc == CANTINE_ENOMEM)
		cantine__seterr(ctx, rc, "mémoire insuffisante");
	if (rc) {
		/* nothing half written */
		out->size = start;
		if (out->ptr)
			out->ptr[start] = '\0';
		return rc;
	}
	if (skipped)
		*skipped = skip;
	return 0;
}
