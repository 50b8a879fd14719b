#!/usr/bin/env bash
# Benchmark of entity-service, in one run on this machine (see README.md beside this file).
#
#   bench/entity-service/run.sh                        full run (~12-15 min here)
#   bench/entity-service/run.sh --quick                short phases, report to .work/RESULTS-quick.md
#
# Options:
#   --measure S        seconds of the measured pipeline-vs-CRF loop (default 90; warm-up 30)
#   --texts N          generated wire-length articles beside the sample for that loop (default 99)
#   --starts N         start-to-ready / RSS rounds; each round starts every heap setting once (default 3)
#   --heaps LIST       heap settings compared for start/RSS, ';'-separated, "default" = no flag
#                      (default "default;-Xmx512m;-XX:+UseSerialGC -Xms16m -Xmx256m": no flag, what scripts/run sets,
#                      what the JVM would pick by itself in a container with the manifests' 1Gi limit - the JVM
#                      image sets -XX:+UseG1GC instead)
#   --rate R           articles/s of the main end-to-end phases (default 20)
#   --duration S       measured seconds of each end-to-end phase (default 60)
#   --e2e-warmup S:R   warm-up before each end-to-end phase, not measured (default 60:10 = 600 articles: the JIT needs
#                      several hundred articles before CoreNLP's code is compiled; a running service is warm)
#   --e2e-heap FLAGS   JVM flags of entity-service in the end-to-end phases (default -Xmx512m, as scripts/run)
#   --replicas N       entity-service replicas of the "scaled" phase at --rate (default 3; 0 skips it)
#   --low-rate R       articles/s of the "low" phases, below one replica's capacity (default 3; 0 skips them)
#   --tuned F:W        feed:worker poll intervals of the "low-tuned" phase (default 250ms:100ms; "none" skips it)
#   End-to-end phases: default (1 replica, the service defaults: feed 250ms, worker wake-up or 500ms, --rate), scaled (--replicas, defaults, --rate),
#   low (1 replica, defaults, --low-rate), low-tuned (1 replica, --tuned, --low-rate).
#   --results FILE     report (default RESULTS.md for a full run, .work/RESULTS-quick.md with --quick)
#
# Everything it starts (PostgreSQL under .work/pg, both services, the JVM of the throughput loop) is stopped on
# exit, also on Ctrl-C or error. All traffic goes to 127.0.0.1. Every loop is bounded in count and time.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK="$HERE/.work"
MEASURE=90 WARMUP=30 TEXTS=99 STARTS=3 RATE=20 DURATION=60 E2E_WARMUP=60 E2E_WARMUP_RATE=10
E2E_HEAP=-Xmx512m TUNED=250ms:100ms RESULTS="" QUICK=0 SEED=20251125 REPLICAS=3 LOW_RATE=3
HEAPS="default;-Xmx512m;-XX:+UseSerialGC -Xms16m -Xmx256m"
while [ $# -gt 0 ]; do
  case $1 in
    --measure) MEASURE=$2; shift ;;
    --texts) TEXTS=$2; shift ;;
    --starts) STARTS=$2; shift ;;
    --heaps) HEAPS=$2; shift ;;
    --rate) RATE=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --e2e-heap) E2E_HEAP=$2; shift ;;
    --e2e-warmup) E2E_WARMUP=${2%%:*}; E2E_WARMUP_RATE=${2##*:}; shift ;;
    --tuned) TUNED=$2; shift ;;
    --replicas) REPLICAS=$2; shift ;;
    --low-rate) LOW_RATE=$2; shift ;;
    --results) RESULTS=$2; shift ;;
    --quick) QUICK=1; MEASURE=10; WARMUP=5; TEXTS=20; STARTS=1; DURATION=15; E2E_WARMUP=5 ;;
    -h|--help) sed -n '2,31p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
[ -n "$RESULTS" ] || { if [ "$QUICK" = 1 ]; then RESULTS="$WORK/RESULTS-quick.md"; else RESULTS="$HERE/RESULTS.md"; fi; }

