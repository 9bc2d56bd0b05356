/*
 * pages_auth.c: the pages of the parents' committee and of the
 * gestionnaire (docs/cgi.md, "Roles"): a collège's week before
 * publication, the comments on it, and the forms that write (each with
 * its own single-use token, made by the library for this user, this
 * action and this collège).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "html.h"
#include "pages_auth.h"

const char *cgi_remote_user(void)
{
	const char *u = getenv("REMOTE_USER");

	return u && *u ? u : NULL;
}

static int finish_private(cgi_body *b, html_page *pg)
{
	b->status = 200;
	b->type = "text/html; charset=utf-8";
	b->filename = NULL;
	b->priv = 1;
	return html_page_finish(pg, &b->data, &b->len);
}

static int forbidden(cgi_body *b, const char *who)
{
	char msg[256];

	snprintf(msg, sizeof(msg), "Cette page est réservée %s. Connectez-vous avec "
		 "le compte qui convient, ou revenez aux menus publiés.", who);
	return page_error(b, 403, "Accès refusé", msg);
}

/* The collège a page is about: ?uai=, else the user's own.  @return 0,
 * or the answer already made (403) as 1, or -1. */
static int which_college(cgi_body *b, cantine_ctx *ctx, const cgi_request *req,
			 cantine_action action, const char *who, char uai[9])
{
	cantine_buf scope = CANTINE_BUF_INIT;
	cantine_role role;
	int rc;

	if (cantine_access_for(ctx, cgi_remote_user(), &role, &scope))
		return -1;
	if (req->given & (1u << CGI_P_UAI))
		memcpy(uai, req->uai, 9);
	else
		snprintf(uai, 9, "%s", role == CANTINE_ROLE_COMITE ||
			 role == CANTINE_ROLE_GESTIONNAIRE ? scope.ptr : "");
	cantine_buf_dispose(&scope);
	rc = cantine_access_may(ctx, cgi_remote_user(), action, uai);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return forbidden(b, who) ? -1 : 1;
	return 0;
}

static void day_name(char *out, size_t n, const char *date)
{
	if (cantine_date_french(out, n, date) != 0)
		snprintf(out, n, "%s", date);
	else if (out[0] >= 'a' && out[0] <= 'z')
		out[0] = (char)(out[0] - 'a' + 'A');
}

static void today(char out[11])
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/* The week shown: ?date=; else, for the committee, the week of the next
 * proposed meal; else this week. */
static int load_week(cantine_ctx *ctx, const cgi_request *req, const char *uai,
		     int gestion, cantine_week **w)
{
	char day[11], next[11];

	if (req->given & (1u << CGI_P_DATE))
		return cantine_plan_week(w, ctx, uai, req->date);
	today(day);
	if (!gestion && cantine_plan_next(ctx, uai, day, CANTINE_STATUS_PROPOSED, next) == 0)
		memcpy(day, next, sizeof(day));
	return cantine_plan_week(w, ctx, uai, day);
}

/* Links to the weeks with proposed meals, from this week on (at most 8). */
static void proposed_weeks(xmlNodePtr parent, cantine_ctx *ctx, const char *uai,
			   const char *page)
{
	xmlNodePtr ul = NULL;
	char from[11], day[11], monday[11], url[128], text[96];
	int k;

	today(day);
	cantine_date_monday(from, day);
	for (k = 0; k < 8 && cantine_plan_next(ctx, uai, from, CANTINE_STATUS_PROPOSED,
					       day) == 0; k++) {
		const char *kv[] = { "uai", uai, "date", monday };

		cantine_date_monday(monday, day);
		if (!ul) {
			html_el(parent, "h2", "Semaines proposées au comité");
			ul = html_el(parent, "ul", NULL);
			html_attr(ul, "class", "semaines-proposees");
		}
		snprintf(text, sizeof(text), "Semaine du %s", monday);
		if (html_url(url, sizeof(url), page, kv, 2) == 0)
			html_link(html_el(ul, "li", NULL), url, text);
		cantine_date_add(from, monday, 7);
	}
	if (!ul)
		html_el(parent, "p", "Aucune semaine n'est proposée au comité pour le moment.");
}

/* For the gestionnaire: every comment not yet handled, whatever its week
 * (a year back and ahead), each linking to the week where it is handled,
 * so that none waits unseen on a week nobody opens. */
