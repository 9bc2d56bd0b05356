#!/bin/bash
# good-inputs.sh: the `cantine` command on good files: init, import of the
# four kinds, idempotent re-import, CSV edge cases (separators, BOM,
# windows-1252, RFC 4180 quoting), export/import round trip, the `week`
# and `dish show` views, usage errors, --help, and stores that cannot be
# used (too new, missing, not a cantine store).
#
# Run by meson (suite cli); by hand:
#   CANTINE=build/frontends/cli/cantine SRCDIR=. bash tests/cli/good-inputs.sh

. "$(dirname "$0")/lib.sh"

KINDS="etablissements produits recettes menus"
TABLES="etab product dish dish_ingredient meal meal_dish"

# counts DB: "table=n ..." for the main tables.
counts() {
	local t s=""
	for t in $TABLES; do
		s="$s $t=$(count_rows "$1" "$t")"
	done
	echo "${s# }"
}

# expect_line_with A B DESCRIPTION: some stdout line holds both A and B.
expect_line_with() {
	if grep -F -e "$1" "$OUT" | grep -qF -e "$2"; then
		pass "$3: a line has « $1 » and « $2 »"
	else
		fail "$3: no line has both « $1 » and « $2 »" "stdout:" "$(head -c 3000 "$OUT")"
	fi
}

# expect_line_without A B DESCRIPTION: the lines holding A never hold B.
expect_line_without() {
	if ! grep -qF -e "$1" "$OUT"; then
		fail "$3: stdout lacks « $1 »"
	elif grep -F -e "$1" "$OUT" | grep -qF -e "$2"; then
		fail "$3: the line of « $1 » has « $2 »" "$(grep -F -e "$1" "$OUT")"
	else
		pass "$3: the line of « $1 » has no « $2 »"
	fi
}

# expect_no_english DESCRIPTION: stderr has none of getopt's or SQLite's
# English messages.
expect_no_english() {
	local w
	for w in "unrecognized option" "requires an argument" "invalid option" \
		 "file is not a database" "unable to open" "No such file"; do
		if grep -qF -e "$w" "$ERR"; then
			fail "$1: stderr has English text « $w »"
			return
		fi
	done
	pass "$1: stderr in French only"
}

S="$T/store.db"

# ---- init ----
# The schema version is the number of migrations in libmenu/schema/.
SCHEMA=$(ls "$SRCDIR"/libmenu/schema/[0-9][0-9][0-9]-*.sql | wc -l)
rm -f "$S"
run_cantine --db "$S" init
expect_rc 0 "init"
expect_stdout "prête (schéma $SCHEMA)" "init"
expect_exists "$S" "init: store file created"
run_cantine --db "$S" init
expect_rc 0 "init of an existing store"
expect_stdout "prête (schéma $SCHEMA)" "init of an existing store"

# ---- import of the four good fixtures ----
declare -A FIRST=(
	[etablissements]="2 lignes lues, 2 créés, 0 mis à jour."
	[produits]="11 lignes lues, 11 créés, 0 mis à jour."
	[recettes]="12 lignes lues, 9 créés, 0 mis à jour."
	[menus]="20 lignes lues, 5 créés, 0 mis à jour."
)
declare -A AGAIN=(
	[etablissements]="2 lignes lues, 0 créé, 2 mis à jour."
	[produits]="11 lignes lues, 0 créé, 11 mis à jour."
	[recettes]="12 lignes lues, 0 créé, 9 mis à jour."
	[menus]="20 lignes lues, 0 créé, 5 mis à jour."
)
for k in $KINDS; do
	run_cantine --db "$S" import "$k" "$GOOD/$k.csv"
	expect_rc 0 "import $k"
	expect_stdout "$k.csv : ${FIRST[$k]}" "import $k"
done
[ "$FAILED" = 0 ] || abort "the good fixtures do not import; nothing else can be checked"
WANT_COUNTS="etab=2 product=11 dish=9 dish_ingredient=12 meal=5 meal_dish=20"
expect_eq "$(counts "$S")" "$WANT_COUNTS" "row counts after the first import"

