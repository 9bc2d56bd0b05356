#!/bin/bash
# bill.sh: `cantine bill` and the `repas` kind of import/export on the
# demo collège (examples/): the term's totals, one pupil's bill with a
# week of justified illness (deducted) and one with two days (charged),
# the remise setting, the CSV adding up to the totals, the printable
# statements, the store left unchanged, usage and input errors.
#
#   CANTINE=build/frontends/cli/cantine SRCDIR=. bash tests/cli/bill.sh

. "$(dirname "$0")/lib.sh"

EX="$SRCDIR/examples"
S="$T/store.db"
make_store "$S"
import_or_abort "$S" etablissements "$EX/etablissements.csv"
import_or_abort "$S" inscriptions "$EX/inscriptions.csv"
import_or_abort "$S" tarifs "$EX/tarifs-nord.csv"
import_or_abort "$S" absences "$EX/absences.csv"
C="import repas"
run_cantine --db "$S" import repas "$EX/repas.csv"
expect_rc 0 "$C"
expect_stdout "repas.csv : 268 lignes lues, 268 créés, 0 mis à jour." "$C"
dump_db "$S" >"$T/before.dump"

T1=(--trimestre 1 --annee 2026-2027 --etab 0595871L)

C="totals of the first term"
run_cantine --db "$S" bill "${T1[@]}"
expect_rc 0 "$C"
expect_stdout "Facturation du trimestre 1 (septembre–décembre) de l'année scolaire 2026-2027, du 2026-09-01 au 2026-12-31" "$C"
expect_stdout "Collège Louise Michel (0595871L) : 155 factures, 7 484 repas facturés ; remise d'ordre dès 5 jours d'école consécutifs" "$C"
TOTAL=$(sed -n 's/^  Facturé  *\([0-9 ]*,[0-9][0-9]\) €$/\1/p' "$OUT" | tr -d ' ' | tr , .)
FAMILIES=$(sed -n 's/^    à la charge des familles  *\([0-9 ]*,[0-9][0-9]\) €$/\1/p' "$OUT" | tr -d ' ' | tr , .)
expect_eq "$TOTAL" "23200.40" "$C: charged"
expect_eq "$FAMILIES" "22897.35" "$C: families"

C="a week of justified illness is deducted (remise d'ordre)"
run_cantine --db "$S" bill "${T1[@]}" --eleve E2026-0005
expect_rc 0 "$C"
expect_stdout "Élève E2026-0005, classe 4C, demi-pension 4 jours, Collège Louise Michel (0595871L)" "$C"
expect_stdout "Repas du trimestre au prix du ticket (55 jours)                     170,50 €" "$C"
expect_stdout "Déduction : remise d'ordre (absence justifiée), 4 jours             -12,40 €" "$C"
expect_stdout "Reste à payer par la famille                                        158,10 €" "$C"

C="two days of justified illness are charged"
run_cantine --db "$S" bill "${T1[@]}" --eleve E2026-0009
expect_rc 0 "$C"
expect_stdout "Reste à payer par la famille                                        170,50 €" "$C"
expect_stdout "2 jours d'absence facturés : absence non justifiée, ou de moins de 5 jours d'école consécutifs" "$C"
expect_stdout_not "remise d'ordre" "$C"

C="--remise-jours 2: the two days are deducted"
run_cantine --db "$S" bill "${T1[@]}" --eleve E2026-0009 --remise-jours 2
expect_rc 0 "$C"
expect_stdout "Déduction : remise d'ordre (absence justifiée), 2 jours" "$C"
expect_stdout "Reste à payer par la famille                                        164,30 €" "$C"

C="CSV: one row per bill"
run_cantine --db "$S" bill "${T1[@]}" --format csv
expect_rc 0 "$C"
expect_stdout_line "uai,eleve,classe,regime,mode,tranche,financeur,jours_trimestre,jours_factures,jours_remise,jours_fermeture,jours_classe_absente,jours_hors_inscription,repas_ticket,absences_facturees,brut,deduit_remise,deduit_fermeture,deduit_classe_absente,deduit_hors_inscription,facture,aide,famille" "$C"
# csv_sum COLUMN [FILTER-COLUMN VALUE]...: the sum of a column of the
# bills (n: their number), read as CSV (tier labels hold commas).
csv_sum() {
	python3 - "$OUT" "$@" <<'PY'
import csv, decimal, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
for i in range(3, len(sys.argv), 2):
    rows = [r for r in rows if r[sys.argv[i]] == sys.argv[i + 1]]
print(sum(decimal.Decimal(r[sys.argv[2]]) for r in rows) if sys.argv[2] != "n" else len(rows))
PY
}
expect_eq "$(csv_sum n)" 155 "$C: rows"
C="CSV: the bills add up to the totals"
expect_eq "$(csv_sum facture)" "$TOTAL" "$C: charged"
expect_eq "$(csv_sum famille)" "$FAMILIES" "$C: families"
expect_eq "$(python3 -c "import decimal; print(decimal.Decimal('$(csv_sum famille)') + decimal.Decimal('$(csv_sum aide)'))")" "$TOTAL" "$C: families + aids"
expect_eq "$(csv_sum repas_ticket)" 268 "$C: ticket meals"
C="the class outing is deducted for every pupil of 4B, and only them"
DP4_4B=$(awk -F, '$5 == "4B" && $3 == "DP4"' "$EX/inscriptions.csv" | wc -l)
expect_eq "$(csv_sum n classe 4B regime DP4)" "$DP4_4B" "$C: 4B forfait pupils billed"
expect_eq "$(csv_sum jours_classe_absente classe 4B)" "$((2 * DP4_4B))" "$C: 2 days each"
expect_eq "$(csv_sum jours_classe_absente classe 5A)" 0 "$C: not 5A"

