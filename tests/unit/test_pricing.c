/*
 * test_pricing.c: tariff grids (cantine/pricing.h): the family price per
 * meal at every tier boundary, the grid checks (core.tariff-*), cents,
 * and the `tarifs` import (refusals, load back).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* ---- grids built in memory ---- */

/* Nord style: ticket 3,10 €, aids by RFR for 1 and 3 children. */
static const cantine_tier nord_tiers[] = {
	{ "R1", CANTINE_TIER_RFR, 0, 900000, 1, 187, -1, CANTINE_FUNDER_DEPARTEMENT },
	{ "R2", CANTINE_TIER_RFR, 900001, 1400000, 1, 144, -1, CANTINE_FUNDER_DEPARTEMENT },
	{ "R3", CANTINE_TIER_RFR, 1400001, 1900000, 1, 89, -1, CANTINE_FUNDER_DEPARTEMENT },
	{ "S1", CANTINE_TIER_RFR, 0, 1300000, 3, 187, -1, CANTINE_FUNDER_DEPARTEMENT },
};

static cantine_tariff nord(void)
{
	cantine_tariff t;

	memset(&t, 0, sizeof(t));
	t.uai = "0595871L";
	t.year = "2026-2027";
	t.ticket_cents = 310;
	t.forfait4_cents = t.forfait5_cents = -1;
	t.cost_cents = 540;
	t.progressive = 1;
	t.funder = CANTINE_FUNDER_DEPARTEMENT;
	t.tiers = nord_tiers;
	t.ntiers = sizeof(nord_tiers) / sizeof(nord_tiers[0]);
	return t;
}

/* QF style with family prices: 0–375 → 1,00 €; 375,01–563 → 2,00 €;
 * 563,01 and more → 3,00 €; bursary → 1,20 €. */
static const cantine_tier qf_tiers[] = {
	{ "Q1", CANTINE_TIER_QF, 0, 37500, 0, -1, 100, CANTINE_FUNDER_DEPARTEMENT },
	{ "Q2", CANTINE_TIER_QF, 37501, 56300, 0, -1, 200, CANTINE_FUNDER_FONDS_SOCIAL },
	{ "Q3", CANTINE_TIER_QF, 56301, CANTINE_TIER_NO_LIMIT, 0, -1, 300, CANTINE_FUNDER_DEPARTEMENT },
	{ "B", CANTINE_TIER_BOURSE, 0, CANTINE_TIER_NO_LIMIT, 0, -1, 120, CANTINE_FUNDER_BOURSE },
};

static cantine_tariff qf(void)
{
	cantine_tariff t = nord();

	t.ticket_cents = 306;
	t.cost_cents = 450;
	t.tiers = qf_tiers;
	t.ntiers = sizeof(qf_tiers) / sizeof(qf_tiers[0]);
	return t;
}

static cantine_price price(const cantine_tariff *t, cantine_tier_basis b, int64_t income,
			   int children)
{
	cantine_situation s = { b, income, children };
	cantine_price p;

	assert_int_equal(cantine_tariff_price(t, &s, &p), 0);
	return p;
}

static const char *tier_of(const cantine_tariff *t, cantine_tier_basis b, int64_t income,
			   int children)
{
	cantine_price p = price(t, b, income, children);

	return p.tier ? p.tier->label : "-";
}

/* Both bounds are inclusive, to the cent. */
static void test_qf_boundaries(void **state)
{
	cantine_tariff t = qf();
	(void)state;

	assert_string_equal(tier_of(&t, CANTINE_TIER_QF, 0, 0), "Q1");
	assert_string_equal(tier_of(&t, CANTINE_TIER_QF, 37500, 0), "Q1");   /* 375,00: in */
	assert_string_equal(tier_of(&t, CANTINE_TIER_QF, 37501, 0), "Q2");   /* 375,01 */
	assert_string_equal(tier_of(&t, CANTINE_TIER_QF, 56300, 0), "Q2");
	assert_string_equal(tier_of(&t, CANTINE_TIER_QF, 56301, 0), "Q3");
	assert_string_equal(tier_of(&t, CANTINE_TIER_QF, 99999999, 0), "Q3"); /* no limit */
	assert_int_equal(price(&t, CANTINE_TIER_QF, 37500, 0).family_cents, 100);
	assert_int_equal(price(&t, CANTINE_TIER_QF, 37500, 0).aid_cents, 206);
	assert_int_equal(price(&t, CANTINE_TIER_QF, 37501, 0).family_cents, 200);
	assert_int_equal(price(&t, CANTINE_TIER_QF, 37501, 0).funder, CANTINE_FUNDER_FONDS_SOCIAL);
	assert_int_equal(price(&t, CANTINE_TIER_QF, 56301, 0).family_cents, 300);
	assert_int_equal(price(&t, CANTINE_TIER_QF, 56301, 0).aid_cents, 6);
}

