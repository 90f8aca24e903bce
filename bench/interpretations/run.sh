#!/usr/bin/env bash
# Interpretation benchmarks (issue #5 targets), side by side in one run on loopback, bounded in time: about
# 9 x (ROUNDS + 1) x DURATION seconds of load plus a minute of start-up; no internet needed.
#
# What it measures, every request a POST /api/interpretations with an inline natal chart and a user's bearer token:
#   builtin   "provider":"builtin": the offline built-in interpreter (never quota-limited);
#   openai    "provider":"openai": the language-model path (prompt, daily quota in Redis, OpenAI .NET SDK, resilience
#             pipeline, answer parsing) against fake-openai.js, an OpenAI-compatible server that answers at once;
# each directly at InterpretationService and through the gateway, with distinct charts (every run has its own
# seed, so neither ChartService's chart cache nor the interpretation cache answers), plus builtin through the
# gateway with one repeated chart (the interpretation cache-hit path). Every request also computes (or, repeated,
# fetches) the chart at ChartService and stores the interpretation (embedded LiteDB: no mongod here).
# Rounds alternate the targets (reversed every other round) so the machine's noise hits all of them alike.
#
# Targets: (a) builtin through the gateway, 32 connections: p99 <= 50 ms;
#          (b) provider-path overhead, p50(openai) - p50(builtin) <= 5 ms, per round, directly and through the gateway.
#
#   bench/interpretations/run.sh [ROUNDS=3] [DURATION=15] [CONNECTIONS=32] [LOW_CONNECTIONS=1]
#
# The four distinct-chart paths run at CONNECTIONS (a closed loop: at saturation p50 is about CONNECTIONS / rps, so it
# measures capacity as much as latency) and again at LOW_CONNECTIONS (0 skips them), where the p50 difference is the
# provider path's own cost per request rather than its CPU cost turned into queueing.
#
# Needs: the Release build (`make build` or `dotnet build ZodiaCore.sln -c Release`), apt wrk redis-server
# swe-standard-data openssl curl, python3, node (no npm packages). Nothing from the internet.
# Env: MAX_RPS (default 3000): distinct bodies per run = MAX_RPS x DURATION; a run faster than that reuses bodies
#      and its row is flagged. KEEP_LOGS=DIR copies the services' logs there at exit.
# Each service runs from its build folder (its content root) in Production with LOG_LEVEL=warning;
# RateLimiting__Enabled=false (the documented benchmark switch); Interpretation__DailyLlmQuota raised for the run.
# Every listener is 127.0.0.1 except the services' management ports: ServiceDefaults binds them to http://+:PORT.
# Any non-2xx answer, socket error, provider fallback or cache hit in a distinct run fails the run (exit 1).
set -euo pipefail
ROUNDS=${1:-3}
DUR=${2:-15}
CONC=${3:-32}
LOW_CONC=${4:-1}
MAX_RPS=${MAX_RPS:-3000}
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK=$(mktemp -d)
PIDS=()
cleanup() {
  if [ -n "${KEEP_LOGS:-}" ] && [ -n "${MGMT_INTERP:-}" ]; then
    curl -s --max-time 5 "http://127.0.0.1:$MGMT_INTERP/metrics" >"$WORK/interpretation-metrics.log" 2>/dev/null || true
  fi
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  sleep 1
  for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  if [ -n "${KEEP_LOGS:-}" ]; then mkdir -p "$KEEP_LOGS" && cp "$WORK"/*.log "$KEEP_LOGS"/ 2>/dev/null || true; fi
  rm -rf "$WORK"
  rm -f "${TMPDIR:-/tmp}/zodiacore-bench-ports.$$"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for tool in wrk redis-server node python3 curl openssl dotnet; do
  command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }
done
for dll in ChartService/bin/Release/net10.0/ZodiaCore.ChartService.dll IdentityService/bin/Release/net10.0/ZodiaCore.IdentityService.dll \
  InterpretationService/bin/Release/net10.0/ZodiaCore.InterpretationService.dll Gateway/bin/Release/net10.0/ZodiaCore.Gateway.dll; do
  [ -f "$ROOT/$dll" ] || { echo "missing $dll: run make build (Release) first" >&2; exit 1; }
done

source "$ROOT/bench/lib/common.sh"

FAKE_PORT=$(free_port)
node "$HERE/fake-openai.js" "$FAKE_PORT" >"$WORK/fake-openai.log" 2>&1 &
FAKE_PID=$!
PIDS+=("$FAKE_PID")
wait_for "http://127.0.0.1:$FAKE_PORT/health"
STACK_ENV=()
INTERP_ENV=(OPENAI_API_KEY=bench-fake-key OpenAI__BaseUrl="http://127.0.0.1:$FAKE_PORT/v1" OpenAI__Model=bench-model
  Interpretation__ProviderOrder=openai Interpretation__DailyLlmQuota=2000000000)
start_stack "$ROOT" "$WORK"

# A real account and access token, through the gateway.
bench_account "http://127.0.0.1:$GATEWAY_PORT" "$WORK"
TOKEN=$(login)

url_of() { # target -> URL
  case $1 in
    *-direct*) echo "http://127.0.0.1:$INTERP_PORT/api/interpretations" ;;
    *) echo "http://127.0.0.1:$GATEWAY_PORT/api/interpretations" ;;
  esac
}
bodies_for() { # name provider count -> jsonl path (a seed of its own per name)
  python3 "$ROOT/bench/lib/gen-bodies.py" "$WORK/$1.jsonl" "$3" "$(printf '%s' "$1" | cksum | cut -d' ' -f1)" "$2"
  echo "$WORK/$1.jsonl"
}

# One answer from each path before measuring: 200, and from the source that path is meant to measure.
preflight() { # target provider
  local body code
  body=$(head -n1 "$(bodies_for "preflight-$1" "$2" 1)")
  code=$(curl -s -o "$WORK/preflight.json" -w '%{http_code}' --max-time 30 -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' --data-binary "$body" "$(url_of "$1")")
  if [ "$code" != 200 ] || ! python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); sys.exit(0 if r["provider"]==sys.argv[2] and not r["fallback"] else 1)' \
      "$WORK/preflight.json" "$2"; then
    echo "pre-flight $1 ($2) failed: HTTP $code: $(head -c 600 "$WORK/preflight.json")" >&2
    exit 1
  fi
}
preflight builtin-direct builtin
preflight openai-direct openai
preflight builtin-gateway builtin
preflight openai-gateway openai

# Counters from InterpretationService's /metrics (management port) around each run: cache hits, provider fallbacks,
# answers and time spent per source (the engine's own clock: the provider call, or the built-in interpreter).
counters() {
  curl -sf "http://127.0.0.1:$MGMT_INTERP/metrics" | python3 -c '
import re, sys
want = {"hits": ("zodiacore_interpretation_cache_requests_total", {"result": "hit"}),
        "fallbacks": ("zodiacore_interpretation_fallbacks_total", {}),
        "openai_n": ("zodiacore_interpretation_duration_seconds_count", {"provider": "openai"}),
        "openai_s": ("zodiacore_interpretation_duration_seconds_sum", {"provider": "openai"}),
        "builtin_n": ("zodiacore_interpretation_duration_seconds_count", {"provider": "builtin"}),
        "builtin_s": ("zodiacore_interpretation_duration_seconds_sum", {"provider": "builtin"})}
found = dict.fromkeys(want, 0.0)
for line in sys.stdin:
    m = re.match(r"([a-z_]+)(?:\{(.*)\})? (\S+)", line)
    if not m:
        continue
    labels = dict(re.findall(r"(\w+)=\"([^\"]*)\"", m.group(2) or ""))
    for key, (name, filters) in want.items():
        if m.group(1) == name and all(labels.get(k) == v for k, v in filters.items()):
            found[key] += float(m.group(3))
print(" ".join(repr(found[k]) for k in want))'
}

# CPU time so far, in clock ticks: the fake provider's, and the whole machine's (every core, every process, the load
# generator included; time stolen by the hypervisor left out). The fake runs on the same cores as the services, so
# a provider request costs the machine its CPU too, which a real provider's would not.
cpu_now() { echo "$(cpu_ticks "$FAKE_PID") $(awk '/^cpu /{print $2 + $3 + $4 + $7 + $8}' /proc/stat)"; }
CLK_TCK=$(getconf CLK_TCK)

RESULTS="$WORK/results.tsv"
: > "$RESULTS"
measure() { # round target@cN bodies-file duration -> appends a row to results.tsv (round 0: warm-up, not reported)
  local round=$1 target=$2 bodies=$3 duration=$4 before after cpu_before cpu_after line conc threads
  conc=${target##*@c}
  threads=$(( conc < 2 ? conc : 2 ))
  before=$(counters)
  cpu_before=$(cpu_now)
  line=$(timeout --signal=INT --kill-after=10 $(( duration + 30 )) wrk -t"$threads" -c"$conc" -d"${duration}s" --timeout 10s --latency \
    -s "$ROOT/bench/lib/post-jsonl.lua" "$(url_of "$target")" -- "$bodies" "$TOKEN" "$threads" 2>&1 | grep '^rps=' || true)
  cpu_after=$(cpu_now)
  after=$(counters)
  [ -n "$line" ] || { echo "wrk gave no result for $target" >&2; exit 1; }
  python3 -c '
import re, sys
b, a, cb, ca = (list(map(float, x.split())) for x in sys.argv[1:5])
d = [y - x for x, y in zip(b, a)]
ms = lambda s, n: s / n * 1000 if n else 0.0
requests = int(re.search(r"requests=(\d+)", sys.argv[5]).group(1))
us = lambda ticks: ticks / float(sys.argv[6]) * 1e6 / requests if requests else 0.0
print(f"cache_hits={d[0]:.0f} fallbacks={d[1]:.0f} openai_answers={d[2]:.0f} openai_call_ms={ms(d[3], d[2]):.2f} builtin_ms={ms(d[5], d[4]):.2f}"
      f" machine_cpu_us={us(ca[1] - cb[1]):.0f} fake_cpu_us={us(ca[0] - cb[0]):.0f}")' \
    "$before" "$after" "$cpu_before" "$cpu_after" "$line" "$CLK_TCK" | sed "s|^|$round\t$target\t$line |" >> "$RESULTS"
  [ "$round" = 0 ] || printf 'round %s %-24s %s\n' "$round" "$target" "$(tail -n1 "$RESULTS" | cut -f3)"
}

TARGETS=()
for conc in "$CONC" "$LOW_CONC"; do
  if (( conc > 0 )); then TARGETS+=("builtin-direct@c$conc" "openai-direct@c$conc" "builtin-gateway@c$conc" "openai-gateway@c$conc"); fi
done
TARGETS+=("builtin-gateway-repeated@c$CONC")
REPEATED=$(bodies_for repeated builtin 1)
bodies_of() { # round target -> path
  case $2 in
    *-repeated@*) echo "$REPEATED" ;;
    openai-*) bodies_for "$2-$1" openai $(( MAX_RPS * DUR )) ;;
    *) bodies_for "$2-$1" builtin $(( MAX_RPS * DUR )) ;;
  esac
}

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(machine), load $(cut -d' ' -f1-3 /proc/loadavg); rounds=$ROUNDS duration=${DUR}s connections=$CONC and $LOW_CONC"
# Warm-up (JIT, connection pools, LiteDB file): every path for a full DURATION, not reported. Tiered compilation
# needs that long on two busy cores: after 5 s the services still ran partly tier-0 code and spent up to 1.7 x the
# CPU per request of their steady state.
WARM=$DUR
for target in "${TARGETS[@]}"; do
  case $target in *-repeated@*) b=$REPEATED ;; openai-*) b=$(bodies_for "warm-$target" openai $(( MAX_RPS * WARM ))) ;; *) b=$(bodies_for "warm-$target" builtin $(( MAX_RPS * WARM ))) ;; esac
  measure 0 "$target" "$b" "$WARM"
done
for round in $(seq 1 "$ROUNDS"); do
  TOKEN=$(login) # a fresh 15-minute token each round
  order=("${TARGETS[@]}")
  if (( round % 2 == 0 )); then order=(); for (( i=${#TARGETS[@]}-1; i>=0; i-- )); do order+=("${TARGETS[$i]}"); done; fi
  declare -A files=()
  for target in "${order[@]}"; do files[$target]=$(bodies_of "$round" "$target"); done
  for target in "${order[@]}"; do measure "$round" "$target" "${files[$target]}" "$DUR"; done
  rm -f "$WORK"/*-"$round".jsonl
  unset files
done

echo
if ! python3 "$HERE/summarize.py" "$RESULTS"; then
  echo "errors logged by the services (last 20):" >&2
  grep -h '"@l":"\(Error\|Fatal\)"' "$WORK"/charts.log "$WORK"/interpretation.log "$WORK"/gateway.log "$WORK"/identity.log | cut -c1-400 | tail -n 20 >&2 || true
  exit 1
fi
