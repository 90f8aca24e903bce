# Shell functions the benchmark scripts share; sourced, not run.
#   free_port                  a free TCP port on 127.0.0.1
#   wait_for URL               waits up to 2 minutes for URL to answer 2xx
#   bench_account GATEWAY WORK registers a new account through the gateway and defines login(), which prints a fresh
#                              access token for it

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

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
