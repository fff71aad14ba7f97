#!/usr/bin/env bash
# Builds and measures drawlens on a GPU machine prepared like the project's GPU build machine
# (PyTorch 2.x with its LibTorch and CMake files, nvcc 13, CMake; no OpenCV, Tesseract, XGBoost or
# poppler C++ libraries; no network). It unpacks the Debian packages that
# scripts/fetch-device-debs.sh fetched into a private prefix (never into /), builds drawlens with
# CUDA beside PyTorch's LibTorch, runs the gpu-labelled tests, the preparation benchmarks and
# `drawlens gpu`, and writes every log and result into OUT. It goes on after a failed step and
# exits non-zero at the end if any failed.
# Usage: scripts/device-build.sh OUT [debs folder, default .device-debs]
# Environment: CUDA_ARCHS (default 90, an H100), BUILD_DIR (default build-device), JOBS (default
# nproc), KWH_PRICE and CLOUD_PRICE (passed to `drawlens gpu` when set).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
out=$(realpath -m "${1:?usage: scripts/device-build.sh OUT [debs folder]}")
debs=$(realpath -m "${2:-$repo/.device-debs}")
build=$(realpath -m "${BUILD_DIR:-$repo/build-device}")
prefix=$build/prefix
archs=${CUDA_ARCHS:-90}
jobs=${JOBS:-$(nproc)}
multiarch=$(gcc -print-multiarch 2>/dev/null || echo "$(uname -m)-linux-gnu")
libdirs=$prefix/usr/lib/$multiarch:$prefix/lib/$multiarch
# The drawlens binaries find the unpacked libraries through DT_RPATH, which (unlike RUNPATH) also
# serves their libraries' own dependencies; no LD_LIBRARY_PATH leaks into python3, cmake or nvcc.
link_flags="-Wl,--disable-new-dtags -Wl,-rpath-link,$libdirs"
failed=()
mkdir -p "$out" "$prefix"

say() { echo "device-build: $*" | tee -a "$out/device-build.log"; }

# Runs a named step with its output in OUT/<name>.log; a failure is recorded, not fatal.
step() {
  local name=$1
  shift
  say "$name: $*"
  if "$@" >"$out/$name.log" 2>&1; then
    say "$name: ok"
  else
    say "$name: FAILED (exit $?, see $name.log)"
    failed+=("$name")
  fi
}

# dpkg-deb where the machine has it; ar and tar otherwise (a .deb is an ar archive).
unpack_deb() {
  if command -v dpkg-deb >/dev/null; then
    dpkg-deb -x "$1" "$prefix"
    return
  fi
  local member
  member=$(ar t "$1" | grep '^data\.tar')
  case $member in
    *.xz) ar p "$1" "$member" | tar -x -J -C "$prefix" -f - ;;
    *.zst) ar p "$1" "$member" | tar -x --zstd -C "$prefix" -f - ;;
    *) ar p "$1" "$member" | tar -x -z -C "$prefix" -f - ;;
  esac
}

unpack_debs() {
  local deb count=0
  while IFS= read -r -d '' deb; do
    unpack_deb "$deb" || return 1
    count=$((count + 1))
  done < <(find "$debs" -name '*.deb' -print0)
  ((count > 0)) || { echo "no .deb files under $debs: run scripts/fetch-device-debs.sh and bring them along"; return 1; }
  # Absolute links (libfoo.so -> /lib/...) must point into the prefix.
  local link
  while IFS= read -r -d '' link; do
    ln -sfn "$prefix$(readlink "$link")" "$link"
  done < <(find "$prefix" -type l -lname '/*' -print0)
  echo "unpacked $count packages into $prefix"
}

# pkg-config from the prefix, reading the prefix's .pc files with their /usr paths moved into it.
write_pkg_config() {
  mkdir -p "$build/bin"
  cat >"$build/bin/pkg-config" <<EOF
#!/bin/sh
export PKG_CONFIG_SYSROOT_DIR='$prefix'
export PKG_CONFIG_LIBDIR='$prefix/usr/lib/$multiarch/pkgconfig:$prefix/usr/lib/pkgconfig:$prefix/usr/share/pkgconfig'
LD_LIBRARY_PATH='$libdirs' exec '$prefix/usr/bin/pkgconf' "\$@"
EOF
  chmod +x "$build/bin/pkg-config"
  "$build/bin/pkg-config" --modversion poppler-cpp cairo
}

record_environment() {
  git -C "$repo" rev-parse HEAD 2>/dev/null || true
  nvidia-smi || true
  nvcc --version || /usr/local/cuda/bin/nvcc --version || true
  cmake --version
  g++ --version | head -1
  python3 -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda, torch.cuda.is_available())' ||
    true
}

configure() {
  local torch_prefix nvcc generator=()
  torch_prefix=$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)' 2>/dev/null || true)
  nvcc=$(command -v nvcc || echo /usr/local/cuda/bin/nvcc)
  command -v ninja >/dev/null && generator=(-G Ninja)
  cmake -S "$repo" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release \
    -DDRAWLENS_CUDA=ON -DCMAKE_CUDA_COMPILER="$nvcc" -DCMAKE_CUDA_ARCHITECTURES="$archs" \
    -DDRAWLENS_TESTS=ON -DDRAWLENS_BENCHMARKS=ON -DDRAWLENS_PYTHON=OFF \
    -DCMAKE_PREFIX_PATH="$prefix/usr;$prefix${torch_prefix:+;$torch_prefix}" \
    -DPKG_CONFIG_EXECUTABLE="$build/bin/pkg-config" \
    -DCMAKE_BUILD_RPATH="${libdirs//:/;}" \
    -DCMAKE_EXE_LINKER_FLAGS="$link_flags" -DCMAKE_SHARED_LINKER_FLAGS="$link_flags"
}

run_benchmarks() {
  "$build/benchmarks/drawlens_benchmarks" --benchmark_filter=Prepare \
    --benchmark_out="$out/prepare-benchmark.json" --benchmark_out_format=json
}

run_gpu_assessment() {
  local prices=()
  [[ -n ${KWH_PRICE:-} ]] && prices+=(--kwh-price "$KWH_PRICE")
  [[ -n ${CLOUD_PRICE:-} ]] && prices+=(--cloud-price "$CLOUD_PRICE")
  "$build/tools/drawlens/drawlens" gpu "${prices[@]}" &&
    "$build/tools/drawlens/drawlens" gpu --json "${prices[@]}" >"$out/gpu.json"
}

step environment record_environment
step unpack unpack_debs
step pkg-config write_pkg_config
step configure configure
step build cmake --build "$build" --parallel "$jobs"
step gpu-tests ctest --test-dir "$build" -L gpu --output-on-failure --output-junit "$out/gpu-tests.xml"
step benchmarks run_benchmarks
step drawlens-gpu run_gpu_assessment

if ((${#failed[@]})); then
  say "failed steps: ${failed[*]}; results in $out"
  exit 1
fi
say "all steps passed; results in $out"
