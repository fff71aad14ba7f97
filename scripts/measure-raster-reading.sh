#!/usr/bin/env bash
# Measures how well raster drawings are read end to end (docs/read.md, docs/accuracy.md "Raster
# drawings read end to end"): dimensions, frames and title fields of generated drawings (clean and
# scanned, 200 dpi), of eDOCr2's four development rasters against their labels, and of the 16 real
# vector PDFs of tests/data/real rendered at 300 dpi against their own text layer (agreement).
# Usage: scripts/measure-raster-reading.sh [MODELS_DIR] [WORK_DIR]   (defaults: models, /tmp/raster-reading)
# Needs a Release build in build-test and pdftoppm (poppler-utils, installed by install-deps.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
models="$(realpath "${1:-models}")"
work="${2:-/tmp/raster-reading}"
cli=build-test/tools/drawlens/drawlens
[ -x "$cli" ] || { echo "measure-raster-reading: build first ($cli is missing)"; exit 1; }
command -v pdftoppm >/dev/null || { echo "measure-raster-reading: pdftoppm is missing (poppler-utils)"; exit 1; }
rm -rf "$work" && mkdir -p "$work/png"
analyze() { DRAWLENS_MODELS="$models" "$cli" analyze "$@" -q >/dev/null; }
scores() { "$cli" eval --truth "$1" --pred "$2" --protocol "${3:-strict}" | grep -E "^\| (dimensions|gdt_frames|title_fields) " | head -3; }

"$cli" synth --count 6 --seed 20261208 --out "$work/clean" --dpi 200 >/dev/null
"$cli" synth --count 6 --seed 20261209 --out "$work/scan" --dpi 200 --degrade scan >/dev/null
for set in clean scan; do analyze "$work/$set"/*.png --json "$work/pred-$set"; done
analyze tests/data/real/edocr2_*.jpg tests/data/real/edocr2_*.png --json "$work/pred-edocr2"
for pdf in tests/data/real/*.pdf tests/data/real/*.PDF; do
  pdftoppm -r 300 -f 1 -l 1 -png -singlefile "$pdf" "$work/png/$(basename "${pdf%.*}")"
done
analyze tests/data/real/*.pdf tests/data/real/*.PDF --pages 1 --dpi 300 --json "$work/text-layer"
analyze "$work/png"/*.png --json "$work/pred-rendered"

echo "models: $models"
echo "| category | truth | predicted | matched | precision | recall | F1 | exact | value | cells | CER |"
for set in clean scan; do echo "generated, $set (seed $([ $set = clean ] && echo 20261208 || echo 20261209)):"; scores "$work/$set" "$work/pred-$set"; done
echo "eDOCr2's rasters, strict:"; scores tests/data/real/truth-result "$work/pred-edocr2"
echo "eDOCr2's rasters, eDOCr2 protocol:"; scores tests/data/real/truth-result "$work/pred-edocr2" edocr
echo "real PDFs rendered at 300 dpi against their text layer, strict:"; scores "$work/text-layer" "$work/pred-rendered"
echo "the same, eDOCr2 protocol:"; scores "$work/text-layer" "$work/pred-rendered" edocr
