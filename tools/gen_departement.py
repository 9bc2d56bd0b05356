#!/usr/bin/env python3
"""Write examples/departement/: nine more fictional collèges of the Nord (59)
for the departmental EGALIM audit demo (`cantine audit --departement 59`).

    python3 tools/gen_departement.py           # writes the three files
    python3 tools/gen_departement.py --stats   # and prints each collège's shares

Deterministic (fixed seed): run it again and the files are the same.  It
writes, next to examples/etablissements.csv, menus.csv and achats.csv, which
it reads and completes:

- examples/departement/etablissements.csv: the nine collèges (docs/formats.md,
  "etablissements").  UAI = "059" + 4 digits + the check letter (the 7-digit
  number mod 23 in ABCDEFGHJKLMNPRSTUVWXYZ); SIRET as the demo's: SIREN
  "19" + the UAI's last 6 digits + its Luhn digit, NIC "0001" + the digit
  that makes the 14 digits pass Luhn.  Names and numbers are made up; the
  communes and their INSEE codes are real.
- examples/departement/menus.csv: the published lunches of every collège
  from 7 September to 27 November 2026 (docs/formats.md, "menus").  They
  reuse the weeks of Collège Louise Michel (0595871L) in examples/menus.csv,
  in another order for each collège (September-October weeks among
  themselves, November weeks among themselves, so the fruit stays in
  season).  Collèges that serve on Wednesday get a Wednesday lunch made of
  dishes of examples/menus.csv.  No lunch during the Toussaint holidays
  (zone B, 17 October-1 November 2026) nor on 11 November.  Three collèges
  replace, in some weeks, the vegetarian day's plat principal by a meat
  dish of the same file: those weeks have no complete vegetarian lunch.
- examples/departement/achats.csv: their purchases of 2026 in ma-cantine's
  12-column format (docs/formats.md, "Achats"), 4 to 6 invoice lines a
  school week from 5 January to 20 November 2026 (later dates are in the
  future and refused), on the collège's service days outside the zone B
  holidays and public holidays.  Each collège has a purchasing profile
  (PROFILES) so that the audit is varied: three meet every objective,
  the others miss one or several, one buys mostly local and one hardly
  any.  Prices are realistic estimates excluding VAT, not supplier quotes;
  suppliers are fictional except the wholesalers Pomona and Transgourmet.
"""
import csv
import datetime
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = os.path.join(ROOT, "examples")
OUT = os.path.join(EXAMPLES, "departement")

UAI_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"

# ---------------------------------------------------------------------------
# The collèges.  digits: the UAI's 7 digits; days: jours_service; dp:
# demi-pensionnaires; target: cout_denrees_cible ("" for none); bakery: the
# baker of the commune; profile: key of PROFILES; shift: (September-October
# rotation, November rotation) of Louise Michel's weeks; meat_weeks: the
# calendar weeks (0 = 7 September, see WEEKS) whose vegetarian lunch gets a
# meat plat principal.
# ---------------------------------------------------------------------------
ETABS = [
    dict(digits="0592786", nom="Collège Germaine Tillion", commune="59178", ville="Douai",
         days="lun|mar|mer|jeu|ven", eleves=680, dp=470, target="2.45",
         bakery="Boulangerie Delcourt Douai", profile="exemplaire", shift=(1, 1), meat_weeks=[]),
    dict(digits="0594412", nom="Collège Lucie Aubrac", commune="59569", ville="Sin-le-Noble",
         days="lun|mar|jeu|ven", eleves=520, dp=330, target="2.35",
         bakery="Boulangerie Caron Sin-le-Noble", profile="local", shift=(2, 3), meat_weeks=[]),
    dict(digits="0593517", nom="Collège Olympe de Gouges", commune="59327", ville="Lallaing",
         days="lun|mar|jeu|ven", eleves=390, dp=210, target="2.30",
         bakery="Boulangerie Wattiez Lallaing", profile="juste", shift=(3, 2), meat_weeks=[8]),
    dict(digits="0596023", nom="Collège Rosa Parks", commune="59574", ville="Somain",
         days="lun|mar|mer|jeu|ven", eleves=560, dp=300, target="2.30",
         bakery="Boulangerie Dhaussy Somain", profile="bio_court", shift=(4, 1), meat_weeks=[]),
    dict(digits="0591148", nom="Collège Jean Jaurès", commune="59028", ville="Auby",
         days="lun|mar|jeu|ven", eleves=430, dp=190, target="2.25",
         bakery="Boulangerie Lemaire Auby", profile="viandes", shift=(5, 3), meat_weeks=[1, 4, 7]),
    dict(digits="0597390", nom="Collège Joséphine Baker", commune="59014", ville="Anzin",
         days="lun|mar|mer|jeu|ven", eleves=610, dp=350, target="2.20",
         bakery="Boulangerie Deparis Anzin", profile="peu_bio", shift=(1, 2), meat_weeks=[]),
    dict(digits="0590865", nom="Collège Gisèle Halimi", commune="59606", ville="Valenciennes",
         days="lun|mar|mer|jeu|ven", eleves=720, dp=520, target="",
         bakery="Boulangerie Leclercq Valenciennes", profile="grossiste", shift=(2, 1),
         meat_weeks=[2, 6]),
    dict(digits="0596654", nom="Collège Marie Marvingt", commune="59491", ville="Raismes",
         days="lun|mar|jeu|ven", eleves=450, dp=260, target="2.40",
         bakery="Boulangerie Dubois Raismes", profile="bio_seul", shift=(4, 3), meat_weeks=[]),
    dict(digits="0592231", nom="Collège Léo Lagrange", commune="59008", ville="Aniche",
         days="lun|mar|jeu|ven", eleves=380, dp=170, target="",
         bakery="Boulangerie Lefebvre Aniche", profile="a_revoir", shift=(3, 1), meat_weeks=[]),
]

