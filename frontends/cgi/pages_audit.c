/*
 * pages_audit.c: the département's pages (docs/cgi.md, "Roles"): the
 * EGALIM audit of a year with its bar charts, and each collège's figures
 * and what it lacks.  Amounts of money: for the département role only.
 *
 * The charts are SVG elements of the page's tree (no inline style: the
 * Content-Security-Policy forbids it; the style sheet styles them), built
 * from the audit's public rows rather than cantine_audit_write()'s HTML
 * page, which carries its own <style>.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "html.h"
#include "pages_auth.h"

static int finish_private(cgi_body *b, html_page *pg)
{
	b->status = 200;
	b->type = "text/html; charset=utf-8";
	b->filename = NULL;
	b->priv = 1;
	return html_page_finish(pg, &b->data, &b->len);
}

static int forbidden(cgi_body *b)
{
	return page_error(b, 403, "Accès refusé", "L'audit des achats est réservé aux "
			  "services du département. Connectez-vous avec le compte qui "
			  "convient, ou revenez aux menus publiés.");
}

/* ?annee=, else the last complete calendar year. */
static int audit_year(const cgi_request *req)
{
	time_t now = time(NULL);
	struct tm tm;

	if (req->given & (1u << CGI_P_ANNEE))
		return req->annee;
	localtime_r(&now, &tm);
	return tm.tm_year + 1900 - 1;
}

/* Cents as "1 234,56 €" (narrow no-break spaces between thousands). */
static void euros(char *out, size_t n, int64_t cents)
{
	char digits[32], grouped[64];
	size_t len, i, o = 0;
	int64_t e = (cents < 0 ? -cents : cents) / 100;

	snprintf(digits, sizeof(digits), "%lld", (long long)e);
	len = strlen(digits);
	for (i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0) {
			memcpy(grouped + o, "\xe2\x80\xaf", 3);
			o += 3;
		}
		grouped[o++] = digits[i];
	}
	grouped[o] = '\0';
	snprintf(out, n, "%s%s,%02lld\xc2\xa0\xe2\x82\xac", cents < 0 ? "-" : "", grouped,
		 (long long)((cents < 0 ? -cents : cents) % 100));
}

/* A share in hundredths of a percent as "23,4 %", or "—" when undefined. */
static void percent(char *out, size_t n, int64_t share)
{
	int64_t tenths = (share + 5) / 10;

	if (share < 0)
		snprintf(out, n, "—");
	else
		snprintf(out, n, "%lld,%lld\xc2\xa0%%", (long long)(tenths / 10),
			 (long long)(tenths % 10));
}

static void cell(xmlNodePtr tr, const char *tag, const char *text)
{
	html_el(tr, tag, text);
}

/* The shares of a row that the charts draw. */
enum { C_BIO, C_QUALITY, C_MEAT_FISH, C_LOCAL, C_VEGE, C__MAX };

static int64_t share_of(const cantine_audit_row *r, int c)
{
	switch (c) {
	case C_BIO: return cantine_share(r->bio, r->total);
	case C_QUALITY: return cantine_share(r->quality, r->total);
	case C_MEAT_FISH: return cantine_share(r->meat_quality + r->fish_quality,
					       r->meat + r->fish);
	case C_LOCAL: return cantine_share(r->local, r->total);
	default: return cantine_share(r->weeks_vegetarian, r->weeks);
	}
}

static int objective_of(const cantine_audit_row *r, int c)
{
	return c == C_BIO ? r->bio_min : c == C_QUALITY ? r->quality_min
	       : c == C_MEAT_FISH ? r->meat_fish_min : c == C_VEGE ? 100 : -1;
}

static const char *const chart_titles[C__MAX] = {
	"Part des produits bio", "Part des produits durables et de qualité (bio compris)",
	"Part EGALIM des viandes et poissons", "Part des produits locaux",
	"Semaines avec un menu végétarien",
};

/* One horizontal bar chart: a bar per collège and the total, the value
 * and ✓/✗ written after each bar (colour is never the only sign), the
 * objective as a dashed line when the total has one. */
