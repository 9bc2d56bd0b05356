/*
 * changes.c: what changed in a published meal, for families who read the
 * week page before the change (a dish they planned around may be gone).
 * Built from the store's history (cantine_plan_history()).  The author is
 * never shown: it is a person's name or login, and the public pages show
 * nothing about persons; the reason is shown, since the CLI asks for it
 * precisely because families read published menus.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "changes.h"
#include "html.h"

/* The history joins a meal's dish names with this (libmenu/src/plan.c). */
#define SEP " | "

/* The next name of the list at *p, as [*name, *name + *len); advances *p.
 * @return 0 at the end of the list. */
static int next_name(const char **p, const char **name, size_t *len)
{
	const char *end;

	if (!*p || !**p)
		return 0;
	end = strstr(*p, SEP);
	*name = *p;
	*len = end ? (size_t)(end - *p) : strlen(*p);
	*p = end ? end + strlen(SEP) : *p + *len;
	return 1;
}

/* Is the name [name, name + len) in the list `list`? */
static int in_list(const char *list, const char *name, size_t len)
{
	const char *p = list, *n;
	size_t l;

	while (next_name(&p, &n, &l))
		if (l == len && memcmp(n, name, len) == 0)
			return 1;
	return 0;
}

/* The names of `from` missing from `other`: appended to `p` as
 * "« A », « B »", or only counted when `p` is NULL.  @return how many. */
static int names_missing(xmlNodePtr p, const char *from, const char *other)
{
	const char *it = from, *n;
	size_t l;
	int count = 0;

	while (next_name(&it, &n, &l)) {
		char *name;

		if (in_list(other, n, l))
			continue;
		if (p) {
			name = malloc(l + 1);
			if (!name)
				return count; /* a shorter line; the menu is still right */
			memcpy(name, n, l);
			name[l] = '\0';
			html_text(p, count ? ", «\xc2\xa0" : "«\xc2\xa0");
			html_text(p, name);
			html_text(p, "\xc2\xa0»");
			free(name);
		}
		count++;
	}
	return count;
}

/* "YYYY-MM-DDTHH:MM:SSZ" (UTC) as the local day "DD/MM/YYYY". */
static int local_day(char out[11], const char *at)
{
	struct tm tm = { 0 };
	time_t t;

	if (sscanf(at, "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
		   &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6)
		return -1;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	t = timegm(&tm);
	if (t == (time_t)-1 || !localtime_r(&t, &tm))
		return -1;
	return strftime(out, 11, "%d/%m/%Y", &tm) == 10 ? 0 : -1;
}

/* One change: the dishes families last saw published (`seen`) against
 * the ones published by `c`, and why (`reason`, may be NULL). */
static void change_item(xmlNodePtr sec, const cantine_change *c, const char *seen,
			const char *reason)
{
	int gone = names_missing(NULL, seen, c->after);
	int added = names_missing(NULL, c->after, seen);
	xmlNodePtr p;
	char day[11], lead[64];

	if (!gone && !added)
		return; /* the same dishes: nothing a family needs to know */
	if (local_day(day, c->at) != 0)
		snprintf(day, sizeof(day), "%.10s", c->at);
	p = html_el(sec, "p", NULL);
	html_attr(p, "class", "modifie");
	snprintf(lead, sizeof(lead), "Modifié le %s : ", day);
	html_el(p, "strong", lead);
	names_missing(p, seen, c->after);
	if (gone && added)
		html_text(p, gone > 1 ? " remplacés par " : " remplacé par ");
	else if (gone)
		html_text(p, gone > 1 ? " retirés du menu" : " retiré du menu");
	names_missing(p, c->after, seen);
	if (!gone)
		html_text(p, added > 1 ? " ajoutés au menu" : " ajouté au menu");
	html_text(p, ".");
	if (reason) {
		html_text(p, " Raison : ");
		html_text(p, reason);
		html_text(p, strchr(".!?", reason[strlen(reason) - 1]) ? "" : ".");
	}
}

void changes_list(xmlNodePtr sec, const cantine_history *h, const char *date)
{
	size_t i, n = h ? cantine_history_count(h) : 0;
	const char *seen = NULL;   /* the dishes last published */
	const char *reason = NULL; /* the last reason given since then */

	/* Entries come by meal date, then time.  A meal published, then
	 * changed while published, or withdrawn, changed and published again:
	 * each time it is published with other dishes than the ones families
	 * last saw, that is a change to show (docs/cgi.md). */
	for (i = 0; i < n; i++) {
		const cantine_change *c = cantine_history_get(h, i);

		if (strcmp(c->date, date) != 0)
			continue;
		/* The creation keeps no dishes: those published then are the
		 * ones the next change starts from. */
		if (!seen && c->old_status == CANTINE_STATUS_PUBLISHED)
			seen = c->before;
		if (c->reason && c->reason[0])
			reason = c->reason; /* e.g. given when the meal was withdrawn */
		if (c->new_status != CANTINE_STATUS_PUBLISHED)
			continue;
		if (seen && c->after)
			change_item(sec, c, seen, reason);
		if (c->after)
			seen = c->after;
		reason = NULL;
	}
}
