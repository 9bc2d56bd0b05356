/*
 * pupil.c: registrations for lunch: the `inscriptions` CSV import
 * (docs/formats.md), the régime codes, and erasing a pupil's personal
 * data (`cantine pupil forget`).
 */
#include <stdio.h>
#include <string.h>

#include "attendance_int.h"
#include "names_int.h"
#include "plan_int.h"
#include "sha256_int.h"
#include "strmap_int.h"
#include "text_int.h"

/* ---- shared by the attendance files ---- */

int cantine__school_year(const char *date)
{
	int y, m, d;

	if (!cantine__date_parse(date, &y, &m, &d))
		return 0;
	return m >= 9 ? y : y - 1;
}

bool cantine__get_date(cantine__import *imp, int col, const char **out)
{
	int y, m, d;

	if (!cantine__get_required(imp, col, out))
		return false;
	if (cantine__date_parse(*out, &y, &m, &d))
		return true;
	cantine__problem(imp, col, "« %s » n'est pas une date du calendrier ; écrivez-la "
			 "AAAA-MM-JJ, par exemple 2026-09-07", *out);
	return false;
}

bool cantine__check_period(cantine__import *imp, int col_first, int col_last,
			   const char *first, const char *last)
{
	int year = cantine__school_year(first);

	(void)col_first;
	if (strcmp(first, last) > 0) {
		cantine__problem(imp, col_last, "la période finit le %s, avant de commencer "
				 "le %s ; inversez les deux dates", last, first);
		return false;
	}
	/* A school year runs from 1 September to 31 August: a registration or
	 * an absence belongs to one school year. */
	if (cantine__school_year(last) != year) {
		cantine__problem(imp, col_last, "« %s » est hors de l'année scolaire %d-%d "
				 "(du %d-09-01 au %d-08-31) qui commence avec « %s » ; une "
				 "période ne peut pas couvrir deux années scolaires : "
				 "coupez-la en deux lignes", last, year, year + 1, year,
				 year + 1, first);
		return false;
	}
	return true;
}

/* ---- régimes (DOMAIN Part A §4.3) ---- */

const char *cantine_regime_code(cantine_regime r)
{
	static const char *const codes[CANTINE_REGIME__MAX] = {
		"DP4", "DP5", "ticket", "externe",
	};
	return (unsigned)r < CANTINE_REGIME__MAX ? codes[r] : NULL;
}

int cantine_regime_parse(const char *text)
{
	static const struct { const char *folded; int r; } t[] = {
		{ "dp4", 0 }, { "forfait4jours", 0 }, { "demipension4jours", 0 },
		{ "dp5", 1 }, { "forfait5jours", 1 }, { "demipension5jours", 1 },
		{ "ticket", 2 }, { "externe", 3 },
	};
	char f[64], g[64];
	size_t i, j, k = 0;

	if (!text || !cantine__fold(text, f, sizeof(f)))
		return -1;
	for (i = 0, j = 0; f[i]; i++) /* "demi-pension" → "demipension" */
		if (f[i] != '-' && f[i] != ' ')
			g[j++] = f[i];
	g[j] = '\0';
	for (k = 0; k < sizeof(t) / sizeof(t[0]); k++)
		if (strcmp(t[k].folded, g) == 0)
			return t[k].r;
	return -1;
}

/* ---- forgetting a pupil ---- */

