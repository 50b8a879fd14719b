#!/usr/bin/env bash
# Scores article-service's parser and entity-service's pipeline on devset/ (see README.md here).
#   bench/extraction-quality/run.sh             summary per kind and per article
#   bench/extraction-quality/run.sh --details   plus every miss: entities, quotes with speakers, dates, metadata
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
source scripts/lib.sh
select_jdk
./mvnw -B -q install -DskipTests -pl bench/extraction-quality -am >/dev/null
CP_FILE="bench/extraction-quality/target/classpath.txt"
./mvnw -B -q dependency:build-classpath -pl bench/extraction-quality -Dmdep.outputFile="$ROOT/$CP_FILE" >/dev/null
exec java -Xmx1g -cp "bench/extraction-quality/target/classes:$(cat "$CP_FILE")" \
  io.newsgraph.bench.quality.ExtractionQuality "$ROOT/devset" "$@"
