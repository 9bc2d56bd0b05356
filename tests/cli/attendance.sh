#!/bin/bash
# attendance.sh: registrations, absences, covers and waste on the command
# line: imports and re-imports, export round trip, `attendance` (expected
# and actual covers), `attendance record`, `forecast` and its evaluation,
# production from the forecast, `waste`, `pupil forget`, and that no pupil
# identifier reaches the count outputs.
#
# Run by meson (suite cli); by hand:
#   CANTINE=build/frontends/cli/cantine SRCDIR=. bash tests/cli/attendance.sh

. "$(dirname "$0")/lib.sh"

S="$T/store.db"
make_populated_store "$S"
for kind in inscriptions absences presences gaspillage; do
	run_cantine --db "$S" import "$kind" "$GOOD/$kind.csv"
	expect_rc 0 "import $kind"
done
expect_eq "$(count_rows "$S" pupil)" 8 "8 registrations"
expect_eq "$(count_rows "$S" absence)" 3 "3 absences"

# Re-importing changes nothing.
dump_db "$S" >"$T/before.dump"
for kind in inscriptions absences presences gaspillage; do
	run_cantine --db "$S" import "$kind" "$GOOD/$kind.csv"
	expect_rc 0 "re-import $kind"
	expect_stdout " 0 créé" "re-import $kind creates nothing"
done
dump_db "$S" >"$T/after.dump"
expect_same_file "$T/before.dump" "$T/after.dump" "re-import: store unchanged"

# Export, import into a fresh store, export again: the same files.
S2="$T/copy.db"
make_store "$S2"
import_or_abort "$S2" etablissements "$GOOD/etablissements.csv"
for kind in inscriptions absences presences gaspillage; do
	run_cantine --db "$S" export "$kind"
	expect_rc 0 "export $kind"
	cp "$OUT" "$T/$kind.csv"
	run_cantine --db "$S2" import "$kind" "$T/$kind.csv"
	expect_rc 0 "import exported $kind"
	run_cantine --db "$S2" export "$kind"
	expect_same_file "$T/$kind.csv" "$OUT" "$kind: export round trip"
done

# Expected and actual covers.  Thursday 19: 4 registered, 1 ill, the 4B
# (2 forfait pupils) on an outing.
run_cantine --db "$S" attendance --etab 0595871L --from 2026-11-09 --to 2026-11-20
expect_rc 0 "attendance"
expect_stdout "Mercredi 11 novembre 2026    fermé : jour férié : Armistice 1918" "attendance: holiday"
expect_stdout_not "Mercredi 18 novembre" "attendance: no line for a day without service"
if grep -E "^Jeudi 19 novembre 2026 +4 +3 +1 +1 +1$" "$OUT" >/dev/null; then
	pass "attendance: Thursday 19 (4 registered, 3 absent, 1 expected, 1 served)"
else
	fail "attendance: Thursday 19" "$(grep Jeudi "$OUT")"
fi
expect_stdout_not "E2026" "attendance: no pupil identifier"
cp "$OUT" "$T/attendance.txt"
run_cantine --db "$S" attendance --etab 0595871L --from 2026-11-16 --to 2026-11-17 --format csv
expect_stdout_line "2026-11-16,oui,4,1,3,3,3," "attendance csv: Monday"

# Recording a day's covers.
run_cantine --db "$S" attendance record --etab 0595871L --date 2026-11-12 --couverts 4
expect_rc 0 "attendance record"
expect_eq "$(sqlite3 "$S" "SELECT covers FROM covers WHERE date = '2026-11-12'")" 4 "covers recorded"
run_cantine --db "$S" attendance record --etab 0595871L --date 2026-11-31 --couverts 4
expect_rc 2 "attendance record: bad date"
expect_stderr "date invalide" "attendance record: bad date message"
run_cantine --db "$S" attendance record --etab 0595871L --date 2026-11-12 --couverts beaucoup
expect_rc 2 "attendance record: bad count"
expect_stderr "« beaucoup » couverts : donnez un nombre entier entre 0 et 5000" \
	"attendance record: bad count message"
