#!/usr/bin/env python3
"""Web tests of cantine.cgi over real HTTP (docs/cgi.md).

Builds a test store with the `cantine` command (the demo collèges, their
pupils and tariffs, purchases of last year, and a menu whose dishes have
hostile names), starts lighttpd on a free loopback port with mod_cgi,
checks status codes, headers, caching, parameter validation, escaping and
that public pages show neither amounts nor pupils, and always stops the
server.  Python standard library only.

Environment: CANTINE (the CLI), CANTINE_CGI (the CGI), SRCDIR.
"""
import datetime
import html.parser
import http.client
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time

CANTINE = os.environ["CANTINE"]
CGI = os.environ["CANTINE_CGI"]
SRC = os.environ["SRCDIR"]
EX = os.path.join(SRC, "examples")
FIX = os.path.join(SRC, "tests", "data", "web")
FAILURES = []
CHANGE_REASON = "Livraison de kiwis annulée par le fournisseur"
CHANGE_AUTHOR = "Jeanne Martin"


def changes_shown():
    """What the week of 23 November 2026 of 0595871L must say changed, by
    day (the changes of build_store(), made today)."""
    today = datetime.date.today().strftime("%d/%m/%Y")
    return [("Lundi 23 novembre 2026",
             "Modifié le %s : «\u00a0Poire\u00a0» ajouté au menu. Raison : Fruit au choix."
             % today),
            ("Mardi 24 novembre 2026",
             "Modifié le %s : «\u00a0Poire\u00a0» remplacé par «\u00a0Pomme\u00a0». "
             "Raison : Menu revu avec le comité des parents." % today),
            ("Jeudi 26 novembre 2026",
             "Modifié le %s : «\u00a0Clémentines de Corse\u00a0» retiré du menu. "
             "Raison : Clémentines non livrées." % today),
            ("Vendredi 27 novembre 2026",
             "Modifié le %s : «\u00a0Kiwi\u00a0» remplacé par «\u00a0Pomme\u00a0». "
             "Raison : %s." % (today, CHANGE_REASON))]


def check(cond, what):
    if not cond:
        FAILURES.append(what)
        print("ÉCHEC :", what)


def cantine(db, *args):
    subprocess.run([CANTINE, "--db", db] + list(args), check=True,
                   stdout=subprocess.DEVNULL)


def uai_with_letter(digits):
    return digits + "ABCDEFGHJKLMNPRSTUVWXYZ"[int(digits) % 23]


