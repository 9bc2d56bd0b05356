#!/usr/bin/env python3
"""Web tests of the pages of a role and of the forms (docs/cgi.md, "Roles"
and "Forms"), over real HTTP.

The same test store as web_test.py, with users of every role made by
`cantine user add`.  lighttpd serves the CGI twice: /cantine.cgi for the
public, and /prive/cantine.cgi behind HTTP basic authentication
(mod_auth, "plain" backend: a password file the test writes), which gives
the CGI REMOTE_USER.  Checks: every role's access to every page (allowed
and refused), the committee of one collège refused on another, the public
never seeing a proposed menu or a comment, and each refused POST (no
token, bad token, replayed token, token of another user or action,
missing or foreign Origin, body over the limit, wrong type) changing
nothing in the store, counted with sqlite3 before and after; a good POST
writes once and answers 303.

Environment: CANTINE (the CLI), CANTINE_CGI (the CGI), SRCDIR.
"""
import base64
import http.client
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import web_test  # noqa: E402  (the store and the helpers of part 1)
from web_test import Page, cantine, check  # noqa: E402

CGI = os.environ["CANTINE_CGI"]
A, B, C = "0595871L", "0622413L", "0593904Y"  # B is in the 62, A and C in the 59
PROPOSED_DAY = "2026-11-30"  # examples/menus.csv: A's week of 30 November is proposed
PROPOSED_DISH = "Boulettes de bœuf à la tomate"
DRAFT_WEEK = "2026-12-07"
FAR_PROPOSAL = "2030-03-04"  # a Monday
USERS = {  # name: (role, option, scope)
    "comite-a": ("comite", "--etab", A),
    "comite-a2": ("comite", "--etab", A),  # a second member of A's committee
    "comite-b": ("comite", "--etab", B),
    "gest-a": ("gestionnaire", "--etab", A),
    "gest-b": ("gestionnaire", "--etab", B),
    "dep59": ("departement", "--departement", "59"),
    "dep62": ("departement", "--departement", "62"),
}
PASSWORD = "mot-de-passe"
PRIVATE_HTML = []


def build_store(tmp, year):
    """web_test.py's store, with the users of USERS, a draft week and a
    proposal far ahead; returns its path."""
    db = web_test.build_store(tmp, year)
    for name, (role, opt, scope) in USERS.items():
        cantine(db, "user", "add", name, "--role", role, opt, scope)
    # A draft week for the gestionnaire to propose and publish.
    cantine(db, "plan", "set", "--etab", A, "--date", DRAFT_WEEK,
            "Potage poireaux pommes de terre", "Omelette aux fines herbes")
    # A proposal far ahead: whatever today is, the committee's page
    # lists it and opens on a proposed week.
    cantine(db, "plan", "set", "--etab", A, "--date", FAR_PROPOSAL, "--statut", "proposé",
            "Potage poireaux pommes de terre")
    return db


def start_lighttpd(tmp, db):
    """web_test.py's server, with /prive/ behind basic authentication for
    every user of USERS and "inconnu" (a login without a role)."""
    return web_test.start_lighttpd(tmp, db, {name: PASSWORD for name in list(USERS) + ["inconnu"]})


class Client:
    """HTTP as `user` (None: the public, on the public address)."""

    def __init__(self, port, user=None):
        self.port, self.user = port, user
        self.origin = "http://127.0.0.1:%d" % port

    def request(self, method, query, body=None, headers=None):
        h = dict(headers or {})
        path = "/cantine.cgi"
        if self.user:
            path = "/prive/cantine.cgi"
            h["Authorization"] = "Basic " + base64.b64encode(
                ("%s:%s" % (self.user, PASSWORD)).encode()).decode()
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        c.request(method, path + ("?" + query if query else ""), body=body, headers=h)
        r = c.getresponse()
        data = r.read()
        c.close()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, data

    def get(self, query):
        return self.request("GET", query)

    def post(self, page, fields, origin="own", ctype="application/x-www-form-urlencoded",
             raw=None):
        headers = {"Content-Type": ctype}
        if origin == "own":
            headers["Origin"] = self.origin
        elif origin:
            headers["Origin"] = origin
        body = raw if raw is not None else urllib.parse.urlencode(fields).encode()
        return self.request("POST", "page=" + page, body=body, headers=headers)


