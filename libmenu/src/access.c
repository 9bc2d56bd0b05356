/*
 * access.c: users and their roles, who may do what, and the single-use
 * form tokens (cantine/access.h; docs/design.md "Access, comments and
 * form tokens").
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "access_int.h"
#include "audit_int.h"
#include "plan_int.h"
#include "sha256_int.h"
#include "text_int.h"

static const char *const role_names[CANTINE_ROLE__MAX] = {
	"public", "comite", "gestionnaire", "departement",
};

/* The actions' names in the signed part of a token. */
static const char *const action_names[CANTINE_ACT__MAX] = {
	"voir", "commenter", "lire", "traiter", "proposer", "publier", "audit",
};

const char *cantine_role_name(cantine_role r)
{
	return (unsigned)r < CANTINE_ROLE__MAX ? role_names[r] : NULL;
}

int cantine_role_parse(const char *text)
{
	char folded[32];
	int r;

	if (!text || !cantine__fold(text, folded, sizeof(folded)))
		return -1;
	for (r = 0; r < CANTINE_ROLE__MAX; r++)
		if (strcmp(folded, role_names[r]) == 0)
			return r;
	return -1;
}

/* A user name: what web servers give as REMOTE_USER, kept printable. */
static int name_check(cantine_ctx *ctx, const char *user)
{
	size_t n = user ? strlen(user) : 0, i;

	if (n == 0 || n > 128 || !cantine__utf8_valid(user, n))
		return cantine__seterr(ctx, CANTINE_EINVAL, "nom d'utilisateur invalide : "
			"donnez le nom de connexion (1 à 128 octets, en UTF-8)");
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)user[i];

		if (c < 0x20 || c == 0x7F || c == ':')
			return cantine__seterr(ctx, CANTINE_EINVAL, "nom d'utilisateur « %s » "
				"invalide : ni caractère de contrôle ni « : »", user);
	}
	return 0;
}

/* A département code: 2 digits but 00, 2A, 2B, or 971 to 976 (overseas),
 * as the web pages' `dep` parameter. */
static bool dept_code(const char *d)
{
	size_t n = strlen(d);

	if (n == 3)
		return d[0] == '9' && d[1] == '7' && d[2] >= '1' && d[2] <= '6';
	return n == 2 && cantine__dept_valid(d) && strcmp(d, "00") != 0;
}

int cantine_user_add(cantine_ctx *ctx, const char *user, cantine_role role,
		     const char *scope)
{
	sqlite3_stmt *st = NULL;
	int64_t etab = 0;
	int rc;

	if ((rc = name_check(ctx, user)))
		return rc;
	if (role != CANTINE_ROLE_COMITE && role != CANTINE_ROLE_GESTIONNAIRE &&
	    role != CANTINE_ROLE_DEPARTEMENT)
		return cantine__seterr(ctx, CANTINE_EINVAL, "rôle invalide : comite, "
			"gestionnaire ou departement");
	if (role == CANTINE_ROLE_DEPARTEMENT) {
		if (!scope || !dept_code(scope))
			return cantine__seterr(ctx, CANTINE_EINVAL, "département « %s » "
				"invalide : 2 chiffres (59), 2A, 2B ou 971 à 976",
				scope ? scope : "");
	} else {
		if (!scope || cantine_uai_check(scope))
			return cantine__seterr(ctx, CANTINE_EINVAL, "code UAI « %s » invalide : "
				"7 chiffres et une lettre, par exemple 0595871L",
				scope ? scope : "");
		rc = cantine__lookup_id(ctx, "SELECT id FROM etab WHERE uai = ?1", scope,
					&etab, NULL);
		if (rc == CANTINE_ENOTFOUND)
			return cantine__seterr(ctx, rc, "aucun collège d'UAI « %s » : "
				"importez-le d'abord", scope);
		if (rc)
			return rc;
	}
	if ((rc = cantine__writable(ctx)) ||
	    (rc = cantine__prepare(ctx, &st, "INSERT INTO app_user (name, role, etab_id, "
		"departement) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (name) DO NOTHING")))
		return rc;
	sqlite3_bind_text(st, 1, user, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, (int)role);
	if (etab)
		sqlite3_bind_int64(st, 3, etab);
	if (role == CANTINE_ROLE_DEPARTEMENT)
		sqlite3_bind_text(st, 4, scope, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return cantine__store_err(ctx, "ajout de l'utilisateur");
	if (sqlite3_changes(ctx->db) == 0)
		return cantine__seterr(ctx, CANTINE_EINVAL, "l'utilisateur « %s » existe "
			"déjà ; un utilisateur a un seul rôle : retirez-le d'abord "
			"(cantine user remove)", user);
	return 0;
}

int cantine_user_remove(cantine_ctx *ctx, const char *user)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = cantine__writable(ctx)) ||
	    (rc = cantine__prepare(ctx, &st, "DELETE FROM app_user WHERE name = ?1")))
		return rc;
	sqlite3_bind_text(st, 1, user ? user : "", -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return cantine__store_err(ctx, "suppression de l'utilisateur");
	if (sqlite3_changes(ctx->db) == 0)
		return cantine__seterr(ctx, CANTINE_ENOTFOUND, "aucun utilisateur « %s »",
				       user ? user : "");
	return 0;
}

