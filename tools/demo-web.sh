#!/bin/sh
# demo-web.sh STORE BUILD_DIR [PORT]: serve the demo store's web pages
# with lighttpd on 127.0.0.1 (the end of `make demo`), until Ctrl-C.
#
#   /cantine.cgi          the public pages (no login)
#   /prive/cantine.cgi    the same program behind HTTP basic authentication
#                         (lighttpd's mod_auth, users of tools/demo-users.txt):
#                         the web server authenticates and passes REMOTE_USER,
#                         the store says what each user may see
#
# Everything lighttpd needs is written to a temporary folder, removed on
# exit.  Port: PORT, else 8080, else the first free one after it.
set -eu

store=$(realpath "$1")
build=$(realpath "$2")
port=${3:-8080}
here=$(dirname "$(realpath "$0")")
lighttpd=$(command -v lighttpd || echo /usr/sbin/lighttpd)

[ -x "$lighttpd" ] || { echo "demo-web : lighttpd est introuvable (paquet Debian lighttpd)" >&2; exit 1; }
[ -f "$store" ] || { echo "demo-web : base $store introuvable (lancez make demo)" >&2; exit 1; }

# A free port on the loopback interface, from $port on.
while python3 -c "import socket,sys; s=socket.socket(); s.bind(('127.0.0.1', int(sys.argv[1])))" \
	"$port" 2>/dev/null; [ $? -ne 0 ]; do
	port=$((port + 1))
done

dir=$(mktemp -d /tmp/cantine-demo-web.XXXXXX)
pid=
stop() {
	trap - INT TERM EXIT
	[ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	rm -rf "$dir"
	echo
	echo "Serveur arrêté."
}
trap stop EXIT
trap 'exit 0' INT TERM

mkdir -p "$dir/www/prive"
ln -s "$build/frontends/cgi/cantine.cgi" "$dir/www/cantine.cgi"
ln -s "$build/frontends/cgi/cantine.cgi" "$dir/www/prive/cantine.cgi"
# lighttpd's "plain" backend: one "user:password" line each.
grep -v '^#' "$here/demo-users.txt" | awk -F'\t' 'NF >= 2 { print $1 ":" $2 }' >"$dir/users"

cat >"$dir/lighttpd.conf" <<EOF
server.modules = ("mod_access", "mod_auth", "mod_authn_file", "mod_setenv",
                  "mod_cgi", "mod_redirect")
server.document-root = "$dir/www"
server.bind = "127.0.0.1"
server.port = $port
server.errorlog = "$dir/error.log"
server.pid-file = "$dir/lighttpd.pid"
mimetype.assign = (".html" => "text/html; charset=utf-8")
setenv.set-environment = ("CANTINE_DB" => "$store")
cgi.assign = (".cgi" => "")
url.redirect = ("^/$" => "/cantine.cgi")
auth.backend = "plain"
auth.backend.plain.userfile = "$dir/users"
auth.require = ("/prive/" => ("method" => "basic",
                              "realm" => "Menus de la cantine",
                              "require" => "valid-user"))
EOF

"$lighttpd" -tt -f "$dir/lighttpd.conf" >/dev/null
"$lighttpd" -D -f "$dir/lighttpd.conf" &
pid=$!
i=0
until python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', int(sys.argv[1])), 1)" \
	"$port" 2>/dev/null; do
	i=$((i + 1))
	if [ $i -gt 50 ] || ! kill -0 "$pid" 2>/dev/null; then
		echo "demo-web : lighttpd n'a pas démarré ; journal :" >&2
		cat "$dir/error.log" >&2 2>/dev/null || true
		exit 1
	fi
	sleep 0.1
done

echo
echo "== Les pages web de la démonstration =="
echo "Pages publiques :   http://127.0.0.1:$port/cantine.cgi"
echo "Semaine du collège : http://127.0.0.1:$port/cantine.cgi?page=semaine&uai=0595871L&date=2026-11-23"
echo "Pages avec connexion (comité, gestionnaire, département) : http://127.0.0.1:$port/prive/cantine.cgi"
echo "Utilisateurs de démonstration (identifiant, mot de passe, rôle) :"
grep -v '^#' "$here/demo-users.txt" | awk -F'\t' 'NF >= 3 { printf "  %-26s %-14s %s\n", $1, $2, $3 }'
echo "Ctrl-C arrête le serveur."
wait "$pid"
