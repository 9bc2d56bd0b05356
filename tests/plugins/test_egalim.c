/*
 * test_egalim.c: the egalim plugin's counts (DOMAIN Part B §1.3–1.6) and
 * objectives against a fake host: a purchase with several labels counted
 * once in the right bucket, each step of the per-family ladder, the data
 * year's France / circuit court / local / Europe rules (2024, 2025,
 * 2026), every territory group, a zero total, amounts exactly at the
 * threshold.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <cantine/plugin.h>

#include "counting.h"
#include "ijml.h"
#include "thresholds.h"

const cantine_plugin *cantine_builtin_plugin_egalim(void);

#define C(x) (1u << CANTINE_CHAR_##x)

static cantine_purchase buy(const char *date, cantine_family f, unsigned ch, int64_t cents)
{
	cantine_purchase p;

	memset(&p, 0, sizeof(p));
	p.date = date;
	p.uai = "0595871L";
	p.supplier = "";
	p.description = "achat";
	p.family = f;
	p.characteristics = ch;
	p.amount_cents = cents;
	return p;
}

static void test_headline_buckets(void **state)
{
	const cantine_purchase p[] = {
		buy("2026-01-05", CANTINE_FAMILY_VIANDES_VOLAILLES, C(BIO) | C(LABEL_ROUGE), 1000),
		buy("2026-01-05", CANTINE_FAMILY_VIANDES_VOLAILLES, C(LABEL_ROUGE) | C(HVE), 2000),
		buy("2026-01-05", CANTINE_FAMILY_PRODUITS_LAITIERS, C(HVE) | C(EXTERNALITES), 400),
		buy("2026-01-05", CANTINE_FAMILY_AUTRES, C(PERFORMANCE), 100),
		buy("2026-01-05", CANTINE_FAMILY_AUTRES, C(CONVERSION_BIO) | C(COMMERCE_EQUITABLE), 300),
		buy("2026-01-05", CANTINE_FAMILY_AUTRES, C(COMMERCE_EQUITABLE), 50),
		buy("2026-01-05", CANTINE_FAMILY_AUTRES, C(FRANCE) | C(LOCAL), 7000),
	};
	egalim_counts c;

	(void)state;
	egalim_count(p, sizeof(p) / sizeof(p[0]), 2026, &c);
	assert_int_equal(c.total, 10850);
	/* Each purchase once, in the highest bucket: bio > SIQO > autres > ext. */
	assert_int_equal(c.bio, 1300);
	assert_int_equal(c.bio_dont_ce, 300);
	assert_int_equal(c.siqo, 2000);
	assert_int_equal(c.autres, 450);
	assert_int_equal(c.autres_dont_ce, 50);
	assert_int_equal(c.ext_perf, 100);
	assert_int_equal(egalim_quality(&c), 3850);
	/* Origin and local are not EGALIM. */
	assert_int_equal(c.non_egalim[CANTINE_FAMILY_AUTRES], 7000);
	assert_int_equal(c.meat, 3000);
	assert_int_equal(c.meat_egalim, 3000);
	assert_int_equal(c.purchases, 7);
}

