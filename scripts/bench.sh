#!/usr/bin/env bash
# npm run bench [-- args]: builds the native CLI, the wasm module and the production site (dist/, what the
# page-load and parallel-lab benchmarks open), then runs bench/run.mjs with the given arguments.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
bash scripts/build.sh native wasm vendor dist
# The benchmark's contenders keep their own dependencies in bench/package.json.
if [[ -f bench/package-lock.json && ! -d bench/node_modules ]]; then
  npm ci --prefix bench --no-audit --no-fund
fi
exec node bench/run.mjs "$@"
