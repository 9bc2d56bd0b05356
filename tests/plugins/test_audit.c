/*
 * test_audit.c: the departmental audit and the ma-cantine bilans through
 * the real store and the egalim plugin compiled in (cantine/audit.h):
 * totals made of sums, objectives at the exact threshold, what is
 * missing, sorting, the département filter, the four renderings (the XML
 * against libmenu/xsd/audit.xsd, the HTML parsed back), the bilans.
 *
 * argv[1]: libmenu/xsd/audit.xsd
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/xmlschemas.h>

#include "testutil.h"

const cantine_plugin *cantine_builtin_plugin_egalim(void);

static const char *xsd_path;

static const char etabs[] =
	"uai,siret,nom,commune_insee,departement,jours_service,eleves,demi_pensionnaires,"
	"cout_denrees_cible\n"
	"0595871L,19595871500011,Collège Arthur Lamendin,59654,59,lun|mar|jeu|ven,300,120,\n"
	"0593904Y,19593904600015,Collège Blum,59172,59,lun|mar|jeu|ven,500,300,\n"
	"0622413L,,<script>alert(1)</script>,62427,62,lun|mar|jeu|ven,200,100,\n";

#define HEADER "uai,description,fournisseur,date,prix_ht,famille_produits," \
	"categories_egalim,origine,est_circuit_court,est_local,definition_local," \
	"definition_local_km\n"

/* 2025.  Lamendin: 10 000,00 € of which 759,50 € bio (7,595 %).  Blum:
 * 90 000,00 € of which exactly 20 % bio and exactly 50 % EGALIM, its
 * meat all Label rouge.  Together: 18 759,50 € bio of 100 000,00 €, that
 * is 18,76 %, where the average of the two ratios would be 13,80 %. */
static const char purchases[] = HEADER
	"0595871L,Carottes bio,Norabio,2025-03-03,759.50,FRUITS_ET_LEGUMES,BIO,FRANCE,,,,\n"
	"0595871L,Épicerie,Grossiste,2025-03-04,9240.50,AUTRES,,,,,,\n"
	"0593904Y,Pain bio,Boulangerie,2025-03-03,18000.00,BOULANGERIE,BIO,FRANCE,,OUI,"
	"REGION,\n"
	"0593904Y,Poulet Label rouge,Volailles,2025-03-05,27000.00,VIANDES_VOLAILLES,"
	"LABEL_ROUGE,FRANCE,,,,\n"
	"0593904Y,Épicerie,Grossiste,2025-03-06,45000.00,AUTRES,,,,,,\n";

static int setup(void **state)
{
	cantine_problems *pbs = NULL;
	tu_fixture *f;

	tu_setup_store(state);
	f = *state;
	assert_int_equal(cantine_plugin_register(f->ctx, cantine_builtin_plugin_egalim()), 0);
	assert_int_equal(cantine_import_csv_mem(f->ctx, CANTINE_KIND_ETABS, "etabs.csv", etabs,
						strlen(etabs), CANTINE_ENCODING_UTF8, &pbs,
						NULL), 0);
	cantine_problems_free(pbs);
	assert_int_equal(cantine_import_purchases_mem(f->ctx, "achats.csv", purchases,
						      strlen(purchases), &pbs, NULL), 0);
	cantine_problems_free(pbs);
	return 0;
}

static const cantine_audit_row *row_of(const cantine_audit *a, const char *uai)
{
	size_t i;

	for (i = 0; i < cantine_audit_count(a); i++)
		if (strcmp(cantine_audit_get(a, i)->uai, uai) == 0)
			return cantine_audit_get(a, i);
	fail_msg("no row for %s", uai);
	return NULL;
}

static void test_figures(void **state)
{
	tu_fixture *f = *state;
	cantine_report *r = NULL;
	int64_t v;

	assert_int_equal(cantine_audit_purchases(&r, f->ctx, "0595871L", 2025), 0);
	assert_int_equal(cantine_report_figure_find(r, "egalim.valeur_totale", "0595871L",
						    2025, &v), 0);
	assert_int_equal(v, 1000000);
	assert_int_equal(cantine_report_figure_find(r, "egalim.valeur_fruits_et_legumes_bio",
						    "0595871L", 2025, &v), 0);
	assert_int_equal(v, 75950);
	assert_int_equal(cantine_report_figure_find(r, "egalim.valeur_bio", "0595871L", 2024,
						    &v), CANTINE_ENOTFOUND);
	assert_true(cantine_report_figure_count(r) > 100);
	cantine_report_free(r);
}

