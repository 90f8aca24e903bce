#!/usr/bin/env bash
# ChartService when every request computes a new chart: requests/s, p50/p99 and ChartService's and Redis's CPU per
# request (from /proc), for one or more builds in alternating rounds (an A/B of two checkouts' Release builds).
# The load is run.sh's "charts-direct-uncached" row: POST /api/charts/natal straight to ChartService, 64 connections,
# a new body for every request.
#
#   bench/http/uncached-cpu.sh [SECONDS=15] [ROUNDS=3] [BUILD...]      (BUILD defaults to this checkout)
#
# Env: WARM seconds of the same load before each measured run (30). Needs what run.sh needs. 127.0.0.1 only.
set -euo pipefail
DUR=${1:-15}
ROUNDS=${2:-3}
shift $(( $# < 2 ? $# : 2 ))
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BUILDS=("$@")
(( ${#BUILDS[@]} > 0 )) || BUILDS=("$ROOT")
WARM=${WARM:-30}
source "$ROOT/bench/lib/common.sh"
PIDS=()
WORK=""
trap stop_stack EXIT

run_build() { # build round
  WORK=$(mktemp -d)
  STACK_ENV=()
  INTERP_ENV=()
  start_stack "$1" "$WORK"
  python3 "$ROOT/bench/lib/gen-bodies.py" "$WORK/warm.jsonl" $(( 8000 * WARM )) "$RANDOM$RANDOM" natal
  python3 "$ROOT/bench/lib/gen-bodies.py" "$WORK/run.jsonl" $(( 8000 * DUR )) "$RANDOM$RANDOM" natal
  post() { # bodies seconds
    timeout $(( $2 + 30 )) wrk -t2 -c64 -d"$2s" --timeout 10s --latency -s "$ROOT/bench/lib/post-jsonl.lua" \
      "http://127.0.0.1:$CHARTS_PORT/api/charts/natal" -- "$1" "" 2 2>/dev/null | grep '^rps='
  }
  post "$WORK/warm.jsonl" "$WARM" >/dev/null
  local c0 r0 line n
  c0=$(cpu_ticks "$CHARTS_PID") r0=$(cpu_ticks "$REDIS_PID")
  line=$(post "$WORK/run.jsonl" "$DUR")
  n=$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<<"$line")
  printf 'round %s %s: %s charts_cpu_us=%s redis_cpu_us=%s\n' "$2" "$1" "$(sed 's/ p90_ms=[^ ]*//; s/ max_ms.*//' <<<"$line")" \
    $(( ($(cpu_ticks "$CHARTS_PID") - c0) * 1000000 / $(getconf CLK_TCK) / n )) $(( ($(cpu_ticks "$REDIS_PID") - r0) * 1000000 / $(getconf CLK_TCK) / n ))
  stop_stack
}

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores; ${DUR}s per run after ${WARM}s warm-up, 64 connections, a new chart per request"
for round in $(seq 1 "$ROUNDS"); do
  order=("${BUILDS[@]}")
  if (( round % 2 == 0 )); then order=(); for (( i=${#BUILDS[@]}-1; i>=0; i-- )); do order+=("${BUILDS[$i]}"); done; fi
  for build in "${order[@]}"; do run_build "$build" "$round"; done
done