static void test_ladder(void **state)
{
	/* One purchase per step, each also carrying every lower step's
	 * characteristic: it lands on its own step. */
	static const unsigned step_chars[STEP__MAX] = {
		C(BIO), C(LABEL_ROUGE), C(AOCAOP), C(HVE), C(PECHE_DURABLE), C(RUP),
		C(COMMERCE_EQUITABLE), C(FERMIER), C(EXTERNALITES), C(PERFORMANCE),
	};
	cantine_purchase p[STEP__MAX + 3];
	egalim_counts c;
	int k, j;

	(void)state;
	for (k = 0; k < STEP__MAX; k++) {
		unsigned ch = 0;
		for (j = k; j < STEP__MAX; j++)
			ch |= step_chars[j];
		p[k] = buy("2026-03-02", CANTINE_FAMILY_PRODUITS_LAITIERS, ch, 100 * (k + 1));
	}
	/* IGP and STG are the AOC step; CONVERSION_BIO is not the bio step;
	 * nothing EGALIM: non_egalim. */
	p[STEP__MAX] = buy("2026-03-02", CANTINE_FAMILY_PRODUITS_LAITIERS, C(STG) | C(FERMIER), 7);
	p[STEP__MAX + 1] = buy("2026-03-02", CANTINE_FAMILY_PRODUITS_LAITIERS, C(CONVERSION_BIO), 9);
	p[STEP__MAX + 2] = buy("2026-03-02", CANTINE_FAMILY_PRODUITS_LAITIERS, C(FRANCE), 11);
	egalim_count(p, STEP__MAX + 3, 2026, &c);
	for (k = 0; k < STEP__MAX; k++)
		assert_int_equal(c.ladder[CANTINE_FAMILY_PRODUITS_LAITIERS][k],
				 100 * (k + 1) + (k == STEP_AOCAOP_IGP_STG ? 7 : 0));
	assert_int_equal(c.non_egalim[CANTINE_FAMILY_PRODUITS_LAITIERS], 11);
	/* The headline counts CONVERSION_BIO as bio. */
	assert_int_equal(c.bio, 100 + 9);
}

static void test_data_year_rules(void **state)
{
	const cantine_purchase p[] = {
		buy("2024-05-02", CANTINE_FAMILY_FRUITS_ET_LEGUMES, C(FRANCE), 100),
		buy("2024-05-02", CANTINE_FAMILY_FRUITS_ET_LEGUMES, C(CIRCUIT_COURT), 20),
		buy("2024-05-02", CANTINE_FAMILY_FRUITS_ET_LEGUMES, C(LOCAL), 3),
		buy("2024-05-02", CANTINE_FAMILY_FRUITS_ET_LEGUMES, C(EUROPE) | C(LOCAL), 4000),
		buy("2024-05-02", CANTINE_FAMILY_FRUITS_ET_LEGUMES, C(FRANCE) | C(LOCAL), 50000),
	};
	egalim_counts c;
	const int f = CANTINE_FAMILY_FRUITS_ET_LEGUMES;

	(void)state;
	/* ≤ 2024: France is FRANCE alone; no Europe. */
	egalim_count(p, 5, 2024, &c);
	assert_int_equal(c.france[f], 50100);
	assert_int_equal(c.europe[f], 0);
	assert_int_equal(c.circuit_court[f], 20);
	assert_int_equal(c.local[f], 54003);
	/* 2025: France ∪ circuit court ∪ local, each once (EUROPE + LOCAL
	 * counts as France: ma-cantine's quirk). */
	egalim_count(p, 5, 2025, &c);
	assert_int_equal(c.france[f], 54123);
	assert_int_equal(c.europe[f], 0);
	/* ≥ 2026: FRANCE alone again, and Europe. */
	egalim_count(p, 5, 2026, &c);
	assert_int_equal(c.france[f], 50100);
	assert_int_equal(c.europe[f], 4000);
	assert_int_equal(c.local[f], 54003);
}

static void test_shares_exact(void **state)
{
	(void)state;
	/* Exactly 20 %: reached; one cent less: not. */
	assert_int_equal(egalim_reaches(2000, 10000, 20), 1);
	assert_int_equal(egalim_reaches(1999, 10000, 20), 0);
	assert_int_equal(egalim_reaches(33333, 100000, 33), 1);
	/* Undefined: no total, or a part above it. */
	assert_int_equal(egalim_reaches(0, 0, 20), -1);
	assert_int_equal(egalim_reaches(11, 10, 20), -1);
	assert_int_equal(egalim_share(0, 0), -1);
	assert_int_equal(egalim_share(1843, 10000), 1843);
	assert_int_equal(egalim_share(1, 3), 3333);
	assert_int_equal(egalim_share(2, 3), 6667);
	/* What is missing, the total fixed. */
	assert_int_equal(egalim_missing(1999, 10000, 20), 1);
	assert_int_equal(egalim_missing(2000, 10000, 20), 0);
	assert_int_equal(egalim_missing(0, 10001, 20), 2001); /* 2000.2 → 2001 */
	assert_int_equal(egalim_missing(5, 0, 20), 0);
}

