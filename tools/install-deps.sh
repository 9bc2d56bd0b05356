#!/bin/sh
# Install the Debian packages given as arguments, only those that are missing.
# Runs apt-get (as root, or through sudo when available); does nothing when
# everything is already installed.
set -eu
missing=""
for p in "$@"; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0
echo "Installation des paquets Debian manquants :$missing"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
		echo "Paquets manquants :$missing ; installez-les en tant que root (apt-get install$missing)." >&2
		exit 2
	fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
