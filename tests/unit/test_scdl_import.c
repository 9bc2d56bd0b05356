/*
 * test_scdl_import.c: the SCDL menus collectifs import
 * (cantine_import_scdl_mem): declared dishes and their facts in the week
 * view, tolerated deviations reported as warnings (once per deviation),
 * errors that write nothing, rows of other meals, matching of the
 * establishment, list syntaxes, published meals changed (reason from the
 * context or the file), allocation failures.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common_int.h"

#define A(x) (1u << CANTINE_ALLERGEN_##x)
#define UAI "0595871L"
#define NF 26

static const char *const fields[NF] = {
	"menuCollNom", "menuCollSiret", "menuEtablissementNom",
	"menuEtablissementSiret", "menuRestaurantNom", "menuRestaurantInsee",
	"menuRestaurantId", "menuRestaurantIdType", "menuRestaurantType",
	"menuRestaurantConvive", "menuDate", "menuRepasType", "menuPlatType",
	"menuPlatNom", "menuPlatCode", "menuPlatSiqo", "menuPlatLabel",
	"menuPlatPrecision", "menuPlatRegime", "menuPlatAllergene",
	"menuPlatTexture", "menuPlatNutriscore", "menuPlatPrix",
	"menuPublicationDate", "menuModificationDate", "menuModificationInfo",
};
static const char *const defaults[NF] = {
	"Collège Louise Michel", "19595871500011", "Collège Louise Michel",
	"19595871500011", "Collège Louise Michel", "59654", UAI, "EN", "collège",
	"collégiens", "2026-11-23", "déjeuner", "plat principal", "Gratin", "", "",
	"", "", "", "", "", "", "", "2026-11-01T08:00:00Z", "", "",
};

/* Append a CSV row: the defaults, with the fields named in kv (pairs of
 * name, value; NULL ends) replaced; cells are quoted here. */
static void row(cantine_buf *b, const char *const *kv)
{
	for (int f = 0; f < NF; f++) {
		const char *v = defaults[f];
		for (const char *const *p = kv; *p; p += 2)
			if (strcmp(p[0], fields[f]) == 0)
				v = p[1];
		if (f)
			cantine__buf_puts(b, ",");
		if (strpbrk(v, ",\"\n")) {
			cantine__buf_puts(b, "\"");
			for (; *v; v++) {
				if (*v == '"')
					cantine__buf_puts(b, "\"\"");
				else
					cantine__buf_put(b, v, 1);
			}
			cantine__buf_puts(b, "\"");
		} else {
			cantine__buf_puts(b, v);
		}
	}
	cantine__buf_puts(b, "\n");
}

static void header(cantine_buf *b)
{
	b->size = 0;
	for (int f = 0; f < NF; f++)
		cantine__buf_printf(b, "%s%s", f ? "," : "", fields[f]);
	cantine__buf_puts(b, "\n");
}

#define ROW(b, ...) row((b), (const char *const[]){ __VA_ARGS__, NULL })
#define ROW0(b) row((b), (const char *const[]){ NULL })

typedef struct fx {
	tu_fixture        *f;
	cantine_buf        csv;
	cantine_problems  *pbs;
	cantine_import_stats st;
} fx;

static int setup(void **state)
{
	cantine_ingredient ing = { "STEAK", 100000 };
	cantine_product p;
	cantine_etab e;
	fx *x = calloc(1, sizeof(*x));

	if (!x || tu_setup_store((void **)&x->f))
		return -1;
	tu_etab_init(&e, UAI);
	assert_int_equal(cantine_etab_save(x->f->ctx, &e), 0);
	tu_etab_init(&e, "0622413L");
	e.siret = "19622413300013";
	e.name = "Collège Émile Zola";
	assert_int_equal(cantine_etab_save(x->f->ctx, &e), 0);
	tu_product_init(&p, "STEAK", "Steak", 980);
	p.family = CANTINE_FAMILY_VIANDES_VOLAILLES;
	p.meat = 1;
	assert_int_equal(cantine_product_save(x->f->ctx, &p), 0);
	assert_int_equal(cantine_dish_save(x->f->ctx, "Steak haché", CANTINE_COURSE_PLAT,
					   NULL, &ing, 1), 0);
	header(&x->csv);
	*state = x;
	return 0;
}

static int teardown(void **state)
{
	fx *x = *state;

	cantine__alloc_fail_after(-1);
	cantine_problems_free(x->pbs);
	cantine_buf_dispose(&x->csv);
	tu_teardown_store((void **)&x->f);
	free(x);
	return 0;
}

