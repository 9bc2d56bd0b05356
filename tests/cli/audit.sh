#!/bin/bash
# audit.sh: `cantine audit` (the departmental audit in its four formats)
# and `cantine bilan` (ma-cantine's bilans, validated against their
# schemas), their exit codes and their usage errors.
#
#   CANTINE=build/frontends/cli/cantine SRCDIR=. bash tests/cli/audit.sh

. "$(dirname "$0")/lib.sh"

VALIDATE="$SRCDIR/tests/cli/validate_table.py"
S="$T/store.db"
make_store "$S"
import_or_abort "$S" etablissements "$GOOD/etablissements.csv"
run_cantine --db "$S" purchase import "$DATA/purchases/good-current.csv"
expect_rc 0 "purchase import"
# Zola (62): 2025, 1 000,00 € of which 100,00 € bio, nothing else EGALIM.
printf '%s\n' 'siret,description,fournisseur,date,prix_ht,famille_produits,categories_egalim,origine,est_circuit_court,est_local,definition_local,definition_local_km' \
	'19622413300013,Riz,Épicerie,2025-03-01,900.00,AUTRES,,,,,,' \
	'19622413300013,Lentilles bio,Épicerie,2025-03-02,100.00,AUTRES,BIO,FRANCE,,,,' >"$T/zola.csv"
run_cantine --db "$S" purchase import "$T/zola.csv"
expect_rc 0 "purchase import, Zola"

C="audit 2025"
run_cantine --db "$S" audit --annee 2025
expect_rc 1 "$C: Zola misses its objectives"
expect_stdout_line "Audit EGALIM des achats de 2025 : 2 établissements, objectifs atteints par 1" "$C"
expect_stdout "Collège Louise Michel          0595871L       402,86 €  22,37 % 100,00 % 100,00 % 100,00 %   0,03 %" "$C: Louise Michel"
# the total is a sum of amounts: 190,11 € bio of 1 402,86 €
expect_stdout "Total                                       1 402,86 €  13,55 %" "$C: total"
expect_stdout_line "- Collège Émile Zola (0622413L) : il manque 100,00 € d'achats bio pour atteindre 20 % ; il manque 400,00 € d'achats durables et de qualité (EGALIM, bio compris) pour atteindre 50 %" "$C: what is missing"
expect_stdout_not "- Collège Louise Michel" "$C: nothing missing for Louise Michel"

run_cantine --db "$S" audit --annee 2025 --departement 59
expect_rc 0 "audit 59: every objective met"
expect_stdout_line "Audit EGALIM des achats de 2025, département 59 : 1 établissement, objectifs atteints par 1" "audit 59"

run_cantine --db "$S" audit --year 2025 --tri bio --format csv
expect_rc 1 "audit csv"
expect_eq "$(sed -n 2p "$OUT" | cut -d, -f1)" "0622413L" "audit csv --tri bio: the lowest first"
expect_eq "$(sed -n 3p "$OUT" | cut -d, -f1)" "0595871L" "audit csv --tri bio"
expect_eq "$(sed -n 4p "$OUT" | cut -d, -f2,5,6)" "Total,1402.86,190.11" "audit csv: the total row"
run_cantine --db "$S" audit --annee 2025 --tri bio --decroissant --format csv
expect_eq "$(sed -n 2p "$OUT" | cut -d, -f1)" "0595871L" "audit csv --decroissant"

run_cantine --db "$S" audit --annee 2025 --format xml
expect_stdout '<audit xmlns="urn:cantine:audit:1" annee="2025">' "audit xml"
expect_stdout '<parts bio="10.00" egalim="10.00" local="0.00"/>' "audit xml: Zola's shares"
run_cantine --db "$S" audit --annee 2025 --format html
expect_stdout '<html lang="fr">' "audit html"
expect_eq "$(grep -o '<svg' "$OUT" | wc -l)" 5 "audit html: five charts"
expect_stdout "il manque 100,00 € d'achats bio pour atteindre 20 %" "audit html: what is missing"