def build_store(tmp, year):
    db = os.path.join(tmp, "test.db")
    cantine(db, "init")
    for kind, path in [("etablissements", "etablissements.csv"),
                       ("produits", "produits.csv"),
                       ("recettes", "recettes.csv"),
                       ("menus", "menus.csv"),
                       ("inscriptions", "inscriptions.csv"),
                       ("tarifs", "tarifs-nord.csv")]:
        cantine(db, "import", kind, os.path.join(EX, path))
    # The Ciqual table, for the Nutri-Score of the dishes.
    cantine(db, "import-ciqual", os.path.join(
        SRC, "nutrition-data", "Table_Ciqual_2025_FR_2025_11_03.csv"))
    cantine(db, "import", "recettes", os.path.join(FIX, "recettes-hostiles.csv"))
    cantine(db, "import", "menus", os.path.join(FIX, "menus-hostiles.csv"))
    # Published meals changed after publication (docs/cgi.md, "Changes
    # after publication"), by a named person who must not be shown: the
    # kiwi of Friday 27 November replaced by a new import; the pear of
    # Tuesday 24 withdrawn, replaced while a draft, published again.
    cantine(db, "--auteur", CHANGE_AUTHOR, "import", "menus",
            os.path.join(FIX, "menus-modifies.csv"), "--raison", CHANGE_REASON)
    day = ["--etab", "0595871L", "--from", "2026-11-24", "--to", "2026-11-24"]
    cantine(db, "--auteur", CHANGE_AUTHOR, "plan", "status", "brouillon", *day,
            "--raison", "Menu revu avec le comité des parents")
    cantine(db, "--auteur", CHANGE_AUTHOR, "plan", "remove", "--etab", "0595871L",
            "--date", "2026-11-24", "Poire")
    cantine(db, "--auteur", CHANGE_AUTHOR, "plan", "add", "--etab", "0595871L",
            "--date", "2026-11-24", "Pomme")
    cantine(db, "--auteur", CHANGE_AUTHOR, "plan", "status", "publié", *day)
    # A dish added on Monday, one removed on Thursday, while published.
    cantine(db, "--auteur", CHANGE_AUTHOR, "plan", "add", "--etab", "0595871L",
            "--date", "2026-11-23", "Poire", "--raison", "Fruit au choix")
    cantine(db, "--auteur", CHANGE_AUTHOR, "plan", "remove", "--etab", "0595871L",
            "--date", "2026-11-26", "Clémentines de Corse", "--raison",
            "Clémentines non livrées")
    # Purchases of the last complete year, the one the week page shows:
    # 250 of 1000 euros bio and local, so bio 25,0 %.
    achats = os.path.join(tmp, "achats.csv")
    with open(achats, "w", encoding="utf-8") as f:
        f.write("uai,description,fournisseur,date,prix_ht,famille_produits,"
                "categories_egalim,origine,est_circuit_court,est_local,"
                "definition_local,definition_local_km\n")
        f.write("0595871L,Pommes bio,Verger du Nord,%d-03-02,250.00,"
                "FRUITS_ET_LEGUMES,BIO,FRANCE,OUI,OUI,DEPARTEMENT,\n" % year)
        f.write("0595871L,Pâtes,Grossiste,%d-03-03,750.00,AUTRES,,EUROPE,,,,\n" % year)
    cantine(db, "purchase", "import", achats)
    return db


def server_output(tmp):
    """What lighttpd and the CGI wrote on stderr: nothing is expected, no
    message of the CGI (internal errors) nor any sanitizer report."""
    path = os.path.join(tmp, "lighttpd.out")
    text = open(path, encoding="utf-8", errors="replace").read() if os.path.exists(path) else ""
    check(text == "", "sortie d'erreur du serveur ou du CGI : %r" % text[:2000])


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def start_lighttpd(tmp, db, users=None):
    """lighttpd -D on a free loopback port serving the CGI at /cantine.cgi.
    With `users` (name: password), also at /prive/cantine.cgi behind HTTP
    basic authentication (mod_auth, "plain" backend: a password file
    written here), which gives the CGI REMOTE_USER (docs/cgi.md, "Roles").
    Returns (process, port)."""
    lighttpd = shutil.which("lighttpd") or "/usr/sbin/lighttpd"
    if not os.path.exists(lighttpd):
        print("lighttpd est introuvable : installez le paquet Debian lighttpd "
              "(make deps)")
        sys.exit(1)
    www = os.path.join(tmp, "www")
    os.mkdir(www)
    os.symlink(CGI, os.path.join(www, "cantine.cgi"))
    port = free_port()
    modules, auth = '"mod_setenv", "mod_cgi"', ""
    if users:
        os.mkdir(os.path.join(www, "prive"))
        os.symlink(CGI, os.path.join(www, "prive", "cantine.cgi"))
        userfile = os.path.join(tmp, "utilisateurs")
        with open(userfile, "w", encoding="utf-8") as f:
            for name, password in users.items():
                f.write("%s:%s\n" % (name, password))
        modules = '"mod_auth", "mod_authn_file", ' + modules
        auth = ('auth.backend = "plain"\n'
                'auth.backend.plain.userfile = "%s"\n'
                'auth.require = ("/prive/" => ("method" => "basic", "realm" => "cantine",'
                ' "require" => "valid-user"))\n' % userfile)
    conf = os.path.join(tmp, "lighttpd.conf")
    with open(conf, "w", encoding="utf-8") as f:
        f.write('server.modules = (%s)\n'
                'server.document-root = "%s"\n'
                'server.bind = "127.0.0.1"\n'
                'server.port = %d\n'
                'server.errorlog = "%s"\n'
                'server.pid-file = "%s"\n'
                'cgi.assign = (".cgi" => "")\n'
                'setenv.set-environment = ("CANTINE_DB" => "%s")\n'
                % (modules, www, port, os.path.join(tmp, "error.log"),
                   os.path.join(tmp, "lighttpd.pid"), db) + auth)
    # lighttpd -D gives the CGI its stderr: kept, so that a message of the
    # CGI or a sanitizer's report fails the test (see server_output()).
    out = open(os.path.join(tmp, "lighttpd.out"), "w", encoding="utf-8")
    proc = subprocess.Popen([lighttpd, "-D", "-f", conf], stdout=out,
                            stderr=subprocess.STDOUT)
    out.close()
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return proc, port
        except OSError:
            if proc.poll() is not None:
                break
            time.sleep(0.1)
    proc.kill()
    print("lighttpd ne répond pas ; journal :")
    print(open(os.path.join(tmp, "error.log"), encoding="utf-8",
               errors="replace").read() if os.path.exists(
                   os.path.join(tmp, "error.log")) else "(vide)")
    sys.exit(1)