static void test_rfr_boundaries_and_children(void **state)
{
	cantine_tariff t = nord();
	cantine_price p;
	(void)state;

	assert_string_equal(tier_of(&t, CANTINE_TIER_RFR, 900000, 1), "R1");
	assert_string_equal(tier_of(&t, CANTINE_TIER_RFR, 900001, 1), "R2");
	assert_string_equal(tier_of(&t, CANTINE_TIER_RFR, 1400000, 1), "R2");
	assert_string_equal(tier_of(&t, CANTINE_TIER_RFR, 1400001, 1), "R3");
	assert_string_equal(tier_of(&t, CANTINE_TIER_RFR, 1900000, 1), "R3");
	/* Above the last bracket: no tier, the ticket price, no aid. */
	p = price(&t, CANTINE_TIER_RFR, 1900001, 1);
	assert_null(p.tier);
	assert_int_equal(p.family_cents, 310);
	assert_int_equal(p.aid_cents, 0);
	/* 1 child at 12 000 € is R2, 3 children at 12 000 € is S1. */
	assert_string_equal(tier_of(&t, CANTINE_TIER_RFR, 1200000, 3), "S1");
	/* 2 children: the grid lists none, and 2 is not more than the
	 * largest number listed (3): no tier. */
	assert_string_equal(tier_of(&t, CANTINE_TIER_RFR, 100000, 2), "-");
	/* 7 children: measured on the largest number listed (3). */
	assert_string_equal(tier_of(&t, CANTINE_TIER_RFR, 1300000, 7), "S1");
	assert_string_equal(tier_of(&t, CANTINE_TIER_RFR, 1300001, 7), "-");
	/* Nord aid: 3,10 − 1,87 = 1,23 €, in exact cents. */
	p = price(&t, CANTINE_TIER_RFR, 0, 1);
	assert_int_equal(p.family_cents, 123);
	assert_int_equal(p.aid_cents, 187);
	assert_int_equal(price(&t, CANTINE_TIER_RFR, 900001, 1).family_cents, 166);
	assert_int_equal(price(&t, CANTINE_TIER_RFR, 1400001, 1).family_cents, 221);
	/* A QF situation does not match RFR tiers. */
	assert_null(price(&t, CANTINE_TIER_QF, 0, 0).tier);
}

static void test_bursary_and_bad_situations(void **state)
{
	cantine_tariff t = qf();
	cantine_situation s = { CANTINE_TIER_RFR, 100, 0 };
	cantine_price p;
	(void)state;

	p = price(&t, CANTINE_TIER_BOURSE, 0, 0);
	assert_string_equal(p.tier->label, "B");
	assert_int_equal(p.family_cents, 120);
	assert_int_equal(p.aid_cents, 186);
	assert_int_equal(p.funder, CANTINE_FUNDER_BOURSE);
	/* Nord grid: no bursary tier, the ticket price. */
	t = nord();
	assert_null(price(&t, CANTINE_TIER_BOURSE, 0, 0).tier);
	assert_int_equal(cantine_tariff_price(&t, &s, &p), CANTINE_EINVAL); /* 0 child */
	s.basis = CANTINE_TIER_QF;
	s.income_cents = -1;
	assert_int_equal(cantine_tariff_price(&t, &s, &p), CANTINE_EINVAL);
	s.basis = CANTINE_TIER__MAX;
	assert_int_equal(cantine_tariff_price(&t, &s, &p), CANTINE_EINVAL);
}

