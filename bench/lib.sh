# Shared by the benchmark scripts: sourced, not run. Needs WORK (the script's work folder) and ROOT set.
# Results are key=value lines in $WORK/results.txt (rendered into RESULTS.md by each bench's report.py); the
# commands that produced them go to $WORK/commands.txt.

R="$WORK/results.txt"; : >"$R"
put() { printf '%s=%s\n' "$1" "$2" >>"$R"; }
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }
CMDS="$WORK/commands.txt"; : >"$CMDS"
cmd() { echo "$*" >>"$CMDS"; }

# Stops only what the script started (PIDS, by pid) and its PostgreSQL under $WORK/pg, on any exit.
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  "$ROOT/scripts/pg" stop "$WORK/pg" >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM
