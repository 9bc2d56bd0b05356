/*
 * scdl_read.c: reading the values of an SCDL menus collectifs file
 * (schema 1.2.3, DOMAIN §5.1) as real publishers write them, and the
 * warnings that say what was tolerated.
 *
 * The rule (docs/formats.md, "SCDL"): a value written as the schema says
 * is read silently; the same value in another case, without its accents,
 * with other spaces, or an obvious synonym ("lunch", "Oeufs", a list
 * without brackets) is read with a warning, once per distinct deviation;
 * a required value that cannot be read is an error.
 */
#include <stdio.h>
#include <string.h>

#include "names_int.h"
#include "scdl_int.h"
#include "text_int.h"

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

/* ---- warnings ---- */

static int vwarn(cantine__scdl_in *s, unsigned line, unsigned column,
		 const char *field, const char *key, const char *fmt, va_list ap)
	__attribute__((format(printf, 6, 0)));
static int vwarn(cantine__scdl_in *s, unsigned line, unsigned column,
		 const char *field, const char *key, const char *fmt, va_list ap)
{
	cantine__strmap_val *v;
	char kbuf[320];
	int added;

	s->msg.size = 0;
	if (cantine__buf_vprintf(&s->msg, fmt, ap))
		return CANTINE_ENOMEM;
	snprintf(kbuf, sizeof(kbuf), "%s\x1f%s", field ? field : "", key ? key : s->msg.ptr);
	v = cantine__strmap_put(&s->warn_keys, kbuf, &added);
	if (!v)
		return CANTINE_ENOMEM;
	if (!added) {
		s->warns[v->id - 1].count++;
		return 0;
	}
	if (s->n_warns == s->cap_warns) {
		size_t cap = s->cap_warns ? s->cap_warns * 2 : 16;
		scdl_warning *w = cantine__realloc(s->warns, cap * sizeof(*w));
		if (!w)
			return CANTINE_ENOMEM;
		s->warns = w;
		s->cap_warns = cap;
	}
	s->warns[s->n_warns] = (scdl_warning){ line, column, field,
					       cantine__buf_detach(&s->msg), 1, false };
	if (!s->warns[s->n_warns].msg)
		return CANTINE_ENOMEM;
	v->id = (int64_t)++s->n_warns;
	return 0;
}

int cantine__scdl_warn(cantine__scdl_in *s, int col, const char *key,
		       const char *fmt, ...)
{
	cantine__import *imp = &s->imp;
	unsigned line = imp->csv.rec_line, column = 0;
	const char *field = NULL;
	va_list ap;
	int rc;

	if (col >= 0) {
		field = imp->ops->cols[col].name;
		if (imp->colmap[col] >= 0) {
			column = (unsigned)imp->colmap[col] + 1;
			if ((size_t)imp->colmap[col] < imp->csv.n)
				line = imp->csv.cells[imp->colmap[col]].line;
		}
	}
	va_start(ap, fmt);
	rc = vwarn(s, line, column, field, key, fmt, ap);
	va_end(ap);
	return rc;
}

int cantine__scdl_warn_item(cantine__scdl_in *s, int col, const char *head,
			    const char *item)
{
	scdl_warning *w;
	size_t n = s->n_warns, len;
	char *msg;

	if (cantine__scdl_warn(s, col, head, "%s%s", head, item))
		return CANTINE_ENOMEM;
	if (s->n_warns > n) {
		s->warns[n].items = true;
		return 0;
	}
	/* It was there: find it by its head, add the item when new. */
	for (w = s->warns; w < s->warns + s->n_warns; w++)
		if (w->items && strncmp(w->msg, head, strlen(head)) == 0 &&
		    w->field == s->imp.ops->cols[col].name)
			break;
	if (w == s->warns + s->n_warns || strstr(w->msg, item))
		return 0;
	len = strlen(w->msg);
	if (!(msg = cantine__realloc(w->msg, len + strlen(item) + 3)))
		return CANTINE_ENOMEM;
	sprintf(msg + len, ", %s", item);
	w->msg = msg;
	return 0;
}

int cantine__scdl_warn_at(cantine__scdl_in *s, unsigned line, unsigned column,
			  const char *field, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vwarn(s, line, column, field, NULL, fmt, ap);
	va_end(ap);
	return rc;
}

