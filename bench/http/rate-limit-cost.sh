#!/usr/bin/env bash
# What the gateway's production rate limits cost per request. The other HTTP benchmarks turn them off
# (RateLimiting__Enabled=false); in production every /api request takes a permit from a fixed window shared through
# Redis (one script call per request). Two gateways run side by side in front of the same ChartService and Redis,
# one with the limits off and one with them on (the /api limit raised so that nothing is rejected); one repeated natal
# body (the cache path, where the gateway's own cost matters most) at 64 connections, alternating runs after a
# warm-up of each. Per run: requests/s, p50/p99, the gateway's and Redis's CPU per request (from /proc).
#
#   bench/http/rate-limit-cost.sh [ROUNDS=5] [SECONDS=8] [WARM_SECONDS=12]
#
# Needs: make build (Release), apt wrk redis-server swe-standard-data openssl, python3. 127.0.0.1 only, bounded in time.
set -euo pipefail
ROUNDS=${1:-5}
DUR=${2:-8}
WARM=${3:-12}
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  sleep 1
  rm -rf "$WORK"
}
trap cleanup EXIT
source "$ROOT/bench/lib/common.sh"

STACK_ENV=()
INTERP_ENV=()
GATEWAY2_ENV=(RateLimiting__Enabled=true RateLimiting__Api__PermitLimit=2000000000)
start_stack "$ROOT" "$WORK"

python3 "$ROOT/bench/lib/gen-bodies.py" "$WORK/single.jsonl" 1 2 natal
# The limited gateway must really be counting in Redis: its answer carries the RateLimit header.
curl -s -D "$WORK/headers.txt" -o /dev/null -H 'Content-Type: application/json' --data-binary @<(head -1 "$WORK/single.jsonl") \
  "http://127.0.0.1:$GATEWAY2_PORT/api/charts/natal"
grep -qi '^RateLimit: limit=2000000000' "$WORK/headers.txt" || { echo "the limited gateway sent no RateLimit header" >&2; exit 1; }
redis-cli -p "$REDIS_PORT" --scan | grep -q 'zodiacore:ratelimit:' \
  || { echo "no rate-limit key in Redis: $(redis-cli -p "$REDIS_PORT" --scan | head -5)" >&2; exit 1; }

post() { # port seconds
  timeout $(($2 + 30)) wrk -t2 -c64 -d"$2s" --timeout 10s --latency -s "$ROOT/bench/lib/post-jsonl.lua" \
    "http://127.0.0.1:$1/api/charts/natal" -- "$WORK/single.jsonl" "" 2 2>/dev/null | grep '^rps='
}

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores; rounds=$ROUNDS duration=${DUR}s warm-up=${WARM}s connections=64"
post "$GATEWAY_PORT" "$WARM" >/dev/null
post "$GATEWAY2_PORT" "$WARM" >/dev/null
tick_hz=$(getconf CLK_TCK)
for round in $(seq "$ROUNDS"); do
  for target in limits-off limits-on; do
    if [ "$target" = limits-off ]; then port=$GATEWAY_PORT pid=$GATEWAY_PID; else port=$GATEWAY2_PORT pid=$GATEWAY2_PID; fi
    before=$(cpu_ticks "$pid") redis_before=$(cpu_ticks "$REDIS_PID")
    line=$(post "$port" "$DUR")
    after=$(cpu_ticks "$pid") redis_after=$(cpu_ticks "$REDIS_PID")
    requests=$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<<"$line")
    printf 'round %s %-10s %s gateway_cpu_us=%s redis_cpu_us=%s\n' "$round" "$target" "$line" \
      "$(( (after - before) * 1000000 / tick_hz / requests ))" "$(( (redis_after - redis_before) * 1000000 / tick_hz / requests ))"
  done
done | tee "$WORK/rounds.txt"

python3 - "$WORK/rounds.txt" <<'PY'
import re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    target = line.split()[2]
    values = dict(re.findall(r'(\w+)=([\d.]+)', line))
    if float(values.get('non2xx', 0)) > 0:
        sys.exit(f"non-2xx answers in: {line.strip()}")
    rows.setdefault(target, []).append(values)
print(f"{'target':10} {'rps':>8} {'p50 ms':>8} {'p99 ms':>8} {'gateway µs CPU/req':>19} {'Redis µs CPU/req':>17}   (medians)")
for target, values in rows.items():
    med = lambda key: statistics.median(float(v[key]) for v in values)
    print(f"{target:10} {med('rps'):8.0f} {med('p50_ms'):8.2f} {med('p99_ms'):8.2f} {med('gateway_cpu_us'):19.0f} {med('redis_cpu_us'):17.0f}")
on = {k: statistics.median(float(v[k]) for v in rows['limits-on']) for k in ('rps', 'p99_ms')}
off = {k: statistics.median(float(v[k]) for v in rows['limits-off']) for k in ('rps', 'p99_ms')}
print(f"limits on / off: requests/s {on['rps'] / off['rps']:.2f}, p99 {on['p99_ms'] / off['p99_ms']:.2f}")
PY
