/*
 * test_ical.c: the iCalendar export (RFC 5545): CRLF line ends, folding at
 * 75 octets without splitting a UTF-8 character, TEXT escaping, stable
 * UIDs and byte-identical output, status filtering, period bounds, bad
 * input, and allocation failures.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common_int.h"
#include "text_int.h"

#define A(x) (1u << CANTINE_ALLERGEN_##x)
#define UAI "0595871L"
#define ALL ((1u << CANTINE_STATUS__MAX) - 1)
#define PUB (1u << CANTINE_STATUS_PUBLISHED)
#define PROP (1u << CANTINE_STATUS_PROPOSED)
#define DRAFT (1u << CANTINE_STATUS_DRAFT)

/* 160 characters (the longest dish name), 158 of them "é". */
#define E10 "éééééééééé"
#define LONG_DISH "Pé" E10 E10 E10 E10 E10 E10 E10 E10 E10 E10 E10 E10 E10 E10 E10 \
	"éééééééx"
#define ESCAPED_DISH "Pâtes, sauce; tomate \\ basilic\nmaison\r\nfin"

static void save_dish1(cantine_ctx *ctx, const char *name, cantine_course c,
		       const char *code, int64_t mg)
{
	cantine_ingredient ing = { code, mg };
	int rc = cantine_dish_save(ctx, name, c, NULL, &ing, 1);

	if (rc != 0)
		fail_msg("dish_save(%s): %d %s", name, rc, cantine_errmsg(ctx));
}

static void set_meal(cantine_ctx *ctx, const char *date, cantine_status st,
		     const char *const *dishes, size_t n)
{
	int rc = cantine_plan_set_meal(ctx, UAI, date, st, dishes, n);

	if (rc != 0)
		fail_msg("set_meal(%s): %d %s", date, rc, cantine_errmsg(ctx));
}

static void set_etab_name(cantine_ctx *ctx, const char *name)
{
	cantine_etab e;

	tu_etab_init(&e, UAI);
	e.name = name;
	assert_int_equal(cantine_etab_save(ctx, &e), 0);
}

/*
 * Week of 2026-11-23: Monday published (a choice of main course), Tuesday
 * published and vegetarian, Thursday proposed, Friday draft; Monday
 * 2026-11-30 published.
 */
static int setup(void **state)
{
	static const char *const mon[] = { "Carottes râpées", "Poulet rôti",
					   "Colin meunière", "Pain" };
	static const char *const tue[] = { "Carottes râpées", "Crêpe" };
	static const char *const thu[] = { "Poulet rôti" };
	static const char *const fri[] = { "Pomme" };
	cantine_ingredient two[2] = { { "FARINE", 60000 }, { "LAIT", 100000 } };
	cantine_product p;
	cantine_etab e;
	tu_fixture *f;

	if (tu_setup_store(state))
		return -1;
	f = *state;
	tu_etab_init(&e, UAI);
	assert_int_equal(cantine_etab_save(f->ctx, &e), 0);
	tu_product_init(&p, "CAROTTE", "Carotte", 180);
	assert_int_equal(cantine_product_save(f->ctx, &p), 0);
	tu_product_init(&p, "POULET", "Poulet", 900);
	p.family = CANTINE_FAMILY_VIANDES_VOLAILLES;
	p.meat = 1;
	assert_int_equal(cantine_product_save(f->ctx, &p), 0);
	tu_product_init(&p, "COLIN", "Colin", 1100);
	p.family = CANTINE_FAMILY_PRODUITS_DE_LA_MER;
	p.fish = 1;
	p.allergens = A(FISH);
	assert_int_equal(cantine_product_save(f->ctx, &p), 0);
	tu_product_init(&p, "FARINE", "Farine", 120);
	p.family = CANTINE_FAMILY_AUTRES;
	p.allergens = A(GLUTEN);
	p.traces = A(SESAME) | A(MILK);
	assert_int_equal(cantine_product_save(f->ctx, &p), 0);
	tu_product_init(&p, "LAIT", "Lait", 100);
	p.family = CANTINE_FAMILY_PRODUITS_LAITIERS;
	p.unit = CANTINE_UNIT_LITRE;
	p.unit_grams = 1030;
	p.allergens = A(MILK);
	assert_int_equal(cantine_product_save(f->ctx, &p), 0);
	tu_product_init(&p, "POMME", "Pomme", 200);
	assert_int_equal(cantine_product_save(f->ctx, &p), 0);

	save_dish1(f->ctx, "Carottes râpées", CANTINE_COURSE_ENTREE, "CAROTTE", 80000);
	save_dish1(f->ctx, "Poulet rôti", CANTINE_COURSE_PLAT, "POULET", 120000);
	save_dish1(f->ctx, "Colin meunière", CANTINE_COURSE_PLAT, "COLIN", 100000);
	save_dish1(f->ctx, "Pomme", CANTINE_COURSE_DESSERT, "POMME", 120000);
	save_dish1(f->ctx, "Pain", CANTINE_COURSE_PAIN, "FARINE", 50000);
	assert_int_equal(cantine_dish_save(f->ctx, "Crêpe", CANTINE_COURSE_DESSERT,
					   NULL, two, 2), 0);

	set_meal(f->ctx, "2026-11-23", CANTINE_STATUS_PUBLISHED, mon, 4);
	set_meal(f->ctx, "2026-11-24", CANTINE_STATUS_PUBLISHED, tue, 2);
	set_meal(f->ctx, "2026-11-26", CANTINE_STATUS_PROPOSED, thu, 1);
	set_meal(f->ctx, "2026-11-27", CANTINE_STATUS_DRAFT, fri, 1);
	set_meal(f->ctx, "2026-11-30", CANTINE_STATUS_PUBLISHED, fri, 1);
	return 0;
}

