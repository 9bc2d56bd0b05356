/*
 * import.c: the CSV import driver (docs/formats.md): read, decode, map the
 * header, hand each row to the kind's handlers, all in one transaction that
 * is rolled back when any problem was found.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "attendance_int.h"
#include "import_int.h"
#include "strmap_int.h"
#include "text_int.h"

#define MAX_FILE_SIZE (256u * 1024u * 1024u)

/* ---- the driver ---- */

int cantine__open_file(cantine__import *imp, const char *path, int *fdp,
		       uint64_t *size)
{
	struct stat sb;
	int fd;

	*fdp = -1;
	/* Look before opening: opening a FIFO would block. */
	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode))
		return cantine__file_problem(imp, 0, S_ISDIR(sb.st_mode)
			? "c'est un dossier, pas un fichier ; donnez le chemin d'un fichier CSV"
			: "ce n'est pas un fichier ordinaire ; donnez le chemin d'un fichier CSV")
			? CANTINE_ENOMEM : CANTINE_EIO;
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		if (errno == ENOENT)
			return cantine__file_problem(imp, 0, "fichier introuvable ; vérifiez le chemin "
					    "et le nom du fichier") ? CANTINE_ENOMEM : CANTINE_EIO;
		if (errno == EACCES)
			return cantine__file_problem(imp, 0, "lecture refusée (droits insuffisants) ; "
					    "vérifiez les droits du fichier") ? CANTINE_ENOMEM : CANTINE_EIO;
		return cantine__file_problem(imp, 0, "impossible d'ouvrir le fichier (erreur %d)",
				    errno) ? CANTINE_ENOMEM : CANTINE_EIO;
	}
	if (fstat(fd, &sb) != 0 || S_ISDIR(sb.st_mode) || !S_ISREG(sb.st_mode)) {
		bool dir = S_ISDIR(sb.st_mode);
		close(fd);
		return cantine__file_problem(imp, 0, dir
			? "c'est un dossier, pas un fichier ; donnez le chemin d'un fichier CSV"
			: "ce n'est pas un fichier ordinaire ; donnez le chemin d'un fichier CSV")
			? CANTINE_ENOMEM : CANTINE_EIO;
	}
	if ((uint64_t)sb.st_size > MAX_FILE_SIZE) {
		close(fd);
		return cantine__file_problem(imp, 0, "le fichier dépasse 256 Mio ; découpez-le en "
				    "plusieurs fichiers") ? CANTINE_ENOMEM : CANTINE_EIO;
	}
	*fdp = fd;
	*size = (uint64_t)sb.st_size;
	return 0;
}

int cantine__read_file(cantine__import *imp, const char *path, char **data,
		     size_t *len)
{
	uint64_t size;
	char *buf;
	size_t got = 0;
	int fd, rc;

	if ((rc = cantine__open_file(imp, path, &fd, &size)))
		return rc;
	buf = cantine__malloc((size_t)size + 1);
	if (!buf) {
		close(fd);
		return CANTINE_ENOMEM;
	}
	while (got < (size_t)size) {
		ssize_t r = read(fd, buf + got, (size_t)size - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	buf[got] = '\0';
	*data = buf;
	*len = got;
	return 0;
}

/* Choose the encoding (formats.md): forced, else UTF-8 when valid or when
 * it holds at least one valid multi-byte sequence, else windows-1252. */
static bool guess_cp1252(const char *data, size_t len)
{
	const unsigned char *s = (const unsigned char *)data;
	size_t i = 0, k;
	bool bad = false, multi = false;

	while (i < len) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		k = cantine__utf8_seq(s + i, len - i);
		if (k) {
			multi = true;
			i += k;
		} else {
			bad = true;
			i++;
		}
	}
	return bad && !multi;
}

/* A file with NUL bytes is not text: stop at once (binary garbage). */
static int check_binary(cantine__import *imp, const char *data, size_t len)
{
	const char *nul = memchr(data, '\0', len);
	unsigned line = 1;
	const char *p;

	if (!nul)
		return 0;
	for (p = data; p < nul; p++)
		if (*p == '\n')
			line++;
	if (cantine__file_problem(imp, line, "octet nul (0x00) à la position %zu du fichier : "
			 "ce n'est pas un fichier texte CSV ; exportez-le au format CSV "
			 "depuis votre tableur", (size_t)(nul - data) + 1))
		return CANTINE_ENOMEM;
	return 1;
}

int cantine__import_start(cantine__import *imp, const char *data, size_t len,
			  cantine_encoding enc)
{
	int rc = check_binary(imp, data, len);

	if (rc)
		return rc;
	/* A UTF-8 byte-order mark: UTF-8, and not part of the first name. */
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		imp->cp1252 = false;
		data += 3;
		len -= 3;
	} else {
		imp->cp1252 = enc == CANTINE_ENCODING_CP1252 ||
			      (enc == CANTINE_ENCODING_AUTO && guess_cp1252(data, len));
	}
	cantine__csv_init(&imp->csv, data, len);
	return 0;
}