def count(db, sql):
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def private_page(client, query, what):
    st, h, body = client.get(query)
    check(st == 200, "%s : statut %d, attendu 200" % (what, st))
    if st != 200:
        return None
    check(h.get("cache-control") == "private, no-store" and "etag" not in h,
          "%s : Cache-Control %r, ETag %r" % (what, h.get("cache-control"), h.get("etag")))
    text = body.decode("utf-8")
    page = Page(text)
    check("script" not in page.tags, "%s : un <script>" % what)
    check(not any("style" in a for _, a in page.attrs) and "style" not in page.tags,
          "%s : un style en ligne" % what)
    PRIVATE_HTML.append((query, text))
    return page


def refused(client, query, what, status=403):
    st, h, body = client.get(query)
    check(st == status, "%s : statut %d, attendu %d" % (what, st, status))
    if status == 403:
        check("Accès refusé" in body.decode("utf-8"), "%s : page 403 en français" % what)
        check("no-store" in h.get("cache-control", ""), "%s : 403 mis en cache" % what)


def tokens(page, action):
    """The token of each form posting to ?page=`action`, with its fields."""
    forms, cur = [], None
    for tag, a in page.attrs:
        if tag == "form":
            cur = {"_action": a.get("action")}
            forms.append(cur)
        elif tag == "input" and cur is not None and a.get("type") == "hidden":
            cur[a.get("name")] = a.get("value")
    return [f for f in forms if f["_action"] == "?page=" + action]


def main():
    year = web_test.datetime.date.today().year - 1
    with tempfile.TemporaryDirectory(prefix="cantine-web-auth-") as tmp:
        db = build_store(tmp, year)
        proc, port = start_lighttpd(tmp, db)
        try:
            run(port, db, year)
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            web_test.server_output(tmp)
    if web_test.FAILURES:
        print("%d vérification(s) en échec" % len(web_test.FAILURES))
        return 1
    print("tests web (rôles et formulaires) : tout est bon")
    return 0


