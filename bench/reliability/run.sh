#!/usr/bin/env bash
# Reliability suite of newsgraph, in full: faults, hostile input, auth, slow clients, soak. Everything runs as
# real processes on 127.0.0.1 (a PostgreSQL cluster of the run's own under reliability-tests/target/pg/).
#
#   bench/reliability/run.sh            full sizes + the 10-minute soak (about 20 minutes on 2 cores)
#   SOAK_MINUTES=2 RAMP_STEP_SECONDS=10 bench/reliability/run.sh      a shorter soak
#
# Runs reliability-tests with -Dreliability.profile=full and every tag, including "slow" (ramp + soak) and
# "finding" (one failing test per service defect found; see FindingsIT). Writes bench/reliability/RESULTS.md from
# reliability-tests/target/reliability/results.tsv and the failsafe reports. Exit status: non-zero when a test
# other than a "finding" failed.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
source scripts/lib.sh
select_jdk
soak=${SOAK_MINUTES:-10}
step=${RAMP_STEP_SECONDS:-20}

for service in article-service entity-service gateway; do
  if [ ! -f "$service/target/quarkus-app/quarkus-run.jar" ]; then
    echo "run.sh: building the services (./mvnw -B -q install -DskipTests)"
    ./mvnw -B -q -ntp install -DskipTests
    break
  fi
done

rm -f reliability-tests/target/reliability/results.tsv
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
t0=$(date +%s)
set +e
./mvnw -B -ntp -pl reliability-tests verify -Dreliability.profile=full -Dreliability.exclude=none \
  -Dreliability.soak.minutes="$soak" -Dreliability.ramp.step.seconds="$step" -Dmaven.test.failure.ignore=true \
  | tee reliability-tests/target/run.log | grep -E "Tests run:|FAIL|BUILD"
set -e
elapsed=$(( $(date +%s) - t0 ))
python3 bench/reliability/report.py "$started" "$elapsed" "$soak" "$step" >bench/reliability/RESULTS.md
echo "run.sh: wrote bench/reliability/RESULTS.md (${elapsed}s)"
python3 bench/reliability/report.py --check
