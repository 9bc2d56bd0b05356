/*
 * purchase_xml.c: importing purchases in the project's own XML format
 * (libmenu/xsd/achats.xsd; docs/formats.md, "Achats : format XML du
 * projet"), through cantine_import_purchases() and _mem().
 *
 * libxml2's streaming reader (xmlTextReader) reads the file with the XSD
 * validator plugged in, so that memory stays that of the file plus a few
 * nodes, whatever the number of purchases.  Then the rules XSD 1.0 cannot
 * say are checked on each <achat> as it ends, as the CSV importer does
 * (purchase_import.c; DOMAIN Part B §1.1–1.2, §2.1–2.2): establishment
 * known, date not after today, a definition of local only for a local
 * purchase, km only with KM.  Purchases are written in one transaction
 * while the file has no problem, and rolled back at the end if it has any.
 *
 * Nothing outside the file is ever read:
 *  - a DOCTYPE (internal subset or external DTD) is refused by looking at
 *    the prolog's bytes before libxml2 sees them, so no entity can be
 *    declared, let alone expanded (billion laughs, XXE);
 *  - the reader runs with XML_PARSE_NONET and without XML_PARSE_NOENT,
 *    XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR, XML_PARSE_DTDVALID or
 *    XML_PARSE_XINCLUDE; the encoding is forced to UTF-8;
 *  - the schema is the embedded one (xsi:schemaLocation is ignored by a
 *    validator given a schema), and while the file is read libxml2's
 *    external entity loader is one that refuses everything.  libxml2 2.9
 *    has no loader per parser: the global one is swapped while imports
 *    are in progress and put back after the last (an application reading
 *    XML in another thread at the same moment would have its external
 *    loads refused).
 *
 * libxml2 reports through handlers installed for the length of the import
 * (thread-local in libxml2): nothing is printed.  The reader's own
 * structured handler (xmlTextReaderSetStructuredErrorHandler) is not used:
 * in libxml2 2.9 it gets the schema plug's data instead of the parser
 * context and crashes once the XSD validator is plugged in.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>

#include "purchase_xml_int.h"
#include "sha256_int.h"
#include "text_int.h"

#define MAX_FILE_SIZE (256u * 1024u * 1024u)

typedef struct xml_in {
	cantine__import   imp;
	const char       *data;
	size_t            len;
	xmlTextReaderPtr  reader;
	char              source[65], today[11];
	sqlite3_stmt     *by_uai, *by_siret, *ins;
	cantine__suggester *sugg;     /* classification, for the rows written */
	int               err;        /* first error code of a handler */
	bool              stop;       /* refused: read no further */
	cantine__xml_scan scan;       /* start tags in document order */
	/* Last validity problem: libxml2 may say twice that a value is bad. */
	unsigned          last_line, last_col;
	int               last_elem;
	/* The <achat> being read. */
	bool              in_achat;
	int               leaf;                   /* element whose text is read */
	unsigned          line[CANTINE__E__MAX], col[CANTINE__E__MAX];
	bool              has[CANTINE__E__MAX];
	cantine_buf       val[CANTINE__E__MAX];
	unsigned          labels;
	unsigned          origins;                /* FRANCE, EUROPE bits seen */
} xml_in;

/* ---- nothing from outside the file ---- */

static _Atomic unsigned long loads; /* imports may run in several threads */

unsigned long cantine__purchase_xml_loads(void)
{
	return loads;
}

static xmlParserInputPtr refuse_load(const char *url, const char *id,
				     xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	loads++;
	return NULL;
}

/* libxml2's loader is global: the first import in progress installs
 * refuse_load(), the last one puts back what was there. */
static pthread_mutex_t loader_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned loader_users;
static xmlExternalEntityLoader loader_saved;

static void loader_enter(void)
{
	pthread_mutex_lock(&loader_lock);
	if (loader_users++ == 0) {
		loader_saved = xmlGetExternalEntityLoader();
		xmlSetExternalEntityLoader(refuse_load);
	}
	pthread_mutex_unlock(&loader_lock);
}

