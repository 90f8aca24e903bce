#!/usr/bin/env bash
# HTTP benchmarks, side by side in one run on 127.0.0.1 only, bounded in time:
#   - POST /api/charts/natal: the node-express peer (no cache: every request computes), ChartService directly,
#     and through the gateway, each with
#       * "cycled": 1000 distinct bodies sent in turn (the peer's workload; ChartService's content cache answers
#         every body after its first pass, as it would in production);
#       * "uncached": a new body for every request (per-thread slices of MAX_RPS x DURATION bodies), so every
#         request computes a chart: the like-for-like comparison with the peer's compute;
#       * "single": one repeated body (the cache path);
#   - a trivial GET directly and through the gateway (the proxy's own cost);
#   - anonymous and authenticated (bearer token) natal requests through the gateway at 8 connections (token cost).
# Rounds alternate the targets so that the machine's noise hits all of them alike; the summary gives medians
# over rounds and the ratios the issues set targets on.
#
#   bench/http/run.sh [ROUNDS=3] [DURATION=15] [CONCURRENCY=64]
#
# Needs: make build (Release), apt wrk redis-server swe-standard-data openssl, node + npm (for the peer),
# python3, and ../shared/peers (copied to a temporary folder: shared/ is read-only).
# Env: MAX_RPS (default 8000): bodies per uncached run = MAX_RPS x DURATION; a faster run reuses some and says so.
# Each service runs from its build folder, which is its content root (appsettings.json).
# Settings used for ZodiaCore: Production environment, RateLimiting__Enabled=false (the documented
# benchmark switch), LOG_LEVEL=warning (no per-request log line; the peer logs nothing either), no
# OTEL_EXPORTER_OTLP_ENDPOINT (so no spans are recorded; metrics are, as in production).
set -euo pipefail
ROUNDS=${1:-3}
DUR=${2:-15}
CONC=${3:-64}
MAX_RPS=${MAX_RPS:-8000}
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SHARED="${SHARED:-$ROOT/../shared}"
WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  sleep 1
  for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
  rm -f "${TMPDIR:-/tmp}/zodiacore-bench-ports.$$"
}
trap cleanup EXIT

source "$ROOT/bench/lib/common.sh"

cp -r "$SHARED/peers" "$WORK/peers"
python3 "$WORK/peers/bench/gen-bodies.py" "$WORK/peer-bodies" >/dev/null
# Every ZodiaCore run gets birth moments of its own (a seed from its name), so no run is served from what an
# earlier one computed; the distribution is the peer's.
bodies() { # name count -> jsonl path
  python3 "$ROOT/bench/lib/gen-bodies.py" "$WORK/$1.jsonl" "$2" "$(printf '%s' "$1" | cksum | cut -d' ' -f1)" natal
  echo "$WORK/$1.jsonl"
}
SINGLE=$(bodies single 1)

REDIS_PORT=$(free_port) CHARTS_PORT=$(free_port) GATEWAY_PORT=$(free_port) NODE_PORT=$(free_port) IDENTITY_PORT=$(free_port)
MGMT_CHARTS=$(free_port) MGMT_GATEWAY=$(free_port) MGMT_IDENTITY=$(free_port)
# Uncached runs write hundreds of thousands of chart cache entries: bounded, as a production cache is.
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --maxmemory 1gb --maxmemory-policy allkeys-lru >/dev/null &
PIDS+=($!)

common_env=(
  ASPNETCORE_ENVIRONMENT=Production LOG_LEVEL=warning ZODIACORE_DATA_DIR="$WORK/data"
  ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64)"
  Identity__Issuer=zodiacore-identity Identity__Audience=zodiacore-api
  Identity__JwksUrl="http://127.0.0.1:$IDENTITY_PORT/.well-known/jwks.json"
  ConnectionStrings__redis="127.0.0.1:$REDIS_PORT"
)
env "${common_env[@]}" ASPNETCORE_URLS="http://127.0.0.1:$CHARTS_PORT" ZODIACORE_MANAGEMENT_PORT="$MGMT_CHARTS" OTEL_SERVICE_NAME=charts \
  bash -c 'cd "$0" && exec dotnet ZodiaCore.ChartService.dll' "$ROOT/ChartService/bin/Release/net10.0" >"$WORK/charts.log" 2>&1 &
PIDS+=($!)
env "${common_env[@]}" ASPNETCORE_URLS="http://127.0.0.1:$GATEWAY_PORT" ZODIACORE_MANAGEMENT_PORT="$MGMT_GATEWAY" OTEL_SERVICE_NAME=gateway \
  RateLimiting__Enabled=false services__charts__http__0="http://127.0.0.1:$CHARTS_PORT" \
  services__identity__http__0="http://127.0.0.1:$IDENTITY_PORT" services__interpretation__http__0="http://127.0.0.1:9" \
  bash -c 'cd "$0" && exec dotnet ZodiaCore.Gateway.dll' "$ROOT/Gateway/bin/Release/net10.0" >"$WORK/gateway.log" 2>&1 &
PIDS+=($!)
# Production takes its signing key from configuration: a fresh one for this run.
SIGNING_KEY=$(openssl genrsa 2048 2>/dev/null)
env "${common_env[@]}" ASPNETCORE_URLS="http://127.0.0.1:$IDENTITY_PORT" ZODIACORE_MANAGEMENT_PORT="$MGMT_IDENTITY" OTEL_SERVICE_NAME=identity \
  Identity__SigningKeys="$SIGNING_KEY" \
  bash -c 'cd "$0" && exec dotnet ZodiaCore.IdentityService.dll' "$ROOT/IdentityService/bin/Release/net10.0" >"$WORK/identity.log" 2>&1 &
