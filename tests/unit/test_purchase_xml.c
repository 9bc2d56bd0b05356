/*
 * test_purchase_xml.c: the project's XML format for purchases
 * (libmenu/xsd/achats.xsd; cantine/purchase.h): import through
 * cantine_import_purchases() and _mem(), the French problems with line,
 * column and element, nothing read outside the file, libxml2's handlers
 * put back, export and round trip.
 *
 * argv[1]: the folder tests/data/purchases of the source tree.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "testutil.h"
#include "purchase_int.h"

static const char *data_dir;

static int setup(void **state)
{
	tu_fixture *f;
	cantine_etab e;

	tu_setup_store(state);
	f = *state;
	tu_etab_init(&e, "0595871L");
	assert_int_equal(cantine_etab_save(f->ctx, &e), 0);
	tu_etab_init(&e, "0622413L");
	e.siret = "19622413300013";
	e.name = "Collège Émile Zola";
	assert_int_equal(cantine_etab_save(f->ctx, &e), 0);
	return 0;
}

static long long count(tu_fixture *f)
{
	return tu_file_query_int(f->db_path, "SELECT count(*) FROM purchase");
}

static int import(tu_fixture *f, const char *name, cantine_problems **pbs,
		  cantine_import_stats *st)
{
	char *path = tu_path(data_dir, name);
	int rc = cantine_import_purchases(f->ctx, path, pbs, st);

	free(path);
	return rc;
}

static int import_mem(tu_fixture *f, const char *text, cantine_problems **pbs)
{
	return cantine_import_purchases_mem(f->ctx, "m.xml", text, strlen(text), pbs, NULL);
}

/* The problem at `line` whose message holds `text`, with its column and
 * field (the element) checked. */
static void expect(const cantine_problems *pbs, unsigned line, unsigned column,
		   const char *field, const char *text)
{
	size_t i;

	for (i = 0; i < cantine_problems_count(pbs); i++) {
		const cantine_problem *pb = cantine_problems_get(pbs, i);
		if (pb->line != line || !tu_contains(pb->message, text))
			continue;
		assert_int_equal(pb->column, column);
		if (field)
			assert_string_equal(pb->field, field);
		else
			assert_null(pb->field);
		return;
	}
	for (i = 0; i < cantine_problems_count(pbs); i++)
		print_message("  %u:%u %s\n", cantine_problems_get(pbs, i)->line,
			      cantine_problems_get(pbs, i)->column,
			      cantine_problems_get(pbs, i)->message);
	fail_msg("no problem line %u with « %s »", line, text);
}

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
	"<achats xmlns=\"urn:cantine:achats:1\">\n"
#define ACHAT(body) "<achat><uai>0595871L</uai><date>2025-03-03</date>" body "</achat>\n"
#define TAIL "</achats>\n"

static void test_recognised_by_content(void **state)
{
	(void)state;
	assert_true(cantine__purchase_is_xml("<achats/>", 9));
	assert_true(cantine__purchase_is_xml("\xEF\xBB\xBF \r\n\t<?xml", 10));
	assert_false(cantine__purchase_is_xml("siret,description", 17));
	assert_false(cantine__purchase_is_xml("\xEF\xBB\xBFuai,", 7));
	assert_false(cantine__purchase_is_xml("  ", 2));
	assert_false(cantine__purchase_is_xml("", 0));
}

