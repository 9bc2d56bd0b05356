/*
 * thresholds.c: reading seuils.csv.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cantine/common.h>

#include "thresholds.h"

#define HEADER "groupe;departements;annee_debut;annee_fin;bio;egalim;viandes_poissons;source"

void thresholds_free(thresholds *t)
{
	free(t->at);
	t->at = NULL;
	t->n = 0;
}

/* A whole number in [lo, hi]; -1 when empty and `empty` allowed; -2 bad. */
static int number(const char *s, size_t n, int lo, int hi, int empty)
{
	int v = 0;
	size_t i;

	if (n == 0)
		return empty ? -1 : -2;
	if (n > 4)
		return -2;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -2;
		v = v * 10 + (s[i] - '0');
	}
	return v >= lo && v <= hi ? v : -2;
}

int thresholds_parse(const char *bytes, size_t size, thresholds *out, char *err,
		     size_t errsz)
{
	static const char *const names[] = {
		"groupe", "departements", "annee_debut", "annee_fin", "bio", "egalim",
		"viandes_poissons", "source",
	};
	const char *p = bytes, *end = bytes + size;
	unsigned line = 0;
	size_t cap = 0;

	memset(out, 0, sizeof(*out));
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p)), *e = eol ? eol : end;
		const char *cell[8];
		size_t len[8], k = 0;
		threshold *t;
		int bad = -1;

		line++;
		if (e > p && e[-1] == '\r')
			e--;
		if (line == 1) {
			if ((size_t)(e - p) != strlen(HEADER) || memcmp(p, HEADER, strlen(HEADER))) {
				snprintf(err, errsz, "ligne 1 : l'en-tête doit être « %s »", HEADER);
				goto fail;
			}
			p = eol ? eol + 1 : end;
			continue;
		}
		if (e == p) {
			p = eol ? eol + 1 : end;
			continue;
		}
		cell[0] = p;
		for (const char *q = p; q < e && k < 8; q++)
			if (*q == ';') {
				len[k] = (size_t)(q - cell[k]);
				if (++k < 8)
					cell[k] = q + 1;
			}
		if (k != 7 || memchr(cell[7], ';', (size_t)(e - cell[7]))) {
			snprintf(err, errsz, "ligne %u : il faut 8 colonnes séparées par « ; »", line);
			goto fail;
		}
		len[7] = (size_t)(e - cell[7]);
		if (out->n == cap) {
			size_t nc = cap ? cap * 2 : 16;
			threshold *a = realloc(out->at, nc * sizeof(*a));
			if (!a) {
				thresholds_free(out);
				return CANTINE_ENOMEM;
			}
			out->at = a;
			cap = nc;
		}
		t = &out->at[out->n];
		memset(t, 0, sizeof(*t));
		if (len[0] == 0 || len[0] >= sizeof(t->group))
			bad = 0;
		else if (len[1] == 0 || len[1] >= sizeof(t->depts))
			bad = 1;
		else if ((t->from = number(cell[2], len[2], 2000, 9999, 0)) < 0)
			bad = 2;
		else if ((t->to = number(cell[3], len[3], t->from, 9999, 0)) < 0)
			bad = 3;
		else if ((t->bio = number(cell[4], len[4], 0, 100, 0)) < 0)
			bad = 4;
		else if ((t->egalim = number(cell[5], len[5], t->bio, 100, 0)) < 0)
			bad = 5;
		else if ((t->meat_fish = number(cell[6], len[6], 0, 100, 1)) < -1)
			bad = 6;
		if (bad >= 0) {
			snprintf(err, errsz, "ligne %u, colonne %d (%s) : valeur invalide « %.*s »%s",
				 line, bad + 1, names[bad], (int)len[bad], cell[bad],
				 bad == 5 ? " (un pourcentage au moins égal à celui du bio)"
				 : bad >= 4 ? " (un pourcentage entier de 0 à 100)"
				 : bad >= 2 ? " (une année ; la fin après le début)" : "");
			goto fail;
		}
		memcpy(t->group, cell[0], len[0]);
		memcpy(t->depts, cell[1], len[1]);
		snprintf(t->source, sizeof(t->source), "%.*s", (int)len[7], cell[7]);
		out->n++;
		p = eol ? eol + 1 : end;
	}
	if (out->n == 0) {
		snprintf(err, errsz, "aucun seuil : fichier vide ou en-tête seul");
		goto fail;
	}
	return 0;
fail:
	thresholds_free(out);
	return CANTINE_EINVAL;
}

static int lists(const char *depts, const char *d)
{
	size_t n = strlen(d);
	const char *p = depts;

	while (*p) {
		const char *e = strchr(p, '|');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len == n && strncmp(p, d, n) == 0)
			return 1;
		if (!e)
			break;
		p = e + 1;
	}
	return 0;
}

const threshold *thresholds_find(const thresholds *t, const char *departement, int year)
{
	const threshold *deflt = NULL;
	size_t i;

	for (i = 0; i < t->n; i++) {
		const threshold *r = &t->at[i];
		if (year < r->from || year > r->to)
			continue;
		if (departement && lists(r->depts, departement))
			return r;
		if (strcmp(r->depts, "*") == 0 && !deflt)
			deflt = r;
	}
	return deflt;
}
