/*
 * purchase_import.c: importing ma-cantine purchase files
 * (cantine_import_purchases(); docs/formats.md, "Achats"; DOMAIN Part B
 * §2.1–2.2).
 *
 * A driver of its own, like ciqual.c: it reuses the CSV reader, the cell
 * decoding and the problem list of the CSV import (import_int.h), and adds
 * what these files need: a header that must be one of ma-cantine's two
 * exactly and in order, ma-cantine's cell rules (decimal point only,
 * rounding half down to the cent, closed lists of codes, boolean words)
 * and the refusal of a file already imported, recognised by its SHA-256.
 * The purchases are written in one transaction while the file has no
 * problem, and rolled back at the end if it has any.
 *
 * The file is streamed (import_stream.c): a first pass hashes it, then
 * the rows are read in 64 KiB chunks, so memory does not grow with it.
 * Each purchase written carries what the classification rules suggest
 * beyond what it declares (suggest.c), kept apart from the declared
 * values.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "purchase_int.h"
#include "sha256_int.h"
#include "strmap_int.h"
#include "suggest_int.h"
#include "text_int.h"

/* Columns of the current format (achats_siret.json), then the old one's
 * two last (achats_siret_old.json) in the same numbering. */
enum {
	P_ID, P_DESC, P_SUPPLIER, P_DATE, P_PRICE, P_FAMILY,
	P_CATEGORIES, P_ORIGIN, P_SHORT, P_LOCAL, P_LOCAL_DEF, P_KM,
	P_NCOLS,
	/* old format: cells 7 and 8 */
	P_OLD_CHARS = P_CATEGORIES, P_OLD_LOCAL_DEF = P_ORIGIN,
	P_OLD_NCOLS = 8
};

static const cantine__col new_cols[P_NCOLS] = {
	{ "siret", true }, { "description", true }, { "fournisseur", false },
	{ "date", true }, { "prix_ht", true }, { "famille_produits", true },
	{ "categories_egalim", false }, { "origine", false },
	{ "est_circuit_court", false }, { "est_local", false },
	{ "definition_local", false }, { "definition_local_km", false },
};
static const cantine__col old_cols[P_OLD_NCOLS] = {
	{ "siret", true }, { "description", true }, { "fournisseur", false },
	{ "date", true }, { "prix_ht", true }, { "famille_produits", true },
	{ "caracteristiques", false }, { "definition_local", false },
};
/* The same, with "uai" as the first column (our establishments have one). */
static const cantine__col new_cols_uai[P_NCOLS] = {
	{ "uai", true }, { "description", true }, { "fournisseur", false },
	{ "date", true }, { "prix_ht", true }, { "famille_produits", true },
	{ "categories_egalim", false }, { "origine", false },
	{ "est_circuit_court", false }, { "est_local", false },
	{ "definition_local", false }, { "definition_local_km", false },
};
static const cantine__col old_cols_uai[P_OLD_NCOLS] = {
	{ "uai", true }, { "description", true }, { "fournisseur", false },
	{ "date", true }, { "prix_ht", true }, { "famille_produits", true },
	{ "caracteristiques", false }, { "definition_local", false },
};

#define NEW_HEADER "siret, description, fournisseur, date, prix_ht, famille_produits, " \
	"categories_egalim, origine, est_circuit_court, est_local, definition_local, " \
	"definition_local_km"
#define OLD_HEADER "siret, description, fournisseur, date, prix_ht, famille_produits, " \
	"caracteristiques, definition_local"

/* EGalim codes of categories_egalim (no CONVERSION_BIO nor EQUIVALENTS). */
#define EGALIM_CODES "BIO, LABEL_ROUGE, AOCAOP, IGP, STG, HVE, PECHE_DURABLE, RUP, " \
	"COMMERCE_EQUITABLE, FERMIER, EXTERNALITES, PERFORMANCE"
#define FAMILY_CODES "VIANDES_VOLAILLES, CHARCUTERIE, PRODUITS_DE_LA_MER, " \
	"FRUITS_ET_LEGUMES, PRODUITS_LAITIERS, BOULANGERIE, BOISSONS, AUTRES"

