/*
 * gemrcn.c: the GEMRCN frequency rules over 20 successive meals (arrêté of
 * 30 September 2011, annex I, DOMAIN §1.3; the GEM-RCN grid §1.4) and the
 * CNRC grid for windows with 4 or more vegetarian meals (DOMAIN §1.7).
 * The thresholds are data (gemrcn.csv), not code.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gemrcn.h"
#include "derive.h"

/* Arrêté art. 1: variety is judged over 20 successive meals. */
#define WINDOW 20

static const char *const columns[] = {
	"regle", "classe", "plats", "min", "max", "grille", "libelle", "source",
};
#define NCOLS (sizeof(columns) / sizeof(columns[0]))

/* ---- the rules table ---- */

void gemrcn_rules_free(gemrcn_rules *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		free(r->at[i].id);
		free(r->at[i].tag);
		free(r->at[i].label);
		free(r->at[i].source);
	}
	free(r->at);
	memset(r, 0, sizeof(*r));
	r->trigger = -1;
}

static int valid_word(const char *s, const char *extra)
{
	if (!*s || strlen(s) > 40)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || strchr(extra, *s)))
			return 0;
	return 1;
}

/* "10" → 10; "" → GEMRCN_NONE; anything else → -2. */
static int count_cell(const char *s)
{
	int v = 0;

	if (!*s)
		return GEMRCN_NONE;
	if (strlen(s) > 2)
		return -2;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -2;
		v = v * 10 + (*s - '0');
	}
	return v <= WINDOW ? v : -2;
}

static int parse_courses(char *s, unsigned *out)
{
	char *save = NULL, *tok;
	int c;

	*out = 0;
	for (tok = strtok_r(s, "|", &save); tok; tok = strtok_r(NULL, "|", &save)) {
		for (c = 0; c < CANTINE_COURSE__MAX; c++)
			if (strcmp(tok, cantine_course_name((cantine_course)c)) == 0)
				break;
		if (c == CANTINE_COURSE__MAX)
			return -1;
		*out |= 1u << c;
	}
	return *out ? 0 : -1;
}

#define BAD(col, ...) do { \
	int k_ = snprintf(err, errsz, "ligne %u, colonne %u (%s) : ", line, (unsigned)(col) + 1, \
			  columns[col]); \
	if (k_ >= 0 && (size_t)k_ < errsz) \
		snprintf(err + k_, errsz - (size_t)k_, __VA_ARGS__); \
	rc = CANTINE_EINVAL; \
	goto out; \
} while (0)

