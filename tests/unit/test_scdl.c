/*
 * test_scdl.c: the SCDL menus collectifs 1.2.3 export and import
 * (cantine/scdl.h): every exported row checked by a validator written
 * here from the schema; the SIQO rule (labelled ingredients weigh at
 * least half of the dish); publication and modification dates; declared
 * dishes; warnings against errors; all or nothing; allocation failures.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common_int.h"

#define A(x) (1u << CANTINE_ALLERGEN_##x)
#define L(x) (1u << CANTINE_LABEL_##x)
#define UAI "0595871L"
#define PUB (1u << CANTINE_STATUS_PUBLISHED)
#define ALL ((1u << CANTINE_STATUS__MAX) - 1)
#define NF 26

/* ---- a validator written from the schema (menus-collectifs 1.2.3) ---- */

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
static const int required[NF] = { 1, 1, 1, 0, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1,
				  0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0 };
static const char *const e_idtype[] = { "SIRET", "EN", "autre", "sans", NULL };
static const char *const e_resto[] = { "crèche", "maternelle", "élémentaire",
	"collège", "lycée", "université", "centre de formation", "administration",
	"résidence sénior", "EHPAD", "repas à domicile", "centre de loisirs",
	"restaurant d'entreprise", "autre", NULL };
static const char *const e_repas[] = { "petit-déjeuner", "déjeuner", "goûter",
	"dîner", "collation", "pique-nique", "autre", NULL };
static const char *const e_plat[] = { "entrée", "plat principal", "garniture",
	"dessert", "produit laitier", "pain", "autre", NULL };
static const char *const e_siqo[] = { "agriculture biologique",
	"appellation d'origine protégée", "appellation d'origine contrôlée",
	"indication géographique protégée", "spécialité traditionnelle garantie",
	"label rouge", NULL };
static const char *const e_regime[] = { "végétarien", "sans sel", "sans porc ",
	"sans sucre ajouté", NULL };
static const char *const e_allergen[] = { "céréales contenant du gluten",
	"crustacés", "oeufs", "poissons", "arachides", "soja", "lait",
	"fruits à coques", "céleri", "moutarde", "graines de sésame",
	"anhydride sulfureux et sulfites", "lupin", "mollusques", NULL };
static const char *const e_texture[] = { "sans texture modifiée", "mixé",
	"mixé lissé", "fondant", "haché", NULL };
static const char *const e_nutri[] = { "A", "B", "C", "D", "E", NULL };

static int in_enum(const char *const *e, const char *v, size_t n)
{
	for (; *e; e++)
		if (strlen(*e) == n && memcmp(*e, v, n) == 0)
			return 1;
	return 0;
}

static int all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static int siret_ok(const char *s)
{
	int i, sum = 0;

	if (strlen(s) != 14 || !all_digits(s, 14))
		return 0;
	for (i = 0; i < 14; i++) {
		int d = s[13 - i] - '0';
		if (i % 2 && (d *= 2) > 9)
			d -= 9;
		sum += d;
	}
	return sum % 10 == 0;
}

static int date_ok(const char *s)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d;

	if (strlen(s) < 10 || !all_digits(s, 4) || s[4] != '-' || !all_digits(s + 5, 2) ||
	    s[7] != '-' || !all_digits(s + 8, 2))
		return 0;
	y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
	if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return 0;
	return !(m == 2 && d == 29 && (y % 4 || (y % 100 == 0 && y % 400)));
}

/* "YYYY-MM-DDTHH:MM:SSZ" or with a fraction / an offset. */
static int datetime_ok(const char *s)
{
	if (!date_ok(s) || s[10] != 'T' || !all_digits(s + 11, 2) || s[13] != ':' ||
	    !all_digits(s + 14, 2) || s[16] != ':' || !all_digits(s + 17, 2))
		return 0;
	s += 19;
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++)
			;
	return strcmp(s, "Z") == 0 || *s == '\0' ||
	       ((*s == '+' || *s == '-') && strlen(s) == 6 && s[3] == ':');
}