#define EGALIM_MASK ((1u << CANTINE_CHAR_BIO) | (1u << CANTINE_CHAR_LABEL_ROUGE) | \
	(1u << CANTINE_CHAR_AOCAOP) | (1u << CANTINE_CHAR_IGP) | (1u << CANTINE_CHAR_STG) | \
	(1u << CANTINE_CHAR_HVE) | (1u << CANTINE_CHAR_PECHE_DURABLE) | \
	(1u << CANTINE_CHAR_RUP) | (1u << CANTINE_CHAR_FERMIER) | \
	(1u << CANTINE_CHAR_COMMERCE_EQUITABLE) | (1u << CANTINE_CHAR_EXTERNALITES) | \
	(1u << CANTINE_CHAR_PERFORMANCE))
#define INFO_MASK ((1u << CANTINE_CHAR_FRANCE) | (1u << CANTINE_CHAR_EUROPE) | \
	(1u << CANTINE_CHAR_CIRCUIT_COURT) | (1u << CANTINE_CHAR_LOCAL))

typedef struct purchase_in {
	cantine__import   imp;
	cantine__kind_ops ops;
	bool              old;      /* the 8-column format */
	bool              by_uai;   /* first column "uai" */
	char              source[65];
	char              today[11];
	sqlite3_stmt     *find, *ins;
	cantine__strmap   etabs;    /* key of the file → etab id (0: unknown) */
	cantine__suggester *sugg;   /* classification, for the rows written */
} purchase_in;

/* Establishments remembered at once (a département has ~125 collèges). */
#define ETAB_CACHE_MAX 4096u

/* ---- the header ---- */

/* Cell i of the header as text for a message ("?" when not UTF-8). */
static const char *header_name(const cantine__import *imp, size_t i, char *buf,
			       size_t bufsz)
{
	const cantine__csv_cell *cl = &imp->csv.cells[i];
	size_t n = cl->len < bufsz - 1 ? cl->len : bufsz - 1;

	if (!cantine__utf8_valid(cl->text, n))
		return "?";
	memcpy(buf, cl->text, n);
	buf[n] = '\0';
	return buf;
}

static bool header_is(const cantine__import *imp, size_t i, const char *name)
{
	const cantine__csv_cell *cl = &imp->csv.cells[i];

	return cl->len == strlen(name) && memcmp(cl->text, name, cl->len) == 0;
}

/* Compare the header with `cols` (n of them); report every difference. */
static int header_diff(purchase_in *s, const cantine__col *cols, size_t n)
{
	cantine__import *imp = &s->imp;
	size_t i, have = imp->csv.n;
	char got[80];
	int rc = 0;

	for (i = 0; i < have && i < n && rc == 0; i++)
		if (!header_is(imp, i, cols[i].name))
			rc = cantine__header_problem(imp, imp->csv.rec_line, (unsigned)i + 1,
				"valeur incorrecte : vous avez écrit « %s » au lieu de « %s » ; "
				"les noms de colonnes s'écrivent exactement ainsi (minuscules, sans "
				"espace)", header_name(imp, i, got, sizeof(got)), cols[i].name);
	if (rc == 0 && have > n)
		rc = cantine__header_problem(imp, imp->csv.rec_line, (unsigned)n + 1,
			"%zu colonne%s supplémentaire%s (à partir de « %s ») ; supprimez les "
			"colonnes en excès", have - n, have - n > 1 ? "s" : "",
			have - n > 1 ? "s" : "", header_name(imp, n, got, sizeof(got)));
	if (rc == 0 && have < n) {
		cantine_buf miss = CANTINE_BUF_INIT;
		for (i = have; i < n && rc == 0; i++)
			rc = cantine__buf_printf(&miss, "%s%s", i > have ? ", " : "", cols[i].name);
		if (rc == 0)
			rc = cantine__file_problem(imp, imp->csv.rec_line, "première ligne du "
				"fichier incorrecte : il manque %s ; elle doit contenir les bons "
				"noms de colonnes et dans le bon ordre", miss.ptr);
		cantine_buf_dispose(&miss);
	}
	return rc;
}

