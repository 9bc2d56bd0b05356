/*
 * attendance.c: `cantine attendance` (expected and actual covers, and
 * recording a day's covers), `cantine forecast`, `cantine waste` and
 * `cantine pupil forget`.  Every table printed here holds counts only:
 * no pupil identifier ever reaches these outputs.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage_attendance[] =
	"Usage : cantine [--db FICHIER] attendance [--etab UAI] --from AAAA-MM-JJ\n"
	"                --to AAAA-MM-JJ [--format texte|csv]\n"
	"        cantine [--db FICHIER] attendance record [--etab UAI] --date AAAA-MM-JJ\n"
	"                --couverts N\n"
	"\n"
	"Couverts de chaque jour de service de la période : élèves inscrits au forfait\n"
	"ce jour de la semaine, absences annoncées, couverts attendus (inscrits moins\n"
	"absents), couverts réellement servis quand ils sont enregistrés, et prévision.\n"
	"Les jours fermés (vacances, jours fériés, fermetures) sont signalés.\n"
	"\n"
	"« record » enregistre les couverts servis un jour (remplace la valeur déjà\n"
	"enregistrée) ; pour tout un fichier : cantine import presences FICHIER.\n";

static const char usage_forecast[] =
	"Usage : cantine [--db FICHIER] forecast [--etab UAI] [--date AAAA-MM-JJ]\n"
	"        cantine [--db FICHIER] forecast [--etab UAI] --evaluation\n"
	"                --from AAAA-MM-JJ --to AAAA-MM-JJ\n"
	"\n"
	"Prévision des couverts de la semaine suivant celle de la date (défaut :\n"
	"aujourd'hui), jour par jour : couverts attendus (inscrits moins absents)\n"
	"multipliés par le taux de présence réel de ce jour de la semaine, lissé\n"
	"sur les semaines précédentes (lissage exponentiel, docs/design.md).\n"
	"\n"
	"  --evaluation   erreur moyenne absolue de la prévision et de la prévision\n"
	"                 naïve (les couverts attendus) sur les jours passés de la\n"
	"                 période dont les couverts réels sont enregistrés\n";

static const char usage_waste[] =
	"Usage : cantine [--db FICHIER] waste [--etab UAI] --from AAAA-MM-JJ --to AAAA-MM-JJ\n"
	"\n"
	"Gaspillage pesé, par semaine : kg (assiettes, non servi, pain) et grammes par\n"
	"couvert, comparés aux 120 g par convive et par repas souvent cités pour la\n"
	"restauration collective. Seuls comptent les jours pesés dont les couverts\n"
	"réels sont enregistrés (cantine import gaspillage, cantine import presences).\n";

static const char usage_pupil[] =
	"Usage : cantine [--db FICHIER] pupil forget IDENTIFIANT [--etab UAI]\n"
	"\n"
	"Efface les données personnelles d'un élève : son identifiant est remplacé\n"
	"par un identifiant opaque, son quotient familial, son revenu fiscal, son\n"
	"nombre d'enfants et sa marque de boursier sont effacés. Son inscription et\n"
	"ses absences restent, sans lien avec lui : les comptes de couverts passés\n"
	"ne changent pas.\n";

/* The dates given (NULL: not given) must be real AAAA-MM-JJ dates; the
 * first that is not is named.  EXIT_OK or EXIT_INPUT. */
static int check_dates(const char *usage, const char *a, const char *b, const char *c)
{
	const char *d[3] = { a, b, c };
	int i;

	for (i = 0; i < 3; i++)
		if (d[i] && cantine_date_check(d[i]))
			return cli_usage_error("date invalide « %s » ; écrivez-la AAAA-MM-JJ, par "
					       "exemple 2026-09-07", d[i], usage);
	return EXIT_OK;
}

/* --from and --to, both required, both real dates. */
static int check_period(const char *usage, const char *from, const char *to)
{
	if (!from || !to)
		return cli_usage_error("%s", "il faut --from et --to", usage);
	return check_dates(usage, from, to, NULL);
}

/* "jeudi 12 novembre 2026" with its first letter upper case. */
static void day_title(char *out, size_t n, const char *date)
{
	cantine_date_french(out, n, date);
	if (out[0] >= 'a' && out[0] <= 'z')
		out[0] = (char)(out[0] - 'a' + 'A');
}