# Purchasing profiles.  For each invoice line the generator draws a class:
# bio, egalim (another EGALIM characteristic: Label Rouge, AOP/IGP, HVE,
# pêche durable, fermier, commerce équitable) or std (none), with the
# probabilities below (mf_*: meat and fish lines, the others: every other
# family), then local with probability `local` (a producer of the region:
# definition REGION, DEPARTEMENT, COMMUNE or PAT, what "Ici je mange local"
# counts) and an item of the catalogue in that cell.
PROFILES = {
    # meets every objective, good local share
    "exemplaire": dict(bio=0.38, egalim=0.20, mf_bio=0.15, mf_egalim=0.57, local=0.50),
    # meets every objective, buys mostly from producers of the region
    "local": dict(bio=0.40, egalim=0.24, mf_bio=0.20, mf_egalim=0.55, local=0.88),
    # meets every objective, just
    "juste": dict(bio=0.40, egalim=0.12, mf_bio=0.12, mf_egalim=0.52, local=0.45),
    # bio a little short, the rest reached
    "bio_court": dict(bio=0.28, egalim=0.28, mf_bio=0.08, mf_egalim=0.62, local=0.45),
    # meat and fish far from 60 %, the rest reached
    "viandes": dict(bio=0.40, egalim=0.36, mf_bio=0.06, mf_egalim=0.30, local=0.40),
    # little bio, EGALIM short
    "peu_bio": dict(bio=0.09, egalim=0.05, mf_bio=0.02, mf_egalim=0.64, local=0.30),
    # a wholesaler for nearly everything: every objective missed, little local
    "grossiste": dict(bio=0.14, egalim=0.10, mf_bio=0.04, mf_egalim=0.28, local=0.04),
    # bio reached, EGALIM and meat and fish short
    "bio_seul": dict(bio=0.44, egalim=0.02, mf_bio=0.02, mf_egalim=0.40, local=0.35),
    # bio and meat and fish short
    "a_revoir": dict(bio=0.20, egalim=0.50, mf_bio=0.04, mf_egalim=0.40, local=0.40),
}

# Invoice lines a school week per family (relative weights).
FAMILY_WEIGHTS = [
    ("FRUITS_ET_LEGUMES", 6), ("VIANDES_VOLAILLES", 3), ("PRODUITS_DE_LA_MER", 1.5),
    ("PRODUITS_LAITIERS", 4), ("BOULANGERIE", 2), ("AUTRES", 3), ("CHARCUTERIE", 1),
    ("BOISSONS", 0.7),
]
BAKERY = "@bakery"  # replaced by the collège's baker

