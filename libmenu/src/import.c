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

#include "import_int.h"
#include "model_int.h"
#include "names_int.h"
#include "strmap_int.h"
#include "text_int.h"

#define MAX_KEPT_PROBLEMS 1000
#define MAX_FILE_SIZE (256u * 1024u * 1024u)

struct cantine_problems {
	char            *file;
	cantine_problem *items;
	size_t           n, cap, total;
};

/* ---- problem lists ---- */

size_t cantine_problems_count(const cantine_problems *p)
{
	return p ? p->n : 0;
}

size_t cantine_problems_total(const cantine_problems *p)
{
	return p ? p->total : 0;
}

const cantine_problem *cantine_problems_get(const cantine_problems *p, size_t i)
{
	return p && i < p->n ? &p->items[i] : NULL;
}

void cantine_problems_free(cantine_problems *p)
{
	size_t i;

	if (!p)
		return;
	for (i = 0; i < p->n; i++)
		cantine__free((char *)p->items[i].message);
	cantine__free(p->items);
	cantine__free(p->file);
	cantine__free(p);
}

int cantine_problem_format(const cantine_problem *pb, cantine_buf *out)
{
	if (pb->line == 0)
		return cantine__buf_printf(out, "%s : %s", pb->file, pb->message);
	if (pb->column > 0 && !pb->field)
		return cantine__buf_printf(out, "%s, ligne %u, colonne %u : %s", pb->file,
					   pb->line, pb->column, pb->message);
	if (pb->column == 0 && pb->field)
		return cantine__buf_printf(out, "%s, ligne %u, champ %s (colonne absente "
					   "du fichier) : %s", pb->file, pb->line,
					   pb->field, pb->message);
	if (pb->column == 0)
		return cantine__buf_printf(out, "%s, ligne %u : %s", pb->file,
					   pb->line, pb->message);
	return cantine__buf_printf(out, "%s, ligne %u, colonne %u (%s) : %s",
				   pb->file, pb->line, pb->column,
				   pb->field ? pb->field : "?", pb->message);
}

static int add_problem(cantine_problems *p, unsigned line, unsigned column,
		       const char *field, const char *fmt, va_list ap)
	__attribute__((format(printf, 5, 0)));
static int add_problem(cantine_problems *p, unsigned line, unsigned column,
		       const char *field, const char *fmt, va_list ap)
{
	cantine_buf b = CANTINE_BUF_INIT;
	cantine_problem *pb;

	p->total++;
	if (p->n >= MAX_KEPT_PROBLEMS)
		return 0;
	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 16;
		cantine_problem *it = cantine__realloc(p->items, cap * sizeof(*it));
		if (!it)
			return CANTINE_ENOMEM;
		p->items = it;
		p->cap = cap;
	}
	if (cantine__buf_vprintf(&b, fmt, ap))
		return CANTINE_ENOMEM;
	pb = &p->items[p->n++];
	pb->file = p->file;
	pb->line = line;
	pb->column = column;
	pb->field = field;
	pb->message = cantine__buf_detach(&b);
	return 0;
}