run_cantine --db "$S" attendance record --etab 0999999X --date 2026-11-12 --couverts 4
expect_rc 2 "attendance record: unknown establishment"
expect_stderr "0999999X" "attendance record: unknown establishment message"
run_cantine --db "$S" attendance record --etab 0595871L --date 2026-11-13 --couverts 4
run_cantine --db "$S" attendance record --etab 0595871L --date 2026-11-13 --couverts 3
expect_eq "$(sqlite3 "$S" "SELECT covers FROM covers WHERE date = '2026-11-13'")" 3 "covers replaced"

# Forecast of the week after the one of the date.
run_cantine --db "$S" forecast --etab 0595871L --date 2026-11-20
expect_rc 0 "forecast"
expect_stdout "semaine du 2026-11-23" "forecast: next week"
expect_stdout "Vendredi 27 novembre 2026" "forecast: Friday"
expect_stdout_not "E2026" "forecast: no pupil identifier"
run_cantine --db "$S" forecast --etab 0595871L --evaluation --from 2026-11-09 --to 2026-11-20
expect_rc 0 "forecast --evaluation"
expect_stdout "Jours évalués : 6" "forecast --evaluation: days"
expect_stdout "prévision naïve (couverts attendus)" "forecast --evaluation: naive"
run_cantine --db "$S" forecast --etab 0595871L --evaluation --from 2026-11-09
expect_rc 2 "forecast --evaluation without --to"
expect_stderr "--evaluation demande --from et --to" "forecast --evaluation without --to: message"

# The production sheet without --couverts takes the forecast.
run_cantine --db "$S" production --etab 0595871L --date 2026-09-07
expect_rc 0 "production from the forecast"
expect_stdout "couverts (prévision)" "production: says it uses the forecast"
run_cantine --db "$S" production --etab 0595871L --date 2026-09-07 --couverts 100
expect_stdout "100 couverts, le" "production --couverts: the given number"
expect_stdout_not "prévision" "production --couverts: no forecast"

# Waste by week against 120 g.
run_cantine --db "$S" waste --etab 0595871L --from 2026-11-01 --to 2026-11-30
expect_rc 0 "waste"
expect_stdout "120 g par convive" "waste: reference"
expect_stdout "2026-11-16" "waste: week of 16 November"

# Forgetting a pupil keeps the counts.
run_cantine --db "$S" pupil forget E2026-0002 --etab 0595871L
expect_rc 0 "pupil forget"
run_cantine --db "$S" export inscriptions
expect_stdout_not "E2026-0002" "forget: identifier gone from the export"
expect_stdout "oublie-" "forget: opaque identifier"
run_cantine --db "$S" export absences
expect_stdout_not "E2026-0002" "forget: identifier gone from the absences"
expect_eq "$(sqlite3 "$S" "SELECT count(*) FROM pupil WHERE forgotten = 1 AND qf_cents IS NULL AND bursary = 0")" \
	1 "forget: tier cleared"
run_cantine --db "$S" attendance --etab 0595871L --from 2026-11-09 --to 2026-11-20
sed -n '/^Jeudi 19/p;/^Lundi 16/p' "$OUT" >"$T/after-forget.txt"
sed -n '/^Jeudi 19/p;/^Lundi 16/p' "$T/attendance.txt" >"$T/before-forget.txt"
expect_same_file "$T/before-forget.txt" "$T/after-forget.txt" "forget: counts unchanged"
dump_db "$S" >"$T/before.dump"
run_cantine --db "$S" pupil forget E2026-0002 --etab 0595871L
expect_rc 2 "pupil forget twice"
expect_stderr "aucun élève « E2026-0002 » inscrit" "pupil forget twice: message"
dump_db "$S" >"$T/after.dump"
expect_same_file "$T/before.dump" "$T/after.dump" "pupil forget twice: store unchanged"
run_cantine --db "$S" pupil
expect_rc 2 "pupil without subcommand"

# Help.
for cmd in attendance forecast waste pupil; do
	run_cantine "$cmd" --help
	expect_rc 0 "$cmd --help"
	expect_stdout "Usage : cantine" "$cmd --help"
done
run_cantine --help
expect_stdout "forecast [--etab UAI] [--date DATE]" "main help lists forecast"
expect_stdout "inscriptions, absences, presences, gaspillage" "main help lists the new kinds"

finish
