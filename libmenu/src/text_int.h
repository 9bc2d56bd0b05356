/*
 * text_int.h: text helpers: UTF-8 checks, windows-1252 conversion, folding
 * of names for look-ups, dates.
 */
#ifndef CANTINE_TEXT_INT_H
#define CANTINE_TEXT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cantine/common.h"

/* Length of the valid UTF-8 sequence at s (1–4), or 0 when invalid. */
size_t cantine__utf8_seq(const unsigned char *s, size_t avail);
/* True when s[0..n) is valid UTF-8. */
bool cantine__utf8_valid(const char *s, size_t n);
/* Number of code points of a valid UTF-8 string. */
size_t cantine__utf8_len(const char *s);

/* Unicode code point of windows-1252 byte c, or 0 when undefined. */
uint32_t cantine__cp1252(unsigned char c);
/* Append code point cp as UTF-8. */
int cantine__buf_put_utf8(cantine_buf *b, uint32_t cp);

/*
 * Fold a name for look-ups into out (size outsz): ASCII lower case, Latin
 * accents removed, "œ" → "oe", spaces, '-', '\'' and '’' → '_', runs of '_'
 * collapsed, ends trimmed.  Returns false when it does not fit.
 */
bool cantine__fold(const char *in, char *out, size_t outsz);

/* Trim ASCII spaces at both ends, in place; returns s. */
char *cantine__trim(char *s);

/* Civil dates. */
bool cantine__date_parse(const char *s, int *y, int *m, int *d);
int  cantine__days_in_month(int y, int m);
/* Days since 1970-01-01 (proleptic Gregorian) and back. */
int64_t cantine__days_from_civil(int y, int m, int d);
void cantine__civil_from_days(int64_t z, int *y, int *m, int *d);
/* 0 = Monday … 6 = Sunday. */
int cantine__weekday(int64_t days);
void cantine__date_format(int64_t days, char out[11]);

/* Outputs for people and machines (audit, bills, CSV exports). */
/* Append CSV field `s`, between double quotes when it holds a comma, a
 * quote or a line break, or starts or ends with a space. */
int cantine__csv_field(cantine_buf *b, const char *s);
/* Append `s` padded (or cut with "…") to `width` display columns (code
 * points), right aligned with `right`. */
int cantine__pad(cantine_buf *b, const char *s, int width, bool right);
/* "7 484": thousands grouped by a space, as French writes them. */
void cantine__group(char out[32], uint64_t v);
/* "1234.56", "-0.05": cents for machines (CSV, XML). */
void cantine__decimal(char out[32], int64_t cents);

#endif