static void loader_leave(void)
{
	pthread_mutex_lock(&loader_lock);
	if (--loader_users == 0)
		xmlSetExternalEntityLoader(loader_saved);
	pthread_mutex_unlock(&loader_lock);
}

/* ---- problems ---- */

static int problem_at(xml_in *s, unsigned line, unsigned col, int elem,
		      const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static int problem_at(xml_in *s, unsigned line, unsigned col, int elem,
		      const char *fmt, ...)
{
	va_list ap;
	int rc;

	s->imp.clean = false;
	va_start(ap, fmt);
	rc = cantine__problems_add(s->imp.problems, line, col,
				   elem >= 0 ? cantine__achats_name((cantine__achats_elem)elem)
					     : NULL, fmt, ap);
	va_end(ap);
	return rc;
}

/* A problem on element `e` of the current achat, at its start tag. */
#define PROBLEM(s, e, ...) problem_at((s), (s)->line[e], (s)->col[e], (e), __VA_ARGS__)

/* libxml2's errors, well-formedness (thread-local generic handler) and
 * XSD validity (the validation context's handler), both here. */
static void on_error(void *ud, xmlErrorPtr err)
{
	xml_in *s = ud;
	cantine_buf msg = CANTINE_BUF_INIT;
	const char *name = NULL, *p;
	unsigned line, col;
	size_t n = 0;
	long at;
	int elem, rc, pcol;

	if (!err || err->level == XML_ERR_WARNING || s->err)
		return;
	if (err->code == XML_ERR_NO_MEMORY) {
		s->err = CANTINE_ENOMEM;
		return;
	}
	if ((rc = cantine__achats_error_text(err, &msg, &elem))) {
		s->err = rc;
		return;
	}
	line = err->line > 0 ? (unsigned)err->line : 0;
	col = err->int2 > 0 ? (unsigned)err->int2 : 0;
	if (err->domain == XML_FROM_SCHEMASV) {
		if ((p = err->message ? strstr(err->message, "Element '") : NULL)) {
			p += 9;
			if (*p == '{' && strchr(p, '}'))
				p = strchr(p, '}') + 1;
			name = p;
			n = strcspn(p, "'");
		}
		/* The validator runs as the parser reads, right after the tag
		 * that ends what it checks: look back from there. */
		at = xmlTextReaderByteConsumed(s->reader);
		pcol = xmlTextReaderGetParserColumnNumber(s->reader);
		col = name && at >= 0 && pcol > 0 ? cantine__xml_tag_column(s->data, s->len,
			(size_t)at, (unsigned)pcol, name, n) : 0;
		/* The same bad value said twice (a facet, then the type). */
		if (line == s->last_line && col == s->last_col && elem == s->last_elem &&
		    elem >= CANTINE__E_UAI) {
			cantine_buf_dispose(&msg);
			return;
		}
		s->last_line = line;
		s->last_col = col;
		s->last_elem = elem;
	}
	if (problem_at(s, line, col, elem, "%s", msg.ptr))
		s->err = CANTINE_ENOMEM;
	cantine_buf_dispose(&msg);
}

/* ---- the prolog ---- */

/*
 * Refuse a DOCTYPE before libxml2 reads it: an internal subset may
 * declare entities (billion laughs), an external one points outside the
 * file.  Returns 1 when refused (reported), 0, or ENOMEM.
 */
static int refuse_doctype(xml_in *s)
{
	unsigned line, col;

	if (!cantine__xml_doctype(s->data, s->len, &line, &col))
		return 0;
	s->stop = true;
	return problem_at(s, line, col, -1, "déclaration de type de document "
		"(<!DOCTYPE …>) refusée : un fichier d'achats n'a pas de DTD, et une DTD "
		"peut faire lire d'autres fichiers ou déclarer des entités ; supprimez-la, "
		"le fichier est vérifié avec le schéma achats.xsd") ? CANTINE_ENOMEM : 1;
}

/* ---- one purchase ---- */

static const char *val(const xml_in *s, int e)
{
	return s->val[e].size ? s->val[e].ptr : "";
}

static void begin_achat(xml_in *s)
{
	int e;

	s->in_achat = true;
	s->leaf = -1;
	s->labels = 0;
	s->origins = 0;
	for (e = 0; e < CANTINE__E__MAX; e++) {
		s->has[e] = false;
		s->val[e].size = 0;
	}
}

/* Surrounding XML blanks are not part of a value (the XSD types collapse
 * them, and the CSV importer trims its cells). */
static void trim(cantine_buf *b)
{
	size_t i = 0, n = b->size;

	while (n > 0 && strchr(" \t\r\n", b->ptr[n - 1]))
		n--;
	while (i < n && strchr(" \t\r\n", b->ptr[i]))
		i++;
	if (i > 0)
		memmove(b->ptr, b->ptr + i, n - i);
	b->size = n - i;
	if (b->ptr)
		b->ptr[b->size] = '\0';
}

/* The end of a field: the repeated ones are gathered now.  A value the
 * XSD refused is left out silently (the XSD said it). */
static void end_leaf(xml_in *s)
{
	int e = s->leaf, c;

	s->leaf = -1;
	if (e < 0)
		return;
	trim(&s->val[e]);
	if (e == CANTINE__E_LABEL &&
	    (c = cantine__characteristic_code_parse(val(s, e), ~0u)) >= 0 &&
	    c != CANTINE_CHAR_FRANCE && c != CANTINE_CHAR_EUROPE &&
	    c != CANTINE_CHAR_CIRCUIT_COURT && c != CANTINE_CHAR_LOCAL)
		s->labels |= 1u << c;
	if (e == CANTINE__E_ORIGINE && !strcmp(val(s, e), "FRANCE"))
		s->origins |= 1u << CANTINE_CHAR_FRANCE;
	if (e == CANTINE__E_ORIGINE && !strcmp(val(s, e), "EUROPE"))
		s->origins |= 1u << CANTINE_CHAR_EUROPE;
}

/* xs:boolean: 1 true, 0 false or absent, -1 refused by the XSD. */
static int boolean(const xml_in *s, int e)
{
	const char *v = val(s, e);

	if (!s->has[e] || !strcmp(v, "false") || !strcmp(v, "0"))
		return 0;
	return !strcmp(v, "true") || !strcmp(v, "1") ? 1 : -1;
}

/* The establishment by UAI or SIRET: its id, or 0 (reported when the XSD
 * did not already refuse the value). */
static int find_etab(xml_in *s, int64_t *id)
{
	bool uai = s->has[CANTINE__E_UAI];
	int e = uai ? CANTINE__E_UAI : CANTINE__E_SIRET;
	const char *v = val(s, e);
	sqlite3_stmt *st = uai ? s->by_uai : s->by_siret;
	int step;

	*id = 0;
	if (!s->has[e])
		return 0;
	/* The XSD checked the shape (7 digits and a letter, 14 digits). */
	if (uai ? strlen(v) != 8 || strspn(v, "0123456789") != 7 || v[7] < 'A' || v[7] > 'Z'
		: strlen(v) != 14 || strspn(v, "0123456789") != 14)
		return 0;
	if (uai ? cantine_uai_check(v) != 0 : cantine_siret_check(v) != 0)
		return PROBLEM(s, e, uai
			? "« %s » n'est pas un UAI valide : la lettre de contrôle ne correspond "
			  "pas aux chiffres ; corrigez l'UAI du collège"
			: "« %s » n'est pas un SIRET valide : la clé de contrôle ne correspond "
			  "pas ; corrigez le SIRET du collège", v);
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, v, -1, SQLITE_TRANSIENT);
	step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		return 0;
	}
	if (step != SQLITE_DONE)
		return cantine__store_err(s->imp.ctx, "recherche d'un établissement");
	/* ma-cantine: "Une cantine avec le siret « X » n'existe pas" (DOMAIN
	 * Part B §2.2). */
	return PROBLEM(s, e, uai
		? "aucun établissement de la base n'a l'UAI « %s » ; importez d'abord le "
		  "fichier etablissements, ou corrigez l'UAI"
		: "aucun établissement de la base n'a le SIRET « %s » ; ajoutez ce SIRET au "
		  "collège dans le fichier etablissements (colonne siret) et importez-le, ou "
		  "corrigez le numéro", v);
}

