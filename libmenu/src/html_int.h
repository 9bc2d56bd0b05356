/*
 * html_int.h: the pieces of the HTML pages the library writes (the audit,
 * the bills' statements): libxml2 trees, so that every text is escaped by
 * construction (ARCHITECTURE §8).
 */
#ifndef CANTINE_HTML_INT_H
#define CANTINE_HTML_INT_H

#include <stdbool.h>

#include <libxml/HTMLtree.h>
#include <libxml/tree.h>

#include "common_int.h"

/* A child element of `parent` holding `text` (escaped; NULL: empty), or
 * NULL when out of memory. */
xmlNodePtr cantine__html_el(xmlNodePtr parent, const char *name, const char *text);
/* Set an attribute; false when `n` is NULL or out of memory. */
bool cantine__html_attr(xmlNodePtr n, const char *name, const char *value);
/* A French page: <!DOCTYPE html>, <html lang="fr">, a head with charset,
 * viewport, `title` and `style`, and an empty <main> in the body, whose
 * node is *main.  NULL when out of memory. */
htmlDocPtr cantine__html_page(const char *title, const char *style, xmlNodePtr *main);
/* Append the page to `out` in UTF-8 as is (the meta says so, no entities)
 * and free it.  Returns 0 or CANTINE_ENOMEM. */
int cantine__html_finish(htmlDocPtr doc, cantine_buf *out);

#endif
