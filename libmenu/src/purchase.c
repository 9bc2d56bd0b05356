/*
 * purchase.c: purchases (cantine/purchase.h): ma-cantine's codes, reading
 * purchases back, and what the CSV and XML importers share
 * (purchase_int.h).
 */
#include <string.h>
#include <time.h>

#include "purchase_int.h"

/* DOMAIN Part B §1.2, in the order of cantine_characteristic. */
static const char *const codes[CANTINE_CHAR__MAX] = {
	"BIO", "CONVERSION_BIO", "LABEL_ROUGE", "AOCAOP", "IGP", "STG", "HVE",
	"PECHE_DURABLE", "RUP", "FERMIER", "COMMERCE_EQUITABLE", "EXTERNALITES",
	"PERFORMANCE", "EQUIVALENTS", "FRANCE", "EUROPE", "CIRCUIT_COURT", "LOCAL",
};

const char *cantine_characteristic_code(cantine_characteristic c)
{
	return (unsigned)c < CANTINE_CHAR__MAX ? codes[c] : NULL;
}

/* ---- shared by the importers (purchase_int.h) ---- */

void cantine__purchase_today(char out[11])
{
	time_t t = time(NULL);
	struct tm tm;

	localtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

int cantine__family_code_parse(const char *code)
{
	int f;

	for (f = 0; f < CANTINE_FAMILY__MAX; f++)
		if (strcmp(code, cantine_family_code((cantine_family)f)) == 0)
			return f;
	return -1;
}

int cantine__characteristic_code_parse(const char *code, unsigned allowed)
{
	int c;

	for (c = 0; c < CANTINE_CHAR__MAX; c++)
		if ((allowed & (1u << c)) && strcmp(code, codes[c]) == 0)
			return c;
	return -1;
}

int cantine__local_code_parse(const char *code)
{
	int l;

	for (l = CANTINE_LOCAL_NONE + 1; l < CANTINE_LOCAL__MAX; l++)
		if (strcmp(code, cantine_local_code((cantine_local)l)) == 0)
			return l;
	return -1;
}

cantine__price cantine__price_parse(const char *v, int64_t *cents)
{
	const char *p, *frac = "";
	int64_t whole = 0, c;
	size_t nint = 0, nfrac = 0, i;
	bool up = false;

	for (p = v; *p >= '0' && *p <= '9'; p++, nint++)
		if ((whole = whole * 10 + (*p - '0')) > CANTINE__PURCHASE_MAX_CENTS / 100)
			return CANTINE__PRICE_TOO_BIG;
	if (*p == '.') {
		frac = ++p;
		while (*p >= '0' && *p <= '9')
			p++;
		nfrac = (size_t)(p - frac);
	}
	if (*v == '-' && v[1] >= '0' && v[1] <= '9')
		return CANTINE__PRICE_NEGATIVE;
	if (*p == ',' && nint > 0)
		return CANTINE__PRICE_COMMA;
	if (*p != '\0' || nint + nfrac == 0)
		return nint + nfrac == 0 && !*v ? CANTINE__PRICE_EMPTY : CANTINE__PRICE_BAD;
	c = whole * 100;
	if (nfrac > 0)
		c += (frac[0] - '0') * 10;
	if (nfrac > 1)
		c += frac[1] - '0';
	/* Half down: round up only above one half of a cent. */
	if (nfrac > 2 && frac[2] > '5')
		up = true;
	for (i = 3; nfrac > 2 && frac[2] == '5' && i < nfrac; i++)
		if (frac[i] != '0')
			up = true;
	c += up;
	if (c > CANTINE__PURCHASE_MAX_CENTS)
		return CANTINE__PRICE_TOO_BIG;
	*cents = c;
	return CANTINE__PRICE_OK;
}

int cantine__purchase_check_source(cantine__import *imp, const char *source)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = cantine__prepare(imp->ctx, &st, "SELECT count(*), min(imported_at), "
				   "min(date), max(date) FROM purchase WHERE source = ?1")))
		return rc;
	sqlite3_bind_text(st, 1, source, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return cantine__store_err(imp->ctx, "recherche d'un import précédent");
	}
	rc = 0;
	if (sqlite3_column_int64(st, 0) > 0)
		rc = cantine__file_problem(imp, 0, "ce fichier a déjà été utilisé pour un import "
			"(le %.10s à %.5s UTC : %lld achats du %s au %s) ; un même fichier n'est "
			"importé qu'une fois : pour ajouter des achats, importez un fichier qui ne "
			"contient que les nouveaux", (const char *)sqlite3_column_text(st, 1),
			(const char *)sqlite3_column_text(st, 1) + 11,
			(long long)sqlite3_column_int64(st, 0),
			(const char *)sqlite3_column_text(st, 2),
			(const char *)sqlite3_column_text(st, 3));
	sqlite3_finalize(st);
	return rc;
}

