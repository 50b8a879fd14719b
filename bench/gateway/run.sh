#!/usr/bin/env bash
# Gateway overhead benchmark: the same GET /api/v1/articles/{id} of article-service, in one run,
#   1. direct to article-service, 2. through the gateway, 3. through nginx (reference reverse proxy),
# with wrk (32 connections, fixed duration, after a warm-up), in ROUNDS rounds that take the three targets in turn
# (each round starting with another), medians reported. Under wrk's saturating load latency mostly measures the
# throughput (32 connections / req/s), so the latency a proxy adds is measured apart, at a fixed rate well below
# saturation (hey, RATE req/s, same rounds), and, from a loopback capture (tcpdump) of one more fixed-rate phase per
# proxy, the time each request spends inside the proxy (residence.py), beside the same for BareVertxProxy.java (the least
# a proxy on Vert.x does: the floor of the gateway's HTTP stack here). Plus start-to-ready time and idle RSS of the
# gateway beside article-service. Every proxy runs one event loop (nginx: one worker; the gateway: one Vert.x event loop, as
# k8s/base/gateway/deployment.yaml runs it on its one CPU; the bare Vert.x proxy: one too). Everything listens on 127.0.0.1 only. Writes
# bench/gateway/RESULTS.md.
#
#   bench/gateway/run.sh            DURATION=15 WARMUP=5 ROUNDS=3 CONNECTIONS=32 THREADS=2 RATE=1000 to change the load
#                                   GATEWAY_JAVA_OPTS="-XX:StartFlightRecording=..." to profile the gateway
#
# Needs: built jars (./mvnw -B install -DskipTests), root or sudo-less apt for wrk/hey/nginx-light when missing,
# PostgreSQL server binaries (scripts/pg finds or installs them).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
work="$root/target/bench-gateway"
duration=${DURATION:-15}
rounds=${ROUNDS:-3}
warmup=${WARMUP:-5}
connections=${CONNECTIONS:-32}
threads=${THREADS:-2}
rate=${RATE:-1000}
key="bench-$RANDOM$RANDOM"
source "$root/scripts/lib.sh"
select_jdk
articles_port=$(free_port); gateway_port=$(free_port); nginx_port=$(free_port); bare_port=$(free_port)
java=$JAVA_HOME/bin/java
mkdir -p "$work"

need() { command -v "$1" >/dev/null 2>&1; }
if ! need wrk || ! need hey || ! need tcpdump || { ! need nginx && [ ! -x /usr/sbin/nginx ]; }; then
  [ "$(id -u)" = 0 ] || { echo "run.sh: install wrk, hey, tcpdump and nginx-light (apt-get install ...)" >&2; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk hey tcpdump nginx-light >&2
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
for jar in article-service gateway; do
  [ -f "$root/$jar/target/quarkus-app/quarkus-run.jar" ] || { echo "run.sh: build first: ./mvnw -B install -DskipTests" >&2; exit 1; }
done

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  if [ -n "${db:-}" ]; then "$root/scripts/pg" psql "$work/pg" -d postgres -q -c "drop database if exists $db with (force)" >/dev/null 2>&1 || true; fi
  "$root/scripts/pg" stop "$work/pg" >/dev/null 2>&1 || true
}
trap cleanup EXIT

read -r pg_host pg_port pg_user pg_password < <("$root/scripts/pg" start "$work/pg" --fast | tail -1)
db="bench_articles_$$"
"$root/scripts/pg" psql "$work/pg" -d postgres -q -c "create database $db" >/dev/null

now_ms() { date +%s%3N; }
# Starts a jar, waits for readiness; prints "pid ready_ms".
start() {
  local name=$1 port=$2; shift 2
  local t0; t0=$(now_ms)
  local opts=()
  [ "$name" = gateway ] && read -r -a opts <<<"${GATEWAY_JAVA_OPTS:-}"
  env "$@" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" "$java" "${opts[@]}" -jar "$root/$name/target/quarkus-app/quarkus-run.jar" \
    >"$work/$name.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 600); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2>/dev/null; then echo "$pid $(( $(now_ms) - t0 ))"; return; fi
    kill -0 "$pid" 2>/dev/null || { echo "run.sh: $name died, see $work/$name.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "run.sh: $name not ready in 60 s" >&2; exit 1
}
# The gateway's event loops as its Kubernetes Deployment sets them (one per CPU of its limit).
deployment_event_loops() {
  grep -A1 'name: QUARKUS_VERTX_EVENT_LOOPS_POOL_SIZE' "$root/k8s/base/gateway/deployment.yaml" | sed -nE 's/.*value: "?([0-9]+)"?.*/\1/p'
}
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }

