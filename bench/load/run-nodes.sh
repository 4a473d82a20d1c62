#!/usr/bin/env bash
# Scale-out benchmark: clients over DOCUMENTS documents against one node ("one") and two nodes behind Redis ("two",
# "two-doc"), on /ws and on the hub. All store in the same kind of PostgreSQL (a throw-away cluster started here, a
# fresh database per run), so they differ only in the second node and Redis. "two" deals each document's clients
# round robin over the nodes (typists and receivers of one document on both); "two-doc" puts each document's
# clients on one node (documents alternate); "lite" is one node on LiteDB, the default deployment.
# The seed gives one document; the others are tabled through the REST API as the chair before the second node
# starts (it reads them from PostgreSQL). Each node runs in a CPU cgroup of its own with NODE_CPUS cores of quota
# (cgroup v1 cpu controller, needs root), pinned with taskset to core 0 (node A) or core 1 (node B); the generator,
# Redis and PostgreSQL share what is left. Prints one JSON line per run (see load.mjs), then a markdown table ready
# for docs/benchmarks.md; the JSON lines stay in $RESULTS or /tmp/negotiation-nodes-last.jsonl.
#   bench/load/run-nodes.sh       # 1,000 clients over 20 documents, 100 typists ramping from 1 to 18 keystrokes/s
#   SHAPES="100:20:5" DOCUMENTS=4 PROBES=8 WARMUP=3 MEASURE=10 bench/load/run-nodes.sh   # a small check
# Settings (environment): SHAPES "clients:typists:rate ..." (typists in total, dealt over the documents; rate per
# typist, or a list R,R,... for a ramp: WARMUP seconds at the first rate, then STEP seconds at each; a single rate
# is measured for MEASURE seconds after WARMUP), DOCUMENTS, TARGETS "ws hub", TOPOLOGIES "one two two-doc" (also
# "lite"), PROBES, NODE_CPUS (cores per node; empty: no quota, pinning only), CFS_PERIOD_US (the quota's period,
# 100000, the kernel's default; at least 1000 / NODE_CPUS), SKIP_BUILD=1, RESULTS (JSONL file).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"
[ -d node_modules ] || npm ci --no-audit --no-fund
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true   # a thousand sockets per node and in the generator

SHAPES="${SHAPES:-1000:100:1,2,3,4,6,8,11,14,18}"
DOCUMENTS="${DOCUMENTS:-20}"
TARGETS="${TARGETS:-ws hub}"
TOPOLOGIES="${TOPOLOGIES:-one two two-doc}"
PROBES="${PROBES:-50}"
NODE_CPUS="${NODE_CPUS-0.3}"
CFS_PERIOD_US="${CFS_PERIOD_US:-100000}"
WARMUP="${WARMUP:-90}"
MEASURE="${MEASURE:-12}"
STEP="${STEP:-6}"
CONFIGURATION="${CONFIGURATION:-Release}"
server_dll="${SERVER_DLL:-$root/server/NegotiationEditor.Server/bin/$CONFIGURATION/net10.0/NegotiationEditor.Server.dll}"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  dotnet build -c "$CONFIGURATION" "$root/server/NegotiationEditor.Server/NegotiationEditor.Server.csproj" -v q -nologo -p:SkipWebClient=true >/dev/null
fi
command -v redis-server >/dev/null || { echo "redis-server is missing: apt-get install -y redis-server" >&2; exit 1; }
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$pg_bin" ] || { echo "PostgreSQL is missing: apt-get install -y postgresql" >&2; exit 1; }

export LOAD_AT_START=$(cut -d' ' -f1 /proc/loadavg)
work=$(mktemp -d /tmp/negotiation-nodes-XXXXXX)
results="${RESULTS:-$work/results.jsonl}"
: > "$results"
free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
json() { node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const v=JSON.parse(s);console.log($1)})"; }

# CPU quota per node: a cgroup v1 cpu group each, with the kernel's 100 ms period by default (CFS_PERIOD_US). A
# shorter period throttles a multi-threaded node mid-burst and costs it far more latency than its share of CPU
# (docs/benchmarks.md, "Latency under a CPU quota"). The warm-up (90 s by default) lets the JIT finish: under a
# quota its tier-1 compiling takes the nodes' CPU for the first 20-40 s.
cgroup_root=/sys/fs/cgroup/cpu
cgroups=()
quota=""
node_cpus=null
if [ -n "$NODE_CPUS" ]; then
  if [ -w "$cgroup_root" ] && [ -f "$cgroup_root/cpu.cfs_quota_us" ]; then
    quota=$(node -e "console.log(Math.round(Number(process.argv[1]) * Number(process.argv[2])))" "$NODE_CPUS" "$CFS_PERIOD_US")
    for name in a b; do
      group="$cgroup_root/negotiation-bench-$$-$name"
      mkdir "$group"
      echo "$CFS_PERIOD_US" > "$group/cpu.cfs_period_us"
      echo "$quota" > "$group/cpu.cfs_quota_us"
      cgroups+=("$group")
    done
    node_cpus=$NODE_CPUS
  else
    echo "warning: no writable cgroup v1 cpu controller at $cgroup_root: nodes are pinned to a core each but have no CPU quota" >&2
  fi
fi