int cantine__scdl_warnings_flush(cantine__scdl_in *s)
{
	size_t i;
	int rc = 0;

	for (i = 0; i < s->n_warns && rc == 0; i++) {
		const scdl_warning *w = &s->warns[i];
		if (w->count > 1 && !w->items)
			rc = cantine__problems_warn(s->imp.problems, w->line, w->column, w->field,
				"%s (de même sur %zu autre%s ligne%s)", w->msg, w->count - 1,
				w->count > 2 ? "s" : "", w->count > 2 ? "s" : "");
		else
			rc = cantine__problems_warn(s->imp.problems, w->line, w->column,
						    w->field, "%s", w->msg);
	}
	return rc;
}

void cantine__scdl_warnings_free(cantine__scdl_in *s)
{
	size_t i;

	for (i = 0; i < s->n_warns; i++)
		cantine__free(s->warns[i].msg);
	cantine__free(s->warns);
	cantine__strmap_free(&s->warn_keys);
	cantine_buf_dispose(&s->msg);
}

/* ---- enumerations ---- */

/* A value in another spelling, as folded by cantine__fold(). */
struct alias { const char *folded; int value; };

static const char *const id_types[] = { "SIRET", "EN", "autre", "sans" };
static const struct alias id_type_aliases[] = { { "uai", 1 }, { "rne", 1 } };
static const char *const resto_types[] = {
	"crèche", "maternelle", "élémentaire", "collège", "lycée", "université",
	"centre de formation", "administration", "résidence sénior", "EHPAD",
	"repas à domicile", "centre de loisirs", "restaurant d'entreprise", "autre",
};
static const char *const repas_types[] = {
	"petit-déjeuner", "déjeuner", "goûter", "dîner", "collation", "pique-nique",
	"autre",
};
/* English names seen in published files: Antibes writes "meal" for its
 * lunches and "snack" for the afternoon snack (real-data SOURCE.md). */
static const struct alias repas_aliases[] = {
	{ "breakfast", 0 }, { "lunch", 1 }, { "meal", 1 }, { "snack", 2 },
	{ "dinner", 3 }, { "supper", 3 }, { "picnic", 5 },
};

static const struct {
	const char *field;
	const char *const *names;
	size_t n;
	const struct alias *aliases;
	size_t n_aliases;
} enums[SCDL_ENUM__MAX] = {
	{ "menuRestaurantIdType", id_types, N_ELEMS(id_types), id_type_aliases,
	  N_ELEMS(id_type_aliases) },
	{ "menuRestaurantType", resto_types, N_ELEMS(resto_types), NULL, 0 },
	{ "menuRepasType", repas_types, N_ELEMS(repas_types), repas_aliases,
	  N_ELEMS(repas_aliases) },
};

static bool same_folded(const char *a, const char *b)
{
	char fa[96], fb[96];

	return cantine__fold(a, fa, sizeof(fa)) && cantine__fold(b, fb, sizeof(fb)) &&
	       strcmp(fa, fb) == 0;
}

/* Index of `text` among names (exact: *exact set), or by folding or an
 * alias; -1 when unknown. */
static int find_value(const char *const *names, size_t n, const struct alias *al,
		      size_t n_al, const char *text, bool *exact)
{
	char f[96];
	size_t i;

	*exact = false;
	for (i = 0; i < n; i++)
		if (strcmp(text, names[i]) == 0)
			return *exact = true, (int)i;
	for (i = 0; i < n; i++)
		if (same_folded(text, names[i]))
			return (int)i;
	if (!cantine__fold(text, f, sizeof(f)))
		return -1;
	for (i = 0; i < n_al; i++)
		if (strcmp(f, al[i].folded) == 0)
			return al[i].value;
	return -1;
}

static int list_names(cantine_buf *b, const char *const *names, size_t n)
{
	size_t i;

	b->size = 0;
	for (i = 0; i < n; i++)
		if (cantine__buf_printf(b, "%s%s", i ? ", " : "", names[i]))
			return CANTINE_ENOMEM;
	return 0;
}

