/*
 * bench_billing.c: a département's term bills (issue 6, "How it is
 * checked"): 125 collèges x 400 pupils (50,000 pupils), each collège with
 * its grid (forfaits 4 and 5 days, bursary, QF and RFR tiers), about one
 * absence per pupil (justified or not, 1 to 8 days), two class outings
 * and a strike day, and the meals of its ticket pupils; the first term
 * billed for the whole département (cantine_billing_compute), then
 * written as CSV.
 *
 * The floor, measured in the same run: reading, with the same prepared
 * statements, every row the billing reads (pupils and ticket meals of the
 * term, absences of the term and the 92 days each side, collège by
 * collège), doing nothing with them.  The
 * ratio billing / floor says what walking 50,000 pupils' days costs
 * beyond getting the data.
 *
 * Not a timed test: it prints figures and always succeeds unless
 * something fails.  Usage: bench-billing [ETABS] [PUPILS_PER_ETAB] [RUNS]
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "common_int.h"
#include "bench_util.h"

#define YEAR "2026-2027"
#define MAX_RUNS 9

static unsigned seed = 20260901;

static int rnd(int n)
{
	seed = seed * 1103515245u + 12345u;
	return (int)((seed >> 8) % (unsigned)n);
}

static void put(cantine_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void put(cantine_buf *b, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = cantine__buf_vprintf(b, fmt, ap);
	va_end(ap);
	if (rc)
		bench_die(NULL, "out of memory");
}

static void import(cantine_ctx *ctx, cantine_kind kind, const cantine_buf *csv)
{
	cantine_problems *pbs = NULL;
	cantine_buf msg = CANTINE_BUF_INIT;

	if (cantine_import_csv_mem(ctx, kind, "bench.csv", csv->ptr, csv->size,
				   CANTINE_ENCODING_UTF8, &pbs, NULL)) {
		if (cantine_problems_count(pbs))
			cantine_problem_format(cantine_problems_get(pbs, 0), &msg);
		fprintf(stderr, "bench: import %s: %s\n", cantine_kind_name(kind),
			msg.ptr ? msg.ptr : cantine_errmsg(ctx));
		exit(1);
	}
	cantine_problems_free(pbs);
}

/* The open days of the first term (a day of the académie de Lille's
 * calendar, Monday to Friday), to draw ticket meals and absences from. */
static int open_days(cantine_ctx *ctx, const char *uai, char days[][11])
{
	char first[11], last[11], date[11];
	int n = 0, y, m, d;

	cantine_term_dates(YEAR, 1, first, last);
	y = atoi(first);
	for (m = 9; m <= 12; m++)
		for (d = 1; d <= 31; d++) {
			struct tm tm = { 0 };
			snprintf(date, sizeof(date), "%04d-%02d-%02d", y, m, d);
			tm.tm_year = y - 1900;
			tm.tm_mon = m - 1;
			tm.tm_mday = d;
			tm.tm_hour = 12;
			if (mktime(&tm) == (time_t)-1 || tm.tm_mon != m - 1 ||
			    tm.tm_wday == 0 || tm.tm_wday == 6)
				continue;
			if (cantine_closed(ctx, uai, date, NULL) == 0)
				memcpy(days[n++], date, 11);
		}
	return n;
}