int gemrcn_rules_parse(const char *bytes, size_t size, gemrcn_rules *out,
		       char *err, size_t errsz)
{
	char *copy, *p, *end, *cells[NCOLS];
	unsigned line = 0;
	size_t i;
	int rc = 0;

	memset(out, 0, sizeof(*out));
	out->trigger = -1;
	err[0] = '\0';
	if (memchr(bytes, '\0', size)) {
		snprintf(err, errsz, "le fichier contient un octet nul : ce n'est pas un "
			 "tableau de règles");
		return CANTINE_EINVAL;
	}
	if (!(copy = malloc(size + 1)))
		return CANTINE_ENOMEM;
	memcpy(copy, bytes, size);
	copy[size] = '\0';
	if (!(out->at = calloc(GEMRCN_MAX_RULES, sizeof(*out->at)))) {
		free(copy);
		return CANTINE_ENOMEM;
	}
	p = copy;
	if (strncmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	for (; *p; p = end) {
		gemrcn_rule *r;
		size_t n = 0;
		char *q;

		line++;
		end = strchr(p, '\n');
		end = end ? end + 1 : p + strlen(p);
		if (end > p && end[-1] == '\n')
			end[-1] = '\0';
		if ((q = strchr(p, '\r')) && q[1] == '\0')
			*q = '\0';
		if (line > 1 && *p == '\0')
			continue; /* a blank line */
		for (q = p; n < NCOLS; n++) {
			cells[n] = q;
			if (!(q = strchr(q, ';')))
				break;
			*q++ = '\0';
		}
		if (n + 1 != NCOLS || q) {
			snprintf(err, errsz, "ligne %u : %zu colonnes séparées par « ; », il en "
				 "faut %zu", line, q ? NCOLS + 1 : n + 1, NCOLS);
			rc = CANTINE_EINVAL;
			goto out;
		}
		if (line == 1) {
			for (i = 0; i < NCOLS; i++)
				if (strcmp(cells[i], columns[i]) != 0)
					BAD(i, "en-tête « %s » au lieu de « %s »", cells[i], columns[i]);
			continue;
		}
		if (out->n == GEMRCN_MAX_RULES) {
			snprintf(err, errsz, "ligne %u : plus de %d règles", line, GEMRCN_MAX_RULES);
			rc = CANTINE_EINVAL;
			goto out;
		}
		r = &out->at[out->n];
		if (!valid_word(cells[0], "-"))
			BAD(0, "« %s » : un identifiant de règle s'écrit en minuscules, "
			    "chiffres et tirets", cells[0]);
		for (i = 0; i < out->n; i++)
			if (strcmp(out->at[i].id, cells[0]) == 0)
				BAD(0, "la règle « %s » est déjà définie", cells[0]);
		if (!valid_word(cells[1], "_"))
			BAD(1, "« %s » : une classe s'écrit en minuscules, chiffres et « _ »",
			    cells[1]);
		if (parse_courses(cells[2], &r->courses))
			BAD(2, "liste de plats invalide : écrivez des types de plat séparés "
			    "par « | » (entrée, plat principal, garniture, produit laitier, "
			    "dessert…)");
		r->min = count_cell(cells[3]);
		if (r->min == -2)
			BAD(3, "« %s » : un nombre de repas de 0 à 20, ou rien", cells[3]);
		r->max = count_cell(cells[4]);
		if (r->max == -2)
			BAD(4, "« %s » : un nombre de repas de 0 à 20, ou rien", cells[4]);
		if (r->min == GEMRCN_NONE && r->max == GEMRCN_NONE)
			BAD(3, "il faut un minimum, un maximum ou les deux");
		if (r->min != GEMRCN_NONE && r->max != GEMRCN_NONE && r->min > r->max)
			BAD(3, "le minimum (%d) dépasse le maximum (%d)", r->min, r->max);
		if (strcmp(cells[5], "standard") == 0) {
			r->grid = GEMRCN_STANDARD;
		} else if (strcmp(cells[5], "vegetarien") == 0) {
			r->grid = GEMRCN_VEGETARIAN;
		} else if (strcmp(cells[5], "declencheur") == 0) {
			if (out->trigger >= 0)
				BAD(5, "une seule règle « declencheur » est permise");
			if (r->min == GEMRCN_NONE)
				BAD(3, "la règle « declencheur » demande un minimum");
			r->grid = GEMRCN_TRIGGER;
			out->trigger = (int)out->n;
		} else {
			BAD(5, "« %s » : standard, vegetarien ou declencheur", cells[5]);
		}
		if (!*cells[6])
			BAD(6, "le libellé est obligatoire");
		if (!(r->id = strdup(cells[0])) || !(r->tag = strdup(cells[1])) ||
		    !(r->label = strdup(cells[6])) || !(r->source = strdup(cells[7]))) {
			out->n++;
			rc = CANTINE_ENOMEM;
			goto out;
		}
		out->n++;
	}
	if (line == 0) {
		snprintf(err, errsz, "fichier vide : il faut l'en-tête %s;… et des règles",
			 columns[0]);
		rc = CANTINE_EINVAL;
	} else if (out->n == 0) {
		snprintf(err, errsz, "aucune règle après l'en-tête");
		rc = CANTINE_EINVAL;
	} else {
		for (i = 0; i < out->n; i++)
			if (out->at[i].grid == GEMRCN_VEGETARIAN && out->trigger < 0) {
				snprintf(err, errsz, "des règles « vegetarien » sans règle "
					 "« declencheur » qui dise quand elles s'appliquent");
				rc = CANTINE_EINVAL;
				break;
			}
	}
out:
	free(copy);
	if (rc)
		gemrcn_rules_free(out);
	return rc;
}

/* ---- the classes of a dish ---- */

/* Tags of the recipes that mean a class (the vocabulary of the recettes
 * file, docs/formats.md). */
static const struct { const char *tag, *cls; } synonyms[] = {
	{ "legumineuses", "feculent" },
	{ "feculents", "feculent" },
	{ "preparation_viande", "preparation_70" },
	{ "preparation_poisson", "preparation_70" },
	{ "preparation_oeuf", "preparation_70" },
	{ "pl_inferieur_1", "p_l_inferieur_1" },
};

/* Tags that rule a class out, whatever the composition says: a soup of
 * raw-bought vegetables is not a crudité. */
static const struct { const char *tag, *cls; } rule_out[] = {
	{ "potage", "crudite" },
};

/* Does the '|'-separated list `tags` hold `word`? */
static int has_tag(const char *tags, const char *word)
{
	size_t n = strlen(word);
	const char *p = tags;

	while (p && *p) {
		const char *e = strchr(p, '|');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len == n && strncmp(p, word, n) == 0)
			return 1;
		p = e ? e + 1 : NULL;
	}
	return 0;
}

