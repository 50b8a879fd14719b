#!/usr/bin/env bash
# Search benchmark (issue 13 §4): the OpenSearch path against the PostgreSQL full-text path it replaced, in one run
# on this machine, same corpus, same queries, load generator on the same cores. See README.md beside this file.
#
#   bench/search/run.sh                                   full run: 100k articles, 30 s per phase (RESULTS.md)
#   bench/search/run.sh --articles 5000 --duration 5      quick try (results to .work/RESULTS-quick.md)
#
# Options:
#   --articles N     corpus size (default 100000; bench/article-service/generate-corpus.py, seed --seed)
#   --duration S     seconds of each measured phase (default 30; each closed-loop phase has a 10 s warm-up)
#   --seed S         corpus seed (default 20250323)
#   --baseline REV   git revision whose article-service is the PostgreSQL path (default: BASELINE below, the last
#                    commit before search moved to OpenSearch); built from `git archive` into .work/
#   --results FILE   where the report goes
#   --phases LIST    a subset of baseline,search,freshness,rebuild,gateway,suggest (default: all; the corpus is always
#                    loaded into the OpenSearch path); a partial run reports to .work/RESULTS-partial.md by default
#
# Everything it starts (PostgreSQL, the OpenSearch node, the apps) is stopped on exit, also on Ctrl-C or error.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK="$HERE/.work"
BASELINE=b2c8591
ARTICLES=100000 DURATION=30 SEED=20250323 RESULTS="" ALL_PHASES=baseline,search,freshness,rebuild,gateway,suggest
PHASES=$ALL_PHASES
while [ $# -gt 0 ]; do
  case $1 in
    --articles) ARTICLES=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --seed) SEED=$2; shift ;;
    --baseline) BASELINE=$2; shift ;;
    --results) RESULTS=$2; shift ;;
    --phases) PHASES=$2; shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
want() { [[ ",$PHASES," == *",$1,"* ]]; }
[ -n "$RESULTS" ] || [ "$PHASES" = "$ALL_PHASES" ] || RESULTS="$WORK/RESULTS-partial.md"
[ -n "$RESULTS" ] || { if [ "$ARTICLES" -ge 100000 ]; then RESULTS="$HERE/RESULTS.md"; else RESULTS="$WORK/RESULTS-quick.md"; fi; }
mkdir -p "$WORK/logs"
source "$ROOT/bench/lib.sh"   # results/commands files, log, cleanup of what this script starts
source "$ROOT/scripts/lib.sh"
select_jdk
for tool in wrk curl python3; do
  command -v "$tool" >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -qq "$tool" >&2; } || { echo "$tool is needed" >&2; exit 1; }
done
GEN="$ROOT/bench/article-service"
SB=(python3 "$HERE/search_bench.py")
field() { sed -n "s/.*[ ^]$1=\([^ ]*\).*/\1/p" <<<" $2"; }
putall() { local prefix=$1 out=$2; shift 2; for k in "$@"; do put "${prefix}_$k" "$(field "$k" "$out")"; done; }
load_snapshot() { echo "load $(cut -d' ' -f1-3 /proc/loadavg)"; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }

# ---- builds: the current services and the baseline article-service ------------------------------------------------
log "building article-service, gateway and the search node at $(git -C "$ROOT" rev-parse --short HEAD)"
(cd "$ROOT" && ./mvnw -B -q -ntp -DskipTests package -pl article-service,gateway,search-node -am) >"$WORK/logs/build.log" 2>&1 \
  || { tail -30 "$WORK/logs/build.log"; exit 1; }
BASE_SRC="$WORK/baseline-$BASELINE"
if [ ! -f "$BASE_SRC/article-service/target/quarkus-app/quarkus-run.jar" ]; then
  log "building the baseline article-service ($BASELINE)"
  rm -rf "$BASE_SRC"; mkdir -p "$BASE_SRC"
  git -C "$ROOT" archive "$BASELINE" | tar -x -C "$BASE_SRC"
  (cd "$BASE_SRC" && ./mvnw -B -q -ntp -DskipTests package -pl article-service -am) >"$WORK/logs/build-baseline.log" 2>&1 \
    || { tail -30 "$WORK/logs/build-baseline.log"; exit 1; }
fi
put head "$(git -C "$ROOT" rev-parse --short HEAD)"
put baseline "$BASELINE"
put jdk "$("$JAVA_HOME/bin/java" -version 2>&1 | sed -n 2p)"
put cpu "$(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1))"

