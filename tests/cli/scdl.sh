#!/bin/bash
# scdl.sh: `cantine export-scdl` and `cantine import-scdl`, the national
# open-data menu format (SCDL menus collectifs 1.2.3, docs/formats.md):
#   (a) the export of the fixture menus, every row validated against the
#       schema by validate_table.py (standard library only) with the copy of
#       the schema in tests/data/scdl/ (never ../shared);
#   (b) round trip: export, import into a store with the same
#       establishments only (the dishes come back as declared dishes, with
#       their declared price), export again: the same bytes; a local
#       change after the import is a modification of the imported meal;
#   (c) a file written the way Antibes publishes its menus (synthetic, see
#       tests/data/scdl/SOURCE.md): the warnings, and the resulting week;
#   (d) bad files: exit 2, French message with line and column, store
#       unchanged.
#
#   CANTINE=build/frontends/cli/cantine SRCDIR=. bash tests/cli/scdl.sh

. "$(dirname "$0")/lib.sh"

# Debian's python3 (the PATH one may lack python3-icalendar).
PY=/usr/bin/python3
VALIDATE="$SRCDIR/tests/cli/validate_table.py"
SD="$DATA/scdl"
SCHEMA="$SD/menus-collectifs-1.2.3.schema.json"
HEADER="menuCollNom,menuCollSiret,menuEtablissementNom,menuEtablissementSiret,menuRestaurantNom,menuRestaurantInsee,menuRestaurantId,menuRestaurantIdType,menuRestaurantType,menuRestaurantConvive,menuDate,menuRepasType,menuPlatType,menuPlatNom,menuPlatCode,menuPlatSiqo,menuPlatLabel,menuPlatPrecision,menuPlatRegime,menuPlatAllergene,menuPlatTexture,menuPlatNutriscore,menuPlatPrix,menuPublicationDate,menuModificationDate,menuModificationInfo"

# validate WHAT FILE [--rows N]: every row of FILE against the schema.
validate() {
	local what=$1 file=$2
	shift 2
	if "$PY" "$VALIDATE" "$SCHEMA" "$file" "$@" >"$T/valid.out" 2>&1; then
		pass "$what: $(tail -n 1 "$T/valid.out") against the schema${*:+ ($*)}"
	else
		fail "$what: does not validate against the schema" "$(head -n 20 "$T/valid.out")"
	fi
}

# field_values FILE FIELD: the distinct values of FIELD, one per line.
field_values() {
	"$PY" -c 'import csv, sys
print("\n".join(sorted({r[sys.argv[2]] for r in csv.DictReader(open(sys.argv[1], encoding="utf-8", newline=""))})))' "$1" "$2"
}

# dishes_offered DB STATUSES: rows an export must have (one per dish).
dishes_offered() {
	sqlite3 "$1" "SELECT count(*) FROM meal m JOIN meal_dish md ON md.meal_id = m.id
		WHERE m.status IN ($2)"
}

# ---- (a) the export of the fixture menus ----
S="$T/store.db"
make_populated_store "$S"
dump_db "$S" >"$T/before.dump"

C="export-scdl"
run_cantine --db "$S" export-scdl
expect_rc 0 "$C"
expect_stderr_empty "$C"
cp "$OUT" "$T/a.csv"
validate "$C" "$T/a.csv" --rows "$(dishes_offered "$S" 2)"
expect_eq "$(head -n 1 "$T/a.csv")" "$HEADER" "$C: header = the 26 fields in schema order"
expect_eq "$(grep -c $'\r' "$T/a.csv")" 0 "$C: LF line ends"
# A dish with a recipe: derived facts, SIQO by weight, cost per portion.
expect_stdout_line 'Collège Louise Michel,19595871500011,Collège Louise Michel,19595871500011,Collège Louise Michel,59350,0595871L,EN,collège,collégiens,2026-09-07,déjeuner,plat principal,Steak haché,,"[""label rouge""]",,,,,,,0.98,'"$(sqlite3 "$S" "SELECT at FROM meal_history h JOIN meal m ON m.id = h.meal_id JOIN etab e ON e.id = m.etab_id WHERE e.uai = '0595871L' AND m.date = '2026-09-07'")"',,' "$C: Steak haché"
# Contains and traces in one list (the schema has one), in Annex II order.
expect_stdout ',garniture,Coquillettes,,,,,"[""végétarien""]","[""céréales contenant du gluten"",""oeufs""]",,,0.10,' "$C: allergens and traces merged"
# 70 g of organic carrots and 5 g of oil: organic by weight.
expect_stdout ',entrée,Carottes râpées,,"[""agriculture biologique""]",,,"[""végétarien""]",,,,0.10,' "$C: SIQO when the labelled ingredients weigh half the dish"
# Bread: 40 g of unlabelled flour; the organic carrots of other dishes do not count.
expect_stdout ',pain,Pain,,,,,"[""végétarien""]","[""céréales contenant du gluten"",""graines de sésame""]",,,0.13,' "$C: no SIQO without labelled ingredients"
expect_stdout_not "2026-09-10" "$C: proposed meals are not published"
expect_stdout_not "0622413L" "$C: draft meals are not published"
run_cantine --db "$S" export-scdl
expect_same_file "$T/a.csv" "$OUT" "$C: byte-identical when run again"

