#!/usr/bin/env python3
"""Generates the JSON Schemas of the documents an OPD sends to OSS from the PIA field list.

Run from the repository root: python3 tools/generate-pia-schemas.py
Input: src/main/resources/pia/fields.tsv and codes.tsv (copies of the PIA 4.3.22 reference).
Output: src/main/resources/pia/schema/<method>.schema.json, committed. The generator, not a
hand edit, is the place to change a rule, so the schema stays traceable to the guide.
"""
import csv, json, re, os

FIELDS = 'src/main/resources/pia/fields.tsv'
CODES = 'src/main/resources/pia/codes.tsv'
OUT = 'src/main/resources/pia/schema'
# the three documents an OPD delivers, and inqueryNIB: the one request towards OSS that carries an NPWP
METHODS = {'receiveLicenseStatus': 'IZINSTATUS', 'receiveLicense': 'IZINFINAL', 'updateLicense': 'IZINFINAL',
           'inqueryNIB': 'INQUERYNIB'}

status_codes = sorted({r['code'] for r in csv.DictReader(open(CODES), delimiter='\t') if r['lampiran'] == '10'})

# Identifier and date rules from the guide's README ("Identifier formats"); the field list
# itself only knows types and lengths.
PATTERNS = {
    'nib': ('^[0-9]{13}$', 'NIB: 13 digits'),
    'kd_daerah': ('^[0-9]{10}$', 'Kemendagri region code: 10 digits'),
}
# NPWP: the guide declares it string(15) in some places and string(16) in others; both forms are real
# (15 digits before 2024, 16 since: the NIK for residents, '0' + the old 15 for companies).
NPWP_FIELD = re.compile(r'^(npwp|npwp_.*|.*_npwp)$')
NPWP = ('^[0-9]{15,16}$', 'NPWP: 15 or 16 digits, without dots or dashes')
DATE_FIELDS = {'tgl_terbit_izin', 'tgl_berlaku_izin', 'tgl_billing', 'tgl_expire'}
DATETIME_FIELDS = {'tgl_status'}
STATUS_FIELDS = {'kd_status', 'status_izin'}


def leaf_schema(name, decl):
    m = re.match(r'(?i)(string|number|date|boolean|text)(?:\(([\d.]+)\))?', decl)
    kind, size = m.group(1).lower(), m.group(2)
    if kind == 'boolean':
        return {'type': 'boolean'}
    if kind == 'number':
        digits = int(float(size)) if size else None
        # OSS examples send numbers both as JSON numbers and as numeric strings
        s = {'type': ['number', 'string']}
        if digits:
            s['pattern'] = '^-?[0-9]{0,%d}(\\.[0-9]+)?$' % digits
            s['maximum'] = 10 ** digits - 1
        return s
    s = {'type': 'string'}
    if size:
        s['maxLength'] = int(float(size))
    if name in PATTERNS:
        s['pattern'], s['description'] = PATTERNS[name]
    if NPWP_FIELD.match(name):
        s['maxLength'] = 16
        s['pattern'], s['description'] = NPWP
    if name in DATE_FIELDS or kind == 'date':
        s['format'] = 'pia-date'
        s['description'] = 'YYYY-MM-DD, a real calendar date'
    if name in DATETIME_FIELDS:
        # the guide declares String(18) but its own format YYYY-MM-DD HH:MM:SS has 19 characters
        s['maxLength'] = 19
        s['format'] = 'pia-datetime'
        s['description'] = 'YYYY-MM-DD HH:MM:SS local time (WITA/WIB); declared String(18) in the guide, 19 in practice'
    if name in STATUS_FIELDS:
        s['enum'] = status_codes
        s['description'] = 'permit status code, PIA Lampiran 10 (the gateway may widen the list by configuration)'
    return s


def build(method, wrapper):
    rows = [r for r in csv.DictReader(open(FIELDS), delimiter='\t')
            if r['endpoint'] == '/' + method and r['direction'] == 'request']
    root = {'type': 'object', 'properties': {}, 'required': [], 'additionalProperties': False}
    nodes = {'': root}
    for r in rows:
        path = r['field'].split('.')
        if path[0] != wrapper:
            continue
        parent_key = '.'.join(path[:-1])
        name = path[-1]
        parent = nodes[parent_key] if parent_key else root
        if r['type'].lower().startswith('object'):
            node = {'type': 'object', 'properties': {}, 'required': [], 'additionalProperties': False}
        else:
            node = leaf_schema(name, r['type'])
        nodes['.'.join(path)] = node
        parent['properties'][name] = node
        if r['presence'] == 'required':
            parent['required'].append(name)
            if node.get('type') == 'string' and 'enum' not in node:
                # OSS rejects an empty required field as it rejects a missing one
                node['minLength'] = 1
    return {
        '$schema': 'https://json-schema.org/draft/2020-12/schema',
        '$id': 'https://oss-gateway.local/pia/%s.schema.json' % method,
        'title': '%s request (%s), PIA 4.3.22' % (method, wrapper),
        **root,
    }


os.makedirs(OUT, exist_ok=True)
for method, wrapper in METHODS.items():
    with open(os.path.join(OUT, method + '.schema.json'), 'w') as f:
        json.dump(build(method, wrapper), f, indent=2, ensure_ascii=False)
        f.write('\n')
    print('wrote', method)
