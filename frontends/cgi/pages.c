/*
 * pages.c: the public pages of cantine.cgi (docs/cgi.md): the collèges
 * and the week of published menus of one of them.  Families read them:
 * no amount of money and nothing about pupils is ever shown.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "changes.h"
#include "html.h"
#include "pages.h"

static int finish(cgi_body *b, html_page *pg, int status)
{
	b->status = status;
	b->type = "text/html; charset=utf-8";
	b->filename = NULL;
	return html_page_finish(pg, &b->data, &b->len);
}

int page_error(cgi_body *b, int status, const char *title, const char *message)
{
	html_page pg;
	xmlNodePtr p;

	if (html_page_new(&pg, title))
		return html_page_free(&pg), -1;
	html_el(pg.main, "h1", title);
	p = html_el(pg.main, "p", message);
	html_attr(p, "class", "erreur");
	p = html_el(pg.main, "p", NULL);
	html_link(p, "?page=colleges", "Revenir à la liste des collèges");
	return finish(b, &pg, status);
}

int page_colleges(cgi_body *b, cantine_ctx *ctx, const cgi_request *req)
{
	const char *dep = req->given & (1u << CGI_P_DEP) ? req->dep : NULL;
	cantine_etab **list;
	html_page pg;
	xmlNodePtr ul, li, p;
	char url[256], title[64];
	size_t n, i;

	if (cantine_etab_list(&list, &n, ctx, dep))
		return -1;
	if (dep)
		snprintf(title, sizeof(title), "Collèges du département %s", dep);
	else
		snprintf(title, sizeof(title), "Collèges");
	if (html_page_new(&pg, title)) {
		cantine_etab_list_free(list, n);
		return html_page_free(&pg), -1;
	}
	html_el(pg.main, "h1", dep ? title : "Menus des collèges");
	html_el(pg.main, "p", "Choisissez un collège pour lire les menus publiés de la "
		"semaine, avec les allergènes de chaque plat.");
	if (n == 0)
		html_el(pg.main, "p", dep ? "Aucun collège de ce département n'est enregistré."
			: "Aucun collège n'est enregistré.");
	ul = n ? html_el(pg.main, "ul", NULL) : NULL;
	if (ul)
		html_attr(ul, "class", "colleges");
	for (i = 0; i < n; i++) {
		const char *kv[] = { "uai", list[i]->uai };

		li = html_el(ul, "li", NULL);
		if (html_url(url, sizeof(url), "semaine", kv, 1) == 0)
			html_link(li, url, list[i]->name);
		snprintf(title, sizeof(title), " — département %s", list[i]->departement
			 ? list[i]->departement : "inconnu");
		html_text(li, title);
	}
	if (dep) {
		p = html_el(pg.main, "p", NULL);
		html_link(p, "?page=colleges", "Tous les collèges");
	}
	cantine_etab_list_free(list, n);
	return finish(b, &pg, 200);
}

/* "lundi 23 novembre 2026" with a capital first letter when `cap`. */
static void french_day(char *out, size_t n, const char *date, int cap)
{
	if (cantine_date_french(out, n, date) != 0)
		snprintf(out, n, "%s", date);
	else if (cap && out[0] >= 'a' && out[0] <= 'z')
		out[0] = (char)(out[0] - 'a' + 'A');
}

/* A share in hundredths of a percent as "23,4 %" (one decimal). */
static void percent(char *out, size_t n, int64_t share)
{
	int64_t tenths = (share + 5) / 10;

	snprintf(out, n, "%lld,%lld\xc2\xa0%%", (long long)(tenths / 10), (long long)(tenths % 10));
}

/* Is the plugin `name` registered? */
static int has_plugin(cantine_ctx *ctx, const char *name)
{
	size_t i, n = cantine_plugin_count(ctx);

	for (i = 0; i < n; i++)
		if (strcmp(cantine_plugin_get(ctx, i)->name, name) == 0)
			return 1;
	return 0;
}