/* Recognise the format by its header; report when it is neither. */
static int read_header(purchase_in *s)
{
	cantine__import *imp = &s->imp;
	bool uai, looks_old;
	int rc;

	uai = imp->csv.n > 0 && header_is(imp, 0, "uai");
	s->by_uai = uai;
	if (imp->csv.n == P_NCOLS) {
		size_t i;
		for (i = uai ? 1 : 0; i < P_NCOLS && header_is(imp, i, new_cols[i].name); i++)
			;
		if (i == P_NCOLS) {
			s->ops.cols = uai ? new_cols_uai : new_cols;
			s->ops.ncols = P_NCOLS;
			return 0;
		}
	}
	if (imp->csv.n == P_OLD_NCOLS) {
		size_t i;
		for (i = uai ? 1 : 0; i < P_OLD_NCOLS && header_is(imp, i, old_cols[i].name); i++)
			;
		if (i == P_OLD_NCOLS) {
			s->old = true;
			s->ops.cols = uai ? old_cols_uai : old_cols;
			s->ops.ncols = P_OLD_NCOLS;
			return 0;
		}
	}
	if (imp->csv.n > 0 && header_is(imp, 0, "cantine_id"))
		return cantine__header_problem(imp, imp->csv.rec_line, 1, "« cantine_id » est le "
			"numéro d'une cantine sur la plateforme ma-cantine, que cantine ne connaît "
			"pas : remplacez cette colonne par « siret » (le SIRET du collège) ou "
			"« uai » (son UAI), et chaque numéro par le SIRET ou l'UAI du collège");
	/* The closest format: the old one when it has its 7th column or
	 * fewer than 10 cells. */
	looks_old = (imp->csv.n > 6 && header_is(imp, 6, "caracteristiques")) ||
		    (imp->csv.n < 10 && !(imp->csv.n > 6 && header_is(imp, 6, "categories_egalim")));
	rc = cantine__file_problem(imp, imp->csv.rec_line, "l'en-tête n'est ni celui du "
		"format actuel des achats de ma-cantine (12 colonnes : " NEW_HEADER ") ni "
		"celui de l'ancien format (8 colonnes : " OLD_HEADER ") ; il ressemble le plus "
		"au %s : corrigez-le comme indiqué", looks_old ? "format ancien" : "format actuel");
	if (rc)
		return rc;
	if (uai)
		return header_diff(s, looks_old ? old_cols_uai : new_cols_uai,
				   looks_old ? P_OLD_NCOLS : P_NCOLS);
	return header_diff(s, looks_old ? old_cols : new_cols,
			   looks_old ? P_OLD_NCOLS : P_NCOLS);
}

/* ---- cells ---- */

/* The establishment: its id in the store, or 0 (reported). */
static int get_etab(purchase_in *s, int64_t *id)
{
	cantine__import *imp = &s->imp;
	cantine__strmap_val *hit;
	const char *v;
	char key[32];
	size_t i, n = 0;
	int step;

	*id = 0;
	if (!cantine__get_required(imp, P_ID, &v))
		return 0;
	/* Spaces are tolerated in a SIRET ("123 456 789 00012"). */
	for (i = 0; v[i] && n < sizeof(key) - 1; i++)
		if (!(s->by_uai == false && v[i] == ' '))
			key[n++] = v[i];
	key[n] = '\0';
	if (s->by_uai ? cantine_uai_check(key) != 0 : cantine_siret_check(key) != 0)
		return cantine__problem(imp, P_ID, s->by_uai
			? "« %s » n'est pas un UAI valide (7 chiffres et une lettre de contrôle "
			  "majuscule, par exemple 0590001F) ; corrigez l'UAI du collège"
			: "« %s » n'est pas un SIRET valide (14 chiffres, clé de contrôle "
			  "comprise) ; corrigez le SIRET du collège", v);
	/* A file names few establishments on many lines: look each up once. */
	if ((hit = cantine__strmap_get(&s->etabs, key)) && hit->id) {
		*id = hit->id;
		return 0;
	}
	sqlite3_reset(s->find);
	sqlite3_bind_text(s->find, 1, key, -1, SQLITE_TRANSIENT);
	step = sqlite3_step(s->find);
	if (step == SQLITE_ROW) {
		*id = sqlite3_column_int64(s->find, 0);
		if (s->etabs.n < ETAB_CACHE_MAX) {
			int added;
			if (!(hit = cantine__strmap_put(&s->etabs, key, &added)))
				return CANTINE_ENOMEM;
			hit->id = *id;
		}
		return 0;
	}
	if (step != SQLITE_DONE)
		return cantine__store_err(imp->ctx, "recherche d'un établissement");
	return cantine__problem(imp, P_ID, s->by_uai
		? "aucun établissement de la base n'a l'UAI « %s » ; importez d'abord le "
		  "fichier etablissements, ou corrigez l'UAI"
		: "aucun établissement de la base n'a le SIRET « %s » ; ajoutez ce SIRET au "
		  "collège dans le fichier etablissements (colonne siret) et importez-le, ou "
		  "corrigez le numéro", key);
}