static void print_table(const cantine_attendance *a, int csv)
{
	char day[64];
	size_t i;

	if (csv)
		puts("date,ouvert,inscrits,absents,attendus,reels,prevision,fermeture");
	else
		printf("%-28s %8s %8s %8s %8s %10s\n", "Jour", "inscrits", "absents",
		       "attendus", "réels", "prévision");
	for (i = 0; i < cantine_attendance_count(a); i++) {
		const cantine_attendance_day *d = cantine_attendance_get(a, i);
		char actual[16];

		if (csv) {
			printf("%s,%s,%d,%d,%d,", d->date, d->served ? "oui" : "non",
			       d->registered, d->absent, d->expected);
			if (d->actual >= 0)
				printf("%d", d->actual);
			printf(",%d,", d->forecast);
			if (d->closed) {
				const char *s;
				putchar('"');
				for (s = d->closed; *s; s++)
					*s == '"' ? fputs("\"\"", stdout) : putchar(*s);
				putchar('"');
			}
			putchar('\n');
			continue;
		}
		if (!d->served && !d->closed)
			continue; /* not a service weekday */
		day_title(day, sizeof(day), d->date);
		cli_put_padded(day, 28);
		if (!d->served) {
			printf(" fermé : %s\n", d->closed);
			continue;
		}
		if (d->actual >= 0)
			snprintf(actual, sizeof(actual), "%d", d->actual);
		else
			snprintf(actual, sizeof(actual), "—");
		printf(" %8d %8d %8d ", d->registered, d->absent, d->expected);
		cli_put_padded("", 8 - cli_width(actual));
		printf("%s %10d\n", actual, d->forecast);
	}
}

static int attendance_record(cantine_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "etab", required_argument, NULL, 'e' },
		{ "date", required_argument, NULL, 'd' },
		{ "couverts", required_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *uai = NULL, *date = NULL, *n = NULL;
	cantine_etab *etab = NULL;
	char *end;
	long covers = -1;
	int c, rc;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (c) {
		case 'e': uai = optarg; break;
		case 'd': date = optarg; break;
		case 'n': n = optarg; break;
		case 'h': return fputs(usage_attendance, stdout), EXIT_OK;
		default: return cli_option_error(c, argv, usage_attendance);
		}
	}
	if (optind < argc)
		return cli_usage_error("argument inattendu « %s »", argv[optind], usage_attendance);
	if (!date || !n)
		return cli_usage_error("%s", "il faut --date et --couverts", usage_attendance);
	if ((rc = check_dates(usage_attendance, date, NULL, NULL)) != EXIT_OK)
		return rc;
	covers = strtol(n, &end, 10);
	if (*end || end == n || covers < 0 || covers > 5000)
		return cli_usage_error("« %s » couverts : donnez un nombre entier entre 0 et "
				       "5000", n, usage_attendance);
	if (!ctx)
		return -1;
	if ((rc = cli_etab(ctx, uai, &etab)) ||
	    (rc = cantine_attendance_record(ctx, etab->uai, date, (int)covers))) {
		cantine_etab_free(etab);
		return cli_fail(ctx, rc);
	}
	printf("%ld couverts enregistrés pour le %s (%s).\n", covers, date, etab->uai);
	cantine_etab_free(etab);
	return EXIT_OK;
}

int cmd_attendance(cantine_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "etab", required_argument, NULL, 'e' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "format", required_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *uai = NULL, *from = NULL, *to = NULL;
	cantine_attendance *a = NULL;
	cantine_etab *etab = NULL;
	int c, rc, csv = 0;

	if (argc > 1 && strcmp(argv[1], "record") == 0)
		return attendance_record(ctx, argc - 1, argv + 1);
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (c) {
		case 'e': uai = optarg; break;
		case 'f': from = optarg; break;
		case 't': to = optarg; break;
		case 'F':
			if (strcmp(optarg, "csv") == 0)
				csv = 1;
			else if (strcmp(optarg, "texte") != 0 && strcmp(optarg, "text") != 0)
				return cli_usage_error("format « %s » inconnu (texte ou csv)",
						       optarg, usage_attendance);
			break;
		case 'h': return fputs(usage_attendance, stdout), EXIT_OK;
		default: return cli_option_error(c, argv, usage_attendance);
		}
	}
	if (optind < argc)
		return cli_usage_error("argument inattendu « %s »", argv[optind], usage_attendance);
	if ((rc = check_period(usage_attendance, from, to)) != EXIT_OK)
		return rc;
	if (!ctx)
		return -1;
	if ((rc = cli_etab(ctx, uai, &etab)) ||
	    (rc = cantine_attendance_compute(&a, ctx, etab->uai, from, to))) {
		cantine_etab_free(etab);
		return cli_fail(ctx, rc);
	}
	if (!csv)
		printf("Couverts — %s (%s), du %s au %s\n\n", etab->name, etab->uai, from, to);
	print_table(a, csv);
	cantine_attendance_free(a);
	cantine_etab_free(etab);
	return EXIT_OK;
}

