/*
 * audit_render.c: the departmental audit as text, CSV and XML
 * (cantine_audit_write(); the HTML page is audit_html.c).  Formats in
 * docs/formats.md, "Audit départemental"; the XML's schema is
 * libmenu/xsd/audit.xsd.
 */
#include <stdio.h>
#include <string.h>

#include <libxml/tree.h>
#include <libxml/xmlsave.h>

#include "audit_int.h"
#include "text_int.h"

void cantine__percent(char *out, size_t n, int64_t h, const char *undef)
{
	if (h < 0)
		snprintf(out, n, "%s", undef);
	else
		snprintf(out, n, "%lld,%02lld %%", (long long)(h / 100), (long long)(h % 100));
}

/* "18.43", or "" when undefined. */
static void share_dec(char out[32], int64_t part, int64_t total)
{
	int64_t h = cantine_share(part, total);

	if (h < 0)
		out[0] = '\0';
	else
		snprintf(out, 32, "%lld.%02lld", (long long)(h / 100), (long long)(h % 100));
}

int cantine__audit_missing_text(const cantine_audit_row *r, cantine_buf *b)
{
	const struct { int64_t part, total; int pct; const char *what; } obj[] = {
		{ r->bio, r->total, r->bio_min, "d'achats bio" },
		{ r->quality, r->total, r->quality_min,
		  "d'achats durables et de qualité (EGALIM, bio compris)" },
		{ r->meat_quality + r->fish_quality, r->meat + r->fish, r->meat_fish_min,
		  "de viandes et poissons durables et de qualité" },
	};
	char m[64];
	size_t i, n = 0;
	int rc = 0;

	if (r->total <= 0)
		return cantine__buf_puts(b, "aucun achat enregistré pour l'année : les taux ne "
					 "sont pas définis ; importez les achats");
	for (i = 0; i < sizeof(obj) / sizeof(obj[0]) && rc == 0; i++) {
		int64_t miss = cantine_missing(obj[i].part, obj[i].total, obj[i].pct);
		if (obj[i].pct < 0 || miss <= 0)
			continue;
		cantine_euros_format(m, sizeof(m), miss);
		rc = cantine__buf_printf(b, "%sil manque %s %s pour atteindre %d %%",
					 n++ ? " ; " : "", m, obj[i].what, obj[i].pct);
	}
	if (rc == 0 && r->weeks > r->weeks_vegetarian)
		rc = cantine__buf_printf(b, "%s%d semaine%s sans menu végétarien complet",
					 n++ ? " ; " : "", r->weeks - r->weeks_vegetarian,
					 r->weeks - r->weeks_vegetarian > 1 ? "s" : "");
	return rc;
}

/* ---- text ---- */

static const char *ijml_text(const cantine_audit_row *r, char *buf, size_t n)
{
	if (r->ijml_level < 0)
		return "—";
	snprintf(buf, n, "%s%s", r->ijml_level == 0 ? "aucune" : r->ijml_level == 1
		 ? "1 étoile" : r->ijml_level == 2 ? "2 étoiles" : "3 étoiles",
		 r->ijml_bio ? " + bio" : "");
	return buf;
}

static const char *met_text(int met)
{
	return met > 0 ? "atteints" : met == 0 ? "non atteints" : "non évaluables";
}

static int text_row(cantine_buf *b, const cantine_audit_row *r)
{
	char a[48], p[6][24], ij[32];
	int rc;

	cantine_euros_format(a, sizeof(a), r->total);
	cantine__percent(p[0], sizeof(p[0]), cantine_share(r->bio, r->total), "n.d.");
	cantine__percent(p[1], sizeof(p[1]), cantine_share(r->quality, r->total), "n.d.");
	cantine__percent(p[2], sizeof(p[2]), cantine_share(r->meat_quality, r->meat), "n.d.");
	cantine__percent(p[3], sizeof(p[3]), cantine_share(r->fish_quality, r->fish), "n.d.");
	cantine__percent(p[4], sizeof(p[4]), cantine_share(r->local, r->total), "n.d.");
	cantine__percent(p[5], sizeof(p[5]), cantine_share(r->weeks_vegetarian, r->weeks),
			 "n.d.");
	if ((rc = cantine__pad(b, r->name, 30, false)) || (rc = cantine__buf_put(b, " ", 1)) ||
	    (rc = cantine__pad(b, r->uai, 8, false)) || (rc = cantine__pad(b, a, 15, true)) ||
	    (rc = cantine__pad(b, p[0], 9, true)) || (rc = cantine__pad(b, p[1], 9, true)) ||
	    (rc = cantine__pad(b, p[2], 9, true)) || (rc = cantine__pad(b, p[3], 9, true)) ||
	    (rc = cantine__pad(b, p[4], 9, true)) || (rc = cantine__pad(b, p[5], 9, true)) ||
	    (rc = cantine__buf_puts(b, "  ")) ||
	    (rc = cantine__pad(b, ijml_text(r, ij, sizeof(ij)), 20, false)) ||
	    (rc = cantine__buf_printf(b, "%s\n", r->uai[0] || r->met >= 0
				      ? met_text(r->met) : "—")))
		return rc;
	return 0;
}

