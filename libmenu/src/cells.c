/*
 * cells.c: decoding the cells of a CSV row (UTF-8 or windows-1252) and
 * parsing them into values, reporting each bad cell.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "import_int.h"
#include "names_int.h"
#include "text_int.h"

const char *cantine__cell(cantine__import *imp, int col)
{
	return imp->cell[col] ? imp->cell[col] : "";
}

/* Decode raw cell bytes into UTF-8 (in imp->cellbuf); report encoding and
 * control-character problems.  Returns 1 ok, 0 reported, or ENOMEM. */
static int decode_cell(cantine__import *imp, int col, const cantine__csv_cell *cl)
{
	const unsigned char *s = (const unsigned char *)cl->text;
	size_t i = 0, k, nchar = 1;

	while (i < cl->len) {
		unsigned c = s[i];
		size_t run;

		/* A run of printable ASCII (most of a file) is copied at once. */
		for (run = 0; i + run < cl->len && s[i + run] >= 0x20 && s[i + run] < 0x7F; run++)
			;
		if (run) {
			if (cantine__buf_put(&imp->cellbuf, (const char *)s + i, run))
				return CANTINE_ENOMEM;
			i += run;
			nchar += run;
			continue;
		}
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
int cantine__load_cells(cantine__import *imp)
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

/* A sum of money of at most `max` cents; `too_big` says, after the
 * cell, why a larger one is refused. */
static bool money(cantine__import *imp, int col, int64_t max, const char *too_big,
		  int64_t *cents)
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
		cantine__problem(imp, col, "« %s » est négatif : un montant ne peut pas être "
				 "négatif ; corrigez le montant", s);
		return false;
	}
	if (fine) {
		cantine__problem(imp, col, "« %s » a plus de deux décimales : les montants "
				 "sont en centimes ; arrondissez au centime", s);
		return false;
	}
	if (v > max) {
		cantine__problem(imp, col, "« %s » %s ; vérifiez le montant", s, too_big);
		return false;
	}
	*cents = v;
	return true;
}

bool cantine__get_money(cantine__import *imp, int col, int64_t *cents)
{
	return money(imp, col, INT64_C(100000000), "dépasse un million d'euros par unité",
		     cents);
}

bool cantine__get_amount(cantine__import *imp, int col, int64_t max, int64_t *cents)
{
	return money(imp, col, max, "dépasse le plus grand montant accepté pour une ligne "
		     "(100 000 000 €)", cents);
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