/* One decimal with a decimal comma: "4,2". */
static const char *decimal(double v, char out[32])
{
	char *dot;

	snprintf(out, 32, "%.1f", v);
	if ((dot = strchr(out, '.')))
		*dot = ',';
	return out;
}

static int forecast_eval(cantine_ctx *ctx, const cantine_etab *etab, const char *from,
			 const char *to)
{
	cantine_forecast_eval ev;
	char buf[2][32];
	int rc = cantine_forecast_evaluate(&ev, ctx, etab->uai, from, to);

	if (rc)
		return cli_fail(ctx, rc);
	printf("Évaluation de la prévision — %s (%s), du %s au %s\n\n", etab->name,
	       etab->uai, from, to);
	if (ev.days == 0) {
		printf("Aucun jour de service avec des couverts réels enregistrés sur cette "
		       "période : rien à évaluer.\n");
		return EXIT_OK;
	}
	printf("Jours évalués : %d\n", ev.days);
	printf("Erreur moyenne absolue de la prévision : %s couverts\n",
	       decimal(ev.mae_forecast, buf[0]));
	printf("Erreur moyenne absolue de la prévision naïve (couverts attendus) : %s "
	       "couverts\n", decimal(ev.mae_naive, buf[1]));
	if (ev.mae_naive > 0 && ev.mae_forecast != ev.mae_naive)
		printf("La prévision fait %.0f %% d'erreur en %s que la prévision naïve.\n",
		       100.0 * (ev.mae_forecast < ev.mae_naive ? ev.mae_naive - ev.mae_forecast
								  : ev.mae_forecast - ev.mae_naive) / ev.mae_naive,
		       ev.mae_forecast < ev.mae_naive ? "moins" : "plus");
	return EXIT_OK;
}

int cmd_forecast(cantine_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "etab", required_argument, NULL, 'e' },
		{ "date", required_argument, NULL, 'd' },
		{ "evaluation", no_argument, NULL, 'v' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *uai = NULL, *date = NULL, *from = NULL, *to = NULL;
	cantine_attendance *a = NULL;
	cantine_etab *etab = NULL;
	char today[11], monday[11], next[11], sunday[11], day[64];
	int c, rc, eval = 0;
	size_t i;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (c) {
		case 'e': uai = optarg; break;
		case 'd': date = optarg; break;
		case 'v': eval = 1; break;
		case 'f': from = optarg; break;
		case 't': to = optarg; break;
		case 'h': return fputs(usage_forecast, stdout), EXIT_OK;
		default: return cli_option_error(c, argv, usage_forecast);
		}
	}
	if (optind < argc)
		return cli_usage_error("argument inattendu « %s »", argv[optind], usage_forecast);
	if (eval ? (!from || !to || date) : (from || to))
		return cli_usage_error("%s", eval ? "--evaluation demande --from et --to (sans "
				       "--date)" : "--from et --to vont avec --evaluation",
				       usage_forecast);
	if ((rc = check_dates(usage_forecast, date, from, to)) != EXIT_OK)
		return rc;
	if (!ctx)
		return -1;
	if ((rc = cli_etab(ctx, uai, &etab)))
		return cli_fail(ctx, rc);
	if (eval) {
		rc = forecast_eval(ctx, etab, from, to);
		cantine_etab_free(etab);
		return rc;
	}
	cantine_date_monday(monday, date ? date : cli_today(today));
	cantine_date_add(next, monday, 7);
	cantine_date_add(sunday, next, 6);
	if ((rc = cantine_attendance_compute(&a, ctx, etab->uai, next, sunday))) {
		cantine_etab_free(etab);
		return cli_fail(ctx, rc);
	}
	printf("Prévision des couverts — %s (%s), semaine du %s\n\n", etab->name, etab->uai,
	       next);
	printf("%-28s %8s %10s\n", "Jour", "attendus", "prévision");
	for (i = 0; i < cantine_attendance_count(a); i++) {
		const cantine_attendance_day *d = cantine_attendance_get(a, i);
		if (!d->served && !d->closed)
			continue;
		day_title(day, sizeof(day), d->date);
		cli_put_padded(day, 28);
		if (d->served)
			printf(" %8d %10d\n", d->expected, d->forecast);
		else
			printf(" fermé : %s\n", d->closed);
	}
	cantine_attendance_free(a);
	cantine_etab_free(etab);
	return EXIT_OK;
}

