/*
 * bench_purchases.c: a département's year of purchases (issue 5, "How it
 * is checked"): 125 collèges x 5,000 purchase lines (625,000 lines) in
 * ma-cantine's current format, imported (cantine_import_purchases: the
 * file streamed, every row checked, every description classified),
 * audited (cantine_audit_departement with the egalim plugin, the 125
 * collèges over the year), against a floor measured in the same run: a
 * bare SQLite insert of the same rows into the same table (one
 * transaction, one prepared statement, values already parsed in memory).
 * Prints the times, the ratio import / floor (target <= 1.5) and the peak
 * resident memory (target <= 64 MB).
 *
 * The peak memory of the import is that of a child process forked at the
 * very start, before the generator allocates anything, which imports
 * when told to and exits: its ru_maxrss (wait4) counts the import alone.
 *
 * The cost of the classification is shown beside it: the built-in rules
 * run on every one of the 625,000 descriptions (what the import would do
 * without its cache) and on the distinct descriptions only (what it does).
 *
 * Not a timed test: it prints figures and always succeeds unless
 * something fails.  Usage: bench-purchases [ETABS] [LINES_PER_ETAB] [RUNS] [keep]
 * ("keep": leave the CSV file and the stores in the temporary folder, for
 * profiling the import alone with `cantine purchase import`).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "common_int.h"
#include "bench_util.h"
#include "strmap_int.h"
#include "text_int.h"

const cantine_plugin *cantine_builtin_plugin_egalim(void);

#define YEAR 2025
#define MAX_RUNS 9

/* ---- the generator ---- */

/* Invoice wordings as wholesalers print them, with what a gestionnaire
 * usually declares for them (the labels are sometimes left out, which the
 * classification then suggests). */