static int has_class_tag(const char *tags, const char *cls)
{
	size_t i;

	if (has_tag(tags, cls))
		return 1;
	for (i = 0; i < sizeof(synonyms) / sizeof(synonyms[0]); i++)
		if (strcmp(synonyms[i].cls, cls) == 0 && has_tag(tags, synonyms[i].tag))
			return 1;
	return 0;
}

gemrcn_classes gemrcn_classify(const gemrcn_rules *r, const cantine_host_dish *d)
{
	const char *tags = d->tags ? d->tags : "";
	gemrcn_classes out = 0;
	char no[64];
	size_t i;

	for (i = 0; i < r->n; i++) {
		const char *cls = r->at[i].tag;
		int on = has_class_tag(tags, cls) || gemrcn_derive(d, cls);
		size_t k;

		snprintf(no, sizeof(no), "non_%s", cls);
		if (has_tag(tags, no))
			on = 0;
		for (k = 0; k < sizeof(rule_out) / sizeof(rule_out[0]); k++)
			if (strcmp(rule_out[k].cls, cls) == 0 && has_tag(tags, rule_out[k].tag))
				on = 0;
		if (on)
			out |= (gemrcn_classes)1 << i;
	}
	return out;
}

/* ---- the windows ---- */

/* Dishes already classified during one check, by name. */
typedef struct slot {
	const char    *name;
	gemrcn_classes cls;
} slot;

typedef struct cache {
	slot  *at;
	size_t n, cap; /* cap: a power of two */
} cache;

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

static int classes_of(cache *c, const gemrcn_rules *r, const cantine_host *h,
		      const char *name, gemrcn_classes *out)
{
	const cantine_host_dish *d;
	size_t i;
	int rc;

	if (c->n * 2 >= c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 256, k;
		slot *p = calloc(cap, sizeof(*p));
		if (!p)
			return h->fail(h, CANTINE_ENOMEM, "mémoire insuffisante");
		for (k = 0; k < c->cap; k++) {
			if (!c->at[k].name)
				continue;
			for (i = hash(c->at[k].name) & (cap - 1); p[i].name; i = (i + 1) & (cap - 1))
				;
			p[i] = c->at[k];
		}
		free(c->at);
		c->at = p;
		c->cap = cap;
	}
	for (i = hash(name) & (c->cap - 1); c->at[i].name; i = (i + 1) & (c->cap - 1))
		if (strcmp(c->at[i].name, name) == 0) {
			*out = c->at[i].cls;
			return 0;
		}
	if ((rc = h->dish(h, name, &d)))
		return rc;
	c->at[i].name = d->name; /* lent by the host until the check returns */
	c->at[i].cls = *out = gemrcn_classify(r, d);
	c->n++;
	return 0;
}

/* For one meal: the rules it counts towards, for minimums (every choice
 * of a course) and for maximums (any choice). */
