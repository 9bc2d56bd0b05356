/*
 * user.c: `cantine user add|list|remove`: who may use the web pages with
 * which role (cantine/access.h).  The web server authenticates the
 * people; this maps their login names to a role and a collège or a
 * département.
 */
#include <getopt.h>
#include <string.h>

#include "cli.h"

static const char usage_user[] =
	"Usage : cantine [--db FICHIER] user add NOM --role comite|gestionnaire --etab UAI\n"
	"        cantine [--db FICHIER] user add NOM --role departement --departement DD\n"
	"        cantine [--db FICHIER] user list\n"
	"        cantine [--db FICHIER] user remove NOM\n"
	"\n"
	"Les utilisateurs des pages web et leur rôle. Le serveur web vérifie le mot\n"
	"de passe et donne le nom de connexion (REMOTE_USER) ; la base dit ce que ce\n"
	"nom peut voir et faire. Un nom inconnu est le public (menus publiés seulement).\n"
	"\n"
	"Rôles :\n"
	"  comite        comité des parents d'un collège : lit les menus proposés et\n"
	"                les commente\n"
	"  gestionnaire  gestionnaire d'un collège : lit les commentaires, les marque\n"
	"                traités, propose et publie les semaines\n"
	"  departement   services du département : audit EGALIM des collèges (montants)\n"
	"\n"
	"  --role ROLE          le rôle (un seul par utilisateur)\n"
	"  --etab UAI           le collège (comite, gestionnaire)\n"
	"  --departement DD     le département (departement) : 59, 2A, 971…\n";

static int user_add(cantine_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "role", required_argument, NULL, 'r' },
		{ "etab", required_argument, NULL, 'e' },
		{ "departement", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *role_text = NULL, *uai = NULL, *dep = NULL, *name;
	int c, role, rc;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (c) {
		case 'r': role_text = optarg; break;
		case 'e': uai = optarg; break;
		case 'd': dep = optarg; break;
		case 'h': return fputs(usage_user, stdout), EXIT_OK;
		default: return cli_option_error(c, argv, usage_user);
		}
	}
	if (optind + 1 != argc)
		return cli_usage_error("%s", "donnez un seul NOM d'utilisateur", usage_user);
	name = argv[optind];
	if (!role_text)
		return cli_usage_error("%s", "donnez le rôle avec --role", usage_user);
	role = cantine_role_parse(role_text);
	if (role <= CANTINE_ROLE_PUBLIC)
		return cli_usage_error("rôle « %s » inconnu : comite, gestionnaire ou "
				       "departement", role_text, usage_user);
	if (role == CANTINE_ROLE_DEPARTEMENT ? !dep || uai : !uai || dep)
		return cli_usage_error("%s", role == CANTINE_ROLE_DEPARTEMENT
			? "le rôle departement demande --departement DD (et pas --etab)"
			: "ce rôle demande --etab UAI (et pas --departement)", usage_user);
	if (!ctx)
		return -1;
	rc = cantine_user_add(ctx, name, (cantine_role)role,
			      role == CANTINE_ROLE_DEPARTEMENT ? dep : uai);
	if (rc)
		return cli_fail(ctx, rc);
	printf("Utilisateur « %s » ajouté : %s de %s.\n", name,
	       cantine_role_name((cantine_role)role), role == CANTINE_ROLE_DEPARTEMENT ? dep : uai);
	return EXIT_OK;
}

static int user_list(cantine_ctx *ctx, int argc, char **argv)
{
	cantine_users *u = NULL;
	size_t i;
	int rc;

	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0))
		return fputs(usage_user, stdout), EXIT_OK;
	if (argc > 1)
		return cli_usage_error("argument « %s » en trop", argv[1], usage_user);
	if (!ctx)
		return -1;
	if ((rc = cantine_user_list(&u, ctx)))
		return cli_fail(ctx, rc);
	if (cantine_users_count(u) == 0)
		printf("Aucun utilisateur : le public seulement.\n");
	for (i = 0; i < cantine_users_count(u); i++) {
		const cantine_user *x = cantine_users_get(u, i);

		if (x->etab_name)
			printf("%s\t%s\t%s (%s)\n", x->name, cantine_role_name(x->role), x->scope,
			       x->etab_name);
		else
			printf("%s\t%s\t%s\n", x->name, cantine_role_name(x->role), x->scope);
	}
	cantine_users_free(u);
	return EXIT_OK;
}

static int user_remove(cantine_ctx *ctx, int argc, char **argv)
{
	int rc;

	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0))
		return fputs(usage_user, stdout), EXIT_OK;
	if (argc != 2)
		return cli_usage_error("%s", "donnez un seul NOM d'utilisateur", usage_user);
	if (!ctx)
		return -1;
	if ((rc = cantine_user_remove(ctx, argv[1])))
		return cli_fail(ctx, rc);
	printf("Utilisateur « %s » retiré.\n", argv[1]);
	return EXIT_OK;
}

int cmd_user(cantine_ctx *ctx, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage_error("%s", "donnez add, list ou remove", usage_user);
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
		return fputs(usage_user, stdout), EXIT_OK;
	if (strcmp(argv[1], "add") == 0)
		return user_add(ctx, argc - 1, argv + 1);
	if (strcmp(argv[1], "list") == 0)
		return user_list(ctx, argc - 1, argv + 1);
	if (strcmp(argv[1], "remove") == 0)
		return user_remove(ctx, argc - 1, argv + 1);
	return cli_usage_error("sous-commande « %s » inconnue : add, list ou remove", argv[1],
			       usage_user);
}
