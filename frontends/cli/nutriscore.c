/*
 * nutriscore.c: `cantine nutriscore`: the Nutri-Score 2023 of one food
 * from its composition given on the command line, every point shown, so
 * that it can be compared with published examples.  No store is opened.
 */
#include <getopt.h>
#include <inttypes.h>
#include <string.h>

#include "cli.h"

static const char usage_nutriscore[] =
	"Usage : cantine nutriscore --categorie CATÉGORIE [--energie-kj X] [--sucres X]\n"
	"                [--ags X] [--lipides X] [--sel X | --sodium X] [--fibres X]\n"
	"                [--proteines X] [--fruits-legumes X] [--edulcorants]\n"
	"\n"
	"Calcule le Nutri-Score d'un aliment ou d'une boisson (algorithme 2023 de\n"
	"Santé publique France) à partir de sa composition pour 100 g (pour 100 ml\n"
	"d'une boisson) : les points de chaque composante, les totaux N et P, le\n"
	"score N − P et la note de A à E. Les nombres s'écrivent avec une virgule\n"
	"ou un point décimal (4,5 ou 4.5), six décimales au plus. N'utilise pas la\n"
	"base.\n"
	"\n"
	"  --categorie C            generale ; fromage ; viande-rouge (bœuf, veau,\n"
	"                           porc, agneau, gibier, cheval…) ; matieres-grasses\n"
	"                           (matières grasses, huiles, fruits à coque et\n"
	"                           graines) ; boisson (laits et boissons végétales\n"
	"                           compris) ; eau (note A d'office)\n"
	"  --energie-kj X           énergie, en kJ (pas en kcal)\n"
	"  --sucres X               sucres, en g\n"
	"  --ags X                  acides gras saturés, en g\n"
	"                           (aussi : --acides-gras-satures X)\n"
	"  --lipides X              lipides totaux, en g : obligatoire pour\n"
	"                           matieres-grasses (rapport saturés / lipides)\n"
	"  --sel X                  sel, en g\n"
	"  --sodium X               ou sodium, en g (sel = sodium × 2,5)\n"
	"  --fibres X               fibres, en g (défaut : 0)\n"
	"  --proteines X            protéines, en g\n"
	"  --fruits-legumes X       part de fruits, légumes et légumineuses, en %\n"
	"                           (défaut : 0)\n"
	"  --edulcorants            la boisson contient des édulcorants (boissons\n"
	"                           seulement : 4 points de plus)\n"
	"\n"
	"Obligatoires, sauf pour l'eau : --energie-kj, --sucres, --ags, --sel (ou\n"
	"--sodium) et --proteines ; pour matieres-grasses, --lipides remplace\n"
	"--energie-kj (l'énergie comptée est celle des acides gras saturés).\n"
	"\n"
	"Exemple : cantine nutriscore --categorie fromage --energie-kj 1523 \\\n"
	"            --sucres 0,5 --ags 19,8 --sel 1,8 --proteines 24\n";

/* The options, in the order of `names` (what messages call them). */
enum {
	O_CATEGORY, O_ENERGY, O_SUGARS, O_SATURATES, O_FAT, O_SALT, O_SODIUM,
	O_FIBRE, O_PROTEIN, O_FVL, O_SWEETENERS, O__MAX
};

static const char *const names[O__MAX] = {
	"--categorie", "--energie-kj", "--sucres", "--ags", "--lipides", "--sel",
	"--sodium", "--fibres", "--proteines", "--fruits-legumes", "--edulcorants",
};

#define OPT(name, has_arg, o) { name, has_arg, NULL, 256 + (o) }

