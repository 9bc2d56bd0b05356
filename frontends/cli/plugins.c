/*
 * plugins.c: the plugins of the `cantine` command: the built-in ones,
 * the modules given with --plugin, their data directory (--donnees), and
 * `cantine plugins`, which lists them.
 */
#include <getopt.h>
#include <string.h>

#include "cli.h"

static const char usage_plugins[] =
	"Usage : cantine [--plugin FICHIER.so]... [--donnees DOSSIER] plugins\n"
	"\n"
	"Liste les plugins : ceux intégrés à cantine, puis les modules chargés avec\n"
	"--plugin, avec leur nom, leur version, l'ABI des plugins cantine pour\n"
	"laquelle ils ont été construits et leur origine. « cantine check » exécute\n"
	"les règles de chacun.\n";

/* The modules of --plugin, in order, and the data directory. */
#define MAX_MODULES 16
static const char *modules[MAX_MODULES];
static size_t n_modules;
static const char *data_dir;

/* The plugins compiled into the command (CANTINE_PLUGIN_BUILTIN). */
const cantine_plugin *cantine_builtin_plugin_nutrition(void);
const cantine_plugin *cantine_builtin_plugin_climat(void);
const cantine_plugin *cantine_builtin_plugin_egalim(void);

static const cantine_plugin *(*const builtins[])(void) = {
	cantine_builtin_plugin_nutrition,
	cantine_builtin_plugin_climat,
	cantine_builtin_plugin_egalim,
	NULL,
};

int cli_plugin_option(const char *path)
{
	if (n_modules == MAX_MODULES) {
		fprintf(stderr, "cantine : plus de %d options --plugin\n", MAX_MODULES);
		return EXIT_INPUT;
	}
	modules[n_modules++] = path;
	return EXIT_OK;
}

void cli_data_option(const char *dir)
{
	data_dir = dir;
}

int cli_plugins_setup(cantine_ctx *ctx)
{
	size_t i;
	int rc = 0;

	if (data_dir)
		rc = cantine_plugin_set_data_dir(ctx, data_dir);
	/* Modules first: a module may replace the built-in of its name. */
	for (i = 0; i < n_modules && rc == 0; i++)
		rc = cantine_plugin_load(ctx, modules[i]);
	for (i = 0; builtins[i] && rc == 0; i++) {
		const cantine_plugin *p = builtins[i]();
		size_t k, n = cantine_plugin_count(ctx);

		for (k = 0; k < n; k++)
			if (strcmp(cantine_plugin_get(ctx, k)->name, p->name) == 0)
				break;
		if (k == n)
			rc = cantine_plugin_register(ctx, p);
	}
	return rc ? cli_fail(ctx, rc) : 0;
}

int cmd_plugins(cantine_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	size_t i, n;
	int c;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if (c == 'h')
			return fputs(usage_plugins, stdout), EXIT_OK;
		return cli_option_error(c, argv, usage_plugins);
	}
	if (optind < argc)
		return cli_usage_error("argument inattendu « %s »", argv[optind], usage_plugins);
	if (!ctx)
		return -1;
	n = cantine_plugin_count(ctx);
	if (n == 0) {
		printf("Aucun plugin.\n");
		return EXIT_OK;
	}
	for (i = 0; i < n; i++) {
		const cantine_plugin_info *p = cantine_plugin_get(ctx, i);
		printf("%s %s (ABI %u, %s)\n  %s\n", p->name, p->version,
		       (unsigned)p->abi_version, p->path ? p->path : "intégré",
		       p->description);
	}
	return EXIT_OK;
}
