#!/bin/bash
# bad-inputs.sh: every bad CSV file of tests/data/bad (plus a few generated
# ones) must be refused with exit code 2, a specific French message that
# locates the problem ("FILE, ligne L, colonne C (champ) : message"), and
# leave the store exactly as it was (all or nothing).
#
# Run by meson (suite cli); by hand:
#   CANTINE=build/frontends/cli/cantine SRCDIR=. bash tests/cli/bad-inputs.sh

. "$(dirname "$0")/lib.sh"

# The store every case starts from: the good fixtures, made once.
BASE_DB="$T/base.db"
make_populated_store "$BASE_DB"
# Registrations, so that the absence files have pupils to name.
import_or_abort "$BASE_DB" inscriptions "$GOOD/inscriptions.csv"
# A tariff grid already there, which a refused tarifs file must leave alone.
import_or_abort "$BASE_DB" tarifs "$SRCDIR/examples/tarifs-pas-de-calais.csv"
dump_db "$BASE_DB" >"$T/base.dump"
[ -s "$T/base.dump" ] || abort "fixture: dump of the populated store"

declare -A COVERED

# check_bad FILE KIND WANT_RC MESSAGE LOCATION [EXTRA_ARG...]
#   FILE      a path (absolute, or relative to tests/data/bad)
#   KIND      import TYPE
#   WANT_RC   expected exit code (2: bad input)
#   MESSAGE   fragment of the French message specific to the problem
#   LOCATION  fragment that locates it, e.g. "ligne 3, colonne 14 (prix_ht) :"
check_bad() {
	local file=$1 kind=$2 want=$3 msg=$4 where=$5 name db="$T/case.db"
	shift 5
	case "$file" in
	/*) ;;
	*) COVERED[$file]=1; file="$BAD/$file" ;;
	esac
	name=$(basename "$file")
	copy_db "$BASE_DB" "$db" || abort "fixture: copy of the store"
	run_cantine --db "$db" import "$kind" "$file" "$@"
	expect_rc "$want" "$name"
	expect_stderr "$msg" "$name"
	expect_stderr "$where" "$name"
	expect_stderr "rien n'a été importé" "$name"
	expect_stdout_empty "$name"
	dump_db "$db" >"$T/case.dump"
	expect_same_file "$T/base.dump" "$T/case.dump" "$name: store unchanged"
}

# ---- the committed bad files ----
# file | kind | exit | message fragment | line/column fragment

# etablissements
check_bad etablissements-entete-colonne-mal-orthographiee.csv etablissements 2 \
	"« demi_pensionaires » n'est pas une colonne connue" "ligne 1, colonne 8"
check_bad etablissements-colonne-nom-absente.csv etablissements 2 \
	"colonne obligatoire absente de l'en-tête : nom ;" "ligne 1 :"
check_bad etablissements-colonne-inconnue-en-trop.csv etablissements 2 \
	"« telephone » n'est pas une colonne connue" "ligne 1, colonne 9"
check_bad etablissements-colonne-en-double.csv etablissements 2 \
	"la colonne « nom » apparaît deux fois (déjà en colonne 3)" "ligne 1, colonne 5"
check_bad etablissements-nom-vide.csv etablissements 2 \
	"cellule vide : la colonne « nom » est obligatoire" "ligne 3, colonne 3 (nom) :"
check_bad etablissements-uai-lettre-de-controle-fausse.csv etablissements 2 \
	"la lettre de contrôle de l'UAI devrait être L" "ligne 2, colonne 1 (uai) :"
check_bad etablissements-siret-cle-luhn-fausse.csv etablissements 2 \
	"la clé de contrôle (Luhn) du SIRET est fausse" "ligne 2, colonne 2 (siret) :"
check_bad etablissements-plus-de-demi-pensionnaires-que-eleves.csv etablissements 2 \
	"320 demi-pensionnaires pour 310 élèves" "ligne 2, colonne 8 (demi_pensionnaires) :"
check_bad etablissements-code-insee-invalide.csv etablissements 2 \
	"« 59B50 » n'est pas un code INSEE de commune" "ligne 2, colonne 4 (commune_insee) :"
check_bad etablissements-commune-hors-departement.csv etablissements 2 \
	"la commune 62041 n'est pas dans le département 59" "ligne 2, colonne 4 (commune_insee) :"
check_bad etablissements-departement-20-invalide.csv etablissements 2 \
	"« 20 » n'est pas un code de département" "ligne 2, colonne 5 (departement) :"
check_bad etablissements-jour-de-service-inconnu.csv etablissements 2 \
	"jour « jedi » inconnu" "ligne 2, colonne 6 (jours_service) :"
check_bad etablissements-eleves-pas-un-nombre.csv etablissements 2 \
	"« trois cents » n'est pas un nombre entier" "ligne 2, colonne 7 (eleves) :"
check_bad etablissements-uai-en-double.csv etablissements 2 \
	"l'UAI « 0595871L » apparaît déjà ligne 2" "ligne 4, colonne 1 (uai) :"
check_bad etablissements-ligne-trop-courte.csv etablissements 2 \
	"7 cellules au lieu de 8 (comme l'en-tête)" "ligne 3 :"

# produits
check_bad produits-prix-deux-separateurs-decimaux.csv produits 2 \
	"« 12.5.0 » n'est pas un montant" "ligne 3, colonne 14 (prix_ht) :"
check_bad produits-prix-negatif.csv produits 2 \
	"« -1.20 » est négatif" "ligne 3, colonne 14 (prix_ht) :"
check_bad produits-prix-trois-decimales.csv produits 2 \
	"« 1.205 » a plus de deux décimales" "ligne 3, colonne 14 (prix_ht) :"
check_bad produits-prix-avec-symbole-euro.csv produits 2 \
	"« 1.20 € » n'est pas un montant" "ligne 3, colonne 14 (prix_ht) :"
check_bad produits-famille-inconnue.csv produits 2 \
	"famille « LEGUMES » inconnue" "ligne 3, colonne 3 (famille) :"
check_bad produits-label-egalim-inconnu.csv produits 2 \
	"label « AB_BIO » inconnu" "ligne 3, colonne 4 (labels) :"
check_bad produits-allergene-inconnu.csv produits 2 \
	"allergène « chocolat » inconnu" "ligne 3, colonne 16 (allergenes) :"
check_bad produits-code-en-double.csv produits 2 \
	"le code « LEG-NAVET » apparaît déjà ligne 2" "ligne 3, colonne 1 (code) :"
check_bad produits-local-sans-definition-local.csv produits 2 \
	"produit local sans définition" "ligne 3, colonne 10 (definition_local) :"
check_bad produits-local-km-sans-distance.csv produits 2 \
	"indiquez la distance en km dans distance_km" "ligne 3, colonne 8 (distance_km) :"
check_bad produits-viande-non-pour-famille-viande.csv produits 2 \
	"un produit de la famille VIANDES_VOLAILLES est de la viande" "ligne 3, colonne 18 (viande) :"
check_bad produits-unite-inconnue.csv produits 2 \
	"unité « botte » inconnue" "ligne 3, colonne 12 (unite) :"
check_bad produits-piece-sans-poids-unite.csv produits 2 \
	"indiquez le poids d'une unité en grammes" "ligne 3, colonne 13 (poids_unite_g) :"
check_bad produits-viande-ni-oui-ni-non.csv produits 2 \
	"« peut-être » n'est ni « oui » ni « non »" "ligne 3, colonne 18 (viande) :"
check_bad produits-code-caracteres-interdits.csv produits 2 \
	"« LEG POIREAU/1 » n'est pas un code produit" "ligne 3, colonne 1 (code) :"
check_bad produits-pays-pas-iso-3166.csv produits 2 \
	"« FRA » n'est pas un code pays" "ligne 3, colonne 5 (pays) :"
check_bad produits-cellules-en-trop-virgule-decimale.csv produits 2 \
	"20 cellules au lieu de 19 (comme l'en-tête)" "ligne 3 :"
check_bad produits-texte-apres-guillemet-fermant.csv produits 2 \
	"du texte suit le guillemet fermant" "ligne 3, colonne 2 (nom) :"
check_bad produits-tronque-guillemet-ouvert.csv produits 2 \
	"un guillemet ouvert n'est jamais fermé" "ligne 3, colonne 2 (nom) :"
check_bad produits-utf8-invalide.csv produits 2 \
	"texte mal encodé : l'octet 0xC3 (caractère n° 11 de la cellule)" "ligne 3, colonne 11 (fournisseur) :"
check_bad produits-windows1252-octet-0x81.csv produits 2 \
	"l'octet 0x81 (caractère n° 16 de la cellule) n'existe pas en windows-1252" "ligne 2, colonne 11 (fournisseur) :"
check_bad produits-caractere-de-controle.csv produits 2 \
	"la cellule contient un caractère de contrôle (0x01, caractère n° 9)" "ligne 3, colonne 2 (nom) :"
check_bad produits-binaire-avec-octets-nuls.csv produits 2 \
	"octet nul (0x00) à la position 6 du fichier" "ligne 1 :"
check_bad produits-plusieurs-problemes.csv produits 2 \
	"3 problèmes dans" "ligne 3, colonne 3 (famille) : famille « LEGUMES » inconnue"
expect_stderr "ligne 4, colonne 5 (poids_unite_g) : pour un prix au litre ou à la pièce" \
	"produits-plusieurs-problemes.csv: second problem"
expect_stderr "ligne 5, colonne 6 (prix_ht) : « -1 » est négatif" \
	"produits-plusieurs-problemes.csv: third problem"
check_bad dossier.csv produits 2 \
	"c'est un dossier, pas un fichier" "dossier.csv :"

# recettes
check_bad recettes-produit-inconnu.csv recettes 2 \
	"aucun produit de code « LEG-TOMATE » dans le catalogue" "ligne 2, colonne 3 (produit) :"
check_bad recettes-grammes-zero.csv recettes 2 \
	"« 0 » g est hors des limites" "ligne 2, colonne 4 (grammes) :"
check_bad recettes-grammes-negatif.csv recettes 2 \
	"« -5 » g est hors des limites" "ligne 3, colonne 4 (grammes) :"
check_bad recettes-grammes-plus-de-2000.csv recettes 2 \
	"« 2500 » g est hors des limites" "ligne 2, colonne 4 (grammes) :"
check_bad recettes-grammes-pas-un-nombre.csv recettes 2 \
	"« 150 g » n'est pas une quantité en grammes" "ligne 2, colonne 4 (grammes) :"
check_bad recettes-plat-incoherent-entre-lignes.csv recettes 2 \
	"la recette « Salade de carottes » est déclarée « entrée » ligne 2" "ligne 3, colonne 2 (plat) :"
check_bad recettes-type-de-plat-inconnu.csv recettes 2 \
	"type de plat « hors-d'œuvre » inconnu" "ligne 2, colonne 2 (plat) :"
check_bad recettes-produit-en-double-dans-une-recette.csv recettes 2 \
	"le produit « LEG-CAROTTE » figure déjà dans la recette « Salade de carottes » ligne 2" \
	"ligne 4, colonne 3 (produit) :"
check_bad recettes-nom-trop-long.csv recettes 2 \
	"nom de recette trop long (plus de 160 caractères)" "ligne 2, colonne 1 (recette) :"
check_bad recettes-recette-vide.csv recettes 2 \
	"cellule vide : la colonne « recette » est obligatoire" "ligne 2, colonne 1 (recette) :"
# an existing dish redefined: its old ingredients must survive the failure
check_bad recettes-recette-existante-remplacee-avec-produit-inconnu.csv recettes 2 \
	"aucun produit de code « EPI-VINAIGRE » dans le catalogue" "ligne 3, colonne 3 (produit) :"

# menus
check_bad menus-date-impossible-2025-02-30.csv menus 2 \
	"« 2025-02-30 » n'est pas une date du calendrier" "ligne 3, colonne 2 (date) :"
check_bad menus-date-pas-au-format-iso.csv menus 2 \
	"« 14/09/2026 » n'est pas une date du calendrier" "ligne 2, colonne 2 (date) :"
check_bad menus-etablissement-inconnu.csv menus 2 \
	"aucun établissement d'UAI « 0750654D » dans la base" "ligne 2, colonne 1 (uai) :"
check_bad menus-uai-mal-forme.csv menus 2 \
	"« 059587L »" "ligne 2, colonne 1 (uai) :"
check_bad menus-recette-inconnue.csv menus 2 \
	"aucune recette « Frites maison » dans la base" "ligne 3, colonne 4 (recette) :"
check_bad menus-statut-inconnu.csv menus 2 \
	"statut « validé » inconnu" "ligne 2, colonne 5 (statut) :"
check_bad menus-type-de-plat-inconnu.csv menus 2 \
	"type de plat « plat chaud » inconnu" "ligne 2, colonne 3 (plat) :"
check_bad menus-plat-different-de-la-recette.csv menus 2 \
	"la recette « Yaourt nature » est un plat de type « produit laitier », pas « dessert »" \
	"ligne 3, colonne 3 (plat) :"
check_bad menus-statut-different-dans-un-repas.csv menus 2 \
	"le repas du 2026-09-14 est « publié » ligne 2" "ligne 4, colonne 5 (statut) :"
# an existing meal replaced: its old dishes must survive the failure
check_bad menus-repas-existant-remplace-avec-recette-inconnue.csv menus 2 \
	"aucune recette « Frites maison » dans la base" "ligne 4, colonne 4 (recette) :"
check_bad menus-recette-deux-fois-au-meme-repas.csv menus 2 \
	"« Steak haché » est déjà au menu du 2026-09-14 ligne 2" "ligne 3, colonne 4 (recette) :"

check_bad menus-mercredi-sans-service.csv menus 2 \
	"le 2026-09-16 est un mercredi, jour sans service de demi-pension pour 0595871L" "ligne 3, colonne 2 (date) :"

check_bad etablissements-cout-cible-negatif.csv etablissements 2 \
	"« -2.40 » est négatif" "ligne 2, colonne 9 (cout_denrees_cible) :"

check_bad fermetures-fin-avant-debut.csv fermetures 2 \
	"la fermeture finit le 2026-10-17, avant de commencer le 2026-11-02" "ligne 2, colonne 3 (fin) :"

# inscriptions, absences, presences, gaspillage (attendance)
check_bad inscriptions-fin-hors-annee-scolaire.csv inscriptions 2 \
	"« 2027-09-03 » est hors de l'année scolaire 2026-2027" "ligne 2, colonne 7 (fin) :"
check_bad inscriptions-nom-au-lieu-d-identifiant.csv inscriptions 2 \
	"n'écrivez pas de nom, seulement l'identifiant pseudonyme" "ligne 3, colonne 2 (eleve) :"
check_bad inscriptions-dp4-cinq-jours.csv inscriptions 2 \
	"le régime DP4 couvre de 1 à 4 jours et la colonne jours en donne 5" \
	"ligne 2, colonne 4 (jours) :"
check_bad inscriptions-jour-sans-service.csv inscriptions 2 \
	"(« mer » n'est pas un de ses jours_service)" "ligne 2, colonne 4 (jours) :"
check_bad inscriptions-regime-inconnu.csv inscriptions 2 \
	"« demi-pension » n'est pas un régime" "ligne 2, colonne 3 (regime) :"
check_bad inscriptions-rfr-sans-enfants.csv inscriptions 2 \
	"le revenu fiscal de référence va avec le nombre d'enfants" "ligne 2, colonne 10 (enfants) :"
check_bad absences-eleve-inconnu.csv absences 2 \
	"aucun élève « E2026-9999 » n'est inscrit dans l'établissement 0595871L" \
	"ligne 3, colonne 2 (eleve) :"
check_bad absences-classe-inconnue.csv absences 2 \
	"aucun élève inscrit en classe « 5Z »" "ligne 2, colonne 3 (classe) :"
check_bad absences-hors-annee-scolaire.csv absences 2 \
	"« 2026-09-02 » est hors de l'année scolaire 2025-2026" "ligne 2, colonne 5 (fin) :"
check_bad absences-eleve-et-classe.csv absences 2 \
	"une ligne vise un élève ou une classe, pas les deux" "ligne 2, colonne 3 (classe) :"
check_bad presences-jour-sans-service.csv presences 2 \
	"le 2026-11-18 est un mercredi, jour où l'établissement ne sert pas" \
	"ligne 2, colonne 2 (date) :"
check_bad presences-couverts-negatifs.csv presences 2 \
	"-4 est hors des limites" "ligne 2, colonne 3 (couverts) :"
check_bad gaspillage-poids-avec-unite.csv gaspillage 2 \
	"« 12 kg » n'est pas un poids en kilogrammes" "ligne 2, colonne 3 (assiettes_kg) :"

# repas (meals taken on ticket, for the term bills)
check_bad repas-eleve-inconnu.csv repas 2 \
	"aucun élève « E2026-9999 » n'est inscrit dans l'établissement 0595871L" \
	"ligne 3, colonne 2 (eleve) :"
check_bad repas-jour-de-forfait.csv repas 2 \
	"le 2026-11-17, l'élève E2026-0001 mange au titre de son forfait (DP4)" \
	"ligne 3, colonne 3 (date) :"
check_bad repas-pendant-les-vacances.csv repas 2 \
	"l'établissement est fermé le 2026-12-22" "ligne 2, colonne 3 (date) :"
check_bad repas-hors-inscription.csv repas 2 \
	"le 2026-10-06 est hors de l'inscription de l'élève Z-0002 (du 2026-11-02 au 2027-07-03)" \
	"ligne 2, colonne 3 (date) :"

# achats (the project's CSV of purchases)
check_bad achats-etablissement-inconnu.csv achats 2 \
	"aucun établissement d'UAI « 0999999X » dans la base" "ligne 3, colonne 1 (uai) :"
check_bad achats-date-impossible.csv achats 2 \
	"« 2025-02-30 » n'est pas une date qui existe" "ligne 2, colonne 2 (date) :"
check_bad achats-date-future.csv achats 2 \
	"la date « 2099-03-03 » est dans le futur" "ligne 2, colonne 2 (date) :"
check_bad achats-famille-inconnue.csv achats 2 \
	"« LEGUMES » n'est pas une famille de produits ; écrivez l'une de : VIANDES_VOLAILLES" \
	"ligne 2, colonne 5 (famille) :"
check_bad achats-caracteristique-inconnue.csv achats 2 "MSC" "ligne 2, colonne 6 (caracteristiques) :"
check_bad achats-france-et-europe.csv achats 2 \
	"les caractéristiques EUROPE et FRANCE ne peuvent pas être sélectionnées en même temps" \
	"ligne 2, colonne 6 (caracteristiques) :"
check_bad achats-definition-local-sans-local.csv achats 2 \
	"l'achat n'est pas local (LOCAL absent des caractéristiques)" \
	"ligne 2, colonne 7 (definition_local) :"
check_bad achats-km-sans-definition-km.csv achats 2 \
	"la distance en km doit être vide lorsque la définition de local n'est pas KM" \
	"ligne 2, colonne 8 (definition_local_km) :"
check_bad achats-montant-negatif.csv achats 2 "« -45,20 » est négatif" \
	"ligne 2, colonne 9 (montant_ht) :"
check_bad achats-montant-trois-decimales.csv achats 2 "« 45,205 » a plus de deux décimales" \
	"ligne 2, colonne 9 (montant_ht) :"
check_bad achats-colonne-montant-absente.csv achats 2 \
	"colonne obligatoire absente de l'en-tête : montant_ht" "ligne 1 :"

# tarifs (grids: docs/formats.md "tarifs"; Code de l'éducation R. 531-53)
check_bad tarifs-tranches-qui-se-chevauchent.csv tarifs 2 \
	"la tranche « QF 2 » chevauche la tranche « QF 1 » (ligne 3)" "ligne 4, colonne 11 (de) :"
check_bad tarifs-prix-au-dessus-du-cout.csv tarifs 2 \
	"dépasse le coût de revient par usager de la grille (5,40 €) : l'article R. 531-53" \
	"ligne 3, colonne 9 (prix) :"
check_bad tarifs-aide-superieure-au-prix.csv tarifs 2 \
	"l'aide (3,50 € par repas) dépasse le prix du ticket (3,10 €)" "ligne 3, colonne 14 (aide) :"
check_bad tarifs-prix-negatif.csv tarifs 2 "« -3.10 » est négatif" \
	"ligne 2, colonne 5 (prix_ticket) :"
check_bad tarifs-annee-scolaire-invalide.csv tarifs 2 \
	"« 2026/27 » n'est pas une année scolaire" "ligne 2, colonne 2 (annee) :"
check_bad tarifs-rfr-sans-nombre-enfants.csv tarifs 2 \
	"une tranche « rfr » donne le nombre d'enfants" "ligne 3, colonne 13 (enfants) :"
check_bad tarifs-aide-et-prix-famille.csv tarifs 2 "pas les deux" \
	"ligne 3, colonne 15 (prix_famille) :"
check_bad tarifs-sans-ligne-grille.csv tarifs 2 "n'a pas de ligne « grille »" \
	"ligne 2, colonne 3 (element) :"
check_bad tarifs-etablissement-inconnu.csv tarifs 2 "aucun établissement d'UAI « 0599999L »" \
	"ligne 2, colonne 1 (uai) :"
check_bad tarifs-critere-inconnu.csv tarifs 2 "« quotient » n'est pas un critère connu" \
	"ligne 3, colonne 10 (critere) :"

# Every committed bad file is in the table above.
missing=""
for f in "$BAD"/*; do
	b=$(basename "$f")
	[ -n "${COVERED[$b]:-}" ] || missing="$missing $b"
done
LAST_CMD=""
if [ -z "$missing" ]; then
	pass "every file of tests/data/bad is checked"
else
	fail "files of tests/data/bad not in the table:$missing"
fi

# ---- generated bad inputs (not committed) ----
GEN="$T/gen"
mkdir -p "$GEN"
PH='code,nom,famille,labels,pays,departement,commune_insee,distance_km,local,definition_local,fournisseur,unite,poids_unite_g,prix_ht,code_ciqual,allergenes,traces,viande,poisson'
ten_mb() { head -c 10485760 /dev/zero | tr '\0' 'a'; }

# a 10 MB cell in the second line
{
	echo "$PH"
	printf 'LEG-X,'
	ten_mb
	echo ',FRUITS_ET_LEGUMES,,FR,59,,20,oui,REGION,Ferme,kg,1000,1.10,20000,,,non,non'
} >"$GEN/ligne-de-10-mo.csv"
check_bad "$GEN/ligne-de-10-mo.csv" produits 2 \
	"ligne de plus de 65536 octets" "ligne-de-10-mo.csv, ligne 2 :"

# the same, the cell between quotes
{
	echo "$PH"
	printf 'LEG-X,"'
	ten_mb
	echo '",FRUITS_ET_LEGUMES,,FR,59,,20,oui,REGION,Ferme,kg,1000,1.10,20000,,,non,non'
} >"$GEN/cellule-entre-guillemets-de-10-mo.csv"
check_bad "$GEN/cellule-entre-guillemets-de-10-mo.csv" produits 2 \
	"ligne de plus de 65536 octets" "cellule-entre-guillemets-de-10-mo.csv, ligne 2 :"

# a 10 MB header line
{ ten_mb; echo; echo 'LEG-X,Navets'; } >"$GEN/en-tete-de-10-mo.csv"
check_bad "$GEN/en-tete-de-10-mo.csv" produits 2 \
	"ligne de plus de 65536 octets" "en-tete-de-10-mo.csv, ligne 1 :"

# 1100 bad rows: the first 1000 problems are listed, then a count
{
	echo 'code,nom,famille,unite,prix_ht,viande,poisson'
	for i in $(seq 1 1100); do
		echo "X-$i,Produit $i,AUTRES,kg,-1,non,non"
	done
} >"$GEN/1100-prix-negatifs.csv"
check_bad "$GEN/1100-prix-negatifs.csv" produits 2 \
	"… et 100 autres problèmes." "ligne 1001, colonne 5 (prix_ht) : « -1 » est négatif"
expect_stderr "1100 problèmes dans" "1100-prix-negatifs.csv: total"

# a file that does not exist
check_bad "$GEN/n-existe-pas.csv" produits 2 \
	"fichier introuvable" "n-existe-pas.csv :"

# an empty file, and one with only empty lines
: >"$GEN/vide.csv"
check_bad "$GEN/vide.csv" etablissements 2 "le fichier est vide" "vide.csv :"
printf '\n\r\n\n' >"$GEN/lignes-vides.csv"
check_bad "$GEN/lignes-vides.csv" menus 2 "le fichier est vide" "lignes-vides.csv :"

# a device, not a regular file
check_bad /dev/null recettes 2 "ce n'est pas un fichier ordinaire" "/dev/null :"

# a named pipe nobody writes to: must be refused at once, not waited on
if mkfifo "$GEN/tube.csv" 2>/dev/null; then
	CANTINE_TIMEOUT=10 check_bad "$GEN/tube.csv" produits 2 \
		"ce n'est pas un fichier ordinaire" "tube.csv :"
fi

# a file that cannot be read (meaningless as root)
if [ "$(id -u)" != 0 ]; then
	printf '%s\n' "$PH" >"$GEN/illisible.csv"
	chmod 000 "$GEN/illisible.csv"
	check_bad "$GEN/illisible.csv" produits 2 "lecture refusée" "illisible.csv :"
fi

finish
