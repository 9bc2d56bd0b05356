/*
 * dish_signs.c: the quality signs, the local mark and the "fait maison"
 * mark a menu shows for a dish (cantine_dish_signs(), cantine/recipe.h).
 */
#include "common_int.h"

#include <string.h>

#include <cantine/recipe.h>
#include <cantine/catalog.h>

/* The tag a kitchen gives the dishes it cooks on site (docs/formats.md,
 * "recettes"). */
#define HOMEMADE_TAG "fait_maison"

/* Does the '|'-separated list `tags` hold the whole item `tag`? */
static int has_tag(const char *tags, const char *tag)
{
	size_t n = strlen(tag);

	while (tags && *tags) {
		const char *bar = strchr(tags, '|');
		size_t len = bar ? (size_t)(bar - tags) : strlen(tags);

		if (len == n && memcmp(tags, tag, n) == 0)
			return 1;
		tags = bar ? bar + 1 : NULL;
	}
	return 0;
}

int cantine_dish_signs(cantine_signs *out, cantine_ctx *ctx, const char *name)
{
	int64_t total = 0, local = 0, by_label[CANTINE_LABEL__MAX] = { 0 };
	sqlite3_stmt *st;
	int rc, found = 0, k;

	out->labels = 0;
	out->local = 0;
	out->homemade = 0;
	if ((rc = cantine__prepare(ctx, &st,
		"SELECT d.declared_siqo, i.grams_mg, p.labels, p.local_def, d.tags "
		"FROM dish d LEFT JOIN dish_ingredient i ON i.dish_id = d.id "
		"LEFT JOIN product p ON p.id = i.product_id WHERE d.name = ?1")))
		return rc;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t g = sqlite3_column_int64(st, 1);
		unsigned labels = (unsigned)sqlite3_column_int(st, 2);

		if (!found)
			out->homemade = has_tag((const char *)sqlite3_column_text(st, 4),
						HOMEMADE_TAG);
		found = 1;
		if (sqlite3_column_type(st, 1) == SQLITE_NULL) {
			/* No ingredient: the signs its publisher declared. */
			out->labels = (unsigned)sqlite3_column_int(st, 0);
			continue;
		}
		total += g;
		for (k = 0; k < CANTINE_LABEL__MAX; k++)
			if (labels & (1u << k))
				by_label[k] += g;
		if (sqlite3_column_int(st, 3) != CANTINE_LOCAL_NONE)
			local += g;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return cantine__store_err(ctx, "lecture d'une recette");
	if (!found)
		return cantine__seterr(ctx, CANTINE_ENOTFOUND, "aucune recette « %s »", name);
	/* At least half of the portion's weight, as for menuPlatSiqo
	 * (docs/formats.md): a pinch of organic herbs never makes a dish
	 * "bio", nor a local shallot a local dish. */
	for (k = 0; k < CANTINE_LABEL__MAX && total > 0; k++)
		if (2 * by_label[k] >= total && by_label[k] > 0)
			out->labels |= 1u << k;
	out->local = total > 0 && 2 * local >= total;
	return 0;
}