static int file_problem(cantine__import *imp, unsigned line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int file_problem(cantine__import *imp, unsigned line, const char *fmt, ...)
{
	va_list ap;
	int rc;

	imp->clean = false;
	va_start(ap, fmt);
	rc = add_problem(imp->problems, line, 0, NULL, fmt, ap);
	va_end(ap);
	return rc;
}

static int vproblem(cantine__import *imp, unsigned line, int col,
		    const char *fmt, va_list ap)
	__attribute__((format(printf, 4, 0)));
static int vproblem(cantine__import *imp, unsigned line, int col,
		    const char *fmt, va_list ap)
{
	unsigned column = 0;
	const char *field = NULL;

	imp->clean = false;
	if (col >= 0) {
		field = imp->ops->cols[col].name;
		if (imp->colmap[col] >= 0)
			column = (unsigned)imp->colmap[col] + 1;
	}
	return add_problem(imp->problems, line, column, field, fmt, ap);
}

int cantine__problem(cantine__import *imp, int col, const char *fmt, ...)
{
	va_list ap;
	unsigned line = imp->csv.rec_line;
	int rc;

	if (col >= 0 && imp->colmap[col] >= 0 && (size_t)imp->colmap[col] < imp->csv.n)
		line = imp->csv.cells[imp->colmap[col]].line;
	va_start(ap, fmt);
	rc = vproblem(imp, line, col, fmt, ap);
	va_end(ap);
	return rc;
}

int cantine__problem_at(cantine__import *imp, unsigned line, int col,
			const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vproblem(imp, line, col, fmt, ap);
	va_end(ap);
	return rc;
}

unsigned cantine__row_line(cantine__import *imp)
{
	return imp->csv.rec_line;
}

/* ---- cells ---- */

const char *cantine__cell(cantine__import *imp, int col)
{
	return imp->cell[col] ? imp->cell[col] : "";
}

bool cantine__cell_empty(cantine__import *imp, int col)
{
	return cantine__cell(imp, col)[0] == '\0';
}

/* Decode raw cell bytes into UTF-8 (in imp->cellbuf); report encoding and
 * control-character problems.  Returns 1 ok, 0 reported, or ENOMEM. */
static int decode_cell(cantine__import *imp, int col, const cantine__csv_cell *cl)
{
	const unsigned char *s = (const unsigned char *)cl->text;
	size_t i = 0, k, nchar = 1;

	while (i < cl->len) {
		unsigned c = s[i];
		if (imp->cp1252 && c >= 0x80) {
			uint32_t cp = cantine__cp1252((unsigned char)c);
			if (!cp)
				return cantine__problem(imp, col,
					"l'octet 0x%02X (caractère n° %zu de la cellule) n'existe pas "
					"en windows-1252 ; enregistrez le fichier en UTF-8", c, nchar) ? CANTINE_ENOMEM : 0;
			if (cantine__buf_put_utf8(&imp->cellbuf, cp))
				return CANTINE_ENOMEM;
			i++;
		} else {
			k = c < 0x80 ? 1 : cantine__utf8_seq(s + i, cl->len - i);
			if (!k)
				return cantine__problem(imp, col,
					"texte mal encodé : l'octet 0x%02X (caractère n° %zu de la cellule) "
					"n'est pas de l'UTF-8 valide ; enregistrez le fichier en UTF-8, "
					"ou s'il vient d'Excel, importez-le avec --encodage windows-1252",
					c, nchar) ? CANTINE_ENOMEM : 0;
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
				return cantine__problem(imp, col,
					"la cellule contient un caractère de contrôle (0x%02X, caractère "
					"n° %zu) ; ce fichier n'est pas un CSV texte : réenregistrez-le "
					"en CSV depuis votre tableur", c, nchar) ? CANTINE_ENOMEM : 0;
			if (cantine__buf_put(&imp->cellbuf, (const char *)s + i, k))
				return CANTINE_ENOMEM;
			i += k;
		}
		nchar++;
	}
	return 1;
}

/* Fill imp->cell[] from the current record. */
static int load_cells(cantine__import *imp)
{
	size_t col, start[CANTINE__MAX_COLS];
	int rc;

	imp->cellbuf.size = 0;
	for (col = 0; col < imp->ops->ncols; col++) {
		int fc = imp->colmap[col];
		imp->cell[col] = NULL;
		imp->cell_bad[col] = false;
		start[col] = (size_t)-1;
		if (fc < 0 || (size_t)fc >= imp->csv.n)
			continue;
		start[col] = imp->cellbuf.size;
		rc = decode_cell(imp, (int)col, &imp->csv.cells[fc]);
		if (rc < 0)
			return rc;
		if (rc == 0) {
			imp->cell_bad[col] = true;
			imp->cellbuf.size = start[col];
			start[col] = (size_t)-1;
			continue;
		}
		if (cantine__buf_put(&imp->cellbuf, "", 1))
			return CANTINE_ENOMEM;
	}
	/* Pointers only once the buffer has stopped moving. */
	for (col = 0; col < imp->ops->ncols; col++)
		if (start[col] != (size_t)-1)
			imp->cell[col] = cantine__trim(imp->cellbuf.ptr + start[col]);
	return 0;
}

/* ---- cell parsers ---- */

bool cantine__get_required(cantine__import *imp, int col, const char **out)
{
	*out = cantine__cell(imp, col);
	if (**out)
		return true;
	if (!imp->cell_bad[col])
		cantine__problem(imp, col, "cellule vide : la colonne « %s » est obligatoire ; "
				 "remplissez-la", imp->ops->cols[col].name);
	return false;
}

/* Split "123.45" / "123,45" into integer and fraction digits. */
static bool split_decimal(cantine__import *imp, const char *s, int64_t *ip,
			  const char **frac, size_t *nfrac, bool *neg)
{
	const char *p = s;
	int64_t v = 0;
	size_t nint = 0;

	*neg = false;
	*frac = NULL;
	*nfrac = 0;
	if (*p == '-' || *p == '+') {
		*neg = *p == '-';
		p++;
	}
	for (; *p >= '0' && *p <= '9'; p++, nint++) {
		if (v > (INT64_MAX - 9) / 10)
			return false;
		v = v * 10 + (*p - '0');
	}
	if (*p == '.' || (*p == ',' && imp->csv.sep != ',')) {
		p++;
		*frac = p;
		while (*p >= '0' && *p <= '9')
			p++;
		*nfrac = (size_t)(p - *frac);
		if (*nfrac == 0)
			return false;
	}
	*ip = v;
	return *p == '\0' && (nint > 0 || *nfrac > 0);
}

static bool get_fixed(cantine__import *imp, int col, unsigned decimals,
		      int64_t *out, bool *neg, bool *too_precise)
{
	const char *s = cantine__cell(imp, col), *frac;
	size_t nfrac, i;
	int64_t v, scale = 1;

	*too_precise = false;
	if (!split_decimal(imp, s, &v, &frac, &nfrac, neg))
		return false;
	for (i = 0; i < decimals; i++) {
		if (v > INT64_MAX / 100)
			return false;
		v *= 10;
		scale *= 10;
	}
	for (i = 0; i < nfrac; i++) {
		if (i >= decimals) {
			if (frac[i] != '0')
				*too_precise = true;
			continue;
		}
		scale /= 10;
		v += (frac[i] - '0') * scale;
	}
	*out = *neg ? -v : v;
	return true;
}

bool cantine__get_int(cantine__import *imp, int col, long min, long max, long *out)
{
	const char *s = cantine__cell(imp, col);
	char *end;
	long v;

	if (!*s)
		return imp->ops->cols[col].required
			? cantine__get_required(imp, col, &s) : true;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *end || !((*s >= '0' && *s <= '9') || (*s == '-' && s[1]))) {
		cantine__problem(imp, col, "« %s » n'est pas un nombre entier ; "
				 "écrivez un nombre sans décimale ni espace, par exemple 135", s);
		return false;
	}
	if (v < min || v > max) {
		cantine__problem(imp, col, "%ld est hors des limites : la valeur doit être "
				 "comprise entre %ld et %ld", v, min, max);
		return false;
	}
	*out = v;
	return true;
}

