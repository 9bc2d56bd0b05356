/*
 * ciqual.c: importing Table Ciqual 2025 (ANSES) as published
 * (docs/formats.md, "Table Ciqual"; the file's quirks are listed in
 * nutrition-data/PROVENANCE.md).
 *
 * This is a driver of its own, like scdl_import.c: it reuses the CSV
 * reader, the cell decoding and the problem list of the CSV import
 * (import_int.h), and adds what this file needs: the header recognised
 * by its text with white space collapsed, a check of every byte before
 * decoding (a damaged file gets one message that says so, not a decoding
 * error per cell), the value grammar (ciqual_cols.c) and the signs of a
 * cut file.  Like every import, the store is written in one transaction
 * while the file has no problem, and rolled back at the end if it has
 * any; the tables are emptied first, so that importing the same file again
 * gives the same store.
 */
#include <stdio.h>
#include <string.h>

#include "ciqual_int.h"
#include "import_int.h"
#include "strmap_int.h"
#include "text_int.h"

/* What to do about a file that is not the table as published. */
#define REFETCH "téléchargez de nouveau la table Ciqual 2025 sur ciqual.anses.fr " \
	"(ou reprenez nutrition-data/Table_Ciqual_2025_FR_2025_11_03.csv) et " \
	"importez-la sans l'ouvrir ni la réenregistrer dans un tableur"

typedef struct ciqual_in {
	cantine__import      imp;   /* reader, decoded cells, problems */
	cantine__kind_ops    ops;   /* only its columns: for the problems */
	cantine__col         cols[CQ__NCOLS];
	cantine_ciqual_stats stats;
	cantine__strmap      seen;  /* food codes → first line */
	sqlite3_stmt        *ins_food, *ins_value;
	const char          *data;  /* the file, after a BOM */
	size_t               len;
	bool                 cut;   /* a cut file was reported */
} ciqual_in;

/* ---- the header ---- */

/* Decode a header cell into `out` (UTF-8).  Returns 1, 0 when a byte is
 * not of the file's encoding, or ENOMEM. */
static int header_text(const ciqual_in *s, const cantine__csv_cell *cl, cantine_buf *out)
{
	size_t i;

	out->size = 0;
	if (cantine__buf_put(out, "", 0))
		return CANTINE_ENOMEM;
	if (!s->imp.cp1252) {
		if (!cantine__utf8_valid(cl->text, cl->len))
			return 0;
		return cantine__buf_put(out, cl->text, cl->len) ? CANTINE_ENOMEM : 1;
	}
	for (i = 0; i < cl->len; i++) {
		uint32_t cp = cantine__cp1252((unsigned char)cl->text[i]);
		if (!cp)
			return 0;
		if (cantine__buf_put_utf8(out, cp))
			return CANTINE_ENOMEM;
	}
	return 1;
}

/* Report the official columns the header lacks, in one problem. */
static int report_missing(ciqual_in *s, const bool *found)
{
	cantine_buf names = CANTINE_BUF_INIT;
	size_t c, n = 0;
	int rc = 0;

	for (c = 0; c < CQ__NCOLS && rc == 0; c++)
		if (!found[c] && n++ < 5)
			rc = cantine__buf_printf(&names, "%s« %s »", n > 1 ? ", " : "",
						 cantine__ciqual_cols[c].name);
	if (rc == 0 && n > 0)
		rc = cantine__file_problem(&s->imp, s->imp.csv.rec_line, "%zu colonne%s de la "
			"table Ciqual 2025 absente%s de l'en-tête : %s%s ; le fichier est tronqué, "
			"ce n'est pas la table Ciqual 2025, ou ses colonnes ont été modifiées ; "
			REFETCH, n, n > 1 ? "s" : "", n > 1 ? "s" : "", names.ptr,
			n > 5 ? "…" : "");
	cantine_buf_dispose(&names);
	return rc;
}

