/*
 * html.c: building and serializing the pages (html.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLtree.h>
#include <libxml/xmlsave.h>

#include "html.h"

/* Out of memory while building: checked once, when serializing.  The CGI
 * builds one page per process. */
static int oom;

static const xmlChar *X(const char *s)
{
	return (const xmlChar *)s;
}

xmlNodePtr html_el(xmlNodePtr parent, const char *tag, const char *text)
{
	xmlNodePtr n = xmlNewDocNode(parent->doc, NULL, X(tag), NULL);

	if (!n) {
		oom = 1;
		return parent; /* keeps callers simple; the page is refused */
	}
	xmlAddChild(parent, n);
	if (text)
		html_text(n, text);
	return n;
}

void html_text(xmlNodePtr parent, const char *text)
{
	/* xmlNewDocText keeps the text as it is: the serializer escapes it. */
	xmlNodePtr t = xmlNewDocText(parent->doc, X(text));

	if (!t)
		oom = 1;
	else
		xmlAddChild(parent, t);
}

void html_attr(xmlNodePtr n, const char *name, const char *value)
{
	/* xmlSetProp stores the value as text, escaped when serialized (unlike
	 * xmlNewDocProp, which would read entity references in it). */
	if (!xmlSetProp(n, X(name), X(value)))
		oom = 1;
}

xmlNodePtr html_link(xmlNodePtr parent, const char *href, const char *text)
{
	xmlNodePtr a = html_el(parent, "a", text);

	html_attr(a, "href", href);
	return a;
}

int html_url(char *out, size_t size, const char *page, const char *const *kv, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t o, i;
	int w = snprintf(out, size, "?page=%s", page);

	if (w < 0 || (size_t)w >= size)
		return -1;
	o = (size_t)w;
	for (i = 0; i < 2 * n; i += 2) {
		const unsigned char *v = (const unsigned char *)kv[i + 1];

		if (!v)
			continue;
		w = snprintf(out + o, size - o, "&%s=", kv[i]);
		if (w < 0 || (size_t)w >= size - o)
			return -1;
		o += (size_t)w;
		for (; *v; v++) {
			int plain = (*v >= 'a' && *v <= 'z') || (*v >= 'A' && *v <= 'Z') ||
				    (*v >= '0' && *v <= '9') || strchr("-._~", *v);
			if (o + (plain ? 1 : 3) >= size)
				return -1;
			if (plain) {
				out[o++] = (char)*v;
			} else {
				out[o++] = '%';
				out[o++] = hex[*v >> 4];
				out[o++] = hex[*v & 15];
			}
		}
		out[o] = '\0';
	}
	return 0;
}

int html_page_new(html_page *pg, const char *title)
{
	xmlNodePtr html, head, body, n, header;
	char full[512];

	pg->doc = htmlNewDocNoDtD(NULL, NULL);
	if (!pg->doc)
		return -1;
	/* <!DOCTYPE html> */
	if (!xmlCreateIntSubset(pg->doc, X("html"), NULL, NULL))
		oom = 1;
	html = xmlNewDocNode(pg->doc, NULL, X("html"), NULL);
	if (!html)
		return html_page_free(pg), -1;
	xmlDocSetRootElement(pg->doc, html);
	html_attr(html, "lang", "fr");
	head = html_el(html, "head", NULL);
	/* The encoding declaration in the form libxml2's HTML serializer
	 * reads and keeps (it would add this one beside a <meta charset>). */
	n = html_el(head, "meta", NULL);
	html_attr(n, "http-equiv", "Content-Type");
	html_attr(n, "content", "text/html; charset=UTF-8");
	n = html_el(head, "meta", NULL);
	html_attr(n, "name", "viewport");
	html_attr(n, "content", "width=device-width, initial-scale=1");
	snprintf(full, sizeof(full), "%s — Menus des collèges", title);
	html_el(head, "title", full);
	n = html_el(head, "link", NULL);
	html_attr(n, "rel", "stylesheet");
	html_attr(n, "href", "?page=style.css");
	body = html_el(html, "body", NULL);
	n = html_link(body, "#contenu", "Aller au contenu");
	html_attr(n, "class", "evitement");
	header = html_el(body, "header", NULL);
	html_attr(header, "class", "site");
	n = html_el(header, "p", NULL);
	html_link(n, "?page=colleges", "Menus des collèges");
	pg->main = html_el(body, "main", NULL);
	html_attr(pg->main, "id", "contenu");
	return oom ? -1 : 0;
}

void html_page_free(html_page *pg)
{
	if (pg->doc)
		xmlFreeDoc(pg->doc);
	pg->doc = NULL;
	pg->main = NULL;
}

int html_page_finish(html_page *pg, char **out, size_t *len)
{
	xmlBufferPtr buf = xmlBufferCreate();
	xmlSaveCtxtPtr save;
	int rc = -1;

	*out = NULL;
	*len = 0;
	/* The HTML serializer, writing UTF-8 as it is (the page says so in its
	 * <meta charset> and its Content-Type) rather than as entities. */
	save = buf && !oom ? xmlSaveToBuffer(buf, "UTF-8", XML_SAVE_AS_HTML | XML_SAVE_FORMAT)
			   : NULL;
	if (save && xmlSaveDoc(save, pg->doc) >= 0 && xmlSaveClose(save) >= 0) {
		save = NULL;
		*len = (size_t)xmlBufferLength(buf);
		*out = malloc(*len ? *len : 1);
		if (*out) {
			memcpy(*out, xmlBufferContent(buf), *len);
			rc = 0;
		}
	}
	if (save)
		xmlSaveClose(save);
	if (buf)
		xmlBufferFree(buf);
	html_page_free(pg);
	return rc;
}
