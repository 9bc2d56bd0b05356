#!/usr/bin/env python3
"""Write examples/inscriptions.csv, presences.csv, repas.csv and
absences.csv: the demo collège's (0595871L, Collège Louise Michel, lunch
lun|mar|jeu|ven, 135 demi-pensionnaires) registrations for 2026-2027, the
covers it served from the rentrée (Tuesday 1 September 2026) to Friday 20
November 2026, the meals its ticket pupils took over those days, and a few
absences of the first term (docs/formats.md, "inscriptions", "presences",
"repas" and "absences").

Deterministic (fixed seed): run it again and the files are the same.
Pupils are pseudonymous identifiers (E2026-0001…), never names.  The
covers follow weekday patterns a forecast can learn: about 6 % of the
forfait pupils miss lunch on Mondays, Tuesdays and Thursdays and 18 % on
Fridays, and the ticket pupils eat about one day in three.

    python3 tools/gen_attendance.py examples
"""
import csv
import datetime
import os
import random
import sys

UAI = "0595871L"
SERVICE = {0: "lun", 1: "mar", 3: "jeu", 4: "ven"}   # weekday → code
FIRST, LAST = datetime.date(2026, 9, 1), datetime.date(2027, 7, 3)
HISTORY_END = datetime.date(2026, 11, 20)
# Days off of the académie de Lille and public holidays over the history
# (libmenu/data/calendrier-scolaire.csv, calendar.c).
CLOSED = [(datetime.date(2026, 10, 17), datetime.date(2026, 11, 1)),
          (datetime.date(2026, 11, 11), datetime.date(2026, 11, 11))]
MISS = {0: 0.06, 1: 0.06, 3: 0.06, 4: 0.18}        # forfait pupils missing lunch
CLASSES = [f"{n}{c}" for n in (6, 5, 4, 3) for c in "ABCD"]


def closed(day):
    return any(a <= day <= b for a, b in CLOSED)


def pupils(rng):
    rows = []
    n = 0

    def add(regime, days, start=FIRST):
        nonlocal n
        n += 1
        qf = rfr = children = ""
        tier = rng.random()
        if tier < 0.45:
            qf = f"{rng.randint(250, 1800)}.00"
        elif tier < 0.75:
            children = str(rng.randint(1, 4))
            rfr = f"{rng.randint(9000, 60000)}.00"
        bursary = "oui" if tier < 0.2 else "non"
        rows.append([UAI, f"E2026-{n:04d}", regime, "|".join(days),
                     rng.choice(CLASSES), start.isoformat(), LAST.isoformat(),
                     qf, rfr, children, bursary])

    four = [SERVICE[d] for d in sorted(SERVICE)]
    for _ in range(124):                       # forfait 4 jours
        add("DP4", four)
    for _ in range(8):                         # three days (no Friday)
        add("DP4", ["lun", "mar", "jeu"])
    for _ in range(3):                         # arrived after the Toussaint
        add("DP4", four, datetime.date(2026, 11, 2))
    for _ in range(20):
        add("ticket", [])
    for _ in range(12):
        add("externe", [])
    return rows


def covers(rng, rows):
    out, meals = [], []
    day = FIRST
    while day <= HISTORY_END:
        wd = day.weekday()
        if wd in SERVICE and not closed(day):
            code = SERVICE[wd]
            n = 0
            for r in rows:
                start = datetime.date.fromisoformat(r[5])
                if r[2] == "DP4" and code in r[3].split("|") and start <= day:
                    n += rng.random() >= MISS[wd]
                elif r[2] == "ticket" and rng.random() < 0.33:
                    n += 1
                    meals.append([UAI, r[1], day.isoformat()])
            out.append([UAI, day.isoformat(), n])
        day += datetime.timedelta(days=1)
    return out, sorted(meals, key=lambda m: (m[1], m[2]))


# Absences of the first term, after the covers' history (the forecast of
# the week of 23 November subtracts them): an illness of a whole week
# (deducted from the bill: remise d'ordre from 5 school days), one of two
# days (not deducted), an unjustified day, and a class outing.
ABSENCES = [
    ["E2026-0005", "", "2026-11-23", "2026-11-27", "maladie (certificat)", "oui"],
    ["E2026-0009", "", "2026-11-30", "2026-12-01", "maladie (certificat)", "oui"],
    ["E2026-0012", "", "2026-12-03", "2026-12-03", "absence", "non"],
    ["", "4B", "2026-12-10", "2026-12-11", "sortie pédagogique", "oui"],
]


def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else "examples"
    rng = random.Random(20260901)
    rows = pupils(rng)
    with open(os.path.join(outdir, "inscriptions.csv"), "w", newline="",
              encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["uai", "eleve", "regime", "jours", "classe", "debut", "fin",
                    "quotient_familial", "revenu_fiscal", "enfants", "boursier"])
        w.writerows(rows)
    with open(os.path.join(outdir, "presences.csv"), "w", newline="",
              encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["uai", "date", "couverts"])
        served, meals = covers(rng, rows)
        w.writerows(served)
    with open(os.path.join(outdir, "repas.csv"), "w", newline="",
              encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["uai", "eleve", "date"])
        w.writerows(meals)
    with open(os.path.join(outdir, "absences.csv"), "w", newline="",
              encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["uai", "eleve", "classe", "debut", "fin", "motif", "justifiee"])
        w.writerows([UAI] + a for a in ABSENCES)


if __name__ == "__main__":
    main()
