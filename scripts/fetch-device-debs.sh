#!/usr/bin/env bash
# Fetches the Debian packages that scripts/device-build.sh unpacks on a GPU machine which has
# PyTorch, nvcc and CMake but none of drawlens' C++ libraries and no network: the -dev packages
# drawlens, its tests and benchmarks build against (with the -dev packages their pkg-config files
# require), and the runtime libraries those load, found by following the installed libraries' ELF
# dependencies. That keeps out what is only dlopened, recommended or data. glibc and the GCC
# runtime are left out: the GPU machine's own, newer ones must serve.
# Run it where scripts/install-deps.sh has run (Debian 12); it needs apt-get, not root. The
# packages land in parts of at most 45 MiB (part-1/, part-2/, ...), so a tool that carries files
# to the GPU machine in limited loads can take one part at a time.
# Usage: scripts/fetch-device-debs.sh [folder]      (default: .device-debs, which git ignores)
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-.device-debs}")
part_limit=$((45 * 1024 * 1024))

# Built against, expanded through their -dev dependencies.
dev_roots=(libopencv-core-dev libopencv-imgproc-dev libopencv-imgcodecs-dev libtiff-dev libpng-dev libjpeg-dev
  libpoppler-cpp-dev libcairo2-dev zlib1g-dev nlohmann-json3-dev libcli11-dev libgtest-dev libbenchmark-dev)
# Taken as they are: OpenCV's CMake files (libopencv-dev, whose own dependencies reach as far as
# VTK) and pkg-config, which CMake needs for poppler-cpp and cairo.
as_is=(libopencv-dev pkgconf pkgconf-bin libpkgconf3)
base='^(libc6|libc6-dev|libc-dev-bin|libc-bin|linux-libc-dev|libcrypt1|libcrypt-dev|libgcc-s1|libstdc\+\+6|libstdc\+\+-[0-9]+-dev|libgcc-[0-9]+-dev|gcc-[0-9]+-base)$'

# Prints the first alternative of each dependency of the given packages (a virtual package's first
# provider), one name a line.
first_dependencies() {
  apt-cache depends --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces --no-enhances "$@" |
    awk '
      /^  \|?(Pre)?Depends: / {
        alternative = ($1 ~ /^\|/)
        if (skip) { skip = alternative; next }
        skip = alternative
        if ($2 ~ /^</) { provider = 1; next }
        print $2; next
      }
      /^    / { if (provider) print $1; provider = 0 }'
}

# The packages given and, recursively, the -dev packages they depend on.
dev_closure() {
  local -A seen=()
  local level=("$@") found=() p
  while ((${#level[@]})); do
    for p in "${level[@]}"; do seen[$p]=1; done
    mapfile -t found < <(first_dependencies "${level[@]}" | grep -E -- '-dev$' | sort -u)
    level=()
    for p in "${found[@]}"; do [[ -n ${seen[$p]:-} ]] || level+=("$p"); done
  done
  printf '%s\n' "${!seen[@]}"
}

# The package owning a file; dpkg records some libraries under /lib rather than /usr/lib.
owner() {
  dpkg -S "$1" 2>/dev/null || dpkg -S "${1#/usr}" 2>/dev/null || true
}

# Packages owning the shared libraries in the given packages and everything those load.
elf_closure() {
  local libs=() file
  while read -r file; do
    [[ -e $file ]] && libs+=("$(realpath "$file")")
  done < <(dpkg -L "$@" 2>/dev/null | grep -E '/lib[^/]*\.so(\.[0-9]+)*$')
  ((${#libs[@]})) || return 0
  { printf '%s\n' "${libs[@]}"; ldd "${libs[@]}" 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// { print $3 }'; } |
    sort -u | while read -r file; do owner "$(realpath "$file")"; done | cut -d: -f1 | sort -u
}

mapfile -t dev < <(dev_closure "${dev_roots[@]}")
mapfile -t opencv_runtime < <(apt-cache search --names-only '^libopencv-[a-z0-9-]+[0-9]{3}$' | cut -d' ' -f1)
mapfile -t runtime < <(elf_closure "${dev[@]}")
mapfile -t packages < <(printf '%s\n' "${dev[@]}" "${as_is[@]}" "${opencv_runtime[@]}" "${runtime[@]}" |
  grep -Ev "$base" | sort -u)

echo "fetch-device-debs: ${#packages[@]} packages into $out"
download=$(mktemp -d)
trap 'rm -rf "$download"' EXIT
(cd "$download" && apt-get download -q "${packages[@]}")

# First-fit by decreasing size into parts of at most part_limit bytes.
rm -rf "$out"
mkdir -p "$out"
declare -a part_bytes=()
while read -r bytes deb; do
  part=0
  while ((part < ${#part_bytes[@]})) && ((part_bytes[part] + bytes > part_limit)); do part=$((part + 1)); done
  part_bytes[part]=$((${part_bytes[part]:-0} + bytes))
  mkdir -p "$out/part-$((part + 1))"
  mv "$download/$deb" "$out/part-$((part + 1))/"
done < <(cd "$download" && stat -c '%s %n' -- *.deb | sort -rn)

printf '%s\n' "${packages[@]}" >"$out/PACKAGES"
du -sh "$out"/part-* | sed 's/^/fetch-device-debs: /'
