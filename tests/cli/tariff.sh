#!/bin/bash
# tariff.sh: `cantine tariff import|show|price|check` and the `tarifs`
# kind of import/export (docs/formats.md, "tarifs"): the example grids of
# the Nord and Pas-de-Calais demo collèges, the price a family pays at
# tier boundaries (both inclusive), the checks (exit 1 when a rule fails),
# a bad file through `tariff import` (exit 2, store unchanged), the export
# round trip, usage errors.
#
#   CANTINE=build/frontends/cli/cantine SRCDIR=. bash tests/cli/tariff.sh

. "$(dirname "$0")/lib.sh"

EX="$SRCDIR/examples"
S="$T/store.db"
make_store "$S"
import_or_abort "$S" etablissements "$EX/etablissements.csv"

C="tariff import, Nord"
run_cantine --db "$S" tariff import "$EX/tarifs-nord.csv"
expect_rc 0 "$C"
expect_stdout "tarifs-nord.csv : 14 lignes lues, 14 créés, 0 mis à jour." "$C"
C="import tarifs, Pas-de-Calais"
run_cantine --db "$S" import tarifs "$EX/tarifs-pas-de-calais.csv"
expect_rc 0 "$C"
expect_eq "$(count_rows "$S" tariff)" 2 "$C: grids"
expect_eq "$(count_rows "$S" tariff_tier)" 10 "$C: tiers"

C="show, Nord"
run_cantine --db "$S" tariff show --etab 0595871L --annee 2026-2027
expect_rc 0 "$C"
expect_stdout_line "Prix du ticket (élève) : 3,10 €" "$C"
expect_stdout_line "Remise d'ordre : absence justifiée d'au moins 5 jours d'école consécutifs" "$C"
expect_stdout "Commensal B                    4,23 €" "$C"
expect_stdout "Aide DP 2 enfants, taux 2 : RFR de 11 000,01 € à 17 000,00 €, 2 enfants ; aide 1,44 € par repas, la famille paie 1,66 € (Département)" "$C"
C="show, Pas-de-Calais"
run_cantine --db "$S" tariff show --etab 0622413L --annee 2026-2027
expect_rc 0 "$C"
expect_stdout_line "Forfait 5 jours par trimestre : 183,60 € pour 60 repas (3,06 € le repas)" "$C"
expect_stdout "Boursiers : boursiers ; la famille paie 1,20 € par repas (Département)" "$C"

# price at the boundaries of the 2-children brackets: 11000,00 | 11000,01
C="price, RFR 11000 € with 2 children (upper bound, inclusive)"
run_cantine --db "$S" tariff price --etab 0595871L --annee 2026-2027 --rfr 11000 --enfants 2
expect_rc 0 "$C"
expect_stdout "Tranche : Aide DP 2 enfants, taux 3" "$C"
expect_stdout_line "Aide : 1,87 € par repas, financée par : Département" "$C"
expect_stdout_line "La famille paie : 1,23 € par repas" "$C"
C="price, RFR 11000,01 € with 2 children (next bracket)"
run_cantine --db "$S" tariff price --etab 0595871L --annee 2026-2027 --rfr 11000,01 --enfants 2
expect_rc 0 "$C"
expect_stdout "Tranche : Aide DP 2 enfants, taux 2" "$C"
expect_stdout_line "La famille paie : 1,66 € par repas" "$C"
C="price, RFR above every bracket"
run_cantine --db "$S" tariff price --etab 0595871L --annee 2026-2027 --rfr 23000.01 --enfants 2
expect_rc 0 "$C"
expect_stdout "Aucune tranche ne s'applique" "$C"
expect_stdout_line "La famille paie : 3,10 € par repas" "$C"
C="price, 6 children: the 3-children brackets"
run_cantine --db "$S" tariff price --etab 0595871L --annee 2026-2027 --rfr 27000 --enfants 6
expect_stdout "Tranche : Aide DP 3 enfants et plus, taux 1" "$C"
expect_stdout_line "La famille paie : 2,21 € par repas" "$C"
C="price, bursary, Pas-de-Calais"
run_cantine --db "$S" tariff price --etab 0622413L --annee 2026-2027 --boursier
expect_rc 0 "$C"
expect_stdout_line "Aide : 1,86 € par repas, financée par : Département" "$C"
expect_stdout_line "La famille paie : 1,20 € par repas" "$C"

