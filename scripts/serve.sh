#!/usr/bin/env bash
# Builds everything and serves the web app on http://127.0.0.1:${PORT:-8080}.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
cargo build --release -p gleaner-cli
if [ -f scripts/build-wasm.sh ]; then
  ./scripts/build-wasm.sh
  exec node scripts/serve.mjs
else
  echo "the web app is not built yet; the CLI is at target/release/gleaner"
fi
