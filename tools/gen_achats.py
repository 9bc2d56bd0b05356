#!/usr/bin/env python3
"""Write examples/achats.csv: the demo collèges' purchases of 2026 in
ma-cantine's current 12-column purchase format (docs/formats.md, "Achats").

Deterministic (fixed seed): run it again and the file is the same.  The
purchases run from the first school week of January to 20 November 2026,
since ma-cantine and cantine refuse purchases dated after today.

    python3 tools/gen_achats.py > examples/achats.csv
"""
import csv
import datetime
import random
import sys

ETABS = [  # SIRET of examples/etablissements.csv, size factor
    ("19595871500011", 1.0),   # Collège Louise Michel, 135 demi-pensionnaires
    ("19622413300013", 2.6),   # Collège Émile Zola, 365
    ("19593904600015", 1.8),   # Collège Paul Langevin, 240
]

# description, supplier, family, categories, origin, short circuit, local
# definition ("" when not local), km, base price in euros for the smallest
# collège
ITEMS = [
    ("Pommes de terre de consommation", "Ferme des Weppes", "FRUITS_ET_LEGUMES", "", "FRANCE", "OUI", "KM", 25, 60),
    ("Carottes bio", "Coopérative Norabio", "FRUITS_ET_LEGUMES", "BIO", "FRANCE", "OUI", "REGION", "", 45),
    ("Endives", "Endiverie de la Lys", "FRUITS_ET_LEGUMES", "HVE", "FRANCE", "OUI", "DEPARTEMENT", "", 38),
    ("Pommes Jonagold", "Vergers de la Pévèle", "FRUITS_ET_LEGUMES", "HVE", "FRANCE", "OUI", "KM", 40, 55),
    ("Poireaux bio", "Coopérative Norabio", "FRUITS_ET_LEGUMES", "BIO", "FRANCE", "OUI", "PAT", "", 30),
    ("Ail fumé d'Arleux", "Primeurs du Douaisis", "FRUITS_ET_LEGUMES", "IGP", "FRANCE", "", "DEPARTEMENT", "", 18),
    ("Bananes", "Pomona Passion Froid Lesquin", "FRUITS_ET_LEGUMES", "COMMERCE_EQUITABLE", "", "", "", "", 42),
    ("Légumes surgelés (haricots verts)", "Pomona Passion Froid Lesquin", "FRUITS_ET_LEGUMES", "", "EUROPE", "", "", "", 70),
    ("Bœuf haché 15 % MG", "Boucherie Delannoy", "VIANDES_VOLAILLES", "", "FRANCE", "OUI", "REGION", "", 180),
    ("Sauté de bœuf Label Rouge", "Boucherie Delannoy", "VIANDES_VOLAILLES", "LABEL_ROUGE", "FRANCE", "", "", "", 240),
    ("Poulet fermier Label Rouge", "Volailles de Licques", "VIANDES_VOLAILLES", "LABEL_ROUGE,FERMIER", "FRANCE", "OUI", "DEPARTEMENT", "", 210),
    ("Sauté de porc", "Salaisons de l'Artois", "VIANDES_VOLAILLES", "", "FRANCE", "", "REGION", "", 130),
    ("Filets de poulet", "Pomona Passion Froid Lesquin", "VIANDES_VOLAILLES", "", "EUROPE", "", "", "", 150),
    ("Jambon blanc supérieur", "Salaisons de l'Artois", "CHARCUTERIE", "", "FRANCE", "", "REGION", "", 75),
    ("Jambon de Bayonne", "Pomona Passion Froid Lesquin", "CHARCUTERIE", "IGP", "FRANCE", "", "", "", 60),
    ("Filet de lieu noir", "Marée Boulonnaise", "PRODUITS_DE_LA_MER", "PECHE_DURABLE", "FRANCE", "OUI", "REGION", "", 160),
    ("Filet de hareng", "Marée Boulonnaise", "PRODUITS_DE_LA_MER", "PECHE_DURABLE", "FRANCE", "OUI", "KM", 110, 70),
    ("Colin d'Alaska pané", "Pomona Passion Froid Lesquin", "PRODUITS_DE_LA_MER", "", "", "", "", "", 120),
    ("Maroilles", "Fromagerie de Thiérache", "PRODUITS_LAITIERS", "AOCAOP", "FRANCE", "OUI", "REGION", "", 65),
    ("Comté", "Pomona Passion Froid Lesquin", "PRODUITS_LAITIERS", "AOCAOP", "FRANCE", "", "", "", 80),
    ("Yaourts nature bio", "Laiterie des Flandres", "PRODUITS_LAITIERS", "BIO", "FRANCE", "OUI", "DEPARTEMENT", "", 55),
    ("Œufs fermiers plein air", "Ferme du Mont des Cats", "PRODUITS_LAITIERS", "FERMIER", "FRANCE", "OUI", "KM", 35, 28),
    ("Lait demi-écrémé", "Laiterie des Flandres", "PRODUITS_LAITIERS", "", "FRANCE", "", "DEPARTEMENT", "", 35),
    ("Beurre doux", "Laiterie des Flandres", "PRODUITS_LAITIERS", "", "FRANCE", "", "", "", 25),
    ("Pain de campagne", "Boulangerie Dumont", "BOULANGERIE", "", "FRANCE", "OUI", "COMMUNE", "", 48),
    ("Pain bio au levain", "Boulangerie Dumont", "BOULANGERIE", "BIO", "FRANCE", "OUI", "COMMUNE", "", 36),
    ("Tartes au sucre", "Pâtisserie Vandewalle", "BOULANGERIE", "", "FRANCE", "", "DEPARTEMENT", "", 40),
    ("Jus de pomme", "Vergers de la Pévèle", "BOISSONS", "HVE", "FRANCE", "OUI", "KM", 40, 22),
    ("Pâtes bio", "Épicerie collective du Nord", "AUTRES", "BIO", "EUROPE", "", "", "", 32),
    ("Lentilles vertes", "Épicerie collective du Nord", "AUTRES", "BIO", "FRANCE", "", "", "", 26),
    ("Riz long", "Épicerie collective du Nord", "AUTRES", "", "", "", "", "", 24),
    ("Huile de colza", "Huilerie de l'Avesnois", "AUTRES", "", "FRANCE", "OUI", "REGION", "", 18),
    ("Chocolat en poudre", "Épicerie collective du Nord", "AUTRES", "COMMERCE_EQUITABLE,BIO", "", "", "", "", 20),
]

