/*
 * test_fakehost.c: a plugin tested against a fake host, without a store
 * nor the library: what ARCHITECTURE §7 promises plugin writers.  The
 * sample plugin is compiled in (CANTINE_PLUGIN_BUILTIN).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include <cantine/plugin.h>

const cantine_plugin *cantine_builtin_plugin_exemple(void);

/* What the fake host serves and records. */
typedef struct fake {
	const char    *data;    /* the "seuil" file, NULL: none */
	cantine_meal   meals[4];
	size_t         n_meals;
	cantine_finding found[4];
	char           messages[4][200];
	size_t         n_found;
	cantine_score  score;
	int            scored;
	char           failure[200];
} fake;

static fake *F(const cantine_host *h) { return h->opaque; }

static int f_meals(const cantine_host *h, const char *uai, const char *from,
		   const char *to, const cantine_meal **meals, size_t *n)
{
	(void)uai, (void)from, (void)to;
	*meals = F(h)->meals;
	*n = F(h)->n_meals;
	return 0;
}

static int f_dish(const cantine_host *h, const char *name, const cantine_host_dish **out)
{
	(void)h, (void)name, (void)out;
	return CANTINE_ENOTFOUND;
}

static int f_data(const cantine_host *h, const char *name, const char **bytes, size_t *size)
{
	if (strcmp(name, "seuil") != 0 || !F(h)->data)
		return CANTINE_ENOTFOUND;
	*bytes = F(h)->data;
	*size = strlen(F(h)->data);
	return 0;
}

static int f_report(const cantine_host *h, const cantine_finding *fd)
{
	fake *f = F(h);

	assert_true(f->n_found < 4);
	f->found[f->n_found] = *fd;
	snprintf(f->messages[f->n_found], sizeof(f->messages[0]), "%s", fd->message);
	f->found[f->n_found].message = f->messages[f->n_found];
	f->n_found++;
	return 0;
}

static int f_score(const cantine_host *h, const cantine_score *s)
{
	F(h)->score = *s;
	F(h)->scored++;
	return 0;
}

static int f_fail(const cantine_host *h, int code, const char *message)
{
	snprintf(F(h)->failure, sizeof(F(h)->failure), "%s", message);
	return code;
}

static void host_for(cantine_host *h, fake *f)
{
	memset(h, 0, sizeof(*h));
	h->abi_version = CANTINE_PLUGIN_ABI;
	h->struct_size = sizeof(*h);
	h->opaque = f;
	h->meals = f_meals;
	h->dish = f_dish;
	h->data = f_data;
	h->report = f_report;
	h->score = f_score;
	h->fail = f_fail;
}

static void test_descriptor(void **state)
{
	const cantine_plugin *p = cantine_builtin_plugin_exemple();

	(void)state;
	assert_int_equal(p->abi_version, CANTINE_PLUGIN_ABI);
	assert_int_equal(p->struct_size, sizeof(cantine_plugin));
	assert_string_equal(p->name, "exemple");
	assert_non_null(p->check_plan);
	assert_null(p->audit_purchases);
}

static void test_check(void **state)
{
	const cantine_plugin *p = cantine_builtin_plugin_exemple();
	fake f;
	cantine_host h;
	void *self = NULL;

	(void)state;
	memset(&f, 0, sizeof(f));
	f.data = "2";
	f.meals[0].date = "2026-09-07";
	f.meals[1].date = "2026-09-10";
	f.n_meals = 2;
	host_for(&h, &f);
	assert_int_equal(p->init(&h, &self), 0);
	assert_int_equal(p->check_plan(self, &h, "0595871L", "2026-09-07", "2026-09-13"), 0);
	assert_int_equal(f.n_found, 1);
	assert_string_equal(f.found[0].rule, "exemple.repas");
	assert_int_equal(f.found[0].severity, CANTINE_SEVERITY_INFO);
	assert_int_equal(f.found[0].measured, 2);
	assert_int_equal(f.found[0].threshold, 2);
	assert_string_equal(f.found[0].to, "2026-09-10");
	/* One meal fewer: under the threshold. */
	f.n_meals = 1;
	assert_int_equal(p->check_plan(self, &h, "0595871L", "2026-09-07", "2026-09-13"), 0);
	assert_int_equal(f.found[1].severity, CANTINE_SEVERITY_ERROR);
	/* Failing says why through the host. */
	assert_int_equal(p->check_plan(self, &h, "0595871L", "2000-01-01", "2000-01-02"),
			 CANTINE_EINVAL);
	assert_string_equal(f.failure, "période refusée pour le test");
	p->fini(self);
}

static void test_defaults_and_score(void **state)
{
	const cantine_plugin *p = cantine_builtin_plugin_exemple();
	cantine_host_ingredient ing[2] = {
		{ .product_code = "A", .product_name = "a", .grams_mg = 80000, .family = CANTINE_FAMILY_FRUITS_ET_LEGUMES,
	  .meat = 0, .fish = 0, .ciqual_code = 0 },
		{ .product_code = "B", .product_name = "b", .grams_mg = 45500, .family = CANTINE_FAMILY_FRUITS_ET_LEGUMES,
	  .meat = 0, .fish = 0, .ciqual_code = 0 },
	};
	cantine_host_dish d = { .name = "Salade", .course = CANTINE_COURSE_ENTREE, .tags = "", .vegetarian = 1, .declared = 0,
	  .n_ingredients = 2, .ingredients = ing };
	fake f;
	cantine_host h;
	void *self = NULL;

	(void)state;
	memset(&f, 0, sizeof(f));
	host_for(&h, &f);
	assert_int_equal(p->init(&h, &self), 0); /* no data file: 3 meals */
	assert_int_equal(p->check_plan(self, &h, "0595871L", "2026-09-07", "2026-09-13"), 0);
	assert_int_equal(f.found[0].threshold, 3);
	assert_int_equal(f.found[0].measured, 0);
	assert_int_equal(p->score_dish(self, &h, &d), 0);
	assert_int_equal(f.scored, 1);
	assert_string_equal(f.score.id, "exemple.poids");
	assert_int_equal(f.score.value, 125500000);
	d.declared = 1;
	assert_int_equal(p->score_dish(self, &h, &d), 0);
	assert_int_equal(f.score.value, -1);
	assert_string_equal(f.score.text, "inconnu (plat sans recette)");
	p->fini(self);
	/* A bad data file stops init with a reason. */
	f.data = "beaucoup";
	assert_int_equal(p->init(&h, &self), CANTINE_EINVAL);
	assert_true(strstr(f.failure, "« seuil »") != NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_descriptor),
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_defaults_and_score),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