/* ["a","b"] with every item in the enum. */
static int array_ok(const char *s, const char *const *e)
{
	size_t n = strlen(s);
	const char *p = s + 1, *q;

	if (n < 2 || s[0] != '[' || s[n - 1] != ']')
		return 0;
	if (n == 2)
		return 1;
	for (;;) {
		if (*p != '"' || !(q = strchr(p + 1, '"')) || !in_enum(e, p + 1, (size_t)(q - p - 1)))
			return 0;
		p = q + 1;
		if (*p == ']')
			return p == s + n - 1;
		if (*p++ != ',')
			return 0;
	}
}

static int number_ok(const char *s)
{
	const char *p = s;

	if (*p == '-' || *p == '+')
		p++;
	if (!(*p >= '0' && *p <= '9'))
		return 0;
	while (*p >= '0' && *p <= '9')
		p++;
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++)
			;
	return *p == '\0';
}

static size_t chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static const char *field_error(int f, const char *v)
{
	if (!*v)
		return required[f] ? "required" : NULL;
	switch (f) {
	case 1: case 3: return siret_ok(v) ? NULL : "SIRET";
	case 5:
		return strlen(v) == 5 && all_digits(v + 2, 3) &&
		       ((v[0] >= '0' && v[0] <= '9' && v[0] != '2' && all_digits(v + 1, 1)) ||
			(v[0] == '2' && (v[1] == 'A' || v[1] == 'B' || (v[1] >= '1' && v[1] <= '9'))))
			? NULL : "INSEE";
	case 7: return in_enum(e_idtype, v, strlen(v)) ? NULL : "enum";
	case 8: return in_enum(e_resto, v, strlen(v)) ? NULL : "enum";
	case 10: return date_ok(v) && strlen(v) == 10 ? NULL : "date";
	case 11: return in_enum(e_repas, v, strlen(v)) ? NULL : "enum";
	case 12: return in_enum(e_plat, v, strlen(v)) ? NULL : "enum";
	case 13: return chars(v) <= 160 ? NULL : "maxLength";
	case 14: return chars(v) <= 16 ? NULL : "maxLength";
	case 15: return array_ok(v, e_siqo) ? NULL : "array";
	case 18: return array_ok(v, e_regime) ? NULL : "array";
	case 19: return array_ok(v, e_allergen) ? NULL : "array";
	case 20: return array_ok(v, e_texture) ? NULL : "array";
	case 21: return in_enum(e_nutri, v, strlen(v)) ? NULL : "enum";
	case 22: return number_ok(v) ? NULL : "number";
	case 23: case 24: return datetime_ok(v) ? NULL : "datetime";
	}
	return NULL;
}

/* Split the CSV (RFC 4180) into rows of NF cells, check the header and
 * every cell; returns the number of data rows.  Cells go to rows[r][f]
 * when rows is not NULL (freed by free_rows). */
typedef char *row_t[NF];

static size_t validate(const char *csv, row_t **rows_out)
{
	row_t *rows = NULL;
	size_t nrows = 0, f = 0;
	cantine_buf cell = CANTINE_BUF_INIT;
	const char *p = csv;
	row_t cur;

	memset(cur, 0, sizeof(cur));
	while (*p) {
		cell.size = 0;
		cantine__buf_put(&cell, "", 0);
		if (*p == '"') {
			for (p++; *p && !(*p == '"' && p[1] != '"'); p++) {
				if (*p == '"')
					p++;
				cantine__buf_put(&cell, p, 1);
			}
			assert_int_equal(*p, '"');
			p++;
		} else {
			for (; *p && *p != ',' && *p != '\n'; p++)
				cantine__buf_put(&cell, p, 1);
		}
		assert_true(*p == ',' || *p == '\n');
		assert_true(f < NF);
		cur[f++] = strdup(cell.ptr);
		if (*p++ == ',')
			continue;
		assert_int_equal(f, NF);
		rows = realloc(rows, (nrows + 1) * sizeof(*rows));
		memcpy(rows[nrows++], cur, sizeof(cur));
		f = 0;
	}
	cantine_buf_dispose(&cell);
	assert_int_equal(f, 0);
	assert_true(nrows >= 1);
	for (f = 0; f < NF; f++)
		assert_string_equal(rows[0][f], fields[f]);
	for (size_t r = 1; r < nrows; r++)
		for (f = 0; f < NF; f++) {
			const char *why = field_error((int)f, rows[r][f]);
			if (why)
				fail_msg("row %zu, %s = « %s »: %s", r + 1, fields[f], rows[r][f], why);
		}
	if (rows_out) {
		*rows_out = rows;
	} else {
		for (size_t r = 0; r < nrows; r++)
			for (f = 0; f < NF; f++)
				free(rows[r][f]);
		free(rows);
	}
	return nrows - 1;
}

