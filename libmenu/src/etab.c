/*
 * etab.c: establishments: UAI and SIRET checks, validation, storage.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "match_int.h"
#include "model_int.h"
#include "names_int.h"
#include "strmap_int.h"
#include "text_int.h"

/* UAI (ex-RNE) check letter: the 7-digit number modulo 23, over the
 * alphabet without I, O and Q (the Éducation nationale's rule). */
static const char uai_letters[] = "ABCDEFGHJKLMNPRSTUVWXYZ";

char cantine_uai_letter(const char *digits)
{
	unsigned long n = 0;
	int i;

	for (i = 0; i < 7; i++) {
		if (digits[i] < '0' || digits[i] > '9')
			return 0;
		n = n * 10 + (unsigned long)(digits[i] - '0');
	}
	return uai_letters[n % 23];
}

int cantine_uai_check(const char *uai)
{
	char want;

	if (!uai || strlen(uai) != 8)
		return CANTINE_EINVAL;
	want = cantine_uai_letter(uai);
	return want && uai[7] == want ? 0 : CANTINE_EINVAL;
}

/* La Poste's establishments share SIREN 356000000 and do not satisfy
 * Luhn; their SIRET is valid when its digit sum is a multiple of 5
 * (DOMAIN Part B §7). */
#define LA_POSTE_SIREN "356000000"

int cantine_siret_check(const char *siret)
{
	int sum = 0, plain = 0, i;

	if (!siret || strlen(siret) != 14)
		return CANTINE_EINVAL;
	for (i = 0; i < 14; i++) {
		int d = siret[13 - i] - '0';
		if (d < 0 || d > 9)
			return CANTINE_EINVAL;
		plain += d;
		/* Luhn, from the rightmost digit: double every second digit. */
		if (i % 2 == 1) {
			d *= 2;
			if (d > 9)
				d -= 9;
		}
		sum += d;
	}
	if (sum % 10 == 0)
		return 0;
	/* La Poste's head office (35600000000048) satisfies Luhn; its other
	 * establishments only the digit-sum rule. */
	return strncmp(siret, LA_POSTE_SIREN, 9) == 0 && plain % 5 == 0
		? 0 : CANTINE_EINVAL;
}

const cantine__col cantine__etab_cols[ETAB_COL__MAX] = {
	{ "uai", true }, { "siret", false }, { "nom", true },
	{ "commune_insee", true }, { "departement", true },
	{ "jours_service", true }, { "eleves", true },
	{ "demi_pensionnaires", true }, { "cout_denrees_cible", false },
};

#define REPORT(col, ...) do { \
	char m_[512]; \
	snprintf(m_, sizeof(m_), __VA_ARGS__); \
	if (fn(ud, (col), m_)) \
		return CANTINE_ENOMEM; \
	bad++; \
} while (0)

