#!/bin/bash
# ciqual.sh: `cantine import-ciqual` and the nutrients of `cantine dish show`
# (docs/formats.md, "Table Ciqual" and "Nutrients of a dish"):
#   (a) the extract of the official table in tests/data/ciqual/ (17 foods,
#       records copied byte for byte, see SOURCE.md): counts, the same store
#       when imported again, from a clean UTF-8 copy, with a BOM;
#   (b) `dish show` on the good fixtures: values per portion and per 100 g
#       computed by hand, estimated and incomplete marks, ingredients
#       without data named;
#   (c) bad files made from the extract (cut, badly re-encoded, re-saved,
#       edited): exit 2, French message with the line (and the column when
#       a cell is at fault), store unchanged;
#   (d) usage, --help, the default file.
#
#   CANTINE=build/frontends/cli/cantine SRCDIR=. bash tests/cli/ciqual.sh

. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3

# expect_row WORDS DESCRIPTION: stdout has a line that is WORDS once runs
# of spaces are squeezed (the columns' padding is layout, not content).
expect_row() {
	if sed 's/  */ /g; s/^ //; s/ $//' "$OUT" | grep -qxF -e "$1"; then
		pass "$2: row « $1 »"
	else
		fail "$2: no row « $1 »" "stdout:" "$(head -c 3000 "$OUT")"
	fi
}
CQ="$DATA/ciqual/extrait-ciqual-2025.csv"
[ -f "$CQ" ] || abort "fixture: $CQ missing"

# ---- (a) a good import ----
S="$T/store.db"
make_populated_store "$S"

C="dish show before any import"
run_cantine --db "$S" dish show "Carottes râpées"
expect_rc 0 "$C"
expect_stdout "Valeurs nutritionnelles : pas de table Ciqual dans la base ; importez-la avec « cantine import-ciqual »" "$C"

C="import-ciqual extract"
run_cantine --db "$S" import-ciqual "$CQ"
expect_rc 0 "$C"
expect_stdout_line "$CQ : 17 aliments, 74 constituants, 1258 valeurs (dont 10 « traces », 159 « < x » et 135 inconnues « - »)." "$C"
expect_stderr_empty "$C"
expect_eq "$(count_rows "$S" ciqual_food)" 17 "$C: foods"
expect_eq "$(count_rows "$S" ciqual_constituent)" 74 "$C: constituents"
expect_eq "$(count_rows "$S" ciqual_value)" 1258 "$C: values"
# Values as the file gives them: "< 0,5" kept with its limit, "traces" and
# "-" kept as such, "<" LF "0,0002" read, names decoded from windows-1252.
expect_eq "$(sqlite3 "$S" "SELECT kind || ':' || amount FROM ciqual_value WHERE food_code = 20009 AND const_code = 40000")" "2:500000" "$C: Carotte fat < 0,5"
expect_eq "$(sqlite3 "$S" "SELECT kind || ':' || ifnull(amount, 'NULL') FROM ciqual_value WHERE food_code = 12113 AND const_code = 32000")" "1:NULL" "$C: Gruyère sugars traces"
expect_eq "$(sqlite3 "$S" "SELECT kind || ':' || ifnull(amount, 'NULL') FROM ciqual_value WHERE food_code = 76060 AND const_code = 327")" "1:NULL" "$C: Perrier energy traces"
expect_eq "$(sqlite3 "$S" "SELECT kind || ':' || amount FROM ciqual_value WHERE food_code = 20255 AND const_code = 41200")" "2:200" "$C: Échalote lauric acid <LF0,0002"
expect_eq "$(sqlite3 "$S" "SELECT kind || ':' || ifnull(amount, 'NULL') FROM ciqual_value WHERE food_code = 20009 AND const_code = 34100")" "0:2900000" "$C: Carotte fibre 2,9"
expect_eq "$(sqlite3 "$S" "SELECT name FROM ciqual_food WHERE code = 27012")" "Esturgeon d’Europe occidentale, cru" "$C: name with ’"
expect_eq "$(sqlite3 "$S" "SELECT name FROM ciqual_food WHERE code = 8601")" "Tripes à la mode de Caen (estomac et pied de boeuf, carottes…), préemballées" "$C: name with …"
expect_eq "$(sqlite3 "$S" "SELECT jones_u FROM ciqual_food WHERE code = 9811")" 5700000 "$C: Jones factor 5.7"
dump_db "$S" >"$T/ref.dump"

