#!/bin/bash
# check.sh: the views built on a week's plan: `cantine check week|period`
# (findings, their French text, exit code 1 when a rule fails), the
# allergen register, the production sheet and the shopping list.
#
#   CANTINE=build/frontends/cli/cantine SRCDIR=. bash tests/cli/check.sh

. "$(dirname "$0")/lib.sh"

S="$T/store.db"
make_populated_store "$S"

# The fixture week 37 has two incomplete lunches, and so no complete
# vegetarian menu (Tuesday's omelette comes without a dairy product).
run_cantine --db "$S" check week --etab 0595871L --date 2026-09-09
expect_rc 1 "check week with broken rules"
expect_stdout "mardi 8 septembre 2026 : il manque le produit laitier" "structure, Tuesday"
expect_stdout "vendredi 11 septembre 2026 : il manque une entrée ou un dessert" "structure, Friday"
expect_stdout "semaine 37 de 2026 : aucun jour ne permet de prendre un menu végétarien complet" "vegetarian week"
expect_stdout "3 erreurs, 0 point d'attention." "summary"
expect_stdout_not "information" "no info findings without --tout"
expect_stderr_empty "check week with broken rules"

# Complete both lunches: every rule holds, Tuesday is the vegetarian day.
# Tuesday's lunch is published: changing it needs a reason, kept with the
# author in the meal's history.
D0=$(dump_db "$S" | md5sum)
run_cantine --db "$S" import menus "$GOOD/menus-complets.csv"
expect_rc 2 "changing a published menu without a reason"
expect_stderr "menus-complets.csv, ligne 2, colonne 2 (date) : le menu du mardi 8 septembre 2026 est publié : le modifier demande une raison (option --raison)" "changing a published menu without a reason"
expect_eq "$(dump_db "$S" | md5sum)" "$D0" "changing a published menu without a reason: store unchanged"
run_cantine --db "$S" --auteur "Mme Martin" import menus "$GOOD/menus-complets.csv" --raison "oubli du laitage"
expect_rc 0 "changing a published menu with a reason"
expect_eq "1" "$(sqlite3 "$S" "SELECT count(*) FROM meal_history WHERE who = 'Mme Martin' AND reason = 'oubli du laitage' AND dishes_before = 'Carottes râpées | Coquillettes | Omelette au fromage | Pain | Pomme' AND dishes_after = 'Carottes râpées | Coquillettes | Omelette au fromage | Pain | Pomme | Yaourt nature'")" "history of the published menu"
run_cantine --db "$S" history --etab 0595871L --date 2026-09-08
expect_rc 0 "history"
expect_stdout_line "mardi 8 septembre 2026" "history"
expect_stdout "modifié (publié) par Mme Martin : « oubli du laitage »" "history"
expect_stdout "      avant : Carottes râpées | Coquillettes | Omelette au fromage | Pain | Pomme" "history, before"
expect_stdout "      après : Carottes râpées | Coquillettes | Omelette au fromage | Pain | Pomme | Yaourt nature" "history, after"
expect_stdout "créé (publié)" "history, creation"
run_cantine --db "$S" history --etab 0595871L --from 2026-09-08
expect_rc 2 "history, --from without --to"
run_cantine --db "$S" check week --tout --etab 0595871L --date 2026-09-07
expect_rc 0 "check week, rules hold"
expect_stdout "core.vegetarian-week" "info findings with --tout"
expect_stdout "menu végétarien complet possible le mardi 8 septembre 2026" "vegetarian day named"
expect_stdout "0 erreur, 0 point d'attention." "summary, rules hold"

# A period; a week without meals has no finding.
run_cantine --db "$S" check period --etab 0595871L --from 2026-09-01 --to 2026-09-30
expect_rc 0 "check period"
run_cantine --db "$S" check period --tout --etab 0595871L --from 2026-10-19 --to 2026-10-25
expect_rc 0 "check period without meals"
expect_stdout "0 erreur, 0 point d'attention." "period without meals"

# The allergen register of the week: one row per dish, "C" for contains,
# "T" for traces, and the union of the meal.
run_cantine --db "$S" allergens --etab 0595871L --date 2026-09-07
expect_rc 0 "allergens"
expect_stdout "Registre des allergènes — Collège Louise Michel (0595871L), semaine 37 de 2026" "allergens"
expect_stdout_line "Lundi 7 septembre 2026" "allergens"
expect_stdout "GLU  CRU  OEU  POI  ARA  SOJ  LAI  FRC  CEL  MOU  SES  SUL  LUP  MOL" "allergens"
#                          GLU  CRU  OEU  POI  ARA  SOJ  LAI  FRC  CEL  MOU  SES  SUL  LUP  MOL
expect_stdout "  Pain                       C    ·    ·    ·    ·    ·    ·    ·    ·    ·    T    ·    ·    · " "allergens, bread"
expect_stdout "  Ensemble du repas          C    ·    ·    ·    ·    ·    C    ·    ·    ·    T    ·    ·    · " "allergens, union"
expect_stdout "SES = graines de sésame" "allergens, legend"
run_cantine --db "$S" allergens --etab 0595871L --date 2026-10-21
expect_rc 0 "allergens, no meals"
expect_stdout "Aucun repas prévu cette semaine." "allergens, no meals"
run_cantine --db "$S" allergens --date 2026-02-30
expect_rc 2 "allergens, bad date"

