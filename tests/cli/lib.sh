# lib.sh: helpers for the CLI end-to-end tests (sourced by bash scripts).
#
# Environment (set by tests/meson.build):
#   CANTINE           path of the built `cantine` binary (required)
#   SRCDIR            source root (default: two levels above this file)
#   CANTINE_VALGRIND  1: run every `cantine` under valgrind; a memory error
#                     or a definite/indirect leak makes the run exit 99.
#
# Every check prints one plain line ("ok   ..." or "FAIL ..."); `finish`
# prints the summary and, on its last line, exactly "N passed, M failed",
# and exits non-zero when anything failed.

set -u

if [ -z "${CANTINE:-}" ]; then
	echo "CANTINE must name the cantine binary" >&2
	exit 2
fi
case "$CANTINE" in
/*) ;;
*) CANTINE="$PWD/$CANTINE" ;;
esac
if [ ! -x "$CANTINE" ]; then
	echo "CANTINE=$CANTINE is not an executable file" >&2
	exit 2
fi
: "${SRCDIR:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
# shellcheck disable=SC2034 # used by the scripts that source this file
{
	DATA="$SRCDIR/tests/data"
	GOOD="$DATA/good"
	BAD="$DATA/bad"
}
export LC_ALL=C.UTF-8

for tool in sqlite3 cmp diff grep timeout; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "missing tool: $tool" >&2
		exit 2
	fi
done
if [ "${CANTINE_VALGRIND:-0}" = 1 ] && ! command -v valgrind >/dev/null 2>&1; then
	echo "CANTINE_VALGRIND=1 but valgrind is not installed" >&2
	exit 2
fi

# One temporary directory per test script, removed on exit.
T=$(mktemp -d "${TMPDIR:-/tmp}/cantine-cli.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
trap 'exit 130' INT TERM

PASSED=0
FAILED=0

# Outcome of the last run_cantine: $RC, and the files $OUT and $ERR.
OUT="$T/stdout"
ERR="$T/stderr"
VGLOG="$T/valgrind.log"
RC=0
LAST_CMD=""

# run_cantine ARGS...: run the binary (under valgrind when asked), stdin
# from /dev/null, stdout to $OUT, stderr to $ERR, exit code in $RC.  A run
# is killed after $CANTINE_TIMEOUT seconds (default 300); RC is then 124.
run_cantine() {
	local limit=${CANTINE_TIMEOUT:-300}
	LAST_CMD="cantine $*"
	rm -f "$VGLOG"
	if [ "${CANTINE_VALGRIND:-0}" = 1 ]; then
		timeout -k 5 "$limit" valgrind --error-exitcode=99 --leak-check=full \
			--errors-for-leak-kinds=definite,indirect \
			--show-leak-kinds=definite,indirect -q \
			--log-file="$VGLOG" "$CANTINE" "$@" \
			</dev/null >"$OUT" 2>"$ERR"
	else
		timeout -k 5 "$limit" "$CANTINE" "$@" </dev/null >"$OUT" 2>"$ERR"
	fi
	RC=$?
	return 0
}

pass() {
	PASSED=$((PASSED + 1))
	echo "ok   ${1//$'\n'/\\n}"
}

# fail DESCRIPTION [DETAIL...]: record a failure; show the last command,
# its exit code, stderr and the valgrind report, if any.
fail() {
	local desc=$1
	shift
	FAILED=$((FAILED + 1))
	echo "FAIL ${desc//$'\n'/\\n}"
	local d
	for d in "$@"; do
		printf '     %s\n' "$d"
	done
	if [ -n "$LAST_CMD" ]; then
		printf '     command: %s (exit %s)\n' "$LAST_CMD" "$RC"
		if [ -s "$ERR" ]; then
			echo "     stderr:"
			head -c 3000 "$ERR" | sed 's/^/       | /'
		fi
		if [ -s "$VGLOG" ]; then
			echo "     valgrind:"
			head -n 60 "$VGLOG" | sed 's/^/       | /'
		fi
		[ "$RC" = 124 ] && echo "     (killed: time limit of ${CANTINE_TIMEOUT:-300} s reached)"
	fi
	return 0
}

# expect_rc WANT DESCRIPTION
expect_rc() {
	if [ "$RC" = "$1" ]; then
		pass "$2: exit code $1"
	else
		local why="exit code $RC, expected $1"
		[ "$RC" = 99 ] && [ "${CANTINE_VALGRIND:-0}" = 1 ] && why="$why (99: valgrind found an error or a leak)"
		[ "$RC" = 127 ] && why="$why (127: the binary or its library could not be loaded)"
		[ "$RC" = 124 ] && why="$why (124: killed after ${CANTINE_TIMEOUT:-300} s)"
		fail "$2: exit code" "$why"
	fi
}

# file_has FILE FRAGMENT: FILE contains the fixed string FRAGMENT, which
# may span lines (grep -F would take each of its lines as a pattern).
file_has() {
	case "$2" in
	*$'\n'*)
		local text
		text=$(cat "$1"; echo x)
		[[ "$text" == *"$2"* ]] ;;
	*) grep -qF -e "$2" "$1" ;;
	esac
}

# expect_stderr FRAGMENT DESCRIPTION: stderr contains FRAGMENT (fixed string).
expect_stderr() {
	if file_has "$ERR" "$1"; then
		pass "$2: stderr has « $1 »"
	else
		fail "$2: stderr lacks « $1 »"
	fi
}

# expect_stderr_not FRAGMENT DESCRIPTION
expect_stderr_not() {
	if grep -qF -e "$1" "$ERR"; then
		fail "$2: stderr has unwanted « $1 »"
	else
		pass "$2: stderr free of « $1 »"
	fi
}

# expect_stdout FRAGMENT DESCRIPTION: stdout contains FRAGMENT (fixed string).
expect_stdout() {
	if file_has "$OUT" "$1"; then
		pass "$2: stdout has « $1 »"
	else
		fail "$2: stdout lacks « $1 »" "stdout:" "$(head -c 2000 "$OUT")"
	fi
}

# expect_stdout_line LINE DESCRIPTION: stdout has LINE as a whole line.
expect_stdout_line() {
	if grep -qxF -e "$1" "$OUT"; then
		pass "$2: stdout has the line « $1 »"
	else
		fail "$2: stdout lacks the line « $1 »" "stdout:" "$(head -c 2000 "$OUT")"
	fi
}

# expect_stdout_not FRAGMENT DESCRIPTION
expect_stdout_not() {
	if grep -qF -e "$1" "$OUT"; then
		fail "$2: stdout has unwanted « $1 »"
	else
		pass "$2: stdout free of « $1 »"
	fi
}

# expect_stdout_empty DESCRIPTION
expect_stdout_empty() {
	if [ -s "$OUT" ]; then
		fail "$1: stdout should be empty" "stdout:" "$(head -c 500 "$OUT")"
	else
		pass "$1: stdout empty"
	fi
}

# expect_eq GOT WANT DESCRIPTION
expect_eq() {
	if [ "$1" = "$2" ]; then
		pass "$3 (= $2)"
	else
		fail "$3" "got « $1 », expected « $2 »"
	fi
}

# expect_exists PATH DESCRIPTION / expect_absent PATH DESCRIPTION
expect_exists() {
	if [ -e "$1" ]; then pass "$2"; else fail "$2" "$1 does not exist"; fi
}
expect_absent() {
	if [ -e "$1" ]; then fail "$2" "$1 exists"; else pass "$2"; fi
}

# expect_stderr_empty DESCRIPTION
expect_stderr_empty() {
	if [ -s "$ERR" ]; then fail "$1: stderr should be empty"; else pass "$1: stderr empty"; fi
}

# expect_same_file A B DESCRIPTION: byte-identical files.
expect_same_file() {
	if cmp -s "$1" "$2"; then
		pass "$3"
	else
		fail "$3" "$1 and $2 differ:" "$(diff "$1" "$2" | head -n 20)"
	fi
}

# abort MESSAGE: a fixture step failed; nothing after it makes sense.
abort() {
	fail "$1"
	finish
}

# ---- stores ----

# dump_db DB: the store's contents as SQL text, on stdout.
dump_db() {
	sqlite3 "$1" .dump
}

# count_rows DB TABLE
count_rows() {
	sqlite3 "$1" "SELECT count(*) FROM $2"
}

# copy_db FROM TO: copy a (closed) store, WAL files included if present.
copy_db() {
	rm -f "$2" "$2-wal" "$2-shm"
	cp "$1" "$2" || return 1
	[ -e "$1-wal" ] && cp "$1-wal" "$2-wal"
	return 0
}

# make_store DB: an empty store (cantine init); aborts on failure.
make_store() {
	rm -f "$1" "$1-wal" "$1-shm"
	run_cantine --db "$1" init
	[ "$RC" = 0 ] || abort "fixture: cantine --db $1 init"
}

# import_or_abort DB KIND FILE: import a file that must be good.
import_or_abort() {
	run_cantine --db "$1" import "$2" "$3"
	[ "$RC" = 0 ] || abort "fixture: import $2 $3"
}

# make_populated_store DB: init, then the four good fixtures in order.
make_populated_store() {
	local kind
	make_store "$1"
	for kind in etablissements produits recettes menus; do
		import_or_abort "$1" "$kind" "$GOOD/$kind.csv"
	done
}

# finish: summary; last line "N passed, M failed"; exit 1 on any failure.
finish() {
	echo
	if [ "$FAILED" -gt 0 ]; then
		echo "$(basename "$0"): $FAILED check(s) failed (see FAIL lines above)"
	else
		echo "$(basename "$0"): all checks passed"
	fi
	echo "$PASSED passed, $FAILED failed"
	[ "$FAILED" -eq 0 ] && exit 0
	exit 1
}