int cantine__import_init(cantine__import *imp, cantine_ctx *ctx,
			 const cantine__kind_ops *ops, const char *name)
{
	size_t c;

	for (c = 0; c < CANTINE__MAX_COLS; c++)
		imp->colmap[c] = -1; /* no column mapped before the header is read */
	imp->ctx = ctx;
	imp->ops = ops;
	imp->clean = true;
	if (!(imp->problems = cantine__problems_new(name)))
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	return 0;
}

static int map_header(cantine__import *imp)
{
	const cantine__kind_ops *ops = imp->ops;
	cantine_buf names = CANTINE_BUF_INIT;
	size_t i, c;
	int rc = 0;

	for (c = 0; c < ops->ncols; c++) {
		imp->colmap[c] = -1;
		if (cantine__buf_printf(&names, "%s%s%s", c ? ", " : "", ops->cols[c].name,
					ops->cols[c].required ? "*" : "")) {
			cantine_buf_dispose(&names);
			return CANTINE_ENOMEM;
		}
	}
	for (i = 0; i < imp->csv.n && rc == 0; i++) {
		const cantine__csv_cell *cl = &imp->csv.cells[i];
		char name[64], folded[64];
		size_t n = cl->len;

		if (n >= sizeof(name))
			n = sizeof(name) - 1;
		memcpy(name, cl->text, n);
		name[n] = '\0';
		cantine__trim(name);
		if (!cantine__fold(name, folded, sizeof(folded)))
			folded[0] = '\0';
		for (c = 0; c < ops->ncols; c++)
			if (strcmp(folded, ops->cols[c].name) == 0)
				break;
		if (c == ops->ncols) {
			rc = cantine__header_problem(imp, cl->line, (unsigned)i + 1,
				"« %s » n'est pas une colonne connue ; colonnes attendues "
				"(* obligatoire) : %s",
				cantine__utf8_valid(name, strlen(name)) ? name : "?", names.ptr);
		} else if (imp->colmap[c] >= 0) {
			rc = cantine__header_problem(imp, cl->line, (unsigned)i + 1,
				"la colonne « %s » apparaît deux fois (déjà en colonne %d) ; "
				"supprimez l'une des deux", ops->cols[c].name, imp->colmap[c] + 1);
		} else {
			imp->colmap[c] = (int)i;
		}
	}
	{
		cantine_buf missing = CANTINE_BUF_INIT;
		for (c = 0; c < ops->ncols && rc == 0; c++)
			if (ops->cols[c].required && imp->colmap[c] < 0)
				rc = cantine__buf_printf(&missing, "%s%s", missing.size ? ", " : "",
							 ops->cols[c].name);
		if (rc == 0 && missing.size)
			rc = cantine__problem_at(imp, imp->csv.rec_line, -1,
				"colonne%s obligatoire%s absente%s de l'en-tête : %s ; colonnes "
				"attendues (* obligatoire) : %s",
				strchr(missing.ptr, ',') ? "s" : "", strchr(missing.ptr, ',') ? "s" : "",
				strchr(missing.ptr, ',') ? "s" : "", missing.ptr, names.ptr);
		cantine_buf_dispose(&missing);
	}
	cantine_buf_dispose(&names);
	return rc;
}

static const cantine__kind_ops *const kind_ops[CANTINE_KIND__MAX] = {
	&cantine__etab_ops, &cantine__product_ops, &cantine__recipe_ops,
	&cantine__menu_ops, &cantine__closure_ops, &cantine__purchase_ops,
	&cantine__pupil_ops, &cantine__absence_ops, &cantine__covers_ops,
	&cantine__waste_ops,
	&cantine__tariff_ops, &cantine__ticket_ops,
};

/* A problem the reader found, on cell `cell` (0-based) of the record. */
static int cell_problem(cantine__import *imp, unsigned line, size_t cell,
			const char *msg)
{
	size_t c;

	for (c = 0; c < imp->ops->ncols; c++)
		if (imp->colmap[c] == (int)cell)
			return cantine__problem_at(imp, line, (int)c, "%s", msg);
	return cantine__header_problem(imp, line, (unsigned)cell + 1, "%s", msg);
}

