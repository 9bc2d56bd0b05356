/*
 * test_loader.c: the plugin host through the real loader: the sample
 * plugin as a module and compiled in, the broken modules refused with
 * their messages, and what the host gives and checks.
 *
 *   test_loader EXEMPLE.so BROKEN_ABI.so BROKEN_SHORT.so BROKEN_ENTRY.so
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "testutil.h"

const cantine_plugin *cantine_builtin_plugin_exemple(void);

static const char *mod_exemple, *mod_abi, *mod_short, *mod_entry;

static void load_refused(tu_fixture *f, const char *path, const char *const *parts)
{
	assert_int_equal(cantine_plugin_load(f->ctx, path), CANTINE_EINVAL);
	for (; *parts; parts++)
		if (!tu_contains(cantine_errmsg(f->ctx), *parts))
			fail_msg("« %s » not in « %s »", *parts, cantine_errmsg(f->ctx));
	assert_int_equal(cantine_plugin_count(f->ctx), 0);
}

static void test_refused(void **state)
{
	tu_fixture *f = *state;
	char abi[16], ours[64], *text = tu_path(f->dir, "texte.so");
	char *missing = tu_path(f->dir, "absent.so");

	snprintf(abi, sizeof(abi), "l'ABI %d", 42);
	snprintf(ours, sizeof(ours), "cette version de cantine a l'ABI %d", CANTINE_PLUGIN_ABI);
	load_refused(f, mod_abi, (const char *const[]){ mod_abi, abi, ours, NULL });
	load_refused(f, mod_short, (const char *const[]){ mod_short, "descripteur de plugin "
		"de 12 octets, trop petit", NULL });
	load_refused(f, mod_entry, (const char *const[]){ mod_entry, "n'exporte pas la "
		"fonction cantine_plugin_entry", NULL });
	tu_write_file(f->dir, "texte.so", "ceci n'est pas un module\n", 25);
	load_refused(f, text, (const char *const[]){ text, "n'est pas un module partagé",
		NULL });
	load_refused(f, missing, (const char *const[]){ missing, "n'est pas un module partagé",
		NULL });
	free(text);
	free(missing);
}

static void test_module_and_builtin(void **state)
{
	tu_fixture *f = *state;
	const cantine_plugin_info *p;

	assert_int_equal(cantine_plugin_load(f->ctx, mod_exemple), 0);
	assert_int_equal(cantine_plugin_count(f->ctx), 1);
	p = cantine_plugin_get(f->ctx, 0);
	assert_string_equal(p->name, "exemple");
	assert_string_equal(p->version, "1.2");
	assert_int_equal(p->abi_version, CANTINE_PLUGIN_ABI);
	assert_string_equal(p->path, mod_exemple);
	assert_null(cantine_plugin_get(f->ctx, 1));
	/* The same plugin compiled in: one name, one plugin. */
	assert_int_equal(cantine_plugin_register(f->ctx, cantine_builtin_plugin_exemple()),
			 CANTINE_EINVAL);
	assert_true(tu_contains(cantine_errmsg(f->ctx), "un plugin « exemple » est déjà chargé"));
	assert_int_equal(cantine_plugin_load(f->ctx, mod_exemple), CANTINE_EINVAL);
	assert_int_equal(cantine_plugin_count(f->ctx), 1);
}

/* A store with one collège, a dish and two meals on 7 and 8 September
 * 2026, the 8th closed. */
static void plan(tu_fixture *f)
{
	static const char *const dishes[] = { "Carottes" };
	static const char closures[] = "uai,debut,fin,motif\n0595871L,2026-09-08,2026-09-08,Sortie\n";
	cantine_ingredient ing = { "LEG", 120000 };
	cantine_product p;
	cantine_etab e;

	tu_etab_init(&e, "0595871L");
	assert_int_equal(cantine_etab_save(f->ctx, &e), 0);
	tu_product_init(&p, "LEG", "Carottes", 200);
	p.ciqual = 20009;
	assert_int_equal(cantine_product_save(f->ctx, &p), 0);
	assert_int_equal(cantine_dish_save(f->ctx, "Carottes", CANTINE_COURSE_ENTREE, NULL,
					   &ing, 1), 0);
	assert_int_equal(cantine_plan_set_meal(f->ctx, "0595871L", "2026-09-07",
					       CANTINE_STATUS_DRAFT, dishes, 1), 0);
	assert_int_equal(cantine_plan_set_meal(f->ctx, "0595871L", "2026-09-08",
					       CANTINE_STATUS_DRAFT, dishes, 1), 0);
	assert_int_equal(cantine_import_csv_mem(f->ctx, CANTINE_KIND_CLOSURES, "f.csv", closures,
						sizeof(closures) - 1, CANTINE_ENCODING_AUTO,
						NULL, NULL), 0);
}

static const cantine_finding *finding(const cantine_report *r, const char *rule)
{
	size_t i;

	for (i = 0; i < cantine_report_count(r); i++)
		if (strcmp(cantine_report_get(r, i)->rule, rule) == 0)
			return cantine_report_get(r, i);
	return NULL;
}