static int teardown(void **state)
{
	cantine__alloc_fail_after(-1);
	return tu_teardown_store(state);
}

/* ---- helpers ---- */

/* Export and check the invariants every output must meet; the caller
 * frees the result. */
static char *export(tu_fixture *f, const char *from, const char *to, unsigned mask)
{
	cantine_buf b = CANTINE_BUF_INIT;
	int rc = cantine_export_ical(f->ctx, UAI, from, to, mask, &b);
	const char *p, *line;

	if (rc != 0)
		fail_msg("export_ical(%s, %s): %d %s", from, to, rc, cantine_errmsg(f->ctx));
	assert_non_null(b.ptr);
	assert_int_equal(strlen(b.ptr), b.size);
	assert_true(cantine__utf8_valid(b.ptr, b.size));
	assert_int_equal(strncmp(b.ptr, "BEGIN:VCALENDAR\r\n", 17), 0);
	assert_true(b.size >= 15);
	assert_string_equal(b.ptr + b.size - 15, "END:VCALENDAR\r\n");
	/* CRLF everywhere; each physical line at most 75 octets and valid
	 * UTF-8 on its own (no character split by a fold). */
	for (line = p = b.ptr; *p; p++) {
		if (*p == '\r')
			assert_int_equal(p[1], '\n');
		if (*p != '\n')
			continue;
		assert_true(p > b.ptr && p[-1] == '\r');
		if (p - 1 - line > 75)
			fail_msg("line of %d octets: %.*s", (int)(p - 1 - line),
				 (int)(p - 1 - line), line);
		assert_true(cantine__utf8_valid(line, (size_t)(p - 1 - line)));
		assert_true(p - 1 > line); /* no empty line */
		/* Folded as late as possible: the next character did not fit. */
		if (p[1] == ' ') {
			unsigned char c = (unsigned char)p[2];
			int k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
			if (p - 1 - line != 75 && p - 1 - line + k <= 75)
				fail_msg("folded too early (%d octets): %.*s", (int)(p - 1 - line),
					 (int)(p - 1 - line), line);
		}
		line = p + 1;
	}
	assert_true(*line == '\0'); /* ends with CRLF */
	return b.ptr;
}

/* The text with folds undone (RFC 5545 §3.1: CRLF followed by one space
 * or tab); malloc'ed. */
