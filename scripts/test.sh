#!/usr/bin/env bash
# make test: unit + integration tests (cargo test) against a throwaway PostgreSQL
# cluster, then the end-to-end browser tests against the release server, which
# starts its own embedded cluster exactly as `make run` does.
set -euo pipefail
cd "$(dirname "$0")/.."
SERVER=${1:?usage: scripts/test.sh path/to/grader}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/grader-test.XXXXXX")
chmod 755 "$WORK"   # the postgres user must reach the clusters inside
# Below Linux's ephemeral range (32768–60999): a port inside it can be held by a
# client socket of the integration tests just before the e2e cluster binds it
# ("Address already in use"), which is what made the e2e PostgreSQL start flaky.
PG_PORT=${GRADER_TEST_PG_PORT:-25433}
E2E_PG_PORT=${GRADER_E2E_PG_PORT:-25434}
E2E_ADDR=${GRADER_E2E_ADDR:-127.0.0.1:3100}
server_pid=

cleanup() {
  local status=$?
  # On any failure, the logs that say why, before the work dir goes.
  if [ "$status" -ne 0 ]; then
    for log in "$WORK/server.log" "$WORK/e2e/postgresql.log" "$WORK/tests-db/postgresql.log"; do
      if [ -f "$log" ]; then echo "==> last lines of $log"; tail -n 60 "$log"; fi
    done
  fi
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  "$SERVER" pg stop --data-dir "$WORK/tests-db" --port "$PG_PORT" >/dev/null 2>&1 || true
  "$SERVER" pg stop --data-dir "$WORK/e2e" --port "$E2E_PG_PORT" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ -z "${DATABASE_URL:-}" ]; then
  DATABASE_URL=$("$SERVER" pg start --data-dir "$WORK/tests-db" --port "$PG_PORT" | tail -n 1)
  export DATABASE_URL
fi

echo "==> The lint gate (make check): fmt, clippy -D warnings, .sqlx/"
scripts/check.sh "${DATABASE_URL%/*}"

echo "==> Unit and integration tests (real PostgreSQL, a fresh database per test)"
# The same features as cargo-leptos's server build (no "default"), so that both
# share one build of the grader crate instead of each invalidating the other.
cargo test --release --no-default-features --features ssr -- --test-threads=4

echo "==> Spelling of the Russian content (a report, never a failure)"
python3 scripts/spellcheck.py || true

echo "==> End-to-end tests (Playwright + Debian chromium), with and without JavaScript"
env -u DATABASE_URL GRADER_DATA_DIR="$WORK/e2e" GRADER_PG_PORT="$E2E_PG_PORT" \
  LEPTOS_SITE_ADDR="$E2E_ADDR" "$SERVER" serve >"$WORK/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  if curl -fsS "http://$E2E_ADDR/healthz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then cat "$WORK/server.log"; exit 1; fi
  sleep 0.5
done
# The first admin, made the way a user makes one (`grader create-admin`), for the
# authoring tests and the API fuzzing below.
export E2E_ADMIN_EMAIL=admin-e2e@example.ru E2E_ADMIN_PASSWORD=e2e-admin-2026
# It joins the running embedded cluster, as the app's role, exactly as `make admin`.
env -u DATABASE_URL GRADER_ADMIN_PASSWORD="$E2E_ADMIN_PASSWORD" GRADER_DATA_DIR="$WORK/e2e" \
  GRADER_PG_PORT="$E2E_PG_PORT" "$SERVER" create-admin --email "$E2E_ADMIN_EMAIL" >/dev/null
