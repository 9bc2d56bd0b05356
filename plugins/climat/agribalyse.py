#!/usr/bin/env python3
"""Build the climat plugin's factor table from the Agribalyse synthesis.

usage: agribalyse.py OUT.csv Agribalyse_Synthese.csv

Reads ADEME's Agribalyse 3.1.1 synthesis (nutrition-data/, see its
PROVENANCE.md) and writes one row per Ciqual code:

    ciqual;kg_co2e_par_kg;produit

kg CO2 eq per kg of product as eaten ("Changement climatique"), written
with a decimal point and at most 6 decimals.  When several Agribalyse
products share a Ciqual code (code AGB with a suffix: "13014_1",
"13014_2"…), the one with the smallest suffix is kept: Agribalyse's
reference product (seasonal mix, not air-freighted) in every such case of
3.1.1.  A file that does not look like the synthesis stops the build.
"""
import csv
import sys

COLS = {'Code AGB': 0, 'Code CIQUAL': 1, 'Nom du Produit en Français': 4,
        'Changement climatique': 13}


def suffix(agb):
    return int(agb.split('_', 1)[1]) if '_' in agb else 0


def main():
    out, src = sys.argv[1], sys.argv[2]
    with open(src, encoding='utf-8', newline='') as f:
        rows = list(csv.reader(f))
    head = rows[0]
    for name, i in COLS.items():
        if i >= len(head) or head[i] != name:
            sys.exit('%s: column %d should be %r' % (src, i + 1, name))
    best = {}
    for n, r in enumerate(rows[1:], 2):
        agb, code, name, co2 = r[0].strip(), r[1].strip(), r[4].strip(), r[13]
        if not code.isdigit():
            sys.exit('%s:%d: Ciqual code %r' % (src, n, code))
        value = float(co2)
        if not 0 < value < 1000:
            sys.exit('%s:%d: climate change %r kg CO2 eq/kg' % (src, n, co2))
        key = int(code)
        if key not in best or suffix(agb) < suffix(best[key][0]):
            best[key] = (agb, value, name)
    with open(out, 'w', encoding='utf-8', newline='') as f:
        f.write('ciqual;kg_co2e_par_kg;produit\n')
        for key in sorted(best):
            agb, value, name = best[key]
            f.write('%d;%s;%s\n' % (key, ('%.6f' % value).rstrip('0').rstrip('.'),
                                    name.replace(';', ',')))


if __name__ == '__main__':
    main()
