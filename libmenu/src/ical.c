/*
 * ical.c: the menus of an establishment as an iCalendar file (RFC 5545),
 * one all-day event per meal, for families to subscribe to.
 *
 * The output is deterministic: the same store gives byte-identical files,
 * so that a calendar server or a subscriber only sees real changes.  UIDs
 * are "<date>-<uai>@cantine" and DTSTAMP is the meal's date at 00:00:00Z
 * (docs/design.md).
 */
#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "common_int.h"
#include "text_int.h"

/* Longest period exported at once, in days (both ends included). */
#define MAX_DAYS 400
/* RFC 5545 §3.1: "Lines of text SHOULD NOT be longer than 75 octets,
 * excluding the line break." */
#define FOLD_OCTETS 75

typedef struct ical_writer {
	cantine_ctx *ctx;
	cantine_buf *out;  /* the calendar being written */
	cantine_buf  line; /* scratch: one content line before folding */
	cantine_buf  text; /* scratch: a TEXT value before escaping */
} ical_writer;

/* Length of the character starting at s[0]: a lead byte and the
 * continuation bytes after it (at most 4 in all), so that a fold never
 * falls inside a UTF-8 sequence, even a malformed one. */
static size_t char_len(const char *s, size_t avail)
{
	size_t n = 1;

	while (n < avail && n < 4 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n++;
	return n;
}

/* Append the content line s[0..n) folded at FOLD_OCTETS octets (RFC 5545
 * §3.1: CRLF then one space; the space counts in the next line), with its
 * CRLF. */
static int put_folded(cantine_buf *out, const char *s, size_t n)
{
	size_t i = 0, col = 0, k;

	while (i < n) {
		k = char_len(s + i, n - i);
		if (col + k > FOLD_OCTETS) {
			if (cantine__buf_put(out, "\r\n ", 3))
				return CANTINE_ENOMEM;
			col = 1;
		}
		if (cantine__buf_put(out, s + i, k))
			return CANTINE_ENOMEM;
		col += k;
		i += k;
	}
	return cantine__buf_put(out, "\r\n", 2);
}

/* Append s escaped as a TEXT value (RFC 5545 §3.3.11): backslash,
 * semicolon and comma get a backslash, a line break becomes "\n".  TEXT
 * may hold no other control character: they become spaces. */
static int escape_text(cantine_buf *b, const char *s)
{
	int rc = 0;

	for (; *s && rc == 0; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '\\' || c == ';' || c == ',')
			rc = cantine__buf_put(b, "\\", 1) ? CANTINE_ENOMEM
			     : cantine__buf_put(b, s, 1);
		else if (c == '\r' && s[1] == '\n')
			continue; /* CRLF: the LF writes the break */
		else if (c == '\n' || c == '\r')
			rc = cantine__buf_put(b, "\\n", 2);
		else if ((c < 0x20 && c != '\t') || c == 0x7F)
			rc = cantine__buf_put(b, " ", 1);
		else
			rc = cantine__buf_put(b, s, 1);
	}
	return rc;
}

/* One property whose value is written as is (dates, fixed words). */
static int prop(ical_writer *w, const char *name, const char *value)
{
	w->line.size = 0;
	if (cantine__buf_printf(&w->line, "%s:%s", name, value))
		return CANTINE_ENOMEM;
	return put_folded(w->out, w->line.ptr, w->line.size);
}

/* One property whose value is TEXT: escaped here, and only here. */
static int prop_text(ical_writer *w, const char *name, const char *text)
{
	w->line.size = 0;
	if (cantine__buf_printf(&w->line, "%s:", name) || escape_text(&w->line, text))
		return CANTINE_ENOMEM;
	return put_folded(w->out, w->line.ptr, w->line.size);
}