class Client:
    def __init__(self, port):
        self.port = port

    def get(self, query, method="GET", headers=None, raw_target=None):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        target = raw_target or ("/cantine.cgi" + ("?" + query if query else ""))
        c.request(method, target, headers=headers or {})
        r = c.getresponse()
        body = r.read()
        c.close()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, body


def direct(db, query):
    """Run the CGI without a server: status, headers and body."""
    env = dict(os.environ, REQUEST_METHOD="GET", QUERY_STRING=query, CANTINE_DB=db)
    run = subprocess.run([CGI], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         check=True)
    check(run.stderr == b"", "CGI seul, %s : sortie d'erreur %r" % (query, run.stderr[:2000]))
    out = run.stdout
    head, _, body = out.partition(b"\r\n\r\n")
    headers = {}
    for line in head.decode("utf-8").split("\r\n"):
        k, _, v = line.partition(":")
        headers[k.strip().lower()] = v.strip()
    return int(headers.get("status", "200").split()[0]), headers, body


class Page(html.parser.HTMLParser):
    """The elements and the text of a page; `marks`: the marks of each dish
    of a week page (the text of the items of its ul.marques), by name."""

    def __init__(self, data):
        super().__init__(convert_charrefs=True)
        self.tags, self.texts, self.attrs = [], [], []
        self.marks, self._in, self._dish = {}, None, None
        self.feed(data)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        a = dict(attrs)
        self.attrs.append((tag, a))
        cls = (a.get("class") or "").split()
        if tag == "p" and "nom" in cls:
            self._in, self._dish = "nom", ""
        elif tag == "ul" and "marques" in cls:
            self._in = "marques"
        elif tag == "li" and self._in in ("marques", "marque"):
            self._in = "marque"
            self.marks.setdefault(self._dish, []).append("")

    def handle_endtag(self, tag):
        if tag == "p" and self._in == "nom":
            self.marks.setdefault(self._dish, [])
            self._in = None
        elif tag == "li" and self._in == "marque":
            self._in = "marques"
        elif tag == "ul" and self._in == "marques":
            self._in = None

    def handle_data(self, data):
        self.texts.append(data)
        if self._in == "nom":
            self._dish += data
        elif self._in == "marque":
            self.marks[self._dish][-1] += data

    def text(self):
        return "".join(self.texts)


PUBLIC_HTML = []


