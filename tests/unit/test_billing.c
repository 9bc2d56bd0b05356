/*
 * test_billing.c: the term bills (cantine/billing.h): the forfait spread
 * over the term days, remise d'ordre for a 5-day justified absence and
 * not for a 2-day one, class outings, closures and holidays, arrivals
 * during the term, each kind of tier, ticket meals, exact cents across a
 * term, the renderings, and bad `repas` files.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>

#include "testutil.h"
#include "common_int.h"

#define UAI "0595871L"
#define YEAR "2026-2027"

static const char etabs_csv[] =
	"uai,nom,commune_insee,departement,jours_service,eleves,demi_pensionnaires\n"
	UAI ",Collège Louise Michel,59350,59,lun|mar|mer|jeu|ven,310,135\n";

/* A Pas-de-Calais style grid (family prices) with a forfait that does not
 * divide evenly by the term days, a Nord style tier (aid per meal) and
 * RFR tiers.  Funder: the Département unless said. */
static const char grid_csv[] =
	"uai,annee,element,libelle,prix_ticket,forfait_4j,repas_4j,cout_usager,"
	"financeur,critere,de,a,enfants,aide,prix_famille\n"
	UAI "," YEAR ",grille,,3.06,146.87,55,9.00,,,,,,,\n"
	UAI "," YEAR ",tranche,Boursiers,,,,,bourse,bourse,,,,,1.20\n"
	UAI "," YEAR ",tranche,QF 1,,,,,,qf,0,500,,,1.50\n"
	UAI "," YEAR ",tranche,QF 2,,,,,,qf,500.01,900,,0.80,\n"
	UAI "," YEAR ",tranche,RFR taux 3,,,,,,rfr,0,11000,2,1.87,\n"
	UAI "," YEAR ",tranche,RFR taux 1,,,,,,rfr,17000.01,23000,2,0.89,\n";

#define PUPILS_HEAD "uai,eleve,regime,jours,classe,debut,fin,quotient_familial," \
		    "revenu_fiscal,enfants,boursier\n"
#define FULL "2026-09-01,2027-07-03"

/* Import; when the caller does not look at the problems, the first is
 * printed on failure, to say why. */
static int import(tu_fixture *f, cantine_kind kind, const char *csv,
		  cantine_problems **pbs)
{
	cantine_problems *own = NULL;
	int rc = cantine_import_csv_mem(f->ctx, kind, "test.csv", csv, strlen(csv),
					CANTINE_ENCODING_AUTO, pbs ? pbs : &own, NULL);

	if (rc && !pbs && cantine_problems_count(own))
		print_error("%u: %s\n", cantine_problems_get(own, 0)->line,
			    cantine_problems_get(own, 0)->message);
	cantine_problems_free(own);
	return rc;
}

static int setup(void **state)
{
	tu_fixture *f;

	tu_setup_store(state);
	f = *state;
	assert_int_equal(import(f, CANTINE_KIND_ETABS, etabs_csv, NULL), 0);
	assert_int_equal(import(f, CANTINE_KIND_TARIFFS, grid_csv, NULL), 0);
	return 0;
}

static cantine_billing *bill(tu_fixture *f, int term, int remise_days)
{
	cantine_bill_query q = { YEAR, term, UAI, NULL, NULL, remise_days, 1 };
	cantine_billing *b = NULL;

	if (cantine_billing_compute(&b, f->ctx, &q))
		fail_msg("billing: %s", cantine_errmsg(f->ctx));
	return b;
}

static const cantine_bill *bill_of(const cantine_billing *b, const char *pupil, size_t *index)
{
	size_t i;

	for (i = 0; i < cantine_billing_count(b); i++)
		if (strcmp(cantine_billing_get(b, i)->pupil, pupil) == 0) {
			if (index)
				*index = i;
			return cantine_billing_get(b, i);
		}
	fail_msg("no bill for %s", pupil);
	return NULL;
}

static const cantine_bill_day *day_of(const cantine_billing *b, size_t i, const char *date)
{
	size_t n, k;
	const cantine_bill_day *d = cantine_billing_days(b, i, &n);

	for (k = 0; k < n; k++)
		if (strcmp(d[k].date, date) == 0)
			return &d[k];
	return NULL;
}

