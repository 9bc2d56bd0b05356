/*
 * purchase_xml_errors.c: libxml2's errors on a purchase file in the
 * project's XML format, said in French (purchase_xml_int.h).
 *
 * libxml2 reports in English, with its own codes.  The common cases (a
 * file that is not well-formed, an unknown, missing or misplaced element,
 * a value outside a closed list, a bad date, a bad amount) get a sentence
 * that names the element and says what to write; any other keeps
 * libxml2's English text as a quoted detail.
 */
#include <string.h>

#include "purchase_xml_int.h"

static const char *const names[CANTINE__E__MAX] = {
	"achats", "achat", "uai", "siret", "date", "fournisseur", "description",
	"famille", "label", "origine", "circuit_court", "local", "definition_local",
	"km", "montant_ht",
};

const char *cantine__achats_name(cantine__achats_elem e)
{
	return (unsigned)e < CANTINE__E__MAX ? names[e] : NULL;
}

int cantine__achats_elem_parse(const char *name, size_t n)
{
	int e;

	for (e = 0; e < CANTINE__E__MAX; e++)
		if (strlen(names[e]) == n && memcmp(names[e], name, n) == 0)
			return e;
	return -1;
}

#define ORDER "uai (ou siret), date, fournisseur (facultatif), description, famille, " \
	"label (autant que de labels), origine, circuit_court, local, definition_local, " \
	"km (facultatifs), montant_ht"

/* What each element holds, for "« v » n'est pas …" (DOMAIN Part B §1.2,
 * §1.4, §1.6, §2.1). */
static const char *const wanted[CANTINE__E__MAX] = {
	[CANTINE__E_UAI] = "un UAI : 7 chiffres et une lettre majuscule, par exemple 0595871L",
	[CANTINE__E_SIRET] = "un SIRET : 14 chiffres, sans espace, par exemple 19595871500011",
	[CANTINE__E_FOURNISSEUR] = "un nom de fournisseur",
	[CANTINE__E_DESCRIPTION] = "une description de l'achat",
	[CANTINE__E_FAMILLE] = "une famille de produits de ma-cantine ; écrivez l'un des "
		"codes (en majuscules) : VIANDES_VOLAILLES, CHARCUTERIE, PRODUITS_DE_LA_MER, "
		"FRUITS_ET_LEGUMES, PRODUITS_LAITIERS, BOULANGERIE, BOISSONS, AUTRES",
	[CANTINE__E_LABEL] = "un label EGALIM de ma-cantine ; écrivez l'un des codes (en "
		"majuscules) : BIO, LABEL_ROUGE, AOCAOP, IGP, STG, HVE, PECHE_DURABLE, RUP, "
		"COMMERCE_EQUITABLE, FERMIER, EXTERNALITES, PERFORMANCE (ou, anciens codes, "
		"CONVERSION_BIO, EQUIVALENTS), un élément <label> par label",
	[CANTINE__E_ORIGINE] = "une origine ; écrivez FRANCE ou EUROPE (hors France), ou "
		"supprimez l'élément",
	[CANTINE__E_CIRCUIT_COURT] = "une réponse ; écrivez true (oui) ou false (non)",
	[CANTINE__E_LOCAL] = "une réponse ; écrivez true (oui) ou false (non)",
	[CANTINE__E_DEFINITION_LOCAL] = "une définition de local ; écrivez PAT, COMMUNE, "
		"DEPARTEMENT, REGION ou KM",
	[CANTINE__E_KM] = "une distance en km ; écrivez un nombre entier de 1 à 100000, par "
		"exemple 80",
	[CANTINE__E_MONTANT_HT] = "un montant : des chiffres et le point décimal, au plus "
		"deux décimales, de 0 à 100000000 ; par exemple 1234.99",
};

/* The element libxml2's message is about: "Element '{ns}name': …" or
 * "Element 'name': …".  *ours: in the format's namespace. */