bool cantine__get_money(cantine__import *imp, int col, int64_t *cents)
{
	const char *s = cantine__cell(imp, col);
	bool neg, fine;
	int64_t v;

	if (!*s)
		return imp->ops->cols[col].required
			? cantine__get_required(imp, col, &s) : true;
	if (!get_fixed(imp, col, 2, &v, &neg, &fine)) {
		cantine__problem(imp, col, "« %s » n'est pas un montant ; écrivez le prix en "
				 "euros avec un seul séparateur décimal et sans symbole, "
				 "par exemple 12.50", s);
		return false;
	}
	if (neg) {
		cantine__problem(imp, col, "« %s » est négatif : un prix ne peut pas être "
				 "négatif ; corrigez le montant", s);
		return false;
	}
	if (fine) {
		cantine__problem(imp, col, "« %s » a plus de deux décimales : les montants "
				 "sont en centimes ; arrondissez au centime", s);
		return false;
	}
	if (v > INT64_C(100000000)) {
		cantine__problem(imp, col, "« %s » dépasse un million d'euros par unité ; "
				 "vérifiez le montant", s);
		return false;
	}
	*cents = v;
	return true;
}

bool cantine__get_mg(cantine__import *imp, int col, int64_t min_mg,
		     int64_t max_mg, int64_t *mg)
{
	const char *s = cantine__cell(imp, col);
	bool neg, fine;
	int64_t v;

	if (!*s)
		return imp->ops->cols[col].required
			? cantine__get_required(imp, col, &s) : true;
	if (!get_fixed(imp, col, 3, &v, &neg, &fine) || fine) {
		cantine__problem(imp, col, "« %s » n'est pas une quantité en grammes ; "
				 "écrivez par exemple 120 ou 12.5", s);
		return false;
	}
	if (v < min_mg || v > max_mg) {
		cantine__problem(imp, col, "« %s » g est hors des limites : une portion "
				 "doit compter plus de 0 et au plus %lld g de ce produit",
				 s, (long long)(max_mg / 1000));
		return false;
	}
	*mg = v;
	return true;
}

