/*
 * purchase_export.c: the purchases in the project's XML format
 * (cantine_export_purchases_xml(); libmenu/xsd/achats.xsd, docs/formats.md
 * "Achats : format XML du projet").
 *
 * Written with libxml2's xmlTextWriter, which escapes every text: no
 * markup is pasted from strings.  What it writes is what the importer
 * (purchase_xml.c) reads back, purchase for purchase.
 */
#include <string.h>

#include <libxml/xmlwriter.h>

#include "purchase_xml_int.h"

/* libxml2 writer calls return -1 on failure (out of memory); element()
 * returns CANTINE__XML_BAD_TEXT for a text XML cannot carry. */
#define CANTINE__XML_BAD_TEXT (-1000)
#define W(call) do { int w_ = (call); \
	if (w_ == CANTINE__XML_BAD_TEXT) return CANTINE_EINVAL; \
	if (w_ < 0) return CANTINE_ENOMEM; } while (0)

/* U+FFFE and U+FFFF are valid UTF-8 (the CSV import lets them in) but not
 * XML 1.0 characters: such a text cannot be written. */
static bool xml_text(const char *text)
{
	const char *p = text;

	while ((p = strstr(p, "\xEF\xBF")))
		if ((unsigned char)p[2] == 0xBE || (unsigned char)p[2] == 0xBF)
			return false;
		else
			p += 2;
	return true;
}

static int element(xmlTextWriterPtr w, cantine__achats_elem e, const char *text)
{
	if (!xml_text(text))
		return CANTINE__XML_BAD_TEXT;
	return xmlTextWriterWriteElement(w, BAD_CAST cantine__achats_name(e),
					 BAD_CAST text);
}

/* One <achat> from the current row of `st` (see the query below). */
static int write_achat(xmlTextWriterPtr w, sqlite3_stmt *st)
{
	unsigned chars = (unsigned)sqlite3_column_int64(st, 5);
	int local = sqlite3_column_int(st, 6), km = sqlite3_column_int(st, 7);
	int64_t cents = sqlite3_column_int64(st, 8);
	const char *supplier = (const char *)sqlite3_column_text(st, 2);
	const char *code;
	char buf[32];
	int c;

	W(xmlTextWriterStartElement(w, BAD_CAST "achat"));
	W(element(w, CANTINE__E_UAI, (const char *)sqlite3_column_text(st, 0)));
	W(element(w, CANTINE__E_DATE, (const char *)sqlite3_column_text(st, 1)));
	if (supplier && *supplier)
		W(element(w, CANTINE__E_FOURNISSEUR, supplier));
	W(element(w, CANTINE__E_DESCRIPTION, (const char *)sqlite3_column_text(st, 3)));
	if (!(code = cantine_family_code((cantine_family)sqlite3_column_int(st, 4))))
		return CANTINE_ERROR;
	W(element(w, CANTINE__E_FAMILLE, code));
	/* The labels, then origin, circuit court and local: every bit of
	 * cantine_purchase.characteristics has its place. */
	for (c = 0; c < CANTINE_CHAR__MAX; c++)
		if ((chars & (1u << c)) && c != CANTINE_CHAR_FRANCE && c != CANTINE_CHAR_EUROPE &&
		    c != CANTINE_CHAR_CIRCUIT_COURT && c != CANTINE_CHAR_LOCAL)
			W(element(w, CANTINE__E_LABEL,
				  cantine_characteristic_code((cantine_characteristic)c)));
	if (chars & (1u << CANTINE_CHAR_FRANCE))
		W(element(w, CANTINE__E_ORIGINE, "FRANCE"));
	else if (chars & (1u << CANTINE_CHAR_EUROPE))
		W(element(w, CANTINE__E_ORIGINE, "EUROPE"));
	if (chars & (1u << CANTINE_CHAR_CIRCUIT_COURT))
		W(element(w, CANTINE__E_CIRCUIT_COURT, "true"));
	if (chars & (1u << CANTINE_CHAR_LOCAL))
		W(element(w, CANTINE__E_LOCAL, "true"));
	if (local > CANTINE_LOCAL_NONE && local < CANTINE_LOCAL__MAX)
		W(element(w, CANTINE__E_DEFINITION_LOCAL, cantine_local_code((cantine_local)local)));
	if (local == CANTINE_LOCAL_KM && km > 0) {
		snprintf(buf, sizeof(buf), "%d", km);
		W(element(w, CANTINE__E_KM, buf));
	}
	snprintf(buf, sizeof(buf), "%lld.%02lld", (long long)(cents / 100),
		 (long long)(cents % 100));
	W(element(w, CANTINE__E_MONTANT_HT, buf));
	W(xmlTextWriterEndElement(w));
	return 0;
}