/* Map every header cell to an official column, by its normalised text. */
static int map_header(ciqual_in *s)
{
	cantine__import *imp = &s->imp;
	cantine_buf text = CANTINE_BUF_INIT;
	bool found[CQ__NCOLS] = { false };
	char want[CQ__NCOLS][160], got[400];
	bool damaged = false;
	size_t i, c;
	int rc = 0;

	for (c = 0; c < CQ__NCOLS; c++)
		if (!cantine__ciqual_norm(cantine__ciqual_cols[c].name, want[c], sizeof(want[c])))
			return CANTINE_ERROR; /* the table above is too long: a bug */
	for (i = 0; i < imp->csv.n && rc == 0; i++) {
		const cantine__csv_cell *cl = &imp->csv.cells[i];
		cantine__cq_damage damage;

		if ((rc = header_text(s, cl, &text)) <= 0) {
			if (rc == 0)
				rc = cantine__header_problem(imp, cl->line, (unsigned)i + 1, "en-tête "
					"mal encodé (un octet n'est ni de l'UTF-8 ni du windows-1252 : "
					"le fichier mélange deux encodages) ; " REFETCH);
			continue;
		}
		rc = 0;
		if ((damage = cantine__ciqual_damage(text.ptr)) != CQ_SOUND) {
			/* The whole file was converted: once is enough. */
			rc = cantine__header_problem(imp, cl->line, (unsigned)i + 1, "l'en-tête %s ; "
				REFETCH, cantine__ciqual_damage_text(damage));
			damaged = true;
			break;
		}
		if (!cantine__ciqual_norm(text.ptr, got, sizeof(got)))
			got[0] = '\0';
		for (c = 0; c < CQ__NCOLS && strcmp(got, want[c]) != 0; c++)
			;
		if (c == CQ__NCOLS)
			rc = cantine__header_problem(imp, cl->line, (unsigned)i + 1, "« %s » n'est "
				"pas une colonne de la table Ciqual 2025 (même en ignorant les retours "
				"à la ligne et les espaces) ; la table a été modifiée, ou ce n'est pas "
				"la version 2025 ; " REFETCH, *got ? got : text.ptr);
		else if (found[c])
			rc = cantine__header_problem(imp, cl->line, (unsigned)i + 1, "la colonne "
				"« %s » apparaît deux fois (déjà en colonne %d) ; " REFETCH,
				cantine__ciqual_cols[c].name, imp->colmap[c] + 1);
		else
			found[c] = true, imp->colmap[c] = (int)i;
	}
	cantine_buf_dispose(&text);
	if (rc == 0 && !damaged)
		rc = report_missing(s, found);
	return rc;
}

/* ---- rows ---- */

/* Check the raw bytes of every cell before decoding: a control
 * character, a byte windows-1252 does not define, or a broken UTF-8
 * sequence in a UTF-8 file, means the file was damaged or mixes
 * encodings.  Returns 1 when the row is sound, 0 when reported, or
 * ENOMEM. */
static int check_bytes(ciqual_in *s)
{
	cantine__import *imp = &s->imp;
	size_t c, i, k;

	for (c = 0; c < CQ__NCOLS; c++) {
		const cantine__csv_cell *cl = &imp->csv.cells[imp->colmap[c]];
		const unsigned char *t = (const unsigned char *)cl->text;

		for (i = 0; i < cl->len; i += k) {
			k = 1;
			if ((t[i] < 0x20 && t[i] != '\t' && t[i] != '\n' && t[i] != '\r') ||
			    t[i] == 0x7F)
				return cantine__problem(imp, (int)c, "caractère de contrôle 0x%02X "
					"(octet n° %zu de la cellule) : la table n'en a pas, le "
					"fichier a été modifié ; " REFETCH, t[i], i + 1)
					? CANTINE_ENOMEM : 0;
			if (t[i] < 0x80)
				continue;
			if (imp->cp1252 && cantine__cp1252(t[i]))
				continue;
			if (!imp->cp1252 && (k = cantine__utf8_seq(t + i, cl->len - i)) > 0)
				continue;
			return cantine__problem(imp, (int)c, imp->cp1252
				? "octet 0x%02X inconnu en windows-1252 (octet n° %zu de la cellule) : "
				  "ce n'est pas la table telle que l'Anses la publie ; " REFETCH
				: "octet 0x%02X qui n'est pas de l'UTF-8 (octet n° %zu de la cellule), "
				  "dans un fichier par ailleurs en UTF-8 : le fichier mélange deux "
				  "encodages ; " REFETCH, t[i], i + 1) ? CANTINE_ENOMEM : 0;
		}
	}
	return 1;
}

