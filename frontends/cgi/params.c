/*
 * params.c: the parameter table of cantine.cgi and its parser
 * (params.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <cantine/cantine.h>

#include "params.h"

#define PAGE_BIT(p) (1u << (p))
#define ALL_PAGES   ((1u << CGI_PAGE__MAX) - 1)
#define EXPORTS     (PAGE_BIT(CGI_PAGE_CALENDRIER) | PAGE_BIT(CGI_PAGE_MENUS_CSV))
#define POSTS       (PAGE_BIT(CGI_PAGE_COMMENTER) | PAGE_BIT(CGI_PAGE_TRAITER) | \
		     PAGE_BIT(CGI_PAGE_PROPOSER) | PAGE_BIT(CGI_PAGE_PUBLIER))
#define WEEKS       (PAGE_BIT(CGI_PAGE_COMITE) | PAGE_BIT(CGI_PAGE_GESTION))
#define AUDITS      (PAGE_BIT(CGI_PAGE_DEPARTEMENT) | PAGE_BIT(CGI_PAGE_AUDIT_COLLEGE))

static const char *const page_names[CGI_PAGE__MAX] = {
	"colleges", "semaine", "calendrier", "menus.csv", "style.css",
	"comite", "gestion", "departement", "audit-college",
	"commenter", "traiter", "proposer", "publier",
};

/* The value of ?sans= of each allergen, in the order of cantine_allergen:
 * ASCII, so that URLs stay readable; the page shows the French name. */
static const char *const allergen_codes[CANTINE_ALLERGEN__MAX] = {
	"gluten", "crustaces", "oeufs", "poisson", "arachides", "soja", "lait",
	"fruits-a-coque", "celeri", "moutarde", "sesame", "sulfites", "lupin",
	"mollusques",
};

typedef int (*validator)(cgi_request *req, const char *v);

static int v_page(cgi_request *req, const char *v);
static int v_uai(cgi_request *req, const char *v);
static int v_date(cgi_request *req, const char *v);
static int v_sans(cgi_request *req, const char *v);
static int v_du(cgi_request *req, const char *v);
static int v_au(cgi_request *req, const char *v);
static int v_dep(cgi_request *req, const char *v);
static int v_annee(cgi_request *req, const char *v);
static int v_jeton(cgi_request *req, const char *v);
static int v_texte(cgi_request *req, const char *v);
static int v_id(cgi_request *req, const char *v);

/* Every parameter: its name, the pages that read it, whether it may be
 * repeated, its validator and what it expects (for the 400 page).  A
 * later page (comments, audit) adds its bit to the parameters it reads
 * and its own rows here. */
static const struct {
	const char *name;
	unsigned    pages;
	int         repeat;
	validator   check;
	const char *expects;
} params[CGI_P__MAX] = {
	[CGI_P_PAGE] = { "page", ALL_PAGES, 0, v_page,
		"le nom d'une page : colleges, semaine, calendrier, menus.csv, style.css, "
		"comite, gestion, departement, audit-college, commenter, traiter, "
		"proposer ou publier" },
	[CGI_P_UAI] = { "uai", PAGE_BIT(CGI_PAGE_SEMAINE) | EXPORTS | WEEKS | POSTS |
		PAGE_BIT(CGI_PAGE_AUDIT_COLLEGE), 0, v_uai,
		"le code UAI d'un collège : 7 chiffres et une lettre majuscule, "
		"par exemple 0595871L" },
	[CGI_P_DATE] = { "date", PAGE_BIT(CGI_PAGE_SEMAINE) | WEEKS | POSTS, 0, v_date,
		"une date AAAA-MM-JJ qui existe, par exemple 2026-11-23" },
	[CGI_P_SANS] = { "sans", PAGE_BIT(CGI_PAGE_SEMAINE), 1, v_sans,
		"un allergène : gluten, crustaces, oeufs, poisson, arachides, soja, "
		"lait, fruits-a-coque, celeri, moutarde, sesame, sulfites, lupin "
		"ou mollusques" },
	[CGI_P_DU] = { "du", EXPORTS, 0, v_du,
		"une date AAAA-MM-JJ qui existe, au plus tard celle de « au »" },
	[CGI_P_AU] = { "au", EXPORTS, 0, v_au,
		"une date AAAA-MM-JJ qui existe, au plus 366 jours après celle de « du »" },
	[CGI_P_DEP] = { "dep", PAGE_BIT(CGI_PAGE_COLLEGES) | PAGE_BIT(CGI_PAGE_DEPARTEMENT),
		0, v_dep,
		"un code de département : 2 chiffres (59), 2A, 2B ou 3 chiffres (971)" },
	[CGI_P_ANNEE] = { "annee", AUDITS, 0, v_annee,
		"une année de 2000 à 2100, par exemple 2025" },
	[CGI_P_JETON] = { "jeton", POSTS, 0, v_jeton,
		"le jeton du formulaire, tel que la page l'a donné (rechargez-la)" },
	[CGI_P_TEXTE] = { "texte", PAGE_BIT(CGI_PAGE_COMMENTER), 0, v_texte,
		"un texte de 2000 octets au plus, sans caractère de contrôle" },
	[CGI_P_ID] = { "id", PAGE_BIT(CGI_PAGE_TRAITER), 0, v_id,
		"le numéro d'un commentaire (un entier positif)" },
};

