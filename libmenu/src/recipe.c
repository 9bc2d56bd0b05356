/*
 * recipe.c: dishes, their ingredients and derived facts; CSV import of
 * recipes (one row per ingredient).
 */
#include <stdio.h>
#include <string.h>

#include "match_int.h"
#include "model_int.h"
#include "names_int.h"
#include "strmap_int.h"
#include "text_int.h"

#define MAX_DISH_NAME 160 /* SCDL menus collectifs: menuPlatNom maxLength */

void cantine__facts_add(cantine__facts *f, int meat, int fish, unsigned allergens,
			unsigned traces, int64_t price_cents, int unit_grams,
			int64_t grams_mg)
{
	/* Vegetarian: no meat, fish, crustaceans or seafood; eggs and dairy
	 * allowed (ma-cantine's definition, DOMAIN §1.7; the weekly menu is
	 * EGALIM's, made permanent by Climat et résilience, DOMAIN §2.5). */
	if (meat || fish)
		f->nonveg = 1;
	f->allergens |= allergens;
	f->traces |= traces;
	f->ucents += cantine__cost_ucents(price_cents, unit_grams, grams_mg);
}

struct cantine_dish {
	char              *name;
	char              *tags;
	cantine_course     course;
	cantine__facts     facts;
	cantine_dish_item *items;
	size_t             n;
	int64_t            declared_price; /* no items: CANTINE_COST_UNKNOWN or cents */
};

void cantine_dish_free(cantine_dish *d)
{
	size_t i;

	if (!d)
		return;
	for (i = 0; i < d->n; i++) {
		cantine__free((char *)d->items[i].product_code);
		cantine__free((char *)d->items[i].product_name);
	}
	cantine__free(d->items);
	cantine__free(d->name);
	cantine__free(d->tags);
	cantine__free(d);
}

const char *cantine_dish_name(const cantine_dish *d) { return d->name; }
cantine_course cantine_dish_course(const cantine_dish *d) { return d->course; }
const char *cantine_dish_tags(const cantine_dish *d) { return d->tags ? d->tags : ""; }
int cantine_dish_vegetarian(const cantine_dish *d) { return !d->facts.nonveg; }
unsigned cantine_dish_allergens(const cantine_dish *d) { return d->facts.allergens; }
unsigned cantine_dish_traces(const cantine_dish *d) { return CANTINE__TRACES_ONLY(&d->facts); }
size_t cantine_dish_ingredient_count(const cantine_dish *d) { return d->n; }

int64_t cantine_dish_cost_cents(const cantine_dish *d)
{
	return d->n ? cantine__ucents_to_cents(d->facts.ucents) : d->declared_price;
}

int cantine_dish_declared(const cantine_dish *d) { return d->n == 0; }

const cantine_dish_item *cantine_dish_ingredient(const cantine_dish *d, size_t i)
{
	return i < d->n ? &d->items[i] : NULL;
}

static int load_items(cantine_ctx *ctx, cantine_dish *d, int64_t id)
{
	sqlite3_stmt *st;
	bool oom = false;
	size_t cap = 0;
	int rc;

	rc = cantine__prepare(ctx, &st,
		"SELECT p.code, p.name, i.grams_mg, p.price_cents, p.unit_grams, p.meat, "
		"p.fish, p.allergens, p.traces FROM dish_ingredient i "
		"JOIN product p ON p.id = i.product_id WHERE i.dish_id = ?1 ORDER BY p.code");
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		cantine_dish_item *it;
		int64_t price = sqlite3_column_int64(st, 3);
		int ug = sqlite3_column_int(st, 4);

		if (d->n == cap) {
			size_t ncap = cap ? cap * 2 : 8;
			it = cantine__realloc(d->items, ncap * sizeof(*it));
			if (!it) {
				oom = true;
				break;
			}
			d->items = it;
			cap = ncap;
		}
		it = &d->items[d->n++];
		memset(it, 0, sizeof(*it));
		it->product_code = cantine__column_strdup(st, 0, &oom);
		it->product_name = cantine__column_strdup(st, 1, &oom);
		it->grams_mg = sqlite3_column_int64(st, 2);
		it->cost_cents = cantine_cost_cents(price, ug, it->grams_mg);
		it->meat = sqlite3_column_int(st, 5);
		it->fish = sqlite3_column_int(st, 6);
		it->allergens = (unsigned)sqlite3_column_int(st, 7);
		it->traces = (unsigned)sqlite3_column_int(st, 8);
		cantine__facts_add(&d->facts, it->meat, it->fish, it->allergens,
				   it->traces, price, ug, it->grams_mg);
		if (oom)
			break;
	}
	sqlite3_finalize(st);
	if (oom)
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	return rc == SQLITE_DONE ? 0 : cantine__store_err(ctx, "lecture des ingrédients");
}