static const struct option opts[] = {
	OPT("categorie", required_argument, O_CATEGORY),
	OPT("catégorie", required_argument, O_CATEGORY),
	OPT("energie-kj", required_argument, O_ENERGY),
	OPT("énergie-kj", required_argument, O_ENERGY),
	OPT("energie", required_argument, O_ENERGY),
	OPT("sucres", required_argument, O_SUGARS),
	OPT("ags", required_argument, O_SATURATES),
	OPT("acides-gras-satures", required_argument, O_SATURATES),
	OPT("acides-gras-saturés", required_argument, O_SATURATES),
	OPT("lipides", required_argument, O_FAT),
	OPT("sel", required_argument, O_SALT),
	OPT("sodium", required_argument, O_SODIUM),
	OPT("fibres", required_argument, O_FIBRE),
	OPT("proteines", required_argument, O_PROTEIN),
	OPT("protéines", required_argument, O_PROTEIN),
	OPT("fruits-legumes", required_argument, O_FVL),
	OPT("fruits-légumes", required_argument, O_FVL),
	OPT("edulcorants", no_argument, O_SWEETENERS),
	OPT("édulcorants", no_argument, O_SWEETENERS),
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

/* What the command line said. */
struct args {
	int     category;
	int64_t value[O__MAX]; /* millionths; O_CATEGORY and O_SWEETENERS unused */
	int     seen[O__MAX];
};

static int usage_fail(const char *msg)
{
	fprintf(stderr, "cantine : %s\n\n%s", msg, usage_nutriscore);
	return EXIT_INPUT;
}

/* Parse the options; EXIT_OK, -1 after --help, or an exit code. */
static int parse(int argc, char **argv, struct args *a)
{
	int c, o;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if (c == 'h') {
			fputs(usage_nutriscore, stdout);
			return -1;
		}
		if (c < 256 || c >= 256 + O__MAX)
			return cli_option_error(c, argv, usage_nutriscore);
		o = c - 256;
		if (a->seen[o])
			return cli_usage_error("l'option %s est donnée deux fois ; "
					   "gardez-en une", names[o], usage_nutriscore);
		a->seen[o] = 1;
		if (o == O_CATEGORY) {
			a->category = cantine_nutriscore_category_parse(optarg);
			if (a->category < 0)
				return cli_usage_error("catégorie « %s » inconnue ; valeurs "
						   "possibles : generale, fromage, viande-rouge, "
						   "matieres-grasses, boisson ou eau", optarg,
						   usage_nutriscore);
		} else if (o != O_SWEETENERS && *optarg == '\0') {
			return cli_usage_error("%s est vide ; écrivez un nombre, par "
					   "exemple 4,5 (ou 0)", names[o], usage_nutriscore);
		} else if (o != O_SWEETENERS &&
			   cantine_nutriscore_parse_value(&a->value[o], optarg) != 0) {
			fprintf(stderr, "cantine : %s « %s » n'est pas un nombre ; écrivez "
				"par exemple 4,5 ou 4.5 (six décimales au plus)\n\n%s",
				names[o], optarg, usage_nutriscore);
			return EXIT_INPUT;
		}
	}
	if (optind < argc)
		return cli_usage_error("argument inattendu « %s »", argv[optind],
				   usage_nutriscore);
	return EXIT_OK;
}

/* The options a category needs that are missing, or EXIT_OK. */
static int check_required(const struct args *a)
{
	int need[O__MAX] = { 0 }, missing[O__MAX], n = 0, o;
	cantine_nutriscore_category cat = (cantine_nutriscore_category)a->category;

	if (!a->seen[O_CATEGORY])
		return usage_fail("il manque --categorie (generale, fromage, viande-rouge, "
				  "matieres-grasses, boisson ou eau)");
	if (a->seen[O_SALT] && a->seen[O_SODIUM])
		return usage_fail("--sel et --sodium disent la même chose : donnez l'un "
				  "ou l'autre");
	if (a->seen[O_SWEETENERS] && cat != CANTINE_NUTRISCORE_BEVERAGE &&
	    cat != CANTINE_NUTRISCORE_WATER)
		return usage_fail("--edulcorants ne compte que pour les boissons "
				  "(--categorie boisson)");
	if (cat != CANTINE_NUTRISCORE_WATER) {
		need[O_ENERGY] = cat != CANTINE_NUTRISCORE_FATS;
		need[O_FAT] = cat == CANTINE_NUTRISCORE_FATS;
		need[O_SUGARS] = need[O_SATURATES] = need[O_PROTEIN] = 1;
		need[O_SALT] = !a->seen[O_SODIUM];
	}
	for (o = 0; o < O__MAX; o++)
		if (need[o] && !a->seen[o])
			missing[n++] = o;
	if (n == 0)
		return EXIT_OK;
	fprintf(stderr, "cantine : pour la catégorie %s, il manque ",
		cantine_nutriscore_category_name(cat));
	for (o = 0; o < n; o++)
		fprintf(stderr, "%s%s", o == 0 ? "" : o == n - 1 ? " et " : ", ",
			names[missing[o]]);
	fprintf(stderr, " ; donnez chaque valeur pour 100 g (ou 100 ml), même 0\n\n%s",
		usage_nutriscore);
	return EXIT_INPUT;
}

/* A quantity in millionths (≥ 0) as French decimal text: "19,8", "1523". */
static void format_value(char *out, size_t n, int64_t v)
{
	char frac[8];
	int len;

	if (v % 1000000 == 0) {
		snprintf(out, n, "%" PRId64, v / 1000000);
		return;
	}
	snprintf(frac, sizeof(frac), "%06" PRId64, v % 1000000);
	for (len = 6; frac[len - 1] == '0'; len--)
		frac[len - 1] = '\0';
	snprintf(out, n, "%" PRId64 ",%s", v / 1000000, frac);
}

/* Width of the name and value columns. */
#define NAME_W  33
#define VALUE_W 14

static void print_component(const cantine_nutriscore_result *r,
			    cantine_nutriscore_component c, const char *note)
{
	char num[32], text[40];
	int w;

	if (c == CANTINE_NUTRISCORE_SWEETENERS) {
		snprintf(text, sizeof(text), "%s", r->value[c] ? "oui" : "non");
	} else {
		const char *unit = " g";
		format_value(num, sizeof(num), r->value[c]);
		if (c == CANTINE_NUTRISCORE_ENERGY)
			unit = " kJ";
		else if (c == CANTINE_NUTRISCORE_FVL ||
			 (c == CANTINE_NUTRISCORE_SATURATES &&
			  r->category == CANTINE_NUTRISCORE_FATS))
			unit = " %";
		snprintf(text, sizeof(text), "%s%s", num, unit);
	}
	fputs("  ", stdout);
	cli_put_padded(cantine_nutriscore_component_name(c, r->category), NAME_W);
	for (w = cli_width(text); w < VALUE_W; w++)
		putchar(' ');
	printf("%s   %2d / %d", text, r->points[c], r->max_points[c]);
	if (note)
		printf("   %s", note);
	putchar('\n');
}

