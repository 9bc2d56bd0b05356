#!/bin/bash
# nutriscore.sh: `cantine nutriscore`, the Nutri-Score 2023 of one food
# from the command line.  Published examples (DOMAIN §6's sources) give
# their published score and grade, with the points of each component and
# the rule that applied; French and English decimals give the same output;
# --sodium is --sel / 2.5; bad or missing options give a French message,
# exit code 2 and nothing on stdout; the command needs no store and never
# creates or writes one; --help.
#
# Run by meson (suite cli); by hand:
#   CANTINE=build/frontends/cli/cantine SRCDIR=. bash tests/cli/nutriscore.sh

. "$(dirname "$0")/lib.sh"

# A store that must stay as it is, and a path where none must appear.
S="$T/store.db"
make_store "$S"
dump_db "$S" >"$T/before.dump"
NONE="$T/absent.db"

# ns ARGS...: cantine --db $NONE nutriscore ARGS...
ns() {
	run_cantine --db "$NONE" nutriscore "$@"
}

# ---- published examples (nghiamphan/nutri-score-2023 tests) ----

# Cheese: 1523 kJ, sugars 0.5, saturates 19.8, salt 1.8 (exactly on a
# threshold: 8 points, not 9), protein 24 counted despite N = 22: 15, D.
ns --categorie fromage --energie-kj 1523 --sucres 0,5 --ags 19,8 --sel 1,8 --proteines 24
expect_rc 0 "fromage"
expect_stderr_empty "fromage"
expect_stdout_line "Nutri-Score 2023, catégorie fromage (valeurs pour 100 g)" "fromage"
expect_stdout_line "  énergie                                 1523 kJ    4 / 10" "fromage"
expect_stdout_line "  sucres                                    0,5 g    0 / 15" "fromage"
expect_stdout_line "  acides gras saturés                      19,8 g   10 / 10" "fromage"
expect_stdout_line "  sel                                       1,8 g    8 / 20" "fromage"
expect_stdout_line "  total N                                           22" "fromage"
expect_stdout_line "  protéines                                  24 g    7 / 7" "fromage"
expect_stdout_line "  total P                                            7" "fromage"
expect_stdout_line "Fromage : protéines comptées bien que N vaille 22, 11 ou plus." "fromage"
expect_stdout_line "Score : N − P = 22 − 7 = 15" "fromage"
expect_stdout_line "Note : D" "fromage"
expect_stdout_not "édulcorants" "fromage: no sweeteners line for a food"
cp "$OUT" "$T/cheese.out"

# The same with decimal points, accented option names and = syntax.
ns --catégorie=fromage --energie-kj=1523 --sucres 0.5 --acides-gras-saturés 19.8 \
	--sel 1.8 --protéines 24
expect_rc 0 "fromage, point décimal"
expect_same_file "$T/cheese.out" "$OUT" "fromage: 0,5 and 0.5 give the same output"

# Salt from sodium: 1.8 g of salt is 0.72 g of sodium.
ns --categorie fromage --energie-kj 1523 --sucres 0,5 --ags 19,8 --sodium 0,72 --proteines 24
expect_rc 0 "fromage, sodium"
expect_same_file "$T/cheese.out" "$OUT" "fromage: --sodium 0,72 is --sel 1,8"

# Red meat: pork square rib, protein capped at 2: 6, C.
ns --categorie viande-rouge --energie-kj 1025 --ags 6,0 --sucres 0,5 --sel 0,2 --proteines 22,4
expect_rc 0 "viande rouge"
expect_stdout_line "  acides gras saturés                         6 g    5 / 10" "viande rouge: 6 is not > 6"
expect_stdout_line "  protéines                                22,4 g    2 / 7   plafonnés à 2" "viande rouge"
expect_stdout_line "Viande rouge : les points des protéines sont plafonnés à 2." "viande rouge"
expect_stdout_line "Score : N − P = 8 − 2 = 6" "viande rouge"
expect_stdout_line "Note : C" "viande rouge"

# Beef tenderloin: -1, A.
ns --categorie viande-rouge --energie-kj 489 --ags 0,9 --sucres 0 --sel 0,1 --proteines 23,7
expect_rc 0 "filet de bœuf"
expect_stdout_line "Score : N − P = 1 − 2 = -1" "filet de bœuf"
expect_stdout_line "Note : A" "filet de bœuf"

# Apple sauce, fruit 90 %: 0, A.
ns --categorie generale --energie-kj 321 --ags 0 --sucres 17,1 --sel 0 --proteines 0,2 \
	--fibres 1,9 --fruits-legumes 90