static void make_store(const char *path, int etabs, int pupils, size_t *nabs,
		       size_t *nmeals)
{
	static const char *const classes[] = { "6A", "6B", "6C", "6D", "5A", "5B", "5C",
		"5D", "4A", "4B", "4C", "4D", "3A", "3B", "3C", "3D" };
	cantine_buf e = CANTINE_BUF_INIT, p = CANTINE_BUF_INIT, a = CANTINE_BUF_INIT,
		    t = CANTINE_BUF_INIT, g = CANTINE_BUF_INIT, c = CANTINE_BUF_INIT;
	char uai[9], days[130][11];
	int i, k, nd, j;
	cantine_ctx *ctx;

	unlink(path);
	if (cantine_ctx_open(&ctx, path, CANTINE_OPEN_CREATE))
		bench_die(ctx, "open");
	put(&e, "uai,nom,commune_insee,departement,jours_service,eleves,demi_pensionnaires\n");
	put(&g, "uai,annee,element,libelle,prix_ticket,forfait_4j,repas_4j,forfait_5j,repas_5j,"
		"cout_usager,critere,de,a,enfants,aide,prix_famille,financeur\n");
	put(&c, "uai,debut,fin,motif\n");
	for (i = 0; i < etabs; i++) {
		bench_uai(i, uai);
		put(&e, "%s,Collège %d,59350,59,lun|mar|mer|jeu|ven,%d,%d\n", uai, i + 1,
		    pupils + 100, pupils);
		put(&g, "%s," YEAR ",grille,,3.10,%d.%02d,56,%d.%02d,70,9.00,,,,,,,\n", uai,
		    160 + i % 7, 3 + i % 90, 200 + i % 5, 1 + i % 97);
		put(&g, "%s," YEAR ",tranche,Boursiers,,,,,,,bourse,,,,,1.20,bourse\n", uai);
		put(&g, "%s," YEAR ",tranche,QF 1,,,,,,,qf,0,450,,1.87,,\n", uai);
		put(&g, "%s," YEAR ",tranche,QF 2,,,,,,,qf,450.01,750,,1.44,,\n", uai);
		put(&g, "%s," YEAR ",tranche,QF 3,,,,,,,qf,750.01,1000,,0.89,,\n", uai);
		put(&g, "%s," YEAR ",tranche,RFR 2 enfants,,,,,,,rfr,0,17000,2,1.44,,\n", uai);
		put(&c, "%s,2026-10-06,2026-10-06,grève\n", uai);
	}
	import(ctx, CANTINE_KIND_ETABS, &e);
	import(ctx, CANTINE_KIND_TARIFFS, &g);
	import(ctx, CANTINE_KIND_CLOSURES, &c);
	bench_uai(0, uai);
	nd = open_days(ctx, uai, days);

	put(&p, "uai,eleve,regime,jours,classe,debut,fin,quotient_familial,revenu_fiscal,"
		"enfants,boursier\n");
	put(&a, "uai,eleve,classe,debut,fin,motif,justifiee\n");
	put(&t, "uai,eleve,date\n");
	*nabs = *nmeals = 0;
	for (i = 0; i < etabs; i++) {
		bench_uai(i, uai);
		for (k = 0; k < pupils; k++) {
			int r = rnd(100), tier = rnd(100), start = r < 3 ? 40 : 0;
			const char *regime = r < 70 ? "DP4" : r < 85 ? "DP5" : r < 95 ? "ticket" : "externe";
			const char *wd = r < 70 ? "lun|mar|jeu|ven" : r < 85 ? "lun|mar|mer|jeu|ven" : "";
			put(&p, "%s,P%05d,%s,%s,%s,%s,2027-07-03,%s,%s,%s,%s\n", uai, k, regime, wd,
			    classes[k % 16], start ? days[start] : "2026-09-01",
			    tier < 40 ? (tier < 20 ? "380.00" : "820.00") : "",
			    tier >= 40 && tier < 60 ? "15000.00" : "",
			    tier >= 40 && tier < 60 ? "2" : "", tier < 15 ? "oui" : "non");
			if (r < 85 && rnd(100) < 90) {
				int d0 = rnd(nd - 8), len = rnd(8);
				put(&a, "%s,P%05d,,%s,%s,maladie,%s\n", uai, k, days[d0],
				    days[d0 + len], rnd(100) < 80 ? "oui" : "non");
				++*nabs;
			}
			if (r >= 85 && r < 95)
				for (j = 0; j < nd; j++)
					if (rnd(3) == 0) {
						put(&t, "%s,P%05d,%s\n", uai, k, days[j]);
						++*nmeals;
					}
		}
		put(&a, "%s,,4B,%s,%s,sortie,oui\n", uai, days[20], days[21]);
		put(&a, "%s,,3A,%s,%s,brevet blanc,oui\n", uai, days[50], days[50]);
		*nabs += 2;
	}
	import(ctx, CANTINE_KIND_PUPILS, &p);
	import(ctx, CANTINE_KIND_ABSENCES, &a);
	import(ctx, CANTINE_KIND_TICKETS, &t);
	cantine_buf_dispose(&e);
	cantine_buf_dispose(&p);
	cantine_buf_dispose(&a);
	cantine_buf_dispose(&t);
	cantine_buf_dispose(&g);
	cantine_buf_dispose(&c);
	cantine_ctx_free(ctx);
}

