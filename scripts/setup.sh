#!/usr/bin/env bash
# Installs what Grader needs and is missing, at pinned versions. Safe to re-run:
# each step checks first. `--test` adds what the tests need (chromium, Playwright).
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_LEPTOS_VERSION=0.3.10   # 0.3.11 needs rustc 1.96
STYLANCE_VERSION=0.8.4
SCHEMATHESIS_VERSION=4.32.5   # API fuzzing in make test (PyPI)
# The wasm-bindgen CLI must match the crate exactly; Cargo.toml pins it.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p' Cargo.toml)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
have_version() { command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -q "$2"; }
sudo_if_needed() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=
apt_install() {
  [ -n "$apt_updated" ] || { sudo_if_needed apt-get update -qq; apt_updated=1; }
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

# The lint gate's tools (make check, run by make test).
for component in clippy rustfmt; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    say "rustup component add $component"
    rustup component add "$component"
  fi
done
if ! rustup target list --installed 2>/dev/null | grep -q wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! have_version cargo-leptos "$CARGO_LEPTOS_VERSION"; then
  say "Installing cargo-leptos $CARGO_LEPTOS_VERSION (about 13 minutes on 2 cores)"
  cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --features no_downloads
fi

if ! have_version wasm-bindgen "$WASM_BINDGEN_VERSION"; then
  say "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: its lock file names a crate version the registry no longer has.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if ! have_version stylance "$STYLANCE_VERSION"; then
  say "Installing stylance-cli $STYLANCE_VERSION"
  cargo install stylance-cli --version "$STYLANCE_VERSION" --locked
fi

# wasm-opt from npm's binaryen (Debian's older one breaks hydration), the font, and
# resvg, which renders the PWA icons from the SVG logo.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/@fontsource-variable/nunito ] \
   || [ ! -d node_modules/@resvg/resvg-js ]; then
  command -v npm >/dev/null || apt_install nodejs npm
  say "npm ci (binaryen, Nunito, resvg)"
  npm ci --no-audit --no-fund
fi
mkdir -p public/fonts
for subset in latin cyrillic; do
  cp -u "node_modules/@fontsource-variable/nunito/files/nunito-$subset-wght-normal.woff2" public/fonts/
done

# bubblewrap: every run of untrusted Python goes through it (src/sandbox), with
# Debian's python3 (3.11) under /usr, the only tree the sandbox binds.
command -v bwrap >/dev/null || { say "Installing bubblewrap"; apt_install bubblewrap; }
[ -x /usr/bin/python3 ] || apt_install python3

# PostgreSQL server binaries, for the embedded cluster, only when none are installed.
if [ -z "${DATABASE_URL:-}" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  say "Installing PostgreSQL server binaries"
  apt_install postgresql
fi

if [ "${1:-}" = "--test" ]; then
  command -v python3 >/dev/null || apt_install python3
  command -v curl >/dev/null || apt_install curl
  # Spelling report of the Russian content (report only).
  [ -f /usr/share/hunspell/ru_RU.dic ] || apt_install hunspell hunspell-ru || true
  if [ ! -x /usr/bin/chromium ]; then
    say "Installing Debian's chromium"
    apt_install chromium
  fi
  # schemathesis in its own virtualenv beside the cargo cache, not in the clone.
  ST_VENV=${GRADER_VENV:-$HOME/.cache/grader/venv}
  if ! "$ST_VENV/bin/st" --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION"; then
    say "Installing schemathesis $SCHEMATHESIS_VERSION into $ST_VENV"
    python3 -m venv "$ST_VENV" 2>/dev/null || { apt_install python3-venv; python3 -m venv "$ST_VENV"; }
    "$ST_VENV/bin/pip" install -q "schemathesis==$SCHEMATHESIS_VERSION"
  fi
  if [ ! -d end2end/node_modules/@playwright/test ]; then
    say "npm ci in end2end (Playwright, without its browser download)"
    (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
  fi
fi
