#!/usr/bin/env python3
"""Benchmark of the week page through lighttpd + cantine.cgi (issue 7).

The test store and the server of tests/web/web_test.py; wrk (Debian
package wrk) with 16 connections on loopback for SECONDS seconds against
  1. the week page of the demo collège, built by cantine.cgi per request;
  2. the floor: the same lighttpd serving a static copy of the same HTML;
  3. between the two, what any CGI request costs here: cantine.cgi
     answering its style sheet (process start, no store opened);
  4. the week page viewed again: If-None-Match with its ETag, answered
     304 without the store being opened.
Prints requests per second, latency percentiles (50/90/99) and the ratio.
Not a timed test: it fails only when a request fails.

Usage: bench_web.py [SECONDS [CONNECTIONS]]   (default 10 s, 16 connections;
the smoke run uses fewer, so that a sanitizer build answers in time)
Environment: as tests/web/web_test.py.
"""
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.environ["SRCDIR"], "tests", "web"))
import web_test  # noqa: E402

WEEK = "/cantine.cgi?page=semaine&uai=0595871L&date=2026-11-23"


def wrk(port, target, seconds, connections, header=None):
    """Requests per second and latency percentiles (ms) of one wrk run."""
    cmd = [shutil.which("wrk") or "wrk", "-t2", "-c%d" % connections, "-d%ds" % seconds,
           "--latency", "--timeout", "10s", "http://127.0.0.1:%d%s" % (port, target)]
    if header:
        cmd[1:1] = ["-H", header]
    out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         timeout=seconds + 60, check=True).stdout.decode()
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    if bad or errors:
        print(out)
        print("ÉCHEC : %s : réponses en erreur" % target)
        sys.exit(1)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    if total == 0:
        print(out)
        print("ÉCHEC : %s : aucune réponse en %d s" % (target, seconds))
        sys.exit(1)
    pct = {}
    for p in ("50", "90", "99"):
        m = re.search(r"^\s+%s%%\s+([\d.]+)(us|ms|s)\s*$" % p, out, re.M)
        value = float(m.group(1))
        pct[p] = value / 1000 if m.group(2) == "us" else value * 1000 if m.group(2) == "s" else value
    return rps, total, pct


def main():
    seconds = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    connections = int(sys.argv[2]) if len(sys.argv) > 2 else 16
    if not shutil.which("wrk"):
        print("wrk est introuvable : installez le paquet Debian wrk (make deps)")
        return 1
    year = datetime.date.today().year - 1
    with tempfile.TemporaryDirectory(prefix="cantine-bench-web-") as tmp:
        db = web_test.build_store(tmp, year)
        proc, port = web_test.start_lighttpd(tmp, db)
        try:
            # The static copy: the very bytes the CGI sends.
            st, headers, body = web_test.Client(port).get(WEEK.split("?", 1)[1])
            if st != 200:
                print("ÉCHEC : la page de la semaine répond %d" % st)
                return 1
            with open(os.path.join(tmp, "www", "semaine.html"), "wb") as f:
                f.write(body)
            print("page de la semaine : %d octets ; wrk : %d connexions, %d s par mesure, "
                  "2 fils, sur 127.0.0.1 (wrk et le serveur partagent les cœurs)"
                  % (len(body), connections, seconds))
            cgi = wrk(port, WEEK, seconds, connections)
            static = wrk(port, "/semaine.html", seconds, connections)
            start = wrk(port, "/cantine.cgi?page=style.css", seconds, connections)
            # A page viewed again: 304 from the ETag, the store not opened.
            again = wrk(port, WEEK, seconds, connections,
                        "If-None-Match: %s" % headers.get("etag"))
        finally:
            proc.terminate()
            proc.wait(timeout=10)
            web_test.server_output(tmp)
    print("%-34s %10s %9s %9s %9s %9s" % ("", "requêtes", "req/s", "p50 ms", "p90 ms", "p99 ms"))
    for name, (rps, total, pct) in (("lighttpd + cantine.cgi", cgi),
                                    ("plancher : lighttpd, page statique", static),
                                    ("cantine.cgi sans base (style.css)", start),
                                    ("page revue : 304 (If-None-Match)", again)):
        print("%-34s %10d %9.1f %9.2f %9.2f %9.2f" % (name, total, rps, pct["50"], pct["90"],
                                                     pct["99"]))
    print("rapport débit statique / CGI : %.1f ; latence p50 CGI / statique : %.1f"
          % (static[0] / cgi[0], cgi[2]["50"] / static[2]["50"]))
    print("part du lancement d'un CGI dans le coût d'une page : %.0f %%"
          % (100.0 * cgi[0] / start[0]))
    return 1 if web_test.FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