/* Every identity a bill must satisfy, checked from its days. */
static void check_exact(const cantine_billing *b, size_t i)
{
	const cantine_bill *x = cantine_billing_get(b, i);
	const cantine_bill_day *d;
	int64_t charged = 0, aid = 0, gross = 0, deducted = 0;
	size_t n, k;
	int kinds[CANTINE_BILL_DAY__MAX] = { 0 };

	d = cantine_billing_days(b, i, &n);
	for (k = 0; k < n; k++) {
		gross += d[k].share_cents;
		kinds[d[k].kind]++;
		if (d[k].kind == CANTINE_BILL_CHARGED || d[k].kind == CANTINE_BILL_TICKET) {
			charged += d[k].share_cents;
			aid += d[k].aid_cents;
			assert_true(d[k].aid_cents >= 0 && d[k].aid_cents <= d[k].share_cents);
		} else {
			deducted += d[k].share_cents;
			assert_int_equal(d[k].aid_cents, 0);
		}
		if (k)
			assert_true(strcmp(d[k - 1].date, d[k].date) < 0);
	}
	for (k = 0; k < CANTINE_BILL_DAY__MAX; k++)
		assert_int_equal(kinds[k], x->days[k]);
	assert_int_equal(gross, x->gross_cents);
	assert_int_equal(x->term_cents + x->tickets_cents, x->gross_cents);
	assert_int_equal(charged, x->charged_cents);
	assert_int_equal(gross - deducted, x->charged_cents);
	assert_int_equal(aid, x->aid_cents);
	assert_int_equal(x->family_cents + x->aid_cents, x->charged_cents);
	if (x->by_forfait)
		assert_int_equal(x->term_cents, x->forfait_cents);
}

static void test_term_dates(void **state)
{
	char a[11], b[11];

	(void)state;
	assert_int_equal(cantine_term_dates(YEAR, 1, a, b), 0);
	assert_string_equal(a, "2026-09-01");
	assert_string_equal(b, "2026-12-31");
	assert_int_equal(cantine_term_dates(YEAR, 2, a, b), 0);
	assert_string_equal(a, "2027-01-01");
	assert_string_equal(b, "2027-03-31");
	assert_int_equal(cantine_term_dates(YEAR, 3, a, b), 0);
	assert_string_equal(a, "2027-04-01");
	assert_string_equal(b, "2027-08-31");
	assert_int_equal(cantine_term_dates(YEAR, 0, a, b), CANTINE_EINVAL);
	assert_int_equal(cantine_term_dates(YEAR, 4, a, b), CANTINE_EINVAL);
	assert_int_equal(cantine_term_dates("2026-2028", 1, a, b), CANTINE_EINVAL);
}

/* A pupil present the whole term pays the forfait exactly, spread over
 * his 55 term days (Toussaint, 11 November and Christmas excluded) with
 * shares of 2 or 3 cents' difference at most: 146,87 € / 55 is not a
 * whole number of cents. */
static void test_whole_term(void **state)
{
	tu_fixture *f = *state;
	const cantine_bill *x;
	const cantine_bill_day *d;
	cantine_billing *b;
	size_t i, n, k;

	assert_int_equal(import(f, CANTINE_KIND_PUPILS, PUPILS_HEAD
		UAI ",P1,DP4,lun|mar|jeu|ven,4B," FULL ",,,,non\n", NULL), 0);
	b = bill(f, 1, 0);
	assert_int_equal(cantine_billing_count(b), 1);
	x = bill_of(b, "P1", &i);
	assert_true(x->by_forfait);
	assert_int_equal(x->term_days, 55);
	assert_int_equal(x->days[CANTINE_BILL_CHARGED], 55);
	assert_int_equal(x->charged_cents, 14687);
	assert_int_equal(x->family_cents, 14687);
	assert_int_equal(x->aid_cents, 0);
	assert_null(x->tier);
	assert_int_equal(x->remise_days, CANTINE_REMISE_DAYS_DEFAULT);
	d = cantine_billing_days(b, i, &n);
	assert_int_equal(n, 55);
	for (k = 0; k < n; k++)
		assert_true(d[k].share_cents == 267 || d[k].share_cents == 268);
	/* No Wednesday (not one of his days), no holiday. */
	assert_null(day_of(b, i, "2026-09-02"));
	assert_null(day_of(b, i, "2026-10-19"));  /* Toussaint */
	assert_null(day_of(b, i, "2026-11-11"));  /* public holiday */
	assert_null(day_of(b, i, "2026-12-21"));  /* Christmas holidays */
	assert_non_null(day_of(b, i, "2026-12-18"));
	check_exact(b, i);
	cantine_billing_free(b);
}