static int import(fx *x)
{
	int rc;

	cantine_problems_free(x->pbs);
	x->pbs = NULL;
	rc = cantine_import_scdl_mem(x->f->ctx, "m.csv", x->csv.ptr, x->csv.size,
				     CANTINE_ENCODING_AUTO, &x->pbs, &x->st);
	/* Never left inside a transaction. */
	assert_true(sqlite3_get_autocommit(x->f->ctx->db));
	return rc;
}

/* The problem whose message contains `text`, with its severity. */
static const cantine_problem *problem(fx *x, const char *text, int warning)
{
	for (size_t i = 0; i < cantine_problems_count(x->pbs); i++) {
		const cantine_problem *pb = cantine_problems_get(x->pbs, i);
		if (tu_contains(pb->message, text)) {
			assert_int_equal(pb->warning, warning);
			return pb;
		}
	}
	fail_msg("no problem « %s »", text);
	return NULL;
}

static size_t count(fx *x, int warning)
{
	size_t n = 0;

	for (size_t i = 0; i < cantine_problems_count(x->pbs); i++)
		n += cantine_problems_get(x->pbs, i)->warning == warning;
	return n;
}

static long long q(fx *x, const char *sql)
{
	return tu_query_int(x->f->ctx->db, sql);
}

/* ---- declared dishes ---- */

static void test_declared_facts(void **state)
{
	fx *x = *state;
	cantine_week *w;
	const cantine_meal *m;
	cantine_dish *d;
	cantine_report *r;
	cantine_etab e;
	size_t i, n;

	ROW(&x->csv, "menuPlatNom", "Gratin de courgettes", "menuPlatRegime", "[\"végétarien\"]",
	    "menuPlatAllergene", "[\"lait\",\"oeufs\"]", "menuPlatSiqo", "[\"label rouge\"]");
	ROW(&x->csv, "menuPlatType", "dessert", "menuPlatNom", "Pomme");
	/* A dish with a recipe keeps its derived facts, whatever the file says. */
	ROW(&x->csv, "menuPlatNom", "Steak haché", "menuPlatRegime", "[\"végétarien\"]",
	    "menuPlatAllergene", "[\"soja\"]");
	assert_int_equal(import(x), 0);
	assert_null(x->pbs);
	assert_int_equal(x->st.rows, 3);
	assert_int_equal(x->st.inserted, 1);
	assert_int_equal(q(x, "SELECT count(*) FROM dish WHERE declared_allergens IS NOT NULL"), 2);
	assert_int_equal(q(x, "SELECT declared_siqo FROM dish WHERE name = 'Gratin de courgettes'"), 2);
	assert_int_equal(q(x, "SELECT status FROM meal"), CANTINE_STATUS_PUBLISHED);

	assert_int_equal(cantine_dish_find(&d, x->f->ctx, "Gratin de courgettes"), 0);
	assert_int_equal(cantine_dish_vegetarian(d), 1);
	assert_int_equal(cantine_dish_allergens(d), A(EGGS) | A(MILK));
	assert_int_equal(cantine_dish_declared(d), 1);
	assert_int_equal(cantine_dish_cost_cents(d), CANTINE_COST_UNKNOWN); /* no price given */
	cantine_dish_free(d);
	/* Not declared vegetarian: not vegetarian. */
	assert_int_equal(cantine_dish_find(&d, x->f->ctx, "Pomme"), 0);
	assert_int_equal(cantine_dish_vegetarian(d), 0);
	cantine_dish_free(d);

	/* The week shows every dish, those without ingredients included. */
	assert_int_equal(cantine_plan_week(&w, x->f->ctx, UAI, "2026-11-23"), 0);
	assert_int_equal(cantine_week_meal_count(w), 1);
	m = cantine_week_meal(w, 0);
	assert_int_equal(m->n_offers, 3);
	assert_string_equal(m->offers[0].dish, "Gratin de courgettes");
	assert_int_equal(m->offers[0].vegetarian, 1);
	assert_int_equal(m->offers[0].allergens, A(EGGS) | A(MILK));
	assert_int_equal(m->offers[0].declared, 1);
	assert_int_equal(m->offers[0].cost_cents, CANTINE_COST_UNKNOWN);
	assert_string_equal(m->offers[1].dish, "Steak haché");
	assert_int_equal(m->offers[1].declared, 0);
	assert_int_equal(m->offers[1].vegetarian, 0);
	assert_int_equal(m->offers[1].allergens, 0);
	assert_int_equal(m->offers[1].cost_cents, 98);
	assert_string_equal(m->offers[2].dish, "Pomme");
	assert_int_equal(m->vegetarian, 0);
	assert_int_equal(m->cost_cents, CANTINE_COST_UNKNOWN); /* a dish without a price */
	cantine_week_free(w);

	/* The weekly cost leaves such a meal out, and says so. */
	tu_etab_init(&e, UAI);
	e.food_cost_target_cents = 250;
	assert_int_equal(cantine_etab_save(x->f->ctx, &e), 0);
	assert_int_equal(cantine_check_period(&r, x->f->ctx, UAI, "2026-11-23", "2026-11-23"), 0);
	for (i = 0; i < cantine_report_count(r); i++)
		assert_string_not_equal(cantine_report_get(r, i)->rule, "core.food-cost");
	cantine_report_free(r);
	ROW(&x->csv, "menuDate", "2026-11-24", "menuPlatNom", "Steak haché");
	assert_int_equal(import(x), 0);
	assert_int_equal(cantine_check_period(&r, x->f->ctx, UAI, "2026-11-23", "2026-11-23"), 0);
	for (i = 0, n = 0; i < cantine_report_count(r); i++) {
		const cantine_finding *fd = cantine_report_get(r, i);
		if (strcmp(fd->rule, "core.food-cost") != 0)
			continue;
		n++;
		assert_int_equal(fd->measured, 98);
		assert_true(tu_contains(fd->message, "(1 repas au coût inconnu"));
	}
	assert_int_equal(n, 1);
	cantine_report_free(r);
}