struct cantine_users {
	size_t        n;
	cantine_user *at;
};

void cantine_users_free(cantine_users *u)
{
	size_t i;

	if (!u)
		return;
	for (i = 0; i < u->n; i++) {
		cantine__free((char *)u->at[i].name);
		cantine__free((char *)u->at[i].scope);
		cantine__free((char *)u->at[i].etab_name);
	}
	cantine__free(u->at);
	cantine__free(u);
}

int cantine_user_list(cantine_users **out, cantine_ctx *ctx)
{
	cantine_users *u;
	sqlite3_stmt *st;
	size_t cap = 0;
	bool oom = false;
	int rc;

	*out = NULL;
	u = cantine__calloc(1, sizeof(*u));
	if (!u)
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	if ((rc = cantine__prepare(ctx, &st, "SELECT a.name, a.role, "
		"coalesce(e.uai, a.departement), e.name FROM app_user a "
		"LEFT JOIN etab e ON e.id = a.etab_id ORDER BY a.name"))) {
		cantine__free(u);
		return rc;
	}
	while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		cantine_user *x;

		if (u->n == cap) {
			size_t nc = cap ? 2 * cap : 8;
			void *p = cantine__realloc(u->at, nc * sizeof(*u->at));

			if (!p) {
				oom = true;
				break;
			}
			u->at = p;
			cap = nc;
		}
		x = &u->at[u->n++];
		memset(x, 0, sizeof(*x));
		x->name = cantine__column_strdup(st, 0, &oom);
		x->role = (cantine_role)sqlite3_column_int(st, 1);
		x->scope = cantine__column_strdup(st, 2, &oom);
		x->etab_name = cantine__column_strdup(st, 3, &oom);
	}
	sqlite3_finalize(st);
	if (oom || rc != SQLITE_DONE) {
		cantine_users_free(u);
		return oom ? cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante")
			   : cantine__store_err(ctx, "lecture des utilisateurs");
	}
	*out = u;
	return 0;
}

size_t cantine_users_count(const cantine_users *u)
{
	return u ? u->n : 0;
}

const cantine_user *cantine_users_get(const cantine_users *u, size_t i)
{
	return u && i < u->n ? &u->at[i] : NULL;
}

