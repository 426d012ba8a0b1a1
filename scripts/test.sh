#!/usr/bin/env bash
# Runs every test: lint, the Rust tests (unit, fixtures, corpus floors),
# and, once the package exists, the Node tests of the npm package and the
# browser tests of the web app.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh

# The workspace: the library (the root package), the command line (cli/) and
# the accuracy harness (tools/gleaner-eval/, whose tests hold the corpus floors).
echo "== cargo clippy"
cargo clippy --release --workspace --all-targets -- -D warnings
echo "== cargo clippy (wasm32, the WebAssembly bindings)"
cargo clippy -p gleaner --lib --target wasm32-unknown-unknown --no-default-features -- -D warnings
echo "== cargo test"
cargo test --release --workspace

# Our own HTML parser (the feature own-parser, off by default): lint, the
# same tree as html5ever's on every dev page, cut pages and random markup
# (tests/parse_diff.rs), and the hostile pages with it.
echo "== cargo clippy (own parser)"
cargo clippy --release --workspace --all-targets --features gleaner/own-parser -- -D warnings
cargo clippy -p gleaner --lib --target wasm32-unknown-unknown --no-default-features --features own-parser -- -D warnings
echo "== cargo test (own parser against html5ever)"
cargo test --release --features own-parser --test parse_diff --test hostile_html

if [ -f package.json ] && grep -q '"test:js"' package.json; then
  echo "== npm run test:js"
  npm run test:js
fi
