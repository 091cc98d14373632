#!/usr/bin/env bash
# Builds parts of ActLab, incrementally (CMake only rebuilds what changed).
# Usage: scripts/build.sh PART...   with PART one of
#   native    build/native: the CLI build/native/actlab and the Boost.Test suite build/native/actlab_tests
#   sanitize  build/sanitize: the same with AddressSanitizer and UndefinedBehaviorSanitizer
#   wasm      build/wasm: web/engine/generated/actlab-core.{js,wasm}, and the engine's activation
#             catalogue as web/engine/generated/catalogue.js (scripts/write-catalogue.mjs)
#   vendor    web/vendor/: KaTeX and uPlot copied from node_modules
#   dist      dist/: the production build (bundled, minified, precompressed; scripts/dist.mjs)
# Progress goes to stderr, so that `npm run cli` keeps stdout for the JSON response.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

cmake_build() { # cmake_build DIR CONFIGURE-ARGS...: configure (cheap when nothing changed), then build
  local dir=$1; shift
  "$@" -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release >&2
  cmake --build "$dir" --parallel "$jobs" >&2
}

for part in "$@"; do
  echo "== build: $part" >&2
  case $part in
    native) cmake_build build/native cmake ;;
    sanitize) cmake_build build/sanitize cmake -DACTLAB_SANITIZE=ON ;;
    wasm)
      # Debian's emcc needs Debian's acorn, which a non-Debian Node only finds through NODE_PATH;
      # emcmake's default emulator (node --experimental-wasm-threads) is rejected by Node 20.
      export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
      cmake_build build/wasm emcmake cmake "-DCMAKE_CROSSCOMPILING_EMULATOR=$(command -v node)"
      node scripts/write-catalogue.mjs
      ;;
    vendor) node scripts/vendor.mjs >&2 ;;
    dist) node scripts/dist.mjs >&2 ;;
    *) echo "scripts/build.sh: unknown part '$part' (native, sanitize, wasm, vendor, dist)" >&2; exit 2 ;;
  esac
done
