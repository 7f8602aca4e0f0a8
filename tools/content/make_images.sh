#!/usr/bin/env bash
# Remakes the images of the Stageboost content pack (content/stageboost/images/) with ImageMagick.
# Usage: bash tools/content/make_images.sh      (from anywhere; needs `convert` and fonts-noto-core)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/content/stageboost/images"
mkdir -p "$OUT"

FONT_DIR=/usr/share/fonts/truetype/noto
REG="$FONT_DIR/NotoSans-Regular.ttf"
BOLD="$FONT_DIR/NotoSans-Bold.ttf"
ITAL="$FONT_DIR/NotoSans-Italic.ttf"
for f in "$REG" "$BOLD" "$ITAL"; do
  [ -f "$f" ] || { echo "missing font $f (apt-get install fonts-noto-core)" >&2; exit 1; }
done

BG="#F7F5F0"     # warm off-white background
INK="#1E2630"    # dark text
LINE="#8A8F98"   # connecting lines
BLUE="#1F4E79"; GREEN="#2E5E3A"; RUST="#7A3B12"; PLUM="#5B3A8C"   # all >= 7:1 against white text

# Every label is Dutch, the students' language: captions in other languages are the kiosk's job (the page text and
# the alt text carry the English), so no English is baked into an image.

# 1. Who is who: the triangle student - school - workplace (1200 x 840; text offsets are from the centre, 600,420)
convert -size 1200x840 "xc:$BG" \
  -stroke "$LINE" -strokewidth 8 \
  -draw "line 600,185 250,560" -draw "line 600,185 950,560" -draw "line 250,560 950,560" \
  -stroke none \
  -fill "$BLUE"  -draw "circle 600,185 600,55" \
  -fill "$GREEN" -draw "circle 250,560 250,430" \
  -fill "$RUST"  -draw "circle 950,560 950,430" \
  -gravity center -fill white \
  -font "$BOLD" -pointsize 44 -annotate +0-235 "Student" \
  -font "$ITAL" -pointsize 30 -annotate +0-182 "jij" \
  -font "$BOLD" -pointsize 44 -annotate -350+140 "School" \
  -font "$BOLD" -pointsize 40 -annotate +350+140 "Stageplek" \
  -fill "$INK" \
  -font "$BOLD" -pointsize 28 -annotate -350+300 "bpv-docent" \
  -font "$REG"  -pointsize 26 -annotate -350+338 "SLB’er" \
  -font "$BOLD" -pointsize 28 -annotate +350+300 "praktijkopleider" \
  -font "$REG"  -pointsize 26 -annotate +350+338 "erkend leerbedrijf" \
  -font "$ITAL" -pointsize 28 -annotate +0+60 "samen afspraken" \
  -depth 8 -strip "$OUT/wie-is-wie.png"

# 2. Where can you go: four routes around "you choose", no numbers and no arrows between them, because a student
#    may take any route, in any order, or only one (1400 x 760; offsets from the centre, 700,380)
convert -size 1400x760 "xc:$BG" \
  -stroke "$LINE" -strokewidth 8 \
  -draw "line 700,380 350,190" -draw "line 700,380 1050,190" -draw "line 700,380 350,570" -draw "line 700,380 1050,570" \
  -stroke none \
  -fill "$BLUE"  -draw "roundrectangle 60,80 640,300 28,28" \
  -fill "$GREEN" -draw "roundrectangle 760,80 1340,300 28,28" \
  -fill "$PLUM"  -draw "roundrectangle 60,460 640,680 28,28" \
  -fill "$RUST"  -draw "roundrectangle 760,460 1340,680 28,28" \
  -fill "$INK"   -draw "circle 700,380 700,282" \
  -gravity center -fill white \
  -font "$BOLD" -pointsize 38 -annotate +0-12 "Jij" \
  -font "$BOLD" -pointsize 38 -annotate +0+34 "kiest" \
  -font "$BOLD" -pointsize 38 -annotate -350-225 "Praat erover" \
  -font "$REG"  -pointsize 26 -annotate -350-170 "bpv-docent · SLB’er" \
  -font "$REG"  -pointsize 26 -annotate -350-132 "stagebuddy · vertrouwenspersoon" \
  -font "$BOLD" -pointsize 38 -annotate +350-225 "Meld op school" \
  -font "$REG"  -pointsize 26 -annotate +350-170 "school geeft het door" \
  -font "$REG"  -pointsize 26 -annotate +350-132 "aan SBB" \
  -font "$BOLD" -pointsize 38 -annotate -350+155 "discriminatie.nl" \
  -font "$REG"  -pointsize 26 -annotate -350+210 "gratis · anoniem mag" \
  -font "$REG"  -pointsize 26 -annotate -350+248 "ook als getuige" \
  -font "$BOLD" -pointsize 30 -annotate +350+150 "College voor de" \
  -font "$BOLD" -pointsize 30 -annotate +350+188 "Rechten van de Mens" \
  -font "$REG"  -pointsize 26 -annotate +350+240 "een oordeel · gratis" \
  -depth 8 -strip "$OUT/hulproute.png"

identify "$OUT"/*.png
