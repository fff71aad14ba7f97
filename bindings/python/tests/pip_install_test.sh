#!/usr/bin/env bash
# `pip install --no-build-isolation .` as a user runs it, reusing an existing CMake build tree, into
# a scratch directory; then, in an isolated interpreter (-I: no PYTHONPATH, no user site), the
# installed package imports from there, loads its own libdrawlens (RPATH $ORIGIN), finds the models
# it carries, analyses the sample drawing and ships its stubs.
# Usage: pip_install_test.sh PYTHON SOURCE_DIR BUILD_DIR SCRATCH_DIR   (DRAWLENS_SAMPLE: a drawing)
set -euo pipefail
python="$1" source="$2" build="$3" scratch="$4"
rm -rf "$scratch" && mkdir -p "$scratch"
cd "$source"
if ! DRAWLENS_BUILD_DIR="$build" "$python" -m pip install --no-build-isolation --no-deps --no-index \
    --target "$scratch/site" . >"$scratch/pip.log" 2>&1; then
  cat "$scratch/pip.log"
  echo "pip install failed"
  exit 1
fi
"$python" -I - "$scratch/site" "$DRAWLENS_SAMPLE" <<'PY'
import os, sys
site, sample = sys.argv[1], sys.argv[2]
sys.path.insert(0, site)
os.environ.pop("DRAWLENS_MODELS", None)
import drawlens

package = os.path.join(site, "drawlens")
assert os.path.dirname(drawlens.__file__) == package, drawlens.__file__
with open("/proc/self/maps") as maps:
    libraries = {line.split()[-1] for line in maps if "libdrawlens.so" in line}
assert libraries and all(path.startswith(package) for path in libraries), libraries
assert drawlens.packaged_models_directory() == os.path.join(package, "models"), drawlens.packaged_models_directory()
for model in ("detector.dlmodel", "recognizer.dlmodel", "symbols.dlmodel", "skinmodel.dlmodel"):
    assert os.path.isfile(os.path.join(package, "models", model)), model
for typing_file in ("_drawlens.pyi", "py.typed"):
    assert os.path.isfile(os.path.join(package, typing_file)), typing_file
result = drawlens.Pipeline().analyze_file(sample)
dimensions = [d for page in result.pages() for d in page.dimensions]
assert dimensions, "no dimensions read from the sample"
assert drawlens.SkinModel().analyze([{"id": "a", "feature_class": "linear_size", "size_mm": 25, "upper_mm": 0.1,
                                      "lower_mm": -0.1}])
print("pip-installed drawlens %s from %s: %d dimensions, models %s"
      % (drawlens.__version__, package, len(dimensions), sorted(os.listdir(os.path.join(package, "models")))))
PY