# ---- importing the same files again changes nothing ----
dump_db "$S" >"$T/first.dump"
for k in $KINDS; do
	run_cantine --db "$S" import "$k" "$GOOD/$k.csv"
	expect_rc 0 "re-import $k"
	expect_stdout "$k.csv : ${AGAIN[$k]}" "re-import $k"
done
expect_eq "$(counts "$S")" "$WANT_COUNTS" "row counts after the second import"
dump_db "$S" >"$T/second.dump"
expect_same_file "$T/first.dump" "$T/second.dump" "re-import: store contents unchanged"

# ---- CSV edge cases, imported into the populated store ----
# file | kind | stdout of the import
edge_import() {
	run_cantine --db "$S" import "$2" "$GOOD/$1" "${@:4}"
	expect_rc 0 "import $1"
	expect_stdout "$1 : $3" "import $1"
}
edge_import produits-point-virgule-virgule-decimale.csv produits "2 lignes lues, 2 créés"
edge_import produits-tabulation.csv produits "2 lignes lues, 2 créés"
edge_import produits-bom-crlf.csv produits "2 lignes lues, 2 créés"
edge_import produits-windows-1252.csv produits "2 lignes lues, 2 créés"
edge_import produits-guillemets-rfc4180.csv produits "2 lignes lues, 2 créés"
expect_eq "$(count_rows "$S" product)" 21 "products after the edge-case files"

# How they read back, through `cantine export produits` (UTF-8, comma).
run_cantine --db "$S" export produits
expect_rc 0 "export produits"
cp "$OUT" "$T/edge-produits.csv"
# ';' separator, decimal comma, an empty line
expect_stdout_line 'LEG-HARICOT,"Haricots verts extra-fins, surgelés",FRUITS_ET_LEGUMES,BIO|HVE,FR,,,,non,,,kg,1000,2.35,,,,non,non' \
	"';' separator and decimal comma"
expect_stdout_line 'LAI-CREME,Crème fraîche 1 l,PRODUITS_LAITIERS,,FR,,,,non,,,l,1000,4.50,,lait,,non,non' \
	"';' separator, decimal comma with one decimal"
# tab separator, columns in another order, optional columns left out
expect_stdout_line 'LEG-POIREAU,"Poireaux, botte",FRUITS_ET_LEGUMES,,,,,,non,,,kg,1000,0.95,,,,non,non' \
	"tab separator"
expect_stdout_line 'POI-SAUMON,Filet de saumon,PRODUITS_DE_LA_MER,,,,,,non,,,kg,1000,11.40,,poisson,,non,oui' \
	"tab separator, columns in another order"
# UTF-8 byte-order mark and CRLF line ends
expect_stdout_line 'FRU-BANANE,Banane équitable,FRUITS_ET_LEGUMES,,,,,,non,,,kg,1000,1.90,,,,non,non' \
	"UTF-8 BOM (first code without the BOM)"
# shellcheck disable=SC1112 # a real U+2019 in the fixture
expect_stdout_line 'FRU-KIWI,Kiwi de l’Adour,FRUITS_ET_LEGUMES,,,,,,non,,,kg,1000,3.30,,,,non,non' \
	"UTF-8 BOM and CRLF"
expect_stdout_not $'\r' "CRLF file: no carriage return kept"
expect_stdout_not $'\xEF\xBB\xBF' "BOM file: no BOM kept"
# windows-1252: é = 0xE9, è = 0xE8, î = 0xEE, Œ = 0x8C
expect_stdout_line 'LAI-CREME-EP,Crème fraîche épaisse,PRODUITS_LAITIERS,,,,,,non,,,kg,1000,5.20,,lait,,non,non' \
	"windows-1252 read back in UTF-8"