static int write_text(const cantine_audit *a, cantine_buf *b)
{
	const cantine_audit_row *t = &a->total.pub;
	cantine_buf miss = CANTINE_BUF_INIT;
	char pb[24], pq[24];
	size_t i, met = 0, undef = 0;
	int rc;

	for (i = 0; i < a->n; i++) {
		met += a->rows[i].pub.met > 0;
		undef += a->rows[i].pub.met < 0;
	}
	cantine__percent(pb, sizeof(pb), cantine_share(t->bio, t->total), "non défini");
	cantine__percent(pq, sizeof(pq), cantine_share(t->quality, t->total), "non défini");
	rc = cantine__buf_printf(b, "Audit EGALIM des achats de %d%s%s : %zu établissement%s, "
		"objectifs atteints par %zu", a->year, a->dept ? ", département " : "",
		a->dept ? a->dept : "", a->n, a->n > 1 ? "s" : "", met);
	if (rc == 0 && undef)
		rc = cantine__buf_printf(b, " (%zu sans achat enregistré)", undef);
	if (rc == 0)
		rc = cantine__buf_printf(b, "\nEnsemble : bio %s, EGALIM %s (sommes des "
			"montants, pas moyennes des taux)\n\n", pb, pq);
	if (rc == 0 &&
	    ((rc = cantine__pad(b, "Établissement", 30, false)) || (rc = cantine__buf_put(b, " ", 1)) ||
	     (rc = cantine__pad(b, "UAI", 8, false)) || (rc = cantine__pad(b, "Achats HT", 15, true)) ||
	     (rc = cantine__pad(b, "Bio", 9, true)) || (rc = cantine__pad(b, "EGALIM", 9, true)) ||
	     (rc = cantine__pad(b, "Viandes", 9, true)) || (rc = cantine__pad(b, "Poissons", 9, true)) ||
	     (rc = cantine__pad(b, "Local", 9, true)) || (rc = cantine__pad(b, "Végé.", 9, true)) ||
	     (rc = cantine__buf_puts(b, "  ")) ||
	     (rc = cantine__pad(b, "Ici je mange local", 20, false)) ||
	     (rc = cantine__buf_puts(b, "Objectifs EGALIM\n"))))
		return rc;
	for (i = 0; i < a->n && rc == 0; i++)
		rc = text_row(b, &a->rows[i].pub);
	if (rc == 0)
		rc = text_row(b, t);
	if (rc == 0)
		rc = cantine__buf_puts(b, "\nCe qui manque (à dépense totale égale) :\n");
	for (i = 0; i < a->n && rc == 0; i++) {
		const cantine_audit_row *r = &a->rows[i].pub;
		miss.size = 0;
		if ((rc = cantine__audit_missing_text(r, &miss)) || miss.size == 0)
			continue;
		rc = cantine__buf_printf(b, "- %s (%s) : %s\n", r->name, r->uai, miss.ptr);
	}
	cantine_buf_dispose(&miss);
	return rc;
}

/* ---- CSV ---- */

static const char *const csv_header =
	"uai,nom,departement,nombre_achats,valeur_totale,valeur_bio,valeur_egalim,"
	"valeur_viandes_volailles,valeur_viandes_volailles_egalim,valeur_produits_de_la_mer,"
	"valeur_produits_de_la_mer_egalim,valeur_locale,pourcentage_bio,pourcentage_egalim,"
	"pourcentage_viandes_volailles_egalim,pourcentage_produits_de_la_mer_egalim,"
	"pourcentage_viandes_poissons_egalim,pourcentage_local,semaines,"
	"semaines_vegetariennes,pourcentage_semaines_vegetariennes,niveau_ijml,"
	"distinction_bio_ijml,seuil_bio,seuil_egalim,seuil_viandes_poissons,"
	"objectifs_atteints,manque_bio,manque_egalim,manque_viandes_poissons\n";

static void opt_int(char out[16], int v)
{
	if (v < 0)
		out[0] = '\0';
	else
		snprintf(out, 16, "%d", v);
}

