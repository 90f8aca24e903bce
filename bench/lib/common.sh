# Shell functions the benchmark scripts share; sourced, not run.
#   free_port                  a free TCP port on 127.0.0.1
#   wait_for URL               waits up to 2 minutes for URL to answer 2xx
#   bench_account GATEWAY WORK registers a new account through the gateway and defines login(), which prints a fresh
#                              access token for it
#   cpu_ticks PID              user + system CPU time of a process so far, in clock ticks (getconf CLK_TCK per second)
#   stop_stack                 stops every pid in PIDS (TERM, then KILL) and deletes WORK if set; for per-build stacks
#   machine                    the machine for a result's header: cores, CPU model, family/model number and clock

# "AMD EPYC" alone named two machines whose cores differed ~2.6 x in CPU time per request (BENCHMARKS.md): the CPU
# family and model numbers tell them apart.
machine() {
  echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" \
    "(family $(grep -m1 '^cpu family' /proc/cpuinfo | cut -d: -f2 | xargs)," \
    "model $(grep -m1 '^model\s' /proc/cpuinfo | cut -d: -f2 | xargs)," \
    "$(grep -m1 '^cpu MHz' /proc/cpuinfo | cut -d: -f2 | xargs | cut -d. -f1) MHz)"
}

cpu_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; }

stop_stack() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  sleep 1
  for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  PIDS=()
  rm -f "${TMPDIR:-/tmp}/zodiacore-bench-ports.$$" # the stack's ports are free again
  [ -z "${WORK:-}" ] || rm -rf "$WORK"
  WORK=""
}

# Below the kernel's ephemeral range (net.ipv4.ip_local_port_range, 32768-60999 by default): a port the kernel hands
# out for port 0 is one it may give to an outgoing connection (wrk's, a service's HttpClient, Redis clients) before the
# service binds it, which once failed a run's start-up. Ports already handed out by this shell are not handed out
# again (they are free until their service starts).
free_port() {
  python3 - "${TMPDIR:-/tmp}/zodiacore-bench-ports.$$" <<'PY'
import os, random, socket, sys
taken_file = sys.argv[1]
taken = set(open(taken_file).read().split()) if os.path.exists(taken_file) else set()
low = int(open("/proc/sys/net/ipv4/ip_local_port_range").read().split()[0])
for _ in range(500):
    port = random.randrange(20000, min(low, 32768))
    if str(port) in taken:
        continue
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", port))
    except OSError:
        continue
    finally:
        s.close()
    with open(taken_file, "a") as f:
        f.write(f"{port}\n")
    print(port)
    break
else:
    raise SystemExit("no free port found below the ephemeral range")
PY
}

wait_for() { # url
  for _ in $(seq 1 600); do curl -sf "$1" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "not answering: $1" >&2; return 1
}

bench_account() { # gateway-url work-dir
  BENCH_GATEWAY=$1
  BENCH_EMAIL="bench-$RANDOM@example.com" BENCH_PASSWORD="Bench-Password-$RANDOM-x"
  local code
  code=$(curl -s -o "$2/register.json" -w '%{http_code}' -H 'Content-Type: application/json' \
    -d "{\"email\":\"$BENCH_EMAIL\",\"password\":\"$BENCH_PASSWORD\",\"displayName\":\"Bench\"}" "$BENCH_GATEWAY/api/auth/register")
  [ "$code" = 201 ] || { echo "registration answered $code: $(head -c 600 "$2/register.json")" >&2; return 1; }
}

login() {
  curl -sf -H 'Content-Type: application/json' -d "{\"email\":\"$BENCH_EMAIL\",\"password\":\"$BENCH_PASSWORD\"}" \
    "$BENCH_GATEWAY/api/auth/login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])'
}