expect_stdout_line 'OEU-BROUILLE,Œufs brouillés pasteurisés,AUTRES,,,,,,non,,,kg,1000,6.10,,œufs,,non,non' \
	"windows-1252 Œ (0x8C) read back in UTF-8"
expect_eq "$(sqlite3 "$S" "SELECT name FROM product WHERE code = 'LAI-CREME-EP'")" \
	"Crème fraîche épaisse" "windows-1252 name stored in UTF-8"
# RFC 4180: doubled quotes, a line break and a separator inside quotes
expect_eq "$(sqlite3 "$S" "SELECT name = 'Fromage blanc \"nature\"' || char(10) || 'pot de 100 g' FROM product WHERE code = 'LAI-FROMAGE-BLANC'")" \
	1 "RFC 4180: quoted name with \"\" and a line break stored as is"
expect_eq "$(sqlite3 "$S" "SELECT supplier FROM product WHERE code = 'LAI-FROMAGE-BLANC'")" \
	"Laiterie du Nord, Lille" "RFC 4180: quoted cell with a comma"
expect_stdout 'LAI-FROMAGE-BLANC,"Fromage blanc ""nature""
pot de 100 g",PRODUITS_LAITIERS,,,,,,non,,"Laiterie du Nord, Lille",piece,100,0.28,,,,non,non' \
	"RFC 4180: exported with quotes, doubled quotes and the line break"
expect_stdout_line 'EPI-SEL,Sel fin,AUTRES,,,,,,non,,,kg,1000,0.50,,,,non,non' \
	"RFC 4180: every cell quoted"

# The encoding can be forced; the wrong one is refused, nothing written.
dump_db "$S" >"$T/before-enc.dump"
run_cantine --db "$S" import produits "$GOOD/produits-windows-1252.csv" --encodage windows-1252
expect_rc 0 "--encodage windows-1252"
expect_stdout "2 lignes lues, 0 créé, 2 mis à jour." "--encodage windows-1252"
run_cantine --db "$S" import produits "$GOOD/produits-windows-1252.csv" --encodage utf-8
expect_rc 2 "--encodage utf-8 on a windows-1252 file"
expect_stderr "produits-windows-1252.csv, ligne 2, colonne 2 (nom) : texte mal encodé : l'octet 0xE8" \
	"--encodage utf-8 on a windows-1252 file"
dump_db "$S" >"$T/after-enc.dump"
expect_same_file "$T/before-enc.dump" "$T/after-enc.dump" "forced encodings: store unchanged"

# Edge-case files imported again: nothing new.
before=$(counts "$S")
for f in produits-point-virgule-virgule-decimale.csv produits-tabulation.csv \
	 produits-bom-crlf.csv produits-windows-1252.csv produits-guillemets-rfc4180.csv; do
	edge_import "$f" produits "2 lignes lues, 0 créé, 2 mis à jour."
done
expect_eq "$(counts "$S")" "$before" "row counts after re-importing the edge-case files"

# ---- round trip: export, import into a fresh store, export again ----
R="$T/roundtrip.db"
make_store "$R"
for k in $KINDS; do
	run_cantine --db "$S" export "$k"
	expect_rc 0 "export $k"
	cp "$OUT" "$T/export1-$k.csv"
	run_cantine --db "$R" import "$k" "$T/export1-$k.csv"
	expect_rc 0 "round trip: import of the exported $k"
done
for k in $KINDS; do
	run_cantine --db "$R" export "$k"
	expect_rc 0 "round trip: export $k from the new store"
	cp "$OUT" "$T/export2-$k.csv"
	expect_same_file "$T/export1-$k.csv" "$T/export2-$k.csv" "round trip: $k identical"
done
expect_eq "$(counts "$R")" "$(counts "$S")" "round trip: same row counts"
expect_eq "$(head -n 1 "$T/export1-menus.csv")" "uai,date,plat,recette,statut" "export menus: header"
expect_eq "$(wc -l <"$T/export1-etablissements.csv")" 3 "export etablissements: header and 2 rows"

