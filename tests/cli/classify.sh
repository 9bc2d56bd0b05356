#!/bin/bash
# classify.sh: `cantine purchase classify`: the
# suggestions of the built-in classification rules for invoice wording,
# every matching rule and what it matched; --fichier (one text per line);
# --regles (a site's rules file) and its errors, with line and column; bad
# usage gives a French message, exit code 2 and nothing on stdout; the
# command needs no store and never creates or writes one; --help.
#
# Run by meson (suite cli); by hand:
#   CANTINE=build/frontends/cli/cantine SRCDIR=. bash tests/cli/classify.sh

. "$(dirname "$0")/lib.sh"

# A store that must stay as it is, and a path where none must appear.
S="$T/store.db"
make_store "$S"
dump_db "$S" >"$T/before.dump"
NONE="$T/absent.db"

cl() {
	run_cantine --db "$NONE" purchase classify "$@"
}

# ---- the issue's examples ----

cl "STEAK HACHE 15%MG VBF LABEL ROUGE" "POMME GOLDEN CAT1 BIO" "EMMENTAL AOP" "FILET COLIN MSC"
expect_rc 0 "four examples"
expect_stderr_empty "four examples"
expect_stdout_line "« STEAK HACHE 15%MG VBF LABEL ROUGE »" "steak"
expect_stdout "  suggestion (à vérifier ; ne remplace pas ce que déclare la facture) :
    famille : VIANDES_VOLAILLES (Viandes et volailles fraîches et surgelées)
    caractéristiques : LABEL_ROUGE
    origine : FRANCE
  règles reconnues :
    label-rouge (ligne 8) : « LABEL ROUGE »
    vbf (ligne 39) : « VBF » → famille
    viande-boeuf (ligne 41) : « STEAK »
" "steak: family, label rouge, origin France, the rules and their matches"
expect_stdout "« POMME GOLDEN CAT1 BIO »
  suggestion (à vérifier ; ne remplace pas ce que déclare la facture) :
    famille : FRUITS_ET_LEGUMES (Fruits et légumes frais et surgelés)
    caractéristiques : BIO
    origine : non indiquée" "pomme bio"
expect_stdout "    famille : PRODUITS_LAITIERS (BOF (Produits laitiers, beurre et œufs))
    caractéristiques : AOCAOP" "emmental AOP"
expect_stdout "    famille : PRODUITS_DE_LA_MER (Poissons, produits de la mer et de l'aquaculture)
    caractéristiques : PECHE_DURABLE" "colin MSC"
expect_stdout "    msc (ligne 16) : « MSC »" "colin MSC: the rule"

# Case, accents and word boundaries.
cl "émmental aop" "ABRICOT SIROP" "PALAIS BRETON"
expect_rc 0 "case and accents"
expect_stdout "    fromage (ligne 35) : « émmental » → famille" "accents: the match as written"
expect_stdout_not "bio-ab" "ABRICOT is not AB"
expect_stdout "« PALAIS BRETON »
  aucune règle ne reconnaît ce libellé : pas de suggestion" "PALAIS is not LAIT"

# ---- --fichier ----

printf 'JAMBON DE DINDE VOLAILLE FRANCAISE\r\n\r\nCAROTTE ORIGINE FRANCE OU ESPAGNE\r\n' >"$T/libelles.txt"
cl --fichier "$T/libelles.txt"
expect_rc 0 "--fichier"
expect_stdout "« JAMBON DE DINDE VOLAILLE FRANCAISE »
  suggestion (à vérifier ; ne remplace pas ce que déclare la facture) :
    famille : CHARCUTERIE (Charcuterie)" "--fichier: first line, CR stripped"
expect_stdout "    origine : contradictoire (FRANCE et EUROPE) ; à vérifier" "--fichier: conflict"

printf 'PAIN\nPAIN \xe9\n' >"$T/latin1.txt"
cl --fichier "$T/latin1.txt"
expect_rc 2 "--fichier not UTF-8"
expect_stderr "latin1.txt, ligne 2 : le texte « PAIN " "--fichier not UTF-8: line"
expect_stdout_empty "--fichier not UTF-8: nothing printed"

cl --fichier "$T/absent.txt"
expect_rc 2 "--fichier missing"
expect_stderr "absent.txt : fichier introuvable" "--fichier missing"

# ---- --regles ----

cat >"$T/regles.csv" <<'CSV'
regle;motif;famille;caracteristiques;origine;exemple
# règles du site
pomme;POMMES?;FRUITS_ET_LEGUMES;;;POMME GALA
nord;NORD|PAS[ -]DE[ -]CALAIS;;LOCAL;FRANCE;POMME DU NORD
CSV
cl --regles "$T/regles.csv" "Pommes du Pas-de-Calais"
expect_rc 0 "--regles"
expect_stdout "    caractéristiques : LOCAL
    origine : FRANCE
  règles reconnues :
    pomme (ligne 3) : « Pommes » → famille
    nord (ligne 4) : « Pas-de-Calais »" "--regles: the site's rules"

cat >"$T/mauvais.csv" <<'CSV'
regle;motif;famille;caracteristiques;origine;exemple
pomme;POMMES?;FRUITS_ET_LEGUMES;;;POMME GALA
poire;POIRE(;FRUITS_ET_LEGUMES;;;POIRE
CSV
cl --regles "$T/mauvais.csv" "POIRE"
expect_rc 2 "--regles bad pattern"
expect_stderr "mauvais.csv, ligne 3, colonne 2 (motif) : motif refusé par PCRE2 au caractère 7" "bad pattern: line, column, offset"
expect_stdout_empty "bad pattern: nothing printed"

printf 'regle;motif;famille;caracteristiques;origine;exemple\npomme;POMME;FRUITS;;;POMME\n' >"$T/famille.csv"
cl --regles "$T/famille.csv" "POMME"
expect_rc 2 "--regles unknown family"
expect_stderr "famille.csv, ligne 2, colonne 3 (famille) : famille « FRUITS » inconnue" "unknown family"

printf 'regle;motif;famille;caracteristiques;origine;exemple\npomme;POMME;;BIOLOGIQUE;;POMME\n' >"$T/code.csv"
cl --regles "$T/code.csv" "POMME"
expect_rc 2 "--regles unknown code"
expect_stderr "code.csv, ligne 2, colonne 4 (caracteristiques) : « BIOLOGIQUE » n'est pas un code" "unknown code"

# ---- usage ----

cl
expect_rc 2 "no text"
expect_stderr "cantine : il faut au moins un TEXTE, ou --fichier FICHIER" "no text"
expect_stdout_empty "no text"
cl --fichier "$T/libelles.txt" "EN TROP"
expect_rc 2 "text and --fichier"
expect_stderr "texte « EN TROP » en plus de --fichier" "text and --fichier"
cl --bogus X
expect_rc 2 "unknown option"
expect_stderr "option « --bogus » inconnue" "unknown option"

dump_db "$S" >"$T/after.dump"
expect_same_file "$T/before.dump" "$T/after.dump" "classify: store unchanged"
expect_absent "$NONE" "classify creates no store"

# ---- help ----

cl --help
expect_rc 0 "classify --help"
expect_stdout "Usage : cantine purchase classify [--regles FICHIER] TEXTE..." "classify --help"
expect_stdout "ne remplace jamais ce" "classify --help: a suggestion"
run_cantine --help
expect_rc 0 "cantine --help"
expect_stdout "  purchase classify [--regles F] TEXTE... | --fichier F" "cantine --help lists purchase classify"

finish
