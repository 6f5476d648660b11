#!/usr/bin/env bash
# Tests the web image's nginx configuration with Debian's nginx: renders the template the way
# the image's entrypoint does, against stub functions on loopback ports, runs nginx on a free
# loopback port and checks with curl what the browser and Knative rely on. Exits non-zero on any
# failure and stops everything it started.
#
# usage: bash test/nginx-test.sh   (as root it installs nginx when missing)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
web=$(dirname "$here")

install_missing() {
  local tool=$1
  shift
  command -v "$tool" >/dev/null && return
  if [[ $(id -u) -ne 0 ]]; then
    echo "nginx-test: needs $tool (apt-get install $1)" >&2
    exit 2
  fi
  echo "nginx-test: installing $tool"
  apt-get update -qq
  local package
  for package in "$@"; do
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null && return
  done
  echo "nginx-test: could not install $tool" >&2
  exit 2
}

export PATH="$PATH:/usr/sbin"
install_missing nginx nginx-light nginx
install_missing envsubst gettext-base
install_missing curl curl

tmp=$(mktemp -d)
chmod 755 "$tmp" # nginx's workers may run as another user
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

# --- stub functions and a small site ---------------------------------------------------------
node "$here/stub-functions.mjs" >"$tmp/ports" &
pids+=($!)
for _ in $(seq 50); do [[ $(wc -l <"$tmp/ports") -eq 3 ]] && break; sleep 0.1; done
# shellcheck disable=SC1091
source "$tmp/ports"

mkdir -p "$tmp/html/_next/static/chunks"
echo '<!DOCTYPE html><html><head><title>app shell</title></head><body></body></html>' >"$tmp/html/index.html"
for i in $(seq 200); do echo "console.log('chunk line $i');"; done >"$tmp/html/_next/static/chunks/app-3f9a2c.js"

port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
base="http://127.0.0.1:$port"

# --- the configuration, rendered as the image does it ------------------------------------------
# IP literals for the upstreams: a variable proxy_pass needs no DNS lookup for them
PORT="127.0.0.1:$port" RESOLVER=127.0.0.1 \
  TODO_URL="http://127.0.0.1:$TODO_PORT" CHAT_URL="http://127.0.0.1:$CHAT_PORT" MCP_URL="http://127.0.0.1:$MCP_PORT" \
  envsubst '${PORT} ${RESOLVER} ${TODO_URL} ${CHAT_URL} ${MCP_URL}' \
  <"$web/nginx/default.conf.template" >"$tmp/default.conf"
# the image's paths (/tmp for state, the site's root) moved into this test's directory
sed -e "s#/tmp/#$tmp/#g" -e "s#/usr/share/nginx/html#$tmp/html#" "$web/nginx/nginx.conf" >"$tmp/nginx.conf"

nginx -q -t -p "$tmp/" -c "$tmp/nginx.conf" -e stderr
nginx -p "$tmp/" -c "$tmp/nginx.conf" -e stderr -g 'daemon off;' >"$tmp/nginx.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do curl -fs -o /dev/null "$base/healthz" && break; sleep 0.1; done

# --- checks ------------------------------------------------------------------------------------
passed=0
failed=0
check() {
  local name=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
    echo "ok   $name"
  else
    failed=$((failed + 1))
    echo "FAIL $name"
  fi
}
contains() { [[ $1 == *"$2"* ]] || { echo "     expected to find: $2" && echo "     in: ${1:0:400}"; false; }; }
lacks() { [[ $1 != *"$2"* ]] || { echo "     did not expect: $2" && echo "     in: ${1:0:400}"; false; }; }
header() { grep -i "^$2:" <<<"$1" | head -1 | tr -d '\r'; }

health=$(curl -s -i "$base/healthz")
check "/healthz answers 200" contains "$health" "HTTP/1.1 200"