bool cantine__get_bool(cantine__import *imp, int col, int *out)
{
	const char *s = cantine__cell(imp, col);
	int v = cantine__bool_parse(s);

	if (v < 0) {
		cantine__problem(imp, col, "« %s » n'est ni « oui » ni « non » ; "
				 "écrivez oui ou non", s);
		return false;
	}
	if (!*s && imp->ops->cols[col].required)
		return cantine__get_required(imp, col, &s);
	*out = v;
	return true;
}

bool cantine__get_mask(cantine__import *imp, int col, int (*parse)(const char *),
		       const char *what, const char *accepted, unsigned *mask)
{
	const char *s = cantine__cell(imp, col);
	char item[128];
	bool ok = true;

	*mask = 0;
	while (*s) {
		const char *bar = strchr(s, '|');
		size_t n = bar ? (size_t)(bar - s) : strlen(s);
		int v;

		if (n >= sizeof(item))
			n = sizeof(item) - 1;
		memcpy(item, s, n);
		item[n] = '\0';
		cantine__trim(item);
		if (*item) {
			v = parse(item);
			if (v < 0) {
				cantine__problem(imp, col, "%s « %s » inconnu ; valeurs possibles "
						 "(séparées par |) : %s", what, item, accepted);
				ok = false;
			} else {
				*mask |= 1u << v;
			}
		}
		s += bar ? n + 1 : n;
	}
	return ok;
}

int cantine__import_report_fn(void *ud, int col, const char *msg)
{
	return cantine__problem(ud, col, "%s", msg);
}

int cantine__seen_once(cantine__import *imp, cantine__strmap *seen, int col,
		       const char *key, const char *what)
{
	cantine__strmap_val *v;
	int added;

	v = cantine__strmap_put(seen, key, &added);
	if (!v)
		return CANTINE_ENOMEM;
	if (added) {
		v->line = cantine__row_line(imp);
		return 0;
	}
	if (cantine__problem(imp, col, "%s « %s » apparaît déjà ligne %u ; "
			     "supprimez ou fusionnez les lignes en double",
			     what, key, v->line))
		return CANTINE_ENOMEM;
	return 1;
}

/* ---- the driver ---- */