static int value_problem(ciqual_in *s, int col, cantine__cq_err err, const char *v)
{
	cantine__import *imp = &s->imp;
	const char *unit = cantine__ciqual_cols[col].unit;

	switch (err) {
	case CQ_EMPTY:
		return cantine__problem(imp, col, "cellule vide : la table écrit « - » pour une "
			"valeur inconnue ; le fichier a été modifié ; " REFETCH);
	case CQ_POINT:
		return cantine__problem(imp, col, "« %s » : la table écrit les teneurs avec une "
			"virgule décimale (par exemple 49,9) ; le fichier a été réenregistré avec "
			"d'autres réglages ; " REFETCH, v);
	case CQ_COMMA:
		return cantine__problem(imp, col, "« %s » : la table écrit le facteur de Jones "
			"avec un point décimal (par exemple 6.25) ; le fichier a été réenregistré "
			"avec d'autres réglages ; " REFETCH, v);
	case CQ_PRECISION:
		return cantine__problem(imp, col, "« %s » a plus de 6 décimales : la valeur ne "
			"peut pas être gardée exactement en millionièmes (la table publiée en a 6 "
			"au plus) ; " REFETCH, v);
	case CQ_RANGE:
		return cantine__problem(imp, col, "« %s » dépasse 1000000 %s pour 100 g : ce "
			"n'est pas une valeur de la table ; " REFETCH, v, unit ? unit : "");
	case CQ_SYNTAX:
	case CQ_OK:
		break;
	}
	return cantine__problem(imp, col, col == CQ_JONES
		? "« %s » n'est pas un facteur de Jones (un nombre à point décimal, par "
		  "exemple 6.25) ; " REFETCH
		: "« %s » n'est pas une valeur de la table Ciqual (un nombre à virgule comme "
		  "49,9, « traces », « < 0,2 » ou « - ») ; " REFETCH, v);
}

/* A code of `digits` digits ("01", "0101", "010101"). */
static bool get_group(ciqual_in *s, int col, size_t digits)
{
	const char *v = cantine__cell(&s->imp, col);
	size_t i;

	for (i = 0; v[i] >= '0' && v[i] <= '9'; i++)
		;
	if (i == digits && v[i] == '\0')
		return true;
	cantine__problem(&s->imp, col, "« %s » n'est pas un code de groupe Ciqual (%zu "
			 "chiffres) ; " REFETCH, v, digits);
	return false;
}

/* alim_code: an integer from 1 to 999999 (the table's run from 1000 to
 * 96781; products accept the same range, catalog.c). */
static bool get_code(ciqual_in *s, long *code)
{
	const char *v = cantine__cell(&s->imp, CQ_CODE);
	long n = 0;
	size_t i;

	for (i = 0; v[i] >= '0' && v[i] <= '9' && i < 7; i++)
		n = n * 10 + (v[i] - '0');
	if (i > 0 && v[i] == '\0' && n >= 1 && n <= 999999) {
		*code = n;
		return true;
	}
	if (!s->imp.cell_bad[CQ_CODE])
		cantine__problem(&s->imp, CQ_CODE, "« %s » n'est pas un code d'aliment Ciqual "
				 "(un nombre entier de 1 à 999999) ; " REFETCH, v);
	return false;
}

static int write_row(ciqual_in *s, long code, int64_t jones,
		     const cantine_ciqual_kind *kind, const int64_t *amount)
{
	cantine_ctx *ctx = s->imp.ctx;
	sqlite3_stmt *st = s->ins_food;
	static const int text_cols[] = { CQ_NOM, CQ_NOM_SCI, CQ_GRP_CODE, CQ_SSGRP_CODE,
					 CQ_SSSSGRP_CODE, CQ_GRP_NOM, CQ_SSGRP_NOM,
					 CQ_SSSSGRP_NOM };
	size_t i;

	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, code);
	for (i = 0; i < sizeof(text_cols) / sizeof(text_cols[0]); i++) {
		const char *v = cantine__cell(&s->imp, text_cols[i]);
		/* "-": no sub-sub-group (formats.md). */
		if (text_cols[i] == CQ_SSSSGRP_NOM && strcmp(v, "-") == 0)
			v = "";
		if (cantine__bind_text_or_null(st, (int)i + 2, v) != SQLITE_OK)
			return cantine__store_err(ctx, "écriture d'un aliment Ciqual");
	}
	sqlite3_bind_int64(st, 10, jones);
	if (sqlite3_step(st) != SQLITE_DONE)
		return cantine__store_err(ctx, "écriture d'un aliment Ciqual");
	st = s->ins_value;
	for (i = 0; i < CQ_NVALUES; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, code);
		sqlite3_bind_int(st, 2, cantine__ciqual_cols[CQ_FIRST_VALUE + i].code);
		sqlite3_bind_int(st, 3, (int)kind[i]);
		if (kind[i] == CANTINE_CIQUAL_NUMBER || kind[i] == CANTINE_CIQUAL_LESS_THAN)
			sqlite3_bind_int64(st, 4, amount[i]);
		else
			sqlite3_bind_null(st, 4);
		if (sqlite3_step(st) != SQLITE_DONE)
			return cantine__store_err(ctx, "écriture d'une valeur Ciqual");
	}
	return 0;
}