/* "YYYY-MM-DD" → "YYYYMMDD" (RFC 5545 §3.3.4 DATE). */
static void ical_date(char out[9], const char *iso)
{
	memcpy(out, iso, 4);
	memcpy(out + 4, iso + 5, 2);
	memcpy(out + 6, iso + 8, 2);
	out[8] = '\0';
}

/* "<dish> [végé] (allergènes : … ; traces : …)" */
static int describe_offer(cantine_buf *b, const cantine_offer *o)
{
	int rc = cantine__buf_puts(b, o->dish);

	if (rc == 0 && o->declared)
		rc = cantine__buf_puts(b, " *");
	if (rc == 0 && o->vegetarian)
		rc = cantine__buf_puts(b, " [végé]");
	/* A dish without a recipe: an empty list may be an omission of its
	 * publisher, not an absence. */
	if (rc == 0 && o->declared && !o->allergens)
		return cantine__buf_puts(b, " (allergènes non renseignés)");
	if (rc == 0 && !o->allergens && !o->traces)
		return cantine__buf_puts(b, " (sans allergène majeur)");
	if (rc == 0)
		rc = cantine__buf_puts(b, " (");
	if (rc == 0 && o->allergens) {
		rc = cantine__buf_puts(b, "allergènes : ");
		if (rc == 0)
			rc = cantine_allergens_format(b, o->allergens, ", ");
	}
	if (rc == 0 && o->traces) {
		rc = cantine__buf_puts(b, o->allergens ? " ; traces : " : "traces : ");
		if (rc == 0)
			rc = cantine_allergens_format(b, o->traces, ", ");
	}
	return rc ? rc : cantine__buf_puts(b, ")");
}

/* The DESCRIPTION of a meal, before escaping: one line per course, the
 * choices of a course joined by " ou ", then where allergens come from. */
static int describe_meal(cantine_buf *b, const cantine_meal *m)
{
	size_t k;
	int rc = 0, declared = 0;

	if (m->status != CANTINE_STATUS_PUBLISHED)
		rc = cantine__buf_printf(b, "Statut : %s (menu pas encore publié)\n",
					 cantine_status_name(m->status));
	for (k = 0; k < m->n_offers && rc == 0; k++) {
		const cantine_offer *o = &m->offers[k];

		if (k > 0 && m->offers[k - 1].course == o->course) {
			rc = cantine__buf_puts(b, " ou ");
		} else {
			const char *course = cantine_course_name(o->course);
			char first = course ? course[0] : '?';

			if (first >= 'a' && first <= 'z')
				first = (char)(first - 'a' + 'A');
			rc = cantine__buf_printf(b, "%s%c%s : ", k ? "\n" : "", first,
						 course && *course ? course + 1 : "");
		}
		if (rc == 0)
			rc = describe_offer(b, o);
		declared |= o->declared;
	}
	/* Regulation (EU) 1169/2011, art. 44 and Annex II: the 14 allergens
	 * must be made known for non-prepacked food, school meals included. */
	if (rc == 0)
		rc = cantine__buf_puts(b, "\n\nAllergènes : 14 allergènes "
			"réglementaires (règlement UE 1169/2011), déduits des ingrédients "
			"de chaque recette ; « traces » signale une présence possible.");
	if (rc == 0 && declared)
		rc = cantine__buf_puts(b, " * Plat sans recette dans la base : régime et "
			"allergènes sont ceux que l'éditeur du menu a déclarés, sans les "
			"traces.");
	return rc ? rc : cantine__buf_puts(b, " En cas d'allergie, renseignez-vous "
		"auprès du collège.");
}