static const struct item {
	const char *desc, *supplier;
	cantine_family family;
	unsigned chars;        /* declared labels and origin */
	cantine_local local;   /* when declared local */
	int price_cents;       /* typical line */
} items[] = {
#define B(c) (1u << CANTINE_CHAR_##c)
	{ "POMME GOLDEN CAT1 BIO", "Vergers de la Pévèle", CANTINE_FAMILY_FRUITS_ET_LEGUMES, B(BIO) | B(FRANCE), CANTINE_LOCAL_REGION, 4500 },
	{ "POMME GALA HVE CAL 136/165", "Vergers de la Pévèle", CANTINE_FAMILY_FRUITS_ET_LEGUMES, B(HVE) | B(FRANCE), CANTINE_LOCAL_DEPARTEMENT, 3800 },
	{ "POIRE CONFERENCE CAT1", "Pomona Passion Froid", CANTINE_FAMILY_FRUITS_ET_LEGUMES, B(FRANCE), CANTINE_LOCAL_NONE, 4100 },
	{ "BANANE COMMERCE EQUITABLE", "Pomona Passion Froid", CANTINE_FAMILY_FRUITS_ET_LEGUMES, B(COMMERCE_EQUITABLE), CANTINE_LOCAL_NONE, 4200 },
	{ "CLEMENTINE ESPAGNE CAT1", "Pomona Passion Froid", CANTINE_FAMILY_FRUITS_ET_LEGUMES, B(EUROPE), CANTINE_LOCAL_NONE, 3900 },
	{ "CAROTTE VRAC AB", "Coopérative Norabio", CANTINE_FAMILY_FRUITS_ET_LEGUMES, B(BIO) | B(FRANCE), CANTINE_LOCAL_REGION, 2600 },
	{ "POMME DE TERRE CONSO 10KG", "Ferme des Weppes", CANTINE_FAMILY_FRUITS_ET_LEGUMES, B(FRANCE), CANTINE_LOCAL_COMMUNE, 3100 },
	{ "ENDIVE CAT1 5KG", "Endiverie de la Lys", CANTINE_FAMILY_FRUITS_ET_LEGUMES, B(HVE) | B(FRANCE), CANTINE_LOCAL_DEPARTEMENT, 2900 },
	{ "SALADE BATAVIA CIRCUIT COURT", "Ferme des Weppes", CANTINE_FAMILY_FRUITS_ET_LEGUMES, B(FRANCE) | B(CIRCUIT_COURT), CANTINE_LOCAL_COMMUNE, 1800 },
	{ "TOMATE GRAPPE ESPAGNE", "Pomona Passion Froid", CANTINE_FAMILY_FRUITS_ET_LEGUMES, B(EUROPE), CANTINE_LOCAL_NONE, 3300 },
	{ "HARICOTS VERTS EXTRA FINS SURG 2.5KG", "Pomona Passion Froid", CANTINE_FAMILY_FRUITS_ET_LEGUMES, 0, CANTINE_LOCAL_NONE, 5200 },
	{ "POIREAU BIO", "Coopérative Norabio", CANTINE_FAMILY_FRUITS_ET_LEGUMES, B(BIO) | B(FRANCE), CANTINE_LOCAL_PAT, 2400 },
	{ "STEAK HACHE 15%MG VBF LABEL ROUGE", "Boucherie Delannoy", CANTINE_FAMILY_VIANDES_VOLAILLES, B(LABEL_ROUGE) | B(FRANCE), CANTINE_LOCAL_NONE, 18500 },
	{ "SAUTE DE BOEUF VBF", "Boucherie Delannoy", CANTINE_FAMILY_VIANDES_VOLAILLES, B(FRANCE), CANTINE_LOCAL_REGION, 21000 },
	{ "POULET JAUNE PAC LR", "Volailles de Licques", CANTINE_FAMILY_VIANDES_VOLAILLES, B(LABEL_ROUGE) | B(FRANCE), CANTINE_LOCAL_DEPARTEMENT, 16000 },
	{ "CUISSE DE POULET VOLAILLE FRANCAISE", "Pomona Passion Froid", CANTINE_FAMILY_VIANDES_VOLAILLES, B(FRANCE), CANTINE_LOCAL_NONE, 12500 },
	{ "FILET DE POULET UE", "Pomona Passion Froid", CANTINE_FAMILY_VIANDES_VOLAILLES, B(EUROPE), CANTINE_LOCAL_NONE, 11000 },
	{ "SAUTE DE PORC SANS OS VPF", "Salaisons de l'Artois", CANTINE_FAMILY_VIANDES_VOLAILLES, B(FRANCE), CANTINE_LOCAL_REGION, 9800 },
	{ "ROTI DE DINDE CUIT", "Pomona Passion Froid", CANTINE_FAMILY_VIANDES_VOLAILLES, 0, CANTINE_LOCAL_NONE, 8700 },
	{ "ESCALOPE VIENNOISE", "Pomona Passion Froid", CANTINE_FAMILY_VIANDES_VOLAILLES, 0, CANTINE_LOCAL_NONE, 7600 },
	{ "JAMBON BLANC SUPERIEUR DD", "Salaisons de l'Artois", CANTINE_FAMILY_CHARCUTERIE, B(FRANCE), CANTINE_LOCAL_REGION, 6400 },
	{ "JAMBON DE BAYONNE IGP", "Pomona Passion Froid", CANTINE_FAMILY_CHARCUTERIE, B(IGP) | B(FRANCE), CANTINE_LOCAL_NONE, 5900 },
	{ "SAUCISSE DE TOULOUSE", "Salaisons de l'Artois", CANTINE_FAMILY_CHARCUTERIE, B(FRANCE), CANTINE_LOCAL_NONE, 5200 },
	{ "PATE DE CAMPAGNE", "Salaisons de l'Artois", CANTINE_FAMILY_CHARCUTERIE, 0, CANTINE_LOCAL_NONE, 3100 },
	{ "FILET COLIN MSC", "Marée Boulonnaise", CANTINE_FAMILY_PRODUITS_DE_LA_MER, B(PECHE_DURABLE), CANTINE_LOCAL_NONE, 14500 },
	{ "FILET DE LIEU NOIR PECHE DURABLE", "Marée Boulonnaise", CANTINE_FAMILY_PRODUITS_DE_LA_MER, B(PECHE_DURABLE) | B(FRANCE), CANTINE_LOCAL_REGION, 15800 },
	{ "FILET DE HARENG FUME", "Marée Boulonnaise", CANTINE_FAMILY_PRODUITS_DE_LA_MER, B(FRANCE), CANTINE_LOCAL_KM, 6900 },
	{ "CREVETTES DECORTIQUEES", "Pomona Passion Froid", CANTINE_FAMILY_PRODUITS_DE_LA_MER, 0, CANTINE_LOCAL_NONE, 9900 },
	{ "MAROILLES AOP", "Fromagerie de Thiérache", CANTINE_FAMILY_PRODUITS_LAITIERS, B(AOCAOP) | B(FRANCE), CANTINE_LOCAL_REGION, 6500 },
	{ "EMMENTAL AOP RAPE", "Pomona Passion Froid", CANTINE_FAMILY_PRODUITS_LAITIERS, B(AOCAOP) | B(FRANCE), CANTINE_LOCAL_NONE, 7200 },
	{ "COMTE AOP 18 MOIS", "Pomona Passion Froid", CANTINE_FAMILY_PRODUITS_LAITIERS, B(AOCAOP) | B(FRANCE), CANTINE_LOCAL_NONE, 8800 },
	{ "YAOURT NATURE BIO 125G", "Laiterie des Flandres", CANTINE_FAMILY_PRODUITS_LAITIERS, B(BIO) | B(FRANCE), CANTINE_LOCAL_DEPARTEMENT, 5500 },
	{ "YAOURT AUX FRUITS 125G", "Pomona Passion Froid", CANTINE_FAMILY_PRODUITS_LAITIERS, 0, CANTINE_LOCAL_NONE, 4300 },
	{ "FROMAGE BLANC 20%MG", "Laiterie des Flandres", CANTINE_FAMILY_PRODUITS_LAITIERS, B(FRANCE), CANTINE_LOCAL_DEPARTEMENT, 3900 },
	{ "OEUFS FERMIERS PLEIN AIR", "Ferme du Mont des Cats", CANTINE_FAMILY_PRODUITS_LAITIERS, B(FERMIER) | B(FRANCE), CANTINE_LOCAL_KM, 2800 },
	{ "LAIT DEMI ECREME UHT 1L", "Laiterie des Flandres", CANTINE_FAMILY_PRODUITS_LAITIERS, B(FRANCE), CANTINE_LOCAL_DEPARTEMENT, 3500 },
	{ "BEURRE DOUX 250G", "Laiterie des Flandres", CANTINE_FAMILY_PRODUITS_LAITIERS, B(FRANCE), CANTINE_LOCAL_NONE, 2500 },
	{ "PAIN DE CAMPAGNE 400G", "Boulangerie Dumont", CANTINE_FAMILY_BOULANGERIE, B(FRANCE), CANTINE_LOCAL_COMMUNE, 4800 },
	{ "PAIN BIO AU LEVAIN", "Boulangerie Dumont", CANTINE_FAMILY_BOULANGERIE, B(BIO) | B(FRANCE), CANTINE_LOCAL_COMMUNE, 3600 },
	{ "BAGUETTE TRADITION", "Boulangerie Dumont", CANTINE_FAMILY_BOULANGERIE, B(FRANCE), CANTINE_LOCAL_COMMUNE, 2900 },
	{ "TARTE AU SUCRE", "Pâtisserie Vandewalle", CANTINE_FAMILY_BOULANGERIE, B(FRANCE), CANTINE_LOCAL_DEPARTEMENT, 4000 },
	{ "JUS DE POMME HVE 1L", "Vergers de la Pévèle", CANTINE_FAMILY_BOISSONS, B(HVE) | B(FRANCE), CANTINE_LOCAL_KM, 2200 },
	{ "JUS D'ORANGE 1L", "Pomona Passion Froid", CANTINE_FAMILY_BOISSONS, 0, CANTINE_LOCAL_NONE, 1900 },
	{ "PATES BIO COQUILLETTES 5KG", "Épicerie collective du Nord", CANTINE_FAMILY_AUTRES, B(BIO) | B(EUROPE), CANTINE_LOCAL_NONE, 3200 },
	{ "LENTILLES VERTES BIO", "Épicerie collective du Nord", CANTINE_FAMILY_AUTRES, B(BIO) | B(FRANCE), CANTINE_LOCAL_NONE, 2600 },
	{ "RIZ LONG ETUVE 5KG", "Épicerie collective du Nord", CANTINE_FAMILY_AUTRES, 0, CANTINE_LOCAL_NONE, 2400 },
	{ "HUILE DE COLZA 1L", "Huilerie de l'Avesnois", CANTINE_FAMILY_AUTRES, B(FRANCE), CANTINE_LOCAL_REGION, 1800 },
	{ "CHOCOLAT EN POUDRE COMMERCE EQUITABLE", "Épicerie collective du Nord", CANTINE_FAMILY_AUTRES, B(COMMERCE_EQUITABLE) | B(BIO), CANTINE_LOCAL_NONE, 2000 },
	{ "FARINE DE BLE T55", "Moulins de Flandre", CANTINE_FAMILY_AUTRES, B(FRANCE), CANTINE_LOCAL_REGION, 1500 },
	{ "SEL FIN IODE", "Épicerie collective du Nord", CANTINE_FAMILY_AUTRES, 0, CANTINE_LOCAL_NONE, 600 },
#undef B
};
#define N_ITEMS (sizeof(items) / sizeof(items[0]))

