#!/usr/bin/env python3
"""Dry run of a mapping file on sample records: shows the PIA JSON each record becomes and every
validation error, sending nothing to OSS. Uses the running gateway's preview endpoint, so the mapping is
checked exactly as the gateway would load it (the file need not be saved in mappings/ yet).

  tools/preview.py mappings/demo-perizinan.yaml samples.csv [--delimiter ';'] [--encoding windows-1252]
  tools/preview.py mappings/demo-perizinan.yaml samples.json          # an array, or one object per line
  tools/preview.py --sql dinkes --limit 10 [--table izin]             # first rows of a polled SQL source
  GATEWAY_URL=http://gateway:8080 GATEWAY_TOKEN=ogw_... tools/preview.py ...   # token: POST /api/v1/tokens

With --sql the rows come from the system's SQL source as the gateway polls it, through the mapping in
force; nothing is sent and the source's position does not move.

Exit status: 0 when every record maps, 1 when some are rejected, 2 when the mapping itself is refused.
"""
import argparse
import csv
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request


def read_sample(path, delimiter, encoding):
    """The file's text as the gateway reads a drop: it parses it, so its results carry the file's line numbers."""
    with open(path, encoding=encoding, newline="") as f:
        text = f.read().lstrip("\ufeff")
    if not path.lower().endswith(".json") and delimiter != ";":
        # the gateway takes the delimiter from the header; re-delimit to ';' when another was named
        rows = list(csv.reader(text.splitlines(), delimiter=delimiter))
        out = []
        for row in rows:
            out.append(";".join('"%s"' % c.replace('"', '""') if (";" in c or '"' in c) else c for c in row))
        text = "\n".join(out)
    return text


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("mapping", nargs="?")
    p.add_argument("records", nargs="?")
    p.add_argument("--delimiter", default=";")
    p.add_argument("--encoding", default="utf-8-sig")
    p.add_argument("--sql", metavar="SYSTEM", help="preview the first rows of this system's SQL source instead")
    p.add_argument("--limit", type=int, default=10, help="rows to read with --sql, at most 50")
    p.add_argument("--table", help="with --sql, the table when the system is polled from several")
    a = p.parse_args()
    base = os.environ.get("GATEWAY_URL", "http://localhost:8080") + "/api/v1/mappings/"
    if a.sql:
        query = {"limit": a.limit, **({"table": a.table} if a.table else {})}
        url = base + urllib.parse.quote(a.sql) + "/preview/sql?" + urllib.parse.urlencode(query)
        body = b""
    elif a.mapping and a.records:
        with open(a.mapping, encoding="utf-8") as f:
            mapping = f.read()
        system = os.path.splitext(os.path.basename(a.mapping))[0]
        body = json.dumps({"mapping": mapping, "sample": read_sample(a.records, a.delimiter, a.encoding)}).encode()
        url = base + system + "/preview"
    else:
        p.error("give a mapping file and a sample file, or --sql SYSTEM")
    headers = {"Content-Type": "application/json"}
    token = os.environ.get("GATEWAY_TOKEN")
    if token:  # an API token (POST /api/v1/tokens) of an OPERATOR or INTEGRATOR
        headers["Authorization"] = "Bearer " + token
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request) as r:
            reply = json.load(r)
    except urllib.error.HTTPError as e:
        print(e.read().decode(), file=sys.stderr)
        return 2
    rejected = 0
    print("mapping", reply["mappingVersion"])
    for i, result in enumerate(reply["results"], 1):
        source = " (%s)" % result["source"] if "source" in result else ""
        # a file's records by the line they start on, as the drop's result report numbers them
        where = "line %d" % result["line"] if "line" in result else "record %d%s" % (i, source)
        print("\n%s: %s %s" % (where, result["outcome"], result.get("method") or result.get("reason") or ""))
        if result["outcome"] == "MAPPED":
            print(json.dumps(result["document"], indent=2, ensure_ascii=False))
        for v in result.get("violations", []):
            rejected += 1
            print("  %s: %s [%s]" % (v["field"], v["message"], v["rule"]))
    return 1 if rejected else 0


if __name__ == "__main__":
    sys.exit(main())
