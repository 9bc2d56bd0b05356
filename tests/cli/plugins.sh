#!/bin/bash
# plugins.sh: `cantine plugins`, the global options --plugin and
# --donnees, and `cantine check` running a module's rules: the sample
# plugin of tests/plugins, and the broken modules refused with exit 2.
#
#   CANTINE=… SRCDIR=. PLUGIN_BUILD=build/tests/plugins PLUGINS_BUILT=build/plugins \
#   bash tests/cli/plugins.sh

. "$(dirname "$0")/lib.sh"

P="$PLUGIN_BUILD"
S="$T/store.db"
make_populated_store "$S"

run_cantine plugins --help
expect_rc 0 "plugins --help"
expect_stdout "Usage : cantine [--plugin FICHIER.so]... [--donnees DOSSIER] plugins" "plugins --help"

run_cantine --plugin "$P/exemple.so" plugins
expect_rc 0 "plugins with a module"
expect_stdout_line "exemple 1.2 (ABI 2, $P/exemple.so)" "plugins with a module"
expect_stdout_line "  Plugin d'exemple des tests" "plugins with a module"
expect_stderr_empty "plugins with a module"

# The module's rule runs in `cantine check`.
run_cantine --db "$S" --plugin "$P/exemple.so" check week --tout --etab 0595871L --date 2026-09-07
expect_rc 1 "check with a module"
expect_stdout "exemple.repas" "check with a module: its rule"
expect_stdout "4 repas servis du 2026-09-07 au 2026-09-13 (seuil : 3)" "check with a module: its message"

# A site's data file (--donnees) replaces the plugin's own.
mkdir -p "$T/donnees/exemple"
echo 5 >"$T/donnees/exemple/seuil"
run_cantine --db "$S" --plugin "$P/exemple.so" --donnees "$T/donnees" check week --etab 0595871L --date 2026-09-07
expect_rc 1 "check with a site's data"
expect_stdout "4 repas servis du 2026-09-07 au 2026-09-13 (seuil : 5)" "check with a site's data: an error now"
echo "cinq" >"$T/donnees/exemple/seuil"
D0=$(dump_db "$S" | md5sum)
run_cantine --db "$S" --plugin "$P/exemple.so" --donnees "$T/donnees" check week --etab 0595871L --date 2026-09-07
expect_rc 2 "check with a bad data file"
expect_stderr "cantine : le plugin « exemple » n'a pas pu démarrer : le fichier de données « seuil » doit contenir un nombre de repas" "check with a bad data file"
expect_stdout_empty "check with a bad data file"
expect_eq "$(dump_db "$S" | md5sum)" "$D0" "check with a bad data file: store unchanged"

# The project's plugins, built as modules too, replace the built-in ones.
run_cantine --plugin "$PLUGINS_BUILT/nutrition/nutrition.so" --plugin "$PLUGINS_BUILT/climat/climat.so" plugins
expect_rc 0 "the nutrition and climat modules"
expect_stdout_line "nutrition 1.0 (ABI 2, $PLUGINS_BUILT/nutrition/nutrition.so)" "nutrition as a module"
expect_stdout_line "climat 1.0 (ABI 2, $PLUGINS_BUILT/climat/climat.so)" "climat as a module"
expect_stdout_not "nutrition 1.0 (ABI 2, intégré)" "modules replace the built-in plugins"
expect_stdout_line "egalim 1.0 (ABI 2, intégré)" "the other built-in plugins stay"
run_cantine plugins
expect_stdout_line "nutrition 1.0 (ABI 2, intégré)" "built-in nutrition"
expect_stdout_line "climat 1.0 (ABI 2, intégré)" "built-in climat"
expect_stdout_line "egalim 1.0 (ABI 2, intégré)" "built-in egalim"

# Scores: the module's, from what the host lends (the weight of the
# portion; its energy once the Ciqual table is there).
run_cantine --db "$S" --plugin "$P/exemple.so" scores --etab 0595871L --date 2026-09-07
expect_rc 0 "scores with a module"
expect_stdout "Carottes râpées" "scores with a module"
expect_stdout_line "      Poids d'une portion : 75,00 g" "scores with a module: its score"
expect_stdout_line "      Nutri-Score : pas de note (valeurs Ciqual manquantes (Énergie, Sucres, Acides gras saturés, Lipides, Sel, Fibres alimentaires, Protéines) pour un ingrédient au moins)" \
	"scores without the Ciqual table: no Nutri-Score, and why"
expect_stdout_not "Énergie d'une portion" "scores without the Ciqual table: no energy"
run_cantine --db "$S" import-ciqual "$DATA/ciqual/extrait-ciqual-2025.csv"
expect_rc 0 "import-ciqual"
run_cantine --db "$S" --plugin "$P/exemple.so" scores --etab 0595871L --date 2026-09-07
expect_stdout_line "      Énergie d'une portion : 273,90 kJ" \
	"scores: the host lends the nutrients (70 g of carrot at 127 kJ, 5 g of oil at 3700 kJ)"
expect_stdout_line "      Nutri-Score : A (score -3, catégorie générale)" "scores: the built-in Nutri-Score"

# Modules refused: exit 2, the file and the reason; nothing runs.
refused() {
	local file=$1 what=$2
	run_cantine --db "$S" --plugin "$file" check week --etab 0595871L --date 2026-09-07
	expect_rc 2 "$what"
	expect_stderr "cantine : « $file »" "$what: the file named"
	expect_stderr "$3" "$what"
	expect_stdout_empty "$what"
}
refused "$P/broken-abi.so" "module for another ABI" \
	"plugin construit pour l'ABI 42 des plugins cantine, or cette version de cantine a l'ABI 2"
refused "$P/broken-short.so" "module with a short descriptor" \
	"descripteur de plugin de 12 octets, trop petit pour l'ABI 2"
refused "$P/broken-entry.so" "module without an entry function" \
	"n'exporte pas la fonction cantine_plugin_entry"
refused "$SRCDIR/tests/plugins/exemple.c" "not a shared object" \
	"n'est pas un module partagé que cantine peut charger"
run_cantine --plugin "$P/exemple.so" --plugin "$P/exemple.so" plugins
expect_rc 2 "the same module twice"
expect_stderr "un plugin « exemple » est déjà chargé ($P/exemple.so)" "the same module twice"

finish