/* Packaging a wholesaler appends to a wording. */
static const char *const packs[] = {
	"", "", "", " COLIS 5KG", " CARTON 10KG", " X 120", " BTE 4/4", " SACHET 2.5KG",
};
#define N_PACKS (sizeof(packs) / sizeof(packs[0]))

/* One purchase, already parsed (what the floor inserts). */
typedef struct row {
	int64_t  cents;
	uint32_t lot;        /* a lot number in the wording, or 0 */
	uint16_t day;        /* day of the year, 0-based */
	uint8_t  etab, item, pack, drop_labels;
} row;

static uint64_t rng_state = 0x2025C0113E6EULL;

static uint32_t rnd(void)
{
	rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(rng_state >> 33);
}

static unsigned declared(const row *r)
{
	unsigned c = items[r->item].chars;

	/* Labels left out of some lines (the origin stays). */
	if (r->drop_labels)
		c &= (1u << CANTINE_CHAR_FRANCE) | (1u << CANTINE_CHAR_EUROPE) |
		     (1u << CANTINE_CHAR_CIRCUIT_COURT);
	if (items[r->item].local != CANTINE_LOCAL_NONE)
		c |= 1u << CANTINE_CHAR_LOCAL;
	return c;
}

static void describe(const row *r, char *out, size_t n)
{
	if (r->lot)
		snprintf(out, n, "%s%s LOT %06" PRIu32, items[r->item].desc, packs[r->pack], r->lot);
	else
		snprintf(out, n, "%s%s", items[r->item].desc, packs[r->pack]);
}

