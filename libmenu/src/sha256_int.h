/*
 * sha256_int.h: SHA-256 (FIPS 180-4) of a buffer, as 64 lower-case hex
 * digits: how a purchase import recognises a file already imported.
 */
#ifndef CANTINE_SHA256_INT_H
#define CANTINE_SHA256_INT_H

#include <stddef.h>

void cantine__sha256_hex(const void *data, size_t len, char out[65]);

#endif
