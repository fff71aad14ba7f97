#!/usr/bin/env bash
# Installs every build and test dependency of drawlens from Debian packages (apt only, idempotent).
# Usage: scripts/install-deps.sh        (as root, or with sudo available)
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config ccache git
  libtorch-dev libopenblas0-pthread
  libopencv-dev libtiff-dev libpng-dev libjpeg-dev
  libtesseract-dev tesseract-ocr tesseract-ocr-eng tesseract-ocr-deu
  libxgboost-dev xgboost
  libpoppler-cpp-dev
  nlohmann-json3-dev zlib1g-dev libcli11-dev libcpp-httplib-dev
  libcairo2-dev fonts-osifont fonts-dejavu-core fonts-liberation fonts-freefont-ttf fonts-nanum
  fonts-urw-base35
  pybind11-dev python3-dev python3-pytest python3-numpy python3-jsonschema python3-distributed
  python3-pip python3-setuptools python3-wheel
  python3-ezdxf                 # tools/dxf_check: the real DXF drawings rendered with their labels
  poppler-utils                 # scripts/measure-raster-reading.sh: real PDFs rendered to PNG
  prometheus
  libgtest-dev libgmock-dev libbenchmark-dev
  clang-14 libclang-rt-14-dev clang-format
)

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