C="HTML statements, one per bill"
run_cantine --db "$S" bill "${T1[@]}" --format html
expect_rc 0 "$C"
expect_eq "$(grep -c '<section>' "$OUT")" 155 "$C: sections"
expect_stdout "Relevé de demi-pension — trimestre 1 (septembre–décembre) 2026-2027" "$C"
expect_stdout "du 23/11/2026 au 27/11/2026 (4 jours) : remise d'ordre (absence justifiée)" "$C"
expect_stdout_not "<script" "$C"
cp "$OUT" "$T/statements.html"

C="the whole département (one collège with pupils)"
run_cantine --db "$S" bill --trimestre 1 --annee 2026-2027 --departement 59
expect_rc 0 "$C"
expect_stdout "Collège Louise Michel (0595871L) : 155 factures" "$C"
C="a département without pupils"
run_cantine --db "$S" bill --trimestre 1 --annee 2026-2027 --departement 62
expect_rc 0 "$C"
expect_stdout "Aucun élève inscrit pendant ce trimestre." "$C"

dump_db "$S" >"$T/after.dump"
expect_same_file "$T/before.dump" "$T/after.dump" "billing writes nothing"

C="export repas, then import into another store: the same meals"
run_cantine --db "$S" export repas
expect_rc 0 "$C"
cp "$OUT" "$T/repas.csv"
S2="$T/store2.db"
make_store "$S2"
import_or_abort "$S2" etablissements "$EX/etablissements.csv"
import_or_abort "$S2" inscriptions "$EX/inscriptions.csv"
import_or_abort "$S2" repas "$T/repas.csv"
run_cantine --db "$S2" export repas
expect_same_file "$T/repas.csv" "$OUT" "$C"

# ---- usage and input errors: exit 2, a French message ----
C="no term"
run_cantine --db "$S" bill --annee 2026-2027
expect_rc 2 "$C"
expect_stderr "donnez le trimestre : --trimestre 1, 2 ou 3" "$C"
C="term 4"
run_cantine --db "$S" bill --trimestre 4
expect_rc 2 "$C"
expect_stderr "trimestre « 4 » inconnu" "$C"
C="--remise-jours 0"
run_cantine --db "$S" bill --trimestre 1 --remise-jours 0
expect_rc 2 "$C"
expect_stderr "--remise-jours « 0 » : donnez un nombre de jours de 1 à 60" "$C"
C="--etab and --departement"
run_cantine --db "$S" bill --trimestre 1 --etab 0595871L --departement 59
expect_rc 2 "$C"
expect_stderr "--etab et --departement s'excluent" "$C"
C="unknown format"
run_cantine --db "$S" bill --trimestre 1 --format pdf
expect_rc 2 "$C"
expect_stderr "format « pdf » inconnu : texte, csv ou html" "$C"
C="unknown pupil"
run_cantine --db "$S" bill "${T1[@]}" --eleve E2026-9999
expect_rc 2 "$C"
expect_stderr "aucun élève « E2026-9999 » inscrit à 0595871L pendant le trimestre 1 de 2026-2027" "$C"
C="a year without pupils: nothing to bill"
run_cantine --db "$S" bill --trimestre 1 --annee 2025-2026 --etab 0595871L
expect_rc 0 "$C"
expect_stdout "Aucun élève inscrit pendant ce trimestre." "$C"
C="bad school year"
run_cantine --db "$S" bill --trimestre 1 --annee 2026
expect_rc 2 "$C"
expect_stderr "« 2026 » n'est pas une année scolaire" "$C"
C="unknown establishment"
run_cantine --db "$S" bill --trimestre 1 --annee 2026-2027 --etab 0999999X
expect_rc 2 "$C"
expect_stderr "aucun établissement d'UAI « 0999999X »" "$C"
C="pupils but no grid"
S3="$T/store3.db"
make_store "$S3"
import_or_abort "$S3" etablissements "$EX/etablissements.csv"
import_or_abort "$S3" inscriptions "$EX/inscriptions.csv"
run_cantine --db "$S3" bill --trimestre 1 --annee 2026-2027
expect_rc 2 "$C"
expect_stderr "aucune grille tarifaire pour 0595871L en 2026-2027" "$C"
C="help"
run_cantine bill --help
expect_rc 0 "$C"
expect_stdout "Usage : cantine [--db FICHIER] bill --trimestre N" "$C"
run_cantine --help
expect_stdout "bill --trimestre N" "main help lists bill"

finish
