#!/usr/bin/env bash
# The first minute after a deployment: how soon a freshly started stack is ready and how much it serves while the JIT
# is still compiling, for two `dotnet publish` outputs of the same commit, side by side in alternating rounds:
#   jit  a plain publish, as `make publish` makes (here for the same runtime identifier as r2r): every method starts as
#        quickly compiled tier-0 code and is compiled again, optimised, once hot;
#   r2r  the same with PublishReadyToRun: precompiled code in the assemblies (measured; not adopted, see BENCHMARKS.md).
# Each round starts Redis and the four services from one output (fresh data folders), notes how long until every
# service answers /alive, registers an account, then loads POST /api/interpretations through the gateway (built-in
# interpreter, distinct charts: every request computes a chart, interprets it and stores it) in WINDOWS back-to-back
# windows of WINDOW seconds, printing each window's throughput and p99, and the services' CPU time from launch to
# ready. A run at steady state (bench/interpretations/run.sh) warms 15-75 s first; this one measures that warm-up.
#
#   bench/startup/run.sh [ROUNDS=3] [WINDOWS=6] [WINDOW=5]
#
# Env: CONNECTIONS (32); PUBLISHED=DIR reuses DIR/jit and DIR/r2r from an earlier run instead of publishing again
#      (publishing both takes a few minutes; with PUBLISHED unset, they go to a temporary folder).
# Needs: the .NET SDK (the ReadyToRun compiler comes as a NuGet package, restored like any other), apt wrk
# redis-server swe-standard-data openssl, python3. Nothing from the internet beyond the package feed.
set -euo pipefail
ROUNDS=${1:-3}
WINDOWS=${2:-6}
WINDOW=${3:-5}
CONC=${CONNECTIONS:-32}
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
source "$ROOT/bench/lib/common.sh"

PIDS=()
WORK=""
OUTPUTS=${PUBLISHED:-$(mktemp -d)}
cleanup() { stop_stack; rm -f "${RESULTS:-}"; [ -n "${PUBLISHED:-}" ] || rm -rf "$OUTPUTS"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

SERVICES=(ChartService IdentityService InterpretationService Gateway)
RID=$(dotnet --info | awk '/^ *RID:/ {print $2; exit}')
if [ ! -d "$OUTPUTS/r2r/Gateway" ]; then
  for service in "${SERVICES[@]}"; do
    # Both the same way but for the switch (ReadyToRun needs a runtime identifier).
    dotnet publish "$ROOT/$service" -c Release -r "$RID" --self-contained false -p:PublishReadyToRun=false \
      -o "$OUTPUTS/jit/$service" -nologo -clp:ErrorsOnly >/dev/null
    dotnet publish "$ROOT/$service" -c Release -r "$RID" --self-contained false -p:PublishReadyToRun=true \
      -o "$OUTPUTS/r2r/$service" -nologo -clp:ErrorsOnly >/dev/null
  done
fi
STACK_BIN=.
RESULTS="$OUTPUTS/results-$$.txt"
all_cpu() { local t=0 pid; for pid in "$CHARTS_PID" "$IDENTITY_PID" "$INTERP_PID" "$GATEWAY_PID"; do t=$(( t + $(cpu_ticks "$pid") )); done; echo "$t"; }

run_variant() { # variant round
  local variant=$1 round=$2 started ready cpu token window bodies line result
  WORK=$(mktemp -d)
  STACK_ENV=() INTERP_ENV=()
  for window in $(seq 1 "$WINDOWS"); do
    python3 "$ROOT/bench/lib/gen-bodies.py" "$WORK/w$window.jsonl" $(( 2500 * WINDOW )) "$RANDOM$RANDOM" builtin
  done
  started=$(date +%s.%N)
  start_stack "$OUTPUTS/$variant" "$WORK"
  ready=$(date +%s.%N)
  local service
  for service in "charts $CHARTS_PID" "identity $IDENTITY_PID" "interpretation $INTERP_PID" "gateway $GATEWAY_PID"; do
    set -- $service
    kill -0 "$2" 2>/dev/null || { echo "$variant: $1 exited after start; its log ends:" >&2; tail -c 3000 "$WORK/$1.log" >&2; exit 1; }
  done
  cpu=$(all_cpu)
  bench_account "http://127.0.0.1:$GATEWAY_PORT" "$WORK"
  token=$(login)
  result=$(python3 -c 'import sys; print(f"round {sys.argv[1]} {sys.argv[2]:<4} ready_s={float(sys.argv[4]) - float(sys.argv[3]):.2f} "
    f"cpu_to_ready_s={int(sys.argv[5]) / int(sys.argv[6]):.2f}", end="")' "$round" "$variant" "$started" "$ready" "$cpu" "$(getconf CLK_TCK)")
  for window in $(seq 1 "$WINDOWS"); do
    bodies="$WORK/w$window.jsonl"
    line=$(timeout $(( WINDOW + 30 )) wrk -t2 -c"$CONC" -d"${WINDOW}s" --timeout 10s --latency -s "$ROOT/bench/lib/post-jsonl.lua" \
      "http://127.0.0.1:$GATEWAY_PORT/api/interpretations" -- "$bodies" "$token" 2 2>/dev/null | grep '^rps=' || true)
    [ -n "$line" ] || { echo "$result"; echo "wrk gave no result in window $window" >&2; exit 1; }
    result+=$(python3 - "$window" "$line" <<'PY'
import sys
window, line = sys.argv[1], sys.argv[2]
f = dict(kv.split("=") for kv in line.split())
if f["non2xx"] != "0":
    sys.exit(f"window {window}: {f['non2xx']} answers were not 2xx")
print(f" w{window}_rps={float(f['rps']):.0f} w{window}_p99_ms={f['p99_ms']}", end="")
PY
)
  done
  echo "$result" | tee -a "$RESULTS"
  stop_stack
}

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(machine); $WINDOWS windows of ${WINDOW}s, $CONC connections, $RID"
for round in $(seq 1 "$ROUNDS"); do
  if (( round % 2 )); then order=(jit r2r); else order=(r2r jit); fi
  for variant in "${order[@]}"; do run_variant "$variant" "$round"; done
done
python3 - "$RESULTS" "$WINDOW" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    parts = line.split()
    f = dict(kv.split("=") for kv in parts[3:])
    served = sum(float(v) for k, v in f.items() if k.endswith("_rps")) * float(sys.argv[2])
    rows.setdefault(parts[2], {})[int(parts[1])] = (float(f["ready_s"]), float(f["cpu_to_ready_s"]), served)
print("\nmedians over rounds; ratio = r2r / jit, per round, then the median of the rounds' ratios")
names = ("seconds from launch to every service ready", "CPU seconds (all services) to ready", "requests served in the windows")
for i, name in enumerate(names):
    jit = [rows["jit"][r][i] for r in sorted(rows["jit"])]
    r2r = [rows["r2r"][r][i] for r in sorted(rows["r2r"])]
    ratios = [b / a for a, b in zip(jit, r2r) if a > 0]  # a window too short for any answer serves nothing
    print(f"{name:<45} jit {statistics.median(jit):>8.2f}  r2r {statistics.median(r2r):>8.2f}  ratio "
          + (f"{statistics.median(ratios):.2f} (rounds: {', '.join(f'{x:.2f}' for x in ratios)})" if ratios else "n/a"))
PY
