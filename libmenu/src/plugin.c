/*
 * plugin.c: the plugin host (ARCHITECTURE §7): loading modules and
 * registering built-in plugins with the checks of plugin.h, the host table
 * the plugins see the store through, and running them for the checks and
 * the scores.
 */
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "ciqual_int.h"
#include "closure_int.h"
#include "plan_int.h"
#include "plugin_int.h"
#include "report_int.h"
#include "text_int.h"

/* A file a plugin may read: a thresholds table, not a database. */
#define DATA_MAX (16u << 20)

typedef struct loaded {
	cantine_plugin      desc;  /* what we know of the descriptor, copied */
	cantine_plugin_info info;
	char               *path;  /* owned; NULL when built in */
	void               *dl;    /* dlopen handle, NULL when built in */
	void               *self;  /* from init */
} loaded;

/* The dishes a callback borrowed. */
typedef struct host_dish {
	struct host_dish       *next;
	cantine_host_dish       pub;
	cantine_host_ingredient *items;
	char                   **strings;
	size_t                   n_strings;
	cantine_nutrients       *nutrients;  /* what items and pub point into */
	cantine_nutriscore_result nutriscore;
	cantine_buf              why;        /* no Nutri-Score: why */
	int64_t                 (*amounts)[CANTINE_NUTRIENT__MAX];
} host_dish;

/* The host table with its state, for one callback at a time. */
typedef struct host {
	cantine_host    pub;
	cantine_ctx    *ctx;
	const loaded   *cur;
	cantine_report *report;  /* check_plan: where findings go */
	cantine_scores *scores;  /* score_dish: where scores go */
	char           *failmsg; /* host->fail() */
	/* borrowed by the plugin until the callback returns */
	cantine_week  **weeks;
	size_t          n_weeks, cap_weeks;
	cantine_meal   *meals;
	size_t          n_meals, cap_meals;
	char           *meals_key; /* "uai|from|to" of the meals lent, kept
				    * for the next plugin of the same check */
	host_dish      *dishes;
	char           *data;
	cantine_etab  **etabs;     /* lent by h_etab() */
	size_t          n_etabs, cap_etabs;
	cantine_purchase *purchases; /* lent by h_purchases() */
	size_t          n_purchases;
} host;

struct cantine__plugins {
	loaded *items;
	size_t  n, cap;
	char   *data_dir;
};

struct cantine_scores {
	struct score_item {
		cantine_score pub;
		char *strings[5]; /* plugin, id, label, unit, text */
		const char *plugin;
	} *items;
	size_t n, cap;
};

/* ---- the host table ---- */

static host *H(const cantine_host *h) { return (host *)h->opaque; }

/* Free what the last callback borrowed and no other plugin would ask
 * for (its data file), and its failure message.  Meals and dishes are the same for every plugin of
 * a check or a score and are kept until host_dispose(). */
static void host_release(host *s)
{
	cantine__free(s->data);
	s->data = NULL;
	cantine__free(s->failmsg);
	s->failmsg = NULL;
}

static void host_dispose(host *s)
{
	size_t i;

	host_release(s);
	while (s->dishes) {
		host_dish *d = s->dishes;
		s->dishes = d->next;
		for (i = 0; i < d->n_strings; i++)
			cantine__free(d->strings[i]);
		cantine__free(d->strings);
		cantine__free(d->items);
		cantine__free(d->amounts);
		cantine_nutrients_free(d->nutrients);
		cantine_buf_dispose(&d->why);
		cantine__free(d);
	}
	for (i = 0; i < s->n_weeks; i++)
		cantine_week_free(s->weeks[i]);
	for (i = 0; i < s->n_etabs; i++)
		cantine_etab_free(s->etabs[i]);
	cantine__free(s->etabs);
	cantine_purchases_free(s->purchases, s->n_purchases);
	cantine__free(s->meals_key);
	cantine__free(s->weeks);
	cantine__free(s->meals);
}