/* Justified absences: a whole week (5 school days, 4 of his canteen
 * days) is deducted; two days are not, unless the setting says 2. */
static void test_remise(void **state)
{
	tu_fixture *f = *state;
	const cantine_bill *x;
	cantine_billing *b;
	size_t i;

	assert_int_equal(import(f, CANTINE_KIND_PUPILS, PUPILS_HEAD
		UAI ",P5,DP4,lun|mar|jeu|ven,4B," FULL ",,,,non\n"
		UAI ",P2,DP4,lun|mar|jeu|ven,4B," FULL ",,,,non\n"
		UAI ",PU,DP4,lun|mar|jeu|ven,4B," FULL ",,,,non\n", NULL), 0);
	assert_int_equal(import(f, CANTINE_KIND_ABSENCES,
		"uai,eleve,classe,debut,fin,motif,justifiee\n"
		UAI ",P5,,2026-11-23,2026-11-27,maladie,oui\n"
		UAI ",P2,,2026-11-30,2026-12-01,maladie,oui\n"
		UAI ",PU,,2026-11-23,2026-11-27,convenance,non\n", NULL), 0);
	b = bill(f, 1, 0);
	x = bill_of(b, "P5", &i);
	assert_int_equal(x->days[CANTINE_BILL_REMISE], 4);
	assert_int_equal(day_of(b, i, "2026-11-23")->kind, CANTINE_BILL_REMISE);
	assert_int_equal(day_of(b, i, "2026-11-27")->kind, CANTINE_BILL_REMISE);
	assert_int_equal(day_of(b, i, "2026-11-30")->kind, CANTINE_BILL_CHARGED);
	assert_int_equal(x->deducted_cents[CANTINE_BILL_REMISE],
			 day_of(b, i, "2026-11-23")->share_cents +
			 day_of(b, i, "2026-11-24")->share_cents +
			 day_of(b, i, "2026-11-26")->share_cents +
			 day_of(b, i, "2026-11-27")->share_cents);
	assert_true(x->deducted_cents[CANTINE_BILL_REMISE] >= 4 * 267);
	assert_int_equal(x->charged_cents, 14687 - x->deducted_cents[CANTINE_BILL_REMISE]);
	assert_int_equal(x->absent_charged, 0);
	check_exact(b, i);
	x = bill_of(b, "P2", &i);
	assert_int_equal(x->days[CANTINE_BILL_REMISE], 0);
	assert_int_equal(x->absent_charged, 2);
	assert_int_equal(x->charged_cents, 14687);
	x = bill_of(b, "PU", &i);        /* not justified: charged */
	assert_int_equal(x->days[CANTINE_BILL_REMISE], 0);
	assert_int_equal(x->absent_charged, 4);
	cantine_billing_free(b);

	/* The setting: 2 days. */
	b = bill(f, 1, 2);
	x = bill_of(b, "P2", &i);
	assert_int_equal(x->days[CANTINE_BILL_REMISE], 2);
	assert_int_equal(x->remise_days, 2);
	check_exact(b, i);
	cantine_billing_free(b);

	/* The grid's own setting, from its remise_jours column: 6 days, so
	 * the week of illness is no longer deducted. */
	assert_int_equal(import(f, CANTINE_KIND_TARIFFS,
		"uai,annee,element,prix_ticket,forfait_4j,repas_4j,cout_usager,remise_jours\n"
		UAI "," YEAR ",grille,3.06,146.87,55,9.00,6\n", NULL), 0);
	b = bill(f, 1, 0);
	x = bill_of(b, "P5", &i);
	assert_int_equal(x->remise_days, 6);
	assert_int_equal(x->days[CANTINE_BILL_REMISE], 0);
	assert_int_equal(x->absent_charged, 4);
	cantine_billing_free(b);
}

/* An illness across the Christmas holidays, Monday 14 December to
 * Wednesday 6 January: 5 school days in the first term, 3 in the second,
 * one absence of 8 days.  Each term deducts its own days, the second
 * too, though its part alone would be too short. */
