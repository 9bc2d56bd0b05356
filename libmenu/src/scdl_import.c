/*
 * scdl_import.c: importing the lunches of an SCDL "menus collectifs"
 * file (schema 1.2.x, DOMAIN §5.1) as published meals; docs/formats.md,
 * section "SCDL".
 *
 * This is the driver: reading the file, its encoding, its header, the
 * transaction.  It reuses the CSV reader, the cell decoding and the
 * problem list of the CSV import (import_int.h); the header mapping is its
 * own, since the schema's fields are fixed camelCase names and 7 of the
 * 26 are not kept.  Values are read by scdl_read.c and scdl_lists.c, rows
 * written by scdl_rows.c.  Like every import, the file is written in one
 * transaction while it has no error, and rolled back at the end if it
 * has any; warnings, collected meanwhile, are added to the problems last.
 */
#include <string.h>

#include "scdl_int.h"
#include "text_int.h"

/* The columns read, with the schema's "required" constraint. */
static const cantine__col scdl_cols[SI__MAX] = {
	{ "menuCollNom", true }, { "menuCollSiret", true },
	{ "menuEtablissementNom", true }, { "menuEtablissementSiret", false },
	{ "menuRestaurantNom", true }, { "menuRestaurantId", false },
	{ "menuRestaurantIdType", true }, { "menuRestaurantType", true },
	{ "menuRestaurantConvive", true }, { "menuDate", true },
	{ "menuRepasType", true }, { "menuPlatType", true },
	{ "menuPlatNom", true }, { "menuPlatSiqo", false },
	{ "menuPlatRegime", false }, { "menuPlatAllergene", false },
	{ "menuPublicationDate", true }, { "menuModificationDate", false },
	{ "menuModificationInfo", false }, { "menuPlatPrix", false },
	{ "menuPlatNutriscore", false },
};
/* Only the columns: cantine__problem() and cantine__load_cells() read
 * them; the handlers are the functions of scdl_rows.c. */
static const cantine__kind_ops scdl_ops = { scdl_cols, SI__MAX, 0, NULL, NULL, NULL, NULL };

/* Map the header: the schema's names, exactly; another case or a name
 * of schema 1.2/1.2.1 with a warning; an unknown column is ignored with a
 * warning; a field named twice, or a required field missing, is an error. */
static int map_header(cantine__scdl_in *s)
{
	static const struct { const char *old; int field; } renamed[] = {
		/* DOMAIN §5.1: 1.2 and 1.2.1 used these names. */
		{ "menuTypeRepas", SCDL_REPAS_TYPE }, { "menuTypePlat", SCDL_PLAT_TYPE },
		{ "menuNomPlat", SCDL_PLAT_NOM }, { "menuCodePlat", SCDL_PLAT_CODE },
	};
	cantine__import *imp = &s->imp;
	int seen[SCDL__NFIELDS], f, c, rc = 0;
	size_t i, k;

	for (f = 0; f < SCDL__NFIELDS; f++)
		seen[f] = -1;
	s->ncells = imp->csv.n;
	for (i = 0; i < imp->csv.n && rc == 0; i++) {
		const cantine__csv_cell *cl = &imp->csv.cells[i];
		char name[64];
		size_t n = cl->len < sizeof(name) ? cl->len : sizeof(name) - 1;
		const char *as = NULL;

		memcpy(name, cl->text, n);
		name[n] = '\0';
		cantine__trim(name);
		for (f = 0; f < SCDL__NFIELDS && strcmp(name, cantine__scdl_fields[f]); f++)
			;
		for (k = 0; f == SCDL__NFIELDS && k < sizeof(renamed) / sizeof(renamed[0]); k++)
			if (strcasecmp(name, renamed[k].old) == 0)
				f = renamed[k].field, as = "le nom du schéma 1.2.1";
		for (k = 0; f == SCDL__NFIELDS && k < SCDL__NFIELDS; k++)
			if (strcasecmp(name, cantine__scdl_fields[k]) == 0)
				f = (int)k, as = "le nom exact du schéma";
		if (f == SCDL__NFIELDS) {
			rc = cantine__scdl_warn_at(s, cl->line, (unsigned)i + 1, NULL, "colonne « %s » "
				"inconnue du schéma menus collectifs 1.2.3 : ignorée",
				cantine__utf8_valid(name, strlen(name)) ? name : "?");
			continue;
		}
		if (seen[f] >= 0) {
			rc = cantine__header_problem(imp, cl->line, (unsigned)i + 1, "la colonne "
				"« %s » apparaît deux fois (déjà en colonne %d) ; supprimez l'une "
				"des deux", cantine__scdl_fields[f], seen[f] + 1);
			continue;
		}
		seen[f] = (int)i;
		if (as)
			rc = cantine__scdl_warn_at(s, cl->line, (unsigned)i + 1, NULL, "colonne "
				"« %s » lue comme « %s », %s", name, cantine__scdl_fields[f], as);
		for (c = 0; c < SI__MAX; c++)
			if (strcmp(scdl_cols[c].name, cantine__scdl_fields[f]) == 0)
				imp->colmap[c] = (int)i;
	}
	for (c = 0; c < SI__MAX && rc == 0; c++)
		if (scdl_cols[c].required && imp->colmap[c] < 0)
			rc = cantine__problem_at(imp, imp->csv.rec_line, c, "colonne obligatoire "
				"absente de l'en-tête (schéma menus collectifs 1.2.3) ; "
				"ajoutez-la, avec une valeur sur chaque ligne");
	return rc;
}