mkdir -p "$WORK/logs" "$WORK/apps" "$WORK/classes"
source "$ROOT/bench/lib.sh"   # results/commands files, log, cleanup of what this script starts

# ---- JDK, tools, builds, snapshots ---------------------------------------------------------------------------------
source "$ROOT/scripts/lib.sh"
select_jdk
for tool in curl python3; do command -v $tool >/dev/null || { echo "$tool is needed" >&2; exit 1; }; done
ENT_SRC="$ROOT/entity-service/target/quarkus-app" ART_SRC="$ROOT/article-service/target/quarkus-app"
if [ ! -f "$ENT_SRC/quarkus-run.jar" ] || [ ! -f "$ART_SRC/quarkus-run.jar" ]; then
  log "building article-service and entity-service (jar missing)"
  (cd "$ROOT" && ./mvnw -B -q -ntp package -DskipTests -pl article-service,entity-service -am) >"$WORK/logs/build.log" 2>&1 \
    || { tail -30 "$WORK/logs/build.log"; exit 1; }
fi
# Snapshots: other people build on this machine; a rebuild in the middle of the run must not change what is measured.
rm -rf "$WORK/apps/entity-service" "$WORK/apps/article-service"
cp -a "$ENT_SRC" "$WORK/apps/entity-service"; cp -a "$ART_SRC" "$WORK/apps/article-service"
ENT_JAR="$WORK/apps/entity-service/quarkus-run.jar" ART_JAR="$WORK/apps/article-service/quarkus-run.jar"
put entity_jar_built "$(date -u -r "$ENT_SRC/quarkus-run.jar" +%Y-%m-%dT%H:%M:%SZ)"
put java "$("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
put java_default_heap "$("$JAVA_HOME/bin/java" -XX:+PrintFlagsFinal -version 2>/dev/null | awk '/ MaxHeapSize /{mx=$4} / InitialHeapSize /{ini=$4} END {printf "initial %d MB, max %d MB", ini/1048576, mx/1048576}')"

load_snapshot() {   # load averages and the busiest processes (ours marked "(bench)")
  local la; la=$(cut -d' ' -f1-3 /proc/loadavg)
  local top; top=$(ps -eo pid=,pcpu=,comm= --sort=-pcpu | head -4 | awk -v ours=" ${PIDS[*]} " \
    '{mark = index(ours, " " $1 " ") ? " (bench)" : ""; printf "%s%s %s%%; ", $3, mark, $2}')
  echo "load $la; top (CPU% over process lifetime): $top"
}

# ---- texts ---------------------------------------------------------------------------------------------------------
TEXTS_NDJSON="$WORK/texts-$SEED-$TEXTS.ndjson" TEXTS_FILE="$WORK/texts-$SEED-$TEXTS.txt"
if [ ! -s "$TEXTS_FILE" ]; then
  python3 "$ROOT/bench/article-service/generate-corpus.py" --articles "$TEXTS" --seed "$SEED" --out "$TEXTS_NDJSON"
  python3 "$HERE/make-texts.py" "$ROOT/samples/seed-article.txt" "$TEXTS_NDJSON" "$TEXTS_FILE" >/dev/null
fi
cmd "python3 bench/article-service/generate-corpus.py --articles $TEXTS --seed $SEED --out texts.ndjson"
cmd "python3 bench/entity-service/make-texts.py samples/seed-article.txt texts.ndjson texts.txt"
PHASES=("default:$RATE:1:250ms:500ms")
[ "$REPLICAS" -gt 0 ] && PHASES+=("scaled:$RATE:$REPLICAS:250ms:500ms")
if [ "$LOW_RATE" != 0 ]; then
  PHASES+=("low:$LOW_RATE:1:250ms:500ms")
  [ "$TUNED" != none ] && PHASES+=("low-tuned:$LOW_RATE:1:${TUNED%%:*}:${TUNED##*:}")
