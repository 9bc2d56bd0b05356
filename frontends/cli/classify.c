/*
 * classify.c: `cantine purchase classify`:
 * what the classification rules suggest for invoice wording: family,
 * characteristics, origin, and every rule that matched with what it
 * matched.  Needs no store.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage_classify[] =
	"Usage : cantine purchase classify [--regles FICHIER] TEXTE...\n"
	"        cantine purchase classify [--regles FICHIER] --fichier FICHIER\n"
	"\n"
	"Suggère, pour chaque libellé de facture, la famille EGALIM, les\n"
	"caractéristiques (BIO, LABEL_ROUGE, AOCAOP, IGP, HVE, PECHE_DURABLE,\n"
	"FERMIER…) et l'origine (FRANCE ou EUROPE), avec chaque règle qui l'a\n"
	"reconnu et ce qu'elle a reconnu. Majuscules et accents sont ignorés.\n"
	"Ce n'est qu'une suggestion, à vérifier : elle ne remplace jamais ce\n"
	"que déclare un fichier d'achats. N'utilise pas la base.\n"
	"\n"
	"  --fichier FICHIER        un libellé par ligne (UTF-8), au lieu des TEXTEs\n"
	"  --regles FICHIER         règles de classification du site, à la place de\n"
	"                           celles livrées avec cantine (docs/formats.md)\n"
	"\n"
	"Exemple : cantine purchase classify \"STEAK HACHE 15%MG VBF LABEL ROUGE\"\n";

static const struct option opts[] = {
	{ "fichier", required_argument, NULL, 'f' },
	{ "regles", required_argument, NULL, 'r' },
	{ "règles", required_argument, NULL, 'r' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static void print_suggestion(const cantine_classifier *c, const char *text,
			     const cantine_suggestion *s)
{
	size_t i;
	int k, first = 1;

	printf("« %s »\n", text);
	if (s->n_matches == 0) {
		printf("  aucune règle ne reconnaît ce libellé : pas de suggestion\n");
		return;
	}
	printf("  suggestion (à vérifier ; ne remplace pas ce que déclare la facture) :\n");
	if (s->family != CANTINE_CLASSIFY_NONE)
		printf("    famille : %s (%s)\n", cantine_family_code((cantine_family)s->family),
		       cantine_family_label((cantine_family)s->family));
	else
		printf("    famille : aucune\n");
	printf("    caractéristiques :");
	for (k = 0; k < CANTINE_CHAR__MAX; k++) {
		if (!(s->characteristics & (1u << k)))
			continue;
		printf("%s%s", first ? " " : ", ",
		       cantine_characteristic_code((cantine_characteristic)k));
		first = 0;
	}
	printf("%s\n", first ? " aucune" : "");
	if (s->origin_conflict)
		printf("    origine : contradictoire (FRANCE et EUROPE) ; à vérifier\n");
	else if (s->origin != CANTINE_CLASSIFY_NONE)
		printf("    origine : %s\n",
		       cantine_characteristic_code((cantine_characteristic)s->origin));
	else
		printf("    origine : non indiquée\n");
	printf("  règles reconnues :\n");
	for (i = 0; i < s->n_matches; i++) {
		const cantine_classify_rule *r = cantine_classifier_rule(c, s->matches[i].rule);
		printf("    %s (ligne %u) : « %s »%s\n", r->name, r->line, s->matches[i].text,
		       s->family != CANTINE_CLASSIFY_NONE && s->family_rule == s->matches[i].rule
		       ? " → famille" : "");
	}
}

/* Read the file's lines (without their ends; empty lines dropped) into
 * *lines; returns the count or -1 with the message printed. */