/* The allergens of `mask` as French text ("lait, œufs"). */
static void allergen_text(xmlNodePtr parent, const char *lead, unsigned mask, const char *tail)
{
	cantine_buf b = CANTINE_BUF_INIT;
	char line[512];

	if (cantine_allergens_format(&b, mask, ", ") == 0) {
		snprintf(line, sizeof(line), "%s%s%s", lead, b.ptr ? b.ptr : "", tail);
		html_text(parent, line);
	}
	cantine_buf_dispose(&b);
}

/* One dish: its name, marks, allergens, Nutri-Score and, with a filter,
 * whether the child must avoid it (said in words, not only by colour). */
static void dish_item(xmlNodePtr ul, cantine_ctx *ctx, const cantine_offer *o,
		      unsigned sans, int nutriscore)
{
	xmlNodePtr li = html_el(ul, "li", NULL), p, marks;
	cantine_signs sg = { 0, 0, 0 };
	unsigned hit = (o->allergens | o->traces) & sans;
	int unknown = o->declared && !o->allergens;
	int l;

	html_attr(li, "class", hit ? "plat eviter" : unknown && sans ? "plat verifier" : "plat");
	if (hit) {
		xmlNodePtr strong;
		unsigned c = o->allergens & sans, t = o->traces & sans;

		p = html_el(li, "p", NULL);
		html_attr(p, "class", "alerte");
		strong = html_el(p, "strong", "À éviter : ");
		if (c)
			allergen_text(strong, "contient ", c, t ? " ; " : ".");
		if (t)
			allergen_text(strong, "traces possibles : ", t, ".");
	} else if (unknown && sans) {
		p = html_el(li, "p", NULL);
		html_attr(p, "class", "alerte");
		html_el(p, "strong", "À vérifier : allergènes non renseignés.");
	}
	p = html_el(li, "p", o->dish);
	html_attr(p, "class", "nom");
	cantine_dish_signs(&sg, ctx, o->dish);
	if (o->vegetarian || sg.labels || sg.local || sg.homemade) {
		marks = html_el(li, "ul", NULL);
		html_attr(marks, "class", "marques");
		html_attr(marks, "aria-label", "Caractéristiques");
		if (o->vegetarian)
			html_attr(html_el(marks, "li", "végétarien"), "class", "vege");
		for (l = 0; l < CANTINE_LABEL__MAX; l++)
			if (sg.labels & (1u << l))
				html_attr(html_el(marks, "li", l == CANTINE_LABEL_BIO ? "bio" :
						  cantine_label_name((cantine_label)l)),
					  "class", l == CANTINE_LABEL_BIO ? "bio" : "label");
		if (sg.local)
			html_attr(html_el(marks, "li", "local"), "class", "local");
		if (sg.homemade)
			html_attr(html_el(marks, "li", "fait maison"), "class", "maison");
	}
	p = html_el(li, "p", NULL);
	html_attr(p, "class", "allergenes");
	if (unknown)
		html_text(p, "Allergènes non renseignés.");
	else if (!o->allergens && !o->traces)
		html_text(p, "Aucun des 14 allergènes majeurs.");
	if (o->allergens)
		allergen_text(p, "Allergènes : ", o->allergens, ".");
	if (o->traces)
		allergen_text(p, o->allergens ? " Traces possibles : " : "Traces possibles : ",
			      o->traces, ".");
	if (nutriscore) {
		cantine_nutriscore_result r;
		char ns[32];

		if (cantine_dish_nutriscore(&r, ctx, o->dish, NULL) == 0 && r.grade) {
			snprintf(ns, sizeof(ns), "Nutri-Score : %c", r.grade);
			p = html_el(li, "p", ns);
			html_attr(p, "class", "nutriscore");
		}
	}
}