/* An aid larger than the ticket never makes the family's price negative. */
static void test_aid_capped_at_ticket(void **state)
{
	static const cantine_tier big[] = {
		{ "X", CANTINE_TIER_QF, 0, 100, 0, 400, -1, CANTINE_FUNDER_DEPARTEMENT },
	};
	cantine_tariff t = nord();
	cantine_price p;
	(void)state;

	t.tiers = big;
	t.ntiers = 1;
	p = price(&t, CANTINE_TIER_QF, 50, 0);
	assert_int_equal(p.family_cents, 0);
	assert_int_equal(p.aid_cents, 310);
}

static void test_cents(void **state)
{
	char b[32];
	int64_t c;
	(void)state;

	assert_int_equal(cantine_forfait_per_meal(16000, 48), 333); /* 3,3333 */
	assert_int_equal(cantine_forfait_per_meal(14688, 48), 306);
	assert_int_equal(cantine_forfait_per_meal(100, 8), 13);     /* 12,5 → 13 */
	assert_int_equal(cantine_forfait_per_meal(100, 0), -1);
	assert_int_equal(cantine_euros_format(b, sizeof(b), 310), 0);
	assert_string_equal(b, "3,10 €");
	assert_int_equal(cantine_euros_format(b, sizeof(b), -45), 0);
	assert_string_equal(b, "-0,45 €");
	assert_int_equal(cantine_euros_format(b, 4, 310), -1);
	/* thousands grouped by a space */
	assert_int_equal(cantine_euros_format(b, sizeof(b), 99999), 0);
	assert_string_equal(b, "999,99 €");
	assert_int_equal(cantine_euros_format(b, sizeof(b), 100000), 0);
	assert_string_equal(b, "1 000,00 €");
	assert_int_equal(cantine_euros_format(b, sizeof(b), -123456789), 0);
	assert_string_equal(b, "-1 234 567,89 €");
	assert_int_equal(cantine_euros_parse("375,01", &c), 0);
	assert_int_equal(c, 37501);
	assert_int_equal(cantine_euros_parse("12500.5", &c), 0);
	assert_int_equal(c, 1250050);
	assert_int_equal(cantine_euros_parse("850", &c), 0);
	assert_int_equal(c, 85000);
	assert_int_equal(cantine_euros_parse("1,234", &c), -1);
	assert_int_equal(cantine_euros_parse("-3", &c), -1);
	assert_int_equal(cantine_euros_parse("3,", &c), -1);
	assert_int_equal(cantine_euros_parse("3 €", &c), -1);
	assert_int_equal(cantine_school_year_check("2026-2027"), 0);
	assert_int_equal(cantine_school_year_check("2026-2028"), -1);
	assert_int_equal(cantine_school_year_check("2026"), -1);
}

/* ---- checks ---- */

/* Number of findings of rule `rule`, and the severity of the last. */
static size_t findings(const cantine_tariff *t, const char *rule, cantine_severity *sev)
{
	cantine_report *r;
	size_t i, n = 0;

	assert_int_equal(cantine_tariff_check(&r, t), 0);
	for (i = 0; i < cantine_report_count(r); i++) {
		const cantine_finding *f = cantine_report_get(r, i);
		if (strcmp(f->rule, rule) == 0) {
			n++;
			if (sev)
				*sev = f->severity;
		}
	}
	cantine_report_free(r);
	return n;
}

static size_t errors(const cantine_tariff *t)
{
	cantine_report *r;
	size_t n;

	assert_int_equal(cantine_tariff_check(&r, t), 0);
	n = cantine_report_count_severity(r, CANTINE_SEVERITY_ERROR);
	cantine_report_free(r);
	return n;
}

static void test_check_good_grids(void **state)
{
	cantine_tariff t = nord();
	(void)state;

	assert_int_equal(errors(&t), 0);
	t = qf();
	assert_int_equal(errors(&t), 0);
	assert_int_equal(cantine_tariff_levels(&t), 5); /* 1,00 1,20 2,00 3,00 + 3,06 */
}