# With the Ciqual table (the fixtures' foods), a dish whose composition is
# known gets its Nutri-Score (menuPlatNutriscore); bread and dishes with an
# ingredient without data get none.  Imported elsewhere, declared dishes
# keep it: the same bytes again.
N="$T/nutri.db"
copy_db "$S" "$N"
run_cantine --db "$N" import-ciqual "$DATA/ciqual/extrait-ciqual-2025.csv"
expect_rc 0 "import-ciqual of the extract"
run_cantine --db "$N" export-scdl
expect_rc 0 "export-scdl with Nutri-Score"
cp "$OUT" "$T/ns.csv"
validate "export-scdl with Nutri-Score" "$T/ns.csv" --rows "$(dishes_offered "$S" 2)"
"$PY" - "$T/ns.csv" >"$T/ns.out" <<'EOF'
import csv, sys
for r in csv.DictReader(open(sys.argv[1], encoding='utf-8', newline='')):
    print(r['menuPlatNom'] + '=' + r['menuPlatNutriscore'])
EOF
expect_eq "$(grep -c '=[A-E]$' "$T/ns.out" | sed 's/^[1-9][0-9]*$/some/')" "some" "export-scdl: dishes graded"
expect_eq "$(grep '^Pain=' "$T/ns.out" | sort -u)" "Pain=" "export-scdl: bread is not graded"
expect_eq "$(grep '^Carottes râpées=' "$T/ns.out" | sort -u)" "Carottes râpées=A" "export-scdl: grated carrots graded A"
R3="$T/nutri-rt.db"
make_store "$R3"
import_or_abort "$R3" etablissements "$GOOD/etablissements.csv"
run_cantine --db "$R3" import-scdl "$T/ns.csv"
expect_rc 0 "import-scdl of an export with Nutri-Score"
expect_stderr_empty "import-scdl of an export with Nutri-Score: no warning"
run_cantine --db "$R3" export-scdl
expect_same_file "$T/ns.csv" "$OUT" "round trip with Nutri-Score: the same file"
sed 's/,A,0\.10,/,a,0.10,/' "$T/ns.csv" >"$T/ns-lower.csv"
make_store "$T/nutri-lower.db"
import_or_abort "$T/nutri-lower.db" etablissements "$GOOD/etablissements.csv"
run_cantine --db "$T/nutri-lower.db" import-scdl "$T/ns-lower.csv"
expect_rc 0 "menuPlatNutriscore in lower case"
expect_stderr "(menuPlatNutriscore) : « a » lu comme « A », la valeur du schéma" "menuPlatNutriscore in lower case: a warning"
sed 's/,A,0\.10,/,F,0.10,/' "$T/ns.csv" >"$T/ns-bad.csv"
run_cantine --db "$T/nutri-lower.db" import-scdl "$T/ns-bad.csv"
expect_rc 2 "menuPlatNutriscore F"
expect_stderr "(menuPlatNutriscore) : « F » n'est pas une note Nutri-Score : écrivez une lettre de A à E" "menuPlatNutriscore F"

C="export-scdl --statut tous"
run_cantine --db "$S" export-scdl --statut tous
expect_rc 0 "$C"
cp "$OUT" "$T/all.csv"
validate "$C" "$T/all.csv" --rows "$(dishes_offered "$S" 0,1,2)"
expect_stdout ",0622413L,EN,collège,collégiens,2026-09-07,déjeuner,garniture,Coquillettes," "$C: every establishment"

