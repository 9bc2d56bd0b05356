/*
 * scdl_int.h: what the SCDL menus collectifs exporter (scdl.c) and
 * importer (scdl_import.c) share: the schema's field names and its lists
 * of values (menus-collectifs 1.2.3 schema.json, DOMAIN §5.1).
 */
#ifndef CANTINE_SCDL_INT_H
#define CANTINE_SCDL_INT_H

#include "common_int.h"
#include "import_int.h"
#include "plan_int.h"
#include "strmap_int.h"

/* The 26 fields of menus collectifs 1.2.3, in schema order. */
enum {
	SCDL_COLL_NOM, SCDL_COLL_SIRET, SCDL_ETAB_NOM, SCDL_ETAB_SIRET,
	SCDL_RESTO_NOM, SCDL_RESTO_INSEE, SCDL_RESTO_ID, SCDL_RESTO_ID_TYPE,
	SCDL_RESTO_TYPE, SCDL_RESTO_CONVIVE, SCDL_DATE, SCDL_REPAS_TYPE,
	SCDL_PLAT_TYPE, SCDL_PLAT_NOM, SCDL_PLAT_CODE, SCDL_PLAT_SIQO,
	SCDL_PLAT_LABEL, SCDL_PLAT_PRECISION, SCDL_PLAT_REGIME,
	SCDL_PLAT_ALLERGENE, SCDL_PLAT_TEXTURE, SCDL_PLAT_NUTRISCORE,
	SCDL_PLAT_PRIX, SCDL_PUBLICATION_DATE, SCDL_MODIFICATION_DATE,
	SCDL_MODIFICATION_INFO, SCDL__NFIELDS
};
extern const char *const cantine__scdl_fields[SCDL__NFIELDS];

/* menuPlatSiqo: the schema's values, in its order, and the EGALIM label
 * (cantine_label) each one is.  AOP and AOC are one label (AOCAOP);
 * exports write "appellation d'origine protégée", the first. */
#define SCDL_NSIQO 6
typedef struct cantine__scdl_siqo_name {
	const char *name;
	int         label;
} cantine__scdl_siqo_name;
extern const cantine__scdl_siqo_name cantine__scdl_siqo_names[SCDL_NSIQO];
/* The labels that are SIQO (BIO, LABEL_ROUGE, AOCAOP, IGP, STG), as bits. */
#define SCDL_SIQO_LABELS ((1u << CANTINE_LABEL_BIO) | (1u << CANTINE_LABEL_LABEL_ROUGE) | \
			  (1u << CANTINE_LABEL_AOCAOP) | (1u << CANTINE_LABEL_IGP) | \
			  (1u << CANTINE_LABEL_STG))

/* menuPlatRegime: the value written for a vegetarian dish. */
#define SCDL_VEGETARIEN "végétarien"
/* menuRepasType of a collège's lunch, the only meal cantine plans. */
#define SCDL_DEJEUNER "déjeuner"

/* ---- the importer (scdl_import.c; values and warnings: scdl_read.c) ---- */

/* The columns the importer reads; the schema's other fields are known
 * and skipped (menuRestaurantInsee, menuPlatCode, menuPlatLabel,
 * menuPlatPrecision, menuPlatTexture). */
enum {
	SI_COLL_NOM, SI_COLL_SIRET, SI_ETAB_NOM, SI_ETAB_SIRET, SI_RESTO_NOM,
	SI_RESTO_ID, SI_RESTO_ID_TYPE, SI_RESTO_TYPE, SI_CONVIVE, SI_DATE,
	SI_REPAS, SI_PLAT_TYPE, SI_PLAT_NOM, SI_SIQO, SI_REGIME, SI_ALLERGENE,
	SI_PUBLICATION, SI_MODIF_DATE, SI_MODIF_INFO, SI_PRIX, SI_NUTRISCORE, SI__MAX
};

/* Enumerations of the schema the importer reads (values: index in the
 * schema's list). */
typedef enum scdl_enum_kind {
	SCDL_ENUM_ID_TYPE,    /* menuRestaurantIdType: SIRET, EN, autre, sans */
	SCDL_ENUM_RESTO_TYPE, /* menuRestaurantType */
	SCDL_ENUM_REPAS,      /* menuRepasType */
	SCDL_ENUM__MAX
} scdl_enum_kind;
#define SCDL_ID_TYPE_SIRET 0
#define SCDL_ID_TYPE_EN    1
#define SCDL_REPAS_DEJEUNER 1

typedef struct scdl_warning {
	unsigned    line, column;
	const char *field;
	char       *msg;
	size_t      count; /* lines with the same deviation */
	bool        items; /* a list of readings (cantine__scdl_warn_item) */
} scdl_warning;

