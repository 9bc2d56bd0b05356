/*
 * scdl.c: the lunches of the store as an SCDL "menus collectifs" 1.2.3
 * file (schema.data.gouv.fr, DOMAIN §5.1), one CSV row per dish offered;
 * docs/formats.md gives the mapping field by field.
 *
 * The dishes and their facts come from the week view (cantine_plan_week),
 * so that the file says what `cantine week` and the calendar say.
 */
#include <assert.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "scdl_int.h"
#include "strmap_int.h"
#include "text_int.h"

const char *const cantine__scdl_fields[SCDL__NFIELDS] = {
	"menuCollNom", "menuCollSiret", "menuEtablissementNom",
	"menuEtablissementSiret", "menuRestaurantNom", "menuRestaurantInsee",
	"menuRestaurantId", "menuRestaurantIdType", "menuRestaurantType",
	"menuRestaurantConvive", "menuDate", "menuRepasType", "menuPlatType",
	"menuPlatNom", "menuPlatCode", "menuPlatSiqo", "menuPlatLabel",
	"menuPlatPrecision", "menuPlatRegime", "menuPlatAllergene",
	"menuPlatTexture", "menuPlatNutriscore", "menuPlatPrix",
	"menuPublicationDate", "menuModificationDate", "menuModificationInfo",
};

const cantine__scdl_siqo_name cantine__scdl_siqo_names[SCDL_NSIQO] = {
	{ "agriculture biologique", CANTINE_LABEL_BIO },
	{ "appellation d'origine protégée", CANTINE_LABEL_AOCAOP },
	{ "appellation d'origine contrôlée", CANTINE_LABEL_AOCAOP },
	{ "indication géographique protégée", CANTINE_LABEL_IGP },
	{ "spécialité traditionnelle garantie", CANTINE_LABEL_STG },
	{ "label rouge", CANTINE_LABEL_LABEL_ROUGE },
};

/* What the export writes for a collège's own demi-pension (the EPLE is
 * the collectivity, the producer and the restaurant). */
#define RESTAURANT_ID_TYPE "EN"       /* menuRestaurantIdType: a UAI */
#define RESTAURANT_TYPE    "collège"  /* menuRestaurantType */
#define CONVIVES           "collégiens" /* menuRestaurantConvive */

typedef struct scdl_writer {
	cantine_ctx    *ctx;
	cantine_buf     out;     /* the file being written */
	cantine_buf     list;    /* scratch: one list cell */
	cantine__strmap dishes;  /* name → id: its number of ingredients,
				  * aux: its SIQO labels (cantine_label bits) */
	sqlite3_stmt   *facts, *history, *source;
} scdl_writer;

/* One cell, RFC 4180: quoted when it holds a comma, a quote, a line
 * break, or a space at either end; a quote inside is doubled. */
static int put_cell(cantine_buf *b, const char *s, bool first)
{
	size_t n = s ? strlen(s) : 0;
	int rc = 0;

	if (!first && cantine__buf_put(b, ",", 1))
		return CANTINE_ENOMEM;
	if (!n)
		return 0;
	if (!strpbrk(s, ",\"\r\n") && s[0] != ' ' && s[n - 1] != ' ')
		return cantine__buf_put(b, s, n);
	rc = cantine__buf_put(b, "\"", 1);
	for (; rc == 0 && *s; s++)
		rc = *s == '"' ? cantine__buf_put(b, "\"\"", 2) : cantine__buf_put(b, s, 1);
	return rc ? rc : cantine__buf_put(b, "\"", 1);
}

/* Add an item to a list cell in the schema's array syntax,
 * ["a","b"] (the items written here hold no quote nor backslash). */
static int list_add(cantine_buf *l, const char *item)
{
	return cantine__buf_printf(l, "%s\"%s\"", l->size ? "," : "[", item);
}

static int list_end(cantine_buf *l)
{
	return l->size ? cantine__buf_put(l, "]", 1) : cantine__buf_put(l, "", 0);
}