static void test_check_progressive(void **state)
{
	/* Two tiers, both below the ticket: 2 family prices + the ticket = 3. */
	static const cantine_tier two[] = {
		{ "A", CANTINE_TIER_QF, 0, 50000, 0, -1, 100, CANTINE_FUNDER_DEPARTEMENT },
		{ "B", CANTINE_TIER_QF, 50001, CANTINE_TIER_NO_LIMIT, 0, -1, 306, CANTINE_FUNDER_DEPARTEMENT },
	};
	cantine_tariff t = qf();
	cantine_severity sev;
	(void)state;

	t.tiers = two;
	t.ntiers = 2;
	/* The second tier costs the ticket price: 2 levels only. */
	assert_int_equal(cantine_tariff_levels(&t), 2);
	assert_int_equal(findings(&t, "core.tariff-progressive", &sev), 1);
	assert_int_equal(sev, CANTINE_SEVERITY_ERROR);
	t.progressive = 0;
	assert_int_equal(findings(&t, "core.tariff-progressive", NULL), 0);
	/* Three levels: holds. */
	t = qf();
	t.ntiers = 2; /* Q1 1,00, Q2 2,00, ticket 3,06 */
	assert_int_equal(cantine_tariff_levels(&t), 3);
	assert_int_equal(findings(&t, "core.tariff-progressive", NULL), 0);
}

static void test_check_above_cost(void **state)
{
	static const cantine_commensal comm[] = { { "Commensal A", 541 } };
	cantine_tariff t = nord();
	(void)state;

	t.cost_cents = 310; /* ticket at the cost: allowed (≤) */
	assert_int_equal(findings(&t, "core.tariff-above-cost", NULL), 0);
	t.cost_cents = 309;
	assert_int_equal(findings(&t, "core.tariff-above-cost", NULL), 1);
	t = nord();
	t.commensals = comm;
	t.ncommensals = 1;
	assert_int_equal(findings(&t, "core.tariff-above-cost", NULL), 1);
	/* Forfait: 160,00 € for 48 meals is 3,33 € rounded, but above
	 * 48 × 3,33 € = 159,84 €: compared exactly. */
	t = nord();
	t.ticket_cents = 300;
	t.cost_cents = 333;
	t.forfait4_cents = 16000;
	t.meals4 = 48;
	assert_int_equal(findings(&t, "core.tariff-above-cost", NULL), 1);
	t.forfait4_cents = 15984;
	assert_int_equal(findings(&t, "core.tariff-above-cost", NULL), 0);
	/* A family price above the cost. */
	t = qf();
	t.cost_cents = 306;
	assert_int_equal(findings(&t, "core.tariff-above-cost", NULL), 0);
	t.cost_cents = 299; /* ticket 3,06 and Q3 3,00 are above */
	assert_int_equal(findings(&t, "core.tariff-above-cost", NULL), 2);
}

static void test_check_negative_and_aid(void **state)
{
	static const cantine_tier big[] = {
		{ "X", CANTINE_TIER_QF, 0, 100, 0, 311, -1, CANTINE_FUNDER_DEPARTEMENT },
		{ "Y", CANTINE_TIER_QF, 101, 200, 0, 310, -1, CANTINE_FUNDER_DEPARTEMENT },
	};
	static const cantine_commensal neg[] = { { "C", -1 } };
	cantine_tariff t = nord();
	(void)state;

	t.ticket_cents = -5;
	assert_int_equal(findings(&t, "core.tariff-negative-price", NULL), 1);
	t = nord();
	t.commensals = neg;
	t.ncommensals = 1;
	assert_int_equal(findings(&t, "core.tariff-negative-price", NULL), 1);
	t = nord();
	t.tiers = big;
	t.ntiers = 2;
	/* 3,11 € of aid on a 3,10 € ticket; 3,10 € is the limit (free meal). */
	assert_int_equal(findings(&t, "core.tariff-aid-above-price", NULL), 1);
}

