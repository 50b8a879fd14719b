#!/usr/bin/env bash
# Delivery lag of saved searches, ingest to webhook (issue 15 §2): the whole stack on this machine - PostgreSQL,
# OpenSearch, article-service, entity-service (real analysis), alert-service, gateway - and lag_bench.py, which creates
# the subscriptions, ingests through the gateway at a steady rate and receives the webhooks on 127.0.0.1.
#
#   bench/alerts/lag.sh                                     1,000 subscriptions, 20 articles/s for 60 s (RESULTS-lag.md)
#   bench/alerts/lag.sh --subscriptions 100 --duration 15   quick try (report to .work/RESULTS-lag-quick.md)
#
# Options:
#   --subscriptions N   saved searches, each with a webhook to the local receiver (default 1000)
#   --rate R            articles/s of the measured phase (default 20)
#   --duration S        seconds of the measured phase (default 60)
#   --warmup S:R        warm-up before it, not measured (default 20:10)
#   --terms N           generator queries joined per saved search, every word must match (default 1: broad, ~36
#                       matches per article; 2: selective, ~1 per article besides the catch-all)
#   --summaries         no entity-service: the bench stores each article's (empty) entity summary itself, as
#                       entity-service would after its analysis; measures the saved-search path without CoreNLP's share
#                       of the cores (the saved searches are text and source queries: they need no entities)
#   --results FILE      report (default RESULTS-lag.md beside this script for the default run, .work/RESULTS-lag-quick.md otherwise)
#
# The services run from a copy of their target/quarkus-app taken at the start (built first when missing), with the
# defaults scripts/run gives them (-Xmx512m; alert-service allow-lists loopback for the receiver). Everything it starts
# (PostgreSQL under .work/pg, the OpenSearch node under .work/os, the services) is stopped on exit, also on error.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK="$HERE/.work"
SUBSCRIPTIONS=1000 RATE=20 DURATION=60 WARMUP=20 WARMUP_RATE=10 RESULTS="" SEED=20251205 TERMS=1 SUMMARIES=""
while [ $# -gt 0 ]; do
  case $1 in
    --subscriptions) SUBSCRIPTIONS=$2; shift ;;
    --rate) RATE=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --warmup) WARMUP=${2%%:*}; WARMUP_RATE=${2##*:}; shift ;;
    --terms) TERMS=$2; shift ;;
    --results) RESULTS=$2; shift ;;
    --summaries) SUMMARIES=1 ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
if [ -z "$RESULTS" ]; then
  if [ "$SUBSCRIPTIONS" = 1000 ] && [ "$RATE" = 20 ] && [ "$DURATION" -ge 60 ] && [ "$TERMS" = 1 ] && [ -z "$SUMMARIES" ]; then RESULTS="$HERE/RESULTS-lag.md"
  else RESULTS="$WORK/RESULTS-lag-quick.md"; fi
fi
mkdir -p "$WORK/logs" "$WORK/apps"
source "$ROOT/bench/lib.sh"   # results/commands files, log, cleanup of what this script starts
source "$ROOT/scripts/lib.sh"
select_jdk
for tool in curl python3 sha256sum; do command -v $tool >/dev/null || { echo "$tool is needed" >&2; exit 1; }; done
field() { sed -n "s/^$1=//p" "$R" | tail -1; }
load_snapshot() {   # load averages and the busiest processes (ours marked "(bench)")
  local top; top=$(ps -eo pid=,pcpu=,comm= --sort=-pcpu | head -5 | awk -v ours=" ${PIDS[*]} " \
    '{mark = index(ours, " " $1 " ") ? " (bench)" : ""; printf "%s%s %s%%; ", $3, mark, $2}')
  echo "load $(cut -d' ' -f1-3 /proc/loadavg); top (CPU% over process lifetime): $top"
}
cpu_snapshot() {    # "name seconds" per process: CPU time used so far, java processes named by what they run
  ps -eo pid=,times=,args= | awk '{
    name = $3; sub(".*/", "", name)
    if (name == "java") { name = "java(other)"
      for (i = 4; i <= NF; i++) { if ($i ~ /apps\/[a-z-]+\//) { n = $i; sub(".*apps/", "", n); sub("/.*", "", n); name = n }
        else if ($i ~ /opensearch|SearchNode/) name = "opensearch" } }
    cpu[name] += $2 } END { for (n in cpu) print n, cpu[n] }' | sort
}
cpu_share() {      # CPU seconds per process name between two snapshots, as cores busy over the interval
  join "$1" "$2" | awk -v secs="$3" '{ d = $3 - $2; if (d > 0) { total += d; line[$1] = d } }
    END { for (n in line) if (line[n] / secs >= 0.02) printf "%s %.2f\n", n, line[n] / secs; printf "~total %.2f\n", total / secs }' |
    sort -k2,2gr | awk '{ printf "%s%s %s", sep, $1, $2; sep = "; " } END { print " (cores)" }' | sed 's/~total/total/'
}

