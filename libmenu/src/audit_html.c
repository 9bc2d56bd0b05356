/*
 * audit_html.c: the departmental audit as one HTML page with SVG bar
 * charts of every collège against the thresholds (cantine_audit_write()).
 * Built as a libxml2 tree, so every text is escaped by construction
 * (ARCHITECTURE §8); no script; readable on a phone and printable.
 */
#include <stdio.h>
#include <string.h>

#include "audit_int.h"
#include "html_int.h"

#define SVG_NS "http://www.w3.org/2000/svg"

/* Chart geometry, in SVG user units. */
#define LABEL_W 250
#define BAR_W   360
#define ROW_H   22
#define TOP     26

static const char style[] =
	"body{font-family:system-ui,sans-serif;margin:1rem auto;max-width:70rem;"
	"padding:0 1rem;color:#1a1a1a;line-height:1.4}"
	"table{border-collapse:collapse;width:100%;font-size:.9rem}"
	"th,td{border-bottom:1px solid #ccc;padding:.3rem .4rem;text-align:right}"
	"th:first-child,td:first-child{text-align:left}td{white-space:nowrap}th[scope=row]{min-width:11rem;font-weight:normal}"
	"tfoot td{font-weight:bold;border-top:2px solid #1a1a1a}"
	".manque{color:#8a1c1c}.ok{color:#1b5e20}"
	".table{overflow-x:auto}"
	"figure{margin:1.5rem 0}figcaption{font-weight:bold;margin-bottom:.3rem}"
	"svg{max-width:100%;height:auto}"
	"@media print{body{max-width:none}figure,tr{break-inside:avoid}}";

static bool attr_int(xmlNodePtr n, const char *name, long v)
{
	char s[24];

	snprintf(s, sizeof(s), "%ld", v);
	return cantine__html_attr(n, name, s);
}

static const char *pct(char *buf, size_t n, int64_t part, int64_t total)
{
	cantine__percent(buf, n, cantine_share(part, total), "n.d.");
	return buf;
}

/* ---- the table ---- */

static bool table_row(xmlNodePtr tbody, const cantine_audit_row *r)
{
	char a[48], p[24], ij[48];
	xmlNodePtr tr = cantine__html_el(tbody, "tr", NULL), td;

	if (!tr)
		return false;
	cantine_euros_format(a, sizeof(a), r->total);
	if (!(td = cantine__html_el(tr, r->uai[0] ? "th" : "td", r->name)) ||
	    (r->uai[0] && !cantine__html_attr(td, "scope", "row")) ||
	    !cantine__html_el(tr, "td", r->uai) || !cantine__html_el(tr, "td", a) ||
	    !cantine__html_el(tr, "td", pct(p, sizeof(p), r->bio, r->total)) ||
	    !cantine__html_el(tr, "td", pct(p, sizeof(p), r->quality, r->total)) ||
	    !cantine__html_el(tr, "td", pct(p, sizeof(p), r->meat_quality, r->meat)) ||
	    !cantine__html_el(tr, "td", pct(p, sizeof(p), r->fish_quality, r->fish)) ||
	    !cantine__html_el(tr, "td", pct(p, sizeof(p), r->local, r->total)) ||
	    !cantine__html_el(tr, "td", pct(p, sizeof(p), r->weeks_vegetarian, r->weeks)))
		return false;
	if (r->ijml_level < 0)
		snprintf(ij, sizeof(ij), "—");
	else
		snprintf(ij, sizeof(ij), "%s%s", r->ijml_level == 0 ? "aucune étoile"
			 : r->ijml_level == 1 ? "1 étoile" : r->ijml_level == 2 ? "2 étoiles"
			 : "3 étoiles", r->ijml_bio ? " et distinction bio" : "");
	if (!cantine__html_el(tr, "td", ij))
		return false;
	td = cantine__html_el(tr, "td", r->met > 0 ? "atteints" : r->met == 0 ? "non atteints"
			  : "non évaluables");
	return cantine__html_attr(td, "class", r->met > 0 ? "ok" : r->met == 0 ? "manque" : "nd");
}

