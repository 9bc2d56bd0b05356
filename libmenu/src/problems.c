/*
 * problems.c: the list of problems found in an input file, and the
 * helpers importers use to report them against a line, column and field.
 */
#include <string.h>

#include "import_int.h"
#include "model_int.h"
#include "strmap_int.h"

#define MAX_KEPT_PROBLEMS 1000

struct cantine_problems {
	char            *file;
	cantine_problem *items;
	size_t           n, cap, total;
};

/* ---- problem lists ---- */

cantine_problems *cantine__problems_new(const char *file)
{
	cantine_problems *p = cantine__calloc(1, sizeof(*p));

	if (p && !(p->file = cantine__strdup(file))) {
		cantine__free(p);
		p = NULL;
	}
	return p;
}

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

int cantine__problems_add(cantine_problems *p, unsigned line, unsigned column,
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
	pb->warning = 0;
	return 0;
}

void cantine__problems_sort(cantine_problems *p)
{
	size_t i, j;

	/* Insertion sort: stable, and the list is nearly sorted already. */
	for (i = 1; i < p->n; i++) {
		cantine_problem pb = p->items[i];
		for (j = i; j > 0; j--) {
			const cantine_problem *q = &p->items[j - 1];
			if (q->warning < pb.warning || (q->warning == pb.warning &&
			    (q->line < pb.line || (q->line == pb.line && q->column <= pb.column))))
				break;
			p->items[j] = *q;
		}
		p->items[j] = pb;
	}
}

int cantine__problems_warn(cantine_problems *p, unsigned line, unsigned column,
			   const char *field, const char *fmt, ...)
{
	size_t n = p->n;
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = cantine__problems_add(p, line, column, field, fmt, ap);
	va_end(ap);
	if (rc == 0 && p->n > n)
		p->items[n].warning = 1;
	return rc;
}

int cantine__file_problem(cantine__import *imp, unsigned line, const char *fmt, ...)
{
	va_list ap;
	int rc;

	imp->clean = false;
	va_start(ap, fmt);
	rc = cantine__problems_add(imp->problems, line, 0, NULL, fmt, ap);
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
	return cantine__problems_add(imp->problems, line, column, field, fmt, ap);
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

int cantine__header_problem(cantine__import *imp, unsigned line, unsigned column,
			  const char *fmt, ...)
{
	va_list ap;
	int rc;

	imp->clean = false;
	va_start(ap, fmt);
	rc = cantine__problems_add(imp->problems, line, column, NULL, fmt, ap);
	va_end(ap);
	return rc;
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