/* ---- the driver ---- */

static int run(cantine__scdl_in *s, const char *data, size_t len, cantine_encoding enc)
{
	cantine__import *imp = &s->imp;
	int rc = cantine__import_start(imp, data, len, enc);

	if (rc)
		return rc < 0 ? rc : 0;
	rc = cantine__csv_next(&imp->csv);
	if (rc < 0)
		return rc;
	if (rc == 0)
		return cantine__file_problem(imp, 0, "le fichier est vide ; il doit commencer "
			"par la ligne d'en-tête du schéma (menuCollNom,menuCollSiret,…)");
	if (rc == 2 || imp->csv.issue)
		return cantine__file_problem(imp, imp->csv.rec_line, "ligne d'en-tête illisible "
			"(guillemet non fermé ou ligne trop longue) ; la première ligne doit "
			"nommer les colonnes du schéma");
	if ((rc = map_header(s)) || !imp->clean || (rc = cantine__scdl_load_store(s)))
		return rc;
	while ((rc = cantine__csv_next(&imp->csv)) > 0) {
		cantine__csv_issue issue = imp->csv.issue;

		if (issue && (rc = cantine__file_problem(imp, imp->csv.issue_line, "%s",
				issue == CANTINE__CSV_TOO_LONG
				? "ligne de plus de 64 Kio, ignorée ; vérifiez le contenu du fichier"
				: issue == CANTINE__CSV_UNTERMINATED
				? "un guillemet ouvert n'est jamais fermé ; un guillemet à "
				  "l'intérieur d'une cellule doit être doublé (\"\")"
				: "du texte suit un guillemet fermant ; à l'intérieur d'une cellule "
				  "entre guillemets, doublez le guillemet (\"\")")))
			break;
		if (issue == CANTINE__CSV_TOO_LONG)
			continue;
		if (issue == CANTINE__CSV_UNTERMINATED)
			break; /* the rest of the file is inside the quote */
		imp->stats.rows++;
		if (imp->csv.n != s->ncells) {
			rc = cantine__file_problem(imp, imp->csv.rec_line, "%zu cellules au lieu "
				"de %zu (comme l'en-tête) ; vérifiez les séparateurs et les "
				"guillemets de cette ligne", imp->csv.n, s->ncells);
		} else if ((rc = cantine__load_cells(imp)) == 0) {
			rc = cantine__scdl_row(s);
		}
		if (rc)
			break;
	}
	if (rc > 0)
		rc = 0;
	if (rc == 0)
		rc = cantine__scdl_finish(s);
	return rc;
}

static void cleanup(cantine__scdl_in *s)
{
	cantine__scdl_store_free(s);
	cantine__scdl_warnings_free(s);
	cantine_buf_dispose(&s->itembuf);
	cantine__free(s->items);
}

static int import(cantine_ctx *ctx, const char *name, const char *data, size_t len,
		  const char *path, cantine_encoding enc, cantine_problems **problems,
		  cantine_import_stats *stats)
{
	cantine__scdl_in s;
	char *owned = NULL;
	bool began = false;
	size_t errors;
	int rc = 0;

	if (problems)
		*problems = NULL;
	if (stats)
		memset(stats, 0, sizeof(*stats));
	memset(&s, 0, sizeof(s));
	if ((rc = cantine__import_init(&s.imp, ctx, &scdl_ops, name)))
		return rc;
	if (path && (rc = cantine__read_file(&s.imp, path, &owned, &len)) == 0)
		data = owned;
	if (rc == 0 && (rc = cantine__begin(ctx)) == 0) {
		began = true;
		rc = run(&s, data, len, enc);
	}
	errors = cantine_problems_total(s.imp.problems);
	if (rc == 0)
		rc = cantine__scdl_warnings_flush(&s);
	cleanup(&s);
	rc = cantine__import_end(&s.imp, rc, began, name, errors, "erreur",
				 "rien n'a été importé", problems);
	if (rc == 0 && stats)
		*stats = s.imp.stats;
	cantine__free(owned);
	return rc;
}

int cantine_import_scdl_mem(cantine_ctx *ctx, const char *name, const char *data,
			    size_t len, cantine_encoding enc, cantine_problems **problems,
			    cantine_import_stats *stats)
{
	return import(ctx, name, data, len, NULL, enc, problems, stats);
}

int cantine_import_scdl(cantine_ctx *ctx, const char *path, cantine_encoding enc,
			cantine_problems **problems, cantine_import_stats *stats)
{
	return import(ctx, path, NULL, 0, path, enc, problems, stats);
}
