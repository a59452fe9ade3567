#!/usr/bin/env bash
# Regenerates .sqlx/ (the offline query cache that lets builds check queries without
# a database) with no sqlx-cli: a scratch database gets every migration, then one
# `cargo check` with SQLX_OFFLINE=false writes a file per query. `--check` writes
# them to a scratch folder instead and fails when .sqlx/ differs (what `cargo sqlx
# prepare --check` does): a query or a migration changed without a new cache.
# Usage: scripts/sqlx-prepare.sh [--check] postgres://user@host:port
#        (a server you can create databases on)
set -euo pipefail
cd "$(dirname "$0")/.."
CHECK=
if [ "${1:-}" = "--check" ]; then CHECK=1; shift; fi
SERVER=${1:?usage: scripts/sqlx-prepare.sh [--check] postgres://user@host:port}
PSQL=$(command -v psql || ls /usr/lib/postgresql/*/bin/psql | tail -n 1)
DB=sqlx_prepare
"$PSQL" "$SERVER/postgres" -qAt -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
for f in migrations/*.sql; do "$PSQL" "$SERVER/$DB" -q -v ON_ERROR_STOP=1 -f "$f" >/dev/null; done
OUT=$(mktemp -d "${TMPDIR:-/tmp}/sqlx.XXXXXX")
trap 'rm -rf "$OUT"' EXIT
# The macros write their files when they expand: make cargo check the grader crate
# again (its dev-profile check only; sources and release builds stay untouched).
cargo clean -p grader --profile dev >/dev/null 2>&1 || true
SQLX_OFFLINE=false SQLX_OFFLINE_DIR="$OUT" DATABASE_URL="$SERVER/$DB" \
  cargo check --lib --bins --tests --features ssr
if [ -n "$CHECK" ]; then
  if ! diff -r -q .sqlx "$OUT"; then
    echo ".sqlx/ is out of date: run make sqlx-prepare and commit .sqlx/" >&2
    exit 1
  fi
  echo ".sqlx/ matches: $(ls "$OUT" | wc -l) queries"
else
  rm -rf .sqlx && cp -r "$OUT" .sqlx
  echo "$(ls .sqlx | wc -l) queries cached in .sqlx/"
fi