static int pending_comments(xmlNodePtr parent, cantine_ctx *ctx, const char *uai)
{
	cantine_comments *cs = NULL;
	xmlNodePtr ul = NULL;
	char day[11], from[11], to[11], monday[11], url[128], text[CANTINE_COMMENT_MAX + 128];
	size_t i, n = 0;

	today(day);
	cantine_date_add(from, day, -366);
	cantine_date_add(to, day, 366);
	if (cantine_comment_list(&cs, ctx, uai, from, to))
		return -1;
	html_el(parent, "h2", "Commentaires à traiter");
	for (i = 0; i < cantine_comments_count(cs); i++) {
		const cantine_comment *c = cantine_comments_get(cs, i);
		const char *kv[] = { "uai", uai, "date", monday };
		xmlNodePtr li;

		if (c->handled_at)
			continue;
		if (!ul) {
			ul = html_el(parent, "ul", NULL);
			html_attr(ul, "class", "a-traiter");
		}
		n++;
		cantine_date_monday(monday, c->date);
		li = html_el(ul, "li", NULL);
		snprintf(text, sizeof(text), "Menu du %s", c->date);
		if (html_url(url, sizeof(url), "gestion", kv, 2) == 0)
			html_link(li, url, text);
		snprintf(text, sizeof(text), " — %s : « %s »", c->author, c->text);
		xmlAddChild(li, xmlNewText(BAD_CAST text));
	}
	if (!n)
		html_el(parent, "p", "Aucun commentaire à traiter.");
	cantine_comments_free(cs);
	return 0;
}

static void week_nav(xmlNodePtr parent, const char *page, const char *uai,
		     const char *monday)
{
	xmlNodePtr nav = html_el(parent, "nav", NULL);
	char url[256], date[11];
	int next;

	html_attr(nav, "aria-label", "Semaines");
	html_attr(nav, "class", "semaines");
	for (next = 0; next < 2; next++) {
		const char *kv[] = { "uai", uai, "date", date };

		cantine_date_add(date, monday, next ? 7 : -7);
		if (html_url(url, sizeof(url), page, kv, 2) == 0)
			html_attr(html_link(nav, url, next ? "Semaine suivante" : "Semaine précédente"),
				  "rel", next ? "next" : "prev");
	}
}

/* A form that posts to `page` with the collège, its fields and a fresh
 * token; NULL when no token can be made (the user may not). */
static xmlNodePtr post_form(xmlNodePtr parent, cantine_ctx *ctx, const char *page,
			    cantine_action action, const char *uai)
{
	cantine_buf token = CANTINE_BUF_INIT;
	xmlNodePtr form, in;
	char action_url[64];

	if (cantine_token_new(ctx, cgi_remote_user(), action, uai, &token) != 0) {
		cantine_buf_dispose(&token);
		return NULL;
	}
	snprintf(action_url, sizeof(action_url), "?page=%s", page);
	form = html_el(parent, "form", NULL);
	html_attr(form, "method", "post");
	html_attr(form, "action", action_url);
	in = html_el(form, "input", NULL);
	html_attr(in, "type", "hidden"), html_attr(in, "name", "uai"), html_attr(in, "value", uai);
	in = html_el(form, "input", NULL);
	html_attr(in, "type", "hidden"), html_attr(in, "name", "jeton");
	html_attr(in, "value", token.ptr);
	cantine_buf_dispose(&token);
	return form;
}

static void hidden(xmlNodePtr form, const char *name, const char *value)
{
	xmlNodePtr in = html_el(form, "input", NULL);

	html_attr(in, "type", "hidden");
	html_attr(in, "name", name);
	html_attr(in, "value", value);
}

/* Text with its line breaks, in a <p>. */
static void text_lines(xmlNodePtr parent, const char *text, const char *cls)
{
	xmlNodePtr p = html_el(parent, "p", NULL);
	const char *s = text, *nl;
	char line[CANTINE_COMMENT_MAX + 1];

	html_attr(p, "class", cls);
	for (;;) {
		nl = strchr(s, '\n');
		snprintf(line, sizeof(line), "%.*s", (int)(nl ? nl - s : (long)strlen(s)), s);
		html_text(p, line);
		if (!nl)
			break;
		html_el(p, "br", NULL);
		s = nl + 1;
	}
}

/* "2026-11-20T09:12:00Z" as "20/11/2026 à 09:12 (UTC)". */
static void when(char *out, size_t n, const char *iso)
{
	if (iso && strlen(iso) >= 16)
		snprintf(out, n, "%.2s/%.2s/%.4s à %.5s (UTC)", iso + 8, iso + 5, iso, iso + 11);
	else
		snprintf(out, n, "%s", iso ? iso : "");
}

/* The comments of one day; for the gestionnaire, a "traité" button on
 * each one not handled yet. */