int cantine_dish_find(cantine_dish **out, cantine_ctx *ctx, const char *name)
{
	cantine_dish *d;
	sqlite3_stmt *st;
	bool oom = false;
	unsigned declared_allergens;
	int64_t id;
	int declared_veg, rc;

	*out = NULL;
	rc = cantine__prepare(ctx, &st, "SELECT id, name, course, tags, declared_allergens, "
			      "declared_vegetarian, declared_price_cents FROM dish WHERE name = ?1");
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		rc = rc == SQLITE_DONE
			? cantine__seterr(ctx, CANTINE_ENOTFOUND, "aucune recette « %s »", name)
			: cantine__store_err(ctx, "lecture d'une recette");
		sqlite3_finalize(st);
		return rc;
	}
	d = cantine__calloc(1, sizeof(*d));
	if (!d) {
		sqlite3_finalize(st);
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	}
	id = sqlite3_column_int64(st, 0);
	d->name = cantine__column_strdup(st, 1, &oom);
	d->course = (cantine_course)sqlite3_column_int(st, 2);
	d->tags = cantine__column_strdup(st, 3, &oom);
	declared_allergens = (unsigned)sqlite3_column_int(st, 4);
	declared_veg = sqlite3_column_int(st, 5);
	d->declared_price = sqlite3_column_type(st, 6) == SQLITE_NULL ? CANTINE_COST_UNKNOWN
		: sqlite3_column_int64(st, 6);
	sqlite3_finalize(st);
	rc = oom ? cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante")
		 : load_items(ctx, d, id);
	if (rc == 0 && d->n == 0) {
		/* No ingredient: the facts declared by its publisher (SCDL
		 * import, migration 006), as week.c shows them. */
		d->facts.nonveg = declared_veg != 1;
		d->facts.allergens = declared_allergens;
	}
	if (rc) {
		cantine_dish_free(d);
		return rc;
	}
	*out = d;
	return 0;
}

int cantine_dish_search(cantine_ctx *ctx, const char *pattern, size_t max,
			cantine_buf *out)
{
	sqlite3_stmt *st;
	int rc, n = 0;

	rc = cantine__prepare(ctx, &st,
		"SELECT name FROM dish WHERE instr(lower(name), lower(?1)) > 0 "
		"ORDER BY name LIMIT ?2");
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, pattern, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)max);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (cantine__buf_printf(out, "%s\n", (const char *)sqlite3_column_text(st, 0))) {
			sqlite3_finalize(st);
			return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
		}
		n++;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? n : cantine__store_err(ctx, "recherche de recettes");
}

/* ---- writing ---- */

typedef struct dish_writer {
	sqlite3_stmt *find, *insert, *update, *clear, *add;
} dish_writer;

static int writer_prepare(cantine_ctx *ctx, dish_writer *w)
{
	int rc;

	if ((rc = cantine__prepare(ctx, &w->find, "SELECT id FROM dish WHERE name = ?1")) ||
	    (rc = cantine__prepare(ctx, &w->insert,
		"INSERT INTO dish (name, course, tags) VALUES (?1, ?2, ?3)")) ||
	    (rc = cantine__prepare(ctx, &w->update,
		"UPDATE dish SET course = ?2, tags = ?3 WHERE id = ?1")) ||
	    (rc = cantine__prepare(ctx, &w->clear,
		"DELETE FROM dish_ingredient WHERE dish_id = ?1")) ||
	    (rc = cantine__prepare(ctx, &w->add,
		"INSERT INTO dish_ingredient (dish_id, product_id, grams_mg) VALUES (?1, ?2, ?3)")))
		return rc;
	return 0;
}

static void writer_free(dish_writer *w)
{
	sqlite3_finalize(w->find);
	sqlite3_finalize(w->insert);
	sqlite3_finalize(w->update);
	sqlite3_finalize(w->clear);
	sqlite3_finalize(w->add);
}