static int get_date(purchase_in *s, const char **date)
{
	cantine__import *imp = &s->imp;
	int y, m, d;

	*date = NULL;
	if (!cantine__get_required(imp, P_DATE, date)) {
		*date = NULL;
		return 0;
	}
	if (!cantine__date_parse(*date, &y, &m, &d)) {
		const char *v = *date;
		*date = NULL;
		return cantine__problem(imp, P_DATE, "« %s » n'est pas une date qui existe : la "
			"date doit être écrite sous la forme aaaa-mm-jj, par exemple 2026-03-14", v);
	}
	if (strcmp(*date, s->today) > 0) {
		const char *v = *date;
		*date = NULL;
		return cantine__problem(imp, P_DATE, "la date « %s » est dans le futur "
			"(aujourd'hui : %s) : un achat ne peut pas être daté après aujourd'hui ; "
			"corrigez la date", v, s->today);
	}
	return 0;
}

/* prix_ht: digits with a decimal point, rounded to the cent half down
 * (cantine__price_parse()).  Returns 1 with *cents set, 0 when reported,
 * or ENOMEM. */
static int get_price(purchase_in *s, int64_t *cents)
{
	cantine__import *imp = &s->imp;
	const char *v;
	int rc = 0;

	if (!cantine__get_required(imp, P_PRICE, &v))
		return 0;
	switch (cantine__price_parse(v, cents)) {
	case CANTINE__PRICE_OK:
		return 1;
	case CANTINE__PRICE_TOO_BIG:
		rc = cantine__problem(imp, P_PRICE, "« %s » dépasse 100 000 000 € pour un "
			"seul achat ; vérifiez le montant", v);
		break;
	case CANTINE__PRICE_NEGATIVE:
		rc = cantine__problem(imp, P_PRICE, "« %s » est négatif : un prix ne peut pas "
			"l'être ; écrivez le montant hors taxes de l'achat (un avoir ne "
			"s'importe pas)", v);
		break;
	case CANTINE__PRICE_COMMA:
		rc = cantine__problem(imp, P_PRICE, "« %s » : le séparateur décimal à utiliser "
			"est le point ; écrivez par exemple 1234.99", v);
		break;
	case CANTINE__PRICE_EMPTY:
	case CANTINE__PRICE_BAD:
		rc = cantine__problem(imp, P_PRICE, "« %s » n'est pas un prix : la valeur ne "
			"doit comporter que des chiffres et le point comme séparateur décimal, "
			"par exemple 1234.99", v);
		break;
	}
	return rc ? CANTINE_ENOMEM : 0;
}

static int get_family(purchase_in *s, cantine_family *family)
{
	cantine__import *imp = &s->imp;
	const char *v;
	int f;

	if (!cantine__get_required(imp, P_FAMILY, &v))
		return 0;
	if ((f = cantine__family_code_parse(v)) >= 0) {
		*family = (cantine_family)f;
		return 1;
	}
	return cantine__problem(imp, P_FAMILY, "« %s » n'est pas une famille de produits de "
		"ma-cantine ; écrivez l'un des codes (en majuscules) : " FAMILY_CODES, v)
		? CANTINE_ENOMEM : 0;
}