static void test_thresholds(void **state)
{
	extern const char egalim_seuils_csv[];
	extern const size_t egalim_seuils_csv_size;
	thresholds t;
	const threshold *r;
	char err[300];
	static const struct { const char *dept; int year, bio, egalim, meat; const char *group; } cases[] = {
		{ "59", 2023, 20, 50, -1, "hexagone" },
		{ "62", 2024, 20, 50, 60, "hexagone" },
		{ "2A", 2030, 20, 50, 60, "hexagone" },
		{ "977", 2026, 20, 50, 60, "hexagone" }, /* Saint-Barthélemy: mainland */
		{ "971", 2025, 5, 20, 60, "groupe_1" },
		{ "974", 2026, 10, 35, 60, "groupe_1" },
		{ "978", 2030, 20, 50, 60, "groupe_1" },
		{ "976", 2025, 2, 5, 60, "groupe_2" },
		{ "976", 2029, 5, 15, 60, "groupe_2" },
		{ "976", 2034, 10, 30, 60, "groupe_2" },
		{ "976", 2035, 20, 50, 60, "groupe_2" },
		{ "975", 2029, 10, 30, 60, "groupe_3" },
		{ "975", 2030, 20, 50, 60, "groupe_3" },
	};
	static const struct { const char *text, *err; } bad[] = {
		{ "", "aucun seuil" },
		{ "groupe;x\n", "ligne 1 : l'en-tête doit être" },
		{ "groupe;departements;annee_debut;annee_fin;bio;egalim;viandes_poissons;source\n"
		  "h;*;2022;2021;20;50;;s\n", "ligne 2, colonne 4 (annee_fin)" },
		{ "groupe;departements;annee_debut;annee_fin;bio;egalim;viandes_poissons;source\n"
		  "h;*;2022;2030;30;20;;s\n", "ligne 2, colonne 6 (egalim)" },
		{ "groupe;departements;annee_debut;annee_fin;bio;egalim;viandes_poissons;source\n"
		  "h;*;2022;2030;20;50;101;s\n", "ligne 2, colonne 7 (viandes_poissons)" },
		{ "groupe;departements;annee_debut;annee_fin;bio;egalim;viandes_poissons;source\n"
		  "h;*;2022;2030;20;50\n", "ligne 2 : il faut 8 colonnes" },
	};
	size_t k;

	(void)state;
	assert_int_equal(thresholds_parse(egalim_seuils_csv, egalim_seuils_csv_size, &t, err,
					  sizeof(err)), 0);
	for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		r = thresholds_find(&t, cases[k].dept, cases[k].year);
		assert_non_null(r);
		if (r->bio != cases[k].bio || r->egalim != cases[k].egalim ||
		    r->meat_fish != cases[k].meat || strcmp(r->group, cases[k].group) != 0)
			fail_msg("%s %d: %s %d %d %d", cases[k].dept, cases[k].year, r->group,
				 r->bio, r->egalim, r->meat_fish);
	}
	assert_null(thresholds_find(&t, "59", 2021));
	thresholds_free(&t);
	for (k = 0; k < sizeof(bad) / sizeof(bad[0]); k++) {
		assert_int_equal(thresholds_parse(bad[k].text, strlen(bad[k].text), &t, err,
						  sizeof(err)), CANTINE_EINVAL);
		if (!strstr(err, bad[k].err))
			fail_msg("table %zu: « %s »", k, err);
	}
}

/* ---- the plugin against a fake host ---- */

typedef struct fake {
	cantine_purchase p[8];
	size_t           n;
	cantine_etab     etab;
	char             rule[16][40], msg[16][900];
	cantine_severity sev[16];
	int64_t          measured[16], threshold[16];
	size_t           found;
	char             failure[300];
} fake;

static fake *F(const cantine_host *h) { return h->opaque; }

