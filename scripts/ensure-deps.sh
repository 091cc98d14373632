#!/usr/bin/env bash
# Makes sure the Debian packages and node_modules that ActLab's builds and tests need are present,
# installing whatever is missing (apt-get as root; otherwise it stops and names the command to run).
# Usage: scripts/ensure-deps.sh [--browser]     --browser (what npm test needs) also requires Chromium
# (Playwright tests) and PyTorch (tests/wasm/pytorch-export.test.mjs runs the exported script).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
need_command() { # need_command PACKAGE COMMAND...: the package is missing if any command is
  local package=$1; shift
  for command in "$@"; do
    command -v "$command" >/dev/null 2>&1 || { missing+=("$package"); return 0; }
  done
}
need_package() { # need_package PACKAGE: a library package, checked with dpkg
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed' || missing+=("$1")
}

need_command cmake cmake
need_command make make
need_command g++ g++
need_command emscripten em++ emcmake
need_package libboost-test-dev
need_package nlohmann-json3-dev
if [[ " $* " == *" --browser "* ]]; then
  need_command chromium chromium
  need_package fonts-wqy-microhei  # a CJK font, or the Chinese pages render as boxes in headless Chromium
  need_package python3-torch  # torch 1.13 for Debian's /usr/bin/python3 (210 packages, ~730 MB, ~3 min)
fi

if ((${#missing[@]})); then
  install=(apt-get install -y "${missing[@]}")
  if [[ $(id -u) != 0 ]]; then
    echo "ActLab needs these Debian packages: ${missing[*]}" >&2
    echo "Install them as root, then run this again:" >&2
    echo "  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive ${install[*]}" >&2
    exit 1
  fi
  echo "Installing Debian packages: ${missing[*]}" >&2
  apt-get update >&2
  DEBIAN_FRONTEND=noninteractive "${install[@]}" >&2
fi

# node_modules: (re)install when absent or older than package-lock.json.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "Installing npm packages (npm ci)" >&2
  npm ci --no-audit --no-fund >&2
fi