C="import-ciqual again"
run_cantine --db "$S" import-ciqual "$CQ"
expect_rc 0 "$C"
dump_db "$S" >"$T/again.dump"
expect_same_file "$T/ref.dump" "$T/again.dump" "$C: the same store"

# A clean UTF-8 copy, with and without BOM: the same store.
"$PY" - "$CQ" "$T/utf8.csv" "$T/bom.csv" <<'EOF' || abort "fixture: UTF-8 copies"
import sys
text = open(sys.argv[1], 'rb').read().decode('cp1252')
open(sys.argv[2], 'wb').write(text.encode('utf-8'))
open(sys.argv[3], 'wb').write(b'\xef\xbb\xbf' + text.encode('utf-8'))
EOF
for f in utf8 bom; do
	C="import-ciqual $f copy"
	run_cantine --db "$S" import-ciqual "$T/$f.csv"
	expect_rc 0 "$C"
	dump_db "$S" >"$T/$f.dump"
	expect_same_file "$T/ref.dump" "$T/$f.dump" "$C: the same store as the windows-1252 file"
done

# ---- (b) nutrients of the fixture dishes ----
# Carottes râpées: 70 g of carrot (20009: 127 kJ, 30,2 kcal, fat "< 0,5",
# sugars 4,85) and 5 g of rapeseed oil (17130: 3700 kJ, 900 kcal, fat 100,
# sugars 0).  By hand: 273,9 kJ per 75 g portion (274), 365,2 per 100 g;
# 66,14 kcal (66) and 88,19 (88); fat 70 × 0,25/100 + 5 = 5,175 g (5,2,
# estimated), 6,9 per 100 g; sugars 3,395 g (3,4), 4,53 per 100 g (4,5).
C="dish show Carottes râpées"
run_cantine --db "$S" dish show "Carottes râpées"
expect_rc 0 "$C"
expect_stdout_line "  Valeurs nutritionnelles (table Ciqual 2025) :" "$C"
expect_row "par portion (75 g) pour 100 g" "$C"
expect_row "Énergie 274 kJ 365 kJ" "$C"
expect_row "Énergie 66 kcal 88 kcal" "$C"
expect_row "Lipides ≈ 5,2 g ≈ 6,9 g" "$C"
expect_row "dont sucres 3,4 g 4,5 g" "$C"
expect_stdout "≈ estimé : Ciqual donne « traces » (compté 0) ou « < x » (compté x/2)" "$C"
expect_stdout_not "≥" "$C: complete"
expect_stdout_line "    Source : Anses. 2025. Table de composition nutritionnelle des aliments Ciqual." "$C"
# Per 100 g: 365 kJ (1 point), sugars 4,5 g (1), saturates and salt 0;
# fibre under 3 g; 93 % raw carrot (5 points): N 2, P 5, score -3, A.
expect_stdout_line "  Nutri-Score  : A (score -3, catégorie générale ; N 2, P 5)" "$C: Nutri-Score"

# Pain: its product's code (7110) is not in the extract: nothing known.
C="dish show Pain"
run_cantine --db "$S" dish show "Pain"
expect_rc 0 "$C"
expect_stdout "par portion (40 g)" "$C"
expect_row "Énergie inconnu inconnu" "$C"
expect_stdout "Sans données Ciqual : Pain de campagne (code 7110 absent de la table Ciqual de la base)" "$C"
expect_stdout "≥ incomplet" "$C"
expect_stdout_line "  Nutri-Score  : pas de note (pain : le Nutri-Score d'un pain servi seul demande un choix de catégorie que la méthode ne fait pas)" "$C: no Nutri-Score for bread"

# Omelette au fromage: 120 g of egg (22000) and 12,5 g of Gruyère (12113,
# sugars "traces"): sugars 120 × 0,06/100 = 0,072 g, estimated (0,1).
C="dish show Omelette au fromage"
run_cantine --db "$S" dish show "Omelette au fromage"
expect_rc 0 "$C"
expect_row "dont sucres ≈ 0,1 g ≈ 0,1 g" "$C"