def run(port, db, year):
    public = Client(port)
    u = {name: Client(port, name) for name in list(USERS) + ["inconnu"]}
    week_a = "uai=%s&date=%s" % (A, PROPOSED_DAY)

    # Every role on every page: allowed and refused.
    matrix = [
        ("page=comite&" + week_a, {"comite-a", "comite-a2", "gest-a"}),
        ("page=gestion&" + week_a, {"gest-a"}),
        ("page=departement&dep=59&annee=%d" % year, {"dep59"}),
        ("page=audit-college&uai=%s&annee=%d" % (A, year), {"dep59"}),
        ("page=departement&dep=62&annee=%d" % year, {"dep62"}),
        ("page=comite&uai=%s" % B, {"comite-b", "gest-b"}),
    ]
    for query, allowed in matrix:
        for name, client in [("public", public)] + list(u.items()):
            if name in allowed:
                private_page(client, query, "%s, %s" % (name, query))
            else:
                refused(client, query, "%s refusé, %s" % (name, query))
    # Without ?uai=, a committee's page is its own collège's.
    page = private_page(u["comite-b"], "page=comite", "comité B sans uai")
    check(page and "Collège Émile Zola" in page.text(), "comité B : son collège")
    # Without credentials, the private address is the web server's 401.
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.request("GET", "/prive/cantine.cgi?page=comite")
    r = c.getresponse()
    r.read()
    c.close()
    check(r.status == 401, "adresse privée sans identifiants : %d" % r.status)

    # Without ?date=, the committee's page opens on the next proposed week
    # and lists the weeks proposed from this week on.
    page = private_page(u["comite-a"], "page=comite", "comité A sans date")
    check(page and "Menu proposé au comité des parents." in page.text(),
          "comité A sans date : pas sur une semaine proposée")
    check(page and any(t == "a" and a.get("href") == "?page=comite&uai=%s&date=%s"
                       % (A, FAR_PROPOSAL) for t, a in page.attrs),
          "comité A : lien vers la semaine proposée du %s" % FAR_PROPOSAL)

    # The committee sees the proposed week and a form per proposed day.
    page = private_page(u["comite-a"], "page=comite&" + week_a, "comité A")
    check(PROPOSED_DISH in page.text(), "comité A : menu proposé absent")
    # The marks: fait maison for a dish tagged fait_maison (examples/recettes.csv).
    check("entrée : Potage poireaux pommes de terre (végétarien, fait maison) — allergènes"
          in page.text() and "plat principal : %s — allergènes" % PROPOSED_DISH in page.text(),
          "comité A : marque « fait maison »")
    forms = tokens(page, "commenter")
    check(len(forms) == 4, "comité A : %d formulaires, 4 jours proposés" % len(forms))
    check(all(len(f.get("jeton", "")) == 100 for f in forms), "jetons de 100 caractères")
    check(any(t == "textarea" and a.get("name") == "texte" for t, a in page.attrs) and
          any(t == "label" for t, a in page.attrs), "comité A : zone de texte et label")
    # The gestionnaire sees no comment form (the committee comments).
    gpage = private_page(u["gest-a"], "page=comite&" + week_a, "gestionnaire sur comite")
    check(not tokens(gpage, "commenter"), "gestionnaire : formulaire de commentaire")

    # The public never sees a proposed menu.
    st, _, body = public.get("page=semaine&" + week_a)
    check(st == 200 and PROPOSED_DISH not in body.decode("utf-8"),
          "public : menu proposé visible")

    comments = "SELECT count(*) FROM meal_comment"
    spent = "SELECT count(*) FROM form_token_used"
    form = dict(forms[0]) if forms else {}
    form.pop("_action", None)
    form["texte"] = "Trop de <script>alert(1)</script> féculents\r\ncette semaine."

    def refused_post(client, page_name, fields, status, what, **kw):
        n, s = count(db, comments), count(db, spent)
        st, h, _ = client.post(page_name, fields, **kw)
        check(st == status, "%s : statut %d, attendu %d" % (what, st, status))
        check(count(db, comments) == n and count(db, spent) == s,
              "%s : la base a changé" % what)

    # Refused before the token is looked at: it stays usable.
    refused_post(u["comite-a"], "commenter", form, 403, "sans Origin", origin=None)
    refused_post(u["comite-a"], "commenter", form, 403, "Origin étrangère",
                 origin="http://ailleurs.example")
    refused_post(u["comite-a"], "commenter", form, 403, "Origin d'un autre port",
                 origin="http://127.0.0.1:%d" % (port + 1 if port < 65535 else port - 1))
    refused_post(u["comite-a"], "commenter", form, 415, "type multipart",
                 ctype="multipart/form-data; boundary=x")
    big = urllib.parse.urlencode(dict(form, texte="x" * 9000)).encode()
    refused_post(u["comite-a"], "commenter", form, 413, "corps de plus de 8192 octets",
                 raw=big)
    # Each invalid parameter of a form: 400, nothing written.
    for field, value in [("texte", "é" * 1001), ("date", "2026-02-30"), ("uai", "0595871M"),
                         ("jeton", "z" * 100), ("texte", "a\x01b")]:
        refused_post(u["comite-a"], "commenter", dict(form, **{field: value}), 400,
                     "paramètre %s invalide" % field)
    refused_post(u["comite-a"], "commenter", {k: v for k, v in form.items() if k != "texte"},
                 400, "sans texte")
    refused_post(u["gest-a"], "traiter", {"uai": A, "id": "0", "jeton": "0" * 100}, 400,
                 "id 0")
    # No token, a forged one, another user's, another collège's: 403.
    refused_post(u["comite-a"], "commenter", {k: v for k, v in form.items() if k != "jeton"},
                 403, "sans jeton")
    forged = form.get("jeton", "")[:-1] + ("0" if form.get("jeton", "x")[-1] != "0" else "1")
    refused_post(u["comite-a"], "commenter", dict(form, jeton=forged), 403, "jeton falsifié")
    refused_post(u["comite-b"], "commenter", form, 403, "jeton du comité A par le comité B")
    refused_post(u["comite-a2"], "commenter", form, 403,
                 "jeton d'un membre du comité A par un autre membre")
    refused_post(public, "commenter", form, 403, "public avec un jeton")
    refused_post(u["comite-b"], "commenter", dict(form, uai=B), 403,
                 "comité B avec le jeton de A sur B")
    refused_post(u["comite-a"], "commenter", dict(form, uai=B), 403,
                 "comité A sur le collège B")
    # A good POST writes once and sends back to the page (303).
    n = count(db, comments)
    st, h, _ = u["comite-a"].post("commenter", form)
    check(st == 303, "commentaire : statut %d, attendu 303" % st)
    check(h.get("location") == "/prive/cantine.cgi?page=comite&uai=%s&date=%s"
          % (A, form.get("date")), "303 : Location %r" % h.get("location"))
    check(count(db, comments) == n + 1, "commentaire : pas écrit une fois")
    check(count(db, "SELECT count(*) FROM meal_comment WHERE body LIKE '%féculents' || "
                    "char(10) || 'cette semaine.'") == 1, "commentaire : CR LF → LF")
    # The same token again: 403, nothing written.
    refused_post(u["comite-a"], "commenter", form, 403, "jeton rejoué")
    # A day that is not proposed cannot be commented.
    refused_post(u["comite-a"], "commenter", dict(forms[1], date="2026-11-23", texte="x")
                 if len(forms) > 1 else {}, 400, "jour publié")

    # The comment reads as text on the committee's page, never in public.
    page = private_page(u["comite-a"], "page=comite&" + week_a, "comité A après")
    check("Trop de <script>alert(1)</script> féculents" in page.text() and
          "script" not in page.tags, "commentaire échappé")
    for q in ["page=semaine&" + week_a, "page=colleges", "page=semaine&uai=%s" % A]:
        st, _, body = public.get(q)
        check("féculents" not in body.decode("utf-8"), "public : commentaire visible (%s)" % q)
    refused(u["comite-b"], "page=comite&" + week_a, "comité B : commentaires de A")

    # Whatever week the gestionnaire opens, the comments to handle are
    # listed, each linking to its week.
    other = private_page(u["gest-a"], "page=gestion&uai=%s&date=%s" % (A, DRAFT_WEEK),
                         "gestion, autre semaine")
    check(other is not None and "Commentaires à traiter" in other.text() and
          "féculents" in other.text() and
          any(t == "a" and dict(a).get("href", "").endswith(
              "?page=gestion&uai=%s&date=%s" % (A, PROPOSED_DAY)) for t, a in other.attrs),
          "gestion, autre semaine : commentaire à traiter et lien vers sa semaine")

    # The gestionnaire marks it handled, once.
    page = private_page(u["gest-a"], "page=gestion&" + week_a, "gestion A")
    handle = tokens(page, "traiter")
    check(len(handle) == 1 and "féculents" in page.text(), "gestion : un commentaire à traiter")
    if handle:
        f = {k: v for k, v in handle[0].items() if k != "_action"}
        refused_post(u["gest-b"], "traiter", f, 403, "traiter : gestionnaire B")
        refused_post(u["comite-a"], "traiter", f, 403, "traiter : comité")
        refused_post(u["gest-a"], "proposer", dict(f, date=DRAFT_WEEK), 403,
                     "jeton de traiter pour proposer")
        st, h, _ = u["gest-a"].post("traiter", f)
        check(st == 303 and h.get("location", "").endswith("?page=gestion&uai=%s&date=%s"
                                                          % (A, PROPOSED_DAY)),
              "traiter : %d %r" % (st, h.get("location")))
        check(count(db, "SELECT count(*) FROM meal_comment WHERE handled_by = 'gest-a'") == 1,
              "traiter : pas marqué")
        refused_post(u["gest-a"], "traiter", f, 403, "traiter : jeton rejoué")
    page = private_page(u["gest-a"], "page=gestion&" + week_a, "gestion A après")
    check("Traité par gest-a" in page.text() and not tokens(page, "traiter"),
          "gestion : commentaire traité")
    check("Aucun commentaire à traiter." in page.text(), "gestion : plus rien à traiter")

    # Propose, then publish a draft week; the public sees it only then.
    draft = "uai=%s&date=%s" % (A, DRAFT_WEEK)
    status = "SELECT status FROM meal m JOIN etab e ON e.id = m.etab_id " \
             "WHERE e.uai = '%s' AND m.date = '%s'" % (A, DRAFT_WEEK)
    page = private_page(u["gest-a"], "page=gestion&" + draft, "gestion, brouillon")
    prop, pub = tokens(page, "proposer"), tokens(page, "publier")
    check(len(prop) == 1 and len(pub) == 1, "gestion : boutons proposer et publier")
    check(PROPOSED_DISH not in page.text() and "Omelette aux fines herbes" in page.text(),
          "gestion : plats du brouillon")
    page = private_page(u["comite-a"], "page=comite&" + draft, "comité, brouillon")
    check("Omelette aux fines herbes" not in page.text() and not tokens(page, "commenter"),
          "comité : brouillon visible")
    if prop and pub:
        fp = {k: v for k, v in prop[0].items() if k != "_action"}
        fq = {k: v for k, v in pub[0].items() if k != "_action"}
        refused_post(u["comite-a"], "proposer", fp, 403, "proposer : comité")
        n = count(db, "SELECT count(*) FROM meal_history")
        st, _, _ = u["gest-a"].post("proposer", fp)
        check(st == 303 and count(db, status) == 1, "proposer : %d" % st)
        check(count(db, "SELECT count(*) FROM meal_history WHERE who = 'gest-a'") >= 1 and
              count(db, "SELECT count(*) FROM meal_history") == n + 1, "proposer : historique")
        st, _, body = public.get("page=semaine&" + draft)
        check("Omelette aux fines herbes" not in body.decode("utf-8"), "public : proposé visible")
        page = private_page(u["comite-a"], "page=comite&" + draft, "comité, proposé")
        check("Omelette aux fines herbes" in page.text() and len(tokens(page, "commenter")) == 1,
              "comité : semaine proposée")
        st, _, _ = u["gest-a"].post("proposer", fp)
        check(st == 403 and count(db, status) == 1, "proposer : rejoué %d" % st)
        st, _, _ = u["gest-a"].post("publier", fq)
        check(st == 303 and count(db, status) == 2, "publier : %d" % st)
        st, _, body = public.get("page=semaine&" + draft)
        check("Omelette aux fines herbes" in body.decode("utf-8"), "public : publié absent")

    # Methods: a form's address takes POST only, a page GET and HEAD only.
    st, h, _ = u["comite-a"].get("page=commenter")
    check(st == 405 and h.get("allow") == "POST", "GET sur un formulaire : %d" % st)
    st, h, _ = u["comite-a"].post("comite", {"uai": A})
    check(st == 405 and h.get("allow") == "GET, HEAD", "POST sur une page : %d" % st)

    # The département: the audit with amounts and its SVG charts.
    page = private_page(u["dep59"], "page=departement&annee=%d" % year, "département 59")
    t = page.text()
    check("Collège Louise Michel" in t and "Collège Paul Langevin" in t and
          "Émile Zola" not in t, "audit 59 : collèges")
    check("1\u202f000,00\u00a0€" in t, "audit 59 : montant total des achats")
    check(page.tags.count("svg") == 5 and page.tags.count("rect") == 5 * 3,
          "audit : 5 graphiques de 3 barres (%d svg)" % page.tags.count("svg"))
    check("25,0\u00a0% ✓" in t or "25,0\u00a0% ✗" in t, "audit : part bio et ✓/✗")
    check(any(tag == "a" and a.get("href") == "?page=audit-college&uai=%s&annee=%d"
              % (A, year) for tag, a in page.attrs), "audit : lien vers le collège")
    page = private_page(u["dep59"], "page=audit-college&uai=%s&annee=%d" % (A, year),
                        "audit collège A")
    t = page.text()
    check("Bio : 250,00\u00a0€, soit 25,0\u00a0%." in t, "audit collège : bio")
    check("il manque" in t or "atteint" in t, "audit collège : ce qui manque")
    refused(u["dep59"], "page=audit-college&uai=%s" % B, "département 59 sur un collège du 62")
    refused(u["dep59"], "page=departement&dep=62", "département 59 sur le 62")
    refused(u["dep59"], "page=departement&annee=1999", "annee 1999", status=400)
    refused(u["dep59"], "page=departement&annee=20x5", "annee 20x5", status=400)
    refused(u["dep59"], "page=audit-college", "audit-college sans uai", status=400)
    refused(u["dep59"], "page=departement&dep=999", "dep 999", status=400)
    refused(u["dep59"], "page=audit-college&uai=0595871M", "uai invalide", status=400)
    refused(u["comite-a"], "page=gestion&uai=%s&uai=%s" % (A, A), "uai deux fois", status=400)
    st, h, body = u["dep59"].request("HEAD", "page=departement")
    check(st == 200 and body == b"" and h.get("cache-control") == "private, no-store",
          "HEAD sur une page privée : %d %r" % (st, h.get("cache-control")))
    refused(u["comite-a"], "page=comite&date=2026-13-01", "date invalide", status=400)

    # No pupil on any page; amounts only on the département's.
    pupils = []
    with open(os.path.join(web_test.EX, "inscriptions.csv"), encoding="utf-8") as f:
        next(f)
        pupils = [line.split(",")[1] for line in f if line.strip()]
    for q, raw in PRIVATE_HTML:
        found = [p for p in pupils if p in raw]
        check(not found, "%s : élèves %s" % (q, found[:3]))
        if "departement" not in q and "audit-college" not in q:
            check("€" not in raw and not re.search(r"\d,\d\d(?!\d)", raw),
                  "%s : un montant hors des pages du département" % q)


if __name__ == "__main__":
    sys.exit(main())