const char *cgi_page_name(cgi_page p)
{
	return (unsigned)p < CGI_PAGE__MAX ? page_names[p] : NULL;
}

const char *cgi_param_name(cgi_param p)
{
	return (unsigned)p < CGI_P__MAX ? params[p].name : NULL;
}

const char *cgi_allergen_code(int allergen)
{
	return allergen >= 0 && allergen < CANTINE_ALLERGEN__MAX ? allergen_codes[allergen] : NULL;
}

static int v_page(cgi_request *req, const char *v)
{
	int p;

	for (p = 0; p < CGI_PAGE__MAX; p++)
		if (strcmp(v, page_names[p]) == 0) {
			req->page = (cgi_page)p;
			return 0;
		}
	return -1;
}

static int v_uai(cgi_request *req, const char *v)
{
	if (strlen(v) != 8 || cantine_uai_check(v) != 0)
		return -1;
	memcpy(req->uai, v, 9);
	return 0;
}

static int date_into(char out[11], const char *v)
{
	if (strlen(v) != 10 || cantine_date_check(v) != 0)
		return -1;
	memcpy(out, v, 11);
	return 0;
}

static int v_date(cgi_request *req, const char *v)
{
	return date_into(req->date, v);
}

static int v_du(cgi_request *req, const char *v)
{
	return date_into(req->du, v);
}

static int v_au(cgi_request *req, const char *v)
{
	return date_into(req->au, v);
}

static int v_sans(cgi_request *req, const char *v)
{
	int a;

	for (a = 0; a < CANTINE_ALLERGEN__MAX; a++)
		if (strcmp(v, allergen_codes[a]) == 0) {
			req->sans |= 1u << a;
			return 0;
		}
	return -1;
}

static int v_dep(cgi_request *req, const char *v)
{
	size_t n = strlen(v);
	int digits = n >= 2 && n <= 3 && v[0] >= '0' && v[0] <= '9' &&
		     v[1] >= '0' && v[1] <= '9' && (n == 2 || (v[2] >= '0' && v[2] <= '9'));

	if (!digits && strcmp(v, "2A") != 0 && strcmp(v, "2B") != 0)
		return -1;
	/* 3 digits: the overseas départements, 971 to 976. */
	if (n == 3 && (v[0] != '9' || v[1] != '7' || v[2] < '1' || v[2] > '6'))
		return -1;
	if (n == 2 && strcmp(v, "00") == 0)
		return -1;
	memcpy(req->dep, v, n + 1);
	return 0;
}

static int v_annee(cgi_request *req, const char *v)
{
	int y = 0, i;

	if (strlen(v) != 4)
		return -1;
	for (i = 0; i < 4; i++) {
		if (v[i] < '0' || v[i] > '9')
			return -1;
		y = y * 10 + (v[i] - '0');
	}
	if (y < 2000 || y > 2100)
		return -1;
	req->annee = y;
	return 0;
}

/* The shape of a token (the library checks its signature): digits, dots
 * and lower-case hexadecimal. */
static int v_jeton(cgi_request *req, const char *v)
{
	size_t i;

	if (strlen(v) != CGI_TOKEN_LEN)
		return -1;
	for (i = 0; i < CGI_TOKEN_LEN; i++)
		if (!((v[i] >= '0' && v[i] <= '9') || (v[i] >= 'a' && v[i] <= 'f') || v[i] == '.'))
			return -1;
	memcpy(req->jeton, v, CGI_TOKEN_LEN + 1);
	return 0;
}

/* A comment: what a <textarea> sends, CR LF as line ends (HTML's form
 * serialization); kept with LF.  Emptiness is the library's to judge. */
static int v_texte(cgi_request *req, const char *v)
{
	size_t i, o = 0;

	for (i = 0; v[i]; i++) {
		if (v[i] == '\r') {
			req->texte[o++] = '\n';
			if (v[i + 1] == '\n')
				i++;
		} else {
			req->texte[o++] = v[i];
		}
		if (o > CGI_TEXT_MAX)
			return -1;
	}
	req->texte[o] = '\0';
	return 0;
}

