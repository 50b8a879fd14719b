#!/usr/bin/env bash
# What the shared rate limits cost: two gateways in one run, identical except where they count, in front of the
# same upstream -
#   local:  per-replica token buckets (no Redis URL),
#   shared: buckets in Redis (scripts/redis, one GCRA Lua script per request, as in production),
# one API key whose quota is never reached (every request is counted but allowed). The upstream is nginx answering
# a fixed JSON body, so that the difference between the two gateways is the limiter and not a service behind them.
# wrk rounds alternate local / shared (ROUNDS each) so that drifting machine load hits both alike; the figures are
# the medians over the rounds, "added" = shared - local. Each round has two parts: latency with one connection
# (closed loop, nothing queues: what the limiter adds to one request) and throughput with CONNECTIONS connections
# (saturated: what it costs in CPU). Writes bench/gateway/RESULTS-rate-limits.md.
#
#   bench/gateway/rate-limits.sh     DURATION=15 WARMUP=10 ROUNDS=3 CONNECTIONS=8 to change the load
#
# Needs: built jars (./mvnw -B install -DskipTests -pl gateway -am), wrk and nginx-light (installed with apt when
# missing and root), Redis (scripts/redis finds or installs Debian's redis-server).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
work="$root/target/bench-gateway-rate-limits"
duration=${DURATION:-15}
warmup=${WARMUP:-10}
rounds=${ROUNDS:-3}
connections=${CONNECTIONS:-8}
key="bench-$RANDOM$RANDOM"
source "$root/scripts/lib.sh"
select_jdk
java=$JAVA_HOME/bin/java
mkdir -p "$work"

need() { command -v "$1" >/dev/null 2>&1; }
if ! need wrk || { ! need nginx && [ ! -x /usr/sbin/nginx ]; }; then
  [ "$(id -u)" = 0 ] || { echo "rate-limits.sh: install wrk and nginx-light (apt-get install wrk nginx-light)" >&2; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light >&2
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
[ -f "$root/gateway/target/quarkus-app/quarkus-run.jar" ] || { echo "rate-limits.sh: build first: ./mvnw -B install -DskipTests -pl gateway -am" >&2; exit 1; }

upstream_port=$(free_port); local_port=$(free_port); shared_port=$(free_port)

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  "$root/scripts/redis" stop "$work/redis" >/dev/null 2>&1 || true
}
trap cleanup EXIT

cat >"$work/nginx.conf" <<NGINX
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$upstream_port;
    location / { default_type application/json; return 200 '{"items":[]}'; }
  }
}
NGINX
"$nginx_bin" -p "$work" -c "$work/nginx.conf"

read -r redis_host redis_port redis_password < <("$root/scripts/redis" start "$work/redis" --watch $$ | tail -1)