/* One day's published meal: each course with its dishes. */
static void meal_section(xmlNodePtr sec, cantine_ctx *ctx, const cantine_meal *m,
			 unsigned sans, int nutriscore)
{
	xmlNodePtr ul = NULL;
	size_t k;
	char course[64];

	if (m->vegetarian)
		html_attr(html_el(sec, "p", "Menu végétarien"), "class", "vege-jour");
	for (k = 0; k < m->n_offers; k++) {
		const cantine_offer *o = &m->offers[k];

		if (k == 0 || m->offers[k - 1].course != o->course) {
			snprintf(course, sizeof(course), "%s", cantine_course_name(o->course));
			if (course[0] >= 'a' && course[0] <= 'z')
				course[0] = (char)(course[0] - 'a' + 'A');
			else if (strncmp(course, "é", 2) == 0)
				memcpy(course, "É", 2);
			html_el(sec, "h3", course);
			ul = html_el(sec, "ul", NULL);
			html_attr(ul, "class", "plats");
		}
		dish_item(ul, ctx, o, sans, nutriscore);
	}
}

/* The filter form: a plain GET form, no script. */
static void filter_form(xmlNodePtr parent, const cgi_request *req, const char *monday)
{
	xmlNodePtr sec = html_el(parent, "section", NULL), form, fs, lab, in, n;
	int a;

	html_attr(sec, "class", "filtre");
	html_attr(sec, "aria-labelledby", "titre-filtre");
	html_attr(html_el(sec, "h2", "Allergies de mon enfant"), "id", "titre-filtre");
	form = html_el(sec, "form", NULL);
	html_attr(form, "method", "get");
	n = html_el(form, "input", NULL);
	html_attr(n, "type", "hidden"), html_attr(n, "name", "page"), html_attr(n, "value", "semaine");
	n = html_el(form, "input", NULL);
	html_attr(n, "type", "hidden"), html_attr(n, "name", "uai"), html_attr(n, "value", req->uai);
	n = html_el(form, "input", NULL);
	html_attr(n, "type", "hidden"), html_attr(n, "name", "date"), html_attr(n, "value", monday);
	fs = html_el(form, "fieldset", NULL);
	html_el(fs, "legend", "Cochez les allergènes à éviter : les plats qui en contiennent "
		"seront signalés « À éviter ».");
	for (a = 0; a < CANTINE_ALLERGEN__MAX; a++) {
		char id[32];

		snprintf(id, sizeof(id), "sans-%s", cgi_allergen_code(a));
		lab = html_el(fs, "label", NULL);
		html_attr(lab, "for", id);
		in = html_el(lab, "input", NULL);
		html_attr(in, "type", "checkbox");
		html_attr(in, "name", "sans");
		html_attr(in, "id", id);
		html_attr(in, "value", cgi_allergen_code(a));
		if (req->sans & (1u << a))
			html_attr(in, "checked", "checked");
		html_text(lab, " ");
		html_text(lab, cantine_allergen_short((cantine_allergen)a));
	}
	n = html_el(form, "button", "Signaler les plats à éviter");
	html_attr(n, "type", "submit");
}

/* The collège's EGALIM and local shares of the last complete year:
 * shares only, never amounts (families read this page). */