static int csv_issue(cantine__import *imp)
{
	cantine__csv *c = &imp->csv;

	switch (c->issue) {
	case CANTINE__CSV_UNTERMINATED:
		return cell_problem(imp, c->issue_line, c->issue_cell, "un guillemet "
			"ouvert n'est jamais fermé ; le fichier est peut-être tronqué, ou un "
			"guillemet à l'intérieur d'une cellule n'a pas été doublé (\"\")");
	case CANTINE__CSV_AFTER_QUOTE:
		return cell_problem(imp, c->issue_line, c->issue_cell, "du texte suit le "
			"guillemet fermant ; à l'intérieur d'une cellule entre guillemets, "
			"écrivez un guillemet en le doublant (\"\")");
	case CANTINE__CSV_TOO_LONG:
		return cantine__file_problem(imp, c->issue_line, "ligne de plus de %u octets, "
			"ignorée : ce fichier ne ressemble pas à un CSV de cantine ; "
			"vérifiez son contenu", CANTINE__CSV_MAX_RECORD);
	case CANTINE__CSV_OK:
		break;
	}
	return 0;
}

static int run(cantine__import *imp, const char *data, size_t len,
	       cantine_encoding enc)
{
	const cantine__kind_ops *ops = imp->ops;
	bool skipped;
	int rc;

	rc = cantine__import_start(imp, data, len, enc);
	if (rc)
		return rc < 0 ? rc : 0;
	rc = cantine__csv_next(&imp->csv);
	if (rc < 0)
		return rc;
	if (rc == 0)
		return cantine__file_problem(imp, 0, "le fichier est vide ; il doit commencer par "
				    "la ligne d'en-tête qui nomme les colonnes (voir docs/formats.md)");
	skipped = rc == 2;
	if (imp->csv.issue && (rc = csv_issue(imp)))
		return rc;
	if (skipped || imp->csv.issue == CANTINE__CSV_UNTERMINATED)
		return 0;
	rc = map_header(imp);
	if (rc || !imp->clean)
		return rc;

	rc = ops->begin ? ops->begin(imp) : 0;
	while (rc == 0) {
		rc = cantine__csv_next(&imp->csv);
		if (rc <= 0)
			break;
		if (imp->csv.issue && (rc = csv_issue(imp)) != 0)
			break;
		if (imp->csv.issue == CANTINE__CSV_TOO_LONG) {
			rc = 0;
			continue;
		}
		if (imp->csv.issue == CANTINE__CSV_UNTERMINATED)
			break;
		imp->stats.rows++;
		{
			/* Expected cells: as many as the header has. */
			size_t want = 0, c;
			for (c = 0; c < ops->ncols; c++)
				if (imp->colmap[c] >= 0)
					want++;
			if (imp->csv.n != want) {
				rc = cantine__file_problem(imp, imp->csv.rec_line, "%zu cellules au lieu "
					"de %zu (comme l'en-tête) ; vérifiez les séparateurs « %s » et "
					"les guillemets de cette ligne", imp->csv.n, want,
					imp->csv.sep == '\t' ? "tabulation" :
					imp->csv.sep == ';' ? ";" : ",");
				continue;
			}
		}
		rc = cantine__load_cells(imp);
		if (rc == 0)
			rc = ops->row(imp);
	}
	if (rc == 0 && ops->end)
		rc = ops->end(imp);
	return rc;
}

static int import_mem(cantine_ctx *ctx, cantine_kind kind, const char *name,
		      const char *data, size_t len, bool from_file,
		      const char *path, cantine_encoding enc,
		      cantine_problems **problems, cantine_import_stats *stats)
{
	cantine__import imp;
	char *owned = NULL;
	bool began = false;
	int rc;

	if (problems)
		*problems = NULL;
	if (stats)
		memset(stats, 0, sizeof(*stats));
	if ((unsigned)kind >= CANTINE_KIND__MAX)
		return cantine__seterr(ctx, CANTINE_EINVAL, "type de fichier inconnu");
	memset(&imp, 0, sizeof(imp));
	if ((rc = cantine__import_init(&imp, ctx, kind_ops[kind], name)))
		return rc;
	imp.state = cantine__calloc(1, imp.ops->state_size);
	if (!imp.state) {
		rc = CANTINE_ENOMEM;
		goto out;
	}
	if (from_file) {
		rc = cantine__read_file(&imp, path, &owned, &len);
		if (rc)
			goto out;
		data = owned;
	}
	/* Purchases keep it: the same file is imported once. */
	cantine__sha256_hex(data, len, imp.source);
	rc = cantine__begin(ctx);
	if (rc)
		goto out;
	began = true;
	rc = run(&imp, data, len, enc);
out:
	if (imp.ops->cleanup && imp.state)
		imp.ops->cleanup(&imp);
	rc = cantine__import_end(&imp, rc, began, name, cantine_problems_total(imp.problems),
				 "problème", "rien n'a été importé", problems);
	if (rc == 0 && stats)
		*stats = imp.stats;
	cantine__free(imp.state);
	cantine__free(owned);
	return rc;
}