static void chart(xmlNodePtr parent, const cantine_audit *a, int c, int idx)
{
	const cantine_audit_row *total = cantine_audit_total(a);
	size_t n = cantine_audit_count(a), i;
	int objective = objective_of(total, c);
	int label_w = 230, bar_w = 300, row_h = 22, width = label_w + bar_w + 110;
	int height = (int)(n + 1) * row_h + 10;
	xmlNodePtr fig = html_el(parent, "figure", NULL), svg, t;
	char buf[160], id[32], pc[32];

	html_attr(fig, "class", "graphique");
	snprintf(id, sizeof(id), "graphique-%d", idx);
	svg = html_el(fig, "svg", NULL);
	html_attr(svg, "xmlns", "http://www.w3.org/2000/svg");
	snprintf(buf, sizeof(buf), "0 0 %d %d", width, height);
	html_attr(svg, "viewBox", buf);
	html_attr(svg, "role", "img");
	html_attr(svg, "aria-labelledby", id);
	html_attr(html_el(svg, "title", chart_titles[c]), "id", id);
	for (i = 0; i <= n; i++) {
		const cantine_audit_row *r = i < n ? cantine_audit_get(a, i) : total;
		int64_t s = share_of(r, c);
		int obj = objective_of(r, c);
		int y = (int)i * row_h + 5, len = s < 0 ? 0 : (int)(s * bar_w / 10000);
		xmlNodePtr rect;

		if (len > bar_w)
			len = bar_w;
		t = html_el(svg, "text", r->name);
		snprintf(buf, sizeof(buf), "%d", label_w - 6);
		html_attr(t, "x", buf);
		snprintf(buf, sizeof(buf), "%d", y + 15);
		html_attr(t, "y", buf);
		html_attr(t, "text-anchor", "end");
		html_attr(t, "class", i < n ? "nom" : "nom total");
		rect = html_el(svg, "rect", NULL);
		snprintf(buf, sizeof(buf), "%d", label_w);
		html_attr(rect, "x", buf);
		snprintf(buf, sizeof(buf), "%d", y + 3);
		html_attr(rect, "y", buf);
		snprintf(buf, sizeof(buf), "%d", len);
		html_attr(rect, "width", buf);
		html_attr(rect, "height", "14");
		html_attr(rect, "class", s < 0 || obj < 0 ? "barre" : s >= obj * 100
			  ? "barre atteint" : "barre manque");
		percent(pc, sizeof(pc), s);
		snprintf(buf, sizeof(buf), "%s%s", pc, s < 0 || obj < 0 ? "" : s >= obj * 100
			 ? " \xe2\x9c\x93" : " \xe2\x9c\x97");
		t = html_el(svg, "text", buf);
		snprintf(buf, sizeof(buf), "%d", label_w + len + 6);
		html_attr(t, "x", buf);
		snprintf(buf, sizeof(buf), "%d", y + 15);
		html_attr(t, "y", buf);
		html_attr(t, "class", "valeur");
	}
	if (objective >= 0) {
		xmlNodePtr line = html_el(svg, "line", NULL);

		snprintf(buf, sizeof(buf), "%d", label_w + objective * bar_w / 100);
		html_attr(line, "x1", buf);
		html_attr(line, "x2", buf);
		html_attr(line, "y1", "2");
		snprintf(buf, sizeof(buf), "%d", height - 2);
		html_attr(line, "y2", buf);
		html_attr(line, "class", "seuil");
		html_attr(line, "stroke-dasharray", "4 3");
	}
	if (objective >= 0)
		snprintf(buf, sizeof(buf), "%s ; objectif : %d\xc2\xa0%% (trait en pointillé).",
			 chart_titles[c], objective);
	else
		snprintf(buf, sizeof(buf), "%s.", chart_titles[c]);
	html_el(fig, "figcaption", buf);
}

static void year_nav(xmlNodePtr parent, const char *page, const char *key,
		     const char *value, int year)
{
	xmlNodePtr nav = html_el(parent, "nav", NULL);
	char url[128], y[8];
	int next;

	html_attr(nav, "aria-label", "Années");
	html_attr(nav, "class", "semaines");
	for (next = 0; next < 2; next++) {
		const char *kv[] = { key, value, "annee", y };

		snprintf(y, sizeof(y), "%d", year + (next ? 1 : -1));
		if (year + (next ? 1 : -1) >= 2000 && year + (next ? 1 : -1) <= 2100 &&
		    html_url(url, sizeof(url), page, kv, 2) == 0)
			html_link(nav, url, next ? "Année suivante" : "Année précédente");
	}
}