static bool table(xmlNodePtr parent, const cantine_audit *a)
{
	static const char *const heads[] = {
		"Collège", "UAI", "Achats HT", "Bio", "EGALIM (bio compris)",
		"Viandes EGALIM", "Poissons EGALIM", "Local", "Semaines avec menu végétarien",
		"Ici je mange local", "Objectifs EGALIM",
	};
	xmlNodePtr div = cantine__html_el(parent, "div", NULL), t, tr, th, body, foot;
	char cap[160];
	size_t i;

	if (!cantine__html_attr(div, "class", "table") || !(t = cantine__html_el(div, "table", NULL)))
		return false;
	snprintf(cap, sizeof(cap), "Parts des achats de %d par collège (en %% de la valeur "
		 "HT) ; n.d. : non défini, faute d'achat", a->year);
	if (!cantine__html_el(t, "caption", cap) ||
	    !(tr = cantine__html_el(cantine__html_el(t, "thead", NULL), "tr", NULL)))
		return false;
	for (i = 0; i < sizeof(heads) / sizeof(heads[0]); i++)
		if (!(th = cantine__html_el(tr, "th", heads[i])) || !cantine__html_attr(th, "scope", "col"))
			return false;
	if (!(body = cantine__html_el(t, "tbody", NULL)))
		return false;
	for (i = 0; i < a->n; i++)
		if (!table_row(body, &a->rows[i].pub))
			return false;
	return (foot = cantine__html_el(t, "tfoot", NULL)) && table_row(foot, &a->total.pub);
}

/* ---- the charts ---- */

typedef struct chart {
	const char *id, *title, *what;
	int64_t (*part)(const cantine_audit_row *r);
	int64_t (*whole)(const cantine_audit_row *r);
	int (*threshold)(const cantine_audit_row *r);
} chart;

static int64_t c_bio(const cantine_audit_row *r) { return r->bio; }
static int64_t c_quality(const cantine_audit_row *r) { return r->quality; }
static int64_t c_total(const cantine_audit_row *r) { return r->total; }
static int64_t c_mf_q(const cantine_audit_row *r) { return r->meat_quality + r->fish_quality; }
static int64_t c_mf(const cantine_audit_row *r) { return r->meat + r->fish; }
static int64_t c_local(const cantine_audit_row *r) { return r->local; }
static int64_t c_veg(const cantine_audit_row *r) { return r->weeks_vegetarian; }
static int64_t c_weeks(const cantine_audit_row *r) { return r->weeks; }
static int t_bio(const cantine_audit_row *r) { return r->bio_min; }
static int t_quality(const cantine_audit_row *r) { return r->quality_min; }
static int t_mf(const cantine_audit_row *r) { return r->meat_fish_min; }
static int t_none(const cantine_audit_row *r) { (void)r; return -1; }
/* A vegetarian menu every week (loi Climat et résilience, DOMAIN §2.5). */
static int t_all(const cantine_audit_row *r) { (void)r; return 100; }

static xmlNodePtr svg_el(xmlNodePtr parent, xmlNsPtr ns, const char *name,
			 const char *text)
{
	return xmlNewTextChild(parent, ns, BAD_CAST name, text ? BAD_CAST text : NULL);
}

static bool bar(xmlNodePtr svg, xmlNsPtr ns, const chart *c, const cantine_audit_row *r,
		int y)
{
	int64_t h = cantine_share(c->part(r), c->whole(r));
	int t = c->threshold(r);
	char v[48], lbl[24];
	xmlNodePtr n;
	long w = h < 0 ? 0 : (long)(h * BAR_W / 10000);
	const char *fill = h < 0 ? "#9e9e9e" : t < 0 ? "#1565c0"
			 : h >= t * 100 ? "#2e7d32" : "#c62828";

	cantine__percent(lbl, sizeof(lbl), h, "n.d.");
	if (!(n = svg_el(svg, ns, "text", r->name)) || !attr_int(n, "x", LABEL_W - 6) ||
	    !attr_int(n, "y", y + 15) || !cantine__html_attr(n, "text-anchor", "end"))
		return false;
	if (!(n = svg_el(svg, ns, "rect", NULL)) || !attr_int(n, "x", LABEL_W) ||
	    !attr_int(n, "y", y + 3) || !attr_int(n, "width", w) ||
	    !attr_int(n, "height", ROW_H - 6) || !cantine__html_attr(n, "fill", fill))
		return false;
	snprintf(v, sizeof(v), "%s%s", lbl, h < 0 || t < 0 ? "" : h >= t * 100 ? " ✓" : " ✗");
	return (n = svg_el(svg, ns, "text", v)) && attr_int(n, "x", LABEL_W + w + 4) &&
	       attr_int(n, "y", y + 15);
}