static bool message_element(const char *msg, const char **name, size_t *n, bool *ours)
{
	const char *p = msg ? strstr(msg, "Element '") : NULL, *e;

	if (!p)
		return false;
	p += 9;
	*ours = false;
	if (*p == '{') {
		const char *close = strchr(p, '}');
		if (!close)
			return false;
		*ours = (size_t)(close - p - 1) == strlen(CANTINE__ACHATS_NS) &&
			memcmp(p + 1, CANTINE__ACHATS_NS, (size_t)(close - p - 1)) == 0;
		p = close + 1;
	}
	if (!(e = strchr(p, '\'')))
		return false;
	*name = p;
	*n = (size_t)(e - p);
	return true;
}

/* libxml2's "Expected is ( {ns}a )" or "Expected is one of ( {ns}a,
 * {ns}b )" as "<a>" or "<a>, <b> ou <c>" (empty when there is none);
 * *mask gets the bits 1 << element of the format's elements in it. */
static int expected_list(const char *msg, cantine_buf *out, unsigned *mask)
{
	const char *p = strstr(msg, "Expected is "), *end;
	size_t count = 0;
	int rc = 0, e;

	*mask = 0;
	if (!p || !(p = strchr(p, '(')) || !(end = strchr(p, ')')))
		return 0;
	p++;
	while (p < end && rc == 0) {
		const char *item, *stop, *q;
		size_t n;

		while (p < end && (*p == ' ' || *p == ','))
			p++;
		if (p >= end)
			break;
		stop = p;
		while (stop < end && *stop != ',' && *stop != ' ')
			stop++;
		item = p;
		if (*item == '{' && memchr(item, '}', (size_t)(stop - item)))
			item = (const char *)memchr(item, '}', (size_t)(stop - item)) + 1;
		n = (size_t)(stop - item);
		/* "a, b ou c": the separator depends on what follows. */
		for (q = stop; q < end && (*q == ' ' || *q == ','); q++)
			;
		if (count > 0)
			rc = cantine__buf_puts(out, q >= end ? " ou " : ", ");
		if (rc == 0)
			rc = cantine__buf_printf(out, "<%.*s>", (int)n, item);
		if ((e = cantine__achats_elem_parse(item, n)) >= 0)
			*mask |= 1u << e;
		count++;
		p = stop;
	}
	return rc;
}

/* The uai, siret, date, description, famille and montant_ht elements are
 * required in an achat. */
static bool required(int e)
{
	return e == CANTINE__E_UAI || e == CANTINE__E_SIRET || e == CANTINE__E_DATE ||
	       e == CANTINE__E_DESCRIPTION || e == CANTINE__E_FAMILLE ||
	       e == CANTINE__E_MONTANT_HT;
}

/* A value for a message: at most 60 bytes, never cut inside a UTF-8
 * character. */
static int put_value(cantine_buf *out, const char *v)
{
	size_t n = strlen(v);

	if (n <= 60)
		return cantine__buf_printf(out, "« %s »", v);
	n = 60;
	while (n > 0 && ((unsigned char)v[n] & 0xC0) == 0x80)
		n--;
	return cantine__buf_printf(out, "« %.*s… »", (int)n, v);
}

static bool blank(const char *v)
{
	return v[strspn(v, " \t\r\n")] == '\0';
}

/* libxml2's message without its final new line, as a quoted detail. */
static int detail(cantine_buf *out, const char *msg)
{
	size_t n = msg ? strlen(msg) : 0;

	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		n--;
	return cantine__buf_printf(out, " (détail de libxml2, en anglais : « %.*s »)",
				   (int)n, msg ? msg : "");
}