static void audit_row(xmlNodePtr tbody, const cantine_audit_row *r, int year, int total)
{
	xmlNodePtr tr = html_el(tbody, "tr", NULL), th;
	char buf[96], y[8], url[128];
	int c;

	if (total)
		html_attr(tr, "class", "total");
	th = html_el(tr, "th", NULL);
	html_attr(th, "scope", "row");
	snprintf(y, sizeof(y), "%d", year);
	if (!total) {
		const char *kv[] = { "uai", r->uai, "annee", y };

		if (html_url(url, sizeof(url), "audit-college", kv, 2) == 0)
			html_link(th, url, r->name);
	} else {
		html_text(th, "Total du département");
	}
	euros(buf, sizeof(buf), r->total);
	cell(tr, "td", buf);
	for (c = 0; c < C__MAX; c++) {
		if (c == C_VEGE) {
			snprintf(buf, sizeof(buf), "%d sur %d", r->weeks_vegetarian, r->weeks);
		} else {
			percent(buf, sizeof(buf), share_of(r, c));
		}
		cell(tr, "td", buf);
	}
	cell(tr, "td", r->met == 1 ? "oui" : r->met == 0 ? "non" : "non évaluable");
}

int page_departement(cgi_body *b, cantine_ctx *ctx, const cgi_request *req)
{
	static const char *const heads[] = { "Collège", "Achats HT", "Bio", "EGALIM",
		"Viandes et poissons EGALIM", "Local", "Semaines végétariennes",
		"Objectifs atteints" };
	cantine_buf scope = CANTINE_BUF_INIT;
	cantine_audit *a = NULL;
	cantine_role role;
	html_page pg;
	xmlNodePtr table, tr, tbody;
	char dep[4], title[160];
	int year = audit_year(req), rc, c;
	size_t i;

	if (cantine_access_for(ctx, cgi_remote_user(), &role, &scope))
		return -1;
	snprintf(dep, sizeof(dep), "%s", req->given & (1u << CGI_P_DEP) ? req->dep
		 : role == CANTINE_ROLE_DEPARTEMENT ? scope.ptr : "");
	cantine_buf_dispose(&scope);
	rc = cantine_access_may(ctx, cgi_remote_user(), CANTINE_ACT_AUDIT, dep);
	if (rc <= 0)
		return rc < 0 ? -1 : forbidden(b);
	rc = cantine_audit_departement(&a, ctx, year, dep);
	if (rc && rc != CANTINE_ENOTFOUND)
		return -1;
	snprintf(title, sizeof(title), "Audit EGALIM %d — département %s", year, dep);
	if (html_page_new(&pg, title)) {
		cantine_audit_free(a);
		return html_page_free(&pg), -1;
	}
	html_el(pg.main, "h1", title);
	html_el(pg.main, "p", "Achats de denrées de l'année civile, hors taxes ; les parts "
		"sont calculées sur la valeur des achats (loi EGALIM), les semaines sur les "
		"menus servis. Le total additionne les montants, il ne fait pas la moyenne "
		"des parts.");
	year_nav(pg.main, "departement", "dep", dep, year);
	if (!a) {
		html_el(pg.main, "p", "Aucun collège de ce département n'est enregistré.");
		return finish_private(b, &pg);
	}
	table = html_el(pg.main, "table", NULL);
	html_attr(table, "class", "audit");
	html_el(table, "caption", "Chaque collège et le total du département");
	tr = html_el(html_el(table, "thead", NULL), "tr", NULL);
	for (i = 0; i < sizeof(heads) / sizeof(heads[0]); i++)
		html_attr(html_el(tr, "th", heads[i]), "scope", "col");
	tbody = html_el(table, "tbody", NULL);
	for (i = 0; i < cantine_audit_count(a); i++)
		audit_row(tbody, cantine_audit_get(a, i), year, 0);
	audit_row(tbody, cantine_audit_total(a), year, 1);
	html_el(pg.main, "h2", "Graphiques");
	for (c = 0; c < C__MAX; c++)
		chart(pg.main, a, c, c);
	cantine_audit_free(a);
	return finish_private(b, &pg);
}

/* "Il manque 1 234,56 € d'achats bio pour atteindre 20 %." */
static void lack(xmlNodePtr ul, const char *what, int64_t part, int64_t total, int pct)
{
	char line[256], eur[64];
	int64_t m;

	if (pct < 0 || total <= 0)
		return;
	m = cantine_missing(part, total, pct);
	if (m <= 0)
		snprintf(line, sizeof(line), "%s : objectif de %d\xc2\xa0%% atteint.", what, pct);
	else {
		euros(eur, sizeof(eur), m);
		snprintf(line, sizeof(line), "%s : il manque %s d'achats pour atteindre "
			 "%d\xc2\xa0%%.", what, eur, pct);
	}
	html_el(ul, "li", line);
}

