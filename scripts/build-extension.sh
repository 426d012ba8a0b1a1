#!/usr/bin/env bash
# Assembles the unpacked Manifest V3 extension in dist/extension/ from
# extension/ (its sources) and the npm package's built files (pkg/):
#
#   dist/extension/manifest.json      extension/manifest.json, version from package.json
#   dist/extension/background.js      the module service worker (runs gleaner)
#   dist/extension/reader.*           the reader page
#   dist/extension/gleaner/           pkg/init.js, pkg/gleaner.js, pkg/gleaner_bg.wasm
#   dist/extension/icons/             drawn by extension/icons.mjs
#   dist/gleaner-extension-VERSION.zip  the same files, manifest.json at the
#                                     root: the upload for the Chrome Web Store
#
# Load it at chrome://extensions (Developer mode, "Load unpacked").
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[build-extension]\033[0m %s\n' "$*"; }

./scripts/build-wasm.sh --if-stale

out=dist/extension
rm -rf "$out"
mkdir -p "$out/gleaner"
cp extension/background.js extension/reader.html extension/reader.js extension/reader.css "$out/"
cp pkg/init.js pkg/gleaner.js pkg/gleaner_bg.wasm "$out/gleaner/"
node extension/icons.mjs "$out/icons"
node --input-type=module -e '
import { readFileSync, writeFileSync } from "node:fs";
const manifest = JSON.parse(readFileSync("extension/manifest.json", "utf8"));
manifest.version = JSON.parse(readFileSync("package.json", "utf8")).version;
writeFileSync(process.argv[1], JSON.stringify(manifest, null, 2) + "\n");
' "$out/manifest.json"

# Nothing is fetched at run time: no file of the extension may name a remote
# script, style or module.
if grep -rEn "(src|href)=[\"']https?:|import[^;]*[\"']https?:|@import" "$out" --include='*.html' --include='*.js' --include='*.css'; then
  echo "[build-extension] a file of the extension loads remote code" >&2
  exit 1
fi
version=$(node -p 'require("./package.json").version')
rm -f dist/gleaner-extension-*.zip
node scripts/zip-dir.mjs "$out" "dist/gleaner-extension-$version.zip" >/dev/null
say "done: $out ($(du -sh "$out" | cut -f1)); load it unpacked at chrome://extensions"
say "for the Chrome Web Store: dist/gleaner-extension-$version.zip ($(du -h "dist/gleaner-extension-$version.zip" | cut -f1))"
