/*
 * html_page.c: the pieces of the library's HTML pages (html_int.h).
 */
#include "html_int.h"

xmlNodePtr cantine__html_el(xmlNodePtr parent, const char *name, const char *text)
{
	return xmlNewTextChild(parent, NULL, BAD_CAST name, text ? BAD_CAST text : NULL);
}

bool cantine__html_attr(xmlNodePtr n, const char *name, const char *value)
{
	return n && xmlNewProp(n, BAD_CAST name, BAD_CAST value) != NULL;
}

htmlDocPtr cantine__html_page(const char *title, const char *style, xmlNodePtr *main)
{
	htmlDocPtr doc = htmlNewDocNoDtD(NULL, NULL);
	xmlNodePtr html, head, body, n;

	*main = NULL;
	if (!doc)
		return NULL;
	if (xmlCreateIntSubset(doc, BAD_CAST "html", NULL, NULL) &&
	    (html = xmlNewDocNode(doc, NULL, BAD_CAST "html", NULL))) {
		xmlDocSetRootElement(doc, html);
		if (cantine__html_attr(html, "lang", "fr") &&
		    (head = cantine__html_el(html, "head", NULL)) &&
		    (n = cantine__html_el(head, "meta", NULL)) &&
		    cantine__html_attr(n, "charset", "utf-8") &&
		    (n = cantine__html_el(head, "meta", NULL)) &&
		    cantine__html_attr(n, "name", "viewport") &&
		    cantine__html_attr(n, "content", "width=device-width, initial-scale=1") &&
		    cantine__html_el(head, "title", title) &&
		    cantine__html_el(head, "style", style) &&
		    (body = cantine__html_el(html, "body", NULL)) &&
		    (*main = cantine__html_el(body, "main", NULL)))
			return doc;
	}
	xmlFreeDoc(doc);
	*main = NULL;
	return NULL;
}

int cantine__html_finish(htmlDocPtr doc, cantine_buf *out)
{
	xmlOutputBufferPtr ob = xmlAllocOutputBuffer(NULL);
	int rc = CANTINE_ENOMEM;

	if (ob) {
		htmlDocContentDumpFormatOutput(ob, doc, "UTF-8", 1);
		if (xmlOutputBufferGetContent(ob) && !ob->error)
			rc = cantine__buf_put(out, (const char *)xmlOutputBufferGetContent(ob),
					      xmlOutputBufferGetSize(ob));
		xmlOutputBufferClose(ob);
	}
	xmlFreeDoc(doc);
	return rc;
}
