/*
 * billing.c: the term bills (cantine/billing.h; docs/design.md, "Term
 * billing").  For each establishment: its term days and closures, its
 * grid, its pupils, their absences and their ticket meals are read once,
 * then each pupil's days are walked in date order.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "billing_int.h"
#include "calendar_int.h"
#include "closure_int.h"
#include "plan_int.h"
#include "text_int.h"

/* 1 April to 31 August, the longest term. */
#define TERM_MAX_DAYS 153
/* Days read on each side of the term, so that a justified absence
 * running across its first or last day is measured whole (an illness
 * from mid-December to January spans the Christmas holidays). */
#define MARGIN 92
#define WINDOW_DAYS (TERM_MAX_DAYS + 2 * MARGIN)

const char *cantine_bill_day_label(cantine_bill_day_kind k)
{
	static const char *const labels[CANTINE_BILL_DAY__MAX] = {
		"jour facturé",
		"remise d'ordre (absence justifiée)",
		"fermeture de l'établissement",
		"classe absente (sortie, examen)",
		"hors inscription",
		"repas au ticket",
	};
	return (unsigned)k < CANTINE_BILL_DAY__MAX ? labels[k] : NULL;
}

int cantine_term_dates(const char *year, int term, char first[11], char last[11])
{
	static const char *const span[3][2] = {
		{ "09-01", "12-31" }, { "01-01", "03-31" }, { "04-01", "08-31" },
	};
	int y;

	if (cantine_school_year_check(year) || term < 1 || term > 3)
		return CANTINE_EINVAL;
	y = atoi(year) + (term > 1);
	snprintf(first, 11, "%04d-%s", y, span[term - 1][0]);
	snprintf(last, 11, "%04d-%s", y, span[term - 1][1]);
	return 0;
}

/* ---- what one establishment's bills are made of ---- */

typedef struct term_day {
	char    date[11];
	int64_t num;     /* days since the epoch */
	int     weekday; /* 0 Monday */
	bool    holiday; /* school or public holiday: not a term day */
	bool    closed;  /* a closure of the store */
} term_day;

typedef struct pupil_row {
	int64_t  id, first, last; /* registration, day numbers */
	char    *ident, *cls;
	int      regime;
	unsigned days;
	int64_t  qf, rfr;         /* -1: not given */
	int      children, bursary;
} pupil_row;

typedef struct span {
	int64_t key;              /* pupil id, or index of the class name */
	int64_t first, last;      /* day numbers */
	bool    justified;
} span;

typedef struct meal {
	int64_t pupil, num;
} meal;

typedef struct etab_data {
	int64_t    id;
	unsigned   service;
	term_day   days[WINDOW_DAYS]; /* the term and MARGIN days each side */
	size_t     ndays;
	size_t     t0, t1;            /* the term: days[t0..t1) */
	pupil_row *pupils;
	size_t     npupils;
	span      *absences;  /* of pupils, sorted by pupil then date */
	size_t     nabsences;
	span      *away;      /* of classes; key: index in `classes` */
	size_t     naway;
	char     **classes;
	meal      *meals;     /* ticket meals, sorted by pupil then date */
	size_t     nmeals;
} etab_data;

static void etab_data_clear(etab_data *e)
{
	size_t i;

	for (i = 0; i < e->npupils; i++) {
		cantine__free(e->pupils[i].ident);
		cantine__free(e->pupils[i].cls);
	}
	for (i = 0; i < e->naway; i++)
		cantine__free(e->classes[i]);
	cantine__free(e->pupils);
	cantine__free(e->absences);
	cantine__free(e->away);
	cantine__free(e->classes);
	cantine__free(e->meals);
	e->pupils = NULL;
	e->absences = e->away = NULL;
	e->classes = NULL;
	e->meals = NULL;
	e->npupils = e->nabsences = e->naway = e->nmeals = 0;
}

/* Make room for one more element of `size` bytes in *a (n used, *cap
 * allocated).  Returns false when out of memory. */
