#!/usr/bin/env bash
# CRDT trace replay, C# and yjs side by side in one run (issue 3 benchmark).
#
#   bench/run-crdt.sh [--rounds K] [--runs N] [trace ...]
#                     (default: every trace in shared/bench/data, 2 rounds of 5 runs)
#
# For each trace: node + yjs 13.6.33 (bench/yjs/replay-trace.mjs) and the C# CRDT
# (bench/NegotiationEditor.Crdt.Benchmarks, Release) each measure local replay, full state V1
# (client id 0xDEADBEEF), loading that state into a fresh doc, a doc-to-doc update stream and
# memory, in separate processes; the two full states are compared byte for byte. The machine is
# shared, so the two sides alternate: each round runs yjs and then C# (N runs each, median), and
# the report takes the median over the rounds, so a change of load hits both sides. Prints markdown
# tables (for docs/benchmarks.md); the raw JSON lines go to $RESULTS when it is set.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=5
rounds=2
traces=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    *) traces+=("$1"); shift ;;
  esac
done

# The trace data lives in the workplace's shared/ folder beside the repository (or higher up).
data="${NEGOTIATIONEDITOR_SHARED:+$NEGOTIATIONEDITOR_SHARED/bench/data}"
if [ -z "$data" ]; then
  dir="$PWD"
  while [ "$dir" != "/" ]; do
    dir="$(dirname "$dir")"
    if [ -f "$dir/shared/bench/data/SOURCES.md" ]; then data="$dir/shared/bench/data"; break; fi
  done
fi
[ -n "$data" ] || { echo "shared/bench/data not found; set NEGOTIATIONEDITOR_SHARED" >&2; exit 1; }
if [ ${#traces[@]} -eq 0 ]; then
  for f in "$data"/*.json.gz; do traces+=("$(basename "$f" .json.gz)"); done
fi

command -v node >/dev/null || { echo "node (20+) is required" >&2; exit 1; }
if [ ! -d bench/yjs/node_modules/yjs ]; then (cd bench/yjs && npm ci --no-audit --no-fund); fi
dotnet build -c Release -v q -nologo bench/NegotiationEditor.Crdt.Benchmarks/NegotiationEditor.Crdt.Benchmarks.csproj >/dev/null
csharp=bench/NegotiationEditor.Crdt.Benchmarks/bin/Release/net10.0/NegotiationEditor.Crdt.Benchmarks.dll

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
results="${RESULTS:-$work/crdt-trace.jsonl}"
: > "$results"
for trace in "${traces[@]}"; do
  file="$data/$trace.json.gz"
  identical=true
  for round in $(seq "$rounds"); do
    echo "== $trace (round $round of $rounds)" >&2
    node --expose-gc bench/yjs/replay-trace.mjs --trace "$file" --runs "$runs" --state-out "$work/yjs.bin" >> "$results"
    dotnet "$csharp" trace --trace "$file" --runs "$runs" --state-out "$work/cs.bin" >> "$results" || echo "C# replay of $trace failed" >&2
    if [ ! -f "$work/cs.bin" ] || ! cmp -s "$work/yjs.bin" "$work/cs.bin"; then identical=false; fi
    rm -f "$work/yjs.bin" "$work/cs.bin"
  done
  echo "{\"trace\":\"$trace\",\"identicalState\":$identical}" >> "$results"
done

echo
echo "Command: bench/run-crdt.sh --rounds $rounds --runs $runs ${traces[*]}"
echo "Machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/Model name: *//'), .NET $(dotnet --version), node $(node --version)"
echo
node bench/yjs/report.mjs "$results"