C="export-scdl --etab 0595871L --from 2026-09-08 --to 2026-09-10 --statut proposé"
run_cantine --db "$S" export-scdl --etab 0595871L --from 2026-09-08 --to 2026-09-10 --statut proposé
expect_rc 0 "$C"
cp "$OUT" "$T/proposed.csv"
validate "$C" "$T/proposed.csv" --rows 4
expect_eq "$(field_values "$T/proposed.csv" menuDate)" "2026-09-10" "$C: the period and status"
expect_eq "$(dump_db "$S")" "$(cat "$T/before.dump")" "export-scdl: store unchanged"

# The validator rejects what the schema rejects, so the checks above mean
# something: the Antibes-like file has values outside the lists.
if "$PY" "$VALIDATE" "$SCHEMA" "$SD/menus-facon-antibes.csv" >"$T/valid.out" 2>&1; then
	fail "validate_table.py accepts a file with values outside the schema's lists"
else
	pass "validate_table.py rejects a file with values outside the schema's lists"
fi
expect_eq "$(grep -c "« meal » hors de la liste" "$T/valid.out")" 49 "validate_table.py: each bad value reported"

# A published meal changed with a reason: menuModificationDate and Info.
M="$T/modified.db"
copy_db "$S" "$M"
run_cantine --db "$M" import menus "$GOOD/menus-complets.csv" --raison "oubli du laitage"
expect_rc 0 "fixture: change a published meal"
run_cantine --db "$M" export-scdl --from 2026-09-08 --to 2026-09-08
expect_rc 0 "export-scdl after a change"
cp "$OUT" "$T/modified.csv"
validate "export-scdl after a change" "$T/modified.csv" --rows 6
expect_eq "$(field_values "$T/modified.csv" menuModificationInfo)" "oubli du laitage" "export-scdl: menuModificationInfo is the reason"
expect_eq "$(field_values "$T/modified.csv" menuModificationDate)" \
	"$(sqlite3 "$M" "SELECT max(at) FROM meal_history h JOIN meal m ON m.id = h.meal_id WHERE m.date = '2026-09-08'")" \
	"export-scdl: menuModificationDate is the time of the change"

# Export errors: exit 2, French message, nothing on stdout.
N="$T/nosiret.db"
make_store "$N"
printf 'uai,nom,commune_insee,departement,jours_service,eleves,demi_pensionnaires\n0750654D,Collège sans SIRET,75056,75,lun|mar|jeu|ven,300,120\n' >"$T/nosiret.csv"
import_or_abort "$N" etablissements "$T/nosiret.csv"
run_cantine --db "$N" export-scdl --etab 0750654D
expect_rc 2 "export-scdl without a SIRET"
expect_stderr "l'établissement 0750654D (Collège sans SIRET) n'a pas de SIRET, obligatoire dans le format national (menuCollSiret) ; remplissez la colonne siret du fichier etablissements" "export-scdl without a SIRET"
expect_stdout_empty "export-scdl without a SIRET"
run_cantine --db "$S" export-scdl --etab 0750654D
expect_rc 2 "export-scdl, unknown UAI"
expect_stderr "aucun établissement d'UAI « 0750654D »" "export-scdl, unknown UAI"
run_cantine --db "$S" export-scdl --from 2026-02-30
expect_rc 2 "export-scdl, impossible date"
expect_stderr "la date de début « 2026-02-30 » n'est pas une date valide" "export-scdl, impossible date"
run_cantine --db "$S" export-scdl --from 2026-09-30 --to 2026-09-01
expect_rc 2 "export-scdl, period reversed"
expect_stderr "la date de fin (2026-09-01) précède la date de début (2026-09-30)" "export-scdl, period reversed"
run_cantine --db "$S" export-scdl --statut annulé
expect_rc 2 "export-scdl, unknown status"
expect_stderr "statut « annulé » inconnu" "export-scdl, unknown status"
run_cantine --db "$S" export-scdl --format json
expect_rc 2 "export-scdl, unknown option"
expect_stderr "option « --format » inconnue" "export-scdl, unknown option"
for cmd in export-scdl import-scdl; do
	run_cantine --db "$T/never-created.db" "$cmd" --help
	expect_rc 0 "$cmd --help"
	expect_stdout "Usage : cantine [--db FICHIER]" "$cmd --help"
	expect_stderr_empty "$cmd --help"
	expect_absent "$T/never-created.db" "$cmd --help: no store created"
done