static int write_event(ical_writer *w, const char *uai, const cantine_meal *m)
{
	const char *status = m->status == CANTINE_STATUS_PUBLISHED ? NULL
			     : cantine_status_name(m->status);
	char start[9], end[9], next[11], buf[64];
	int rc;

	if (cantine_date_add(next, m->date, 1))
		return cantine__seterr(w->ctx, CANTINE_EINVAL, "la base contient un repas "
			"à une date invalide (« %s »)", m->date);
	ical_date(start, m->date);
	ical_date(end, next);
	snprintf(buf, sizeof(buf), "%s-%s@cantine", m->date, uai);
	if ((rc = prop(w, "BEGIN", "VEVENT")) || (rc = prop(w, "UID", buf)))
		return rc;
	snprintf(buf, sizeof(buf), "%sT000000Z", start);
	if ((rc = prop(w, "DTSTAMP", buf)) ||
	    (rc = prop(w, "DTSTART;VALUE=DATE", start)) ||
	    (rc = prop(w, "DTEND;VALUE=DATE", end)))
		return rc;

	/* Families see "Menu du midi"; "brouillon" or "proposé" only shows
	 * when such meals are exported on purpose. */
	w->text.size = 0;
	if (m->vegetarian && status)
		rc = cantine__buf_printf(&w->text, "Menu du midi (végétarien, %s)", status);
	else if (m->vegetarian || status)
		rc = cantine__buf_printf(&w->text, "Menu du midi (%s)",
					 status ? status : "végétarien");
	else
		rc = cantine__buf_puts(&w->text, "Menu du midi");
	if (rc)
		return CANTINE_ENOMEM;
	if ((rc = prop_text(w, "SUMMARY", w->text.ptr)))
		return rc;
	w->text.size = 0;
	if (describe_meal(&w->text, m))
		return CANTINE_ENOMEM;
	if ((rc = prop_text(w, "DESCRIPTION", w->text.ptr)) ||
	    (rc = prop(w, "CATEGORIES", m->vegetarian ? "Cantine,Végétarien" : "Cantine")) ||
	    (rc = prop(w, "STATUS", m->status == CANTINE_STATUS_PUBLISHED
				    ? "CONFIRMED" : "TENTATIVE")) ||
	    (rc = prop(w, "TRANSP", "TRANSPARENT")))
		return rc;
	return prop(w, "END", "VEVENT");
}

static int write_header(ical_writer *w, const cantine_etab *etab)
{
	int rc;

	w->text.size = 0;
	if ((rc = prop(w, "BEGIN", "VCALENDAR")) ||
	    (rc = prop(w, "VERSION", "2.0")) ||
	    (rc = cantine__buf_printf(&w->text, "-//cantine//libcantine %s//FR",
				      cantine_version())) ||
	    (rc = prop(w, "PRODID", w->text.ptr)) ||
	    (rc = prop(w, "CALSCALE", "GREGORIAN")) ||
	    (rc = prop(w, "METHOD", "PUBLISH")))
		return rc;
	w->text.size = 0;
	if (cantine__buf_printf(&w->text, "Menus – %s", etab->name))
		return CANTINE_ENOMEM;
	if ((rc = prop_text(w, "X-WR-CALNAME", w->text.ptr)))
		return rc;
	w->text.size = 0;
	if (cantine__buf_printf(&w->text, "Menus de la demi-pension du %s (%s)",
				etab->name, etab->uai))
		return CANTINE_ENOMEM;
	if ((rc = prop_text(w, "X-WR-CALDESC", w->text.ptr)) ||
	    (rc = prop(w, "X-WR-TIMEZONE", "Europe/Paris")) ||
	    /* RFC 7986 §5.7; X-PUBLISHED-TTL for older clients. */
	    (rc = prop(w, "REFRESH-INTERVAL;VALUE=DURATION", "PT12H")) ||
	    (rc = prop(w, "X-PUBLISHED-TTL", "PT12H")))
		return rc;
	return 0;
}

