#!/usr/bin/env bash
# npm run cli -- eval < request.json: runs the native CLI build/native/actlab with the given
# arguments, building it first if it is missing or out of date. Build output is shown (on stderr)
# only when the build fails, so stdout carries nothing but the CLI's own output.
set -euo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
if [[ -x build/native/actlab ]]; then
  build() { cmake --build build/native --target actlab_cli; }
else
  echo "cli: building build/native/actlab (first run)..." >&2
  build() { bash scripts/ensure-deps.sh && bash scripts/build.sh native; }
fi
if ! build </dev/null >"$log" 2>&1; then
  cat "$log" >&2
  rm -f "$log"
  exit 1
fi
rm -f "$log"
exec build/native/actlab "$@"