int cantine__etab_validate(cantine_ctx *ctx, const cantine_etab *e,
			   cantine__report_fn fn, void *ud)
{
	int bad = 0, m;

	if (!e->uai || strlen(e->uai) != 8 || !cantine_uai_letter(e->uai) ||
	    e->uai[7] < 'A' || e->uai[7] > 'Z')
		REPORT(ETAB_COL_UAI, "« %s » n'est pas un UAI : il s'écrit avec 7 chiffres "
		       "suivis d'une lettre majuscule, par exemple 0590001F",
		       e->uai ? e->uai : "");
	else if (cantine_uai_check(e->uai))
		REPORT(ETAB_COL_UAI, "« %s » : la lettre de contrôle de l'UAI devrait être "
		       "%c ; vérifiez le code dans l'annuaire de l'Éducation nationale",
		       e->uai, cantine_uai_letter(e->uai));
	if (e->siret && *e->siret) {
		size_t i, n = strlen(e->siret);
		bool digits = n == 14;
		for (i = 0; digits && i < n; i++)
			digits = e->siret[i] >= '0' && e->siret[i] <= '9';
		if (!digits)
			REPORT(ETAB_COL_SIRET, "« %s » : un SIRET compte 14 chiffres ; "
			       "corrigez-le ou laissez la cellule vide", e->siret);
		else if (cantine_siret_check(e->siret))
			REPORT(ETAB_COL_SIRET, "« %s » : la clé de contrôle (Luhn) du SIRET est "
			       "fausse ; vérifiez le numéro sur annuaire-entreprises.data.gouv.fr",
			       e->siret);
	}
	if (!e->name || !*e->name)
		REPORT(ETAB_COL_NOM, "le nom de l'établissement est obligatoire");
	else if (cantine__utf8_len(e->name) > 200)
		REPORT(ETAB_COL_NOM, "nom trop long (plus de 200 caractères) ; raccourcissez-le");
	m = e->commune_insee ? cantine__match(ctx, CANTINE__PAT_INSEE, e->commune_insee) : 0;
	if (m < 0)
		return m;
	if (!m)
		REPORT(ETAB_COL_COMMUNE, "« %s » n'est pas un code INSEE de commune : "
		       "5 caractères, par exemple 59654 (Waziers) ou 2A004",
		       e->commune_insee ? e->commune_insee : "");
	m = e->departement ? cantine__match(ctx, CANTINE__PAT_DEPARTEMENT, e->departement) : 0;
	if (m < 0)
		return m;
	if (!m)
		REPORT(ETAB_COL_DEPT, "« %s » n'est pas un code de département : "
		       "01 à 95 (2A, 2B pour la Corse) ou 971 à 976",
		       e->departement ? e->departement : "");
	else if (e->commune_insee &&
		 strncmp(e->commune_insee, e->departement, strlen(e->departement)) != 0)
		REPORT(ETAB_COL_COMMUNE, "la commune %s n'est pas dans le département %s ; "
		       "corrigez l'un des deux", e->commune_insee, e->departement);
	if (e->service_days == 0 || e->service_days > 127)
		REPORT(ETAB_COL_JOURS, "aucun jour de service : indiquez au moins un jour, "
		       "par exemple lun|mar|jeu|ven");
	if (e->pupils < 0 || e->pupils > 10000)
		REPORT(ETAB_COL_ELEVES, "%d élèves : le nombre doit être compris entre 0 "
		       "et 10000", e->pupils);
	if (e->half_boarders < 0 || e->half_boarders > e->pupils)
		REPORT(ETAB_COL_DP, "%d demi-pensionnaires pour %d élèves : il ne peut y "
		       "avoir plus de demi-pensionnaires que d'élèves",
		       e->half_boarders, e->pupils);
	if (e->food_cost_target_cents < 0 || e->food_cost_target_cents > 10000)
		REPORT(ETAB_COL_COUT, "le coût denrées cible doit être compris entre 0 et "
		       "100 euros par repas");
	return bad;
}

int cantine__etab_prepare(cantine_ctx *ctx, sqlite3_stmt **st)
{
	return cantine__prepare(ctx, st,
		"INSERT INTO etab (uai, siret, name, commune_insee, departement, "
		"service_days, pupils, half_boarders, food_cost_target_cents) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
		"ON CONFLICT (uai) DO UPDATE SET siret = ?2, name = ?3, commune_insee = ?4, "
		"departement = ?5, service_days = ?6, pupils = ?7, half_boarders = ?8, "
		"food_cost_target_cents = ?9");
}

int cantine__etab_write(cantine_ctx *ctx, sqlite3_stmt *st, const cantine_etab *e)
{
	int rc;

	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, e->uai, -1, SQLITE_STATIC);
	cantine__bind_text_or_null(st, 2, e->siret);
	sqlite3_bind_text(st, 3, e->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, e->commune_insee, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, e->departement, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 6, (int)e->service_days);
	sqlite3_bind_int(st, 7, e->pupils);
	sqlite3_bind_int(st, 8, e->half_boarders);
	if (e->food_cost_target_cents > 0)
		sqlite3_bind_int64(st, 9, e->food_cost_target_cents);
	else
		sqlite3_bind_null(st, 9);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : cantine__store_err(ctx, "enregistrement d'un établissement");
}

int cantine__api_report_fn(void *ud, int col, const char *msg)
{
	cantine__api_report *r = ud;

	if (r->n == 0)
		cantine__seterr(r->ctx, CANTINE_EINVAL, "%s : %s", r->cols[col].name, msg);
	r->n++;
	return 0;
}

int cantine_etab_save(cantine_ctx *ctx, const cantine_etab *etab)
{
	cantine__api_report rep = { ctx, cantine__etab_cols, 0 };
	sqlite3_stmt *st;
	int rc;

	rc = cantine__etab_validate(ctx, etab, cantine__api_report_fn, &rep);
	if (rc)
		return rc < 0 ? rc : CANTINE_EINVAL;
	if ((rc = cantine__writable(ctx)) || (rc = cantine__etab_prepare(ctx, &st)))
		return rc;
	rc = cantine__etab_write(ctx, st, etab);
	sqlite3_finalize(st);
	return rc;
}

void cantine_etab_free(cantine_etab *e)
{
	if (!e)
		return;
	cantine__free((char *)e->uai);
	cantine__free((char *)e->siret);
	cantine__free((char *)e->name);
	cantine__free((char *)e->commune_insee);
	cantine__free((char *)e->departement);
	cantine__free(e);
}