int cmd_waste(cantine_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "etab", required_argument, NULL, 'e' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *uai = NULL, *from = NULL, *to = NULL;
	cantine_waste *w = NULL;
	cantine_etab *etab = NULL;
	int c, rc;
	size_t i;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (c) {
		case 'e': uai = optarg; break;
		case 'f': from = optarg; break;
		case 't': to = optarg; break;
		case 'h': return fputs(usage_waste, stdout), EXIT_OK;
		default: return cli_option_error(c, argv, usage_waste);
		}
	}
	if (optind < argc)
		return cli_usage_error("argument inattendu « %s »", argv[optind], usage_waste);
	if ((rc = check_period(usage_waste, from, to)) != EXIT_OK)
		return rc;
	if (!ctx)
		return -1;
	if ((rc = cli_etab(ctx, uai, &etab)) ||
	    (rc = cantine_waste_weeks(&w, ctx, etab->uai, from, to))) {
		cantine_etab_free(etab);
		return cli_fail(ctx, rc);
	}
	printf("Gaspillage — %s (%s), du %s au %s\n", etab->name, etab->uai, from, to);
	printf("Référence : %d g par convive et par repas, moyenne souvent citée en "
	       "restauration collective.\n\n", CANTINE_WASTE_REFERENCE_G);
	if (cantine_waste_count(w) == 0)
		printf("Aucun jour pesé avec des couverts réels enregistrés sur cette période.\n");
	else
		printf("%-12s %5s %8s %11s %11s %9s %9s\n", "Semaine du", "jours", "couverts",
		       "assiettes", "non servi", "pain", "g/couvert");
	for (i = 0; i < cantine_waste_count(w); i++) {
		const cantine_waste_week *k = cantine_waste_get(w, i);
		printf("%-12s %5d %8ld %8ld,%ld kg %8ld,%ld kg %6ld,%ld kg %9.0f %s\n",
		       k->monday, k->days, k->covers,
		       k->plate_g / 1000, (k->plate_g % 1000) / 100,
		       k->unserved_g / 1000, (k->unserved_g % 1000) / 100,
		       k->bread_g / 1000, (k->bread_g % 1000) / 100, k->g_per_cover,
		       k->g_per_cover > CANTINE_WASTE_REFERENCE_G ? "au-dessus de 120 g"
								  : "sous 120 g");
	}
	cantine_waste_free(w);
	cantine_etab_free(etab);
	return EXIT_OK;
}

int cmd_pupil(cantine_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "etab", required_argument, NULL, 'e' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *uai = NULL;
	cantine_etab *etab = NULL;
	int c, rc;

	if (argc < 2 || strcmp(argv[1], "forget") != 0) {
		if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0))
			return fputs(usage_pupil, stdout), EXIT_OK;
		return cli_usage_error("%s", "sous-commande attendue : forget", usage_pupil);
	}
	argc--;
	argv++;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (c) {
		case 'e': uai = optarg; break;
		case 'h': return fputs(usage_pupil, stdout), EXIT_OK;
		default: return cli_option_error(c, argv, usage_pupil);
		}
	}
	if (argc - optind != 1)
		return cli_usage_error("%s", "il faut un IDENTIFIANT d'élève", usage_pupil);
	if (!ctx)
		return -1;
	if ((rc = cli_etab(ctx, uai, &etab)) ||
	    (rc = cantine_pupil_forget(ctx, etab->uai, argv[optind]))) {
		cantine_etab_free(etab);
		return cli_fail(ctx, rc);
	}
	printf("Données personnelles de l'élève « %s » effacées (%s) ; les comptes de "
	       "couverts sont conservés.\n", argv[optind], etab->uai);
	cantine_etab_free(etab);
	return EXIT_OK;
}