read -r articles_pid articles_ready < <(start article-service $articles_port \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$pg_host:$pg_port/$db" QUARKUS_DATASOURCE_USERNAME="$pg_user" QUARKUS_DATASOURCE_PASSWORD="$pg_password")
pids+=("$articles_pid")
read -r gateway_pid gateway_ready < <(start gateway $gateway_port \
  QUARKUS_VERTX_EVENT_LOOPS_POOL_SIZE="$(deployment_event_loops)" \
  NEWSGRAPH_GATEWAY_UPSTREAMS_ARTICLES_URL="http://127.0.0.1:$articles_port" \
  NEWSGRAPH_GATEWAY_UPSTREAMS_ENTITIES_URL="http://127.0.0.1:1" \
  NEWSGRAPH_GATEWAY_API_KEYS="bench:$(printf %s "$key" | sha256sum | cut -d' ' -f1):admin" \
  NEWSGRAPH_GATEWAY_RATE_LIMITS_ADMIN_REQUESTS=2000000000)
pids+=("$gateway_pid")
sleep 2 # idle: let start-up allocations settle before reading RSS
articles_rss=$(rss_mb "$articles_pid"); gateway_rss=$(rss_mb "$gateway_pid")

id=$(curl -fsS -H 'Content-Type: text/plain; charset=utf-8' --data-binary @"$root/samples/seed-article.txt" \
  "http://127.0.0.1:$articles_port/api/v1/articles" | sed -E 's/.*"id":"([^"]+)".*/\1/')
path="/api/v1/articles/$id"

cat >"$work/nginx.conf" <<NGINX
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  upstream articles { server 127.0.0.1:$articles_port; keepalive 64; }
  server {
    listen 127.0.0.1:$nginx_port;
    location / {
      proxy_pass http://articles;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
  }
}
NGINX
"$nginx_bin" -p "$work" -c "$work/nginx.conf"
"$java" -cp "$root/gateway/target/quarkus-app/lib/main/*" "$root/bench/gateway/BareVertxProxy.java" $bare_port $articles_port \
  >"$work/bare-proxy.log" 2>&1 &
pids+=("$!")
for _ in $(seq 1 300); do curl -fsS -o /dev/null "http://127.0.0.1:$bare_port$path" 2>/dev/null && break; sleep 0.1; done

# CPU time (user + system) a process has used, in clock ticks.
cpu_ticks() { [ -n "$1" ] && awk '{ print $14 + $15 }' "/proc/$1/stat" || echo 0; }
# measure URL [proxy pid] -> "req_per_s p50_ms p99_ms proxy_cpu_us_per_request service_cpu_us_per_request"
measure() {
  local url=$1 proxy=${2:-} p0 a0 tick out
  tick=$(getconf CLK_TCK)
  p0=$(cpu_ticks "$proxy"); a0=$(cpu_ticks "$articles_pid")
  out=$(wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -H "X-API-Key: $key" "$url")
  printf '%s\n' "$out" >>"$work/wrk.log"
  printf '%s\n' "$out" |
    awk -v p0="$p0" -v a0="$a0" -v p1="$(cpu_ticks "$proxy")" -v a1="$(cpu_ticks "$articles_pid")" -v tick="$tick" '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /Requests\/sec/ { rps=$2 } / 50%/ { p50=ms($2) } / 99%/ { p99=ms($2) } / requests in / { n=$1 }
    END { printf "%.0f %.2f %.2f %.0f %.0f\n", rps, p50, p99, (p1-p0)*1e6/tick/n, (a1-a0)*1e6/tick/n }'
}
# fixed_rate URL SECONDS: $rate requests/s (10 workers of rate/10 each, keep-alive), hey's report on stdout
fixed_rate() { hey -z "$2s" -c 10 -q $((rate / 10)) -H "X-API-Key: $key" "$1"; }
# at_rate URL -> "p50_ms p99_ms" at $rate requests/s
at_rate() {
  local out
  out=$(fixed_rate "$1" "$duration")
  printf '%s\n' "$out" >>"$work/hey.log"
  printf '%s\n' "$out" | awk '/ 50% in / { p50 = $3 * 1000 } / 99% in / { p99 = $3 * 1000 }
    /Status code distribution/ { codes = 1 } codes && /\[[0-9]+\]/ && $1 != "[200]" { bad += $2 }
    END { if (bad) { print "run.sh: non-200 answers at fixed rate" > "/dev/stderr"; exit 1 } printf "%.2f %.2f\n", p50, p99 }'
}
# residence URL PORT -> "p50_ms p99_ms requests": time inside the proxy listening on PORT, at $rate requests/s
residence() {
  local capture="$work/capture-$2.pcap" dump
  tcpdump -i lo -nn -s 400 -w "$capture" "tcp port $2 or tcp port $articles_port" 2>/dev/null &
  dump=$!
  sleep 1
  fixed_rate "$1" "$duration" >/dev/null
  kill -INT "$dump"; wait "$dump" || true
  local found
  found=$(tcpdump -r "$capture" -nn -tt -A 2>/dev/null | python3 "$root/bench/gateway/residence.py" "$2" "$articles_port")
  rm -f "$capture"
  echo "$found"
}
warm() { wrk -t"$threads" -c"$connections" -d"$2s" -H "X-API-Key: $key" "$1" >/dev/null; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
: >"$work/wrk.log"; : >"$work/hey.log"
urls=("http://127.0.0.1:$articles_port$path" "http://127.0.0.1:$gateway_port$path" "http://127.0.0.1:$nginx_port$path"
  "http://127.0.0.1:$bare_port$path") # the last one is only warmed and captured, not in the rounds
nginx_worker=$(pgrep -P "$(cat "$work/nginx.pid")" | head -1)
proxies=("" "$gateway_pid" "$nginx_worker")
# Warm-up: whole rounds, discarded, until the JIT of both JVMs is quiet (article-service is behind every target). A JVM
# compiles the paths of the first load, and deoptimises and compiles again when the pattern changes: load after idle,
# connections closed and opened, saturated then fixed rate. Measured with -XX:+PrintCompilation and perf: after a plain
# 15 s warm-up the gateway's first measured phase began with ~230 deoptimisations and ~600 compilations, C2 taking
# ~40 % of its CPU; after one warm-up round its req/s still rose round by round (3017, 4071, 4659). So rounds repeat
# (at most 5) until a whole round adds fewer than 25 compiled methods to either JVM (jstat -compiler). On the 2-core
# machine all five run: rounds 2-5 added 330, 115, 142, 71 methods to the gateway (article-service alike), the churn
# that each change of pattern keeps up, against 3,434 in the first.
compiled() { "$JAVA_HOME/bin/jstat" -compiler "$1" | awk 'NR == 2 { print $1 }'; }
warm_rounds=0
while :; do
  g0=$(compiled "$gateway_pid"); a0=$(compiled "$articles_pid")
  for ((k = 0; k < ${#urls[@]}; k++)); do
    warm "${urls[$k]}" $((warmup * 3))
    fixed_rate "${urls[$k]}" $((warmup * 2)) >/dev/null
  done
  warm_rounds=$((warm_rounds + 1))
  new_g=$(( $(compiled "$gateway_pid") - g0 )); new_a=$(( $(compiled "$articles_pid") - a0 ))
  echo "warm-up round $warm_rounds: $new_g methods compiled in the gateway, $new_a in article-service" >&2
  if { [ "$new_g" -lt 25 ] && [ "$new_a" -lt 25 ]; } || [ "$warm_rounds" -ge 5 ]; then break; fi
done
warm_note="$warm_rounds warm-up round(s), the last one adding $new_g / $new_a compiled methods to gateway / article-service"
declare -a rps p50 p99 cpu svc rp50 rp99
for ((round = 0; round < rounds; round++)); do
  for ((k = 0; k < 3; k++)); do
    t=$(( (round + k) % 3 ))
    read -r a b c d e < <(measure "${urls[$t]}" "${proxies[$t]}")
    rps[$t]+="$a "; p50[$t]+="$b "; p99[$t]+="$c "; cpu[$t]+="$d "; svc[$t]+="$e "
  done
  for ((k = 0; k < 3; k++)); do
    t=$(( (round + k) % 3 ))
    read -r a b < <(at_rate "${urls[$t]}")
    rp50[$t]+="$a "; rp99[$t]+="$b "
  done
done
# Last, apart from the rounds (the capture costs CPU too): the time inside each proxy.
read -r g_in50 g_in99 g_inn < <(residence "${urls[1]}" $gateway_port)
read -r n_in50 n_in99 n_inn < <(residence "${urls[2]}" $nginx_port)
read -r b_in50 b_in99 b_inn < <(residence "${urls[3]}" $bare_port)
# shellcheck disable=SC2086 # the lists are words on purpose
for t in 0 1 2; do
  read -r "r$t" "l$t" "h$t" "c$t" "s$t" "m$t" "q$t" <<<"$(median ${rps[$t]}) $(median ${p50[$t]}) $(median ${p99[$t]}) $(median ${cpu[$t]}) $(median ${svc[$t]}) $(median ${rp50[$t]}) $(median ${rp99[$t]})"
done
d_rps=$r0 d_p50=$l0 d_p99=$h0 d_svc=$s0 d_r50=$m0 d_r99=$q0
g_rps=$r1 g_p50=$l1 g_p99=$h1 g_cpu=$c1 g_svc=$s1 g_r50=$m1 g_r99=$q1
n_rps=$r2 n_p50=$l2 n_p99=$h2 n_cpu=$c2 n_svc=$s2 n_r50=$m2 n_r99=$q2
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a/b }'; }
diff() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a-b }'; }

cat >"$root/bench/gateway/RESULTS.md" <<MD
# Gateway benchmark

- Command: \`bench/gateway/run.sh\` ($rounds rounds of DURATION=$duration s per target: wrk -t$threads -c$connections, then
  each target at a fixed $rate req/s with hey -c 10; medians of the rounds)
- Warm-up: discarded rounds of $((warmup * 3)) s saturated and $((warmup * 2)) s at the fixed rate per target until the
  JIT is quiet: $warm_note.
- Date: $(date -u +%Y-%m-%dT%H:%MZ)
- Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(uname -sr);
  JVM: $("$java" -version 2>&1 | head -1); wrk, both services and nginx share these cores;
  load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (anything well above the core count means other work competed).
- Request: \`GET /api/v1/articles/{id}\` of the sample article (article-service on PostgreSQL), same id for all three.
- Proxies: nginx with one worker; the gateway with $(deployment_event_loops) Vert.x event loop(s), as its Deployment runs it.
- Rounds (req/s): direct ${rps[0]}; gateway ${rps[1]}; nginx ${rps[2]}
- Rounds at $rate req/s (p99 ms): direct ${rp99[0]}; gateway ${rp99[1]}; nginx ${rp99[2]}

| target | req/s (saturated) | p50 ms | p99 ms | p50 ms at $rate/s | p99 ms at $rate/s | proxy CPU µs/request | article-service CPU µs/request |
|---|---:|---:|---:|---:|---:|---:|---:|
| direct to article-service | $d_rps | $d_p50 | $d_p99 | $d_r50 | $d_r99 | – | $d_svc |
| through the gateway | $g_rps | $g_p50 | $g_p99 | $g_r50 | $g_r99 | $g_cpu | $g_svc |
| through nginx (reference) | $n_rps | $n_p50 | $n_p99 | $n_r50 | $n_r99 | $n_cpu | $n_svc |

| measure | value | target |
|---|---:|---|
| gateway / direct (req/s) | $(ratio "$g_rps" "$d_rps") | ≥ 0.8 |
| nginx / direct (req/s) | $(ratio "$n_rps" "$d_rps") | reference |
| gateway / nginx (req/s) | $(ratio "$g_rps" "$n_rps") | ≥ 0.9 |
| p99 added by the gateway at $rate req/s | $(diff "$g_r99" "$d_r99") ms | < 2 ms |
| p99 added by nginx at $rate req/s | $(diff "$n_r99" "$d_r99") ms | reference |
| time inside the gateway per request at $rate req/s, p50 / p99 | $g_in50 / $g_in99 ms | p99 < 2 ms |
| time inside nginx per request at $rate req/s, p50 / p99 | $n_in50 / $n_in99 ms | reference |
| time inside a bare Vert.x proxy at $rate req/s, p50 / p99 | $b_in50 / $b_in99 ms | reference: the floor of the gateway's HTTP stack |
| p99 added by the gateway, saturated | $(diff "$g_p99" "$d_p99") ms | (latency = load / throughput there) |
| start to ready: gateway / article-service | $gateway_ready ms / $articles_ready ms ($(ratio "$gateway_ready" "$articles_ready")) | ≤ 0.8 |
| idle RSS: gateway / article-service | $gateway_rss MB / $articles_rss MB ($(ratio "$gateway_rss" "$articles_rss")) | ≤ 0.8 |

Raw wrk and hey output: target/bench-gateway/wrk.log, hey.log (not committed).

Notes: a 2-core machine shared with other builds, with wrk on the same cores as the services, gives noisy numbers
(especially p99): compare the three rows of one run, not runs with each other. Saturated, wrk keeps 32 requests in
flight, so each one's latency is about 32 / throughput and mostly says which target is faster; the latency a proxy
adds to a request is read at the fixed rate, where nothing queues: as the difference of two p99s measured apart
(which carries the upstream's own variance of several ms) and, more exactly, per request from a loopback capture of
one more fixed-rate phase ($g_inn / $n_inn / $b_inn requests): from the request's arrival to its departure upstream plus from
the answer's arrival to its departure to the client (bench/gateway/residence.py). The bare Vert.x proxy
(bench/gateway/BareVertxProxy.java, one event loop, no guards) shows what Vert.x' HTTP server and client alone take. CPU per request is the process's
user + system time over the requests wrk completed. The proxies keep upstream
connections alive, so through a proxy article-service serves fewer, busier connections than wrk's 32 directly,
which is why a proxy can measure at or above "direct" here.
MD
cat "$root/bench/gateway/RESULTS.md"