/* Check one food; write it while the file is clean. */
static int read_row(ciqual_in *s)
{
	cantine__import *imp = &s->imp;
	cantine_ciqual_kind kind[CQ_NVALUES];
	int64_t amount[CQ_NVALUES], jones = 0;
	cantine__cq_damage damage;
	long code = 0;
	bool ok = true;
	int c, added;

	for (c = 0; c < CQ_FIRST_VALUE; c++) {
		if ((damage = cantine__ciqual_damage(cantine__cell(imp, c))) == CQ_SOUND)
			continue;
		/* Not the text itself when it holds invisible control characters. */
		if (cantine__problem(imp, c, "%s%s%s%s ; " REFETCH,
				     damage == CQ_C1 ? "le texte" : "« ",
				     damage == CQ_C1 ? "" : cantine__cell(imp, c),
				     damage == CQ_C1 ? " " : " » ",
				     cantine__ciqual_damage_text(damage)))
			return CANTINE_ENOMEM;
		ok = false;
	}
	/* Each check reports its own problem: all three run. */
	if (!get_group(s, CQ_GRP_CODE, 2))
		ok = false;
	if (!get_group(s, CQ_SSGRP_CODE, 4))
		ok = false;
	if (!get_group(s, CQ_SSSSGRP_CODE, 6))
		ok = false;
	if (get_code(s, &code)) {
		char key[16];
		cantine__strmap_val *v;

		snprintf(key, sizeof(key), "%ld", code);
		if (!(v = cantine__strmap_put(&s->seen, key, &added)))
			return CANTINE_ENOMEM;
		if (added) {
			v->line = cantine__row_line(imp);
		} else {
			ok = false;
			if (cantine__problem(imp, CQ_CODE, "l'aliment %ld apparaît déjà ligne %u ; "
					     "la table publiée n'a qu'une ligne par aliment ; " REFETCH,
					     code, v->line))
				return CANTINE_ENOMEM;
		}
	} else {
		ok = false;
	}
	if (!*cantine__cell(imp, CQ_NOM)) {
		if (!imp->cell_bad[CQ_NOM] && cantine__problem(imp, CQ_NOM, "nom d'aliment "
				"vide : chaque aliment de la table a un nom ; " REFETCH))
			return CANTINE_ENOMEM;
		ok = false;
	}
	for (c = 0; c < CQ_NVALUES; c++) {
		const char *v = cantine__cell(imp, CQ_FIRST_VALUE + c);
		cantine__cq_err err = cantine__ciqual_parse_value(v, &kind[c], &amount[c]);

		if (err != CQ_OK) {
			if (value_problem(s, CQ_FIRST_VALUE + c, err, v))
				return CANTINE_ENOMEM;
			ok = false;
			continue;
		}
		s->stats.traces += kind[c] == CANTINE_CIQUAL_TRACES;
		s->stats.less_than += kind[c] == CANTINE_CIQUAL_LESS_THAN;
		s->stats.unknown += kind[c] == CANTINE_CIQUAL_UNKNOWN;
	}
	{
		const char *v = cantine__cell(imp, CQ_JONES);
		cantine__cq_err err = cantine__ciqual_parse_number(v, '.', &jones);

		/* Jones factors run from 5.18 to 6.38 in the 2025 table. */
		if (err == CQ_RANGE || (err == CQ_OK && (jones <= 0 || jones > INT64_C(10000000))))
			err = CQ_SYNTAX;
		if (err != CQ_OK) {
			if (value_problem(s, CQ_JONES, err, v))
				return CANTINE_ENOMEM;
			ok = false;
		}
	}
	if (!ok || !imp->clean)
		return 0;
	s->stats.foods++;
	return write_row(s, code, jones, kind, amount);
}

