/*
 * test_access.c: users and roles, who may do what, the single-use form
 * tokens and the comments (cantine/access.h).
 */
#include "testutil.h"

#include <string.h>

#include "access_int.h"

#define UAI   "0595871L"
#define OTHER "0622413L"
#define DAY   "2026-11-30"

static int setup(void **state)
{
	tu_fixture *f;
	cantine_etab e;
	cantine_product p;
	cantine_ingredient ing = { "POMME", 120000 };
	const char *dishes[] = { "Pomme" };

	if (tu_setup_store(state))
		return -1;
	f = *state;
	tu_etab_init(&e, UAI);
	assert_int_equal(cantine_etab_save(f->ctx, &e), 0);
	tu_etab_init(&e, OTHER);
	e.departement = "62";
	e.commune_insee = "62041";
	e.siret = NULL;
	e.name = "Collège Émile Zola";
	assert_int_equal(cantine_etab_save(f->ctx, &e), 0);
	tu_product_init(&p, "POMME", "Pomme", 200);
	assert_int_equal(cantine_product_save(f->ctx, &p), 0);
	assert_int_equal(cantine_dish_save(f->ctx, "Pomme", CANTINE_COURSE_DESSERT, NULL,
					   &ing, 1), 0);
	assert_int_equal(cantine_plan_set_meal(f->ctx, UAI, DAY, CANTINE_STATUS_PROPOSED,
					       dishes, 1), 0);
	assert_int_equal(cantine_plan_set_meal(f->ctx, UAI, "2026-12-01", CANTINE_STATUS_DRAFT,
					       dishes, 1), 0);
	assert_int_equal(cantine_user_add(f->ctx, "comite", CANTINE_ROLE_COMITE, UAI), 0);
	assert_int_equal(cantine_user_add(f->ctx, "comite2", CANTINE_ROLE_COMITE, UAI), 0);
	assert_int_equal(cantine_user_add(f->ctx, "gest", CANTINE_ROLE_GESTIONNAIRE, UAI), 0);
	assert_int_equal(cantine_user_add(f->ctx, "dep", CANTINE_ROLE_DEPARTEMENT, "59"), 0);
	cantine__token_clock_offset = 0;
	return 0;
}

static void test_roles(void **state)
{
	tu_fixture *f = *state;
	cantine_buf scope = CANTINE_BUF_INIT;
	cantine_users *u = NULL;
	cantine_role role;

	assert_int_equal(cantine_role_parse("Comité"), CANTINE_ROLE_COMITE);
	assert_int_equal(cantine_role_parse("departement"), CANTINE_ROLE_DEPARTEMENT);
	assert_int_equal(cantine_role_parse("chef"), -1);
	assert_string_equal(cantine_role_name(CANTINE_ROLE_GESTIONNAIRE), "gestionnaire");

	assert_int_equal(cantine_access_for(f->ctx, "gest", &role, &scope), 0);
	assert_int_equal(role, CANTINE_ROLE_GESTIONNAIRE);
	assert_string_equal(scope.ptr, UAI);
	cantine_buf_dispose(&scope);
	assert_int_equal(cantine_access_for(f->ctx, "personne", &role, &scope), 0);
	assert_int_equal(role, CANTINE_ROLE_PUBLIC);
	assert_null(scope.ptr);
	assert_int_equal(cantine_access_for(f->ctx, NULL, &role, NULL), 0);
	assert_int_equal(role, CANTINE_ROLE_PUBLIC);

	/* Bad input: refused, nothing written. */
	assert_int_equal(cantine_user_add(f->ctx, "gest", CANTINE_ROLE_COMITE, UAI), CANTINE_EINVAL);
	assert_int_equal(cantine_user_add(f->ctx, "", CANTINE_ROLE_COMITE, UAI), CANTINE_EINVAL);
	assert_int_equal(cantine_user_add(f->ctx, "x", CANTINE_ROLE_PUBLIC, UAI), CANTINE_EINVAL);
	assert_int_equal(cantine_user_add(f->ctx, "x", CANTINE_ROLE_COMITE, "59"), CANTINE_EINVAL);
	assert_int_equal(cantine_user_add(f->ctx, "x", CANTINE_ROLE_DEPARTEMENT, UAI),
			 CANTINE_EINVAL);
	assert_int_equal(cantine_user_add(f->ctx, "x", CANTINE_ROLE_COMITE, "0591234W"),
			 CANTINE_ENOTFOUND);
	assert_int_equal(cantine_user_remove(f->ctx, "x"), CANTINE_ENOTFOUND);
	assert_int_equal(cantine_user_list(&u, f->ctx), 0);
	assert_int_equal(cantine_users_count(u), 4);
	assert_string_equal(cantine_users_get(u, 0)->name, "comite");
	assert_string_equal(cantine_users_get(u, 0)->etab_name, "Collège Louise Michel");
	assert_string_equal(cantine_users_get(u, 2)->scope, "59");
	assert_null(cantine_users_get(u, 4));
	cantine_users_free(u);
}