# ---- builds and snapshots ------------------------------------------------------------------------------------------
SERVICES=(article-service entity-service alert-service gateway)
missing=()
for s in "${SERVICES[@]}"; do [ -f "$ROOT/$s/target/quarkus-app/quarkus-run.jar" ] || missing+=("$s"); done
if [ ${#missing[@]} -gt 0 ]; then
  log "building ${missing[*]} (jar missing)"
  (cd "$ROOT" && ./mvnw -B -q -ntp package -DskipTests -pl "$(IFS=,; echo "${missing[*]}")" -am) >"$WORK/logs/build.log" 2>&1 \
    || { tail -30 "$WORK/logs/build.log"; exit 1; }
fi
# Other people build on this machine: a rebuild during the run must not change what is measured.
for s in "${SERVICES[@]}"; do rm -rf "$WORK/apps/$s"; cp -a "$ROOT/$s/target/quarkus-app" "$WORK/apps/$s"; done
put head "$(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- . ':!bench' || echo ' (with uncommitted changes)')"
put jars_built "$(for s in "${SERVICES[@]}"; do printf '%s %s; ' "$s" "$(date -u -r "$ROOT/$s/target/quarkus-app/quarkus-run.jar" +%H:%M:%SZ)"; done)"
put jdk "$("$JAVA_HOME/bin/java" -version 2>&1 | sed -n 2p)"
put cpu "$(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
put date "$(date -u +%Y-%m-%dT%H:%MZ)"

# ---- PostgreSQL, OpenSearch ------------------------------------------------------------------------------------------
read -r DB_HOST DB_PORT DB_USER DB_PASSWORD < <("$ROOT/scripts/pg" start "$WORK/pg" --watch $$ | tail -1)
PSQL=("$ROOT/scripts/pg" psql "$WORK/pg")
for db in articles entities alerts; do
  "${PSQL[@]}" -d postgres -qc "DROP DATABASE IF EXISTS $db" >/dev/null
  "${PSQL[@]}" -d postgres -qc "CREATE DATABASE $db" >/dev/null
done
put pg_version "$("${PSQL[@]}" -d postgres -tAc 'SHOW server_version')"
export NEWSGRAPH_OPENSEARCH_HEAP=${NEWSGRAPH_OPENSEARCH_HEAP:-1g}
"$ROOT/scripts/opensearch" stop "$WORK/os" >/dev/null 2>&1 || true
rm -rf "$WORK/os"
SEARCH_URL=$("$ROOT/scripts/opensearch" start "$WORK/os" --watch $$ 2>"$WORK/logs/opensearch.log" | tail -1)
put opensearch "3.8.0, heap -Xms512m -Xmx$NEWSGRAPH_OPENSEARCH_HEAP"

# start_app NAME PORT ENV...: starts from the snapshot in the background, waits for readiness.
start_app() {
  local name=$1 port=$2; shift 2
  env "$@" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" \
    "$JAVA_HOME/bin/java" -Xmx512m -jar "$WORK/apps/$name/quarkus-run.jar" >"$WORK/logs/$name.log" 2>&1 </dev/null &
  local pid=$!; PIDS+=("$pid")
  for _ in $(seq 1 1200); do
    curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$port/q/health/ready" && return 0
    kill -0 "$pid" 2>/dev/null || { tail -30 "$WORK/logs/$name.log"; exit 1; }
    sleep 0.1
  done
  echo "$name not ready after 120 s" >&2; exit 1
}
db_env() { echo "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://$DB_HOST:$DB_PORT/$1" "QUARKUS_DATASOURCE_USERNAME=$DB_USER" "QUARKUS_DATASOURCE_PASSWORD=$DB_PASSWORD"; }
A_PORT=$(free_port); E_PORT=$(free_port); L_PORT=$(free_port); G_PORT=$(free_port)
KEY="bench-alerts-$RANDOM$RANDOM"
log "starting article-service :$A_PORT, entity-service :$E_PORT${SUMMARIES:+ (not: --summaries)}, alert-service :$L_PORT, gateway :$G_PORT (OpenSearch $SEARCH_URL)"
start_app article-service "$A_PORT" $(db_env articles) NEWSGRAPH_SEARCH_URL="$SEARCH_URL"
[ -n "$SUMMARIES" ] || start_app entity-service "$E_PORT" $(db_env entities) NEWSGRAPH_SEARCH_URL="$SEARCH_URL" NEWSGRAPH_ARTICLES_URL="http://127.0.0.1:$A_PORT"
start_app alert-service "$L_PORT" $(db_env alerts) NEWSGRAPH_SEARCH_URL="$SEARCH_URL" NEWSGRAPH_ARTICLES_URL="http://127.0.0.1:$A_PORT" \
  NEWSGRAPH_WEBHOOKS_ALLOWED_NETWORKS=127.0.0.0/8
start_app gateway "$G_PORT" NEWSGRAPH_GATEWAY_UPSTREAMS_ARTICLES_URL="http://127.0.0.1:$A_PORT" \
  NEWSGRAPH_GATEWAY_UPSTREAMS_ENTITIES_URL="http://127.0.0.1:$E_PORT" NEWSGRAPH_GATEWAY_UPSTREAMS_ALERTS_URL="http://127.0.0.1:$L_PORT" \
  NEWSGRAPH_GATEWAY_API_KEYS="bench:$(printf %s "$KEY" | sha256sum | cut -d' ' -f1):admin" NEWSGRAPH_GATEWAY_RATE_LIMITS_ADMIN_REQUESTS=1000000000
cmd "scripts/pg start .work/pg; scripts/opensearch start .work/os   # databases articles, entities, alerts"
cmd "java -Xmx512m -jar {article-service,entity-service,alert-service,gateway}/target/quarkus-app/quarkus-run.jar   # copies; env as scripts/run, alert-service NEWSGRAPH_WEBHOOKS_ALLOWED_NETWORKS=127.0.0.0/8"

# ---- corpus, queries, run --------------------------------------------------------------------------------------------
COUNT=$(( WARMUP * WARMUP_RATE + DURATION * RATE + 50 ))
CORPUS="$WORK/corpus-$SEED-$COUNT.ndjson" QUERIES="$WORK/queries-$SEED-$COUNT.txt"
[ -s "$CORPUS" ] || python3 "$ROOT/bench/article-service/generate-corpus.py" --articles "$COUNT" --seed "$SEED" --out "$CORPUS" --queries "$QUERIES"
cmd "python3 bench/article-service/generate-corpus.py --articles $COUNT --seed $SEED --out corpus.ndjson --queries queries.txt"
put conditions_before "$(load_snapshot)"
cmd "python3 bench/alerts/lag_bench.py --gateway http://127.0.0.1:$G_PORT --key \$KEY --ndjson corpus.ndjson --queries queries.txt --subscriptions $SUBSCRIPTIONS --rate $RATE --duration $DURATION --warmup $WARMUP --warmup-rate $WARMUP_RATE --terms $TERMS${SUMMARIES:+ --summaries-to http://127.0.0.1:\$A_PORT} --out lag"
log "lag_bench: $SUBSCRIPTIONS subscriptions, warm-up ${WARMUP}s at $WARMUP_RATE/s, then ${DURATION}s at $RATE/s"
# The measured phase starts after the subscriptions and the warm-up: snapshot the load near its end from a side job.
: >"$WORK/lag.phase"; : >"$WORK/lag.load"
( while [ ! -s "$WORK/lag.phase" ]; do sleep 1; done; cpu_snapshot >"$WORK/cpu.0"
  sleep "$((DURATION > 5 ? DURATION - 5 : 1))"; load_snapshot >"$WORK/lag.load"
  cpu_snapshot >"$WORK/cpu.1"; cpu_share "$WORK/cpu.0" "$WORK/cpu.1" "$((DURATION > 5 ? DURATION - 5 : 1))" >"$WORK/cpu.share" ) &
PIDS+=("$!")
python3 "$HERE/lag_bench.py" --gateway "http://127.0.0.1:$G_PORT" --key "$KEY" --ndjson "$CORPUS" --queries "$QUERIES" \
  --subscriptions "$SUBSCRIPTIONS" --rate "$RATE" --duration "$DURATION" --warmup "$WARMUP" --warmup-rate "$WARMUP_RATE" \
  --terms "$TERMS" ${SUMMARIES:+--summaries-to "http://127.0.0.1:$A_PORT"} --out "$WORK/lag" | while IFS= read -r line; do
    echo "$line" >&2; printf '%s\n' "$line" >>"$R"   # key=value lines, as put writes them
    case $line in warmup_all_delivered=*) echo go >"$WORK/lag.phase" ;; esac
  done
put conditions_end_of_measured_phase "$(cat "$WORK/lag.load" 2>/dev/null)"
put cpu_by_process "$(cat "$WORK/cpu.share" 2>/dev/null)"
put conditions_after "$(load_snapshot)"
METRICS=$(curl -fs "http://127.0.0.1:$L_PORT/q/metrics" || true)
metric() { awk -v m="$1" '$1 == m {print $2}' <<<"$METRICS" | head -1; }
# One percolate request per feed page; newsgraph_alerts_percolated_total counts the article versions in them.
pc=$(metric newsgraph_alerts_percolation_seconds_count); ps=$(metric newsgraph_alerts_percolation_seconds_sum)
pa=$(metric newsgraph_alerts_percolated_total)
[ -n "$pc" ] && [ -n "$ps" ] && [ -n "$pa" ] && put percolation_mean_ms "$(awk -v s="$ps" -v c="$pc" -v a="$pa" \
  'BEGIN {printf "%.1f ms per request over %d requests, %.1f ms per article over %d articles", c ? 1000 * s / c : 0, c, a ? 1000 * s / a : 0, a}')"
put matches_total "$(metric newsgraph_alerts_matches_total)"
put deliveries_pending_after "$(metric newsgraph_alerts_deliveries_pending)"

# ---- report --------------------------------------------------------------------------------------------------------
g() { field "$1"; }
{
  echo "# Saved searches: delivery lag, ingest to webhook"
  echo
  echo "Generated by \`bench/alerts/lag.sh$( [ "$SUBSCRIPTIONS" = 1000 ] || printf ' --subscriptions %s' "$SUBSCRIPTIONS")$( [ "$RATE" = 20 ] || printf ' --rate %s' "$RATE")$( [ "$DURATION" = 60 ] || printf ' --duration %s' "$DURATION")$( [ "$TERMS" = 1 ] || printf ' --terms %s' "$TERMS")${SUMMARIES:+ --summaries}\` on $(g date), at $(g head)."
  echo "Machine: $(g cpu), $(g jdk), PostgreSQL $(g pg_version), OpenSearch $(g opensearch); shared with other work, so"
  echo "the load is recorded next to the figures. Jars (copies) built: $(g jars_built)"
  echo
  echo "What is measured: $(g subscriptions_created) saved searches with a webhook each to a receiver on 127.0.0.1 (one matches"
  echo "every article, the others $( [ "$TERMS" = 1 ] && echo "the corpus generator's realistic queries" || echo "$TERMS of the corpus generator's queries joined (every word must match)"), a quarter of them narrowed to one source); articles"
  echo "POSTed through the gateway in an open loop at $RATE/s for $DURATION s after a ${WARMUP} s warm-up at $WARMUP_RATE/s;"
  if [ -n "$SUMMARIES" ]; then
    echo "entity-service is not running: the bench stores each article's empty entity summary right after its 201, as"
    echo "entity-service would after its analysis (CoreNLP's CPU left out), and article-service announces it ANALYSED;"
  else
    echo "each article is analysed by entity-service (real CoreNLP pipeline), announced ANALYSED by article-service,"
  fi
  echo "percolated and recorded by alert-service and delivered as a signed webhook. Lag = webhook received − POST sent"
  echo "(one clock). \"Per article\": the webhook of the subscription matching everything (one per article); \"every webhook\":"
  echo "all deliveries of the measured articles. The split uses the time article-service recorded each article's ANALYSED"
  echo "feed event ($( [ -n "$SUMMARIES" ] && echo "the entity summary stored" || echo "entity-service's analysis stored")), read from the change feed after the run."
  echo
  echo "| lag | count | p50 ms | p95 ms | p99 ms | max ms |"
  echo "|---|---:|---:|---:|---:|---:|"
  echo "| per article | $(g lag_count) | $(g lag_p50_ms) | $(g lag_p95_ms) | $(g lag_p99_ms) | $(g lag_max_ms) |"
  echo "| every webhook | $(g lag_all_count) | $(g lag_all_p50_ms) | $(g lag_all_p95_ms) | $(g lag_all_p99_ms) | $(g lag_all_max_ms) |"
  echo "| per article: POST → ANALYSED (ingest + $( [ -n "$SUMMARIES" ] && echo "summary stored by the bench" || echo "entity-service analysis")) | $(g ingest_to_analysed_count) | $(g ingest_to_analysed_p50_ms) | $(g ingest_to_analysed_p95_ms) | $(g ingest_to_analysed_p99_ms) | $(g ingest_to_analysed_max_ms) |"
  echo "| per article: ANALYSED → webhook (alert-service) | $(g analysed_to_webhook_count) | $(g analysed_to_webhook_p50_ms) | $(g analysed_to_webhook_p95_ms) | $(g analysed_to_webhook_p99_ms) | $(g analysed_to_webhook_max_ms) |"
  echo
  echo "| what | value |"
  echo "|---|---|"
  echo "| articles sent / achieved rate | $(g measured_articles) / $(g achieved_rate) per s (POST p50 $(g post_p50_ms) ms, p95 $(g post_p95_ms) ms; failures $(g post_failures)) |"
  echo "| per-article p50, first → last tenth of the phase | $(g lag_first_tenth_p50_ms) → $(g lag_last_tenth_p50_ms) ms |"
  echo "| webhooks per article (matches) | $(g matches_per_article) |"
  echo "| missing (no webhook within 300 s) / duplicate webhook-ids / bad signatures | $(g catch_all_missing) / $(g duplicate_webhook_ids) / $(g signature_failures) |"
  echo "| drained after the last POST | $(g drain_seconds_after_last_send) s |"
  echo "| percolation (alert-service metrics, whole run) | mean $(g percolation_mean_ms) |"
  echo "| subscriptions created through the gateway | $(g subscriptions_created) in $(g subscriptions_seconds) s |"
  echo "| load before | $(g conditions_before) |"
  echo "| load near the end of the measured phase | $(g conditions_end_of_measured_phase) |"
  echo "| CPU by process over the measured phase | $(g cpu_by_process) |"
  echo "| load after | $(g conditions_after) |"
  echo
  echo "Commands:"
  echo
  echo '```'
  cat "$CMDS"
  echo '```'
} >"$RESULTS"
log "report: $RESULTS"
