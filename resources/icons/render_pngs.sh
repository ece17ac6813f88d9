#!/usr/bin/env bash
# Renders the committed PNG icons (48, 128, 256 px) from org.postline.Postline.svg.
# Needs rsvg-convert (Debian: librsvg2-bin), which the build does not: the PNGs are committed,
# rerun this after editing the SVG. Debian 12's ImageMagick has no SVG reader without extras.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
command -v rsvg-convert >/dev/null || { echo "render_pngs: needs rsvg-convert (apt-get install librsvg2-bin)" >&2; exit 1; }
for size in 48 128 256; do
  rsvg-convert -w "$size" -h "$size" "$here/org.postline.Postline.svg" -o "$here/org.postline.Postline-$size.png"
done
echo "render_pngs: wrote $(ls "$here"/org.postline.Postline-*.png | tr '\n' ' ')"
