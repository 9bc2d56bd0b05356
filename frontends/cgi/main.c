/*
 * main.c: cantine.cgi, the web pages of the menus (docs/cgi.md).
 *
 * Thin, as ARCHITECTURE §9 wants it: read the request, check every
 * parameter against the table of params.c, open the store read-only,
 * call the library, send the page with its headers.  The store is named
 * by the CANTINE_DB environment variable, which the web server sets.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <cantine/cantine.h>

#include "pages.h"
#include "pages_auth.h"
#include "params.h"

/* The plugins compiled into the program (CANTINE_PLUGIN_BUILTIN). */
const cantine_plugin *cantine_builtin_plugin_nutrition(void);
const cantine_plugin *cantine_builtin_plugin_egalim(void);

/* The style sheet, embedded at build time from cantine.css. */
extern const char cantine_cgi_css[];
extern const size_t cantine_cgi_css_size;

/* Headers of every answer.  No script at all, styles only from the
 * style sheet (no inline style), forms only to this program. */
static const char security_headers[] =
	"Content-Security-Policy: default-src 'none'; style-src 'self'; img-src 'self'; "
	"form-action 'self'; base-uri 'none'; frame-ancestors 'none'\r\n"
	"X-Content-Type-Options: nosniff\r\n"
	"Referrer-Policy: same-origin\r\n";

static const char *reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 303: return "See Other";
	case 304: return "Not Modified";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 411: return "Length Required";
	case 413: return "Content Too Large";
	case 415: return "Unsupported Media Type";
	case 503: return "Service Unavailable";
	default:  return "Internal Server Error";
	}
}

/* FNV-1a, 64 bits: for validators, not a secret. */
static unsigned long long fnv1a(unsigned long long h, const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)p[i];
		h *= 1099511628211ULL;
	}
	return h;
}

/* Does If-None-Match (RFC 9110 §13.1.2: "*" or a list of entity tags,
 * compared weakly) name `etag`? */
static int etag_matches(const char *inm, const char *etag)
{
	size_t n = strlen(etag);
	const char *p = inm;

	if (!p)
		return 0;
	while (*p) {
		while (*p == ' ' || *p == '\t' || *p == ',')
			p++;
		if (*p == '*')
			return 1;
		if (strncmp(p, "W/", 2) == 0)
			p += 2;
		if (strncmp(p, etag, n) == 0 && (p[n] == '\0' || p[n] == ',' ||
						 p[n] == ' ' || p[n] == '\t'))
			return 1;
		/* Skip this tag: a quoted string, then up to the next comma. */
		if (*p == '"')
			for (p++; *p && *p != '"'; p++)
				;
		while (*p && *p != ',')
			p++;
	}
	return 0;
}

/* FNV-1a over what stat() says of `path` that changes when the file is
 * written: device, inode, size, modification time to the nanosecond.  A
 * missing file and, when `empty_is_missing`, an empty one hash as "-":
 * the first reader of a WAL store creates an empty WAL file, which
 * changes nothing in the store. */