# description, supplier, family, categories, origin, short circuit, local
# definition ("" when not local), km, base price in euros of one invoice
# line for 135 demi-pensionnaires (the size of Collège Louise Michel, as in
# tools/gen_achats.py).
ITEMS = [
    # fruits et légumes
    ("Carottes bio", "Coopérative Norabio", "FRUITS_ET_LEGUMES", "BIO", "FRANCE", "OUI", "REGION", "", 45),
    ("Poireaux bio", "Coopérative Norabio", "FRUITS_ET_LEGUMES", "BIO", "FRANCE", "OUI", "PAT", "", 30),
    ("Pommes de terre bio", "Coop Bio Hauts-de-France", "FRUITS_ET_LEGUMES", "BIO", "FRANCE", "OUI", "REGION", "", 55),
    ("Pommes bio", "Vergers de l'Artois", "FRUITS_ET_LEGUMES", "BIO", "FRANCE", "OUI", "REGION", "", 50),
    ("Endives bio", "Endives du Douaisis", "FRUITS_ET_LEGUMES", "BIO", "FRANCE", "OUI", "DEPARTEMENT", "", 40),
    ("Bananes bio", "Pomona TerreAzur", "FRUITS_ET_LEGUMES", "BIO,COMMERCE_EQUITABLE", "", "", "", "", 42),
    ("Courgettes bio", "Pomona TerreAzur", "FRUITS_ET_LEGUMES", "BIO", "FRANCE", "", "", "", 35),
    ("Oranges bio", "Pomona TerreAzur", "FRUITS_ET_LEGUMES", "BIO", "EUROPE", "", "", "", 40),
    ("Haricots verts surgelés bio", "Pomona PassionFroid", "FRUITS_ET_LEGUMES", "BIO", "EUROPE", "", "", "", 60),
    ("Endives", "Endiverie de la Lys", "FRUITS_ET_LEGUMES", "HVE", "FRANCE", "OUI", "DEPARTEMENT", "", 38),
    ("Poires Conférence", "Vergers de la Pévèle", "FRUITS_ET_LEGUMES", "HVE", "FRANCE", "OUI", "REGION", "", 45),
    ("Ail fumé d'Arleux", "Primeurs du Douaisis", "FRUITS_ET_LEGUMES", "IGP", "FRANCE", "", "DEPARTEMENT", "", 18),
    ("Pommes Jonagold", "Vergers de la Pévèle", "FRUITS_ET_LEGUMES", "HVE", "FRANCE", "OUI", "KM", 40, 55),
    ("Bananes", "Pomona TerreAzur", "FRUITS_ET_LEGUMES", "COMMERCE_EQUITABLE", "", "", "", "", 42),
    ("Clémentines de Corse", "Pomona TerreAzur", "FRUITS_ET_LEGUMES", "IGP", "FRANCE", "", "", "", 45),
    ("Pommes de terre de consommation", "Ferme du Pévèle", "FRUITS_ET_LEGUMES", "", "FRANCE", "OUI", "REGION", "", 60),
    ("Choux-fleurs et brocolis", "Primeurs du Douaisis", "FRUITS_ET_LEGUMES", "", "FRANCE", "", "DEPARTEMENT", "", 40),
    ("Tomates", "Serres de la Deûle", "FRUITS_ET_LEGUMES", "", "FRANCE", "OUI", "DEPARTEMENT", "", 40),
    ("Légumes surgelés (haricots verts)", "Pomona PassionFroid", "FRUITS_ET_LEGUMES", "", "EUROPE", "", "", "", 70),
    ("Fruits de saison", "Transgourmet", "FRUITS_ET_LEGUMES", "", "EUROPE", "", "", "", 50),
    ("Pommes de terre de consommation", "Ferme des Weppes", "FRUITS_ET_LEGUMES", "", "FRANCE", "OUI", "KM", 25, 60),
    # viandes et volailles
    ("Poulet bio", "Volailles de l'Artois", "VIANDES_VOLAILLES", "BIO", "FRANCE", "OUI", "REGION", "", 200),
    ("Sauté de porc bio", "Coop Bio Hauts-de-France", "VIANDES_VOLAILLES", "BIO", "FRANCE", "", "REGION", "", 170),
    ("Bœuf haché bio", "Transgourmet", "VIANDES_VOLAILLES", "BIO", "FRANCE", "", "", "", 230),
    ("Filets de poulet bio", "Pomona PassionFroid", "VIANDES_VOLAILLES", "BIO", "FRANCE", "", "", "", 190),
    ("Poulet fermier Label Rouge", "Volailles de Licques", "VIANDES_VOLAILLES", "LABEL_ROUGE,FERMIER", "FRANCE", "OUI", "REGION", "", 210),
    ("Sauté de bœuf Label Rouge", "Abattoir du Cambrésis", "VIANDES_VOLAILLES", "LABEL_ROUGE", "FRANCE", "", "DEPARTEMENT", "", 240),
    ("Rôti de porc Label Rouge", "Salaisons du Douaisis", "VIANDES_VOLAILLES", "LABEL_ROUGE", "FRANCE", "", "REGION", "", 160),
    ("Sauté de veau Label Rouge", "Transgourmet", "VIANDES_VOLAILLES", "LABEL_ROUGE", "FRANCE", "", "", "", 250),
    ("Sauté d'agneau IGP", "Pomona PassionFroid", "VIANDES_VOLAILLES", "IGP", "FRANCE", "", "", "", 220),
    ("Dinde fermière Label Rouge", "Transgourmet", "VIANDES_VOLAILLES", "LABEL_ROUGE,FERMIER", "FRANCE", "", "", "", 170),
    ("Bœuf haché 15 % MG", "Boucherie Delannoy", "VIANDES_VOLAILLES", "", "FRANCE", "OUI", "REGION", "", 180),
    ("Sauté de porc", "Salaisons du Douaisis", "VIANDES_VOLAILLES", "", "FRANCE", "", "REGION", "", 130),
    ("Filets de poulet", "Pomona PassionFroid", "VIANDES_VOLAILLES", "", "EUROPE", "", "", "", 150),
    ("Escalopes de dinde", "Transgourmet", "VIANDES_VOLAILLES", "", "FRANCE", "", "", "", 140),
    ("Steaks hachés surgelés", "Pomona PassionFroid", "VIANDES_VOLAILLES", "", "EUROPE", "", "", "", 160),
    ("Nuggets de poulet", "Pomona PassionFroid", "VIANDES_VOLAILLES", "", "", "", "", "", 110),
    # produits de la mer
    ("Pavé de saumon bio", "Pomona PassionFroid", "PRODUITS_DE_LA_MER", "BIO", "EUROPE", "", "", "", 170),
    ("Filet de lieu noir", "Marée Boulonnaise", "PRODUITS_DE_LA_MER", "PECHE_DURABLE", "FRANCE", "OUI", "REGION", "", 160),
    ("Filet de hareng", "Marée Boulonnaise", "PRODUITS_DE_LA_MER", "PECHE_DURABLE", "FRANCE", "OUI", "REGION", "", 70),
    ("Filet de colin d'Alaska MSC", "Pomona PassionFroid", "PRODUITS_DE_LA_MER", "PECHE_DURABLE", "", "", "", "", 130),
    ("Filet de hoki MSC", "Transgourmet", "PRODUITS_DE_LA_MER", "PECHE_DURABLE", "", "", "", "", 140),
    ("Filet de merlan", "Marée Boulonnaise", "PRODUITS_DE_LA_MER", "", "FRANCE", "OUI", "REGION", "", 130),
    ("Colin d'Alaska pané", "Pomona PassionFroid", "PRODUITS_DE_LA_MER", "", "", "", "", "", 120),
    ("Filet de merlu", "Transgourmet", "PRODUITS_DE_LA_MER", "", "EUROPE", "", "", "", 140),
    ("Dos de cabillaud", "Transgourmet", "PRODUITS_DE_LA_MER", "", "", "", "", "", 160),
    # produits laitiers
    ("Yaourts nature bio", "Laiterie des Flandres", "PRODUITS_LAITIERS", "BIO", "FRANCE", "OUI", "DEPARTEMENT", "", 55),
    ("Fromage blanc bio", "Coop Bio Hauts-de-France", "PRODUITS_LAITIERS", "BIO", "FRANCE", "OUI", "REGION", "", 40),
    ("Lait demi-écrémé bio", "Laiterie des Flandres", "PRODUITS_LAITIERS", "BIO", "FRANCE", "", "REGION", "", 35),
    ("Yaourts aux fruits bio", "Pomona PassionFroid", "PRODUITS_LAITIERS", "BIO", "FRANCE", "", "", "", 50),
    ("Emmental bio râpé", "Transgourmet", "PRODUITS_LAITIERS", "BIO", "FRANCE", "", "", "", 45),
    ("Maroilles", "Fromagerie de Thiérache", "PRODUITS_LAITIERS", "AOCAOP", "FRANCE", "OUI", "REGION", "", 65),
    ("Fromage blanc fermier", "Ferme Lemaire (Flandres)", "PRODUITS_LAITIERS", "FERMIER", "FRANCE", "OUI", "REGION", "", 40),
    ("Comté", "Pomona PassionFroid", "PRODUITS_LAITIERS", "AOCAOP", "FRANCE", "", "", "", 80),
    ("Emmental de Savoie IGP", "Transgourmet", "PRODUITS_LAITIERS", "IGP", "FRANCE", "", "", "", 60),
    ("Œufs fermiers plein air", "Ferme du Mont des Cats", "PRODUITS_LAITIERS", "FERMIER", "FRANCE", "OUI", "KM", 35, 28),
    ("Lait demi-écrémé", "Laiterie des Flandres", "PRODUITS_LAITIERS", "", "FRANCE", "", "DEPARTEMENT", "", 35),
    ("Mimolette", "Laiterie des Flandres", "PRODUITS_LAITIERS", "", "FRANCE", "", "REGION", "", 45),
    ("Beurre doux", "Laiterie des Flandres", "PRODUITS_LAITIERS", "", "FRANCE", "", "", "", 25),
    ("Petits-suisses nature", "Pomona PassionFroid", "PRODUITS_LAITIERS", "", "FRANCE", "", "", "", 40),
    ("Camembert", "Transgourmet", "PRODUITS_LAITIERS", "", "FRANCE", "", "", "", 45),
    ("Yaourts aromatisés", "Pomona PassionFroid", "PRODUITS_LAITIERS", "", "", "", "", "", 45),
    # boulangerie
    ("Pain bio au levain", BAKERY, "BOULANGERIE", "BIO", "FRANCE", "OUI", "COMMUNE", "", 36),
    ("Pain complet bio", "Fournil Bio de la Scarpe", "BOULANGERIE", "BIO", "FRANCE", "OUI", "DEPARTEMENT", "", 30),
    ("Pain de mie bio", "Pomona PassionFroid", "BOULANGERIE", "BIO", "FRANCE", "", "", "", 25),
    ("Pain de campagne", BAKERY, "BOULANGERIE", "", "FRANCE", "OUI", "COMMUNE", "", 48),
    ("Tartes au sucre", "Pâtisserie Vandewalle", "BOULANGERIE", "", "FRANCE", "", "DEPARTEMENT", "", 40),
    ("Gaufres fourrées à la vergeoise", "Gaufrerie du Vieux-Lille", "BOULANGERIE", "", "FRANCE", "", "REGION", "", 35),
    ("Pain précuit surgelé", "Pomona PassionFroid", "BOULANGERIE", "", "EUROPE", "", "", "", 40),
    ("Biscuits et gâteaux secs", "Transgourmet", "BOULANGERIE", "", "", "", "", "", 30),
    # boissons
    ("Jus de pomme bio", "Vergers de l'Artois", "BOISSONS", "BIO", "FRANCE", "OUI", "REGION", "", 24),
    ("Jus de pomme", "Vergers de la Pévèle", "BOISSONS", "HVE", "FRANCE", "OUI", "KM", 40, 22),
    ("Jus d'orange", "Pomona PassionFroid", "BOISSONS", "", "", "", "", "", 22),
    # charcuterie
    ("Jambon blanc bio", "Pomona PassionFroid", "CHARCUTERIE", "BIO", "FRANCE", "", "", "", 80),
    ("Jambon de Bayonne", "Pomona PassionFroid", "CHARCUTERIE", "IGP", "FRANCE", "", "", "", 60),
    ("Jambon blanc supérieur", "Salaisons du Douaisis", "CHARCUTERIE", "", "FRANCE", "", "REGION", "", 75),
    ("Lardons fumés", "Transgourmet", "CHARCUTERIE", "", "EUROPE", "", "", "", 40),
    # autres (épicerie)
    ("Farine de blé bio", "Moulin de la Lys", "AUTRES", "BIO", "FRANCE", "", "REGION", "", 20),
    ("Pâtes bio", "Épicerie collective du Nord", "AUTRES", "BIO", "EUROPE", "", "", "", 32),
    ("Lentilles vertes bio", "Épicerie collective du Nord", "AUTRES", "BIO", "FRANCE", "", "", "", 26),
    ("Chocolat en poudre", "Épicerie collective du Nord", "AUTRES", "COMMERCE_EQUITABLE,BIO", "", "", "", "", 20),
    ("Lentilles vertes du Puy", "Épicerie collective du Nord", "AUTRES", "AOCAOP", "FRANCE", "", "", "", 28),
    ("Huile de colza", "Huilerie de l'Avesnois", "AUTRES", "", "FRANCE", "OUI", "REGION", "", 18),
    ("Vergeoise et sucre de betterave", "Sucrerie du Cambrésis", "AUTRES", "", "FRANCE", "", "REGION", "", 15),
    ("Riz long", "Épicerie collective du Nord", "AUTRES", "", "", "", "", "", 24),
    ("Semoule de blé dur", "Transgourmet", "AUTRES", "", "EUROPE", "", "", "", 20),
    ("Tomates concassées en conserve", "Transgourmet", "AUTRES", "", "EUROPE", "", "", "", 25),
]

