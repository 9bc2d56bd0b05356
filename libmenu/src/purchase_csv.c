/*
 * purchase_csv.c: the project's own CSV of purchases, kind `achats` of
 * `cantine import` and `cantine export` (docs/formats.md, "achats").
 *
 * The same facts as ma-cantine's file (purchase_import.c), written the
 * way the project's other CSV files are: columns named in French and in
 * any order, `,` `;` or tab, UTF-8 or windows-1252, a decimal comma or
 * point, every characteristic in one `|` list.  The rules are
 * ma-cantine's (DOMAIN Part B §1.1–1.2): a known establishment, a real
 * date not after today, closed lists, FRANCE and EUROPE not together, a
 * definition of local only for a local purchase, km only with KM; the
 * same file is imported once (its SHA-256); each description is
 * classified and what the rules suggest is stored apart.
 */
#include <string.h>

#include "names_int.h"
#include "purchase_int.h"
#include "strmap_int.h"
#include "text_int.h"

enum {
	A_UAI, A_DATE, A_SUPPLIER, A_DESC, A_FAMILY, A_CHARS, A_LOCAL_DEF, A_KM, A_AMOUNT,
	A__MAX
};

static const cantine__col purchase_cols[A__MAX] = {
	{ "uai", true }, { "date", true }, { "fournisseur", false },
	{ "description", true }, { "famille", true }, { "caracteristiques", false },
	{ "definition_local", false }, { "definition_local_km", false },
	{ "montant_ht", true },
};

#define ALL_CHARS ((1u << CANTINE_CHAR__MAX) - 1)
#define BIT(c) (1u << CANTINE_CHAR_##c)

typedef struct purchase_state {
	sqlite3_stmt       *ins;
	cantine__strmap     etabs;   /* UAI → id */
	cantine__suggester *sugg;
	char                today[11];
} purchase_state;

static int char_parse(const char *code)
{
	return cantine__characteristic_code_parse(code, ALL_CHARS);
}

static int purchase_begin(cantine__import *imp)
{
	purchase_state *s = imp->state;
	int rc;

	memset(&imp->ctx->suggestions, 0, sizeof(imp->ctx->suggestions));
	cantine__purchase_today(s->today);
	if ((rc = cantine__purchase_check_source(imp, imp->source)) ||
	    (rc = cantine__purchase_insert_prepare(imp->ctx, &s->ins)) ||
	    (rc = cantine__import_preload(imp, &s->etabs, "SELECT uai, id FROM etab")))
		return rc;
	return 0;
}

/* A day that exists, not after today (ma-cantine's validator, DOMAIN
 * Part B §1.1). */
static bool get_date(cantine__import *imp, const char *today, const char **date)
{
	int y, m, d;

	if (!cantine__get_required(imp, A_DATE, date))
		return false;
	if (!cantine__date_parse(*date, &y, &m, &d)) {
		cantine__problem(imp, A_DATE, "« %s » n'est pas une date qui existe : écrivez-la "
				 "AAAA-MM-JJ, par exemple 2026-03-02", *date);
		return false;
	}
	if (strcmp(*date, today) > 0) {
		cantine__problem(imp, A_DATE, "la date « %s » est dans le futur (aujourd'hui : %s) "
				 "; un achat est enregistré une fois fait", *date, today);
		return false;
	}
	return true;
}

/* The definition of local and its distance: only for a local purchase,
 * km only with KM (ma-cantine, DOMAIN Part B §1.1). */
static bool get_local(cantine__import *imp, unsigned chars, cantine_local *def, int *km)
{
	const char *v = cantine__cell(imp, A_LOCAL_DEF);
	long n = 0;
	int l = CANTINE_LOCAL_NONE;

	if (*v && !(chars & BIT(LOCAL))) {
		cantine__problem(imp, A_LOCAL_DEF, "l'achat n'est pas local (LOCAL absent des "
				 "caractéristiques) : la définition de local doit être vide ; "
				 "ajoutez LOCAL ou videz la cellule");
		return false;
	}
	if (*v && (l = cantine__local_code_parse(v)) < 0) {
		cantine__problem(imp, A_LOCAL_DEF, "« %s » n'est pas une définition de local ; "
				 "écrivez PAT, COMMUNE, DEPARTEMENT, REGION ou KM", v);
		return false;
	}
	*def = (cantine_local)l;
	if (!*cantine__cell(imp, A_KM))
		return true;
	if (*def != CANTINE_LOCAL_KM) {
		cantine__problem(imp, A_KM, "la distance en km doit être vide lorsque la "
				 "définition de local n'est pas KM ; écrivez KM dans "
				 "definition_local, ou videz la cellule");
		return false;
	}
	if (!cantine__get_int(imp, A_KM, 1, 100000, &n))
		return false;
	*km = (int)n;
	return true;
}