int cantine__scdl_enum(cantine__scdl_in *s, int col, scdl_enum_kind kind, int *value)
{
	const char *t;
	bool exact;
	int v;

	if (!cantine__get_required(&s->imp, col, &t))
		return 0;
	v = find_value(enums[kind].names, enums[kind].n, enums[kind].aliases,
		       enums[kind].n_aliases, t, &exact);
	if (v < 0) {
		if (list_names(&s->msg, enums[kind].names, enums[kind].n))
			return CANTINE_ENOMEM;
		return cantine__problem(&s->imp, col, "« %s » n'est pas une valeur de %s ; "
			"valeurs du schéma : %s", t, enums[kind].field, s->msg.ptr)
			? CANTINE_ENOMEM : 0;
	}
	*value = v;
	if (!exact && cantine__scdl_warn(s, col, NULL, "« %s » lu comme « %s », la "
					 "valeur du schéma", t, enums[kind].names[v]))
		return CANTINE_ENOMEM;
	return 1;
}

/* menuRepasType: a lunch may be spelt otherwise with a warning; the rows
 * of other meals get one warning per value, naming what it was read as. */
int cantine__scdl_repas(cantine__scdl_in *s, int col, int *value)
{
	const scdl_enum_kind k = SCDL_ENUM_REPAS;
	const char *t;
	bool exact;
	int v;

	if (!cantine__get_required(&s->imp, col, &t))
		return 0;
	v = find_value(enums[k].names, enums[k].n, enums[k].aliases, enums[k].n_aliases,
		       t, &exact);
	if (v == SCDL_REPAS_DEJEUNER || v < 0)
		return cantine__scdl_enum(s, col, k, value);
	*value = v;
	return cantine__scdl_warn(s, col, NULL, "repas « %s »%s%s%s : cantine ne planifie "
		"que le déjeuner ; ligne ignorée", t, exact ? "" : " (", exact ? "" :
		enums[k].names[v], exact ? "" : ")") ? CANTINE_ENOMEM : 1;
}

/* menuPlatType: the schema's list is cantine's list of courses. */
int cantine__scdl_course(cantine__scdl_in *s, int col, int *course)
{
	const char *t;
	int c;

	if (!cantine__get_required(&s->imp, col, &t))
		return 0;
	for (c = 0; c < CANTINE_COURSE__MAX; c++)
		if (strcmp(t, cantine_course_name((cantine_course)c)) == 0)
			return *course = c, 1;
	c = cantine_course_parse(t);
	if (c < 0)
		return cantine__problem(&s->imp, col, "type de plat « %s » inconnu ; valeurs "
			"du schéma : %s", t, cantine__course_list()) ? CANTINE_ENOMEM : 0;
	*course = c;
	return cantine__scdl_warn(s, col, NULL, "« %s » lu comme « %s », la valeur du "
				  "schéma", t, cantine_course_name((cantine_course)c))
		? CANTINE_ENOMEM : 1;
}

/* ---- dates, identifiers, names ---- */

int cantine__scdl_date(cantine__scdl_in *s, int col, char out[11])
{
	const char *t;
	int y, m, d;

	if (!cantine__get_required(&s->imp, col, &t))
		return 0;
	if (!cantine__date_parse(t, &y, &m, &d))
		return cantine__problem(&s->imp, col, "« %s » n'est pas une date du "
			"calendrier ; écrivez-la AAAA-MM-JJ, par exemple 2026-09-07", t)
			? CANTINE_ENOMEM : 0;
	memcpy(out, t, 11);
	return 1;
}

static bool digits(const char *p, int n)
{
	for (; n > 0; n--, p++)
		if (*p < '0' || *p > '9')
			return false;
	return true;
}

static int num(const char *p, int n)
{
	int v = 0;

	for (; n > 0; n--, p++)
		v = v * 10 + (*p - '0');
	return v;
}

/* 2: ISO 8601 date and time as the schema's examples
 * (2020-05-11T14:08:32Z; fraction and offset allowed); 1: tolerated (a
 * space for "T", no seconds, a date alone); 0: not a datetime.  When 1 or
 * 2, out[21] receives the instant in UTC, AAAA-MM-JJTHH:MM:SSZ (a time
 * without offset is taken as UTC; the fraction is dropped). */