HEADER = ["siret", "description", "fournisseur", "date", "prix_ht", "famille_produits",
          "categories_egalim", "origine", "est_circuit_court", "est_local",
          "definition_local", "definition_local_km"]

# Academie de Lille (zone B), libmenu/data/calendrier-scolaire.csv: no
# school, no delivery.  2026's public holidays on school days as well.
HOLIDAYS = [
    (datetime.date(2026, 2, 14), datetime.date(2026, 3, 1)),    # hiver
    (datetime.date(2026, 4, 11), datetime.date(2026, 4, 26)),   # printemps
    (datetime.date(2026, 5, 15), datetime.date(2026, 5, 16)),   # pont de l'Ascension
    (datetime.date(2026, 7, 4), datetime.date(2026, 8, 31)),    # été
    (datetime.date(2026, 10, 17), datetime.date(2026, 11, 1)),  # Toussaint
]
PUBLIC_HOLIDAYS = {datetime.date(2026, m, d) for m, d in
                   [(1, 1), (4, 6), (5, 1), (5, 8), (5, 14), (5, 25), (7, 14), (8, 15),
                    (11, 1), (11, 11), (12, 25)]}
FIRST_PURCHASE = datetime.date(2026, 1, 5)
LAST_PURCHASE = datetime.date(2026, 11, 20)

