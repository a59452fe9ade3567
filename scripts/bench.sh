#!/usr/bin/env bash
# make bench: prints the figures quoted in the README.
#  - first-load transfer of / (HTML + CSS + JS + WASM), brotli as served;
#  - requests/s for /, a topic page and a static file, with wrk on loopback.
# The server runs in release mode against its own embedded PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
SERVER=${1:?usage: scripts/bench.sh path/to/grader}
command -v wrk >/dev/null || { sudo_=; [ "$(id -u)" = 0 ] || sudo_=sudo; $sudo_ apt-get install -y -qq wrk; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/grader-bench.XXXXXX")
chmod 755 "$WORK"
ADDR=127.0.0.1:3200
env -u DATABASE_URL GRADER_DATA_DIR="$WORK/db" GRADER_PG_PORT=25435 LEPTOS_SITE_ADDR=$ADDR \
  RUST_LOG=warn "$SERVER" serve >"$WORK/server.log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do curl -fsS "http://$ADDR/healthz" >/dev/null 2>&1 && break; sleep 0.5; done

over_budget=0
scripts/first-load.sh "$ADDR" || over_budget=1

topic=/professions/python-backend/intern/python-basics/immutable-types
echo "Requests/s (wrk -t2 -c32 -d10s, loopback, 2 cores shared with the server and PostgreSQL):"
for url in / "$topic" /favicon.svg; do
  rps=$(wrk -t2 -c32 -d10s "http://$ADDR$url" | awk '/Requests\/sec/ {print $2}')
  printf '  %-60s %10s req/s\n' "$url" "$rps"
done

# Answer submission: one learner (one session cookie), 64 concurrent connections.
theory_id=$(curl -fsS "http://$ADDR$topic" | grep -o 'name="exercise_id" value="[0-9]*"' | head -n 1 | grep -o '[0-9]*')
client_id=$(python3 -c 'import uuid; print(uuid.uuid4())')
cookie=$(curl -fsS -o /dev/null -D - -X POST -H 'Accept: application/json' -H "Origin: http://$ADDR" \
  -d "kind=theory&exercise_id=$theory_id&client_id=$client_id&understood=yes" \
  "http://$ADDR/api/learning/answer" | sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' | head -n 1)
echo "Answer submission (wrk -t2 -c64 -d10s --latency, POST /api/learning/answer, one learner):"
COOKIE="$cookie" ORIGIN="http://$ADDR" THEORY_ID="$theory_id" wrk -t2 -c64 -d10s --latency -s scripts/bench-answer.lua \
  "http://$ADDR/api/learning/answer" > "$WORK/answers.txt"
awk '/Requests\/sec/ {print "  answers/s: " $2} / 99%/ {print "  p99 latency: " $2} /Non-2xx/ {print "  non-2xx responses: " $4}' "$WORK/answers.txt"

exit "$over_budget"
