#!/usr/bin/env bash
# Regenerates .sqlx/ (the offline query cache that lets builds check queries without
# a database) with no sqlx-cli: a scratch database gets every migration, then one
# `cargo check` with SQLX_OFFLINE=false writes a file per query.
# Usage: scripts/sqlx-prepare.sh postgres://user@host:port   (a server you can create databases on)
set -euo pipefail
cd "$(dirname "$0")/.."
SERVER=${1:?usage: scripts/sqlx-prepare.sh postgres://user@host:port}
DB=sqlx_prepare
psql "$SERVER/postgres" -qAt -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
for f in migrations/*.sql; do psql "$SERVER/$DB" -q -v ON_ERROR_STOP=1 -f "$f" >/dev/null; done
rm -rf .sqlx && mkdir .sqlx && touch src/lib.rs src/main.rs
SQLX_OFFLINE=false SQLX_OFFLINE_DIR="$PWD/.sqlx" DATABASE_URL="$SERVER/$DB" \
  cargo check --lib --bins --tests --features ssr
echo "$(ls .sqlx | wc -l) queries cached in .sqlx/"
