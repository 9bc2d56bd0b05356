#!/bin/bash
# egalim.sh: `cantine egalim`: the EGALIM objectives of a year's purchases
# (the egalim plugin through the real host and store), its exit codes and
# its usage errors.
#
#   CANTINE=build/frontends/cli/cantine SRCDIR=. bash tests/cli/egalim.sh

. "$(dirname "$0")/lib.sh"

S="$T/store.db"
make_store "$S"
import_or_abort "$S" etablissements "$GOOD/etablissements.csv"
run_cantine --db "$S" purchase import "$DATA/purchases/good-current.csv"
expect_rc 0 "purchase import"

# 2025: 90,11 € of organic potatoes in 402,86 €: 22,37 % bio; everything
# is EGALIM; France under the 2025 rule (France, circuit court or local).
C="egalim 2025"
run_cantine --db "$S" egalim --etab 0595871L --annee 2025 --tout
expect_rc 0 "$C"
expect_stdout_line "Objectifs EGALIM de Collège Louise Michel (0595871L), achats de 2025" "$C"
expect_stdout "egalim.bio            2025 : bio 22,37 % (90,11 € sur 402,86 € d'achats HT) ; objectif 20 % atteint (hexagone)" "$C"
expect_stdout "produits durables et de qualité (bio compris) 100,00 % (402,86 € sur 402,86 € d'achats HT)" "$C"
expect_stdout "origine France 22,43 % (circuit court et local compris, règle 2025)" "$C: the 2025 France rule"
# Ici je mange local: the Maroilles (local, PAT) counts; the potatoes are
# local by a distance (80 km), which may cross the region's border.
# 20 % of 402,86 € is 80,58 € (rounded up), 0,12 € are local: 80,46 €.
expect_stdout "2025 : Ici je mange local : aucune étoile (local 0,03 %, 1 filière, bio régional 0,00 %) ; pour 1 étoile : 80,46 € d'achats locaux de plus, 1 filière de plus" "$C: Ici je mange local"
expect_stdout_line "0 erreur, 0 point d'attention." "$C"
run_cantine --db "$S" egalim --etab 0595871L --annee 2025
expect_stdout_not "information" "$C: without --tout, objectives met are not listed"

# A year without purchases: undefined, not 0 %.
run_cantine --db "$S" egalim --etab 0595871L --annee 2024
expect_rc 0 "egalim without purchases"
expect_stdout "aucun achat enregistré : les taux EGALIM ne sont pas définis (ni 0 % ni 100 %)" "egalim without purchases"

# A missed objective: exit 1 and what is missing.
printf '%s\n' 'siret,description,fournisseur,date,prix_ht,famille_produits,categories_egalim,origine,est_circuit_court,est_local,definition_local,definition_local_km' \
	'19595871500011,Riz,Épicerie,2023-03-01,1000.00,AUTRES,,,,,,' \
	'19595871500011,Lentilles bio,Épicerie,2023-03-02,199.99,AUTRES,BIO,FRANCE,,,,' >"$T/a2023.csv"
run_cantine --db "$S" purchase import "$T/a2023.csv"
expect_rc 0 "purchase import 2023"
run_cantine --db "$S" egalim --etab 0595871L --annee 2023
expect_rc 1 "egalim 2023: objectives missed"
expect_stdout "2023 : bio 16,67 % (199,99 € sur 1 199,99 € d'achats HT) ; objectif 20 %" "egalim 2023"
expect_stdout "il manque 40,01 € d'achats bio pour l'atteindre, à dépense totale égale" "egalim 2023: the amount missing"
expect_stdout_not "viandes-poissons" "egalim 2023: no meat and fish objective before 2024"

# Usage errors.
run_cantine --db "$S" egalim --annee 23
expect_rc 2 "egalim, bad year"
expect_stderr "année « 23 » invalide : écrivez-la sur 4 chiffres" "egalim, bad year"
run_cantine --db "$S" egalim --etab 0750654D --annee 2025
expect_rc 2 "egalim, unknown establishment"
run_cantine egalim --help
expect_rc 0 "egalim --help"
expect_stdout "Usage : cantine [--db FICHIER] egalim [--etab UAI] [--annee AAAA] [--tout]" "egalim --help"

finish