static int f_purchases(const cantine_host *h, const char *uai, const char *from,
		       const char *to, const cantine_purchase **out, size_t *n)
{
	(void)uai, (void)from, (void)to;
	*out = F(h)->p;
	*n = F(h)->n;
	return 0;
}

static int f_etab(const cantine_host *h, const char *uai, const cantine_etab **out)
{
	(void)uai;
	*out = &F(h)->etab;
	return 0;
}

static int f_data(const cantine_host *h, const char *name, const char **b, size_t *n)
{
	(void)h, (void)name, (void)b, (void)n;
	return CANTINE_ENOTFOUND;
}

static int f_report(const cantine_host *h, const cantine_finding *fd)
{
	fake *f = F(h);

	assert_true(f->found < 16);
	snprintf(f->rule[f->found], sizeof(f->rule[0]), "%s", fd->rule);
	snprintf(f->msg[f->found], sizeof(f->msg[0]), "%s", fd->message);
	f->sev[f->found] = fd->severity;
	f->measured[f->found] = fd->measured;
	f->threshold[f->found] = fd->threshold;
	f->found++;
	return 0;
}

static int f_fail(const cantine_host *h, int code, const char *m)
{
	snprintf(F(h)->failure, sizeof(F(h)->failure), "%s", m);
	return code;
}

static size_t audit(fake *f, const char *dept, const char *from, const char *to)
{
	const cantine_plugin *pl = cantine_builtin_plugin_egalim();
	cantine_host h;
	void *self = NULL;

	memset(&h, 0, sizeof(h));
	h.abi_version = CANTINE_PLUGIN_ABI;
	h.struct_size = sizeof(h);
	h.opaque = f;
	h.data = f_data;
	h.report = f_report;
	h.fail = f_fail;
	h.purchases = f_purchases;
	h.etab = f_etab;
	f->etab.uai = "0595871L";
	f->etab.departement = dept;
	f->found = 0;
	assert_int_equal(pl->init(&h, &self), 0);
	assert_int_equal(pl->audit_purchases(self, &h, "0595871L", from, to), 0);
	pl->fini(self);
	return f->found;
}

static size_t find(const fake *f, const char *rule)
{
	size_t i;

	for (i = 0; i < f->found; i++)
		if (strcmp(f->rule[i], rule) == 0)
			return i;
	fail_msg("no finding %s", rule);
	return 0;
}

