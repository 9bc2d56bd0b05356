/*
 * factors.c: reading the climat plugin's factor table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cantine/common.h>

#include "factors.h"

#define HEADER "ciqual;kg_co2e_par_kg;produit"

void factors_free(factors *f)
{
	free(f->at);
	f->at = NULL;
	f->n = 0;
}

static int by_code(const void *a, const void *b)
{
	const factor *x = a, *y = b;

	return (x->ciqual > y->ciqual) - (x->ciqual < y->ciqual);
}

/* "2.380899" → 2380899 (millionths); -1 when not such a number. */
static int64_t millionths(const char *s, const char *end)
{
	int64_t v = 0;
	int ndec = -1, digits = 0;

	for (; s < end; s++) {
		if (*s == '.' && ndec < 0) {
			ndec = 0;
			continue;
		}
		if (*s < '0' || *s > '9' || ndec == 6 || digits == 12)
			return -1;
		v = v * 10 + (*s - '0');
		digits++;
		if (ndec >= 0)
			ndec++;
	}
	if (!digits || ndec == 0)
		return -1;
	for (ndec = ndec < 0 ? 0 : ndec; ndec < 6; ndec++)
		v *= 10;
	return v;
}

int factors_parse(const char *bytes, size_t size, factors *out, char *err,
		  size_t errsz)
{
	const char *p = bytes, *end = bytes + size;
	size_t cap = 0, i;
	unsigned line = 0;

	memset(out, 0, sizeof(*out));
	if (size >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p)), *e, *semi, *semi2;
		int64_t code = 0, v;

		line++;
		e = eol ? eol : end;
		if (e > p && e[-1] == '\r')
			e--;
		if (line == 1) {
			if ((size_t)(e - p) != strlen(HEADER) || memcmp(p, HEADER, strlen(HEADER))) {
				snprintf(err, errsz, "ligne 1 : l'en-tête doit être « %s »", HEADER);
				goto bad;
			}
		} else if (e > p) {
			semi = memchr(p, ';', (size_t)(e - p));
			semi2 = semi ? memchr(semi + 1, ';', (size_t)(e - semi - 1)) : NULL;
			if (!semi2) {
				snprintf(err, errsz, "ligne %u : il faut trois colonnes séparées "
					 "par « ; »", line);
				goto bad;
			}
			for (const char *q = p; q < semi; q++) {
				if (*q < '0' || *q > '9' || code > 9999999) {
					code = -1;
					break;
				}
				code = code * 10 + (*q - '0');
			}
			if (semi == p || code <= 0) {
				snprintf(err, errsz, "ligne %u, colonne 1 (ciqual) : un code Ciqual "
					 "est un entier positif", line);
				goto bad;
			}
			if ((v = millionths(semi + 1, semi2)) <= 0) {
				snprintf(err, errsz, "ligne %u, colonne 2 (kg_co2e_par_kg) : un "
					 "nombre positif, point décimal, 6 décimales au plus", line);
				goto bad;
			}
			if (out->n == cap) {
				size_t nc = cap ? cap * 2 : 1024;
				factor *a = realloc(out->at, nc * sizeof(*a));
				if (!a) {
					factors_free(out);
					return CANTINE_ENOMEM;
				}
				out->at = a;
				cap = nc;
			}
			out->at[out->n].ciqual = (int)code;
			out->at[out->n].mg_per_kg = v;
			out->n++;
		}
		p = eol ? eol + 1 : end;
	}
	if (line == 0 || out->n == 0) {
		snprintf(err, errsz, "aucun facteur d'émission : fichier vide ou en-tête seul");
		goto bad;
	}
	qsort(out->at, out->n, sizeof(*out->at), by_code);
	for (i = 1; i < out->n; i++)
		if (out->at[i].ciqual == out->at[i - 1].ciqual) {
			snprintf(err, errsz, "le code Ciqual %d a deux facteurs ; gardez-en un",
				 out->at[i].ciqual);
			goto bad;
		}
	return 0;
bad:
	factors_free(out);
	return CANTINE_EINVAL;
}

int64_t factors_find(const factors *f, int ciqual)
{
	factor key = { ciqual, 0 };
	const factor *hit = f->n ? bsearch(&key, f->at, f->n, sizeof(*f->at), by_code) : NULL;

	return hit ? hit->mg_per_kg : -1;
}
