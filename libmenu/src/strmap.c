/*
 * strmap.c: string-keyed hash table.
 */
#include <string.h>

#include "common_int.h"
#include "strmap_int.h"

/* FNV-1a, 64 bits. */
static uint64_t hash(const char *s)
{
	uint64_t h = UINT64_C(14695981039346656037);

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * UINT64_C(1099511628211);
	return h;
}

static size_t slot(const cantine__strmap *m, const char *key)
{
	size_t i = (size_t)hash(key) & (m->cap - 1);

	while (m->keys[i] && strcmp(m->keys[i], key) != 0)
		i = (i + 1) & (m->cap - 1);
	return i;
}

cantine__strmap_val *cantine__strmap_get(const cantine__strmap *m, const char *key)
{
	size_t i;

	if (!m->cap)
		return NULL;
	i = slot(m, key);
	return m->keys[i] ? &m->vals[i] : NULL;
}

static int grow(cantine__strmap *m)
{
	cantine__strmap old = *m;
	size_t i, j;

	m->cap = old.cap ? old.cap * 2 : 64;
	m->keys = cantine__calloc(m->cap, sizeof(*m->keys));
	m->vals = cantine__calloc(m->cap, sizeof(*m->vals));
	if (!m->keys || !m->vals) {
		cantine__free(m->keys);
		cantine__free(m->vals);
		*m = old;
		return -1;
	}
	for (i = 0; i < old.cap; i++) {
		if (!old.keys[i])
			continue;
		j = slot(m, old.keys[i]);
		m->keys[j] = old.keys[i];
		m->vals[j] = old.vals[i];
	}
	cantine__free(old.keys);
	cantine__free(old.vals);
	return 0;
}

cantine__strmap_val *cantine__strmap_put(cantine__strmap *m, const char *key,
					 int *added)
{
	size_t i;

	*added = 0;
	if ((m->n + 1) * 4 > m->cap * 3 && grow(m))
		return NULL;
	i = slot(m, key);
	if (!m->keys[i]) {
		m->keys[i] = cantine__strdup(key);
		if (!m->keys[i])
			return NULL;
		memset(&m->vals[i], 0, sizeof(m->vals[i]));
		m->n++;
		*added = 1;
	}
	return &m->vals[i];
}

const char *cantine__strmap_key(const cantine__strmap *m, size_t i)
{
	return i < m->cap ? m->keys[i] : NULL;
}

void cantine__strmap_free(cantine__strmap *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		cantine__free(m->keys[i]);
	cantine__free(m->keys);
	cantine__free(m->vals);
	memset(m, 0, sizeof(*m));
}