fi
idx=10000000
for phase in "${PHASES[@]}"; do   # unique articles per phase: disjoint index ranges of the generator
  IFS=: read -r name rate _ <<<"$phase"
  count=$(( E2E_WARMUP * E2E_WARMUP_RATE + DURATION * rate + 50 ))
  f="$WORK/e2e-$SEED-$name-$count.ndjson"
  [ -s "$f" ] || python3 "$ROOT/bench/article-service/generate-corpus.py" --articles "$count" --seed "$SEED" --start-index $idx --out "$f"
  cmd "python3 bench/article-service/generate-corpus.py --articles $count --seed $SEED --start-index $idx --out e2e-$name.ndjson"
  idx=$((idx + 10000000))
done

# ---- 1. pipeline vs bare CRF, single thread, interleaved -----------------------------------------------------------
CP="$WORK/apps/entity-service/app/entity-service-0.1.0-SNAPSHOT.jar:$(ls "$WORK"/apps/entity-service/lib/main/edu.stanford.nlp.stanford-corenlp-*.jar)"
javac -d "$WORK/classes" -cp "$CP" "$HERE/src/io/newsgraph/entity/extract/PipelineVsCrf.java"
THROUGHPUT_OPTS=(-Xms1g -Xmx1g)
put throughput_opts "${THROUGHPUT_OPTS[*]}"
cmd "javac -d classes -cp \"entity-service app jar:stanford-corenlp jar\" bench/entity-service/src/io/newsgraph/entity/extract/PipelineVsCrf.java"
cmd "java ${THROUGHPUT_OPTS[*]} -cp classes:<same> io.newsgraph.entity.extract.PipelineVsCrf texts.txt $WARMUP $MEASURE"
put throughput_conditions_before "$(load_snapshot)"
log "pipeline vs bare CRF: $((TEXTS + 1)) texts, ${WARMUP}s warm-up, ${MEASURE}s measured"
"$JAVA_HOME/bin/java" "${THROUGHPUT_OPTS[@]}" -cp "$WORK/classes:$CP" io.newsgraph.entity.extract.PipelineVsCrf \
  "$TEXTS_FILE" "$WARMUP" "$MEASURE" >"$WORK/logs/throughput.txt" 2>&1 &
PIDS+=("$!"); tp_pid=$!
wait "$tp_pid" || { cat "$WORK/logs/throughput.txt"; exit 1; }
sed 's/^/throughput_/' "$WORK/logs/throughput.txt" | grep '=' >>"$R"
put throughput_conditions_after "$(load_snapshot)"
log "$(grep -E '^(crf|pipeline)_(wall|cpu)_rate|^ratio_(wall|cpu)=' "$WORK/logs/throughput.txt" | tr '\n' ' ')"

# ---- PostgreSQL (durable, track_commit_timestamp on) ---------------------------------------------------------------
"$ROOT/scripts/pg" start "$WORK/pg" >/dev/null
"$ROOT/scripts/pg" psql "$WORK/pg" -d postgres -qc "ALTER SYSTEM SET track_commit_timestamp = on" >/dev/null
"$ROOT/scripts/pg" stop "$WORK/pg"   # the setting needs a restart
read -r DB_HOST DB_PORT DB_USER DB_PASSWORD < <("$ROOT/scripts/pg" start "$WORK/pg" --watch $$ | tail -1)
PSQL=("$ROOT/scripts/pg" psql "$WORK/pg")
for db in bench_articles bench_entities; do
  "${PSQL[@]}" -d postgres -qc "DROP DATABASE IF EXISTS $db" >/dev/null
  "${PSQL[@]}" -d postgres -qc "CREATE DATABASE $db" >/dev/null
done
put pg_version "$("${PSQL[@]}" -d postgres -tAc 'SHOW server_version')"
put pg_settings "$("${PSQL[@]}" -d postgres -tAc "SELECT string_agg(name || '=' || setting || coalesce(unit, ''), ', ' ORDER BY name) FROM pg_settings WHERE name IN ('shared_buffers','fsync','synchronous_commit','max_connections','track_commit_timestamp')")"