static unsigned long long fnv_stat(unsigned long long h, const char *path,
				   int empty_is_missing)
{
	struct stat st;
	char buf[160];
	int n;

	if (stat(path, &st) != 0 || (empty_is_missing && st.st_size == 0))
		return fnv1a(h, "-", 1);
	n = snprintf(buf, sizeof(buf), "%llu:%llu:%lld:%lld.%09ld", (unsigned long long)st.st_dev,
		     (unsigned long long)st.st_ino, (long long)st.st_size,
		     (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
	return fnv1a(h, buf, (size_t)n);
}

/*
 * The validator of a public page, computed before the page is built so
 * that a page viewed again is answered 304 without opening the store:
 * everything a public page depends on, hashed.  The request (the
 * parameters the page reads, as parsed: an ignored parameter or another
 * spelling of the same value gives the same tag; the user), the day (the week shown by default, the year of the
 * EGALIM shares), the program (its file: a new build serves new pages)
 * and, unless `store` is 0, the store and its WAL file: every commit
 * writes the WAL (size or modification time), every checkpoint the
 * store.  A strong ETag (RFC 9110
 * §8.8.3): the same tag always comes with the same bytes.
 */
static void state_etag(char out[40], const cgi_request *req, int store)
{
	const char *user = getenv("REMOTE_USER"), *db = getenv("CANTINE_DB");
	unsigned long long h = 14695981039346656037ULL;
	char today[11], wal[4096], r[96];
	unsigned g = req->given;
	time_t now = time(NULL);
	struct tm tm;
	int n;

	localtime_r(&now, &tm);
	strftime(today, sizeof(today), "%Y-%m-%d", &tm);
	h = fnv1a(h, cantine_version(), strlen(cantine_version()));
	h = fnv_stat(h, "/proc/self/exe", 0);
	n = snprintf(r, sizeof(r), "%d|%x|%s|%s|%s|%s|%s|%x|%d", (int)req->page, g,
		     g & (1u << CGI_P_UAI) ? req->uai : "", g & (1u << CGI_P_DATE) ? req->date : "",
		     g & (1u << CGI_P_DU) ? req->du : "", g & (1u << CGI_P_AU) ? req->au : "",
		     g & (1u << CGI_P_DEP) ? req->dep : "", g & (1u << CGI_P_SANS) ? req->sans : 0,
		     g & (1u << CGI_P_ANNEE) ? req->annee : 0);
	h = fnv1a(h, r, (size_t)n);
	h = fnv1a(h, user ? user : "", user ? strlen(user) + 1 : 0);
	h = fnv1a(h, today, sizeof(today));
	if (store && db && *db && snprintf(wal, sizeof(wal), "%s-wal", db) < (int)sizeof(wal)) {
		h = fnv_stat(h, db, 0);
		h = fnv_stat(h, wal, 1);
	}
	snprintf(out, 40, "\"%016llx\"", h);
}

/*
 * Send an answer.  A public 200 carries the ETag of state_etag(), and
 * "no-cache" makes browsers ask each time: a 304 costs no page.  A
 * role's page is private and never stored; errors are never cached.
 */
static void send(const cgi_body *b, int head_only)
{
	if (b->status == 304) {
		printf("Status: 304 Not Modified\r\nETag: %s\r\nCache-Control: no-cache\r\n%s\r\n",
		       b->etag, security_headers);
		return;
	}
	printf("Status: %d %s\r\nContent-Type: %s\r\nContent-Length: %zu\r\n"
	       "Content-Language: fr\r\n%s", b->status, reason(b->status), b->type, b->len,
	       security_headers);
	if (b->priv)
		printf("Cache-Control: private, no-store\r\n");
	else if (b->status == 200 && b->etag)
		printf("ETag: %s\r\nCache-Control: no-cache\r\n", b->etag);
	else
		printf("Cache-Control: no-store\r\n");
	if (b->status == 405)
		printf("Allow: %s\r\n", b->allow ? b->allow : "GET, HEAD");
	if (b->location)
		printf("Location: %s\r\n", b->location);
	if (b->filename)
		printf("Content-Disposition: inline; filename=\"%s\"\r\n", b->filename);
	printf("\r\n");
	if (!head_only)
		fwrite(b->data, 1, b->len, stdout);
}

/* The last resort when even an error page cannot be built. */
static void send_plain_500(void)
{
	static const char msg[] = "Erreur interne du serveur des menus.\n";

	printf("Status: 500 Internal Server Error\r\nContent-Type: text/plain; charset=utf-8\r\n"
	       "Content-Length: %zu\r\nCache-Control: no-store\r\n%s\r\n%s",
	       sizeof(msg) - 1, security_headers, msg);
}

/* A body owned by the program (the embedded style sheet, a library
 * buffer): copied, so that every body is freed the same way. */
static int body_copy(cgi_body *b, const char *type, const char *data, size_t len)
{
	b->status = 200;
	b->type = type;
	b->data = malloc(len ? len : 1);
	if (!b->data)
		return -1;
	memcpy(b->data, data, len);
	b->len = len;
	return 0;
}

/* The period of an export: ?du= and ?au=; else 34 weeks from the Monday
 * four weeks before this week (the feed a calendar subscribes to), from
 * ?du= alone, or up to ?au= alone. */
static void period(const cgi_request *req, char du[11], char au[11])
{
	time_t now = time(NULL);
	struct tm tm;
	char today[11], monday[11];

	localtime_r(&now, &tm);
	strftime(today, sizeof(today), "%Y-%m-%d", &tm);
	cantine_date_monday(monday, today);
	if (req->given & (1u << CGI_P_DU))
		memcpy(du, req->du, 11);
	else if (req->given & (1u << CGI_P_AU))
		cantine_date_add(du, req->au, -34 * 7);
	else
		cantine_date_add(du, monday, -4 * 7);
	if (req->given & (1u << CGI_P_AU))
		memcpy(au, req->au, 11);
	else
		cantine_date_add(au, du, 34 * 7);
}

/* The iCalendar feed or the SCDL CSV of the published menus. */
static int page_export(cgi_body *b, cantine_ctx *ctx, const cgi_request *req)
{
	static char filename[64];
	cantine_buf out = CANTINE_BUF_INIT;
	char du[11], au[11];
	int ical = req->page == CGI_PAGE_CALENDRIER, rc;
	unsigned published = 1u << CANTINE_STATUS_PUBLISHED;

	period(req, du, au);
	rc = ical ? cantine_export_ical(ctx, req->uai, du, au, published, &out)
		  : cantine_export_scdl(ctx, req->uai, du, au, published, &out);
	if (rc == CANTINE_ENOTFOUND)
		return page_error(b, 404, "Collège inconnu", "Aucun collège n'a ce code UAI. "
				  "Choisissez-le dans la liste des collèges.");
	if (rc == CANTINE_EINVAL)
		return page_error(b, 409, "Export impossible", cantine_errmsg(ctx));
	if (rc)
		return -1;
	rc = body_copy(b, ical ? "text/calendar; charset=utf-8"
		       : "text/csv; charset=utf-8; header=present", out.ptr ? out.ptr : "", out.size);
	snprintf(filename, sizeof(filename), "menus-%s-%s-%s.%s", req->uai, du, au,
		 ical ? "ics" : "csv");
	b->filename = filename;
	cantine_buf_dispose(&out);
	return rc;
}

/* The pages, by cgi_page.  A later part adds its pages here (committee,
 * département audit) with the roles allowed to see them. */
typedef int (*page_fn)(cgi_body *b, cantine_ctx *ctx, const cgi_request *req);
static const page_fn pages[CGI_PAGE__MAX] = {
	[CGI_PAGE_COLLEGES] = page_colleges,
	[CGI_PAGE_SEMAINE] = page_semaine,
	[CGI_PAGE_CALENDRIER] = page_export,
	[CGI_PAGE_MENUS_CSV] = page_export,
	[CGI_PAGE_STYLE] = NULL, /* needs no store */
	/* A role's pages (pages_auth.c): each checks REMOTE_USER's role. */
	[CGI_PAGE_COMITE] = page_comite,
	[CGI_PAGE_GESTION] = page_gestion,
	[CGI_PAGE_DEPARTEMENT] = page_departement,
	[CGI_PAGE_AUDIT_COLLEGE] = page_audit_college,
	/* The forms' actions are POST only (post.c). */
};

int cgi_open_store(cantine_ctx **ctx, unsigned flags)
{
	const char *db = getenv("CANTINE_DB");
	int rc;

	*ctx = NULL;
	if (!db || !*db) {
		fprintf(stderr, "cantine.cgi : la variable CANTINE_DB (chemin de la base) "
			"n'est pas définie dans la configuration du serveur web\n");
		return -1;
	}
	/* GETs only read: the store is opened read-only; a POST writes. */
	if ((rc = cantine_ctx_open(ctx, db, flags)) ||
	    (rc = cantine_plugin_register(*ctx, cantine_builtin_plugin_nutrition())) ||
	    (rc = cantine_plugin_register(*ctx, cantine_builtin_plugin_egalim()))) {
		fprintf(stderr, "cantine.cgi : %s : %s\n", db, *ctx ? cantine_errmsg(*ctx)
			: "mémoire insuffisante");
		return -1;
	}
	return 0;
}

/* The pages anyone may see (the others check a role and are private). */
static int is_public(cgi_page p)
{
	return p == CGI_PAGE_COLLEGES || p == CGI_PAGE_SEMAINE || p == CGI_PAGE_CALENDRIER ||
	       p == CGI_PAGE_MENUS_CSV || p == CGI_PAGE_STYLE;
}

static int handle(cgi_body *b, const char *method)
{
	static char etag[40];
	const char *qs = getenv("QUERY_STRING");
	cantine_ctx *ctx = NULL;
	cgi_request req;
	int rc;

	if (strcmp(method, "POST") == 0)
		return cgi_post(b);
	if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
		return page_error(b, 405, "Méthode non acceptée", "Ces pages se lisent "
				  "seulement (méthodes GET et HEAD).");
	if (cgi_parse(&req, qs ? qs : "", qs ? strlen(qs) : 0))
		return page_error(b, 400, "Adresse incorrecte", req.why);
	if (cgi_page_is_post(req.page)) {
		b->allow = "POST";
		return page_error(b, 405, "Méthode non acceptée", "Cette adresse reçoit "
				  "seulement les formulaires envoyés (méthode POST).");
	}
	if (is_public(req.page)) {
		state_etag(etag, &req, req.page != CGI_PAGE_STYLE);
		b->etag = etag;
		if (etag_matches(getenv("HTTP_IF_NONE_MATCH"), etag)) {
			b->status = 304;
			return 0;
		}
	}
	if (req.page == CGI_PAGE_STYLE)
		return body_copy(b, "text/css; charset=utf-8", cantine_cgi_css,
				 cantine_cgi_css_size);
	if (cgi_open_store(&ctx, CANTINE_OPEN_READONLY)) {
		cantine_ctx_free(ctx);
		return page_error(b, 503, "Menus indisponibles", "Les menus ne peuvent pas "
				  "être lus pour le moment. Réessayez plus tard.");
	}
	rc = pages[req.page](b, ctx, &req);
	if (rc)
		fprintf(stderr, "cantine.cgi : page %s : %s\n", cgi_page_name(req.page),
			cantine_errmsg(ctx));
	cantine_ctx_free(ctx);
	return rc;
}

int main(void)
{
	const char *method = getenv("REQUEST_METHOD");
	cgi_body b = { 0 };

	if (!method) {
		fprintf(stderr, "cantine.cgi : programme CGI, à lancer par un serveur web "
			"(voir docs/cgi.md)\n");
		return 2;
	}
	if (handle(&b, method) != 0) {
		free(b.data);
		b.data = NULL;
		if (page_error(&b, 500, "Erreur interne", "La page n'a pas pu être construite. "
			       "Réessayez plus tard.") != 0) {
			send_plain_500();
			free(b.data);
			return 0;
		}
	}
	send(&b, strcmp(method, "HEAD") == 0);
	free(b.data);
	return fflush(stdout) == 0 ? 0 : 1;
}