# ---- week ----
run_cantine --db "$S" week --etab 0595871L --date 2026-09-09
expect_rc 0 "week"
W="week 0595871L 2026-09-09"
expect_stdout "Collège Louise Michel (0595871L) — semaine 37 de 2026, à partir du lundi 7 septembre 2026" "$W"
expect_stdout_line "Lundi 7 septembre 2026 — publié" "$W"
expect_stdout_line "Mardi 8 septembre 2026 — publié — menu végétarien" "$W"
expect_stdout_line "Jeudi 10 septembre 2026 — proposé" "$W"
expect_stdout_line "Vendredi 11 septembre 2026 — brouillon" "$W"
expect_stdout_not "Mercredi" "$W: no meal on Wednesday"
expect_stdout_not "Lundi 7 septembre 2026 — publié — menu végétarien" "$W: Monday (steak) not vegetarian"
expect_line_with "Carottes râpées" "[végé]" "$W"
expect_line_with "Omelette au fromage" "[végé]" "$W"
expect_line_with "Omelette au fromage" "allergènes : œufs, lait" "$W"
expect_line_with "Coquillettes" "allergènes : gluten ; traces : œufs" "$W"
expect_line_with "Pain" "allergènes : gluten ; traces : sésame" "$W"
expect_line_with "Colin au four" "allergènes : poisson" "$W"
expect_line_with "Pomme" "sans allergène majeur" "$W"
expect_line_without "Steak haché" "[végé]" "$W"
expect_line_without "Colin au four" "[végé]" "$W"
expect_line_with "Plat principal" "Steak haché" "$W"
expect_line_with "Produit laitier" "Yaourt nature" "$W"
expect_line_with "Entrée" "Carottes râpées" "$W"
expect_stdout "Coût denrées par repas (moyenne des choix de chaque plat) : 1,73 €" "$W"
expect_stdout "Menus végétariens cette semaine : 1" "$W"

# Sunday belongs to the same week; the other collège; an empty week.
run_cantine --db "$S" week --etab 0595871L --date 2026-09-13
expect_rc 0 "week on a Sunday"
expect_stdout "semaine 37 de 2026, à partir du lundi 7 septembre 2026" "week on a Sunday"
run_cantine --db "$S" week --etab 0622413L --date 2026-09-07
expect_rc 0 "week of the second collège"
expect_stdout "Collège Émile Zola (0622413L)" "week of the second collège"
expect_stdout_line "Lundi 7 septembre 2026 — brouillon — menu végétarien" "week of the second collège"
expect_stdout_not "Steak haché" "week of the second collège"
run_cantine --db "$S" week --etab 0595871L --date 2026-09-16
expect_rc 0 "week without meals"
# Each service day says it has no menu yet; Wednesday is not a service day.
expect_stdout_line "Lundi 14 septembre 2026 — aucun menu saisi" "week without meals"
expect_stdout_line "Vendredi 18 septembre 2026 — aucun menu saisi" "week without meals"
expect_stdout_not "Mercredi" "week without meals"
expect_stdout_not "Menus végétariens" "week without meals"
# Two collèges: --etab is needed; an unknown UAI.
run_cantine --db "$S" week --date 2026-09-09
expect_rc 2 "week without --etab, two collèges"
expect_stderr "la base contient plusieurs établissements" "week without --etab, two collèges"
expect_stderr "--etab UAI" "week without --etab, two collèges"
run_cantine --db "$S" week --etab 0750654D --date 2026-09-09
expect_rc 2 "week of an unknown collège"
expect_stderr "aucun établissement d'UAI « 0750654D » dans la base" "week of an unknown collège"
# One collège only: --etab may be left out.
O="$T/one.db"
make_store "$O"
printf '%s\n' "uai,siret,nom,commune_insee,departement,jours_service,eleves,demi_pensionnaires" \
	"0750654D,,Collège Montaigne,75106,75,lun|mar|jeu|ven,600,450" >"$T/one-etab.csv"