static void date_of(int day, char out[11])
{
	cantine__date_format(cantine__days_from_civil(YEAR, 1, 1) + day, out);
}

static row *generate(int etabs, int lines)
{
	row *rows = calloc((size_t)etabs * (size_t)lines, sizeof(*rows));
	int e, l;

	if (!rows)
		bench_die(NULL, "memory");
	for (e = 0; e < etabs; e++)
		for (l = 0; l < lines; l++) {
			row *r = &rows[(size_t)e * (size_t)lines + (size_t)l];
			uint32_t x = rnd();

			r->etab = (uint8_t)e;
			r->item = (uint8_t)(x % N_ITEMS);
			r->pack = (uint8_t)((x >> 8) % N_PACKS);
			r->drop_labels = (x >> 12) % 5 == 0;
			r->lot = (x >> 16) % 50 == 0 ? 1 + rnd() % 999999 : 0;
			/* One collège's lines in date order over the year. */
			r->day = (uint16_t)((int64_t)l * 365 / lines);
			r->cents = items[r->item].price_cents * (70 + (int64_t)(rnd() % 61)) / 100;
		}
	return rows;
}

static void write_csv(const char *path, const row *rows, size_t n)
{
	static const char *const codes[] = { "BIO", "LABEL_ROUGE", "AOCAOP", "IGP", "HVE",
		"PECHE_DURABLE", "FERMIER", "COMMERCE_EQUITABLE" };
	static const cantine_characteristic bits[] = { CANTINE_CHAR_BIO,
		CANTINE_CHAR_LABEL_ROUGE, CANTINE_CHAR_AOCAOP, CANTINE_CHAR_IGP,
		CANTINE_CHAR_HVE, CANTINE_CHAR_PECHE_DURABLE, CANTINE_CHAR_FERMIER,
		CANTINE_CHAR_COMMERCE_EQUITABLE };
	FILE *f = fopen(path, "w");
	char siret[15], date[11], desc[128], cats[128];
	size_t i, k;

	if (!f)
		bench_die(NULL, "csv");
	fputs("siret,description,fournisseur,date,prix_ht,famille_produits,categories_egalim,"
	      "origine,est_circuit_court,est_local,definition_local,definition_local_km\n", f);
	for (i = 0; i < n; i++) {
		const row *r = &rows[i];
		const struct item *it = &items[r->item];
		unsigned c = declared(r);

		bench_siret(r->etab, siret);
		date_of(r->day, date);
		describe(r, desc, sizeof(desc));
		cats[0] = '\0';
		for (k = 0; k < sizeof(bits) / sizeof(bits[0]); k++)
			if (c & (1u << bits[k]))
				snprintf(cats + strlen(cats), sizeof(cats) - strlen(cats), "%s%s",
					 cats[0] ? "," : "", codes[k]);
		fprintf(f, "%s,%s,%s,%s,%" PRId64 ".%02d,%s,%s%s%s,%s,%s,%s,%s,%s\n", siret,
			desc, it->supplier, date, r->cents / 100, (int)(r->cents % 100),
			cantine_family_code(it->family), strchr(cats, ',') ? "\"" : "", cats,
			strchr(cats, ',') ? "\"" : "",
			c & (1u << CANTINE_CHAR_FRANCE) ? "FRANCE" :
			c & (1u << CANTINE_CHAR_EUROPE) ? "EUROPE" : "",
			c & (1u << CANTINE_CHAR_CIRCUIT_COURT) ? "OUI" : "",
			it->local != CANTINE_LOCAL_NONE ? "OUI" : "",
			it->local != CANTINE_LOCAL_NONE ? cantine_local_code(it->local) : "",
			it->local == CANTINE_LOCAL_KM ? "40" : "");
	}
	if (fclose(f))
		bench_die(NULL, "csv");
}

