#!/usr/bin/env bash
# Builds drawlens (Release, CUDA when a toolkit is found, the Python module) into build/, analyses
# the bundled sample drawing (build/sample.json, build/sample-overlay.png), then installs the Python
# package into Debian's python3 with pip from that same build tree (nothing downloaded, nothing
# compiled twice), so `import drawlens` works afterwards.
# Usage: scripts/build.sh [extra cmake arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
cmake -S . -B build "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DDRAWLENS_PYTHON=ON "$@"
cmake --build build --parallel "$(nproc)"
build/tools/drawlens/drawlens analyze examples/data/sample_drawing.pdf \
  --json build/sample.json --overlay build/sample-overlay.png
echo "wrote build/sample.json and build/sample-overlay.png"
# Debian marks its python3 as externally managed (PEP 668); drawlens comes from this tree and needs
# only Debian's numpy, so the install goes to /usr/local (root) or ~/.local (a user), beside apt's.
DRAWLENS_BUILD_DIR="$PWD/build" /usr/bin/python3 -m pip install --quiet --root-user-action=ignore --no-build-isolation --no-deps --no-index \
  --break-system-packages .
/usr/bin/python3 -c 'import drawlens; print("Python package drawlens", drawlens.__version__, "installed:", drawlens.__file__)'