import_or_abort "$O" etablissements "$T/one-etab.csv"
run_cantine --db "$O" week --date 2026-09-09
expect_rc 0 "week without --etab, one collège"
expect_stdout "Collège Montaigne (0750654D)" "week without --etab, one collège"

# ---- dish show ----
run_cantine --db "$S" dish show "Omelette au fromage"
expect_rc 0 "dish show"
D="dish show Omelette au fromage"
expect_stdout_line "Omelette au fromage" "$D"
expect_stdout "Type de plat : plat principal" "$D"
expect_stdout "Végétarien   : oui" "$D"
expect_stdout "Allergènes   : œufs, lait" "$D"
expect_stdout "Coût matière : 0,59 € HT par portion" "$D"
expect_line_with "12,5" "Emmental râpé" "$D"
expect_line_with "120 g" "Œufs frais plein air" "$D"
run_cantine --db "$S" dish show "Pain"
expect_rc 0 "dish show Pain"
expect_stdout "Allergènes   : gluten" "dish show Pain"
expect_stdout "Traces       : sésame" "dish show Pain"
expect_stdout "Coût matière : 0,13 € HT par portion" "dish show Pain"
run_cantine --db "$S" dish show "Steak haché"
expect_rc 0 "dish show Steak haché"
expect_stdout "Végétarien   : non" "dish show Steak haché"
expect_stdout "Allergènes   : aucun des 14 allergènes majeurs" "dish show Steak haché"
expect_stdout "Coût matière : 0,98 € HT par portion" "dish show Steak haché"
expect_line_with "Steak haché pur bœuf" "viande" "dish show Steak haché"
run_cantine --db "$S" dish show "Omelette"
expect_rc 2 "dish show of an unknown name"
expect_stderr "cantine : aucune recette « Omelette »" "dish show of an unknown name"
expect_stderr "Omelette au fromage" "dish show of an unknown name: suggestion"
expect_stdout_empty "dish show of an unknown name"

# ---- usage errors: exit 2, French message, no store created ----
N="$T/never-created.db"
# usage_error WANT_MESSAGE ARGS...
usage_error() {
	local msg=$1
	shift
	run_cantine --db "$N" "$@"
	expect_rc 2 "usage: cantine $*"
	expect_stderr "$msg" "usage: cantine $*"
	expect_no_english "usage: cantine $*"
	expect_stdout_empty "usage: cantine $*"
}
usage_error "commande « frobnicate » inconnue" frobnicate
usage_error "aucune commande"
usage_error "option « --frobnicate » inconnue ou incomplète" --frobnicate init
usage_error "argument inattendu « extra »" init extra
usage_error "il faut un TYPE et un FICHIER" import
usage_error "il faut un TYPE et un FICHIER" import produits
usage_error "type « truc » inconnu" import truc "$GOOD/produits.csv"
usage_error "encodage « latin9 » inconnu" import produits "$GOOD/produits.csv" --encodage latin9
usage_error "cantine :" import produits "$GOOD/produits.csv" --encodage
usage_error "cantine :" import --frobnicate produits "$GOOD/produits.csv"
usage_error "il faut un TYPE" export
usage_error "type « truc » inconnu" export truc
usage_error "il faut « dish show NOM »" dish
usage_error "il faut « dish show NOM »" dish show
usage_error "il faut « dish show NOM »" dish eat Pain
usage_error "« 2025-02-30 » n'est pas une date valide" week --date 2025-02-30
usage_error "« 07/09/2026 » n'est pas une date valide" week --date 07/09/2026
usage_error "argument inattendu « extra »" week --date 2026-09-07 extra
usage_error "cantine :" week --date
usage_error "cantine :" week --frobnicate
run_cantine --db
expect_rc 2 "usage: cantine --db"
expect_stderr "option « --db » inconnue ou incomplète" "usage: cantine --db"
expect_absent "$N" "usage errors: no store created"

