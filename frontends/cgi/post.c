/*
 * post.c: the forms' actions (docs/cgi.md, "Forms"): add a comment, mark
 * one handled, propose or publish a week.
 *
 * Checked in this order, each refusal writing nothing: the page named by
 * the query string takes POST (else 405); CONTENT_LENGTH is given (411)
 * and at most CGI_BODY_MAX (413, the body left unread); the body is a
 * form (415); the Origin header is this server's (403: a page of another
 * site cannot make a logged-in browser post here); the body is read and
 * every field validated (400); then the library checks REMOTE_USER's role
 * and spends the form's single-use token in the transaction of the write
 * (403 when either fails).  Success is 303 to the page of the form
 * (Post/Redirect/Get: reloading it does not post again).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html.h"
#include "pages.h"
#include "pages_auth.h"
#include "params.h"

/* The scheme, host and port this request came to, as a browser writes it
 * in Origin (RFC 6454): "http://127.0.0.1:8080".  The Host header when
 * given, else SERVER_NAME and SERVER_PORT; default ports left out. */
static int own_origin(char *out, size_t n)
{
	const char *https = getenv("HTTPS"), *host = getenv("HTTP_HOST");
	const char *name = getenv("SERVER_NAME"), *port = getenv("SERVER_PORT");
	int tls = https && (strcasecmp(https, "on") == 0 || strcmp(https, "1") == 0);
	int w;

	if (host && *host)
		w = snprintf(out, n, "%s://%s", tls ? "https" : "http", host);
	else if (name && *name && port && *port &&
		 strcmp(port, tls ? "443" : "80") != 0)
		w = snprintf(out, n, "%s://%s:%s", tls ? "https" : "http", name, port);
	else if (name && *name)
		w = snprintf(out, n, "%s://%s", tls ? "https" : "http", name);
	else
		return -1;
	return w > 0 && (size_t)w < n ? 0 : -1;
}

/* CONTENT_LENGTH: a decimal number; -1 when absent or malformed. */
static long content_length(void)
{
	const char *v = getenv("CONTENT_LENGTH");
	long n = 0;

	if (!v || !*v || strlen(v) > 9)
		return -1;
	for (; *v; v++) {
		if (*v < '0' || *v > '9')
			return -1;
		n = n * 10 + (*v - '0');
	}
	return n;
}

/* application/x-www-form-urlencoded, with an optional charset=utf-8. */
static int form_type(void)
{
	const char *t = getenv("CONTENT_TYPE");
	static const char form[] = "application/x-www-form-urlencoded";
	size_t n = sizeof(form) - 1;

	if (!t || strncasecmp(t, form, n) != 0)
		return 0;
	t += n;
	while (*t == ' ')
		t++;
	if (*t == '\0')
		return 1;
	if (*t != ';')
		return 0;
	for (t++; *t == ' '; t++)
		;
	return strcasecmp(t, "charset=utf-8") == 0 || strcasecmp(t, "charset=\"utf-8\"") == 0;
}

/* The page a form goes back to, as an absolute path (SCRIPT_NAME). */
static void back_to(char *out, size_t n, const cgi_request *req)
{
	const char *script = getenv("SCRIPT_NAME");
	const char *kv[] = { "uai", req->uai, "date", req->given & (1u << CGI_P_DATE)
			     ? req->date : NULL };
	char url[256];
	const char *page = req->page == CGI_PAGE_COMMENTER ? "comite" : "gestion";

	if (html_url(url, sizeof(url), page, kv, 2) != 0)
		snprintf(url, sizeof(url), "?page=%s", page);
	snprintf(out, n, "%s%s", script && script[0] == '/' ? script : "", url);
}