static void test_may(void **state)
{
	tu_fixture *f = *state;
	static const struct {
		const char    *user;
		cantine_action act;
		const char    *scope;
		int            ok;
	} cases[] = {
		{ "comite", CANTINE_ACT_SEE_PROPOSED, UAI, 1 },
		{ "comite", CANTINE_ACT_SEE_PROPOSED, OTHER, 0 },
		{ "comite", CANTINE_ACT_COMMENT, UAI, 1 },
		{ "comite", CANTINE_ACT_HANDLE, UAI, 0 },
		{ "comite", CANTINE_ACT_PUBLISH, UAI, 0 },
		{ "gest", CANTINE_ACT_COMMENT, UAI, 0 },
		{ "gest", CANTINE_ACT_SEE_COMMENTS, UAI, 1 },
		{ "gest", CANTINE_ACT_PUBLISH, UAI, 1 },
		{ "gest", CANTINE_ACT_PUBLISH, OTHER, 0 },
		{ "gest", CANTINE_ACT_AUDIT, "59", 0 },
		{ "dep", CANTINE_ACT_AUDIT, "59", 1 },
		{ "dep", CANTINE_ACT_AUDIT, "62", 0 },
		{ "dep", CANTINE_ACT_SEE_PROPOSED, UAI, 0 },
		{ NULL, CANTINE_ACT_SEE_PROPOSED, UAI, 0 },
		{ "personne", CANTINE_ACT_SEE_COMMENTS, UAI, 0 },
		{ "comite", CANTINE_ACT_SEE_PROPOSED, "", 0 },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (cantine_access_may(f->ctx, cases[i].user, cases[i].act, cases[i].scope) !=
		    cases[i].ok)
			fail_msg("case %zu: %s, action %d, %s", i, cases[i].user, cases[i].act,
				 cases[i].scope);
}

static long long comments(tu_fixture *f)
{
	return tu_file_query_int(f->db_path, "SELECT count(*) FROM meal_comment");
}

static void test_tokens(void **state)
{
	tu_fixture *f = *state;
	cantine_buf t = CANTINE_BUF_INIT, t2 = CANTINE_BUF_INIT, tg = CANTINE_BUF_INIT;
	char forged[CANTINE_TOKEN_LEN + 1];
	cantine_comments *cs = NULL;
	int64_t id = 0;

	assert_int_equal(cantine_token_new(f->ctx, "comite", CANTINE_ACT_COMMENT, UAI, &t), 0);
	assert_int_equal(t.size, CANTINE_TOKEN_LEN);
	assert_int_equal(cantine_token_new(f->ctx, "comite", CANTINE_ACT_COMMENT, OTHER, &t2),
			 CANTINE_EDENIED);
	assert_int_equal(cantine_token_new(f->ctx, "comite", CANTINE_ACT_PUBLISH, UAI, &t2),
			 CANTINE_EDENIED);
	assert_null(t2.ptr);
	/* Another user, a forged token, no token: refused, nothing written. */
	assert_int_equal(cantine_comment_add(f->ctx, "comite2", t.ptr, UAI, DAY, "Bien.", NULL),
			 CANTINE_EDENIED);
	memcpy(forged, t.ptr, sizeof(forged));
	forged[50] = forged[50] == 'a' ? 'b' : 'a';
	assert_int_equal(cantine_comment_add(f->ctx, "comite", forged, UAI, DAY, "Bien.", NULL),
			 CANTINE_EDENIED);
	assert_int_equal(cantine_comment_add(f->ctx, "comite", NULL, UAI, DAY, "Bien.", NULL),
			 CANTINE_EDENIED);
	assert_int_equal(cantine_comment_add(f->ctx, "comite", "", UAI, DAY, "Bien.", NULL),
			 CANTINE_EDENIED);
	/* Bad text or day: refused, and the token is not spent. */
	assert_int_equal(cantine_comment_add(f->ctx, "comite", t.ptr, UAI, DAY, " \n ", NULL),
			 CANTINE_EINVAL);
	assert_int_equal(cantine_comment_add(f->ctx, "comite", t.ptr, UAI, DAY, "a\tb", NULL),
			 CANTINE_EINVAL);
	assert_int_equal(cantine_comment_add(f->ctx, "comite", t.ptr, UAI, "2026-12-01", "Bien.",
					     NULL), CANTINE_EINVAL); /* a draft */
	assert_int_equal(comments(f), 0);
	assert_int_equal(tu_file_query_int(f->db_path, "SELECT count(*) FROM form_token_used"), 0);
	/* Good: written once; the same token again changes nothing. */
	assert_int_equal(cantine_comment_add(f->ctx, "comite", t.ptr, UAI, DAY,
					     "Trop de féculents.\nMerci.", &id), 0);
	assert_true(id > 0);
	assert_int_equal(comments(f), 1);
	assert_int_equal(cantine_comment_add(f->ctx, "comite", t.ptr, UAI, DAY, "Encore.", NULL),
			 CANTINE_EDENIED);
	assert_true(tu_contains(cantine_errmsg(f->ctx), "déjà été envoyé"));
	assert_int_equal(comments(f), 1);

	/* A gestionnaire's token is for one action. */
	assert_int_equal(cantine_token_new(f->ctx, "gest", CANTINE_ACT_HANDLE, UAI, &tg), 0);
	assert_int_equal(cantine_week_set_status(f->ctx, "gest", tg.ptr, UAI, DAY,
						 CANTINE_STATUS_PUBLISHED, NULL), CANTINE_EDENIED);
	assert_int_equal(cantine_comment_handle(f->ctx, "gest", tg.ptr, UAI, id), 0);
	assert_int_equal(cantine_comment_list(&cs, f->ctx, UAI, DAY, DAY), 0);
	assert_int_equal(cantine_comments_count(cs), 1);
	assert_string_equal(cantine_comments_get(cs, 0)->text, "Trop de féculents.\nMerci.");
	assert_string_equal(cantine_comments_get(cs, 0)->author, "comite");
	assert_string_equal(cantine_comments_get(cs, 0)->handled_by, "gest");
	cantine_comments_free(cs);
	cantine_buf_dispose(&t);
	cantine_buf_dispose(&tg);
}

static void test_expiry_and_week(void **state)
{
	tu_fixture *f = *state;
	cantine_buf t = CANTINE_BUF_INIT;
	size_t n = 0;

	assert_int_equal(cantine_token_new(f->ctx, "gest", CANTINE_ACT_PROPOSE, UAI, &t), 0);
	cantine__token_clock_offset = CANTINE_TOKEN_LIFETIME + 1;
	assert_int_equal(cantine_week_set_status(f->ctx, "gest", t.ptr, UAI, DAY,
						 CANTINE_STATUS_PROPOSED, &n), CANTINE_EDENIED);
	assert_true(tu_contains(cantine_errmsg(f->ctx), "expiré"));
	cantine__token_clock_offset = CANTINE_TOKEN_LIFETIME - 60;
	/* Proposing moves the drafts only; the history names the user. */
	assert_int_equal(cantine_week_set_status(f->ctx, "gest", t.ptr, UAI, DAY,
						 CANTINE_STATUS_PROPOSED, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(tu_file_query_int(f->db_path, "SELECT count(*) FROM meal "
					   "WHERE status = 1"), 2);
	assert_int_equal(tu_file_query_int(f->db_path, "SELECT count(*) FROM meal_history "
					   "WHERE who = 'gest'"), 1);
	cantine_buf_dispose(&t);
	cantine__token_clock_offset = 0;
}

static void test_plan_next(void **state)
{
	tu_fixture *f = *state;
	char d[11];

	assert_int_equal(cantine_plan_next(f->ctx, UAI, "2026-11-01", CANTINE_STATUS_PROPOSED, d), 0);
	assert_string_equal(d, DAY);
	assert_int_equal(cantine_plan_next(f->ctx, UAI, "2026-11-01", CANTINE_STATUS_DRAFT, d), 0);
	assert_string_equal(d, "2026-12-01");
	assert_int_equal(cantine_plan_next(f->ctx, UAI, "2026-12-01", CANTINE_STATUS_PROPOSED, d),
			 CANTINE_ENOTFOUND);
	assert_int_equal(cantine_plan_next(f->ctx, OTHER, "2026-11-01", CANTINE_STATUS_PROPOSED, d),
			 CANTINE_ENOTFOUND);
	assert_int_equal(cantine_plan_next(f->ctx, UAI, "2026-11-31", CANTINE_STATUS_PROPOSED, d),
			 CANTINE_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, tu_teardown_store)
		T(test_roles),
		T(test_may),
		T(test_tokens),
		T(test_expiry_and_week),
		T(test_plan_next),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
