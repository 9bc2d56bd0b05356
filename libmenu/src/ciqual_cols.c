/*
 * ciqual_cols.c: the columns of Table Ciqual 2025 and the grammar of its
 * cells (docs/formats.md, "Table Ciqual").
 */
#include <string.h>

#include "ciqual_int.h"

/*
 * The official columns, in the order of the CSV export of "Table Ciqual
 * 2025_FR_2025_11_03.xlsx" (ANSES).  A constituent's name is its
 * const_nom_fr in const_2025_11_03.xml, the unit the one that name gives;
 * the file's header writes the same names with line breaks, where each
 * '/' became one (cantine__ciqual_norm() makes both comparable).
 */
const cantine__ciqual_col cantine__ciqual_cols[CQ__NCOLS] = {
	{ "alim_grp_code", 0, NULL },
	{ "alim_ssgrp_code", 0, NULL },
	{ "alim_ssssgrp_code", 0, NULL },
	{ "alim_grp_nom_fr", 0, NULL },
	{ "alim_ssgrp_nom_fr", 0, NULL },
	{ "alim_ssssgrp_nom_fr", 0, NULL },
	{ "alim_code", 0, NULL },
	{ "alim_nom_fr", 0, NULL },
	{ "alim_nom_sci", 0, NULL },
	{ "Energie, Règlement UE N° 1169/2011 (kJ/100 g)", 327, "kJ" },
	{ "Energie, Règlement UE N° 1169/2011 (kcal/100 g)", 328, "kcal" },
	{ "Energie, N x facteur Jones, avec fibres (kJ/100 g)", 332, "kJ" },
	{ "Energie, N x facteur Jones, avec fibres (kcal/100 g)", 333, "kcal" },
	{ "Eau (g/100 g)", 400, "g" },
	{ "Protéines, N x facteur de Jones (g/100 g)", 25000, "g" },
	{ "Protéines, N x 6.25 (g/100 g)", 25003, "g" },
	{ "Glucides (g/100 g)", 31000, "g" },
	{ "Lipides (g/100 g)", 40000, "g" },
	{ "Sucres (g/100 g)", 32000, "g" },
	{ "Fructose (g/100 g)", 32210, "g" },
	{ "Galactose (g/100 g)", 32220, "g" },
	{ "Glucose (g/100 g)", 32250, "g" },
	{ "Lactose (g/100 g)", 32410, "g" },
	{ "Maltose (g/100 g)", 32430, "g" },
	{ "Saccharose (g/100 g)", 32480, "g" },
	{ "Amidon (g/100 g)", 33110, "g" },
	{ "Fibres alimentaires (g/100 g)", 34100, "g" },
	{ "Polyols totaux (g/100 g)", 34000, "g" },
	{ "Cendres (g/100 g)", 10000, "g" },
	{ "Alcool (éthanol) (g/100 g)", 60000, "g" },
	{ "Acides organiques (g/100 g)", 65000, "g" },
	{ "AG saturés (g/100 g)", 40302, "g" },
	{ "AG monoinsaturés (g/100 g)", 40303, "g" },
	{ "AG polyinsaturés (g/100 g)", 40304, "g" },
	{ "AG 4:0, butyrique (g/100 g)", 40400, "g" },
	{ "AG 6:0, caproïque (g/100 g)", 40600, "g" },
	{ "AG 8:0, caprylique (g/100 g)", 40800, "g" },
	{ "AG 10:0, caprique (g/100 g)", 41000, "g" },
	{ "AG 12:0, laurique (g/100 g)", 41200, "g" },
	{ "AG 14:0, myristique (g/100 g)", 41400, "g" },
	{ "AG 16:0, palmitique (g/100 g)", 41600, "g" },
	{ "AG 18:0, stéarique (g/100 g)", 41800, "g" },
	{ "AG 18:1 9c (n-9), oléique (g/100 g)", 41819, "g" },
	{ "AG 18:2 9c,12c (n-6), linoléique (g/100 g)", 41826, "g" },
	{ "AG 18:3 c9,c12,c15 (n-3), alpha-linolénique (g/100 g)", 41833, "g" },
	{ "AG 20:4 5c,8c,11c,14c (n-6), arachidonique (g/100 g)", 42046, "g" },
	{ "AG 20:5 5c,8c,11c,14c,17c (n-3) EPA (g/100 g)", 42053, "g" },
	{ "AG 22:6 4c,7c,10c,13c,16c,19c (n-3) DHA (g/100 g)", 42263, "g" },
	{ "Cholestérol (mg/100 g)", 75100, "mg" },
	{ "Sel chlorure de sodium (g/100 g)", 10004, "g" },
	{ "Calcium (mg/100 g)", 10200, "mg" },
	{ "Chlorure (mg/100 g)", 10170, "mg" },
	{ "Cuivre (mg/100 g)", 10290, "mg" },
	{ "Fer (mg/100 g)", 10260, "mg" },
	{ "Iode (µg/100 g)", 10530, "µg" },
	{ "Magnésium (mg/100 g)", 10120, "mg" },
	{ "Manganèse (mg/100 g)", 10251, "mg" },
	{ "Phosphore (mg/100 g)", 10150, "mg" },
	{ "Potassium (mg/100 g)", 10190, "mg" },
	{ "Sélénium (µg/100 g)", 10340, "µg" },
	{ "Sodium (mg/100 g)", 10110, "mg" },
	{ "Zinc (mg/100 g)", 10300, "mg" },
	{ "Activité vitaminique A, équivalents rétinol (µg/100 g)", 51104, "µg" },
	{ "Rétinol (µg/100 g)", 51200, "µg" },
	{ "Beta-Carotène (µg/100 g)", 51330, "µg" },
	{ "Vitamine D (µg/100 g)", 52100, "µg" },
	{ "Vitamine D2 (ergocalciférol) (µg/100 g)", 52200, "µg" },
	{ "Vitamine D3 (cholécalciférol) (µg/100 g)", 52300, "µg" },
	{ "Alpha-tocophérol (vitamine E) (mg/100 g)", 71010, "mg" },
	{ "Vitamine E (mg/100 g)", 53100, "mg" },
	{ "Vitamine K1 (µg/100 g)", 54101, "µg" },
	{ "Vitamine K2 (µg/100 g)", 54104, "µg" },
	{ "Vitamine C (mg/100 g)", 55100, "mg" },
	{ "Vitamine B1 ou Thiamine (mg/100 g)", 56100, "mg" },
	{ "Vitamine B2 ou Riboflavine (mg/100 g)", 56200, "mg" },
	{ "Vitamine B3 ou PP ou Niacine (mg/100 g)", 56310, "mg" },
	{ "Vitamine B5 ou Acide pantothénique (mg/100 g)", 56400, "mg" },
	{ "Vitamine B6 (mg/100 g)", 56500, "mg" },
	{ "Vitamine B9 ou Folates totaux, équivalents folates alimentaires, DFE (µg/100 g)", 56702, "µg" },
	{ "Vitamine B9 ou Folates totaux (µg/100 g)", 56700, "µg" },
	{ "Folates intrinsèques (µg/100 g)", 56704, "µg" },
	{ "Acide folique (enrichissement) (µg/100 g)", 56708, "µg" },
	{ "Vitamine B12 (µg/100 g)", 56600, "µg" },
	{ "Facteur de Jones", 0, NULL },
};