static int read_file(cantine__import *imp, const char *path, char **data,
		     size_t *len)
{
	struct stat sb;
	char *buf;
	size_t got = 0;
	int fd;

	/* Look before opening: opening a FIFO would block. */
	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode))
		return file_problem(imp, 0, S_ISDIR(sb.st_mode)
			? "c'est un dossier, pas un fichier ; donnez le chemin d'un fichier CSV"
			: "ce n'est pas un fichier ordinaire ; donnez le chemin d'un fichier CSV")
			? CANTINE_ENOMEM : CANTINE_EIO;
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		if (errno == ENOENT)
			return file_problem(imp, 0, "fichier introuvable ; vérifiez le chemin "
					    "et le nom du fichier") ? CANTINE_ENOMEM : CANTINE_EIO;
		if (errno == EACCES)
			return file_problem(imp, 0, "lecture refusée (droits insuffisants) ; "
					    "vérifiez les droits du fichier") ? CANTINE_ENOMEM : CANTINE_EIO;
		return file_problem(imp, 0, "impossible d'ouvrir le fichier (erreur %d)",
				    errno) ? CANTINE_ENOMEM : CANTINE_EIO;
	}
	if (fstat(fd, &sb) != 0 || S_ISDIR(sb.st_mode) || !S_ISREG(sb.st_mode)) {
		bool dir = S_ISDIR(sb.st_mode);
		close(fd);
		return file_problem(imp, 0, dir
			? "c'est un dossier, pas un fichier ; donnez le chemin d'un fichier CSV"
			: "ce n'est pas un fichier ordinaire ; donnez le chemin d'un fichier CSV")
			? CANTINE_ENOMEM : CANTINE_EIO;
	}
	if ((uint64_t)sb.st_size > MAX_FILE_SIZE) {
		close(fd);
		return file_problem(imp, 0, "le fichier dépasse 256 Mio ; découpez-le en "
				    "plusieurs fichiers") ? CANTINE_ENOMEM : CANTINE_EIO;
	}
	buf = cantine__malloc((size_t)sb.st_size + 1);
	if (!buf) {
		close(fd);
		return CANTINE_ENOMEM;
	}
	while (got < (size_t)sb.st_size) {
		ssize_t r = read(fd, buf + got, (size_t)sb.st_size - got);
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
	if (file_problem(imp, line, "octet nul (0x00) à la position %zu du fichier : "
			 "ce n'est pas un fichier texte CSV ; exportez-le au format CSV "
			 "depuis votre tableur", (size_t)(nul - data) + 1))
		return CANTINE_ENOMEM;
	return 1;
}