static void test_rows_and_totals(void **state)
{
	tu_fixture *f = *state;
	const cantine_audit_row *a, *b, *c, *t;
	cantine_audit *au = NULL;

	assert_int_equal(cantine_audit_departement(&au, f->ctx, 2025, NULL), 0);
	assert_int_equal(cantine_audit_count(au), 3);
	assert_int_equal(cantine_audit_year(au), 2025);
	a = row_of(au, "0595871L");
	b = row_of(au, "0593904Y");
	c = row_of(au, "0622413L");
	t = cantine_audit_total(au);
	assert_int_equal(a->total, 1000000);
	assert_int_equal(a->bio, 75950);
	assert_int_equal(a->met, 0);
	/* exactly 20 % bio and 50 % EGALIM: met (inclusive, in integers) */
	assert_int_equal(cantine_share(b->bio, b->total), 2000);
	assert_int_equal(cantine_share(b->quality, b->total), 5000);
	assert_int_equal(b->met, 1);
	assert_int_equal(b->local, 1800000);
	assert_int_equal(b->bio_min, 20);
	assert_int_equal(b->meat_fish_min, 60);
	/* no purchase: undefined, not 0 % */
	assert_int_equal(c->total, 0);
	assert_int_equal(c->met, -1);
	assert_int_equal(cantine_share(c->bio, c->total), -1);
	/* sums of amounts, not averages of ratios */
	assert_int_equal(t->total, 10000000);
	assert_int_equal(t->bio, 1875950);
	assert_int_equal(cantine_share(t->bio, t->total), 1876);
	assert_int_equal(t->purchases, 5);
	assert_int_equal(t->met, 0);
	assert_int_equal(t->ijml_level, -1);
	cantine_audit_free(au);
}

static void test_missing(void **state)
{
	tu_fixture *f = *state;
	cantine_audit *au = NULL;
	cantine_buf out = CANTINE_BUF_INIT;

	assert_int_equal(cantine_missing(75950, 1000000, 20), 124050);
	assert_int_equal(cantine_missing(200000, 1000000, 20), 0);
	assert_int_equal(cantine_missing(199999, 1000000, 20), 1);
	assert_int_equal(cantine_missing(0, 0, 20), 0);
	assert_int_equal(cantine_audit_departement(&au, f->ctx, 2025, NULL), 0);
	assert_int_equal(cantine_audit_write(au, CANTINE_AUDIT_TEXT, &out), 0);
	assert_true(tu_contains(out.ptr, "- Collège Arthur Lamendin (0595871L) : il manque "
				"1 240,50 € d'achats bio pour atteindre 20 % ; il manque 4 240,50 € "
				"d'achats durables et de qualité (EGALIM, bio compris) pour "
				"atteindre 50 %\n"));
	assert_false(tu_contains(out.ptr, "- Collège Blum"));
	assert_true(tu_contains(out.ptr, "(0622413L) : aucun achat enregistré"));
	assert_true(tu_contains(out.ptr, "Ensemble : bio 18,76 %"));
	assert_true(tu_contains(out.ptr, "objectifs atteints par 1 (1 sans achat enregistré)"));
	cantine_buf_dispose(&out);
	cantine_audit_free(au);
}