/* A comma list of codes among `allowed` (bits); duplicates are allowed. */
static int get_codes(purchase_in *s, int col, unsigned allowed, const char *list,
		     unsigned *bits)
{
	cantine__import *imp = &s->imp;
	const char *v = cantine__cell(imp, col), *p = v;
	char item[40];

	while (*v) {
		const char *e = strchr(p, ',');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		int c;

		while (n && *p == ' ')
			p++, n--;
		while (n && p[n - 1] == ' ')
			n--;
		if (n == 0)
			return cantine__problem(imp, col, "« %s » a un code vide (deux virgules "
				"de suite, ou une virgule au début ou à la fin) ; séparez les codes "
				"par une seule virgule, par exemple BIO,IGP", v) ? CANTINE_ENOMEM : 0;
		if (n >= sizeof(item))
			n = sizeof(item) - 1;
		memcpy(item, p, n);
		item[n] = '\0';
		if ((c = cantine__characteristic_code_parse(item, allowed)) < 0)
			return cantine__problem(imp, col, "« %s » : « %s » n'est pas un code "
				"accepté ; codes acceptés (en majuscules, séparés par des "
				"virgules) : %s", v, item, list) ? CANTINE_ENOMEM : 0;
		*bits |= 1u << c;
		if (!e)
			break;
		p = e + 1;
	}
	return 1;
}

/* OUI, oui, x: true; non, NON, empty: false. */
static int get_yes(purchase_in *s, int col, bool *yes)
{
	const char *v = cantine__cell(&s->imp, col);

	if (!strcmp(v, "OUI") || !strcmp(v, "oui") || !strcmp(v, "x")) {
		*yes = true;
		return 1;
	}
	if (!*v || !strcmp(v, "non") || !strcmp(v, "NON")) {
		*yes = false;
		return 1;
	}
	return cantine__problem(&s->imp, col, "« %s » n'est pas une réponse acceptée : "
		"écrivez OUI (ou oui, x) pour oui, NON (ou non) ou rien pour non", v)
		? CANTINE_ENOMEM : 0;
}

/* definition_local and definition_local_km of the current format. */
static int get_local_new(purchase_in *s, bool local, cantine_local *def, int *km)
{
	static const struct { const char *code; cantine_local l; } defs[] = {
		{ "PAT", CANTINE_LOCAL_PAT }, { "COMMUNE", CANTINE_LOCAL_COMMUNE },
		{ "DEPARTEMENT", CANTINE_LOCAL_DEPARTEMENT }, { "REGION", CANTINE_LOCAL_REGION },
		{ "KM", CANTINE_LOCAL_KM },
	};
	cantine__import *imp = &s->imp;
	const char *v = cantine__cell(imp, P_LOCAL_DEF), *k = cantine__cell(imp, P_KM);
	size_t i;
	long n;

	if (*v && !local)
		return cantine__problem(imp, P_LOCAL_DEF, "la caractéristique LOCAL n'est pas "
			"sélectionnée : le champ doit être vide ; écrivez OUI dans est_local si "
			"l'achat est local, sinon videz la cellule") ? CANTINE_ENOMEM : 0;
	for (i = 0; *v && i < sizeof(defs) / sizeof(defs[0]); i++)
		if (strcmp(v, defs[i].code) == 0)
			*def = defs[i].l;
	if (*v && *def == CANTINE_LOCAL_NONE)
		return cantine__problem(imp, P_LOCAL_DEF, "« %s » n'est pas une définition de "
			"local ; écrivez PAT, COMMUNE, DEPARTEMENT, REGION ou KM", v)
			? CANTINE_ENOMEM : 0;
	if (!*k)
		return 1;
	if (*def != CANTINE_LOCAL_KM)
		return cantine__problem(imp, P_KM, "la distance en km doit être vide lorsque "
			"la définition de local n'est pas KM ; écrivez KM dans definition_local, "
			"ou videz la cellule") ? CANTINE_ENOMEM : 0;
	for (i = 0, n = 0; k[i] >= '0' && k[i] <= '9' && n <= 100000; i++)
		n = n * 10 + (k[i] - '0');
	if (k[i] || n < 1 || n > 100000)
		return cantine__problem(imp, P_KM, "« %s » n'est pas une distance en km : "
			"écrivez un nombre entier positif, par exemple 80", k) ? CANTINE_ENOMEM : 0;
	*km = (int)n;
	return 1;
}

/* definition_local of the old format (AUTOUR_SERVICE: 200 km; AUTRE: km
 * not known; DOMAIN Part B §1.6). */
