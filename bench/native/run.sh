#!/usr/bin/env bash
# Native executable vs JVM jar, per service, in one run on this machine: start -> ready, idle RSS, RSS after a load
# run, and the throughput of the service's main endpoint at 32 connections (wrk, after a warm-up):
#   article-service  GET /api/v1/articles/{id} (the sample article, from PostgreSQL)
#   entity-service   POST /api/v1/extract with the sample article's text: the extraction pipeline's articles/s
#                    (ready = the NER model loaded: its readiness check waits for it)
#   gateway          GET /api/v1/articles/{id} through the gateway (API key, rate limit, proxy), to the same
#                    upstream for both (the native article-service, started once)
#   alert-service    GET /api/v1/subscriptions (a caller's saved searches, from PostgreSQL), with the native
#                    article-service as its upstream (it validates the queries the subscriptions are created with)
# Both modes run with -Xmx512m, as scripts/run starts them (native also with -Xmn32m, the gateway -Xmn16m: a young
# generation bounded as deployed, docs/native.md; NATIVE_FLAGS="..." replaces the native flags of every service), against one local OpenSearch node
# (scripts/opensearch, 512 MB heap; each mode its own index prefix), so that the indexers and the percolator index
# run as in production. Writes bench/native/RESULTS.md.
#
#   bench/native/run.sh      DURATION=60 WARMUP=60 ENTITY_WARMUP=120 CONNECTIONS=32 THREADS=2 to change the load
#                            (the warm-up is long enough for the JVM's JIT to reach its steady state: the throughput
#                            rows compare steady states, native without PGO); SERVICES="article-service gateway"
#                            measures a subset (the gateway's and alert-service's upstream is the native
#                            article-service, so they need article-service built too)
#
# Needs: the jars (./mvnw -B package -DskipTests -pl article-service,entity-service,gateway,alert-service -am) and the
# native executables (scripts/native build), wrk (installed with apt when root), curl, python3, PostgreSQL server
# binaries (scripts/pg finds or installs them). Runs copies of both builds taken at the start (others may rebuild
# meanwhile); listens on 127.0.0.1:18181-18184 (and the node's free port) only; stops everything it started, by pid,
# on any exit.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK="$ROOT/target/bench-native"
# Native flags: NATIVE_FLAGS for every service, else the heap of the JVM and a young generation bounded as deployed.
native_flags() { if [ -n "${NATIVE_FLAGS:-}" ]; then echo "$NATIVE_FLAGS"; elif [ "$1" = gateway ]; then echo "-Xmx512m -Xmn16m"; else echo "-Xmx512m -Xmn32m"; fi; }
DURATION=${DURATION:-60} WARMUP=${WARMUP:-60} ENTITY_WARMUP=${ENTITY_WARMUP:-120} CONNECTIONS=${CONNECTIONS:-32} THREADS=${THREADS:-2}
ARTICLES_PORT=18181 ENTITIES_PORT=18182 GATEWAY_PORT=18183 ALERTS_PORT=18184
KEY="bench-$RANDOM$RANDOM"
read -r -a SERVICES <<<"${SERVICES:-article-service entity-service gateway alert-service}"
measures() { [[ " ${SERVICES[*]} " == *" $1 "* ]]; }
rm -rf "$WORK"; mkdir -p "$WORK/logs" "$WORK/jvm" "$WORK/native"
source "$ROOT/bench/lib.sh"   # put/log/cmd, cleanup of PIDS and $WORK/pg on exit
source "$ROOT/scripts/lib.sh"
select_jdk
JAVA=$JAVA_HOME/bin/java