WEEKDAYS = ["lun", "mar", "mer", "jeu", "ven"]

# Menus: the 10 school weeks of Louise Michel's published menus used here.
WEEKS = [datetime.date(2026, 9, 7) + datetime.timedelta(weeks=k) for k in range(6)] + \
        [datetime.date(2026, 11, 2) + datetime.timedelta(weeks=k) for k in range(4)]
SEPT_OCT, NOV = 6, 4  # the two rotation blocks of WEEKS
MENU_SOURCE = "0595871L"

# Wednesday lunches (collèges serving on Wednesday), dishes of
# examples/menus.csv, none vegetarian, two with fish (GEMRCN: 4 fish
# lunches in 20).  Fruit available September to November.
WEDNESDAYS = [
    [("entrée", "Carottes râpées vinaigrette"), ("plat principal", "Rôti de porc au jus"),
     ("garniture", "Flageolets au jus"), ("produit laitier", "Camembert"),
     ("dessert", "Pomme"), ("pain", "Pain")],
    [("entrée", "Salade coleslaw"), ("plat principal", "Chili con carne"),
     ("garniture", "Riz basmati"), ("produit laitier", "Fromage blanc sucré"),
     ("dessert", "Poire"), ("pain", "Pain")],
    [("entrée", "Betteraves vinaigrette"), ("plat principal", "Dos de cabillaud sauce tomate"),
     ("garniture", "Penne bio à l'huile d'olive"), ("produit laitier", "Edam"),
     ("dessert", "Banane"), ("pain", "Pain")],
    [("entrée", "Céleri rémoulade"), ("plat principal", "Sauté de dinde à la provençale"),
     ("garniture", "Stoemp aux poireaux"), ("produit laitier", "Yaourt aromatisé"),
     ("dessert", "Compote de pommes"), ("pain", "Pain")],
    [("entrée", "Soupe de carottes au cumin"), ("plat principal", "Filet de hoki à la provençale"),
     ("garniture", "Riz pilaf"), ("produit laitier", "Yaourt nature"),
     ("dessert", "Pomme"), ("pain", "Pain complet")],
]