# Production sheet for 100 covers, and the shopping list of the week.
run_cantine --db "$S" production --etab 0595871L --date 2026-09-07 --couverts 100
expect_rc 0 "production"
expect_stdout "Fiche de production — Collège Louise Michel (0595871L), 100 couverts, le lundi 7 septembre 2026" "production"
expect_stdout_line "  Carottes râpées (entrée) — 100 portions" "production"
expect_stdout_line "        7,000 kg  Carottes lavées sac 10 kg" "production"
expect_stdout_line "       12,500 kg  Yaourt nature 125 g (100 pièces)" "production, pieces"
expect_stdout "Total par produit :" "production"
run_cantine --db "$S" production --etab 0595871L --date 2026-09-07 --au 2026-09-11 --couverts 100 --courses
expect_rc 0 "shopping list"
expect_stdout "Liste des achats — Collège Louise Michel (0595871L), 100 couverts, du lundi 7 septembre 2026 au vendredi 11 septembre 2026" "shopping list"
expect_stdout "Total HT estimé :" "shopping list"
run_cantine --db "$S" production --etab 0595871L --date 2026-09-07 --couverts 0
expect_rc 2 "production, 0 covers"
expect_stderr "entre 1 et 5000" "production, 0 covers"
run_cantine --db "$S" production --etab 0595871L
expect_rc 2 "production without --date"
expect_stderr "il faut --date" "production without --date"
run_cantine --db "$S" production --etab 0595871L --date 2026-10-21
expect_rc 0 "production, no meal"
expect_stdout "Aucun repas prévu sur cette période." "production, no meal"

# Closures: Tuesday 8 September, the week's only vegetarian day, becomes
# a school outing: its meal is reported, and the week has no vegetarian
# day left.
run_cantine --db "$S" import fermetures "$GOOD/fermetures.csv"
expect_rc 0 "import fermetures"
expect_stdout "2 lignes lues, 2 créés" "import fermetures"
run_cantine --db "$S" check week --etab 0595871L --date 2026-09-08
expect_rc 1 "check week with a closed day"
expect_stdout "mardi 8 septembre 2026 : un repas est prévu alors que l'établissement est fermé (Sortie pédagogique)" "closed day"
expect_stdout "semaine 37 de 2026 : aucun jour ne permet de prendre un menu végétarien complet" "only vegetarian day closed"
# School holidays come with the project (académie de Lille), not from the
# store.
run_cantine --db "$S" week --etab 0595871L --date 2026-10-21
expect_stdout_line "Lundi 19 octobre 2026 — fermé (Vacances de la Toussaint)" "week during holidays"
expect_stdout_not "Mercredi" "week during holidays: no Wednesday"
run_cantine --db "$S" export fermetures
expect_stdout_line "0595871L,2026-09-08,2026-09-08,Sortie pédagogique" "export fermetures"
expect_stdout_not "Toussaint" "export fermetures: shipped holidays are not closures of the store"

# Usage errors and help.
run_cantine --db "$S" check
expect_rc 2 "check without a subcommand"
expect_stderr "il faut « check week » ou « check period »" "check without a subcommand"
run_cantine --db "$S" check month
expect_rc 2 "check month"
run_cantine --db "$S" check period --etab 0595871L --from 2026-09-01
expect_rc 2 "check period without --to"
expect_stderr "demande --from et --to" "check period without --to"
run_cantine --db "$S" check week --etab 0595871L --date 2026-02-30
expect_rc 2 "check week, impossible date"
expect_stderr "date invalide" "check week, impossible date"
run_cantine --db "$S" check period --etab 0595871L --from 2026-09-30 --to 2026-09-01
expect_rc 2 "check period reversed"
expect_stderr "période invalide" "check period reversed"
run_cantine --db "$S" check week --etab 0590001F --date 2026-09-07
expect_rc 2 "check week, unknown UAI"
expect_stderr "aucun établissement d'UAI « 0590001F »" "check week, unknown UAI"
run_cantine --db "$S" check week --frobnicate
expect_rc 2 "check week, unknown option"
expect_stderr "option « --frobnicate » inconnue" "check week, unknown option"
run_cantine --db "$S" check --help
expect_rc 0 "check --help"
expect_stdout "Usage" "check --help"

finish
