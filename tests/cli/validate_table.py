#!/usr/bin/python3
"""Validate a CSV file against a Frictionless table schema such as SCDL
"menus collectifs" 1.2.3 (tests/data/scdl/menus-collectifs-1.2.3.schema.json)
or ma-cantine's bilans (../shared/specs/bilans_*.schema.json), with the
standard library only.

usage: validate_table.py SCHEMA.json FILE.csv [--rows N]

Checks, for every row: the header is exactly the schema's field names in
the schema's order; the row has one cell per field; a required field is not
missing (the schema's missingValues, "" by default); string fields match
their enum, pattern and maxLength; "date" fields their format; "datetime"
fields ISO 8601 (the Table Schema default format); "number" fields a
decimal number with a point; "any" fields anything; "unique" columns no
value twice; "array" fields a JSON array of strings, each
item in the arrayItem enum; the schema's custom "french-siret-value" check
(Luhn, with La Poste's exception).  The file must be UTF-8 without a BOM.

Prints one line per error ("ligne N, champ F : ...") and exits 1 when there
is any; otherwise prints "OK: N rows valid" and exits 0.  --rows N also
requires exactly N data rows.
"""
import csv
import datetime
import io
import json
import re
import sys

NUMBER = re.compile(r'^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$')
DATETIME = re.compile(r'^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$')
DATE_ISO = re.compile(r'^\d{4}-\d{2}-\d{2}$')


def siret_ok(s):
    """french-siret-value: 14 digits, Luhn; La Poste (SIREN 356000000):
    sum of the digits a multiple of 5."""
    if not re.fullmatch(r'\d{14}', s):
        return False
    if s.startswith('356000000'):
        return sum(int(c) for c in s) % 5 == 0
    total = 0
    for i, c in enumerate(reversed(s)):
        d = int(c)
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def check_string(value, constraints):
    errors = []
    enum = constraints.get('enum')
    if enum is not None and value not in enum:
        errors.append('« %s » hors de la liste %s' % (value, enum))
    pattern = constraints.get('pattern')
    if pattern is not None and not re.fullmatch(pattern, value):
        errors.append('« %s » ne suit pas le motif %s' % (value, pattern))
    max_len = constraints.get('maxLength')
    if max_len is not None and len(value) > max_len:
        errors.append('%d caractères, %d au plus' % (len(value), max_len))
    return errors


def check_value(field, value):
    ftype = field.get('type', 'string')
    constraints = field.get('constraints', {})
    if ftype == 'string':
        return check_string(value, constraints)
    if ftype == 'date':
        fmt = field.get('format', 'default')
        if fmt in ('default', '%Y-%m-%d'):
            if not DATE_ISO.match(value):
                return ['« %s » n\'est pas une date AAAA-MM-JJ' % value]
            fmt = '%Y-%m-%d'
        try:
            datetime.datetime.strptime(value, fmt)
        except ValueError:
            return ['« %s » n\'est pas une date du format %s' % (value, fmt)]
        return check_string(value, constraints)
    if ftype == 'datetime':
        if not DATETIME.match(value):
            return ['« %s » n\'est pas une date et heure ISO 8601' % value]
        try:
            datetime.datetime.fromisoformat(value.replace('Z', '+00:00'))
        except ValueError:
            return ['« %s » n\'est pas une date et heure réelle' % value]
        return []
    if ftype == 'any':
        return []
    if ftype == 'number':
        if not NUMBER.match(value):
            return ['« %s » n\'est pas un nombre (point décimal)' % value]
        return []
    if ftype == 'array':
        try:
            items = json.loads(value)
        except ValueError:
            return ['« %s » n\'est pas un tableau JSON ["…","…"]' % value]
        if not isinstance(items, list):
            return ['« %s » n\'est pas un tableau JSON' % value]
        item = field.get('arrayItem', {})
        errors = []
        for it in items:
            if not isinstance(it, str):
                errors.append('élément %r : pas une chaîne' % (it,))
                continue
            ic = item.get('constraints', {})
            if ic.get('required') and it == '':
                errors.append('élément vide')
            errors += check_string(it, ic)
        return errors
    return ['type %s non géré par ce validateur' % ftype]


def main(argv):
    args = argv[1:]
    want_rows = None
    if '--rows' in args:
        i = args.index('--rows')
        want_rows = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 2:
        sys.stderr.write(__doc__)
        return 2
    with open(args[0], encoding='utf-8') as f:
        schema = json.load(f)
    with open(args[1], 'rb') as f:
        raw = f.read()
    errors = []
    if raw.startswith(b'\xef\xbb\xbf'):
        errors.append('le fichier commence par un BOM')
    try:
        text = raw.decode('utf-8')
    except UnicodeDecodeError as e:
        print('pas de l\'UTF-8 : %s' % e)
        return 1
    fields = schema['fields']
    names = [f['name'] for f in fields]
    missing = schema.get('missingValues', [''])
    siret_cols = [c['params']['column'] for c in schema.get('custom_checks', [])
                  if c.get('name') == 'french-siret-value']
    rows = list(csv.reader(io.StringIO(text, newline='')))
    if not rows:
        print('fichier vide')
        return 1
    if rows[0] != names:
        errors.append('en-tête %s au lieu de %s' % (rows[0], names))
    count = 0
    seen = {f['name']: {} for f in fields if f.get('constraints', {}).get('unique')}
    for lineno, row in enumerate(rows[1:], start=2):
        if row == []:
            continue
        count += 1
        if len(row) != len(names):
            errors.append('ligne %d : %d cellules au lieu de %d' % (lineno, len(row), len(names)))
            continue
        for field, value in zip(fields, row):
            where = 'ligne %d, champ %s' % (lineno, field['name'])
            if value in missing:
                if field.get('constraints', {}).get('required'):
                    errors.append('%s : obligatoire et vide' % where)
                continue
            for e in check_value(field, value):
                errors.append('%s : %s' % (where, e))
            if field['name'] in seen:
                if value in seen[field['name']]:
                    errors.append('%s : « %s » déjà à la ligne %d (valeur unique)'
                                  % (where, value, seen[field['name']][value]))
                seen[field['name']][value] = lineno
            if field['name'] in siret_cols and not siret_ok(value):
                errors.append('%s : « %s » n\'est pas un SIRET valide' % (where, value))
    if want_rows is not None and count != want_rows:
        errors.append('%d lignes de données au lieu de %d' % (count, want_rows))
    for e in errors:
        print(e)
    if errors:
        return 1
    print('OK: %d rows valid' % count)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