static char *unfold(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;

	assert_non_null(out);
	while (*s) {
		if (s[0] == '\r' && s[1] == '\n' && (s[2] == ' ' || s[2] == '\t'))
			s += 3;
		else
			*o++ = *s++;
	}
	*o = '\0';
	return out;
}

static int count(const char *hay, const char *needle)
{
	int n = 0;

	for (hay = strstr(hay, needle); hay; hay = strstr(hay + 1, needle))
		n++;
	return n;
}

/* The value of the first unfolded content line `name:` of the event whose
 * DTSTART is `date` (YYYYMMDD), or of the calendar when date is NULL;
 * malloc'ed, NULL when absent. */
static char *value(const char *ics, const char *date, const char *name)
{
	char *u = unfold(ics), *from = u, *p, *end, *r = NULL, key[128];

	if (date) {
		snprintf(key, sizeof(key), "\r\nDTSTART;VALUE=DATE:%s\r\n", date);
		from = strstr(u, key);
		if (!from) {
			free(u);
			return NULL;
		}
		while (from > u && strncmp(from, "\r\nBEGIN:VEVENT", 14) != 0)
			from--;
	}
	snprintf(key, sizeof(key), "\r\n%s:", name);
	p = strstr(from, key);
	if (p && (!date || !strstr(from + 2, "END:VEVENT") || p < strstr(from + 2, "END:VEVENT"))) {
		p += strlen(key);
		end = strstr(p, "\r\n");
		r = strndup(p, (size_t)(end - p));
	}
	free(u);
	return r;
}

static void expect_prop(const char *ics, const char *date, const char *name,
			 const char *want)
{
	char *v = value(ics, date, name);

	if (!v || strcmp(v, want) != 0)
		fail_msg("%s %s: got « %s », expected « %s »", date ? date : "calendar",
			 name, v ? v : "(absent)", want);
	free(v);
}

static void expect_prop_has(const char *ics, const char *date, const char *name,
			     const char *want)
{
	char *v = value(ics, date, name);

	if (!v || !strstr(v, want))
		fail_msg("%s %s: « %s » lacks « %s »", date ? date : "calendar", name,
			 v ? v : "(absent)", want);
	free(v);
}

/* The physical line starting with `prefix`, or NULL. */
static const char *line_at(const char *ics, const char *prefix)
{
	const char *p = strstr(ics, prefix);

	return p && (p == ics || p[-1] == '\n') ? p : NULL;
}

static size_t line_len(const char *line)
{
	return (size_t)(strstr(line, "\r\n") - line);
}

/* ---- tests ---- */

static void test_calendar_and_events(void **state)
{
	tu_fixture *f = *state;
	char *ics = export(f, "2026-11-23", "2026-11-29", PUB);

	expect_prop(ics, NULL, "VERSION", "2.0");
	expect_prop(ics, NULL, "PRODID", "-//cantine//libcantine " CANTINE_VERSION "//FR");
	expect_prop(ics, NULL, "CALSCALE", "GREGORIAN");
	expect_prop(ics, NULL, "METHOD", "PUBLISH");
	expect_prop(ics, NULL, "X-WR-CALNAME", "Menus – Collège Louise Michel");
	expect_prop(ics, NULL, "X-WR-TIMEZONE", "Europe/Paris");
	assert_int_equal(count(ics, "\r\nBEGIN:VEVENT\r\n"), 2);
	assert_int_equal(count(ics, "\r\nEND:VEVENT\r\n"), 2);

	expect_prop(ics, "20261123", "UID", "2026-11-23-" UAI "@cantine");
	expect_prop(ics, "20261123", "DTSTAMP", "20261123T000000Z");
	expect_prop(ics, "20261123", "DTEND;VALUE=DATE", "20261124");
	expect_prop(ics, "20261123", "SUMMARY", "Menu du midi");
	expect_prop(ics, "20261123", "TRANSP", "TRANSPARENT");
	expect_prop(ics, "20261123", "STATUS", "CONFIRMED");
	/* One line per course; choices joined by " ou ", ordered by name. */
	expect_prop(ics, "20261123", "DESCRIPTION",
		"Entrée : Carottes râpées [végé] (sans allergène majeur)\\n"
		"Plat principal : Colin meunière (allergènes : poisson) ou Poulet rôti "
		"(sans allergène majeur)\\n"
		"Pain : Pain [végé] (allergènes : gluten \\; traces : lait\\, sésame)\\n\\n"
		"Allergènes : 14 allergènes réglementaires (règlement UE 1169/2011)\\, "
		"déduits des ingrédients de chaque recette \\; « traces » signale une "
		"présence possible. En cas d'allergie\\, renseignez-vous auprès du collège.");

	expect_prop(ics, "20261124", "UID", "2026-11-24-" UAI "@cantine");
	expect_prop(ics, "20261124", "SUMMARY", "Menu du midi (végétarien)");
	expect_prop(ics, "20261124", "CATEGORIES", "Cantine,Végétarien");
	/* Traces already among the allergens are not repeated. */
	expect_prop_has(ics, "20261124", "DESCRIPTION",
		"Dessert : Crêpe [végé] (allergènes : gluten\\, lait \\; traces : sésame)");
	free(ics);
}