static void test_sort(void **state)
{
	tu_fixture *f = *state;
	cantine_audit *au = NULL;

	assert_int_equal(cantine_audit_departement(&au, f->ctx, 2025, NULL), 0);
	/* by name: "<" sorts before "C" */
	assert_string_equal(cantine_audit_get(au, 0)->uai, "0622413L");
	assert_int_equal(cantine_audit_sort(au, CANTINE_AUDIT_BY_BIO, 0), 0);
	assert_string_equal(cantine_audit_get(au, 0)->uai, "0595871L");
	assert_string_equal(cantine_audit_get(au, 1)->uai, "0593904Y");
	assert_string_equal(cantine_audit_get(au, 2)->uai, "0622413L"); /* undefined last */
	assert_int_equal(cantine_audit_sort(au, CANTINE_AUDIT_BY_BIO, 1), 0);
	assert_string_equal(cantine_audit_get(au, 0)->uai, "0593904Y");
	assert_string_equal(cantine_audit_get(au, 2)->uai, "0622413L");
	assert_int_equal(cantine_audit_sort(au, CANTINE_AUDIT_BY_UAI, 1), 0);
	assert_string_equal(cantine_audit_get(au, 0)->uai, "0622413L");
	assert_string_equal(cantine_audit_get(au, 2)->uai, "0593904Y");
	assert_int_equal(cantine_audit_sort(au, CANTINE_AUDIT_BY__MAX, 0), CANTINE_EINVAL);
	assert_int_equal(cantine_audit_key_parse("egalim"), CANTINE_AUDIT_BY_QUALITY);
	assert_int_equal(cantine_audit_key_parse("Bio"), -1);
	cantine_audit_free(au);
}

static void test_departement(void **state)
{
	tu_fixture *f = *state;
	cantine_audit *au = NULL;

	assert_int_equal(cantine_audit_departement(&au, f->ctx, 2025, "59"), 0);
	assert_int_equal(cantine_audit_count(au), 2);
	assert_string_equal(cantine_audit_dept(au), "59");
	assert_int_equal(cantine_audit_total(au)->met, 0);
	cantine_audit_free(au);
	assert_int_equal(cantine_audit_departement(&au, f->ctx, 2025, "75"), CANTINE_ENOTFOUND);
	assert_true(tu_contains(cantine_errmsg(f->ctx), "aucun établissement du département 75"));
	assert_int_equal(cantine_audit_departement(&au, f->ctx, 2025, "5'9"), CANTINE_EINVAL);
	assert_int_equal(cantine_audit_departement(&au, f->ctx, 1999, NULL), CANTINE_EINVAL);
	assert_null(au);
}

static void test_etab(void **state)
{
	tu_fixture *f = *state;
	cantine_audit *au = NULL, *all = NULL;
	const cantine_audit_row *one, *ref;

	assert_int_equal(cantine_audit_etab(&au, f->ctx, 2025, "0593904Y"), 0);
	assert_int_equal(cantine_audit_count(au), 1);
	assert_null(cantine_audit_dept(au));
	one = cantine_audit_get(au, 0);
	assert_string_equal(one->uai, "0593904Y");
	/* The same figures as its row of the whole audit. */
	assert_int_equal(cantine_audit_departement(&all, f->ctx, 2025, NULL), 0);
	ref = row_of(all, "0593904Y");
	assert_int_equal(one->total, ref->total);
	assert_int_equal(one->total, 9000000);
	assert_int_equal(one->bio, ref->bio);
	assert_int_equal(one->quality, ref->quality);
	assert_int_equal(one->local, ref->local);
	assert_int_equal(one->bio_min, ref->bio_min);
	assert_int_equal(one->met, ref->met);
	assert_int_equal(cantine_audit_total(au)->total, one->total);
	cantine_audit_free(au);
	cantine_audit_free(all);
	au = NULL;
	assert_int_equal(cantine_audit_etab(&au, f->ctx, 2025, "0591234S"), CANTINE_ENOTFOUND);
	assert_null(au);
	assert_true(tu_contains(cantine_errmsg(f->ctx), "0591234S"));
	assert_int_equal(cantine_audit_etab(&au, f->ctx, 1999, "0593904Y"), CANTINE_EINVAL);
	assert_null(au);
}