static void test_plugin(void **state)
{
	fake *f = calloc(1, sizeof(*f));
	size_t i;

	(void)state;
	/* 10 000,00 € of purchases: 19,99 % bio, 55,99 % quality; meat and
	 * fish 6 000,00 € of which 3 599,99 € EGALIM (one cent under 60 %). */
	f->p[0] = buy("2026-02-01", CANTINE_FAMILY_AUTRES, C(BIO), 199900);
	f->p[1] = buy("2026-02-01", CANTINE_FAMILY_VIANDES_VOLAILLES, C(LABEL_ROUGE), 300000);
	f->p[2] = buy("2026-02-01", CANTINE_FAMILY_PRODUITS_DE_LA_MER, C(PECHE_DURABLE), 59999);
	f->p[3] = buy("2026-02-01", CANTINE_FAMILY_VIANDES_VOLAILLES, C(FRANCE), 240001);
	f->p[4] = buy("2026-02-01", CANTINE_FAMILY_AUTRES, C(EUROPE), 200100);
	f->n = 5;
	assert_int_equal(audit(f, "59", "2026-01-01", "2026-12-31"), 6);
	assert_non_null(strstr(f->msg[find(f, "egalim.ijml")],
			       "2026 : Ici je mange local : aucune étoile (local 0,00 %"));
	i = find(f, "egalim.bio");
	assert_int_equal(f->sev[i], CANTINE_SEVERITY_ERROR);
	assert_int_equal(f->measured[i], 1999);
	assert_int_equal(f->threshold[i], 2000);
	assert_non_null(strstr(f->msg[i], "il manque 1,00 € d'achats bio"));
	assert_non_null(strstr(f->msg[i], "2026 : bio 19,99 % (1 999,00 € sur 10 000,00 € "));
	i = find(f, "egalim.qualite");
	assert_int_equal(f->sev[i], CANTINE_SEVERITY_INFO); /* 5 598,99 € of 10 000,00 € */
	assert_int_equal(f->measured[i], 5599);
	i = find(f, "egalim.viandes-poissons");
	assert_int_equal(f->sev[i], CANTINE_SEVERITY_ERROR);
	assert_non_null(strstr(f->msg[i], "il manque 0,01 €"));
	i = find(f, "egalim.detail");
	assert_non_null(strstr(f->msg[i], "Europe 20,01 %"));
	/* 1,00 € more of bio and 0,01 € more of sustainable fish, instead of
	 * French meat: the total is the same and both objectives are reached. */
	f->p[0].amount_cents = 200000;
	f->p[2].amount_cents = 60000;
	f->p[3].amount_cents = 239900;
	audit(f, "59", "2026-01-01", "2026-12-31");
	assert_int_equal(f->sev[find(f, "egalim.bio")], CANTINE_SEVERITY_INFO);
	assert_int_equal(f->sev[find(f, "egalim.viandes-poissons")], CANTINE_SEVERITY_INFO);
	/* Overseas, group 1 in 2026: 10 % and 35 %. */
	audit(f, "971", "2026-01-01", "2026-12-31");
	i = find(f, "egalim.bio");
	assert_int_equal(f->threshold[i], 1000);
	assert_non_null(strstr(f->msg[i], "groupe_1"));
	/* Before 2024: no meat and fish objective. */
	for (i = 0; i < f->n; i++)
		f->p[i].date = "2023-06-01";
	audit(f, "59", "2023-01-01", "2023-12-31");
	for (i = 0; i < f->found; i++)
		assert_string_not_equal(f->rule[i], "egalim.viandes-poissons");
	/* No purchase: undefined, not 0 %. */
	f->n = 0;
	assert_int_equal(audit(f, "59", "2026-01-01", "2026-12-31"), 1);
	assert_string_equal(f->rule[0], "egalim.achats");
	assert_non_null(strstr(f->msg[0], "pas définis"));
	free(f);
}

/* ---- Ici je mange local ---- */

static cantine_purchase local_buy(cantine_family f, unsigned ch, cantine_local def,
				  int64_t cents)
{
	cantine_purchase p = buy("2026-04-01", f, ch, cents);

	p.local = def;
	return p;
}

static int level(const ijml_table *t, const cantine_purchase *p, size_t n, int *bio)
{
	ijml_facts f;
	size_t i;
	int best = 0;

	ijml_facts_of(p, n, &f);
	*bio = 0;
	for (i = 0; i < t->n; i++) {
		if (!ijml_holds(&t->at[i], &f))
			continue;
		if (t->at[i].rank == 0)
			*bio = 1;
		else if (t->at[i].rank > best)
			best = t->at[i].rank;
	}
	return best;
}