static void test_folding(void **state)
{
	tu_fixture *f = *state;
	/* "X-WR-CALNAME:Menus – " is 23 octets ("–" is 3). */
	char name[80], want[100];
	const char *l;
	char *ics, *v;

	/* 23 + 52 = 75 octets: one line, not folded. */
	memset(name, 'N', 52);
	name[52] = '\0';
	set_etab_name(f->ctx, name);
	ics = export(f, "2026-11-01", "2026-11-02", ALL);
	l = line_at(ics, "X-WR-CALNAME:");
	assert_non_null(l);
	assert_int_equal(line_len(l), 75);
	assert_true(l[77] != ' ');
	free(ics);

	/* 76 octets: folded after 75, the last "Z" on a continuation line. */
	memcpy(name + 52, "Z", 2);
	set_etab_name(f->ctx, name);
	ics = export(f, "2026-11-01", "2026-11-02", ALL);
	l = line_at(ics, "X-WR-CALNAME:");
	assert_non_null(l);
	assert_int_equal(line_len(l), 75);
	assert_int_equal(strncmp(l + 75, "\r\n Z\r\n", 6), 0);
	snprintf(want, sizeof(want), "Menus – %s", name);
	expect_prop(ics, NULL, "X-WR-CALNAME", want);
	free(ics);

	/* "x" then "é"s: 24 + 25 × 2 = 74 octets; the 26th "é" would end at
	 * octet 76, so the fold comes before it, at 74 octets. */
	snprintf(name, sizeof(name), "x%s%s%s", E10, E10, E10);
	set_etab_name(f->ctx, name);
	ics = export(f, "2026-11-01", "2026-11-02", ALL);
	l = line_at(ics, "X-WR-CALNAME:");
	assert_non_null(l);
	assert_int_equal(line_len(l), 74);
	assert_int_equal(strncmp(l + 74, "\r\n é", 5), 0);
	v = value(ics, NULL, "X-WR-CALNAME");
	assert_non_null(v);
	assert_int_equal(strcmp(v + strlen("Menus – "), name), 0);
	free(v);
	free(ics);
}

static void test_long_utf8_dish(void **state)
{
	static const char *const dishes[] = { LONG_DISH };
	tu_fixture *f = *state;
	const char *p;
	char *ics, *v;
	int folds = 0, short_lines = 0;

	assert_int_equal(cantine__utf8_len(LONG_DISH), 160);
	save_dish1(f->ctx, LONG_DISH, CANTINE_COURSE_PLAT, "CAROTTE", 100000);
	set_meal(f->ctx, "2026-12-01", CANTINE_STATUS_PUBLISHED, dishes, 1);
	ics = export(f, "2026-12-01", "2026-12-01", PUB);
	/* export() checked that no line exceeds 75 octets, that each is valid
	 * UTF-8 and that folds come as late as possible; here some fold had to
	 * back off by one octet, and no continuation line starts inside a
	 * character. */
	for (p = strstr(ics, "\r\n "); p; p = strstr(p + 1, "\r\n ")) {
		const char *start = p;
		folds++;
		assert_true(((unsigned char)p[3] & 0xC0) != 0x80);
		while (start > ics && start[-1] != '\n')
			start--;
		if (p - start == 74)
			short_lines++;
	}
	assert_true(folds >= 4);
	assert_true(short_lines >= 1);
	v = value(ics, "20261201", "DESCRIPTION");
	assert_non_null(v);
	assert_true(strstr(v, "Plat principal : " LONG_DISH " [végé] (sans allergène majeur)\\n") == v);
	free(v);
	free(ics);
}