static void test_check_overlap(void **state)
{
	static const cantine_tier tiers[] = {
		{ "A", CANTINE_TIER_QF, 0, 37500, 0, -1, 100, CANTINE_FUNDER_DEPARTEMENT },
		{ "B", CANTINE_TIER_QF, 37500, 56300, 0, -1, 200, CANTINE_FUNDER_DEPARTEMENT },
		{ "C", CANTINE_TIER_RFR, 0, 37500, 1, 50, -1, CANTINE_FUNDER_DEPARTEMENT },
		{ "D", CANTINE_TIER_RFR, 0, 37500, 2, 50, -1, CANTINE_FUNDER_DEPARTEMENT },
		{ "E", CANTINE_TIER_BOURSE, 0, CANTINE_TIER_NO_LIMIT, 0, -1, 120, CANTINE_FUNDER_DEPARTEMENT },
		{ "F", CANTINE_TIER_BOURSE, 0, CANTINE_TIER_NO_LIMIT, 0, -1, 100, CANTINE_FUNDER_DEPARTEMENT },
	};
	cantine_tariff t = qf();
	(void)state;

	/* A and B share 375,00 € (inclusive bounds); C and D differ by the
	 * number of children; QF and RFR never overlap; E and F do. */
	t.tiers = tiers;
	t.ntiers = 6;
	assert_int_equal(findings(&t, "core.tariff-overlap", NULL), 2);
	t.ntiers = 4;
	assert_int_equal(findings(&t, "core.tariff-overlap", NULL), 1);
	t.tiers = tiers + 1;
	t.ntiers = 3;
	assert_int_equal(findings(&t, "core.tariff-overlap", NULL), 0);
}

static void test_check_cantine_1e(void **state)
{
	/* 0,90 / 2,00 / ticket 3,06: holds. */
	static const cantine_tier ok[] = {
		{ "A", CANTINE_TIER_QF, 0, 100000, 0, -1, 90, CANTINE_FUNDER_ETAT },
		{ "B", CANTINE_TIER_QF, 100001, 150000, 0, -1, 200, CANTINE_FUNDER_DEPARTEMENT },
	};
	/* 1,01 / 2,00 / ticket: no tier at 1 € or less. */
	static const cantine_tier no_low[] = {
		{ "A", CANTINE_TIER_QF, 0, 100000, 0, -1, 101, CANTINE_FUNDER_ETAT },
		{ "B", CANTINE_TIER_QF, 100001, 150000, 0, -1, 200, CANTINE_FUNDER_DEPARTEMENT },
	};
	/* Exactly 1,00 € counts as "≤ 1 €". */
	static const cantine_tier one[] = {
		{ "A", CANTINE_TIER_QF, 0, 100000, 0, -1, 100, CANTINE_FUNDER_ETAT },
		{ "B", CANTINE_TIER_QF, 100001, 150000, 0, -1, 200, CANTINE_FUNDER_DEPARTEMENT },
	};
	cantine_tariff t = qf();
	cantine_severity sev;
	(void)state;

	t.cantine_1e = 1;
	t.tiers = ok;
	t.ntiers = 2;
	assert_int_equal(findings(&t, "core.tariff-cantine-1e", NULL), 0);
	/* Always the warning: the scheme does not fund collèges. */
	assert_int_equal(findings(&t, "core.tariff-cantine-1e-college", &sev), 1);
	assert_int_equal(sev, CANTINE_SEVERITY_WARNING);
	t.tiers = one;
	assert_int_equal(findings(&t, "core.tariff-cantine-1e", NULL), 0);
	t.tiers = no_low;
	assert_int_equal(findings(&t, "core.tariff-cantine-1e", &sev), 1);
	assert_int_equal(sev, CANTINE_SEVERITY_ERROR);
	/* Fewer than 3 tiers. */
	t.tiers = ok;
	t.ntiers = 1;
	assert_int_equal(findings(&t, "core.tariff-cantine-1e", NULL), 1);
	/* Nothing above 1 €: ticket 1,00 €, one tier at 0,90. */
	t.ticket_cents = 100;
	assert_int_equal(findings(&t, "core.tariff-cantine-1e", NULL), 2);
	/* Not claimed: no finding at all. */
	t.cantine_1e = 0;
	assert_int_equal(findings(&t, "core.tariff-cantine-1e", NULL), 0);
	assert_int_equal(findings(&t, "core.tariff-cantine-1e-college", NULL), 0);
}

