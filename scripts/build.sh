#!/usr/bin/env bash
# Builds drawlens (Release, CUDA when a toolkit is found) into build/ and analyses the bundled
# sample drawing, writing build/sample.json and build/sample-overlay.png.
# Usage: scripts/build.sh [extra cmake arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
cmake -S . -B build "${generator[@]}" -DCMAKE_BUILD_TYPE=Release "$@"
cmake --build build --parallel "$(nproc)"
build/tools/drawlens/drawlens analyze examples/data/sample_drawing.pdf \
  --json build/sample.json --overlay build/sample-overlay.png
echo "wrote build/sample.json and build/sample-overlay.png"
