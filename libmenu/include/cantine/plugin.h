/*
 * cantine/plugin.h: the plugin interface (ARCHITECTURE §7).
 *
 * A plugin is one descriptor, `cantine_plugin`, defined with
 * CANTINE_PLUGIN_DEFINE().  The same source builds two ways:
 *
 *  - as a module loaded with dlopen(): the macro exports the entry
 *    function `cantine_plugin_entry`, which returns the descriptor;
 *  - compiled into a program or the library, with CANTINE_PLUGIN_BUILTIN
 *    defined: the entry is `cantine_builtin_plugin_<id>` instead, so that
 *    several plugins can live in one binary.
 *
 * The host checks `abi_version` (it must be CANTINE_PLUGIN_ABI) and
 * `struct_size` (at least the size of the ABI's first descriptor), copies
 * the fields it knows and calls only the callbacks that are set.  Fields
 * are only ever appended; a change that is not an append raises
 * CANTINE_PLUGIN_ABI.
 *
 * A plugin sees the store only through the host table, `cantine_host`,
 * which the host passes to every callback: it reads the meals and dishes,
 * reads its data files, reports findings and scores.  A plugin can so be
 * tested against a fake host, without a store.  The host table is
 * versioned the same way: a plugin must check `host->struct_size` before
 * using a member appended after the ones it was written for
 * (CANTINE_HOST_HAS()).
 *
 * Every rule a plugin checks has a stable id prefixed by the plugin's name
 * ("gemrcn.fish"), a French message, and thresholds read from a data file,
 * not compiled in (they differ by territory and change by year).
 *
 * Callbacks return 0 or a negative CANTINE_E* code; on failure a plugin
 * says why with host->fail(), in French.  The host calls a plugin from one
 * thread at a time.
 */
