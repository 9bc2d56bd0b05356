#!/bin/bash
# purchase_xml.sh: the project's XML format for purchases
# (docs/formats.md, "Achats : format XML du projet";
# libmenu/xsd/achats.xsd): `cantine purchase import` of a good file (exit
# 0) and of bad ones (exit 2, French message with line, column and
# element, store unchanged); files with a DOCTYPE (external entity,
# external DTD, billion laughs) refused fast without reading anything
# outside the file; `cantine purchase export --format xml` and the round
# trip into an empty store.
#
#   CANTINE=build/frontends/cli/cantine SRCDIR=. bash tests/cli/purchase_xml.sh

. "$(dirname "$0")/lib.sh"

X="$DATA/purchases/xml"
S="$T/store.db"
make_store "$S"
import_or_abort "$S" etablissements "$GOOD/etablissements.csv"

# ---- a good file ----
C="import XML"
run_cantine --db "$S" purchase import "$X/good.xml"
expect_rc 0 "$C"
expect_stdout "good.xml : 4 achats importés." "$C"
expect_stderr_empty "$C"
expect_eq "$(count_rows "$S" purchase)" 4 "$C: rows"

C="list after XML import"
run_cantine --db "$S" purchase list --etab 0595871L
expect_rc 0 "$C"
expect_stdout "2025-09-08         90,11 €  FRUITS_ET_LEGUMES  BIO,HVE,FRANCE,CIRCUIT_COURT,LOCAL (local : KM 80 km)  Ferme du Pévèle : Pommes de terre" "$C"
expect_stdout "2025-09-09        312,50 €  PRODUITS_DE_LA_MER PECHE_DURABLE,EUROPE  Marée de Boulogne : Filet de colin & moules" "$C"
expect_stdout "2025-09-10          0,12 €  PRODUITS_LAITIERS  AOCAOP,CIRCUIT_COURT,LOCAL (local : PAT)  Fromagerie de Thiérache : Maroilles <AOP>" "$C"
expect_stdout "3 achats, total 402,73 € HT" "$C"
run_cantine --db "$S" purchase list --etab 0622413L
expect_stdout "2025-01-15         45,68 €  VIANDES_VOLAILLES  LABEL_ROUGE,FERMIER,FRANCE  Poulet fermier" "list 0622413L"

# ---- refusals: exit 2, message, store unchanged ----
dump_db "$S" >"$T/before.sql"

# check_refused FILE FRAGMENT...: exit 2, every FRAGMENT on stderr, store
# unchanged.
check_refused() {
	local f=$1 frag
	shift
	run_cantine --db "$S" purchase import "$f"
	expect_rc 2 "$(basename "$f")"
	for frag in "$@"; do
		expect_stderr "$frag" "$(basename "$f")"
	done
	expect_stderr "aucun achat n'a été importé (la base n'a pas changé)" "$(basename "$f")"
	dump_db "$S" >"$T/after.sql"
	expect_same_file "$T/before.sql" "$T/after.sql" "$(basename "$f"): store unchanged"
}

check_refused "$X/good.xml" \
	"good.xml : ce fichier a déjà été utilisé pour un import"
check_refused "$X/not-well-formed.xml" \
	"not-well-formed.xml, ligne 6, colonne 47 : la balise fermante </descriptoin> ne correspond pas à la balise ouvrante <description> de la ligne 6"
check_refused "$X/bad-schema.xml" \
	"bad-schema.xml, ligne 7, colonne 5 (famille) : « LEGUMES » n'est pas une famille de produits de ma-cantine ; écrivez l'un des codes (en majuscules) : VIANDES_VOLAILLES," \
	"bad-schema.xml, ligne 13, colonne 5 (famille) : il manque l'élément <description>, obligatoire, avant <famille>" \
	"bad-schema.xml, ligne 18, colonne 5 (date) : « 2022-02-31 » n'est pas une date qui existe" \
	"bad-schema.xml, ligne 28, colonne 5 (montant_ht) : « 12.345 » a plus de deux décimales" \
	"bad-schema.xml, ligne 32, colonne 5 (date) : « 2025/09/12 » n'est pas une date aaaa-mm-jj" \
	"bad-schema.xml, ligne 36, colonne 5 (label) : « SANS_GLUTEN » n'est pas un label EGALIM de ma-cantine" \
	"bad-schema.xml, ligne 37, colonne 5 (montant_ht) : « 12,50 » : le séparateur décimal est le point" \
	"bad-schema.xml, ligne 38, colonne 5 : élément <remise> inconnu" \
	"bad-schema.xml, ligne 42, colonne 5 (date) : « 1012-09-08 » : l'année doit être 1900 ou après" \
	"9 problèmes dans"
