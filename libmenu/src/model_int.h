/*
 * model_int.h: validation and writing shared by the model API
 * (cantine_*_save) and the CSV importers, so that a rule is written once.
 *
 * Validators report each problem against a column of the kind's CSV
 * format (the *_COL_* indices below), through a callback: the importer
 * turns it into a problem with line and column, the API into the
 * context's error message.
 */
#ifndef CANTINE_MODEL_INT_H
#define CANTINE_MODEL_INT_H

#include "common_int.h"
#include "import_int.h"

/* Returns 0, or CANTINE_ENOMEM. */
typedef int (*cantine__report_fn)(void *ud, int col, const char *msg);

/* A reporter for the API: the first problem becomes ctx's error
 * ("<field> : <message>"); ud is a cantine__api_report. */
typedef struct cantine__api_report {
	cantine_ctx        *ctx;
	const cantine__col *cols;
	int                 n;
} cantine__api_report;
int cantine__api_report_fn(void *ud, int col, const char *msg);
/* A reporter for the importer: ud is the cantine__import. */
int cantine__import_report_fn(void *ud, int col, const char *msg);

/* ---- establishments ---- */
enum {
	ETAB_COL_UAI, ETAB_COL_SIRET, ETAB_COL_NOM, ETAB_COL_COMMUNE,
	ETAB_COL_DEPT, ETAB_COL_JOURS, ETAB_COL_ELEVES, ETAB_COL_DP,
	ETAB_COL_COUT, ETAB_COL__MAX
};
extern const cantine__col cantine__etab_cols[ETAB_COL__MAX];
/* Check every field; returns the number of problems, or ENOMEM. */
int cantine__etab_validate(cantine_ctx *ctx, const cantine_etab *e,
			   cantine__report_fn fn, void *ud);
/* Upsert by UAI with a statement from cantine__etab_prepare(). */
int cantine__etab_prepare(cantine_ctx *ctx, sqlite3_stmt **st);
int cantine__etab_write(cantine_ctx *ctx, sqlite3_stmt *st,
			const cantine_etab *e);

/* ---- products ---- */
enum {
	PROD_COL_CODE, PROD_COL_NOM, PROD_COL_FAMILLE, PROD_COL_LABELS,
	PROD_COL_PAYS, PROD_COL_DEPT, PROD_COL_COMMUNE, PROD_COL_DISTANCE,
	PROD_COL_LOCAL, PROD_COL_DEFLOCAL, PROD_COL_FOURNISSEUR, PROD_COL_UNITE,
	PROD_COL_POIDS, PROD_COL_PRIX, PROD_COL_CIQUAL, PROD_COL_ALLERGENES,
	PROD_COL_TRACES, PROD_COL_VIANDE, PROD_COL_POISSON,
	PROD_COL__MAX
};
extern const cantine__col cantine__product_cols[PROD_COL__MAX];
int cantine__product_validate(cantine_ctx *ctx, const cantine_product *p,
			      cantine__report_fn fn, void *ud);
int cantine__product_prepare(cantine_ctx *ctx, sqlite3_stmt **st);
int cantine__product_write(cantine_ctx *ctx, sqlite3_stmt *st,
			   const cantine_product *p);

/* Cost of grams_mg of a product in millionths of a cent (rounded there);
 * dish costs add these and round once to the cent. */
int64_t cantine__cost_ucents(int64_t price_cents, int unit_grams,
			     int64_t grams_mg);
/* Round millionths of a cent to cents, half up. */
int64_t cantine__ucents_to_cents(int64_t uc);

/* Facts of a dish derived from its ingredients (ARCHITECTURE §5: derived,
 * never typed).  Start zeroed; add each ingredient. */
typedef struct cantine__facts {
	int      nonveg;     /* some ingredient is meat or fish */
	unsigned allergens;  /* union of "contains" */
	unsigned traces;     /* union of "may contain" */
	int64_t  ucents;     /* cost in millionths of a cent */
} cantine__facts;
void cantine__facts_add(cantine__facts *f, int meat, int fish, unsigned allergens,
			unsigned traces, int64_t price_cents, int unit_grams,
			int64_t grams_mg);
/* Traces not already among the allergens. */
#define CANTINE__TRACES_ONLY(f) ((f)->traces & ~(f)->allergens)

/* Upper bound of a portion of one product, in mg (2 kg). */
#define CANTINE__MAX_PORTION_MG INT64_C(2000000)

#endif