static int v_id(cgi_request *req, const char *v)
{
	long long id = 0;
	size_t i, n = strlen(v);

	if (n == 0 || n > 15 || v[0] == '0')
		return -1;
	for (i = 0; i < n; i++) {
		if (v[i] < '0' || v[i] > '9')
			return -1;
		id = id * 10 + (v[i] - '0');
	}
	req->id = id;
	return 0;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Length of the UTF-8 sequence at s[0..n) (RFC 3629: no overlong form,
 * no surrogate, at most U+10FFFF), or 0 when invalid. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	size_t len, i;
	unsigned long cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		len = 2, cp = s[0] & 0x1F;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		len = 3, cp = s[0] & 0x0F;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		len = 4, cp = s[0] & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return len;
}

/* cgi_decode(), and when `lines`, line ends (CR, LF) are
 * allowed too: the text of a comment. */
static int decode(char *out, size_t n, const char *in, size_t len, int lines)
{
	size_t i, o = 0, k;

	if (n == 0)
		return -1;
	for (i = 0; i < len; i++) {
		int c = (unsigned char)in[i];

		if (c == '%') {
			int hi, lo;

			if (i + 2 >= len)
				return -1;
			hi = hexval(in[i + 1]);
			lo = hexval(in[i + 2]);
			if (hi < 0 || lo < 0)
				return -1;
			c = hi * 16 + lo;
			i += 2;
		} else if (c == '+') {
			c = ' ';
		}
		if (o + 1 >= n)
			return -1;
		out[o++] = (char)c;
	}
	out[o] = '\0';
	/* Valid UTF-8, and no control character (C0, DEL, C1). */
	for (i = 0; i < o; i += k) {
		const unsigned char *s = (const unsigned char *)out + i;

		k = utf8_len(s, o - i);
		if (lines && (s[0] == '\n' || s[0] == '\r'))
			continue;
		if (k == 0 || s[0] < 0x20 || s[0] == 0x7F ||
		    (k == 2 && s[0] == 0xC2 && s[1] < 0xA0))
			return -1;
	}
	return (int)o;
}

int cgi_decode(char *out, size_t n, const char *in, size_t len)
{
	return decode(out, n, in, len, 0);
}

/* The next name=value pair of q[*pos..len): its name and value spans;
 * empty pairs ("a=1&&b=2") are skipped.  @return 0 at the end, else 1. */
static int next_pair(const char *q, size_t len, size_t *pos, const char **name,
		     size_t *nlen, const char **value, size_t *vlen)
{
	size_t i, start, eq;

	while (*pos < len && q[*pos] == '&')
		(*pos)++;
	if (*pos >= len)
		return 0;
	start = *pos;
	for (i = start; i < len && q[i] != '&'; i++)
		;
	*pos = i;
	for (eq = start; eq < i && q[eq] != '='; eq++)
		;
	*name = q + start;
	*nlen = eq - start;
	*value = eq < i ? q + eq + 1 : q + i;
	*vlen = eq < i ? i - eq - 1 : 0;
	return 1;
}

__attribute__((format(printf, 3, 4)))
static int fail(cgi_request *req, int bad, const char *fmt, ...)
{
	va_list ap;

	req->bad = bad;
	va_start(ap, fmt);
	vsnprintf(req->why, sizeof(req->why), fmt, ap);
	va_end(ap);
	return -1;
}

/* One parameter's value, read when the page reads it. */
static int take(cgi_request *req, cgi_param p, const char *v, int page_known)
{
	char msg[320];

	if (!page_known && p != CGI_P_PAGE)
		return 0;
	if (page_known && (p == CGI_P_PAGE || !(params[p].pages & PAGE_BIT(req->page))))
		return 0; /* page: read in the first pass; others: not for this page */
	if ((req->given & (1u << p)) && !params[p].repeat)
		return fail(req, (int)p, "Le paramètre « %s » est donné plusieurs fois ; "
			    "donnez-le une seule fois.", params[p].name);
	if (params[p].check(req, v) != 0) {
		snprintf(msg, sizeof(msg), "Le paramètre « %s » n'a pas une valeur valable : "
			 "il attend %s.", params[p].name, params[p].expects);
		req->bad = (int)p;
		memcpy(req->why, msg, sizeof(msg));
		return -1;
	}
	req->given |= 1u << p;
	return 0;
}