static void free_rows(row_t *rows, size_t n)
{
	for (size_t r = 0; r <= n; r++)
		for (int f = 0; f < NF; f++)
			free(rows[r][f]);
	free(rows);
}

/* The data row (1-based) whose menuDate and menuPlatNom match. */
static char **find_row(row_t *rows, size_t n, const char *date, const char *dish)
{
	for (size_t r = 1; r <= n; r++)
		if (strcmp(rows[r][10], date) == 0 && strcmp(rows[r][13], dish) == 0)
			return rows[r];
	fail_msg("no row %s %s", date, dish);
	return NULL;
}

/* ---- fixtures ---- */

static void product(cantine_ctx *ctx, const char *code, unsigned labels,
		    unsigned allergens, unsigned traces, int meat)
{
	cantine_product p;

	tu_product_init(&p, code, code, 1000);
	p.labels = labels;
	p.allergens = allergens;
	p.traces = traces;
	if (meat) {
		p.family = CANTINE_FAMILY_VIANDES_VOLAILLES;
		p.meat = 1;
	}
	assert_int_equal(cantine_product_save(ctx, &p), 0);
}

static void dish(cantine_ctx *ctx, const char *name, cantine_course c,
		 const char *p1, int64_t g1, const char *p2, int64_t g2)
{
	cantine_ingredient ing[2] = { { p1, g1 * 1000 }, { p2, g2 * 1000 } };
	int rc = cantine_dish_save(ctx, name, c, NULL, ing, p2 ? 2 : 1);

	if (rc)
		fail_msg("dish %s: %s", name, cantine_errmsg(ctx));
}

static void meal(cantine_ctx *ctx, const char *date, cantine_status st,
		 const char *const *dishes, size_t n)
{
	int rc = cantine_plan_set_meal(ctx, UAI, date, st, dishes, n);

	if (rc)
		fail_msg("meal %s: %s", date, cantine_errmsg(ctx));
}

/*
 * Products: BIO carrots, LABEL_ROUGE chicken, AOCAOP cheese, plain oil,
 * IGP ham, flour (gluten, traces of sesame).  Dishes test the SIQO rule:
 * exactly half organic, just under half, a trace of label rouge.
 */
