/*
 * store_int.h: the embedded schema migrations (generated from
 * libmenu/schema/ by embed.py) and the migration runner.
 */
#ifndef CANTINE_STORE_INT_H
#define CANTINE_STORE_INT_H

#include <sqlite3.h>

typedef struct cantine__migration {
	int         version; /* the user_version it brings the store to */
	const char *name;    /* file name, e.g. "001-initial.sql" */
	const char *sql;     /* its statements; it sets user_version itself */
} cantine__migration;

extern const cantine__migration cantine__migrations[];
extern const int cantine__migration_count;

/* The application_id stored by 001 ('CANT'). */
#define CANTINE__APPLICATION_ID 1128353364

struct cantine_ctx;
/* Bring the store up to `target` (≤ cantine__migration_count) in one
 * transaction.  Used by cantine_ctx_open() and by the migration tests. */
int cantine__store_migrate(struct cantine_ctx *ctx, int target);

#endif
