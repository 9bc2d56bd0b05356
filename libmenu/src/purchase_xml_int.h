/*
 * purchase_xml_int.h: the project's XML format for purchases
 * (libmenu/xsd/achats.xsd; docs/formats.md, "Achats : format XML du
 * projet"), shared by its importer (purchase_xml.c), the French wording of
 * libxml2's errors (purchase_xml_errors.c) and its export
 * (purchase_export.c).
 */
#ifndef CANTINE_PURCHASE_XML_INT_H
#define CANTINE_PURCHASE_XML_INT_H

#include <libxml/globals.h>
#include <libxml/xmlerror.h>

#include "purchase_int.h"

/* The namespace of version 1 of the format. */
#define CANTINE__ACHATS_NS "urn:cantine:achats:1"

/* The elements of the format, in the order of achats.xsd. */
typedef enum cantine__achats_elem {
	CANTINE__E_ACHATS, CANTINE__E_ACHAT,
	CANTINE__E_UAI, CANTINE__E_SIRET, CANTINE__E_DATE, CANTINE__E_FOURNISSEUR,
	CANTINE__E_DESCRIPTION, CANTINE__E_FAMILLE, CANTINE__E_LABEL,
	CANTINE__E_ORIGINE, CANTINE__E_CIRCUIT_COURT, CANTINE__E_LOCAL,
	CANTINE__E_DEFINITION_LOCAL, CANTINE__E_KM, CANTINE__E_MONTANT_HT,
	CANTINE__E__MAX
} cantine__achats_elem;

/* Name of an element (static storage: usable as a problem's field). */
const char *cantine__achats_name(cantine__achats_elem e);
/* The element whose local name is `name` (n bytes), or -1. */
int cantine__achats_elem_parse(const char *name, size_t n);

/* The XSD, embedded at build time (achats-xsd.c, from libmenu/xsd/). */
extern const char cantine__achats_xsd[];
extern const size_t cantine__achats_xsd_size;

/*
 * Say libxml2's error `e` (a well-formedness error of the parser or a
 * validity error of the XSD validator) as a French sentence that names
 * the element and what to write, appended to `out`.  *elem receives the
 * element the error is about (-1 when none or not one of the format's).
 * Returns 0 or CANTINE_ENOMEM.
 */
int cantine__achats_error_text(const xmlError *e, cantine_buf *out, int *elem);


/* Where the scan of a file's start tags is (purchase_xml_scan.c). */
typedef struct cantine__xml_scan {
	const char *data;
	size_t      len;
	size_t      at;       /* byte the scan is at, on line `line` */
	size_t      col_at;   /* a byte of that line whose column is `col` */
	unsigned    line, col;
} cantine__xml_scan;

/* Start a scan of data[0..len) (after a UTF-8 byte-order mark). */
void cantine__xml_scan_init(cantine__xml_scan *sc, const char *data, size_t len);
/* Line and column of the next start tag (each element's, in document
 * order, as the reader gives them); column 0 when there is none. */
void cantine__xml_tag_next(cantine__xml_scan *sc, unsigned *line, unsigned *col);
/* Column of the last start tag (else end tag) of element `name` (n
 * bytes, any prefix) before byte `at`, which is in column `col` of its
 * line, when on that same line; else 0. */
unsigned cantine__xml_tag_column(const char *data, size_t len, size_t at, unsigned col,
				 const char *name, size_t n);
/* True when the prolog (before the root element) holds a "<!" that opens
 * no comment, a DOCTYPE: *line and *col say where. */
bool cantine__xml_doctype(const char *data, size_t len, unsigned *line, unsigned *col);

/* libxml2's error handlers (thread-local in libxml2) as they were before
 * the library set its own: the library never prints. */
typedef struct cantine__xml_handlers {
	xmlStructuredErrorFunc serror;
	void                  *sctx;
	xmlGenericErrorFunc    error;
	void                  *ectx;
} cantine__xml_handlers;

/* Send libxml2's structured errors to `fn` (with `ud`; NULL: drop them)
 * and its other messages nowhere; keep the old handlers in `old`. */
void cantine__xml_handlers_set(cantine__xml_handlers *old, xmlStructuredErrorFunc fn,
			       void *ud);
/* Put back the handlers kept by cantine__xml_handlers_set(). */
void cantine__xml_handlers_restore(const cantine__xml_handlers *old);

#endif