static int get_local_old(purchase_in *s, bool local, cantine_local *def, int *km)
{
	static const struct { const char *code; cantine_local l; int km; } defs[] = {
		{ "AUTOUR_SERVICE", CANTINE_LOCAL_KM, 200 }, { "COMMUNE", CANTINE_LOCAL_COMMUNE, 0 },
		{ "DEPARTEMENT", CANTINE_LOCAL_DEPARTEMENT, 0 }, { "REGION", CANTINE_LOCAL_REGION, 0 },
		{ "PAT", CANTINE_LOCAL_PAT, 0 }, { "AUTRE", CANTINE_LOCAL_KM, 0 },
	};
	cantine__import *imp = &s->imp;
	const char *v = cantine__cell(imp, P_OLD_LOCAL_DEF);
	size_t i;

	if (!*v)
		return 1;
	if (!local)
		return cantine__problem(imp, P_OLD_LOCAL_DEF, "la caractéristique LOCAL n'est "
			"pas sélectionnée : le champ doit être vide ; ajoutez LOCAL aux "
			"caracteristiques si l'achat est local, sinon videz la cellule")
			? CANTINE_ENOMEM : 0;
	for (i = 0; i < sizeof(defs) / sizeof(defs[0]); i++)
		if (strcmp(v, defs[i].code) == 0) {
			*def = defs[i].l;
			*km = defs[i].km;
			return 1;
		}
	return cantine__problem(imp, P_OLD_LOCAL_DEF, "« %s » n'est pas une définition de "
		"local de l'ancien format ; écrivez AUTOUR_SERVICE, COMMUNE, DEPARTEMENT, "
		"REGION, PAT ou AUTRE", v) ? CANTINE_ENOMEM : 0;
}

/* ---- rows ---- */

static int read_row(purchase_in *s)
{
	cantine__import *imp = &s->imp;
	cantine_family family = CANTINE_FAMILY_AUTRES;
	cantine_local def = CANTINE_LOCAL_NONE;
	const char *date, *desc;
	unsigned chars = 0;
	int64_t etab = 0, cents = 0;
	cantine__psugg sug;
	bool ok = true, yes;
	int km = 0, rc;
	size_t c;

	for (c = 0; c < s->ops.ncols && !*cantine__cell(imp, (int)c) && !imp->cell_bad[c]; c++)
		;
	if (c == s->ops.ncols)
		return cantine__file_problem(imp, imp->csv.rec_line, "ligne vide : valeur "
			"incorrecte, la ligne doit être supprimée");

#define CHECK(expr) do { if ((rc = (expr)) < 0) return rc; if (rc == 0) ok = false; } while (0)
	if ((rc = get_etab(s, &etab)) < 0)
		return rc;
	ok = etab != 0;
	if (!cantine__get_required(imp, P_DESC, &desc))
		ok = false;
	if ((rc = get_date(s, &date)) < 0)
		return rc;
	if (!date)
		ok = false;
	CHECK(get_price(s, &cents));
	CHECK(get_family(s, &family));
	if (s->old) {
		CHECK(get_codes(s, P_OLD_CHARS, EGALIM_MASK | INFO_MASK,
				EGALIM_CODES ", FRANCE, EUROPE, CIRCUIT_COURT, LOCAL", &chars));
		if ((chars & (1u << CANTINE_CHAR_FRANCE)) && (chars & (1u << CANTINE_CHAR_EUROPE)))
			CHECK(cantine__problem(imp, P_OLD_CHARS, "les caractéristiques EUROPE et "
				"FRANCE ne peuvent pas être sélectionnées en même temps ; gardez "
				"l'origine du produit seulement") ? CANTINE_ENOMEM : 0);
		CHECK(get_local_old(s, chars & (1u << CANTINE_CHAR_LOCAL), &def, &km));
	} else {
		const char *o = cantine__cell(imp, P_ORIGIN);

		CHECK(get_codes(s, P_CATEGORIES, EGALIM_MASK, EGALIM_CODES, &chars));
		if (!strcmp(o, "FRANCE"))
			chars |= 1u << CANTINE_CHAR_FRANCE;
		else if (!strcmp(o, "EUROPE"))
			chars |= 1u << CANTINE_CHAR_EUROPE;
		else if (*o)
			CHECK(cantine__problem(imp, P_ORIGIN, strchr(o, ',')
				? "« %s » : une seule origine peut être renseignée, FRANCE ou EUROPE "
				  "(hors France) ; gardez-en une"
				: "« %s » n'est pas une origine ; écrivez FRANCE, EUROPE (hors France) "
				  "ou laissez vide", o) ? CANTINE_ENOMEM : 0);
		CHECK(get_yes(s, P_SHORT, &yes));
		if (rc == 1 && yes)
			chars |= 1u << CANTINE_CHAR_CIRCUIT_COURT;
		yes = false;
		CHECK(get_yes(s, P_LOCAL, &yes));
		if (rc == 1 && yes)
			chars |= 1u << CANTINE_CHAR_LOCAL;
		CHECK(get_local_new(s, yes, &def, &km));
	}
#undef CHECK
	if (!ok || !imp->clean)
		return 0;
	if ((rc = cantine__purchase_suggest(imp, imp->csv.rec_line, &s->sugg, desc, family,
					     chars, &sug)) < 0)
		return rc;
	{
		cantine_purchase p = {
			.date = date, .supplier = cantine__cell(imp, P_SUPPLIER),
			.description = desc, .family = family, .characteristics = chars,
			.local = def, .local_km = km, .amount_cents = cents,
			.suggested_characteristics = sug.chars, .suggested_family = sug.family,
			.suggested_origin = sug.origin, .suggestion_rules = sug.rules,
		};
		if ((rc = cantine__purchase_insert(imp->ctx, s->ins, etab, &p, s->source)))
			return rc;
	}
	imp->stats.inserted++;
	return 0;
}