static bool is_space(const unsigned char *p, size_t *len)
{
	if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' || *p == '/') {
		*len = 1;
		return true;
	}
	if (p[0] == 0xC2 && p[1] == 0xA0) { /* no-break space */
		*len = 2;
		return true;
	}
	return false;
}

bool cantine__ciqual_norm(const char *in, char *out, size_t outsz)
{
	const unsigned char *p = (const unsigned char *)in;
	size_t o = 0, k;
	bool space = false;

	while (*p) {
		if (is_space(p, &k)) {
			space = o > 0;
			p += k;
			continue;
		}
		if (o + 2 >= outsz)
			return false;
		if (space)
			out[o++] = ' ';
		space = false;
		out[o++] = (char)*p++;
	}
	out[o] = '\0';
	return true;
}

cantine__cq_err cantine__ciqual_parse_number(const char *s, char sep, int64_t *out)
{
	const char *p = s;
	int64_t units = 0, frac = 0, scale = 100000;
	size_t nint = 0, nfrac = 0;
	bool big = false, excess = false;
	char got = 0;

	if (!*s)
		return CQ_EMPTY;
	for (; *p >= '0' && *p <= '9'; p++, nint++) {
		if (!big && (units = units * 10 + (*p - '0')) > CQ_MAX_UNITS)
			big = true;
	}
	if (*p == ',' || *p == '.') {
		got = *p++;
		for (; *p >= '0' && *p <= '9'; p++, nfrac++) {
			if (nfrac < 6) {
				frac += (*p - '0') * scale;
				scale /= 10;
			} else if (*p != '0') {
				excess = true;
			}
		}
		if (nfrac == 0)
			return CQ_SYNTAX;
	}
	if (*p || nint == 0)
		return CQ_SYNTAX;
	if (got && got != sep)
		return sep == ',' ? CQ_POINT : CQ_COMMA;
	if (big || (units == CQ_MAX_UNITS && frac > 0))
		return CQ_RANGE;
	if (excess)
		return CQ_PRECISION;
	*out = units * 1000000 + frac;
	return CQ_OK;
}

