/*
 * billing_html.c: one printable statement per pupil's family, one per A4
 * page (cantine_billing_write(), CANTINE_BILL_HTML).  Built as a libxml2
 * tree, so every text is escaped by construction; no script.
 */
#include <stdio.h>
#include <string.h>

#include "billing_int.h"
#include "html_int.h"

static const char style[] =
	"body{font-family:system-ui,sans-serif;margin:1rem auto;max-width:42rem;"
	"padding:0 1rem;color:#1a1a1a;line-height:1.4}"
	"section{border-bottom:2px solid #1a1a1a;padding-bottom:1rem;margin-bottom:2rem}"
	"h2{font-size:1.15rem;margin-bottom:.2rem}"
	"table{border-collapse:collapse;width:100%}"
	"th,td{border-bottom:1px solid #ccc;padding:.3rem .4rem;text-align:left;font-weight:normal}"
	"td{text-align:right;white-space:nowrap}"
	"tr.total th,tr.total td{font-weight:bold;border-top:2px solid #1a1a1a}"
	"@media print{body{max-width:none;margin:0}section{border:0;"
	"break-after:page;margin:0}section:last-child{break-after:auto}}";

/* "05/10/2026" from "2026-10-05". */
static const char *fr_date(const char *iso, char out[11])
{
	snprintf(out, 11, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
	return out;
}

static int table_line(void *ud, const char *label, int64_t cents, bool total)
{
	xmlNodePtr tr = cantine__html_el(ud, "tr", NULL), th;
	char a[32];

	cantine_euros_format(a, sizeof(a), cents);
	if (!tr || (total && !cantine__html_attr(tr, "class", "total")) ||
	    !(th = cantine__html_el(tr, "th", label)) ||
	    !cantine__html_attr(th, "scope", "row") || !cantine__html_el(tr, "td", a))
		return CANTINE_ENOMEM;
	return 0;
}

/* The deducted days as periods of one reason: "du 05/10/2026 au
 * 09/10/2026 : remise d'ordre (absence justifiée)". */
static bool deducted_periods(xmlNodePtr parent, const cantine_bill_day *d, size_t n)
{
	xmlNodePtr ul = NULL;
	char text[200], a[11], b[11];
	size_t i = 0, j;

	while (i < n) {
		cantine_bill_day_kind k = d[i].kind;
		if (k == CANTINE_BILL_CHARGED || k == CANTINE_BILL_TICKET) {
			i++;
			continue;
		}
		for (j = i + 1; j < n && d[j].kind == k; j++)
			;
		if (!ul && (!cantine__html_el(parent, "h3", "Jours déduits") ||
			    !(ul = cantine__html_el(parent, "ul", NULL))))
			return false;
		if (j - i == 1)
			snprintf(text, sizeof(text), "le %s : %s", fr_date(d[i].date, a),
				 cantine_bill_day_label(k));
		else
			snprintf(text, sizeof(text), "du %s au %s (%zu jours) : %s",
				 fr_date(d[i].date, a), fr_date(d[j - 1].date, b), j - i,
				 cantine_bill_day_label(k));
		if (!cantine__html_el(ul, "li", text))
			return false;
		i = j;
	}
	return true;
}

static bool statement(xmlNodePtr main, const cantine_billing *bl, size_t i)
{
	const cantine_bill *x = &bl->bills[i].pub;
	xmlNodePtr sec, table, tbody;
	char text[400], a[11], b[11];

	snprintf(text, sizeof(text), "Relevé de demi-pension — trimestre %d (%s) %s",
		 bl->term, cantine__term_names[bl->term - 1], bl->year);
	if (!(sec = cantine__html_el(main, "section", NULL)) || !cantine__html_el(sec, "h2", text))
		return false;
	snprintf(text, sizeof(text), "%s (UAI %s), du %s au %s", x->etab_name, x->uai,
		 fr_date(bl->first, a), fr_date(bl->last, b));
	if (!cantine__html_el(sec, "p", text))
		return false;
	snprintf(text, sizeof(text), "À l'attention de la famille de l'élève %s%s%s — %s",
		 x->pupil, x->class_name[0] ? ", classe " : "", x->class_name,
		 cantine__regime_name(x->regime));
	if (!cantine__html_el(sec, "p", text) || !(table = cantine__html_el(sec, "table", NULL)) ||
	    !cantine__html_el(table, "caption", "Détail du trimestre") ||
	    !(tbody = cantine__html_el(table, "tbody", NULL)) ||
	    cantine__bill_lines(x, table_line, tbody))
		return false;
	if (!deducted_periods(sec, bl->bills[i].days, bl->bills[i].ndays))
		return false;
	snprintf(text, sizeof(text), "Une absence justifiée est déduite à partir de %d jours "
		 "d'école consécutifs (remise d'ordre). Les jours de "
		 "fermeture, de sortie ou d'examen de la classe, et ceux hors de "
		 "l'inscription, sont toujours déduits.", x->remise_days);
	if (x->term_days && !cantine__html_el(sec, "p", text))
		return false;
	return !x->absent_charged ||
	       cantine__html_el(sec, "p", cantine__bill_absence_note(x, text, sizeof(text))) != NULL;
}

int cantine__billing_html(const cantine_billing *bl, cantine_buf *out)
{
	xmlNodePtr main;
	htmlDocPtr doc;
	char title[160];
	size_t i;
	bool ok;

	snprintf(title, sizeof(title), "Relevés de demi-pension — trimestre %d %s", bl->term,
		 bl->year);
	if (!(doc = cantine__html_page(title, style, &main)))
		return CANTINE_ENOMEM;
	ok = bl->n || cantine__html_el(main, "p", "Aucun élève inscrit pendant ce "
				       "trimestre.") != NULL;
	for (i = 0; ok && i < bl->n; i++)
		ok = statement(main, bl, i);
	if (!ok) {
		xmlFreeDoc(doc);
		return CANTINE_ENOMEM;
	}
	return cantine__html_finish(doc, out);
}