/* Check the <achat> that just ended against the rules the XSD cannot
 * say; write it while the file has no problem. */
static int end_achat(xml_in *s)
{
	cantine_purchase p = {
		.supplier = "", .local = CANTINE_LOCAL_NONE,
		.suggested_family = CANTINE_PURCHASE_NONE,
		.suggested_origin = CANTINE_PURCHASE_NONE, .suggestion_rules = "",
	};
	int64_t etab = 0;
	bool ok = true;
	int rc, y, m, d, f, b, l;

	s->in_achat = false;
	s->imp.stats.rows++;
	if ((rc = find_etab(s, &etab)) < 0)
		return rc;
	ok = etab != 0;

	/* A day that exists (the XSD checked it) and not after today
	 * (ma-cantine data/validators/purchase.py; DOMAIN Part B §1.1). */
	p.date = val(s, CANTINE__E_DATE);
	if (!cantine__date_parse(p.date, &y, &m, &d)) {
		ok = false;
	} else if (strcmp(p.date, s->today) > 0) {
		ok = false;
		if ((rc = PROBLEM(s, CANTINE__E_DATE, "la date « %s » est dans le futur "
				  "(aujourd'hui : %s) : un achat ne peut pas être daté après "
				  "aujourd'hui ; corrigez la date", p.date, s->today)))
			return rc;
	}
	p.supplier = val(s, CANTINE__E_FOURNISSEUR);
	p.description = val(s, CANTINE__E_DESCRIPTION);
	if (!*p.description)
		ok = false;
	if ((f = cantine__family_code_parse(val(s, CANTINE__E_FAMILLE))) < 0)
		ok = false;
	else
		p.family = (cantine_family)f;
	p.characteristics = s->labels | s->origins;
	/* FRANCE and EUROPE never together (DOMAIN Part B §1.2; the XSD
	 * allows one <origine>, this says it when there were two). */
	if ((s->origins & (1u << CANTINE_CHAR_FRANCE)) &&
	    (s->origins & (1u << CANTINE_CHAR_EUROPE))) {
		ok = false;
		if ((rc = PROBLEM(s, CANTINE__E_ORIGINE, "les caractéristiques EUROPE et FRANCE "
				  "ne peuvent pas être sélectionnées en même temps ; gardez "
				  "l'origine du produit seulement")))
			return rc;
	}
	if ((b = boolean(s, CANTINE__E_CIRCUIT_COURT)) < 0)
		ok = false;
	else if (b)
		p.characteristics |= 1u << CANTINE_CHAR_CIRCUIT_COURT;
	if ((b = boolean(s, CANTINE__E_LOCAL)) < 0)
		ok = false;
	else if (b)
		p.characteristics |= 1u << CANTINE_CHAR_LOCAL;

	/* definition_local only for a local purchase, km only with KM
	 * (ma-cantine's import messages, DOMAIN Part B §2.2). */
	l = s->has[CANTINE__E_DEFINITION_LOCAL]
		? cantine__local_code_parse(val(s, CANTINE__E_DEFINITION_LOCAL))
		: CANTINE_LOCAL_NONE;
	if (l < 0) {
		ok = false; /* the XSD said it */
	} else if (l != CANTINE_LOCAL_NONE && b == 0) {
		ok = false;
		if ((rc = PROBLEM(s, CANTINE__E_DEFINITION_LOCAL, "la caractéristique LOCAL "
				  "n'est pas sélectionnée : definition_local doit être absent ; "
				  "écrivez <local>true</local> si l'achat est local, sinon "
				  "supprimez <definition_local>")))
			return rc;
	} else {
		p.local = (cantine_local)l;
	}
	if (s->has[CANTINE__E_KM] && l >= 0) {
		const char *k = val(s, CANTINE__E_KM);
		long n = 0;
		size_t i;

		for (i = 0; k[i] >= '0' && k[i] <= '9' && n <= 100000; i++)
			n = n * 10 + (k[i] - '0');
		if (k[i] || n < 1 || n > 100000) {
			ok = false; /* the XSD said it */
		} else if (l != CANTINE_LOCAL_KM) {
			ok = false;
			if ((rc = PROBLEM(s, CANTINE__E_KM, "la distance en km doit être absente "
					  "lorsque la définition de local n'est pas KM ; écrivez "
					  "<definition_local>KM</definition_local> (achat local), ou "
					  "supprimez <km>")))
				return rc;
		} else {
			p.local_km = (int)n;
		}
	}
	/* Euros with at most two decimals (the XSD checked it): cents, no
	 * floating point. */
	if (cantine__price_parse(val(s, CANTINE__E_MONTANT_HT), &p.amount_cents) !=
	    CANTINE__PRICE_OK)
		ok = false;
	/* Refused with nothing said: never drop a purchase silently (every
	 * value the XSD accepts is one the rules above can read). */
	if (!ok && s->imp.clean)
		return PROBLEM(s, CANTINE__E_ACHAT, "cet achat n'a pas pu être lu : une de ses "
			       "valeurs n'est pas comprise par l'import ; vérifiez-les");
	if (!ok || !s->imp.clean)
		return 0;
	/* What the rules suggest beyond what the file declares, as the CSV
	 * import does: stored apart, never counted. */
	{
		cantine__psugg sug;
		if ((rc = cantine__purchase_suggest(&s->imp, s->line[CANTINE__E_ACHAT], &s->sugg,
						    p.description, p.family, p.characteristics,
						    &sug)) < 0)
			return rc;
		p.suggested_characteristics = sug.chars;
		p.suggested_family = sug.family;
		p.suggested_origin = sug.origin;
		p.suggestion_rules = sug.rules;
		if ((rc = cantine__purchase_insert(s->imp.ctx, s->ins, etab, &p, s->source)))
			return rc;
	}
	s->imp.stats.inserted++;
	return 0;
}