static int h_meals(const cantine_host *h, const char *uai, const char *from,
		   const char *to, const cantine_meal **out, size_t *n)
{
	host *s = H(h);
	cantine_ctx *ctx = s->ctx;
	cantine__closures cl;
	char day[11];
	int64_t etab;
	size_t count = 0;
	cantine_buf key = CANTINE_BUF_INIT;
	int rc;

	*out = NULL;
	*n = 0;
	if (cantine_date_check(from) || cantine_date_check(to) || strcmp(from, to) > 0)
		return cantine__seterr(ctx, CANTINE_EINVAL, "période invalide (du « %s » au "
			"« %s »)", from ? from : "", to ? to : "");
	if (cantine__buf_printf(&key, "%s|%s|%s", uai ? uai : "", from, to))
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	/* The plugins of one check ask for the same meals: lend them again. */
	if (s->meals_key && strcmp(s->meals_key, key.ptr) == 0) {
		cantine_buf_dispose(&key);
		*out = s->meals;
		*n = s->n_meals;
		return 0;
	}
	for (size_t k = 0; k < s->n_weeks; k++)
		cantine_week_free(s->weeks[k]);
	s->n_weeks = 0;
	cantine__free(s->meals_key);
	s->meals_key = cantine__buf_detach(&key);
	rc = cantine__lookup_id(ctx, "SELECT id FROM etab WHERE uai = ?1", uai, &etab, NULL);
	if (rc == CANTINE_ENOTFOUND)
		return cantine__seterr(ctx, rc, "aucun établissement d'UAI « %s »", uai);
	if (rc || (rc = cantine__closures_load(ctx, etab, from, to, &cl)))
		return rc;
	cantine_date_monday(day, from);
	while (rc == 0 && strcmp(day, to) <= 0) {
		cantine_week *w;
		size_t i;

		if ((rc = cantine_plan_week(&w, ctx, uai, day)))
			break;
		if (s->n_weeks == s->cap_weeks) {
			size_t cap = s->cap_weeks ? s->cap_weeks * 2 : 16;
			cantine_week **p = cantine__realloc(s->weeks, cap * sizeof(*p));
			if (!p) {
				cantine_week_free(w);
				rc = CANTINE_ENOMEM;
				break;
			}
			s->weeks = p;
			s->cap_weeks = cap;
		}
		s->weeks[s->n_weeks++] = w;
		for (i = 0; i < cantine_week_meal_count(w); i++) {
			const cantine_meal *m = cantine_week_meal(w, i);
			if (strcmp(m->date, from) < 0 || strcmp(m->date, to) > 0 ||
			    cantine__closures_find(&cl, m->date))
				continue;
			if (count == s->cap_meals) {
				size_t cap = s->cap_meals ? s->cap_meals * 2 : 64;
				cantine_meal *p = cantine__realloc(s->meals, cap * sizeof(*p));
				if (!p) {
					rc = CANTINE_ENOMEM;
					break;
				}
				s->meals = p;
				s->cap_meals = cap;
			}
			s->meals[count++] = *m;
		}
		cantine_date_add(day, cantine_week_monday(w), 7);
	}
	cantine__closures_free(&cl);
	if (rc) {
		cantine__free(s->meals_key);
		s->meals_key = NULL;
		return rc == CANTINE_ENOMEM ? cantine__seterr(ctx, rc, "mémoire insuffisante") : rc;
	}
	s->n_meals = count;
	*out = s->meals;
	*n = count;
	return 0;
}

/* The nutrients of the dish and of each ingredient, and its Nutri-Score:
 * both lists are ordered by product code. */