# ---- (b) round trip ----
R="$T/roundtrip.db"
make_store "$R"
import_or_abort "$R" etablissements "$GOOD/etablissements.csv"
C="import-scdl of our own export"
run_cantine --db "$R" import-scdl "$T/a.csv"
expect_rc 0 "$C"
expect_stderr_empty "$C: no warning"
expect_stdout_line "$T/a.csv : 11 lignes lues, 2 déjeuners créés, 0 mis à jour." "$C"
expect_eq "$(sqlite3 "$R" "SELECT count(*) FROM dish WHERE declared_allergens IS NOT NULL")" \
	"$(sqlite3 "$S" "SELECT count(DISTINCT md.dish_id) FROM meal_dish md JOIN meal m ON m.id = md.meal_id WHERE m.status = 2")" \
	"$C: every dish comes back as a declared dish"
expect_eq "$(count_rows "$R" dish_ingredient)" 0 "$C: no recipe"
expect_eq "$(sqlite3 "$R" "SELECT group_concat(status) FROM meal")" "2,2" "$C: meals are published"
run_cantine --db "$R" export-scdl
expect_rc 0 "export-scdl after the round trip"
cp "$OUT" "$T/b.csv"
validate "export-scdl after the round trip" "$T/b.csv" --rows 11
# The same bytes: the declared dishes keep the price the file gave, the
# meals the file's publication and modification dates (migration 007).
expect_same_file "$T/a.csv" "$T/b.csv" "round trip: the same file"
# The week shows the declared facts as the derived ones: the published
# Monday and Tuesday, cost aside, traces written as allergens (the schema
# has one list).
run_cantine --db "$S" week --etab 0595871L --date 2026-09-07
sed -n '/^Lundi/,/^Jeudi/p' "$OUT" | grep -v "^Jeudi\|Coût" | sed 's/ ; traces : /, /' >"$T/week-s"
run_cantine --db "$R" week --etab 0595871L --date 2026-09-07
expect_rc 0 "week of declared dishes"
expect_stdout "  Steak haché                      allergènes non renseignés  (sans recette : déclaré par l'éditeur du menu)" \
	"week of declared dishes: an empty list is not shown as no allergen"
sed -n '/^Lundi/,/^Jeudi/p' "$OUT" | grep -v "^Jeudi\|Coût" |
	sed 's/  (sans recette : déclaré par l.éditeur du menu)$//; s/allergènes non renseignés/sans allergène majeur/' >"$T/week-r"
expect_same_file "$T/week-s" "$T/week-r" "week of declared dishes: same dishes, [végé] marks and allergens"
expect_stdout "Coquillettes             [végé]  allergènes : gluten, œufs" "week of declared dishes"
run_cantine --db "$R" dish show "Omelette au fromage"
expect_rc 0 "dish show of a declared dish"
expect_stdout "  Végétarien   : oui" "dish show of a declared dish"
expect_stdout "  Allergènes   : œufs, lait" "dish show of a declared dish"
run_cantine --db "$R" allergens --etab 0595871L --date 2026-09-07
expect_rc 0 "allergens of declared dishes"
expect_stdout "Omelette au fromage *" "allergens of declared dishes: marked"
expect_stdout "  Steak haché *                ?    ?    ?    ?    ?    ?    ?    ?    ?    ?    ?    ?    ?    ? " \
	"allergens of declared dishes: none declared is unknown, not absent"
expect_stdout "« ? » : non renseigné" "allergens of declared dishes: legend"
run_cantine --db "$R" production --etab 0595871L --date 2026-09-07 --couverts 135
expect_rc 0 "production of declared dishes"
expect_stdout "Plats sans recette dans la base (menu importé) : quantités inconnues" "production of declared dishes"
expect_stdout "  lundi 7 septembre 2026 : Steak haché (135 portions)" "production of declared dishes"
expect_stdout_not "Aucun repas prévu" "production of declared dishes"
if "$PY" -c 'import icalendar' 2>/dev/null; then
	run_cantine --db "$R" calendar --etab 0595871L --from 2026-09-01 --to 2026-09-30
	expect_rc 0 "calendar of declared dishes"
	if "$PY" "$SRCDIR/tests/cli/parse_ical.py" "$OUT" --events 2 >"$T/ics" 2>&1 &&
	   grep -qxF "DESC 2026-09-08=Plat principal : Omelette au fromage * [végé] (allergènes : œufs, lait)" "$T/ics" &&
	   grep -qF "* Plat sans recette dans la base : régime et allergènes sont ceux que l'éditeur du menu a déclarés" "$T/ics"; then
		pass "calendar of declared dishes: [végé] and allergens"
	else
		fail "calendar of declared dishes: [végé] and allergens" "$(head -n 20 "$T/ics")"
	fi
