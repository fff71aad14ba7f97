#!/usr/bin/env bash
# Installs drawlens from BUILD_DIR into a scratch prefix, then builds the examples against it twice:
# with find_package(drawlens CONFIG) and with pkg-config. Runs each on the sample drawing.
# Usage: run_consumer_test.sh BUILD_DIR SOURCE_DIR WORK_DIR
set -euo pipefail
build_dir=$1 source_dir=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
prefix=$work/prefix
cmake --install "$build_dir" --prefix "$prefix" > "$work/install.log"
sample=$source_dir/examples/data/sample_drawing.pdf

cmake -S "$source_dir/tests/consumer" -B "$work/cmake" -DCMAKE_PREFIX_PATH="$prefix" \
  -DEXAMPLES_DIR="$source_dir/examples" -DCMAKE_BUILD_TYPE=Release > "$work/configure.log"
cmake --build "$work/cmake" > "$work/build.log"
"$work/cmake/consumer_c" "$sample" | grep -q '"schema_version":"1.0.0"'
"$work/cmake/consumer_cpp" "$sample" | grep -q 'title block'
echo "find_package consumer: ok"

libdir=$(dirname "$(find "$prefix" -name drawlens.pc | head -1)")
export PKG_CONFIG_PATH=$libdir
cc -std=c99 -Wall -Werror "$source_dir/examples/c/minimal.c" $(pkg-config --cflags --libs drawlens) -o "$work/pkgconfig_c"
LD_LIBRARY_PATH=$(pkg-config --variable=libdir drawlens) "$work/pkgconfig_c" "$sample" | grep -q '"schema_version":"1.0.0"'
echo "pkg-config consumer: ok"