# A year without purchases: nothing is evaluable, nothing fails.
run_cantine --db "$S" audit --annee 2024
expect_rc 0 "audit 2024"
expect_stdout "objectifs atteints par 0 (2 sans achat enregistré)" "audit 2024"

# The bilans, valid against ma-cantine's schemas.
run_cantine --db "$S" bilan --annee 2025
expect_rc 0 "bilan simple"
cp "$OUT" "$T/simple.csv"
if python3 "$VALIDATE" "$DATA/bilans/bilans_simple_siret.schema.json" "$T/simple.csv" --rows 2 >"$T/valid.out"; then
	pass "bilan simple: valid against bilans_simple_siret.schema.json"
else
	fail "bilan simple: $(cat "$T/valid.out")"
fi
expect_stdout_line "19595871500011,2025,402.86,90.11,0.00,0.25,0.00,312.50,0.00,0.13,0.13,0.13,312.50,312.50,0.00,90.11,0.00,0.12,0.00,0.00,0.00" "bilan simple: Louise Michel"
run_cantine --db "$S" bilan --annee 2025 --detaille --departement 62
expect_rc 0 "bilan détaillé"
cp "$OUT" "$T/detail.csv"
if python3 "$VALIDATE" "$DATA/bilans/bilans_detaille.schema.json" "$T/detail.csv" --rows 1 >"$T/valid.out"; then
	pass "bilan détaillé: valid against bilans_detaille.schema.json"
else
	fail "bilan détaillé: $(cat "$T/valid.out")"
fi
# The validator is no rubber stamp: a row with a comma amount is refused.
sed 's/,100\.00,/,100\,00,/' "$T/simple.csv" >"$T/bad.csv"
sed -i '2s/402\.86/402,86/' "$T/bad.csv"
if python3 "$VALIDATE" "$DATA/bilans/bilans_simple_siret.schema.json" "$T/bad.csv" >/dev/null; then
	fail "validate_table.py accepts a bilan with a wrong row"
else
	pass "validate_table.py refuses a bilan with a wrong row"
fi
run_cantine --db "$S" bilan --annee 2024
expect_rc 0 "bilan 2024"
expect_stderr "2 établissements sans achat en 2024 ne sont pas dans le bilan." "bilan 2024"

# Usage errors: exit 2, a French message, the store unchanged.
before=$(sha256sum "$S")
run_cantine --db "$S" audit --annee 2025 --format pdf
expect_rc 2 "audit, bad format"
expect_stderr "format « pdf » inconnu : texte, csv, xml ou html" "audit, bad format"
run_cantine --db "$S" audit --annee 2025 --tri taille
expect_rc 2 "audit, bad sort key"
expect_stderr "clé de tri « taille » inconnue" "audit, bad sort key"
run_cantine --db "$S" audit --annee 25
expect_rc 2 "audit, bad year"
run_cantine --db "$S" audit --annee 2025 --departement "5'9"
expect_rc 2 "audit, bad département"
expect_stderr "département « 5'9 » invalide : donnez son code, par exemple 59 ou 2A" "audit, bad département"
run_cantine --db "$S" audit --annee 2025 --departement 75
expect_rc 2 "audit, a département without collège"
expect_stderr "aucun établissement du département 75 dans la base" "audit, a département without collège"
run_cantine --db "$S" bilan --annee 2025 --departement 2C
expect_rc 2 "bilan, bad département"
expect_eq "$(sha256sum "$S")" "$before" "usage errors: the store unchanged"
run_cantine audit --help
expect_rc 0 "audit --help"
expect_stdout "Usage : cantine [--db FICHIER] audit [--annee AAAA] [--departement DD]" "audit --help"
run_cantine bilan --help
expect_rc 0 "bilan --help"

finish