static bool reserve(void *a, size_t n, size_t *cap, size_t size)
{
	void **p = a, *t;
	size_t nc;

	if (n < *cap)
		return true;
	nc = *cap ? *cap * 2 : 64;
	if (!(t = cantine__realloc(*p, nc * size)))
		return false;
	*p = t;
	*cap = nc;
	return true;
}

static int64_t day_num(const char *s)
{
	int y, m, d;

	return s && cantine__date_parse(s, &y, &m, &d) ? cantine__days_from_civil(y, m, d) : 0;
}

static int oom(cantine_ctx *ctx)
{
	return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
}

/* The days of the window [first, last] (the term and its margins); the
 * term is [term_first, term_last]. */
static int load_days(cantine_ctx *ctx, etab_data *e, const char *first, const char *last,
		     const char *term_first, const char *term_last)
{
	cantine__closures cl;
	int64_t d0 = day_num(first), d1 = day_num(last), d;
	int64_t t0 = day_num(term_first), t1 = day_num(term_last);
	int rc;

	if ((rc = cantine__closures_load(ctx, e->id, first, last, &cl)))
		return rc;
	e->ndays = e->t0 = e->t1 = 0;
	for (d = d0; d <= d1 && e->ndays < WINDOW_DAYS; d++) {
		term_day *t;
		if (d == t0)
			e->t0 = e->ndays;
		if (d == t1)
			e->t1 = e->ndays + 1;
		t = &e->days[e->ndays++];
		cantine__date_format(d, t->date);
		t->num = d;
		t->weekday = cantine__weekday(d);
		t->holiday = cantine__day_off(cl.dept, t->date) != NULL;
		t->closed = cantine__closures_store(&cl, t->date) != NULL;
	}
	cantine__closures_free(&cl);
	return 0;
}

static int load_pupils(cantine_ctx *ctx, etab_data *e, const char *first,
		       const char *last, const char *ident)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	bool bad = false;
	int rc;

	if ((rc = cantine__prepare(ctx, &st, "SELECT id, ident, regime, days, class, "
		"first_date, last_date, qf_cents, rfr_cents, coalesce(children, 0), bursary "
		"FROM pupil WHERE etab_id = ?1 AND last_date >= ?2 AND first_date <= ?3 AND "
		"(?4 IS NULL OR ident = ?4) ORDER BY ident")))
		return rc;
	sqlite3_bind_int64(st, 1, e->id);
	sqlite3_bind_text(st, 2, first, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, last, -1, SQLITE_STATIC);
	cantine__bind_text_or_null(st, 4, ident);
	while (!bad && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		pupil_row *p;
		if (!reserve(&e->pupils, e->npupils, &cap, sizeof(*p))) {
			bad = true;
			break;
		}
		p = &e->pupils[e->npupils];
		memset(p, 0, sizeof(*p));
		p->id = sqlite3_column_int64(st, 0);
		p->ident = cantine__column_strdup(st, 1, &bad);
		p->regime = sqlite3_column_int(st, 2);
		p->days = (unsigned)sqlite3_column_int(st, 3);
		p->cls = cantine__column_strdup(st, 4, &bad);
		p->first = day_num((const char *)sqlite3_column_text(st, 5));
		p->last = day_num((const char *)sqlite3_column_text(st, 6));
		p->qf = sqlite3_column_type(st, 7) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 7);
		p->rfr = sqlite3_column_type(st, 8) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 8);
		p->children = sqlite3_column_int(st, 9);
		p->bursary = sqlite3_column_int(st, 10);
		e->npupils++;
	}
	sqlite3_finalize(st);
	if (bad)
		return oom(ctx);
	return rc == SQLITE_DONE ? 0 : cantine__store_err(ctx, "lecture des inscriptions");
}