redis_pid=""
pg_data=""
pg_dir=""
node_pids=()
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_nodes() {
  for pid in "${node_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${node_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  node_pids=()
}
cleanup() {
  stop_nodes
  if [ -n "$redis_pid" ]; then kill "$redis_pid" 2>/dev/null || true; wait "$redis_pid" 2>/dev/null || true; fi
  if [ -n "$pg_data" ]; then as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w stop >/dev/null 2>&1 || true; fi
  if [ -n "${pg_dir:-}" ] && [ -z "${KEEP_WORK:-}" ]; then rm -rf "$pg_dir"; fi
  for group in "${cgroups[@]}"; do rmdir "$group" 2>/dev/null || true; done
  if [ -z "${KEEP_WORK:-}" ]; then
    if [ -z "${RESULTS:-}" ]; then cp "$results" /tmp/negotiation-nodes-last.jsonl; fi
    rm -rf "$work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

redis_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no >"$work/redis.log" 2>&1 &
redis_pid=$!
pg_port=$(free_port)
pg_dir=$(mktemp -d /tmp/negotiation-nodes-postgres-XXXXXX)
mkdir -p "$pg_dir/socket"
if [ "$(id -u)" = 0 ]; then chown -R postgres "$pg_dir"; fi
as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres >/dev/null
pg_data="$pg_dir/data"
as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_dir/log" -w \
  -o "-p $pg_port -k $pg_dir/socket -c listen_addresses=127.0.0.1" start >/dev/null
pg_pid=$(head -1 "$pg_data/postmaster.pid")
for _ in $(seq 1 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done

wait_for() { for _ in $(seq 1 300); do curl -sf -o /dev/null "$1" && return 0; sleep 0.2; done; echo "server did not start: $1" >&2; return 1; }

# start_node INDEX DATA URL ARGS...: node A (index 0) or B (1) in its cgroup, pinned to core INDEX.
start_node() {
  local index=$1 data=$2 url=$3; shift 3
  local group="${cgroups[$index]:-}"
  ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    sh -c 'if [ -n "$1" ]; then echo $$ > "$1/cgroup.procs"; fi; shift; exec "$@"' sh "$group" \
    taskset -c "$index" dotnet "$server_dll" --urls "$url" --data "$data" "$@" >"$data.log" 2>&1 &
  node_pids+=($!)
}

run=0
failed=()
for shape in $SHAPES; do
  IFS=: read -r clients typists rate <<<"$shape"
  for target in $TARGETS; do
    for topology in $TOPOLOGIES; do
      run=$((run + 1))
      started=$SECONDS
      case "$topology" in
        one|lite) spread=client; nodes=1 ;;
        two) spread=client; nodes=2 ;;
        two-doc) spread=document; nodes=2 ;;
        *) echo "unknown topology $topology (one, two, two-doc, lite)" >&2; exit 1 ;;
      esac
      storage=(); scaleout=()
      if [ "$topology" != lite ]; then
        as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE run$run" >/dev/null
        storage=(--postgres "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=run$run")
      fi
      [ "$nodes" = 2 ] && scaleout=(--redis "127.0.0.1:$redis_port")
      urls=(); pids=()
      data="$work/run$run-a"; mkdir -p "$data"
      url="http://127.0.0.1:$(free_port)"
      start_node 0 "$data" "$url" "${storage[@]}" "${scaleout[@]}"
      urls+=("$url"); pids+=("${node_pids[0]}")
      wait_for "$url/openapi/v1.json"
      for _ in $(seq 1 100); do [ -f "$data/invites.csv" ] && break; sleep 0.2; done
      chair=$(grep '^chair,' "$data/invites.csv" | sed 's/.*#invite=//')
      observer=$(grep '^observer,' "$data/invites.csv" | head -1 | sed 's/.*#invite=//')
      # The other documents: tabled by the chair with the first one's text, each with a symbol of its own.
      node table-documents.mjs "$url" "$chair" "$DOCUMENTS"
      if [ "$nodes" = 2 ]; then
        data_b="$work/run$run-b"; mkdir -p "$data_b"
        url_b="http://127.0.0.1:$(free_port)"
        start_node 1 "$data_b" "$url_b" "${storage[@]}" "${scaleout[@]}"
        urls+=("$url_b"); pids+=("${node_pids[1]}")
        wait_for "$url_b/openapi/v1.json"
      fi
      documents=$(curl -sf -H "Authorization: Bearer $chair" "${urls[-1]}/api/documents" | json 'v.map(d=>d.id).join(",")')
      [ "$(tr ',' '\n' <<<"$documents" | wc -l)" = "$DOCUMENTS" ] || { echo "node ${urls[-1]} lists $documents, not $DOCUMENTS documents" >&2; exit 1; }
      infra="postgres=$pg_pid"; [ "$nodes" = 2 ] && infra="$infra,redis=$redis_pid"
      [ "$topology" = lite ] && infra=""
      echo "== $target, $topology: $clients clients over $DOCUMENTS documents, $typists typists at $rate keystrokes/s (set up in $((SECONDS - started)) s)" >&2
      started=$SECONDS
      if ! timeout 300 node load.mjs --target "$target" --urls "$(IFS=,; echo "${urls[*]}")" --documents "$documents" \
        --token "$observer" --typist-token "$chair" --server-pids "$(IFS=,; echo "${pids[*]}")" ${infra:+--infra-pids "$infra"} \
        --spread "$spread" --clients "$clients" --typists "$typists" --rate "$rate" --probes "$PROBES" \
        --warmup "$WARMUP" --measure "$MEASURE" --step "$STEP" \
        | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const v=JSON.parse(s);
            v.topology='$topology';v.nodeCpus=$node_cpus;console.log(JSON.stringify(v))})" \
        | tee -a "$results"; then
        echo "== run failed: $target, $topology, $shape (node logs: $work/run$run-*.log with KEEP_WORK=1)" >&2
        failed+=("$target $topology $shape")
      fi
      stop_nodes
      echo "   load generator and stop: $((SECONDS - started)) s" >&2
    done
  done
done

node report-nodes.mjs "$results"
for run_name in "${failed[@]}"; do echo "- run failed (no row): $run_name"; done
[ "${#failed[@]}" = 0 ]