static int setup(void **state)
{
	static const char *const mon[] = { "Carottes moitié bio", "Poulet pincée",
					   "Presque bio", "Pain" };
	static const char *const tue[] = { "Comté AOP", "Jambon IGP" };
	tu_fixture *f;
	cantine_etab e;

	if (tu_setup_store(state))
		return -1;
	f = *state;
	tu_etab_init(&e, UAI);
	assert_int_equal(cantine_etab_save(f->ctx, &e), 0);
	product(f->ctx, "CAROTTE", L(BIO), 0, 0, 0);
	product(f->ctx, "POULET", L(LABEL_ROUGE), 0, 0, 1);
	product(f->ctx, "COMTE", L(AOCAOP) | L(BIO), A(MILK), 0, 0);
	product(f->ctx, "HUILE", 0, 0, 0, 0);
	product(f->ctx, "JAMBON", L(IGP), 0, A(MUSTARD), 1);
	product(f->ctx, "FARINE", 0, A(GLUTEN), A(SESAME), 0);
	dish(f->ctx, "Carottes moitié bio", CANTINE_COURSE_ENTREE, "CAROTTE", 50, "HUILE", 50);
	dish(f->ctx, "Presque bio", CANTINE_COURSE_GARNITURE, "CAROTTE", 49, "HUILE", 51);
	/* 1 g of label rouge chicken in 101 g: a trace, never a label. */
	dish(f->ctx, "Poulet pincée", CANTINE_COURSE_PLAT, "POULET", 1, "HUILE", 100);
	dish(f->ctx, "Comté AOP", CANTINE_COURSE_LAITIER, "COMTE", 30, NULL, 0);
	dish(f->ctx, "Jambon IGP", CANTINE_COURSE_PLAT, "JAMBON", 80, "HUILE", 5);
	dish(f->ctx, "Pain", CANTINE_COURSE_PAIN, "FARINE", 40, NULL, 0);
	meal(f->ctx, "2026-11-23", CANTINE_STATUS_PUBLISHED, mon, 4);
	meal(f->ctx, "2026-11-24", CANTINE_STATUS_PUBLISHED, tue, 2);
	meal(f->ctx, "2026-11-26", CANTINE_STATUS_DRAFT, tue, 1);
	return 0;
}

static int teardown(void **state)
{
	cantine__alloc_fail_after(-1);
	return tu_teardown_store(state);
}

static char *export(tu_fixture *f, const char *uai, unsigned mask)
{
	cantine_buf b = CANTINE_BUF_INIT;
	int rc = cantine_export_scdl(f->ctx, uai, NULL, NULL, mask, &b);

	if (rc)
		fail_msg("export: %d %s", rc, cantine_errmsg(f->ctx));
	return cantine__buf_detach(&b);
}