# Starts the gateway jar on a port, waits for readiness; prints its pid.
start() {
  local name=$1 port=$2; shift 2
  env "$@" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" \
    NEWSGRAPH_GATEWAY_UPSTREAMS_ARTICLES_URL="http://127.0.0.1:$upstream_port" \
    NEWSGRAPH_GATEWAY_UPSTREAMS_ENTITIES_URL="http://127.0.0.1:$upstream_port" \
    NEWSGRAPH_GATEWAY_API_KEYS="bench:$(printf %s "$key" | sha256sum | cut -d' ' -f1):read" \
    NEWSGRAPH_GATEWAY_RATE_LIMITS_READ_REQUESTS=2000000000 \
    "$java" -jar "$root/gateway/target/quarkus-app/quarkus-run.jar" >"$work/gateway-$name.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 600); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2>/dev/null; then echo "$pid"; return; fi
    kill -0 "$pid" 2>/dev/null || { echo "rate-limits.sh: gateway $name died, see $work/gateway-$name.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "rate-limits.sh: gateway $name not ready in 60 s" >&2; exit 1
}
pids+=("$(start local "$local_port")")
# Redis' timeout 1 s instead of 100 ms: on this shared 2-core machine a descheduled event loop can miss 100 ms, and
# every miss sends 2 s of requests to the local buckets, which would be measured as "shared".
pids+=("$(start shared "$shared_port" NEWSGRAPH_GATEWAY_RATE_LIMITS_REDIS_URL="redis://$redis_host:$redis_port" \
  NEWSGRAPH_GATEWAY_RATE_LIMITS_REDIS_PASSWORD="$redis_password" NEWSGRAPH_GATEWAY_RATE_LIMITS_REDIS_TIMEOUT=1s)")
curl -fsS "http://127.0.0.1:$shared_port/q/health/ready" | grep -q '"mode": *"shared"' \
  || { echo "rate-limits.sh: the shared gateway does not count in Redis: $(curl -s "http://127.0.0.1:$shared_port/q/health/ready")" >&2; exit 1; }

path="/api/v1/articles?limit=5"
# wrk summary of CONNECTIONS connections on URL -> "req_per_s p50_ms p99_ms requests"
measure() {
  wrk -t1 -c"$1" -d"${duration}s" --latency -H "X-API-Key: $key" "$2" | tee -a "$work/wrk.log" | awk '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /Requests\/sec/ { rps=$2 } / 50%/ { p50=ms($2) } / 99%/ { p99=ms($2) } /requests in/ { n=$1 }
    END { printf "%.0f %.3f %.3f %d\n", rps, p50, p99, n }'
}
: >"$work/wrk.log"
for port in "$local_port" "$shared_port"; do
  wrk -t1 -c"$connections" -d"${warmup}s" -H "X-API-Key: $key" "http://127.0.0.1:$port$path" >/dev/null
done
script_calls() { "$root/scripts/redis" cli "$work/redis" info commandstats | tr -d '\r' | awk -F'[=,]' '/^cmdstat_eval(sha)?:/ { n += $2 } END { print n+0 }'; }
calls_before=$(script_calls)
: >"$work/rounds.txt"
shared_requests=0
for round in $(seq 1 "$rounds"); do
  read -r _ l_p50 l_p99 _ < <(measure 1 "http://127.0.0.1:$local_port$path")
  read -r _ s_p50 s_p99 s_n1 < <(measure 1 "http://127.0.0.1:$shared_port$path")
  read -r l_rps _ _ _ < <(measure "$connections" "http://127.0.0.1:$local_port$path")
  read -r s_rps _ _ s_n2 < <(measure "$connections" "http://127.0.0.1:$shared_port$path")
  shared_requests=$((shared_requests + s_n1 + s_n2))
  echo "$round $l_p50 $l_p99 $s_p50 $s_p99 $l_rps $s_rps" >>"$work/rounds.txt"
done
# Every request of the shared gateway was decided in Redis (none fell back to the local buckets).
script_runs=$(( $(script_calls) - calls_before ))
[ "$script_runs" -ge "$shared_requests" ] || { echo "rate-limits.sh: $shared_requests requests, only $script_runs scripts run in Redis" >&2; exit 1; }

median() { sort -g | awk '{ v[NR]=$1 } END { if (NR % 2) print v[(NR+1)/2]; else printf "%.3f\n", (v[NR/2]+v[NR/2+1])/2 }'; }
col() { awk -v c="$1" '{ print $c }' "$work/rounds.txt" | median; }
l_p50=$(col 2); l_p99=$(col 3); s_p50=$(col 4); s_p99=$(col 5); l_rps=$(col 6); s_rps=$(col 7)
sub() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a-b }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a/b }'; }
rows=$(awk '{ printf "| %d | %s / %s | %s / %s | %+.3f / %+.3f | %s | %s | %.2f |\n", $1, $2, $3, $4, $5, $4-$2, $5-$3, $6, $7, $7/$6 }' "$work/rounds.txt")

cat >"$root/bench/gateway/RESULTS-rate-limits.md" <<MD
# Gateway rate limits: shared (Redis) vs local buckets

- Command: \`bench/gateway/rate-limits.sh\` ($rounds rounds; in each, per gateway alternately, $duration s of wrk -t1 -c1
  for latency, then $duration s of wrk -t1 -c$connections for throughput; a ${warmup} s warm-up per gateway before)
- Date: $(date -u +%Y-%m-%dT%H:%MZ)
- Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(uname -sr);
  JVM: $("$java" -version 2>&1 | head -1); Redis: $(redis-server --version | awk '{print $3}'); wrk, nginx, Redis and both
  gateways share these cores; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (well above the core count means
  other work competed).
- Request: \`GET $path\` with one API key (read quota 2e9 per 60 s: counted, never refused) through each gateway
  to nginx answering a fixed JSON body. Redis ran the limiter script $script_runs times for the $shared_requests
  requests wrk completed through the shared gateway in the measured rounds (the rest: requests still in flight when
  a round ended): none fell back to local buckets.

| round | local p50 / p99 ms (1 conn.) | shared p50 / p99 ms (1 conn.) | added p50 / p99 ms | local req/s ($connections conn.) | shared req/s ($connections conn.) | shared / local |
|---:|---:|---:|---:|---:|---:|---:|
$rows

| measure (medians over the rounds) | value | target |
|---|---:|---|
| p50 added by shared limits, one connection | $(sub "$s_p50" "$l_p50") ms ($s_p50 vs $l_p50) | — |
| p99 added by shared limits, one connection | $(sub "$s_p99" "$l_p99") ms ($s_p99 vs $l_p99) | < 1 ms |
| throughput shared / local, $connections connections (CPU cost) | $(ratio "$s_rps" "$l_rps") ($s_rps vs $l_rps req/s) | — |

Raw wrk output: target/bench-gateway-rate-limits/wrk.log (not committed).
MD
cat "$root/bench/gateway/RESULTS-rate-limits.md"