/* menuPlatSiqo of a dish with ingredients: a quality sign is declared
 * only when the ingredients that carry it weigh at least half of the
 * portion, so that a pinch of organic herbs never makes a dish
 * "agriculture biologique" (project rule, docs/formats.md; the exact
 * share per product belongs to plats-menus-collectifs, platProduitSiqo).
 * A dish without ingredients has the signs declared when it was
 * imported (migration 006).  Also its menuPlatNutriscore grade, kept in
 * the map's `line` ('A'…'E', or 0 for none): computed for a dish with a
 * recipe, declared (migration 009) for one without. */
static int dish_facts(scdl_writer *w, const char *name, cantine__strmap_val **out)
{
	static const int labels[] = { CANTINE_LABEL_BIO, CANTINE_LABEL_LABEL_ROUGE,
				      CANTINE_LABEL_AOCAOP, CANTINE_LABEL_IGP,
				      CANTINE_LABEL_STG };
	cantine__strmap_val *v;
	int added, rc;
	size_t i;

	v = cantine__strmap_put(&w->dishes, name, &added);
	if (!v)
		return CANTINE_ENOMEM;
	*out = v;
	if (!added)
		return 0;
	sqlite3_bind_text(w->facts, 1, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(w->facts);
	if (rc == SQLITE_ROW) {
		int64_t total = sqlite3_column_int64(w->facts, 1);
		v->id = sqlite3_column_int64(w->facts, 0);
		if (v->id == 0) {
			const char *g = (const char *)sqlite3_column_text(w->facts, 8);
			v->aux = sqlite3_column_int(w->facts, 2) & (int)SCDL_SIQO_LABELS;
			v->line = g ? (unsigned char)g[0] : 0;
		} else {
			for (i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
				if (total > 0 && 2 * sqlite3_column_int64(w->facts, 3 + (int)i) >= total)
					v->aux |= 1 << labels[i];
		}
	}
	sqlite3_reset(w->facts);
	if (rc != SQLITE_ROW)
		return cantine__store_err(w->ctx, "lecture d'une recette");
	/* menuPlatNutriscore of a dish with a recipe: computed, when its
	 * composition allows a grade (cantine_dish_nutriscore). */
	if (v->id > 0) {
		cantine_nutriscore_result ns;
		if ((rc = cantine_dish_nutriscore(&ns, w->ctx, name, NULL)))
			return rc;
		v->line = (unsigned char)ns.grade;
	}
	return 0;
}

/* When the meal was published (the last time it became published) and
 * the last change after that, with its reason (history of migrations
 * 002 and 004).  A meal imported from an SCDL file starts from what the
 * file said (migration 007) and only the history after its import
 * counts.  A meal not published (exported on purpose) gives the time of
 * its last change and no modification; a meal without history (older
 * stores), its date at midnight UTC.  Times are copied into
 * pub[21] and mod[21] ("" when none), the reason into *reason (owned,
 * NULL when none). */
static int meal_dates(scdl_writer *w, int64_t meal, const char *date, int status,
		      char pub[21], char mod[21], char **reason)
{
	bool published = status == CANTINE_STATUS_PUBLISHED, oom = false;
	int64_t imported = 0;
	int rc;

	pub[0] = mod[0] = '\0';
	*reason = NULL;
	sqlite3_bind_int64(w->source, 1, meal);
	if ((rc = sqlite3_step(w->source)) == SQLITE_ROW) {
		snprintf(pub, 21, "%s", (const char *)sqlite3_column_text(w->source, 0));
		if (sqlite3_column_type(w->source, 1) != SQLITE_NULL) {
			snprintf(mod, 21, "%s", (const char *)sqlite3_column_text(w->source, 1));
			*reason = cantine__column_strdup(w->source, 2, &oom);
		}
		imported = sqlite3_column_int64(w->source, 3);
	}
	sqlite3_reset(w->source);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return cantine__store_err(w->ctx, "lecture de l'historique");
	sqlite3_bind_int64(w->history, 1, meal);
	while (!oom && (rc = sqlite3_step(w->history)) == SQLITE_ROW) {
		const char *at = (const char *)sqlite3_column_text(w->history, 3);
		bool into_pub = sqlite3_column_int(w->history, 2) == CANTINE_STATUS_PUBLISHED &&
				(sqlite3_column_type(w->history, 1) == SQLITE_NULL ||
				 sqlite3_column_int(w->history, 1) != CANTINE_STATUS_PUBLISHED);

		if (!at || strlen(at) != 20 || sqlite3_column_int64(w->history, 0) <= imported)
			continue; /* not a time SQLite can read (not written by
				   * us), or what the import wrote */
		if (!published || into_pub) {
			memcpy(pub, at, 21);
			mod[0] = '\0';
			cantine__free(*reason);
			*reason = NULL;
		} else if (pub[0]) {
			memcpy(mod, at, 21);
			cantine__free(*reason);
			*reason = cantine__column_strdup(w->history, 4, &oom);
		}
	}
	sqlite3_reset(w->history);
	if (oom) {
		cantine__free(*reason);
		*reason = NULL;
		return CANTINE_ENOMEM;
	}
	if (rc != SQLITE_DONE)
		return cantine__store_err(w->ctx, "lecture de l'historique");
	if (!pub[0])
		snprintf(pub, 21, "%.10sT00:00:00Z", date);
	return 0;
}

/* The rows of one meal. */
static int write_meal(scdl_writer *w, const cantine_etab *e, const cantine_meal *m,
		      const char *pub, const char *mod, const char *reason)
{
	const char *fixed[SCDL_PLAT_TYPE] = {
		e->name, e->siret, e->name, e->siret, e->name, e->commune_insee, e->uai,
		RESTAURANT_ID_TYPE, RESTAURANT_TYPE, CONVIVES, m->date, SCDL_DEJEUNER,
	};
	cantine_buf *b = &w->out;
	size_t k, i;
	int rc = 0;

	for (k = 0; k < m->n_offers && rc == 0; k++) {
		const cantine_offer *o = &m->offers[k];
		unsigned all = o->allergens | o->traces;
		cantine__strmap_val *d;
		char price[32] = "", grade[2] = "";

		if ((rc = dish_facts(w, o->dish, &d)))
			return rc;
		for (i = 0; i < SCDL_PLAT_TYPE && rc == 0; i++)
			rc = put_cell(b, fixed[i], i == 0);
		if (rc == 0)
			rc = put_cell(b, cantine_course_name(o->course), false);
		if (rc == 0)
			rc = put_cell(b, o->dish, false);
		if (rc == 0)
			rc = put_cell(b, "", false); /* menuPlatCode */
		w->list.size = 0;
		for (i = 0; i < SCDL_NSIQO && rc == 0; i++)
			if ((d->aux & (1 << cantine__scdl_siqo_names[i].label)) &&
			    (i == 0 || cantine__scdl_siqo_names[i - 1].label !=
				       cantine__scdl_siqo_names[i].label))
				rc = list_add(&w->list, cantine__scdl_siqo_names[i].name);
		if (rc == 0 && (rc = list_end(&w->list)) == 0)
			rc = put_cell(b, w->list.ptr, false);
		if (rc == 0)
			rc = put_cell(b, "", false); /* menuPlatLabel */
		if (rc == 0)
			rc = put_cell(b, "", false); /* menuPlatPrecision */
		if (rc == 0)
			rc = put_cell(b, o->vegetarian ? "[\"" SCDL_VEGETARIEN "\"]" : "", false);
		/* The schema has one list: contains and traces together. */
		w->list.size = 0;
		for (i = 0; i < CANTINE_ALLERGEN__MAX && rc == 0; i++)
			if (all & (1u << i))
				rc = list_add(&w->list, cantine_allergen_name((cantine_allergen)i));
		if (rc == 0 && (rc = list_end(&w->list)) == 0)
			rc = put_cell(b, w->list.ptr, false);
		if (rc == 0)
			rc = put_cell(b, "", false); /* menuPlatTexture */
		grade[0] = (char)d->line; /* dish_facts(): the grade, or 0 */
		if (rc == 0)
			rc = put_cell(b, grade, false); /* menuPlatNutriscore */
		/* menuPlatPrix: euros, decimal point; unknown (empty) for a
		 * dish without ingredients nor declared price rather than a
		 * false 0.00. */
		if (o->cost_cents != CANTINE_COST_UNKNOWN)
			snprintf(price, sizeof(price), "%" PRId64 ".%02" PRId64,
				 o->cost_cents / 100, o->cost_cents % 100);
		if (rc == 0)
			rc = put_cell(b, price, false);
		if (rc == 0)
			rc = put_cell(b, pub, false);
		if (rc == 0)
			rc = put_cell(b, mod, false);
		if (rc == 0)
			rc = put_cell(b, mod[0] ? reason : "", false);
		if (rc == 0)
			rc = cantine__buf_put(b, "\n", 1);
	}
	return rc;
}

static int need_siret(cantine_ctx *ctx, const cantine_etab *e)
{
	if (e->siret && *e->siret)
		return 0;
	return cantine__seterr(ctx, CANTINE_EINVAL, "l'établissement %s (%s) n'a pas "
		"de SIRET, obligatoire dans le format national (menuCollSiret) ; "
		"remplissez la colonne siret du fichier etablissements et "
		"réimportez-le", e->uai, e->name);
}

/* The meals of the period, in order, one week view at a time. */
static int write_meals(scdl_writer *w, const char *uai, const char *from,
		       const char *to, unsigned mask)
{
	sqlite3_stmt *st = NULL;
	cantine_etab *etab = NULL;
	cantine_week *week = NULL;
	char monday[11] = "", pub[21], mod[21];
	int rc;

	rc = cantine__prepare(w->ctx, &st,
		"SELECT e.uai, m.id, m.date, m.status FROM meal m "
		"JOIN etab e ON e.id = m.etab_id "
		"WHERE (?1 IS NULL OR e.uai = ?1) AND m.date BETWEEN ?2 AND ?3 "
		"AND m.status BETWEEN 0 AND 2 AND ((?4 >> m.status) & 1) "
		"ORDER BY e.uai, m.date");
	if (rc)
		return rc;
	if (uai)
		sqlite3_bind_text(st, 1, uai, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, to, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, (int)mask);
	while (rc == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *u = (const char *)sqlite3_column_text(st, 0);
		const char *date = (const char *)sqlite3_column_text(st, 2);
		const cantine_meal *m = NULL;
		char mon[11], *reason = NULL;
		size_t i;

		rc = 0;
		if (!etab || strcmp(etab->uai, u) != 0) {
			cantine_etab_free(etab);
			etab = NULL;
			cantine_week_free(week);
			week = NULL;
			if ((rc = cantine_etab_find(&etab, w->ctx, u)) || (rc = need_siret(w->ctx, etab)))
				break;
		}
		if (cantine_date_monday(mon, date)) {
			rc = cantine__seterr(w->ctx, CANTINE_EINVAL, "la base contient un "
					     "repas à une date invalide (« %s »)", date);
			break;
		}
		if (!week || strcmp(mon, monday) != 0) {
			cantine_week_free(week);
			week = NULL;
			if ((rc = cantine_plan_week(&week, w->ctx, u, date)))
				break;
			memcpy(monday, mon, sizeof(monday));
		}
		for (i = 0; i < cantine_week_meal_count(week) && !m; i++)
			if (strcmp(cantine_week_meal(week, i)->date, date) == 0)
				m = cantine_week_meal(week, i);
		if (!m)
			continue; /* a meal without dishes: nothing to publish */
		rc = meal_dates(w, sqlite3_column_int64(st, 1), date,
				sqlite3_column_int(st, 3), pub, mod, &reason);
		if (rc == 0)
			rc = write_meal(w, etab, m, pub, mod, reason);
		cantine__free(reason);
	}
	if (rc == SQLITE_DONE)
		rc = 0;
	else if (rc > 0)
		rc = cantine__store_err(w->ctx, "lecture des menus");
	sqlite3_finalize(st);
	cantine_week_free(week);
	cantine_etab_free(etab);
	return rc;
}

static int check_args(cantine_ctx *ctx, const char *from, const char *to,
		      unsigned mask)
{
	int y, m, d;

	if (from && !cantine__date_parse(from, &y, &m, &d))
		return cantine__seterr(ctx, CANTINE_EINVAL, "date de début « %s » invalide : "
			"écrivez-la AAAA-MM-JJ, par exemple 2026-09-07", from);
	if (to && !cantine__date_parse(to, &y, &m, &d))
		return cantine__seterr(ctx, CANTINE_EINVAL, "date de fin « %s » invalide : "
			"écrivez-la AAAA-MM-JJ, par exemple 2026-10-16", to);
	if (from && to && strcmp(to, from) < 0)
		return cantine__seterr(ctx, CANTINE_EINVAL, "la date de fin (%s) précède "
			"la date de début (%s) ; inversez-les", to, from);
	if (mask & ~((1u << CANTINE_STATUS__MAX) - 1))
		return cantine__seterr(ctx, CANTINE_EINVAL, "masque de statuts 0x%x "
			"invalide ; statuts possibles : brouillon, proposé, publié", mask);
	return 0;
}

int cantine_export_scdl(cantine_ctx *ctx, const char *uai, const char *from,
			const char *to, unsigned status_mask, cantine_buf *out)
{
	scdl_writer w;
	cantine_etab *etab = NULL;
	int rc, i;

	assert(ctx && out);
	if ((rc = check_args(ctx, from, to, status_mask)))
		return rc;
	if (uai) {
		/* Asked for by name: say at once what the schema lacks. */
		if ((rc = cantine_etab_find(&etab, ctx, uai)) == 0)
			rc = need_siret(ctx, etab);
		cantine_etab_free(etab);
		if (rc)
			return rc;
	}
	memset(&w, 0, sizeof(w));
	w.ctx = ctx;
	/* A dish's ingredient count, its weight and the weight of its
	 * ingredients carrying each SIQO label (bits of product.labels). */
	if ((rc = cantine__prepare(ctx, &w.facts,
		"SELECT count(i.product_id), coalesce(sum(i.grams_mg), 0), "
		"coalesce(d.declared_siqo, 0), "
		"coalesce(sum(CASE WHEN p.labels & 1 THEN i.grams_mg END), 0), "
		"coalesce(sum(CASE WHEN p.labels & 2 THEN i.grams_mg END), 0), "
		"coalesce(sum(CASE WHEN p.labels & 4 THEN i.grams_mg END), 0), "
		"coalesce(sum(CASE WHEN p.labels & 8 THEN i.grams_mg END), 0), "
		"coalesce(sum(CASE WHEN p.labels & 16 THEN i.grams_mg END), 0), "
		"d.declared_nutriscore "
		"FROM dish d LEFT JOIN dish_ingredient i ON i.dish_id = d.id "
		"LEFT JOIN product p ON p.id = i.product_id WHERE d.name = ?1 "
		"GROUP BY d.id")) ||
	    (rc = cantine__prepare(ctx, &w.history,
		"SELECT id, old_status, new_status, "
		"strftime('%Y-%m-%dT%H:%M:%SZ', at), reason FROM meal_history "
		"WHERE meal_id = ?1 ORDER BY id")) ||
	    (rc = cantine__prepare(ctx, &w.source, "SELECT published_at, modified_at, "
		"modification, history_id FROM meal_source WHERE meal_id = ?1")))
		goto out;
	for (i = 0; i < SCDL__NFIELDS && rc == 0; i++)
		rc = cantine__buf_printf(&w.out, "%s%s", i ? "," : "", cantine__scdl_fields[i]);
	if (rc == 0)
		rc = cantine__buf_put(&w.out, "\n", 1);
	if (rc == 0)
		rc = write_meals(&w, uai, from ? from : "0000-01-01", to ? to : "9999-12-31",
				 status_mask);
	/* Ownership moves only on success: out is untouched on failure. */
	if (rc == 0 && cantine__buf_put(out, w.out.ptr, w.out.size))
		rc = CANTINE_ENOMEM;
out:
	if (rc == CANTINE_ENOMEM && cantine_errcode(ctx) != CANTINE_ENOMEM)
		cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	sqlite3_finalize(w.facts);
	sqlite3_finalize(w.history);
	sqlite3_finalize(w.source);
	cantine__strmap_free(&w.dishes);
	cantine_buf_dispose(&w.list);
	cantine_buf_dispose(&w.out);
	return rc;
}
