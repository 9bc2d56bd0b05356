#!/bin/bash
# user.sh: `cantine user add|list|remove`: the users of the web pages and
# their roles (docs/cgi.md, "Roles"); every bad input is refused with
# exit code 2, a French message, and the store unchanged.
#
#   CANTINE=build/frontends/cli/cantine SRCDIR=. bash tests/cli/user.sh

. "$(dirname "$0")/lib.sh"

S="$T/store.db"
make_store "$S"
import_or_abort "$S" etablissements "$GOOD/etablissements.csv"

run_cantine --db "$S" user --help
expect_rc 0 "user --help"
expect_stdout "gestionnaire d'un collège" "user --help"
run_cantine --db "$S" user list
expect_rc 0 "user list, empty"
expect_stdout "Aucun utilisateur" "user list, empty"

run_cantine --db "$S" user add "Mme Durand" --role comité --etab 0595871L
expect_rc 0 "user add comité"
expect_stdout "Utilisateur « Mme Durand » ajouté : comite de 0595871L." "user add comité"
run_cantine --db "$S" user add gest --role gestionnaire --etab 0622413L
expect_rc 0 "user add gestionnaire"
run_cantine --db "$S" user add dep59 --role departement --departement 59
expect_rc 0 "user add departement"
run_cantine --db "$S" user list
expect_rc 0 "user list"
expect_stdout_line "Mme Durand	comite	0595871L (Collège Louise Michel)" "user list: comité"
expect_stdout_line "gest	gestionnaire	0622413L (Collège Émile Zola)" "user list: gestionnaire"
expect_stdout_line "dep59	departement	59" "user list: département"

# Bad inputs: exit 2, a French message, nothing written.
users() {
	sqlite3 "$S" "SELECT name, role, coalesce(etab_id, ''), coalesce(departement, '') FROM app_user ORDER BY name"
}
before=$(users)
bad() {
	local what=$1 msg=$2
	shift 2
	run_cantine --db "$S" user "$@"
	expect_rc 2 "$what"
	expect_stderr "$msg" "$what"
	expect_eq "$(users)" "$before" "$what: users unchanged"
}
bad "no subcommand" "donnez add, list ou remove"
bad "unknown subcommand" "sous-commande « rename » inconnue"  rename x
bad "no role" "donnez le rôle avec --role"  add x --etab 0595871L
bad "unknown role" "rôle « chef » inconnu"  add x --role chef --etab 0595871L
bad "role public" "rôle « public » inconnu"  add x --role public --etab 0595871L
bad "comité without --etab" "ce rôle demande --etab UAI"  add x --role comite
bad "département with --etab" "le rôle departement demande --departement"  add x --role departement --etab 0595871L
bad "invalid UAI" "code UAI « 0595871M » invalide"  add x --role comite --etab 0595871M
bad "unknown collège" "aucun collège d'UAI « 0591234W »"  add x --role comite --etab 0591234W
bad "invalid département" "département « 00 » invalide"  add x --role departement --departement 00
bad "invalid département 977" "département « 977 » invalide"  add x --role departement --departement 977
bad "user exists" "l'utilisateur « gest » existe déjà"  add gest --role comite --etab 0595871L
bad "two names" "donnez un seul NOM"  add a b --role comite --etab 0595871L
bad "name with a colon" "ni caractère de contrôle ni « : »"  add "a:b" --role comite --etab 0595871L
bad "unknown option" "--roles"  add x --roles comite
bad "remove unknown" "aucun utilisateur « personne »"  remove personne
bad "list with an argument" "argument « x » en trop"  list x

run_cantine --db "$S" user remove gest
expect_rc 0 "user remove"
expect_stdout "Utilisateur « gest » retiré." "user remove"
expect_eq "$(count_rows "$S" app_user)" "2" "user remove: one row less"

finish