static int load_absences(cantine_ctx *ctx, etab_data *e, const char *first,
			 const char *last)
{
	sqlite3_stmt *st;
	size_t capa = 0, capw = 0, capc = 0, nclasses = 0;
	bool bad = false;
	int rc;

	if ((rc = cantine__prepare(ctx, &st, "SELECT coalesce(pupil_id, 0), class, "
		"first_date, last_date, justified FROM absence WHERE etab_id = ?1 AND "
		"last_date >= ?2 AND first_date <= ?3 ORDER BY coalesce(pupil_id, 0), "
		"first_date")))
		return rc;
	sqlite3_bind_int64(st, 1, e->id);
	sqlite3_bind_text(st, 2, first, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, last, -1, SQLITE_STATIC);
	while (!bad && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		span s = {
			sqlite3_column_int64(st, 0),
			day_num((const char *)sqlite3_column_text(st, 2)),
			day_num((const char *)sqlite3_column_text(st, 3)),
			sqlite3_column_int(st, 4) != 0,
		};
		if (s.key) {
			if (!(bad = !reserve(&e->absences, e->nabsences, &capa, sizeof(s))))
				e->absences[e->nabsences++] = s;
			continue;
		}
		/* A class away: its name kept beside, one per span. */
		if ((bad = !reserve(&e->away, e->naway, &capw, sizeof(s)) ||
			   !reserve(&e->classes, nclasses, &capc, sizeof(char *))))
			break;
		if (!(e->classes[nclasses] = cantine__column_strdup(st, 1, &bad)) || bad)
			break;
		s.key = (int64_t)nclasses++;
		e->away[e->naway++] = s;
	}
	sqlite3_finalize(st);
	if (bad) {
		while (nclasses > e->naway)
			cantine__free(e->classes[--nclasses]);
		return oom(ctx);
	}
	return rc == SQLITE_DONE ? 0 : cantine__store_err(ctx, "lecture des absences");
}