/* ---- the driver ---- */

/* The last record has no line end: the file was cut there. */
static bool cut_at_end(const ciqual_in *s)
{
	char last = s->len ? s->data[s->len - 1] : '\n';

	return last != '\n' && last != '\r';
}

static int begin_writing(ciqual_in *s)
{
	cantine_ctx *ctx = s->imp.ctx;
	sqlite3_stmt *st;
	int rc, c;

	if (sqlite3_exec(ctx->db, "DELETE FROM ciqual_value; DELETE FROM ciqual_food; "
			 "DELETE FROM ciqual_constituent;", NULL, NULL, NULL) != SQLITE_OK)
		return cantine__store_err(ctx, "remplacement de la table Ciqual");
	if ((rc = cantine__prepare(ctx, &st, "INSERT INTO ciqual_constituent (code, name, "
				   "unit, position) VALUES (?1, ?2, ?3, ?4)")))
		return rc;
	for (c = 0; c < CQ_NVALUES && rc == 0; c++) {
		const cantine__ciqual_col *col = &cantine__ciqual_cols[CQ_FIRST_VALUE + c];

		sqlite3_reset(st);
		sqlite3_bind_int(st, 1, col->code);
		sqlite3_bind_text(st, 2, col->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, col->unit, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 4, c + 1);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = cantine__store_err(ctx, "écriture des constituants Ciqual");
	}
	sqlite3_finalize(st);
	if (rc == 0)
		rc = cantine__prepare(ctx, &s->ins_food, "INSERT INTO ciqual_food (code, name, "
			"name_sci, grp_code, ssgrp_code, ssssgrp_code, grp_name, ssgrp_name, "
			"ssssgrp_name, jones_u) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
	if (rc == 0)
		rc = cantine__prepare(ctx, &s->ins_value, "INSERT INTO ciqual_value (food_code, "
			"const_code, kind, amount) VALUES (?1, ?2, ?3, ?4)");
	s->stats.constituents = CQ_NVALUES;
	return rc;
}

/* A record that is not a whole food. */
static int short_record(ciqual_in *s)
{
	cantine__import *imp = &s->imp;
	bool last = imp->csv.p >= imp->csv.end;

	s->cut |= last;
	if (last)
		return cantine__file_problem(imp, imp->csv.rec_line, "le fichier s'arrête au "
			"milieu d'un aliment (%zu cellules sur %d) : il est tronqué, par exemple "
			"par un téléchargement interrompu ; " REFETCH, imp->csv.n, CQ__NCOLS);
	return cantine__file_problem(imp, imp->csv.rec_line, "%zu cellules au lieu de %d "
		"(comme l'en-tête) : une ligne de la table a été coupée ou modifiée ; " REFETCH,
		imp->csv.n, CQ__NCOLS);
}

static int run(ciqual_in *s, const char *data, size_t len)
{
	cantine__import *imp = &s->imp;
	int rc = cantine__import_start(imp, data, len, CANTINE_ENCODING_AUTO);

	if (rc)
		return rc < 0 ? rc : 0;
	s->data = imp->csv.p;
	s->len = (size_t)(imp->csv.end - imp->csv.p);
	rc = cantine__csv_next(&imp->csv);
	if (rc < 0)
		return rc;
	if (rc == 0)
		return cantine__file_problem(imp, 0, "le fichier est vide ; " REFETCH);
	if (imp->csv.sep != ';')
		return cantine__file_problem(imp, 1, "la table Ciqual sépare ses colonnes par "
			"des points-virgules ; la ligne d'en-tête de ce fichier est séparée par "
			"des %s : ce n'est pas la table, ou elle a été réenregistrée avec "
			"d'autres réglages ; " REFETCH,
			imp->csv.sep == '\t' ? "tabulations" : "virgules");
	if (rc == 2 || imp->csv.issue)
		return cantine__file_problem(imp, imp->csv.rec_line, "ligne d'en-tête illisible "
			"(guillemet jamais fermé : fichier tronqué dans l'en-tête, ou ligne trop "
			"longue) ; " REFETCH);
	if ((rc = map_header(s)) || !imp->clean || (rc = begin_writing(s)))
		return rc;
	while ((rc = cantine__csv_next(&imp->csv)) > 0) {
		cantine__csv_issue issue = imp->csv.issue;

		imp->stats.rows++;
		if (issue == CANTINE__CSV_UNTERMINATED) {
			s->cut = true;
			rc = cantine__file_problem(imp, imp->csv.issue_line, "un guillemet ouvert "
				"n'est jamais fermé : le fichier est tronqué au milieu d'une cellule ; "
				REFETCH);
			break; /* the rest of the file is inside the quote */
		}
		if (issue == CANTINE__CSV_TOO_LONG) {
			rc = cantine__file_problem(imp, imp->csv.issue_line, "ligne de plus de "
				"64 Kio : ce n'est pas une ligne de la table ; " REFETCH);
		} else if (issue == CANTINE__CSV_AFTER_QUOTE) {
			rc = cantine__file_problem(imp, imp->csv.issue_line, "du texte suit un "
				"guillemet fermant : la ligne a été modifiée ; " REFETCH);
		} else if (imp->csv.n != CQ__NCOLS) {
			rc = short_record(s);
		} else if ((rc = check_bytes(s)) == 1 && (rc = cantine__load_cells(imp)) == 0) {
			rc = read_row(s);
		}
		if (rc < 0)
			break;
		rc = 0;
	}
	if (rc < 0)
		return rc;
	if (imp->stats.rows == 0)
		return cantine__file_problem(imp, 0, "la table n'a aucun aliment après la ligne "
			"d'en-tête : le fichier est tronqué ; " REFETCH);
	if (!s->cut && cut_at_end(s))
		return cantine__file_problem(imp, imp->csv.line, "la dernière ligne ne se "
			"termine pas par un retour à la ligne, comme toutes celles de la table "
			"publiée : le fichier est sans doute tronqué ; " REFETCH);
	return 0;
}

static int import(cantine_ctx *ctx, const char *name, const char *data, size_t len,
		  const char *path, cantine_problems **problems,
		  cantine_ciqual_stats *stats)
{
	ciqual_in *s;
	char *owned = NULL;
	bool began = false;
	size_t c;
	int rc = 0;

	if (problems)
		*problems = NULL;
	if (stats)
		memset(stats, 0, sizeof(*stats));
	if (!(s = cantine__calloc(1, sizeof(*s))))
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	for (c = 0; c < CQ__NCOLS; c++) {
		s->cols[c].name = cantine__ciqual_cols[c].name;
		s->cols[c].required = true;
	}
	s->ops.cols = s->cols;
	s->ops.ncols = CQ__NCOLS;
	if ((rc = cantine__import_init(&s->imp, ctx, &s->ops, name))) {
		cantine__free(s);
		return rc;
	}
	if (path && (rc = cantine__read_file(&s->imp, path, &owned, &len)) == 0)
		data = owned;
	if (rc == 0 && (rc = cantine__begin(ctx)) == 0) {
		began = true;
		rc = run(s, data, len);
	}
	sqlite3_finalize(s->ins_food);
	sqlite3_finalize(s->ins_value);
	rc = cantine__import_end(&s->imp, rc, began, name,
				 cantine_problems_total(s->imp.problems), "problème",
				 "la table Ciqual n'a pas été importée (la base n'a pas changé)",
				 problems);
	if (rc == 0 && stats) {
		*stats = s->stats;
		stats->values = s->stats.foods * CQ_NVALUES;
	}
	cantine__strmap_free(&s->seen);
	cantine__free(owned);
	cantine__free(s);
	return rc;
}

int cantine_import_ciqual_mem(cantine_ctx *ctx, const char *name, const char *data,
			      size_t len, cantine_problems **problems,
			      cantine_ciqual_stats *stats)
{
	return import(ctx, name, data, len, NULL, problems, stats);
}

int cantine_import_ciqual(cantine_ctx *ctx, const char *path,
			  cantine_problems **problems, cantine_ciqual_stats *stats)
{
	return import(ctx, path, NULL, 0, path, problems, stats);
}
