/*
 * scdl_rows.c: the lunches of an SCDL menus collectifs file into the
 * store (DOMAIN §5.1; docs/formats.md, section "SCDL"): the
 * establishment of each row, its dish (a declared dish when the store has
 * no dish of that name), its meal, written with the plan's meal writer so
 * that the publication rule and the history apply.  Rows are written
 * while the file has no error; the driver (scdl_import.c) rolls back
 * otherwise.
 */
#include <stdio.h>
#include <string.h>

#include "scdl_int.h"
#include "text_int.h"

/* The facts a file declares for a dish without ingredients, merged over
 * its rows: allergens of any row (never hide one), vegetarian and quality
 * signs only when every row says so, the first price and Nutri-Score
 * given. */
struct declared {
	int      course;
	unsigned allergens, siqo;
	int      veg;
	unsigned line;
	int64_t  price; /* cents, or CANTINE_COST_UNKNOWN */
	char     grade; /* menuPlatNutriscore, 0 when none */
};

/* A meal of the file: what it was (its history), the restaurant it comes
 * from, the reason the file gives for a change, the dishes offered. */
struct meal {
	cantine__meal_prev prev;
	char     date[11];
	char     pub[21], mod[21]; /* menuPublicationDate, menuModificationDate (UTC) */
	char    *resto, *info;
	unsigned resto_line;
	size_t   n, cap;
	unsigned *dishes; /* each dish's first line in the file: its identity */
};

int cantine__scdl_load_store(cantine__scdl_in *s)
{
	cantine_ctx *ctx = s->imp.ctx;
	sqlite3_stmt *st;
	bool oom = false;
	size_t cap = 0;
	int rc, added;

	if ((rc = cantine__mw_prepare(ctx, &s->w)) ||
	    (rc = cantine__prepare(ctx, &s->dish_insert, "INSERT INTO dish (name, course, "
		"tags, declared_allergens, declared_vegetarian, declared_siqo) "
		"VALUES (?1, ?2, '', ?3, ?4, ?5)")) ||
	    (rc = cantine__prepare(ctx, &s->dish_update, "UPDATE dish SET course = ?2, "
		"declared_allergens = ?3, declared_vegetarian = ?4, declared_siqo = ?5, "
		"declared_price_cents = ?6, declared_nutriscore = ?7 WHERE id = ?1")) ||
	    (rc = cantine__prepare(ctx, &s->source, "INSERT OR REPLACE INTO meal_source "
		"(meal_id, published_at, modified_at, modification, history_id) "
		"VALUES (?1, ?2, ?3, ?4, (SELECT coalesce(max(id), 0) FROM meal_history "
		"WHERE meal_id = ?1))")) ||
	    (rc = cantine__prepare(ctx, &st, "SELECT id, uai, siret, service_days FROM etab")))
		return rc;
	while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		scdl_etab *e;
		if (s->n_etabs == cap) {
			cap = cap ? cap * 2 : 8;
			if (!(e = cantine__realloc(s->etabs, cap * sizeof(*e)))) {
				oom = true;
				break;
			}
			s->etabs = e;
		}
		e = &s->etabs[s->n_etabs++];
		e->id = sqlite3_column_int64(st, 0);
		e->uai = cantine__column_strdup(st, 1, &oom);
		e->siret = cantine__column_strdup(st, 2, &oom);
		e->days = (unsigned)sqlite3_column_int(st, 3);
	}
	sqlite3_finalize(st);
	if (oom)
		return CANTINE_ENOMEM;
	if (rc != SQLITE_DONE || (rc = cantine__prepare(ctx, &st, "SELECT name, id, course, "
			"EXISTS (SELECT 1 FROM dish_ingredient i WHERE i.dish_id = d.id) FROM dish d")))
		return rc > 0 ? cantine__store_err(ctx, "lecture des établissements") : rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		cantine__strmap_val *v = cantine__strmap_put(&s->dishes,
			(const char *)sqlite3_column_text(st, 0), &added);
		if (!v) {
			sqlite3_finalize(st);
			return CANTINE_ENOMEM;
		}
		v->id = sqlite3_column_int64(st, 1);
		v->aux = sqlite3_column_int(st, 2) | sqlite3_column_int(st, 3) << 8;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : cantine__store_err(ctx, "lecture des recettes");
}

/* The establishment of the row (DOMAIN §5.1: menuRestaurantId is a UAI
 * when its type is "EN"; otherwise the SIRETs are tried in turn:
 * menuRestaurantId when its type is "SIRET", menuEtablissementSiret,
 * menuCollSiret).  NULL when reported (*rc 0) or out of memory. */