/* ---- reading ---- */

/* A node that may not be in a purchase file (only reachable through a
 * DOCTYPE, which refuse_doctype() already refused). */
static int refuse_node(xml_in *s, int type)
{
	unsigned line = (unsigned)xmlTextReaderGetParserLineNumber(s->reader);

	s->stop = true;
	return problem_at(s, line, 0, -1, type == XML_READER_TYPE_DOCUMENT_TYPE
		? "déclaration de type de document (<!DOCTYPE …>) refusée : un fichier "
		  "d'achats n'a pas de DTD ; supprimez-la"
		: "référence à une entité refusée : un fichier d'achats n'en a pas ; "
		  "écrivez le texte lui-même") ? CANTINE_ENOMEM : 0;
}

static int on_element(xml_in *s)
{
	const xmlChar *ns = xmlTextReaderConstNamespaceUri(s->reader);
	const char *local = (const char *)xmlTextReaderConstLocalName(s->reader);
	int depth = xmlTextReaderDepth(s->reader), e = -1;
	bool empty = xmlTextReaderIsEmptyElement(s->reader) == 1;
	unsigned line, col;

	cantine__xml_tag_next(&s->scan, &line, &col);
	if (ns && local && !strcmp((const char *)ns, CANTINE__ACHATS_NS))
		e = cantine__achats_elem_parse(local, strlen(local));
	if (depth == 1 && e == CANTINE__E_ACHAT) {
		begin_achat(s);
		s->line[e] = line;
		s->col[e] = col;
		return empty ? end_achat(s) : 0;
	}
	end_leaf(s); /* an element inside a field: the XSD says it */
	if (depth == 2 && s->in_achat && e >= CANTINE__E_UAI) {
		s->leaf = e;
		s->has[e] = true;
		s->val[e].size = 0;
		s->line[e] = line;
		s->col[e] = col;
		if (empty)
			end_leaf(s);
	}
	return 0;
}