todo=$(curl -s "$base/api/todo/listTasks?probe=1" -H 'Authorization: Bearer t0ken' -H 'Content-Type: application/json' -d '{}')
check "/api/todo/* reaches todo without the prefix" contains "$todo" '"function":"todo","method":"POST","path":"/listTasks?probe=1"'
check "the upstream Host is the function's host" contains "$todo" "\"host\":\"127.0.0.1:$TODO_PORT\""
check "the bearer token goes through" contains "$todo" '"authorization":"Bearer t0ken"'

chat=$(curl -s "$base/api/chat/conversations" -H 'Content-Type: application/json' -d '{}')
check "/api/chat/* reaches chat without the prefix" contains "$chat" '"function":"chat","method":"POST","path":"/conversations"'

mcp=$(curl -s "$base/mcp" -H 'Content-Type: application/json' -d '{"jsonrpc":"2.0","id":1,"method":"ping"}')
check "/mcp reaches mcp as is" contains "$mcp" '"function":"mcp","method":"POST","path":"/mcp"'
check "the MCP body goes through" contains "$mcp" '\"method\":\"ping\"'

# SSE: each line is stamped when curl hands it over; buffering would deliver both at the end
curl -sN "$base/api/chat/chat" -H 'Accept: text/event-stream' -H 'Accept-Encoding: gzip' \
  -H 'Content-Type: application/json' -d '{"message":"hi"}' |
  while IFS= read -r line; do echo "$(date +%s%N) $line"; done >"$tmp/sse"
first=$(grep '"first"' "$tmp/sse" | cut -d' ' -f1 || true)
second=$(grep '"second"' "$tmp/sse" | cut -d' ' -f1 || true)
streamed() { [[ -n $first && -n $second ]] && (((second - first) / 1000000 >= 700)) || { echo "     events at: $first / $second ns"; false; }; }
check "chat events stream unbuffered and uncompressed" streamed

index=$(curl -s -i "$base/")
check "/ serves the app" contains "$index" "<title>app shell</title>"
check "HTML has a self-only CSP" contains "$(header "$index" Content-Security-Policy)" "default-src 'self'; script-src 'self'"
check "HTML may not be framed" contains "$(header "$index" Content-Security-Policy)" "frame-ancestors 'none'"
check "HTML is nosniff" contains "$(header "$index" X-Content-Type-Options)" "nosniff"
check "HTML has a Referrer-Policy" contains "$(header "$index" Referrer-Policy)" "no-referrer"
check "HTML is never cached" contains "$(header "$index" Cache-Control)" "no-cache"
check "index.html is never cached" contains "$(header "$(curl -s -I "$base/index.html")" Cache-Control)" "no-cache"

asset=$(curl -s -D - -o /dev/null -H 'Accept-Encoding: gzip' "$base/_next/static/chunks/app-3f9a2c.js")
check "hashed assets are cached for a year, immutable" \
  contains "$(header "$asset" Cache-Control)" "public, max-age=31536000, immutable"
check "assets are gzipped" contains "$(header "$asset" Content-Encoding)" "gzip"
check "assets vary by Accept-Encoding" contains "$(header "$asset" Vary)" "Accept-Encoding"

missing=$(curl -s -i "$base/_next/static/chunks/gone-000000.js")
check "a missing asset is a 404, not the app" contains "$missing" "HTTP/1.1 404"
check "a 404 is not cached" lacks "$missing" "immutable"

route=$(curl -s -i "$base/some/route")
check "client routes fall back to the app" contains "$route" "<title>app shell</title>"
check "the fallback is HTML" contains "$(header "$route" Content-Type)" "text/html"

api_headers=$(curl -s -D - -o /dev/null "$base/api/todo/listTasks" -d '{}')
check "API answers keep the upstream's caching" lacks "$(header "$api_headers" Cache-Control)" "no-cache"

echo "$passed passed, $failed failed"
if ((failed > 0)); then
  echo "--- nginx log" && cat "$tmp/nginx.log"
  exit 1
fi