static void egalim_section(xmlNodePtr parent, cantine_ctx *ctx, const cantine_etab *e)
{
	xmlNodePtr sec = html_el(parent, "section", NULL), ul;
	const cantine_audit_row *row = NULL;
	cantine_audit *a = NULL;
	time_t now = time(NULL);
	struct tm tm;
	char line[256], pc[32];
	int year;

	localtime_r(&now, &tm);
	year = tm.tm_year + 1900 - 1; /* the last complete calendar year */
	html_attr(sec, "class", "egalim");
	html_attr(sec, "aria-labelledby", "titre-egalim");
	snprintf(line, sizeof(line), "Achats de denrées en %d (loi EGALIM)", year);
	html_attr(html_el(sec, "h2", line), "id", "titre-egalim");
	if (cantine_audit_etab(&a, ctx, year, e->uai) == 0)
		row = cantine_audit_get(a, 0);
	if (!row || row->total <= 0) {
		snprintf(line, sizeof(line), "Aucun achat de %d n'est enregistré pour ce collège.", year);
		html_el(sec, "p", line);
		cantine_audit_free(a);
		return;
	}
	html_el(sec, "p", "Part de chaque catégorie dans la valeur des achats de l'année :");
	ul = html_el(sec, "ul", NULL);
	percent(pc, sizeof(pc), cantine_share(row->bio, row->total));
	snprintf(line, sizeof(line), "produits bio : %s", pc);
	if (row->bio_min >= 0)
		snprintf(line + strlen(line), sizeof(line) - strlen(line),
			 " (objectif : %d\xc2\xa0%%)", row->bio_min);
	html_el(ul, "li", line);
	percent(pc, sizeof(pc), cantine_share(row->quality, row->total));
	snprintf(line, sizeof(line), "produits durables et de qualité, bio compris : %s", pc);
	if (row->quality_min >= 0)
		snprintf(line + strlen(line), sizeof(line) - strlen(line),
			 " (objectif : %d\xc2\xa0%%)", row->quality_min);
	html_el(ul, "li", line);
	percent(pc, sizeof(pc), cantine_share(row->local, row->total));
	snprintf(line, sizeof(line), "produits locaux : %s", pc);
	html_el(ul, "li", line);
	cantine_audit_free(a);
}

/* Previous and next week, keeping the filter. */
static void week_nav(xmlNodePtr parent, const cgi_request *req, const char *monday)
{
	xmlNodePtr nav = html_el(parent, "nav", NULL);
	char url[512], date[11];
	int next;

	html_attr(nav, "aria-label", "Semaines");
	html_attr(nav, "class", "semaines");
	for (next = 0; next < 2; next++) {
		const char *kv[4 + 2 * CANTINE_ALLERGEN__MAX];
		size_t n = 0;
		int a;

		cantine_date_add(date, monday, next ? 7 : -7);
		kv[n++] = "uai", kv[n++] = req->uai;
		kv[n++] = "date", kv[n++] = date;
		for (a = 0; a < CANTINE_ALLERGEN__MAX; a++)
			if (req->sans & (1u << a))
				kv[n++] = "sans", kv[n++] = cgi_allergen_code(a);
		if (html_url(url, sizeof(url), "semaine", kv, n / 2) == 0)
			html_attr(html_link(nav, url, next ? "Semaine suivante" : "Semaine précédente"),
				  "rel", next ? "next" : "prev");
	}
}

/* Every service day of the week, and any other day with a meal: its
 * published meal, or why there is none to show. */
static void week_days(xmlNodePtr parent, cantine_ctx *ctx, const cantine_etab *e,
		      const cantine_week *w, unsigned sans)
{
	int nutriscore = has_plugin(ctx, "nutrition"), day;
	char d[11], title[64], line[512];
	cantine_history *hist = NULL;
	size_t i = 0;

	/* Changes after publication (changes.c); without the history the
	 * menus are still worth showing. */
	cantine_date_add(d, cantine_week_monday(w), 6);
	if (cantine_plan_history(&hist, ctx, e->uai, cantine_week_monday(w), d) != 0)
		hist = NULL;
	for (day = 0; day < 7; day++) {
		const cantine_meal *m = cantine_week_meal(w, i);
		cantine_buf why = CANTINE_BUF_INIT;
		int has = m && m->weekday == day;
		xmlNodePtr sec;

		if (has)
			i++;
		if (!has && !(e->service_days & (1u << day)))
			continue;
		cantine_date_add(d, cantine_week_monday(w), day);
		sec = html_el(parent, "section", NULL);
		html_attr(sec, "class", "jour");
		french_day(title, sizeof(title), d, 1);
		html_el(sec, "h2", title);
		if (cantine_closed(ctx, e->uai, d, &why) == 1) {
			snprintf(line, sizeof(line), "Pas de repas : fermé (%s).", why.ptr ? why.ptr : "");
			html_el(sec, "p", line);
		} else if (has && m->status == CANTINE_STATUS_PUBLISHED) {
			changes_list(sec, hist, d);
			meal_section(sec, ctx, m, sans, nutriscore);
		} else {
			/* Drafts and proposals are not for the public (ARCHITECTURE §9). */
			html_el(sec, "p", has ? "Le menu de ce jour n'est pas encore publié."
				: "Aucun menu n'est publié pour ce jour.");
		}
		cantine_buf_dispose(&why);
	}
	cantine_history_free(hist);
}