static int read_all(xml_in *s)
{
	int rc, type, depth, more = 0;

	while (!s->stop && !s->err && (more = xmlTextReaderRead(s->reader)) == 1) {
		type = xmlTextReaderNodeType(s->reader);
		depth = xmlTextReaderDepth(s->reader);
		switch (type) {
		case XML_READER_TYPE_ELEMENT:
			rc = on_element(s);
			break;
		case XML_READER_TYPE_TEXT:
		case XML_READER_TYPE_CDATA:
		case XML_READER_TYPE_WHITESPACE:
		case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
			rc = 0;
			if (s->leaf >= 0 && depth == 3) {
				const char *v = (const char *)xmlTextReaderConstValue(s->reader);
				if (v && cantine__buf_puts(&s->val[s->leaf], v))
					rc = CANTINE_ENOMEM;
			}
			break;
		case XML_READER_TYPE_END_ELEMENT:
			rc = 0;
			if (depth == 2)
				end_leaf(s);
			else if (depth == 1 && s->in_achat)
				rc = end_achat(s);
			break;
		case XML_READER_TYPE_DOCUMENT_TYPE:
		case XML_READER_TYPE_ENTITY_REFERENCE:
		case XML_READER_TYPE_ENTITY:
		case XML_READER_TYPE_NOTATION:
			rc = refuse_node(s, type);
			break;
		default:
			rc = 0;
			break;
		}
		if (rc < 0)
			return rc;
	}
	if (s->err)
		return s->err;
	/* -1: libxml2 stopped on an error it reported (well-formedness). */
	if (s->imp.clean && !s->stop && more < 0)
		return problem_at(s, 0, 0, -1, "le fichier XML n'a pas pu être lu jusqu'au "
				  "bout ; vérifiez qu'il est complet") ? CANTINE_ENOMEM : 0;
	if (s->imp.clean && s->imp.stats.rows == 0)
		return problem_at(s, 0, 0, -1, "le fichier n'a aucun achat : ajoutez un "
				  "élément <achat> par achat dans <achats>") ? CANTINE_ENOMEM : 0;
	return 0;
}