# A dish without a recipe (declared by an SCDL import) has no nutrients.
S3="$T/declared.db"
make_store "$S3"
import_or_abort "$S3" etablissements "$GOOD/etablissements.csv"
run_cantine --db "$S3" import-ciqual "$CQ"
[ "$RC" = 0 ] || abort "fixture: import-ciqual into $S3"
run_cantine --db "$S" export-scdl
[ "$RC" = 0 ] || abort "fixture: export-scdl"
cp "$OUT" "$T/menus.csv"
run_cantine --db "$S3" import-scdl "$T/menus.csv"
[ "$RC" = 0 ] || abort "fixture: import-scdl"
C="dish show of a declared dish"
run_cantine --db "$S3" dish show "Carottes râpées"
expect_rc 0 "$C"
expect_stdout "Sans recette" "$C"
expect_stdout_line "  Valeurs nutritionnelles : inconnues (plat sans recette)" "$C"

# ---- (c) bad files: refused, the store unchanged ----
# Each variant is the extract damaged in one way; the expected message
# gives the physical line, counted here by Python (records span lines).
"$PY" - "$CQ" "$T" >"$T/variants" <<'EOF' || abort "fixture: bad variants"
import sys
src = open(sys.argv[1], 'rb').read()
out = sys.argv[2]
text = src.decode('cp1252')

def line(data, at):
    return data.count(b'\n', 0, at) + 1

def save(name, data, expect):
    open('%s/%s.csv' % (out, name), 'wb').write(data)
    print('%s\t%s' % (name, expect))

last = src.rindex(b'\r\n', 0, len(src) - 2) + 2        # start of the last record
cut = last + 120
save('tronque-milieu', src[:cut], 'tronque-milieu.csv, ligne %d : le fichier '
     "s'arrête au milieu d'un aliment (%d cellules sur 84)"
     % (line(src, last), src.count(b';', last, cut) + 1))
save('tronque-fin', src[:-2], 'tronque-fin.csv, ligne %d : la dernière ligne ne '
     'se termine pas par un retour à la ligne' % line(src, len(src) - 2))
q = src.rindex(b'"<\n')
save('tronque-guillemet', src[:q + 3], 'tronque-guillemet.csv, ligne %d : un '
     "guillemet ouvert n'est jamais fermé" % line(src, q))
first = src.index(b'Jones"\r\n') + 8                    # end of the header
save('en-tete-seul', src[:first], "en-tete-seul.csv : la table n'a aucun aliment")
rec = src.index(b';20009;')
rs = src.rindex(b'\r\n', 0, rec) + 2
re_ = src.index(b'\r\n', rec)
save('cellule-en-moins', src[:re_ - 5] + src[re_:],      # "6.25" and its ";" gone
     'cellule-en-moins.csv, ligne %d : 83 cellules au lieu de 84' % line(src, rs))
# Re-encodings.
utf8 = text.encode('utf-8')
save('mojibake', utf8.decode('cp1252', errors='strict').encode('utf-8'),
     "mojibake.csv, ligne 1, colonne 10 : l'en-tête contient des caractères comme « Ã© »")
latin = src.decode('latin-1').encode('utf-8')
e = src.index(b'carottes\x85')
save('iso-8859-1', latin, 'iso-8859-1.csv, ligne %d, colonne 8 (alim_nom_fr) : le '
     'texte contient un caractère de contrôle invisible' % line(src, src.rindex(b'\r\n', 0, e) + 2))
save('remplacement', src.decode('utf-8', errors='replace').encode('utf-8'),
     "remplacement.csv, ligne 1, colonne 10 : l'en-tête contient le caractère de remplacement")
# Re-saved or edited.
p = src.index(b';127;30,2;')
save('point-decimal', src.replace(b';127;30,2;', b';127;30.2;', 1),
     'point-decimal.csv, ligne %d, colonne 11 (Energie, Règlement UE N° 1169/2011 '
     '(kcal/100 g)) : « 30.2 » : la table écrit les teneurs avec une virgule '
     'décimale' % line(src, rs))