def html_page(client, query, status=200):
    st, h, body = client.get(query)
    check(st == status, "%s : statut %d, attendu %d" % (query, st, status))
    check(h.get("content-type") == "text/html; charset=utf-8",
          "%s : Content-Type %r" % (query, h.get("content-type")))
    csp = h.get("content-security-policy", "")
    check("default-src 'none'" in csp and "script-src" not in csp and
          "unsafe-inline" not in csp and "style-src 'self'" in csp,
          "%s : Content-Security-Policy %r" % (query, csp))
    check(h.get("x-content-type-options") == "nosniff", "%s : nosniff" % query)
    check(h.get("referrer-policy") in ("same-origin", "no-referrer"),
          "%s : Referrer-Policy %r" % (query, h.get("referrer-policy")))
    text = body.decode("utf-8")
    page = Page(text)
    check("script" not in page.tags, "%s : un élément <script>" % query)
    check(not any("style" in a for _, a in page.attrs) and "style" not in page.tags,
          "%s : un style en ligne" % query)
    check(any(t == "html" and a.get("lang") == "fr" for t, a in page.attrs),
          "%s : <html lang=\"fr\"> absent" % query)
    PUBLIC_HTML.append((query, page.text(), text))
    return h, page


def main():
    year = datetime.date.today().year - 1
    with tempfile.TemporaryDirectory(prefix="cantine-web-") as tmp:
        db = build_store(tmp, year)
        proc, port = start_lighttpd(tmp, db)
        try:
            run(Client(port), db, year)
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            server_output(tmp)
    if FAILURES:
        print("%d vérification(s) en échec" % len(FAILURES))
        return 1
    print("tests web : tout est bon")
    return 0


