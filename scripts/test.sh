#!/usr/bin/env bash
# Runs every check: formatting, a Release build with warnings as errors and all tests, then the
# whole suite again under AddressSanitizer + UndefinedBehaviorSanitizer (LeakSanitizer included),
# the reliability tests under ThreadSanitizer, then bounded fuzzing (60 s per libFuzzer target).
# Each stage line carries the seconds elapsed, so a slow CI run shows where its time went.
# This is what CI runs.
# Usage: scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
# ccache keys on paths relative to the checkout, so a clean clone anywhere reuses the objects an
# earlier build compiled (without these, every object of a clone in a new directory misses).
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=true
started=$SECONDS
# LeakSanitizer finds a leak in any one create/analyse/free cycle: 200 cycles are plenty.
export DRAWLENS_LEAK_CYCLES=200
stage() { echo "== [$((SECONDS - started)) s] $*"; }

stage "formatting (clang-format)"
git ls-files '*.h' '*.hpp' '*.cpp' '*.c' '*.cu' | xargs clang-format --dry-run --Werror

stage "Release build and tests"
cmake -S . -B build-test "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DDRAWLENS_WERROR=ON \
  -DDRAWLENS_TESTS=ON -DDRAWLENS_BENCHMARKS=ON -DDRAWLENS_PYTHON=ON
cmake --build build-test --parallel "$jobs"
ctest --test-dir build-test --parallel "$jobs" --output-on-failure

stage "ASan + UBSan build and tests"
cmake -S . -B build-asan "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDRAWLENS_WERROR=ON \
  -DDRAWLENS_TESTS=ON -DDRAWLENS_SANITIZE=ON -DDRAWLENS_CUDA=OFF
cmake --build build-asan --parallel "$jobs"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions=$PWD/tests/sanitizer/lsan.supp:print_suppressions=0
# 100 shared-pipeline analyses are enough for ASan; races are ThreadSanitizer's job below.
DRAWLENS_STRESS_ANALYSES=100 ctest --test-dir build-asan --parallel "$jobs" --output-on-failure

stage "ThreadSanitizer: reliability tests (16 threads sharing one pipeline)"
cmake -S . -B build-tsan "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDRAWLENS_WERROR=ON \
  -DDRAWLENS_TESTS=ON -DDRAWLENS_TSAN=ON -DDRAWLENS_CUDA=OFF -DDRAWLENS_TOOLS=OFF
cmake --build build-tsan --parallel "$jobs" --target drawlens_reliability_tests
DRAWLENS_STRESS_ANALYSES=300 TSAN_OPTIONS="halt_on_error=1 suppressions=$PWD/tests/sanitizer/tsan.supp" \
  build-tsan/tests/drawlens_reliability_tests --gtest_filter=-LeakLoop.*

stage "bounded fuzzing (libFuzzer, clang)"
scripts/fuzz.sh 60
stage "all checks passed"
ccache --show-stats 2>/dev/null | grep -E "^ *(Hits|Misses):" | head -2 || true
