/*
 * fuzz_cgi_params.c: libFuzzer harness for cantine.cgi's query-string
 * and form parser (frontends/cgi/params.c).  Any input gives either a
 * request whose every value passed its validator, or a refusal with a
 * French message; the decoder never writes past its buffer and gives
 * only valid UTF-8 without control characters.  Every input is also read
 * as the POST body of each form (cgi_parse_form()): a comment keeps only
 * line feeds, a token has its shape, each form got what it needs.
 */
#include <stdlib.h>
#include <string.h>

#include <cantine/cantine.h>

#include "params.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

/* Valid UTF-8 (what every message must be: a cut in the middle of a
 * character would show as garbage).  Structure only: lead and
 * continuation bytes. */
static int utf8_ok(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int k;

	while (*p) {
		int n = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 ? 1 : (*p & 0xF0) == 0xE0 ? 2
			: (*p & 0xF8) == 0xF0 ? 3 : -1;

		if (n < 0 || *p < 0x20)
			return 0;
		for (k = 1; k <= n; k++)
			if ((p[k] & 0xC0) != 0x80)
				return 0;
		p += n + 1;
	}
	return 1;
}

static void check_decode(const unsigned char *data, size_t size)
{
	char out[CGI_VALUE_MAX + 1];
	int n = cgi_decode(out, sizeof(out), (const char *)data, size);
	int i;

	if (n < 0)
		return;
	if ((size_t)n > size || out[n] != '\0' || (int)strlen(out) != n)
		abort();
	for (i = 0; i < n; i++)
		if ((unsigned char)out[i] < 0x20 || out[i] == 0x7F)
			abort();
}

/* A form body accepted for `page`. */
static void check_form(const cgi_request *req, cgi_page page)
{
	size_t i, n;

	if (req->page != page || req->bad != -1 || req->why[0] || req->given >> CGI_P__MAX)
		abort();
	if (!(req->given & (1u << CGI_P_UAI)) || cantine_uai_check(req->uai) != 0)
		abort();
	if ((page == CGI_PAGE_COMMENTER || page == CGI_PAGE_PROPOSER ||
	     page == CGI_PAGE_PUBLIER) &&
	    (!(req->given & (1u << CGI_P_DATE)) || cantine_date_check(req->date) != 0))
		abort();
	if (page == CGI_PAGE_COMMENTER) {
		if (!(req->given & (1u << CGI_P_TEXTE)))
			abort();
		n = strlen(req->texte);
		if (n > CGI_TEXT_MAX)
			abort();
		for (i = 0; i < n; i++)
			if (((unsigned char)req->texte[i] < 0x20 && req->texte[i] != '\n') ||
			    req->texte[i] == 0x7F)
				abort();
	} else if (req->given & (1u << CGI_P_TEXTE)) {
		abort(); /* only the comment form reads a text */
	}
	if (page == CGI_PAGE_TRAITER && (!(req->given & (1u << CGI_P_ID)) || req->id < 1))
		abort();
	if (req->given & (1u << CGI_P_JETON)) {
		if (strlen(req->jeton) != CGI_TOKEN_LEN)
			abort();
		for (i = 0; i < CGI_TOKEN_LEN; i++)
			if (!strchr("0123456789abcdef.", req->jeton[i]))
				abort();
	}
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static const cgi_page forms[] = { CGI_PAGE_COMMENTER, CGI_PAGE_TRAITER,
					  CGI_PAGE_PROPOSER, CGI_PAGE_PUBLIER };
	cgi_request req;
	size_t f;
	int a;

	check_decode(data, size);
	for (f = 0; f < sizeof(forms) / sizeof(forms[0]); f++) {
		if (!cgi_page_is_post(forms[f]))
			abort();
		if (cgi_parse_form(&req, forms[f], (const char *)data, size) == 0)
			check_form(&req, forms[f]);
		else if (!req.why[0] || !utf8_ok(req.why))
			abort();
	}
	if (cgi_parse(&req, (const char *)data, size) == 0) {
		if (req.bad != -1 || req.why[0] || (unsigned)req.page >= CGI_PAGE__MAX ||
		    req.given >> CGI_P__MAX || req.sans >> CANTINE_ALLERGEN__MAX)
			abort();
		if ((req.given & (1u << CGI_P_UAI)) && cantine_uai_check(req.uai) != 0)
			abort();
		if ((req.given & (1u << CGI_P_DATE)) && cantine_date_check(req.date) != 0)
			abort();
		if ((req.given & (1u << CGI_P_DU)) && cantine_date_check(req.du) != 0)
			abort();
		if ((req.given & (1u << CGI_P_AU)) && cantine_date_check(req.au) != 0)
			abort();
		if ((req.given & (1u << CGI_P_DU)) && (req.given & (1u << CGI_P_AU)) &&
		    strcmp(req.du, req.au) > 0)
			abort();
		/* The pages that need a collège got one. */
		if ((req.page == CGI_PAGE_SEMAINE || req.page == CGI_PAGE_CALENDRIER ||
		     req.page == CGI_PAGE_MENUS_CSV) && !(req.given & (1u << CGI_P_UAI)))
			abort();
		for (a = 0; a < CANTINE_ALLERGEN__MAX; a++)
			if (!cgi_allergen_code(a))
				abort();
	} else {
		if (!req.why[0] || req.bad < -1 || req.bad >= CGI_P__MAX ||
		    memchr(req.why, '\0', sizeof(req.why)) == NULL || !utf8_ok(req.why))
			abort();
	}
	return 0;
}
