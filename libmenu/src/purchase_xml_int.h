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
