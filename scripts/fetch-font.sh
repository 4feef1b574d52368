#!/bin/sh
# Re-fetch the embedded map font from Debian's fonts-dejavu-core package.
set -eu
cd "$(dirname "$0")/.."
src=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
[ -f "$src" ] || apt-get install -y fonts-dejavu-core
cp "$src" assets/fonts/DejaVuSans.ttf
cp /usr/share/doc/fonts-dejavu-core/copyright assets/fonts/LICENSE-DejaVu.txt
echo "abdc775b21b1bc470d50c97e790d276f2054b7504e56e5bd3e64f48d68582322  assets/fonts/DejaVuSans.ttf" | sha256sum -c -