static int write_all(xmlTextWriterPtr w, sqlite3_stmt *st, cantine_ctx *ctx)
{
	int step, rc;

	W(xmlTextWriterSetIndent(w, 1));
	W(xmlTextWriterSetIndentString(w, BAD_CAST "  "));
	W(xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL));
	W(xmlTextWriterStartElementNS(w, NULL, BAD_CAST "achats", BAD_CAST CANTINE__ACHATS_NS));
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		if ((rc = write_achat(w, st)))
			return rc;
	if (step != SQLITE_DONE)
		return cantine__store_err(ctx, "lecture des achats");
	W(xmlTextWriterEndElement(w));
	W(xmlTextWriterEndDocument(w));
	return 0;
}

int cantine_export_purchases_xml(cantine_ctx *ctx, const char *uai, const char *from,
				 const char *to, cantine_buf *out)
{
	cantine__xml_handlers old;
	xmlBufferPtr xbuf = NULL;
	xmlTextWriterPtr w = NULL;
	sqlite3_stmt *st = NULL;
	int rc, step;

	if (from && cantine_date_check(from) != 0)
		return cantine__seterr(ctx, CANTINE_EINVAL, "« %s » n'est pas une date "
				       "AAAA-MM-JJ qui existe", from);
	if (to && cantine_date_check(to) != 0)
		return cantine__seterr(ctx, CANTINE_EINVAL, "« %s » n'est pas une date "
				       "AAAA-MM-JJ qui existe", to);
	if (from && to && strcmp(from, to) > 0)
		return cantine__seterr(ctx, CANTINE_EINVAL, "période à l'envers : le %s est "
				       "après le %s", from, to);
	if (uai) {
		if ((rc = cantine__prepare(ctx, &st, "SELECT 1 FROM etab WHERE uai = ?1")))
			return rc;
		sqlite3_bind_text(st, 1, uai, -1, SQLITE_TRANSIENT);
		step = sqlite3_step(st);
		sqlite3_finalize(st);
		st = NULL;
		if (step == SQLITE_DONE)
			return cantine__seterr(ctx, CANTINE_ENOTFOUND, "aucun établissement n'a "
					       "l'UAI « %s »", uai);
		if (step != SQLITE_ROW)
			return cantine__store_err(ctx, "lecture des achats");
	}
	if ((rc = cantine__prepare(ctx, &st, "SELECT e.uai, p.date, p.supplier, "
				   "p.description, p.family, p.characteristics, p.local, "
				   "p.local_km, p.amount_cents FROM purchase p JOIN etab e ON "
				   "e.id = p.etab_id WHERE (?1 IS NULL OR e.uai = ?1) AND "
				   "p.date >= ?2 AND p.date <= ?3 ORDER BY e.uai, p.date, p.id")))
		return rc;
	if (uai)
		sqlite3_bind_text(st, 1, uai, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, from ? from : "0000-00-00", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, to ? to : "9999-99-99", -1, SQLITE_TRANSIENT);

	xmlInitParser();
	cantine__xml_handlers_set(&old, NULL, NULL);
	if (!(xbuf = xmlBufferCreate()) || !(w = xmlNewTextWriterMemory(xbuf, 0)))
		rc = CANTINE_ENOMEM;
	else
		rc = write_all(w, st, ctx);
	xmlFreeTextWriter(w); /* flushes into xbuf */
	if (rc == 0 && cantine__buf_put(out, (const char *)xmlBufferContent(xbuf),
					(size_t)xmlBufferLength(xbuf)))
		rc = CANTINE_ENOMEM;
	xmlBufferFree(xbuf);
	cantine__xml_handlers_restore(&old);
	sqlite3_finalize(st);
	if (rc == CANTINE_ENOMEM)
		return cantine__seterr(ctx, rc, "mémoire insuffisante");
	if (rc == CANTINE_EINVAL)
		return cantine__seterr(ctx, rc, "un achat de la base a, dans son fournisseur ou "
				       "sa description, un caractère que XML n'admet pas (U+FFFE ou "
				       "U+FFFF) ; corrigez-le avant d'exporter");
	if (rc == CANTINE_ERROR)
		return cantine__seterr(ctx, rc, "un achat de la base a une famille inconnue");
	return rc;
}