static bool chart_figure(xmlNodePtr parent, const cantine_audit *a, const chart *c)
{
	const cantine_audit_row *t = &a->total.pub;
	xmlNodePtr fig = cantine__html_el(parent, "figure", NULL), svg, n;
	xmlNsPtr ns;
	char id[32], text[200], vb[64];
	int height = TOP + (int)(a->n + 1) * ROW_H + 20, thr = -1;
	size_t i;

	/* The threshold line when every collège has the same. */
	for (i = 0; i < a->n; i++) {
		int ti = c->threshold(&a->rows[i].pub);
		thr = i == 0 ? ti : thr == ti ? thr : -1;
	}
	snprintf(id, sizeof(id), "titre-%s", c->id);
	if (!fig || !(n = cantine__html_el(fig, "figcaption", c->title)) ||
	    !cantine__html_attr(n, "id", id))
		return false;
	if (!(svg = xmlNewChild(fig, NULL, BAD_CAST "svg", NULL)) ||
	    !(ns = xmlNewNs(svg, BAD_CAST SVG_NS, NULL)))
		return false;
	xmlSetNs(svg, ns);
	snprintf(vb, sizeof(vb), "0 0 %d %d", LABEL_W + BAR_W + 80, height);
	if (!cantine__html_attr(svg, "viewBox", vb) || !attr_int(svg, "width", LABEL_W + BAR_W + 80) ||
	    !cantine__html_attr(svg, "role", "img") ||
	    !cantine__html_attr(svg, "aria-labelledby", id) ||
	    !cantine__html_attr(svg, "font-size", "12") ||
	    !cantine__html_attr(svg, "font-family", "sans-serif"))
		return false;
	snprintf(text, sizeof(text), "%s, par collège%s", c->what,
		 thr >= 0 ? " ; la ligne marque l'objectif" : "");
	if (!svg_el(svg, ns, "title", text))
		return false;
	/* the 0–100 % axis */
	for (i = 0; i <= 4; i++) {
		char tick[16];
		snprintf(tick, sizeof(tick), "%zu %%", i * 25);
		if (!(n = svg_el(svg, ns, "text", tick)) ||
		    !attr_int(n, "x", LABEL_W + (long)i * BAR_W / 4) || !attr_int(n, "y", 14) ||
		    !cantine__html_attr(n, "text-anchor", "middle") || !cantine__html_attr(n, "fill", "#555"))
			return false;
	}
	for (i = 0; i < a->n; i++)
		if (!bar(svg, ns, c, &a->rows[i].pub, TOP + (int)i * ROW_H))
			return false;
	if (!bar(svg, ns, c, t, TOP + (int)a->n * ROW_H))
		return false;
	if (thr >= 0) {
		long x = LABEL_W + (long)thr * BAR_W / 100;
		snprintf(text, sizeof(text), "objectif %d %%", thr);
		if (!(n = svg_el(svg, ns, "line", NULL)) || !attr_int(n, "x1", x) ||
		    !attr_int(n, "x2", x) || !attr_int(n, "y1", TOP - 4) ||
		    !attr_int(n, "y2", height - 16) || !cantine__html_attr(n, "stroke", "#1a1a1a") ||
		    !cantine__html_attr(n, "stroke-dasharray", "4 3"))
			return false;
		if (!(n = svg_el(svg, ns, "text", text)) || !attr_int(n, "x", x + 3) ||
		    !attr_int(n, "y", height - 4) || !cantine__html_attr(n, "font-weight", "bold"))
			return false;
	}
	return true;
}

