/*
 * names.c: codes and French names of the model's enumerations, and their
 * parsers.  Names users type are folded (text.c) before comparison, so
 * "Plat principal", "plat_principal" and "PLAT PRINCIPAL" are one.
 */
#include <string.h>

#include "names_int.h"
#include "text_int.h"

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

/* Find `text` among `n` folded aliases; returns the alias's value or -1. */
struct alias { const char *folded; int value; };

static int lookup(const struct alias *t, size_t n, const char *text)
{
	char f[96];
	size_t i;

	if (!text || !cantine__fold(text, f, sizeof(f)))
		return -1;
	for (i = 0; i < n; i++)
		if (strcmp(t[i].folded, f) == 0)
			return t[i].value;
	return -1;
}

/* ---- families: ma-cantine Purchase.Family, DOMAIN Part B §1.4 ---- */

static const char *const family_codes[CANTINE_FAMILY__MAX] = {
	"VIANDES_VOLAILLES", "CHARCUTERIE", "PRODUITS_DE_LA_MER",
	"FRUITS_ET_LEGUMES", "PRODUITS_LAITIERS", "BOULANGERIE", "BOISSONS",
	"AUTRES",
};
static const char *const family_labels[CANTINE_FAMILY__MAX] = {
	"Viandes et volailles fraîches et surgelées",
	"Charcuterie",
	"Poissons, produits de la mer et de l'aquaculture",
	"Fruits et légumes frais et surgelés",
	"BOF (Produits laitiers, beurre et œufs)",
	"Boulangerie/Pâtisserie fraîches et surgelées",
	"Boissons",
	"Autres produits frais, surgelés et d'épicerie",
};

const char *cantine_family_code(cantine_family f)
{
	return (unsigned)f < CANTINE_FAMILY__MAX ? family_codes[f] : NULL;
}

const char *cantine_family_label(cantine_family f)
{
	return (unsigned)f < CANTINE_FAMILY__MAX ? family_labels[f] : NULL;
}

int cantine__family_parse(const char *text)
{
	static const struct alias t[] = {
		{ "viandes_volailles", 0 }, { "charcuterie", 1 },
		{ "produits_de_la_mer", 2 }, { "fruits_et_legumes", 3 },
		{ "produits_laitiers", 4 }, { "boulangerie", 5 },
		{ "boissons", 6 }, { "autres", 7 },
	};
	return lookup(t, N_ELEMS(t), text);
}

const char *cantine__family_list(void)
{
	return "VIANDES_VOLAILLES, CHARCUTERIE, PRODUITS_DE_LA_MER, "
	       "FRUITS_ET_LEGUMES, PRODUITS_LAITIERS, BOULANGERIE, BOISSONS, AUTRES";
}

/* ---- labels: ma-cantine characteristics, DOMAIN Part B §1.2 ---- */

static const char *const label_codes[CANTINE_LABEL__MAX] = {
	"BIO", "LABEL_ROUGE", "AOCAOP", "IGP", "STG", "HVE", "PECHE_DURABLE",
	"RUP", "FERMIER", "COMMERCE_EQUITABLE", "EXTERNALITES", "PERFORMANCE",
};
static const char *const label_names[CANTINE_LABEL__MAX] = {
	"Bio", "Label rouge", "AOC / AOP", "IGP", "STG", "HVE",
	"Écolabel pêche durable", "Région ultrapériphérique", "Fermier",
	"Commerce équitable", "Externalités environnementales",
	"Performance environnementale",
};

const char *cantine_label_code(cantine_label l)
{
	return (unsigned)l < CANTINE_LABEL__MAX ? label_codes[l] : NULL;
}

const char *cantine_label_name(cantine_label l)
{
	return (unsigned)l < CANTINE_LABEL__MAX ? label_names[l] : NULL;
}

