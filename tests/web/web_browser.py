#!/usr/bin/env python3
"""Browser tests of cantine.cgi (docs/cgi.md, "Tests").

Builds the test store of web_auth_test.py (web_test.py's, with users of
every role), starts lighttpd as it does (one way to start the server: the
public address and /prive/ behind basic authentication), makes sure the
npm packages of tests/web/package-lock.json are installed, and runs
browser.mjs: headless Chromium driven by playwright-core, axe-core on
every page type (public and of each role), the allergen filter with the
mouse and with the keyboard, hostile dish names, the changed meal, five
weeks printed to PDF (one A4 page each), a committee's comment typed and
sent, then marked handled by the gestionnaire; screenshots and the PDFs
kept in the build folder.

npm packages: installed with `npm ci` into CANTINE_NPM_DIR (the build
folder's tests/web/npm) when node_modules is missing or was installed from
another package-lock.json; once installed, the test needs no network.

Environment: as web_test.py, plus CANTINE_NPM_DIR and CANTINE_ARTIFACTS.
"""
import datetime
import fcntl
import json
import os
import shutil
import subprocess
import sys
import tempfile

import web_auth_test
import web_test

HERE = os.path.dirname(os.path.abspath(__file__))
NPM_DIR = os.environ["CANTINE_NPM_DIR"]
ARTIFACTS = os.environ["CANTINE_ARTIFACTS"]


def need(tool, package):
    path = shutil.which(tool)
    if not path:
        print("%s est introuvable : installez %s (make deps)" % (tool, package))
        sys.exit(1)
    return path


def npm_packages():
    """npm ci into NPM_DIR when node_modules is missing or stale: the lock
    file copied next to node_modules after a good install is the stamp."""
    need("node", "Node.js")
    lock_src = os.path.join(HERE, "package-lock.json")
    want = open(lock_src, "rb").read()
    os.makedirs(NPM_DIR, exist_ok=True)
    stamp = os.path.join(NPM_DIR, "node_modules", ".cantine-package-lock.json")
    with open(os.path.join(NPM_DIR, ".lock"), "w") as guard:
        fcntl.flock(guard, fcntl.LOCK_EX)  # one install at a time
        if os.path.exists(stamp) and open(stamp, "rb").read() == want:
            return
        npm = need("npm", "npm")
        for name in ("package.json", "package-lock.json"):
            shutil.copyfile(os.path.join(HERE, name), os.path.join(NPM_DIR, name))
        print("installation des paquets npm des tests (npm ci) dans", NPM_DIR)
        run = subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts"],
                             cwd=NPM_DIR, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             timeout=600, check=False)
        if run.returncode != 0:
            print(run.stdout.decode("utf-8", "replace"))
            print("npm ci a échoué (code %d)" % run.returncode)
            sys.exit(1)
        with open(stamp, "wb") as f:
            f.write(want)


def main():
    npm_packages()
    node = need("node", "Node.js")
    browser = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not os.path.exists(browser):
        print("Chromium est introuvable : installez le paquet Debian chromium (make deps)")
        return 1
    year = datetime.date.today().year - 1
    with tempfile.TemporaryDirectory(prefix="cantine-browser-") as tmp:
        db = web_auth_test.build_store(tmp, year)
        proc, port = web_auth_test.start_lighttpd(tmp, db)
        try:
            env = dict(os.environ, CANTINE_URL="http://127.0.0.1:%d/cantine.cgi" % port,
                       CANTINE_PRIVATE_URL="http://127.0.0.1:%d/prive/cantine.cgi" % port,
                       CANTINE_PASSWORD=web_auth_test.PASSWORD, CANTINE_YEAR=str(year),
                       CANTINE_NPM=NPM_DIR, CANTINE_ARTIFACTS=ARTIFACTS,
                       CANTINE_CHANGES=json.dumps(web_test.changes_shown()),
                       CHROMIUM=browser)
            run = subprocess.run([node, os.path.join(HERE, "browser.mjs")], env=env,
                                 timeout=400, check=False)
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            web_test.server_output(tmp)
    if run.returncode != 0 or web_test.FAILURES:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