static long read_lines(const char *path, char ***lines, unsigned **numbers)
{
	FILE *f = fopen(path, "rb");
	char *line = NULL, **v = NULL;
	unsigned *num = NULL, no = 0;
	size_t cap = 0;
	long n = 0, cap_v = 0;
	ssize_t len;

	if (!f) {
		fprintf(stderr, "cantine : %s : fichier introuvable ou illisible ; vérifiez "
			"le chemin\n", path);
		return -1;
	}
	while ((len = getline(&line, &cap, f)) >= 0) {
		no++;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (len == 0)
			continue;
		if (n == cap_v) {
			char **nv;
			unsigned *nn;
			cap_v = cap_v ? 2 * cap_v : 64;
			nv = realloc(v, (size_t)cap_v * sizeof(*v));
			if (nv)
				v = nv;
			nn = realloc(num, (size_t)cap_v * sizeof(*num));
			if (nn)
				num = nn;
			if (!nv || !nn)
				goto nomem;
		}
		if (!(v[n] = strdup(line)))
			goto nomem;
		num[n++] = no;
	}
	if (ferror(f)) {
		fprintf(stderr, "cantine : %s : lecture impossible (un dossier ?) ; donnez "
			"le chemin d'un fichier texte\n", path);
		goto fail;
	}
	free(line);
	fclose(f);
	*lines = v;
	*numbers = num;
	return n;
nomem:
	fprintf(stderr, "cantine : mémoire insuffisante\n");
fail:
	while (n > 0)
		free(v[--n]);
	free(v);
	free(num);
	free(line);
	fclose(f);
	return -1;
}

static int run(cantine_ctx *ctx, const char *rules, const char *file, int ntexts,
	       char **texts)
{
	cantine_classifier *c = NULL;
	cantine_suggestion s;
	char **lines = NULL;
	unsigned *numbers = NULL;
	long n = ntexts, i;
	int rc, ex = EXIT_OK;

	rc = rules ? cantine_classifier_load(ctx, rules, &c)
		   : cantine_classifier_builtin(ctx, &c);
	if (rc)
		return cli_fail(ctx, rc);
	if (file) {
		n = read_lines(file, &lines, &numbers);
		if (n < 0) {
			cantine_classifier_free(c);
			return EXIT_INPUT;
		}
		texts = lines;
	}
	/* Every text first, so that a bad one prints nothing else. */
	for (i = 0; i < n && ex == EXIT_OK; i++) {
		rc = cantine_classify(ctx, c, texts[i], &s);
		cantine_suggestion_dispose(&s);
		if (rc && file) {
			fprintf(stderr, "cantine : %s, ligne %u : %s\n", file, numbers[i],
				cantine_errmsg(ctx));
			ex = cli_exit_code(rc);
		} else if (rc) {
			ex = cli_fail(ctx, rc);
		}
	}
	for (i = 0; i < n && ex == EXIT_OK; i++) {
		if ((rc = cantine_classify(ctx, c, texts[i], &s)) != 0) {
			ex = cli_fail(ctx, rc);
			break;
		}
		if (i > 0)
			putchar('\n');
		print_suggestion(c, texts[i], &s);
		cantine_suggestion_dispose(&s);
	}
	for (i = 0; lines && i < n; i++)
		free(lines[i]);
	free(lines);
	free(numbers);
	cantine_classifier_free(c);
	return ex;
}

int cmd_purchase_classify(cantine_ctx *ctx, int argc, char **argv)
{
	const char *rules = NULL, *file = NULL;
	cantine_ctx *own = NULL;
	int c, rc;

	(void)ctx; /* never needs the store: always returns ≥ 0 */
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			file = optarg;
			break;
		case 'r':
			rules = optarg;
			break;
		case 'h':
			fputs(usage_classify, stdout);
			return EXIT_OK;
		default:
			return cli_option_error(c, argv, usage_classify);
		}
	}
	if (file && optind < argc)
		return cli_usage_error("texte « %s » en plus de --fichier ; donnez l'un ou "
				       "l'autre", argv[optind], usage_classify);
	if (!file && optind >= argc)
		return cli_usage_error("%s", "il faut au moins un TEXTE, ou --fichier FICHIER",
				       usage_classify);
	/* A context for the messages only: an empty store in memory. */
	rc = cantine_ctx_open(&own, ":memory:", CANTINE_OPEN_CREATE);
	if (rc) {
		rc = cli_fail(own, rc);
		cantine_ctx_free(own);
		return rc;
	}
	rc = run(own, rules, file, argc - optind, argv + optind);
	cantine_ctx_free(own);
	return rc;
}