/* Check the period; on success *first and *last are days since the epoch. */
static int check_period(cantine_ctx *ctx, const char *from, const char *to,
			int64_t *first, int64_t *last)
{
	int y, m, d;

	if (!from || !cantine__date_parse(from, &y, &m, &d))
		return cantine__seterr(ctx, CANTINE_EINVAL, "date de début « %s » invalide : "
			"écrivez-la AAAA-MM-JJ, par exemple 2026-09-07", from ? from : "");
	*first = cantine__days_from_civil(y, m, d);
	if (!to || !cantine__date_parse(to, &y, &m, &d))
		return cantine__seterr(ctx, CANTINE_EINVAL, "date de fin « %s » invalide : "
			"écrivez-la AAAA-MM-JJ, par exemple 2026-10-16", to ? to : "");
	*last = cantine__days_from_civil(y, m, d);
	if (*last < *first)
		return cantine__seterr(ctx, CANTINE_EINVAL, "la date de fin (%s) précède "
			"la date de début (%s) ; inversez-les", to, from);
	if (*last - *first + 1 > MAX_DAYS)
		return cantine__seterr(ctx, CANTINE_EINVAL, "la période du %s au %s compte "
			"%lld jours ; exportez au plus %d jours à la fois", from, to,
			(long long)(*last - *first + 1), MAX_DAYS);
	return 0;
}

/* The events, one ISO week at a time (cantine_plan_week), keeping the
 * meals in [from, to] whose status is in the mask. */
static int write_events(ical_writer *w, const char *uai,
			const char *from, const char *to, int64_t first,
			int64_t last, unsigned status_mask)
{
	int64_t mon = first - cantine__weekday(first);
	char date[11];
	size_t i;
	int rc = 0;

	for (; mon <= last && rc == 0; mon += 7) {
		cantine_week *week;

		cantine__date_format(mon, date);
		if ((rc = cantine_plan_week(&week, w->ctx, uai, date)))
			return rc;
		for (i = 0; i < cantine_week_meal_count(week) && rc == 0; i++) {
			const cantine_meal *m = cantine_week_meal(week, i);

			if (strcmp(m->date, from) < 0 || strcmp(m->date, to) > 0 ||
			    (unsigned)m->status >= CANTINE_STATUS__MAX ||
			    !(status_mask & (1u << m->status)))
				continue;
			rc = write_event(w, uai, m);
		}
		cantine_week_free(week);
	}
	return rc;
}

int cantine_export_ical(cantine_ctx *ctx, const char *uai, const char *from,
			const char *to, unsigned status_mask, cantine_buf *out)
{
	cantine_buf cal = CANTINE_BUF_INIT;
	ical_writer w = { ctx, &cal, CANTINE_BUF_INIT, CANTINE_BUF_INIT };
	cantine_etab *etab = NULL;
	int64_t first = 0, last = 0;
	int rc;

	assert(ctx && out);
	if ((rc = check_period(ctx, from, to, &first, &last)))
		return rc;
	if (status_mask & ~((1u << CANTINE_STATUS__MAX) - 1))
		return cantine__seterr(ctx, CANTINE_EINVAL, "masque de statuts 0x%x "
			"invalide ; statuts possibles : brouillon, proposé, publié",
			status_mask);
	if (!uai)
		return cantine__seterr(ctx, CANTINE_EINVAL, "aucun UAI donné ; indiquez "
			"l'établissement");
	if ((rc = cantine_etab_find(&etab, ctx, uai)))
		return rc;
	rc = write_header(&w, etab);
	if (rc == 0)
		rc = write_events(&w, etab->uai, from, to, first, last, status_mask);
	if (rc == 0)
		rc = prop(&w, "END", "VCALENDAR");
	/* Ownership moves only on success: out is untouched on failure. */
	if (rc == 0 && cantine__buf_put(out, cal.ptr, cal.size))
		rc = CANTINE_ENOMEM;
	/* Buffer failures have no message yet; the library's calls do. */
	if (rc == CANTINE_ENOMEM && cantine_errcode(ctx) != CANTINE_ENOMEM)
		cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	cantine_buf_dispose(&w.line);
	cantine_buf_dispose(&w.text);
	cantine_buf_dispose(&cal);
	cantine_etab_free(etab);
	return rc;
}