# The meat dish that replaces a vegetarian plat principal (meat_weeks): the
# first one the week does not already have.
MEAT_INSTEAD = {
    "Chili sin carne": ["Chili con carne"],
    "Omelette au fromage": ["Escalope de dinde à la crème", "Cordon bleu de dinde"],
    "Dahl de lentilles corail": ["Émincé de poulet au curry et lait de coco"],
    "Tarte au maroilles": ["Endives au jambon gratinées"],
    "Curry de pois chiches aux légumes": ["Émincé de poulet au curry et lait de coco"],
    "Couscous aux pois chiches et légumes": ["Merguez grillées"],
    "Gratin de chou-fleur au comté et aux œufs": ["Endives au jambon gratinées"],
    "Lasagnes aux lentilles": ["Lasagnes à la bolognaise"],
    "Tartiflette au maroilles sans lardons": ["Hachis parmentier"],
    "Omelette aux fines herbes": ["Cordon bleu de dinde", "Escalope de dinde à la crème"],
}


# ---------------------------------------------------------------------------
# Identifiers
# ---------------------------------------------------------------------------
def uai(digits):
    return digits + UAI_LETTERS[int(digits) % 23]


def luhn_ok(s):
    total = 0
    for i, c in enumerate(reversed(s)):
        d = int(c) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def luhn_complete(prefix):
    return next(prefix + str(k) for k in range(10) if luhn_ok(prefix + str(k)))


