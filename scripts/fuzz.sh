#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for a bounded time (default 60 s) on a
# copy of its seed corpus (tests/fuzz/corpus/parse for the parsers, tests/fuzz/corpus/load for
# loading and the C ABI, tests/fuzz/corpus/model_file for model files). Fails on any finding; the
# crashing input is left in build-fuzz/findings/ to become a regression test.
#   scripts/fuzz.sh [seconds-per-target]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
clang="$(command -v clang++-14 || command -v clang++)"
clang_c="${clang/clang++/clang}"
# The build's output goes to a log; on failure its end is printed, so CI shows the compiler's error.
mkdir -p build-fuzz
if ! { cmake -S tests/fuzz -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER="$clang" -DCMAKE_C_COMPILER="$clang_c" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo && cmake --build build-fuzz --parallel "$(nproc)"; } >build-fuzz/build.log 2>&1; then
  tail -60 build-fuzz/build.log
  echo "fuzz: building the fuzz targets with $clang failed (whole log: build-fuzz/build.log)"
  exit 1
fi
mkdir -p build-fuzz/findings
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$PWD/tests/sanitizer/lsan.supp:print_suppressions=0}"
for target in parse_fuzzer load_fuzzer capi_fuzzer model_file_fuzzer; do
  case "$target" in
    parse_fuzzer) seeds=tests/fuzz/corpus/parse ;;
    model_file_fuzzer) seeds=tests/fuzz/corpus/model_file ;;
    *) seeds=tests/fuzz/corpus/load ;;
  esac
  work="build-fuzz/corpus-${target}"
  rm -rf "$work" && mkdir -p "$work" && cp "$seeds"/* "$work"/
  echo "fuzz: ${target} for ${seconds} s on $(ls "$seeds" | wc -l) seeds"
  status=0
  build-fuzz/"$target" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix=build-fuzz/findings/ "$work" >"build-fuzz/${target}.log" 2>&1 || status=$?
  grep -E "^(stat::number_of_executed_units|stat::peak_rss|#[0-9]+ +DONE|==[0-9]+==ERROR|SUMMARY)" \
    "build-fuzz/${target}.log" || true
  echo "fuzz: ${target} corpus grew from $(ls "$seeds" | wc -l) to $(ls "$work" | wc -l) inputs"
  if [ "$status" -ne 0 ]; then
    tail -40 "build-fuzz/${target}.log"
    echo "fuzz: ${target} found a problem (input in build-fuzz/findings/)"
    exit 1
  fi
done