/* ---- the tarifs import ---- */

static int setup(void **state)
{
	tu_fixture *f;
	cantine_etab e;

	tu_setup_store(state);
	f = *state;
	tu_etab_init(&e, "0595871L");
	assert_int_equal(cantine_etab_save(f->ctx, &e), 0);
	return 0;
}

static const char head[] =
	"uai;annee;element;libelle;prix_ticket;cout_usager;progressif;prix;critere;de;a;"
	"enfants;aide;prix_famille\n";

static int import(tu_fixture *f, const char *body, cantine_problems **pbs)
{
	char buf[4096];

	snprintf(buf, sizeof(buf), "%s%s", head, body);
	*pbs = NULL;
	return cantine_import_csv_mem(f->ctx, CANTINE_KIND_TARIFFS, "t.csv", buf, strlen(buf),
				      CANTINE_ENCODING_AUTO, pbs, NULL);
}

static const char *first(const cantine_problems *pbs, cantine_buf *b)
{
	b->size = 0;
	assert_true(cantine_problems_count(pbs) > 0);
	assert_int_equal(cantine_problem_format(cantine_problems_get(pbs, 0), b), 0);
	return b->ptr;
}

static long long tiers_in_store(tu_fixture *f)
{
	return tu_file_query_int(f->db_path, "SELECT count(*) FROM tariff_tier");
}

static void test_import_and_load(void **state)
{
	tu_fixture *f = *state;
	cantine_problems *pbs;
	cantine_tariff *t;
	cantine_price p;
	cantine_situation s = { CANTINE_TIER_QF, 37500, 0 };

	assert_int_equal(import(f,
		"0595871L;2026-2027;tranche;Q2;;;;;qf;375,01;;;;2,00\n"
		"0595871L;2026-2027;grille;;3,10;5,40;oui;;;;;;;\n"
		"0595871L;2026-2027;commensal;Commensal A;;;;5,23;;;;;;\n"
		"0595871L;2026-2027;tranche;Q1;;;;;qf;0;375;;1,87;\n", &pbs), 0);
	assert_null(pbs);
	assert_int_equal(cantine_tariff_load(&t, f->ctx, "0595871L", "2026-2027"), 0);
	assert_int_equal(t->ticket_cents, 310);
	assert_int_equal(t->cost_cents, 540);
	assert_int_equal(t->progressive, 1);
	assert_int_equal(t->ncommensals, 1);
	assert_int_equal(t->ntiers, 2);
	assert_int_equal(cantine_tariff_price(t, &s, &p), 0);
	assert_string_equal(p.tier->label, "Q1");
	assert_int_equal(p.family_cents, 123);
	s.income_cents = 37501;
	assert_int_equal(cantine_tariff_price(t, &s, &p), 0);
	assert_string_equal(p.tier->label, "Q2");
	assert_int_equal(p.family_cents, 200);
	cantine_tariff_free(t);
	assert_int_equal(cantine_tariff_load(&t, f->ctx, "0595871L", "2025-2026"),
			 CANTINE_ENOTFOUND);
	assert_null(t);
	assert_int_equal(cantine_tariff_load(&t, f->ctx, "0595871L", "2025"), CANTINE_EINVAL);
	/* The same grid again replaces it: still 2 tiers. */
	assert_int_equal(import(f, "0595871L;2026-2027;grille;;3,10;5,40;oui;;;;;;;\n"
		"0595871L;2026-2027;tranche;Q1;;;;;qf;0;375;;1,87;\n"
		"0595871L;2026-2027;tranche;Q2;;;;;qf;375,01;;;;2,00\n", &pbs), 0);
	assert_int_equal(tiers_in_store(f), 2);
}

/* Each bad grid: refused, the message, nothing written. */
static void refused(tu_fixture *f, const char *body, const char *where, const char *what)
{
	cantine_buf b = CANTINE_BUF_INIT;
	cantine_problems *pbs;

	assert_int_equal(import(f, body, &pbs), CANTINE_EINVAL);
	first(pbs, &b);
	if (!tu_contains(b.ptr, where) || !tu_contains(b.ptr, what))
		fail_msg("got « %s », expected « %s » and « %s »", b.ptr, where, what);
	cantine_buf_dispose(&b);
	cantine_problems_free(pbs);
	assert_int_equal(tiers_in_store(f), 0);
	assert_int_equal(tu_file_query_int(f->db_path, "SELECT count(*) FROM tariff"), 0);
}