else
	fail "python3-icalendar is missing (apt-get install python3-icalendar)"
fi
# Second round: nothing more is lost.
R2="$T/roundtrip2.db"
make_store "$R2"
import_or_abort "$R2" etablissements "$GOOD/etablissements.csv"
run_cantine --db "$R2" import-scdl "$T/b.csv"
expect_rc 0 "second round trip"
run_cantine --db "$R2" export-scdl
cp "$OUT" "$T/c.csv"
expect_same_file "$T/b.csv" "$T/c.csv" "second round trip: the same file"
# The same file again changes nothing.
dump_db "$R" >"$T/r.dump"
run_cantine --db "$R" import-scdl "$T/a.csv"
expect_rc 0 "import-scdl of the same file again"
expect_stdout_line "$T/a.csv : 11 lignes lues, 0 déjeuner créé, 2 mis à jour." "import-scdl again"
expect_eq "$(dump_db "$R")" "$(cat "$T/r.dump")" "import-scdl again: store unchanged, no history"

# A published meal changed by a new file needs a reason: --raison, or the
# file's menuModificationInfo.
grep -v ",dessert,Pomme," "$T/a.csv" >"$T/no-apple.csv"
run_cantine --db "$R" import-scdl "$T/no-apple.csv"
expect_rc 2 "changed published meal without a reason"
expect_stderr "no-apple.csv, ligne 2, colonne 11 (menuDate) : le menu du lundi 7 septembre 2026 est publié : le modifier demande une raison (option --raison)" "changed published meal without a reason"
expect_eq "$(dump_db "$R")" "$(cat "$T/r.dump")" "changed published meal without a reason: store unchanged"
run_cantine --db "$R" --auteur "M. Durand" import-scdl "$T/no-apple.csv" --raison "pommes non livrées"
expect_rc 0 "changed published meal with --raison"
expect_eq "$(sqlite3 "$R" "SELECT count(*) FROM meal_history WHERE reason = 'pommes non livrées' AND who = 'M. Durand'")" 2 "--raison kept in the history of both meals"
"$PY" - "$T/a.csv" "$T/info.csv" <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8', newline='')))
with open(sys.argv[2], 'w', encoding='utf-8', newline='') as f:
    w = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator='\n')
    w.writeheader()
    for r in rows:
        r['menuModificationDate'] = '2026-09-07T16:00:00Z'
        r['menuModificationInfo'] = 'retour de la pomme'
        w.writerow(r)
EOF
run_cantine --db "$R" import-scdl "$T/info.csv"
expect_rc 0 "changed published meal with menuModificationInfo"
expect_eq "$(sqlite3 "$R" "SELECT count(*) FROM meal_history WHERE reason = 'retour de la pomme'")" 2 "menuModificationInfo kept as the reason"
# Exported again, the meals keep the publication date of the first file
# and carry the modification the last file declared.
run_cantine --db "$R" export-scdl
cp "$OUT" "$T/d.csv"
expect_eq "$(field_values "$T/d.csv" menuPublicationDate)" "$(field_values "$T/a.csv" menuPublicationDate)" \
	"imported meals keep the file's publication date"
expect_eq "$(field_values "$T/d.csv" menuModificationDate)" "2026-09-07T16:00:00Z" "the file's modification date"
expect_eq "$(field_values "$T/d.csv" menuModificationInfo)" "retour de la pomme" "the file's modification reason"
# A change made here after the import is the meal's last modification.
run_cantine --db "$R" plan remove --etab 0595871L --date 2026-09-08 "Pomme" --raison "pommes abîmées"
expect_rc 0 "local change of an imported meal"
run_cantine --db "$R" export-scdl
cp "$OUT" "$T/e.csv"
"$PY" - "$T/e.csv" >"$T/e.out" <<'EOF'
import csv, sys
for r in csv.DictReader(open(sys.argv[1], encoding='utf-8', newline='')):
    print(r['menuDate'], r['menuModificationDate'] != '2026-09-07T16:00:00Z', r['menuModificationInfo'])