int cantine__purchase_insert_prepare(cantine_ctx *ctx, sqlite3_stmt **ins)
{
	return cantine__prepare(ctx, ins, "INSERT INTO purchase (etab_id, date, supplier, "
				"description, family, characteristics, local, local_km, "
				"amount_cents, source, suggested_characteristics, suggested_family, "
				"suggested_origin, suggestion_rules) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
				"?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
}

int cantine__purchase_insert(cantine_ctx *ctx, sqlite3_stmt *ins, int64_t etab,
			     const cantine_purchase *p, const char *source)
{
	int rc;

	/* The caller's strings stay put until the step is done (then the
	 * bindings are cleared): no copy. */
	sqlite3_bind_int64(ins, 1, etab);
	sqlite3_bind_text(ins, 2, p->date, -1, SQLITE_STATIC);
	sqlite3_bind_text(ins, 3, p->supplier ? p->supplier : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(ins, 4, p->description, -1, SQLITE_STATIC);
	sqlite3_bind_int(ins, 5, (int)p->family);
	sqlite3_bind_int64(ins, 6, p->characteristics);
	sqlite3_bind_int(ins, 7, (int)p->local);
	sqlite3_bind_int(ins, 8, p->local_km);
	sqlite3_bind_int64(ins, 9, p->amount_cents);
	sqlite3_bind_text(ins, 10, source, -1, SQLITE_STATIC);
	sqlite3_bind_int64(ins, 11, p->suggested_characteristics);
	if (p->suggested_family != CANTINE_PURCHASE_NONE)
		sqlite3_bind_int(ins, 12, p->suggested_family);
	else
		sqlite3_bind_null(ins, 12);
	if (p->suggested_origin != CANTINE_PURCHASE_NONE)
		sqlite3_bind_int(ins, 13, p->suggested_origin);
	else
		sqlite3_bind_null(ins, 13);
	sqlite3_bind_text(ins, 14, p->suggestion_rules ? p->suggestion_rules : "", -1,
			  SQLITE_STATIC);
	rc = sqlite3_step(ins) == SQLITE_DONE ? 0 : cantine__store_err(ctx, "écriture d'un achat");
	sqlite3_reset(ins);
	sqlite3_clear_bindings(ins);
	return rc;
}

void cantine_purchases_suggestion_stats(const cantine_ctx *ctx,
					cantine_suggestion_stats *out)
{
	*out = ctx->suggestions;
}

/* ---- reading purchases back ---- */

void cantine_purchases_free(cantine_purchase *list, size_t n)
{
	size_t i;

	if (!list)
		return;
	for (i = 0; i < n; i++) {
		cantine__free((char *)list[i].date);
		cantine__free((char *)list[i].uai);
		cantine__free((char *)list[i].supplier);
		cantine__free((char *)list[i].description);
		cantine__free((char *)list[i].suggestion_rules);
	}
	cantine__free(list);
}

int cantine_purchases_load(cantine_ctx *ctx, const char *uai, const char *from,
			   const char *to, cantine_purchase **out, size_t *n)
{
	cantine_purchase *list = NULL, *p;
	sqlite3_stmt *st = NULL;
	size_t count = 0, cap = 0;
	int64_t etab;
	bool oom = false;
	int rc, step;

	*out = NULL;
	*n = 0;
	if (!uai)
		return cantine__seterr(ctx, CANTINE_EINVAL, "établissement non précisé");
	if (from && cantine_date_check(from) != 0)
		return cantine__seterr(ctx, CANTINE_EINVAL, "« %s » n'est pas une date "
				       "AAAA-MM-JJ qui existe", from);
	if (to && cantine_date_check(to) != 0)
		return cantine__seterr(ctx, CANTINE_EINVAL, "« %s » n'est pas une date "
				       "AAAA-MM-JJ qui existe", to);
	if (from && to && strcmp(from, to) > 0)
		return cantine__seterr(ctx, CANTINE_EINVAL, "période à l'envers : le %s est "
				       "après le %s", from, to);
	if ((rc = cantine__prepare(ctx, &st, "SELECT id FROM etab WHERE uai = ?1")))
		return rc;
	sqlite3_bind_text(st, 1, uai, -1, SQLITE_TRANSIENT);
	step = sqlite3_step(st);
	etab = step == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (step == SQLITE_DONE)
		return cantine__seterr(ctx, CANTINE_ENOTFOUND, "aucun établissement n'a l'UAI "
				       "« %s »", uai);
	if (step != SQLITE_ROW)
		return cantine__store_err(ctx, "lecture des achats");
	if ((rc = cantine__prepare(ctx, &st, "SELECT date, supplier, description, family, "
				   "characteristics, local, local_km, amount_cents, "
				   "suggested_characteristics, suggested_family, suggested_origin, "
				   "suggestion_rules FROM purchase "
				   "WHERE etab_id = ?1 AND date >= ?2 AND date <= ?3 "
				   "ORDER BY date, id")))
		return rc;
	sqlite3_bind_int64(st, 1, etab);
	sqlite3_bind_text(st, 2, from ? from : "0000-00-00", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, to ? to : "9999-99-99", -1, SQLITE_TRANSIENT);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (count == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			cantine_purchase *grown = cantine__realloc(list, ncap * sizeof(*list));
			if (!grown) {
				oom = true;
				break;
			}
			list = grown;
			cap = ncap;
		}
		p = &list[count++];
		memset(p, 0, sizeof(*p));
		p->date = cantine__column_strdup(st, 0, &oom);
		p->uai = cantine__strdup(uai);
		p->supplier = cantine__column_strdup(st, 1, &oom);
		p->description = cantine__column_strdup(st, 2, &oom);
		p->family = (cantine_family)sqlite3_column_int(st, 3);
		p->characteristics = (unsigned)sqlite3_column_int64(st, 4);
		p->local = (cantine_local)sqlite3_column_int(st, 5);
		p->local_km = sqlite3_column_int(st, 6);
		p->amount_cents = sqlite3_column_int64(st, 7);
		/* Suggestions (schema 011): never part of the counts above. */
		p->suggested_characteristics = (unsigned)sqlite3_column_int64(st, 8);
		p->suggested_family = sqlite3_column_type(st, 9) == SQLITE_NULL
			? CANTINE_PURCHASE_NONE : sqlite3_column_int(st, 9);
		p->suggested_origin = sqlite3_column_type(st, 10) == SQLITE_NULL
			? CANTINE_PURCHASE_NONE : sqlite3_column_int(st, 10);
		p->suggestion_rules = cantine__column_strdup(st, 11, &oom);
		if (!p->uai || !p->date || !p->supplier || !p->description ||
		    !p->suggestion_rules)
			oom = true;
		if (oom)
			break;
	}
	sqlite3_finalize(st);
	if (oom) {
		cantine_purchases_free(list, count);
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	}
	if (step != SQLITE_DONE) {
		cantine_purchases_free(list, count);
		return cantine__store_err(ctx, "lecture des achats");
	}
	*out = list;
	*n = count;
	return 0;
}

/*
 * What the classification rules suggest for the description, beyond what
 * the row declares (suggest.c): stored apart, never in place of the
 * declared family and characteristics, which alone make the EGALIM counts
 * (issue 5: "a suggestion ... never overrides what the file declares").
 * A description a rule cannot be run on within its match limits gets no
 * suggestion and a warning; the purchase is imported all the same.
 */
int cantine__purchase_suggest(cantine__import *imp, unsigned line, cantine__suggester **sg,
			      const char *desc, cantine_family family, unsigned chars,
			      cantine__psugg *sug)
{
	cantine_suggestion_stats *st = &imp->ctx->suggestions;
	int rc;

	if (!*sg && (rc = cantine__suggester_new(imp->ctx, sg)))
		return rc < 0 ? rc : CANTINE_ERROR;
	rc = cantine__suggest(*sg, desc, (int)family, chars, sug);
	if (rc == CANTINE_EINVAL) {
		st->unclassified++;
		return cantine__problems_warn(imp->problems, line, 0, NULL,
			"pas de suggestion de classement pour cette description : %s",
			cantine_errmsg(imp->ctx));
	}
	if (rc)
		return rc;
	if (sug->chars || sug->family != CANTINE_PURCHASE_NONE ||
	    sug->origin != CANTINE_PURCHASE_NONE)
		st->purchases++;
	st->characteristics += sug->chars != 0;
	st->family += sug->family != CANTINE_PURCHASE_NONE;
	st->origin += sug->origin != CANTINE_PURCHASE_NONE;
	return 0;
}