for tool in curl python3; do command -v $tool >/dev/null || { echo "$tool is needed" >&2; exit 1; }; done
if ! command -v wrk >/dev/null; then
  [ "$(id -u)" = 0 ] || { echo "run.sh: install wrk (apt-get install wrk)" >&2; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >&2
fi
needed=("${SERVICES[@]}"); { measures gateway || measures alert-service; } && ! measures article-service && needed+=(article-service)
for s in "${needed[@]}"; do
  [ -f "$ROOT/$s/target/quarkus-app/quarkus-run.jar" ] || { echo "run.sh: no jar of $s: ./mvnw -B package -DskipTests -pl $s -am" >&2; exit 1; }
  exe=$(find "$ROOT/$s/target" -maxdepth 1 -type f -name '*-runner' -perm -u+x -print -quit)
  [ -n "$exe" ] || { echo "run.sh: no native executable of $s: scripts/native build" >&2; exit 1; }
  cp -a "$ROOT/$s/target/quarkus-app" "$WORK/jvm/$s"; cp -a "$exe" "$WORK/native/$s"
  put "${s}_native_mb" "$(du -m "$exe" | cut -f1)"
  put "${s}_built" "jar $(date -u -r "$ROOT/$s/target/quarkus-app/quarkus-run.jar" +%H:%MZ), native $(date -u -r "$exe" +%H:%MZ)"
done

read -r PG_HOST PG_PORT PG_USER PG_PASSWORD < <("$ROOT/scripts/pg" start "$WORK/pg" --fast | tail -1)
pg_env() {
  echo "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://$PG_HOST:$PG_PORT/$1"; echo "QUARKUS_DATASOURCE_USERNAME=$PG_USER"; echo "QUARKUS_DATASOURCE_PASSWORD=$PG_PASSWORD"
  echo "NEWSGRAPH_SEARCH_URL=$SEARCH_URL"; echo "NEWSGRAPH_SEARCH_INDEX_PREFIX=${1//_/-}-"
}
for db in articles_jvm articles_native entities_jvm entities_native alerts_jvm alerts_native; do
  "$ROOT/scripts/pg" psql "$WORK/pg" -d postgres -q -c "create database $db" >/dev/null
done
# One OpenSearch node for the run (stopped with this script, by its watchdog); each database its own index prefix.
SEARCH_URL=$(NEWSGRAPH_OPENSEARCH_HEAP=512m "$ROOT/scripts/opensearch" start "$WORK/opensearch" --watch $$ --remove | tail -1)
log "opensearch: $SEARCH_URL"

now_ms() { date +%s%3N; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
load() { cut -d' ' -f1 /proc/loadavg; }

# start MODE SERVICE PORT ENV... -> "pid ready_ms" (ready: /q/health/ready answers 200)
start() {
  local mode=$1 name=$2 port=$3; shift 3
  local -a command
  if [ "$mode" = native ]; then read -r -a command <<<"$WORK/native/$name $(native_flags "$name")"; else command=("$JAVA" -Xmx512m -jar "$WORK/jvm/$name/quarkus-run.jar"); fi
  local t0; t0=$(now_ms)
  env "$@" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" "${command[@]}" >"$WORK/logs/$name-$mode.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 3000); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2>/dev/null; then echo "$pid $(( $(now_ms) - t0 ))"; return; fi
    kill -0 "$pid" 2>/dev/null || { echo "run.sh: $name ($mode) died, see $WORK/logs/$name-$mode.log" >&2; exit 1; }
    sleep 0.02
  done
  echo "run.sh: $name ($mode) not ready in 60 s" >&2; exit 1
}
stop() {
  kill -TERM "$1" 2>/dev/null || true
  for _ in $(seq 1 200); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$1" 2>/dev/null || true
}

# wrk URL SECONDS [options -- script args] -> "req_per_s p50_ms p99_ms non2xx" (the URL before the options: wrk hands
# everything after `--` to the Lua script)
measure() {
  local url=$1 seconds=$2; shift 2
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --latency -H "X-API-Key: $KEY" -H "X-Newsgraph-Key: bench" "$url" "$@" | tee -a "$WORK/wrk.log" | awk '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /Requests\/sec/ { rps=$2 } / 50%/ { p50=ms($2) } / 99%/ { p99=ms($2) } /Non-2xx/ { bad=$NF }
    END { printf "%.1f %.2f %.2f %d\n", rps, p50, p99, bad }'
}

# One service in one mode: start, idle RSS, warm-up, measured load, RSS after. Keys: <service>_<mode>_<measure>.
# run_one MODE SERVICE PORT URL WARMUP_S WRK_ARGS(;-separated) ENV...
run_one() {
  local mode=$1 name=$2 port=$3 url=$4 warm=$5 wrk_args=$6; shift 6
  local -a extra=(); [ -n "$wrk_args" ] && IFS=';' read -r -a extra <<<"$wrk_args"
  log "$name ($mode): start"
  local pid ready
  read -r pid ready < <(start "$mode" "$name" "$port" "$@") || true
  [ -n "${ready:-}" ] || exit 1
  PIDS+=("$pid")
  sleep 2   # idle: let start-up allocations settle before reading RSS
  put "${name}_${mode}_ready_ms" "$ready"; put "${name}_${mode}_idle_rss" "$(rss_mb "$pid")"; put "${name}_${mode}_load_start" "$(load)"
  if [ -n "${PREPARE:-}" ]; then
    url=$($PREPARE "$port") || { echo "run.sh: preparing $name ($mode) failed, see $WORK/logs/$name-$mode.log" >&2; exit 1; }
  fi
  log "$name ($mode): ${warm} s warm-up, ${DURATION} s measured at $CONNECTIONS connections"
  measure "$url" "$warm" "${extra[@]}" >/dev/null
  local rps p50 p99 bad
  read -r rps p50 p99 bad < <(measure "$url" "$DURATION" "${extra[@]}")
  put "${name}_${mode}_rps" "$rps"; put "${name}_${mode}_p50" "$p50"; put "${name}_${mode}_p99" "$p99"; put "${name}_${mode}_non2xx" "$bad"
  put "${name}_${mode}_load_rss" "$(rss_mb "$pid")"; put "${name}_${mode}_load_end" "$(load)"
  stop "$pid"
}

# The sample article stored in article-service on PORT; prints the URL of GET /api/v1/articles/{id} there.
ingest_sample() {
  local id
  id=$(curl -fsS -H 'Content-Type: text/plain; charset=utf-8' --data-binary @"$ROOT/samples/seed-article.txt" \
    "http://127.0.0.1:$1/api/v1/articles?publishedAt=2025-03-23T12:00:00Z" | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
  echo "http://127.0.0.1:$1/api/v1/articles/$id"
}

# wrk script and body for POST /api/v1/extract: the sample article's text.
python3 - "$ROOT/samples/seed-article.txt" "$WORK/extract.json" <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
open(sys.argv[2], "w", encoding="utf-8").write(json.dumps({"text": text, "publishedAt": "2025-03-23T12:00:00Z"}))
PY
cat >"$WORK/extract.lua" <<'LUA'
function init(args)
  local f = assert(io.open(args[1], "rb")); wrk.body = f:read("*a"); f:close()
  wrk.method = "POST"; wrk.headers["Content-Type"] = "application/json"
end
LUA

# alert-service on PORT: 20 saved searches of the caller `bench` (as the gateway names an API key); prints the URL of
# GET /api/v1/subscriptions there.
subscribe() {
  local i
  for i in $(seq 1 20); do
    curl -fsS -o /dev/null -H 'X-Newsgraph-Key: bench' -H 'Content-Type: application/json' \
      -d "{\"name\": \"bench $i\", \"query\": {\"q\": \"harbour talks $i\", \"source\": [\"bench.example\"]}}" \
      "http://127.0.0.1:$1/api/v1/subscriptions" || return 1
  done
  echo "http://127.0.0.1:$1/api/v1/subscriptions"
}

mapfile -t ART_JVM < <(pg_env articles_jvm); mapfile -t ART_NATIVE < <(pg_env articles_native)
mapfile -t ENT_JVM < <(pg_env entities_jvm); mapfile -t ENT_NATIVE < <(pg_env entities_native)
mapfile -t ALERT_JVM < <(pg_env alerts_jvm); mapfile -t ALERT_NATIVE < <(pg_env alerts_native)
cmd "SERVICES=\"${SERVICES[*]}\"${NATIVE_FLAGS:+ NATIVE_FLAGS=\"$NATIVE_FLAGS\"} bench/native/run.sh  (DURATION=$DURATION WARMUP=$WARMUP ENTITY_WARMUP=$ENTITY_WARMUP CONNECTIONS=$CONNECTIONS THREADS=$THREADS)"

if measures article-service; then
  PREPARE=ingest_sample
  run_one jvm article-service $ARTICLES_PORT "" "$WARMUP" "" "${ART_JVM[@]}"
  run_one native article-service $ARTICLES_PORT "" "$WARMUP" "" "${ART_NATIVE[@]}"
  PREPARE=""
fi
# No article-service beside it: a closed port, the feed puller only retries (as in the service's own tests).
measures entity-service && run_one jvm entity-service $ENTITIES_PORT "http://127.0.0.1:$ENTITIES_PORT/api/v1/extract" "$ENTITY_WARMUP" "-s;$WORK/extract.lua;--;$WORK/extract.json" \
  "${ENT_JVM[@]}" NEWSGRAPH_ARTICLES_URL=http://127.0.0.1:9
measures entity-service && run_one native entity-service $ENTITIES_PORT "http://127.0.0.1:$ENTITIES_PORT/api/v1/extract" "$ENTITY_WARMUP" "-s;$WORK/extract.lua;--;$WORK/extract.json" \
  "${ENT_NATIVE[@]}" NEWSGRAPH_ARTICLES_URL=http://127.0.0.1:9

if measures gateway || measures alert-service; then
log "gateway's and alert-service's upstream: native article-service"
read -r upstream upstream_ready < <(start native article-service $ARTICLES_PORT "${ART_NATIVE[@]}") || true
[ -n "${upstream_ready:-}" ] || exit 1
PIDS+=("$upstream")
fi
if measures gateway; then
gateway_url=$(ingest_sample $ARTICLES_PORT) || { echo "run.sh: ingesting the sample into the gateway's upstream failed" >&2; exit 1; }
gateway_url=${gateway_url/:$ARTICLES_PORT/:$GATEWAY_PORT}
GATEWAY_ENV=(NEWSGRAPH_GATEWAY_UPSTREAMS_ARTICLES_URL="http://127.0.0.1:$ARTICLES_PORT" NEWSGRAPH_GATEWAY_UPSTREAMS_ENTITIES_URL="http://127.0.0.1:$ENTITIES_PORT"
  NEWSGRAPH_GATEWAY_UPSTREAMS_ALERTS_URL="http://127.0.0.1:$ALERTS_PORT"
  NEWSGRAPH_GATEWAY_API_KEYS="bench:$(printf %s "$KEY" | sha256sum | cut -d' ' -f1):admin" NEWSGRAPH_GATEWAY_RATE_LIMITS_ADMIN_REQUESTS=2000000000)
run_one jvm gateway $GATEWAY_PORT "$gateway_url" "$WARMUP" "" "${GATEWAY_ENV[@]}"
run_one native gateway $GATEWAY_PORT "$gateway_url" "$WARMUP" "" "${GATEWAY_ENV[@]}"
fi
if measures alert-service; then
  PREPARE=subscribe
  run_one jvm alert-service $ALERTS_PORT "" "$WARMUP" "" "${ALERT_JVM[@]}" NEWSGRAPH_ARTICLES_URL="http://127.0.0.1:$ARTICLES_PORT"
  run_one native alert-service $ALERTS_PORT "" "$WARMUP" "" "${ALERT_NATIVE[@]}" NEWSGRAPH_ARTICLES_URL="http://127.0.0.1:$ARTICLES_PORT"
  PREPARE=""
fi
if measures gateway || measures alert-service; then
stop "$upstream"
fi

put date "$(date -u +%Y-%m-%dT%H:%MZ)"
put native_flags "${NATIVE_FLAGS:-$(native_flags article-service) (gateway: $(native_flags gateway))}"
put warmup "$WARMUP"; put entity_warmup "$ENTITY_WARMUP"; put duration "$DURATION"
put search "scripts/opensearch, OpenSearch 3.8.0 on the JVM, 512 MB heap, on the same cores"
put machine "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(uname -sr)"
put java "$("$JAVA" -version 2>&1 | head -1)"
put native_image "$("${GRAALVM_HOME:-/nonexistent}/bin/native-image" --version 2>/dev/null | head -1 || true)"
python3 "$ROOT/bench/native/report.py" "$WORK/results.txt" "$WORK/commands.txt" >"$ROOT/bench/native/RESULTS.md"
cat "$ROOT/bench/native/RESULTS.md"