/* A store with the establishments (valid UAI and SIRET). */
static void make_store(const char *path, int etabs)
{
	cantine_ctx *ctx;
	char uai[9], siret[15], name[32];
	int i;

	unlink(path);
	if (cantine_ctx_open(&ctx, path, CANTINE_OPEN_CREATE))
		bench_die(ctx, "open");
	for (i = 0; i < etabs; i++) {
		cantine_etab e = { uai, siret, name, "59350", "59",
				   CANTINE_DAY_MON | CANTINE_DAY_TUE | CANTINE_DAY_THU |
				   CANTINE_DAY_FRI, 500, 350, 0 };
		bench_uai(i, uai);
		bench_siret(i, siret);
		snprintf(name, sizeof(name), "Collège %d", i + 1);
		if (cantine_etab_save(ctx, &e))
			bench_die(ctx, "etab");
	}
	cantine_ctx_free(ctx);
}

/* ---- the import, in a child forked before anything was allocated ---- */

struct job { char db[128], csv[128]; };
struct done { double seconds; size_t rows, inserted, suggested; int rc; };

static int cmd_fd[2], res_fd[2];

/* The child: import each file it is given, report, until told to stop. */
static void importer(void)
{
	struct job j;

	close(cmd_fd[1]);
	close(res_fd[0]);
	while (read(cmd_fd[0], &j, sizeof(j)) == (ssize_t)sizeof(j)) {
		struct done d = { 0, 0, 0, 0, 0 };
		cantine_import_stats st;
		cantine_problems *pbs = NULL;
		cantine_suggestion_stats sg;
		cantine_ctx *ctx;
		double t0;

		if (cantine_ctx_open(&ctx, j.db, 0))
			bench_die(ctx, "open");
		t0 = bench_now();
		d.rc = cantine_import_purchases(ctx, j.csv, &pbs, &st);
		d.seconds = bench_now() - t0;
		if (d.rc) {
			fprintf(stderr, "bench: import: %s\n", cantine_errmsg(ctx));
			if (cantine_problems_count(pbs))
				fprintf(stderr, "  line %u: %s\n", cantine_problems_get(pbs, 0)->line,
					cantine_problems_get(pbs, 0)->message);
		}
		cantine_purchases_suggestion_stats(ctx, &sg);
		d.rows = st.rows;
		d.inserted = st.inserted;
		d.suggested = sg.purchases;
		cantine_problems_free(pbs);
		cantine_ctx_free(ctx);
		if (write(res_fd[1], &d, sizeof(d)) != (ssize_t)sizeof(d))
			_exit(1);
	}
	_exit(0);
}

static struct done run_import(const char *db, const char *csv)
{
	struct job j;
	struct done d;