static int parse(cgi_request *req, const char *q, size_t len, size_t max, int forced)
{
	char name[CGI_VALUE_MAX + 1], value[CGI_TEXT_MAX + 1];
	const char *n, *v;
	size_t nlen, vlen, pos, pairs = 0;
	int pass, p;

	memset(req, 0, sizeof(*req));
	req->page = forced >= 0 ? (cgi_page)forced : CGI_PAGE_COLLEGES;
	req->bad = -1;
	if (len > max)
		return fail(req, -1, "La requête est trop longue (plus de %zu octets).", max);
	/* First the page, which says which parameters are read. */
	for (pass = forced >= 0; pass < 2; pass++) {
		for (pos = 0; next_pair(q, len, &pos, &n, &nlen, &v, &vlen);) {
			if (pass == (forced >= 0) && ++pairs > CGI_PAIRS_MAX)
				return fail(req, -1, "La requête a trop de paramètres (plus de %s).", "64");
			if (cgi_decode(name, sizeof(name), n, nlen) < 0) {
				/* A name too long is no parameter of ours: ignored.  A
				 * malformed one makes the query malformed. */
				if (nlen > CGI_VALUE_MAX)
					continue;
				return fail(req, -1, "La requête est mal formée : un nom de "
					    "paramètre %s.", "n'est pas un texte UTF-8 valable, "
					    "contient un caractère de contrôle ou un « % » mal formé");
			}
			for (p = 0; p < CGI_P__MAX; p++)
				if (strcmp(name, params[p].name) == 0)
					break;
			/* Values up to CGI_VALUE_MAX bytes; a comment's text longer,
			 * with its line ends. */
			if (decode(value, p == CGI_P_TEXTE ? sizeof(value) : CGI_VALUE_MAX + 1,
				   v, vlen, p == CGI_P_TEXTE) < 0) {
				if (p == CGI_P__MAX)
					continue; /* unknown: ignored whatever its value */
				if (pass == 1 && p != CGI_P_PAGE &&
				    !(params[p].pages & PAGE_BIT(req->page)))
					continue;
				if (pass == 0 && p != CGI_P_PAGE)
					continue;
				return fail(req, p, "Le paramètre « %s » n'a pas une valeur valable : "
					    "trop longue, pas un texte UTF-8 valable ou avec un « %% » "
					    "mal formé.", params[p].name);
			}
			if (p < CGI_P__MAX && take(req, (cgi_param)p, value, pass == 1))
				return -1;
		}
	}
	/* What no single parameter can tell. */
	if ((req->given & (1u << CGI_P_DU)) && (req->given & (1u << CGI_P_AU))) {
		char limit[11];

		if (strcmp(req->du, req->au) > 0)
			return fail(req, CGI_P_AU, "La période est à l'envers : « au » (%s) est "
				    "avant « du ».", req->au);
		if (cantine_date_add(limit, req->du, 366) == 0 && strcmp(req->au, limit) > 0)
			return fail(req, CGI_P_AU, "La période est trop longue : %s ; "
				    "« au » doit être au plus 366 jours après « du ».", "raccourcissez-la");
	}
	/* A form's address names its page; its fields come in the body. */
	if (cgi_page_is_post(req->page) && forced < 0)
		goto ok;
	if ((req->page == CGI_PAGE_SEMAINE || req->page == CGI_PAGE_CALENDRIER ||
	     req->page == CGI_PAGE_MENUS_CSV || req->page == CGI_PAGE_AUDIT_COLLEGE ||
	     cgi_page_is_post(req->page)) && !(req->given & (1u << CGI_P_UAI)))
		return fail(req, CGI_P_UAI, "Il manque le paramètre « uai » : le code UAI "
			    "du collège, par exemple %s.", "uai=0595871L");
	/* What each form needs (the token is checked by the library: without
	 * one, the answer is 403). */
	if ((req->page == CGI_PAGE_COMMENTER || req->page == CGI_PAGE_PROPOSER ||
	     req->page == CGI_PAGE_PUBLIER) && !(req->given & (1u << CGI_P_DATE)))
		return fail(req, CGI_P_DATE, "Il manque le paramètre « date » : %s.",
			    "le jour, AAAA-MM-JJ");
	if (req->page == CGI_PAGE_COMMENTER && !(req->given & (1u << CGI_P_TEXTE)))
		return fail(req, CGI_P_TEXTE, "Il manque le paramètre « texte » : %s.",
			    "le commentaire");
	if (req->page == CGI_PAGE_TRAITER && !(req->given & (1u << CGI_P_ID)))
		return fail(req, CGI_P_ID, "Il manque le paramètre « id » : %s.",
			    "le numéro du commentaire");
ok:
	req->bad = -1;
	req->why[0] = '\0';
	return 0;
}

int cgi_parse(cgi_request *req, const char *q, size_t len)
{
	return parse(req, q, len, CGI_QUERY_MAX, -1);
}

int cgi_parse_form(cgi_request *req, cgi_page page, const char *body, size_t len)
{
	return parse(req, body, len, CGI_BODY_MAX, (int)page);
}

int cgi_page_is_post(cgi_page p)
{
	return (unsigned)p < CGI_PAGE__MAX && (POSTS & PAGE_BIT(p)) != 0;
}
