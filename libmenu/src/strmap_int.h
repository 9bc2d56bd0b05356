/*
 * strmap_int.h: a string-keyed hash table (open addressing, linear
 * probing) for the importers' look-ups: codes, names and keys seen in a
 * file, ids preloaded from the store.
 */
#ifndef CANTINE_STRMAP_INT_H
#define CANTINE_STRMAP_INT_H

#include <stddef.h>
#include <stdint.h>

typedef struct cantine__strmap_val {
	int64_t  id;    /* an id in the store, or 0 */
	int      aux;   /* a small value (course, status, …) */
	unsigned line;  /* line of the file where the key was first seen */
	void    *ptr;   /* owned by the caller */
} cantine__strmap_val;

typedef struct cantine__strmap {
	char               **keys;
	cantine__strmap_val *vals;
	size_t               cap, n;
} cantine__strmap;

/* The value of `key`, or NULL. */
cantine__strmap_val *cantine__strmap_get(const cantine__strmap *m, const char *key);
/* The value of `key`, added (zeroed) when missing; *added tells which.
 * NULL when out of memory. */
cantine__strmap_val *cantine__strmap_put(cantine__strmap *m, const char *key,
					 int *added);
/* Iterate: i from 0 while < m->cap; returns the key at i or NULL. */
const char *cantine__strmap_key(const cantine__strmap *m, size_t i);
void cantine__strmap_free(cantine__strmap *m);

#endif
