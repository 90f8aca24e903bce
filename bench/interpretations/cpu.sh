#!/usr/bin/env bash
# Where an interpretation request's CPU goes, and an A/B of two builds: for each build folder (a checkout with its
# Release build), starts Redis, ChartService, IdentityService, InterpretationService and the gateway, warms them, then
# loads POST /api/interpretations (built-in interpreter) and prints throughput, latency and each process's CPU time
# per request (user + system, from /proc). With two or more builds the rounds alternate the builds, so the machine's
# noise hits them alike; compare the CPU columns, which move less than throughput does.
#
#   bench/interpretations/cpu.sh [DURATION=15] [ROUNDS=2] [BUILD...]      (BUILD defaults to this checkout)
#
# Targets (env TARGETS, default "direct gateway repeated"): direct = distinct charts straight to InterpretationService;
# gateway = distinct charts through the gateway; repeated = one chart through the gateway (cache hits).
# Env: CONNECTIONS (32), WARM seconds per path (75: on two busy cores tiered compilation was still 19 % of
#      InterpretationService's CPU after 40 s, and a 20 s warm-up measured half the steady throughput),
#      EXTRA_ENV="NAME=value ..." for every service (e.g. runtime knobs to try).
# Needs what run.sh needs. Each stack lives in its own temporary data folder, deleted at exit.
set -euo pipefail
DUR=${1:-15}
ROUNDS=${2:-2}
shift $(( $# < 2 ? $# : 2 ))
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
BUILDS=("$@")
(( ${#BUILDS[@]} > 0 )) || BUILDS=("$ROOT")
read -r -a TARGET_LIST <<< "${TARGETS:-direct gateway repeated}"
CONC=${CONNECTIONS:-32}
WARM=${WARM:-75}
source "$ROOT/bench/lib/common.sh"

PIDS=()
WORK=""
trap stop_stack EXIT
trap 'exit 130' INT TERM

cpu_ticks_all() { echo "$(cpu_ticks "$CHARTS_PID") $(cpu_ticks "$INTERP_PID") $(cpu_ticks "$GATEWAY_PID") $(cpu_ticks "$REDIS_PID")"; }

run_build() { # build round
  local build=$1 round=$2
  WORK=$(mktemp -d)
  read -r -a STACK_ENV <<< "${EXTRA_ENV:-}"
  INTERP_ENV=()
  start_stack "$build" "$WORK"
  bench_account "http://127.0.0.1:$GATEWAY_PORT" "$WORK"
  local token
  token=$(login)

  load() { # url bodies seconds -> wrk's summary line
    timeout $(( $3 + 30 )) wrk -t2 -c"$CONC" -d"$3s" --timeout 10s --latency -s "$ROOT/bench/lib/post-jsonl.lua" "$1" -- "$2" "$token" 2 2>/dev/null \
      | grep '^rps=' || true
  }
  url_for() { case $1 in direct) echo "http://127.0.0.1:$INTERP_PORT/api/interpretations" ;; *) echo "http://127.0.0.1:$GATEWAY_PORT/api/interpretations" ;; esac; }
  bodies_for() { # target name -> path
    if [ "$1" = repeated ]; then
      python3 "$ROOT/bench/lib/gen-bodies.py" "$WORK/$2.jsonl" 1 7 builtin
    else
      python3 "$ROOT/bench/lib/gen-bodies.py" "$WORK/$2.jsonl" $(( 2500 * ${3:-$DUR} )) "$RANDOM$RANDOM" builtin
    fi
    echo "$WORK/$2.jsonl"
  }
  for target in "${TARGET_LIST[@]}"; do load "$(url_for "$target")" "$(bodies_for "$target" "warm-$target" "$WARM")" "$WARM" >/dev/null; done
  for target in "${TARGET_LIST[@]}"; do
    local bodies line before after
    bodies=$(bodies_for "$target" "run-$target")
    before=$(cpu_ticks_all)
    line=$(load "$(url_for "$target")" "$bodies" "$DUR")
    after=$(cpu_ticks_all)
    [ -n "$line" ] || { echo "wrk gave no result for $target" >&2; exit 1; }
    python3 - "$round" "$build" "$target" "$line" "$before" "$after" "$(getconf CLK_TCK)" <<'PY'
import sys
round_, build, target, line, before, after, hz = sys.argv[1:]
fields = dict(kv.split("=") for kv in line.split())
n = int(fields["requests"])
us = [(b - a) * 1e6 / int(hz) / n for a, b in zip(map(int, before.split()), map(int, after.split()))]
print(f"round {round_} {target:<9} {build}: rps={float(fields['rps']):.0f} p50_ms={fields['p50_ms']} p99_ms={fields['p99_ms']} "
      f"non2xx={fields['non2xx']} cpu_us_per_request charts={us[0]:.0f} interpretation={us[1]:.0f} gateway={us[2]:.0f} redis={us[3]:.0f}")
PY
  done
  stop_stack
}

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(machine); ${DUR}s per target, $CONC connections, warm-up ${WARM}s per path"
for round in $(seq 1 "$ROUNDS"); do
  order=("${BUILDS[@]}")
  if (( round % 2 == 0 )); then order=(); for (( i=${#BUILDS[@]}-1; i>=0; i-- )); do order+=("${BUILDS[$i]}"); done; fi
  for build in "${order[@]}"; do run_build "$build" "$round"; done
done
