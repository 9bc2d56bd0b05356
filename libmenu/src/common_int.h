/*
 * common_int.h: what every source file of the library shares: the context
 * structure, the allocator wrapper, error setting, buffers.
 */
#ifndef CANTINE_COMMON_INT_H
#define CANTINE_COMMON_INT_H

#include <stdarg.h>
#include <stdbool.h>
#include <sqlite3.h>

#include "cantine/cantine.h"

struct cantine__matchers;
typedef struct cantine__plugins cantine__plugins;

struct cantine_ctx {
	sqlite3  *db;
	char     *path;
	bool      readonly;
	int       errcode;
	char     *errmsg;
	struct cantine__matchers *matchers; /* compiled PCRE2 patterns, lazily */
	char     *who, *reason; /* cantine_ctx_set_change() */
	cantine__plugins *plugins; /* plugin.c, lazily */
	struct cantine_classifier *classifier; /* built-in rules, lazily */
	cantine_suggestion_stats suggestions;  /* of the last purchase import */
};

/* Allocator wrapper: the one place memory comes from, so tests can make it
 * fail (cantine__alloc_fail_after). */
void *cantine__malloc(size_t n);
void *cantine__calloc(size_t n, size_t size);
void *cantine__realloc(void *p, size_t n);
void  cantine__free(void *p);
char *cantine__strdup(const char *s);
char *cantine__strndup(const char *s, size_t n);
/* Fail every allocation after `n` more succeed; -1 turns this off. */
void  cantine__alloc_fail_after(long n);

/* Set the error of ctx (code and French message) and return the code. */
int cantine__seterr(cantine_ctx *ctx, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Set CANTINE_ESTORE with SQLite's message, prefixed by `what`. */
int cantine__store_err(cantine_ctx *ctx, const char *what);

/* Buffers. */
int cantine__buf_grow(cantine_buf *b, size_t extra);
int cantine__buf_put(cantine_buf *b, const char *s, size_t n);
int cantine__buf_puts(cantine_buf *b, const char *s);
int cantine__buf_printf(cantine_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int cantine__buf_vprintf(cantine_buf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* Give the buffer's string to the caller (never NULL) and reset it. */
char *cantine__buf_detach(cantine_buf *b);

/* Prepared statements: prepare or set CANTINE_ESTORE. */
int cantine__prepare(cantine_ctx *ctx, sqlite3_stmt **st, const char *sql);
/* Bind text, or NULL when s is NULL or empty. */
int cantine__bind_text_or_null(sqlite3_stmt *st, int i, const char *s);
/* A column as a new string (NULL for SQL NULL); *oom set on failure. */
char *cantine__column_strdup(sqlite3_stmt *st, int i, bool *oom);

/* Transactions: BEGIN IMMEDIATE / COMMIT / ROLLBACK. */
int cantine__begin(cantine_ctx *ctx);
int cantine__commit(cantine_ctx *ctx);
void cantine__rollback(cantine_ctx *ctx);

/* Refuse a write on a read-only context. */
int cantine__writable(cantine_ctx *ctx);

#endif