/* ---- warnings and errors ---- */

static void test_warnings(void **state)
{
	fx *x = *state;
	const cantine_problem *pb;

	ROW(&x->csv, "menuRepasType", "Dejeuner", "menuRestaurantType", "College",
	    "menuPlatType", "Plat principal", "menuPlatNom", "  Gratin  de  pâtes ",
	    "menuPlatAllergene", "Gluten;Oeufs", "menuPlatRegime", "[\"Végétarien\"]",
	    "menuRestaurantIdType", "en", "menuCollSiret", "195 958 715 00011");
	ROW(&x->csv, "menuRepasType", "lunch", "menuPlatType", "entree", "menuPlatNom", "Salade",
	    "menuPlatAllergene", "[\"Celeri\", \"moutarde\"]", "menuPlatSiqo", "[\"Bio\"]",
	    "menuPublicationDate", "2026-11-01 08:00");
	ROW(&x->csv, "menuPlatType", "dessert", "menuPlatNom", "Crème", "menuPlatRegime",
	    "[\"Aucun regime\"]", "menuPlatAllergene", "[\"Lait\"]");
	assert_int_equal(import(x), 0);
	assert_non_null(x->pbs);
	assert_int_equal(count(x, 0), 0);
	pb = problem(x, "« Dejeuner » lu comme « déjeuner »", 1);
	assert_int_equal(pb->line, 2);
	assert_int_equal(pb->column, 12);
	assert_string_equal(pb->field, "menuRepasType");
	problem(x, "« lunch » lu comme « déjeuner »", 1);
	problem(x, "« College » lu comme « collège »", 1);
	problem(x, "« Plat principal » lu comme « plat principal »", 1);
	problem(x, "« entree » lu comme « entrée »", 1);
	problem(x, "« en » lu comme « EN »", 1);
	problem(x, "SIRET « 195 958 715 00011 » écrit avec des espaces ; lu 19595871500011", 1);
	problem(x, "espaces en trop dans le nom du plat ; lu « Gratin de pâtes »", 1);
	problem(x, "liste « Gluten;Oeufs » écrite sans la forme", 1);
	pb = problem(x, "allergènes écrits autrement que dans le schéma, lus sous son nom : "
		     "« Gluten » (céréales contenant du gluten), « Oeufs » (oeufs), "
		     "« Celeri » (céleri), « Lait » (lait)", 1);
	assert_int_equal(pb->line, 2);
	problem(x, "« Végétarien » lu comme « végétarien »", 1);
	problem(x, "« Bio » lu comme « agriculture biologique »", 1);
	problem(x, "« Aucun regime » n'est pas un régime du schéma", 1);
	problem(x, "« 2026-11-01 08:00 » n'est pas écrit AAAA-MM-JJTHH:MM:SSZ", 1);
	/* Written all the same, with what was read. */
	assert_int_equal(q(x, "SELECT declared_allergens FROM dish WHERE name = 'Gratin de pâtes'"),
			 A(GLUTEN) | A(EGGS));
	assert_int_equal(q(x, "SELECT declared_vegetarian FROM dish WHERE name = 'Gratin de pâtes'"), 1);
	assert_int_equal(q(x, "SELECT course FROM dish WHERE name = 'Salade'"), CANTINE_COURSE_ENTREE);
	assert_int_equal(q(x, "SELECT declared_siqo FROM dish WHERE name = 'Salade'"), 1);
}