# ---- help ----
# help ARGS...: exit 0, "Usage" on stdout, nothing on stderr.
help() {
	run_cantine --db "$N" "$@"
	expect_rc 0 "help: cantine $*"
	expect_stdout "Usage" "help: cantine $*"
	expect_stderr_empty "help: cantine $*"
}
help --help
help -h
help init --help
help import --help
help import -h
help export --help
help week --help
help week -h
help dish --help
help dish show --help
run_cantine --version
expect_rc 0 "cantine --version"
expect_stdout "cantine 0." "cantine --version"
expect_absent "$N" "help: no store created"

# ---- stores that cannot be used ----
# Written by a newer cantine (PRAGMA user_version = 99).
V="$T/newer.db"
copy_db "$S" "$V"
sqlite3 "$V" 'PRAGMA user_version = 99' || abort "fixture: PRAGMA user_version = 99"
dump_db "$V" >"$T/newer-before.dump"
for args in "week --etab 0595871L --date 2026-09-09" "export produits" "dish show Pain" \
	    "import produits $GOOD/produits.csv" "init"; do
	# shellcheck disable=SC2086 # word splitting of args is wanted
	run_cantine --db "$V" $args
	expect_rc 2 "newer store: $args"
	expect_stderr "plus récente" "newer store: $args"
	expect_stderr "schéma 99" "newer store: $args"
done
dump_db "$V" >"$T/newer-after.dump"
expect_same_file "$T/newer-before.dump" "$T/newer-after.dump" "newer store: contents unchanged"
expect_eq "$(sqlite3 "$V" 'PRAGMA user_version')" 99 "newer store: user_version unchanged"

# A store that does not exist: only `init` creates one.
M="$T/missing.db"
for args in "week --date 2026-09-09" "export menus" "dish show Pain" \
	    "import produits $GOOD/produits.csv"; do
	# shellcheck disable=SC2086
	run_cantine --db "$M" $args
	expect_rc 2 "missing store: $args"
	expect_stderr "la base « $M » n'existe pas" "missing store: $args"
	expect_stderr "« cantine init »" "missing store: $args"
	expect_absent "$M" "missing store: $args: not created"
done

# init where no store can be created: a missing directory, a directory.
run_cantine --db "$T/no-such-dir/store.db" init
expect_rc 2 "init in a missing directory"
expect_stderr "impossible d'ouvrir ou de créer la base « $T/no-such-dir/store.db »" "init in a missing directory"
expect_no_english "init in a missing directory"
mkdir -p "$T/a-directory"
run_cantine --db "$T/a-directory" init
expect_rc 2 "init on a directory"
expect_stderr "est un dossier, pas une base cantine" "init on a directory"

# Not a cantine store: a CSV file, and an SQLite file of another program.
run_cantine --db "$GOOD/etablissements.csv" export etablissements
expect_rc 2 "a CSV file as store"
expect_stderr "n'est pas une base cantine" "a CSV file as store"
expect_no_english "a CSV file as store"
cp "$GOOD/etablissements.csv" "$T/not-a-store.csv"
run_cantine --db "$T/not-a-store.csv" init
expect_rc 2 "init on a CSV file"
expect_stderr "n'est pas une base cantine" "init on a CSV file"
expect_same_file "$GOOD/etablissements.csv" "$T/not-a-store.csv" "init on a CSV file: file untouched"
sqlite3 "$T/other.db" 'CREATE TABLE t (x)' || abort "fixture: other.db"
dump_db "$T/other.db" >"$T/other-before.dump"
run_cantine --db "$T/other.db" init
expect_rc 2 "another program's SQLite file: init"
expect_stderr "n'appartient pas à cantine" "another program's SQLite file: init"
run_cantine --db "$T/other.db" import etablissements "$GOOD/etablissements.csv"
expect_rc 2 "another program's SQLite file: import"
dump_db "$T/other.db" >"$T/other-after.dump"
expect_same_file "$T/other-before.dump" "$T/other-after.dump" "another program's SQLite file: unchanged"

finish