def siret(digits):
    siren = luhn_complete("19" + digits[1:])
    return luhn_complete(siren + "0001")


# ---------------------------------------------------------------------------
# Calendar
# ---------------------------------------------------------------------------
def school_day(d):
    return d.weekday() < 5 and d not in PUBLIC_HOLIDAYS and \
        not any(a <= d <= b for a, b in HOLIDAYS)


def purchase_weeks():
    """Mondays of the weeks with at least one school day, January to 20 November."""
    monday = FIRST_PURCHASE
    while monday <= LAST_PURCHASE:
        days = [monday + datetime.timedelta(days=k) for k in range(5)]
        if any(school_day(d) and d <= LAST_PURCHASE for d in days):
            yield monday
        monday += datetime.timedelta(days=7)


# ---------------------------------------------------------------------------
# Menus
# ---------------------------------------------------------------------------
def read_csv(name):
    with open(os.path.join(EXAMPLES, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def dishes():
    """Dish name -> (course, vegetarian) from recettes.csv and produits.csv."""
    meat_or_fish = {p["code"] for p in read_csv("produits.csv")
                    if p["viande"] == "oui" or p["poisson"] == "oui"}
    out = {}
    for r in read_csv("recettes.csv"):
        course, veg = out.get(r["recette"], (r["plat"], True))
        out[r["recette"]] = (course, veg and r["produit"] not in meat_or_fish)
    return out


def source_weeks():
    """Louise Michel's lunches: week index -> weekday -> [(course, dish)]."""
    weeks = {k: {} for k in range(len(WEEKS))}
    for r in read_csv("menus.csv"):
        if r["uai"] != MENU_SOURCE:
            continue
        d = datetime.date.fromisoformat(r["date"])
        monday = d - datetime.timedelta(days=d.weekday())
        if monday in WEEKS:
            day = WEEKDAYS[d.weekday()]
            weeks[WEEKS.index(monday)].setdefault(day, []).append((r["plat"], r["recette"]))
    return weeks


def vegetarian_complete(lunch, dish):
    """A complete lunch of vegetarian dishes is possible (core.vegetarian-week)."""
    courses = {c for c, name in lunch if dish[name][1]}
    return {"plat principal", "garniture", "produit laitier"} <= courses and \
        bool(courses & {"entrée", "dessert"})


def menus(etab, n, dish, src):
    """The collège's lunches as (date, [(course, dish)])."""
    a, b = etab["shift"]
    days = etab["days"].split("|")
    out = []
    for i, monday in enumerate(WEEKS):
        j = (i + a) % SEPT_OCT if i < SEPT_OCT else SEPT_OCT + (i - SEPT_OCT + b) % NOV
        week = []
        for day in days:
            date = monday + datetime.timedelta(days=WEEKDAYS.index(day))
            if not school_day(date):
                continue
            if day == "mer":
                # the next Wednesday lunch whose plat principal the week lacks
                week_plats = {name for d in src[j].values() for c, name in d
                              if c == "plat principal"}
                lunch = next(w for k in range(len(WEDNESDAYS))
                             for w in [WEDNESDAYS[(i + n + k) % len(WEDNESDAYS)]]
                             if not any(c == "plat principal" and name in week_plats
                                        for c, name in w))
            else:
                lunch = list(src[j][day])
            if i in etab["meat_weeks"] and vegetarian_complete(lunch, dish):
                taken = {name for d in src[j].values() for c, name in d}
                lunch = [(c, next(m for m in MEAT_INSTEAD[name] if m not in taken)
                          if c == "plat principal" else name) for c, name in lunch]
            week.append((date, lunch))
        plats = [name for _, lunch in week for c, name in lunch if c == "plat principal"]
        assert len(plats) == len(set(plats)), (etab["nom"], monday, plats)
        vegetarian = sum(vegetarian_complete(lunch, dish) for _, lunch in week)
        want = 0 if i in etab["meat_weeks"] else 1
        assert vegetarian == want, (etab["nom"], monday, vegetarian)
        out.extend(week)
    for date, lunch in out:
        for course, name in lunch:
            assert name in dish and dish[name][0] == course, (name, course)
    return out


# ---------------------------------------------------------------------------
# Purchases
# ---------------------------------------------------------------------------
def ijml_local(item):
    return item[6] in ("REGION", "DEPARTEMENT", "COMMUNE", "PAT")


def klass(item):
    cats = item[3].split(",") if item[3] else []
    return "bio" if "BIO" in cats else "egalim" if cats else "std"


def pick_item(rnd, family, prof):
    mf = family in ("VIANDES_VOLAILLES", "PRODUITS_DE_LA_MER")
    p_bio = prof["mf_bio"] if mf else prof["bio"]
    p_egalim = prof["mf_egalim"] if mf else prof["egalim"]
    x = rnd.random()
    want = "bio" if x < p_bio else "egalim" if x < p_bio + p_egalim else "std"
    local = rnd.random() < prof["local"]
    fam = [it for it in ITEMS if it[2] == family]
    for cls, loc in [(want, local), (want, not local), ("std", local), ("std", not local)]:
        cell = [it for it in fam if klass(it) == cls and ijml_local(it) == loc]
        if cell:
            return rnd.choice(cell)
    raise AssertionError(family)


def purchases(rnd):
    rows = []
    families = [f for f, _ in FAMILY_WEIGHTS]
    weights = [w for _, w in FAMILY_WEIGHTS]
    for monday in purchase_weeks():
        for etab in ETABS:
            days = [monday + datetime.timedelta(days=WEEKDAYS.index(d))
                    for d in etab["days"].split("|")]
            days = [d for d in days if school_day(d) and d <= LAST_PURCHASE]
            if not days:
                continue
            prof = PROFILES[etab["profile"]]
            # lines for 135 demi-pensionnaires served 4 days a week
            size = etab["dp"] / 135 * len(etab["days"].split("|")) / 4
            for _ in range(rnd.choice([4, 5, 5, 6])):
                family = rnd.choices(families, weights)[0]
                desc, sup, fam, cat, orig, court, loc, km, base = pick_item(rnd, family, prof)
                if sup == BAKERY:
                    sup = etab["bakery"]
                price = 3.6 * base * size * rnd.uniform(0.8, 1.25)
                rows.append([etab["siret"], desc, sup, rnd.choice(days).isoformat(),
                             "%.2f" % price, fam, cat, orig, court, "OUI" if loc else "", loc,
                             km if loc == "KM" else ""])
    rows.sort(key=lambda r: (r[3], r[0]))
    return rows


def stats(rows):
    """What the audit will show, to tune PROFILES (ma-cantine's counts)."""
    print("%-26s %7s %6s %6s %6s %6s %6s" % ("collège", "HT", "bio", "egalim", "v+p",
                                              "local", "bioloc"), file=sys.stderr)
    for etab in ETABS:
        mine = [r for r in rows if r[0] == etab["siret"]]
        cents = lambda rs: sum(round(float(r[4]) * 100) for r in rs)
        total = cents(mine)
        bio = cents(r for r in mine if "BIO" in r[6])
        qual = cents(r for r in mine if r[6])
        mf = [r for r in mine if r[5] in ("VIANDES_VOLAILLES", "PRODUITS_DE_LA_MER")]
        mfq = cents(r for r in mf if r[6])
        loc = [r for r in mine if r[10] in ("REGION", "DEPARTEMENT", "COMMUNE", "PAT")]
        bioloc = cents(r for r in loc if "BIO" in r[6])
        print("%-26s %7.0f %5.1f%% %5.1f%% %5.1f%% %5.1f%% %5.1f%%" % (
            etab["nom"][:26], total / 100, 100 * bio / total, 100 * qual / total,
            100 * mfq / cents(mf), 100 * cents(loc) / total, 100 * bioloc / total),
            file=sys.stderr)


def write(name, header, rows):
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def main():
    for etab in ETABS:
        etab["uai"] = uai(etab["digits"])
        etab["siret"] = siret(etab["digits"])
        assert luhn_ok(etab["siret"]) and len(etab["siret"]) == 14
    os.makedirs(OUT, exist_ok=True)
    write("etablissements.csv",
          ["uai", "siret", "nom", "commune_insee", "departement", "jours_service", "eleves",
           "demi_pensionnaires", "cout_denrees_cible"],
          [[e["uai"], e["siret"], e["nom"], e["commune"], "59", e["days"], e["eleves"],
            e["dp"], e["target"]] for e in ETABS])

    dish, src = dishes(), source_weeks()
    rows = []
    for n, etab in enumerate(ETABS):
        for date, lunch in menus(etab, n, dish, src):
            rows.extend([etab["uai"], date.isoformat(), c, name, "publié"] for c, name in lunch)
    write("menus.csv", ["uai", "date", "plat", "recette", "statut"], rows)

    rows = purchases(random.Random(2059))
    write("achats.csv", HEADER, rows)
    if "--stats" in sys.argv[1:]:
        stats(rows)


main()