h = src.index(b'Cendres')
save('colonne-renommee', src.replace(b'Cendres', b'Cendre', 1),
     'colonne-renommee.csv, ligne %d, colonne 29 : « Cendre (g 100 g) » n\'est pas '
     'une colonne de la table Ciqual 2025' % line(src, h))
save('colonne-absente', src.replace(b'Cendres', b'Cendre', 1),
     "colonne-absente.csv, ligne 1 : 1 colonne de la table Ciqual 2025 absente de "
     "l'en-tête : « Cendres (g/100 g) »")
save('virgules', text.replace(';', ',').encode('cp1252'),
     'virgules.csv, ligne 1 : la table Ciqual sépare ses colonnes par des points-virgules')
save('vide', b'', 'vide.csv : le fichier est vide')
EOF

S2="$T/refused.db"
while IFS=$'\t' read -r name want; do
	copy_db "$S" "$S2" || abort "fixture: copy store"
	dump_db "$S2" >"$T/before.dump"
	C="import-ciqual $name.csv"
	( cd "$T" && run_cantine --db "$S2" import-ciqual "$name.csv"; echo "$RC" >"$T/rc" )
	RC=$(cat "$T/rc")
	expect_rc 2 "$C"
	expect_stderr "$want" "$C"
	expect_stderr "la table Ciqual n'a pas été importée (la base n'a pas changé)" "$C"
	expect_stdout_empty "$C"
	dump_db "$S2" >"$T/after.dump"
	expect_same_file "$T/before.dump" "$T/after.dump" "$C: store unchanged"
done <"$T/variants"
expect_eq "$(wc -l <"$T/variants")" 13 "every bad variant was tried"

C="import-ciqual on a folder"
copy_db "$S" "$S2"
run_cantine --db "$S2" import-ciqual "$T"
expect_rc 2 "$C"
expect_stderr "c'est un dossier, pas un fichier" "$C"
dump_db "$S2" >"$T/after.dump"
expect_same_file "$T/ref.dump" "$T/after.dump" "$C: store unchanged"

# ---- (d) usage and the default file ----
C="import-ciqual --help"
run_cantine import-ciqual --help
expect_rc 0 "$C"
expect_stdout "Usage : cantine [--db FICHIER] import-ciqual [FICHIER]" "$C"
expect_stdout "nutrition-data/Table_Ciqual_2025_FR_2025_11_03.csv" "$C"
expect_stdout "Licence Ouverte / Etalab 2.0" "$C"

C="import-ciqual with two files"
run_cantine --db "$S2" import-ciqual "$CQ" "$CQ"
expect_rc 2 "$C"
expect_stderr "argument inattendu" "$C"

C="import-ciqual --encodage"
run_cantine --db "$S2" import-ciqual --encodage utf-8 "$CQ"
expect_rc 2 "$C"
expect_stderr "option « --encodage » inconnue" "$C"

C="cantine --help lists import-ciqual"
run_cantine --help
expect_stdout "import-ciqual [FICHIER]" "$C"

# Without FICHIER: nutrition-data/… from the current directory.
mkdir -p "$T/projet/nutrition-data" "$T/ailleurs"
cp "$CQ" "$T/projet/nutrition-data/Table_Ciqual_2025_FR_2025_11_03.csv"
make_store "$T/d.db"
C="import-ciqual without FICHIER"
( cd "$T/projet" && run_cantine --db "$T/d.db" import-ciqual; echo "$RC" >"$T/rc" )
RC=$(cat "$T/rc")
expect_rc 0 "$C"
expect_eq "$(count_rows "$T/d.db" ciqual_food)" 17 "$C: the default file was read"
C="import-ciqual without FICHIER, none there"
( cd "$T/ailleurs" && run_cantine --db "$T/d.db" import-ciqual; echo "$RC" >"$T/rc" )
RC=$(cat "$T/rc")
expect_rc 2 "$C"
expect_stderr "pas de table Ciqual à l'emplacement par défaut « nutrition-data/Table_Ciqual_2025_FR_2025_11_03.csv »" "$C"
expect_eq "$(count_rows "$T/d.db" ciqual_food)" 17 "$C: store unchanged"

finish
