#!/bin/bash
# plan.sh: `cantine plan`: editing a meal (set, add, remove), the status of
# a period (publishing a week), copying a cycle of weeks onto later dates
# (skipping days without service and closed days), and the reason a
# published menu needs before it changes.
#
#   CANTINE=build/frontends/cli/cantine SRCDIR=. bash tests/cli/plan.sh

. "$(dirname "$0")/lib.sh"

S="$T/store.db"
make_populated_store "$S"
U="--etab 0595871L"

# A new meal, built dish by dish.
run_cantine --db "$S" plan set $U --date 2026-09-14 "Steak haché" "Coquillettes" "Yaourt nature"
expect_rc 0 "plan set"
expect_stdout "Menu du 2026-09-14 : 3 plats (brouillon)." "plan set"
run_cantine --db "$S" plan add $U --date 2026-09-14 "Pomme" "Carottes râpées"
expect_rc 0 "plan add"
expect_stdout "Menu du 2026-09-14 : 5 plats (brouillon)." "plan add"
run_cantine --db "$S" plan remove $U --date 2026-09-14 "Carottes râpées"
expect_rc 0 "plan remove"
run_cantine --db "$S" week $U --date 2026-09-14
expect_stdout_line "Lundi 14 septembre 2026 — brouillon" "week after plan edits"
expect_stdout_not "Carottes râpées" "week after plan edits: removed dish"
run_cantine --db "$S" plan remove $U --date 2026-09-14 "Frites"
expect_rc 2 "plan remove of a dish not on the menu"
expect_stderr "« Frites » n'est pas au menu du 2026-09-14" "plan remove of a dish not on the menu"
run_cantine --db "$S" plan add $U --date 2026-09-14 "Tarte au sucre"
expect_rc 2 "plan add of an unknown dish"
expect_stderr "aucune recette « Tarte au sucre »" "plan add of an unknown dish"

# Publish the week; then a change needs a reason, kept with its author.
run_cantine --db "$S" plan status publié $U --from 2026-09-14 --to 2026-09-20
expect_rc 0 "plan status"
expect_stdout "1 repas passé au statut « publié »." "plan status"
run_cantine --db "$S" plan add $U --date 2026-09-14 "Carottes râpées"
expect_rc 2 "change of a published meal without a reason"
expect_stderr "le menu du lundi 14 septembre 2026 est publié" "change of a published meal without a reason"
run_cantine --db "$S" --auteur "M. Lefebvre" plan add $U --date 2026-09-14 "Carottes râpées" --raison "entrée ajoutée"
expect_rc 0 "change of a published meal with a reason"
expect_stdout "Menu du 2026-09-14 : 5 plats (publié)." "change with a reason"
expect_eq "$(sqlite3 "$S" "SELECT count(*) FROM meal_history WHERE who = 'M. Lefebvre' AND reason = 'entrée ajoutée'")" "1" "history of the change"

# Copy weeks 37-38 onto weeks 45-46 (9 November 2026 onwards), with the
# 11 November bank holiday as a closure: Wednesday is no service day anyway;
# close Thursday 12 instead.
printf 'uai,debut,fin,motif\n0595871L,2026-11-12,2026-11-12,Pont\n' > "$T/f.csv"
import_or_abort "$S" fermetures "$T/f.csv"
run_cantine --db "$S" plan copy $U --from 2026-09-07 --weeks 2 --onto 2026-11-09
expect_rc 0 "plan copy"
expect_stdout "menu du lundi 7 septembre 2026 copié le lundi 9 novembre 2026 (brouillon)" "plan copy"
expect_stdout "menu du jeudi 10 septembre 2026 non copié : l'établissement est fermé le jeudi 12 novembre 2026 (Pont)" "plan copy skips closed days"
expect_stdout "menu du lundi 14 septembre 2026 copié le lundi 16 novembre 2026 (brouillon)" "plan copy, second week"
expect_eq "$(sqlite3 "$S" "SELECT count(*) FROM meal m JOIN etab e ON e.id = m.etab_id WHERE e.uai = '0595871L' AND m.date BETWEEN '2026-11-09' AND '2026-11-22' AND m.status = 0")" "4" "copied meals are drafts"
# Again: the targets have menus now and are kept.
run_cantine --db "$S" plan copy $U --from 2026-09-07 --weeks 2 --onto 2026-11-09
expect_rc 0 "plan copy again"
expect_stdout "a déjà un menu, gardé (--remplacer pour l'écraser)" "plan copy keeps existing menus"
expect_stdout "0 menu copié" "plan copy again: nothing copied"

# Usage errors.
run_cantine --db "$S" plan copy $U --from 2026-09-07 --weeks 2 --onto 2026-09-14
expect_rc 2 "plan copy onto itself"
expect_stderr "se chevauchent" "plan copy onto itself"
run_cantine --db "$S" plan copy $U --from 2026-09-07 --onto 2026-11-09
expect_rc 2 "plan copy without --weeks"
run_cantine --db "$S" plan frobnicate
expect_rc 2 "plan with an unknown action"
expect_stderr "action inconnue" "plan with an unknown action"
run_cantine --db "$S" plan set $U --date 2026-02-30 "Pomme"
expect_rc 2 "plan set, impossible date"
run_cantine --db "$S" plan status validé $U --from 2026-09-07 --to 2026-09-13
expect_rc 2 "plan status, unknown status"
run_cantine --db "$S" plan --help
expect_rc 0 "plan --help"
expect_stdout "Usage" "plan --help"

finish