static void day_comments(xmlNodePtr sec, cantine_ctx *ctx, const cantine_comments *cs,
			 const char *date, const char *uai, int handle)
{
	xmlNodePtr ul = NULL;
	char line[512], at[64];
	size_t i;

	for (i = 0; i < cantine_comments_count(cs); i++) {
		const cantine_comment *c = cantine_comments_get(cs, i);
		xmlNodePtr li;

		if (strcmp(c->date, date) != 0)
			continue;
		if (!ul) {
			html_el(sec, "h3", "Commentaires");
			ul = html_el(sec, "ul", NULL);
			html_attr(ul, "class", "commentaires");
		}
		li = html_el(ul, "li", NULL);
		html_attr(li, "class", c->handled_at ? "commentaire traite" : "commentaire");
		when(at, sizeof(at), c->created_at);
		snprintf(line, sizeof(line), "%s, le %s :", c->author, at);
		html_attr(html_el(li, "p", line), "class", "auteur");
		text_lines(li, c->text, "texte");
		if (c->handled_at) {
			when(at, sizeof(at), c->handled_at);
			snprintf(line, sizeof(line), "Traité par %s le %s.", c->handled_by, at);
			html_attr(html_el(li, "p", line), "class", "etat");
		} else if (handle) {
			xmlNodePtr form = post_form(li, ctx, "traiter", CANTINE_ACT_HANDLE, uai);
			char id[24];

			if (form) {
				snprintf(id, sizeof(id), "%lld", (long long)c->id);
				hidden(form, "id", id);
				hidden(form, "date", c->date); /* the week to come back to */
				html_attr(html_el(form, "button", "Marquer comme traité"), "type", "submit");
			}
		} else {
			html_attr(html_el(li, "p", "Pas encore traité."), "class", "etat");
		}
	}
}

/* The dishes of a meal, by course, with the marks végétarien and fait
 * maison, and their allergens. */
static void dishes(xmlNodePtr sec, cantine_ctx *ctx, const cantine_meal *m)
{
	xmlNodePtr ul = html_el(sec, "ul", NULL);
	cantine_buf al = CANTINE_BUF_INIT;
	char line[600];
	size_t k;

	html_attr(ul, "class", "plats");
	for (k = 0; k < m->n_offers; k++) {
		const cantine_offer *o = &m->offers[k];
		cantine_signs sg = { 0, 0, 0 };
		const char *marks;

		/* A dish of a plan always has a row in the store; should reading
		 * it fail, the dish is shown without the mark. */
		cantine_dish_signs(&sg, ctx, o->dish);
		marks = o->vegetarian && sg.homemade ? " (végétarien, fait maison)"
			: o->vegetarian ? " (végétarien)" : sg.homemade ? " (fait maison)" : "";
		al.size = 0;
		if (o->allergens)
			cantine_allergens_format(&al, o->allergens, ", ");
		snprintf(line, sizeof(line), "%s : %s%s%s%s", cantine_course_name(o->course), o->dish,
			 marks, al.size ? " — allergènes : " : "", al.size ? al.ptr : "");
		html_el(ul, "li", line);
	}
	cantine_buf_dispose(&al);
}

static const char *status_text(cantine_status s)
{
	return s == CANTINE_STATUS_PUBLISHED ? "Menu publié."
	       : s == CANTINE_STATUS_PROPOSED ? "Menu proposé au comité des parents."
	       : "Menu en préparation (brouillon) : pas encore proposé.";
}

