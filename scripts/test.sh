#!/usr/bin/env bash
# npm test: installs what is missing, builds everything, and runs every suite:
#   1. the native Boost.Test suite (ctest, build/native)
#   2. the same under AddressSanitizer + UndefinedBehaviorSanitizer (ctest, build/sanitize), and the
#      CLI-driven tests of tests/wasm against the sanitized CLI (build/sanitize/actlab)
#   3. the WebAssembly tests (node --test tests/wasm/: parity with the CLI, errors, heap, references)
#   4. the browser tests (node --test tests/browser/: Playwright with Debian's Chromium)
# Usage: scripts/test.sh [--sanitize-only]     (npm run test:sanitize: step 2 alone)
set -euo pipefail
cd "$(dirname "$0")/.."
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
[[ -t 1 ]] || export BOOST_TEST_COLOR_OUTPUT=${BOOST_TEST_COLOR_OUTPUT:-no}
step() { printf '\n==== %s  [%d s]\n' "$*" "$SECONDS"; }

sanitizer_tests() {
  step "${1:+$1 }Native tests under ASan+UBSan (ctest, build/sanitize)"
  ctest --test-dir build/sanitize --output-on-failure
  step "${1:+$1 }CLI tests against the sanitized CLI (ACTLAB_CLI=build/sanitize/actlab)"
  ACTLAB_CLI=build/sanitize/actlab node --test tests/wasm/errors.test.mjs tests/wasm/parity.test.mjs
}

if [[ ${1:-} == --sanitize-only ]]; then
  bash scripts/ensure-deps.sh
  bash scripts/build.sh sanitize wasm
  sanitizer_tests ""
  exit 0
fi

bash scripts/ensure-deps.sh --browser
bash scripts/build.sh native sanitize wasm vendor

step "1/4 Native tests (ctest, build/native)"
ctest --test-dir build/native --output-on-failure

sanitizer_tests "2/4"

step "3/4 WebAssembly tests (node --test tests/wasm/)"
node --test tests/wasm/

step "4/4 Browser tests (node --test tests/browser/)"
node --test tests/browser/