int cantine__label_parse(const char *text)
{
	static const struct alias t[] = {
		{ "bio", 0 },
		/* Legacy code; ma-cantine's form now says "Bio ou en conversion bio". */
		{ "conversion_bio", 0 },
		{ "label_rouge", 1 }, { "aocaop", 2 }, { "igp", 3 }, { "stg", 4 },
		{ "hve", 5 }, { "peche_durable", 6 }, { "rup", 7 }, { "fermier", 8 },
		{ "commerce_equitable", 9 }, { "externalites", 10 },
		{ "performance", 11 },
	};
	return lookup(t, N_ELEMS(t), text);
}

const char *cantine__label_list(void)
{
	return "BIO, LABEL_ROUGE, AOCAOP, IGP, STG, HVE, PECHE_DURABLE, RUP, "
	       "FERMIER, COMMERCE_EQUITABLE, EXTERNALITES, PERFORMANCE";
}

/* ---- allergens: Regulation (EU) 1169/2011 Annex II, DOMAIN §5.3;
 *      long names as in SCDL menus collectifs 1.2.3 menuPlatAllergene ---- */

static const char *const allergen_names[CANTINE_ALLERGEN__MAX] = {
	"céréales contenant du gluten", "crustacés", "oeufs", "poissons",
	"arachides", "soja", "lait", "fruits à coques", "céleri", "moutarde",
	"graines de sésame", "anhydride sulfureux et sulfites", "lupin",
	"mollusques",
};
static const char *const allergen_short[CANTINE_ALLERGEN__MAX] = {
	"gluten", "crustacés", "œufs", "poisson", "arachides", "soja", "lait",
	"fruits à coque", "céleri", "moutarde", "sésame", "sulfites", "lupin",
	"mollusques",
};

const char *cantine_allergen_name(cantine_allergen a)
{
	return (unsigned)a < CANTINE_ALLERGEN__MAX ? allergen_names[a] : NULL;
}

const char *cantine_allergen_short(cantine_allergen a)
{
	return (unsigned)a < CANTINE_ALLERGEN__MAX ? allergen_short[a] : NULL;
}

int cantine_allergen_parse(const char *name)
{
	static const struct alias t[] = {
		{ "gluten", 0 }, { "cereales_contenant_du_gluten", 0 },
		{ "crustaces", 1 }, { "oeufs", 2 }, { "oeuf", 2 },
		{ "poisson", 3 }, { "poissons", 3 }, { "arachides", 4 },
		{ "arachide", 4 }, { "soja", 5 }, { "lait", 6 },
		{ "fruits_a_coque", 7 }, { "fruits_a_coques", 7 },
		{ "celeri", 8 }, { "moutarde", 9 }, { "sesame", 10 },
		{ "graines_de_sesame", 10 }, { "sulfites", 11 },
		{ "anhydride_sulfureux_et_sulfites", 11 }, { "lupin", 12 },
		{ "mollusques", 13 },
	};
	return lookup(t, N_ELEMS(t), name);
}

const char *cantine__allergen_list(void)
{
	return "gluten, crustaces, oeufs, poisson, arachides, soja, lait, "
	       "fruits_a_coque, celeri, moutarde, sesame, sulfites, lupin, mollusques";
}

int cantine_allergens_format(cantine_buf *out, unsigned mask, const char *sep)
{
	int i, first = 1;

	for (i = 0; i < CANTINE_ALLERGEN__MAX; i++) {
		if (!(mask & (1u << i)))
			continue;
		if ((!first && cantine__buf_puts(out, sep)) ||
		    cantine__buf_puts(out, allergen_short[i]))
			return CANTINE_ENOMEM;
		first = 0;
	}
	return cantine__buf_put(out, "", 0); /* ptr non-NULL even when empty */
}

/* ---- units and local definitions ---- */

static const char *const unit_codes[CANTINE_UNIT__MAX] = { "kg", "l", "piece" };

const char *cantine_unit_code(cantine_unit u)
{
	return (unsigned)u < CANTINE_UNIT__MAX ? unit_codes[u] : NULL;
}

