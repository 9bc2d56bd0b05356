/*
 * pages.h: the HTML pages of cantine.cgi.  Each builds its whole body
 * (malloc'ed, *out of *len bytes) and says its HTTP status; the caller
 * sends the headers.
 */
#ifndef CANTINE_CGI_PAGES_H
#define CANTINE_CGI_PAGES_H

#include <stddef.h>

#include <cantine/cantine.h>

#include "params.h"

/* What a page gives back. */
typedef struct cgi_body {
	int         status;   /* 200, 404, … */
	const char *type;     /* Content-Type */
	const char *filename; /* for Content-Disposition, or NULL */
	char       *data;     /* malloc'ed */
	size_t      len;
	int         priv;     /* private data (a role's page): "Cache-Control:
	                       * private, no-store", no ETag */
	const char *location; /* for a 303 after a POST */
	const char *allow;    /* for a 405: the methods allowed */
	const char *etag;     /* a public page's validator (main.c), or NULL */
} cgi_body;

/* The list of collèges. */
int page_colleges(cgi_body *b, cantine_ctx *ctx, const cgi_request *req);
/* The published menus of one week of one collège. */
int page_semaine(cgi_body *b, cantine_ctx *ctx, const cgi_request *req);
/* A page that says what went wrong, in French, with `status`. */
int page_error(cgi_body *b, int status, const char *title, const char *message);

#endif