/* The floor: every row the billing reads, read and dropped. */
static double floor_read(cantine_ctx *ctx, size_t *rows)
{
	static const char *const sql[] = {
		"SELECT id, ident, regime, days, class, first_date, last_date, qf_cents, "
		"rfr_cents, coalesce(children, 0), bursary FROM pupil WHERE etab_id = ?1 AND "
		"last_date >= ?2 AND first_date <= ?3 AND (?4 IS NULL OR ident = ?4) ORDER BY ident",
		"SELECT coalesce(pupil_id, 0), class, first_date, last_date, justified FROM "
		"absence WHERE etab_id = ?1 AND last_date >= ?2 AND first_date <= ?3 ORDER BY "
		"coalesce(pupil_id, 0), first_date",
		"SELECT pupil_id, date FROM ticket_meal WHERE etab_id = ?1 AND date BETWEEN ?2 "
		"AND ?3 ORDER BY pupil_id, date",
	};
	sqlite3_stmt *etabs, *st[3];
	double t0 = bench_now();
	int k;

	*rows = 0;
	if (sqlite3_prepare_v2(ctx->db, "SELECT id FROM etab ORDER BY uai", -1, &etabs, NULL))
		bench_die(ctx, "prepare");
	for (k = 0; k < 3; k++)
		if (sqlite3_prepare_v2(ctx->db, sql[k], -1, &st[k], NULL))
			bench_die(ctx, "prepare");
	while (sqlite3_step(etabs) == SQLITE_ROW)
		for (k = 0; k < 3; k++) {
			int c;
			sqlite3_bind_int64(st[k], 1, sqlite3_column_int64(etabs, 0));
			/* The absences: the term and billing.c's margins. */
			sqlite3_bind_text(st[k], 2, k == 1 ? "2026-06-01" : "2026-09-01", -1,
					  SQLITE_STATIC);
			sqlite3_bind_text(st[k], 3, k == 1 ? "2027-04-02" : "2026-12-31", -1,
					  SQLITE_STATIC);
			while (sqlite3_step(st[k]) == SQLITE_ROW) {
				for (c = 0; c < sqlite3_column_count(st[k]); c++)
					(void)sqlite3_column_text(st[k], c);
				++*rows;
			}
			sqlite3_reset(st[k]);
		}
	for (k = 0; k < 3; k++)
		sqlite3_finalize(st[k]);
	sqlite3_finalize(etabs);
	return bench_now() - t0;
}

