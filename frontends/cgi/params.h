/*
 * params.h: the parameters cantine.cgi accepts, and the parser of query
 * strings and application/x-www-form-urlencoded bodies.
 *
 * Every parameter is declared once, in the table of params.c, with the
 * pages that read it and its validator (after kcgi's khttp_parse(3)).
 * A parameter the table does not know, or one the requested page does
 * not read, is ignored; a malformed query or an invalid value of a
 * parameter the page reads makes the whole request invalid (400), with a
 * French message that names the parameter.  Pure functions: no I/O, no
 * allocation, so that the fuzz harness can drive them.
 */
#ifndef CANTINE_CGI_PARAMS_H
#define CANTINE_CGI_PARAMS_H

#include <stddef.h>

/* Limits: what no honest request needs. */
#define CGI_QUERY_MAX  4096 /* bytes of a query string or form body */
#define CGI_PAIRS_MAX  64   /* name=value pairs */
#define CGI_VALUE_MAX  256  /* bytes of one decoded value */
#define CGI_BODY_MAX   8192 /* bytes of a POST body (more: 413) */
#define CGI_TEXT_MAX   2000 /* bytes of the decoded `texte` (a comment,
                             * CANTINE_COMMENT_MAX) */
#define CGI_TOKEN_LEN  100  /* characters of `jeton` (CANTINE_TOKEN_LEN) */

/* The pages, by the value of ?page= (docs/cgi.md). */
typedef enum cgi_page {
	CGI_PAGE_COLLEGES,   /* "colleges" (default): the list of collèges */
	CGI_PAGE_SEMAINE,    /* "semaine": the published menus of a week */
	CGI_PAGE_CALENDRIER, /* "calendrier": iCalendar feed of the menus */
	CGI_PAGE_MENUS_CSV,  /* "menus.csv": SCDL menus collectifs CSV */
	CGI_PAGE_STYLE,      /* "style.css": the style sheet */
	/* Pages with a role (pages_auth.c): */
	CGI_PAGE_COMITE,     /* "comite": a collège's proposed weeks, comments */
	CGI_PAGE_GESTION,    /* "gestion": comments to handle, propose, publish */
	CGI_PAGE_DEPARTEMENT, /* "departement": the EGALIM audit of a year */
	CGI_PAGE_AUDIT_COLLEGE, /* "audit-college": one collège of the audit */
	/* POST only (forms of the pages above): */
	CGI_PAGE_COMMENTER,  /* "commenter": add a comment on a day */
	CGI_PAGE_TRAITER,    /* "traiter": mark a comment handled */
	CGI_PAGE_PROPOSER,   /* "proposer": propose a week */
	CGI_PAGE_PUBLIER,    /* "publier": publish a week */
	CGI_PAGE__MAX
} cgi_page;

/* The parameters, in the order of the table. */
typedef enum cgi_param {
	CGI_P_PAGE,  /* page=NAME */
	CGI_P_UAI,   /* uai=0595871L */
	CGI_P_DATE,  /* date=AAAA-MM-JJ: a day of the week shown */
	CGI_P_SANS,  /* sans=lait (repeatable): allergens to avoid */
	CGI_P_DU,    /* du=AAAA-MM-JJ: first day of an export */
	CGI_P_AU,    /* au=AAAA-MM-JJ: last day of an export */
	CGI_P_DEP,   /* dep=59: département of the list */
	CGI_P_ANNEE, /* annee=2025: year of the audit */
	CGI_P_JETON, /* jeton=…: a form's single-use token */
	CGI_P_TEXTE, /* texte=…: a comment */
	CGI_P_ID,    /* id=12: a comment */
	CGI_P__MAX
} cgi_param;

/* A parsed and validated request. */
typedef struct cgi_request {
	cgi_page page;
	unsigned given;        /* bits 1u << cgi_param of the parameters read */
	char     uai[9];       /* valid UAI when given */
	char     date[11];     /* valid date when given */
	char     du[11], au[11];
	char     dep[4];       /* "59", "2A", "971" */
	unsigned sans;         /* allergen bits (1u << cantine_allergen) */
	int      annee;        /* 2000 to 2100 when given */
	char     jeton[CGI_TOKEN_LEN + 1];
	char     texte[CGI_TEXT_MAX + 1]; /* line feeds as \n (CR LF and CR
	                                   * turned into LF) */
	long long id;          /* 1 or more when given */
	/* When the request is invalid: */
	int      bad;          /* the cgi_param at fault, or -1 when the query
	                        * itself is malformed */
	char     why[320];     /* French message, UTF-8 */
} cgi_request;

/*
 * Parse and validate the query string or form body `q` of `len` bytes
 * (need not be NUL-terminated) into `req`.
 * @return 0 when valid; -1 when invalid (req->bad and req->why say why).
 */
int cgi_parse(cgi_request *req, const char *q, size_t len);

/*
 * The same for the POST body (application/x-www-form-urlencoded, at most
 * CGI_BODY_MAX bytes) of `page`, which the query string named: the body
 * gives the parameters that page reads; a `page` in it is ignored.
 */
int cgi_parse_form(cgi_request *req, cgi_page page, const char *body, size_t len);

/* Is `p` answered to POST only (a form's action)? */
int cgi_page_is_post(cgi_page p);

/* Name of a page as in ?page=, or NULL. */
const char *cgi_page_name(cgi_page p);
/* Name of a parameter, or NULL. */
const char *cgi_param_name(cgi_param p);
/* The value of ?sans= for an allergen (cantine_allergen), or NULL. */
const char *cgi_allergen_code(int allergen);

/*
 * Percent-decode one name or value of `len` bytes ('+' is a space) into
 * out[0..n), NUL-terminated; the result must be valid UTF-8 without
 * control characters and NUL.
 * @return its length, or -1 (bad escape, invalid UTF-8, control
 *         character, too long).
 */
int cgi_decode(char *out, size_t n, const char *in, size_t len);

#endif
