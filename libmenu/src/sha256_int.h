/*
 * sha256_int.h: SHA-256 (FIPS 180-4) of a buffer, as 64 lower-case hex
 * digits: how a purchase import recognises a file already imported.
 */
#ifndef CANTINE_SHA256_INT_H
#define CANTINE_SHA256_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Incremental hashing, for a file read in chunks: init, update as many
 * times as needed, final. */
typedef struct cantine__sha256 {
	uint32_t      h[8];
	uint64_t      len;     /* bytes hashed so far */
	unsigned char buf[64]; /* a block not yet complete */
	size_t        n;
} cantine__sha256;

void cantine__sha256_init(cantine__sha256 *s);
void cantine__sha256_update(cantine__sha256 *s, const void *data, size_t len);
void cantine__sha256_final(cantine__sha256 *s, char out[65]);

/* Tests: use the portable code even where the SHA extensions exist. */
void cantine__sha256_portable(bool on);

/* One-shot: the hash of data[0..len). */
void cantine__sha256_hex(const void *data, size_t len, char out[65]);

#endif