expect_rc 0 "compote"
expect_stdout_line "  fruits, légumes et légumineuses            90 %    5 / 5" "compote"
expect_stdout_line "Score : N − P = 5 − 5 = 0" "compote"
expect_stdout_line "Note : A" "compote"

# Fats: animal fat, published as 2024 kJ from saturates and a 67.3 %
# ratio: 54.703 g of saturates in 81.282 g of fat.  22, E.
ns --categorie matieres-grasses --ags 54,703 --lipides 81,282 --sucres 0,9 --sel 0,6 \
	--proteines 0,7
expect_rc 0 "graisse animale"
expect_stdout_line "  énergie des acides gras saturés     2024,011 kJ   10 / 10" "graisse animale"
expect_stdout_line "  acides gras saturés / lipides       67,300263 %   10 / 10" "graisse animale"
expect_stdout_line "  protéines                                 0,7 g    0 / 7   non comptés" "graisse animale"
expect_stdout_line "Protéines non comptées : N vaut 22, 7 ou plus (matières grasses)." "graisse animale"
expect_stdout_line "Score : N − P = 22 − 0 = 22" "graisse animale"
expect_stdout_line "Note : E" "graisse animale"

# Beverages: orange juice 4, C (fruit 100 % → 6 points); sweetened soft
# drink 5, C; soft drink 12, E.
ns --categorie boisson --energie-kj 201 --sucres 9 --ags 0 --sel 0 --proteines 0,5 \
	--fruits-legumes 100
expect_rc 0 "jus d'orange"
expect_stdout_line "Nutri-Score 2023, catégorie boisson (valeurs pour 100 ml)" "jus d'orange"
expect_stdout_line "  sucres                                      9 g    7 / 10" "jus d'orange"
expect_stdout_line "  fruits, légumes et légumineuses           100 %    6 / 6" "jus d'orange"
expect_stdout_line "Score : N − P = 10 − 6 = 4" "jus d'orange"
expect_stdout_line "Note : C" "jus d'orange"
ns --categorie boisson --energie-kj 29 --sucres 1,2 --ags 0 --sel 0 --proteines 0,1 --edulcorants
expect_rc 0 "soda édulcoré"
expect_stdout_line "  édulcorants                                 oui    4 / 4" "soda édulcoré"
expect_stdout_line "Score : N − P = 5 − 0 = 5" "soda édulcoré"
expect_stdout_line "Note : C" "soda édulcoré"
ns --categorie boisson --energie-kj 176 --sucres 10,6 --ags 0 --sel 0 --proteines 0
expect_rc 0 "soda"
expect_stdout_line "  édulcorants                                 non    0 / 4" "soda"
expect_stdout_line "Score : N − P = 12 − 0 = 12" "soda"
expect_stdout_line "Note : E" "soda"

# Water: A, with nothing to give; a salty one is still A.
ns --categorie eau
expect_rc 0 "eau"
expect_stdout_line "Note : A (l'eau est classée A quelle que soit sa composition)" "eau"
ns --categorie eau --sel 1,1
expect_rc 0 "eau salée"
expect_stdout_line "Score : N − P = 5 − 0 = 5" "eau salée"
expect_stdout_line "Note : A (l'eau est classée A quelle que soit sa composition)" "eau salée"

# Protein not counted in a general food at N ≥ 11.
ns --categorie generale --energie-kj 2000 --sucres 30 --ags 8 --sel 1 --proteines 10 \
	--fibres 2 --fruits-legumes 45
expect_rc 0 "générale, N ≥ 11"
expect_stdout_line "  protéines                                  10 g    4 / 7   non comptés" "générale, N ≥ 11"
expect_stdout_line "Protéines non comptées : N vaut 24, 11 ou plus, et l'aliment n'est pas un fromage." "générale, N ≥ 11"
expect_stdout_line "Score : N − P = 24 − 1 = 23" "générale, N ≥ 11"

expect_absent "$NONE" "no store is created by nutriscore"

# ---- bad input: French message, exit 2, nothing on stdout ----

# bad WHAT FRAGMENT ARGS...: nutriscore ARGS fails with FRAGMENT on stderr.
bad() {
	local what=$1 fragment=$2
	shift 2
	run_cantine --db "$S" nutriscore "$@"
	expect_rc 2 "$what"
	expect_stderr "$fragment" "$what"
	expect_stdout_empty "$what"
}

