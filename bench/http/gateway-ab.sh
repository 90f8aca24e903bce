#!/usr/bin/env bash
# The gateway as configured against a second gateway with some settings on top, side by side in front of the same
# ChartService and Redis: one repeated natal body (the cache path, where the gateway's own cost matters most; set
# DISTINCT=1 for a new body every request, each computed at ChartService) at 64 connections, alternating runs after a
# warm-up of each. Per run: requests/s, p50/p99, the gateway's and Redis's CPU per request (from /proc).
#
#   bench/http/gateway-ab.sh [ROUNDS=5] [SECONDS=8] [WARM_SECONDS=12] NAME=value...
#
# e.g. DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=0, or RateLimiting__Enabled=true (rate-limit-cost.sh). EXTRA_ENV="NAME=value ..."
# applies to every process of the stack, both gateways included (e.g. EXTRA_ENV=LOG_LEVEL=info with LOG_ASYNC=false). When the
# settings turn the rate limits on, the script first checks that the second gateway really counts in Redis.
# Needs: make build (Release), apt wrk redis-server swe-standard-data openssl, python3. 127.0.0.1 only, bounded in time.
set -euo pipefail
ROUNDS=${1:-5}
DUR=${2:-8}
WARM=${3:-12}
shift $(( $# < 3 ? $# : 3 ))
(( $# > 0 )) || { echo "usage: $0 ROUNDS SECONDS WARM_SECONDS NAME=value..." >&2; exit 2; }
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
source "$ROOT/bench/lib/common.sh"
WORK=$(mktemp -d)
PIDS=()
trap stop_stack EXIT

read -r -a STACK_ENV <<< "${EXTRA_ENV:-}"
INTERP_ENV=()
GATEWAY2_ENV=("$@")
start_stack "$ROOT" "$WORK"

bodies() { # seconds
  if [ -n "${DISTINCT:-}" ]; then
    python3 "$ROOT/bench/lib/gen-bodies.py" "$WORK/bodies.jsonl" $(( $1 * 4000 )) "$RANDOM" natal
  elif [ ! -s "$WORK/bodies.jsonl" ]; then
    python3 "$ROOT/bench/lib/gen-bodies.py" "$WORK/bodies.jsonl" 1 2 natal
  fi
}
post() { # port seconds
  bodies "$2"
  timeout $(($2 + 30)) wrk -t2 -c64 -d"$2s" --timeout 10s --latency -s "$ROOT/bench/lib/post-jsonl.lua" \
    "http://127.0.0.1:$1/api/charts/natal" -- "$WORK/bodies.jsonl" "" 2 2>/dev/null | grep '^rps='
}

if [[ " $* " == *" RateLimiting__Enabled=true "* ]]; then
  # The limited gateway must really be counting in Redis: its answer carries the RateLimit header, its key is there.
  bodies 1
  curl -s -D "$WORK/headers.txt" -o /dev/null -H 'Content-Type: application/json' --data-binary @<(head -1 "$WORK/bodies.jsonl") \
    "http://127.0.0.1:$GATEWAY2_PORT/api/charts/natal"
  grep -qi '^RateLimit: limit=' "$WORK/headers.txt" || { echo "the limited gateway sent no RateLimit header" >&2; exit 1; }
  redis-cli -p "$REDIS_PORT" --scan | grep -q 'zodiacore:ratelimit:' || { echo "no rate-limit key in Redis" >&2; exit 1; }
fi

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores; rounds=$ROUNDS duration=${DUR}s warm-up=${WARM}s connections=64" \
  "bodies=$([ -n "${DISTINCT:-}" ] && echo distinct || echo "one repeated"); variant: $*"
post "$GATEWAY_PORT" "$WARM" >/dev/null
post "$GATEWAY2_PORT" "$WARM" >/dev/null
tick_hz=$(getconf CLK_TCK)
for round in $(seq "$ROUNDS"); do
  for target in base variant; do
    if [ "$target" = base ]; then port=$GATEWAY_PORT pid=$GATEWAY_PID; else port=$GATEWAY2_PORT pid=$GATEWAY2_PID; fi
    before=$(cpu_ticks "$pid") redis_before=$(cpu_ticks "$REDIS_PID")
    line=$(post "$port" "$DUR")
    after=$(cpu_ticks "$pid") redis_after=$(cpu_ticks "$REDIS_PID")
    requests=$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<<"$line")
    printf 'round %s %-8s %s gateway_cpu_us=%s redis_cpu_us=%s\n' "$round" "$target" "$line" \
      "$(( (after - before) * 1000000 / tick_hz / requests ))" "$(( (redis_after - redis_before) * 1000000 / tick_hz / requests ))"
  done
done | tee "$WORK/rounds.txt"

python3 - "$WORK/rounds.txt" <<'PY'
import re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    target = line.split()[2]
    values = dict(re.findall(r'(\w+)=([\d.]+)', line))
    if float(values.get('non2xx', 0)) > 0 or float(values.get('errors', 0)) > 0:
        sys.exit(f"non-2xx answers or socket errors in: {line.strip()}")
    rows.setdefault(target, []).append(values)
med = lambda target, key: statistics.median(float(v[key]) for v in rows[target])
print(f"{'target':8} {'rps':>8} {'p50 ms':>8} {'p99 ms':>8} {'gateway µs CPU/req':>19} {'Redis µs CPU/req':>17}   (medians)")
for target in rows:
    print(f"{target:8} {med(target, 'rps'):8.0f} {med(target, 'p50_ms'):8.2f} {med(target, 'p99_ms'):8.2f}"
          f" {med(target, 'gateway_cpu_us'):19.0f} {med(target, 'redis_cpu_us'):17.0f}")
wins = sum(float(v['rps']) > float(b['rps']) for v, b in zip(rows['variant'], rows['base']))
print(f"variant / base: requests/s {med('variant', 'rps') / med('base', 'rps'):.2f}, p99 {med('variant', 'p99_ms') / med('base', 'p99_ms'):.2f};"
      f" variant served more in {wins} of {len(rows['base'])} rounds")
PY