static int datetime_kind(const char *t, char out[21])
{
	int y, m, d, hh = 0, mm = 0, ss = 0, off = 0, kind = 2;
	int64_t secs;
	char date[11];

	if (strlen(t) < 10)
		return 0;
	memcpy(date, t, 10);
	date[10] = '\0';
	if (!cantine__date_parse(date, &y, &m, &d))
		return 0;
	t += 10;
	if (!*t) {
		kind = 1;
		goto done;
	}
	if (*t == ' ')
		kind = 1;
	else if (*t != 'T')
		return 0;
	t++;
	if (!digits(t, 2) || t[2] != ':' || !digits(t + 3, 2) ||
	    num(t, 2) > 23 || num(t + 3, 2) > 59)
		return 0;
	hh = num(t, 2);
	mm = num(t + 3, 2);
	t += 5;
	if (*t == ':' && digits(t + 1, 2) && num(t + 1, 2) <= 60) {
		ss = num(t + 1, 2) == 60 ? 59 : num(t + 1, 2);
		t += 3;
		if (*t == '.' && digits(t + 1, 1))
			for (t++; *t >= '0' && *t <= '9'; t++)
				;
	} else {
		kind = 1;
	}
	if (*t == 'Z') {
		t++;
	} else if ((*t == '+' || *t == '-') && digits(t + 1, 2) && num(t + 1, 2) <= 14) {
		int sign = *t == '-' ? -1 : 1;
		off = num(t + 1, 2) * 60;
		t += 3;
		if (*t == ':')
			t++;
		if (digits(t, 2) && num(t, 2) <= 59)
			off += num(t, 2);
		else
			return 0;
		t += 2;
		off *= sign;
	}
	if (*t)
		return 0;
done:
	secs = cantine__days_from_civil(y, m, d) * 86400 + hh * 3600 + mm * 60 + ss -
	       (int64_t)off * 60;
	cantine__civil_from_days(secs >= 0 ? secs / 86400 : (secs - 86399) / 86400, &y, &m, &d);
	secs = ((secs % 86400) + 86400) % 86400;
	snprintf(out, 21, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, (int)(secs / 3600),
		 (int)(secs / 60 % 60), (int)(secs % 60));
	return kind;
}

int cantine__scdl_datetime(cantine__scdl_in *s, int col, char out[21])
{
	const char *t = cantine__cell(&s->imp, col);
	int kind;

	out[0] = '\0';
	if (!*t)
		return s->imp.ops->cols[col].required
			? (cantine__get_required(&s->imp, col, &t) ? 1 : 0) : 1;
	kind = datetime_kind(t, out);
	if (kind == 0)
		return cantine__problem(&s->imp, col, "« %s » n'est pas une date et heure ; "
			"écrivez-la AAAA-MM-JJTHH:MM:SSZ, par exemple 2026-09-01T08:00:00Z", t)
			? CANTINE_ENOMEM : 0;
	if (kind == 1 && cantine__scdl_warn(s, col, "datetime", "« %s » n'est pas "
			"écrit AAAA-MM-JJTHH:MM:SSZ comme le demande le schéma ; lu quand même", t))
		return CANTINE_ENOMEM;
	return 1;
}

int cantine__scdl_nutriscore(cantine__scdl_in *s, int col, char *grade)
{
	const char *t = cantine__cell(&s->imp, col);

	*grade = 0;
	if (!*t)
		return 1;
	if (t[1] == '\0' && t[0] >= 'A' && t[0] <= 'E') {
		*grade = t[0];
		return 1;
	}
	if (t[1] == '\0' && t[0] >= 'a' && t[0] <= 'e') {
		*grade = (char)(t[0] - 'a' + 'A');
		return cantine__scdl_warn(s, col, "nutriscore", "« %s » lu comme « %c », la "
					  "valeur du schéma", t, *grade) ? CANTINE_ENOMEM : 1;
	}
	return cantine__problem(&s->imp, col, "« %s » n'est pas une note Nutri-Score : "
		"écrivez une lettre de A à E, ou laissez la cellule vide", t)
		? CANTINE_ENOMEM : 0;
}