/* A problem of the header line, on cell `column` (1-based). */
static int header_problem(cantine__import *imp, unsigned line, unsigned column,
			  const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static int header_problem(cantine__import *imp, unsigned line, unsigned column,
			  const char *fmt, ...)
{
	va_list ap;
	int rc;

	imp->clean = false;
	va_start(ap, fmt);
	rc = add_problem(imp->problems, line, column, NULL, fmt, ap);
	va_end(ap);
	return rc;
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
			rc = header_problem(imp, cl->line, (unsigned)i + 1,
				"« %s » n'est pas une colonne connue ; colonnes attendues "
				"(* obligatoire) : %s",
				cantine__utf8_valid(name, strlen(name)) ? name : "?", names.ptr);
		} else if (imp->colmap[c] >= 0) {
			rc = header_problem(imp, cl->line, (unsigned)i + 1,
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
	&cantine__menu_ops,
};

/* A problem the reader found, on cell `cell` (0-based) of the record. */
static int cell_problem(cantine__import *imp, unsigned line, size_t cell,
			const char *msg)
{
	size_t c;

	for (c = 0; c < imp->ops->ncols; c++)
		if (imp->colmap[c] == (int)cell)
			return cantine__problem_at(imp, line, (int)c, "%s", msg);
	return header_problem(imp, line, (unsigned)cell + 1, "%s", msg);
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
		return file_problem(imp, c->issue_line, "ligne de plus de %u octets, "
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

	rc = check_binary(imp, data, len);
	if (rc)
		return rc < 0 ? rc : 0;
	/* A UTF-8 byte-order mark: UTF-8, and not part of the first name. */
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		imp->cp1252 = false;
		data += 3;
		len -= 3;
	} else
		imp->cp1252 = enc == CANTINE_ENCODING_CP1252 ||
			      (enc == CANTINE_ENCODING_AUTO && guess_cp1252(data, len));
	cantine__csv_init(&imp->csv, data, len);

	rc = cantine__csv_next(&imp->csv);
	if (rc < 0)
		return rc;
	if (rc == 0)
		return file_problem(imp, 0, "le fichier est vide ; il doit commencer par "
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
				rc = file_problem(imp, imp->csv.rec_line, "%zu cellules au lieu "
					"de %zu (comme l'en-tête) ; vérifiez les séparateurs « %s » et "
					"les guillemets de cette ligne", imp->csv.n, want,
					imp->csv.sep == '\t' ? "tabulation" :
					imp->csv.sep == ';' ? ";" : ",");
				continue;
			}
		}
		rc = load_cells(imp);
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
	size_t i;
	int rc;

	if (problems)
		*problems = NULL;
	if (stats)
		memset(stats, 0, sizeof(*stats));
	if ((unsigned)kind >= CANTINE_KIND__MAX)
		return cantine__seterr(ctx, CANTINE_EINVAL, "type de fichier inconnu");
	memset(&imp, 0, sizeof(imp));
	for (i = 0; i < CANTINE__MAX_COLS; i++)
		imp.colmap[i] = -1; /* no column mapped before the header is read */
	imp.ctx = ctx;
	imp.ops = kind_ops[kind];
	imp.clean = true;
	imp.problems = cantine__calloc(1, sizeof(*imp.problems));
	if (!imp.problems || !(imp.problems->file = cantine__strdup(name))) {
		cantine__free(imp.problems);
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	}
	imp.state = cantine__calloc(1, imp.ops->state_size);
	if (!imp.state) {
		rc = CANTINE_ENOMEM;
		goto out;
	}
	if (from_file) {
		rc = read_file(&imp, path, &owned, &len);
		if (rc)
			goto out;
		data = owned;
	}
	rc = cantine__begin(ctx);
	if (rc)
		goto out;
	began = true;
	rc = run(&imp, data, len, enc);
out:
	if (imp.ops->cleanup && imp.state)
		imp.ops->cleanup(&imp);
	if (rc == 0 && imp.clean && began) {
		rc = cantine__commit(ctx);
	} else if (began) {
		cantine__rollback(ctx);
	}
	if (rc == CANTINE_ENOMEM)
		cantine__seterr(ctx, rc, "mémoire insuffisante pendant l'import de « %s »", name);
	else if (rc == 0 && !imp.clean) {
		rc = CANTINE_EINVAL;
		cantine__seterr(ctx, rc, "%zu problème%s dans « %s » : rien n'a été importé",
				imp.problems->total, imp.problems->total > 1 ? "s" : "", name);
	} else if (rc == CANTINE_EIO) {
		cantine__seterr(ctx, rc, "impossible de lire « %s » : rien n'a été importé", name);
	}
	if (rc == 0 && stats)
		*stats = imp.stats;
	cantine__csv_free(&imp.csv);
	cantine_buf_dispose(&imp.cellbuf);
	cantine__free(imp.state);
	cantine__free(owned);
	if (problems && imp.problems->total > 0)
		*problems = imp.problems;
	else
		cantine_problems_free(imp.problems);
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

/* ---- kinds ---- */

const char *cantine_kind_name(cantine_kind k)
{
	static const char *const names[CANTINE_KIND__MAX] = {
		"etablissements", "produits", "recettes", "menus",
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
	};
	size_t i;

	for (i = 0; text && i < sizeof(t) / sizeof(t[0]); i++)
		if (strcmp(text, t[i].name) == 0)
			return t[i].kind;
	return -1;
}