C="check, Nord"
run_cantine --db "$S" tariff check --etab 0595871L --annee 2026-2027
expect_rc 0 "$C"
expect_stdout_line "0 erreur, 0 point d'attention." "$C"

# A grid that claims to be progressive and "cantine à 1 €" with 2 levels.
cat >"$T/claims.csv" <<'CSV'
uai,annee,element,libelle,prix_ticket,cout_usager,progressif,cantine_1_euro,critere,de,a,prix_famille
0593904Y,2026-2027,grille,,3.00,4.00,oui,oui,,,,
0593904Y,2026-2027,tranche,QF bas,,,,,qf,0,1000,1.50
CSV
run_cantine --db "$S" tariff import "$T/claims.csv"
expect_rc 0 "claims: import"
C="check, claims not met"
run_cantine --db "$S" tariff check --etab 0593904Y --annee 2026-2027
expect_rc 1 "$C"
expect_stdout "core.tariff-progressive" "$C"
expect_stdout "ne compte que 2 niveaux de prix famille" "$C"
expect_stdout "aucune tranche à 1 € ou moins (la plus basse est à 1,50 €)" "$C"
expect_stdout "core.tariff-cantine-1e-college" "$C"
expect_stdout "3 erreurs, 1 point d'attention." "$C"

# A bad file through `tariff import`: refused, store unchanged.
dump_db "$S" >"$T/before.dump"
C="tariff import, overlapping tiers"
run_cantine --db "$S" tariff import "$DATA/bad/tarifs-tranches-qui-se-chevauchent.csv"
expect_rc 2 "$C"
expect_stderr "ligne 4, colonne 11 (de) : la tranche « QF 2 » chevauche" "$C"
expect_stderr "rien n'a été importé" "$C"
dump_db "$S" >"$T/after.dump"
expect_same_file "$T/before.dump" "$T/after.dump" "$C: store unchanged"

C="export tarifs, round trip"
run_cantine --db "$S" export tarifs
expect_rc 0 "$C"
cp "$OUT" "$T/export.csv"
expect_stdout "0595871L,2026-2027,tranche,\"Aide DP 1 enfant, taux 3\",,,,,,,,,,,rfr,,9000.00,1,1.87," "$C"
S2="$T/store2.db"
make_store "$S2"
import_or_abort "$S2" etablissements "$EX/etablissements.csv"
import_or_abort "$S2" tarifs "$T/export.csv"
run_cantine --db "$S2" export tarifs
expect_same_file "$T/export.csv" "$OUT" "$C: the same file again"
run_cantine --db "$S" import tarifs "$T/export.csv"
expect_rc 0 "$C: reimport"
expect_stdout "0 créé, 20 mis à jour." "$C: reimport"

# usage
C="price without a situation"
run_cantine --db "$S" tariff price --etab 0595871L --annee 2026-2027
expect_rc 2 "$C"
expect_stderr "donnez une situation et une seule" "$C"
C="price, --rfr without --enfants"
run_cantine --db "$S" tariff price --etab 0595871L --annee 2026-2027 --rfr 100
expect_rc 2 "$C"
expect_stderr "--rfr demande --enfants K" "$C"
C="price, bad amount"
run_cantine --db "$S" tariff price --etab 0595871L --annee 2026-2027 --qf 12,345
expect_rc 2 "$C"
expect_stderr "« 12,345 » n'est pas un montant en euros" "$C"
C="show, bad year"
run_cantine --db "$S" tariff show --etab 0595871L --annee 2026
expect_rc 2 "$C"
expect_stderr "année scolaire « 2026 » invalide" "$C"
C="show, no grid that year"
run_cantine --db "$S" tariff show --etab 0595871L --annee 2024-2025
expect_rc 2 "$C"
expect_stderr "aucune grille tarifaire pour 0595871L en 2024-2025" "$C"
C="unknown subcommand"
run_cantine --db "$S" tariff bill
expect_rc 2 "$C"
expect_stderr "sous-commande « bill » inconnue" "$C"
C="--help"
run_cantine tariff --help
expect_rc 0 "$C"
expect_stdout "tariff price [--etab UAI] [--annee AAAA-AAAA]" "$C"
run_cantine --help
expect_stdout "tariff check [--etab UAI] [--annee AAAA-AAAA]" "main --help"

finish