int cantine__scdl_siret(cantine__scdl_in *s, int col, char out[15])
{
	const char *t = cantine__cell(&s->imp, col), *p;
	size_t n = 0;
	bool spaced = false;

	out[0] = '\0';
	if (!*t)
		return s->imp.ops->cols[col].required
			? (cantine__get_required(&s->imp, col, &t) ? 1 : 0) : 1;
	/* "213 300 635 00017": the schema wants the 14 digits in one piece. */
	for (p = t; *p; p++) {
		if (*p == ' ' || *p == '.') {
			spaced = true;
			continue;
		}
		if (*p < '0' || *p > '9' || n == 14) {
			n = 15;
			break;
		}
		out[n++] = *p;
	}
	if (n != 14) {
		out[0] = '\0';
		return cantine__problem(&s->imp, col, "« %s » n'est pas un SIRET : il faut "
			"14 chiffres (SIREN et NIC), par exemple 21590350100017", t)
			? CANTINE_ENOMEM : 0;
	}
	out[14] = '\0';
	if (cantine_siret_check(out)) {
		out[0] = '\0';
		return cantine__problem(&s->imp, col, "« %s » n'est pas un SIRET valide : sa "
			"clé de contrôle (Luhn) est fausse ; vérifiez-le", t) ? CANTINE_ENOMEM : 0;
	}
	if (spaced && cantine__scdl_warn(s, col, NULL, "SIRET « %s » écrit avec des "
					 "espaces ; lu %s", t, out))
		return CANTINE_ENOMEM;
	return 1;
}

int cantine__scdl_uai(cantine__scdl_in *s, int col, char out[9])
{
	const char *t = cantine__cell(&s->imp, col);

	if (!*t)
		return cantine__problem(&s->imp, col, "menuRestaurantIdType vaut EN mais "
			"menuRestaurantId est vide ; donnez l'UAI du collège, par exemple 0750654D")
			? CANTINE_ENOMEM : 0;
	if (strlen(t) == 8) {
		memcpy(out, t, 9);
		if (out[7] >= 'a' && out[7] <= 'z')
			out[7] = (char)(out[7] - 'a' + 'A');
		if (cantine_uai_check(out) == 0)
			return strcmp(out, t) == 0 ? 1 : cantine__scdl_warn(s, col, NULL,
				"UAI « %s » écrit en minuscule ; lu %s", t, out) ? CANTINE_ENOMEM : 1;
	}
	return cantine__problem(&s->imp, col, "« %s » n'est pas un UAI : 7 chiffres et "
		"une lettre de contrôle, par exemple 0750654D", t) ? CANTINE_ENOMEM : 0;
}

int cantine__scdl_dish_name(cantine__scdl_in *s, int col, cantine_buf *out)
{
	cantine__import *imp = &s->imp;
	const char *t, *p;
	const cantine__csv_cell *raw;
	bool extra;

	out->size = 0;
	if (!cantine__get_required(imp, col, &t))
		return 0;
	raw = &imp->csv.cells[imp->colmap[col]];
	extra = raw->len && (raw->text[0] == ' ' || raw->text[raw->len - 1] == ' ');
	for (p = t; *p; p++) {
		bool space = *p == ' ' || *p == '\t';
		if (space && (p[1] == ' ' || p[1] == '\t'))
			extra = true;
		else if (cantine__buf_put(out, space ? " " : p, 1))
			return CANTINE_ENOMEM;
	}
	if (cantine__buf_put(out, "", 0))
		return CANTINE_ENOMEM;
	if (cantine__utf8_len(out->ptr) > 160)
		return cantine__problem(imp, col, "nom de plat de %zu caractères ; le schéma "
			"en permet 160 au plus : raccourcissez-le", cantine__utf8_len(out->ptr))
			? CANTINE_ENOMEM : 0;
	if (extra && cantine__scdl_warn(s, col, NULL, "espaces en trop dans le nom du "
					"plat ; lu « %s »", out->ptr))
		return CANTINE_ENOMEM;
	return 1;
}

/* menuPlatAllergene: the schema's names (cantine_allergen_name); other
 * spellings ("Gluten", "Oeufs", "Celeri", "Poisson") with a warning.  An
 * unknown allergen is an error: dropping it would hide it from families. */