cantine__cq_err cantine__ciqual_parse_value(const char *s, cantine_ciqual_kind *kind,
					    int64_t *amount)
{
	cantine__cq_err rc;

	*amount = 0;
	if (!*s)
		return CQ_EMPTY;
	if (strcmp(s, "-") == 0) {
		*kind = CANTINE_CIQUAL_UNKNOWN;
		return CQ_OK;
	}
	if (strcmp(s, "traces") == 0) {
		*kind = CANTINE_CIQUAL_TRACES;
		return CQ_OK;
	}
	if (*s == '<') {
		/* "< 0,2", and in 100 cells "<" LF "0,0098" (formats.md). */
		for (s++; *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'; s++)
			;
		*kind = CANTINE_CIQUAL_LESS_THAN;
		rc = cantine__ciqual_parse_number(s, ',', amount);
		return rc == CQ_EMPTY ? CQ_SYNTAX : rc;
	}
	*kind = CANTINE_CIQUAL_NUMBER;
	return cantine__ciqual_parse_number(s, ',', amount);
}

cantine__cq_damage cantine__ciqual_damage(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p; p++) {
		if (p[0] == 0xEF && p[1] == 0xBF && p[2] == 0xBD)
			return CQ_FFFD;
		if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
			return CQ_C1;
		/* "é" (C3 A9) read as windows-1252 is "Ã©", "à" is "Ã ", "’"
		 * (E2 80 99) is "â€™": "Ã" or "Â" before a non-ASCII character,
		 * or "â€", never occur in the table's French names. */
		if ((p[0] == 0xC3 && (p[1] == 0x83 || p[1] == 0x82) && p[2] >= 0x80) ||
		    (p[0] == 0xC3 && p[1] == 0xA2 && p[2] == 0xE2 && p[3] == 0x82 && p[4] == 0xAC))
			return CQ_MOJIBAKE;
	}
	return CQ_SOUND;
}

const char *cantine__ciqual_damage_text(cantine__cq_damage d)
{
	switch (d) {
	case CQ_FFFD:
		return "contient le caractère de remplacement « \xEF\xBF\xBD » : des lettres "
		       "accentuées ont été perdues quand le fichier a été converti d'un "
		       "encodage à l'autre";
	case CQ_C1:
		return "contient un caractère de contrôle invisible (U+0080 à U+009F) : le "
		       "fichier windows-1252 a été converti comme s'il était en ISO-8859-1, "
		       "ce qui perd « … » et « ’ »";
	case CQ_MOJIBAKE:
		return "contient des caractères comme « Ã© » à la place des lettres "
		       "accentuées : un texte UTF-8 a été relu comme du windows-1252 "
		       "(fichier converti deux fois)";
	case CQ_SOUND:
		break;
	}
	return "";
}