static void test_errors_all_or_nothing(void **state)
{
	fx *x = *state;
	const cantine_problem *pb;
	long long meals;

	ROW(&x->csv, "menuPlatNom", "Gratin");
	ROW(&x->csv, "menuDate", "2026-02-30", "menuRepasType", "Meal");
	ROW(&x->csv, "menuPlatNom", "");
	ROW(&x->csv, "menuPlatAllergene", "[\"lait\",\"kiwi\"]");
	ROW(&x->csv, "menuPlatType", "boisson");
	ROW(&x->csv, "menuRestaurantId", "0750654D");
	ROW(&x->csv, "menuCollSiret", "19595871500012");
	ROW(&x->csv, "menuDate", "2026-11-25"); /* a Wednesday: no service */
	ROW(&x->csv, "menuPublicationDate", "hier");
	ROW(&x->csv, "menuPlatType", "dessert", "menuPlatNom", "Steak haché");
	meals = q(x, "SELECT count(*) FROM meal");
	assert_int_equal(import(x), CANTINE_EINVAL);
	assert_true(tu_contains(cantine_errmsg(x->f->ctx), "9 erreurs dans « m.csv » : rien n'a "
				"été importé"));
	pb = problem(x, "« 2026-02-30 » n'est pas une date du calendrier", 0);
	assert_int_equal(pb->line, 3);
	assert_int_equal(pb->column, 11);
	assert_string_equal(pb->field, "menuDate");
	problem(x, "la colonne « menuPlatNom » est obligatoire", 0);
	problem(x, "allergène « kiwi » inconnu", 0);
	problem(x, "type de plat « boisson » inconnu", 0);
	problem(x, "aucun établissement d'UAI « 0750654D » dans la base ; importez d'abord le "
		"fichier etablissements", 0);
	problem(x, "clé de contrôle (Luhn) est fausse", 0);
	problem(x, "jour sans service de demi-pension", 0);
	problem(x, "« hier » n'est pas une date et heure", 0);
	problem(x, "« Steak haché » est une recette de type « plat principal » dans la base, "
		"pas « dessert »", 0);
	/* Warnings come after the errors, and are kept too. */
	problem(x, "« Meal » lu comme « déjeuner »", 1);
	assert_int_equal(cantine_problems_get(x->pbs, cantine_problems_count(x->pbs) - 1)->warning, 1);
	/* The good first row was not written either. */
	assert_int_equal(q(x, "SELECT count(*) FROM meal"), meals);
	assert_int_equal(q(x, "SELECT count(*) FROM dish WHERE name = 'Gratin'"), 0);

	/* A missing required column; an unknown column is only a warning. */
	x->csv.size = 0;
	cantine__buf_puts(&x->csv, "menuCollNom,menuDate,colonneMaison\nA,2026-11-23,x\n");
	assert_int_equal(import(x), CANTINE_EINVAL);
	pb = problem(x, "colonne obligatoire absente de l'en-tête", 0);
	assert_string_equal(pb->field, "menuCollSiret");
	problem(x, "colonne « colonneMaison » inconnue du schéma menus collectifs 1.2.3 : ignorée", 1);
}

static void test_skip_other_meals(void **state)
{
	fx *x = *state;
	const cantine_problem *pb;

	ROW(&x->csv, "menuRepasType", "snack", "menuPlatNom", "Banane");
	ROW0(&x->csv);
	ROW(&x->csv, "menuRepasType", "snack", "menuPlatNom", "Biscuit");
	ROW(&x->csv, "menuRepasType", "snack", "menuPlatNom", "");
	ROW(&x->csv, "menuRepasType", "dîner", "menuPlatNom", "Soupe");
	assert_int_equal(import(x), 0);
	assert_int_equal(x->st.rows, 5);
	/* One warning per kind of meal, not per row. */
	assert_int_equal(count(x, 1), 2);
	pb = problem(x, "repas « snack » (goûter) : cantine ne planifie que le déjeuner ; "
		     "ligne ignorée (de même sur 2 autres lignes)", 1);
	assert_int_equal(pb->line, 2);
	problem(x, "repas « dîner » : cantine ne planifie que le déjeuner", 1);
	assert_int_equal(q(x, "SELECT count(*) FROM meal_dish"), 1);
	assert_int_equal(q(x, "SELECT count(*) FROM dish WHERE name IN ('Banane', 'Biscuit')"), 0);
}