int cantine_access_for(cantine_ctx *ctx, const char *user, cantine_role *role,
		       cantine_buf *scope)
{
	sqlite3_stmt *st;
	int rc;

	*role = CANTINE_ROLE_PUBLIC;
	if (!user || !*user)
		return 0;
	if ((rc = cantine__prepare(ctx, &st, "SELECT a.role, coalesce(e.uai, "
		"a.departement) FROM app_user a LEFT JOIN etab e ON e.id = a.etab_id "
		"WHERE a.name = ?1")))
		return rc;
	sqlite3_bind_text(st, 1, user, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		int r = sqlite3_column_int(st, 0);
		const char *s = (const char *)sqlite3_column_text(st, 1);

		if (r > 0 && r < CANTINE_ROLE__MAX && s) {
			if (scope && cantine__buf_puts(scope, s)) {
				sqlite3_finalize(st);
				return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
			}
			*role = (cantine_role)r;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return cantine__store_err(ctx, "lecture des utilisateurs");
	return 0;
}

/* Which roles may do each action; the scope must be the user's. */
static const unsigned allowed[CANTINE_ACT__MAX] = {
	[CANTINE_ACT_SEE_PROPOSED] = 1u << CANTINE_ROLE_COMITE | 1u << CANTINE_ROLE_GESTIONNAIRE,
	[CANTINE_ACT_COMMENT]      = 1u << CANTINE_ROLE_COMITE,
	[CANTINE_ACT_SEE_COMMENTS] = 1u << CANTINE_ROLE_COMITE | 1u << CANTINE_ROLE_GESTIONNAIRE,
	[CANTINE_ACT_HANDLE]       = 1u << CANTINE_ROLE_GESTIONNAIRE,
	[CANTINE_ACT_PROPOSE]      = 1u << CANTINE_ROLE_GESTIONNAIRE,
	[CANTINE_ACT_PUBLISH]      = 1u << CANTINE_ROLE_GESTIONNAIRE,
	[CANTINE_ACT_AUDIT]        = 1u << CANTINE_ROLE_DEPARTEMENT,
};

int cantine_access_may(cantine_ctx *ctx, const char *user, cantine_action action,
		       const char *scope)
{
	cantine_buf mine = CANTINE_BUF_INIT;
	cantine_role role;
	int rc, ok;

	if ((unsigned)action >= CANTINE_ACT__MAX || !scope || !*scope)
		return 0;
	if ((rc = cantine_access_for(ctx, user, &role, &mine)))
		return rc;
	ok = (allowed[action] & (1u << role)) && mine.ptr && strcmp(mine.ptr, scope) == 0;
	cantine_buf_dispose(&mine);
	return ok;
}

long long cantine__token_clock_offset;

/* Now, as the tokens see it (shifted by the unit tests to reach expiry). */
static long long now(void)
{
	return (long long)time(NULL) + cantine__token_clock_offset;
}

/* ---- Tokens ----
 *
 * token = expiry (10 digits, Unix time) "." nonce (24 hex: 96 random
 * bits) "." HMAC-SHA256(key, user NUL action NUL uai NUL expiry "." nonce)
 * (64 hex): 100 characters.  Nothing is stored when a token is made
 * (GET pages open the store read-only); the token's SHA-256 is stored when
 * it is used, in the write's transaction, and a second use finds it.
 */

static int hexdigit(int c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static void hex_to_bytes(const char *hex, unsigned char *out, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		out[i] = (unsigned char)(hexdigit(hex[2 * i]) * 16 + hexdigit(hex[2 * i + 1]));
}

/* RFC 2104 HMAC with SHA-256 over the parts, NUL-separated. */
static void hmac(const unsigned char key[32], const char *const *parts, size_t n,
		 char out[65])
{
	unsigned char pad[64], inner[32];
	cantine__sha256 s;
	char hex[65];
	size_t i;

	memset(pad, 0x36, sizeof(pad));
	for (i = 0; i < 32; i++)
		pad[i] ^= key[i];
	cantine__sha256_init(&s);
	cantine__sha256_update(&s, pad, sizeof(pad));
	for (i = 0; i < n; i++)
		cantine__sha256_update(&s, parts[i], strlen(parts[i]) + (i + 1 < n));
	cantine__sha256_final(&s, hex);
	hex_to_bytes(hex, inner, sizeof(inner));
	memset(pad, 0x5c, sizeof(pad));
	for (i = 0; i < 32; i++)
		pad[i] ^= key[i];
	cantine__sha256_init(&s);
	cantine__sha256_update(&s, pad, sizeof(pad));
	cantine__sha256_update(&s, inner, sizeof(inner));
	cantine__sha256_final(&s, out);
}

static int load_key(cantine_ctx *ctx, unsigned char key[32])
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = cantine__prepare(ctx, &st, "SELECT key FROM form_secret WHERE id = 1")))
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_bytes(st, 0) == 32)
		memcpy(key, sqlite3_column_blob(st, 0), 32);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? cantine__seterr(ctx, CANTINE_ESTORE,
			"la base n'a pas de clé de formulaires") :
			cantine__store_err(ctx, "lecture de la clé des formulaires");
	return 0;
}