static int load_meals(cantine_ctx *ctx, etab_data *e, const char *first, const char *last)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	bool bad = false;
	int rc;

	if ((rc = cantine__prepare(ctx, &st, "SELECT pupil_id, date FROM ticket_meal WHERE "
		"etab_id = ?1 AND date BETWEEN ?2 AND ?3 ORDER BY pupil_id, date")))
		return rc;
	sqlite3_bind_int64(st, 1, e->id);
	sqlite3_bind_text(st, 2, first, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, last, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((bad = !reserve(&e->meals, e->nmeals, &cap, sizeof(meal))))
			break;
		e->meals[e->nmeals].pupil = sqlite3_column_int64(st, 0);
		e->meals[e->nmeals++].num = day_num((const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	if (bad)
		return oom(ctx);
	return rc == SQLITE_DONE ? 0 : cantine__store_err(ctx, "lecture des repas au ticket");
}

/* First index of a pupil's entries in an array sorted by pupil (`key` of
 * a span, `pupil` of a meal: both the first member). */
static size_t lower(const void *a, size_t n, size_t size, int64_t pupil)
{
	const char *base = a;
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int64_t k;
		memcpy(&k, base + mid * size, sizeof(k));
		if (k < pupil)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* ---- the bills ---- */

/* The tier most favourable to the pupil among the situations he gives
 * (bursary, quotient familial, RFR with children): the lowest family
 * price per meal on ticket; NULL when none applies. */
static const cantine_tier *best_tier(const cantine_tariff *t, const pupil_row *p,
				     cantine_funder *funder)
{
	cantine_situation s[3];
	const cantine_tier *best = NULL;
	int64_t lowest = t->ticket_cents;
	size_t n = 0, i;

	if (p->bursary)
		s[n++] = (cantine_situation){ CANTINE_TIER_BOURSE, 0, 0 };
	if (p->qf >= 0)
		s[n++] = (cantine_situation){ CANTINE_TIER_QF, p->qf, 0 };
	if (p->rfr >= 0 && p->children >= 1)
		s[n++] = (cantine_situation){ CANTINE_TIER_RFR, p->rfr, p->children };
	*funder = t->funder;
	for (i = 0; i < n; i++) {
		cantine_price pr;
		if (cantine_tariff_price(t, &s[i], &pr) == 0 && pr.tier &&
		    pr.family_cents < lowest) {
			best = pr.tier;
			lowest = pr.family_cents;
			*funder = pr.funder;
		}
	}
	return best;
}

/* The part of a day worth `share` that the tier's funder pays: the aid
 * per meal (at most the share), or what exceeds the family price. */
static int64_t aid_of(const cantine_tier *k, int64_t share)
{
	if (!k)
		return 0;
	if (k->aid_cents >= 0)
		return k->aid_cents < share ? k->aid_cents : share;
	return share > k->family_cents ? share - k->family_cents : 0;
}

static bool covers(const span *s, int64_t num)
{
	return s->first <= num && num <= s->last;
}

/* Whether one of pupil p's absences covers day `num`; *justified set
 * when a justified one does.  a0: his first absence in e->absences. */
static bool absent_on(const etab_data *e, size_t a0, int64_t pupil, int64_t num,
		      bool *justified)
{
	bool absent = false;
	size_t k;

	*justified = false;
	for (k = a0; k < e->nabsences && e->absences[k].key == pupil; k++)
		if (covers(&e->absences[k], num)) {
			absent = true;
			*justified |= e->absences[k].justified;
		}
	return absent;
}

/*
 * Remise d'ordre: marks in remise[] (indexed like e->days) the days of a
 * justified absence of pupil p lasting at least `min` consecutive school
 * days: Monday to Friday outside holidays, whether or not he eats on
 * them (a week of illness is 5 days for a pupil of 4 canteen days);
 * weekends and holidays neither count nor break the run.
 */
static void mark_remises(const etab_data *e, const pupil_row *p, size_t a0, int min,
			 bool *remise)
{
	size_t i = 0, j, k, last;
	bool just;
	int run;

	memset(remise, 0, e->ndays * sizeof(*remise));
	for (k = a0; k < e->nabsences && e->absences[k].key == p->id &&
		    !e->absences[k].justified; k++)
		;
	if (k == e->nabsences || e->absences[k].key != p->id)
		return; /* no justified absence */
	while (i < e->ndays) {
		if (e->days[i].weekday > 4 || e->days[i].holiday ||
		    !absent_on(e, a0, p->id, e->days[i].num, &just) || !just) {
			i++;
			continue;
		}
		for (j = i, last = i, run = 0; j < e->ndays; j++) {
			if (e->days[j].weekday > 4 || e->days[j].holiday)
				continue;
			if (!absent_on(e, a0, p->id, e->days[j].num, &just) || !just)
				break;
			run++;
			last = j;
		}
		if (run >= min)
			for (k = i; k <= last; k++)
				remise[k] = true;
		i = j;
	}
}

/* What happened to each term day of pupil p (days[] are the indices of
 * his term days in e->days); absent[] marks his announced absences. */
static void classify_days(const etab_data *e, const pupil_row *p, const size_t *days,
			  size_t n, int min, cantine_bill_day_kind *kind, bool *absent)
{
	size_t a0 = lower(e->absences, e->nabsences, sizeof(span), p->id), i, k;
	bool remise[WINDOW_DAYS], just;

	mark_remises(e, p, a0, min, remise);
	for (i = 0; i < n; i++) {
		const term_day *t = &e->days[days[i]];
		absent[i] = absent_on(e, a0, p->id, t->num, &just);
		if (t->num < p->first || t->num > p->last)
			kind[i] = CANTINE_BILL_UNREGISTERED;
		else if (t->closed)
			kind[i] = CANTINE_BILL_CLOSED;
		else
			kind[i] = remise[days[i]] ? CANTINE_BILL_REMISE : CANTINE_BILL_CHARGED;
		/* His class away (outing, exam) comes before his own absence. */
		for (k = 0; kind[i] >= CANTINE_BILL_CHARGED && kind[i] <= CANTINE_BILL_REMISE &&
			    k < e->naway; k++)
			if (covers(&e->away[k], t->num) &&
			    strcmp(e->classes[e->away[k].key], p->cls) == 0)
				kind[i] = CANTINE_BILL_CLASS_AWAY;
	}
}

static void add_totals(cantine_bill_totals *t, const cantine_bill *b)
{
	t->bills++;
	t->meals += b->days[CANTINE_BILL_CHARGED] + b->days[CANTINE_BILL_TICKET];
	t->gross_cents += b->gross_cents;
	t->deducted_cents += b->gross_cents - b->charged_cents;
	t->charged_cents += b->charged_cents;
	t->family_cents += b->family_cents;
	t->aid_cents[b->funder] += b->aid_cents;
}

/* The bill of pupil p; false when out of memory.  A pupil with neither
 * a term day nor a ticket meal gets none. */
static bool bill_pupil(cantine_billing *bl, const etab_data *e, etab_rec *er,
		       const pupil_row *p, int min, bool keep)
{
	const cantine_tariff *t = er->tariff;
	size_t days[TERM_MAX_DAYS], n = 0, i, m0, m1, out = 0;
	cantine_bill_day_kind kind[TERM_MAX_DAYS];
	bool absent[TERM_MAX_DAYS];
	unsigned mask = 0;
	int64_t forfait = -1, share;
	cantine_bill b;
	bill_rec *r;

	memset(&b, 0, sizeof(b));
	if (p->regime == CANTINE_REGIME_DP4 || p->regime == CANTINE_REGIME_DP5) {
		mask = p->days & e->service;
		forfait = p->regime == CANTINE_REGIME_DP4 ? t->forfait4_cents : t->forfait5_cents;
	}
	for (i = e->t0; i < e->t1; i++)
		if (!e->days[i].holiday && (mask & (1u << e->days[i].weekday)))
			days[n++] = i;
	m0 = lower(e->meals, e->nmeals, sizeof(meal), p->id);
	for (m1 = m0; m1 < e->nmeals && e->meals[m1].pupil == p->id; m1++)
		;
	if (n == 0 && m1 == m0)
		return true;
	if (!reserve(&bl->bills, bl->n, &bl->cap, sizeof(*bl->bills)))
		return false;
	r = &bl->bills[bl->n];
	memset(r, 0, sizeof(*r));
	if (!(r->ident = cantine__strdup(p->ident)) || !(r->cls = cantine__strdup(p->cls)) ||
	    (keep && !(r->days = cantine__calloc(n + (m1 - m0), sizeof(*r->days))))) {
		cantine__free(r->ident);
		cantine__free(r->cls);
		return false;
	}
	b.uai = er->uai;
	b.etab_name = er->name;
	b.pupil = r->ident;
	b.class_name = r->cls;
	b.regime = (cantine_regime)p->regime;
	b.by_forfait = forfait >= 0;
	b.forfait_cents = forfait;
	b.term_days = (int)n;
	b.remise_days = min;
	b.ticket_cents = t->ticket_cents;
	{
		const cantine_tier *k = best_tier(t, p, &b.funder);
		b.tier = k ? k->label : NULL;
		classify_days(e, p, days, n, min, kind, absent);
		/* The forfait spread over the term days so that the shares add
		 * up to it exactly: day i is worth F(i+1)/n − Fi/n, rounded
		 * down each time. */
		for (i = 0; i < n + (m1 - m0); i++) {
			cantine_bill_day d;
			if (i < n) {
				share = b.by_forfait ? forfait * (int64_t)(i + 1) / (int64_t)n -
						       forfait * (int64_t)i / (int64_t)n
						     : t->ticket_cents;
				memcpy(d.date, e->days[days[i]].date, 11);
				d.kind = kind[i];
				d.absent = absent[i];
			} else {
				share = t->ticket_cents;
				cantine__date_format(e->meals[m0 + i - n].num, d.date);
				d.kind = CANTINE_BILL_TICKET;
				d.absent = 0;
			}
			d.share_cents = share;
			d.aid_cents = 0;
			b.days[d.kind]++;
			b.gross_cents += share;
			*(i < n ? &b.term_cents : &b.tickets_cents) += share;
			if (d.kind == CANTINE_BILL_CHARGED || d.kind == CANTINE_BILL_TICKET) {
				d.aid_cents = aid_of(k, share);
				b.charged_cents += share;
				b.aid_cents += d.aid_cents;
				b.absent_charged += d.absent;
			} else {
				b.deducted_cents[d.kind] += share;
			}
			if (keep)
				r->days[out++] = d;
		}
	}
	b.family_cents = b.charged_cents - b.aid_cents;
	/* Ticket meals after the term days: put the days in date order. */
	if (keep && m1 > m0) {
		for (i = 1; i < out; i++) {
			cantine_bill_day d = r->days[i];
			size_t j = i;
			for (; j > 0 && strcmp(r->days[j - 1].date, d.date) > 0; j--)
				r->days[j] = r->days[j - 1];
			r->days[j] = d;
		}
	}
	r->ndays = out;
	r->pub = b;
	bl->n++;
	add_totals(&er->pub, &r->pub);
	add_totals(&bl->total, &r->pub);
	return true;
}

static int bill_etab(cantine_billing *bl, cantine_ctx *ctx, const cantine_bill_query *q,
		     etab_data *e, etab_rec *er)
{
	char from[11], to[11];
	size_t i;
	int rc, min;

	cantine__date_format(day_num(bl->first) - MARGIN, from);
	cantine__date_format(day_num(bl->last) + MARGIN, to);
	if ((rc = cantine_tariff_load(&er->tariff, ctx, er->uai, q->year)) ||
	    (rc = load_days(ctx, e, from, to, bl->first, bl->last)) ||
	    (rc = load_pupils(ctx, e, bl->first, bl->last, q->pupil)) ||
	    (rc = load_absences(ctx, e, from, to)) ||
	    (rc = load_meals(ctx, e, bl->first, bl->last)))
		return rc;
	if (q->pupil && e->npupils == 0)
		return cantine__seterr(ctx, CANTINE_ENOTFOUND, "aucun élève « %s » inscrit à "
				       "%s pendant le trimestre %d de %s", q->pupil, er->uai,
				       q->term, q->year);
	min = q->remise_days ? q->remise_days : er->tariff->remise_days > 0 ?
		er->tariff->remise_days : CANTINE_REMISE_DAYS_DEFAULT;
	er->pub.remise_days = min;
	for (i = 0; i < e->npupils; i++)
		if (!bill_pupil(bl, e, er, &e->pupils[i], min, q->keep_days != 0))
			return oom(ctx);
	return 0;
}

static int check_query(cantine_ctx *ctx, const cantine_bill_query *q, char *first,
		       char *last)
{
	if (!q || cantine_school_year_check(q->year))
		return cantine__seterr(ctx, CANTINE_EINVAL, "« %s » n'est pas une année "
			"scolaire ; écrivez-la AAAA-AAAA, par exemple 2026-2027",
			q && q->year ? q->year : "");
	if (cantine_term_dates(q->year, q->term, first, last))
		return cantine__seterr(ctx, CANTINE_EINVAL, "trimestre %d inconnu : écrivez 1 "
			"(septembre–décembre), 2 (janvier–mars) ou 3 (avril–juin)", q->term);
	if (q->remise_days < 0 || q->remise_days > 60)
		return cantine__seterr(ctx, CANTINE_EINVAL, "%d jours de remise d'ordre : "
			"donnez un nombre de 1 à 60", q->remise_days);
	if (q->pupil && !q->uai)
		return cantine__seterr(ctx, CANTINE_EINVAL, "la facture d'un élève demande "
				       "son établissement (UAI)");
	return 0;
}

int cantine_billing_compute(cantine_billing **out, cantine_ctx *ctx,
			    const cantine_bill_query *q)
{
	cantine_billing *bl;
	etab_data *e;
	sqlite3_stmt *st = NULL;
	char first[11], last[11];
	int rc;

	*out = NULL;
	if ((rc = check_query(ctx, q, first, last)))
		return rc;
	if (q->uai && (rc = cantine__lookup_id(ctx, "SELECT id FROM etab WHERE uai = ?1",
					       q->uai, &(int64_t){ 0 }, NULL)))
		return rc == CANTINE_ENOTFOUND ? cantine__seterr(ctx, rc, "aucun établissement "
			"d'UAI « %s »", q->uai) : rc;
	if (!(bl = cantine__calloc(1, sizeof(*bl))) || !(e = cantine__calloc(1, sizeof(*e)))) {
		cantine__free(bl);
		return oom(ctx);
	}
	memcpy(bl->first, first, 11);
	memcpy(bl->last, last, 11);
	snprintf(bl->year, sizeof(bl->year), "%s", q->year);
	bl->term = q->term;
	bl->kept = q->keep_days != 0;
	bl->one_pupil = q->pupil != NULL;
	bl->total.uai = bl->total.name = "";
	if ((rc = cantine__prepare(ctx, &st, "SELECT e.id, e.uai, e.name, e.service_days "
		"FROM etab e WHERE (?1 IS NULL OR e.uai = ?1) AND (?2 IS NULL OR "
		"e.departement = ?2) AND EXISTS (SELECT 1 FROM pupil p WHERE p.etab_id = e.id "
		"AND p.last_date >= ?3 AND p.first_date <= ?4) ORDER BY e.uai")))
		goto done;
	cantine__bind_text_or_null(st, 1, q->uai);
	cantine__bind_text_or_null(st, 2, q->uai ? NULL : q->departement);
	sqlite3_bind_text(st, 3, first, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, last, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		etab_rec *er;
		bool bad = false;
		if (!reserve(&bl->etabs, bl->ne, &bl->cape, sizeof(*bl->etabs))) {
			rc = oom(ctx);
			goto done;
		}
		er = &bl->etabs[bl->ne++];
		memset(er, 0, sizeof(*er));
		er->uai = cantine__column_strdup(st, 1, &bad);
		er->name = cantine__column_strdup(st, 2, &bad);
		if (bad) {
			rc = oom(ctx);
			goto done;
		}
		er->pub.uai = er->uai;
		er->pub.name = er->name;
		e->id = sqlite3_column_int64(st, 0);
		e->service = (unsigned)sqlite3_column_int(st, 3);
		rc = bill_etab(bl, ctx, q, e, er);
		etab_data_clear(e);
		if (rc)
			goto done;
	}
	rc = rc == SQLITE_DONE ? 0 : cantine__store_err(ctx, "lecture des établissements");
	if (!rc && q->pupil && bl->n == 0)
		rc = cantine__seterr(ctx, CANTINE_ENOTFOUND, "aucun élève « %s » inscrit à %s "
				     "pendant le trimestre %d de %s", q->pupil, q->uai, q->term,
				     q->year);
done:
	sqlite3_finalize(st);
	cantine__free(e);
	if (rc) {
		cantine_billing_free(bl);
		return rc;
	}
	*out = bl;
	return 0;
}

size_t cantine_billing_count(const cantine_billing *b)
{
	return b ? b->n : 0;
}

const cantine_bill *cantine_billing_get(const cantine_billing *b, size_t i)
{
	return b && i < b->n ? &b->bills[i].pub : NULL;
}

const cantine_bill_day *cantine_billing_days(const cantine_billing *b, size_t i,
					     size_t *n)
{
	*n = b && i < b->n ? b->bills[i].ndays : 0;
	return *n ? b->bills[i].days : NULL;
}

size_t cantine_billing_etab_count(const cantine_billing *b)
{
	return b ? b->ne : 0;
}

const cantine_bill_totals *cantine_billing_etab(const cantine_billing *b, size_t i)
{
	return b && i < b->ne ? &b->etabs[i].pub : NULL;
}

const cantine_bill_totals *cantine_billing_total(const cantine_billing *b)
{
	return b ? &b->total : NULL;
}

const char *cantine_billing_first(const cantine_billing *b)
{
	return b ? b->first : NULL;
}

const char *cantine_billing_last(const cantine_billing *b)
{
	return b ? b->last : NULL;
}

void cantine_billing_free(cantine_billing *b)
{
	size_t i;

	if (!b)
		return;
	for (i = 0; i < b->n; i++) {
		cantine__free(b->bills[i].ident);
		cantine__free(b->bills[i].cls);
		cantine__free(b->bills[i].days);
	}
	for (i = 0; i < b->ne; i++) {
		cantine__free(b->etabs[i].uai);
		cantine__free(b->etabs[i].name);
		cantine_tariff_free(b->etabs[i].tariff);
	}
	cantine__free(b->bills);
	cantine__free(b->etabs);
	cantine__free(b);
}