static void test_csv(void **state)
{
	tu_fixture *f = *state;
	cantine_audit *au = NULL;
	cantine_buf out = CANTINE_BUF_INIT;

	assert_int_equal(cantine_audit_departement(&au, f->ctx, 2025, "59"), 0);
	assert_int_equal(cantine_audit_write(au, CANTINE_AUDIT_CSV, &out), 0);
	assert_true(tu_contains(out.ptr, "uai,nom,departement,nombre_achats,valeur_totale,"));
	assert_true(tu_contains(out.ptr, "\n0593904Y,Collège Blum,59,3,90000.00,18000.00,"
				"45000.00,27000.00,27000.00,0.00,0.00,18000.00,20.00,50.00,100.00,"
				",100.00,20.00,0,0,,0,oui,20,50,60,oui,0.00,0.00,0.00\n"));
	assert_true(tu_contains(out.ptr, "\n,Total,59,5,100000.00,18759.50,"));
	assert_true(tu_contains(out.ptr, ",20,50,60,non,1240.50,4240.50,0.00\n"));
	cantine_buf_dispose(&out);
	cantine_audit_free(au);
}

static void quiet(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

static void test_xml_valid(void **state)
{
	static const char bad[] =
		"<audit xmlns=\"urn:cantine:audit:1\" annee=\"2025\"><total "
		"objectifs=\"atteints\"><achats nombre=\"1\" total=\"1.00\" bio=\"1.00\" "
		"egalim=\"1.00\" viandes=\"0.00\" viandes-egalim=\"0.00\" poissons=\"0.00\" "
		"poissons-egalim=\"0.00\" local=\"0.00\"/><parts bio=\"100.01\"/><seuils/>"
		"<vegetarien semaines=\"0\" avec-menu-vegetarien=\"0\"/></total></audit>";
	tu_fixture *f = *state;
	cantine_audit *au = NULL;
	cantine_buf out = CANTINE_BUF_INIT;
	xmlSchemaParserCtxtPtr pc;
	xmlSchemaValidCtxtPtr vc;
	xmlSchemaPtr schema;
	xmlDocPtr doc;

	assert_int_equal(cantine_audit_departement(&au, f->ctx, 2025, NULL), 0);
	assert_int_equal(cantine_audit_write(au, CANTINE_AUDIT_XML, &out), 0);
	assert_true(tu_contains(out.ptr, "nom=\"&lt;script&gt;alert(1)&lt;/script&gt;\""));
	assert_non_null(pc = xmlSchemaNewParserCtxt(xsd_path));
	assert_non_null(schema = xmlSchemaParse(pc));
	assert_non_null(vc = xmlSchemaNewValidCtxt(schema));
	doc = xmlReadMemory(out.ptr, (int)out.size, "audit.xml", NULL, XML_PARSE_NONET);
	assert_non_null(doc);
	assert_int_equal(xmlSchemaValidateDoc(vc, doc), 0);
	xmlFreeDoc(doc);
	/* the schema is no rubber stamp: a share above 100 % is refused */
	doc = xmlReadMemory(bad, (int)strlen(bad), "bad.xml", NULL,
			    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	assert_non_null(doc);
	xmlSchemaSetValidStructuredErrors(vc, quiet, NULL);
	assert_int_not_equal(xmlSchemaValidateDoc(vc, doc), 0);
	xmlFreeDoc(doc);
	xmlSchemaFreeValidCtxt(vc);
	xmlSchemaFree(schema);
	xmlSchemaFreeParserCtxt(pc);
	cantine_buf_dispose(&out);
	cantine_audit_free(au);
}

static size_t count_elements(xmlNodePtr n, const char *name)
{
	size_t k = 0;

	for (; n; n = n->next) {
		if (n->type == XML_ELEMENT_NODE && xmlStrcasecmp(n->name, BAD_CAST name) == 0)
			k++;
		k += count_elements(n->children, name);
	}
	return k;
}

static void test_html(void **state)
{
	tu_fixture *f = *state;
	cantine_audit *au = NULL;
	cantine_buf out = CANTINE_BUF_INIT;
	htmlDocPtr doc;
	xmlChar *text;

	assert_int_equal(cantine_audit_departement(&au, f->ctx, 2025, NULL), 0);
	assert_int_equal(cantine_audit_write(au, CANTINE_AUDIT_HTML, &out), 0);
	assert_true(tu_contains(out.ptr, "<!DOCTYPE html>"));
	assert_true(tu_contains(out.ptr, "<html lang=\"fr\">"));
	doc = htmlReadMemory(out.ptr, (int)out.size, "audit.html", "UTF-8",
			     HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
	assert_non_null(doc);
	/* the collège named like a script is text, never an element */
	assert_int_equal(count_elements(xmlDocGetRootElement(doc), "script"), 0);
	/* one chart per indicator, a bar per collège and for the total */
	assert_int_equal(count_elements(xmlDocGetRootElement(doc), "svg"), 5);
	assert_int_equal(count_elements(xmlDocGetRootElement(doc), "rect"), 5 * 4);
	/* the threshold lines: bio, EGALIM, meat and fish, vegetarian weeks */
	assert_int_equal(count_elements(xmlDocGetRootElement(doc), "line"), 4);
	text = xmlNodeGetContent(xmlDocGetRootElement(doc));
	assert_true(tu_contains((const char *)text, "<script>alert(1)</script>"));
	assert_true(tu_contains((const char *)text, "il manque 1 240,50 € d'achats bio pour "
				"atteindre 20 %"));
	assert_true(tu_contains((const char *)text, "objectif 60 %"));
	xmlFree(text);
	xmlFreeDoc(doc);
	cantine_buf_dispose(&out);
	cantine_audit_free(au);
	assert_int_equal(cantine_audit_format_parse("html"), CANTINE_AUDIT_HTML);
	assert_int_equal(cantine_audit_format_parse("pdf"), -1);
}

/* Number of fields of the first line of `csv`. */
static size_t header_fields(const char *csv)
{
	size_t n = 1;

	for (; *csv && *csv != '\n'; csv++)
		n += *csv == ',';
	return n;
}

static void test_bilans(void **state)
{
	tu_fixture *f = *state;
	cantine_buf out = CANTINE_BUF_INIT;
	cantine_problems *pbs = NULL;
	size_t skipped = 9;
	static const char more[] = HEADER
		"0622413L,Pommes,Vergers,2025-04-01,10.00,FRUITS_ET_LEGUMES,,,,,,\n";

	assert_int_equal(cantine_bilan_export(f->ctx, CANTINE_BILAN_SIMPLE, 2025, NULL, &out,
					      &skipped), 0);
	assert_int_equal(header_fields(out.ptr), 21);
	assert_int_equal(skipped, 1); /* the collège without purchases */
	assert_true(tu_contains(out.ptr, "\n19593904600015,2025,90000.00,18000.00,0.00,"
				"27000.00,0.00,0.00,0.00,27000.00,27000.00,27000.00,0.00,0.00,"
				"0.00,0.00,0.00,0.00,18000.00,0.00,0.00\n"));
	assert_true(tu_contains(out.ptr, "\n19595871500011,2025,10000.00,759.50,"));
	cantine_buf_dispose(&out);
	assert_int_equal(cantine_bilan_export(f->ctx, CANTINE_BILAN_DETAILLE, 2025, "59", &out,
					      NULL), 0);
	assert_int_equal(header_fields(out.ptr), 125);
	assert_true(tu_contains(out.ptr, "siret,année_bilan,valeur_totale,"
				"valeur_viandes_volailles,valeur_produits_de_la_mer,"
				"valeur_viandes_volailles_bio,"));
	cantine_buf_dispose(&out);
	/* purchases but no SIRET: refused, nothing written */
	assert_int_equal(cantine_import_purchases_mem(f->ctx, "more.csv", more, strlen(more),
						      &pbs, NULL), 0);
	cantine_problems_free(pbs);
	assert_int_equal(cantine_bilan_export(f->ctx, CANTINE_BILAN_SIMPLE, 2025, NULL, &out,
					      NULL), CANTINE_EINVAL);
	assert_true(tu_contains(cantine_errmsg(f->ctx), "(0622413L) n'a pas de SIRET"));
	assert_int_equal(out.size, 0);
	cantine_buf_dispose(&out);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_figures, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_rows_and_totals, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_missing, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_sort, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_departement, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_etab, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_csv, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_xml_valid, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_html, setup, tu_teardown_store),
		cmocka_unit_test_setup_teardown(test_bilans, setup, tu_teardown_store),
	};
	int rc;

	if (argc != 2) {
		fprintf(stderr, "usage: %s audit.xsd\n", argv[0]);
		return 2;
	}
	xsd_path = argv[1];
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	xmlCleanupParser();
	return rc;
}