static int random_bytes(unsigned char *p, size_t n)
{
	while (n > 0) {
		ssize_t r = getrandom(p, n, 0);

		if (r < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += r;
		n -= (size_t)r;
	}
	return 0;
}

int cantine_token_new(cantine_ctx *ctx, const char *user, cantine_action action,
		      const char *uai, cantine_buf *out)
{
	unsigned char key[32], nonce[12];
	char head[40], mac[65];
	const char *parts[4];
	size_t i;
	int rc;

	rc = cantine_access_may(ctx, user, action, uai);
	if (rc < 0)
		return rc;
	if (rc == 0)
		return cantine__seterr(ctx, CANTINE_EDENIED, "action non permise à cet "
				       "utilisateur pour ce collège");
	if ((rc = load_key(ctx, key)))
		return rc;
	if (random_bytes(nonce, sizeof(nonce)))
		return cantine__seterr(ctx, CANTINE_EIO, "pas de nombres aléatoires "
				       "(getrandom) : %s", strerror(errno));
	snprintf(head, sizeof(head), "%010lld.", now() + CANTINE_TOKEN_LIFETIME);
	for (i = 0; i < sizeof(nonce); i++)
		snprintf(head + 11 + 2 * i, 3, "%02x", nonce[i]);
	parts[0] = user, parts[1] = action_names[action], parts[2] = uai, parts[3] = head;
	hmac(key, parts, 4, mac);
	memset(key, 0, sizeof(key));
	if (cantine__buf_printf(out, "%s.%s", head, mac))
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	return 0;
}

/* Constant time: the comparison does not tell where a forgery differs. */
static bool same(const char *a, const char *b, size_t n)
{
	unsigned char d = 0;
	size_t i;

	for (i = 0; i < n; i++)
		d |= (unsigned char)(a[i] ^ b[i]);
	return d == 0;
}

int cantine__token_spend(cantine_ctx *ctx, const char *user, cantine_action action,
			 const char *uai, const char *token)
{
	unsigned char key[32];
	char head[36], mac[65], hash[65];
	const char *parts[4];
	sqlite3_stmt *st = NULL;
	long long expires = 0;
	size_t i;
	int rc;

	rc = cantine_access_may(ctx, user, action, uai);
	if (rc < 0)
		return rc;
	if (rc == 0)
		return cantine__seterr(ctx, CANTINE_EDENIED, "action non permise à cet "
				       "utilisateur pour ce collège");
	if (!token || strlen(token) != CANTINE_TOKEN_LEN || token[10] != '.' || token[35] != '.')
		goto bad;
	for (i = 0; i < CANTINE_TOKEN_LEN; i++) {
		if (i == 10 || i == 35)
			continue;
		if (i < 10 ? (token[i] < '0' || token[i] > '9') : hexdigit(token[i]) < 0)
			goto bad;
		if (i < 10)
			expires = expires * 10 + (token[i] - '0');
	}
	memcpy(head, token, 35);
	head[35] = '\0';
	if ((rc = load_key(ctx, key)))
		return rc;
	parts[0] = user, parts[1] = action_names[action], parts[2] = uai, parts[3] = head;
	hmac(key, parts, 4, mac);
	memset(key, 0, sizeof(key));
	if (!same(mac, token + 36, 64))
		goto bad;
	if (expires < now())
		return cantine__seterr(ctx, CANTINE_EDENIED, "le formulaire a expiré (plus "
			"de %d heures) : rechargez la page et recommencez",
			CANTINE_TOKEN_LIFETIME / 3600);
	/* Spent: stored until it expires, so that a second use finds it. */
	cantine__sha256_hex(token, CANTINE_TOKEN_LEN, hash);
	if ((rc = cantine__prepare(ctx, &st, "DELETE FROM form_token_used WHERE expires_at < ?1")))
		return rc;
	sqlite3_bind_int64(st, 1, (sqlite3_int64)now());
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return cantine__store_err(ctx, "jetons de formulaire");
	if ((rc = cantine__prepare(ctx, &st, "INSERT INTO form_token_used (hash, expires_at) "
		"VALUES (?1, ?2) ON CONFLICT (hash) DO NOTHING")))
		return rc;
	sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)expires);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return cantine__store_err(ctx, "jetons de formulaire");
	if (sqlite3_changes(ctx->db) == 0)
		return cantine__seterr(ctx, CANTINE_EDENIED, "ce formulaire a déjà été "
			"envoyé : rechargez la page pour en envoyer un autre");
	return 0;
bad:
	return cantine__seterr(ctx, CANTINE_EDENIED, "formulaire non reconnu (jeton absent "
		"ou invalide) : rechargez la page et recommencez");
}