	memset(&j, 0, sizeof(j));
	snprintf(j.db, sizeof(j.db), "%s", db);
	snprintf(j.csv, sizeof(j.csv), "%s", csv);
	if (write(cmd_fd[1], &j, sizeof(j)) != (ssize_t)sizeof(j) ||
	    read(res_fd[0], &d, sizeof(d)) != (ssize_t)sizeof(d))
		bench_die(NULL, "importer process");
	if (d.rc)
		bench_die(NULL, "import failed");
	return d;
}

/* ---- the floor ---- */

/* What the import stored as suggestions, read back so that the floor
 * inserts the very same rows (rule lists interned: a few dozen). */
typedef struct sugg { unsigned chars; int8_t family, origin; const char *rules; } sugg;

static sugg *read_suggestions(const char *db, size_t n, cantine__strmap *names)
{
	sugg *s = calloc(n, sizeof(*s));
	sqlite3 *h;
	sqlite3_stmt *st;
	size_t i = 0;
	int added;

	if (!s || sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL) ||
	    sqlite3_prepare_v2(h, "SELECT suggested_characteristics, suggested_family, "
			       "suggested_origin, suggestion_rules FROM purchase ORDER BY id",
			       -1, &st, NULL))
		bench_die(NULL, "read suggestions");
	while (sqlite3_step(st) == SQLITE_ROW && i < n) {
		const char *text = (const char *)sqlite3_column_text(st, 3);
		cantine__strmap_val *v = cantine__strmap_put(names, text, &added);

		if (!v || (added && !(v->ptr = strdup(text))))
			bench_die(NULL, "memory");
		s[i].chars = (unsigned)sqlite3_column_int64(st, 0);
		s[i].family = (int8_t)(sqlite3_column_type(st, 1) == SQLITE_NULL ? -1 :
				       sqlite3_column_int(st, 1));
		s[i].origin = (int8_t)(sqlite3_column_type(st, 2) == SQLITE_NULL ? -1 :
				       sqlite3_column_int(st, 2));
		s[i].rules = v->ptr; /* outlives the statement */
		i++;
	}
	sqlite3_finalize(st);
	sqlite3_close(h);
	if (i != n)
		bench_die(NULL, "suggestions read back");
	return s;
}

static double bare_insert(const char *db, const row *rows, size_t n, const sugg *sg)
{
	static const char source[] =
		"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
	static char dates[366][11];
	sqlite3_stmt *ins;
	cantine_ctx *ctx;
	cantine_buf descs = CANTINE_BUF_INIT;
	size_t *off = malloc(n * sizeof(*off));
	char desc[128];
	double t0;
	size_t i;

	/* Every value ready in memory before the clock starts. */
	for (i = 0; i < 366; i++)
		date_of((int)i, dates[i]);
	for (i = 0; off && i < n; i++) {
		describe(&rows[i], desc, sizeof(desc));
		off[i] = descs.size;
		if (cantine__buf_put(&descs, desc, strlen(desc) + 1))
			bench_die(NULL, "memory");
	}
	if (!off || cantine_ctx_open(&ctx, db, 0))
		bench_die(NULL, "open");
	t0 = bench_now();
	if (sqlite3_exec(ctx->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) ||
	    sqlite3_prepare_v2(ctx->db, "INSERT INTO purchase (etab_id, date, supplier, "
			       "description, family, characteristics, local, local_km, "
			       "amount_cents, source, suggested_characteristics, suggested_family, "
			       "suggested_origin, suggestion_rules) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
			       "?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)", -1, &ins, NULL))
		bench_die(NULL, sqlite3_errmsg(ctx->db));
	for (i = 0; i < n; i++) {
		const row *r = &rows[i];
		const struct item *it = &items[r->item];

		sqlite3_bind_int64(ins, 1, r->etab + 1);
		sqlite3_bind_text(ins, 2, dates[r->day], 10, SQLITE_STATIC);
		sqlite3_bind_text(ins, 3, it->supplier, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 4, descs.ptr + off[i], -1, SQLITE_STATIC);
		sqlite3_bind_int(ins, 5, (int)it->family);
		sqlite3_bind_int64(ins, 6, declared(r));
		sqlite3_bind_int(ins, 7, (int)it->local);
		sqlite3_bind_int(ins, 8, it->local == CANTINE_LOCAL_KM ? 40 : 0);
		sqlite3_bind_int64(ins, 9, r->cents);
		sqlite3_bind_text(ins, 10, source, 64, SQLITE_STATIC);
		sqlite3_bind_int64(ins, 11, sg[i].chars);
		if (sg[i].family >= 0)
			sqlite3_bind_int(ins, 12, sg[i].family);
		else
			sqlite3_bind_null(ins, 12);
		if (sg[i].origin >= 0)
			sqlite3_bind_int(ins, 13, sg[i].origin);
		else
			sqlite3_bind_null(ins, 13);
		sqlite3_bind_text(ins, 14, sg[i].rules, -1, SQLITE_STATIC);
		if (sqlite3_step(ins) != SQLITE_DONE)
			bench_die(NULL, sqlite3_errmsg(ctx->db));
		sqlite3_reset(ins);
	}
	sqlite3_finalize(ins);
	if (sqlite3_exec(ctx->db, "COMMIT", NULL, NULL, NULL))
		bench_die(NULL, sqlite3_errmsg(ctx->db));
	t0 = bench_now() - t0;
	cantine_ctx_free(ctx);
	cantine_buf_dispose(&descs);
	free(off);
	return t0;
}

