#!/bin/bash
# purchase.sh: `cantine purchase import` and `cantine purchase list`
# (docs/formats.md, "Achats"): good ma-cantine files in both formats
# (exit 0, the purchases listed with their amounts rounded half down), a
# file imported twice (refused), bad files (exit 2, French message with
# line, column and field, store unchanged), usage and --help.
#
#   CANTINE=build/frontends/cli/cantine SRCDIR=. bash tests/cli/purchase.sh

. "$(dirname "$0")/lib.sh"

P="$DATA/purchases"
S="$T/store.db"
make_store "$S"
import_or_abort "$S" etablissements "$GOOD/etablissements.csv"

# ---- good files ----
C="import, current format"
run_cantine --db "$S" purchase import "$P/good-current.csv"
expect_rc 0 "$C"
expect_stdout "good-current.csv : 4 achats importés." "$C"
expect_eq "$(count_rows "$S" purchase)" 4 "$C: rows"

C="import, old format"
run_cantine --db "$S" purchase import "$P/good-old.csv"
expect_rc 0 "$C"
expect_stdout "good-old.csv : 3 achats importés." "$C"

C="list, one year"
run_cantine --db "$S" purchase list --etab 0595871L --annee 2025
expect_rc 0 "$C"
expect_stdout "Achats de Collège Louise Michel (0595871L) en 2025" "$C"
expect_stdout "2025-09-08         90,11 €  FRUITS_ET_LEGUMES  BIO,HVE,FRANCE,CIRCUIT_COURT,LOCAL (local : KM 80 km)  Ferme du Pévèle : Pommes de terre" "$C"
expect_stdout "2025-01-15         45,68 €" "$C"
expect_stdout "0,12 €  PRODUITS_LAITIERS  AOCAOP,CIRCUIT_COURT,LOCAL (local : PAT)" "$C"
expect_stdout "7 achats, total 469,04 € HT" "$C"

C="list, another year"
run_cantine --db "$S" purchase list --etab 0595871L --annee 2024
expect_rc 0 "$C"
expect_stdout "0 achat, total 0,00 € HT" "$C"

# ---- classification suggestions (issue 5, item 3) ----
# "POMME GOLDEN CAT1 BIO" declares no label: BIO is suggested, shown as a
# suggestion, and the EGALIM bio share stays what the file declares (0 %).
C="suggestions"
printf '%s\n' 'siret,description,fournisseur,date,prix_ht,famille_produits,categories_egalim,origine,est_circuit_court,est_local,definition_local,definition_local_km' \
	'19595871500011,POMME GOLDEN CAT1 BIO,Primeur,2023-03-01,100.00,FRUITS_ET_LEGUMES,,,,,,' \
	'19595871500011,POULET FERMIER,,2023-03-02,100.00,VIANDES_VOLAILLES,LABEL_ROUGE,FRANCE,,,,' \
	'19595871500011,POMME GALA HVE,,2023-03-03,100.00,FRUITS_ET_LEGUMES,HVE,,,,,' >"$T/s2023.csv"
run_cantine --db "$S" purchase import "$T/s2023.csv"
expect_rc 0 "$C"
expect_stdout "s2023.csv : 3 achats importés." "$C"
expect_stdout_line "Suggestions de classement : 2 achats sur 3 (caractéristiques : 2, famille : 0, origine : 0) ; à confirmer, elles ne comptent pas dans les taux EGALIM (voir cantine purchase list)." "$C"
run_cantine --db "$S" purchase list --etab 0595871L --annee 2023
expect_rc 0 "$C: list"
expect_stdout "2023-03-01        100,00 €  FRUITS_ET_LEGUMES  -  Primeur : POMME GOLDEN CAT1 BIO" "$C: nothing declared"
expect_stdout_line "           suggestion : BIO (règle bio) — à confirmer, non comptée" "$C: BIO suggested"
expect_stdout "VIANDES_VOLAILLES  LABEL_ROUGE,FRANCE  POULET FERMIER" "$C: the declared label stays"
expect_stdout_line "           suggestion : FERMIER (règle fermier) — à confirmer, non comptée" "$C: FERMIER suggested"
expect_eq "$(grep -c 'suggestion :' "$OUT")" 2 "$C: HVE declared, not suggested again"
run_cantine --db "$S" egalim --etab 0595871L --annee 2023 --tout
expect_stdout "2023 : bio 0,00 % (0,00 € sur 300,00 € d'achats HT)" "$C: the bio share counts what is declared"
expect_stdout "produits durables et de qualité (bio compris) 66,67 %" "$C: LABEL_ROUGE and HVE declared"

# ---- refusals: exit 2, message, store unchanged ----
dump_db "$S" >"$T/before.sql"

# check_refused FILE FRAGMENT...: exit 2, every FRAGMENT on stderr, store
# unchanged.
check_refused() {
	local f=$1 frag
	shift
	run_cantine --db "$S" purchase import "$P/$f"
	expect_rc 2 "$f"
	for frag in "$@"; do
		expect_stderr "$frag" "$f"
	done
	dump_db "$S" >"$T/after.sql"
	expect_same_file "$T/before.sql" "$T/after.sql" "$f: store unchanged"
}

check_refused good-current.csv \
	"good-current.csv : ce fichier a déjà été utilisé pour un import" \
	"aucun achat n'a été importé (la base n'a pas changé)"