static void test_remise_across_terms(void **state)
{
	tu_fixture *f = *state;
	const cantine_bill *x;
	cantine_billing *b;
	size_t i;

	assert_int_equal(import(f, CANTINE_KIND_PUPILS, PUPILS_HEAD
		UAI ",P1,DP4,lun|mar|jeu|ven,4B," FULL ",,,,non\n", NULL), 0);
	assert_int_equal(import(f, CANTINE_KIND_ABSENCES,
		"uai,eleve,classe,debut,fin,motif,justifiee\n"
		UAI ",P1,,2026-12-14,2027-01-06,maladie,oui\n", NULL), 0);
	b = bill(f, 1, 0);
	x = bill_of(b, "P1", &i);
	assert_int_equal(x->days[CANTINE_BILL_REMISE], 4);
	assert_int_equal(day_of(b, i, "2026-12-18")->kind, CANTINE_BILL_REMISE);
	cantine_billing_free(b);
	b = bill(f, 2, 0);
	x = bill_of(b, "P1", &i);
	assert_int_equal(x->days[CANTINE_BILL_REMISE], 2);       /* Monday, Tuesday */
	assert_int_equal(day_of(b, i, "2027-01-04")->kind, CANTINE_BILL_REMISE);
	assert_int_equal(day_of(b, i, "2027-01-05")->kind, CANTINE_BILL_REMISE);
	assert_int_equal(day_of(b, i, "2027-01-07")->kind, CANTINE_BILL_CHARGED);
	check_exact(b, i);
	cantine_billing_free(b);
}

/* A trip removes one class: its pupils' day is deducted, not the
 * others'; a strike closes the collège for all; arrivals pay from their
 * first day. */
static void test_trip_closure_arrival(void **state)
{
	tu_fixture *f = *state;
	const cantine_bill *x;
	cantine_billing *b;
	size_t i;

	assert_int_equal(import(f, CANTINE_KIND_PUPILS, PUPILS_HEAD
		UAI ",A1,DP4,lun|mar|jeu|ven,4B," FULL ",,,,non\n"
		UAI ",B1,DP4,lun|mar|jeu|ven,5A," FULL ",,,,non\n"
		UAI ",N1,DP4,lun|mar|jeu|ven,5A,2026-11-02,2027-07-03,,,,non\n", NULL), 0);
	assert_int_equal(import(f, CANTINE_KIND_ABSENCES,
		"uai,eleve,classe,debut,fin,motif,justifiee\n"
		UAI ",,4B,2026-12-10,2026-12-11,sortie,oui\n", NULL), 0);
	assert_int_equal(import(f, CANTINE_KIND_CLOSURES, "uai,debut,fin,motif\n"
		UAI ",2026-10-06,2026-10-06,grève\n", NULL), 0);
	b = bill(f, 1, 0);
	x = bill_of(b, "A1", &i);
	assert_int_equal(x->days[CANTINE_BILL_CLASS_AWAY], 2);
	assert_int_equal(day_of(b, i, "2026-12-10")->kind, CANTINE_BILL_CLASS_AWAY);
	assert_int_equal(x->days[CANTINE_BILL_CLOSED], 1);
	assert_int_equal(day_of(b, i, "2026-10-06")->kind, CANTINE_BILL_CLOSED);
	assert_int_equal(x->days[CANTINE_BILL_CHARGED], 52);
	check_exact(b, i);
	x = bill_of(b, "B1", &i);
	assert_int_equal(x->days[CANTINE_BILL_CLASS_AWAY], 0);
	assert_int_equal(x->days[CANTINE_BILL_CLOSED], 1);
	assert_int_equal(day_of(b, i, "2026-12-10")->kind, CANTINE_BILL_CHARGED);
	check_exact(b, i);
	/* N1 arrived after the Toussaint: September and October deducted. */
	x = bill_of(b, "N1", &i);
	assert_int_equal(x->term_days, 55);
	assert_int_equal(day_of(b, i, "2026-10-16")->kind, CANTINE_BILL_UNREGISTERED);
	assert_int_equal(day_of(b, i, "2026-11-02")->kind, CANTINE_BILL_CHARGED);
	assert_int_equal(x->days[CANTINE_BILL_UNREGISTERED], 27);
	assert_int_equal(x->days[CANTINE_BILL_CHARGED], 28);
	check_exact(b, i);
	cantine_billing_free(b);
}