static int step_done(cantine_ctx *ctx, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : cantine__store_err(ctx, what);
}

/* Create or update the dish, empty its ingredient list; *id receives it,
 * *existed whether it was there. */
static int dish_upsert(cantine_ctx *ctx, dish_writer *w, const char *name,
		       cantine_course course, const char *tags, int64_t *id,
		       bool *existed)
{
	int rc;

	sqlite3_bind_text(w->find, 1, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(w->find);
	*existed = rc == SQLITE_ROW;
	if (*existed)
		*id = sqlite3_column_int64(w->find, 0);
	sqlite3_reset(w->find);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return cantine__store_err(ctx, "lecture d'une recette");
	if (*existed) {
		sqlite3_bind_int64(w->update, 1, *id);
		sqlite3_bind_int(w->update, 2, (int)course);
		sqlite3_bind_text(w->update, 3, tags ? tags : "", -1, SQLITE_STATIC);
		if ((rc = step_done(ctx, w->update, "mise à jour d'une recette")))
			return rc;
		sqlite3_bind_int64(w->clear, 1, *id);
		return step_done(ctx, w->clear, "mise à jour d'une recette");
	}
	sqlite3_bind_text(w->insert, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_int(w->insert, 2, (int)course);
	sqlite3_bind_text(w->insert, 3, tags ? tags : "", -1, SQLITE_STATIC);
	if ((rc = step_done(ctx, w->insert, "création d'une recette")))
		return rc;
	*id = sqlite3_last_insert_rowid(ctx->db);
	return 0;
}

static int ingredient_add(cantine_ctx *ctx, dish_writer *w, int64_t dish,
			  int64_t product, int64_t mg)
{
	sqlite3_bind_int64(w->add, 1, dish);
	sqlite3_bind_int64(w->add, 2, product);
	sqlite3_bind_int64(w->add, 3, mg);
	return step_done(ctx, w->add, "ajout d'un ingrédient");
}

int cantine_dish_save(cantine_ctx *ctx, const char *name, cantine_course course,
		      const char *tags, const cantine_ingredient *ing, size_t n)
{
	dish_writer w = { 0 };
	sqlite3_stmt *prod = NULL;
	int64_t id;
	bool existed;
	size_t i;
	int rc;

	if (!name || !*name || cantine__utf8_len(name) > MAX_DISH_NAME)
		return cantine__seterr(ctx, CANTINE_EINVAL, "recette : le nom est obligatoire "
			"et compte au plus %d caractères", MAX_DISH_NAME);
	if ((unsigned)course >= CANTINE_COURSE__MAX)
		return cantine__seterr(ctx, CANTINE_EINVAL, "recette « %s » : type de plat "
			"inconnu ; valeurs possibles : %s", name, cantine__course_list());
	if (n == 0)
		return cantine__seterr(ctx, CANTINE_EINVAL, "recette « %s » : au moins un "
			"ingrédient est nécessaire", name);
	if ((rc = cantine__begin(ctx)))
		return rc;
	if ((rc = writer_prepare(ctx, &w)) ||
	    (rc = cantine__prepare(ctx, &prod, "SELECT id FROM product WHERE code = ?1")) ||
	    (rc = dish_upsert(ctx, &w, name, course, tags, &id, &existed)))
		goto out;
	for (i = 0; i < n && rc == 0; i++) {
		if (ing[i].grams_mg <= 0 || ing[i].grams_mg > CANTINE__MAX_PORTION_MG) {
			rc = cantine__seterr(ctx, CANTINE_EINVAL, "recette « %s » : quantité de "
				"« %s » hors limites (plus de 0 et au plus 2000 g)",
				name, ing[i].product_code);
			break;
		}
		sqlite3_bind_text(prod, 1, ing[i].product_code, -1, SQLITE_STATIC);
		if (sqlite3_step(prod) != SQLITE_ROW) {
			rc = cantine__seterr(ctx, CANTINE_EINVAL, "recette « %s » : aucun produit "
				"de code « %s » dans le catalogue", name, ing[i].product_code);
		} else {
			int64_t pid = sqlite3_column_int64(prod, 0);
			sqlite3_reset(prod);
			rc = ingredient_add(ctx, &w, id, pid, ing[i].grams_mg);
			if (rc == CANTINE_ESTORE && sqlite3_extended_errcode(ctx->db) ==
			    SQLITE_CONSTRAINT_PRIMARYKEY)
				rc = cantine__seterr(ctx, CANTINE_EINVAL, "recette « %s » : le "
					"produit « %s » figure deux fois", name, ing[i].product_code);
		}
		sqlite3_reset(prod);
	}
out:
	sqlite3_finalize(prod);
	writer_free(&w);
	if (rc) {
		cantine__rollback(ctx);
		return rc;
	}
	return cantine__commit(ctx);
}

/* ---- CSV import ---- */

enum { REC_COL_RECETTE, REC_COL_PLAT, REC_COL_PRODUIT, REC_COL_GRAMMES,
       REC_COL_TAGS, REC_COL__MAX };

static const cantine__col recipe_cols[REC_COL__MAX] = {
	{ "recette", true }, { "plat", true }, { "produit", true },
	{ "grammes", true }, { "tags", false },
};

typedef struct recipe_state {
	dish_writer     w;
	cantine__strmap products; /* code → id */
	cantine__strmap dishes;   /* name → id, course, line; ptr: tags (cantine_buf) */
	cantine__strmap pairs;    /* name '\x1f' code → line */
} recipe_state;

static int recipe_begin(cantine__import *imp)
{
	recipe_state *s = imp->state;
	int rc;

	if ((rc = writer_prepare(imp->ctx, &s->w)) ||
	    (rc = cantine__import_preload(imp, &s->products, "SELECT code, id FROM product")))
		return rc;
	return 0;
}

/* Add the tags of a cell to a dish's '|' list, without repeats. */
static int merge_tags(cantine__import *imp, cantine_buf *tags)
{
	const char *s = cantine__cell(imp, REC_COL_TAGS);
	char item[64], folded[64];
	int bad = 0;

	while (*s) {
		const char *bar = strchr(s, '|');
		size_t n = bar ? (size_t)(bar - s) : strlen(s);
		int m;

		if (n >= sizeof(item))
			n = sizeof(item) - 1;
		memcpy(item, s, n);
		item[n] = '\0';
		s += bar ? (size_t)(bar - s) + 1 : strlen(s);
		cantine__trim(item);
		if (!*item)
			continue;
		m = cantine__fold(item, folded, sizeof(folded))
			? cantine__match(imp->ctx, CANTINE__PAT_TAG, folded) : 0;
		if (m < 0)
			return m;
		if (!m) {
			if (cantine__problem(imp, REC_COL_TAGS, "« %s » n'est pas un tag : un mot "
					     "en minuscules (lettres, chiffres, « _ »), 40 "
					     "caractères au plus, par exemple crudite", item))
				return CANTINE_ENOMEM;
			bad = 1;
			continue;
		}
		{
			/* Already there? Compare whole items of the list. */
			size_t fl = strlen(folded);
			const char *t = tags->ptr;
			bool dup = false;
			while (t && *t && !dup) {
				const char *e = strchr(t, '|');
				size_t tl = e ? (size_t)(e - t) : strlen(t);
				dup = tl == fl && memcmp(t, folded, fl) == 0;
				t = e ? e + 1 : t + tl;
			}
			if (!dup && ((tags->size && cantine__buf_puts(tags, "|")) ||
				     cantine__buf_puts(tags, folded)))
				return CANTINE_ENOMEM;
		}
	}
	return bad;
}

static int recipe_row(cantine__import *imp)
{
	recipe_state *s = imp->state;
	cantine__strmap_val *dish, *prod, *pair;
	const char *name, *code, *t;
	char key[512];
	int64_t mg = 0;
	int course = -1, bad = 0, added, rc;

	bad |= !cantine__get_required(imp, REC_COL_RECETTE, &name);
	if (!bad && cantine__utf8_len(name) > MAX_DISH_NAME) {
		if (cantine__problem(imp, REC_COL_RECETTE, "nom de recette trop long (plus "
				     "de %d caractères) ; raccourcissez-le", MAX_DISH_NAME))
			return CANTINE_ENOMEM;
		bad = 1;
	}
	if (cantine__get_required(imp, REC_COL_PLAT, &t)) {
		course = cantine_course_parse(t);
		if (course < 0 && cantine__problem(imp, REC_COL_PLAT, "type de plat « %s » "
				"inconnu ; valeurs possibles : %s", t, cantine__course_list()))
			return CANTINE_ENOMEM;
	}
	bad |= course < 0;
	prod = NULL;
	if (cantine__get_required(imp, REC_COL_PRODUIT, &code)) {
		prod = cantine__strmap_get(&s->products, code);
		if (!prod && cantine__problem(imp, REC_COL_PRODUIT, "aucun produit de code "
				"« %s » dans le catalogue ; importez d'abord le fichier produits, "
				"ou corrigez le code", code))
			return CANTINE_ENOMEM;
	}
	bad |= !prod;
	bad |= !cantine__get_mg(imp, REC_COL_GRAMMES, 1, CANTINE__MAX_PORTION_MG, &mg);
	if (bad)
		return 0;

	dish = cantine__strmap_put(&s->dishes, name, &added);
	if (!dish)
		return CANTINE_ENOMEM;
	if (added) {
		dish->line = cantine__row_line(imp);
		dish->aux = course;
		dish->ptr = cantine__calloc(1, sizeof(cantine_buf));
		if (!dish->ptr)
			return CANTINE_ENOMEM;
	} else if (dish->aux != course) {
		return cantine__problem(imp, REC_COL_PLAT, "la recette « %s » est déclarée "
			"« %s » ligne %u ; une recette n'a qu'un type de plat : corrigez l'une "
			"des deux lignes", name, cantine_course_name((cantine_course)dish->aux),
			dish->line);
	}
	if ((rc = merge_tags(imp, dish->ptr)) != 0)
		return rc < 0 ? rc : 0;
	if (snprintf(key, sizeof(key), "%s\x1f%s", name, code) >= (int)sizeof(key))
		key[sizeof(key) - 1] = '\0';
	pair = cantine__strmap_put(&s->pairs, key, &added);
	if (!pair)
		return CANTINE_ENOMEM;
	if (!added)
		return cantine__problem(imp, REC_COL_PRODUIT, "le produit « %s » figure déjà "
			"dans la recette « %s » ligne %u ; additionnez les quantités sur une "
			"seule ligne", code, name, pair->line);
	pair->line = cantine__row_line(imp);
	if (!imp->clean)
		return 0;
	if (dish->id == 0) {
		bool existed;
		rc = dish_upsert(imp->ctx, &s->w, name, (cantine_course)course, "",
				 &dish->id, &existed);
		if (rc)
			return rc;
		if (existed)
			imp->stats.updated++;
		else
			imp->stats.inserted++;
	}
	return ingredient_add(imp->ctx, &s->w, dish->id, prod->id, mg);
}

/* Write the tags gathered over each dish's rows. */
static int recipe_end(cantine__import *imp)
{
	recipe_state *s = imp->state;
	size_t i;
	int rc;

	if (!imp->clean)
		return 0;
	for (i = 0; i < s->dishes.cap; i++) {
		cantine_buf *tags;
		if (!cantine__strmap_key(&s->dishes, i))
			continue;
		tags = s->dishes.vals[i].ptr;
		sqlite3_bind_int64(s->w.update, 1, s->dishes.vals[i].id);
		sqlite3_bind_int(s->w.update, 2, s->dishes.vals[i].aux);
		sqlite3_bind_text(s->w.update, 3, tags->ptr ? tags->ptr : "", -1, SQLITE_STATIC);
		if ((rc = step_done(imp->ctx, s->w.update, "mise à jour d'une recette")))
			return rc;
	}
	return 0;
}

static void recipe_cleanup(cantine__import *imp)
{
	recipe_state *s = imp->state;
	size_t i;

	writer_free(&s->w);
	for (i = 0; i < s->dishes.cap; i++) {
		if (!cantine__strmap_key(&s->dishes, i))
			continue;
		cantine_buf_dispose(s->dishes.vals[i].ptr);
		cantine__free(s->dishes.vals[i].ptr);
	}
	cantine__strmap_free(&s->products);
	cantine__strmap_free(&s->dishes);
	cantine__strmap_free(&s->pairs);
}

const cantine__kind_ops cantine__recipe_ops = {
	recipe_cols, REC_COL__MAX, sizeof(recipe_state),
	recipe_begin, recipe_row, recipe_end, recipe_cleanup,
};