static void test_escaping(void **state)
{
	static const char *const dishes[] = { ESCAPED_DISH };
	tu_fixture *f = *state;
	char *ics, *v;

	set_etab_name(f->ctx, "Collège Jean-Moulin, site \"Nord\"; annexe\\2");
	save_dish1(f->ctx, ESCAPED_DISH, CANTINE_COURSE_PLAT, "CAROTTE", 100000);
	set_meal(f->ctx, "2026-12-01", CANTINE_STATUS_PUBLISHED, dishes, 1);
	ics = export(f, "2026-12-01", "2026-12-01", PUB);
	expect_prop(ics, NULL, "X-WR-CALNAME",
		     "Menus – Collège Jean-Moulin\\, site \"Nord\"\\; annexe\\\\2");
	v = value(ics, "20261201", "DESCRIPTION");
	assert_non_null(v);
	/* Comma, semicolon, backslash escaped; LF and CRLF become "\n". */
	assert_true(strstr(v, "Plat principal : Pâtes\\, sauce\\; tomate \\\\ basilic"
			      "\\nmaison\\nfin [végé]") == v);
	assert_null(strchr(v, '\n'));
	assert_null(strchr(v, '\r'));
	free(v);
	/* The unfolded file has exactly one LF per content line. */
	v = unfold(ics);
	assert_int_equal(count(v, "\n"), count(v, "\r\n"));
	free(v);
	free(ics);
}

static void test_stable_output(void **state)
{
	tu_fixture *f = *state;
	char *a = export(f, "2026-11-01", "2026-12-31", ALL);
	char *b = export(f, "2026-11-01", "2026-12-31", ALL);
	char *c = export(f, "2026-11-24", "2026-11-24", PUB);
	const char *ev, *end;

	assert_string_equal(a, b);
	assert_int_equal(count(a, "\r\nBEGIN:VEVENT\r\n"), 5);
	assert_int_equal(count(a, "UID:2026-11-23-" UAI "@cantine\r\n"), 1);
	assert_int_equal(count(a, "UID:2026-11-24-" UAI "@cantine\r\n"), 1);
	assert_int_equal(count(a, "UID:2026-11-26-" UAI "@cantine\r\n"), 1);
	assert_int_equal(count(a, "UID:2026-11-27-" UAI "@cantine\r\n"), 1);
	assert_int_equal(count(a, "UID:2026-11-30-" UAI "@cantine\r\n"), 1);
	/* The same meal gives the same bytes whatever the period exported. */
	ev = strstr(c, "BEGIN:VEVENT\r\n");
	assert_non_null(ev);
	end = strstr(ev, "END:VEVENT\r\n");
	assert_non_null(end);
	{
		char *event = strndup(ev, (size_t)(end - ev));
		assert_non_null(strstr(a, event));
		free(event);
	}
	free(a);
	free(b);
	free(c);
}

