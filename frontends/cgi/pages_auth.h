/*
 * pages_auth.h: the pages of a role (docs/cgi.md, "Roles"): the parents'
 * committee, the gestionnaire, the département, and the forms' actions.
 * Every one of them asks the library whether REMOTE_USER may see it
 * (cantine_access_may()) and answers 403 otherwise; what they show is
 * private ("Cache-Control: private, no-store").
 */
#ifndef CANTINE_CGI_PAGES_AUTH_H
#define CANTINE_CGI_PAGES_AUTH_H

#include "pages.h"

/* The user the web server authenticated (REMOTE_USER), NULL when none. */
const char *cgi_remote_user(void);

/* The store named by CANTINE_DB, opened with `flags` (main.c). */
int cgi_open_store(cantine_ctx **ctx, unsigned flags);

/* A collège's proposed week, each proposed day with its comments and,
 * for its committee, a comment form. */
int page_comite(cgi_body *b, cantine_ctx *ctx, const cgi_request *req);
/* The gestionnaire's week: statuses, comments to mark handled, the
 * forms to propose and publish it. */
int page_gestion(cgi_body *b, cantine_ctx *ctx, const cgi_request *req);
/* The EGALIM audit of a département and a year, with SVG charts. */
int page_departement(cgi_body *b, cantine_ctx *ctx, const cgi_request *req);
/* One collège of the audit: its figures and what it lacks. */
int page_audit_college(cgi_body *b, cantine_ctx *ctx, const cgi_request *req);

/* A POST: a form's action (post.c). */
int cgi_post(cgi_body *b);

#endif