int cantine__scdl_allergens(cantine__scdl_in *s, int col, unsigned *mask)
{
	char read_as[256];
	size_t i;
	int rc, a, ok = 1;

	*mask = 0;
	if ((rc = cantine__scdl_list_read(s, col)) != 1)
		return rc;
	for (i = 0; i < s->n_items; i++) {
		const char *t = cantine__scdl_item(s, i);
		if (!*t)
			continue;
		for (a = 0; a < CANTINE_ALLERGEN__MAX; a++)
			if (strcmp(t, cantine_allergen_name((cantine_allergen)a)) == 0)
				break;
		if (a == CANTINE_ALLERGEN__MAX) {
			a = cantine_allergen_parse(t);
			if (a < 0) {
				if (cantine__problem(&s->imp, col, "allergène « %s » inconnu ; "
						"les 14 du schéma : céréales contenant du gluten, "
						"crustacés, oeufs, poissons, arachides, soja, lait, "
						"fruits à coques, céleri, moutarde, graines de sésame, "
						"anhydride sulfureux et sulfites, lupin, mollusques", t))
					return CANTINE_ENOMEM;
				ok = 0;
				continue;
			}
			snprintf(read_as, sizeof(read_as), "« %s » (%s)", t,
				 cantine_allergen_name((cantine_allergen)a));
			if (cantine__scdl_warn_item(s, col, "allergènes écrits autrement que "
						    "dans le schéma, lus sous son nom : ", read_as))
				return CANTINE_ENOMEM;
		}
		*mask |= 1u << a;
	}
	return ok;
}

/* menuPlatSiqo; an unknown sign is not a claim: ignored with a warning. */
int cantine__scdl_siqo(cantine__scdl_in *s, int col, unsigned *labels)
{
	static const struct alias al[] = {
		{ "bio", 0 }, { "ab", 0 }, { "aop", 1 }, { "aoc", 2 }, { "igp", 3 },
		{ "stg", 4 }, { "lr", 5 },
	};
	const char *names[SCDL_NSIQO];
	size_t i;
	bool exact;
	int rc, v;

	*labels = 0;
	for (i = 0; i < SCDL_NSIQO; i++)
		names[i] = cantine__scdl_siqo_names[i].name;
	if ((rc = cantine__scdl_list_read(s, col)) != 1)
		return rc;
	for (i = 0; i < s->n_items; i++) {
		const char *t = cantine__scdl_item(s, i);
		if (!*t)
			continue;
		v = find_value(names, SCDL_NSIQO, al, N_ELEMS(al), t, &exact);
		rc = 0;
		if (v < 0)
			rc = cantine__scdl_warn(s, col, NULL, "« %s » n'est pas un signe officiel "
				"de qualité du schéma (agriculture biologique, AOP, AOC, IGP, STG, "
				"label rouge) ; ignoré", t);
		else if (!exact)
			rc = cantine__scdl_warn(s, col, NULL, "« %s » lu comme « %s », la valeur "
						"du schéma", t, names[v]);
		if (rc)
			return CANTINE_ENOMEM;
		if (v >= 0)
			*labels |= 1u << cantine__scdl_siqo_names[v].label;
	}
	return 1;
}

/* menuPlatRegime: only "végétarien" is stored; the other values of the
 * schema are read and not kept; anything else is ignored with a warning
 * ("Aucun regime" in Antibes' files).  The schema spells "sans porc "
 * with a trailing space; items are trimmed, so both spellings are read. */
int cantine__scdl_regime(cantine__scdl_in *s, int col, int *veg)
{
	static const char *const names[] = {
		SCDL_VEGETARIEN, "sans sel", "sans porc", "sans sucre ajouté",
	};
	static const struct alias al[] = { { "vegetarienne", 0 }, { "vege", 0 } };
	size_t i;
	bool exact;
	int rc, v;

	*veg = 0;
	if ((rc = cantine__scdl_list_read(s, col)) != 1)
		return rc;
	for (i = 0; i < s->n_items; i++) {
		const char *t = cantine__scdl_item(s, i);
		if (!*t)
			continue;
		v = find_value(names, N_ELEMS(names), al, N_ELEMS(al), t, &exact);
		rc = 0;
		if (v < 0)
			rc = cantine__scdl_warn(s, col, NULL, "« %s » n'est pas un régime du "
				"schéma (végétarien, sans sel, sans porc, sans sucre ajouté) ; "
				"ignoré (laissez la cellule vide pour un plat sans régime "
				"particulier)", t);
		else if (!exact)
			rc = cantine__scdl_warn(s, col, NULL, "« %s » lu comme « %s », la valeur "
						"du schéma", t, names[v]);
		if (rc)
			return CANTINE_ENOMEM;
		if (v == 0)
			*veg = 1;
	}
	return 1;
}