/* ---- matching the establishment ---- */

static void test_matching(void **state)
{
	fx *x = *state;

	/* "autre": by menuEtablissementSiret, then by menuCollSiret. */
	ROW(&x->csv, "menuRestaurantIdType", "autre", "menuRestaurantId", "4",
	    "menuEtablissementSiret", "19622413300013", "menuDate", "2026-11-24");
	ROW(&x->csv, "menuRestaurantIdType", "sans", "menuRestaurantId", "",
	    "menuEtablissementSiret", "", "menuCollSiret", "19622413300013",
	    "menuDate", "2026-11-26");
	ROW(&x->csv, "menuRestaurantIdType", "SIRET", "menuRestaurantId", "19595871500011",
	    "menuEtablissementSiret", "", "menuCollSiret", "21060004500012");
	assert_int_equal(import(x), 0);
	assert_int_equal(q(x, "SELECT count(*) FROM meal m JOIN etab e ON e.id = m.etab_id "
			   "WHERE e.uai = '0622413L'"), 2);
	assert_int_equal(q(x, "SELECT count(*) FROM meal m JOIN etab e ON e.id = m.etab_id "
			   "WHERE e.uai = '" UAI "'"), 1);

	/* Unknown SIRET; two restaurants for one lunch; an ambiguous SIRET. */
	header(&x->csv);
	ROW(&x->csv, "menuRestaurantIdType", "autre", "menuEtablissementSiret", "",
	    "menuCollSiret", "21060004500012");
	ROW(&x->csv, "menuRestaurantIdType", "autre", "menuRestaurantId", "4",
	    "menuDate", "2026-11-30", "menuPlatNom", "A");
	ROW(&x->csv, "menuRestaurantIdType", "autre", "menuRestaurantId", "42",
	    "menuDate", "2026-11-30", "menuPlatNom", "B");
	assert_int_equal(import(x), CANTINE_EINVAL);
	problem(x, "aucun établissement de SIRET « 21060004500012 » dans la base", 0);
	assert_int_equal(problem(x, "vient déjà d'un autre restaurant ligne 3", 0)->line, 4);
	assert_int_equal(sqlite3_exec(x->f->ctx->db, "UPDATE etab SET siret = '19595871500011'",
				      NULL, NULL, NULL), SQLITE_OK);
	header(&x->csv);
	ROW(&x->csv, "menuRestaurantIdType", "autre");
	assert_int_equal(import(x), CANTINE_EINVAL);
	problem(x, "plusieurs établissements de la base ont le SIRET « 19595871500011 »", 0);
}

/* ---- lists ---- */

static void test_lists(void **state)
{
	static const struct { const char *cell; unsigned mask; int warned; } ok[] = {
		{ "", 0, 0 },
		{ "[]", 0, 0 },
		{ "[\"lait\"]", A(MILK), 0 },
		{ " [ \"lait\" , \"oeufs\" ] ", A(MILK) | A(EGGS), 0 },
		{ "[\"c\\u00e9leri\",\"lait\"]", A(CELERY) | A(MILK), 0 },
		{ "lait", A(MILK), 1 },
		{ "lait, oeufs", A(MILK) | A(EGGS), 1 },
		{ "lait|soja", A(MILK) | A(SOY), 1 },
		{ "[lait, soja]", A(MILK) | A(SOY), 1 },
		{ "[\"lait\";\"soja\"]", A(MILK) | A(SOY), 1 },
		{ "\"lait\",\"soja\"", A(MILK) | A(SOY), 1 },
	};
	static const char *const bad[] = {
		"[\"lait\"", "[\"lait]", "[\"lait\" \"soja\"]", "[\"\\x\"]", "[\"\\u12\"]",
		"[\"\\u0001\"]",
	};
	fx *x = *state;
	size_t i;

	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		header(&x->csv);
		ROW(&x->csv, "menuPlatNom", "Plat", "menuPlatAllergene", ok[i].cell);
		if (import(x) != 0)
			fail_msg("« %s »: %s", ok[i].cell, cantine_errmsg(x->f->ctx));
		assert_int_equal(q(x, "SELECT declared_allergens FROM dish WHERE name = 'Plat'"),
				 ok[i].mask);
		assert_int_equal(count(x, 1), ok[i].warned);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		header(&x->csv);
		ROW(&x->csv, "menuPlatNom", "Plat", "menuPlatAllergene", bad[i]);
		assert_int_equal(import(x), CANTINE_EINVAL);
		problem(x, "liste mal formée", 0);
	}
}