def run(c, db, year):
    week = "page=semaine&uai=0595871L&date=2026-11-23"

    # The list of collèges and the week page.
    h, page = html_page(c, "")
    check("Collège Louise Michel" in page.text() and "Collège Émile Zola" in page.text(),
          "liste : collèges absents")
    check(any(t == "a" and a.get("href") == "?page=semaine&uai=0595871L"
              for t, a in page.attrs), "liste : lien vers la semaine")
    h, page = html_page(c, "page=colleges&dep=62")
    check("Collège Émile Zola" in page.text() and "Louise Michel" not in page.text(),
          "liste du 62")
    h, page = html_page(c, week)
    t = page.text()
    for want in ["Lundi 23 novembre 2026", "Coquillettes au beurre", "Allergènes : gluten, lait",
                 "végétarien", "Semaine précédente", "Semaine suivante", "bio", "local",
                 "produits bio : 25,0\u00a0%", "produits locaux :"]:
        check(want in t, "semaine : « %s » absent" % want)
    check("Achats de denrées en %d" % year in t, "semaine : année des parts")
    check(re.search(r"Nutri-Score : [A-E]", t), "semaine : Nutri-Score absent")
    check("À éviter :" not in t, "semaine sans filtre : plats « À éviter »")
    check(not any(tag == "li" and "eviter" in a.get("class", "").split()
                  for tag, a in page.attrs), "semaine sans filtre : classe eviter")
    hrefs = [a.get("href", "") for tag, a in page.attrs if tag == "a"]
    check("?page=semaine&uai=0595871L&date=2026-11-16" in hrefs, "lien semaine précédente")
    check("?page=semaine&uai=0595871L&date=2026-11-30" in hrefs, "lien semaine suivante")
    check("?page=calendrier&uai=0595871L" in hrefs, "lien iCalendar")
    check("?page=menus.csv&uai=0595871L&du=2026-11-23&au=2026-11-29" in hrefs, "lien CSV")
    check(any(tag == "input" and a.get("name") == "sans" and a.get("value") == "lait"
              for tag, a in page.attrs), "formulaire des allergènes")
    check(any(tag == "link" and a.get("href") == "?page=style.css" for tag, a in page.attrs),
          "feuille de style")

    # "fait maison" is written, for the dishes tagged fait_maison only.
    for q, dish in [("page=semaine&uai=0595871L&date=2026-10-12", "Hachis parmentier"),
                    ("page=semaine&uai=0595871L&date=2026-11-20",
                     "Potage poireaux pommes de terre")]:
        h, page = html_page(c, q)
        check("fait maison" in page.marks.get(dish, []),
              "%s : « fait maison » absent de %s %r" % (q, dish, page.marks.get(dish)))
        others = [d for d, m in page.marks.items() if d != dish and "fait maison" in m]
        check(not others and len(page.marks) > 5, "%s : « fait maison » sur %r" % (q, others))
    h, page = html_page(c, week)
    check(not any("fait maison" in m for m in page.marks.values()) and len(page.marks) > 10,
          "semaine du 23/11 : « fait maison » sur un plat non marqué")

    # The allergen filter marks the dishes to avoid, in words.
    h, page = html_page(c, week + "&sans=lait&sans=oeufs")
    t = page.text()
    check("À éviter : contient lait." in t, "filtre : plat au lait non signalé")
    check("À éviter : contient lait ; traces possibles : œufs." in t,
          "filtre : contient et traces")
    check(any(tag == "input" and a.get("value") == "lait" and "checked" in a
              for tag, a in page.attrs), "filtre : case lait non cochée")
    check("sans=lait" in " ".join(a.get("href", "") for tag, a in page.attrs if tag == "a"),
          "filtre : gardé par les liens de semaine")
    h3, page3 = html_page(c, week + "&sans=oeufs")
    check("À éviter : traces possibles : œufs." in page3.text(), "filtre : traces seules")
    h2, page2 = html_page(c, week + "&sans=arachides")
    check("À éviter :" not in page2.text(), "filtre arachides : plat signalé à tort")
    check(any(tag == "li" and "eviter" in a.get("class", "").split()
              for tag, a in page.attrs), "filtre lait : classe eviter absente")

    # A published meal changed after publication says what changed, when
    # (the day of the import: today) and why; the other days say nothing.
    h, page = html_page(c, week)
    mods = re.findall(r"Modifié le [^\n]*", page.text())
    check(mods == [text for _, text in changes_shown()], "semaine : modifications %r" % mods)
    check(sum(1 for t, a in page.attrs if a.get("class") == "modifie") == 4,
          "semaine : quatre paragraphes « modifie »")

    # Hostile dish names are text, never markup; drafts are not public.
    h, page = html_page(c, "page=semaine&uai=0593904Y&date=2026-11-23")
    t = page.text()
    check("<script>alert(1)</script>" in t, "nom <script> absent du texte")
    check("Robert'); DROP TABLE menus;--" in t, "nom Robert'); absent du texte")
    check("Yaourt & <b>fraise</b>" in t and "b" not in page.tags, "nom avec <b>")
    check("n'est pas encore publié" in t, "brouillon : pas de mention « pas encore publié »")

    # Caching: an ETag, 304 for the same one, 200 for another.
    st, h, body = c.get(week)
    etag = h.get("etag")
    check(st == 200 and etag and re.fullmatch(r'"[0-9a-f]{16}"', etag), "ETag %r" % etag)
    check("no-cache" in h.get("cache-control", ""), "Cache-Control %r" % h.get("cache-control"))
    st, h2, body2 = c.get(week, headers={"If-None-Match": etag})
    check(st == 304 and body2 == b"", "304 attendu, statut %d" % st)
    check(h2.get("etag") == etag, "304 : ETag")
    st, _, body2 = c.get(week, headers={"If-None-Match": '"0000000000000000", W/' + etag})
    check(st == 304 and body2 == b"", "If-None-Match en liste : statut %d" % st)
    st, _, _ = c.get(week, headers={"If-None-Match": '"0000000000000000"'})
    check(st == 200, "autre ETag : statut %d" % st)
    st, h3, body3 = c.get(week, method="HEAD")
    check(st == 200 and body3 == b"" and h3.get("etag") == etag, "HEAD")
    # The first reader of a store whose WAL file is gone (the last writer
    # removed it) creates an empty one: that changes nothing, nor the tag.
    fresh = os.path.join(os.path.dirname(db), "fresh.db")
    for suffix in ("", "-wal"):
        if os.path.exists(db + suffix):
            shutil.copy(db + suffix, fresh + suffix)
    con = sqlite3.connect(fresh)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    check(not os.path.exists(fresh + "-wal"), "copie de la base : fichier WAL resté")
    _, fh1, _ = direct(fresh, week)
    check(os.path.exists(fresh + "-wal"), "le premier lecteur n'a pas créé le fichier WAL")
    _, fh2, _ = direct(fresh, week)
    check(fh1.get("etag") == fh2.get("etag"), "ETag changé par une simple lecture")

    # A 304 costs no page: the store is not even opened (strace lists the
    # files the CGI opens); without a matching tag it is.
    strace = shutil.which("strace")
    check(strace is not None, "strace introuvable (paquet Debian strace)")
    for inm, opened in ((etag, False), ('"0000000000000000"', True)):
        env = dict(os.environ, REQUEST_METHOD="GET", QUERY_STRING=week, CANTINE_DB=db,
                   HTTP_IF_NONE_MATCH=inm)
        run = subprocess.run([strace, "-f", "-qq", "-e", "trace=open,openat", CGI], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        status = run.stdout.split(b"\r\n", 1)[0]
        saw = os.path.basename(db).encode() in run.stderr
        check(status == (b"Status: 200 OK" if opened else b"Status: 304 Not Modified"),
              "CGI seul, If-None-Match %s : %r" % (inm, status))
        check(saw == opened, "If-None-Match %s : base %s" % (inm, "non ouverte" if opened
                                                              else "ouverte pour un 304"))
    # A change in the store changes the page, hence its ETag.
    other = "page=semaine&uai=0593904Y&date=2026-11-23"
    st, h, _ = c.get(other)
    before = h.get("etag")
    cantine(db, "import", "menus", os.path.join(FIX, "menus-hostiles-2.csv"))
    st, h, _ = c.get(other, headers={"If-None-Match": before})
    check(st == 200 and h.get("etag") != before, "ETag inchangé après un nouveau menu publié")

    # Unknown parameters, and known ones the page does not read, are ignored.
    st, h, _ = c.get("page=colleges&foo=bar&x=%ZZ&uai=mauvais&date=hier")
    check(st == 200, "paramètres inconnus : statut %d" % st)
    st, h2, _ = c.get("page=colleges")
    check(h.get("etag") == h2.get("etag"), "paramètres inconnus : page différente")

    # Invalid parameters: 400 with a French page naming them.
    bad = [
        ("page=inconnue", "page"),
        ("page=semaine&uai=0595871M", "uai"),
        ("page=semaine&uai=0595871l", "uai"),
        ("page=semaine", "uai"),
        ("page=semaine&uai=0595871L&date=2026-02-30", "date"),
        ("page=semaine&uai=0595871L&date=23/11/2026", "date"),
        ("page=semaine&uai=0595871L&sans=chocolat", "sans"),
        ("page=semaine&uai=0595871L&uai=0622413L", "uai"),
        ("page=colleges&dep=999", "dep"),
        ("page=menus.csv&uai=0595871L&du=2026-13-01", "du"),
        ("page=menus.csv&uai=0595871L&du=2026-11-30&au=2026-11-01", "au"),
        ("page=calendrier&uai=0595871L&du=2026-01-01&au=2027-06-01", "au"),
        ("page=semaine&uai=0595871L&date=%2", "date"),
    ]
    for q, name in bad:
        h, page = html_page(c, q, status=400)
        check("« %s »" % name in page.text(), "%s : le paramètre « %s » n'est pas nommé"
              % (q, name))
        check("no-store" in h.get("cache-control", ""), "%s : 400 mis en cache" % q)
    for q in ["%C3%28=1", "page=semaine&" + "a=1&" * 70, "x=" + "a" * 5000]:
        h, page = html_page(c, q, status=400)
        check("requête" in page.text(), "%s… : message" % q[:20])

    # What lighttpd refuses itself (%00, invalid UTF-8) reaches the CGI
    # from other servers: the CGI run directly.
    for q, name in [("page=semaine&uai=0595871L%00", "uai"),
                    ("page=semaine&uai=0595871L&sans=%FF", "sans"),
                    ("page=semaine&uai=0595871L&sans=%C3%A9%ED%A0%80", "sans"),
                    ("page=semaine&uai=0595871L&date=2026-11-23%0A", "date")]:
        st, h, body = direct(db, q)
        check(st == 400 and "« %s »" % name in body.decode("utf-8") and
              h.get("content-type") == "text/html; charset=utf-8",
              "CGI seul, %s : %d" % (q, st))

    # An unknown collège: 404, in French.
    h, page = html_page(c, "page=semaine&uai=" + uai_with_letter("0591234"), status=404)
    check("Collège inconnu" in page.text(), "404 : message")
    st, _, _ = c.get("page=calendrier&uai=" + uai_with_letter("0591234"))
    check(st == 404, "calendrier d'un collège inconnu : %d" % st)

    # Only GET and HEAD.
    st, h, _ = c.get("", method="POST")
    check(st == 405 and "GET" in h.get("allow", ""), "POST : %d" % st)

    # The exports and the style sheet.
    st, h, body = c.get("page=calendrier&uai=0595871L&du=2026-11-23&au=2026-11-29")
    check(st == 200 and h.get("content-type") == "text/calendar; charset=utf-8" and
          body.startswith(b"BEGIN:VCALENDAR") and b"DTSTART;VALUE=DATE:20261123" in body,
          "iCalendar : %d %r" % (st, h.get("content-type")))
    st, h, body = c.get("page=calendrier&uai=0595871L")
    check(st == 200 and body.startswith(b"BEGIN:VCALENDAR"), "iCalendar sans période")
    st, h, body = c.get("page=menus.csv&uai=0595871L&du=2026-11-23&au=2026-11-29")
    first = body.split(b"\n", 1)[0]
    check(st == 200 and h.get("content-type", "").startswith("text/csv; charset=utf-8") and
          b"menuPlatNom" in first and b"2026-11-23" in body and b"2026-11-30" not in body,
          "CSV SCDL : %d %r" % (st, h.get("content-type")))
    check(h.get("x-content-type-options") == "nosniff", "CSV : nosniff")
    st, h, body = c.get("page=style.css")
    check(st == 200 and h.get("content-type") == "text/css; charset=utf-8" and
          b"@media print" in body and b"A4" in body, "feuille de style")

    # No amount of money and no pupil anywhere in the public HTML.
    pupils = []
    with open(os.path.join(EX, "inscriptions.csv"), encoding="utf-8") as f:
        next(f)
        pupils = [line.split(",")[1] for line in f if line.strip()]
    check(len(pupils) > 100, "identifiants d'élèves lus")
    for q, text, raw in PUBLIC_HTML:
        for word in ["€", "EUR", "euro"]:
            check(word not in raw, "%s : « %s » dans la page" % (q, word))
        # Shares have one decimal; amounts two ("3,10", "250.00").
        m = re.search(r"\d[.,]\d\d(?!\d)", text)
        check(not m, "%s : un montant ? %r" % (q, m and m.group(0)))
        for p in ("250", "750", "1000", "1 000"):
            check(not re.search(r"(?<![\d-])%s(?![\d-])" % p, text),
                  "%s : montant %s dans la page" % (q, p))
        found = [p for p in pupils if p in raw]
        check(not found, "%s : élèves %s" % (q, found[:3]))
        check("E2026-" not in raw, "%s : un identifiant d'élève" % q)
        check(CHANGE_AUTHOR not in raw and "Martin" not in raw,
              "%s : l'auteur d'une modification" % q)


if __name__ == "__main__":
    sys.exit(main())