static const scdl_etab *find_etab(cantine__scdl_in *s, int id_type,
				  char sirets[3][15], int *rc)
{
	static const int cols[3] = { SI_RESTO_ID, SI_ETAB_SIRET, SI_COLL_SIRET };
	const scdl_etab *found = NULL;
	char uai[9];
	size_t i, n;
	int k, col = -1;

	*rc = 0;
	if (id_type == SCDL_ID_TYPE_EN) {
		if ((*rc = cantine__scdl_uai(s, SI_RESTO_ID, uai)) != 1)
			return NULL;
		for (i = 0; i < s->n_etabs; i++)
			if (strcmp(s->etabs[i].uai, uai) == 0)
				return &s->etabs[i];
		*rc = cantine__problem(&s->imp, SI_RESTO_ID, "aucun établissement d'UAI « %s » "
			"dans la base ; importez d'abord le fichier etablissements, ou "
			"corrigez menuRestaurantId", uai);
		return NULL;
	}
	for (k = 0; k < 3 && !found; k++) {
		if (!sirets[k][0])
			continue;
		if (col < 0)
			col = cols[k];
		for (i = 0, n = 0; i < s->n_etabs; i++)
			if (s->etabs[i].siret && strcmp(s->etabs[i].siret, sirets[k]) == 0)
				found = &s->etabs[i], n++;
		if (n > 1) {
			*rc = cantine__problem(&s->imp, cols[k], "plusieurs établissements de la "
				"base ont le SIRET « %s » ; donnez l'UAI du collège dans "
				"menuRestaurantId, avec menuRestaurantIdType EN", sirets[k]);
			return NULL;
		}
	}
	if (!found)
		*rc = cantine__problem(&s->imp, col, "aucun établissement de SIRET « %s »%s%s%s "
			"dans la base ; importez d'abord le fichier etablissements avec sa "
			"colonne siret, ou donnez l'UAI du collège dans menuRestaurantId, avec "
			"menuRestaurantIdType EN", sirets[2], sirets[1][0] ? " ni « " : "",
			sirets[1], sirets[1][0] ? " »" : "");
	return found;
}

/* A meal on a day the canteen does not serve is almost always a wrong
 * date (the rule of the menus import, docs/design.md). */
static int service_day(cantine__scdl_in *s, const scdl_etab *e, const char *date)
{
	static const char *const days[7] = { "lundi", "mardi", "mercredi", "jeudi",
					     "vendredi", "samedi", "dimanche" };
	int y, m, d, wd;

	cantine__date_parse(date, &y, &m, &d);
	wd = cantine__weekday(cantine__days_from_civil(y, m, d));
	if (e->days & (1u << wd))
		return 1;
	return cantine__problem(&s->imp, SI_DATE, "le %s est un %s, jour sans service de "
		"demi-pension pour %s ; corrigez la date, ou ajoutez ce jour aux "
		"jours_service de l'établissement", date, days[wd], e->uai) ? CANTINE_ENOMEM : 0;
}

/* The dish of the row: one with a recipe keeps its derived facts; any
 * other is a declared dish, created when new. */