/* ---- classification alone ---- */

/* The built-in rules on every description (no cache), and on each
 * distinct description once (what the import's cache leaves to do). */
static void classify_cost(const row *rows, size_t n, double *all, double *distinct,
			  size_t *n_distinct)
{
	cantine__strmap seen = { 0 };
	cantine_classifier *c;
	cantine_ctx *ctx;
	char desc[128];
	double t0;
	size_t i;
	int added;

	if (cantine_ctx_open(&ctx, ":memory:", CANTINE_OPEN_CREATE) ||
	    cantine_classifier_builtin(ctx, &c))
		bench_die(ctx, "classifier");
	t0 = bench_now();
	for (i = 0; i < n; i++) {
		cantine_suggestion s;
		describe(&rows[i], desc, sizeof(desc));
		if (cantine_classify(ctx, c, desc, &s))
			bench_die(ctx, "classify");
		cantine_suggestion_dispose(&s);
	}
	*all = bench_now() - t0;
	for (i = 0; i < n; i++) {
		describe(&rows[i], desc, sizeof(desc));
		if (!cantine__strmap_put(&seen, desc, &added))
			bench_die(NULL, "memory");
	}
	*n_distinct = seen.n;
	t0 = bench_now();
	for (i = 0; i < seen.cap; i++) {
		const char *k = cantine__strmap_key(&seen, i);
		cantine_suggestion s;
		if (!k)
			continue;
		if (cantine_classify(ctx, c, k, &s))
			bench_die(ctx, "classify");
		cantine_suggestion_dispose(&s);
	}
	*distinct = bench_now() - t0;
	cantine__strmap_free(&seen);
	cantine_classifier_free(c);
	cantine_ctx_free(ctx);
}