/* The same menus for calendars and in the national open format. */
static void links_section(xmlNodePtr parent, const char *uai, const char *monday,
			  const char *sunday)
{
	xmlNodePtr sec = html_el(parent, "section", NULL), ul;
	const char *kv[] = { "uai", uai, "du", monday, "au", sunday };
	char url[256];

	html_attr(sec, "class", "liens");
	html_attr(sec, "aria-labelledby", "titre-liens");
	html_attr(html_el(sec, "h2", "Les menus dans d'autres formats"), "id", "titre-liens");
	ul = html_el(sec, "ul", NULL);
	if (html_url(url, sizeof(url), "calendrier", kv, 1) == 0)
		html_link(html_el(ul, "li", NULL), url, "Calendrier des menus publiés "
			  "(iCalendar, pour l'agenda d'un téléphone)");
	if (html_url(url, sizeof(url), "menus.csv", kv, 3) == 0)
		html_link(html_el(ul, "li", NULL), url, "Menus de cette semaine au format "
			  "ouvert « menus collectifs » (CSV)");
}

int page_semaine(cgi_body *b, cantine_ctx *ctx, const cgi_request *req)
{
	cantine_etab *e = NULL;
	cantine_week *w = NULL;
	html_page pg;
	char today[11], monday[11], sunday[11], line[512], d1[64], d2[64];
	const char *date = req->date;
	int rc, year, week;

	if (!(req->given & (1u << CGI_P_DATE))) {
		time_t now = time(NULL);
		struct tm tm;

		localtime_r(&now, &tm);
		strftime(today, sizeof(today), "%Y-%m-%d", &tm);
		date = today;
	}
	rc = cantine_etab_find(&e, ctx, req->uai);
	if (rc == CANTINE_ENOTFOUND)
		return page_error(b, 404, "Collège inconnu", "Aucun collège n'a ce code UAI. "
				  "Choisissez-le dans la liste des collèges.");
	if (rc || cantine_plan_week(&w, ctx, req->uai, date)) {
		cantine_etab_free(e);
		return -1;
	}
	snprintf(monday, sizeof(monday), "%s", cantine_week_monday(w));
	cantine_date_add(sunday, monday, 6);
	cantine_week_iso(w, &year, &week);
	snprintf(line, sizeof(line), "Menus de la semaine — %s", e->name);
	if (html_page_new(&pg, line)) {
		html_page_free(&pg);
		cantine_week_free(w);
		cantine_etab_free(e);
		return -1;
	}
	html_el(pg.main, "h1", line);
	french_day(d1, sizeof(d1), monday, 0);
	french_day(d2, sizeof(d2), sunday, 0);
	snprintf(line, sizeof(line), "Semaine %d de %d, du %s au %s.", week, year, d1, d2);
	html_el(pg.main, "p", line);
	if (req->sans) {
		cantine_buf names = CANTINE_BUF_INIT;

		if (cantine_allergens_format(&names, req->sans, ", ") == 0) {
			snprintf(line, sizeof(line), "Plats signalés « À éviter » : ceux qui "
				 "contiennent ou peuvent contenir : %s.", names.ptr);
			html_attr(html_el(pg.main, "p", line), "class", "filtre-actif");
		}
		cantine_buf_dispose(&names);
	}
	week_nav(pg.main, req, monday);
	week_days(pg.main, ctx, e, w, req->sans);
	filter_form(pg.main, req, monday);
	egalim_section(pg.main, ctx, e);
	links_section(pg.main, e->uai, monday, sunday);
	html_link(html_el(pg.main, "p", NULL), "?page=colleges", "Autres collèges");
	cantine_week_free(w);
	cantine_etab_free(e);
	return finish(b, &pg, 200);
}