static void test_status_filter(void **state)
{
	tu_fixture *f = *state;
	static const struct { unsigned mask; int n; } cases[] = {
		{ PUB, 3 }, { PROP, 1 }, { DRAFT, 1 }, { PROP | DRAFT, 2 },
		{ PUB | PROP, 4 }, { ALL, 5 }, { 0, 0 },
	};
	size_t i;
	char *ics;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ics = export(f, "2026-11-01", "2026-12-31", cases[i].mask);
		if (count(ics, "\r\nBEGIN:VEVENT\r\n") != cases[i].n)
			fail_msg("mask 0x%x: %d events, expected %d", cases[i].mask,
				 count(ics, "\r\nBEGIN:VEVENT\r\n"), cases[i].n);
		free(ics);
	}
	ics = export(f, "2026-11-01", "2026-12-31", PUB);
	assert_null(strstr(ics, "DTSTART;VALUE=DATE:20261126"));
	assert_null(strstr(ics, "DTSTART;VALUE=DATE:20261127"));
	assert_null(strstr(ics, "TENTATIVE"));
	free(ics);
	/* Meals not published say so, for whoever exports them. */
	ics = export(f, "2026-11-01", "2026-12-31", ALL);
	expect_prop(ics, "20261126", "SUMMARY", "Menu du midi (proposé)");
	expect_prop(ics, "20261126", "STATUS", "TENTATIVE");
	expect_prop_has(ics, "20261126", "DESCRIPTION", "Statut : proposé (menu pas encore publié)");
	expect_prop(ics, "20261127", "SUMMARY", "Menu du midi (végétarien\\, brouillon)");
	free(ics);
}

static void test_period_bounds(void **state)
{
	tu_fixture *f = *state;
	char *ics;

	/* Both ends included; across a week boundary (Thursday to Monday). */
	ics = export(f, "2026-11-26", "2026-11-30", ALL);
	assert_int_equal(count(ics, "\r\nBEGIN:VEVENT\r\n"), 3);
	assert_non_null(strstr(ics, "DTSTART;VALUE=DATE:20261126\r\n"));
	assert_non_null(strstr(ics, "DTSTART;VALUE=DATE:20261130\r\n"));
	assert_null(strstr(ics, "DTSTART;VALUE=DATE:20261124\r\n"));
	free(ics);
	/* A Tuesday to a Wednesday: Monday's meal left out. */
	ics = export(f, "2026-11-24", "2026-11-25", ALL);
	assert_int_equal(count(ics, "\r\nBEGIN:VEVENT\r\n"), 1);
	assert_non_null(strstr(ics, "UID:2026-11-24-"));
	free(ics);
	/* 400 days is the most. */
	ics = export(f, "2026-01-01", "2027-02-04", ALL);
	assert_int_equal(count(ics, "\r\nBEGIN:VEVENT\r\n"), 5);
	free(ics);
	/* The last day of a year: DTEND in the next. */
	{
		static const char *const d[] = { "Pomme" };
		set_meal(f->ctx, "2026-12-31", CANTINE_STATUS_PUBLISHED, d, 1);
		ics = export(f, "2026-12-31", "2026-12-31", PUB);
		expect_prop(ics, "20261231", "DTEND;VALUE=DATE", "20270101");
		free(ics);
	}
}

static void test_empty_period(void **state)
{
	tu_fixture *f = *state;
	char *ics = export(f, "2026-07-01", "2026-08-31", ALL);

	assert_null(strstr(ics, "VEVENT"));
	expect_prop(ics, NULL, "VERSION", "2.0");
	expect_prop(ics, NULL, "PRODID", "-//cantine//libcantine " CANTINE_VERSION "//FR");
	expect_prop(ics, NULL, "X-WR-CALNAME", "Menus – Collège Louise Michel");
	free(ics);
}

static void test_appends(void **state)
{
	tu_fixture *f = *state;
	cantine_buf b = CANTINE_BUF_INIT;
	char *ics = export(f, "2026-11-23", "2026-11-23", PUB);

	assert_int_equal(cantine__buf_puts(&b, "avant\n"), 0);
	assert_int_equal(cantine_export_ical(f->ctx, UAI, "2026-11-23", "2026-11-23",
					     PUB, &b), 0);
	assert_int_equal(strncmp(b.ptr, "avant\n", 6), 0);
	assert_string_equal(b.ptr + 6, ics);
	cantine_buf_dispose(&b);
	free(ics);
}

/* A call that must fail with `code`, leaving out unchanged, with a
 * message holding `msg`. */
