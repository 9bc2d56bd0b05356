/*
 * comment.c: the parents' committee's comments on proposed menus, and
 * proposing and publishing a week from the web pages (cantine/access.h).
 * Each write spends its form token in its own transaction.
 */
#include <stdio.h>
#include <string.h>

#include "access_int.h"
#include "plan_int.h"
#include "text_int.h"

/* Text a parent typed: UTF-8, not empty nor only spaces, no control
 * character but line feeds (the page turns CR LF into LF). */
static int text_check(cantine_ctx *ctx, const char *text)
{
	size_t n = text ? strlen(text) : 0, i;
	bool blank = true;

	if (n == 0 || n > CANTINE_COMMENT_MAX || !cantine__utf8_valid(text, n))
		return cantine__seterr(ctx, CANTINE_EINVAL, "commentaire invalide : "
			"écrivez de 1 à %d caractères", CANTINE_COMMENT_MAX);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)text[i];

		if ((c < 0x20 && c != '\n') || c == 0x7F)
			return cantine__seterr(ctx, CANTINE_EINVAL, "commentaire invalide : "
				"caractère de contrôle");
		if (c != ' ' && c != '\n')
			blank = false;
	}
	if (blank)
		return cantine__seterr(ctx, CANTINE_EINVAL, "commentaire vide : "
			"écrivez votre remarque");
	return 0;
}

static int etab_id(cantine_ctx *ctx, const char *uai, int64_t *id)
{
	int rc = cantine__lookup_id(ctx, "SELECT id FROM etab WHERE uai = ?1", uai ? uai : "",
				    id, NULL);

	if (rc == CANTINE_ENOTFOUND)
		return cantine__seterr(ctx, rc, "aucun collège d'UAI « %s »", uai ? uai : "");
	return rc;
}

/* One statement, ?1 an integer and ?2 to ?4 texts (NULL: left unbound),
 * stepped to its end.  @return 0 or CANTINE_ESTORE. */
static int exec1(cantine_ctx *ctx, const char *sql, const char *what, int64_t a,
		 const char *b, const char *c, const char *d)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = cantine__prepare(ctx, &st, sql)))
		return rc;
	sqlite3_bind_int64(st, 1, a);
	if (b)
		sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
	if (c)
		sqlite3_bind_text(st, 3, c, -1, SQLITE_STATIC);
	if (d)
		sqlite3_bind_text(st, 4, d, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : cantine__store_err(ctx, what);
}

int cantine_comment_add(cantine_ctx *ctx, const char *user, const char *token,
			const char *uai, const char *date, const char *text, int64_t *id)
{
	sqlite3_stmt *st;
	int64_t etab;
	int rc, status = -1;

	if (id)
		*id = 0;
	if ((rc = etab_id(ctx, uai, &etab)))
		return rc;
	if (!date || cantine_date_check(date))
		return cantine__seterr(ctx, CANTINE_EINVAL, "date « %s » invalide",
				       date ? date : "");
	if ((rc = text_check(ctx, text)) || (rc = cantine__begin(ctx)))
		return rc;
	if ((rc = cantine__token_spend(ctx, user, CANTINE_ACT_COMMENT, uai, token)))
		goto fail;
	if ((rc = cantine__prepare(ctx, &st, "SELECT status FROM meal WHERE etab_id = ?1 "
		"AND date = ?2")))
		goto fail;
	sqlite3_bind_int64(st, 1, etab);
	sqlite3_bind_text(st, 2, date, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		status = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		rc = cantine__store_err(ctx, "lecture du repas");
		goto fail;
	}
	/* The committee comments on proposals, before publication. */
	if (status != CANTINE_STATUS_PROPOSED) {
		rc = cantine__seterr(ctx, CANTINE_EINVAL, "le menu du %s n'est pas proposé "
			"au comité : on ne peut pas le commenter", date);
		goto fail;
	}
	if ((rc = exec1(ctx, "INSERT INTO meal_comment (etab_id, date, author, body, "
		"created_at) VALUES (?1, ?2, ?3, ?4, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
		"ajout du commentaire", etab, date, user, text)))
		goto fail;
	if (id)
		*id = sqlite3_last_insert_rowid(ctx->db);
	return cantine__commit(ctx);
fail:
	cantine__rollback(ctx);
	return rc;
}

int cantine_comment_handle(cantine_ctx *ctx, const char *user, const char *token,
			   const char *uai, int64_t id)
{
	sqlite3_stmt *st;
	int64_t etab;
	int rc;

	if ((rc = etab_id(ctx, uai, &etab)) || (rc = cantine__begin(ctx)))
		return rc;
	if ((rc = cantine__token_spend(ctx, user, CANTINE_ACT_HANDLE, uai, token)))
		goto fail;
	if ((rc = cantine__prepare(ctx, &st, "SELECT 1 FROM meal_comment WHERE id = ?1 "
		"AND etab_id = ?2")))
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, etab);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW) {
		rc = rc == SQLITE_DONE ? cantine__seterr(ctx, CANTINE_ENOTFOUND, "aucun "
			"commentaire n° %lld pour ce collège", (long long)id)
			: cantine__store_err(ctx, "lecture du commentaire");
		goto fail;
	}
	if ((rc = exec1(ctx, "UPDATE meal_comment SET handled_at = strftime("
		"'%Y-%m-%dT%H:%M:%SZ', 'now'), handled_by = ?2 WHERE id = ?1 "
		"AND handled_at IS NULL", "commentaire traité", id, user, NULL, NULL)))
		goto fail;
	return cantine__commit(ctx);
