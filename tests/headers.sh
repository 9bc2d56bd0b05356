#!/bin/sh
# Each public header compiles alone with -std=c11 -pedantic -Werror
# (STYLE.md "Headers").
set -u
cc=${CC:-cc}
inc="$SRCDIR/libmenu/include"
pass=0 fail=0
for h in "$inc"/cantine/*.h; do
	name=cantine/$(basename "$h")
	if printf '#include <%s>\nint cantine_header_test_dummy;\n' "$name" |
	   $cc -std=c11 -pedantic -Wall -Wextra -Werror -fsyntax-only -I"$inc" -x c -; then
		pass=$((pass + 1))
	else
		echo "FAIL: $name does not compile alone"
		fail=$((fail + 1))
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
