/*
 * import_stream.c: reading an import file in chunks (import_int.h,
 * cantine__src): a first pass that hashes the bytes, looks for a NUL byte
 * and guesses the encoding, then the CSV reader on the same bytes read
 * again.  Memory stays at a few chunks whatever the size of the file.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "import_int.h"
#include "sha256_int.h"
#include "text_int.h"

static int src_fill(void *ud, char *buf, size_t cap, size_t *got)
{
	cantine__src *src = ud;

	*got = 0;
	if (src->fd < 0) {
		size_t n = src->len - src->off < cap ? src->len - src->off : cap;
		memcpy(buf, src->data + src->off, n);
		src->off += n;
		*got = n;
		return 0;
	}
	for (;;) {
		ssize_t r = read(src->fd, buf, cap);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return CANTINE_EIO;
		*got = (size_t)r;
		return 0;
	}
}

/* The parse's reads: hashed again as they go (cantine__stream_unchanged). */
static int parse_fill(void *ud, char *buf, size_t cap, size_t *got)
{
	cantine__src *src = ud;
	int rc = src_fill(src, buf, cap, got);

	if (rc == 0)
		cantine__sha256_update(&src->sha, buf, *got);
	return rc;
}

/* Back to byte `off` of the source. */
static int src_seek(cantine__src *src, size_t off)
{
	if (src->fd < 0) {
		src->off = off < src->len ? off : src->len;
		return 0;
	}
	return lseek(src->fd, (off_t)off, SEEK_SET) < 0 ? CANTINE_EIO : 0;
}

/* ---- the encoding guess, chunk by chunk ---- */

/* The guess of formats.md (import.c, guess_cp1252): UTF-8 when valid or
 * when it holds one valid multi-byte sequence, else windows-1252.  A
 * sequence cut by the end of a chunk is carried to the next one. */
struct guess {
	bool          bad, multi;
	unsigned char carry[4];
	size_t        ncarry;
};

/* Length of the UTF-8 sequence lead byte c starts, 0 when not a lead. */
static size_t seq_len(unsigned char c)
{
	return c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 :
	       c >= 0xF0 && c <= 0xF4 ? 4 : 0;
}

static void guess_feed(struct guess *g, const unsigned char *s, size_t len)
{
	size_t i = 0, k, need;

	/* Finish a sequence begun in the previous chunk. */
	while (g->ncarry && i < len) {
		if ((s[i] & 0xC0) != 0x80) {
			g->bad = true;      /* cut short: s[i] is read normally */
			g->ncarry = 0;
			break;
		}
		g->carry[g->ncarry++] = s[i++];
		if (g->ncarry == seq_len(g->carry[0])) {
			if (cantine__utf8_seq(g->carry, g->ncarry))
				g->multi = true;
			else
				g->bad = true;
			g->ncarry = 0;
		}
	}
	while (i < len) {
		uint64_t w;

		/* Eight ASCII bytes at a time: most of a file. */
		if (i + 8 <= len) {
			memcpy(&w, s + i, 8);
			if (!(w & UINT64_C(0x8080808080808080))) {
				i += 8;
				continue;
			}
		}
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		k = cantine__utf8_seq(s + i, len - i);
		if (k) {
			g->multi = true;
			i += k;
			continue;
		}
		need = seq_len(s[i]);
		if (need && i + need > len) {
			for (k = i + 1; k < len && (s[k] & 0xC0) == 0x80; k++)
				;
			if (k == len) {
				memcpy(g->carry, s + i, len - i);
				g->ncarry = len - i;
				return;
			}
		}
		g->bad = true;
		i++;
	}
}

int cantine__scan_src(cantine__src *src, cantine__scan *out)
{
	struct guess g = { false, false, { 0 }, 0 };
	cantine__sha256 sha;
	unsigned char *buf;
	uint64_t off = 0;
	size_t got;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = src_seek(src, 0)))
		return rc;
	if (!(buf = cantine__malloc(CANTINE__CSV_CHUNK)))
		return CANTINE_ENOMEM;
	cantine__sha256_init(&sha);
	while ((rc = src_fill(src, (char *)buf, CANTINE__CSV_CHUNK, &got)) == 0 && got) {
		const unsigned char *s = buf;
		size_t n = got;
		const void *nul;

		cantine__sha256_update(&sha, buf, got);
		if (off == 0 && got >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
			out->bom = true;
			s += 3;
			n -= 3;
		}
		if (!out->nul && (nul = memchr(buf, '\0', got))) {
			out->nul = true;
			out->nul_at = off + (uint64_t)((const unsigned char *)nul - buf);
		}
		if (!out->bom)
			guess_feed(&g, s, n);
		off += got;
	}
	cantine__free(buf);
	if (rc)
		return rc;
	cantine__sha256_final(&sha, out->sha256);
	out->cp1252 = !out->bom && (g.bad || g.ncarry) && !g.multi;
	return 0;
}

/* The line of byte `at`: one more than the line ends before it. */
static int line_of(cantine__src *src, uint64_t at, unsigned *line)
{
	char *buf;
	uint64_t off = 0;
	size_t got, i;
	int rc;

	*line = 1;
	if ((rc = src_seek(src, 0)))
		return rc;
	if (!(buf = cantine__malloc(CANTINE__CSV_CHUNK)))
		return CANTINE_ENOMEM;
	while (off < at && (rc = src_fill(src, buf, CANTINE__CSV_CHUNK, &got)) == 0 && got) {
		for (i = 0; i < got && off + i < at; i++)
			if (buf[i] == '\n')
				(*line)++;
		off += got;
	}
	cantine__free(buf);
	return rc;
}

int cantine__import_stream(cantine__import *imp, cantine__src *src,
			   const cantine__scan *scan, cantine_encoding enc)
{
	int rc;

	/* A file with NUL bytes is not text: stop at once (binary garbage). */
	if (scan->nul) {
		unsigned line;

		if ((rc = line_of(src, scan->nul_at, &line)))
			return rc;
		if (cantine__file_problem(imp, line, "octet nul (0x00) à la position %llu du "
				 "fichier : ce n'est pas un fichier texte CSV ; exportez-le au "
				 "format CSV depuis votre tableur",
				 (unsigned long long)scan->nul_at + 1))
			return CANTINE_ENOMEM;
		return 1;
	}
	/* A UTF-8 byte-order mark: UTF-8, and not part of the first name. */
	imp->cp1252 = !scan->bom && (enc == CANTINE_ENCODING_CP1252 ||
				     (enc == CANTINE_ENCODING_AUTO && scan->cp1252));
	if ((rc = src_seek(src, scan->bom ? 3 : 0)))
		return rc;
	cantine__sha256_init(&src->sha);
	if (scan->bom)
		cantine__sha256_update(&src->sha, "\xEF\xBB\xBF", 3);
	return cantine__csv_init_stream(&imp->csv, parse_fill, src);
}

bool cantine__stream_unchanged(cantine__src *src, const cantine__scan *scan)
{
	char hex[65];

	cantine__sha256_final(&src->sha, hex);
	return strcmp(hex, scan->sha256) == 0;
}
