#!/usr/bin/env bash
# Runs every test: lint, the Rust tests (unit, fixtures, corpus floors),
# and, once the package exists, the Node tests of the npm package and the
# browser tests of the web app.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh

# The workspace: the library (the root package), the command line (cli/) and
# the accuracy harness (tools/gleaner-eval/, whose tests hold the corpus floors).
# By default the library parses HTML with our own parser (the feature
# own-parser), so these also run its differential tests against html5ever
# (tests/parse_diff.rs: the same tree on every dev page, cut pages and random
# markup) and the hostile pages with it (tests/hostile_html.rs).
echo "== cargo clippy"
cargo clippy --release --workspace --all-targets -- -D warnings
echo "== cargo clippy (wasm32, the WebAssembly bindings)"
cargo clippy -p gleaner --lib --target wasm32-unknown-unknown --no-default-features --features own-parser -- -D warnings
echo "== cargo test"
cargo test --release --workspace

# html5ever's parser (the library without its default features): lint, and
# the fixtures and hostile pages with it.
echo "== cargo clippy (html5ever's parser)"
cargo clippy --release -p gleaner --all-targets --no-default-features --features encoding -- -D warnings
cargo clippy -p gleaner --lib --target wasm32-unknown-unknown --no-default-features -- -D warnings
echo "== cargo test (html5ever's parser)"
cargo test --release -p gleaner --no-default-features --features encoding --test cases --test hostile_html

if [ -f package.json ] && grep -q '"test:js"' package.json; then
  echo "== npm run test:js"
  npm run test:js
fi