int cantine__import_end(cantine__import *imp, int rc, bool began, const char *name,
			size_t errors, const char *noun, const char *outcome,
			cantine_problems **problems)
{
	cantine_ctx *ctx = imp->ctx;

	if (rc == 0 && imp->clean && began)
		rc = cantine__commit(ctx);
	else if (began)
		cantine__rollback(ctx);
	if (rc == CANTINE_ENOMEM)
		cantine__seterr(ctx, rc, "mémoire insuffisante pendant l'import de « %s »", name);
	else if (rc == CANTINE_EIO)
		cantine__seterr(ctx, rc, "impossible de lire « %s » : rien n'a été importé", name);
	else if (rc == 0 && !imp->clean)
		rc = cantine__seterr(ctx, CANTINE_EINVAL, "%zu %s%s dans « %s » : %s", errors,
				     noun, errors > 1 ? "s" : "", name, outcome);
	cantine__csv_free(&imp->csv);
	cantine_buf_dispose(&imp->cellbuf);
	if (problems && cantine_problems_total(imp->problems) > 0)
		*problems = imp->problems;
	else
		cantine_problems_free(imp->problems);
	imp->problems = NULL;
	return rc;
}

int cantine_import_csv_mem(cantine_ctx *ctx, cantine_kind kind, const char *name,
			   const char *data, size_t len, cantine_encoding enc,
			   cantine_problems **problems, cantine_import_stats *stats)
{
	return import_mem(ctx, kind, name, data, len, false, NULL, enc, problems, stats);
}

int cantine_import_csv(cantine_ctx *ctx, cantine_kind kind, const char *path,
		       cantine_encoding enc, cantine_problems **problems,
		       cantine_import_stats *stats)
{
	return import_mem(ctx, kind, path, NULL, 0, true, path, enc, problems, stats);
}

int cantine__import_preload(cantine__import *imp, struct cantine__strmap *map,
			    const char *sql)
{
	sqlite3_stmt *st;
	int rc, added;

	if ((rc = cantine__prepare(imp->ctx, &st, sql)))
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		cantine__strmap_val *v = cantine__strmap_put(map,
			(const char *)sqlite3_column_text(st, 0), &added);
		if (!v) {
			sqlite3_finalize(st);
			return CANTINE_ENOMEM;
		}
		v->id = sqlite3_column_int64(st, 1);
		if (sqlite3_column_count(st) > 2)
			v->aux = sqlite3_column_int(st, 2);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : cantine__store_err(imp->ctx, "lecture de la base");
}

int cantine__keyed_write(cantine__import *imp, cantine__keyed *k, const char *what)
{
	int rc;

	if (sqlite3_step(k->exists) == SQLITE_ROW)
		imp->stats.updated++;
	else
		imp->stats.inserted++;
	sqlite3_reset(k->exists);
	rc = sqlite3_step(k->upsert);
	sqlite3_reset(k->upsert);
	return rc == SQLITE_DONE ? 0 : cantine__store_err(imp->ctx, what);
}

void cantine__keyed_cleanup(cantine__import *imp)
{
	cantine__keyed *k = imp->state;

	sqlite3_finalize(k->upsert);
	sqlite3_finalize(k->exists);
	cantine__strmap_free(&k->etabs);
	cantine__strmap_free(&k->seen);
}

/* ---- kinds ---- */

const char *cantine_kind_name(cantine_kind k)
{
	static const char *const names[CANTINE_KIND__MAX] = {
		"etablissements", "produits", "recettes", "menus", "fermetures", "achats",
		"inscriptions", "absences", "presences", "gaspillage",
		"tarifs", "repas",
	};
	return (unsigned)k < CANTINE_KIND__MAX ? names[k] : NULL;
}

int cantine_kind_parse(const char *text)
{
	static const struct { const char *name; int kind; } t[] = {
		{ "etablissements", 0 }, { "établissements", 0 }, { "establishments", 0 },
		{ "produits", 1 }, { "products", 1 }, { "catalogue", 1 },
		{ "recettes", 2 }, { "recipes", 2 }, { "plats", 2 },
		{ "menus", 3 },
		{ "fermetures", 4 }, { "closures", 4 },
		{ "achats", 5 }, { "purchases", 5 },
		{ "inscriptions", 6 }, { "registrations", 6 }, { "pupils", 6 },
		{ "absences", 7 },
		{ "presences", 8 }, { "présences", 8 }, { "covers", 8 }, { "attendance", 8 },
		{ "gaspillage", 9 }, { "waste", 9 },
		{ "tarifs", 10 }, { "tariffs", 10 },
		{ "repas", 11 }, { "tickets", 11 }, { "meals", 11 },
	};
	size_t i;

	for (i = 0; text && i < sizeof(t) / sizeof(t[0]); i++)
		if (strcmp(text, t[i].name) == 0)
			return t[i].kind;
	return -1;
}