static void test_import_refusals(void **state)
{
	tu_fixture *f = *state;
	const char *g = "0595871L;2026-2027;grille;;3,10;5,40;non;;;;;;;\n";
	char body[1024];

	/* Overlap: 375,00 is in both (inclusive bounds). */
	snprintf(body, sizeof(body), "%s%s%s", g,
		 "0595871L;2026-2027;tranche;Q1;;;;;qf;0;375;;1,87;\n",
		 "0595871L;2026-2027;tranche;Q2;;;;;qf;375;563;;1,44;\n");
	refused(f, body, "ligne 4, colonne 10 (de)", "chevauche la tranche « Q1 » (ligne 3)");
	/* Aid above the ticket. */
	snprintf(body, sizeof(body), "%s%s", g,
		 "0595871L;2026-2027;tranche;Q1;;;;;qf;0;375;;3,11;\n");
	refused(f, body, "ligne 3, colonne 13 (aide)", "dépasse le prix du ticket");
	/* Price above the cost per user (R. 531-53). */
	refused(f, "0595871L;2026-2027;grille;;5,41;5,40;non;;;;;;;\n",
		"ligne 2, colonne 5 (prix_ticket)", "R. 531-53");
	snprintf(body, sizeof(body), "%s%s", g,
		 "0595871L;2026-2027;commensal;A;;;;5,41;;;;;;\n");
	refused(f, body, "ligne 3, colonne 8 (prix)", "dépasse le coût de revient");
	/* Negative price. */
	refused(f, "0595871L;2026-2027;grille;;-3,10;5,40;non;;;;;;;\n",
		"ligne 2, colonne 5 (prix_ticket)", "est négatif");
	/* Both aid and family price; and a tier without grid row. */
	refused(f, "0595871L;2026-2027;tranche;Q1;;;;;qf;0;375;;1,87;1,00\n",
		"ligne 2, colonne 14 (prix_famille)", "pas les deux");
	refused(f, "0595871L;2026-2027;tranche;Q1;;;;;qf;0;375;;1,87;\n",
		"ligne 2, colonne 3 (element)", "n'a pas de ligne « grille »");
	/* RFR without children; bounds reversed; bad year. */
	snprintf(body, sizeof(body), "%s%s", g,
		 "0595871L;2026-2027;tranche;R;;;;;rfr;0;9000;;1,87;\n");
	refused(f, body, "ligne 3, colonne 12 (enfants)", "nombre d'enfants");
	snprintf(body, sizeof(body), "%s%s", g,
		 "0595871L;2026-2027;tranche;Q;;;;;qf;500;400;;1,87;\n");
	refused(f, body, "ligne 3, colonne 11 (a)", "avant de commencer");
	refused(f, "0595871L;2026-2028;grille;;3,10;5,40;non;;;;;;;\n",
		"ligne 2, colonne 2 (annee)", "n'est pas une année scolaire");
	/* A column that does not belong to the element. */
	refused(f, "0595871L;2026-2027;grille;;3,10;5,40;non;4,00;;;;;;\n",
		"ligne 2, colonne 8 (prix)", "ne s'applique pas à une ligne « grille »");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_qf_boundaries),
		cmocka_unit_test(test_rfr_boundaries_and_children),
		cmocka_unit_test(test_bursary_and_bad_situations),
		cmocka_unit_test(test_aid_capped_at_ticket),
		cmocka_unit_test(test_cents),
		cmocka_unit_test(test_check_good_grids),
		cmocka_unit_test(test_check_progressive),
		cmocka_unit_test(test_check_above_cost),
		cmocka_unit_test(test_check_negative_and_aid),
		cmocka_unit_test(test_check_overlap),
		cmocka_unit_test(test_check_cantine_1e),
		cmocka_unit_test_setup_teardown(test_import_and_load, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_import_refusals, setup, tu_teardown_store),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