check_refused "$X/bad-rules.xml" \
	"bad-rules.xml, ligne 4, colonne 5 (uai) : aucun établissement de la base n'a l'UAI « 0590001F »" \
	"bad-rules.xml, ligne 11, colonne 5 (uai) : « 0590001A » n'est pas un UAI valide" \
	"bad-rules.xml, ligne 18, colonne 5 (siret) : aucun établissement de la base n'a le SIRET « 73282932000074 »" \
	"bad-rules.xml, ligne 30, colonne 5 (origine) : les caractéristiques EUROPE et FRANCE ne peuvent pas être sélectionnées en même temps" \
	"bad-rules.xml, ligne 38, colonne 5 (definition_local) : la caractéristique LOCAL n'est pas sélectionnée" \
	"bad-rules.xml, ligne 48, colonne 5 (km) : la distance en km doit être absente lorsque la définition de local n'est pas KM" \
	"bad-rules.xml, ligne 53, colonne 5 (date) : la date « 2999-01-10 » est dans le futur"
check_refused "$X/no-namespace.xml" \
	"no-namespace.xml, ligne 2, colonne 1 : l'élément racine <achats> n'est pas dans l'espace de noms du format"
check_refused "$X/empty.xml" "empty.xml : le fichier n'a aucun achat"

# ---- nothing outside the file is read ----
DOCTYPE_MSG="déclaration de type de document (<!DOCTYPE …>) refusée"
check_refused "$X/xxe-passwd.xml" "xxe-passwd.xml, ligne 2, colonne 1 : $DOCTYPE_MSG"
expect_stderr_not "root:" "xxe-passwd.xml: /etc/passwd not shown"
check_refused "$X/external-dtd.xml" "external-dtd.xml, ligne 3, colonne 1 : $DOCTYPE_MSG"

# A file of the test directory that an entity and a DTD point to: its
# marker must appear nowhere, and (with strace) it is never opened.
MARK="MARQUEUR-SECRET-$$-$RANDOM"
echo "$MARK" >"$T/secret.txt"
printf '<!ENTITY x "%s">\n' "$MARK" >"$T/secret.dtd"
cat >"$T/xxe-local.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE achats [<!ENTITY x SYSTEM "file://$T/secret.txt">]>
<achats xmlns="urn:cantine:achats:1">
  <achat><uai>0595871L</uai><date>2025-09-08</date><description>&x;</description>
  <famille>AUTRES</famille><montant_ht>1.00</montant_ht></achat>
</achats>
XML
cat >"$T/dtd-local.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE achats SYSTEM "$T/secret.dtd">
<achats xmlns="urn:cantine:achats:1">
  <achat><uai>0595871L</uai><date>2025-09-08</date><description>&x;</description>
  <famille>AUTRES</famille><montant_ht>1.00</montant_ht></achat>
</achats>
XML
for f in xxe-local.xml dtd-local.xml; do
	check_refused "$T/$f" "$f, ligne 2, colonne 1 : $DOCTYPE_MSG"
	expect_stderr_not "$MARK" "$f: marker not in messages"
	expect_stdout_not "$MARK" "$f: marker not on stdout"
	if grep -qF "$MARK" "$T/after.sql"; then fail "$f: marker in the store"; else pass "$f: marker not in the store"; fi
done
# strace proves the referenced files are never opened (only when strace
# can trace here, and not under valgrind, which opens files of its own).
if [ "${CANTINE_VALGRIND:-0}" != 1 ] && command -v strace >/dev/null 2>&1 &&
   strace -f -o /dev/null true 2>/dev/null; then
	for f in xxe-local.xml dtd-local.xml; do
		strace -f -e trace=%file -o "$T/trace" "$CANTINE" --db "$S" purchase import "$T/$f" \
			</dev/null >/dev/null 2>&1
		if ! grep -qF "$f" "$T/trace"; then
			fail "$f: strace saw nothing (the import did not run under strace)"
		elif grep -qF "secret." "$T/trace"; then
			fail "$f: a file outside the import was touched" "$(grep -F secret. "$T/trace")"
		else
			pass "$f: strace: secret.txt and secret.dtd never opened"
		fi
	done