PIDS+=($!)
"$WORK/peers/node-express/start.sh" "$NODE_PORT" >"$WORK/node.log" 2>&1 &
PIDS+=($!)

wait_for "http://127.0.0.1:$CHARTS_PORT/alive"
wait_for "http://127.0.0.1:$GATEWAY_PORT/alive"
wait_for "http://127.0.0.1:$NODE_PORT/health"
wait_for "http://127.0.0.1:$IDENTITY_PORT/alive"

# A real account and access token, through the gateway, for the authenticated runs.
bench_account "http://127.0.0.1:$GATEWAY_PORT" "$WORK"
TOKEN=$(login)

WRK="$WORK/peers/bench/run-wrk.sh"
post() { # url bodies token connections -> one summary line (post-jsonl.lua)
  local threads=$(( $4 < 2 ? $4 : 2 ))
  timeout $(( DUR + 30 )) wrk -t"$threads" -c"$4" -d"${DUR}s" --timeout 10s --latency -s "$ROOT/bench/lib/post-jsonl.lua" \
    "$1" -- "$2" "$3" "$threads" 2>/dev/null | grep '^rps='
}
get_trivial() { # url -> summary line from plain wrk (GET)
  wrk -t2 -c"$CONC" -d"${DUR}s" --latency "$1" 2>&1 | awk '
    /Requests\/sec/ {rps=$2}
    /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
    /Non-2xx/ {non2xx=$NF}
    END {printf "rps=%s p50_ms=%s p99_ms=%s non2xx=%s\n", rps, p50, p99, (non2xx==""?0:non2xx)}'
}
DIRECT="http://127.0.0.1:$CHARTS_PORT/api/charts/natal" GATEWAY="http://127.0.0.1:$GATEWAY_PORT/api/charts/natal"
UNCACHED=$(( MAX_RPS * DUR ))

OUT="$WORK/results.txt"
row() { echo "round $1 $(printf '%-28s' "$2") $3" | tee -a "$OUT"; }
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(machine), load $(cut -d' ' -f1-3 /proc/loadavg); rounds=$ROUNDS duration=${DUR}s connections=$CONC"
# Warm-up, not reported: the compute path, the cache path and the proxy run long enough for tiered JIT to reach
# its optimised code (a shorter warm-up left round 1 of every run 20-40 % slower than the others).
post "$DIRECT" "$(bodies warm-direct "$UNCACHED")" "" "$CONC" >/dev/null
post "$GATEWAY" "$(bodies warm-gateway "$UNCACHED")" "" "$CONC" >/dev/null
post "$GATEWAY" "$SINGLE" "" "$CONC" >/dev/null
for round in $(seq 1 "$ROUNDS"); do
  row "$round" node-express-cycled "$("$WRK" "http://127.0.0.1:$NODE_PORT/api/charts/natal" "$WORK/peer-bodies/distinct.jsonl" "$CONC" "$DUR" 2>/dev/null)"
  row "$round" charts-direct-cycled "$(post "$DIRECT" "$(bodies "cycled-direct-$round" 1000)" "" "$CONC")"
  row "$round" gateway-cycled "$(post "$GATEWAY" "$(bodies "cycled-gateway-$round" 1000)" "" "$CONC")"
  row "$round" charts-direct-uncached "$(post "$DIRECT" "$(bodies "uncached-direct-$round" "$UNCACHED")" "" "$CONC")"
  row "$round" gateway-uncached "$(post "$GATEWAY" "$(bodies "uncached-gateway-$round" "$UNCACHED")" "" "$CONC")"
  row "$round" node-express-single "$("$WRK" "http://127.0.0.1:$NODE_PORT/api/charts/natal" "$WORK/peer-bodies/single.json" "$CONC" "$DUR" 2>/dev/null)"
  row "$round" charts-direct-single "$(post "$DIRECT" "$SINGLE" "" "$CONC")"
  row "$round" gateway-single "$(post "$GATEWAY" "$SINGLE" "" "$CONC")"
  row "$round" trivial-direct-get "$(get_trivial "http://127.0.0.1:$CHARTS_PORT/api/charts/conventions")"
  row "$round" trivial-gateway-get "$(get_trivial "http://127.0.0.1:$GATEWAY_PORT/api/charts/conventions")"
  TOKEN=$(login) # a fresh 15-minute token each round
  row "$round" gateway-anonymous-c8 "$(post "$GATEWAY" "$(bodies "anon-$round" "$UNCACHED")" "" 8)"
  row "$round" gateway-authenticated-c8 "$(post "$GATEWAY" "$(bodies "auth-$round" "$UNCACHED")" "$TOKEN" 8)"
  rm -f "$WORK"/*-"$round".jsonl
done

# Login is bounded by Argon2id (19 MiB, 2 passes) on purpose: report its rate, sequentially, with a timeout.
start=$(date +%s.%N); n=0
while (( n < 20 )); do login >/dev/null; n=$((n + 1)); done
echo "login sequential: $(python3 -c "print(f'{20/($(date +%s.%N)-$start):.1f} logins/s')")"
echo
python3 "$ROOT/bench/http/summarize.py" "$OUT"