EOF
expect_eq "$(sort -u "$T/e.out")" "2026-09-07 False retour de la pomme
2026-09-08 True pommes abîmées" "local change after the import: its own date and reason"
expect_eq "$(field_values "$T/e.csv" menuPublicationDate)" "$(field_values "$T/a.csv" menuPublicationDate)" \
	"local change after the import: publication date kept"

# Times in another form are read as the instant they are, written in UTC;
# a dish given two prices keeps the first, with a warning.
"$PY" - "$T/a.csv" "$T/offset.csv" <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8', newline='')))
with open(sys.argv[2], 'w', encoding='utf-8', newline='') as f:
    w = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator='\n')
    w.writeheader()
    for r in rows:
        r['menuPublicationDate'] = '2026-09-01T10:30:00+02:00'
        if r['menuPlatNom'] == 'Pain' and r['menuDate'] == '2026-09-08':
            r['menuPlatPrix'] = '0.99'
        w.writerow(r)
EOF
O="$T/offset.db"
make_store "$O"
import_or_abort "$O" etablissements "$GOOD/etablissements.csv"
run_cantine --db "$O" import-scdl "$T/offset.csv"
expect_rc 0 "times with an offset, two prices"
expect_stderr "(menuPlatPrix) : « Pain » n'a pas le même prix que ligne " "two prices: a warning"
run_cantine --db "$O" export-scdl
cp "$OUT" "$T/f.csv"
expect_eq "$(field_values "$T/f.csv" menuPublicationDate)" "2026-09-01T08:30:00Z" "times with an offset: written in UTC"
expect_eq "$(field_values "$T/f.csv" menuPlatPrix | grep -c '^0.99$')" 0 "two prices: the first kept"
run_cantine --db "$O" dish show "Pain"
expect_rc 0 "dish show of a declared dish with a price"
expect_stdout "HT par portion (prix déclaré)" "dish show of a declared dish with a price"
expect_stdout "  Traces       : non déclarées" "dish show of a declared dish"

# ---- (c) a file published the way Antibes publishes (synthetic) ----
A="$T/antibes.db"
make_store "$A"
import_or_abort "$A" etablissements "$SD/etablissements-facon-antibes.csv"
C="import-scdl menus-facon-antibes.csv"
run_cantine --db "$A" import-scdl "$SD/menus-facon-antibes.csv"
expect_rc 0 "$C"
expect_stdout_line "$SD/menus-facon-antibes.csv : 61 lignes lues, 10 déjeuners créés, 0 mis à jour." "$C"
expect_eq "$(grep -vc '^attention : ' "$ERR")" 0 "$C: warnings only"
expect_eq "$(wc -l <"$ERR")" 14 "$C: one warning per distinct deviation"
W="attention : $SD/menus-facon-antibes.csv, ligne"
expect_stderr "$W 2, colonne 12 (menuRepasType) : « meal » lu comme « déjeuner », la valeur du schéma (de même sur 48 autres lignes)" "$C"
expect_stderr "$W 7, colonne 12 (menuRepasType) : repas « snack » (goûter) : cantine ne planifie que le déjeuner ; ligne ignorée (de même sur 11 autres lignes)" "$C"
expect_stderr "$W 2, colonne 9 (menuRestaurantType) : « Elémentaire » lu comme « élémentaire »" "$C"
expect_stderr "$W 17, colonne 9 (menuRestaurantType) : « Centre de Loisirs » lu comme « centre de loisirs »" "$C"
expect_stderr "$W 2, colonne 13 (menuPlatType) : « entree » lu comme « entrée »" "$C"
expect_stderr "$W 18, colonne 13 (menuPlatType) : « Plat principal » lu comme « plat principal »" "$C"
expect_stderr "$W 2, colonne 19 (menuPlatRegime) : « Aucun regime » n'est pas un régime du schéma" "$C"
expect_stderr "$W 17, colonne 19 (menuPlatRegime) : « Végétarien » lu comme « végétarien »" "$C"
expect_stderr "$W 2, colonne 20 (menuPlatAllergene) : allergènes écrits autrement que dans le schéma, lus sous son nom : « Lait » (lait), « Celeri » (céleri), « Poisson » (poissons), « Gluten » (céréales contenant du gluten), « Oeufs » (oeufs), « Sesame » (graines de sésame)" "$C"
expect_stderr "$W 23, colonne 20 (menuPlatAllergene) : liste « Moutarde;Sulfites » écrite sans la forme" "$C"
expect_stderr "$W 3, colonne 14 (menuPlatNom) : espaces en trop dans le nom du plat ; lu « Poisson pané citron »" "$C"
expect_stderr "$W 48 : « Coquillettes » n'a pas les mêmes allergènes" "$C"
expect_eq "$(sqlite3 "$A" "SELECT count(*) || ' ' || min(status) || ' ' || max(status) FROM meal")" "10 2 2" "$C: ten published lunches (both restaurants' lunches, snacks skipped)"
run_cantine --db "$A" week --date 2025-02-05
expect_rc 0 "week of the Antibes-like file"
expect_stdout "Mercredi 5 février 2025 — publié — menu végétarien" "week of the Antibes-like file"
expect_stdout "Plat principal   Omelette aux fines herbes   [végé]  allergènes : œufs, lait" "week of the Antibes-like file"
expect_stdout "Plat principal   Poisson pané citron                 allergènes : gluten, œufs, poisson" "week of the Antibes-like file"
expect_stdout "Entrée           Carottes râpées                     allergènes : moutarde, sulfites" "week of the Antibes-like file: list with ;"
expect_stdout "Dessert          Gâteau aux noix                     allergènes : gluten, œufs, lait, fruits à coque" "week of the Antibes-like file"
run_cantine --db "$A" week --date 2025-02-12
expect_stdout "Garniture        Coquillettes                   allergènes : gluten, œufs" "week of the Antibes-like file: allergens of all rows kept"
run_cantine --db "$A" export-scdl
expect_rc 0 "export-scdl of the Antibes-like store"
cp "$OUT" "$T/antibes.csv"
validate "export-scdl of the Antibes-like store" "$T/antibes.csv" --rows 49
expect_stdout ",2025-02-04,déjeuner,autre,Comté,,\"[\"\"appellation d'origine protégée\"\"]\"," "export-scdl: declared SIQO"
expect_stdout ',2025-02-07,déjeuner,autre,Tomme des Pyrénées,,"[""indication géographique protégée""]",' "export-scdl: declared SIQO"