int cantine__unit_parse(const char *text)
{
	static const struct alias t[] = {
		{ "kg", 0 }, { "l", 1 }, { "litre", 1 }, { "piece", 2 },
		{ "pce", 2 }, { "unite", 2 },
	};
	return lookup(t, N_ELEMS(t), text);
}

const char *cantine__unit_list(void)
{
	return "kg, l, piece";
}

/* ma-cantine definition_local, DOMAIN Part B §1.1 and §1.6. */
static const char *const local_codes[CANTINE_LOCAL__MAX] = {
	"", "REGION", "DEPARTEMENT", "COMMUNE", "PAT", "KM",
};

const char *cantine_local_code(cantine_local l)
{
	return (unsigned)l < CANTINE_LOCAL__MAX ? local_codes[l] : NULL;
}

int cantine__local_parse(const char *text)
{
	static const struct alias t[] = {
		{ "region", 1 }, { "departement", 2 }, { "commune", 3 },
		{ "pat", 4 }, { "km", 5 },
	};
	return lookup(t, N_ELEMS(t), text);
}

const char *cantine__local_list(void)
{
	return "REGION, DEPARTEMENT, COMMUNE, PAT, KM";
}

/* ---- courses: arrêté of 30 Sept 2011 art. 1; SCDL menuPlatType ---- */

static const char *const course_names[CANTINE_COURSE__MAX] = {
	"entrée", "plat principal", "garniture", "produit laitier", "dessert",
	"pain", "autre",
};

const char *cantine_course_name(cantine_course c)
{
	return (unsigned)c < CANTINE_COURSE__MAX ? course_names[c] : NULL;
}

int cantine_course_parse(const char *text)
{
	static const struct alias t[] = {
		{ "entree", 0 }, { "plat_principal", 1 }, { "plat", 1 },
		{ "garniture", 2 }, { "produit_laitier", 3 }, { "laitage", 3 },
		{ "dessert", 4 }, { "pain", 5 }, { "autre", 6 },
	};
	return lookup(t, N_ELEMS(t), text);
}

const char *cantine__course_list(void)
{
	return "entrée, plat principal, garniture, produit laitier, dessert, pain, autre";
}

/* ---- statuses ---- */

static const char *const status_names[CANTINE_STATUS__MAX] = {
	"brouillon", "proposé", "publié",
};

const char *cantine_status_name(cantine_status s)
{
	return (unsigned)s < CANTINE_STATUS__MAX ? status_names[s] : NULL;
}

int cantine_status_parse(const char *text)
{
	static const struct alias t[] = {
		{ "brouillon", 0 }, { "propose", 1 }, { "publie", 2 },
	};
	return lookup(t, N_ELEMS(t), text);
}

const char *cantine__status_list(void)
{
	return "brouillon, proposé, publié";
}

/* ---- days and yes/no ---- */

static const char *const day_names[7] = {
	"lun", "mar", "mer", "jeu", "ven", "sam", "dim",
};

const char *cantine_day_name(unsigned bit)
{
	int i;

	for (i = 0; i < 7; i++)
		if (bit == 1u << i)
			return day_names[i];
	return NULL;
}

int cantine__day_index(const char *text)
{
	static const struct alias t[] = {
		{ "lun", 0 }, { "lundi", 0 }, { "mar", 1 }, { "mardi", 1 },
		{ "mer", 2 }, { "mercredi", 2 }, { "jeu", 3 }, { "jeudi", 3 },
		{ "ven", 4 }, { "vendredi", 4 }, { "sam", 5 }, { "samedi", 5 },
		{ "dim", 6 }, { "dimanche", 6 },
	};
	return lookup(t, N_ELEMS(t), text);
}

int cantine__bool_parse(const char *text)
{
	static const struct alias t[] = {
		{ "oui", 1 }, { "non", 0 }, { "o", 1 }, { "n", 0 },
	};
	if (!text || !*text)
		return 0;
	return lookup(t, N_ELEMS(t), text);
}