#ifndef CANTINE_PLUGIN_H
#define CANTINE_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#include "common.h"
#include "catalog.h"
#include "nutrition.h"
#include "etab.h"
#include "plan.h"
#include "purchase.h"
#include "report.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * The ABI of this header.  A module built against another is refused.
 * 2: cantine_purchase, which the host lends in arrays, gained members
 * (the classification's suggestions), so its arrays changed stride.
 */
#define CANTINE_PLUGIN_ABI 2

typedef struct cantine_host cantine_host;

/** One ingredient of a dish, as the host describes it (borrowed view). */
typedef struct cantine_host_ingredient {
	const char     *product_code;
	const char     *product_name;
	int64_t         grams_mg;     /**< milligrams per portion */
	cantine_family  family;       /**< ma-cantine family of the product */
	int             meat, fish;   /**< 1 when meat / fish or seafood */
	int             ciqual_code;  /**< Ciqual food code, 0 when none */
	const char     *ciqual_food;  /**< its Ciqual food's name; NULL when
	                               *   the product has no code or the
	                               *   store's table lacks it */
	const char     *ciqual_group; /**< its Ciqual group, as
	                               *   cantine_nutrient_source.group */
	const int64_t  *nutrients;    /**< [CANTINE_NUTRIENT__MAX]: each
	                               *   nutrient in this ingredient's
	                               *   grams, millionths (0 when unknown:
	                               *   see `unknown`); NULL without data */
	unsigned        unknown;      /**< nutrients without a value, bits
	                               *   1u << cantine_nutrient */
} cantine_host_ingredient;

/** A dish, as the host describes it (borrowed view). */
typedef struct cantine_host_dish {
	const char     *name;
	cantine_course  course;
	const char     *tags;        /**< tags given by hand, '|' separated, "" */
	int             vegetarian;
	int             declared;    /**< 1: no recipe, facts declared (SCDL) */
	size_t          n_ingredients;
	const cantine_host_ingredient *ingredients;
	int64_t         portion_mg;  /**< weight of a portion, milligrams */
	/** [CANTINE_NUTRIENT__MAX]: the dish's nutrients per portion and per
	 *  100 g (cantine_dish_nutrients()); NULL for a dish without
	 *  ingredients. */
	const cantine_nutrient_amount   *nutrients;
	/** Its Nutri-Score (cantine_dish_nutriscore()), NULL when it has
	 *  none; then `nutriscore_why` says why, in French. */
	const cantine_nutriscore_result *nutriscore;
	const char                      *nutriscore_why;
} cantine_host_dish;

/** A score a plugin gives a dish, e.g. its carbon footprint. */
typedef struct cantine_score {
	const char *id;    /**< stable id, prefixed by the plugin's name:
	                    *   "climat.co2e-portion" */
	const char *label; /**< French label, "Empreinte carbone" */
	int64_t     value; /**< the value, in millionths of `unit`, or -1 when
	                    *   unknown */
	const char *unit;  /**< French unit, "kg CO2 éq. par portion" */
	const char *text;  /**< the whole French display, unit and remarks
	                    *   included ("au moins 0,42 kg CO2 éq. (sans
	                    *   donnée pour …)", "inconnue : …"); NULL: the
	                    *   value with 2 decimals and the unit */
} cantine_score;

/**
 * The host table.  Every member up to `fail` exists in every host of
 * this ABI; later members are appended and must be tested with
 * CANTINE_HOST_HAS() (present in this host's struct, and set).
 */
struct cantine_host {
	uint32_t abi_version;  /**< CANTINE_PLUGIN_ABI of the host */
	uint32_t struct_size;  /**< sizeof(cantine_host) of the host */
	void    *opaque;       /**< the host's own data: do not touch */

	/**
	 * The meals `uai` serves from `from` to `to` (inclusive, AAAA-MM-JJ),
	 * in date order: meals planned on a day the establishment is closed
	 * are left out.  Borrowed until the next call of meals() or the end
	 * of the callback.
	 */
	int (*meals)(const cantine_host *h, const char *uai, const char *from,
	             const char *to, const cantine_meal **meals, size_t *n);
	/** A dish by name (CANTINE_ENOTFOUND when none).  Borrowed until the
	 *  callback returns. */
	int (*dish)(const cantine_host *h, const char *name,
	            const cantine_host_dish **out);
	/**
	 * The plugin's data file `name` as a site installed it (a file
	 * `<data directory>/<plugin name>/<name>`): CANTINE_ENOTFOUND when
	 * there is none, so that the plugin falls back on the data it was
	 * built with.  Borrowed until the callback returns.
	 */
	int (*data)(const cantine_host *h, const char *name, const char **bytes,
	            size_t *size);
	/** Report a finding; the host copies it.  `rule` must start with the
	 *  plugin's name and a dot. */
	int (*report)(const cantine_host *h, const cantine_finding *f);
	/** Give a score to the dish being scored (score_dish); copied. */
	int (*score)(const cantine_host *h, const cantine_score *s);
	/** Say in French why the plugin fails; returns `code`. */
	int (*fail)(const cantine_host *h, int code, const char *message);

	/* ---- appended: test with CANTINE_HOST_HAS() ---- */

	/** The establishment `uai` (CANTINE_ENOTFOUND when none).  Borrowed
	 *  until the callback returns. */
	int (*etab)(const cantine_host *h, const char *uai, const cantine_etab **out);
	/** The purchases of `uai` dated from `from` to `to` (inclusive), in
	 *  date order.  Borrowed until the next call or the end of the
	 *  callback.  NULL while the host keeps no purchases. */
	int (*purchases)(const cantine_host *h, const char *uai, const char *from,
	                 const char *to, const cantine_purchase **out, size_t *n);
	/** Give a figure behind the findings (cantine_figure, report.h):
	 *  copied; `name` must start with the plugin's name and a dot. */
	int (*figure)(const cantine_host *h, const cantine_figure *f);
};

/** True when the host table has member `m` (appended after `fail`). */
#define CANTINE_HOST_HAS(h, m) \
	((h)->struct_size >= offsetof(cantine_host, m) + sizeof((h)->m) && (h)->m)

/** A plugin's descriptor. */
typedef struct cantine_plugin {
	uint32_t    abi_version;  /**< set by CANTINE_PLUGIN_DEFINE */
	uint32_t    struct_size;  /**< set by CANTINE_PLUGIN_DEFINE */
	const char *name;         /**< [a-z0-9-]+, prefixes the rule ids */
	const char *version;      /**< the plugin's own version, "1.0" */
	const char *description;  /**< French, one line */

	/** Set up (read data files); *self is passed to the other callbacks.
	 *  May be NULL. */
	int  (*init)(const cantine_host *h, void **self);
	/** Release what init set up.  May be NULL. */
	void (*fini)(void *self);
	/** Check the plan of `uai` from `from` to `to`; report findings. */
	int  (*check_plan)(void *self, const cantine_host *h, const char *uai,
	                   const char *from, const char *to);
	/** Audit the purchases of `uai` from `from` to `to`. */
	int  (*audit_purchases)(void *self, const cantine_host *h,
	                        const char *uai, const char *from, const char *to);
	/** Score one dish with host->score(). */
	int  (*score_dish)(void *self, const cantine_host *h,
	                   const cantine_host_dish *dish);
} cantine_plugin;

/** The smallest descriptor a host of this ABI accepts. */
#define CANTINE_PLUGIN_MIN_SIZE \
	(offsetof(cantine_plugin, score_dish) + sizeof(void (*)(void)))

/** Name of the entry function of a module. */
#define CANTINE_PLUGIN_ENTRY "cantine_plugin_entry"
/** Type of the entry function. */
typedef const cantine_plugin *(*cantine_plugin_entry_fn)(void);

#if defined(CANTINE_PLUGIN_BUILTIN)
#define CANTINE__PLUGIN_ENTRY(id) \
	const cantine_plugin *cantine_builtin_plugin_##id(void); \
	const cantine_plugin *cantine_builtin_plugin_##id(void)
#else
#define CANTINE__PLUGIN_ENTRY(id) \
	__attribute__((visibility("default"))) \
	const cantine_plugin *cantine_plugin_entry(void); \
	__attribute__((visibility("default"))) \
	const cantine_plugin *cantine_plugin_entry(void)
#endif

/**
 * Define the plugin `id` (a C identifier) from designated initialisers:
 *
 *     CANTINE_PLUGIN_DEFINE(climat,
 *         .name = "climat", .version = "1.0",
 *         .description = "Empreinte carbone des menus (Agribalyse 3.1.1)",
 *         .init = climat_init, .fini = climat_fini,
 *         .check_plan = climat_check, .score_dish = climat_score)
 */
#define CANTINE_PLUGIN_DEFINE(id, ...) \
	static const cantine_plugin cantine__plugin_##id = { \
		.abi_version = CANTINE_PLUGIN_ABI, \
		.struct_size = (uint32_t)sizeof(cantine_plugin), \
		__VA_ARGS__ \
	}; \
	CANTINE__PLUGIN_ENTRY(id) { return &cantine__plugin_##id; }

/* ---- for front ends: the plugins of a context ---- */

/** What the host knows of a loaded plugin (borrowed view). */
typedef struct cantine_plugin_info {
	const char *name;
	const char *version;
	const char *description;
	uint32_t    abi_version;
	const char *path;        /**< the module's file, or NULL when built in */
} cantine_plugin_info;

/**
 * Add a plugin compiled into the program (its entry function, from
 * CANTINE_PLUGIN_DEFINE with CANTINE_PLUGIN_BUILTIN defined, returns
 * `desc`), with the same checks as a module.
 * @return 0, CANTINE_EINVAL (refused), CANTINE_ENOMEM, or what the
 *         plugin's init returned.
 */
CANTINE_API int cantine_plugin_register(cantine_ctx *ctx,
                                        const cantine_plugin *desc);

/**
 * Load the module `path` into `ctx`: its plugin runs in every later
 * cantine_check_period() and cantine_score_dish().  Refused, with a French
 * message naming the file: a file that is not a shared object, a module
 * without the entry function, one built for another ABI (both versions
 * named), one whose descriptor is too small, or a name already loaded.
 * @return 0, CANTINE_EINVAL (refused), CANTINE_ENOMEM, or what the
 *         plugin's init returned.
 */
CANTINE_API int cantine_plugin_load(cantine_ctx *ctx, const char *path);

/** Number of plugins of `ctx`: the built-in ones, then those loaded. */
CANTINE_API size_t cantine_plugin_count(cantine_ctx *ctx);
/** The i-th plugin (borrowed), NULL past the end. */
CANTINE_API const cantine_plugin_info *cantine_plugin_get(cantine_ctx *ctx,
                                                          size_t i);

/**
 * Where the plugins' data files are: host->data() reads
 * `<dir>/<plugin name>/<file>`.  NULL (the default): none, every plugin
 * uses the data it was built with.
 */
CANTINE_API int cantine_plugin_set_data_dir(cantine_ctx *ctx, const char *dir);

/**
 * Audit the purchases of `uai` over the calendar year `year` with every
 * plugin that audits purchases (the egalim plugin: EGALIM objectives).
 * @param out receives the findings, freed with cantine_report_free().
 * @return 0, CANTINE_EINVAL (bad year), CANTINE_ENOTFOUND (unknown UAI),
 *         or a plugin's failure.
 */
CANTINE_API int cantine_audit_purchases(struct cantine_report **out,
                                        cantine_ctx *ctx, const char *uai,
                                        int year);

/** The scores the plugins gave a dish.  Opaque. */
typedef struct cantine_scores cantine_scores;

/**
 * Score the dish `name` with every plugin that scores dishes.
 * @param out receives the scores, freed with cantine_scores_free().
 * @return 0, CANTINE_ENOTFOUND (no such dish), or a plugin's failure.
 */
CANTINE_API int cantine_score_dish(cantine_scores **out, cantine_ctx *ctx,
                                   const char *name);
/** Number of scores. */
CANTINE_API size_t cantine_scores_count(const cantine_scores *l);
/** The i-th score (borrowed), with the name of the plugin that gave it in
 *  *plugin when not NULL. */
CANTINE_API const cantine_score *cantine_scores_get(const cantine_scores *l,
                                                    size_t i,
                                                    const char **plugin);
/** Free scores.  Accepts NULL. */
CANTINE_API void cantine_scores_free(cantine_scores *l);

#ifdef __cplusplus
}
#endif
#endif
