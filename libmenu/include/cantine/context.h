/*
 * cantine/context.h: opening and closing a store.
 *
 * A store is one SQLite file (ARCHITECTURE §6).  Opening it turns on foreign
 * keys, WAL and a busy timeout, and brings an older schema up to date in one
 * transaction.  A store written by a newer library is refused.
 */
#ifndef CANTINE_CONTEXT_H
#define CANTINE_CONTEXT_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Flags for cantine_ctx_open(). */
enum {
	CANTINE_OPEN_CREATE   = 1u << 0, /**< create the file if missing */
	CANTINE_OPEN_READONLY = 1u << 1  /**< read only; no migration */
};

/**
 * Open the store at `path`.
 *
 * @param out   receives the context; the caller frees it with
 *              cantine_ctx_free().  On failure *out is still set when a
 *              context could be allocated, so that cantine_errmsg() can be
 *              read; free it all the same.  *out is NULL only on ENOMEM.
 * @param path  file name of the SQLite store
 * @param flags CANTINE_OPEN_* flags
 * @return 0, CANTINE_ENOTFOUND (missing file without CREATE),
 *         CANTINE_EVERSION (store newer than the library, or older and
 *         opened read-only, so that it cannot be migrated),
 *         CANTINE_ENOTSTORE, CANTINE_EIO (cannot open or create the
 *         file), CANTINE_ESTORE or CANTINE_ENOMEM.
 */
CANTINE_API int cantine_ctx_open(cantine_ctx **out, const char *path,
                                 unsigned flags);

/** Close the store and free the context.  Accepts NULL. */
CANTINE_API void cantine_ctx_free(cantine_ctx *ctx);

/**
 * Say who makes the next changes and why, until called again: the plan
 * keeps both in the history of every meal it changes, and a change to a
 * published meal is refused without a reason (families read published
 * menus).  Strings are copied; NULL clears.
 * @return 0 or CANTINE_ENOMEM.
 */
CANTINE_API int cantine_ctx_set_change(cantine_ctx *ctx, const char *who,
                                       const char *reason);

/** The schema version of the open store (PRAGMA user_version). */
CANTINE_API int cantine_ctx_schema_version(cantine_ctx *ctx);

/** The schema version this library writes. */
CANTINE_API int cantine_schema_version(void);

#ifdef __cplusplus
}
#endif
#endif