/* A value of element `e` that the XSD refused. */
static int bad_value(const xmlError *err, int e, const char *v, cantine_buf *out)
{
	int rc;

	if (e == CANTINE__E_DESCRIPTION && blank(v))
		return cantine__buf_puts(out, "la description est vide : écrivez ce qui a été "
					 "acheté, par exemple « Pommes de terre »");
	if (e == CANTINE__E_MONTANT_HT) {
		if (err->code == XML_SCHEMAV_CVC_FRACTIONDIGITS_VALID ||
		    (strchr(v, '.') && strlen(strchr(v, '.') + 1) > 2 &&
		     strspn(strchr(v, '.') + 1, "0123456789") == strlen(strchr(v, '.') + 1)))
			return put_value(out, v) ? CANTINE_ENOMEM : cantine__buf_puts(out,
				" a plus de deux décimales : un montant s'écrit au centime près, "
				"par exemple 90.12");
		if (err->code == XML_SCHEMAV_CVC_MININCLUSIVE_VALID || *v == '-')
			return put_value(out, v) ? CANTINE_ENOMEM : cantine__buf_puts(out,
				" est négatif : un montant ne peut pas l'être (un avoir ne "
				"s'importe pas)");
		if (err->code == XML_SCHEMAV_CVC_MAXINCLUSIVE_VALID)
			return put_value(out, v) ? CANTINE_ENOMEM : cantine__buf_puts(out,
				" dépasse 100 000 000 € pour un seul achat ; vérifiez le montant");
		if (strchr(v, ','))
			return put_value(out, v) ? CANTINE_ENOMEM : cantine__buf_puts(out,
				" : le séparateur décimal est le point ; écrivez par exemple "
				"1234.99");
	}
	if (e == CANTINE__E_DATE) {
		bool shape = strlen(v) == 10 && strspn(v, "0123456789") == 4 && v[4] == '-' &&
			     strspn(v + 5, "0123456789") == 2 && v[7] == '-' &&
			     strspn(v + 8, "0123456789") == 2;
		if ((rc = put_value(out, v)))
			return rc;
		if (shape && (v[0] < '1' || (v[0] == '1' && v[1] < '9')))
			return cantine__buf_puts(out, " : l'année doit être 1900 ou après ; "
						 "corrigez la date");
		return cantine__buf_puts(out, shape
			? " n'est pas une date qui existe ; écrivez une date du calendrier, "
			  "aaaa-mm-jj, par exemple 2026-03-14"
			: " n'est pas une date aaaa-mm-jj : écrivez l'année sur 4 chiffres, le "
			  "mois et le jour sur 2, sans heure ni fuseau, par exemple 2026-03-14");
	}
	if ((rc = put_value(out, v)))
		return rc;
	return cantine__buf_printf(out, " n'est pas %s", wanted[e] ? wanted[e] : "permis ici");
}

/* The first required element of `mask` that comes before element `e`
 * in an achat, or -1. */
static int missing_before(unsigned mask, int e)
{
	int m;

	for (m = CANTINE__E_UAI; m < e && m < CANTINE__E__MAX; m++)
		if ((mask & (1u << m)) && required(m))
			return m;
	return -1;
}

/* An element that is not where it is, or a missing one. */
static int bad_content(const xmlError *err, int e, const char *name, size_t n,
		       bool ours, cantine_buf *out)
{
	cantine_buf exp = CANTINE_BUF_INIT;
	unsigned mask;
	int m, rc;

	if ((rc = expected_list(err->message, &exp, &mask)))
		goto done;
	if (strstr(err->message, "Missing child element")) {
		rc = cantine__buf_printf(out, "il manque %s%s dans <%.*s> : un achat contient, "
			"dans cet ordre, " ORDER, strstr(err->message, "one of")
			? "l'un des éléments " : "l'élément ", exp.size ? exp.ptr : "?",
			(int)n, name);
	} else if (e < 0 && !ours && cantine__achats_elem_parse(name, n) >= 0) {
		rc = cantine__buf_printf(out, "l'élément <%.*s> n'est pas dans l'espace de noms "
			"du format : déclarez-le une fois sur la racine, <achats xmlns=\""
			CANTINE__ACHATS_NS "\">, et n'utilisez pas de préfixe", (int)n, name);
	} else if (e < 0) {
		rc = cantine__buf_printf(out, "élément <%.*s> inconnu : ce format n'a pas cet "
			"élément ; %s%s (un achat contient, dans cet ordre, " ORDER ")",
			(int)n, name, exp.size ? "on attend ici " : "supprimez-le",
			exp.size ? exp.ptr : "");
	} else if ((m = missing_before(mask, e)) >= 0) {
		rc = cantine__buf_printf(out, "il manque l'élément <%s>%s, obligatoire, avant "
			"<%.*s> : un achat contient, dans cet ordre, " ORDER,
			cantine__achats_name((cantine__achats_elem)m),
			m == CANTINE__E_UAI && (mask & (1u << CANTINE__E_SIRET)) ? " (ou <siret>)"
			: "", (int)n, name);
	} else {
		rc = cantine__buf_printf(out, "l'élément <%.*s> n'est pas attendu ici : il est "
			"en double ou n'est pas à sa place%s ; %s%s (un achat contient, dans "
			"cet ordre, " ORDER ")", (int)n, name,
			e == CANTINE__E_ORIGINE ? " (une seule origine par achat : FRANCE ou "
			"EUROPE, jamais les deux)" : "",
			exp.size ? "on attend ici " : "rien n'est attendu après lui",
			exp.size ? exp.ptr : "");
	}
done:
	cantine_buf_dispose(&exp);
	return rc;
}

