#!/usr/bin/env bash
# What ZodiaCore's gateway adds per proxied request: the gateway and bench/BareProxy (YARP with nothing else) run side
# by side in front of one ChartService; one repeated natal body (the cache path) at 64 connections, each warmed up,
# then alternating runs. Per run: requests/s, p50/p99, and each proxy's CPU per request (from /proc).
#
#   bench/http/gateway-baseline.sh [ROUNDS=5] [SECONDS=8] [WARM_SECONDS=12]
#
# Needs: make build (Release), apt wrk redis-server swe-standard-data openssl, python3. 127.0.0.1 only, bounded in time.
set -euo pipefail
ROUNDS=${1:-5}
DUR=${2:-8}
WARM=${3:-12}
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
source "$ROOT/bench/lib/common.sh"
WORK=$(mktemp -d)
PIDS=()
trap stop_stack EXIT

# The whole stack as the other benchmarks start it (identity and interpretation stay idle), plus the bare proxy.
STACK_ENV=()
INTERP_ENV=()
start_stack "$ROOT" "$WORK"
BARE_PORT=$(free_port)
DESTINATION="http://127.0.0.1:$CHARTS_PORT" ASPNETCORE_URLS="http://127.0.0.1:$BARE_PORT" \
  bash -c 'cd "$0" && exec dotnet BareProxy.dll' "$ROOT/bench/BareProxy/bin/Release/net10.0" >"$WORK/bare.log" 2>&1 &
BARE_PID=$!
PIDS+=($BARE_PID)
wait_for "http://127.0.0.1:$BARE_PORT/api/charts/conventions"

python3 "$ROOT/bench/lib/gen-bodies.py" "$WORK/single.jsonl" 1 2 natal
post() { # port seconds
  timeout $(($2 + 30)) wrk -t2 -c64 -d"$2s" --timeout 10s --latency -s "$ROOT/bench/lib/post-jsonl.lua" \
    "http://127.0.0.1:$1/api/charts/natal" -- "$WORK/single.jsonl" "" 2 2>/dev/null | grep '^rps='
}

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores; rounds=$ROUNDS duration=${DUR}s warm-up=${WARM}s connections=64"
post "$GATEWAY_PORT" "$WARM" >/dev/null
post "$BARE_PORT" "$WARM" >/dev/null
tick_hz=$(getconf CLK_TCK)
for round in $(seq "$ROUNDS"); do
  for target in gateway bare; do
    if [ "$target" = gateway ]; then port=$GATEWAY_PORT pid=$GATEWAY_PID; else port=$BARE_PORT pid=$BARE_PID; fi
    before=$(cpu_ticks "$pid")
    line=$(post "$port" "$DUR")
    after=$(cpu_ticks "$pid")
    requests=$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<<"$line")
    printf 'round %s %-8s %s proxy_cpu_us=%s\n' "$round" "$target" "$(sed 's/ non2xx.*//' <<<"$line")" \
      "$(( (after - before) * 1000000 / tick_hz / requests ))"
  done
done | tee "$WORK/rounds.txt"

python3 - "$WORK/rounds.txt" <<'PY'
import re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    target = line.split()[2]
    values = dict(re.findall(r'(\w+)=([\d.]+)', line))
    rows.setdefault(target, []).append(values)
print(f"{'target':8} {'rps':>8} {'p50 ms':>8} {'p99 ms':>8} {'proxy µs CPU/request':>22}   (medians)")
for target, values in rows.items():
    med = lambda key: statistics.median(float(v[key]) for v in values)
    print(f"{target:8} {med('rps'):8.0f} {med('p50_ms'):8.2f} {med('p99_ms'):8.2f} {med('proxy_cpu_us'):22.0f}")
PY
