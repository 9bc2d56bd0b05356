/*
 * dish_nutriscore.c: the Nutri-Score of a canteen dish (DOMAIN §6.5), from
 * its per-100 g composition and the Ciqual groups of its ingredients.
 */
#include <string.h>

#include "ciqual_int.h"
#include "common_int.h"

/* Ciqual groups (sub-sub-group codes, or sub-group + "00"). */
static bool starts(const char *group, const char *prefix)
{
	return group && strncmp(group, prefix, strlen(prefix)) == 0;
}

/* Red meat for the Nutri-Score protein cap: beef and veal, pork, lamb and
 * mutton, and charcuterie; not their plant-based alternatives. */
static bool red_meat(const char *g)
{
	static const char *const groups[] = {
		"040101", "040201", "040102", "040202", "040105", "040205",
	};
	size_t i;

	for (i = 0; i < sizeof(groups) / sizeof(groups[0]); i++)
		if (starts(g, groups[i]))
			return true;
	return starts(g, "0403") && !starts(g, "040309");
}

static int no_grade(cantine_ctx *ctx, cantine_buf *reason, const char *why)
{
	if (reason && cantine__buf_puts(reason, why))
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	return 0;
}

int cantine__dish_nutriscore(cantine_nutriscore_result *out, cantine_ctx *ctx, int course,
			     const cantine_nutrients *n, cantine_buf *reason)
{
	static const cantine_nutrient needed[] = {
		CANTINE_NUTRIENT_ENERGY_KJ, CANTINE_NUTRIENT_SUGARS,
		CANTINE_NUTRIENT_SATURATED_FAT, CANTINE_NUTRIENT_FAT, CANTINE_NUTRIENT_SALT,
		CANTINE_NUTRIENT_FIBRE, CANTINE_NUTRIENT_PROTEIN,
	};
	cantine_nutriscore_input in;
	cantine_buf missing = CANTINE_BUF_INIT;
	int64_t portion, cheese = 0, fats = 0, fvl = 0, red_protein = 0;
	const char *why = NULL;
	size_t i, k;
	int rc = 0;

	memset(out, 0, sizeof(*out));
	if (course == CANTINE_COURSE_PAIN)
		return no_grade(ctx, reason, "pain : le Nutri-Score d'un pain servi seul demande "
				"un choix de catégorie que la méthode ne fait pas");
	portion = cantine_nutrients_portion_mg(n);
	if (cantine_nutrients_source_count(n) == 0 || portion <= 0)
		return no_grade(ctx, reason, "plat sans recette : composition inconnue");
	/* Every nutrient the score reads must be known for every ingredient. */
	for (k = 0; k < sizeof(needed) / sizeof(needed[0]); k++)
		if (cantine_nutrients_get(n, needed[k])->flags & CANTINE_NUTRIENT_INCOMPLETE &&
		    cantine__buf_printf(&missing, "%s%s", missing.size ? ", " : "",
					cantine_nutrient_name(needed[k]))) {
			rc = CANTINE_ENOMEM;
			break;
		}
	if (rc == 0 && missing.size) {
		rc = !reason ? 0 : cantine__buf_printf(reason, "valeurs Ciqual manquantes (%s) "
			"pour un ingrédient au moins", missing.ptr) ? CANTINE_ENOMEM : 0;
		cantine_buf_dispose(&missing);
		return rc ? cantine__seterr(ctx, rc, "mémoire insuffisante") : 0;
	}
	cantine_buf_dispose(&missing);
	if (rc)
		return cantine__seterr(ctx, rc, "mémoire insuffisante");
	for (i = 0; i < cantine_nutrients_source_count(n); i++) {
		const cantine_nutrient_source *s = cantine_nutrients_source(n, i);
		if (starts(s->group, "0503") && !starts(s->group, "050306"))
			cheese += s->grams_mg;
		if (starts(s->group, "09"))
			fats += s->grams_mg;
		if (starts(s->group, "0201") || starts(s->group, "0203") ||
		    starts(s->group, "0204"))
			fvl += s->grams_mg;
		if (red_meat(s->group))
			red_protein += s->portion[CANTINE_NUTRIENT_PROTEIN];
	}
	memset(&in, 0, sizeof(in));
	in.category = 2 * cheese >= portion ? CANTINE_NUTRISCORE_CHEESE
		    : 2 * fats >= portion ? CANTINE_NUTRISCORE_FATS
		    : 2 * red_protein > cantine_nutrients_get(n, CANTINE_NUTRIENT_PROTEIN)->portion &&
		      red_protein > 0 ? CANTINE_NUTRISCORE_RED_MEAT
		    : CANTINE_NUTRISCORE_GENERAL;
	in.energy_kj = cantine_nutrients_get(n, CANTINE_NUTRIENT_ENERGY_KJ)->per_100g;
	in.sugars = cantine_nutrients_get(n, CANTINE_NUTRIENT_SUGARS)->per_100g;
	in.saturates = cantine_nutrients_get(n, CANTINE_NUTRIENT_SATURATED_FAT)->per_100g;
	in.fat = cantine_nutrients_get(n, CANTINE_NUTRIENT_FAT)->per_100g;
	in.salt = cantine_nutrients_get(n, CANTINE_NUTRIENT_SALT)->per_100g;
	in.fibre = cantine_nutrients_get(n, CANTINE_NUTRIENT_FIBRE)->per_100g;
	in.protein = cantine_nutrients_get(n, CANTINE_NUTRIENT_PROTEIN)->per_100g;
	/* Share of the raw weight, millionths of a percent. */
	in.fvl = fvl * 100000000 / portion;
	if (cantine_nutriscore_compute(out, &in, &why)) {
		memset(out, 0, sizeof(*out));
		return no_grade(ctx, reason, why);
	}
	return 0;
}

int cantine_dish_nutriscore(cantine_nutriscore_result *out, cantine_ctx *ctx,
			    const char *dish_name, cantine_buf *reason)
{
	cantine_nutrients *n = NULL;
	sqlite3_stmt *st;
	int rc, course;

	memset(out, 0, sizeof(*out));
	if ((rc = cantine__prepare(ctx, &st, "SELECT course FROM dish WHERE name = ?1")))
		return rc;
	sqlite3_bind_text(st, 1, dish_name, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	course = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return cantine__seterr(ctx, CANTINE_ENOTFOUND, "aucune recette « %s »", dish_name);
	if (rc != SQLITE_ROW)
		return cantine__store_err(ctx, "lecture d'une recette");
	if ((rc = cantine_dish_nutrients(&n, ctx, dish_name)))
		return rc;
	rc = cantine__dish_nutriscore(out, ctx, course, n, reason);
	cantine_nutrients_free(n);
	return rc;
}