static int meal_bits(cache *c, const gemrcn_rules *r, const cantine_host *h,
		     const cantine_meal *m, gemrcn_classes *all, gemrcn_classes *any)
{
	gemrcn_classes and_c[CANTINE_COURSE__MAX], or_c[CANTINE_COURSE__MAX];
	unsigned present = 0;
	size_t k, i;
	int rc;

	for (k = 0; k < CANTINE_COURSE__MAX; k++)
		and_c[k] = ~(gemrcn_classes)0, or_c[k] = 0;
	for (k = 0; k < m->n_offers; k++) {
		const cantine_offer *o = &m->offers[k];
		gemrcn_classes cls = 0;

		if ((unsigned)o->course >= CANTINE_COURSE__MAX)
			continue;
		if ((rc = classes_of(c, r, h, o->dish, &cls)))
			return rc;
		present |= 1u << o->course;
		and_c[o->course] &= cls;
		or_c[o->course] |= cls;
	}
	*all = *any = 0;
	for (i = 0; i < r->n; i++) {
		gemrcn_classes bit = (gemrcn_classes)1 << i;
		for (k = 0; k < CANTINE_COURSE__MAX; k++) {
			if (!(r->at[i].courses & present & (1u << k)))
				continue;
			if (and_c[k] & bit)
				*all |= bit;
			if (or_c[k] & bit)
				*any |= bit;
		}
	}
	return 0;
}

