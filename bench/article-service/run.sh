#!/usr/bin/env bash
# Benchmark of article-service, in one run on this machine (see README.md beside this file).
#
#   bench/article-service/run.sh                                   full run: 100k articles, 30 s per load phase
#   bench/article-service/run.sh --articles 5000 --duration 5 --starts 1     quick try (results to .work/)
#
# Options:
#   --articles N     corpus size loaded through the batch endpoint (default 100000)
#   --duration S     seconds of each measured load phase: ingest x1, ingest x8 (default 30)
#   --starts N       start-up measurements per app and mode; the median is reported (default 3)
#   --seed S         corpus seed (default 20250323)
#   --results FILE   where the report goes (default: RESULTS.md for a full-size run, .work/RESULTS-quick.md otherwise)
#   --skip-startup   skip the start-up / RSS part
#   --skip-load      skip corpus and ingest (start-up / RSS only)
# Search is OpenSearch's since issue 13 and is measured by bench/search/run.sh.
# Environment: BENCH_JAVA_OPTS (extra JVM options for every start; default none).
#
# Everything it starts (PostgreSQL under .work/pg, the apps) is stopped on exit, also on Ctrl-C or error.
# All traffic goes to 127.0.0.1. Every loop is bounded in count and time.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK="$HERE/.work"
ARTICLES=100000 DURATION=30 STARTS=3 SEED=20250323 RESULTS="" SKIP_STARTUP=0 SKIP_LOAD=0
while [ $# -gt 0 ]; do
  case $1 in
    --articles) ARTICLES=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --starts) STARTS=$2; shift ;;
    --seed) SEED=$2; shift ;;
    --results) RESULTS=$2; shift ;;
    --skip-startup) SKIP_STARTUP=1 ;;
    --skip-load) SKIP_LOAD=1 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
[ -n "$RESULTS" ] || { if [ "$ARTICLES" -ge 100000 ]; then RESULTS="$HERE/RESULTS.md"; else RESULTS="$WORK/RESULTS-quick.md"; fi; }
JAVA_OPTS=(${BENCH_JAVA_OPTS:-})

mkdir -p "$WORK/logs" "$WORK/aot" "$WORK/apps"
source "$ROOT/bench/lib.sh"   # results/commands files, log, cleanup of what this script starts