# The offline test counts answer rows in the e2e server's database with psql, as
# the app's role (the cluster takes passwords only).
E2E_DATABASE_URL=$(env -u DATABASE_URL "$SERVER" pg url --data-dir "$WORK/e2e" --port "$E2E_PG_PORT" | tail -n 1)
export E2E_DATABASE_URL
E2E_PSQL=$(command -v psql || ls /usr/lib/postgresql/*/bin/psql | tail -n 1)
export E2E_PSQL
(cd end2end && BASE_URL="http://$E2E_ADDR" npx playwright test)

echo "==> First-load budget of / (fails over 300 KB or when an asset link is missing)"
scripts/first-load.sh "$E2E_ADDR"

echo "==> API fuzzing (schemathesis from PyPI): no 5xx; statuses, bodies and resources as documented"
# As an author with a personal token, so the authoring routes are exercised too.
jar="$WORK/cookies"
curl -fsS -c "$jar" -b "$jar" -o /dev/null -H 'Accept: application/json' -H "Origin: http://$E2E_ADDR" \
  --data-urlencode "email=$E2E_ADMIN_EMAIL" --data-urlencode "password=$E2E_ADMIN_PASSWORD" \
  "http://$E2E_ADDR/api/auth/login"
curl -fsS -c "$jar" -b "$jar" -o /dev/null -H 'Accept: application/json' -H "Origin: http://$E2E_ADDR" -d "name=schemathesis" \
  "http://$E2E_ADDR/api/admin/tokens/create"
token=$(curl -fsS -b "$jar" "http://$E2E_ADDR/admin/tokens" | grep -o 'grd_[0-9a-f]\{64\}' | head -n 1)
[ -n "$token" ] || { echo "no API token for schemathesis"; exit 1; }
st_venv="${GRADER_VENV:-$HOME/.cache/grader/venv}"
# Real ids of a scratch profession, so that calls reach the handlers instead of 404.
"$st_venv/bin/python" scripts/schemathesis_fixture.py "http://$E2E_ADDR" "$token" "$WORK/schemathesis.toml"
# The hooks send POST /api/v1/bundles's application/gzip bodies as raw bytes.
SCHEMATHESIS_HOOKS=schemathesis_hooks PYTHONPATH="$PWD/scripts" \
  "$st_venv/bin/st" --config-file "$WORK/schemathesis.toml" run "http://$E2E_ADDR/api/v1/openapi.json" \
  --checks not_a_server_error,status_code_conformance,response_schema_conformance,use_after_free,ensure_resource_availability \
  --max-examples 25 -H "Authorization: Bearer $token" --no-color \
  --report ndjson --report-ndjson-path "$WORK/schemathesis.ndjson"
# A run where everything is refused would pass the checks above: count successes.
"$st_venv/bin/python" scripts/schemathesis_summary.py "$WORK/schemathesis.ndjson" 25 40

echo "==> Graceful shutdown: a request in flight completes, then the server and its PostgreSQL stop"
# A slow request: a task whose code sleeps 2 s, run in the sandbox through the API.
topic=$("$E2E_PSQL" "$E2E_DATABASE_URL" -tAc "SELECT min(topic_id) FROM topics")
task=$(curl -fsS -H "Authorization: Bearer $token" -H 'content-type: application/json' \
  -d '{"slug":"slow-run","title":"Медленно","code":"import time\ntime.sleep(2)\nprint(\"finished\")","answer":"finished","is_active":false}' \
  "http://$E2E_ADDR/api/v1/topics/$topic/tasks" | python3 -c 'import json,sys; print(json.load(sys.stdin)["task_id"])')
curl -sS -o "$WORK/slow.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
  "http://$E2E_ADDR/api/v1/tasks/$task/run" >"$WORK/slow.status" &
slow_pid=$!
sleep 0.7   # the run has started
kill -TERM "$server_pid"
wait "$slow_pid" || true
wait "$server_pid"
status=$?
server_pid=
if [ "$status" -ne 0 ]; then echo "server exited with $status"; cat "$WORK/server.log"; exit 1; fi
if [ "$(cat "$WORK/slow.status")" != 200 ] || ! grep -q finished "$WORK/slow.json"; then
  echo "the request in flight at SIGTERM did not complete: $(cat "$WORK/slow.status") $(cat "$WORK/slow.json")"
  exit 1
fi
if [ -f "$WORK/e2e/pg/postmaster.pid" ]; then
  echo "the embedded PostgreSQL is still running after the server stopped"; exit 1
fi
grep -q "PostgreSQL stopped" "$WORK/server.log"
echo "graceful shutdown: 1 passed, 0 failed (a 2 s request in flight completed)"