typedef struct scdl_etab {
	int64_t  id;
	char    *uai, *siret;
	unsigned days; /* service days, CANTINE_DAY_* bits */
} scdl_etab;

typedef struct cantine__scdl_in {
	cantine__import imp;     /* reader, cells, problems (import_int.h) */
	size_t          ncells;  /* cells of the header line */
	/* warnings: one per distinct deviation, emitted at the end */
	cantine__strmap warn_keys; /* key → index + 1 in warns (id) */
	scdl_warning   *warns;
	size_t          n_warns, cap_warns;
	cantine_buf     msg;     /* scratch: a message */
	cantine_buf     itembuf; /* the items of the last list read */
	size_t         *items;   /* offsets of the items in itembuf */
	size_t          n_items, cap_items;
	/* the store */
	scdl_etab      *etabs;
	size_t          n_etabs;
	cantine__strmap dishes;  /* name → id, aux: course | recipe << 8,
				  * line: first line in the file; ptr: its
				  * declared facts (struct in scdl_import.c) */
	cantine__strmap meals;   /* "etab|date" → meal id, line; ptr: record */
	cantine__meal_writer w;
	sqlite3_stmt   *dish_insert, *dish_update, *source;
} cantine__scdl_in;

/* The rows (scdl_rows.c): load what the store knows, check and write
 * one row (0 or CANTINE_ENOMEM / ESTORE), then the last writes. */
int  cantine__scdl_load_store(cantine__scdl_in *s);
int  cantine__scdl_row(cantine__scdl_in *s);
int  cantine__scdl_finish(cantine__scdl_in *s);
void cantine__scdl_store_free(cantine__scdl_in *s);

/* Record a warning on column `col` of the current row (SI_*; -1: the row
 * as a whole).  Warnings with the same `key` (the message when NULL) are
 * counted, not repeated.  Returns 0 or CANTINE_ENOMEM. */
int cantine__scdl_warn(cantine__scdl_in *s, int col, const char *key,
		       const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* One warning per column for many readings of one kind: the first call
 * writes `head` then `item`, later calls add their `item` when new. */
int cantine__scdl_warn_item(cantine__scdl_in *s, int col, const char *head,
			    const char *item);
/* Same, at an explicit place (the header line). */
int cantine__scdl_warn_at(cantine__scdl_in *s, unsigned line, unsigned column,
			  const char *field, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* Add the warnings to the problem list, in file order. */
int cantine__scdl_warnings_flush(cantine__scdl_in *s);
void cantine__scdl_warnings_free(cantine__scdl_in *s);

/* Value readers.  Each returns 1 when the value is read (absent optional
 * cells give the default), 0 when a problem was reported, or
 * CANTINE_ENOMEM; tolerated deviations are warnings. */
int cantine__scdl_enum(cantine__scdl_in *s, int col, scdl_enum_kind kind, int *value);
/* menuRepasType; the rows of other meals than lunch are reported here. */
int cantine__scdl_repas(cantine__scdl_in *s, int col, int *value);
int cantine__scdl_course(cantine__scdl_in *s, int col, int *course);
/* Required date "%Y-%m-%d" into out[11]. */
int cantine__scdl_date(cantine__scdl_in *s, int col, char out[11]);
/* A datetime (ISO 8601) into out[21] as UTC AAAA-MM-JJTHH:MM:SSZ ("" when
 * absent and optional). */
int cantine__scdl_datetime(cantine__scdl_in *s, int col, char out[21]);
/* menuPlatNutriscore: 'A'…'E' into *grade, 0 when absent. */
int cantine__scdl_nutriscore(cantine__scdl_in *s, int col, char *grade);
/* A SIRET into out[15] ("" when absent and optional). */
int cantine__scdl_siret(cantine__scdl_in *s, int col, char out[15]);
/* A UAI into out[9]. */
int cantine__scdl_uai(cantine__scdl_in *s, int col, char out[9]);
/* The dish name with runs of spaces made one, into *out (in s->msg's
 * stead: a buffer of the caller). */
int cantine__scdl_dish_name(cantine__scdl_in *s, int col, cantine_buf *out);
/* Split the list cell of column `col` into items (scdl_lists.c):
 * s->n_items of them, each cantine__scdl_item(s, i), trimmed (may be
 * ""). */
int cantine__scdl_list_read(cantine__scdl_in *s, int col);
const char *cantine__scdl_item(const cantine__scdl_in *s, size_t i);
/* Lists: allergens (bits 1u << cantine_allergen), quality signs (bits
 * 1u << cantine_label), diets (*veg: 1 for "végétarien"). */
int cantine__scdl_allergens(cantine__scdl_in *s, int col, unsigned *mask);
int cantine__scdl_siqo(cantine__scdl_in *s, int col, unsigned *labels);
int cantine__scdl_regime(cantine__scdl_in *s, int col, int *veg);

#endif
