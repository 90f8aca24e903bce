#!/usr/bin/env bash
# What the gateway's production rate limits cost per request. The other HTTP benchmarks turn them off
# (RateLimiting__Enabled=false); in production every /api request takes a permit from a fixed window shared through
# Redis (one script call per request). gateway-ab.sh with the limits on in the second gateway (the /api limit raised
# so that nothing is rejected; it checks that the limited gateway really counts in Redis).
#
#   bench/http/rate-limit-cost.sh [ROUNDS=5] [SECONDS=8] [WARM_SECONDS=12]
set -euo pipefail
exec bash "$(dirname "$0")/gateway-ab.sh" "${1:-5}" "${2:-8}" "${3:-12}" RateLimiting__Enabled=true RateLimiting__Api__PermitLimit=2000000000