static int load(cantine_etab **out, cantine_ctx *ctx, sqlite3_stmt *st)
{
	cantine_etab *e = cantine__calloc(1, sizeof(*e));
	bool oom = false;

	if (!e)
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	e->uai = cantine__column_strdup(st, 0, &oom);
	e->siret = cantine__column_strdup(st, 1, &oom);
	e->name = cantine__column_strdup(st, 2, &oom);
	e->commune_insee = cantine__column_strdup(st, 3, &oom);
	e->departement = cantine__column_strdup(st, 4, &oom);
	e->service_days = (unsigned)sqlite3_column_int(st, 5);
	e->pupils = sqlite3_column_int(st, 6);
	e->half_boarders = sqlite3_column_int(st, 7);
	e->food_cost_target_cents = sqlite3_column_int64(st, 8); /* NULL → 0 */
	if (oom) {
		cantine_etab_free(e);
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	}
	*out = e;
	return 0;
}

#define ETAB_SELECT "SELECT uai, siret, name, commune_insee, departement, " \
	"service_days, pupils, half_boarders, food_cost_target_cents FROM etab "

int cantine_etab_find(cantine_etab **out, cantine_ctx *ctx, const char *uai)
{
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	if ((rc = cantine__prepare(ctx, &st, ETAB_SELECT "WHERE uai = ?1")))
		return rc;
	sqlite3_bind_text(st, 1, uai, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		rc = load(out, ctx, st);
	else if (rc == SQLITE_DONE)
		rc = cantine__seterr(ctx, CANTINE_ENOTFOUND, "aucun établissement d'UAI "
			"« %s » dans la base ; importez-le avec « cantine import "
			"etablissements »", uai);
	else
		rc = cantine__store_err(ctx, "lecture d'un établissement");
	sqlite3_finalize(st);
	return rc;
}

int cantine_etab_only(cantine_etab **out, cantine_ctx *ctx)
{
	cantine_buf list = CANTINE_BUF_INIT;
	sqlite3_stmt *st;
	int rc, n = 0;

	*out = NULL;
	if ((rc = cantine__prepare(ctx, &st, ETAB_SELECT "ORDER BY uai LIMIT 11")))
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == 0 && (rc = load(out, ctx, st)))
			break;
		if (cantine__buf_printf(&list, "%s%s (%s)", n ? ", " : "",
					(const char *)sqlite3_column_text(st, 0),
					(const char *)sqlite3_column_text(st, 2))) {
			rc = CANTINE_ENOMEM;
			break;
		}
		n++;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE && n == 1) {
		rc = 0;
	} else if (rc == SQLITE_DONE || rc == SQLITE_ROW) {
		rc = n == 0
			? cantine__seterr(ctx, CANTINE_ENOTFOUND, "la base ne contient aucun "
				"établissement ; importez-les avec « cantine import etablissements »")
			: cantine__seterr(ctx, CANTINE_EINVAL, "la base contient plusieurs "
				"établissements (%s%s) ; choisissez-en un avec --etab UAI",
				list.ptr, n > 10 ? ", …" : "");
	} else if (rc == CANTINE_ENOMEM) {
		rc = cantine__seterr(ctx, rc, "mémoire insuffisante");
	} else if (rc >= 0) {
		rc = cantine__store_err(ctx, "lecture des établissements");
	} /* else load() failed and set the error */
	if (rc) {
		cantine_etab_free(*out);
		*out = NULL;
	}
	cantine_buf_dispose(&list);
	return rc;
}

/* Names in the order a French reader looks them up: case and accents
 * ignored ("Émile" among the E), then as written, then by UAI. */
static int etab_name_cmp(const void *x, const void *y)
{
	const cantine_etab *a = *(cantine_etab *const *)x, *b = *(cantine_etab *const *)y;
	char fa[256], fb[256];
	int c = 0;

	if (cantine__fold(a->name, fa, sizeof(fa)) && cantine__fold(b->name, fb, sizeof(fb)))
		c = strcmp(fa, fb);
	if (c == 0)
		c = strcmp(a->name, b->name);
	return c ? c : strcmp(a->uai, b->uai);
}

int cantine_etab_list(cantine_etab ***out, size_t *n, cantine_ctx *ctx,
		      const char *departement)
{
	cantine_etab **list = NULL, *e;
	size_t count = 0, cap = 0;
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = cantine__prepare(ctx, &st, ETAB_SELECT
		"WHERE ?1 IS NULL OR departement = ?1 ORDER BY name, uai")))
		return rc;
	if (departement)
		sqlite3_bind_text(st, 1, departement, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (count == cap) {
			size_t ncap = cap ? 2 * cap : 16;
			cantine_etab **grown = cantine__realloc(list, ncap * sizeof(*list));

			if (!grown) {
				rc = cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
				break;
			}
			list = grown;
			cap = ncap;
		}
		if ((rc = load(&e, ctx, st)))
			break;
		list[count++] = e;
	}
	if (rc == SQLITE_DONE)
		rc = 0;
	else if (rc > 0)
		rc = cantine__store_err(ctx, "lecture des établissements");
	sqlite3_finalize(st);
	if (rc) {
		cantine_etab_list_free(list, count);
		return rc;
	}
	if (count > 1)
		qsort(list, count, sizeof(*list), etab_name_cmp);
	*out = list;
	*n = count;
	return 0;
}

