/*
 * cantine/common.h: error codes, the context handle, owned buffers.
 *
 * Conventions (after libgit2): fallible functions return an int, 0 on
 * success or a negative CANTINE_E* code; the French message explaining the
 * failure stays on the context until the next failing call
 * (cantine_errmsg()).  Error codes are only ever appended.
 */
#ifndef CANTINE_COMMON_H
#define CANTINE_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) && defined(CANTINE_BUILDING)
# define CANTINE_API __attribute__((visibility("default")))
#else
# define CANTINE_API
#endif

/** Return codes. Never renumbered; new codes are appended. */
typedef enum cantine_error {
	CANTINE_OK        =  0,  /**< success */
	CANTINE_ERROR     = -1,  /**< generic failure */
	CANTINE_ENOMEM    = -2,  /**< out of memory */
	CANTINE_EINVAL    = -3,  /**< bad input data (see the message / problems) */
	CANTINE_ENOTFOUND = -4,  /**< the named object does not exist */
	CANTINE_EIO       = -5,  /**< a file could not be read or written */
	CANTINE_ESTORE    = -6,  /**< the SQLite store failed */
	CANTINE_EVERSION  = -7,  /**< the store is newer than this library */
	CANTINE_ENOTSTORE = -8,  /**< the file is not a cantine store */
	CANTINE_EDENIED   = -9   /**< not allowed: the user's role, or a form
	                          *   token missing, invalid or already used */
} cantine_error;

/** An open store and everything attached to it. Opaque. */
typedef struct cantine_ctx cantine_ctx;

/**
 * A growable byte buffer handed out by the library.  The caller owns the
 * content and releases it with cantine_buf_dispose(); `ptr` is always
 * NUL-terminated when `size` > 0.
 */
typedef struct cantine_buf {
	char  *ptr;   /**< the bytes, NUL-terminated */
	size_t size;  /**< number of bytes, terminator excluded */
	size_t asize; /**< allocated size (internal) */
} cantine_buf;

/** An empty buffer, to initialise a cantine_buf before use. */
#define CANTINE_BUF_INIT { NULL, 0, 0 }

/** A cost in cents that nobody knows: a dish without a recipe whose
 * publisher declared no price, or a meal offering one. */
#define CANTINE_COST_UNKNOWN (-1)

/** Free the content of `buf` and reset it to empty.  Accepts NULL. */
CANTINE_API void cantine_buf_dispose(cantine_buf *buf);

/**
 * The French message of the last failure on `ctx`, or "" when none.
 * Borrowed: valid until the next call on `ctx`.
 */
CANTINE_API const char *cantine_errmsg(const cantine_ctx *ctx);

/** The code of the last failure on `ctx` (CANTINE_OK when none). */
CANTINE_API int cantine_errcode(const cantine_ctx *ctx);

/** The library's version, e.g. "0.1.0". Static string. */
CANTINE_API const char *cantine_version(void);

#ifdef __cplusplus
}
#endif
#endif