# ---- tools, JDK, builds ------------------------------------------------------------------------------------------
source "$ROOT/scripts/lib.sh"
select_jdk
APT_UPDATED=0
need() {   # need COMMAND [DEBIAN_PACKAGE]
  command -v "$1" >/dev/null 2>&1 && return 0
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || { echo "$1 is needed (apt-get install ${2:-$1})" >&2; exit 1; }
  [ "$APT_UPDATED" = 1 ] || { apt-get update -qq >&2; APT_UPDATED=1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${2:-$1}" >&2
}
need wrk; need curl; need python3

ART_SRC="$ROOT/article-service/target/quarkus-app"
MIN_SRC="$HERE/../minimal-app/target/quarkus-app"
if [ ! -f "$ART_SRC/quarkus-run.jar" ]; then
  log "building article-service (jar missing)"
  (cd "$ROOT" && ./mvnw -B -q -ntp -DskipTests package -pl article-service -am) >"$WORK/logs/build-article.log" 2>&1 \
    || { tail -30 "$WORK/logs/build-article.log"; exit 1; }
fi
if [ ! -f "$MIN_SRC/quarkus-run.jar" ] || [ -n "$(find "$HERE/../minimal-app/src" "$HERE/../minimal-app/pom.xml" -newer "$MIN_SRC/quarkus-run.jar" -print -quit)" ]; then
  log "building minimal-app"
  (cd "$ROOT" && ./mvnw -B -q -ntp -f bench/minimal-app/pom.xml package -DskipTests) >"$WORK/logs/build-minimal.log" 2>&1 \
    || { tail -30 "$WORK/logs/build-minimal.log"; exit 1; }
fi
# Snapshots of both apps: other people build on this machine, and an AOT cache is only valid for the exact jars it
# was trained with, so a rebuild in the middle of the run must not change what is measured.
rm -rf "$WORK/apps/article-service" "$WORK/apps/minimal-app"
cp -a "$ART_SRC" "$WORK/apps/article-service"
cp -a "$MIN_SRC" "$WORK/apps/minimal-app"
ART_JAR="$WORK/apps/article-service/quarkus-run.jar"
MIN_JAR="$WORK/apps/minimal-app/quarkus-run.jar"
put article_jar_built "$(date -u -r "$ART_SRC/quarkus-run.jar" +%Y-%m-%dT%H:%M:%SZ)"

# ---- PostgreSQL ----------------------------------------------------------------------------------------------------
read -r DB_HOST DB_PORT DB_USER DB_PASSWORD < <("$ROOT/scripts/pg" start "$WORK/pg" --watch $$ | tail -1)
PSQL=("$ROOT/scripts/pg" psql "$WORK/pg")
for db in bench_articles bench_minimal; do
  "${PSQL[@]}" -d postgres -qc "DROP DATABASE IF EXISTS $db" >/dev/null
  "${PSQL[@]}" -d postgres -qc "CREATE DATABASE $db" >/dev/null
done
"${PSQL[@]}" -d bench_minimal -q -f "$HERE/../minimal-app/schema.sql" >/dev/null
put pg_version "$("${PSQL[@]}" -d postgres -tAc 'SHOW server_version')"
put pg_settings "$("${PSQL[@]}" -d postgres -tAc "SELECT string_agg(name || '=' || setting || coalesce(unit, ''), ', ' ORDER BY name) FROM pg_settings WHERE name IN ('shared_buffers','fsync','synchronous_commit','max_connections','work_mem')")"


# start_app NAME JAR DB PORT LOG [JVM options...]: starts in the background, sets APP_PID.
start_app() {
  local name=$1 jar=$2 db=$3 port=$4 logf=$5; shift 5
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/$db" QUARKUS_DATASOURCE_USERNAME="$DB_USER" \
    QUARKUS_DATASOURCE_PASSWORD="$DB_PASSWORD" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" \
    "$JAVA_HOME/bin/java" "${JAVA_OPTS[@]}" "$@" -jar "$jar" >"$logf" 2>&1 </dev/null &
  APP_PID=$!
  PIDS+=("$APP_PID")
}
# wait_ready PORT PID MAXSECONDS: polls /q/health/ready every ~20 ms; prints milliseconds since START_NS.
wait_ready() {
  local port=$1 pid=$2 max=$3 now
  local until=$(( $(date +%s%N) + max * 1000000000 ))
  while :; do
    if curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$port/q/health/ready"; then
      now=$(date +%s%N); echo $(( (now - START_NS) / 1000000 )); return 0
    fi
    kill -0 "$pid" 2>/dev/null || { echo "process $pid exited before it was ready" >&2; return 1; }
    [ "$(date +%s%N)" -lt "$until" ] || { echo "not ready after $max s" >&2; return 1; }
    sleep 0.02
  done
}
stop_app() {   # stop_app PID [MAXSECONDS]: SIGTERM, wait, SIGKILL as a last resort
  local pid=$1 max=${2:-30}
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 $((max * 10))); do kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }; sleep 0.1; done
  log "pid $pid still running after $max s: SIGKILL"; kill -KILL "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
}
load_snapshot() {   # how busy the machine is: load averages and the busiest processes (ours marked "(bench)")
  local la; la=$(cut -d' ' -f1-3 /proc/loadavg)
  local top; top=$(ps -eo pid=,pcpu=,comm= --sort=-pcpu | head -4 | awk -v ours=" ${PIDS[*]} " \
    '{mark = index(ours, " " $1 " ") ? " (bench)" : ""; printf "%s%s %s%%; ", $3, mark, $2}')
  echo "load $la; top: $top"
}
field() { sed -n "s/.*[ ^]$1=\([^ ]*\).*/\1/p" <<<" $2"; }

# ---- corpus --------------------------------------------------------------------------------------------------------
if [ "$SKIP_LOAD" = 0 ]; then
  CORPUS="$WORK/corpus-$SEED-$ARTICLES.ndjson"
  POOL="$WORK/ingest-pool-$SEED.ndjson"
  if [ ! -s "$CORPUS" ]; then
    log "generating corpus: $ARTICLES articles (seed $SEED)"
    t0=$(date +%s)
    python3 "$HERE/generate-corpus.py" --articles "$ARTICLES" --seed "$SEED" --out "$CORPUS.tmp"
    mv "$CORPUS.tmp" "$CORPUS"
    put corpus_generate_s $(( $(date +%s) - t0 ))
  fi
  # Articles for the single-ingest phases: a disjoint index range, so none is in the loaded corpus.
  [ -s "$POOL" ] || python3 "$HERE/generate-corpus.py" --articles 3000 --seed "$SEED" --start-index 50000000 --out "$POOL"
  cmd "python3 bench/article-service/generate-corpus.py --articles $ARTICLES --seed $SEED --out corpus.ndjson"
  put corpus_articles "$(wc -l <"$CORPUS")"
  put corpus_mb "$(( $(stat -c %s "$CORPUS") / 1048576 ))"
  put corpus_words_avg "$(python3 -c "