static void test_check_runs_plugins(void **state)
{
	tu_fixture *f = *state;
	const cantine_finding *fd;
	cantine_report *r;

	plan(f);
	assert_int_equal(cantine_plugin_register(f->ctx, cantine_builtin_plugin_exemple()), 0);
	assert_null(cantine_plugin_get(f->ctx, 0)->path);
	assert_int_equal(cantine_check_period(&r, f->ctx, "0595871L", "2026-09-07",
					      "2026-09-11"), 0);
	/* The closed day's meal is not served: one meal, under 3. */
	fd = finding(r, "exemple.repas");
	assert_non_null(fd);
	assert_int_equal(fd->severity, CANTINE_SEVERITY_ERROR);
	assert_int_equal(fd->measured, 1);
	assert_int_equal(fd->threshold, 3);
	assert_string_equal(fd->from, "2026-09-07");
	assert_string_equal(fd->uai, "0595871L");
	assert_true(tu_contains(fd->message, "1 repas servis du 2026-09-07 au 2026-09-11"));
	/* The core checks ran too. */
	assert_non_null(finding(r, "core.meal-structure"));
	cantine_report_free(r);
	/* A plugin's failure is the check's, with the plugin's name and words. */
	assert_int_equal(cantine_check_period(&r, f->ctx, "0595871L", "2000-01-01",
					      "2000-01-02"), CANTINE_EINVAL);
	assert_null(r);
	assert_string_equal(cantine_errmsg(f->ctx), "le plugin « exemple » a échoué pendant "
			    "la vérification : période refusée pour le test");
}

static void test_scores_and_data(void **state)
{
	tu_fixture *f = *state;
	cantine_scores *sc;
	const cantine_score *s;
	const char *who;
	char *dir = tu_path(f->dir, "donnees"), *sub = tu_path(dir, "exemple");

	plan(f);
	/* A site's data file replaces the plugin's default. */
	assert_int_equal(mkdir(dir, 0700), 0);
	assert_int_equal(mkdir(sub, 0700), 0);
	tu_write_file(sub, "seuil", "1\n", 2);
	assert_int_equal(cantine_plugin_set_data_dir(f->ctx, dir), 0);
	assert_int_equal(cantine_plugin_load(f->ctx, mod_exemple), 0);
	assert_int_equal(cantine_score_dish(&sc, f->ctx, "Carottes"), 0);
	assert_int_equal(cantine_scores_count(sc), 1);
	s = cantine_scores_get(sc, 0, &who);
	assert_string_equal(who, "exemple");
	assert_string_equal(s->id, "exemple.poids");
	assert_int_equal(s->value, 120000000); /* 120 g */
	assert_null(s->text);
	assert_null(cantine_scores_get(sc, 1, NULL));
	cantine_scores_free(sc);
	assert_int_equal(cantine_score_dish(&sc, f->ctx, "Navets"), CANTINE_ENOTFOUND);
	assert_null(sc);
	{
		cantine_report *r;
		assert_int_equal(cantine_check_period(&r, f->ctx, "0595871L", "2026-09-07",
						      "2026-09-11"), 0);
		assert_int_equal(finding(r, "exemple.repas")->severity, CANTINE_SEVERITY_INFO);
		assert_int_equal(finding(r, "exemple.repas")->threshold, 1);
		cantine_report_free(r);
	}
	free(sub);
	free(dir);
}

static void test_bad_data_refused(void **state)
{
	tu_fixture *f = *state;
	char *dir = tu_path(f->dir, "donnees"), *sub = tu_path(dir, "exemple");

	assert_int_equal(mkdir(dir, 0700), 0);
	assert_int_equal(mkdir(sub, 0700), 0);
	tu_write_file(sub, "seuil", "beaucoup\n", 9);
	assert_int_equal(cantine_plugin_set_data_dir(f->ctx, dir), 0);
	assert_int_equal(cantine_plugin_load(f->ctx, mod_exemple), CANTINE_EINVAL);
	assert_string_equal(cantine_errmsg(f->ctx), "le plugin « exemple » n'a pas pu "
			    "démarrer : le fichier de données « seuil » doit contenir un "
			    "nombre de repas");
	assert_int_equal(cantine_plugin_count(f->ctx), 0);
	free(sub);
	free(dir);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_refused, tu_setup_store, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_module_and_builtin, tu_setup_store,
						tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_check_runs_plugins, tu_setup_store,
						tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_scores_and_data, tu_setup_store,
						tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_bad_data_refused, tu_setup_store,
						tu_teardown_store),
	};

	if (argc != 5) {
		fprintf(stderr, "usage: %s EXEMPLE.so ABI.so SHORT.so ENTRY.so\n", argv[0]);
		return 2;
	}
	mod_exemple = argv[1];
	mod_abi = argv[2];
	mod_short = argv[3];
	mod_entry = argv[4];
	return cmocka_run_group_tests(tests, NULL, NULL);
}
