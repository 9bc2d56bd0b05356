/*
 * context.c: opening a store (ARCHITECTURE §6): SQLite with foreign keys,
 * WAL and a busy timeout; schema migrations keyed on PRAGMA user_version,
 * applied in one transaction; a store newer than the library is refused.
 */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "common_int.h"
#include "plugin_int.h"
#include "match_int.h"
#include "store_int.h"

static int pragma_int(sqlite3 *db, const char *sql, int *out)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

int cantine_schema_version(void)
{
	return cantine__migration_count;
}

int cantine_ctx_schema_version(cantine_ctx *ctx)
{
	int v = -1;

	pragma_int(ctx->db, "PRAGMA user_version", &v);
	return v;
}

int cantine__store_migrate(cantine_ctx *ctx, int target)
{
	int version, i;

	if (sqlite3_exec(ctx->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return cantine__store_err(ctx, "mise à jour du schéma");
	/* Read the version inside the transaction: another process may have
	 * migrated the store since we looked. */
	if (pragma_int(ctx->db, "PRAGMA user_version", &version) < 0) {
		cantine__rollback(ctx);
		return cantine__store_err(ctx, "lecture de la version du schéma");
	}
	for (i = version; i < target; i++) {
		if (sqlite3_exec(ctx->db, cantine__migrations[i].sql, NULL, NULL,
				 NULL) != SQLITE_OK) {
			int rc = cantine__seterr(ctx, CANTINE_ESTORE,
				"la mise à jour %s de la base « %s » a échoué : %s ; "
				"la base n'a pas été modifiée",
				cantine__migrations[i].name, ctx->path,
				sqlite3_errmsg(ctx->db));
			cantine__rollback(ctx);
			return rc;
		}
	}
	return cantine__commit(ctx);
}

static int check_store(cantine_ctx *ctx, int *version)
{
	int appid = 0, tables = 0;

	if (pragma_int(ctx->db, "PRAGMA user_version", version) < 0 ||
	    pragma_int(ctx->db, "PRAGMA application_id", &appid) < 0 ||
	    pragma_int(ctx->db, "SELECT count(*) FROM sqlite_schema", &tables) < 0)
		return cantine__seterr(ctx, CANTINE_ENOTSTORE,
			"« %s » n'est pas une base cantine (ni même une base SQLite "
			"lisible) ; indiquez la bonne base avec --db ou créez-en une avec "
			"« cantine init »", ctx->path);
	if (*version == 0 && tables == 0 && ctx->readonly)
		return cantine__seterr(ctx, CANTINE_ENOTSTORE,
			"« %s » est vide : ce n'est pas une base cantine ; créez-la avec "
			"« cantine init » ou indiquez-en une autre avec --db", ctx->path);
	if ((*version > 0 || tables > 0) && appid != CANTINE__APPLICATION_ID)
		return cantine__seterr(ctx, CANTINE_ENOTSTORE,
			"« %s » est une base SQLite qui n'appartient pas à cantine ; "
			"indiquez la bonne base avec --db ou créez-en une avec « cantine init »",
			ctx->path);
	if (*version > cantine__migration_count)
		return cantine__seterr(ctx, CANTINE_EVERSION,
			"la base « %s » a été écrite par une version plus récente de cantine "
			"(schéma %d ; cette version connaît jusqu'au schéma %d) ; "
			"mettez cantine à jour avant de l'utiliser",
			ctx->path, *version, cantine__migration_count);
	return 0;
}

int cantine_ctx_open(cantine_ctx **out, const char *path, unsigned flags)
{
	cantine_ctx *ctx;
	struct stat sb;
	int sflags, version = 0, rc;

	*out = NULL;
	ctx = cantine__calloc(1, sizeof(*ctx));
	if (!ctx)
		return CANTINE_ENOMEM;
	*out = ctx;
	ctx->readonly = (flags & CANTINE_OPEN_READONLY) != 0;
	ctx->path = cantine__strdup(path);
	if (!ctx->path)
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");

	if (stat(path, &sb) != 0) {
		if (errno != ENOENT || !(flags & CANTINE_OPEN_CREATE) || ctx->readonly)
			return cantine__seterr(ctx, CANTINE_ENOTFOUND,
				"la base « %s » n'existe pas ; créez-la avec « cantine init » "
				"ou indiquez-en une autre avec --db", path);
	} else if (S_ISDIR(sb.st_mode)) {
		return cantine__seterr(ctx, CANTINE_ENOTSTORE,
			"« %s » est un dossier, pas une base cantine ; "
			"indiquez un fichier avec --db", path);
	}

	sflags = ctx->readonly ? SQLITE_OPEN_READONLY
			       : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	rc = sqlite3_open_v2(path, &ctx->db, sflags, NULL);
	if (rc == SQLITE_NOMEM || !ctx->db)
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	if (rc != SQLITE_OK)
		return cantine__seterr(ctx, CANTINE_EIO,
			"impossible d'ouvrir ou de créer la base « %s » : vérifiez que son "
			"dossier existe et que vous avez le droit d'y écrire", path);
	sqlite3_extended_result_codes(ctx->db, 1);
	sqlite3_busy_timeout(ctx->db, 5000);

	rc = check_store(ctx, &version);
	if (rc)
		return rc;
	if (sqlite3_exec(ctx->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK)
		return cantine__store_err(ctx, "activation des clés étrangères");
	if (ctx->readonly) {
		if (version < cantine__migration_count)
			return cantine__seterr(ctx, CANTINE_EVERSION,
				"la base « %s » est d'une version plus ancienne (schéma %d) ; "
				"ouvrez-la une fois en écriture pour la mettre à jour",
				path, version);
		return 0;
	}
	if (sqlite3_exec(ctx->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL) != SQLITE_OK)
		return cantine__store_err(ctx, "passage en mode WAL");
	if (version < cantine__migration_count)
		return cantine__store_migrate(ctx, cantine__migration_count);
	return 0;
}

int cantine_ctx_set_change(cantine_ctx *ctx, const char *who, const char *reason)
{
	char *w = NULL, *r = NULL;

	if ((who && !(w = cantine__strdup(who))) || (reason && !(r = cantine__strdup(reason)))) {
		cantine__free(w);
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	}
	cantine__free(ctx->who);
	cantine__free(ctx->reason);
	ctx->who = w;
	ctx->reason = r;
	return 0;
}

void cantine_ctx_free(cantine_ctx *ctx)
{
	if (!ctx)
		return;
	cantine__plugins_free(ctx->plugins);
	cantine__free(ctx->who);
	cantine__free(ctx->reason);
	cantine__matchers_free(ctx->matchers);
	cantine_classifier_free(ctx->classifier);
	if (ctx->db)
		sqlite3_close_v2(ctx->db);
	cantine__free(ctx->path);
	cantine__free(ctx->errmsg);
	cantine__free(ctx);
}
