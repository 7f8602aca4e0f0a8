#!/usr/bin/env bash
# Remakes the images of the Stageboost content pack (content/stageboost/images/) with ImageMagick.
# Usage: bash tools/content/make_images.sh      (from anywhere; needs `convert` and fonts-noto-core)
# The images are language-neutral where possible: every label is given in Dutch and English.
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

# 1. Who is who: the triangle student - school - workplace (1200 x 840; text offsets are from the centre, 600,420)
convert -size 1200x840 "xc:$BG" \
  -stroke "$LINE" -strokewidth 8 \
  -draw "line 600,185 250,560" -draw "line 600,185 950,560" -draw "line 250,560 950,560" \
  -stroke none \
  -fill "$BLUE"  -draw "circle 600,185 600,55" \
  -fill "$GREEN" -draw "circle 250,560 250,430" \
  -fill "$RUST"  -draw "circle 950,560 950,430" \
  -gravity center -fill white \
  -font "$BOLD" -pointsize 44 -annotate +0-245 "Student" \
  -font "$ITAL" -pointsize 28 -annotate +0-190 "jij · you" \
  -font "$BOLD" -pointsize 44 -annotate -350+135 "School" \
  -font "$ITAL" -pointsize 28 -annotate -350+190 "school" \
  -font "$BOLD" -pointsize 40 -annotate +350+135 "Stageplek" \
  -font "$ITAL" -pointsize 28 -annotate +350+190 "workplace" \
  -fill "$INK" \
  -font "$BOLD" -pointsize 27 -annotate -350+300 "stagebegeleider / bpv-docent" \
  -font "$REG"  -pointsize 25 -annotate -350+336 "stagedocent (hbo) · SLB’er" \
  -font "$BOLD" -pointsize 27 -annotate +350+300 "praktijkopleider" \
  -font "$REG"  -pointsize 25 -annotate +350+336 "workplace supervisor" \
  -font "$ITAL" -pointsize 26 -annotate +0+60 "samen afspraken · agreeing together" \
  -depth 8 -strip "$OUT/wie-is-wie.png"

# 2. Where can you go: four steps, you choose (1400 x 560)
convert -size 1400x560 "xc:$BG" \
  -gravity north -fill "$INK" -font "$BOLD" -pointsize 40 -annotate +0+30 "Jij kiest de volgende stap" \
  -font "$ITAL" -pointsize 28 -annotate +0+82 "You choose the next step" \
  -gravity northwest -stroke none \
  -fill "$BLUE"  -draw "roundrectangle 40,150 340,500 24,24" \
  -fill "$GREEN" -draw "roundrectangle 380,150 680,500 24,24" \
  -fill "$PLUM"  -draw "roundrectangle 720,150 1020,500 24,24" \
  -fill "$RUST"  -draw "roundrectangle 1060,150 1360,500 24,24" \
  -fill "$LINE" \
  -draw "polygon 346,310 374,325 346,340" -draw "polygon 686,310 714,325 686,340" -draw "polygon 1026,310 1054,325 1026,340" \
  -fill white -draw "circle 190,215 190,180" -draw "circle 530,215 530,180" -draw "circle 870,215 870,180" -draw "circle 1210,215 1210,180" \
  -gravity center -font "$BOLD" -pointsize 40 \
  -fill "$BLUE" -annotate -510-65 "1" -fill "$GREEN" -annotate -170-65 "2" -fill "$PLUM" -annotate +170-65 "3" -fill "$RUST" -annotate +510-65 "4" \
  -fill white \
  -font "$BOLD" -pointsize 32 -annotate -510+15 "Praat erover" \
  -font "$ITAL" -pointsize 24 -annotate -510+55 "Talk about it" \
  -font "$REG"  -pointsize 22 -annotate -510+110 "begeleider · SLB’er" \
  -font "$REG"  -pointsize 22 -annotate -510+140 "vertrouwenspersoon" \
  -font "$BOLD" -pointsize 32 -annotate -170+15 "Meld op school" \
  -font "$ITAL" -pointsize 24 -annotate -170+55 "Report at school" \
  -font "$REG"  -pointsize 22 -annotate -170+110 "mbo: school en SBB" \
  -font "$REG"  -pointsize 22 -annotate -170+140 "hbo: je hogeschool" \
  -font "$BOLD" -pointsize 30 -annotate +170+15 "discriminatie.nl" \
  -font "$ITAL" -pointsize 24 -annotate +170+55 "Report it" \
  -font "$REG"  -pointsize 22 -annotate +170+110 "gratis · free" \
  -font "$REG"  -pointsize 22 -annotate +170+140 "anoniem · anonymous" \
  -font "$BOLD" -pointsize 26 -annotate +510+0 "College voor de" \
  -font "$BOLD" -pointsize 26 -annotate +510+34 "Rechten van de Mens" \
  -font "$ITAL" -pointsize 22 -annotate +510+78 "Institute for Human Rights" \
  -font "$REG"  -pointsize 22 -annotate +510+125 "oordeel · judgment" \
  -depth 8 -strip "$OUT/hulproute.png"

identify "$OUT"/*.png