import json,sys
n=w=0
for i,l in enumerate(open(sys.argv[1])):
    if i>=2000: break
    n+=1; w+=len(json.loads(l)['body'].split())
print(round(w/n))" "$CORPUS")"

  # ---- article-service under load --------------------------------------------------------------------------------
  PORT=$(free_port)
  START_NS=$(date +%s%N)
  start_app article-service "$ART_JAR" bench_articles "$PORT" "$WORK/logs/article-service-load.log"
  SVC_PID=$APP_PID
  wait_ready "$PORT" "$SVC_PID" 120 >/dev/null || { tail -30 "$WORK/logs/article-service-load.log"; exit 1; }
  BASE="http://127.0.0.1:$PORT"
  log "article-service ready on $BASE (pid $SVC_PID)"

  log "loading corpus through POST /api/v1/articles/batch (<= 1000 lines and <= 4,000,000 bytes per request, 2 connections)"
  put load_conditions "$(load_snapshot)"
  cmd "python3 bench/article-service/load-batches.py $BASE/api/v1/articles/batch corpus.ndjson --batch 1000 --max-bytes 4000000 --workers 2"
  out=$(python3 "$HERE/load-batches.py" "$BASE/api/v1/articles/batch" "$CORPUS" --batch 1000 --max-bytes 4000000 --workers 2 --timeout 3000 | tee -a "$WORK/logs/load.txt")
  log "$out"
  for k in articles created duplicates failed http_errors requests seconds rate; do put "batch_$k" "$(field "$k" "$out")"; done
  put db_articles "$("${PSQL[@]}" -d bench_articles -tAc 'SELECT count(*) FROM article')"

  log "VACUUM ANALYZE after the bulk load"
  t0=$(date +%s%N)
  "${PSQL[@]}" -d bench_articles -qc 'VACUUM (ANALYZE) article' >/dev/null
  "${PSQL[@]}" -d bench_articles -qc 'VACUUM (ANALYZE) article_version' >/dev/null
  "${PSQL[@]}" -d bench_articles -qc 'VACUUM (ANALYZE) article_change' >/dev/null
  put vacuum_s "$(( ($(date +%s%N) - t0) / 1000000000 ))"
  put db_size "$("${PSQL[@]}" -d bench_articles -tAc "SELECT pg_size_pretty(pg_database_size('bench_articles'))")"

  WARM=$(( DURATION < 10 ? DURATION : 10 ))

  # ---- single-article ingest ------------------------------------------------------------------------------------
  NONCE=$(date +%s)
  log "single-article ingest warm-up: $WARM s at 8 connections"
  wrk -t2 -c8 -d"${WARM}s" --timeout 10s -s "$HERE/wrk/ingest.lua" "$BASE" -- "$POOL" "$NONCE-warm" >"$WORK/logs/ingest-warmup.txt" 2>&1 || true
  for conns in 1 8; do
    threads=$(( conns < 2 ? 1 : 2 ))
    log "single-article ingest: ${DURATION}s at $conns connection(s)"
    put "ingest${conns}_conditions" "$(load_snapshot)"
    cmd "wrk -t$threads -c$conns -d${DURATION}s --timeout 10s -s bench/article-service/wrk/ingest.lua $BASE -- ingest-pool.ndjson NONCE"
    out=$(wrk -t"$threads" -c"$conns" -d"${DURATION}s" --timeout 10s -s "$HERE/wrk/ingest.lua" "$BASE" -- "$POOL" "$NONCE-$conns" | tee "$WORK/logs/ingest-$conns.txt" | grep '^RESULT')
    log "$out"
    for k in requests rps created not_created p50_ms p95_ms p99_ms non2xx err_connect err_read err_write err_timeout; do put "ingest${conns}_$k" "$(field "$k" "$out")"; done
  done
  put db_articles_end "$("${PSQL[@]}" -d bench_articles -tAc 'SELECT count(*) FROM article')"
  stop_app "$SVC_PID"
fi