static int purchase_row(cantine__import *imp)
{
	purchase_state *s = imp->state;
	cantine__strmap_val *etab = NULL;
	cantine_local def = CANTINE_LOCAL_NONE;
	const char *uai, *date = NULL, *desc = NULL, *fam;
	unsigned chars = 0;
	int64_t cents = 0;
	cantine__psugg sug;
	bool ok = true;
	int family = -1, km = 0, rc;

	if (cantine__get_required(imp, A_UAI, &uai)) {
		etab = cantine__strmap_get(&s->etabs, uai);
		if (!etab && cantine__problem(imp, A_UAI, "aucun établissement d'UAI « %s » dans "
				"la base ; importez d'abord le fichier etablissements, ou corrigez "
				"l'UAI", uai))
			return CANTINE_ENOMEM;
	}
	ok &= etab != NULL;
	ok &= get_date(imp, s->today, &date);
	ok &= cantine__get_required(imp, A_DESC, &desc);
	if (cantine__get_required(imp, A_FAMILY, &fam) &&
	    (family = cantine__family_parse(fam)) < 0)
		cantine__problem(imp, A_FAMILY, "« %s » n'est pas une famille de produits ; "
				 "écrivez l'une de : %s", fam, cantine__family_list());
	ok &= family >= 0;
	if (!cantine__get_mask(imp, A_CHARS, char_parse, "caractéristique",
			       "les codes de ma-cantine (BIO, LABEL_ROUGE, AOCAOP, IGP, STG, "
			       "HVE, PECHE_DURABLE, RUP, FERMIER, COMMERCE_EQUITABLE, "
			       "EXTERNALITES, PERFORMANCE, FRANCE, EUROPE, CIRCUIT_COURT, "
			       "LOCAL…)", &chars))
		ok = false;
	else if ((chars & BIT(FRANCE)) && (chars & BIT(EUROPE))) {
		cantine__problem(imp, A_CHARS, "les caractéristiques EUROPE et FRANCE ne peuvent "
				 "pas être sélectionnées en même temps ; gardez l'origine du "
				 "produit seulement");
		ok = false;
	}
	if (ok && !get_local(imp, chars, &def, &km))
		ok = false;
	ok &= cantine__get_amount(imp, A_AMOUNT, CANTINE__PURCHASE_MAX_CENTS, &cents);
	if (!ok || !imp->clean)
		return 0;
	if ((rc = cantine__purchase_suggest(imp, cantine__row_line(imp), &s->sugg, desc,
					    (cantine_family)family, chars, &sug)) < 0)
		return rc;
	{
		cantine_purchase p = {
			.date = date, .supplier = cantine__cell(imp, A_SUPPLIER),
			.description = desc, .family = (cantine_family)family,
			.characteristics = chars, .local = def, .local_km = km,
			.amount_cents = cents, .suggested_characteristics = sug.chars,
			.suggested_family = sug.family, .suggested_origin = sug.origin,
			.suggestion_rules = sug.rules,
		};
		if ((rc = cantine__purchase_insert(imp->ctx, s->ins, etab->id, &p, imp->source)))
			return rc;
	}
	imp->stats.inserted++;
	return 0;
}

static void purchase_cleanup(cantine__import *imp)
{
	purchase_state *s = imp->state;

	sqlite3_finalize(s->ins);
	cantine__strmap_free(&s->etabs);
	cantine__suggester_free(s->sugg);
}

const cantine__kind_ops cantine__purchase_ops = {
	.cols = purchase_cols,
	.ncols = A__MAX,
	.state_size = sizeof(purchase_state),
	.begin = purchase_begin,
	.row = purchase_row,
	.cleanup = purchase_cleanup,
};