int main(int argc, char **argv)
{
	int etabs = argc > 1 ? atoi(argv[1]) : 125;
	int lines = argc > 2 ? atoi(argv[2]) : 5000;
	int runs = argc > 3 ? atoi(argv[3]) : 3;
	char dir[] = "/tmp/cantine-bench-XXXXXX", db_a[64], db_b[64], csv[64];
	double t_imp[MAX_RUNS], t_bare[MAX_RUNS], t_audit, t_page, t_all, t_distinct, t0;
	size_t page_size;
	size_t n, n_distinct, findings = 0, suggested = 0;
	cantine__strmap names = { 0 };
	struct rusage ru_child, ru_self;
	cantine_ctx *ctx;
	struct done d;
	sugg *sg = NULL;
	row *rows;
	pid_t pid;
	int r, i, status;

	if (etabs < 1 || etabs > 250 || lines < 1 || runs < 1 || runs > MAX_RUNS ||
	    !mkdtemp(dir))
		return 1;
	/* First of all: the importer, with nothing of the generator's. */
	if (pipe(cmd_fd) || pipe(res_fd) || (pid = fork()) < 0)
		bench_die(NULL, "fork");
	if (pid == 0)
		importer();
	close(cmd_fd[0]);
	close(res_fd[1]);

	snprintf(db_a, sizeof(db_a), "%s/import.db", dir);
	snprintf(db_b, sizeof(db_b), "%s/bare.db", dir);
	snprintf(csv, sizeof(csv), "%s/achats.csv", dir);
	n = (size_t)etabs * (size_t)lines;
	rows = generate(etabs, lines);
	write_csv(csv, rows, n);
	for (r = 0; r < runs; r++) {
		make_store(db_a, etabs);
		d = run_import(db_a, csv);
		if (d.inserted != n)
			bench_die(NULL, "row count");
		t_imp[r] = d.seconds;
		suggested = d.suggested;
		if (!sg)
			sg = read_suggestions(db_a, n, &names);
		make_store(db_b, etabs);
		t_bare[r] = bare_insert(db_b, rows, n, sg);
	}
	close(cmd_fd[1]);
	if (wait4(pid, &status, 0, &ru_child) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0)
		bench_die(NULL, "importer process");

	/* The audit of every collège for the year, on the imported store. */
	if (cantine_ctx_open(&ctx, db_a, CANTINE_OPEN_READONLY) ||
	    cantine_plugin_register(ctx, cantine_builtin_plugin_egalim()))
		bench_die(ctx, "audit store");
	/* The departmental audit (every collège: the egalim plugin's figures,
	 * the vegetarian weeks), then its HTML page with the charts. */
	t0 = bench_now();
	{
		cantine_audit *au;
		cantine_buf page = CANTINE_BUF_INIT;
		if (cantine_audit_departement(&au, ctx, YEAR, NULL))
			bench_die(ctx, "audit");
		t_audit = bench_now() - t0;
		t0 = bench_now();
		if (cantine_audit_write(au, CANTINE_AUDIT_HTML, &page))
			bench_die(ctx, "audit page");
		t_page = bench_now() - t0;
		page_size = page.size;
		findings = cantine_audit_count(au);
		cantine_buf_dispose(&page);
		cantine_audit_free(au);
	}
	cantine_ctx_free(ctx);
	classify_cost(rows, n, &t_all, &t_distinct, &n_distinct);
	getrusage(RUSAGE_SELF, &ru_self);

	qsort(t_imp, (size_t)runs, sizeof(double), bench_cmp_double);
	qsort(t_bare, (size_t)runs, sizeof(double), bench_cmp_double);
	{
		long size = 0;
		FILE *f = fopen(csv, "r");
		if (f && fseek(f, 0, SEEK_END) == 0)
			size = ftell(f);
		if (f)
			fclose(f);
		printf("purchase lines:       %zu (%d collèges x %d lines, year %d), %.1f MB of CSV, "
		       "%zu distinct descriptions\n", n, etabs, lines, YEAR, size / 1e6, n_distinct);
	}
	printf("cantine import:       %.3f s (median of %d), %.0f rows/s; streamed, every row "
	       "checked and classified, %zu with a suggestion\n", t_imp[runs / 2], runs,
	       n / t_imp[runs / 2], suggested);
	printf("bare SQLite insert:   %.3f s (median of %d), %.0f rows/s\n", t_bare[runs / 2],
	       runs, n / t_bare[runs / 2]);
	printf("ratio import / bare:  %.2f (target <= 1.5)\n", t_imp[runs / 2] / t_bare[runs / 2]);
	printf("classification:       %.3f s for the %zu distinct descriptions (%.1f %% of the "
	       "import); %.3f s if every line were classified (%.0f %% of the import)\n",
	       t_distinct, n_distinct, 100 * t_distinct / t_imp[runs / 2], t_all,
	       100 * t_all / t_imp[runs / 2]);
	printf("departmental audit:   %.3f s for %zu collèges over %d (%.2f ms each); its HTML "
	       "page with the SVG charts: %.3f s, %.0f kB\n", t_audit, findings, YEAR,
	       1000 * t_audit / etabs, t_page, page_size / 1e3);
	printf("peak RSS, import:     %.1f MB (the importing process alone; target <= 64 MB)\n",
	       ru_child.ru_maxrss / 1024.0);
	printf("peak RSS, benchmark:  %.1f MB (generator, rows in memory, floor, audit)\n",
	       ru_self.ru_maxrss / 1024.0);
	for (i = 0; (size_t)i < names.cap; i++)
		if (cantine__strmap_key(&names, (size_t)i))
			free(names.vals[i].ptr);
	cantine__strmap_free(&names);
	free(sg);
	free(rows);
	if (argc > 4 && strcmp(argv[4], "keep") == 0) {
		printf("files kept in %s\n", dir);
		return 0;
	}
	unlink(db_a);
	unlink(db_b);
	unlink(csv);
	{
		char cmd[96];
		snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
		if (system(cmd) != 0)
			return 1;
	}
	return 0;
}