/* What the library said, as an answer. */
static int refused(cgi_body *b, cantine_ctx *ctx, int rc)
{
	switch (rc) {
	case CANTINE_EDENIED:
		return page_error(b, 403, "Accès refusé", cantine_errmsg(ctx));
	case CANTINE_EINVAL:
		return page_error(b, 400, "Formulaire incorrect", cantine_errmsg(ctx));
	case CANTINE_ENOTFOUND:
		return page_error(b, 404, "Introuvable", cantine_errmsg(ctx));
	default:
		fprintf(stderr, "cantine.cgi : formulaire : %s\n", cantine_errmsg(ctx));
		return -1;
	}
}

static int act(cgi_body *b, cantine_ctx *ctx, const cgi_request *req)
{
	const char *user = cgi_remote_user();
	const char *token = req->given & (1u << CGI_P_JETON) ? req->jeton : NULL;
	static char location[512];
	int rc;

	switch (req->page) {
	case CGI_PAGE_COMMENTER:
		rc = cantine_comment_add(ctx, user, token, req->uai, req->date, req->texte, NULL);
		break;
	case CGI_PAGE_TRAITER:
		rc = cantine_comment_handle(ctx, user, token, req->uai, req->id);
		break;
	case CGI_PAGE_PROPOSER:
	case CGI_PAGE_PUBLIER:
		rc = cantine_week_set_status(ctx, user, token, req->uai, req->date,
					     req->page == CGI_PAGE_PROPOSER
					     ? CANTINE_STATUS_PROPOSED : CANTINE_STATUS_PUBLISHED,
					     NULL);
		break;
	default:
		return -1;
	}
	if (rc)
		return refused(b, ctx, rc);
	back_to(location, sizeof(location), req);
	if (page_error(b, 303, "Enregistré", "C'est enregistré. Revenez à la page "
		       "précédente pour voir le résultat."))
		return -1;
	b->location = location;
	return 0;
}

int cgi_post(cgi_body *b)
{
	const char *qs = getenv("QUERY_STRING"), *origin = getenv("HTTP_ORIGIN");
	char own[300], *body;
	cantine_ctx *ctx = NULL;
	cgi_request req;
	cgi_page page;
	long len;
	size_t got;
	int rc;

	if (cgi_parse(&req, qs ? qs : "", qs ? strlen(qs) : 0))
		return page_error(b, 400, "Adresse incorrecte", req.why);
	page = req.page;
	if (!cgi_page_is_post(page)) {
		b->allow = "GET, HEAD";
		return page_error(b, 405, "Méthode non acceptée", "Cette page se lit seulement "
				  "(méthodes GET et HEAD).");
	}
	len = content_length();
	if (len < 0)
		return page_error(b, 411, "Longueur manquante", "La longueur du formulaire "
				  "(Content-Length) manque.");
	if (len > CGI_BODY_MAX)
		return page_error(b, 413, "Formulaire trop long", "Le formulaire dépasse "
				  "8192 octets : raccourcissez le texte.");
	if (!form_type())
		return page_error(b, 415, "Formulaire incorrect", "Le formulaire doit être "
				  "envoyé en application/x-www-form-urlencoded.");
	if (!origin || own_origin(own, sizeof(own)) || strcmp(origin, own) != 0)
		return page_error(b, 403, "Accès refusé", "Ce formulaire ne vient pas de ce "
				  "site (en-tête Origin absent ou différent) : rien n'a été "
				  "enregistré.");
	body = malloc((size_t)len + 1);
	if (!body)
		return -1;
	got = fread(body, 1, (size_t)len, stdin);
	if (got != (size_t)len) {
		free(body);
		return page_error(b, 400, "Formulaire incomplet", "Le formulaire est arrivé "
				  "incomplet : renvoyez-le.");
	}
	rc = cgi_parse_form(&req, page, body, got);
	free(body);
	if (rc)
		return page_error(b, 400, "Formulaire incorrect", req.why);
	if (cgi_open_store(&ctx, 0)) {
		cantine_ctx_free(ctx);
		return page_error(b, 503, "Menus indisponibles", "Le formulaire ne peut pas "
				  "être enregistré pour le moment. Réessayez plus tard.");
	}
	rc = act(b, ctx, &req);
	cantine_ctx_free(ctx);
	return rc;
}
