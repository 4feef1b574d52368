#!/usr/bin/env python3
"""Rebuild data/gazetteer/supplement-wikipedia.csv from the picks file and the
Wikipedia detailed-map marks.

    python3 scripts/build_wikipedia_places.py [MARKS_CSV]

MARKS_CSV defaults to ../shared/reference/wikipedia-detailed-map-2017/marks.csv
(the marks of https://en.wikipedia.org/wiki/Module:Syrian_Civil_War_detailed_map,
CC BY-SA 4.0, Wikipedia contributors). The picks file
data/gazetteer/wikipedia-picks.csv says which mark gives the coordinates of
which place (`id,name,module_name,module_lat,module_lon,admin1,names,note`:
the module names many villages alike, so a pick names the mark and its
coordinates as the module types them); this script checks that the module has
that mark at those coordinates and copies them, so every coordinate in the
output is one mark's. A pick that matches no mark is an error. Standard
library only; output is deterministic.
"""
import csv
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULE_URL = "https://en.wikipedia.org/wiki/Module:Syrian_Civil_War_detailed_map"
HEADER = "# Places whose coordinates come from Wikipedia's Syrian Civil War detailed-map module\n" \
    "# (CC BY-SA 4.0, Wikipedia contributors), as read in mid-2017 (see data/README.md).\n" \
    "# Rebuilt by scripts/build_wikipedia_places.py from gazetteer/wikipedia-picks.csv; do not edit by hand.\n"
COLUMNS = ["id", "name", "lat", "lon", "kind", "feature_code", "admin1", "population", "names", "source", "note"]



def main():
    marks_path = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/reference/wikipedia-detailed-map-2017/marks.csv"
    marks = {}
    with open(marks_path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            marks.setdefault(row["name"], []).append((float(row["lat"]), float(row["lon"])))
    picks_path = ROOT / "data/gazetteer/wikipedia-picks.csv"
    out_rows = []
    errors = []
    with open(picks_path, encoding="utf-8", newline="") as f:
        lines = [l for l in f if not l.startswith("#")]
    for n, row in enumerate(csv.DictReader(io.StringIO("".join(lines))), start=2):
        found = marks.get(row["module_name"], [])
        want = (float(row["module_lat"]), float(row["module_lon"]))
        if want not in found:
            near = ", ".join(f"{a},{b}" for a, b in found) or "none"
            errors.append(f"{picks_path}:{n}: pick `{row['id']}`: no mark `{row['module_name']}` at {want[0]},{want[1]} (marks of that name: {near})")
            continue
        lat, lon = want
        note = f"module mark `{row['module_name']}`"
        if row.get("note"):
            note += "; " + row["note"]
        out_rows.append({
            "id": row["id"], "name": row["name"], "lat": f"{lat}", "lon": f"{lon}",
            "kind": "populated_place", "feature_code": "PPL", "admin1": row["admin1"],
            "population": "", "names": row["names"], "source": MODULE_URL, "note": note,
        })
    if errors:
        sys.exit("\n".join(errors))
    out_rows.sort(key=lambda r: r["id"])
    buf = io.StringIO()
    buf.write(HEADER)
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(out_rows)
    out = ROOT / "data/gazetteer/supplement-wikipedia.csv"
    out.write_text(buf.getvalue(), encoding="utf-8")
    print(f"{out}: {len(out_rows)} places", file=sys.stderr)


if __name__ == "__main__":
    main()