/* "2026-09-07" → "07/09/2026" */
static void dmy(char out[11], const char *iso)
{
	snprintf(out, 11, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
}

/* Report a run of failing windows by its first window, `w`. */
static int report_run(const gemrcn_rules *r, size_t i, const cantine_host *h,
		      const char *uai, const cantine_meal *meals, size_t w, size_t run,
		      int count, int too_few, const gemrcn_classes *bits)
{
	const gemrcn_rule *rule = &r->at[i];
	gemrcn_classes bit = (gemrcn_classes)1 << i;
	char msg[2048], id[64], d1[11], d2[11];
	cantine_finding f;
	size_t k, len;
	int sep = 0;

	dmy(d1, meals[w].date);
	dmy(d2, meals[w + WINDOW - 1].date);
	len = (size_t)snprintf(msg, sizeof(msg), "repas n° %zu à %zu (du %s au %s) : %d "
		"repas avec %s ; %s %d sur 20 (%s) ; repas %s :", w + 1, w + WINDOW, d1, d2,
		count, rule->label, too_few ? "il en faut au moins" : "pas plus de",
		too_few ? rule->min : rule->max, rule->source,
		too_few ? "qui comptent" : "concernés");
	for (k = w; k < w + WINDOW && len < sizeof(msg) - 32; k++)
		if (bits[k] & bit) {
			len += (size_t)snprintf(msg + len, sizeof(msg) - len, "%s %.2s/%.2s",
						sep ? "," : "", meals[k].date + 8,
						meals[k].date + 5);
			sep = 1;
		}
	if (!sep && len < sizeof(msg) - 16)
		len += (size_t)snprintf(msg + len, sizeof(msg) - len, " aucun");
	if (run > 1 && len < sizeof(msg) - 64)
		snprintf(msg + len, sizeof(msg) - len, " ; de même pour les %zu fenêtres "
			 "de 20 repas suivantes", run - 1);
	snprintf(id, sizeof(id), "nutrition.%s", rule->id);
	memset(&f, 0, sizeof(f));
	f.rule = id;
	f.severity = CANTINE_SEVERITY_ERROR;
	f.uai = uai;
	f.from = meals[w].date;
	f.to = meals[w + WINDOW - 1].date;
	f.message = msg;
	f.measured = count;
	f.threshold = too_few ? rule->min : rule->max;
	return h->report(h, &f);
}

static int report_info(const cantine_host *h, const char *uai, const char *from,
		       const char *to, const char *id, const char *msg)
{
	cantine_finding f;
	char rule[64];

	snprintf(rule, sizeof(rule), "nutrition.%s", id);
	memset(&f, 0, sizeof(f));
	f.rule = rule;
	f.severity = CANTINE_SEVERITY_INFO;
	f.uai = uai;
	f.from = from;
	f.to = to;
	f.message = msg;
	f.measured = -1;
	f.threshold = -1;
	return h->report(h, &f);
}

int gemrcn_check(const gemrcn_rules *r, const cantine_host *h, const char *uai,
		 const char *from, const char *to, const cantine_meal *meals, size_t n)
{
	gemrcn_classes *all = NULL, *any = NULL;
	int *sum_all = NULL, *sum_any = NULL; /* prefix sums, (n + 1) per rule */
	cache c = { NULL, 0, 0 };
	char msg[512];
	size_t i, w, k;
	int rc = 0;

	if (n < WINDOW) {
		snprintf(msg, sizeof(msg), "%zu repas servis sur la période : les fréquences "
			 "GEMRCN se jugent sur 20 repas successifs (arrêté du 30/09/2011, "
			 "art. 1) ; élargissez la période", n);
		return report_info(h, uai, from, to, "gemrcn-fenetre", msg);
	}
	all = calloc(n, sizeof(*all));
	any = calloc(n, sizeof(*any));
	sum_all = calloc(r->n * (n + 1), sizeof(*sum_all));
	sum_any = calloc(r->n * (n + 1), sizeof(*sum_any));
	if (!all || !any || !sum_all || !sum_any) {
		rc = h->fail(h, CANTINE_ENOMEM, "mémoire insuffisante");
		goto out;
	}
	for (k = 0; k < n && rc == 0; k++)
		rc = meal_bits(&c, r, h, &meals[k], &all[k], &any[k]);
	if (rc)
		goto out;
	for (i = 0; i < r->n; i++)
		for (k = 0; k < n; k++) {
			gemrcn_classes bit = (gemrcn_classes)1 << i;
			sum_all[i * (n + 1) + k + 1] = sum_all[i * (n + 1) + k] + !!(all[k] & bit);
			sum_any[i * (n + 1) + k + 1] = sum_any[i * (n + 1) + k] + !!(any[k] & bit);
		}
#define COUNT(s, i, w) ((s)[(i) * (n + 1) + (w) + WINDOW] - (s)[(i) * (n + 1) + (w)])
	for (i = 0; i < r->n && rc == 0; i++) {
		const gemrcn_rule *rule = &r->at[i];
		size_t windows = 0, failed = 0, run = 0, first = 0;
		int run_count = 0, run_low = 0;

		if (rule->grid == GEMRCN_TRIGGER)
			continue;
		for (w = 0; w + WINDOW <= n && rc == 0; w++) {
			int lo = COUNT(sum_all, i, w), hi = COUNT(sum_any, i, w);
			int low = rule->min != GEMRCN_NONE && lo < rule->min;
			int high = rule->max != GEMRCN_NONE && hi > rule->max;

			if (rule->grid == GEMRCN_VEGETARIAN &&
			    COUNT(sum_all, (size_t)r->trigger, w) < r->at[r->trigger].min) {
				low = high = 0;
				if (run)
					rc = report_run(r, i, h, uai, meals, first, run, run_count,
							run_low, run_low ? all : any);
				run = 0;
				continue;
			}
			windows++;
			if ((low || high) && run && low == run_low) {
				run++;
				failed++;
				continue;
			}
			if (run)
				rc = report_run(r, i, h, uai, meals, first, run, run_count,
						run_low, run_low ? all : any);
			run = 0;
			if (low || high) {
				first = w;
				run = 1;
				run_low = low;
				run_count = low ? lo : hi;
				failed++;
			}
		}
		if (run && rc == 0)
			rc = report_run(r, i, h, uai, meals, first, run, run_count, run_low,
					run_low ? all : any);
		if (rc == 0 && windows > 0 && failed == 0) {
			snprintf(msg, sizeof(msg), "%s : respecté sur %s %zu fenêtre%s de 20 "
				 "repas", rule->label, windows > 1 ? "les" : "la", windows,
				 windows > 1 ? "s" : "");
			rc = report_info(h, uai, meals[0].date, meals[n - 1].date, rule->id, msg);
		}
	}
#undef COUNT
out:
	free(c.at);
	free(all);
	free(any);
	free(sum_all);
	free(sum_any);
	return rc;
}
