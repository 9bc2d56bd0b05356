/*
 * cli.h: shared pieces of the `cantine` command.
 */
#ifndef CANTINE_CLI_H
#define CANTINE_CLI_H

#include <stdio.h>

#include <cantine/cantine.h>

/* Exit codes (ARCHITECTURE §9). */
enum {
	EXIT_OK = 0,      /* done */
	EXIT_RULE = 1,    /* findings that fail a rule */
	EXIT_INPUT = 2,   /* bad input or usage */
	EXIT_INTERNAL = 3 /* internal error */
};

/* Exit code for a library return code. */
int cli_exit_code(int rc);
/* Print "cantine : <message>" on stderr and return the exit code. */
int cli_fail(cantine_ctx *ctx, int rc);

/* Print, in French, why getopt_long() returned `c` ('?' or ':') for the
 * option at argv[optind - 1], then `usage`; returns EXIT_INPUT. */
int cli_option_error(int c, char **argv, const char *usage);

/* Print a usage error ("cantine : " + `what`, whose one « %s » is filled
 * with `arg`) and the command's usage; returns EXIT_INPUT. */
int cli_usage_error(const char *what, const char *arg, const char *usage);
/* Print an import's problems on stderr, errors as they are and warnings
 * (io.h), which did not stop the import, as "attention : …". */
void cli_print_problems(const cantine_problems *pbs);
/* Today's date, "YYYY-MM-DD", in `out`; returns out. */
const char *cli_today(char out[11]);
/* --annee: `text` (NULL: this year) as *year; EXIT_OK, or EXIT_INPUT
 * with a French message and `usage`. */
int cli_year(const char *text, int *year, const char *usage);
/* The current school year, "AAAA-AAAA", starting in August, in out. */
const char *cli_school_year(char out[24]);
/* The establishment named by --etab, or the store's only one. */
int cli_etab(cantine_ctx *ctx, const char *uai, cantine_etab **out);

/*
 * The options of the commands that show one week ([--etab UAI] [--date
 * AAAA-MM-JJ], today by default): --help and usage errors give their exit
 * code; otherwise -1 (go on): with a store, the establishment and its
 * week are loaded (free both), or the failure's exit code is returned
 * (message printed).
 */
int cli_week_args(cantine_ctx *ctx, int argc, char **argv, const char *usage,
		  cantine_etab **etab, cantine_week **week);
/* Number of characters (not bytes) of a UTF-8 string. */
int cli_width(const char *s);
/* Print a UTF-8 string padded with spaces to `width` characters. */
void cli_put_padded(const char *s, int width);

int cmd_week(cantine_ctx *ctx, int argc, char **argv);
int cmd_check(cantine_ctx *ctx, int argc, char **argv);
/* Print a report's findings (information ones when `all`) and the count of
 * errors and warnings; returns EXIT_RULE when a rule fails, else EXIT_OK. */
int cli_print_report(const cantine_report *r, int all);
int cmd_egalim(cantine_ctx *ctx, int argc, char **argv);
int cmd_audit(cantine_ctx *ctx, int argc, char **argv);
int cmd_bilan(cantine_ctx *ctx, int argc, char **argv);
int cmd_allergens(cantine_ctx *ctx, int argc, char **argv);
int cmd_production(cantine_ctx *ctx, int argc, char **argv);
int cmd_history(cantine_ctx *ctx, int argc, char **argv);
int cmd_plan(cantine_ctx *ctx, int argc, char **argv);
/* The author of changes: --auteur, else $USER, else NULL. */
const char *cli_author(void);
int cmd_dish(cantine_ctx *ctx, int argc, char **argv);
int cmd_calendar(cantine_ctx *ctx, int argc, char **argv);
int cmd_export_scdl(cantine_ctx *ctx, int argc, char **argv);
int cmd_import_scdl(cantine_ctx *ctx, int argc, char **argv);
int cmd_plugins(cantine_ctx *ctx, int argc, char **argv);
int cmd_scores(cantine_ctx *ctx, int argc, char **argv);
int cmd_user(cantine_ctx *ctx, int argc, char **argv);

/* Global options --plugin FICHIER (repeatable) and --donnees DOSSIER. */
int cli_plugin_option(const char *path);
void cli_data_option(const char *dir);
/* Give `ctx` its plugins: the modules, then the built-ins not replaced by
 * one.  Returns 0 or an exit code (the message printed). */
int cli_plugins_setup(cantine_ctx *ctx);
/* Needs no store: called with ctx NULL, it never returns -1. */
int cmd_nutriscore(cantine_ctx *ctx, int argc, char **argv);
int cmd_import_ciqual(cantine_ctx *ctx, int argc, char **argv);
/* cantine purchase import|list (purchase.c). */
int cmd_purchase(cantine_ctx *ctx, int argc, char **argv);
/* cantine tariff import|show|price|check (tariff.c). */
int cmd_tariff(cantine_ctx *ctx, int argc, char **argv);
int cmd_bill(cantine_ctx *ctx, int argc, char **argv);
/* `purchase classify` (classify.c).  Needs no store: called with ctx
 * NULL, it never returns -1. */
int cmd_purchase_classify(cantine_ctx *ctx, int argc, char **argv);
/* attendance.c: cantine attendance [record], forecast, waste, pupil forget. */
int cmd_attendance(cantine_ctx *ctx, int argc, char **argv);
int cmd_forecast(cantine_ctx *ctx, int argc, char **argv);
int cmd_waste(cantine_ctx *ctx, int argc, char **argv);
int cmd_pupil(cantine_ctx *ctx, int argc, char **argv);

#endif
