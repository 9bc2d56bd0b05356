/*
 * ijml.c: "Ici je mange local" (DOMAIN Part A §3.1).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cantine/common.h>

#include "ijml.h"

#define HEADER "niveau;rang;local_min;filieres_min;bio_regional_min;libelle"

void ijml_free(ijml_table *t)
{
	free(t->at);
	t->at = NULL;
	t->n = 0;
}

static int whole(const char *s, size_t n, int hi)
{
	int v = 0;
	size_t i;

	if (n == 0 || n > 3)
		return -1;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v <= hi ? v : -1;
}

int ijml_parse(const char *bytes, size_t size, ijml_table *out, char *err, size_t errsz)
{
	static const char *const names[] = {
		"niveau", "rang", "local_min", "filieres_min", "bio_regional_min", "libelle",
	};
	const char *p = bytes, *end = bytes + size;
	unsigned line = 0;
	size_t cap = 0;

	memset(out, 0, sizeof(*out));
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p)), *e = eol ? eol : end;
		const char *cell[6];
		size_t len[6], k = 0;
		int v[4], bad = -1, j;
		ijml_row *r;

		line++;
		if (e > p && e[-1] == '\r')
			e--;
		if (line == 1) {
			if ((size_t)(e - p) != strlen(HEADER) || memcmp(p, HEADER, strlen(HEADER))) {
				snprintf(err, errsz, "ligne 1 : l'en-tête doit être « %s »", HEADER);
				goto fail;
			}
		} else if (e > p) {
			cell[0] = p;
			for (const char *q = p; q < e && k < 6; q++)
				if (*q == ';') {
					len[k] = (size_t)(q - cell[k]);
					if (++k < 6)
						cell[k] = q + 1;
				}
			if (k != 5 || memchr(cell[5], ';', (size_t)(e - cell[5]))) {
				snprintf(err, errsz, "ligne %u : il faut 6 colonnes séparées par « ; »",
					 line);
				goto fail;
			}
			len[5] = (size_t)(e - cell[5]);
			for (j = 0; j < 4 && bad < 0; j++)
				if ((v[j] = whole(cell[j + 1], len[j + 1], j == 0 ? 3 : 100)) < 0)
					bad = j + 1;
			if (bad < 0 && (len[0] == 0 || len[0] >= sizeof(r->name)))
				bad = 0;
			if (bad < 0 && (len[5] == 0 || len[5] >= sizeof(r->label)))
				bad = 5;
			if (bad >= 0) {
				snprintf(err, errsz, "ligne %u, colonne %d (%s) : valeur invalide « %.*s »",
					 line, bad + 1, names[bad], (int)len[bad], cell[bad]);
				goto fail;
			}
			if (out->n == cap) {
				size_t nc = cap ? cap * 2 : 8;
				ijml_row *a = realloc(out->at, nc * sizeof(*a));
				if (!a) {
					ijml_free(out);
					return CANTINE_ENOMEM;
				}
				out->at = a;
				cap = nc;
			}
			r = &out->at[out->n++];
			memset(r, 0, sizeof(*r));
			memcpy(r->name, cell[0], len[0]);
			memcpy(r->label, cell[5], len[5]);
			r->rank = v[0];
			r->local_min = v[1];
			r->sectors_min = v[2];
			r->bio_regional_min = v[3];
		}
		p = eol ? eol + 1 : end;
	}
	if (out->n == 0) {
		snprintf(err, errsz, "aucun niveau : fichier vide ou en-tête seul");
		goto fail;
	}
	return 0;
fail:
	ijml_free(out);
	return CANTINE_EINVAL;
}

void ijml_facts_of(const cantine_purchase *p, size_t n, ijml_facts *f)
{
	unsigned sectors = 0;
	size_t i;
	int k;

	memset(f, 0, sizeof(*f));
	for (i = 0; i < n; i++) {
		unsigned ch = p[i].characteristics;
		int local = (ch & (1u << CANTINE_CHAR_LOCAL)) &&
			    (p[i].local == CANTINE_LOCAL_REGION ||
			     p[i].local == CANTINE_LOCAL_DEPARTEMENT ||
			     p[i].local == CANTINE_LOCAL_COMMUNE || p[i].local == CANTINE_LOCAL_PAT);

		f->total += p[i].amount_cents;
		if (!local)
			continue;
		f->local += p[i].amount_cents;
		if (ch & ((1u << CANTINE_CHAR_BIO) | (1u << CANTINE_CHAR_CONVERSION_BIO)))
			f->bio_regional += p[i].amount_cents;
		/* Meat and charcuterie are one sector. */
		sectors |= 1u << (p[i].family == CANTINE_FAMILY_CHARCUTERIE
				  ? CANTINE_FAMILY_VIANDES_VOLAILLES : p[i].family);
	}
	for (k = 0; k < CANTINE_FAMILY__MAX; k++)
		f->sectors += (sectors >> k) & 1;
}

int ijml_holds(const ijml_row *r, const ijml_facts *f)
{
	if (f->total <= 0)
		return 0;
	return f->local * 100 >= (int64_t)r->local_min * f->total &&
	       f->sectors >= r->sectors_min &&
	       f->bio_regional * 100 >= (int64_t)r->bio_regional_min * f->total;
}