/* Each kind of tier: a family price (bursary, QF 1), an aid per meal
 * (QF 2, RFR), none; the most favourable situation wins. */
static void test_tiers(void **state)
{
	tu_fixture *f = *state;
	const cantine_bill *x;
	cantine_billing *b;
	size_t i;

	assert_int_equal(import(f, CANTINE_KIND_PUPILS, PUPILS_HEAD
		UAI ",BO,DP4,lun|mar|jeu|ven,4B," FULL ",,,,oui\n"
		UAI ",Q1,DP4,lun|mar|jeu|ven,4B," FULL ",400.00,,,non\n"
		UAI ",Q2,DP4,lun|mar|jeu|ven,4B," FULL ",700.00,,,non\n"
		UAI ",BQ,DP4,lun|mar|jeu|ven,4B," FULL ",700.00,,,oui\n"
		UAI ",R3,ticket,,4B," FULL ",,10000.00,2,non\n"
		UAI ",R1,ticket,,4B," FULL ",,20000.00,2,non\n"
		UAI ",NT,DP4,lun|mar|jeu|ven,4B," FULL ",2000.00,,,non\n", NULL), 0);
	assert_int_equal(import(f, CANTINE_KIND_TICKETS, "uai,eleve,date\n"
		UAI ",R3,2026-09-08\n" UAI ",R3,2026-09-09\n" UAI ",R3,2026-09-10\n"
		UAI ",R1,2026-09-08\n", NULL), 0);
	b = bill(f, 1, 0);
	for (i = 0; i < cantine_billing_count(b); i++)
		check_exact(b, i);

	/* Bursary: pays 1,20 € a day; the bursary funds the rest. */
	x = bill_of(b, "BO", NULL);
	assert_string_equal(x->tier, "Boursiers");
	assert_int_equal(x->funder, CANTINE_FUNDER_BOURSE);
	assert_int_equal(x->family_cents, 55 * 120);
	assert_int_equal(x->aid_cents, 14687 - 55 * 120);
	/* QF 1: family price 1,50 €. */
	x = bill_of(b, "Q1", NULL);
	assert_string_equal(x->tier, "QF 1");
	assert_int_equal(x->funder, CANTINE_FUNDER_DEPARTEMENT);
	assert_int_equal(x->family_cents, 55 * 150);
	/* QF 2: 0,80 € off each day. */
	x = bill_of(b, "Q2", NULL);
	assert_string_equal(x->tier, "QF 2");
	assert_int_equal(x->aid_cents, 55 * 80);
	assert_int_equal(x->family_cents, 14687 - 55 * 80);
	/* Bursary and QF 2: the bursary price is lower. */
	x = bill_of(b, "BQ", NULL);
	assert_string_equal(x->tier, "Boursiers");
	/* No tier: the family pays everything. */
	x = bill_of(b, "NT", NULL);
	assert_null(x->tier);
	assert_int_equal(x->family_cents, 14687);
	/* Ticket pupils, RFR tiers: 3 meals at 3,06 € with 1,87 € off each,
	 * 1 meal with 0,89 € off. */
	x = bill_of(b, "R3", NULL);
	assert_int_equal(x->term_days, 0);
	assert_int_equal(x->days[CANTINE_BILL_TICKET], 3);
	assert_int_equal(x->tickets_cents, 3 * 306);
	assert_int_equal(x->aid_cents, 3 * 187);
	assert_int_equal(x->family_cents, 3 * (306 - 187));
	x = bill_of(b, "R1", NULL);
	assert_string_equal(x->tier, "RFR taux 1");
	assert_int_equal(x->family_cents, 306 - 89);

	/* Totals per funder are the sums of the bills. */
	{
		const cantine_bill_totals *t = cantine_billing_total(b);
		int64_t fam = 0, dep = 0, bou = 0;
		for (i = 0; i < cantine_billing_count(b); i++) {
			x = cantine_billing_get(b, i);
			fam += x->family_cents;
			if (x->funder == CANTINE_FUNDER_BOURSE)
				bou += x->aid_cents;
			else
				dep += x->aid_cents;
		}
		assert_int_equal(t->family_cents, fam);
		assert_int_equal(t->aid_cents[CANTINE_FUNDER_DEPARTEMENT], dep);
		assert_int_equal(t->aid_cents[CANTINE_FUNDER_BOURSE], bou);
		assert_int_equal(t->family_cents + dep + bou, t->charged_cents);
		assert_int_equal(t->bills, 7);
		assert_int_equal(cantine_billing_etab(b, 0)->charged_cents, t->charged_cents);
	}
	cantine_billing_free(b);
}

