/*
 * text.c: UTF-8, windows-1252, name folding and civil dates.
 */
#include <stdio.h>
#include <string.h>

#include "common_int.h"
#include "text_int.h"

size_t cantine__utf8_seq(const unsigned char *s, size_t avail)
{
	unsigned c = s[0];
	size_t n, i;
	uint32_t cp;

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		n = 2, cp = c & 0x1F;
	else if (c >= 0xE0 && c <= 0xEF)
		n = 3, cp = c & 0x0F;
	else if (c >= 0xF0 && c <= 0xF4)
		n = 4, cp = c & 0x07;
	else
		return 0;
	if (avail < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	/* Overlong forms, surrogates and values past U+10FFFF. */
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		return 0;
	return n;
}

bool cantine__utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k;

	while (i < n) {
		k = cantine__utf8_seq(p + i, n - i);
		if (!k)
			return false;
		i += k;
	}
	return true;
}

size_t cantine__utf8_len(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

/* windows-1252 0x80–0x9F; 0 marks the five undefined bytes. */
static const uint16_t cp1252_high[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

uint32_t cantine__cp1252(unsigned char c)
{
	if (c >= 0x80 && c <= 0x9F)
		return cp1252_high[c - 0x80];
	return c;
}

int cantine__buf_put_utf8(cantine_buf *b, uint32_t cp)
{
	char t[4];
	size_t n;

	if (cp < 0x80)
		t[0] = (char)cp, n = 1;
	else if (cp < 0x800) {
		t[0] = (char)(0xC0 | (cp >> 6));
		t[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		t[0] = (char)(0xE0 | (cp >> 12));
		t[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		t[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		t[0] = (char)(0xF0 | (cp >> 18));
		t[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		t[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		t[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	return cantine__buf_put(b, t, n);
}

/* Base letters of U+00C0–U+00FF (Latin-1 letters), '\0' where none. */
static const char latin1_base[64] =
	"aaaaaaaceeeeiiii" "dnooooo\0ouuuuyts"
	"aaaaaaaceeeeiiii" "dnooooo\0ouuuuyty";

bool cantine__fold(const char *in, char *out, size_t outsz)
{
	const unsigned char *p = (const unsigned char *)in;
	size_t o = 0;
	bool sep = true;      /* swallow leading separators */
	bool pending = false; /* a '_' to write before the next character */

#define PUT(ch) do { if (o + 1 >= outsz) return false; out[o++] = (ch); } while (0)
	while (*p) {
		unsigned c = *p;
		if (c == ' ' || c == '_' || c == '-' || c == '\'' || c == '\t') {
			pending = pending || !sep;
			sep = true;
			p++;
			continue;
		}
		if (c == 0xE2 && p[1] == 0x80 && p[2] == 0x99) { /* ’ */
			pending = pending || !sep;
			sep = true;
			p += 3;
			continue;
		}
		if (pending)
			PUT('_');
		pending = false;
		sep = false;
		if (c < 0x80) {
			PUT((char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
			p++;
		} else if (c == 0xC3 && p[1] >= 0x80 && p[1] <= 0xBF) {
			char b = latin1_base[p[1] - 0x80];
			PUT(b ? b : '?');
			p += 2;
		} else if (c == 0xC5 && (p[1] == 0x92 || p[1] == 0x93)) { /* Œ œ */
			PUT('o');
			PUT('e');
			p += 2;
		} else {
			PUT('?');
			p++;
			while ((*p & 0xC0) == 0x80)
				p++;
		}
	}
#undef PUT
	out[o] = '\0';
	return true;
}

char *cantine__trim(char *s)
{
	size_t n = strlen(s), i = 0;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	while (s[i] == ' ' || s[i] == '\t')
		i++;
	if (i)
		memmove(s, s + i, n - i + 1);
	return s;
}

/* ---- dates ---- */

int cantine__days_in_month(int y, int m)
{
	static const int dim[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : dim[m - 1];
}

bool cantine__date_parse(const char *s, int *y, int *m, int *d)
{
	int i;

	for (i = 0; i < 10; i++) {
		if (i == 4 || i == 7) {
			if (s[i] != '-')
				return false;
		} else if (s[i] < '0' || s[i] > '9') {
			return false;
		}
	}
	if (s[10] != '\0')
		return false;
	*y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	*m = (s[5] - '0') * 10 + (s[6] - '0');
	*d = (s[8] - '0') * 10 + (s[9] - '0');
	if (*y < 1900 || *m < 1 || *m > 12 || *d < 1)
		return false;
	return *d <= cantine__days_in_month(*y, *m);
}

int cantine_date_check(const char *date)
{
	int y, m, d;

	return date && cantine__date_parse(date, &y, &m, &d) ? 0 : CANTINE_EINVAL;
}

int cantine_date_add(char out[11], const char *date, int days)
{
	int y, m, d;

	if (!date || !cantine__date_parse(date, &y, &m, &d))
		return CANTINE_EINVAL;
	cantine__date_format(cantine__days_from_civil(y, m, d) + days, out);
	return 0;
}

int cantine_date_monday(char out[11], const char *date)
{
	int y, m, d;
	int64_t days;

	if (!date || !cantine__date_parse(date, &y, &m, &d))
		return CANTINE_EINVAL;
	days = cantine__days_from_civil(y, m, d);
	cantine__date_format(days - cantine__weekday(days), out);
	return 0;
}

int cantine_date_french(char *out, size_t n, const char *date)
{
	static const char *const days[7] = {
		"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
	};
	static const char *const months[12] = {
		"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
		"août", "septembre", "octobre", "novembre", "décembre",
	};
	int y, m, d, len;

	if (n > 0)
		out[0] = '\0';
	if (!date || !cantine__date_parse(date, &y, &m, &d))
		return CANTINE_EINVAL;
	len = snprintf(out, n, "%s %d%s %s %d",
		       days[cantine__weekday(cantine__days_from_civil(y, m, d))], d,
		       d == 1 ? "er" : "", months[m - 1], y);
	if (len < 0 || (size_t)len >= n) {
		if (n > 0)
			out[0] = '\0';
		return CANTINE_EINVAL;
	}
	return 0;
}

/* Howard Hinnant's civil-date algorithms (public domain description). */
int64_t cantine__days_from_civil(int y, int m, int d)
{
	int64_t yy = y - (m <= 2);
	int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
	int64_t yoe = yy - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void cantine__civil_from_days(int64_t z, int *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int cantine__weekday(int64_t days)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0). */
	int64_t w = (days + 3) % 7;

	return (int)(w < 0 ? w + 7 : w);
}

void cantine__date_format(int64_t days, char out[11])
{
	int y, m, d;

	cantine__civil_from_days(days, &y, &m, &d);
	out[0] = (char)('0' + y / 1000 % 10);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

int cantine__csv_field(cantine_buf *b, const char *s)
{
	size_t n = strlen(s);
	int rc;

	if (!strpbrk(s, ",\"\r\n") && !(n && (s[0] == ' ' || s[n - 1] == ' ')))
		return cantine__buf_put(b, s, n);
	rc = cantine__buf_put(b, "\"", 1);
	for (; rc == 0 && *s; s++)
		rc = *s == '"' ? cantine__buf_put(b, "\"\"", 2) : cantine__buf_put(b, s, 1);
	return rc ? rc : cantine__buf_put(b, "\"", 1);
}

int cantine__pad(cantine_buf *b, const char *s, int width, bool right)
{
	size_t len = strlen(s), i, cut = len;
	int cols = 0, pad, rc = 0;

	for (i = 0; i < len; i++)
		cols += ((unsigned char)s[i] & 0xC0) != 0x80;
	if (cols > width) {
		/* keep width - 1 columns and an ellipsis */
		for (i = 0, cols = 0; i < len; i++)
			if (((unsigned char)s[i] & 0xC0) != 0x80 && cols++ == width - 1) {
				cut = i;
				break;
			}
		rc = cantine__buf_put(b, s, cut);
		return rc ? rc : cantine__buf_puts(b, "…");
	}
	pad = width - cols;
	if (!right)
		rc = cantine__buf_puts(b, s);
	for (; rc == 0 && pad > 0; pad--)
		rc = cantine__buf_put(b, " ", 1);
	return rc == 0 && right ? cantine__buf_puts(b, s) : rc;
}

void cantine__group(char out[32], uint64_t v)
{
	char digits[24];
	int len = snprintf(digits, sizeof(digits), "%llu", (unsigned long long)v), i, k = 0;

	for (i = 0; i < len; i++) {
		if (i && (len - i) % 3 == 0)
			out[k++] = ' ';
		out[k++] = digits[i];
	}
	out[k] = '\0';
}

void cantine__decimal(char out[32], int64_t cents)
{
	uint64_t a = cents < 0 ? 0 - (uint64_t)cents : (uint64_t)cents;

	snprintf(out, 32, "%s%llu.%02llu", cents < 0 ? "-" : "", (unsigned long long)(a / 100),
		 (unsigned long long)(a % 100));
}
