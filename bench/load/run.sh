#!/usr/bin/env bash
# Server fan-out benchmark: for each shape (clients/typists/rate), our server on /ws and on the hub, then the
# reference @y/websocket-server (node, from this folder's node_modules), each a fresh process on a loopback port.
# Prints one JSON line per run (see load.mjs), also collected in $RESULTS (a temporary file by default).
#   bench/load/run.sh                 # 200/20/5 and 500/20/5
#   SHAPES="200:20:5" TARGETS="ws" bench/load/run.sh
#   ROUNDS=3 bench/load/run.sh        # every shape and target three times, round after round; then medians
#   DATA_ROOT=/dev/shm bench/load/run.sh   # our server's data folder in memory: the storage without the disk's latency
#   TRACES=DIR bench/load/run.sh      # per run, DIR/ROUND-TARGET-CLIENTS.timeline (load.mjs --timeline) and, for ours,
#                                     # .log: the server's log with times (compactions at Information)
# CPU per frame of one binary moves by 10-20 % from run to run on a shared VM: compare within a round, and read the
# medians of several rounds (report-fanout.mjs prints them as a markdown table at the end).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"
[ -d node_modules ] || npm ci --no-audit --no-fund

SHAPES="${SHAPES:-200:20:5 500:20:5}"
TARGETS="${TARGETS:-ws hub reference}"
ROUNDS="${ROUNDS:-1}"
WARMUP="${WARMUP:-10}"
MEASURE="${MEASURE:-20}"
CONFIGURATION="${CONFIGURATION:-Release}"
server_dll="${SERVER_DLL:-$root/server/NegotiationEditor.Server/bin/$CONFIGURATION/net10.0/NegotiationEditor.Server.dll}"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  dotnet build -c "$CONFIGURATION" "$root/server/NegotiationEditor.Server/NegotiationEditor.Server.csproj" -v q -nologo >/dev/null
fi
results="${RESULTS:-$(mktemp /tmp/fanout-XXXXXX.jsonl)}"
if [ -n "${TRACES:-}" ]; then mkdir -p "$TRACES"; fi
: > "$results"

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

server_pid=""
data=""
stop_server() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  server_pid=""
  if [ -n "$data" ]; then rm -rf "$data"; fi
  data=""
}
trap stop_server EXIT

wait_for() { for _ in $(seq 1 300); do curl -sf -o /dev/null "$1" && return 0; sleep 0.2; done; echo "server did not start: $1" >&2; return 1; }

for round in $(seq 1 "$ROUNDS"); do
  for shape in $SHAPES; do
    IFS=: read -r clients typists rate <<<"$shape"
    for target in $TARGETS; do
      port=$(free_port)
      url="http://127.0.0.1:$port"
      if [ "$target" = reference ]; then
        HOST=127.0.0.1 PORT=$port node node_modules/@y/websocket-server/src/server.js >/dev/null &
        server_pid=$!
        wait_for "$url/"
        document="bench"; token=""; typist_token=""
      else
        data=$(mktemp -d "${DATA_ROOT:-/tmp}/negotiation-bench-XXXXXX")
        log=/dev/null
        logging=()
        if [ -n "${TRACES:-}" ]; then
          log="$TRACES/$round-$target-$clients.log"
          logging=(Logging__LogLevel__NegotiationEditor.Server.Collaboration=Information Logging__Console__FormatterName=simple
                   "Logging__Console__FormatterOptions__TimestampFormat=HH:mm:ss.fff " Logging__Console__FormatterOptions__UseUtcTimestamp=true)
        fi
        env ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning "${logging[@]}" \
          dotnet "$server_dll" --urls "$url" --data "$data" >"$log" 2>&1 &
        server_pid=$!
        wait_for "$url/openapi/v1.json"
        for _ in $(seq 1 100); do [ -f "$data/invites.csv" ] && break; sleep 0.2; done
        chair=$(grep '^chair,' "$data/invites.csv" | sed 's/.*#invite=//')
        observer=$(grep '^observer,' "$data/invites.csv" | head -1 | sed 's/.*#invite=//')
        document=$(curl -sf -H "Authorization: Bearer $chair" "$url/api/documents" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s)[0].id))')
        token="$observer"; typist_token="$chair"
      fi
      echo "== round $round, $target: $clients clients, $typists typists, $rate/s" >&2
      timeline=()
      if [ -n "${TRACES:-}" ]; then timeline=(--timeline "$TRACES/$round-$target-$clients.timeline"); fi
      timeout 300 node load.mjs "${timeline[@]}" --target "$target" --url "$url" --document "$document" --token "$token" --typist-token "$typist_token" \
        --server-pid "$server_pid" --clients "$clients" --typists "$typists" --rate "$rate" --warmup "$WARMUP" --measure "$MEASURE" \
        | tee -a "$results"
      stop_server
    done
  done
done
node "$here/report-fanout.mjs" "$results"