else
	pass "strace skipped (valgrind run, or strace cannot trace here): checked through the markers only"
fi

C="billion laughs"
start=$(date +%s)
CANTINE_TIMEOUT=30 run_cantine --db "$S" purchase import "$X/billion-laughs.xml"
end=$(date +%s)
expect_rc 2 "$C"
expect_stderr "billion-laughs.xml, ligne 2, colonne 1 : $DOCTYPE_MSG" "$C"
if [ $((end - start)) -le 10 ]; then pass "$C: refused in $((end - start)) s"; else fail "$C: took $((end - start)) s"; fi

# ---- export and round trip ----
C="export XML"
run_cantine --db "$S" purchase export --format xml
expect_rc 0 "$C"
expect_stdout '<achats xmlns="urn:cantine:achats:1">' "$C"
expect_stdout "<description>Maroilles &lt;AOP&gt;</description>" "$C"
expect_stdout "<montant_ht>312.50</montant_ht>" "$C"
cp "$OUT" "$T/export.xml"
if command -v xmllint >/dev/null 2>&1; then
	if xmllint --noout --nonet --schema "$SRCDIR/libmenu/xsd/achats.xsd" "$T/export.xml" 2>"$T/xmllint.err"; then
		pass "$C: valid against achats.xsd (xmllint)"
	else
		fail "$C: xmllint" "$(cat "$T/xmllint.err")"
	fi
fi

# facts DB: every purchase's facts, without ids, source and import time.
facts() {
	sqlite3 "$1" "SELECT e.uai, p.date, p.supplier, p.description, p.family,
		p.characteristics, p.local, p.local_km, p.amount_cents
		FROM purchase p JOIN etab e ON e.id = p.etab_id ORDER BY e.uai, p.date, p.id"
}
S2="$T/store2.db"
make_store "$S2"
import_or_abort "$S2" etablissements "$GOOD/etablissements.csv"
# The CSV purchases too, so that the round trip covers both importers.
run_cantine --db "$S" purchase import "$DATA/purchases/good-current.csv"
expect_rc 0 "round trip: CSV purchases added"
run_cantine --db "$S" purchase export --format xml
cp "$OUT" "$T/export-all.xml"
C="round trip: import the export into an empty store"
run_cantine --db "$S2" purchase import "$T/export-all.xml"
expect_rc 0 "$C"
expect_stdout "export-all.xml : 8 achats importés." "$C"
facts "$S" >"$T/facts1"
facts "$S2" >"$T/facts2"
expect_eq "$(wc -l <"$T/facts2")" 8 "$C: 8 purchases"
expect_same_file "$T/facts1" "$T/facts2" "$C: identical purchases"
run_cantine --db "$S2" purchase export --format xml
expect_same_file "$T/export-all.xml" "$OUT" "round trip: the second export is the same bytes"

C="export --etab"
run_cantine --db "$S" purchase export --format xml --etab 0622413L
expect_rc 0 "$C"
expect_stdout "<uai>0622413L</uai>" "$C"
expect_stdout_not "<uai>0595871L</uai>" "$C"
C="export --annee without purchases"
run_cantine --db "$S" purchase export --format xml --annee 2024
expect_rc 0 "$C"
expect_stdout '<achats xmlns="urn:cantine:achats:1"/>' "$C"

# ---- usage ----
C="purchase --help"
run_cantine purchase --help
expect_rc 0 "$C"
expect_stdout "purchase export --format xml" "$C"
expect_stdout "format XML du" "$C"
C="purchase export --help"
run_cantine purchase export --help
expect_rc 0 "$C"
expect_stdout "achats.xsd" "$C"
C="purchase export without --format"
run_cantine --db "$S" purchase export
expect_rc 2 "$C"
expect_stderr "il faut --format xml" "$C"
C="purchase export --format csv"
run_cantine --db "$S" purchase export --format csv
expect_rc 2 "$C"
expect_stderr "format « csv » inconnu" "$C"
C="purchase export unknown etab"
run_cantine --db "$S" purchase export --format xml --etab 0590001F
expect_rc 2 "$C"
expect_stderr "aucun établissement n'a l'UAI « 0590001F »" "$C"
C="purchase export bad year"
run_cantine --db "$S" purchase export --format xml --annee 26
expect_rc 2 "$C"
expect_stderr "--annee « 26 »" "$C"

finish