/* The week's days: committee (`gestion` 0) or gestionnaire (1). */
static int week_page(cgi_body *b, cantine_ctx *ctx, const cgi_request *req, int gestion)
{
	const char *page = gestion ? "gestion" : "comite";
	cantine_comments *cs = NULL;
	cantine_etab *e = NULL;
	cantine_week *w = NULL;
	html_page pg;
	char uai[9], monday[11], sunday[11], d[11], title[300], line[400];
	int rc, year, week, day, comment, drafts = 0, proposed = 0;
	size_t i = 0;

	rc = which_college(b, ctx, req, gestion ? CANTINE_ACT_PUBLISH : CANTINE_ACT_SEE_PROPOSED,
			   gestion ? "au gestionnaire du collège"
			   : "au comité des parents et au gestionnaire du collège", uai);
	if (rc)
		return rc > 0 ? 0 : -1;
	comment = cantine_access_may(ctx, cgi_remote_user(), CANTINE_ACT_COMMENT, uai) == 1;
	if ((rc = cantine_etab_find(&e, ctx, uai)) == CANTINE_ENOTFOUND)
		return page_error(b, 404, "Collège inconnu", "Aucun collège n'a ce code UAI.");
	if (rc || load_week(ctx, req, uai, gestion, &w)) {
		cantine_etab_free(e);
		return -1;
	}
	snprintf(monday, sizeof(monday), "%s", cantine_week_monday(w));
	cantine_date_add(sunday, monday, 6);
	if (cantine_comment_list(&cs, ctx, uai, monday, sunday)) {
		cantine_week_free(w);
		cantine_etab_free(e);
		return -1;
	}
	cantine_week_iso(w, &year, &week);
	snprintf(title, sizeof(title), "%s — %s", gestion ? "Gestion des menus"
		 : "Menus proposés au comité", e->name);
	if (html_page_new(&pg, title)) {
		html_page_free(&pg);
		rc = -1;
		goto out;
	}
	html_el(pg.main, "h1", title);
	snprintf(line, sizeof(line), "Semaine %d de %d, du %s au %s. Connecté : %s.", week, year,
		 monday, sunday, cgi_remote_user());
	html_el(pg.main, "p", line);
	if (gestion && pending_comments(pg.main, ctx, uai)) {
		html_page_free(&pg);
		rc = -1;
		goto out;
	}
	week_nav(pg.main, page, uai, monday);
	if (!gestion)
		proposed_weeks(pg.main, ctx, uai, page);
	for (day = 0; day < 7; day++) {
		const cantine_meal *m = cantine_week_meal(w, i);
		int has = m && m->weekday == day;
		xmlNodePtr sec;

		if (has)
			i++;
		if (!has && !(e->service_days & (1u << day)))
			continue;
		cantine_date_add(d, monday, day);
		sec = html_el(pg.main, "section", NULL);
		html_attr(sec, "class", "jour");
		day_name(title, sizeof(title), d);
		html_el(sec, "h2", title);
		if (!has) {
			html_el(sec, "p", "Aucun menu pour ce jour.");
			continue;
		}
		drafts += m->status == CANTINE_STATUS_DRAFT;
		proposed += m->status == CANTINE_STATUS_PROPOSED;
		html_attr(html_el(sec, "p", status_text(m->status)), "class", "statut");
		/* The committee reads proposals and published menus, not drafts. */
		if (gestion || m->status != CANTINE_STATUS_DRAFT)
			dishes(sec, ctx, m);
		day_comments(sec, ctx, cs, d, uai, gestion);
		if (comment && m->status == CANTINE_STATUS_PROPOSED) {
			xmlNodePtr form = post_form(sec, ctx, "commenter", CANTINE_ACT_COMMENT, uai);
			xmlNodePtr lab, ta;
			char id[32];

			if (!form)
				continue;
			hidden(form, "date", d);
			snprintf(id, sizeof(id), "texte-%s", d);
			snprintf(line, sizeof(line), "Votre commentaire sur le menu du %s", title);
			lab = html_el(form, "label", line);
			html_attr(lab, "for", id);
			ta = html_el(form, "textarea", NULL);
			html_attr(ta, "id", id);
			html_attr(ta, "name", "texte");
			html_attr(ta, "rows", "3");
			html_attr(ta, "maxlength", "2000");
			html_attr(ta, "required", "required");
			html_attr(html_el(form, "button", "Envoyer le commentaire"), "type", "submit");
		}
	}
	if (gestion) {
		xmlNodePtr sec = html_el(pg.main, "section", NULL), form;

		html_attr(sec, "class", "actions");
		html_el(sec, "h2", "Cette semaine");
		if (drafts && (form = post_form(sec, ctx, "proposer", CANTINE_ACT_PROPOSE, uai))) {
			hidden(form, "date", monday);
			html_attr(html_el(form, "button", "Proposer les brouillons au comité"),
				  "type", "submit");
		}
		if ((drafts || proposed) &&
		    (form = post_form(sec, ctx, "publier", CANTINE_ACT_PUBLISH, uai))) {
			hidden(form, "date", monday);
			html_attr(html_el(form, "button", "Publier la semaine"), "type", "submit");
		}
		if (!drafts && !proposed)
			html_el(sec, "p", "Rien à proposer ni à publier cette semaine.");
	}
	rc = finish_private(b, &pg);
out:
	cantine_comments_free(cs);
	cantine_week_free(w);
	cantine_etab_free(e);
	return rc;
}

int page_comite(cgi_body *b, cantine_ctx *ctx, const cgi_request *req)
{
	return week_page(b, ctx, req, 0);
}

int page_gestion(cgi_body *b, cantine_ctx *ctx, const cgi_request *req)
{
	return week_page(b, ctx, req, 1);
}
