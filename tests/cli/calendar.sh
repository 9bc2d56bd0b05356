#!/bin/bash
# calendar.sh: `cantine calendar`, the menus as an iCalendar file.  The
# output of the fixture menus is parsed by Python's icalendar package
# (parse_ical.py), which checks the structure (CRLF, folding, DATE values,
# unique UIDs) and prints the decoded text that is checked here: events of
# published meals only by default, accents, allergens, [végé]; --statut;
# byte-identical output; bad input (exit 2, French messages); --help; the
# store is not written.
#
# Run by meson (suite cli); by hand:
#   CANTINE=build/frontends/cli/cantine SRCDIR=. bash tests/cli/calendar.sh

. "$(dirname "$0")/lib.sh"

# Debian's python3, which has python3-icalendar (the PATH one may not).
PY=/usr/bin/python3
PARSE="$SRCDIR/tests/cli/parse_ical.py"
if ! "$PY" -c 'import icalendar' 2>/dev/null; then
	echo "calendar.sh: $PY lacks the icalendar package; apt-get install python3-icalendar" >&2
	exit 2
fi

S="$T/store.db"
make_populated_store "$S"
dump_db "$S" >"$T/before.dump"

# published_meals UAI FROM TO [STATUS...]: meals in the store (published
# by default), counted with SQL rather than through libcantine.
published_meals() {
	local uai=$1 from=$2 to=$3
	shift 3
	local statuses=${*:-2}
	sqlite3 "$S" "SELECT count(*) FROM meal m JOIN etab e ON e.id = m.etab_id
		WHERE e.uai = '$uai' AND m.date BETWEEN '$from' AND '$to'
		AND m.status IN (${statuses// /,})"
}

# parse WHAT [--events N]: parse $OUT with parse_ical.py; its dump in $T/dump.
parse() {
	local what=$1
	shift
	if "$PY" "$PARSE" "$OUT" "$@" >"$T/dump" 2>"$T/parse.err"; then
		pass "$what: parsed by icalendar${*:+ ($*)}"
	else
		fail "$what: icalendar parse or check failed" "$(cat "$T/parse.err")"
	fi
}

# dump_has LINE WHAT / dump_lacks FRAGMENT WHAT: on the decoded dump.
dump_has() {
	if grep -qxF -e "$1" "$T/dump"; then
		pass "$2: « $1 »"
	else
		fail "$2: decoded calendar lacks the line « $1 »" "$(head -c 3000 "$T/dump")"
	fi
}
dump_lacks() {
	if grep -qF -e "$1" "$T/dump"; then
		fail "$2: decoded calendar has unwanted « $1 »" "$(grep -F -e "$1" "$T/dump")"
	else
		pass "$2: no « $1 »"
	fi
}

# ---- published menus of September (the default status) ----
C="calendar 0595871L September"
run_cantine --db "$S" calendar --etab 0595871L --from 2026-09-01 --to 2026-09-30
expect_rc 0 "$C"
expect_stderr_empty "$C"
n=$(published_meals 0595871L 2026-09-01 2026-09-30)
expect_eq "$n" 2 "$C: published meals in the store"
parse "$C" --events "$n"
cp "$OUT" "$T/september.ics"
dump_has "CALNAME=Menus – Collège Louise Michel" "$C"
dump_has "EVENT 2026-09-07 UID=2026-09-07-0595871L@cantine STATUS=CONFIRMED TRANSP=TRANSPARENT" "$C"
dump_has "EVENT 2026-09-08 UID=2026-09-08-0595871L@cantine STATUS=CONFIRMED TRANSP=TRANSPARENT" "$C"
dump_has "SUMMARY 2026-09-07=Menu du midi" "$C"
dump_has "SUMMARY 2026-09-08=Menu du midi (végétarien)" "$C"
dump_has "CATEGORIES 2026-09-08=Cantine|Végétarien" "$C"
dump_has "DESC 2026-09-07=Entrée : Carottes râpées [végé] (sans allergène majeur)" "$C"
dump_has "DESC 2026-09-07=Plat principal : Steak haché (sans allergène majeur)" "$C"
dump_has "DESC 2026-09-07=Produit laitier : Yaourt nature [végé] (allergènes : lait)" "$C"
dump_has "DESC 2026-09-07=Pain : Pain [végé] (allergènes : gluten ; traces : sésame)" "$C"
dump_has "DESC 2026-09-08=Plat principal : Omelette au fromage [végé] (allergènes : œufs, lait)" "$C"
dump_has "DESC 2026-09-08=Garniture : Coquillettes [végé] (allergènes : gluten ; traces : œufs)" "$C"
dump_has "DESC 2026-09-08=Allergènes : 14 allergènes réglementaires (règlement UE 1169/2011), déduits des ingrédients de chaque recette ; « traces » signale une présence possible. En cas d'allergie, renseignez-vous auprès du collège." "$C"
dump_lacks "2026-09-10" "$C: the proposed meal is not shown to families"
dump_lacks "2026-09-11" "$C: the draft meal is not shown to families"
dump_lacks "Steak haché [végé]" "$C"
dump_lacks "Statut :" "$C"
# Raw text: CRLF, escaping, DATE values.
expect_stdout "BEGIN:VCALENDAR"$'\r' "$C: CRLF"
expect_stdout_line "DTSTART;VALUE=DATE:20260907"$'\r' "$C"
expect_stdout_line "DTEND;VALUE=DATE:20260908"$'\r' "$C"
expect_stdout_line "DTSTAMP:20260907T000000Z"$'\r' "$C"
expect_stdout_line "X-WR-TIMEZONE:Europe/Paris"$'\r' "$C"
expect_stdout 'gluten \; traces' "$C: semicolon escaped"
expect_stdout '(règlement UE 1169/2011)\,' "$C: comma escaped"

# The same again: byte-identical (stable UIDs, DTSTAMP from the date).
run_cantine --db "$S" calendar --etab 0595871L --from 2026-09-01 --to 2026-09-30
expect_rc 0 "$C, again"
expect_same_file "$T/september.ics" "$OUT" "$C: byte-identical output"
# --to defaults to six weeks after --from.
run_cantine --db "$S" calendar --etab 0595871L --from 2026-09-01 --statut publie
expect_rc 0 "calendar --from only"
expect_same_file "$T/september.ics" "$OUT" "calendar --from only: same events, --statut publie accepted"
# Defaults: from today, published only; whatever the date, a valid file.
run_cantine --db "$S" calendar --etab 0595871L
expect_rc 0 "calendar without dates"
parse "calendar without dates" --events "$(published_meals 0595871L \
	"$(date +%F)" "$(date -d "+42 days" +%F)")"

# ---- --statut ----
C="calendar --statut tous"
run_cantine --db "$S" calendar --etab 0595871L --from 2026-09-01 --to 2026-09-30 --statut tous
expect_rc 0 "$C"
n=$(published_meals 0595871L 2026-09-01 2026-09-30 0 1 2)
expect_eq "$n" 4 "$C: meals in the store"
parse "$C" --events "$n"
dump_has "EVENT 2026-09-10 UID=2026-09-10-0595871L@cantine STATUS=TENTATIVE TRANSP=TRANSPARENT" "$C"
dump_has "SUMMARY 2026-09-10=Menu du midi (proposé)" "$C"
dump_has "DESC 2026-09-10=Statut : proposé (menu pas encore publié)" "$C"
dump_has "DESC 2026-09-10=Plat principal : Colin au four (allergènes : poisson)" "$C"
dump_has "SUMMARY 2026-09-11=Menu du midi (brouillon)" "$C"
dump_has "SUMMARY 2026-09-07=Menu du midi" "$C"
# Published events are the same bytes as in the families' calendar.
sed -n '/^BEGIN:VEVENT/,/^END:VEVENT/p' "$T/september.ics" >"$T/pub-events"
sed -n '/^BEGIN:VEVENT/,/^END:VEVENT/p' "$OUT" | head -n "$(wc -l <"$T/pub-events")" >"$T/all-events"
expect_same_file "$T/pub-events" "$T/all-events" "$C: published events unchanged"

for st in proposé brouillon; do
	run_cantine --db "$S" calendar --etab 0595871L --from 2026-09-01 --to 2026-09-30 --statut "$st"
	expect_rc 0 "calendar --statut $st"
	parse "calendar --statut $st" --events 1
done

# ---- the second collège; --etab ----
C="calendar 0622413L"
run_cantine --db "$S" calendar --etab 0622413L --from 2026-09-01 --to 2026-09-30
expect_rc 0 "$C"
parse "$C: no published meal, an empty calendar" --events 0
dump_has "CALNAME=Menus – Collège Émile Zola" "$C"
run_cantine --db "$S" calendar --etab 0622413L --from 2026-09-07 --to 2026-09-07 --statut tous
expect_rc 0 "$C --statut tous"
parse "$C --statut tous" --events 1
dump_has "SUMMARY 2026-09-07=Menu du midi (végétarien, brouillon)" "$C --statut tous"
dump_has "EVENT 2026-09-07 UID=2026-09-07-0622413L@cantine STATUS=TENTATIVE TRANSP=TRANSPARENT" "$C --statut tous"

run_cantine --db "$S" calendar --from 2026-09-01
expect_rc 2 "calendar without --etab, two collèges"
expect_stderr "la base contient plusieurs établissements" "calendar without --etab, two collèges"
expect_stdout_empty "calendar without --etab, two collèges"
O="$T/one.db"
make_store "$O"
printf '%s\n' "uai,siret,nom,commune_insee,departement,jours_service,eleves,demi_pensionnaires" \
	"0750654D,,Collège Montaigne,75106,75,lun|mar|jeu|ven,600,450" >"$T/one-etab.csv"
import_or_abort "$O" etablissements "$T/one-etab.csv"
run_cantine --db "$O" calendar --from 2026-09-01
expect_rc 0 "calendar without --etab, one collège"
parse "calendar without --etab, one collège" --events 0
dump_has "CALNAME=Menus – Collège Montaigne" "calendar without --etab, one collège"

# ---- bad input: exit 2, French message, nothing on stdout ----
# bad MESSAGE ARGS...
bad() {
	local msg=$1
	shift
	run_cantine --db "$S" calendar "$@"
	expect_rc 2 "calendar $*"
	expect_stderr "$msg" "calendar $*"
	expect_stdout_empty "calendar $*"
}
bad "la date de début « 2026-02-30 » n'est pas une date valide" --etab 0595871L --from 2026-02-30
bad "la date de fin « 30/09/2026 » n'est pas une date valide" --etab 0595871L --to 30/09/2026
bad "la date de fin (2026-08-31) précède la date de début (2026-09-01)" \
	--etab 0595871L --from 2026-09-01 --to 2026-08-31
bad "exportez au plus 400 jours" --etab 0595871L --from 2026-01-01 --to 2027-12-31
bad "aucun établissement d'UAI « 0750654D »" --etab 0750654D --from 2026-09-01
bad "statut « annulé » inconnu" --etab 0595871L --statut annulé
bad "argument inattendu « menus.ics »" --etab 0595871L menus.ics
bad "option « --frobnicate » inconnue" --frobnicate
bad "l'option « --from » demande une valeur" --from
# Usage errors come before the store is opened.
N="$T/never-created.db"
run_cantine --db "$N" calendar --from 2026-13-01
expect_rc 2 "calendar --from 2026-13-01, no store"
expect_stderr "n'est pas une date valide" "calendar --from 2026-13-01, no store"
run_cantine --db "$N" calendar --etab 0595871L
expect_rc 2 "calendar on a missing store"
expect_stderr "« cantine init »" "calendar on a missing store"
expect_absent "$N" "calendar: no store created"

# ---- help ----
run_cantine --db "$N" calendar --help
expect_rc 0 "calendar --help"
expect_stdout "Usage : cantine [--db FICHIER] calendar" "calendar --help"
expect_stdout "--statut" "calendar --help"
expect_stderr_empty "calendar --help"
run_cantine --help
expect_rc 0 "cantine --help"
expect_stdout "  calendar [--etab UAI]" "cantine --help lists calendar"

# ---- the store is only read ----
dump_db "$S" >"$T/after.dump"
expect_same_file "$T/before.dump" "$T/after.dump" "calendar: store unchanged"

finish