/* Parse the embedded XSD (a bug if it fails: a library message). */
static int load_schema(xml_in *s, xmlSchemaPtr *schema)
{
	xmlSchemaParserCtxtPtr pc = xmlSchemaNewMemParserCtxt(cantine__achats_xsd,
							      (int)cantine__achats_xsd_size);

	*schema = pc ? xmlSchemaParse(pc) : NULL;
	xmlSchemaFreeParserCtxt(pc);
	if (!*schema)
		return cantine__seterr(s->imp.ctx, CANTINE_ERROR, "le schéma achats.xsd "
				       "intégré à la bibliothèque n'a pas pu être chargé");
	return 0;
}

/* Read and check the whole file, writing while it is clean. */
static int run(xml_in *s)
{
	cantine__xml_handlers old;
	xmlSchemaPtr schema = NULL;
	xmlSchemaValidCtxtPtr valid = NULL;
	int rc;

	cantine__sha256_hex(s->data, s->len, s->source);
	if ((rc = cantine__purchase_check_source(&s->imp, s->source)) || !s->imp.clean)
		return rc;
	if (s->len > MAX_FILE_SIZE)
		return problem_at(s, 0, 0, -1, "le fichier dépasse 256 Mio ; découpez-le en "
				  "plusieurs fichiers") ? CANTINE_ENOMEM : 0;
	if ((rc = refuse_doctype(s)))
		return rc < 0 ? rc : 0;
	if ((rc = cantine__prepare(s->imp.ctx, &s->by_uai, "SELECT id FROM etab WHERE uai = ?1")) ||
	    (rc = cantine__prepare(s->imp.ctx, &s->by_siret,
				   "SELECT id FROM etab WHERE siret = ?1")) ||
	    (rc = cantine__purchase_insert_prepare(s->imp.ctx, &s->ins)))
		return rc;

	xmlInitParser();
	loader_enter();
	cantine__xml_handlers_set(&old, on_error, s);
	if ((rc = load_schema(s, &schema)) == 0) {
		/* NONET; never NOENT, DTDLOAD, DTDATTR, DTDVALID nor XINCLUDE;
		 * UTF-8 whatever the declaration says. */
		s->reader = xmlReaderForMemory(s->data, (int)s->len, NULL, "UTF-8",
					       XML_PARSE_NONET | XML_PARSE_IGNORE_ENC);
		valid = xmlSchemaNewValidCtxt(schema);
		if (!s->reader || !valid) {
			rc = CANTINE_ENOMEM;
		} else {
			xmlSchemaSetValidStructuredErrors(valid, on_error, s);
			if (xmlTextReaderSchemaValidateCtxt(s->reader, valid, 0) != 0)
				rc = cantine__seterr(s->imp.ctx, CANTINE_ERROR, "la validation "
						     "par le schéma achats.xsd n'a pas pu démarrer");
			else
				rc = read_all(s);
		}
	}
	xmlFreeTextReader(s->reader);
	s->reader = NULL;
	xmlSchemaFreeValidCtxt(valid);
	xmlSchemaFree(schema);
	cantine__xml_handlers_restore(&old);
	loader_leave();
	return rc;
}