# start_stack BUILD WORK     starts redis-server and the four services from BUILD's Release build (a checkout; logs
#                            and data under WORK) on free 127.0.0.1 ports, Production settings, rate limits off, and
#                            waits until each answers. Sets REDIS_PORT CHARTS_PORT IDENTITY_PORT INTERP_PORT
#                            GATEWAY_PORT MGMT_INTERP and REDIS_PID CHARTS_PID IDENTITY_PID INTERP_PID GATEWAY_PID; appends every
#                            pid to PIDS. Extra settings: arrays STACK_ENV (every service), INTERP_ENV (InterpretationService);
#                            STACK_BIN, each service's folder under BUILD/<Service>/ (default bin/Release/net10.0; "."
#                            when BUILD holds `dotnet publish` outputs, one folder per service). GATEWAY2_ENV (an
#                            array of settings): also a second gateway in front of the same services with those
#                            settings on top, at GATEWAY2_PORT (pid GATEWAY2_PID).
start_stack() { # build work
  local build=$1 work=$2
  REDIS_PORT=$(free_port) CHARTS_PORT=$(free_port) IDENTITY_PORT=$(free_port) INTERP_PORT=$(free_port) GATEWAY_PORT=$(free_port)
  MGMT_INTERP=$(free_port)
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no >"$work/redis.log" 2>&1 &
  REDIS_PID=$!
  PIDS+=("$REDIS_PID")
  local common_env=(
    ASPNETCORE_ENVIRONMENT=Production LOG_LEVEL=warning ZODIACORE_DATA_DIR="$work/data"
    ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64)"
    Identity__Issuer=zodiacore-identity Identity__Audience=zodiacore-api
    Identity__JwksUrl="http://127.0.0.1:$IDENTITY_PORT/.well-known/jwks.json"
    ConnectionStrings__redis="127.0.0.1:$REDIS_PORT"
    "${STACK_ENV[@]}"
  )
  start_service() { # name port management-port folder dll [env...] -> pid in STARTED_PID
    local name=$1 port=$2 mgmt=$3 folder=$4 dll=$5
    shift 5
    env "${common_env[@]}" ASPNETCORE_URLS="http://127.0.0.1:$port" ZODIACORE_MANAGEMENT_PORT="$mgmt" OTEL_SERVICE_NAME="$name" "$@" \
      bash -c 'cd "$0" && exec dotnet "$1"' "$build/$folder/${STACK_BIN:-bin/Release/net10.0}" "$dll" >"$work/$name.log" 2>&1 &
    STARTED_PID=$!
    PIDS+=("$STARTED_PID")
  }
  start_service charts "$CHARTS_PORT" "$(free_port)" ChartService ZodiaCore.ChartService.dll
  CHARTS_PID=$STARTED_PID
  # Production takes its signing key from configuration: a fresh one for this run.
  start_service identity "$IDENTITY_PORT" "$(free_port)" IdentityService ZodiaCore.IdentityService.dll \
    Identity__SigningKeys="$(openssl genrsa 2048 2>/dev/null)" \
    services__charts__http__0="http://127.0.0.1:$CHARTS_PORT" services__interpretation__http__0="http://127.0.0.1:$INTERP_PORT"
  IDENTITY_PID=$STARTED_PID
  start_service interpretation "$INTERP_PORT" "$MGMT_INTERP" InterpretationService ZodiaCore.InterpretationService.dll \
    services__charts__http__0="http://127.0.0.1:$CHARTS_PORT" "${INTERP_ENV[@]}"
  INTERP_PID=$STARTED_PID
  start_service gateway "$GATEWAY_PORT" "$(free_port)" Gateway ZodiaCore.Gateway.dll \
    RateLimiting__Enabled=false services__charts__http__0="http://127.0.0.1:$CHARTS_PORT" \
    services__identity__http__0="http://127.0.0.1:$IDENTITY_PORT" services__interpretation__http__0="http://127.0.0.1:$INTERP_PORT"
  GATEWAY_PID=$STARTED_PID
  local port ports=("$CHARTS_PORT" "$IDENTITY_PORT" "$INTERP_PORT" "$GATEWAY_PORT")
  if [ -n "${GATEWAY2_ENV+set}" ] && [ "${#GATEWAY2_ENV[@]}" -gt 0 ]; then
    GATEWAY2_PORT=$(free_port)
    start_service gateway2 "$GATEWAY2_PORT" "$(free_port)" Gateway ZodiaCore.Gateway.dll \
      RateLimiting__Enabled=false services__charts__http__0="http://127.0.0.1:$CHARTS_PORT" \
      services__identity__http__0="http://127.0.0.1:$IDENTITY_PORT" services__interpretation__http__0="http://127.0.0.1:$INTERP_PORT" \
      "${GATEWAY2_ENV[@]}"
    GATEWAY2_PID=$STARTED_PID
    ports+=("$GATEWAY2_PORT")
  fi
  for port in "${ports[@]}"; do wait_for "http://127.0.0.1:$port/alive"; done
}