ALL=(--energie-kj 100 --sucres 1 --ags 1 --sel 1 --proteines 2)
bad "sans catégorie" "il manque --categorie (generale, fromage" "${ALL[@]}"
bad "catégorie inconnue" "catégorie « poisson » inconnue ; valeurs possibles" \
	--categorie poisson "${ALL[@]}"
bad "valeurs manquantes" \
	"pour la catégorie fromage, il manque --energie-kj, --sucres, --ags, --sel et --proteines ; donnez chaque valeur" \
	--categorie fromage
bad "une valeur manquante" "pour la catégorie générale, il manque --proteines ;" \
	--categorie generale --energie-kj 100 --sucres 1 --ags 1 --sel 1
bad "lipides manquants" "pour la catégorie matières-grasses, il manque --lipides ;" \
	--categorie matieres-grasses --ags 1 --sucres 0 --sel 0 --proteines 0
bad "pas un nombre" "--sucres « 4,5,6 » n'est pas un nombre ; écrivez par exemple 4,5 ou 4.5" \
	--categorie generale --energie-kj 100 --sucres 4,5,6 --ags 1 --sel 1 --proteines 2
bad "unité collée" "--sel « 1,2g » n'est pas un nombre" \
	--categorie generale --energie-kj 100 --sucres 1 --ags 1 --sel 1,2g --proteines 2
bad "trop de décimales" "--ags « 0,1234567 » n'est pas un nombre" \
	--categorie generale --energie-kj 100 --sucres 1 --ags 0,1234567 --sel 1 --proteines 2
bad "valeur vide" "--proteines est vide ; écrivez un nombre" \
	--categorie generale --energie-kj 100 --sucres 1 --ags 1 --sel 1 --proteines ""
bad "option sans valeur" "l'option « --sucres » demande une valeur" \
	--categorie generale --sucres
bad "option inconnue" "option « --glucides » inconnue" --categorie generale --glucides 3
bad "option en double" "l'option --sucres est donnée deux fois" \
	--categorie generale "${ALL[@]}" --sucres 2
bad "argument en trop" "argument inattendu « fromage »" --categorie generale "${ALL[@]}" fromage
bad "sel et sodium" "--sel et --sodium disent la même chose" \
	--categorie generale "${ALL[@]}" --sodium 0,4
bad "édulcorants hors boisson" "--edulcorants ne compte que pour les boissons" \
	--categorie generale "${ALL[@]}" --edulcorants
bad "sucres négatifs" "sucres négatifs : indiquez les grammes pour 100 g" \
	--categorie generale --energie-kj 100 --sucres -1 --ags 1 --sel 1 --proteines 2
bad "sodium négatif" "sodium négatif" \
	--categorie generale --energie-kj 100 --sucres 1 --ags 1 --sodium -0,1 --proteines 2
bad "sucres > 100 g" "sucres au-delà de 100 g pour 100 g : c'est impossible" \
	--categorie generale --energie-kj 100 --sucres 100,5 --ags 1 --sel 1 --proteines 2
bad "plus de 100 %" "part de fruits, légumes et légumineuses au-delà de 100 %" \
	--categorie generale "${ALL[@]}" --fruits-legumes 120
bad "énergie impossible" "énergie de plus de 3 700 kJ pour 100 g" \
	--categorie generale --energie-kj 3800 --sucres 1 --ags 1 --sel 1 --proteines 2
bad "saturés > lipides" "acides gras saturés supérieurs aux lipides" \
	--categorie matieres-grasses --ags 12 --lipides 10 --sucres 0 --sel 0 --proteines 0
bad "somme > 100 g" "font ensemble plus de 100 g pour 100 g" \
	--categorie generale --energie-kj 1000 --sucres 60 --ags 20 --lipides 30 --sel 1 --proteines 15
bad "eau sucrée" "choisissez la catégorie boisson" --categorie eau --sucres 5
bad "eau édulcorée" "choisissez la catégorie boisson" --categorie eau --edulcorants

dump_db "$S" >"$T/after.dump"
expect_same_file "$T/before.dump" "$T/after.dump" "nutriscore: store unchanged"
expect_absent "$NONE" "no store is created by a failing nutriscore"

# ---- help ----

ns --help
expect_rc 0 "nutriscore --help"
expect_stdout "Usage : cantine nutriscore --categorie CATÉGORIE" "nutriscore --help"
expect_stdout "--fruits-legumes X" "nutriscore --help"
expect_stdout "Exemple : cantine nutriscore --categorie fromage" "nutriscore --help"
expect_stderr_empty "nutriscore --help"
run_cantine --help
expect_rc 0 "cantine --help"
expect_stdout "  nutriscore --categorie C" "cantine --help lists nutriscore"

finish
