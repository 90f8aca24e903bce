#!/usr/bin/env bash
# HTTP benchmarks, side by side in one run on 127.0.0.1 only, bounded in time:
#   - POST /api/charts/natal: the node-express peer, ChartService directly, and through the gateway,
#     with 1000 distinct bodies and with one repeated body (the cache path);
#   - a trivial GET directly and through the gateway (the proxy's own cost).
# Rounds alternate the targets so that the machine's noise hits all of them alike; report ratios.
#
#   bench/http/run.sh [ROUNDS=3] [DURATION=15] [CONCURRENCY=64]
#
# Needs: make build (Release), apt wrk redis-server swe-standard-data, node + npm (for the peer),
# and ../shared/peers (copied to a temporary folder: shared/ is read-only).
# Each service runs from its build folder, which is its content root (appsettings.json).
# Settings used for ZodiaCore: Production environment, RateLimiting__Enabled=false (the documented
# benchmark switch), LOG_LEVEL=warning (no per-request log line; the peer logs nothing either).
set -euo pipefail
ROUNDS=${1:-3}
DUR=${2:-15}
CONC=${3:-64}
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SHARED="${SHARED:-$ROOT/../shared}"
WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  sleep 1
  for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_for() { # url
  for _ in $(seq 1 300); do curl -sf "$1" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "not answering: $1" >&2; return 1
}

cp -r "$SHARED/peers" "$WORK/peers"
python3 "$WORK/peers/bench/gen-bodies.py" "$WORK/peer-bodies" >/dev/null
python3 "$ROOT/bench/http/to-zodiacore.py" "$WORK/peer-bodies" "$WORK/zc-bodies"
# ChartService caches by content: every distinct-input run gets birth moments of its own (another seed),
# so no run is served from what an earlier one computed.
fresh_bodies() { # name -> jsonl path
  python3 "$WORK/peers/bench/gen-bodies.py" "$WORK/peer-$1" 1000 "$(printf '%s' "$1" | cksum | cut -d' ' -f1)" >/dev/null
  python3 "$ROOT/bench/http/to-zodiacore.py" "$WORK/peer-$1" "$WORK/zc-$1"
  echo "$WORK/zc-$1/distinct.jsonl"
}

REDIS_PORT=$(free_port) CHARTS_PORT=$(free_port) GATEWAY_PORT=$(free_port) NODE_PORT=$(free_port) IDENTITY_PORT=$(free_port)
MGMT_CHARTS=$(free_port) MGMT_GATEWAY=$(free_port) MGMT_IDENTITY=$(free_port)
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no >/dev/null &
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
EMAIL="bench-$RANDOM@example.com" PASSWORD="Bench-Password-$RANDOM-x"
code=$(curl -s -o "$WORK/register.json" -w '%{http_code}' -H 'Content-Type: application/json' \
  -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\",\"displayName\":\"Bench\"}" "http://127.0.0.1:$GATEWAY_PORT/api/auth/register")
[ "$code" = 201 ] || { echo "registration answered $code: $(head -c 600 "$WORK/register.json")" >&2; exit 1; }
login() {
  curl -sf -H 'Content-Type: application/json' -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" \
    "http://127.0.0.1:$GATEWAY_PORT/api/auth/login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])'
}
TOKEN=$(login)
authed() { # token connections bodies
  timeout $(( DUR + 30 )) wrk -t2 -c"$2" -d"${DUR}s" --latency -s "$ROOT/bench/http/post-bearer.lua" \
    "http://127.0.0.1:$GATEWAY_PORT/api/charts/natal" -- "$3" "$1" | grep '^rps='
}

WRK="$WORK/peers/bench/run-wrk.sh"
get_trivial() { # url -> rps/p50/p99 line from plain wrk (GET)
  wrk -t2 -c"$CONC" -d"${DUR}s" --latency "$1" 2>&1 | awk '
    /Requests\/sec/ {rps=$2}
    /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
    /Non-2xx/ {non2xx=$NF}
    END {printf "rps=%s p50=%s p99=%s non2xx=%s\n", rps, p50, p99, (non2xx==""?0:non2xx)}'
}

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); rounds=$ROUNDS duration=${DUR}s connections=$CONC"
for round in $(seq 1 "$ROUNDS"); do
  echo "round $round node-express distinct    $("$WRK" "http://127.0.0.1:$NODE_PORT/api/charts/natal" "$WORK/peer-bodies/distinct.jsonl" "$CONC" "$DUR" 2>/dev/null)"
  direct_bodies=$(fresh_bodies "direct-$round")
  gateway_bodies=$(fresh_bodies "gateway-$round")
  echo "round $round charts-direct distinct   $("$WRK" "http://127.0.0.1:$CHARTS_PORT/api/charts/natal" "$direct_bodies" "$CONC" "$DUR" 2>/dev/null)"
  echo "round $round gateway distinct         $("$WRK" "http://127.0.0.1:$GATEWAY_PORT/api/charts/natal" "$gateway_bodies" "$CONC" "$DUR" 2>/dev/null)"
  echo "round $round node-express single      $("$WRK" "http://127.0.0.1:$NODE_PORT/api/charts/natal" "$WORK/peer-bodies/single.json" "$CONC" "$DUR" 2>/dev/null)"
  echo "round $round charts-direct single     $("$WRK" "http://127.0.0.1:$CHARTS_PORT/api/charts/natal" "$WORK/zc-bodies/single.json" "$CONC" "$DUR" 2>/dev/null)"
  echo "round $round gateway single           $("$WRK" "http://127.0.0.1:$GATEWAY_PORT/api/charts/natal" "$WORK/zc-bodies/single.json" "$CONC" "$DUR" 2>/dev/null)"
  echo "round $round trivial-direct GET       $(get_trivial "http://127.0.0.1:$CHARTS_PORT/api/charts/conventions")"
  echo "round $round trivial-gateway GET      $(get_trivial "http://127.0.0.1:$GATEWAY_PORT/api/charts/conventions")"
  TOKEN=$(login) # a fresh 15-minute token each round
  echo "round $round gateway anonymous c=8     $(authed "" 8 "$(fresh_bodies "anon-$round")")"
  echo "round $round gateway authenticated c=8 $(authed "$TOKEN" 8 "$(fresh_bodies "auth-$round")")"
done

# Login is bounded by Argon2id (19 MiB, 2 passes) on purpose: report its rate, sequentially, with a timeout.
start=$(date +%s.%N); n=0
while (( n < 20 )); do login >/dev/null; n=$((n + 1)); done
echo "login sequential: $(python3 -c "print(f'{20/($(date +%s.%N)-$start):.1f} logins/s')")"