# Ports from 17100-17999: clear of the range the other benchmarks pick from (scripts/lib.sh free_port).
bench_port() { free_port 17100 900; }
now_ns() { date +%s%N; }
# start_app NAME JAR DB PORT LOG [JVM options...] (env for the service in the array APP_ENV): sets APP_PID.
APP_ENV=()
start_app() {
  local name=$1 jar=$2 db=$3 port=$4 logf=$5; shift 5
  env "${APP_ENV[@]}" QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/$db" QUARKUS_DATASOURCE_USERNAME="$DB_USER" \
    QUARKUS_DATASOURCE_PASSWORD="$DB_PASSWORD" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" \
    "$JAVA_HOME/bin/java" "$@" -jar "$jar" >"$logf" 2>&1 </dev/null &
  APP_PID=$!
  PIDS+=("$APP_PID")
}
# wait_ready PORT PID MAXSECONDS: polls /q/health/ready every ~20 ms; prints ms since START_NS.
wait_ready() {
  local port=$1 pid=$2 max=$3
  local until=$(( $(now_ns) + max * 1000000000 ))
  while :; do
    if curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$port/q/health/ready"; then
      echo $(( ($(now_ns) - START_NS) / 1000000 )); return 0
    fi
    kill -0 "$pid" 2>/dev/null || { echo "process $pid exited before it was ready" >&2; return 1; }
    [ "$(now_ns)" -lt "$until" ] || { echo "not ready after $max s" >&2; return 1; }
    sleep 0.02
  done
}
stop_app() {   # SIGTERM, wait up to 30 s, SIGKILL as a last resort
  local pid=$1
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }; sleep 0.1; done
  log "pid $pid still running after 30 s: SIGKILL"; kill -KILL "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
}
rss_mb() { awk '/^VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
heap_mb() {   # "used/committed" MB of the Java heap, from jcmd GC.heap_info (G1: one heap line; Serial: young + old)
  "$JAVA_HOME/bin/jcmd" "$1" GC.heap_info 2>/dev/null | awk '
    /garbage-first heap|DefNew|Tenured|def new generation|tenured generation/ && /used/ {
      c = ""; u = ""
      for (i = 1; i <= NF; i++) { if ($i == "committed" || $i == "total") c = $(i+1); if ($i == "used") u = $(i+1) }
      gsub(/[K,]/, "", c); gsub(/[K,]/, "", u); tc += c; tu += u }
    END { if (tc > 0) printf "%.0f/%.0f", tu/1024, tc/1024 }'
}
cpu_s() {   # user+system CPU seconds of the given pids so far
  local p total=0
  for p in "$@"; do total=$(awk -v t="$total" -v hz="$(getconf CLK_TCK)" '{ print t + ($14 + $15) / hz }' "/proc/$p/stat"); done
  echo "$total"
}

# ---- article-service (feeds entity-service in every phase) ---------------------------------------------------------
ART_PORT=$(bench_port)
START_NS=$(now_ns); APP_ENV=()
start_app article-service "$ART_JAR" bench_articles "$ART_PORT" "$WORK/logs/article-service.log" -Xmx512m
ART_PID=$APP_PID
wait_ready "$ART_PORT" "$ART_PID" 120 >/dev/null || { tail -30 "$WORK/logs/article-service.log"; exit 1; }
log "article-service ready on 127.0.0.1:$ART_PORT"
ENT_ENV=(NEWSGRAPH_ARTICLES_URL="http://127.0.0.1:$ART_PORT")

# ---- 2+3. start-to-ready and idle RSS ------------------------------------------------------------------------------
IFS=';' read -r -a HEAP_LIST <<<"$HEAPS"
put heaps "$HEAPS"
ENT_PORT=$(bench_port)
# Priming start (not measured): Flyway migrates bench_entities, the jar and model pages get into the page cache.
START_NS=$(now_ns); APP_ENV=("${ENT_ENV[@]}")
start_app entity-service "$ENT_JAR" bench_entities "$ENT_PORT" "$WORK/logs/entity-prime.log" -Xmx512m
wait_ready "$ENT_PORT" "$APP_PID" 180 >/dev/null || { tail -30 "$WORK/logs/entity-prime.log"; exit 1; }
stop_app "$APP_PID"
put startup_conditions_before "$(load_snapshot)"
for round in $(seq 1 "$STARTS"); do
  for i in "${!HEAP_LIST[@]}"; do
    heap=${HEAP_LIST[$i]}; opts=(); [ "$heap" = default ] || read -r -a opts <<<"$heap"
    logf="$WORK/logs/entity-start-$round-$i.log"
    START_NS=$(now_ns); APP_ENV=("${ENT_ENV[@]}")
    start_app entity-service "$ENT_JAR" bench_entities "$ENT_PORT" "$logf" "${opts[@]}"
    ready=$(wait_ready "$ENT_PORT" "$APP_PID" 180) || { tail -30 "$logf"; exit 1; }
    sleep 5
    rss=$(rss_mb "$APP_PID"); heap_used=$(heap_mb "$APP_PID")
    model=$(sed -n 's/.*NER model loaded in \([0-9]*\) ms.*/\1/p' "$logf" | head -1)
    quarkus=$(sed -n 's/.* started in \([0-9.]*\)s.*/\1/p' "$logf" | head -1)
    put "start_${i}_$round" "ready_ms=$ready rss_mb=$rss heap_used_committed_mb=$heap_used model_ms=$model quarkus_s=$quarkus load=$(cut -d' ' -f1 /proc/loadavg)"
    log "start round $round [$heap]: ready ${ready} ms, RSS ${rss} MB, heap used/committed ${heap_used} MB, model ${model} ms"
    stop_app "$APP_PID"
  done
done
cmd "start: env QUARKUS_DATASOURCE_*=… QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=<port> NEWSGRAPH_ARTICLES_URL=<article-service> java [heap flag] -jar entity-service/target/quarkus-app/quarkus-run.jar; curl /q/health/ready every ~20 ms; VmRSS 5 s after ready"
put startup_conditions_after "$(load_snapshot)"

# ---- 4. end-to-end lag at a steady rate ----------------------------------------------------------------------------
PSQL_ART="$ROOT/scripts/pg psql $WORK/pg -d bench_articles"
PSQL_ENT="$ROOT/scripts/pg psql $WORK/pg -d bench_entities"
e2e_phase() {   # e2e_phase NAME RATE REPLICAS FEED_INTERVAL WORKER_INTERVAL
  local name=$1 rate=$2 replicas=$3 feed=$4 worker=$5 out r port count
  local -a opts pids=() ports=(); read -r -a opts <<<"$E2E_HEAP"
  for r in $(seq 1 "$replicas"); do
    if [ "$r" = 1 ]; then port=$ENT_PORT; else port=$(bench_port); fi
    START_NS=$(now_ns); APP_ENV=("${ENT_ENV[@]}" NEWSGRAPH_FEED_POLL_INTERVAL="$feed" NEWSGRAPH_WORKER_POLL_INTERVAL="$worker")
    start_app entity-service "$ENT_JAR" bench_entities "$port" "$WORK/logs/entity-e2e-$name-$r.log" "${opts[@]}"
    pids+=("$APP_PID"); ports+=("$port")
    wait_ready "$port" "$APP_PID" 180 >/dev/null || { tail -30 "$WORK/logs/entity-e2e-$name-$r.log"; exit 1; }
  done
  sleep 2
  count=$(( E2E_WARMUP * E2E_WARMUP_RATE + DURATION * rate + 50 ))
  put "e2e_${name}_settings" "feed=$feed worker=$worker replicas=$replicas heap=$E2E_HEAP rate=$rate duration=$DURATION warmup=${E2E_WARMUP}s@${E2E_WARMUP_RATE}/s"
  put "e2e_${name}_conditions_before" "$(load_snapshot)"
  log "end-to-end [$name: $replicas replica(s), feed $feed, worker $worker]: warm-up, then ${DURATION}s at $rate articles/s"
  local ent_cpu0 art_cpu0 n0; ent_cpu0=$(cpu_s "${pids[@]}"); art_cpu0=$(cpu_s "$ART_PID")
  n0=$("${PSQL[@]}" -d bench_entities -tAc "SELECT count(*) FROM article_analysis")
  out=$(python3 "$HERE/e2e-lag.py" --articles-url "http://127.0.0.1:$ART_PORT" --entities-url "http://127.0.0.1:${ports[0]}" \
    --ndjson "$WORK/e2e-$SEED-$name-$count.ndjson" --rate "$rate" --duration "$DURATION" --warmup "$E2E_WARMUP" \
    --warmup-rate "$E2E_WARMUP_RATE" --psql-articles "$PSQL_ART" --psql-entities "$PSQL_ENT" --out "$WORK/e2e-$name") \
    || { echo "$out"; exit 1; }
  sed "s/^/e2e_${name}_/" <<<"$out" >>"$R"
  # CPU per analysed article over warm-up + measured phase (entity-service replicas; article-service separately)
  local n1; n1=$("${PSQL[@]}" -d bench_entities -tAc "SELECT count(*) FROM article_analysis")
  put "e2e_${name}_entity_cpu_ms_per_article" "$(awk -v a="$ent_cpu0" -v b="$(cpu_s "${pids[@]}")" -v n=$((n1 - n0)) 'BEGIN { printf "%.1f", (b - a) * 1000 / n }')"
  put "e2e_${name}_article_cpu_ms_per_article" "$(awk -v a="$art_cpu0" -v b="$(cpu_s "$ART_PID")" -v n=$((n1 - n0)) 'BEGIN { printf "%.1f", (b - a) * 1000 / n }')"
  put "e2e_${name}_conditions_after" "$(load_snapshot)"
  put "e2e_${name}_rss_after_mb" "$(for p in "${pids[@]}"; do rss_mb "$p"; echo -n " "; done)"
  put "e2e_${name}_heap_after_mb" "$(for p in "${pids[@]}"; do heap_mb "$p"; echo -n " "; done)"
  put "e2e_${name}_parked" "$("${PSQL[@]}" -d bench_entities -tAc "SELECT count(*) FROM extraction_job WHERE state = 'PARKED'")"
  log "$(grep -E '^(lag_p50|lag_p95|lag_max|analysis_throughput_per_s|missing_analysis|http_minus_db_median)' <<<"$out" | tr '\n' ' ')"
  for p in "${pids[@]}"; do stop_app "$p"; done
}
for phase in "${PHASES[@]}"; do
  IFS=: read -r name rate replicas feed worker <<<"$phase"
  e2e_phase "$name" "$rate" "$replicas" "$feed" "$worker"
done
cmd "python3 bench/entity-service/e2e-lag.py --articles-url <article-service> --entities-url <entity-service replica 1> --ndjson e2e-<phase>.ndjson --rate <rate> --duration $DURATION --warmup $E2E_WARMUP --warmup-rate $E2E_WARMUP_RATE --psql-articles 'scripts/pg psql .work/pg -d bench_articles' --psql-entities 'scripts/pg psql .work/pg -d bench_entities' --out .work/e2e-<phase>"
cmd "entity-service replicas in the end-to-end phases: same env as above plus NEWSGRAPH_FEED_POLL_INTERVAL / NEWSGRAPH_WORKER_POLL_INTERVAL, java $E2E_HEAP -jar …"

# ---- report --------------------------------------------------------------------------------------------------------
put date "$(date -u +%Y-%m-%dT%H:%MZ)"
put machine "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -m | awk '/Mem:/ {print $2}') MiB RAM, $(uname -sr)"
put args "measure=$MEASURE warmup=$WARMUP texts=$TEXTS starts=$STARTS rate=$RATE duration=$DURATION e2e_heap=$E2E_HEAP replicas=$REPLICAS low_rate=$LOW_RATE tuned=$TUNED quick=$QUICK"
python3 "$HERE/report.py" "$R" "$CMDS" >"$RESULTS"
log "report: $RESULTS"