# ---- PostgreSQL, OpenSearch ---------------------------------------------------------------------------------------
read -r DB_HOST DB_PORT DB_USER DB_PASSWORD < <("$ROOT/scripts/pg" start "$WORK/pg" --watch $$ | tail -1)
PSQL=("$ROOT/scripts/pg" psql "$WORK/pg")
for db in bench_pg bench_os; do
  "${PSQL[@]}" -d postgres -qc "DROP DATABASE IF EXISTS $db" >/dev/null
  "${PSQL[@]}" -d postgres -qc "CREATE DATABASE $db" >/dev/null
done
put pg_version "$("${PSQL[@]}" -d postgres -tAc 'SHOW server_version')"
export NEWSGRAPH_OPENSEARCH_HEAP=${NEWSGRAPH_OPENSEARCH_HEAP:-1g}
"$ROOT/scripts/opensearch" stop "$WORK/os" >/dev/null 2>&1 || true
rm -rf "$WORK/os"
SEARCH_URL=$("$ROOT/scripts/opensearch" start "$WORK/os" --watch $$ 2>"$WORK/logs/opensearch.log" | tail -1)
NODE_PID=$(cat "$WORK/os/node.pid")
put opensearch_heap "-Xms512m -Xmx$NEWSGRAPH_OPENSEARCH_HEAP"

# start_app NAME JAR PORT LOG ENV...: starts in the background and waits for readiness; sets APP_PID.
start_app() {
  local name=$1 jar=$2 port=$3 logf=$4; shift 4
  env "$@" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" "$JAVA_HOME/bin/java" -jar "$jar" >"$logf" 2>&1 </dev/null &
  APP_PID=$!; PIDS+=("$APP_PID")
  for _ in $(seq 1 1200); do
    curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$port/q/health/ready" && return 0
    kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$logf"; exit 1; }
    sleep 0.1
  done
  echo "$name not ready after 120 s" >&2; exit 1
}
stop_app() { kill -TERM "$1" 2>/dev/null || true; for _ in $(seq 1 300); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done; kill -KILL "$1" 2>/dev/null || true; }
db_env() { echo "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://$DB_HOST:$DB_PORT/$1" "QUARKUS_DATASOURCE_USERNAME=$DB_USER" "QUARKUS_DATASOURCE_PASSWORD=$DB_PASSWORD"; }

# ---- corpus and query sets ------------------------------------------------------------------------------------------
CORPUS="$WORK/corpus-$SEED-$ARTICLES.ndjson" QUERIES="$WORK/queries-$SEED.txt"
if [ ! -s "$CORPUS" ]; then
  log "generating $ARTICLES articles (seed $SEED)"
  python3 "$GEN/generate-corpus.py" --articles "$ARTICLES" --seed "$SEED" --out "$CORPUS.tmp" --queries "$QUERIES"
  mv "$CORPUS.tmp" "$CORPUS"
fi
cmd "python3 bench/article-service/generate-corpus.py --articles $ARTICLES --seed $SEED --out corpus.ndjson --queries queries.txt"
"${SB[@]}" broad "$QUERIES" "$WORK/broad.txt" >/dev/null
"${SB[@]}" known-item "$CORPUS" "$WORK/known.tsv" >/dev/null
"${SB[@]}" mixed "$QUERIES" "$CORPUS" "$WORK/mixed.txt" >/dev/null
cmd "python3 bench/search/search_bench.py broad queries.txt broad.txt; ... known-item corpus.ndjson known.tsv; ... mixed queries.txt corpus.ndjson mixed.txt"
put corpus_articles "$(wc -l <"$CORPUS")"
put queries "$(wc -l <"$QUERIES") mixed, $(wc -l <"$WORK/broad.txt") broad one-word, $(wc -l <"$WORK/known.tsv") known-item"

