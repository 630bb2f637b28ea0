#!/bin/sh
# Builds themes/fonts/carlito-supplement-*.woff2: the characters of Carlito that the bundled
# latin subsets (from @fontsource/carlito) leave out and house decks use: Latin Extended-A
# (Polish, Czech, Hungarian, Welsh ŵ ŷ…), Romanian ș ț, Welsh ẁ ẃ ẅ ỳ, arrows, a few maths
# signs and vulgar fractions. The source is the full Carlito of Debian's
# fonts-crosextra-carlito (found with fc-match); the tools are hb-subset (libharfbuzz-bin)
# and woff2_compress (woff2). Run from the repository root, then `node scripts/fonts/coverage.mjs`.
set -eu
UNICODES='U+0100-017F,U+0218-021B,U+1E80-1E85,U+1EF2-1EF3,U+2190-2199,U+2202,U+2206,U+220F,U+2211,U+221A,U+221E,U+2229,U+222B,U+2248,U+2260,U+2261,U+2264,U+2265,U+2153-215E'
out=themes/fonts
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for face in 400-normal:Regular 700-normal:Bold 400-italic:Italic 700-italic:'Bold Italic'; do
  name=${face%%:*}
  style=${face#*:}
  source=$(fc-match -f '%{file}' "Carlito:style=$style")
  case "$source" in *Carlito*) ;; *) echo "Carlito $style not installed (apt-get install fonts-crosextra-carlito)" >&2; exit 1 ;; esac
  hb-subset --no-hinting --unicodes="$UNICODES" --output-file="$work/$name.ttf" "$source"
  woff2_compress "$work/$name.ttf" >/dev/null
  mv "$work/$name.woff2" "$out/carlito-supplement-$name.woff2"
done
ls -l "$out"/carlito-supplement-*.woff2