/* ---- published meals changed ---- */

static void test_published_change(void **state)
{
	fx *x = *state;

	ROW(&x->csv, "menuPlatNom", "Gratin");
	ROW(&x->csv, "menuPlatType", "dessert", "menuPlatNom", "Pomme");
	assert_int_equal(import(x), 0);
	/* The same file again changes nothing and needs no reason. */
	assert_int_equal(import(x), 0);
	assert_int_equal(x->st.updated, 1);
	assert_int_equal(q(x, "SELECT count(*) FROM meal_history"), 1);

	header(&x->csv);
	ROW(&x->csv, "menuPlatNom", "Gratin");
	assert_int_equal(import(x), CANTINE_EINVAL);
	assert_int_equal(problem(x, "est publié : le modifier demande une raison", 0)->line, 2);
	assert_int_equal(q(x, "SELECT count(*) FROM meal_dish"), 2);
	/* The file's menuModificationInfo is the reason. */
	header(&x->csv);
	ROW(&x->csv, "menuPlatNom", "Gratin", "menuModificationDate", "2026-11-20T10:00:00Z",
	    "menuModificationInfo", "pommes non livrées");
	assert_int_equal(import(x), 0);
	assert_int_equal(q(x, "SELECT count(*) FROM meal_history WHERE reason = "
			   "'pommes non livrées' AND dishes_after = 'Gratin'"), 1);
	/* The context's reason wins. */
	assert_int_equal(cantine_ctx_set_change(x->f->ctx, "chef", "retour des pommes"), 0);
	ROW(&x->csv, "menuPlatType", "dessert", "menuPlatNom", "Pomme");
	assert_int_equal(import(x), 0);
	assert_int_equal(q(x, "SELECT count(*) FROM meal_history WHERE reason = "
			   "'retour des pommes' AND who = 'chef'"), 1);
}

/* The CSV importers' problems are errors (the field is zeroed). */
static void test_csv_problems_are_errors(void **state)
{
	fx *x = *state;
	static const char bad[] = "uai,date,plat,recette\n0595871L,2026-02-30,dessert,X\n";

	assert_int_equal(cantine_import_csv_mem(x->f->ctx, CANTINE_KIND_MENUS, "m.csv", bad,
						sizeof(bad) - 1, CANTINE_ENCODING_AUTO, &x->pbs,
						NULL), CANTINE_EINVAL);
	assert_true(cantine_problems_count(x->pbs) >= 2);
	assert_int_equal(count(x, 1), 0);
}

/* The n+1-th allocation fails, for every n: ENOMEM or success, nothing
 * written on failure, nothing leaked. */
static void test_alloc_failures(void **state)
{
	fx *x = *state;
	long n;
	int rc;

	ROW(&x->csv, "menuPlatNom", "Gratin", "menuPlatAllergene", "Lait;Oeufs",
	    "menuRepasType", "lunch");
	ROW(&x->csv, "menuRepasType", "goûter", "menuPlatNom", "Banane");
	ROW(&x->csv, "menuPlatNom", "Steak haché");
	for (n = 0; n < 100000; n++) {
		cantine__alloc_fail_after(n);
		rc = import(x);
		cantine__alloc_fail_after(-1);
		if (rc == 0)
			break;
		if (rc != CANTINE_ENOMEM)
			fail_msg("step %ld: %d %s", n, rc, cantine_errmsg(x->f->ctx));
		assert_int_equal(q(x, "SELECT count(*) FROM meal"), 0);
	}
	assert_true(n > 10);
	assert_true(sqlite3_get_autocommit(x->f->ctx->db));
	assert_int_equal(count(x, 1), 4);
	assert_int_equal(q(x, "SELECT count(*) FROM meal_dish"), 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
		T(test_declared_facts),
		T(test_warnings),
		T(test_errors_all_or_nothing),
		T(test_skip_other_meals),
		T(test_matching),
		T(test_lists),
		T(test_published_change),
		T(test_csv_problems_are_errors),
		T(test_alloc_failures),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
