#!/usr/bin/env bash
# Installs everything gleaner needs on a fresh machine; safe to run again.
#   Rust's wasm32 target, the wasm-bindgen CLI matching Cargo.lock,
#   Debian's Chromium and ChromeDriver (browser tests), and the npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The wasm-bindgen CLI must match the library version in Cargo.lock exactly.
want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock 2>/dev/null || true)
if [ -n "$want" ]; then
  have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$have" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (compiles for about 10-14 minutes)"
    cargo install wasm-bindgen-cli --version "$want"
  fi
fi

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  say "installing Debian's chromium and chromium-driver"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium chromium-driver
fi

if [ -f package.json ]; then
  if [ -f package-lock.json ]; then
    [ -d node_modules ] && [ node_modules -nt package-lock.json ] || { say "npm ci"; npm ci --no-audit --no-fund; }
  else
    say "npm install"; npm install --no-audit --no-fund
  fi
fi
say "ready"
