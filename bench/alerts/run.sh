#!/usr/bin/env bash
# Match cost per article at 100 / 1,000 / 10,000 saved searches (percolate_bench.py) on a throwaway local OpenSearch
# node (scripts/opensearch), removed when this script ends. NEWSGRAPH_SEARCH_URL: use that cluster instead.
#   bench/alerts/run.sh [--articles N] [--sizes 100,1000,10000]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
if [ -n "${NEWSGRAPH_SEARCH_URL:-}" ]; then
  URL=$NEWSGRAPH_SEARCH_URL
else
  DIR="$ROOT/target/bench-alerts-opensearch"
  URL=$(scripts/opensearch start "$DIR" --watch $$ --remove | tail -1)
  trap 'scripts/opensearch stop "$DIR" >/dev/null 2>&1 || true' EXIT
fi
echo "OpenSearch: $URL; $(nproc) cores; $(date -u +%FT%TZ)"
python3 bench/alerts/percolate_bench.py "$URL" "$@"
