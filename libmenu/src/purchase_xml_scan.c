/*
 * purchase_xml_scan.c: the bytes of a purchase file in the project's XML
 * format, looked at without libxml2 (purchase_xml_int.h): is it XML, does
 * its prolog hold a DOCTYPE, and where (line, column in characters) are
 * its elements.  libxml2 2.9 keeps no column for an element, and its line
 * numbers stop at 65535.
 */
#include <string.h>
#include <sys/stat.h>

#include "purchase_xml_int.h"

static size_t skip_bom_blanks(const char *d, size_t len)
{
	size_t i = len >= 3 && memcmp(d, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;

	while (i < len && (d[i] == ' ' || d[i] == '\t' || d[i] == '\r' || d[i] == '\n'))
		i++;
	return i;
}

bool cantine__purchase_is_xml(const char *data, size_t len)
{
	size_t i = skip_bom_blanks(data, len);

	return i < len && data[i] == '<';
}

bool cantine__purchase_file_is_xml(const char *path)
{
	char head[4096];
	struct stat sb;
	size_t n;
	FILE *f;

	/* Not a FIFO or a device: opening one could block. */
	if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode) || !(f = fopen(path, "rbe")))
		return false;
	n = fread(head, 1, sizeof(head), f);
	fclose(f);
	return cantine__purchase_is_xml(head, n);
}

/* Number of characters in data[from..to): UTF-8 lead bytes. */
static unsigned chars(const char *data, size_t from, size_t to)
{
	unsigned n = 0;

	for (; from < to; from++)
		if (((unsigned char)data[from] & 0xC0) != 0x80)
			n++;
	return n;
}

bool cantine__xml_doctype(const char *d, size_t len, unsigned *line, unsigned *col)
{
	size_t i = skip_bom_blanks(d, len), bol = 0;
	const char *end, *nl;

	*line = 1;
	*col = 0;
	while (i + 1 < len && d[i] == '<') {
		size_t skip;

		if (i + 4 <= len && memcmp(d + i, "<!--", 4) == 0) {
			end = memmem(d + i + 4, len - i - 4, "-->", 3);
			skip = 3;
		} else if (d[i + 1] == '?') {
			end = memmem(d + i + 2, len - i - 2, "?>", 2);
			skip = 2;
		} else {
			break;
		}
		if (!end)
			return false; /* unterminated: libxml2 says so */
		i = (size_t)(end - d) + skip;
		while (i < len && (d[i] == ' ' || d[i] == '\t' || d[i] == '\r' || d[i] == '\n'))
			i++;
	}
	if (!(i + 1 < len && d[i] == '<' && d[i + 1] == '!'))
		return false;
	for (end = d; (nl = memchr(end, '\n', (size_t)(d + i - end))); end = nl + 1) {
		++*line;
		bol = (size_t)(nl - d) + 1;
	}
	if (bol == 0 && len >= 3 && memcmp(d, "\xEF\xBB\xBF", 3) == 0)
		bol = 3;
	*col = chars(d, bol, i) + 1;
	return true;
}

void cantine__xml_scan_init(cantine__xml_scan *sc, const char *data, size_t len)
{
	memset(sc, 0, sizeof(*sc));
	sc->data = data;
	sc->len = len;
	sc->line = 1;
	sc->col = 1;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		sc->at = sc->col_at = 3;
}

/* Move the scan forward to byte `to`, counting lines. */
static void scan_to(cantine__xml_scan *sc, size_t to)
{
	const char *nl;

	while (sc->at < to && (nl = memchr(sc->data + sc->at, '\n', to - sc->at))) {
		sc->line++;
		sc->at = (size_t)(nl - sc->data) + 1;
		sc->col_at = sc->at;
		sc->col = 1;
	}
	sc->at = to;
}

/* Skip past `end` (a comment's "-->", …) from the scan position. */
static void scan_past(cantine__xml_scan *sc, const char *end)
{
	const char *p = memmem(sc->data + sc->at, sc->len - sc->at, end, strlen(end));

	scan_to(sc, p ? (size_t)(p - sc->data) + strlen(end) : sc->len);
}

/*
 * In the part of a well-formed file the reader has given, the next '<'
 * that opens no end tag, comment, CDATA section or processing instruction
 * opens the next element (a '<' cannot appear anywhere else), so this
 * finds each element's exact position.  The scan only moves forward: the
 * whole file costs one pass.
 */
void cantine__xml_tag_next(cantine__xml_scan *sc, unsigned *line, unsigned *col)
{
	for (;;) {
		const char *p = memchr(sc->data + sc->at, '<', sc->len - sc->at);
		size_t at, left;

		if (!p) {
			scan_to(sc, sc->len);
			*line = sc->line;
			*col = 0;
			return;
		}
		at = (size_t)(p - sc->data);
		scan_to(sc, at);
		left = sc->len - at;
		if (left >= 4 && memcmp(p, "<!--", 4) == 0)
			scan_past(sc, "-->");
		else if (left >= 9 && memcmp(p, "<![CDATA[", 9) == 0)
			scan_past(sc, "]]>");
		else if (left >= 2 && p[1] == '?')
			scan_past(sc, "?>");
		else if (left >= 2 && (p[1] == '/' || p[1] == '!'))
			scan_past(sc, ">");
		else {
			sc->col += chars(sc->data, sc->col_at, at);
			sc->col_at = at;
			*line = sc->line;
			*col = sc->col;
			scan_to(sc, at + 1);
			return;
		}
	}
}

/* How far back from the parser's position a tag is looked for. */
#define TAG_WINDOW 4096

/* The last tag of element `name` (n bytes, any prefix; an end tag with
 * `end`) in data[from..to), or (size_t)-1. */
static size_t tag_before(const char *data, size_t len, size_t from, size_t to,
			 const char *name, size_t n, bool end)
{
	static const char stops[] = " \t\r\n>/";
	const char *p;

	while (to > from && (p = memrchr(data + from, '<', to - from))) {
		size_t at = (size_t)(p - data), q = at + 1, k;

		to = at;
		if ((q < len && data[q] == '/') != end)
			continue;
		q += end;
		for (k = q; k < len && !memchr(stops, data[k], sizeof(stops) - 1); k++)
			if (data[k] == ':')
				q = k + 1;
		if (k - q == n && memcmp(data + q, name, n) == 0)
			return at;
	}
	return (size_t)-1;
}

unsigned cantine__xml_tag_column(const char *data, size_t len, size_t at, unsigned col,
				 const char *name, size_t n)
{
	size_t to = at < len ? at : len, from = to > TAG_WINDOW ? to - TAG_WINDOW : 0, tag;
	bool end;

	if (col == 0 || n == 0)
		return 0;
	for (end = false; ; end = true) {
		tag = tag_before(data, len, from, to, name, n, end);
		if (tag != (size_t)-1 && !memchr(data + tag, '\n', to - tag) &&
		    chars(data, tag, to) < col)
			return col - chars(data, tag, to);
		if (end)
			return 0;
	}
}