/* ---- the driver ---- */

/* The same bytes were imported before: say when and how many purchases
 * (1 when reported). */
static int already_imported(purchase_in *s)
{
	int rc = cantine__purchase_check_source(&s->imp, s->source);

	if (rc == 0 && !s->imp.clean)
		rc = 1;
	return rc;
}

static int run(purchase_in *s, cantine__src *src)
{
	cantine__import *imp = &s->imp;
	cantine__scan scan;
	int rc;

	/* A first pass over the bytes: the hash (is it a file already
	 * imported?), a NUL byte, the encoding; then the rows are read from
	 * the start again, chunk by chunk. */
	if ((rc = cantine__scan_src(src, &scan)))
		return rc;
	memcpy(s->source, scan.sha256, sizeof(s->source));
	if ((rc = already_imported(s)))
		return rc < 0 ? rc : 0;
	rc = cantine__import_stream(imp, src, &scan, CANTINE_ENCODING_AUTO);
	if (rc)
		return rc < 0 ? rc : 0;
	rc = cantine__csv_next(&imp->csv);
	if (rc < 0)
		return rc;
	if (rc == 0)
		return cantine__file_problem(imp, 0, "le fichier est vide ; il doit commencer par "
			"la ligne d'en-tête de ma-cantine : " NEW_HEADER);
	if (rc == 2 || imp->csv.issue)
		return cantine__file_problem(imp, imp->csv.rec_line, "ligne d'en-tête illisible "
			"(guillemet jamais fermé ou ligne trop longue) ; elle doit être : "
			NEW_HEADER);
	if ((rc = read_header(s)) || !imp->clean)
		return rc;
	{
		size_t c;
		for (c = 0; c < s->ops.ncols; c++)
			imp->colmap[c] = (int)c;
	}
	if ((rc = cantine__prepare(imp->ctx, &s->find, s->by_uai
			? "SELECT id FROM etab WHERE uai = ?1"
			: "SELECT id FROM etab WHERE siret = ?1")) ||
	    (rc = cantine__purchase_insert_prepare(imp->ctx, &s->ins)))
		return rc;
	while ((rc = cantine__csv_next(&imp->csv)) > 0) {
		cantine__csv_issue issue = imp->csv.issue;

		imp->stats.rows++;
		if (issue == CANTINE__CSV_UNTERMINATED) {
			rc = cantine__file_problem(imp, imp->csv.issue_line, "un guillemet ouvert "
				"n'est jamais fermé ; le fichier est peut-être tronqué, ou un "
				"guillemet à l'intérieur d'une cellule n'a pas été doublé (\"\")");
			break;
		}
		if (issue == CANTINE__CSV_TOO_LONG)
			rc = cantine__file_problem(imp, imp->csv.issue_line, "ligne de plus de "
				"64 Kio : ce n'est pas une ligne d'achat ; vérifiez le fichier");
		else if (issue == CANTINE__CSV_AFTER_QUOTE)
			rc = cantine__file_problem(imp, imp->csv.issue_line, "du texte suit un "
				"guillemet fermant ; à l'intérieur d'une cellule entre guillemets, "
				"écrivez un guillemet en le doublant (\"\")");
		else if (imp->csv.n != s->ops.ncols)
			rc = cantine__file_problem(imp, imp->csv.rec_line, "la ligne n'a pas le même "
				"nombre de cellules que l'en-tête (%zu au lieu de %zu) ; vérifiez les "
				"séparateurs « %s » et les guillemets de cette ligne", imp->csv.n,
				s->ops.ncols, imp->csv.sep == '\t' ? "tabulation" :
				imp->csv.sep == ';' ? ";" : ",");
		else if ((rc = cantine__load_cells(imp)) == 0)
			rc = read_row(s);
		if (rc < 0)
			break;
		rc = 0;
	}
	if (rc < 0)
		return rc;
	if (imp->stats.rows == 0)
		return cantine__file_problem(imp, 0, "le fichier n'a aucun achat après la ligne "
			"d'en-tête ; ajoutez une ligne par achat");
	/* Read twice: the purchases must be those of the hash they keep, or
	 * the "same file twice" rule would not hold.  A clean file was read
	 * to its end. */
	if (imp->clean && !cantine__stream_unchanged(src, &scan))
		return cantine__file_problem(imp, 0, "le fichier a changé pendant sa lecture "
			"(il est peut-être encore en cours d'écriture) ; attendez qu'il soit "
			"complet et importez-le de nouveau");
	return 0;
}