static void exec(tu_fixture *f, const char *sql)
{
	if (sqlite3_exec(f->ctx->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(f->ctx->db));
}

/* ---- export ---- */

static void test_export_validates(void **state)
{
	tu_fixture *f = *state;
	char *csv = export(f, NULL, ALL), **r;
	row_t *rows;
	size_t n = validate(csv, &rows);

	assert_int_equal(n, 4 + 2 + 1);
	r = find_row(rows, n, "2026-11-23", "Pain");
	assert_string_equal(r[0], "Collège Louise Michel");
	assert_string_equal(r[1], "19595871500011");
	assert_string_equal(r[3], "19595871500011");
	assert_string_equal(r[5], "59654");
	assert_string_equal(r[6], UAI);
	assert_string_equal(r[7], "EN");
	assert_string_equal(r[8], "collège");
	assert_string_equal(r[11], "déjeuner");
	assert_string_equal(r[12], "pain");
	assert_string_equal(r[18], "[\"végétarien\"]");
	/* Contains and traces in one list (the schema does not split them). */
	assert_string_equal(r[19], "[\"céréales contenant du gluten\",\"graines de sésame\"]");
	assert_string_equal(r[22], "0.40");
	r = find_row(rows, n, "2026-11-24", "Jambon IGP");
	assert_string_equal(r[18], "");
	assert_string_equal(r[19], "[\"moutarde\"]");
	free_rows(rows, n);
	free(csv);
	/* Published only, one establishment. */
	csv = export(f, UAI, PUB);
	assert_int_equal(validate(csv, NULL), 6);
	assert_false(tu_contains(csv, ",2026-11-26,déjeuner"));
	free(csv);
}

static void test_siqo_half_rule(void **state)
{
	tu_fixture *f = *state;
	char *csv = export(f, UAI, PUB);
	row_t *rows;
	size_t n = validate(csv, &rows);

	/* 50 g of 100 g organic: at least half. */
	assert_string_equal(find_row(rows, n, "2026-11-23", "Carottes moitié bio")[15],
			    "[\"agriculture biologique\"]");
	/* 49 g of 100 g: not. */
	assert_string_equal(find_row(rows, n, "2026-11-23", "Presque bio")[15], "");
	/* 1 g of label rouge chicken in 101 g: never a claim. */
	assert_string_equal(find_row(rows, n, "2026-11-23", "Poulet pincée")[15], "");
	/* Several signs, in the schema's order; AOP for AOCAOP. */
	assert_string_equal(find_row(rows, n, "2026-11-24", "Comté AOP")[15],
			    "[\"agriculture biologique\",\"appellation d'origine protégée\"]");
	/* 80 g of 85 g. */
	assert_string_equal(find_row(rows, n, "2026-11-24", "Jambon IGP")[15],
			    "[\"indication géographique protégée\"]");
	free_rows(rows, n);
	free(csv);
}

static void test_publication_dates(void **state)
{
	tu_fixture *f = *state;
	static const char *const changed[] = { "Comté AOP" };
	char *csv, **r;
	row_t *rows;
	size_t n;

	exec(f, "UPDATE meal_history SET at = '2026-11-10 08:00:00'");
	assert_int_equal(cantine_ctx_set_change(f->ctx, "chef", "livraison, \"annulée\""), 0);
	assert_int_equal(cantine_plan_set_meal(f->ctx, UAI, "2026-11-24",
					       CANTINE_STATUS_PUBLISHED, changed, 1), 0);
	exec(f, "UPDATE meal_history SET at = '2026-11-20T09:30:00Z' WHERE reason IS NOT NULL");
	csv = export(f, UAI, ALL);
	n = validate(csv, &rows);
	r = find_row(rows, n, "2026-11-23", "Pain");
	assert_string_equal(r[23], "2026-11-10T08:00:00Z");
	assert_string_equal(r[24], "");
	r = find_row(rows, n, "2026-11-24", "Comté AOP");
	assert_string_equal(r[23], "2026-11-10T08:00:00Z");
	assert_string_equal(r[24], "2026-11-20T09:30:00Z");
	assert_string_equal(r[25], "livraison, \"annulée\"");
	/* A draft: the time of its last change, no modification. */
	r = find_row(rows, n, "2026-11-26", "Comté AOP");
	assert_string_equal(r[23], "2026-11-10T08:00:00Z");
	assert_string_equal(r[24], "");
	free_rows(rows, n);
	free(csv);
}

/* The n+1-th allocation fails, for every n: ENOMEM or success, out
 * unchanged on failure, nothing leaked (LeakSanitizer, valgrind). */
static void test_alloc_failures(void **state)
{
	tu_fixture *f = *state;
	char *want = export(f, NULL, ALL);
	long n;
	int rc;

	for (n = 0; n < 100000; n++) {
		cantine_buf b = CANTINE_BUF_INIT;

		cantine__alloc_fail_after(n);
		rc = cantine_export_scdl(f->ctx, NULL, NULL, NULL, ALL, &b);
		cantine__alloc_fail_after(-1);
		if (rc == 0) {
			assert_string_equal(b.ptr, want);
			cantine_buf_dispose(&b);
			break;
		}
		if (rc != CANTINE_ENOMEM)
			fail_msg("step %ld: %d %s", n, rc, cantine_errmsg(f->ctx));
		assert_null(b.ptr);
	}
	assert_true(n > 10);
	free(want);
}

static void test_export_errors(void **state)
{
	tu_fixture *f = *state;
	cantine_buf b = CANTINE_BUF_INIT;
	cantine_etab e;

	assert_int_equal(cantine_export_scdl(f->ctx, "0750654D", NULL, NULL, PUB, &b),
			 CANTINE_ENOTFOUND);
	assert_int_equal(cantine_export_scdl(f->ctx, NULL, "2026-02-30", NULL, PUB, &b),
			 CANTINE_EINVAL);
	assert_int_equal(cantine_export_scdl(f->ctx, NULL, "2026-12-01", "2026-11-01", PUB, &b),
			 CANTINE_EINVAL);
	assert_int_equal(cantine_export_scdl(f->ctx, NULL, NULL, NULL, 8, &b), CANTINE_EINVAL);
	/* No SIRET: the schema requires menuCollSiret. */
	tu_etab_init(&e, UAI);
	e.siret = NULL;
	assert_int_equal(cantine_etab_save(f->ctx, &e), 0);
	assert_int_equal(cantine_export_scdl(f->ctx, NULL, NULL, NULL, PUB, &b), CANTINE_EINVAL);
	assert_true(tu_contains(cantine_errmsg(f->ctx), "remplissez la colonne siret"));
	assert_int_equal(cantine_export_scdl(f->ctx, UAI, NULL, NULL, PUB, &b), CANTINE_EINVAL);
	assert_null(b.ptr);
	/* Nothing to export from it: a valid file with its header only. */
	assert_int_equal(cantine_export_scdl(f->ctx, NULL, "2027-01-01", NULL, PUB, &b), 0);
	assert_int_equal(validate(b.ptr, NULL), 0);
	cantine_buf_dispose(&b);
}

/* ---- round trip ---- */

/* Export, import into a store with the establishment only (dishes come
 * back as declared dishes, with the price the file gave; meals with the
 * file's publication time), export again: the same bytes. */
static void test_round_trip_declared(void **state)
{
	tu_fixture *f = *state;
	char *a = export(f, UAI, PUB), *b;
	cantine_problems *pbs = NULL;
	cantine_import_stats st;
	cantine_ctx *ctx = tu_open_store(f->dir, "other.db");
	cantine_dish *d = NULL;
	row_t *ra, *rb;
	size_t na, nb, r;
	cantine_etab e;
	cantine_buf out = CANTINE_BUF_INIT;

	tu_etab_init(&e, UAI);
	assert_int_equal(cantine_etab_save(ctx, &e), 0);
	assert_int_equal(cantine_import_scdl_mem(ctx, "a.csv", a, strlen(a),
						 CANTINE_ENCODING_AUTO, &pbs, &st), 0);
	assert_null(pbs); /* our own export: no warning */
	assert_int_equal(st.rows, 6);
	assert_int_equal(st.inserted, 2);
	assert_int_equal(cantine_export_scdl(ctx, UAI, NULL, NULL, PUB, &out), 0);
	b = cantine__buf_detach(&out);
	na = validate(a, &ra);
	nb = validate(b, &rb);
	assert_int_equal(na, nb);
	for (r = 1; r <= na; r++) {
		assert_string_not_equal(ra[r][22], ""); /* every dish has a price */
		for (int k = 0; k < NF; k++)
			if (strcmp(ra[r][k], rb[r][k]) != 0)
				fail_msg("row %zu %s: %s != %s", r, fields[k], ra[r][k], rb[r][k]);
	}
	assert_string_equal(a, b);
	/* Declared facts: what the file said. */
	assert_int_equal(cantine_dish_find(&d, ctx, "Pain"), 0);
	assert_int_equal(cantine_dish_ingredient_count(d), 0);
	assert_int_equal(cantine_dish_vegetarian(d), 1);
	assert_int_equal(cantine_dish_allergens(d), A(GLUTEN) | A(SESAME));
	assert_int_equal(cantine_dish_declared(d), 1);
	assert_true(cantine_dish_cost_cents(d) > 0);
	assert_int_equal(cantine_dish_traces(d), 0);
	assert_int_equal(cantine_dish_course(d), CANTINE_COURSE_PAIN);
	cantine_dish_free(d);
	assert_int_equal(cantine_dish_find(&d, ctx, "Jambon IGP"), 0);
	assert_int_equal(cantine_dish_vegetarian(d), 0);
	cantine_dish_free(d);
	free_rows(ra, na);
	free_rows(rb, nb);
	free(a);
	free(b);
	cantine_ctx_free(ctx);
}


int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
		T(test_export_validates),
		T(test_siqo_half_rule),
		T(test_publication_dates),
		T(test_export_errors),
		T(test_round_trip_declared),
		T(test_alloc_failures),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