static int csv_row(cantine_buf *b, const cantine_audit_row *r)
{
	const int64_t amounts[] = {
		r->total, r->bio, r->quality, r->meat, r->meat_quality, r->fish,
		r->fish_quality, r->local,
	};
	const int64_t shares[][2] = {
		{ r->bio, r->total }, { r->quality, r->total }, { r->meat_quality, r->meat },
		{ r->fish_quality, r->fish },
		{ r->meat_quality + r->fish_quality, r->meat + r->fish }, { r->local, r->total },
	};
	char v[32], s1[16], s2[16], s3[16], lvl[16];
	size_t i;
	int rc;

	if ((rc = cantine__csv_field(b, r->uai)) || (rc = cantine__buf_put(b, ",", 1)) ||
	    (rc = cantine__csv_field(b, r->name)) || (rc = cantine__buf_put(b, ",", 1)) ||
	    (rc = cantine__csv_field(b, r->departement)) ||
	    (rc = cantine__buf_printf(b, ",%zu", r->purchases)))
		return rc;
	for (i = 0; i < sizeof(amounts) / sizeof(amounts[0]) && rc == 0; i++) {
		cantine__decimal(v, amounts[i]);
		rc = cantine__buf_printf(b, ",%s", v);
	}
	for (i = 0; i < sizeof(shares) / sizeof(shares[0]) && rc == 0; i++) {
		share_dec(v, shares[i][0], shares[i][1]);
		rc = cantine__buf_printf(b, ",%s", v);
	}
	if (rc)
		return rc;
	share_dec(v, r->weeks_vegetarian, r->weeks);
	opt_int(lvl, r->ijml_level);
	opt_int(s1, r->bio_min);
	opt_int(s2, r->quality_min);
	opt_int(s3, r->meat_fish_min);
	rc = cantine__buf_printf(b, ",%d,%d,%s,%s,%s,%s,%s,%s,%s", r->weeks,
		r->weeks_vegetarian, v, lvl, r->ijml_level < 0 ? "" : r->ijml_bio ? "oui" : "non",
		s1, s2, s3, r->met > 0 ? "oui" : r->met == 0 ? "non" : "");
	{
		const int64_t miss[] = {
			cantine_missing(r->bio, r->total, r->bio_min),
			cantine_missing(r->quality, r->total, r->quality_min),
			cantine_missing(r->meat_quality + r->fish_quality, r->meat + r->fish,
					r->meat_fish_min),
		};
		for (i = 0; i < 3 && rc == 0; i++) {
			cantine__decimal(v, miss[i]);
			rc = cantine__buf_printf(b, ",%s", v);
		}
	}
	return rc ? rc : cantine__buf_put(b, "\n", 1);
}

static int write_csv(const cantine_audit *a, cantine_buf *b)
{
	size_t i;
	int rc = cantine__buf_puts(b, csv_header);

	for (i = 0; i < a->n && rc == 0; i++)
		rc = csv_row(b, &a->rows[i].pub);
	return rc ? rc : csv_row(b, &a->total.pub);
}

/* ---- XML ---- */

#define AUDIT_NS "urn:cantine:audit:1"

/* Set attribute `name` to a decimal amount, a share or an integer. */
static bool prop_amount(xmlNodePtr n, const char *name, int64_t cents)
{
	char v[32];

	cantine__decimal(v, cents);
	return xmlNewProp(n, BAD_CAST name, BAD_CAST v) != NULL;
}

static bool prop_share(xmlNodePtr n, const char *name, int64_t part, int64_t total)
{
	char v[32];

	share_dec(v, part, total);
	return !v[0] || xmlNewProp(n, BAD_CAST name, BAD_CAST v) != NULL;
}

static bool prop_int(xmlNodePtr n, const char *name, int64_t v)
{
	char s[32];

	snprintf(s, sizeof(s), "%lld", (long long)v);
	return xmlNewProp(n, BAD_CAST name, BAD_CAST s) != NULL;
}