static int import(cantine_ctx *ctx, const char *name, const char *data, size_t len,
		  const char *path, cantine_problems **problems,
		  cantine_import_stats *stats)
{
	cantine__src src = { .data = data, .len = len, .fd = -1 };
	purchase_in *s;
	bool began = false;
	uint64_t size;
	int rc = 0;

	if (problems)
		*problems = NULL;
	if (stats)
		memset(stats, 0, sizeof(*stats));
	memset(&ctx->suggestions, 0, sizeof(ctx->suggestions));
	if (!(s = cantine__calloc(1, sizeof(*s))))
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	s->ops.cols = new_cols;
	s->ops.ncols = P_NCOLS;
	cantine__purchase_today(s->today);
	if ((rc = cantine__import_init(&s->imp, ctx, &s->ops, name))) {
		cantine__free(s);
		return rc;
	}
	/* The file is streamed, never loaded whole (docs/formats.md, "Achats"). */
	if (path)
		rc = cantine__open_file(&s->imp, path, &src.fd, &size);
	if (rc == 0 && (rc = cantine__begin(ctx)) == 0) {
		began = true;
		rc = run(s, &src);
	}
	if (src.fd >= 0)
		close(src.fd);
	sqlite3_finalize(s->find);
	sqlite3_finalize(s->ins);
	cantine__strmap_free(&s->etabs);
	cantine__suggester_free(s->sugg);
	rc = cantine__import_end(&s->imp, rc, began, name,
				 cantine_problems_total(s->imp.problems), "problème",
				 "aucun achat n'a été importé (la base n'a pas changé)", problems);
	if (rc == 0 && stats)
		*stats = s->imp.stats;
	if (rc)
		memset(&ctx->suggestions, 0, sizeof(ctx->suggestions));
	cantine__free(s);
	return rc;
}

int cantine_import_purchases_mem(cantine_ctx *ctx, const char *name, const char *data,
				 size_t len, cantine_problems **problems,
				 cantine_import_stats *stats)
{
	/* The project's XML format (purchase_xml.c), recognised by content. */
	if (cantine__purchase_is_xml(data, len))
		return cantine__import_purchases_xml(ctx, name, data, len, NULL, problems,
						     stats);
	return import(ctx, name, data, len, NULL, problems, stats);
}

int cantine_import_purchases(cantine_ctx *ctx, const char *path,
			     cantine_problems **problems, cantine_import_stats *stats)
{
	if (cantine__purchase_file_is_xml(path))
		return cantine__import_purchases_xml(ctx, path, NULL, 0, path, problems,
						     stats);
	return import(ctx, path, NULL, 0, path, problems, stats);
}