# ---- (d) bad files: exit 2, line and column, store unchanged ----
# bad FILE FRAGMENT...: import FILE into a copy of the fixture store.
bad() {
	local file=$1
	shift
	local B="$T/bad.db"
	copy_db "$S" "$B"
	dump_db "$B" >"$T/bad-before.dump"
	run_cantine --db "$B" import-scdl "$SD/$file"
	expect_rc 2 "$file"
	local frag
	for frag in "$@"; do
		expect_stderr "$frag" "$file"
	done
	expect_stderr "rien n'a été importé" "$file"
	expect_stdout_empty "$file"
	expect_eq "$(dump_db "$B" | md5sum)" "$(md5sum <"$T/bad-before.dump")" "$file: store unchanged"
}
bad erreur-champ-obligatoire-vide.csv \
	"ligne 3, colonne 14 (menuPlatNom) : cellule vide : la colonne « menuPlatNom » est obligatoire"
bad erreur-date-impossible.csv \
	"ligne 3, colonne 11 (menuDate) : « 2026-02-30 » n'est pas une date du calendrier"
bad erreur-etablissement-inconnu.csv \
	"ligne 3, colonne 7 (menuRestaurantId) : aucun établissement d'UAI « 0750654D » dans la base ; importez d'abord le fichier etablissements"
bad erreur-siret-inconnu.csv \
	"ligne 2, colonne 2 (menuCollSiret) : aucun établissement de SIRET « 21590350100017 » dans la base ; importez d'abord le fichier etablissements"
bad erreur-colonne-obligatoire-absente.csv \
	"ligne 1, champ menuPublicationDate (colonne absente du fichier) : colonne obligatoire absente de l'en-tête"
bad erreur-allergene-inconnu.csv \
	"ligne 3, colonne 20 (menuPlatAllergene) : allergène « kiwi » inconnu"
bad erreur-liste-mal-formee.csv \
	"ligne 3, colonne 20 (menuPlatAllergene) : liste mal formée"
run_cantine --db "$S" import-scdl "$T/missing.csv"
expect_rc 2 "import-scdl of a missing file"
expect_stderr "missing.csv : fichier introuvable" "import-scdl of a missing file"
run_cantine --db "$S" import-scdl
expect_rc 2 "import-scdl without a file"
expect_stderr "il faut un FICHIER" "import-scdl without a file"

finish