static bool xml_row(xmlNodePtr parent, xmlNsPtr ns, const cantine_audit_row *r, bool total)
{
	xmlNodePtr e, c;
	cantine_buf miss = CANTINE_BUF_INIT;
	bool ok;

	e = xmlNewChild(parent, ns, BAD_CAST (total ? "total" : "etablissement"), NULL);
	if (!e)
		return false;
	ok = (total || (xmlNewProp(e, BAD_CAST "uai", BAD_CAST r->uai) &&
			xmlNewProp(e, BAD_CAST "nom", BAD_CAST r->name))) &&
	     (!r->departement[0] ||
	      xmlNewProp(e, BAD_CAST "departement", BAD_CAST r->departement)) &&
	     xmlNewProp(e, BAD_CAST "objectifs", BAD_CAST (r->met > 0 ? "atteints"
				: r->met == 0 ? "non-atteints" : "non-evaluables"));
	ok = ok && (c = xmlNewChild(e, ns, BAD_CAST "achats", NULL)) &&
	     prop_int(c, "nombre", (int64_t)r->purchases) && prop_amount(c, "total", r->total) &&
	     prop_amount(c, "bio", r->bio) && prop_amount(c, "egalim", r->quality) &&
	     prop_amount(c, "viandes", r->meat) &&
	     prop_amount(c, "viandes-egalim", r->meat_quality) &&
	     prop_amount(c, "poissons", r->fish) &&
	     prop_amount(c, "poissons-egalim", r->fish_quality) &&
	     prop_amount(c, "local", r->local);
	ok = ok && (c = xmlNewChild(e, ns, BAD_CAST "parts", NULL)) &&
	     prop_share(c, "bio", r->bio, r->total) &&
	     prop_share(c, "egalim", r->quality, r->total) &&
	     prop_share(c, "viandes", r->meat_quality, r->meat) &&
	     prop_share(c, "poissons", r->fish_quality, r->fish) &&
	     prop_share(c, "viandes-poissons", r->meat_quality + r->fish_quality,
			r->meat + r->fish) &&
	     prop_share(c, "local", r->local, r->total);
	ok = ok && (c = xmlNewChild(e, ns, BAD_CAST "seuils", NULL)) &&
	     (r->bio_min < 0 || prop_int(c, "bio", r->bio_min)) &&
	     (r->quality_min < 0 || prop_int(c, "egalim", r->quality_min)) &&
	     (r->meat_fish_min < 0 || prop_int(c, "viandes-poissons", r->meat_fish_min));
	ok = ok && (c = xmlNewChild(e, ns, BAD_CAST "vegetarien", NULL)) &&
	     prop_int(c, "semaines", r->weeks) &&
	     prop_int(c, "avec-menu-vegetarien", r->weeks_vegetarian);
	if (ok && r->ijml_level >= 0)
		ok = (c = xmlNewChild(e, ns, BAD_CAST "ici-je-mange-local", NULL)) &&
		     prop_int(c, "niveau", r->ijml_level) &&
		     xmlNewProp(c, BAD_CAST "distinction-bio",
				BAD_CAST (r->ijml_bio ? "true" : "false"));
	if (ok && cantine__audit_missing_text(r, &miss))
		ok = false;
	else if (ok && miss.size)
		ok = xmlNewTextChild(e, ns, BAD_CAST "manque", BAD_CAST miss.ptr) != NULL;
	cantine_buf_dispose(&miss);
	return ok;
}

static int write_xml(const cantine_audit *a, cantine_buf *b)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr root;
	xmlNsPtr ns;
	xmlChar *mem = NULL;
	size_t i;
	int size = 0, rc = CANTINE_ENOMEM;
	bool ok;

	if (!doc)
		return CANTINE_ENOMEM;
	ok = (root = xmlNewDocNode(doc, NULL, BAD_CAST "audit", NULL)) != NULL;
	if (ok) {
		xmlDocSetRootElement(doc, root);
		ok = (ns = xmlNewNs(root, BAD_CAST AUDIT_NS, NULL)) != NULL;
		if (ok)
			xmlSetNs(root, ns);
		ok = ok && prop_int(root, "annee", a->year) &&
		     (!a->dept || xmlNewProp(root, BAD_CAST "departement", BAD_CAST a->dept));
		for (i = 0; ok && i < a->n; i++)
			ok = xml_row(root, ns, &a->rows[i].pub, false);
		ok = ok && xml_row(root, ns, &a->total.pub, true);
	}
	if (ok) {
		xmlDocDumpFormatMemoryEnc(doc, &mem, &size, "UTF-8", 1);
		if (mem)
			rc = cantine__buf_put(b, (const char *)mem, (size_t)size);
		xmlFree(mem);
	}
	xmlFreeDoc(doc);
	return rc;
}

int cantine_audit_format_parse(const char *name)
{
	if (!name)
		return -1;
	if (strcmp(name, "text") == 0 || strcmp(name, "texte") == 0)
		return CANTINE_AUDIT_TEXT;
	if (strcmp(name, "csv") == 0)
		return CANTINE_AUDIT_CSV;
	if (strcmp(name, "xml") == 0)
		return CANTINE_AUDIT_XML;
	if (strcmp(name, "html") == 0)
		return CANTINE_AUDIT_HTML;
	return -1;
}

int cantine_audit_write(const cantine_audit *a, cantine_audit_format format,
			cantine_buf *out)
{
	if (!a || !out)
		return CANTINE_EINVAL;
	switch (format) {
	case CANTINE_AUDIT_TEXT: return write_text(a, out);
	case CANTINE_AUDIT_CSV:  return write_csv(a, out);
	case CANTINE_AUDIT_XML:  return write_xml(a, out);
	case CANTINE_AUDIT_HTML: return cantine__audit_html(a, out);
	default:                 return CANTINE_EINVAL;
	}
}
