/*
 * html.h: the pages of cantine.cgi as libxml2 trees.  Text and attribute
 * values are stored as they are and escaped by libxml2's serializer, the
 * one place where escaping happens: nothing is ever pasted into markup.
 */
#ifndef CANTINE_CGI_HTML_H
#define CANTINE_CGI_HTML_H

#include <stddef.h>

#include <libxml/tree.h>

/* A page being built: the document, and where its content goes. */
typedef struct html_page {
	xmlDocPtr  doc;
	xmlNodePtr main; /* <main id="contenu"> */
} html_page;

/* A new French page titled `title` (and "… — Menus des collèges"), with
 * the style sheet, a skip link, a header and an empty <main>.
 * @return 0, or -1 when out of memory. */
int html_page_new(html_page *pg, const char *title);
/* Serialize the page (<!DOCTYPE html>, UTF-8) into a malloc'ed buffer
 * *out of *len bytes (free() it), and free the tree.  @return 0 or -1. */
int html_page_finish(html_page *pg, char **out, size_t *len);
/* Free a page that will not be sent.  Accepts an empty one. */
void html_page_free(html_page *pg);

/* Append <tag> to `parent`, with the text `text` when not NULL.  Out of
 * memory is remembered on the document's page and reported by
 * html_page_finish(). */
xmlNodePtr html_el(xmlNodePtr parent, const char *tag, const char *text);
/* Append text to `parent`. */
void html_text(xmlNodePtr parent, const char *text);
/* Set an attribute. */
void html_attr(xmlNodePtr n, const char *name, const char *value);
/* Append <a href="href">text</a>. */
xmlNodePtr html_link(xmlNodePtr parent, const char *href, const char *text);

/* A URL of the CGI: "?page=NAME" and then each of the `n` name/value
 * pairs of `kv` (NULL values skipped), values percent-encoded, into
 * out[0..size).  @return 0, or -1 when it does not fit. */
int html_url(char *out, size_t size, const char *page, const char *const *kv, size_t n);

#endif