/* No cent lost or created over a term: 300 pupils with odd forfaits,
 * arrivals, absences of every length, tiers; every bill's identities
 * hold and the totals are the sums of the day charges. */
static void test_no_cent_lost(void **state)
{
	tu_fixture *f = *state;
	cantine_buf pupils = CANTINE_BUF_INIT, abs = CANTINE_BUF_INIT;
	const cantine_bill_totals *t;
	cantine_billing *b;
	int64_t day_sum = 0, fam = 0, aids = 0;
	long kinds[CANTINE_BILL_DAY__MAX] = { 0 }, absent_charged = 0;
	unsigned seed = 12345;
	size_t i, k, n;
	int p;

	assert_int_equal(import(f, CANTINE_KIND_TARIFFS,
		"uai,annee,element,libelle,prix_ticket,forfait_4j,repas_4j,forfait_5j,repas_5j,"
		"cout_usager,critere,de,a,aide,prix_famille\n"
		UAI "," YEAR ",grille,,3.07,151.13,55,187.91,68,9.00,,,,,\n"
		UAI "," YEAR ",tranche,B,,,,,,,bourse,,,,1.19\n"
		UAI "," YEAR ",tranche,Q1,,,,,,,qf,0,600,0.97,\n", NULL), 0);
	assert_int_equal(cantine__buf_puts(&pupils, PUPILS_HEAD), 0);
	assert_int_equal(cantine__buf_puts(&abs, "uai,eleve,classe,debut,fin,motif,justifiee\n"), 0);
	for (p = 0; p < 300; p++) {
		int start = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 90;
		int len = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 9;
		int day = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 28;
		assert_int_equal(cantine__buf_printf(&pupils, UAI ",X%03d,%s,%s,%s,2026-%02d-%02d,"
			"2027-07-03,%s,,,%s\n", p, p % 3 ? "DP4" : "DP5",
			p % 3 ? "lun|mar|jeu|ven" : "lun|mar|mer|jeu|ven", p % 2 ? "4B" : "5A",
			9 + start / 30, 1 + start % 28, p % 4 == 1 ? "450.00" : "",
			p % 5 == 0 ? "oui" : "non"), 0);
		assert_int_equal(cantine__buf_printf(&abs, UAI ",X%03d,,2026-12-%02d,"
			"2026-12-%02d,maladie,%s\n", p, day % 18 + 1,
			(day % 18 + 1) + len > 31 ? 31 : (day % 18 + 1) + len, p % 7 ? "oui" : "non"), 0);
	}
	assert_int_equal(import(f, CANTINE_KIND_PUPILS, pupils.ptr, NULL), 0);
	assert_int_equal(import(f, CANTINE_KIND_ABSENCES, abs.ptr, NULL), 0);
	cantine_buf_dispose(&pupils);
	cantine_buf_dispose(&abs);
	b = bill(f, 1, 0);
	assert_int_equal(cantine_billing_count(b), 300);
	for (i = 0; i < cantine_billing_count(b); i++) {
		const cantine_bill *x = cantine_billing_get(b, i);
		const cantine_bill_day *d = cantine_billing_days(b, i, &n);
		check_exact(b, i);
		for (k = 0; k < n; k++)
			if (d[k].kind == CANTINE_BILL_CHARGED)
				day_sum += d[k].share_cents;
		fam += x->family_cents;
		aids += x->aid_cents;
		absent_charged += x->absent_charged;
		for (k = 0; k < CANTINE_BILL_DAY__MAX; k++)
			kinds[k] += x->days[k];
	}
	t = cantine_billing_total(b);
	assert_int_equal(t->charged_cents, day_sum);
	assert_int_equal(t->family_cents, fam);
	assert_int_equal(t->family_cents + aids, t->charged_cents);
	assert_int_equal(t->gross_cents - t->deducted_cents, t->charged_cents);
	/* The term did exercise every path. */
	assert_true(kinds[CANTINE_BILL_REMISE] > 0 && kinds[CANTINE_BILL_UNREGISTERED] > 0);
	assert_true(absent_charged > 0 && aids > 0);
	cantine_billing_free(b);
}