static void expect_fail(tu_fixture *f, const char *uai, const char *from,
			const char *to, unsigned mask, int code, const char *msg)
{
	cantine_buf b = CANTINE_BUF_INIT;
	int rc;

	assert_int_equal(cantine__buf_puts(&b, "avant"), 0);
	rc = cantine_export_ical(f->ctx, uai, from, to, mask, &b);
	if (rc != code)
		fail_msg("export(%s, %s, %s): %d, expected %d (%s)", uai ? uai : "NULL",
			 from ? from : "NULL", to ? to : "NULL", rc, code,
			 cantine_errmsg(f->ctx));
	assert_int_equal(cantine_errcode(f->ctx), code);
	assert_string_equal(b.ptr, "avant");
	assert_int_equal(b.size, 5);
	if (!tu_contains(cantine_errmsg(f->ctx), msg))
		fail_msg("message « %s » lacks « %s »", cantine_errmsg(f->ctx), msg);
	cantine_buf_dispose(&b);
}

static void test_bad_input(void **state)
{
	tu_fixture *f = *state;

	expect_fail(f, UAI, "2026-02-30", "2026-03-10", PUB, CANTINE_EINVAL,
		    "date de début « 2026-02-30 » invalide");
	expect_fail(f, UAI, "07/09/2026", "2026-10-01", PUB, CANTINE_EINVAL, "AAAA-MM-JJ");
	expect_fail(f, UAI, "2026-9-7", "2026-10-01", PUB, CANTINE_EINVAL, "AAAA-MM-JJ");
	expect_fail(f, UAI, "", "2026-10-01", PUB, CANTINE_EINVAL, "date de début");
	expect_fail(f, UAI, NULL, "2026-10-01", PUB, CANTINE_EINVAL, "date de début");
	expect_fail(f, UAI, "2026-09-01", "2026-13-01", PUB, CANTINE_EINVAL,
		    "date de fin « 2026-13-01 » invalide");
	expect_fail(f, UAI, "2026-09-01", NULL, PUB, CANTINE_EINVAL, "date de fin");
	expect_fail(f, UAI, "2026-09-01", "2026-08-31", PUB, CANTINE_EINVAL,
		    "la date de fin (2026-08-31) précède la date de début (2026-09-01)");
	expect_fail(f, UAI, "2026-01-01", "2027-02-05", PUB, CANTINE_EINVAL,
		    "compte 401 jours ; exportez au plus 400 jours");
	expect_fail(f, UAI, "2026-11-01", "2026-11-30", 1u << CANTINE_STATUS__MAX,
		    CANTINE_EINVAL, "statuts");
	expect_fail(f, "0750654D", "2026-11-01", "2026-11-30", PUB, CANTINE_ENOTFOUND,
		    "aucun établissement d'UAI « 0750654D »");
	expect_fail(f, NULL, "2026-11-01", "2026-11-30", PUB, CANTINE_EINVAL, "UAI");
}

/* The n+1-th allocation fails, for every n: ENOMEM or success, out
 * unchanged on failure, nothing leaked (LeakSanitizer). */
static void test_alloc_failures(void **state)
{
	tu_fixture *f = *state;
	char *want = export(f, "2026-11-01", "2026-12-31", ALL);
	long n;
	int rc;

	for (n = 0; n < 100000; n++) {
		cantine_buf b = CANTINE_BUF_INIT;

		cantine__alloc_fail_after(n);
		rc = cantine_export_ical(f->ctx, UAI, "2026-11-01", "2026-12-31", ALL, &b);
		cantine__alloc_fail_after(-1);
		if (rc == 0) {
			assert_string_equal(b.ptr, want);
			cantine_buf_dispose(&b);
			break;
		}
		if (rc != CANTINE_ENOMEM)
			fail_msg("step %ld: %d %s", n, rc, cantine_errmsg(f->ctx));
		assert_string_equal(cantine_errmsg(f->ctx), "mémoire insuffisante");
		assert_null(b.ptr);
		assert_int_equal(b.size, 0);
	}
	assert_true(n > 10);
	free(want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
		T(test_calendar_and_events),
		T(test_folding),
		T(test_long_utf8_dish),
		T(test_escaping),
		T(test_stable_output),
		T(test_status_filter),
		T(test_period_bounds),
		T(test_empty_period),
		T(test_appends),
		T(test_bad_input),
		T(test_alloc_failures),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
