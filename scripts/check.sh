#!/usr/bin/env bash
# make check: the lint gate, also the first step of make test (so CI fails on
# it): formatting, clippy with warnings as errors for both builds (the server,
# "ssr", and the browser's WASM, "hydrate"), and the committed .sqlx/ query cache
# against the queries and migrations.
# Usage: scripts/check.sh postgres://user@host:port   (a server that can create databases)
set -euo pipefail
cd "$(dirname "$0")/.."
SERVER=${1:?usage: scripts/check.sh postgres://user@host:port}

echo "==> cargo fmt --check"
cargo fmt --all -- --check

echo "==> .sqlx/ matches the queries and the migrations"
scripts/sqlx-prepare.sh --check "$SERVER"

echo "==> clippy -D warnings: the server build (ssr), its binary and tests"
SQLX_OFFLINE=true cargo clippy --no-default-features --features ssr --lib --bins --tests -- -D warnings

echo "==> clippy -D warnings: the browser build (hydrate)"
cargo clippy --lib --no-default-features --features hydrate --target wasm32-unknown-unknown -- -D warnings