load() {   # load PREFIX BASE: the corpus through the batch endpoint
  local out
  cmd "python3 bench/article-service/load-batches.py $2/api/v1/articles/batch corpus.ndjson --batch 1000 --workers 2"
  out=$(python3 "$GEN/load-batches.py" "$2/api/v1/articles/batch" "$CORPUS" --batch 1000 --max-bytes 4000000 --workers 2 --timeout 3000 | tail -1)
  log "$1 load: $out"
  putall "$1_load" "$out" created failed seconds rate
}
closed_loop() {   # closed_loop PREFIX BASE QUERYFILE: 50 connections, warm-up then DURATION
  local out
  wrk -t2 -c50 -d10s --timeout 30s -s "$GEN/wrk/search.lua" "$2" -- "$3" >/dev/null 2>&1 || true
  put "$1_conditions" "$(load_snapshot)"
  cmd "wrk -t2 -c50 -d${DURATION}s --timeout 30s --latency -s bench/article-service/wrk/search.lua $2 -- $(basename "$3")"
  out=$(wrk -t2 -c50 -d"${DURATION}s" --timeout 30s --latency -s "$GEN/wrk/search.lua" "$2" -- "$3" | grep '^RESULT')
  log "$1: $out"
  putall "$1" "$out" rps p50_ms p95_ms p99_ms non2xx err_timeout
}
known() {   # known PREFIX BASE
  local out; cmd "python3 bench/search/search_bench.py top3 $2 known.tsv"
  out=$("${SB[@]}" top3 "$2" "$WORK/known.tsv" | tail -1); log "$1 known-item: $out"; putall "$1" "$out" top3_rate
}

# ---- 1. the PostgreSQL path (baseline) -----------------------------------------------------------------------------
if want baseline; then
PORT=$(free_port); BASE="http://127.0.0.1:$PORT"
log "baseline article-service ($BASELINE) on $BASE"
start_app baseline "$BASE_SRC/article-service/target/quarkus-app/quarkus-run.jar" "$PORT" "$WORK/logs/baseline.log" $(db_env bench_pg)
PG_PID=$APP_PID
load pg "$BASE"
"${PSQL[@]}" -d bench_pg -qc 'VACUUM (ANALYZE)' >/dev/null
closed_loop pg_mixed "$BASE" "$QUERIES"
closed_loop pg_broad "$BASE" "$WORK/broad.txt"
known pg_known "$BASE"
stop_app "$PG_PID"
fi

# ---- 2. the OpenSearch path ----------------------------------------------------------------------------------------
PORT=$(free_port); BASE="http://127.0.0.1:$PORT"
log "article-service (HEAD) on $BASE, OpenSearch $SEARCH_URL"
start_app article-service "$ROOT/article-service/target/quarkus-app/quarkus-run.jar" "$PORT" "$WORK/logs/article-service.log" \
  $(db_env bench_os) NEWSGRAPH_SEARCH_URL="$SEARCH_URL"
OS_PID=$APP_PID
t0=$(date +%s%N)
load os "$BASE"
lag() { curl -fs "$BASE/q/metrics" | sed -n 's/^newsgraph_search_index_pending{index="articles"[^}]*} \([0-9.]*\)$/\1/p' | head -1; }
for _ in $(seq 1 3600); do [ "$(lag)" = "0.0" ] && break; sleep 0.5; done
put os_indexed_s "$(( ($(date +%s%N) - t0) / 1000000000 )) s from the first batch to lag 0 (load + indexing, concurrent)"
if want search; then
closed_loop os_mixed "$BASE" "$QUERIES"
closed_loop os_broad "$BASE" "$WORK/broad.txt"
known os_known "$BASE"
fi

if want freshness; then
log "ingest -> searchable at 100 articles/s"
cmd "python3 bench/search/search_bench.py freshness $BASE --rate 100 --duration $DURATION"
out=$("${SB[@]}" freshness "$BASE" --rate 100 --duration "$DURATION" | tail -1); log "freshness: $out"
putall fresh "$out" posted searchable rate p50_ms p95_ms p99_ms max_ms
fi

if want rebuild; then
log "full rebuild"
cmd "curl -X POST $BASE/internal/search/rebuild"
t0=$(date +%s%N)
out=$(curl -fsS -X POST --max-time 1800 "$BASE/internal/search/rebuild")
put rebuild "$out; wall $(( ($(date +%s%N) - t0) / 1000000 )) ms"
fi
curl -fsS "$SEARCH_URL/_nodes/stats/jvm" | python3 -c "
import json,sys
n=list(json.load(sys.stdin)['nodes'].values())[0]['jvm']['mem']
print('heap_used_mb=%d heap_max_mb=%d' % (n['heap_used_in_bytes']>>20, n['heap_max_in_bytes']>>20))" >"$WORK/heap.txt"
put node_memory "$(cat "$WORK/heap.txt") rss_mb=$(rss_mb "$NODE_PID") index=$(curl -fsS "$SEARCH_URL/_cat/indices/articles*?h=index,docs.count,store.size" | tr '\n' ' ')"
put article_service_rss_mb "$(rss_mb "$OS_PID")"