static bool charts(xmlNodePtr parent, const cantine_audit *a)
{
	static const chart list[] = {
		{ "bio", "Part du bio", "Part du bio dans les achats HT", c_bio, c_total,
		  t_bio },
		{ "egalim", "Part EGALIM (bio compris)", "Part des produits durables et de "
		  "qualité, bio compris, dans les achats HT", c_quality, c_total, t_quality },
		{ "viandes-poissons", "Viandes et poissons EGALIM", "Part des viandes et "
		  "poissons durables et de qualité", c_mf_q, c_mf, t_mf },
		{ "local", "Part locale (Ici je mange local)", "Part des achats locaux au "
		  "sens d'Ici je mange local", c_local, c_total, t_none },
		{ "vegetarien", "Semaines avec un menu végétarien", "Part des semaines de "
		  "classe avec un menu végétarien complet", c_veg, c_weeks, t_all },
	};
	xmlNodePtr sec = cantine__html_el(parent, "section", NULL);
	size_t i;

	if (!sec || !cantine__html_el(sec, "h2", "Chaque collège face aux objectifs"))
		return false;
	for (i = 0; i < sizeof(list) / sizeof(list[0]); i++)
		if (!chart_figure(sec, a, &list[i]))
			return false;
	return true;
}

/* ---- what each collège lacks ---- */

static bool missing(xmlNodePtr parent, const cantine_audit *a)
{
	cantine_buf miss = CANTINE_BUF_INIT;
	xmlNodePtr sec = cantine__html_el(parent, "section", NULL), ul, li;
	size_t i, n = 0;
	bool ok;

	ok = sec && cantine__html_el(sec, "h2", "Ce qui manque à chaque collège") &&
	     cantine__html_el(sec, "p", "Montants à ajouter pour atteindre chaque objectif, à dépense "
		"totale égale.") && (ul = cantine__html_el(sec, "ul", NULL));
	for (i = 0; ok && i < a->n; i++) {
		const cantine_audit_row *r = &a->rows[i].pub;
		char who[300];
		miss.size = 0;
		if (cantine__audit_missing_text(r, &miss)) {
			ok = false;
			break;
		}
		if (miss.size == 0)
			continue;
		n++;
		snprintf(who, sizeof(who), "%s (%s)", r->name, r->uai);
		ok = (li = cantine__html_el(ul, "li", NULL)) && cantine__html_el(li, "strong", who) &&
		     xmlAddChild(li, xmlNewText(BAD_CAST " : ")) &&
		     xmlAddChild(li, xmlNewText(BAD_CAST miss.ptr));
	}
	if (ok && n == 0)
		ok = cantine__html_el(ul, "li", "Chaque collège atteint tous ses objectifs.") != NULL;
	cantine_buf_dispose(&miss);
	return ok;
}

int cantine__audit_html(const cantine_audit *a, cantine_buf *out)
{
	const cantine_audit_row *t = &a->total.pub;
	xmlNodePtr main;
	htmlDocPtr doc;
	char title[160], text[600], pb[24], pq[24];
	size_t i, met = 0;
	bool ok;

	for (i = 0; i < a->n; i++)
		met += a->rows[i].pub.met > 0;
	snprintf(title, sizeof(title), "Audit EGALIM des collèges%s%s — achats de %d",
		 a->dept ? " du département " : "", a->dept ? a->dept : "", a->year);
	if (!(doc = cantine__html_page(title, style, &main)))
		return CANTINE_ENOMEM;
	cantine__percent(pb, sizeof(pb), cantine_share(t->bio, t->total), "non défini");
	cantine__percent(pq, sizeof(pq), cantine_share(t->quality, t->total), "non défini");
	snprintf(text, sizeof(text), "%zu collège%s ; objectifs EGALIM atteints par %zu. "
		 "Ensemble des collèges : bio %s, EGALIM %s des achats HT (sommes des "
		 "montants, et non moyennes des taux). Comptés comme la plateforme "
		 "nationale ma-cantine.", a->n, a->n > 1 ? "s" : "", met, pb, pq);
	ok = cantine__html_el(main, "h1", title) && cantine__html_el(main, "p", text) &&
	     table(main, a) && charts(main, a) && missing(main, a);
	if (!ok) {
		xmlFreeDoc(doc);
		return CANTINE_ENOMEM;
	}
	return cantine__html_finish(doc, out);
}