static void test_good_file(void **state)
{
	tu_fixture *f = *state;
	cantine_problems *pbs = NULL;
	cantine_import_stats st;
	cantine_purchase *list;
	size_t n;

	assert_int_equal(import(f, "xml/good.xml", &pbs, &st), 0);
	assert_null(pbs);
	assert_int_equal(st.rows, 4);
	assert_int_equal(st.inserted, 4);
	assert_int_equal(cantine_purchases_load(f->ctx, "0595871L", NULL, NULL, &list, &n), 0);
	assert_int_equal(n, 3);
	assert_string_equal(list[0].date, "2025-09-08");
	assert_string_equal(list[0].supplier, "Ferme du Pévèle");
	assert_string_equal(list[0].description, "Pommes de terre");
	assert_int_equal(list[0].family, CANTINE_FAMILY_FRUITS_ET_LEGUMES);
	assert_int_equal(list[0].characteristics, (1u << CANTINE_CHAR_BIO) |
			 (1u << CANTINE_CHAR_HVE) | (1u << CANTINE_CHAR_FRANCE) |
			 (1u << CANTINE_CHAR_CIRCUIT_COURT) | (1u << CANTINE_CHAR_LOCAL));
	assert_int_equal(list[0].local, CANTINE_LOCAL_KM);
	assert_int_equal(list[0].local_km, 80);
	assert_int_equal(list[0].amount_cents, 9011);
	/* By SIRET; "&amp;"; "312.5" is 312.50 €. */
	assert_string_equal(list[1].description, "Filet de colin & moules");
	assert_int_equal(list[1].amount_cents, 31250);
	assert_int_equal(list[1].characteristics, (1u << CANTINE_CHAR_PECHE_DURABLE) |
			 (1u << CANTINE_CHAR_EUROPE));
	assert_int_equal(list[1].local, CANTINE_LOCAL_NONE);
	/* " 0595871L " (blanks collapsed), "&#233;", CDATA, "1" is true. */
	assert_string_equal(list[2].supplier, "Fromagerie de Thiérache");
	assert_string_equal(list[2].description, "Maroilles <AOP>");
	assert_int_equal(list[2].characteristics, (1u << CANTINE_CHAR_AOCAOP) |
			 (1u << CANTINE_CHAR_CIRCUIT_COURT) | (1u << CANTINE_CHAR_LOCAL));
	assert_int_equal(list[2].local, CANTINE_LOCAL_PAT);
	assert_int_equal(list[2].local_km, 0);
	assert_int_equal(list[2].amount_cents, 12);
	cantine_purchases_free(list, n);
	assert_int_equal(cantine_purchases_load(f->ctx, "0622413L", NULL, NULL, &list, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(list[0].supplier, "");
	assert_int_equal(list[0].characteristics, (1u << CANTINE_CHAR_LABEL_ROUGE) |
			 (1u << CANTINE_CHAR_FERMIER) | (1u << CANTINE_CHAR_FRANCE));
	cantine_purchases_free(list, n);

	/* The same bytes again: refused, nothing added. */
	assert_int_equal(import(f, "xml/good.xml", &pbs, &st), CANTINE_EINVAL);
	expect(pbs, 0, 0, NULL, "ce fichier a déjà été utilisé pour un import");
	cantine_problems_free(pbs);
	assert_int_equal(count(f), 4);
}

static void test_bad_schema(void **state)
{
	tu_fixture *f = *state;
	cantine_problems *pbs = NULL;

	assert_int_equal(import(f, "xml/bad-schema.xml", &pbs, NULL), CANTINE_EINVAL);
	assert_int_equal(cantine_problems_total(pbs), 9);
	expect(pbs, 7, 5, "famille", "« LEGUMES » n'est pas une famille de produits de "
	       "ma-cantine ; écrivez l'un des codes (en majuscules) : VIANDES_VOLAILLES,");
	expect(pbs, 13, 5, "famille", "il manque l'élément <description>, obligatoire, "
	       "avant <famille>");
	expect(pbs, 18, 5, "date", "« 2022-02-31 » n'est pas une date qui existe");
	expect(pbs, 28, 5, "montant_ht", "« 12.345 » a plus de deux décimales");
	expect(pbs, 32, 5, "date", "« 2025/09/12 » n'est pas une date aaaa-mm-jj");
	expect(pbs, 42, 5, "date", "« 1012-09-08 » : l'année doit être 1900 ou après");
	expect(pbs, 36, 5, "label", "« SANS_GLUTEN » n'est pas un label EGALIM");
	expect(pbs, 37, 5, "montant_ht", "« 12,50 » : le séparateur décimal est le point");
	expect(pbs, 38, 5, NULL, "élément <remise> inconnu");
	/* In file order. */
	assert_int_equal(cantine_problems_get(pbs, 0)->line, 7);
	assert_int_equal(cantine_problems_get(pbs, 7)->line, 38);
	assert_true(tu_contains(cantine_errmsg(f->ctx), "9 problèmes dans"));
	cantine_problems_free(pbs);
	assert_int_equal(count(f), 0);

	/* The same file on one line: the columns are still the tags'. */
	{
		char *path = tu_path(data_dir, "xml/bad-schema.xml"), *one;
		FILE *in = fopen(path, "rb");
		size_t n = 0;
		int c;

		assert_non_null(in);
		assert_non_null(one = malloc(4096));
		while ((c = getc(in)) != EOF && n < 4095)
			if (c != '\n')
				one[n++] = (char)c;
		fclose(in);
		free(path);
		assert_int_equal(cantine_import_purchases_mem(f->ctx, "one.xml", one, n, &pbs,
							      NULL), CANTINE_EINVAL);
		free(one);
		expect(pbs, 1, 185, "famille", "« LEGUMES »");
		expect(pbs, 1, 318, "famille", "il manque l'élément <description>");
		expect(pbs, 1, 436, "date", "« 2022-02-31 »");
		expect(pbs, 1, 723, "montant_ht", "« 12.345 »");
		expect(pbs, 1, 948, "montant_ht", "« 12,50 »");
		expect(pbs, 1, 982, NULL, "élément <remise> inconnu");
		cantine_problems_free(pbs);
	}

	assert_int_equal(import(f, "xml/not-well-formed.xml", &pbs, NULL), CANTINE_EINVAL);
	assert_int_equal(cantine_problems_total(pbs), 1);
	expect(pbs, 6, 47, NULL, "la balise fermante </descriptoin> ne correspond pas à "
	       "la balise ouvrante <description> de la ligne 6");
	cantine_problems_free(pbs);

	assert_int_equal(import(f, "xml/no-namespace.xml", &pbs, NULL), CANTINE_EINVAL);
	expect(pbs, 2, 1, NULL, "l'élément racine <achats> n'est pas dans l'espace de noms");
	cantine_problems_free(pbs);
	assert_int_equal(import(f, "xml/empty.xml", &pbs, NULL), CANTINE_EINVAL);
	expect(pbs, 0, 0, NULL, "le fichier n'a aucun achat");
	cantine_problems_free(pbs);
	assert_int_equal(count(f), 0);
}

static void test_bad_rules(void **state)
{
	tu_fixture *f = *state;
	cantine_problems *pbs = NULL;

	assert_int_equal(import(f, "xml/bad-rules.xml", &pbs, NULL), CANTINE_EINVAL);
	expect(pbs, 4, 5, "uai", "aucun établissement de la base n'a l'UAI « 0590001F »");
	expect(pbs, 11, 5, "uai", "« 0590001A » n'est pas un UAI valide");
	expect(pbs, 18, 5, "siret", "aucun établissement de la base n'a le SIRET "
	       "« 73282932000074 »");
	expect(pbs, 30, 5, "origine", "les caractéristiques EUROPE et FRANCE ne peuvent pas "
	       "être sélectionnées en même temps");
	expect(pbs, 38, 5, "definition_local", "la caractéristique LOCAL n'est pas "
	       "sélectionnée");
	expect(pbs, 48, 5, "km", "la distance en km doit être absente lorsque la "
	       "définition de local n'est pas KM");
	expect(pbs, 53, 5, "date", "la date « 2999-01-10 » est dans le futur");
	cantine_problems_free(pbs);
	assert_int_equal(count(f), 0);
}

/* One bad purchase among good ones: nothing at all is written. */
static void test_all_or_nothing(void **state)
{
	tu_fixture *f = *state;
	cantine_problems *pbs = NULL;
	static const char text[] = HEAD
		ACHAT("<description>Lait</description><famille>PRODUITS_LAITIERS</famille>"
		      "<montant_ht>1</montant_ht>")
		ACHAT("<description>Pain</description><famille>BOULANGERIE</famille>"
		      "<local>false</local><definition_local>PAT</definition_local>"
		      "<montant_ht>2</montant_ht>")
		ACHAT("<description>Eau</description><famille>BOISSONS</famille>"
		      "<montant_ht>3</montant_ht>") TAIL;

	assert_int_equal(import_mem(f, text, &pbs), CANTINE_EINVAL);
	assert_int_equal(cantine_problems_total(pbs), 1);
	expect(pbs, 4, 131, "definition_local", "la caractéristique LOCAL n'est pas "
	       "sélectionnée");
	cantine_problems_free(pbs);
	assert_int_equal(count(f), 0);
}

/* ---- nothing outside the file ---- */

static unsigned long test_loads;

static xmlParserInputPtr counting_loader(const char *url, const char *id,
					 xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	test_loads++;
	return NULL;
}

static unsigned long handler_calls;

static void counting_handler(void *ud, xmlErrorPtr err)
{
	(void)ud;
	(void)err;
	handler_calls++;
}

static void test_nothing_outside(void **state)
{
	tu_fixture *f = *state;
	static const char *const refused[] = {
		"xml/xxe-passwd.xml", "xml/external-dtd.xml", "xml/billion-laughs.xml",
	};
	cantine_problems *pbs = NULL;
	char text[1024];
	unsigned long before = cantine__purchase_xml_loads();
	size_t i, k;
	int tag;

	/* The application's own loader and handler: never called by the
	 * import, and there again after it. */
	xmlInitParser();
	xmlSetExternalEntityLoader(counting_loader);
	xmlSetStructuredErrorFunc(&tag, counting_handler);

	for (i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		assert_int_equal(import(f, refused[i], &pbs, NULL), CANTINE_EINVAL);
		assert_int_equal(cantine_problems_total(pbs), 1);
		expect(pbs, refused[i][4] == 'e' ? 3 : 2, 1, NULL, "déclaration de type de "
		       "document (<!DOCTYPE …>) refusée");
		for (k = 0; k < cantine_problems_count(pbs); k++)
			assert_false(tu_contains(cantine_problems_get(pbs, k)->message, "root:"));
		cantine_problems_free(pbs);
	}
	/* A file of the test directory named by an entity and by a DTD. */
	tu_write_file(f->dir, "secret.txt", "MARQUEUR-SECRET\n", 16);
	snprintf(text, sizeof(text), "<?xml version=\"1.0\"?>\n<!DOCTYPE achats [\n"
		 "<!ENTITY x SYSTEM \"file://%s/secret.txt\">]>\n"
		 "<achats xmlns=\"urn:cantine:achats:1\">"
		 ACHAT("<description>&x;</description><famille>AUTRES</famille>"
		       "<montant_ht>1</montant_ht>") TAIL, f->dir);
	assert_int_equal(import_mem(f, text, &pbs), CANTINE_EINVAL);
	expect(pbs, 2, 1, NULL, "(<!DOCTYPE …>) refusée");
	for (k = 0; k < cantine_problems_count(pbs); k++)
		assert_false(tu_contains(cantine_problems_get(pbs, k)->message, "MARQUEUR"));
	cantine_problems_free(pbs);
	/* A DOCTYPE after comments and processing instructions. */
	snprintf(text, sizeof(text), "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- <achats> -->"
		 "<?pi x?>\n  <!DOCTYPE achats SYSTEM \"%s/secret.txt\">\n"
		 "<achats xmlns=\"urn:cantine:achats:1\"/>\n", f->dir);
	assert_int_equal(import_mem(f, text, &pbs), CANTINE_EINVAL);
	expect(pbs, 3, 3, NULL, "(<!DOCTYPE …>) refusée");
	cantine_problems_free(pbs);
	/* xsi:schemaLocation and XInclude name files: neither is read (the
	 * first is ignored, the second is an unknown element). */
	snprintf(text, sizeof(text), "<achats xmlns=\"urn:cantine:achats:1\" "
		 "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
		 "xsi:schemaLocation=\"urn:cantine:achats:1 file://%s/secret.txt\">"
		 ACHAT("<description>Lait</description><famille>AUTRES</famille>"
		       "<montant_ht>1</montant_ht>") TAIL, f->dir);
	assert_int_equal(import_mem(f, text, &pbs), 0);
	assert_null(pbs);
	snprintf(text, sizeof(text), "<achats xmlns=\"urn:cantine:achats:1\" "
		 "xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
		 "<xi:include href=\"file://%s/secret.txt\" parse=\"text\"/>" TAIL, f->dir);
	assert_int_equal(import_mem(f, text, &pbs), CANTINE_EINVAL);
	expect(pbs, 1, 81, NULL, "élément <include> inconnu");
	cantine_problems_free(pbs);
	/* An entity that is not declared: refused, not looked for. */
	assert_int_equal(import_mem(f, HEAD ACHAT("<description>&x;</description>"
		"<famille>AUTRES</famille><montant_ht>1</montant_ht>") TAIL, &pbs),
		CANTINE_EINVAL);
	expect(pbs, 3, 66, NULL, "entité « &x; » inconnue");
	cantine_problems_free(pbs);

	assert_int_equal(cantine__purchase_xml_loads(), before);
	assert_int_equal(test_loads, 0);
	assert_int_equal(handler_calls, 0);
	assert_ptr_equal(xmlGetExternalEntityLoader(), counting_loader);
	assert_ptr_equal(xmlStructuredError, counting_handler);
	assert_ptr_equal(xmlStructuredErrorContext, &tag);
	xmlSetStructuredErrorFunc(NULL, NULL);
	assert_int_equal(count(f), 1);
}

/* The encoding is UTF-8 whatever the declaration says; other bytes are
 * refused with a French message. */
static void test_encoding(void **state)
{
	tu_fixture *f = *state;
	cantine_problems *pbs = NULL;
	cantine_purchase *list;
	size_t n;

	assert_int_equal(import_mem(f, "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
		"<achats xmlns=\"urn:cantine:achats:1\">"
		ACHAT("<description>Crème fraîche</description><famille>PRODUITS_LAITIERS"
		      "</famille><montant_ht>4.2</montant_ht>") TAIL, &pbs), 0);
	assert_int_equal(cantine_purchases_load(f->ctx, "0595871L", NULL, NULL, &list, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(list[0].description, "Crème fraîche");
	assert_int_equal(list[0].amount_cents, 420);
	cantine_purchases_free(list, n);
	assert_int_equal(import_mem(f, HEAD ACHAT("<description>Cr\xE8me</description>"
		"<famille>AUTRES</famille><montant_ht>1</montant_ht>") TAIL, &pbs),
		CANTINE_EINVAL);
	expect(pbs, 3, 65, NULL, "le fichier doit être en UTF-8");
	cantine_problems_free(pbs);
}

/* ---- export ---- */

/* The classification runs on XML imports too: a suggestion is stored
 * apart, never in place of what the file declares. */
static void test_suggestions(void **state)
{
	tu_fixture *f = *state;
	static const char doc[] = HEAD
		ACHAT("<description>POMME GOLDEN CAT1 BIO</description>"
		      "<famille>FRUITS_ET_LEGUMES</famille><montant_ht>12.00</montant_ht>")
		ACHAT("<description>EMMENTAL AOP</description><famille>PRODUITS_LAITIERS"
		      "</famille><label>AOCAOP</label><montant_ht>3.00</montant_ht>") TAIL;
	cantine_suggestion_stats sg;
	cantine_problems *pbs = NULL;
	cantine_purchase *list;
	size_t n;

	assert_int_equal(import_mem(f, doc, &pbs), 0);
	cantine_purchases_suggestion_stats(f->ctx, &sg);
	assert_int_equal(sg.purchases, 1);
	assert_int_equal(cantine_purchases_load(f->ctx, "0595871L", NULL, NULL, &list, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(list[0].characteristics, 0);
	assert_true(list[0].suggested_characteristics & (1u << CANTINE_CHAR_BIO));
	/* declared AOCAOP: matched by a rule, so nothing to suggest */
	assert_int_equal(list[1].characteristics, 1u << CANTINE_CHAR_AOCAOP);
	assert_int_equal(list[1].suggested_characteristics, 0);
	cantine_purchases_free(list, n);
}

static void test_export_round_trip(void **state)
{
	tu_fixture *f = *state;
	static const char legacy[] = HEAD
		ACHAT("<description>Riz</description><famille>AUTRES</famille>"
		      "<label>CONVERSION_BIO</label><label>EQUIVALENTS</label>"
		      "<local>true</local><definition_local>KM</definition_local>"
		      "<montant_ht>0</montant_ht>")
		ACHAT("<fournisseur>A &lt;&amp;&gt; \"B\"</fournisseur>"
		      "<description>ligne 1\nligne 2</description><famille>AUTRES</famille>"
		      "<local>true</local><montant_ht>100000000</montant_ht>") TAIL;
	cantine_buf a = CANTINE_BUF_INIT, b = CANTINE_BUF_INIT, c = CANTINE_BUF_INIT;
	cantine_problems *pbs = NULL;
	cantine_import_stats st;
	cantine_ctx *ctx2;
	cantine_etab e;
	char *dir2 = tu_mkdtemp();

	assert_int_equal(import(f, "xml/good.xml", &pbs, NULL), 0);
	assert_int_equal(import_mem(f, legacy, &pbs), 0);
	assert_int_equal(cantine_export_purchases_xml(f->ctx, NULL, NULL, NULL, &a), 0);
	assert_true(tu_contains(a.ptr, "<label>CONVERSION_BIO</label>"));
	assert_true(tu_contains(a.ptr, "<fournisseur>A &lt;&amp;&gt; &quot;B&quot;</fournisseur>"));
	assert_true(tu_contains(a.ptr, "<montant_ht>1000000.00</montant_ht>") == 0);
	assert_true(tu_contains(a.ptr, "<montant_ht>100000000.00</montant_ht>"));
	assert_true(tu_contains(a.ptr, "<montant_ht>0.00</montant_ht>"));

	/* Into an empty store with the same establishments. */
	ctx2 = tu_open_store(dir2, "two.db");
	tu_etab_init(&e, "0595871L");
	assert_int_equal(cantine_etab_save(ctx2, &e), 0);
	tu_etab_init(&e, "0622413L");
	e.siret = "19622413300013";
	assert_int_equal(cantine_etab_save(ctx2, &e), 0);
	assert_int_equal(cantine_import_purchases_mem(ctx2, "export.xml", a.ptr, a.size, &pbs,
						      &st), 0);
	assert_null(pbs);
	assert_int_equal(st.inserted, 6);
	assert_int_equal(cantine_export_purchases_xml(ctx2, NULL, NULL, NULL, &b), 0);
	assert_int_equal(a.size, b.size);
	assert_memory_equal(a.ptr, b.ptr, a.size);
	{
		cantine_purchase *l1, *l2;
		size_t n1, n2, i;
		assert_int_equal(cantine_purchases_load(f->ctx, "0595871L", NULL, NULL, &l1, &n1), 0);
		assert_int_equal(cantine_purchases_load(ctx2, "0595871L", NULL, NULL, &l2, &n2), 0);
		assert_int_equal(n1, 5);
		assert_int_equal(n2, n1);
		for (i = 0; i < n1; i++) {
			assert_string_equal(l1[i].date, l2[i].date);
			assert_string_equal(l1[i].supplier, l2[i].supplier);
			assert_string_equal(l1[i].description, l2[i].description);
			assert_int_equal(l1[i].family, l2[i].family);
			assert_int_equal(l1[i].characteristics, l2[i].characteristics);
			assert_int_equal(l1[i].local, l2[i].local);
			assert_int_equal(l1[i].local_km, l2[i].local_km);
			assert_int_equal(l1[i].amount_cents, l2[i].amount_cents);
		}
		cantine_purchases_free(l1, n1);
		cantine_purchases_free(l2, n2);
	}
	cantine_ctx_free(ctx2);
	tu_rmtree(dir2);

	/* Selections. */
	assert_int_equal(cantine_export_purchases_xml(f->ctx, "0622413L", "2025-01-01",
						      "2025-12-31", &c), 0);
	assert_true(tu_contains(c.ptr, "<uai>0622413L</uai>"));
	assert_false(tu_contains(c.ptr, "<uai>0595871L</uai>"));
	cantine_buf_dispose(&c);
	assert_int_equal(cantine_export_purchases_xml(f->ctx, NULL, "2024-01-01", "2024-12-31",
						      &c), 0);
	assert_true(tu_contains(c.ptr, "<achats xmlns=\"urn:cantine:achats:1\"/>"));
	assert_false(tu_contains(c.ptr, "<achat>"));
	cantine_buf_dispose(&c);
	assert_int_equal(cantine_export_purchases_xml(f->ctx, "0590001F", NULL, NULL, &c),
			 CANTINE_ENOTFOUND);
	assert_int_equal(cantine_export_purchases_xml(f->ctx, NULL, "2025-02-30", NULL, &c),
			 CANTINE_EINVAL);
	assert_int_equal(cantine_export_purchases_xml(f->ctx, NULL, "2025-02-03",
						      "2025-01-01", &c), CANTINE_EINVAL);
	assert_int_equal(c.size, 0);
	/* A text XML cannot carry (U+FFFF, let in by the CSV import). */
	{
		static const char csv[] = "uai,description,fournisseur,date,prix_ht,"
			"famille_produits,categories_egalim,origine,est_circuit_court,est_local,"
			"definition_local,definition_local_km\n"
			"0595871L,Lait \xEF\xBF\xBF,,2025-03-03,1,AUTRES,,,,,,\n";
		assert_int_equal(cantine_import_purchases_mem(f->ctx, "u.csv", csv,
							      sizeof(csv) - 1, &pbs, NULL), 0);
		assert_int_equal(cantine_export_purchases_xml(f->ctx, NULL, NULL, NULL, &c),
				 CANTINE_EINVAL);
		assert_true(tu_contains(cantine_errmsg(f->ctx), "U+FFFF"));
		assert_int_equal(c.size, 0);
	}
	cantine_buf_dispose(&a);
	cantine_buf_dispose(&b);
}

/* Every allocation of the library failing in turn: ENOMEM with the store
 * unchanged, or success with all of it. */
static void test_out_of_memory(void **state)
{
	tu_fixture *f = *state;
	static const char good[] = HEAD
		ACHAT("<description>Lait</description><famille>PRODUITS_LAITIERS</famille>"
		      "<label>BIO</label><local>true</local>"
		      "<definition_local>PAT</definition_local><montant_ht>12.5</montant_ht>")
		ACHAT("<description>Pain</description><famille>BOULANGERIE</famille>"
		      "<montant_ht>3</montant_ht>") TAIL;
	cantine_problems *pbs;
	cantine_buf out = CANTINE_BUF_INIT;
	long k;
	int rc = CANTINE_ENOMEM;

	for (k = 0; rc == CANTINE_ENOMEM; k++) {
		pbs = NULL;
		cantine__alloc_fail_after(k);
		rc = import_mem(f, good, &pbs);
		cantine__alloc_fail_after(-1);
		cantine_problems_free(pbs);
		assert_true(rc == 0 || rc == CANTINE_ENOMEM);
		assert_int_equal(count(f), rc == 0 ? 2 : 0);
		assert_true(k < 10000);
	}
	for (rc = CANTINE_ENOMEM, k = 0; rc == CANTINE_ENOMEM; k++) {
		cantine__alloc_fail_after(k);
		rc = cantine_export_purchases_xml(f->ctx, NULL, NULL, NULL, &out);
		cantine__alloc_fail_after(-1);
		assert_true(rc == 0 || rc == CANTINE_ENOMEM);
		if (rc)
			assert_int_equal(out.size, 0);
		assert_true(k < 10000);
	}
	assert_true(tu_contains(out.ptr, "<montant_ht>12.50</montant_ht>"));
	cantine_buf_dispose(&out);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_recognised_by_content),
		cmocka_unit_test_setup_teardown(test_good_file, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_suggestions, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_bad_schema, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_bad_rules, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_all_or_nothing, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_nothing_outside, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_encoding, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_export_round_trip, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_out_of_memory, setup, tu_teardown_store),
	};

	if (argc < 2) {
		fprintf(stderr, "usage: test_purchase_xml DATA_DIR\n");
		return 1;
	}
	data_dir = argv[1];
	return cmocka_run_group_tests(tests, NULL, NULL);
}