fail:
	cantine__rollback(ctx);
	return rc;
}

int cantine_week_set_status(cantine_ctx *ctx, const char *user, const char *token,
			    const char *uai, const char *date, cantine_status status,
			    size_t *changed)
{
	char monday[11], sunday[11];
	cantine_action act;
	unsigned from_mask;
	int64_t etab;
	size_t n = 0;
	int rc;

	if (changed)
		*changed = 0;
	if (status == CANTINE_STATUS_PROPOSED) {
		act = CANTINE_ACT_PROPOSE;
		from_mask = 1u << CANTINE_STATUS_DRAFT;
	} else if (status == CANTINE_STATUS_PUBLISHED) {
		act = CANTINE_ACT_PUBLISH;
		from_mask = 1u << CANTINE_STATUS_DRAFT | 1u << CANTINE_STATUS_PROPOSED;
	} else {
		return cantine__seterr(ctx, CANTINE_EINVAL, "statut invalide : une semaine "
				       "se propose ou se publie");
	}
	if (!date || cantine_date_monday(monday, date))
		return cantine__seterr(ctx, CANTINE_EINVAL, "date « %s » invalide",
				       date ? date : "");
	cantine_date_add(sunday, monday, 6);
	if ((rc = etab_id(ctx, uai, &etab)) || (rc = cantine__begin(ctx)))
		return rc;
	if ((rc = cantine__token_spend(ctx, user, act, uai, token)) ||
	    (rc = cantine_ctx_set_change(ctx, user, NULL)) ||
	    (rc = cantine__plan_status_tx(ctx, etab, monday, sunday, status, from_mask, &n))) {
		cantine__rollback(ctx);
		return rc;
	}
	if ((rc = cantine__commit(ctx)) == 0 && changed)
		*changed = n;
	return rc;
}

struct cantine_comments {
	size_t           n;
	cantine_comment *at;
};

void cantine_comments_free(cantine_comments *c)
{
	size_t i;

	if (!c)
		return;
	for (i = 0; i < c->n; i++) {
		cantine__free((char *)c->at[i].date);
		cantine__free((char *)c->at[i].author);
		cantine__free((char *)c->at[i].text);
		cantine__free((char *)c->at[i].created_at);
		cantine__free((char *)c->at[i].handled_at);
		cantine__free((char *)c->at[i].handled_by);
	}
	cantine__free(c->at);
	cantine__free(c);
}

int cantine_comment_list(cantine_comments **out, cantine_ctx *ctx, const char *uai,
			 const char *from, const char *to)
{
	cantine_comments *c;
	sqlite3_stmt *st;
	int64_t etab;
	size_t cap = 0;
	bool oom = false;
	int rc;

	*out = NULL;
	if (!from || !to || cantine_date_check(from) || cantine_date_check(to) ||
	    strcmp(from, to) > 0)
		return cantine__seterr(ctx, CANTINE_EINVAL, "période invalide");
	if ((rc = etab_id(ctx, uai, &etab)))
		return rc;
	if (!(c = cantine__calloc(1, sizeof(*c))))
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	if ((rc = cantine__prepare(ctx, &st, "SELECT id, date, author, body, created_at, "
		"handled_at, handled_by FROM meal_comment WHERE etab_id = ?1 AND date "
		"BETWEEN ?2 AND ?3 ORDER BY date, id"))) {
		cantine__free(c);
		return rc;
	}
	sqlite3_bind_int64(st, 1, etab);
	sqlite3_bind_text(st, 2, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, to, -1, SQLITE_STATIC);
	while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		cantine_comment *x;

		if (c->n == cap) {
			size_t nc = cap ? 2 * cap : 8;
			void *p = cantine__realloc(c->at, nc * sizeof(*c->at));

			if (!p) {
				oom = true;
				break;
			}
			c->at = p;
			cap = nc;
		}
		x = &c->at[c->n++];
		memset(x, 0, sizeof(*x));
		x->id = sqlite3_column_int64(st, 0);
		x->date = cantine__column_strdup(st, 1, &oom);
		x->author = cantine__column_strdup(st, 2, &oom);
		x->text = cantine__column_strdup(st, 3, &oom);
		x->created_at = cantine__column_strdup(st, 4, &oom);
		x->handled_at = cantine__column_strdup(st, 5, &oom);
		x->handled_by = cantine__column_strdup(st, 6, &oom);
	}
	sqlite3_finalize(st);
	if (oom || rc != SQLITE_DONE) {
		cantine_comments_free(c);
		return oom ? cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante")
			   : cantine__store_err(ctx, "lecture des commentaires");
	}
	*out = c;
	return 0;
}

size_t cantine_comments_count(const cantine_comments *c)
{
	return c ? c->n : 0;
}

const cantine_comment *cantine_comments_get(const cantine_comments *c, size_t i)
{
	return c && i < c->n ? &c->at[i] : NULL;
}
