#!/usr/bin/env bash
# The first-load transfer of / (HTML + CSS + JS + WASM, brotli as served) against
# the 300 KB budget. Run by `make bench` and by `make test`: fails over budget, and
# fails when the page does not link one of its assets (never measuring "" as /).
set -euo pipefail
ADDR=${1:?usage: scripts/first-load.sh 127.0.0.1:PORT}

size() { curl -fsS -H 'Accept-Encoding: br' -o /dev/null -w '%{size_download}' "http://$ADDR$1"; }
# The CSS, JS and WASM names carry content hashes (hash-files): read them from the page.
home=$(curl -fsS "http://$ADDR/")
asset() {
  local path
  path=$(grep -o "href=\"/pkg/[^\"]*\.$1\"" <<<"$home" | head -1 | cut -d'"' -f2 || true)
  if [ -z "$path" ]; then echo "first load: / links no .$1 asset" >&2; return 1; fi
  echo "$path"
}
css_path=$(asset css)
js_path=$(asset js)
wasm_path=$(asset wasm)
html=$(size /)
css=$(size "$css_path")
js=$(size "$js_path")
wasm=$(size "$wasm_path")
fonts=$(( $(size /fonts/nunito-latin-wght-normal.woff2) + $(size /fonts/nunito-cyrillic-wght-normal.woff2) ))
total=$((html + css + js + wasm))
echo "First load of / (brotli as served):"
printf '  %-6s %7d B\n' HTML "$html" CSS "$css" JS "$js" WASM "$wasm"
printf '  %-6s %7d B (%d KB; budget 300 KB)\n' total "$total" $((total / 1024))
printf '  fonts  %7d B (woff2, cached after the first page)\n' "$fonts"
if [ "$total" -gt $((300 * 1024)) ]; then echo "  OVER the 300 KB budget"; exit 1; fi