HEADER = ["siret", "description", "fournisseur", "date", "prix_ht", "famille_produits",
          "categories_egalim", "origine", "est_circuit_court", "est_local",
          "definition_local", "definition_local_km"]

# Zone B school holidays of 2026 (académie de Lille, as in
# libmenu/data/calendrier-scolaire.csv): no deliveries.
HOLIDAYS = [
    (datetime.date(2026, 2, 14), datetime.date(2026, 3, 1)),
    (datetime.date(2026, 4, 11), datetime.date(2026, 4, 26)),
    (datetime.date(2026, 5, 15), datetime.date(2026, 5, 16)),
    (datetime.date(2026, 7, 4), datetime.date(2026, 8, 31)),
    (datetime.date(2026, 10, 17), datetime.date(2026, 11, 1)),
]
# Public holidays on a delivery day (Monday, Tuesday or Thursday).
PUBLIC = {datetime.date(2026, 4, 6), datetime.date(2026, 5, 14), datetime.date(2026, 5, 25),
          datetime.date(2026, 11, 11)}


def school_mondays():
    d = datetime.date(2026, 1, 5)
    end = datetime.date(2026, 11, 20)
    while d <= end:
        if not any(a <= d <= b for a, b in HOLIDAYS):
            yield d
        d += datetime.timedelta(days=7)


def main():
    rnd = random.Random(2026)
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(HEADER)
    rows = []
    for monday in school_mondays():
        for siret, size in ETABS:
            for item in rnd.sample(ITEMS, 4):
                desc, sup, fam, cat, orig, court, loc, km, base = item
                day = monday + datetime.timedelta(days=rnd.choice([0, 1, 3]))
                if day in PUBLIC:
                    day += datetime.timedelta(days=1)
                price = 3.5 * base * size * rnd.uniform(0.8, 1.25)
                rows.append([siret, desc, sup, day.isoformat(), "%.2f" % price, fam,
                             cat, orig, court, "OUI" if loc else "", loc,
                             km if loc == "KM" else ""])
    rows.sort(key=lambda r: (r[3], r[0]))
    w.writerows(rows)


main()