static int take_dish(cantine__scdl_in *s, const char *name, int course, unsigned all,
		     int veg, unsigned siqo, int64_t price, char grade,
		     cantine__strmap_val **out)
{
	unsigned line = cantine__row_line(&s->imp);
	cantine__strmap_val *d;
	struct declared *dc;
	int added, rc;

	if (!(d = cantine__strmap_put(&s->dishes, name, &added)))
		return CANTINE_ENOMEM;
	if (added)
		d->aux = course;
	if (!d->line)
		d->line = line;
	*out = d;
	if (d->aux >> 8) {
		if ((d->aux & 0xFF) == course)
			return 1;
		return cantine__problem(&s->imp, SI_PLAT_TYPE, "« %s » est une recette de type "
			"« %s » dans la base, pas « %s » ; corrigez menuPlatType, ou le nom du plat",
			name, cantine_course_name((cantine_course)(d->aux & 0xFF)),
			cantine_course_name((cantine_course)course)) ? CANTINE_ENOMEM : 0;
	}
	if (!(dc = d->ptr)) {
		if (!(dc = d->ptr = cantine__malloc(sizeof(*dc))))
			return CANTINE_ENOMEM;
		*dc = (struct declared){ course, all, siqo, veg, line, price, grade };
	} else if (dc->course != course) {
		return cantine__problem(&s->imp, SI_PLAT_TYPE, "« %s » est « %s » ligne %u ; un "
			"plat n'a qu'un type : corrigez menuPlatType de l'une des deux lignes",
			name, cantine_course_name((cantine_course)dc->course), dc->line)
			? CANTINE_ENOMEM : 0;
	} else if (dc->allergens != all || dc->veg != veg || dc->siqo != siqo) {
		if (cantine__scdl_warn(s, -1, name, "« %s » n'a pas les mêmes allergènes, "
				       "régime ou signes de qualité que ligne %u ; gardés : tous les "
				       "allergènes, et le régime ou le signe seulement s'il est sur "
				       "toutes les lignes", name, dc->line))
			return CANTINE_ENOMEM;
		dc->allergens |= all;
		dc->veg &= veg;
		dc->siqo &= siqo;
	}
	if (!dc->grade) {
		dc->grade = grade;
	} else if (grade && grade != dc->grade &&
		   cantine__scdl_warn(s, SI_NUTRISCORE, name, "« %s » n'a pas le même "
				      "Nutri-Score que ligne %u ; gardé : celui de la ligne %u",
				      name, dc->line, dc->line)) {
		return CANTINE_ENOMEM;
	}
	if (dc->price == CANTINE_COST_UNKNOWN) {
		dc->price = price;
	} else if (price != CANTINE_COST_UNKNOWN && price != dc->price &&
		   cantine__scdl_warn(s, SI_PRIX, name, "« %s » n'a pas le même prix que "
				      "ligne %u ; gardé : celui de la ligne %u", name,
				      dc->line, dc->line)) {
		return CANTINE_ENOMEM;
	}
	if (!s->imp.clean || d->id)
		return 1;
	sqlite3_bind_text(s->dish_insert, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_int(s->dish_insert, 2, course);
	sqlite3_bind_int(s->dish_insert, 3, (int)all);
	sqlite3_bind_int(s->dish_insert, 4, veg);
	sqlite3_bind_int(s->dish_insert, 5, (int)siqo);
	rc = sqlite3_step(s->dish_insert);
	sqlite3_reset(s->dish_insert);
	if (rc != SQLITE_DONE)
		return cantine__store_err(s->imp.ctx, "création d'un plat");
	d->id = sqlite3_last_insert_rowid(s->imp.ctx->db);
	return 1;
}

/* Add the dish to the meal of (etab, date), creating it in the store. */
static int offer(cantine__scdl_in *s, const scdl_etab *e, const char *date,
		 int id_type, const cantine__strmap_val *dish, const char *name,
		 const char *pub, const char *mod)
{
	cantine__import *imp = &s->imp;
	const char *info = cantine__cell(imp, SI_MODIF_INFO);
	int64_t dish_id = dish->id;
	unsigned dish_line = dish->line;
	cantine__strmap_val *meal;
	struct meal *m;
	char key[64];
	size_t i;
	int added, rc;

	/* The restaurant: its identifier and name. */
	s->msg.size = 0;
	if (cantine__buf_printf(&s->msg, "%d|%s|%s", id_type, cantine__cell(imp, SI_RESTO_ID),
				cantine__cell(imp, SI_RESTO_NOM)))
		return CANTINE_ENOMEM;
	snprintf(key, sizeof(key), "%lld|%s", (long long)e->id, date);
	if (!(meal = cantine__strmap_put(&s->meals, key, &added)))
		return CANTINE_ENOMEM;
	if (added) {
		meal->line = cantine__row_line(imp);
		if (!(m = meal->ptr = cantine__calloc(1, sizeof(*m))) ||
		    !(m->resto = cantine__strdup(s->msg.ptr)))
			return CANTINE_ENOMEM;
		memcpy(m->date, date, sizeof(m->date));
		memcpy(m->pub, pub, sizeof(m->pub));
		memcpy(m->mod, mod, sizeof(m->mod));
		m->resto_line = meal->line;
	}
	m = meal->ptr;
	if (strcmp(m->resto, s->msg.ptr) != 0)
		return cantine__problem(imp, SI_RESTO_NOM, "le déjeuner du %s de %s vient déjà "
			"d'un autre restaurant ligne %u ; un collège a un déjeuner par jour : "
			"importez un restaurant à la fois, ou donnez à chacun son UAI "
			"(menuRestaurantId, avec menuRestaurantIdType EN)", date, e->uai,
			m->resto_line) ? CANTINE_ENOMEM : 0;
	for (i = 0; i < m->n; i++)
		if (m->dishes[i] == dish_line)
			return cantine__scdl_warn(s, SI_PLAT_NOM, "duplicate", "« %s » est déjà "
				"au déjeuner du %s (même plat pour un autre convive ?) : ligne "
				"ignorée", name, date) ? CANTINE_ENOMEM : 1;
	if (m->n == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 8;
		unsigned *d = cantine__realloc(m->dishes, cap * sizeof(*d));
		if (!d)
			return CANTINE_ENOMEM;
		m->dishes = d;
		m->cap = cap;
	}
	m->dishes[m->n++] = dish_line;
	if (*info && !m->info && !(m->info = cantine__strdup(info)))
		return CANTINE_ENOMEM;
	if (*mod && !m->mod[0])
		memcpy(m->mod, mod, sizeof(m->mod));
	if (!imp->clean)
		return 1;
	if (meal->id == 0) {
		/* Published: the file is a publication (docs/formats.md). */
		rc = cantine__meal_upsert(imp->ctx, &s->w, e->id, date,
					  CANTINE_STATUS_PUBLISHED, &meal->id, &m->prev);
		if (rc)
			return rc;
		if (m->prev.existed)
			imp->stats.updated++;
		else
			imp->stats.inserted++;
	}
	rc = cantine__meal_add(imp->ctx, &s->w, meal->id, dish_id);
	return rc ? rc : 1;
}

/* One row: rows of other meals than lunch are skipped (one warning per
 * kind); every field of a lunch row is checked, then it is written while
 * the file is clean. */
int cantine__scdl_row(cantine__scdl_in *s)
{
	cantine__import *imp = &s->imp;
	cantine_buf name = CANTINE_BUF_INIT;
	const scdl_etab *e = NULL;
	cantine__strmap_val *dish = NULL;
	int repas = -1, id_type = -1, type, course = -1, veg = 0, ok = 1, r, i;
	unsigned all = 0, siqo = 0;
	int64_t price = CANTINE_COST_UNKNOWN;
	char grade = 0;
	char date[11] = "", pub[21] = "", mod[21] = "", sirets[3][15] = { "", "", "" };
	const char *t;

	/* Rows of other meals are skipped (scdl_read.c warns once per kind). */
	if ((r = cantine__scdl_repas(s, SI_REPAS, &repas)) < 0)
		return r;
	if (r == 1 && repas != SCDL_REPAS_DEJEUNER)
		return 0;
	ok &= r;
	for (i = 0; i < SI__MAX; i++)
		if (i == SI_COLL_NOM || i == SI_ETAB_NOM || i == SI_RESTO_NOM || i == SI_CONVIVE)
			ok &= cantine__get_required(imp, i, &t);
#define READ(call) do { if ((r = (call)) < 0) goto out; ok &= r; } while (0)
	READ(cantine__scdl_enum(s, SI_RESTO_ID_TYPE, SCDL_ENUM_ID_TYPE, &id_type));
	READ(cantine__scdl_enum(s, SI_RESTO_TYPE, SCDL_ENUM_RESTO_TYPE, &type));
	READ(cantine__scdl_date(s, SI_DATE, date));
	READ(cantine__scdl_course(s, SI_PLAT_TYPE, &course));
	READ(cantine__scdl_dish_name(s, SI_PLAT_NOM, &name));
	READ(cantine__scdl_siqo(s, SI_SIQO, &siqo));
	READ(cantine__scdl_regime(s, SI_REGIME, &veg));
	READ(cantine__scdl_allergens(s, SI_ALLERGENE, &all));
	READ(cantine__scdl_datetime(s, SI_PUBLICATION, pub));
	READ(cantine__scdl_datetime(s, SI_MODIF_DATE, mod));
	ok &= cantine__get_money(imp, SI_PRIX, &price);
	READ(cantine__scdl_nutriscore(s, SI_NUTRISCORE, &grade));
	READ(cantine__scdl_siret(s, SI_ETAB_SIRET, sirets[1]));
	READ(cantine__scdl_siret(s, SI_COLL_SIRET, sirets[2]));
	if (id_type == SCDL_ID_TYPE_SIRET)
		READ(cantine__scdl_siret(s, SI_RESTO_ID, sirets[0]));
	if (ok) {
		e = find_etab(s, id_type, sirets, &r);
		if (r < 0)
			goto out;
		ok &= e != NULL;
	}
	if (e && date[0])
		READ(service_day(s, e, date));
	if (!ok || course < 0)
		goto out;
	READ(take_dish(s, name.ptr, course, all, veg, siqo, price, grade, &dish));
	if (ok)
		r = offer(s, e, date, id_type, dish, name.ptr, pub, mod);
#undef READ
out:
	cantine_buf_dispose(&name);
	return r < 0 ? r : 0;
}

/* After the rows: the declared facts of the file's dishes, then the
 * history of the meals that existed (a published meal changed needs a
 * reason: --raison, else the file's menuModificationInfo). */
int cantine__scdl_finish(cantine__scdl_in *s)
{
	cantine_ctx *ctx = s->imp.ctx;
	size_t i;
	int rc = 0;

	for (i = 0; i < s->dishes.cap && rc == 0 && s->imp.clean; i++) {
		const cantine__strmap_val *d = &s->dishes.vals[i];
		const struct declared *dc = d->ptr;
		if (!cantine__strmap_key(&s->dishes, i) || !dc)
			continue;
		sqlite3_bind_int64(s->dish_update, 1, d->id);
		sqlite3_bind_int(s->dish_update, 2, dc->course);
		sqlite3_bind_int(s->dish_update, 3, (int)dc->allergens);
		sqlite3_bind_int(s->dish_update, 4, dc->veg);
		sqlite3_bind_int(s->dish_update, 5, (int)dc->siqo);
		if (dc->price == CANTINE_COST_UNKNOWN)
			sqlite3_bind_null(s->dish_update, 6);
		else
			sqlite3_bind_int64(s->dish_update, 6, dc->price);
		if (dc->grade)
			sqlite3_bind_text(s->dish_update, 7, &dc->grade, 1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_null(s->dish_update, 7);
		rc = sqlite3_step(s->dish_update);
		sqlite3_reset(s->dish_update);
		rc = rc == SQLITE_DONE ? 0 : cantine__store_err(ctx, "mise à jour d'un plat");
	}
	/* Every meal changed without a reason is listed; then what the file
	 * says of each meal's publication is kept (migration 007), with the
	 * last history entry of the import. */
	for (i = 0; i < s->meals.cap && rc == 0; i++) {
		const cantine__strmap_val *v = &s->meals.vals[i];
		struct meal *m = v->ptr;
		char *reason = ctx->reason;

		if (!cantine__strmap_key(&s->meals, i) || !m)
			continue;
		if (m->prev.existed) {
			if ((!reason || !*reason) && m->info)
				ctx->reason = m->info;
			rc = cantine__meal_finish(ctx, &s->w, v->id, m->date, &m->prev,
						  CANTINE_STATUS_PUBLISHED);
			ctx->reason = reason;
			if (rc == CANTINE_EINVAL)
				rc = cantine__problem_at(&s->imp, v->line, SI_DATE, "%s ; ou "
					"remplissez menuModificationInfo", cantine_errmsg(ctx));
		}
		if (rc || !s->imp.clean)
			continue;
		sqlite3_bind_int64(s->source, 1, v->id);
		sqlite3_bind_text(s->source, 2, m->pub, -1, SQLITE_STATIC);
		cantine__bind_text_or_null(s->source, 3, m->mod);
		cantine__bind_text_or_null(s->source, 4, m->mod[0] ? m->info : NULL);
		rc = sqlite3_step(s->source);
		sqlite3_reset(s->source);
		rc = rc == SQLITE_DONE ? 0 : cantine__store_err(ctx, "écriture d'un menu");
	}
	return rc;
}

void cantine__scdl_store_free(cantine__scdl_in *s)
{
	size_t i;

	cantine__mw_free(&s->w);
	sqlite3_finalize(s->dish_insert);
	sqlite3_finalize(s->dish_update);
	sqlite3_finalize(s->source);
	for (i = 0; i < s->n_etabs; i++) {
		cantine__free(s->etabs[i].uai);
		cantine__free(s->etabs[i].siret);
	}
	cantine__free(s->etabs);
	for (i = 0; i < s->dishes.cap; i++)
		if (cantine__strmap_key(&s->dishes, i))
			cantine__free(s->dishes.vals[i].ptr);
	cantine__strmap_free(&s->dishes);
	for (i = 0; i < s->meals.cap; i++) {
		struct meal *m = s->meals.vals[i].ptr;
		if (!cantine__strmap_key(&s->meals, i) || !m)
			continue;
		cantine__free(m->prev.dishes);
		cantine__free(m->resto);
		cantine__free(m->info);
		cantine__free(m->dishes);
		cantine__free(m);
	}
	cantine__strmap_free(&s->meals);
}