static void test_ijml(void **state)
{
	extern const char egalim_ijml_csv[];
	extern const size_t egalim_ijml_csv_size;
	const unsigned L = C(LOCAL);
	ijml_table t;
	ijml_facts f;
	char err[300];
	int bio;
	cantine_purchase p[6];

	(void)state;
	assert_int_equal(ijml_parse(egalim_ijml_csv, egalim_ijml_csv_size, &t, err,
				    sizeof(err)), 0);
	/* Local: a definition inside the region; a distance does not count.
	 * Meat and charcuterie are one sector. */
	p[0] = local_buy(CANTINE_FAMILY_VIANDES_VOLAILLES, L, CANTINE_LOCAL_DEPARTEMENT, 1000);
	p[1] = local_buy(CANTINE_FAMILY_CHARCUTERIE, L, CANTINE_LOCAL_REGION, 500);
	p[2] = local_buy(CANTINE_FAMILY_FRUITS_ET_LEGUMES, L, CANTINE_LOCAL_KM, 700);
	p[3] = local_buy(CANTINE_FAMILY_AUTRES, 0, CANTINE_LOCAL_NONE, 5000);
	ijml_facts_of(p, 4, &f);
	assert_int_equal(f.total, 7200);
	assert_int_equal(f.local, 1500);
	assert_int_equal(f.sectors, 1);
	/* Exactly 20 % local over 2 sectors: 1 star; one cent less: none. */
	p[0] = local_buy(CANTINE_FAMILY_VIANDES_VOLAILLES, L, CANTINE_LOCAL_REGION, 1000);
	p[1] = local_buy(CANTINE_FAMILY_PRODUITS_LAITIERS, L, CANTINE_LOCAL_PAT, 1000);
	p[2] = local_buy(CANTINE_FAMILY_AUTRES, 0, CANTINE_LOCAL_NONE, 8000);
	assert_int_equal(level(&t, p, 3, &bio), 1);
	assert_int_equal(bio, 0);
	p[1].amount_cents = 999;
	p[2].amount_cents = 8001;
	assert_int_equal(level(&t, p, 3, &bio), 0);
	/* 35 % local of which 5 % regional organic: 2 stars by the second way
	 * (one sector is enough there); 40 % with 2 sectors is not. */
	p[0] = local_buy(CANTINE_FAMILY_VIANDES_VOLAILLES, L, CANTINE_LOCAL_REGION, 3000);
	p[1] = local_buy(CANTINE_FAMILY_VIANDES_VOLAILLES, L | C(BIO), CANTINE_LOCAL_REGION, 500);
	p[2] = local_buy(CANTINE_FAMILY_AUTRES, 0, CANTINE_LOCAL_NONE, 6500);
	assert_int_equal(level(&t, p, 3, &bio), 2);
	p[1].characteristics = L;
	p[0].amount_cents = 3500;
	p[1] = local_buy(CANTINE_FAMILY_PRODUITS_LAITIERS, L, CANTINE_LOCAL_REGION, 500);
	p[2].amount_cents = 6000;
	assert_int_equal(level(&t, p, 3, &bio), 1);
	/* 60 % local, 4 sectors, 10 % regional organic: 3 stars and, with
	 * 20 % regional organic, the organic distinction. */
	p[0] = local_buy(CANTINE_FAMILY_VIANDES_VOLAILLES, L | C(BIO), CANTINE_LOCAL_REGION, 2000);
	p[1] = local_buy(CANTINE_FAMILY_PRODUITS_LAITIERS, L, CANTINE_LOCAL_REGION, 1500);
	p[2] = local_buy(CANTINE_FAMILY_FRUITS_ET_LEGUMES, L, CANTINE_LOCAL_COMMUNE, 1500);
	p[3] = local_buy(CANTINE_FAMILY_BOULANGERIE, L, CANTINE_LOCAL_REGION, 1000);
	p[4] = local_buy(CANTINE_FAMILY_AUTRES, 0, CANTINE_LOCAL_NONE, 4000);
	assert_int_equal(level(&t, p, 5, &bio), 3);
	assert_int_equal(bio, 1);
	/* No purchase: no level. */
	assert_int_equal(level(&t, p, 0, &bio), 0);
	ijml_free(&t);
	/* A bad table. */
	assert_int_equal(ijml_parse("niveau;rang\n", 12, &t, err, sizeof(err)), CANTINE_EINVAL);
	assert_non_null(strstr(err, "ligne 1 : l'en-tête doit être"));
	{
		static const char bad[] = "niveau;rang;local_min;filieres_min;bio_regional_min;libelle\n"
					  "x;4;20;2;0;x\n";
		assert_int_equal(ijml_parse(bad, sizeof(bad) - 1, &t, err, sizeof(err)),
				 CANTINE_EINVAL);
		assert_non_null(strstr(err, "ligne 2, colonne 2 (rang)"));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_headline_buckets),
		cmocka_unit_test(test_ladder),
		cmocka_unit_test(test_data_year_rules),
		cmocka_unit_test(test_shares_exact),
		cmocka_unit_test(test_thresholds),
		cmocka_unit_test(test_plugin),
		cmocka_unit_test(test_ijml),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