static int validity(const xmlError *err, cantine_buf *out, int *elem)
{
	const char *name = "?", *p;
	size_t n = 1;
	bool ours = false;
	int e;

	if (!message_element(err->message, &name, &n, &ours))
		ours = false;
	e = ours ? cantine__achats_elem_parse(name, n) : -1;
	*elem = e;
	switch ((int)err->code) {
	case XML_SCHEMAV_CVC_ELT_1:
		if (n == 6 && memcmp(name, "achats", 6) == 0)
			return cantine__buf_puts(out, "l'élément racine <achats> n'est pas dans "
				"l'espace de noms du format : écrivez <achats xmlns=\""
				CANTINE__ACHATS_NS "\">");
		return cantine__buf_printf(out, "l'élément racine est <%.*s> : ce n'est pas un "
			"fichier d'achats au format XML de cantine, dont la racine est "
			"<achats xmlns=\"" CANTINE__ACHATS_NS "\">", (int)n, name);
	case XML_SCHEMAV_ELEMENT_CONTENT:
		return bad_content(err, e, name, n, ours, out);
	case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_3:
		return cantine__buf_printf(out, "du texte n'est pas permis directement dans "
			"<%.*s> : chaque valeur va dans son élément, par exemple "
			"<date>2026-03-14</date>", (int)n, name);
	case XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_1:
	case XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_2:
	case XML_SCHEMAV_CVC_TYPE_3_1_1:
		p = strstr(err->message, "attribute '");
		p = p ? p + 11 : "?'";
		return cantine__buf_printf(out, "l'attribut « %.*s » n'est pas prévu sur "
			"<%.*s> : le format n'a pas d'attribut (hors xmlns) ; supprimez-le",
			(int)strcspn(p, "'"), p, (int)n, name);
	case XML_SCHEMAV_CVC_TYPE_3_1_2:
		return cantine__buf_printf(out, "<%.*s> ne contient que du texte, pas "
			"d'élément", (int)n, name);
	case XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_1:
	case XML_SCHEMAV_CVC_PATTERN_VALID:
	case XML_SCHEMAV_CVC_ENUMERATION_VALID:
	case XML_SCHEMAV_CVC_FRACTIONDIGITS_VALID:
	case XML_SCHEMAV_CVC_TOTALDIGITS_VALID:
	case XML_SCHEMAV_CVC_MININCLUSIVE_VALID:
	case XML_SCHEMAV_CVC_MAXINCLUSIVE_VALID:
	case XML_SCHEMAV_CVC_MINLENGTH_VALID:
	case XML_SCHEMAV_CVC_MAXLENGTH_VALID:
	case XML_SCHEMAV_CVC_LENGTH_VALID:
		if (e >= CANTINE__E_UAI && err->str1)
			return bad_value(err, e, err->str1, out);
		break;
	default:
		break;
	}
	if (cantine__buf_printf(out, "<%.*s> : le contenu ne respecte pas le schéma du "
				"format (achats.xsd)", (int)n, name))
		return CANTINE_ENOMEM;
	return detail(out, err->message);
}