# ---- start-up time and idle RSS --------------------------------------------------------------------------------------
if [ "$SKIP_STARTUP" = 0 ]; then
  # exercise NAME PORT: a few typical requests (used by the AOT training runs)
  exercise() {
    local base="http://127.0.0.1:$2" i
    for i in 1 2 3 4 5; do
      curl -fs -o /dev/null "$base/q/health/ready" || true
      if [ "$1" = minimal-app ]; then
        curl -fs -o /dev/null "$base/greetings" || true
      else
        curl -fs -o /dev/null -H 'Content-Type: application/json' \
          -d "{\"title\":\"AOT training $i $$\",\"body\":\"Delegations met in Riyadh on Monday, $i $(date +%s%N).\\n\\nThe talks continue.\",\"source\":\"bench.example\"}" \
          "$base/api/v1/articles" || true
        curl -fs -o /dev/null "$base/api/v1/articles?limit=5" || true
        curl -fs -o /dev/null "$base/api/v1/articles/feed?limit=10" || true
      fi
    done
  }
  app_jar() { [ "$1" = minimal-app ] && echo "$MIN_JAR" || echo "$ART_JAR"; }
  app_db() { [ "$1" = minimal-app ] && echo bench_minimal || echo bench_articles; }

  # AOT caches: one training run per app (JDK 25 one-step workflow: the cache is written when the JVM exits).
  for app in minimal-app article-service; do
    aot="$WORK/aot/$app.aot"; rm -f "$aot"
    port=$(free_port)
    log "AOT training run: $app"
    cmd "java -XX:AOTCacheOutput=.work/aot/$app.aot -jar $app/quarkus-run.jar   # + a few requests, then SIGTERM"
    START_NS=$(date +%s%N)
    start_app "$app" "$(app_jar "$app")" "$(app_db "$app")" "$port" "$WORK/logs/$app-aot-training.log" "-XX:AOTCacheOutput=$aot"
    pid=$APP_PID
    wait_ready "$port" "$pid" 180 >/dev/null || { tail -20 "$WORK/logs/$app-aot-training.log"; exit 1; }
    exercise "$app" "$port"
    t0=$(date +%s)
    stop_app "$pid" 300
    put "aot_${app}_dump_s" $(( $(date +%s) - t0 ))
    [ -s "$aot" ] || { tail -20 "$WORK/logs/$app-aot-training.log"; echo "no AOT cache written for $app" >&2; exit 1; }
    put "aot_${app}_mb" $(( $(stat -c %s "$aot") / 1048576 ))
  done

  put startup_conditions "$(load_snapshot)"
  : >"$WORK/startups.txt.new"
  # Round-robin over (app, mode) so that background noise spreads evenly over all four series.
  for run in $(seq 1 "$STARTS"); do
    for app in minimal-app article-service; do
      for mode in plain aot; do
        port=$(free_port)
        extra=(); [ "$mode" = aot ] && extra=("-XX:AOTCache=$WORK/aot/$app.aot")
        logf="$WORK/logs/$app-$mode-$run.log"
        if [ "$run" = 1 ]; then
          flag=""; [ "$mode" = aot ] && flag="-XX:AOTCache=.work/aot/$app.aot "
          cmd "java $flag-jar $app/quarkus-run.jar   # start → /q/health/ready 200 (polled every 20 ms); VmRSS 5 s after ready"
        fi
        START_NS=$(date +%s%N)
        start_app "$app" "$(app_jar "$app")" "$(app_db "$app")" "$port" "$logf" "${extra[@]}"
        pid=$APP_PID
        ms=$(wait_ready "$port" "$pid" 120) || { tail -20 "$logf"; exit 1; }
        sleep 5
        rss=$(awk '/^VmRSS/ {print int($2/1024)}' "/proc/$pid/status")
        stop_app "$pid"
        quarkus=$(sed -n 's/.* started in \([0-9.]*\)s\..*/\1/p' "$logf" | head -1)
        aotwarn=$(grep -ci 'aot.*\(error\|warn\|unable\|mismatch\|disabled\)' "$logf" || true)
        log "$app $mode #$run: ready ${ms} ms (Quarkus says ${quarkus}s), RSS ${rss} MB, aot warnings $aotwarn"
        echo "$app $mode $run $ms $rss $quarkus $aotwarn" >>"$WORK/startups.txt.new"
      done
    done
  done
  mv "$WORK/startups.txt.new" "$WORK/startups.txt"
fi

# ---- report ------------------------------------------------------------------------------------------------------------
put date "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
put nproc "$(nproc)"
put memory "$(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
put cpu "$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
put jdk "$("$JAVA_HOME/bin/java" -version 2>&1 | sed -n 2p)"
put kernel "$(uname -r)"
put wrk "$(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
put java_opts "${BENCH_JAVA_OPTS:-none}"
put args "--articles $ARTICLES --duration $DURATION --starts $STARTS --seed $SEED"
touch "$WORK/startups.txt"
python3 "$HERE/report.py" "$R" "$WORK/startups.txt" "$CMDS" "$SKIP_LOAD" "$SKIP_STARTUP" >"$RESULTS"
log "report written to $RESULTS"
