#!/usr/bin/env bash
# How p99 of built-in interpretations of distinct charts through the gateway depends on the number of connections:
# one stack (Redis, ChartService, IdentityService, InterpretationService, gateway; Release build of this checkout),
# warmed once, then loaded at each connection count in turn, in ROUNDS rounds whose order alternates (forward, then
# backward), so drift during the run hits the counts alike. Prints one line per load and a table of medians.
#
#   bench/interpretations/concurrency.sh [DURATION=15] [ROUNDS=2] [CONNECTIONS...]   (connections default: 4 8 16 32)
#
# Env: WARM seconds at 32 connections before the first load (75; see cpu.sh for why that long).
# With a closed loop of C connections, mean latency = C / throughput (Little's law), so once the cores are saturated
# every connection added adds latency and no throughput: the table shows where that happens on this machine.
set -euo pipefail
DUR=${1:-15}
ROUNDS=${2:-2}
shift $(( $# < 2 ? $# : 2 ))
LEVELS=("$@")
(( ${#LEVELS[@]} > 0 )) || LEVELS=(4 8 16 32)
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WARM=${WARM:-75}
source "$ROOT/bench/lib/common.sh"

PIDS=()
WORK=$(mktemp -d)
trap stop_stack EXIT
trap 'exit 130' INT TERM
STACK_ENV=()
INTERP_ENV=()
start_stack "$ROOT" "$WORK"
bench_account "http://127.0.0.1:$GATEWAY_PORT" "$WORK"
TOKEN=$(login)
URL="http://127.0.0.1:$GATEWAY_PORT/api/interpretations"

load() { # connections seconds -> wrk's summary line; fresh distinct bodies every time
  python3 "$ROOT/bench/lib/gen-bodies.py" "$WORK/bodies.jsonl" $(( 2500 * $2 )) "$RANDOM$RANDOM" builtin
  timeout $(( $2 + 30 )) wrk -t2 -c"$1" -d"$2s" --timeout 10s --latency -s "$ROOT/bench/lib/post-jsonl.lua" "$URL" \
    -- "$WORK/bodies.jsonl" "$TOKEN" 2 2>/dev/null | grep '^rps=' || true
}

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(machine); distinct charts through the gateway, built-in interpreter; ${DUR}s per load, warm-up ${WARM}s"
load 32 "$WARM" >/dev/null
RESULTS="$WORK/results.txt"
for round in $(seq 1 "$ROUNDS"); do
  order=("${LEVELS[@]}")
  if (( round % 2 == 0 )); then order=(); for (( i=${#LEVELS[@]}-1; i>=0; i-- )); do order+=("${LEVELS[$i]}"); done; fi
  for c in "${order[@]}"; do
    line=$(load "$c" "$DUR")
    [ -n "$line" ] || { echo "wrk gave no result at $c connections" >&2; exit 1; }
    echo "round $round connections=$c $line" | tee -a "$RESULTS"
  done
done

python3 - "$RESULTS" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    fields = dict(kv.split("=") for kv in line.split()[2:])
    runs.setdefault(int(fields["connections"]), []).append(fields)
print("\n| connections | requests/s | p50 ms | p90 ms | p99 ms (rounds) | non-2xx |")
print("| ---: | ---: | ---: | ---: | --- | ---: |")
for c in sorted(runs):
    r = runs[c]
    med = lambda k: statistics.median(float(x[k]) for x in r)
    print(f"| {c} | {med('rps'):,.0f} | {med('p50_ms'):.1f} | {med('p90_ms'):.1f} | {med('p99_ms'):.1f} "
          f"({', '.join(x['p99_ms'] for x in r)}) | {sum(int(x['non2xx']) for x in r)} |")
PY