void cantine_etab_list_free(cantine_etab **list, size_t n)
{
	size_t i;

	if (!list)
		return;
	for (i = 0; i < n; i++)
		cantine_etab_free(list[i]);
	cantine__free(list);
}

/* ---- CSV import ---- */

typedef struct etab_state {
	sqlite3_stmt   *upsert, *exists;
	cantine__strmap seen; /* UAI → first line in the file */
} etab_state;

static int etab_begin(cantine__import *imp)
{
	etab_state *s = imp->state;
	int rc = cantine__etab_prepare(imp->ctx, &s->upsert);

	return rc ? rc : cantine__prepare(imp->ctx, &s->exists,
					  "SELECT 1 FROM etab WHERE uai = ?1");
}

static int etab_row(cantine__import *imp)
{
	etab_state *s = imp->state;
	cantine_etab e;
	const char *txt, *p;
	char siret[32];
	long pupils = -1, dp = -1;
	int64_t target = 0;
	size_t n = 0;
	unsigned days;
	int bad, rc;

	memset(&e, 0, sizeof(e));
	e.uai = cantine__cell(imp, ETAB_COL_UAI);
	/* Spaces and non-breaking spaces are allowed inside a SIRET
	 * (DOMAIN Part B §7); they are dropped before the check. */
	for (txt = cantine__cell(imp, ETAB_COL_SIRET); *txt && n + 1 < sizeof(siret); txt++) {
		if (*txt == ' ')
			continue;
		if ((unsigned char)txt[0] == 0xC2 && (unsigned char)txt[1] == 0xA0) {
			txt++;
			continue;
		}
		siret[n++] = *txt;
	}
	siret[n] = '\0';
	e.siret = siret;
	e.name = cantine__cell(imp, ETAB_COL_NOM);
	e.commune_insee = cantine__cell(imp, ETAB_COL_COMMUNE);
	e.departement = cantine__cell(imp, ETAB_COL_DEPT);
	bad = !cantine__get_required(imp, ETAB_COL_UAI, &p);
	bad |= !cantine__get_required(imp, ETAB_COL_NOM, &p);
	bad |= !cantine__get_required(imp, ETAB_COL_COMMUNE, &p);
	bad |= !cantine__get_required(imp, ETAB_COL_DEPT, &p);
	bad |= !cantine__get_required(imp, ETAB_COL_JOURS, &p);
	bad |= !cantine__get_mask(imp, ETAB_COL_JOURS, cantine__day_index,
				  "jour", "lun, mar, mer, jeu, ven, sam, dim", &days);
	bad |= !cantine__get_int(imp, ETAB_COL_ELEVES, 0, 10000, &pupils);
	bad |= !cantine__get_int(imp, ETAB_COL_DP, 0, 10000, &dp);
	bad |= !cantine__get_money(imp, ETAB_COL_COUT, &target);
	if (bad)
		return 0;
	e.service_days = days;
	e.pupils = (int)pupils;
	e.half_boarders = (int)dp;
	e.food_cost_target_cents = target;
	rc = cantine__etab_validate(imp->ctx, &e, cantine__import_report_fn, imp);
	if (rc < 0)
		return rc;
	if ((rc = cantine__seen_once(imp, &s->seen, ETAB_COL_UAI, e.uai, "l'UAI")))
		return rc < 0 ? rc : 0;
	if (rc > 0 || !imp->clean)
		return 0;
	sqlite3_reset(s->exists);
	sqlite3_bind_text(s->exists, 1, e.uai, -1, SQLITE_STATIC);
	if (sqlite3_step(s->exists) == SQLITE_ROW)
		imp->stats.updated++;
	else
		imp->stats.inserted++;
	sqlite3_reset(s->exists);
	return cantine__etab_write(imp->ctx, s->upsert, &e);
}

static void etab_cleanup(cantine__import *imp)
{
	etab_state *s = imp->state;

	sqlite3_finalize(s->upsert);
	sqlite3_finalize(s->exists);
	cantine__strmap_free(&s->seen);
}

const cantine__kind_ops cantine__etab_ops = {
	cantine__etab_cols, ETAB_COL__MAX, sizeof(etab_state),
	etab_begin, etab_row, NULL, etab_cleanup,
};