static int dish_nutrition(host *s, host_dish *d)
{
	size_t i, k;
	int rc;

	if ((rc = cantine_dish_nutrients(&d->nutrients, s->ctx, d->pub.name)) ||
	    (rc = cantine__dish_nutriscore(&d->nutriscore, s->ctx, (int)d->pub.course,
					   d->nutrients, &d->why)))
		return rc;
	d->pub.portion_mg = cantine_nutrients_portion_mg(d->nutrients);
	if (d->nutriscore.grade)
		d->pub.nutriscore = &d->nutriscore;
	else
		d->pub.nutriscore_why = d->why.ptr ? d->why.ptr : "";
	if (d->pub.n_ingredients == 0)
		return 0;
	d->pub.nutrients = cantine_nutrients_get(d->nutrients, (cantine_nutrient)0);
	if (!(d->amounts = cantine__calloc(d->pub.n_ingredients, sizeof(*d->amounts))))
		return cantine__seterr(s->ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	for (i = 0; i < d->pub.n_ingredients; i++) {
		cantine_host_ingredient *it = &d->items[i];
		for (k = 0; k < cantine_nutrients_source_count(d->nutrients); k++) {
			const cantine_nutrient_source *src = cantine_nutrients_source(d->nutrients, k);
			if (strcmp(src->product_code, it->product_code) != 0)
				continue;
			it->ciqual_food = src->food_name;
			it->ciqual_group = src->group;
			it->unknown = src->unknown;
			memcpy(d->amounts[i], src->portion, sizeof(d->amounts[i]));
			it->nutrients = src->food_name ? d->amounts[i] : NULL;
			break;
		}
	}
	return 0;
}

static int h_dish(const cantine_host *h, const char *name, const cantine_host_dish **out)
{
	host *s = H(h);
	sqlite3_stmt *st;
	host_dish *d;
	size_t cap = 0;
	bool oom = false, nonveg = false;
	int rc;

	*out = NULL;
	for (d = s->dishes; d; d = d->next)
		if (strcmp(d->pub.name, name) == 0) {
			*out = &d->pub;
			return 0;
		}
	if ((rc = cantine__prepare(s->ctx, &st,
		"SELECT d.name, d.course, d.tags, coalesce(d.declared_vegetarian, 0), "
		"p.code, p.name, i.grams_mg, p.family, p.meat, p.fish, coalesce(p.ciqual, 0) "
		"FROM dish d LEFT JOIN dish_ingredient i ON i.dish_id = d.id "
		"LEFT JOIN product p ON p.id = i.product_id WHERE d.name = ?1 ORDER BY p.code")))
		return rc;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (!(d = cantine__calloc(1, sizeof(*d)))) {
		sqlite3_finalize(st);
		return cantine__seterr(s->ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	}
	d->next = s->dishes;
	s->dishes = d;
	/* Strings: name, tags, then code and name of each ingredient. */
	while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		cantine_host_ingredient *it;

		if (!d->pub.name) {
			d->strings = cantine__calloc(2, sizeof(char *));
			if (!d->strings) {
				oom = true;
				break;
			}
			d->n_strings = 2;
			d->strings[0] = cantine__column_strdup(st, 0, &oom);
			d->strings[1] = cantine__column_strdup(st, 2, &oom);
			d->pub.name = d->strings[0];
			d->pub.tags = d->strings[1];
			d->pub.course = (cantine_course)sqlite3_column_int(st, 1);
			d->pub.declared = sqlite3_column_type(st, 4) == SQLITE_NULL;
			d->pub.vegetarian = d->pub.declared && sqlite3_column_int(st, 3) == 1;
		}
		if (sqlite3_column_type(st, 4) == SQLITE_NULL)
			continue;
		if (d->pub.n_ingredients == cap) {
			size_t nc = cap ? cap * 2 : 8;
			void *p = cantine__realloc(d->items, nc * sizeof(*d->items));
			void *q = p ? cantine__realloc(d->strings, (2 + 2 * nc) * sizeof(char *)) : NULL;
			if (p)
				d->items = p;
			if (!q) {
				oom = true;
				break;
			}
			d->strings = q;
			cap = nc;
		}
		it = &d->items[d->pub.n_ingredients];
		memset(it, 0, sizeof(*it));
		d->strings[d->n_strings++] = cantine__column_strdup(st, 4, &oom);
		d->strings[d->n_strings++] = cantine__column_strdup(st, 5, &oom);
		it->product_code = d->strings[d->n_strings - 2];
		it->product_name = d->strings[d->n_strings - 1];
		it->grams_mg = sqlite3_column_int64(st, 6);
		it->family = (cantine_family)sqlite3_column_int(st, 7);
		it->meat = sqlite3_column_int(st, 8);
		it->fish = sqlite3_column_int(st, 9);
		it->ciqual_code = sqlite3_column_int(st, 10);
		nonveg |= it->meat || it->fish;
		d->pub.n_ingredients++;
	}
	sqlite3_finalize(st);
	if (oom)
		return cantine__seterr(s->ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	if (rc != SQLITE_DONE)
		return cantine__store_err(s->ctx, "lecture d'une recette");
	if (!d->pub.name)
		return cantine__seterr(s->ctx, CANTINE_ENOTFOUND, "aucune recette « %s »", name);
	if (!d->pub.declared)
		d->pub.vegetarian = !nonveg;
	d->pub.ingredients = d->items;
	if ((rc = dish_nutrition(s, d)))
		return rc;
	*out = &d->pub;
	return 0;
}

static int h_data(const cantine_host *h, const char *name, const char **bytes,
		  size_t *size)
{
	host *s = H(h);
	const char *dir = s->ctx->plugins ? s->ctx->plugins->data_dir : NULL;
	cantine_buf path = CANTINE_BUF_INIT;
	FILE *f;
	size_t n = 0, cap = 0;
	char *buf = NULL;

	*bytes = NULL;
	*size = 0;
	if (!name || !*name || strchr(name, '/') || strcmp(name, "..") == 0)
		return cantine__seterr(s->ctx, CANTINE_EINVAL, "nom de fichier de données "
			"invalide : « %s »", name ? name : "");
	if (!dir)
		return CANTINE_ENOTFOUND;
	if (cantine__buf_printf(&path, "%s/%s/%s", dir, s->cur->info.name, name))
		return cantine__seterr(s->ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	if (!(f = fopen(path.ptr, "rb"))) {
		int e = errno;
		int rc = e == ENOENT ? CANTINE_ENOTFOUND
			: cantine__seterr(s->ctx, CANTINE_EIO, "impossible de lire « %s » : %s",
					  path.ptr, strerror(e));
		cantine_buf_dispose(&path);
		return rc;
	}
	for (;;) {
		size_t got;
		if (n + 4096 + 1 > cap) {
			size_t nc = cap ? cap * 2 : 8192;
			char *p = nc > DATA_MAX + 1 ? NULL : cantine__realloc(buf, nc);
			if (!p) {
				fclose(f);
				cantine__free(buf);
				cantine_buf_dispose(&path);
				return nc > DATA_MAX + 1
					? cantine__seterr(s->ctx, CANTINE_EINVAL, "« %s » dépasse "
						"16 Mio : ce n'est pas un fichier de données de plugin",
						path.ptr)
					: cantine__seterr(s->ctx, CANTINE_ENOMEM, "mémoire insuffisante");
			}
			buf = p;
			cap = nc;
		}
		got = fread(buf + n, 1, cap - n - 1, f);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		fclose(f);
		cantine__free(buf);
		cantine__seterr(s->ctx, CANTINE_EIO, "erreur de lecture de « %s »", path.ptr);
		cantine_buf_dispose(&path);
		return CANTINE_EIO;
	}
	fclose(f);
	cantine_buf_dispose(&path);
	buf[n] = '\0';
	cantine__free(s->data);
	s->data = buf;
	*bytes = buf;
	*size = n;
	return 0;
}

static int h_etab(const cantine_host *h, const char *uai, const cantine_etab **out)
{
	host *s = H(h);
	size_t i;
	int rc;

	*out = NULL;
	for (i = 0; i < s->n_etabs; i++)
		if (strcmp(s->etabs[i]->uai, uai) == 0) {
			*out = s->etabs[i];
			return 0;
		}
	if (s->n_etabs == s->cap_etabs) {
		size_t cap = s->cap_etabs ? s->cap_etabs * 2 : 4;
		cantine_etab **p = cantine__realloc(s->etabs, cap * sizeof(*p));
		if (!p)
			return cantine__seterr(s->ctx, CANTINE_ENOMEM, "mémoire insuffisante");
		s->etabs = p;
		s->cap_etabs = cap;
	}
	if ((rc = cantine_etab_find(&s->etabs[s->n_etabs], s->ctx, uai)))
		return rc;
	*out = s->etabs[s->n_etabs++];
	return 0;
}

static int h_purchases(const cantine_host *h, const char *uai, const char *from,
		       const char *to, const cantine_purchase **out, size_t *n)
{
	host *s = H(h);
	int rc;

	*out = NULL;
	*n = 0;
	cantine_purchases_free(s->purchases, s->n_purchases);
	s->purchases = NULL;
	s->n_purchases = 0;
	if ((rc = cantine_purchases_load(s->ctx, uai, from, to, &s->purchases, &s->n_purchases)))
		return rc;
	*out = s->purchases;
	*n = s->n_purchases;
	return 0;
}

/* A rule or score id must be "<plugin name>.<something>". */
static bool own_id(const host *s, const char *id)
{
	size_t n = strlen(s->cur->info.name);

	return id && strncmp(id, s->cur->info.name, n) == 0 && id[n] == '.' && id[n + 1];
}

static int h_report(const cantine_host *h, const cantine_finding *f)
{
	host *s = H(h);

	if (!s->report)
		return cantine__seterr(s->ctx, CANTINE_EINVAL, "le plugin « %s » signale un "
			"constat hors d'une vérification", s->cur->info.name);
	if (!f || !own_id(s, f->rule) || (unsigned)f->severity >= CANTINE_SEVERITY__MAX ||
	    !f->message || !*f->message || (f->from && cantine_date_check(f->from)) ||
	    (f->to && cantine_date_check(f->to)))
		return cantine__seterr(s->ctx, CANTINE_EINVAL, "le plugin « %s » signale un "
			"constat invalide (règle « %s ») : identifiant « %s.… », gravité, "
			"message et dates AAAA-MM-JJ sont obligatoires", s->cur->info.name,
			f && f->rule ? f->rule : "", s->cur->info.name);
	if (cantine__report_add(s->report, f->rule, f->severity, f->uai, f->from, f->to,
				f->measured, f->threshold, "%s", f->message))
		return cantine__seterr(s->ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	return 0;
}

static int h_figure(const cantine_host *h, const cantine_figure *f)
{
	host *s = H(h);

	if (!s->report)
		return cantine__seterr(s->ctx, CANTINE_EINVAL, "le plugin « %s » donne un "
			"chiffre hors d'une vérification", s->cur->info.name);
	if (!f || !own_id(s, f->name) || !f->uai || f->year < 2000 || f->year > 9999)
		return cantine__seterr(s->ctx, CANTINE_EINVAL, "le plugin « %s » donne un "
			"chiffre invalide (« %s ») : identifiant « %s.… », établissement et "
			"année sont obligatoires", s->cur->info.name, f && f->name ? f->name : "",
			s->cur->info.name);
	if (cantine__report_figure_add(s->report, f->name, f->uai, f->year, f->value))
		return cantine__seterr(s->ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	return 0;
}

static int h_score(const cantine_host *h, const cantine_score *sc)
{
	host *s = H(h);
	cantine_scores *l = s->scores;
	struct score_item *it;
	const char *src[5];
	bool oom = false;
	int k;

	if (!l)
		return cantine__seterr(s->ctx, CANTINE_EINVAL, "le plugin « %s » donne un "
			"score hors d'une notation", s->cur->info.name);
	if (!sc || !own_id(s, sc->id) || !sc->label || !*sc->label || !sc->unit)
		return cantine__seterr(s->ctx, CANTINE_EINVAL, "le plugin « %s » donne un "
			"score invalide : identifiant « %s.… », libellé et unité sont obligatoires",
			s->cur->info.name, s->cur->info.name);
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;
		void *p = cantine__realloc(l->items, cap * sizeof(*l->items));
		if (!p)
			return cantine__seterr(s->ctx, CANTINE_ENOMEM, "mémoire insuffisante");
		l->items = p;
		l->cap = cap;
	}
	it = &l->items[l->n];
	memset(it, 0, sizeof(*it));
	src[0] = s->cur->info.name;
	src[1] = sc->id;
	src[2] = sc->label;
	src[3] = sc->unit;
	src[4] = sc->text;
	for (k = 0; k < 5; k++)
		if (src[k] && !(it->strings[k] = cantine__strdup(src[k])))
			oom = true;
	if (oom) {
		for (k = 0; k < 5; k++)
			cantine__free(it->strings[k]);
		return cantine__seterr(s->ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	}
	it->plugin = it->strings[0];
	it->pub.id = it->strings[1];
	it->pub.label = it->strings[2];
	it->pub.unit = it->strings[3];
	it->pub.text = it->strings[4];
	it->pub.value = sc->value;
	l->n++;
	return 0;
}

static int h_fail(const cantine_host *h, int code, const char *message)
{
	host *s = H(h);

	cantine__free(s->failmsg);
	s->failmsg = cantine__strdup(message ? message : "");
	return code;
}

static void host_init(host *s, cantine_ctx *ctx, const loaded *p)
{
	memset(s, 0, sizeof(*s));
	s->pub.abi_version = CANTINE_PLUGIN_ABI;
	s->pub.struct_size = (uint32_t)sizeof(cantine_host);
	s->pub.opaque = s;
	s->pub.meals = h_meals;
	s->pub.dish = h_dish;
	s->pub.data = h_data;
	s->pub.report = h_report;
	s->pub.score = h_score;
	s->pub.fail = h_fail;
	s->pub.etab = h_etab;
	s->pub.purchases = h_purchases;
	s->pub.figure = h_figure;
	s->ctx = ctx;
	s->cur = p;
}

/* After a callback: a failure is the context's error, naming the plugin. */
static int host_result(host *s, int rc, const char *what)
{
	const char *name = s->cur->info.name;

	if (rc >= 0)
		rc = 0;
	else if (s->failmsg && *s->failmsg)
		cantine__seterr(s->ctx, rc, "le plugin « %s » %s : %s", name, what, s->failmsg);
	else if (*cantine_errmsg(s->ctx))
		cantine__seterr(s->ctx, rc, "le plugin « %s » %s : %s", name, what,
				cantine_errmsg(s->ctx));
	else
		cantine__seterr(s->ctx, rc, "le plugin « %s » %s (code %d)", name, what, rc);
	host_release(s);
	return rc;
}

/* ---- loading ---- */

static bool valid_name(const char *s)
{
	if (!s || !*s || strlen(s) > 32)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return false;
	return true;
}

static int plugins_get(cantine_ctx *ctx, cantine__plugins **out)
{
	if (!ctx->plugins && !(ctx->plugins = cantine__calloc(1, sizeof(*ctx->plugins))))
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	*out = ctx->plugins;
	return 0;
}

/* Check the descriptor, copy it, start the plugin.  `where` names it in
 * messages: the module's file, or "intégré". */
static int add(cantine_ctx *ctx, const cantine_plugin *d, const char *path, void *dl)
{
	const char *where = path ? path : "plugin intégré";
	cantine__plugins *ps = NULL;
	loaded *p;
	host s;
	size_t i;
	int rc;

	if (!d)
		return cantine__seterr(ctx, CANTINE_EINVAL, "« %s » : la fonction %s ne "
			"renvoie pas de descripteur de plugin", where, CANTINE_PLUGIN_ENTRY);
	if (d->abi_version != CANTINE_PLUGIN_ABI)
		return cantine__seterr(ctx, CANTINE_EINVAL, "« %s » : plugin construit pour "
			"l'ABI %u des plugins cantine, or cette version de cantine a l'ABI %u ; "
			"reconstruisez-le avec le cantine/plugin.h de cette version", where,
			(unsigned)d->abi_version, (unsigned)CANTINE_PLUGIN_ABI);
	if (d->struct_size < CANTINE_PLUGIN_MIN_SIZE)
		return cantine__seterr(ctx, CANTINE_EINVAL, "« %s » : descripteur de plugin "
			"de %u octets, trop petit pour l'ABI %u (au moins %zu) ; le module est "
			"abîmé ou mal construit : reconstruisez-le avec CANTINE_PLUGIN_DEFINE",
			where, (unsigned)d->struct_size, (unsigned)CANTINE_PLUGIN_ABI,
			(size_t)CANTINE_PLUGIN_MIN_SIZE);
	if (!valid_name(d->name) || !d->version || !d->description)
		return cantine__seterr(ctx, CANTINE_EINVAL, "« %s » : le plugin doit avoir un "
			"nom (lettres minuscules, chiffres, tirets ; 32 au plus), une version et "
			"une description", where);
	if ((rc = plugins_get(ctx, &ps)))
		return rc;
	for (i = 0; i < ps->n; i++)
		if (strcmp(ps->items[i].info.name, d->name) == 0)
			return cantine__seterr(ctx, CANTINE_EINVAL, "« %s » : un plugin « %s » "
				"est déjà chargé (%s)", where, d->name,
				ps->items[i].path ? ps->items[i].path : "intégré");
	if (ps->n == ps->cap) {
		size_t cap = ps->cap ? ps->cap * 2 : 4;
		loaded *it = cantine__realloc(ps->items, cap * sizeof(*it));
		if (!it)
			return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
		ps->items = it;
		ps->cap = cap;
	}
	p = &ps->items[ps->n];
	memset(p, 0, sizeof(*p));
	/* Copy what this host knows; a newer, larger descriptor keeps its
	 * extra fields to itself. */
	memcpy(&p->desc, d, d->struct_size < sizeof(p->desc) ? d->struct_size
							    : sizeof(p->desc));
	if (path && !(p->path = cantine__strdup(path)))
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	p->dl = dl;
	p->info.name = p->desc.name;
	p->info.version = p->desc.version;
	p->info.description = p->desc.description;
	p->info.abi_version = p->desc.abi_version;
	p->info.path = p->path;
	if (p->desc.init) {
		host_init(&s, ctx, p);
		rc = host_result(&s, p->desc.init(&s.pub, &p->self), "n'a pas pu démarrer");
		host_dispose(&s);
		if (rc) {
			cantine__free(p->path);
			return rc;
		}
	}
	ps->n++;
	return 0;
}

int cantine_plugin_register(cantine_ctx *ctx, const cantine_plugin *desc)
{
	return add(ctx, desc, NULL, NULL);
}

int cantine_plugin_load(cantine_ctx *ctx, const char *path)
{
	cantine_buf local = CANTINE_BUF_INIT;
	cantine_plugin_entry_fn entry;
	const char *err;
	void *dl, *sym;
	int rc;

	if (!path || !*path)
		return cantine__seterr(ctx, CANTINE_EINVAL, "aucun fichier de plugin donné");
	/* A bare name would be searched in the system's library path. */
	if (!strchr(path, '/') && cantine__buf_printf(&local, "./%s", path))
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	dlerror();
	dl = dlopen(local.ptr ? local.ptr : path, RTLD_NOW | RTLD_LOCAL);
	cantine_buf_dispose(&local);
	if (!dl) {
		err = dlerror();
		return cantine__seterr(ctx, CANTINE_EINVAL, "« %s » n'est pas un module "
			"partagé que cantine peut charger (%s) ; donnez le fichier .so d'un "
			"plugin cantine", path, err ? err : "erreur inconnue");
	}
	dlerror();
	sym = dlsym(dl, CANTINE_PLUGIN_ENTRY);
	if (!sym) {
		dlclose(dl);
		return cantine__seterr(ctx, CANTINE_EINVAL, "« %s » n'exporte pas la fonction "
			"%s : ce n'est pas un plugin cantine, ou il a été construit sans "
			"CANTINE_PLUGIN_DEFINE", path, CANTINE_PLUGIN_ENTRY);
	}
	/* POSIX: a function pointer is converted through its object pointer. */
	memcpy(&entry, &sym, sizeof(entry));
	if ((rc = add(ctx, entry(), path, dl)))
		dlclose(dl);
	return rc;
}

size_t cantine_plugin_count(cantine_ctx *ctx)
{
	return ctx && ctx->plugins ? ctx->plugins->n : 0;
}

const cantine_plugin_info *cantine_plugin_get(cantine_ctx *ctx, size_t i)
{
	return i < cantine_plugin_count(ctx) ? &ctx->plugins->items[i].info : NULL;
}

int cantine_plugin_set_data_dir(cantine_ctx *ctx, const char *dir)
{
	cantine__plugins *ps = NULL;
	char *copy = NULL;
	int rc;

	if ((rc = plugins_get(ctx, &ps)))
		return rc;
	if (dir && !(copy = cantine__strdup(dir)))
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	cantine__free(ps->data_dir);
	ps->data_dir = copy;
	return 0;
}

void cantine__plugins_free(cantine__plugins *ps)
{
	size_t i;

	if (!ps)
		return;
	for (i = ps->n; i-- > 0;) {
		loaded *p = &ps->items[i];
		if (p->desc.fini)
			p->desc.fini(p->self);
		if (p->dl)
			dlclose(p->dl);
		cantine__free(p->path);
	}
	cantine__free(ps->items);
	cantine__free(ps->data_dir);
	cantine__free(ps);
}

/* ---- running ---- */

int cantine__plugins_check(cantine_ctx *ctx, cantine_report *r, const char *uai,
			   const char *from, const char *to)
{
	size_t i;
	host s;
	int rc = 0;

	/* One host for the whole check, so that the plugins share the meals
	 * they ask for. */
	host_init(&s, ctx, NULL);
	s.report = r;
	for (i = 0; i < cantine_plugin_count(ctx) && rc == 0; i++) {
		const loaded *p = &ctx->plugins->items[i];

		if (!p->desc.check_plan)
			continue;
		s.cur = p;
		rc = host_result(&s, p->desc.check_plan(p->self, &s.pub, uai, from, to),
				 "a échoué pendant la vérification");
	}
	host_dispose(&s);
	return rc;
}

int cantine_audit_purchases(cantine_report **out, cantine_ctx *ctx, const char *uai,
			    int year)
{
	cantine_report *r = NULL;
	char from[11], to[11];
	size_t i;
	host s;
	int rc;

	*out = NULL;
	if (year < 2000 || year > 9999)
		return cantine__seterr(ctx, CANTINE_EINVAL, "année « %d » invalide : donnez une "
			"année civile, par exemple 2026", year);
	snprintf(from, sizeof(from), "%04d-01-01", year);
	snprintf(to, sizeof(to), "%04d-12-31", year);
	if ((rc = cantine__report_new(&r)))
		return cantine__seterr(ctx, rc, "mémoire insuffisante");
	host_init(&s, ctx, NULL);
	s.report = r;
	/* The establishment must exist: its territory sets the thresholds. */
	{
		const cantine_etab *e;
		rc = h_etab(&s.pub, uai, &e);
	}
	for (i = 0; i < cantine_plugin_count(ctx) && rc == 0; i++) {
		const loaded *p = &ctx->plugins->items[i];

		if (!p->desc.audit_purchases)
			continue;
		s.cur = p;
		rc = host_result(&s, p->desc.audit_purchases(p->self, &s.pub, uai, from, to),
				 "a échoué pendant l'audit des achats");
	}
	host_dispose(&s);
	if (rc) {
		cantine_report_free(r);
		return rc;
	}
	*out = r;
	return 0;
}

int cantine_score_dish(cantine_scores **out, cantine_ctx *ctx, const char *dish)
{
	cantine_scores *l;
	size_t i;
	host s;
	int rc = 0;

	*out = NULL;
	if (!(l = cantine__calloc(1, sizeof(*l))))
		return cantine__seterr(ctx, CANTINE_ENOMEM, "mémoire insuffisante");
	/* One host for every plugin: the dish is loaded once. */
	host_init(&s, ctx, NULL);
	s.scores = l;
	for (i = 0; i < cantine_plugin_count(ctx) && rc == 0; i++) {
		const loaded *p = &ctx->plugins->items[i];
		const cantine_host_dish *d;

		if (!p->desc.score_dish)
			continue;
		s.cur = p;
		if ((rc = h_dish(&s.pub, dish, &d)))
			break;
		rc = host_result(&s, p->desc.score_dish(p->self, &s.pub, d),
				 "n'a pas pu noter le plat");
	}
	host_dispose(&s);
	if (rc) {
		cantine_scores_free(l);
		return rc;
	}
	*out = l;
	return 0;
}

size_t cantine_scores_count(const cantine_scores *l)
{
	return l ? l->n : 0;
}

const cantine_score *cantine_scores_get(const cantine_scores *l, size_t i,
					const char **plugin)
{
	if (!l || i >= l->n)
		return NULL;
	if (plugin)
		*plugin = l->items[i].plugin;
	return &l->items[i].pub;
}

void cantine_scores_free(cantine_scores *l)
{
	size_t i;
	int k;

	if (!l)
		return;
	for (i = 0; i < l->n; i++)
		for (k = 0; k < 5; k++)
			cantine__free(l->items[i].strings[k]);
	cantine__free(l->items);
	cantine__free(l);
}
