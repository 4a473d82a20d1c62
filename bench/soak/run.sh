#!/usr/bin/env bash
# Soak benchmark (not in CI): the Release server for DURATION seconds (10 minutes by default) under ~100 real yjs
# clients over a few documents (soak.mjs), sampled every WINDOW seconds: server RSS and managed heap, data on disk,
# fan-out latency. Prints one JSON line per window and a summary line (also kept in $RESULTS), then the markdown table
# to paste into docs/benchmarks.md.
#   bench/soak/run.sh                       # 600 s, 100 clients, 4 documents, 20 typists at 2/s, a reconnect every 3 s
#   DURATION=60 bench/soak/run.sh           # a short check
#   CLIENTS=200 TYPISTS=40 bench/soak/run.sh
#   NO_COUNTERS=1 bench/soak/run.sh         # without dotnet-counters (no managed heap column)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"
[ -d node_modules ] || npm ci --no-audit --no-fund

DURATION="${DURATION:-600}"
WINDOW="${WINDOW:-30}"
CLIENTS="${CLIENTS:-100}"
DOCUMENTS="${DOCUMENTS:-4}"
TYPISTS="${TYPISTS:-20}"
RATE="${RATE:-2}"
RECONNECT_EVERY="${RECONNECT_EVERY:-3}"
SEED="${SEED:-1}"
CONFIGURATION="${CONFIGURATION:-Release}"
server_dll="${SERVER_DLL:-$root/server/NegotiationEditor.Server/bin/$CONFIGURATION/net10.0/NegotiationEditor.Server.dll}"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  if ! build_log=$(dotnet build -c "$CONFIGURATION" "$root/server/NegotiationEditor.Server/NegotiationEditor.Server.csproj" -p:SkipWebClient=true -v q -nologo 2>&1); then
    grep -E ': error ' <<<"$build_log" | sort -u >&2
    echo "the server did not build ($CONFIGURATION); SKIP_BUILD=1 runs the last build" >&2
    exit 1
  fi
fi
results="${RESULTS:-$(mktemp /tmp/soak-XXXXXX.jsonl)}"
: > "$results"

# The managed heap comes from dotnet-counters (a dotnet tool from the NuGet registry) when it can be installed;
# without it the table shows "-" in that column and everything else is measured from /proc.
counters_tool="$here/.tools/dotnet-counters"
if [ ! -x "$counters_tool" ] && [ "${NO_COUNTERS:-0}" != 1 ]; then
  dotnet tool install dotnet-counters --version 10.0.750501 --tool-path "$here/.tools" >/dev/null 2>&1 \
    || echo "warning: dotnet-counters could not be installed; the managed heap is not sampled" >&2
fi

port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
url="http://127.0.0.1:$port"
data=$(mktemp -d /tmp/negotiation-soak-XXXXXX)
counters_csv="$data.counters.csv"
server_pid=""
counters_pid=""
stop() {
  if [ -n "$counters_pid" ]; then kill "$counters_pid" 2>/dev/null || true; wait "$counters_pid" 2>/dev/null || true; fi
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$data" "$counters_csv"
}
trap stop EXIT

ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning NegotiationApi__RequestsPerWindow=100000 \
  dotnet "$server_dll" --urls "$url" --data "$data" >/dev/null &
server_pid=$!
for _ in $(seq 1 300); do curl -sf -o /dev/null "$url/openapi/v1.json" && break; sleep 0.2; done
for _ in $(seq 1 100); do [ -f "$data/invites.csv" ] && break; sleep 0.2; done

counters_option=()
if [ -x "$counters_tool" ] && [ "${NO_COUNTERS:-0}" != 1 ]; then
  "$counters_tool" collect -p "$server_pid" --refresh-interval 5 --format csv -o "$counters_csv" \
    --counters System.Runtime </dev/null >/dev/null 2>&1 &
  counters_pid=$!
  counters_option=(--counters "$counters_csv")
fi

echo "== soak: $CLIENTS clients, $DOCUMENTS documents, $TYPISTS typists at $RATE/s, a reconnect every $RECONNECT_EVERY s, $DURATION s (window $WINDOW s); JSON lines in $results" >&2
status=0
node soak.mjs --url "$url" --invites "$data/invites.csv" --data "$data" --server-pid "$server_pid" "${counters_option[@]}" \
  --duration "$DURATION" --window "$WINDOW" --clients "$CLIENTS" --documents "$DOCUMENTS" --typists "$TYPISTS" \
  --rate "$RATE" --reconnect-every "$RECONNECT_EVERY" --seed "$SEED" --results "$results" || status=$?
exit "$status"
