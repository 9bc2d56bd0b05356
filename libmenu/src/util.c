/*
 * util.c: allocator wrapper, error state, buffers and SQLite helpers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common_int.h"

static long alloc_budget = -1;

void cantine__alloc_fail_after(long n)
{
	alloc_budget = n;
}

static bool alloc_allowed(void)
{
	if (alloc_budget < 0)
		return true;
	if (alloc_budget == 0)
		return false;
	alloc_budget--;
	return true;
}

void *cantine__malloc(size_t n)
{
	return alloc_allowed() ? malloc(n ? n : 1) : NULL;
}

void *cantine__calloc(size_t n, size_t size)
{
	return alloc_allowed() ? calloc(n ? n : 1, size ? size : 1) : NULL;
}

void *cantine__realloc(void *p, size_t n)
{
	return alloc_allowed() ? realloc(p, n ? n : 1) : NULL;
}

void cantine__free(void *p)
{
	free(p);
}

char *cantine__strndup(const char *s, size_t n)
{
	char *d = cantine__malloc(n + 1);

	if (d) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

char *cantine__strdup(const char *s)
{
	return s ? cantine__strndup(s, strlen(s)) : NULL;
}

/* ---- errors ---- */

static const char oom_msg[] = "mémoire insuffisante";

int cantine__seterr(cantine_ctx *ctx, int code, const char *fmt, ...)
{
	cantine_buf b = CANTINE_BUF_INIT;
	va_list ap;

	ctx->errcode = code;
	cantine__free(ctx->errmsg);
	ctx->errmsg = NULL;
	va_start(ap, fmt);
	if (cantine__buf_vprintf(&b, fmt, ap) == 0)
		ctx->errmsg = cantine__buf_detach(&b);
	va_end(ap);
	return code;
}

int cantine__store_err(cantine_ctx *ctx, const char *what)
{
	return cantine__seterr(ctx, CANTINE_ESTORE,
		"erreur de la base « %s » (%s) : %s", ctx->path, what,
		sqlite3_errmsg(ctx->db));
}

const char *cantine_errmsg(const cantine_ctx *ctx)
{
	if (!ctx)
		return oom_msg;
	if (ctx->errmsg)
		return ctx->errmsg;
	return ctx->errcode == CANTINE_OK ? "" : oom_msg;
}

int cantine_errcode(const cantine_ctx *ctx)
{
	return ctx ? ctx->errcode : CANTINE_ENOMEM;
}

const char *cantine_version(void)
{
	return CANTINE_VERSION;
}

/* ---- buffers ---- */

int cantine__buf_grow(cantine_buf *b, size_t extra)
{
	size_t need = b->size + extra + 1;
	size_t n;
	char *p;

	if (need <= b->asize)
		return 0;
	n = b->asize ? b->asize : 64;
	while (n < need)
		n += n / 2 + 64;
	p = cantine__realloc(b->ptr, n);
	if (!p)
		return CANTINE_ENOMEM;
	b->ptr = p;
	b->asize = n;
	return 0;
}

int cantine__buf_put(cantine_buf *b, const char *s, size_t n)
{
	if (cantine__buf_grow(b, n))
		return CANTINE_ENOMEM;
	memcpy(b->ptr + b->size, s, n);
	b->size += n;
	b->ptr[b->size] = '\0';
	return 0;
}

int cantine__buf_puts(cantine_buf *b, const char *s)
{
	return cantine__buf_put(b, s, strlen(s));
}

int cantine__buf_vprintf(cantine_buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	int n;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0 || cantine__buf_grow(b, (size_t)n))
		return CANTINE_ENOMEM;
	vsnprintf(b->ptr + b->size, (size_t)n + 1, fmt, ap);
	b->size += (size_t)n;
	return 0;
}

int cantine__buf_printf(cantine_buf *b, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = cantine__buf_vprintf(b, fmt, ap);
	va_end(ap);
	return rc;
}

char *cantine__buf_detach(cantine_buf *b)
{
	char *p = b->ptr;

	if (!p)
		p = cantine__strdup("");
	b->ptr = NULL;
	b->size = b->asize = 0;
	return p;
}

void cantine_buf_dispose(cantine_buf *b)
{
	if (!b)
		return;
	cantine__free(b->ptr);
	b->ptr = NULL;
	b->size = b->asize = 0;
}

/* ---- SQLite ---- */

int cantine__prepare(cantine_ctx *ctx, sqlite3_stmt **st, const char *sql)
{
	if (sqlite3_prepare_v3(ctx->db, sql, -1, SQLITE_PREPARE_PERSISTENT, st,
			       NULL) != SQLITE_OK) {
		*st = NULL;
		return cantine__store_err(ctx, "préparation d'une requête");
	}
	return 0;
}

int cantine__bind_text_or_null(sqlite3_stmt *st, int i, const char *s)
{
	if (!s || !*s)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
}

char *cantine__column_strdup(sqlite3_stmt *st, int i, bool *oom)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	char *d;

	if (!t)
		return NULL;
	d = cantine__strdup((const char *)t);
	if (!d)
		*oom = true;
	return d;
}

int cantine__writable(cantine_ctx *ctx)
{
	if (ctx->readonly)
		return cantine__seterr(ctx, CANTINE_ESTORE,
			"la base « %s » est ouverte en lecture seule", ctx->path);
	return 0;
}

int cantine__begin(cantine_ctx *ctx)
{
	int rc = cantine__writable(ctx);

	if (rc)
		return rc;
	if (sqlite3_exec(ctx->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return cantine__store_err(ctx, "début de transaction");
	return 0;
}

int cantine__commit(cantine_ctx *ctx)
{
	if (sqlite3_exec(ctx->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		int rc = cantine__store_err(ctx, "validation de la transaction");
		cantine__rollback(ctx);
		return rc;
	}
	return 0;
}

void cantine__rollback(cantine_ctx *ctx)
{
	if (!sqlite3_get_autocommit(ctx->db))
		sqlite3_exec(ctx->db, "ROLLBACK", NULL, NULL, NULL);
}