check_refused bad-rows.csv \
	"bad-rows.csv, ligne 2, colonne 1 (siret) : cellule vide" \
	"bad-rows.csv, ligne 4, colonne 4 (date) : « 2022-02-31 » n'est pas une date qui existe" \
	"ligne 6, colonne 5 (prix_ht) : « A price » n'est pas un prix : la valeur ne doit comporter que des chiffres et le point comme séparateur décimal" \
	"ligne 7, colonne 6 (famille_produits) : « NOPE » n'est pas une famille de produits de ma-cantine" \
	"ligne 9 : la ligne n'a pas le même nombre de cellules que l'en-tête" \
	"ligne 10 : ligne vide" \
	"ligne 12, colonne 4 (date) : la date « 2999-01-10 » est dans le futur" \
	"ligne 13, colonne 11 (definition_local) : la caractéristique LOCAL n'est pas sélectionnée" \
	"ligne 15, colonne 5 (prix_ht) : « 12,5 » : le séparateur décimal à utiliser est le point" \
	"ligne 21, colonne 1 (siret) : « 19595871500000 » n'est pas un SIRET valide"
check_refused bad-old-origin.csv \
	"ligne 2, colonne 7 (caracteristiques) : les caractéristiques EUROPE et FRANCE ne peuvent pas être sélectionnées en même temps"
check_refused bad-header-name.csv \
	"ligne 1 : l'en-tête n'est ni celui du format actuel des achats de ma-cantine (12 colonnes" \
	"ligne 1, colonne 1 : valeur incorrecte : vous avez écrit « s_iret » au lieu de « siret »"
check_refused bad-header-missing.csv "il manque caracteristiques, definition_local"
check_refused bad-cantine-id.csv "« cantine_id » est le numéro d'une cantine"
check_refused absent.csv "absent.csv : fichier introuvable"

# An error on every line: the first 1000 problems in full, then a count.
C="1200 bad rows"
{
	echo "siret,description,fournisseur,date,prix_ht,famille_produits,caracteristiques,definition_local"
	for i in $(seq 1200); do echo "19595871500011,Pain,,2025-03-04,1;5,BOULANGERIE,,"; done
} >"$T/many-bad.csv"
run_cantine --db "$S" purchase import "$T/many-bad.csv"
expect_rc 2 "$C"
expect_stderr "many-bad.csv, ligne 1001, colonne 5 (prix_ht) : « 1;5 » n'est pas un prix" "$C"
expect_stderr "… et 200 autres problèmes." "$C"
expect_stderr "1200 problèmes dans" "$C"
dump_db "$S" >"$T/after.sql"
expect_same_file "$T/before.sql" "$T/after.sql" "$C: store unchanged"

# ---- usage ----
C="purchase --help"
run_cantine purchase --help
expect_rc 0 "$C"
expect_stdout "purchase import FICHIER" "$C"
C="purchase import --help"
run_cantine purchase import --help
expect_rc 0 "$C"
expect_stdout "caracteristiques,definition_local" "$C"
C="purchase without subcommand"
run_cantine --db "$S" purchase
expect_rc 2 "$C"
expect_stderr "il faut une sous-commande" "$C"
C="purchase unknown subcommand"
run_cantine --db "$S" purchase frob
expect_rc 2 "$C"
expect_stderr "sous-commande « frob » inconnue" "$C"
C="purchase import without file"
run_cantine --db "$S" purchase import
expect_rc 2 "$C"
expect_stderr "il faut un FICHIER" "$C"
C="purchase list bad year"
run_cantine --db "$S" purchase list --annee 26
expect_rc 2 "$C"
expect_stderr "--annee « 26 »" "$C"
C="purchase list unknown etab"
run_cantine --db "$S" purchase list --etab 0000000A
expect_rc 2 "$C"

# The project's own CSV of purchases (kind achats): ';', decimal comma,
# families in any case, characteristics as one '|' list; classified; the
# same file once; exported and imported again identically elsewhere.
P="$T/projet.db"
make_store "$P"
import_or_abort "$P" etablissements "$GOOD/etablissements.csv"
C="import achats"
run_cantine --db "$P" import achats "$GOOD/achats.csv"
expect_rc 0 "$C"
expect_stdout "achats.csv : 3 lignes lues, 3 créés" "$C"
run_cantine --db "$P" purchase list --etab 0595871L --annee 2025
expect_stdout "2025-03-03         45,20 €  FRUITS_ET_LEGUMES  BIO,FRANCE,LOCAL (local : REGION)  Norabio : Carottes bio" "$C: list"
expect_stdout "PECHE_DURABLE,FRANCE,CIRCUIT_COURT,LOCAL (local : KM 110 km)" "$C: list"
expect_stdout "2 achats, total 205,20 € HT" "$C: amounts in cents"
before=$(dump_db "$P" | sha256sum)
run_cantine --db "$P" import achats "$GOOD/achats.csv"
expect_rc 2 "$C twice"
expect_stderr "ce fichier a déjà été utilisé pour un import" "$C twice"
expect_eq "$(dump_db "$P" | sha256sum)" "$before" "$C twice: store unchanged"
run_cantine --db "$P" export achats
expect_rc 0 "export achats"
expect_stdout_line "0595871L,2025-03-04,Marée Boulonnaise,Filet de lieu noir,PRODUITS_DE_LA_MER,PECHE_DURABLE|FRANCE|CIRCUIT_COURT|LOCAL,KM,110,160.00" "export achats"
cp "$OUT" "$T/export-achats.csv"
P2="$T/projet2.db"
make_store "$P2"
import_or_abort "$P2" etablissements "$GOOD/etablissements.csv"
import_or_abort "$P2" achats "$T/export-achats.csv"
run_cantine --db "$P2" export achats
expect_same_file "$T/export-achats.csv" "$OUT" "export achats: the round trip gives the same file"

finish