# ---- 3. through the gateway, open loop -----------------------------------------------------------------------------
GPORT=$(free_port); KEY="bench-$RANDOM$RANDOM"
start_app gateway "$ROOT/gateway/target/quarkus-app/quarkus-run.jar" "$GPORT" "$WORK/logs/gateway.log" \
  NEWSGRAPH_GATEWAY_UPSTREAMS_ARTICLES_URL="$BASE" NEWSGRAPH_GATEWAY_UPSTREAMS_ENTITIES_URL="http://127.0.0.1:1" \
  NEWSGRAPH_GATEWAY_API_KEYS="bench:$(printf %s "$KEY" | sha256sum | cut -d' ' -f1):read" NEWSGRAPH_GATEWAY_RATE_LIMITS_READ_REQUESTS=2000000000
if want gateway; then
"${SB[@]}" open-loop "http://127.0.0.1:$GPORT" "$WORK/mixed.txt" --rate 100 --duration 10 --key "$KEY" >/dev/null   # warm-up
put gw_conditions "$(load_snapshot)"
cmd "python3 bench/search/search_bench.py open-loop http://127.0.0.1:$GPORT mixed.txt --rate 100 --duration $DURATION --key KEY"
out=$("${SB[@]}" open-loop "http://127.0.0.1:$GPORT" "$WORK/mixed.txt" --rate 100 --duration "$DURATION" --key "$KEY" | tail -1)
log "gateway open loop: $out"
putall gw "$out" requests rate p50_ms p95_ms p99_ms max_ms errors statuses
fi

# ---- 4. suggest, with entity data ----------------------------------------------------------------------------------
# The corpus is loaded without entity-service, so entity suggest would read an empty field: entity summaries (people
# and places each text names) are stored for the newest articles through the operation entity-service calls.
if want suggest; then
SUMMARIES=$(( ARTICLES < 20000 ? ARTICLES : 20000 ))
cmd "python3 bench/search/search_bench.py entities $BASE corpus.ndjson --articles $SUMMARIES"
out=$("${SB[@]}" entities "$BASE" "$CORPUS" --articles "$SUMMARIES" | tail -1); log "entity summaries: $out"
putall summaries "$out" summaries entities_per_article rate
for _ in $(seq 1 3600); do [ "$(lag)" = "0.0" ] && break; sleep 0.5; done
"${SB[@]}" suggest "$CORPUS" "$WORK/suggest.txt" >/dev/null
"${SB[@]}" open-loop "http://127.0.0.1:$GPORT" "$WORK/suggest.txt" --rate 100 --duration 10 --key "$KEY" >/dev/null   # warm-up
put suggest_conditions "$(load_snapshot)"
cmd "python3 bench/search/search_bench.py suggest corpus.ndjson suggest.txt"
cmd "python3 bench/search/search_bench.py open-loop http://127.0.0.1:$GPORT suggest.txt --rate 100 --duration $DURATION --key KEY"
out=$("${SB[@]}" open-loop "http://127.0.0.1:$GPORT" "$WORK/suggest.txt" --rate 100 --duration "$DURATION" --key "$KEY" | tail -1)
log "suggest open loop: $out"
putall suggest "$out" requests rate p50_ms p95_ms p99_ms max_ms errors statuses
# What a typed prefix finds: an empty answer would measure nothing.
put suggest_sample "$(curl -fsS -H "X-API-Key: $KEY" "http://127.0.0.1:$GPORT/api/v1/suggest?prefix=jo&kind=entity" | python3 -c '
import json, sys
items = json.load(sys.stdin)["suggestions"]
print("%d entities for \"jo\", e.g. %s" % (len(items), ", ".join("%s (%d)" % (i["value"], i["count"]) for i in items[:3])))')"
fi

python3 "$HERE/report.py" "$R" "$CMDS" "bench/search/run.sh --articles $ARTICLES --duration $DURATION --seed $SEED --baseline $BASELINE$([ "$PHASES" = "$ALL_PHASES" ] || echo " --phases $PHASES")" >"$RESULTS"
log "wrote $RESULTS"