int cantine_pupil_forget(cantine_ctx *ctx, const char *uai, const char *ident)
{
	sqlite3_stmt *st;
	char seed[48], hex[65], opaque[40];
	int64_t etab, pupil;
	int rc;

	if ((rc = cantine__writable(ctx)))
		return rc;
	rc = cantine__lookup_id(ctx, "SELECT id FROM etab WHERE uai = ?1", uai, &etab, NULL);
	if (rc == CANTINE_ENOTFOUND)
		return cantine__seterr(ctx, rc, "aucun établissement d'UAI « %s »", uai);
	if (rc)
		return rc;
	if ((rc = cantine__prepare(ctx, &st, "SELECT id FROM pupil WHERE etab_id = ?1 "
				   "AND ident = ?2 AND forgotten = 0")))
		return rc;
	sqlite3_bind_int64(st, 1, etab);
	sqlite3_bind_text(st, 2, ident, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	pupil = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return cantine__seterr(ctx, CANTINE_ENOTFOUND, "aucun élève « %s » inscrit "
				       "dans l'établissement %s", ident, uai);
	if (rc != SQLITE_ROW)
		return cantine__store_err(ctx, "lecture des inscriptions");
	/* The new identifier must not be derivable from the old one alone:
	 * hash the row id with the establishment, not the identifier. */
	snprintf(seed, sizeof(seed), "pupil/%lld/%lld", (long long)etab, (long long)pupil);
	cantine__sha256_hex(seed, strlen(seed), hex);
	snprintf(opaque, sizeof(opaque), "oublie-%.16s", hex);
	if ((rc = cantine__prepare(ctx, &st, "UPDATE pupil SET ident = ?2, qf_cents = NULL, "
				   "rfr_cents = NULL, children = NULL, bursary = 0, forgotten = 1 "
				   "WHERE id = ?1")))
		return rc;
	sqlite3_bind_int64(st, 1, pupil);
	sqlite3_bind_text(st, 2, opaque, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : cantine__store_err(ctx, "effacement de l'élève");
}

/* ---- CSV import (docs/formats.md, `inscriptions`) ---- */

enum {
	IN_COL_UAI, IN_COL_ELEVE, IN_COL_REGIME, IN_COL_JOURS, IN_COL_CLASSE,
	IN_COL_DEBUT, IN_COL_FIN, IN_COL_QF, IN_COL_RFR, IN_COL_ENFANTS,
	IN_COL_BOURSIER, IN_COL__MAX
};

static const cantine__col pupil_cols[IN_COL__MAX] = {
	{ "uai", true }, { "eleve", true }, { "regime", true }, { "jours", false },
	{ "classe", false }, { "debut", true }, { "fin", true },
	{ "quotient_familial", false }, { "revenu_fiscal", false },
	{ "enfants", false }, { "boursier", false },
};

/* etabs: UAI → id, service days; seen: "uai|eleve" → line */
typedef cantine__keyed pupil_state;

static int pupil_begin(cantine__import *imp)
{
	pupil_state *s = imp->state;
	int rc;

	if ((rc = cantine__prepare(imp->ctx, &s->upsert,
		"INSERT INTO pupil (etab_id, ident, regime, days, class, first_date, "
		"last_date, qf_cents, rfr_cents, children, bursary) VALUES (?1, ?2, ?3, ?4, "
		"?5, ?6, ?7, ?8, ?9, ?10, ?11) ON CONFLICT (etab_id, ident) DO UPDATE SET "
		"regime = ?3, days = ?4, class = ?5, first_date = ?6, last_date = ?7, "
		"qf_cents = ?8, rfr_cents = ?9, children = ?10, bursary = ?11")) ||
	    (rc = cantine__prepare(imp->ctx, &s->exists, "SELECT 1 FROM pupil WHERE "
		"etab_id = ?1 AND ident = ?2")) ||
	    (rc = cantine__import_preload(imp, &s->etabs,
		"SELECT uai, id, service_days FROM etab")))
		return rc;
	return 0;
}

/* A pseudonymous identifier: letters, digits, '-', '_', '.', at most 32,
 * no space (a name with a space is the usual mistake). */
static bool ident_ok(const char *s)
{
	size_t n = 0;

	for (; *s; s++, n++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '-' || *s == '_' || *s == '.'))
			return false;
	return n >= 1 && n <= 32;
}

static int popcount7(unsigned m)
{
	int n = 0;

	for (; m; m >>= 1)
		n += (int)(m & 1u);
	return n;
}

static unsigned lowest_bit(unsigned m)
{
	return m & (~m + 1u);
}

static bool class_ok(const char *s)
{
	size_t n = strlen(s);

	return n <= 16 && !strchr(s, '|');
}

/* Check the régime against the weekdays and the establishment's service
 * days (DOMAIN Part A §4.3: forfait 4 or 5 days). */
static bool check_days(cantine__import *imp, int regime, unsigned days,
		       unsigned service)
{
	int want = regime == CANTINE_REGIME_DP4 ? 4 : regime == CANTINE_REGIME_DP5 ? 5 : 0;

	/* A forfait covers at most its number of days; fewer (a pupil who eats
	 * Monday, Tuesday and Thursday only) is a registration for those days. */
	if (want && (days == 0 || popcount7(days) > want)) {
		cantine__problem(imp, IN_COL_JOURS, "le régime %s couvre de 1 à %d jours et la "
				 "colonne jours en donne %d ; écrivez les jours de repas, par "
				 "exemple %s", cantine_regime_code((cantine_regime)regime), want,
				 popcount7(days), want == 4 ? "lun|mar|jeu|ven" : "lun|mar|mer|jeu|ven");
		return false;
	}
	if (!want && days) {
		cantine__problem(imp, IN_COL_JOURS, "un élève %s n'a pas de jours de forfait ; "
				 "laissez la colonne jours vide",
				 cantine_regime_code((cantine_regime)regime));
		return false;
	}
	if (days & ~service) {
		cantine__problem(imp, IN_COL_JOURS, "l'établissement ne sert pas le déjeuner "
				 "tous ces jours-là (« %s » n'est pas un de ses jours_service) ; "
				 "corrigez les jours", cantine_day_name(lowest_bit(days & ~service)));
		return false;
	}
	return true;
}

static int pupil_row(cantine__import *imp)
{
	pupil_state *s = imp->state;
	cantine__strmap_val *etab = NULL;
	const char *uai, *ident, *regs, *first = "", *last = "", *cls;
	int64_t qf = -1, rfr = -1;
	long children = 0;
	int regime = -1, bursary = 0, rc;
	unsigned days = 0;
	char key[96];
	bool bad = false;

	if (cantine__get_required(imp, IN_COL_UAI, &uai)) {
		etab = cantine__strmap_get(&s->etabs, uai);
		if (!etab && cantine__problem(imp, IN_COL_UAI, "aucun établissement d'UAI "
				"« %s » dans la base ; importez d'abord le fichier etablissements, "
				"ou corrigez l'UAI", uai))
			return CANTINE_ENOMEM;
	}
	bad |= !etab;
	if (cantine__get_required(imp, IN_COL_ELEVE, &ident) && !ident_ok(ident)) {
		cantine__problem(imp, IN_COL_ELEVE, "« %s » n'est pas un identifiant d'élève : "
				 "lettres, chiffres, « - », « _ » ou « . », 32 au plus, sans espace ; "
				 "n'écrivez pas de nom, seulement l'identifiant pseudonyme", ident);
		bad = true;
	} else if (!*ident) {
		bad = true;
	}
	if (cantine__get_required(imp, IN_COL_REGIME, &regs)) {
		regime = cantine_regime_parse(regs);
		if (regime < 0) {
			cantine__problem(imp, IN_COL_REGIME, "« %s » n'est pas un régime ; "
					 "écrivez DP4, DP5, ticket ou externe", regs);
			bad = true;
		}
	} else {
		bad = true;
	}
	bad |= !cantine__get_mask(imp, IN_COL_JOURS, cantine__day_index, "jour",
				  "lun, mar, mer, jeu, ven, sam, dim", &days);
	cls = cantine__cell(imp, IN_COL_CLASSE);
	if (!class_ok(cls)) {
		cantine__problem(imp, IN_COL_CLASSE, "« %s » n'est pas une classe : 16 "
				 "caractères au plus, sans « | », par exemple 4B", cls);
		bad = true;
	}
	bad |= !cantine__get_date(imp, IN_COL_DEBUT, &first);
	bad |= !cantine__get_date(imp, IN_COL_FIN, &last);
	bad |= !cantine__get_money(imp, IN_COL_QF, &qf);
	bad |= !cantine__get_money(imp, IN_COL_RFR, &rfr);
	bad |= !cantine__get_int(imp, IN_COL_ENFANTS, 1, 20, &children);
	bad |= !cantine__get_bool(imp, IN_COL_BOURSIER, &bursary);
	if (bad)
		return 0;
	if (!check_days(imp, regime, days, (unsigned)etab->aux) ||
	    !cantine__check_period(imp, IN_COL_DEBUT, IN_COL_FIN, first, last))
		return 0;
	/* One basis for the social tier: the quotient familial, or the
	 * revenu fiscal de référence with the number of children (Nord's aid,
	 * DOMAIN Part A §4.3). */
	if (qf >= 0 && rfr >= 0)
		return cantine__problem(imp, IN_COL_RFR, "donnez le quotient familial ou le "
					"revenu fiscal de référence, pas les deux");
	if (rfr >= 0 && children == 0)
		return cantine__problem(imp, IN_COL_ENFANTS, "le revenu fiscal de référence "
					"va avec le nombre d'enfants à charge ; remplissez la "
					"colonne enfants");
	if (rfr < 0 && children)
		return cantine__problem(imp, IN_COL_ENFANTS, "le nombre d'enfants ne sert "
					"qu'avec le revenu fiscal de référence ; remplissez "
					"revenu_fiscal ou videz enfants");
	snprintf(key, sizeof(key), "%s|%s", uai, ident);
	if ((rc = cantine__seen_once(imp, &s->seen, IN_COL_ELEVE, key, "l'élève")))
		return rc < 0 ? rc : 0;
	if (!imp->clean)
		return 0;
	sqlite3_bind_int64(s->exists, 1, etab->id);
	sqlite3_bind_text(s->exists, 2, ident, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s->upsert, 1, etab->id);
	sqlite3_bind_text(s->upsert, 2, ident, -1, SQLITE_STATIC);
	sqlite3_bind_int(s->upsert, 3, regime);
	sqlite3_bind_int(s->upsert, 4, (int)days);
	sqlite3_bind_text(s->upsert, 5, cls, -1, SQLITE_STATIC);
	sqlite3_bind_text(s->upsert, 6, first, -1, SQLITE_STATIC);
	sqlite3_bind_text(s->upsert, 7, last, -1, SQLITE_STATIC);
	if (qf >= 0)
		sqlite3_bind_int64(s->upsert, 8, qf);
	else
		sqlite3_bind_null(s->upsert, 8);
	if (rfr >= 0)
		sqlite3_bind_int64(s->upsert, 9, rfr);
	else
		sqlite3_bind_null(s->upsert, 9);
	if (children)
		sqlite3_bind_int(s->upsert, 10, (int)children);
	else
		sqlite3_bind_null(s->upsert, 10);
	sqlite3_bind_int(s->upsert, 11, bursary);
	return cantine__keyed_write(imp, s, "enregistrement d'une inscription");
}

const cantine__kind_ops cantine__pupil_ops = {
	pupil_cols, IN_COL__MAX, sizeof(pupil_state),
	pupil_begin, pupil_row, NULL, cantine__keyed_cleanup,
};