int cantine__import_purchases_xml(cantine_ctx *ctx, const char *name, const char *data,
				  size_t len, const char *path, cantine_problems **problems,
				  cantine_import_stats *stats)
{
	static const cantine__kind_ops ops = { 0 };
	xml_in *s;
	char *owned = NULL;
	bool began = false;
	int rc, e;

	if (problems)
		*problems = NULL;
	if (stats)
		memset(stats, 0, sizeof(*stats));
	memset(&ctx->suggestions, 0, sizeof(ctx->suggestions));
	if (!(s = cantine__calloc(1, sizeof(*s))))
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	cantine__purchase_today(s->today);
	s->leaf = -1;
	s->last_elem = -1;
	if ((rc = cantine__import_init(&s->imp, ctx, &ops, name))) {
		cantine__free(s);
		return rc;
	}
	if (path && (rc = cantine__read_file(&s->imp, path, &owned, &len)) == 0)
		data = owned;
	s->data = data;
	s->len = len;
	cantine__xml_scan_init(&s->scan, data, len);
	if (rc == 0 && (rc = cantine__begin(ctx)) == 0) {
		began = true;
		rc = run(s);
	}
	sqlite3_finalize(s->by_uai);
	sqlite3_finalize(s->by_siret);
	sqlite3_finalize(s->ins);
	cantine__suggester_free(s->sugg);
	for (e = 0; e < CANTINE__E__MAX; e++)
		cantine_buf_dispose(&s->val[e]);
	/* libxml2 validates ahead of the elements read: its problems and
	 * those of the rules come in two streams. */
	cantine__problems_sort(s->imp.problems);
	rc = cantine__import_end(&s->imp, rc, began, name,
				 cantine_problems_total(s->imp.problems), "problème",
				 "aucun achat n'a été importé (la base n'a pas changé)", problems);
	if (rc == 0 && stats)
		*stats = s->imp.stats;
	if (rc)
		memset(&ctx->suggestions, 0, sizeof(ctx->suggestions));
	cantine__free(owned);
	cantine__free(s);
	return rc;
}