int page_audit_college(cgi_body *b, cantine_ctx *ctx, const cgi_request *req)
{
	const cantine_audit_row *r;
	cantine_etab *e = NULL;
	cantine_audit *a = NULL;
	html_page pg;
	xmlNodePtr ul;
	char title[300], line[300], eur[64], pc[32];
	int year = audit_year(req), rc;

	rc = cantine_etab_find(&e, ctx, req->uai);
	if (rc == CANTINE_ENOTFOUND) /* the list of collèges is public */
		return page_error(b, 404, "Collège inconnu", "Aucun collège n'a ce code UAI.");
	if (rc)
		return -1;
	rc = cantine_access_may(ctx, cgi_remote_user(), CANTINE_ACT_AUDIT,
				e->departement ? e->departement : "");
	if (rc <= 0) {
		cantine_etab_free(e);
		return rc < 0 ? -1 : forbidden(b);
	}
	if (cantine_audit_etab(&a, ctx, year, e->uai) || !(r = cantine_audit_get(a, 0))) {
		cantine_audit_free(a);
		cantine_etab_free(e);
		return -1;
	}
	snprintf(title, sizeof(title), "Audit EGALIM %d — %s", year, e->name);
	if (html_page_new(&pg, title)) {
		cantine_audit_free(a);
		cantine_etab_free(e);
		return html_page_free(&pg), -1;
	}
	html_el(pg.main, "h1", title);
	year_nav(pg.main, "audit-college", "uai", e->uai, year);
	ul = html_el(pg.main, "ul", NULL);
	html_attr(ul, "class", "chiffres");
	euros(eur, sizeof(eur), r->total);
	snprintf(line, sizeof(line), "Achats de denrées HT : %s (%zu lignes d'achat).", eur,
		 r->purchases);
	html_el(ul, "li", line);
	if (r->total > 0) {
		euros(eur, sizeof(eur), r->bio);
		percent(pc, sizeof(pc), cantine_share(r->bio, r->total));
		snprintf(line, sizeof(line), "Bio : %s, soit %s.", eur, pc);
		html_el(ul, "li", line);
		euros(eur, sizeof(eur), r->quality);
		percent(pc, sizeof(pc), cantine_share(r->quality, r->total));
		snprintf(line, sizeof(line), "Durables et de qualité, bio compris : %s, soit %s.",
			 eur, pc);
		html_el(ul, "li", line);
		euros(eur, sizeof(eur), r->local);
		percent(pc, sizeof(pc), cantine_share(r->local, r->total));
		snprintf(line, sizeof(line), "Local : %s, soit %s.", eur, pc);
		html_el(ul, "li", line);
	}
	snprintf(line, sizeof(line), "Semaines avec un menu végétarien : %d sur %d.",
		 r->weeks_vegetarian, r->weeks);
	html_el(ul, "li", line);
	html_el(pg.main, "h2", "Ce qui manque");
	if (r->total <= 0) {
		snprintf(line, sizeof(line), "Aucun achat enregistré en %d : les objectifs ne "
			 "sont pas évaluables.", year);
		html_el(pg.main, "p", line);
	} else {
		ul = html_el(pg.main, "ul", NULL);
		lack(ul, "Bio", r->bio, r->total, r->bio_min);
		lack(ul, "Durables et de qualité", r->quality, r->total, r->quality_min);
		lack(ul, "Viandes et poissons EGALIM", r->meat_quality + r->fish_quality,
		     r->meat + r->fish, r->meat_fish_min);
		if (r->weeks > r->weeks_vegetarian) {
			snprintf(line, sizeof(line), "Menu végétarien hebdomadaire : %d semaine(s) "
				 "sans menu végétarien complet.", r->weeks - r->weeks_vegetarian);
			html_el(ul, "li", line);
		}
	}
	snprintf(line, sizeof(line), "?page=departement&dep=%s&annee=%d",
		 e->departement ? e->departement : "", year);
	html_link(html_el(pg.main, "p", NULL), line, "Tous les collèges du département");
	cantine_audit_free(a);
	cantine_etab_free(e);
	return finish_private(b, &pg);
}