/* CSV: a header and one row per bill; HTML: one statement per bill, a
 * class name that looks like markup shown as text. */
static void test_renderings(void **state)
{
	tu_fixture *f = *state;
	cantine_buf out = CANTINE_BUF_INIT;
	cantine_billing *b;
	htmlDocPtr doc;
	xmlXPathContextPtr xp;
	xmlXPathObjectPtr r;
	cantine_bill_query q = { YEAR, 1, UAI, NULL, NULL, 0, 0 };

	assert_int_equal(import(f, CANTINE_KIND_PUPILS, PUPILS_HEAD
		UAI ",P1,DP4,lun|mar|jeu|ven,<i>4A</i>," FULL ",,,,oui\n"
		UAI ",P2,DP4,lun|mar|jeu|ven,4B," FULL ",,,,non\n", NULL), 0);
	b = bill(f, 1, 0);
	assert_int_equal(cantine_billing_write(b, CANTINE_BILL_CSV, &out), 0);
	assert_true(tu_contains(out.ptr, "uai,eleve,classe,regime,mode,tranche,financeur"));
	assert_true(tu_contains(out.ptr, UAI ",P2,4B,DP4,forfait,,,55,55,0,0,0,0,0,0,146.87,"
				"0.00,0.00,0.00,0.00,146.87,0.00,146.87\n"));
	assert_true(tu_contains(out.ptr, ",Boursiers,bourse,"));
	cantine_buf_dispose(&out);
	assert_int_equal(cantine_billing_write(b, CANTINE_BILL_TEXT, &out), 0);
	assert_true(tu_contains(out.ptr, "Collège Louise Michel (" UAI ") : 2 factures, 110 "
				"repas facturés"));
	assert_true(tu_contains(out.ptr, "293,74 €"));
	cantine_buf_dispose(&out);
	assert_int_equal(cantine_billing_write(b, CANTINE_BILL_HTML, &out), 0);
	doc = htmlReadMemory(out.ptr, (int)out.size, NULL, "UTF-8",
			     HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
	assert_non_null(doc);
	xp = xmlXPathNewContext(doc);
	r = xmlXPathEvalExpression(BAD_CAST "count(//section)", xp);
	assert_int_equal((int)r->floatval, 2);
	xmlXPathFreeObject(r);
	r = xmlXPathEvalExpression(BAD_CAST "count(//script|//i)", xp);
	assert_int_equal((int)r->floatval, 0);
	xmlXPathFreeObject(r);
	xmlXPathFreeContext(xp);
	xmlFreeDoc(doc);
	assert_true(tu_contains(out.ptr, "classe &lt;i&gt;4A&lt;/i&gt;"));
	assert_true(tu_contains(out.ptr, "Reste à payer par la famille"));
	cantine_buf_dispose(&out);
	cantine_billing_free(b);
	/* HTML needs the days. */
	assert_int_equal(cantine_billing_compute(&b, f->ctx, &q), 0);
	assert_int_equal(cantine_billing_write(b, CANTINE_BILL_HTML, &out), CANTINE_EINVAL);
	assert_int_equal(cantine_billing_write(b, CANTINE_BILL__MAX, &out), CANTINE_EINVAL);
	cantine_buf_dispose(&out);
	cantine_billing_free(b);
	assert_int_equal(cantine_bill_format_parse("texte"), CANTINE_BILL_TEXT);
	assert_int_equal(cantine_bill_format_parse("pdf"), -1);
}

/* Bad queries and a missing grid: French messages. */
static void test_bad_queries(void **state)
{
	tu_fixture *f = *state;
	cantine_billing *b = NULL;
	cantine_bill_query q = { YEAR, 4, UAI, NULL, NULL, 0, 0 };

	assert_int_equal(cantine_billing_compute(&b, f->ctx, &q), CANTINE_EINVAL);
	assert_true(tu_contains(cantine_errmsg(f->ctx), "trimestre 4 inconnu"));
	q.term = 1;
	q.remise_days = 61;
	assert_int_equal(cantine_billing_compute(&b, f->ctx, &q), CANTINE_EINVAL);
	q.remise_days = 0;
	q.year = "2026";
	assert_int_equal(cantine_billing_compute(&b, f->ctx, &q), CANTINE_EINVAL);
	q.year = YEAR;
	q.uai = "0000001A";
	assert_int_equal(cantine_billing_compute(&b, f->ctx, &q), CANTINE_ENOTFOUND);
	q.uai = UAI;
	q.pupil = "NOBODY";
	assert_int_equal(cantine_billing_compute(&b, f->ctx, &q), CANTINE_ENOTFOUND);
	assert_true(tu_contains(cantine_errmsg(f->ctx), "aucun élève « NOBODY »"));
	q.pupil = NULL;
	/* Pupils in 2027-2028 but no grid for that year. */
	assert_int_equal(import(f, CANTINE_KIND_PUPILS, PUPILS_HEAD
		UAI ",P1,DP4,lun|mar|jeu|ven,4B,2027-09-01,2028-07-01,,,,non\n", NULL), 0);
	q.year = "2027-2028";
	assert_int_equal(cantine_billing_compute(&b, f->ctx, &q), CANTINE_ENOTFOUND);
	assert_true(tu_contains(cantine_errmsg(f->ctx), "aucune grille tarifaire"));
	assert_null(b);
}

/* Bad `repas` files: each problem named, nothing written. */
static void test_bad_tickets(void **state)
{
	static const struct { const char *row, *msg; } bad[] = {
		{ UAI ",NOBODY,2026-09-08", "aucun élève « NOBODY »" },
		{ UAI ",T1,2027-01-05", "hors de l'inscription" },
		{ UAI ",T1,2026-10-20", "fermé le 2026-10-20" },         /* Toussaint */
		{ UAI ",T1,2026-09-12", "jour où l'établissement ne sert pas" },           /* Saturday */
		{ UAI ",D1,2026-09-08", "au titre de son forfait" },
		{ UAI ",T1,2026-02-30", "" },
		{ "0000001A,T1,2026-09-08", "aucun établissement" },
	};
	tu_fixture *f = *state;
	cantine_problems *pbs = NULL;
	char csv[256];
	size_t i;

	assert_int_equal(import(f, CANTINE_KIND_PUPILS, PUPILS_HEAD
		UAI ",T1,ticket,,4B,2026-09-01,2026-12-18,,,,non\n"
		UAI ",D1,DP4,lun|mar|jeu|ven,4B," FULL ",,,,non\n", NULL), 0);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(csv, sizeof(csv), "uai,eleve,date\n" UAI ",T1,2026-09-07\n%s\n",
			 bad[i].row);
		assert_int_equal(import(f, CANTINE_KIND_TICKETS, csv, &pbs), CANTINE_EINVAL);
		assert_true(cantine_problems_count(pbs) >= 1);
		assert_int_equal(cantine_problems_get(pbs, 0)->line, 3);
		if (!tu_contains(cantine_problems_get(pbs, 0)->message, bad[i].msg))
			fail_msg("row %s: %s", bad[i].row, cantine_problems_get(pbs, 0)->message);
		cantine_problems_free(pbs);
		pbs = NULL;
		assert_int_equal(tu_query_int(f->ctx->db, "SELECT count(*) FROM ticket_meal"), 0);
	}
	/* The same meal twice in a file. */
	assert_int_equal(import(f, CANTINE_KIND_TICKETS, "uai,eleve,date\n"
		UAI ",T1,2026-09-07\n" UAI ",T1,2026-09-07\n", &pbs), CANTINE_EINVAL);
	cantine_problems_free(pbs);
	assert_int_equal(tu_query_int(f->ctx->db, "SELECT count(*) FROM ticket_meal"), 0);
	/* A good file, twice: nothing doubled. */
	assert_int_equal(import(f, CANTINE_KIND_TICKETS, "uai,eleve,date\n"
		UAI ",T1,2026-09-07\n" UAI ",D1,2026-09-09\n", NULL), 0);
	assert_int_equal(import(f, CANTINE_KIND_TICKETS, "uai,eleve,date\n"
		UAI ",T1,2026-09-07\n" UAI ",D1,2026-09-09\n", NULL), 0);
	assert_int_equal(tu_query_int(f->ctx->db, "SELECT count(*) FROM ticket_meal"), 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_term_dates),
		cmocka_unit_test_setup_teardown(test_whole_term, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_remise, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_remise_across_terms, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_trip_closure_arrival, setup,
						tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_tiers, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_no_cent_lost, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_renderings, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_bad_queries, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_bad_tickets, setup, tu_teardown_store),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
