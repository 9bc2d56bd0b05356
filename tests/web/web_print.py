#!/usr/bin/env python3
"""Print test of cantine.cgi's week page (docs/cgi.md, "HTML").

Serves the test store of web_test.py with lighttpd, prints week pages to
PDF with headless Chromium (the browser's own print engine, with the
page's print style sheet) and checks that each week fits on one A4 page.

Environment: as web_test.py.
"""
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile

import web_test

WEEKS = [
    # The demo collège's busiest weeks, with and without the filter's
    # warnings, and a collège serving five days.
    "uai=0595871L&date=2026-11-23",
    "uai=0595871L&date=2026-11-23&sans=lait&sans=gluten&sans=oeufs",
    "uai=0595871L&date=2026-10-05",
    "uai=0622413L&date=2026-11-23",
    "uai=0593904Y&date=2026-11-23",
]


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    print("Chromium est introuvable : installez le paquet Debian chromium (make deps)")
    sys.exit(1)


def pdf_pages(path):
    data = open(path, "rb").read()
    counts = [int(n) for n in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", data)]
    counts += [int(n) for n in re.findall(rb"/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", data)]
    return max(counts) if counts else -1


def main():
    browser = chromium()
    year = datetime.date.today().year - 1
    failures = 0
    with tempfile.TemporaryDirectory(prefix="cantine-print-") as tmp:
        db = web_test.build_store(tmp, year)
        proc, port = web_test.start_lighttpd(tmp, db)
        try:
            for i, q in enumerate(WEEKS):
                pdf = os.path.join(tmp, "semaine-%d.pdf" % i)
                url = "http://127.0.0.1:%d/cantine.cgi?page=semaine&%s" % (port, q)
                subprocess.run([browser, "--headless=new", "--no-sandbox", "--disable-gpu",
                                "--no-pdf-header-footer", "--user-data-dir=" +
                                os.path.join(tmp, "profil"), "--print-to-pdf=" + pdf, url],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               timeout=120, check=False)
                n = pdf_pages(pdf) if os.path.exists(pdf) else -1
                if n != 1:
                    failures += 1
                    print("ÉCHEC : %s : %d page(s) imprimée(s), attendu 1" % (q, n))
        finally:
            proc.terminate()
            proc.wait(timeout=10)
            web_test.server_output(tmp)
    if failures or web_test.FAILURES:
        return 1
    print("impression : chaque semaine tient sur une page A4")
    return 0


if __name__ == "__main__":
    sys.exit(main())
