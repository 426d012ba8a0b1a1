#!/usr/bin/env bash
# Builds the WebAssembly package and the web app.
#
#   pkg/        the npm package's built files: gleaner_bg.wasm (optimised),
#               gleaner.js (wasm-bindgen glue, --target web) and the
#               hand-written entries from js/ (index.js, init.js, init-node.js,
#               node.js)
#   dist/www/   the static web app: www/ plus pkg/ (served by scripts/serve.mjs)
#
# Usage: scripts/build-wasm.sh [--if-stale]
#   --if-stale  do nothing when pkg/ and dist/www/ are newer than every input
# The module is built without the library's default features (no
# encoding_rs: the browser's TextDecoder decodes) but with our own HTML
# parser (the feature own-parser, as natively). GLEANER_FEATURES=LIST builds
# it with the library's features named there instead; GLEANER_FEATURES=
# (empty) with html5ever's parser.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[build-wasm]\033[0m %s\n' "$*"; }

inputs=(src Cargo.toml Cargo.lock js www index.d.ts init.d.ts scripts/build-wasm.sh)
if [ "${1:-}" = "--if-stale" ] && [ -f pkg/gleaner_bg.wasm ] && [ -f dist/www/index.html ] \
   && [ -z "$(find "${inputs[@]}" -newer pkg/.stamp -print -quit 2>/dev/null || echo stale)" ]; then
  say "pkg/ and dist/www/ are up to date"
  exit 0
fi

# What the build needs beyond cargo: ./scripts/setup.sh installs all of it.
if command -v rustup >/dev/null && ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "[build-wasm] Rust's wasm32-unknown-unknown target is missing: run ./scripts/setup.sh first" >&2
  exit 1
fi
if ! command -v wasm-bindgen >/dev/null; then
  echo "[build-wasm] the wasm-bindgen CLI is missing: run ./scripts/setup.sh first" >&2
  exit 1
fi
# wasm-opt comes from the pinned npm package binaryen (package-lock.json).
wasm_opt=node_modules/.bin/wasm-opt
if [ ! -x "$wasm_opt" ]; then
  say "wasm-opt (npm's binaryen) is not installed: running npm ci first"
  npm ci --no-audit --no-fund
fi

say "cargo build (wasm32, profile wasm)"
wasm_features=${GLEANER_FEATURES-own-parser}
features=${wasm_features:+--features $wasm_features}
# shellcheck disable=SC2086
cargo build -p gleaner --lib --target wasm32-unknown-unknown --profile wasm --no-default-features $features

# --target web: an ES module without top-level await that instantiates from a
# URL, bytes or a compiled module. It runs in pages, Web Workers, module
# service workers (no top-level await, no DOM), Node >= 18 (given the bytes)
# and bundlers (Vite resolves `new URL('gleaner_bg.wasm', import.meta.url)`).
# The reset-state function lets js/init.js re-instantiate after a trap.
target_dir=${CARGO_TARGET_DIR:-target}
out=$target_dir/wasm-bindgen
rm -rf "$out"
say "wasm-bindgen --target web"
wasm-bindgen "$target_dir/wasm32-unknown-unknown/wasm/gleaner.wasm" \
  --out-dir "$out" --out-name gleaner --target web --no-typescript \
  --experimental-reset-state-function --remove-producers-section

# wasm-opt reads the enabled features from the module's target_features
# section (kept) and optimises for size. --converge repeats the passes while
# the module still shrinks (0.8 KB gzipped); --low-memory-unused lets it fold
# constant offsets into loads and stores, which is sound because nothing
# lives in the first 1,024 bytes of memory: the Rust stack grows down from
# 1 MB and would overflow before reaching them, and the data starts at 1 MB
# (0.6 KB gzipped).
say "wasm-opt -Os --converge --low-memory-unused"
"$wasm_opt" -Os --converge --low-memory-unused "$out/gleaner_bg.wasm" -o "$out/gleaner_bg.opt.wasm"

# pkg/ and dist/www/ are assembled beside their places and moved in at the
# end, so a build running at the same time never sees them half-written.
tmp=$(mktemp -d "$PWD/.build-wasm.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/pkg"
cp "$out/gleaner.js" "$tmp/pkg/gleaner.js"
cp "$out/gleaner_bg.opt.wasm" "$tmp/pkg/gleaner_bg.wasm"
cp js/index.js js/init.js js/init-node.js js/node.js "$tmp/pkg/"

# The web app: www/ plus the package; the service worker's cache name
# carries a hash of the files, so a new build replaces the old cache.
mkdir -p "$tmp/www/pkg"
cp -r www/. "$tmp/www/"
(cd "$tmp/pkg" && cp gleaner.js gleaner_bg.wasm index.js init.js "$tmp/www/pkg/")
hash=$(cd "$tmp/www" && find . -type f ! -name sw.js -print0 | sort -z | xargs -0 cat | sha256sum | cut -c1-12)
sed -i "s/__BUILD_HASH__/$hash/" "$tmp/www/sw.js"
touch "$tmp/pkg/.stamp"
mkdir -p dist
[ -d pkg ] && mv pkg "pkg.old.$$"
mv "$tmp/pkg" pkg
[ -d dist/www ] && mv dist/www "dist/www.old.$$"
mv "$tmp/www" dist/www
rm -rf "pkg.old.$$" "dist/www.old.$$"

node --input-type=module -e '
import { readFileSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
const b = readFileSync("pkg/gleaner_bg.wasm");
const kb = (n) => (n / 1024).toFixed(1) + " KiB";
const gz = gzipSync(b, { level: 9 }).length;
const br = brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
console.log(`[build-wasm] pkg/gleaner_bg.wasm: ${b.length} bytes raw (${kb(b.length)}), ${gz} gzip (${kb(gz)}), ${br} brotli (${kb(br)})`);
'
say "done: pkg/ (npm package files) and dist/www/ (web app)"