static void print_total(const char *name, int points)
{
	fputs("  ", stdout);
	cli_put_padded(name, NAME_W + VALUE_W);
	printf("   %2d\n", points);
}

static void print_result(const cantine_nutriscore_result *r)
{
	int beverage = r->category == CANTINE_NUTRISCORE_BEVERAGE ||
		       r->category == CANTINE_NUTRISCORE_WATER;
	int limit = r->category == CANTINE_NUTRISCORE_FATS ? 7 : 11;
	const char *protein_note = NULL;
	int c;

	printf("Nutri-Score 2023, catégorie %s (valeurs pour %s)\n\n",
	       cantine_nutriscore_category_name(r->category), beverage ? "100 ml" : "100 g");
	printf("Points négatifs (N)\n");
	for (c = 0; c < CANTINE_NUTRISCORE_FIRST_POSITIVE; c++)
		if (r->max_points[c] > 0)
			print_component(r, (cantine_nutriscore_component)c, NULL);
	print_total("total N", r->negative);

	if (!r->protein_counted)
		protein_note = "non comptés";
	else if (r->rules & CANTINE_NUTRISCORE_RULE_RED_MEAT_CAP)
		protein_note = "plafonnés à 2";
	printf("\nPoints positifs (P)\n");
	for (c = CANTINE_NUTRISCORE_FIRST_POSITIVE; c < CANTINE_NUTRISCORE_COMPONENT__MAX; c++)
		print_component(r, (cantine_nutriscore_component)c,
				c == CANTINE_NUTRISCORE_PROTEIN ? protein_note : NULL);
	print_total("total P", r->positive);

	putchar('\n');
	if (r->rules & CANTINE_NUTRISCORE_RULE_RED_MEAT_CAP)
		printf("Viande rouge : les points des protéines sont plafonnés à 2.\n");
	if (r->rules & CANTINE_NUTRISCORE_RULE_PROTEIN_EXCLUDED)
		printf("Protéines non comptées : N vaut %d, %d ou plus%s.\n", r->negative,
		       limit, r->category == CANTINE_NUTRISCORE_FATS
		       ? " (matières grasses)" : ", et l'aliment n'est pas un fromage");
	if (r->rules & CANTINE_NUTRISCORE_RULE_CHEESE)
		printf("Fromage : protéines comptées bien que N vaille %d, 11 ou plus.\n",
		       r->negative);
	printf("Score : N − P = %d − %d = %d\n", r->negative, r->positive, r->score);
	if (r->rules & CANTINE_NUTRISCORE_RULE_WATER)
		printf("Note : A (l'eau est classée A quelle que soit sa composition)\n");
	else
		printf("Note : %c\n", r->grade);
}

int cmd_nutriscore(cantine_ctx *ctx, int argc, char **argv)
{
	cantine_nutriscore_input in;
	cantine_nutriscore_result r;
	struct args a;
	const char *why = "";
	int rc;

	(void)ctx; /* never needs the store: always returns ≥ 0 */
	memset(&a, 0, sizeof(a));
	rc = parse(argc, argv, &a);
	if (rc < 0)
		return EXIT_OK; /* --help */
	if (rc || (rc = check_required(&a)) != 0)
		return rc;
	if (a.seen[O_SODIUM] && a.value[O_SODIUM] < 0) {
		fprintf(stderr, "cantine : sodium négatif : indiquez les grammes pour "
			"100 g (ou 100 ml), 0 ou plus\n");
		return EXIT_INPUT;
	}
	memset(&in, 0, sizeof(in));
	in.category = (cantine_nutriscore_category)a.category;
	in.energy_kj = a.value[O_ENERGY];
	in.sugars = a.value[O_SUGARS];
	in.saturates = a.value[O_SATURATES];
	in.fat = a.value[O_FAT];
	in.salt = a.seen[O_SODIUM] ? cantine_nutriscore_salt_from_sodium(a.value[O_SODIUM])
				   : a.value[O_SALT];
	in.fibre = a.value[O_FIBRE];
	in.protein = a.value[O_PROTEIN];
	in.fvl = a.value[O_FVL];
	in.sweeteners = a.seen[O_SWEETENERS];
	if (cantine_nutriscore_compute(&r, &in, &why) != 0) {
		fprintf(stderr, "cantine : %s\n", why);
		return EXIT_INPUT;
	}
	print_result(&r);
	if (fflush(stdout)) {
		fprintf(stderr, "cantine : écriture de la sortie impossible\n");
		return EXIT_INTERNAL;
	}
	return EXIT_OK;
}