/* " line 12" in libxml2's message, or 0. */
static int message_line(const char *msg)
{
	const char *p = msg ? strstr(msg, " line ") : NULL;
	int n = 0;

	if (!p)
		return 0;
	for (p += 6; *p >= '0' && *p <= '9' && n < 100000000; p++)
		n = n * 10 + (*p - '0');
	return n;
}

static int wellformed(const xmlError *err, cantine_buf *out)
{
	const char *s1 = err->str1 ? err->str1 : "?", *s2 = err->str2 ? err->str2 : "?";

	switch ((int)err->code) {
	case XML_ERR_TAG_NAME_MISMATCH:
		return cantine__buf_printf(out, "la balise fermante </%s> ne correspond pas à "
			"la balise ouvrante <%s> de la ligne %d : fermez chaque élément, avec "
			"le même nom, avant de fermer celui qui le contient", s2, s1,
			message_line(err->message));
	case XML_ERR_TAG_NOT_FINISHED:
		return cantine__buf_printf(out, "le fichier s'arrête avant la fin de l'élément "
			"<%s> ouvert ligne %d : il est tronqué, ou sa balise fermante </%s> "
			"manque", s1, message_line(err->message), s1);
	case XML_ERR_DOCUMENT_EMPTY:
		return cantine__buf_puts(out, "le fichier ne contient aucun élément XML ; un "
			"fichier d'achats contient <achats xmlns=\"" CANTINE__ACHATS_NS "\">, "
			"un élément <achat> par achat, puis </achats>");
	case XML_ERR_DOCUMENT_END:
		return cantine__buf_puts(out, "du contenu suit la fin de l'élément racine : un "
			"fichier n'a qu'un élément <achats> ; supprimez ce qui suit </achats>, "
			"ou mettez ces achats dedans");
	case XML_ERR_UNDECLARED_ENTITY:
	case XML_WAR_UNDECLARED_ENTITY:
		return cantine__buf_printf(out, "entité « &%s; » inconnue : seules &lt; &gt; "
			"&amp; &quot; &apos; et les références de caractère comme &#233; sont "
			"permises ; écrivez le caractère lui-même, le fichier est en UTF-8", s1);
	case XML_ERR_INVALID_CHAR:
	case XML_ERR_INVALID_ENCODING:
	case XML_ERR_INVALID_DEC_CHARREF:
	case XML_ERR_INVALID_HEX_CHARREF:
	case XML_ERR_INVALID_CHARREF:
		if (cantine__buf_puts(out, "caractère interdit : le fichier doit être en UTF-8 "
				      "et ne contenir aucun caractère de contrôle ; enregistrez-le "
				      "en UTF-8"))
			return CANTINE_ENOMEM;
		return detail(out, err->message);
	default:
		break;
	}
	if (cantine__buf_puts(out, "le fichier n'est pas un document XML bien formé ; "
			      "corrigez-le à cet endroit"))
		return CANTINE_ENOMEM;
	return detail(out, err->message);
}

int cantine__achats_error_text(const xmlError *err, cantine_buf *out, int *elem)
{
	*elem = -1;
	if (err->domain == XML_FROM_SCHEMASV)
		return validity(err, out, elem);
	return wellformed(err, out);
}

/* ---- handlers ---- */

static void quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void drop(void *ud, xmlErrorPtr err)
{
	(void)ud;
	(void)err;
}

void cantine__xml_handlers_set(cantine__xml_handlers *old, xmlStructuredErrorFunc fn,
			       void *ud)
{
	old->serror = xmlStructuredError;
	old->sctx = xmlStructuredErrorContext;
	old->error = xmlGenericError;
	old->ectx = xmlGenericErrorContext;
	xmlSetGenericErrorFunc(NULL, quiet);
	xmlSetStructuredErrorFunc(ud, fn ? fn : drop);
}

void cantine__xml_handlers_restore(const cantine__xml_handlers *old)
{
	xmlSetStructuredErrorFunc(old->sctx, old->serror);
	xmlSetGenericErrorFunc(old->ectx, old->error);
}
