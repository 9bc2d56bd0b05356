/*
 * scdl_lists.c: the list cells of an SCDL menus collectifs file, the
 * schema's "array" fields (menuPlatSiqo, menuPlatRegime,
 * menuPlatAllergene): a JSON array of strings, ["lait","oeufs"], as the
 * schema's descriptions say; what publishers write instead (no brackets,
 * no quotes, ';' or '|' between items) is read with a warning.
 */
#include <string.h>

#include "scdl_int.h"
#include "text_int.h"

static int item_add(cantine__scdl_in *s, size_t start)
{
	if (s->n_items == s->cap_items) {
		size_t cap = s->cap_items ? s->cap_items * 2 : 16;
		size_t *it = cantine__realloc(s->items, cap * sizeof(*it));
		if (!it)
			return CANTINE_ENOMEM;
		s->items = it;
		s->cap_items = cap;
	}
	s->items[s->n_items++] = start;
	return cantine__buf_put(&s->itembuf, "", 1);
}

static unsigned hex4(const char *p)
{
	unsigned v = 0;
	int i;

	for (i = 0; i < 4; i++, p++) {
		v <<= 4;
		if (*p >= '0' && *p <= '9')
			v |= (unsigned)(*p - '0');
		else if ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'f')
			v |= (unsigned)((*p | 0x20) - 'a' + 10);
		else
			return 0x110000;
	}
	return v;
}

/* A JSON string at *pp (after its opening quote) into itembuf; *pp moves
 * past the closing quote.  Returns NULL or what is wrong. */
static const char *json_string(cantine__scdl_in *s, const char **pp, int *rc)
{
	const char *p = *pp;
	unsigned cp, lo;

	for (; *p && *p != '"'; p++) {
		if (*p != '\\') {
			if ((*rc = cantine__buf_put(&s->itembuf, p, 1)))
				return NULL;
			continue;
		}
		p++;
		switch (*p) {
		case '"': case '\\': case '/':
			*rc = cantine__buf_put(&s->itembuf, p, 1);
			break;
		case 'b': case 'f': case 'n': case 'r': case 't':
			*rc = cantine__buf_put(&s->itembuf, " ", 1);
			break;
		case 'u':
			cp = hex4(p + 1);
			p += 4;
			if (cp >= 0xD800 && cp <= 0xDBFF && p[1] == '\\' && p[2] == 'u' &&
			    (lo = hex4(p + 3)) >= 0xDC00 && lo <= 0xDFFF) {
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
				p += 6;
			}
			if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp < 0x20)
				return "échappement \\u invalide";
			*rc = cantine__buf_put_utf8(&s->itembuf, cp);
			break;
		default:
			return "échappement « \\ » invalide";
		}
		if (*rc)
			return NULL;
	}
	if (*p != '"')
		return "guillemet non fermé";
	*pp = p + 1;
	return NULL;
}

/* Split a list cell into s->items.  The schema's form is a JSON array of
 * strings; a cell without brackets or quotes, or with ';' or '|' between
 * items, is read with one warning per column.  Returns 1, 0 (reported)
 * or ENOMEM. */
int cantine__scdl_list_read(cantine__scdl_in *s, int col)
{
	const char *t = cantine__cell(&s->imp, col), *p = t, *why = NULL;
	size_t n = strlen(t);
	bool bracket = n && t[0] == '[', loose = false;
	int rc = 0;

	s->itembuf.size = 0;
	s->n_items = 0;
	if (!n)
		return 1;
	if (bracket) {
		if (t[n - 1] != ']')
			why = "« [ » sans « ] » final";
		p++;
		n -= 2;
	} else {
		loose = true;
	}
	while (!why && (size_t)(p - t) < (bracket ? n + 1 : n)) {
		size_t start = s->itembuf.size;
		const char *end = bracket ? t + n + 1 : t + n;

		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (p == end)
			break;
		if (*p == '"') {
			p++;
			why = json_string(s, &p, &rc);
			if (rc)
				return rc;
			if (why)
				break;
			while (p < end && (*p == ' ' || *p == '\t'))
				p++;
		} else {
			while (p < end && *p != ',' && *p != ';' && *p != '|')
				if ((rc = cantine__buf_put(&s->itembuf, p++, 1)))
					return rc;
			loose = true;
		}
		if ((rc = item_add(s, start)))
			return rc;
		cantine__trim(s->itembuf.ptr + start);
		if (p < end) {
			if (*p == ';' || *p == '|')
				loose = true;
			else if (*p != ',')
				why = "texte après un guillemet fermant";
			p++;
		}
	}
	if (why)
		return cantine__problem(&s->imp, col, "liste mal formée (« %s ») : %s ; "
			"écrivez-la comme le schéma, par exemple [\"lait\",\"oeufs\"]", t, why)
			? CANTINE_ENOMEM : 0;
	if (loose && cantine__scdl_warn(s, col, "list", "liste « %s » écrite sans la forme "
			"[\"…\",\"…\"] du schéma (crochets, guillemets, virgules) ; lue quand même", t))
		return CANTINE_ENOMEM;
	return 1;
}

const char *cantine__scdl_item(const cantine__scdl_in *s, size_t i)
{
	return s->itembuf.ptr + s->items[i];
}