int main(int argc, char **argv)
{
	int etabs = argc > 1 ? atoi(argv[1]) : 125;
	int pupils = argc > 2 ? atoi(argv[2]) : 400;
	int runs = argc > 3 ? atoi(argv[3]) : 3;
	char dir[] = "/tmp/cantine-bench-XXXXXX", db[64];
	double t_bill[MAX_RUNS], t_floor[MAX_RUNS], t0, t_make, t_csv, t_html;
	size_t nabs, nmeals, rows = 0;
	cantine_bill_query q = { YEAR, 1, NULL, NULL, NULL, 0, 0 };
	cantine_buf out = CANTINE_BUF_INIT;
	cantine_bill_totals tot;
	cantine_billing *b = NULL;
	struct rusage ru;
	cantine_ctx *ctx;
	char eur[32];
	int r, f;

	if (etabs < 1 || etabs > 250 || pupils < 10 || pupils > 5000 || runs < 1 ||
	    runs > MAX_RUNS || !mkdtemp(dir))
		return 1;
	snprintf(db, sizeof(db), "%s/bill.db", dir);
	t0 = bench_now();
	make_store(db, etabs, pupils, &nabs, &nmeals);
	t_make = bench_now() - t0;
	if (cantine_ctx_open(&ctx, db, CANTINE_OPEN_READONLY))
		bench_die(ctx, "open");
	for (r = 0; r < runs; r++) {
		t_floor[r] = floor_read(ctx, &rows);
		cantine_billing_free(b);
		t0 = bench_now();
		if (cantine_billing_compute(&b, ctx, &q))
			bench_die(ctx, "billing");
		t_bill[r] = bench_now() - t0;
	}
	tot = *cantine_billing_total(b);
	if (cantine_billing_etab_count(b) != (size_t)etabs)
		bench_die(NULL, "establishments billed");
	t0 = bench_now();
	if (cantine_billing_write(b, CANTINE_BILL_CSV, &out))
		bench_die(NULL, "CSV");
	t_csv = bench_now() - t0;
	cantine_buf_dispose(&out);
	cantine_billing_free(b);
	/* One collège's printable statements. */
	{
		char u[9];
		bench_uai(0, u);
		q.uai = u;
		q.keep_days = 1;
		t0 = bench_now();
		if (cantine_billing_compute(&b, ctx, &q) ||
		    cantine_billing_write(b, CANTINE_BILL_HTML, &out))
			bench_die(ctx, "statements");
		t_html = bench_now() - t0;
	}
	qsort(t_bill, (size_t)runs, sizeof(double), bench_cmp_double);
	qsort(t_floor, (size_t)runs, sizeof(double), bench_cmp_double);
	getrusage(RUSAGE_SELF, &ru);

	printf("billing the first term %s: %d collèges x %d pupils, %zu absences, %zu "
	       "ticket meals (store made in %.1f s)\n", YEAR, etabs, pupils, nabs, nmeals,
	       t_make);
	printf("  bills: %zu, meals charged: %ld\n", tot.bills, tot.meals);
	cantine_euros_format(eur, sizeof(eur), tot.charged_cents);
	printf("  charged: %s", eur);
	cantine_euros_format(eur, sizeof(eur), tot.family_cents);
	printf(", families: %s", eur);
	for (f = 0; f < CANTINE_FUNDER__MAX; f++)
		if (tot.aid_cents[f]) {
			cantine_euros_format(eur, sizeof(eur), tot.aid_cents[f]);
			printf(", %s: %s", cantine_funder_name((cantine_funder)f), eur);
		}
	printf("\n");
	printf("  billing (median of %d): %.3f s, %.0f bills/s\n", runs, t_bill[runs / 2],
	       (double)tot.bills / t_bill[runs / 2]);
	printf("  floor, reading the same %zu rows (median): %.3f s\n", rows,
	       t_floor[runs / 2]);
	printf("  ratio billing / floor: %.2f\n", t_bill[runs / 2] / t_floor[runs / 2]);
	printf("  CSV of every bill: %.3f s\n", t_csv);
	printf("  printable statements of one collège (%zu pages, %zu kB): %.3f s\n",
	       cantine_billing_count(b), out.size / 1024, t_html);
	printf("  peak RSS of the process: %.1f MB\n", ru.ru_maxrss / 1024.0);
	cantine_buf_dispose(&out);
	cantine_billing_free(b);
	cantine_ctx_free(ctx);
	unlink(db);
	rmdir(dir);
	return 0;
}
