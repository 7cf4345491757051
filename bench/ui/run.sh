#!/usr/bin/env bash
# Queue page benchmark: 1,000 pending reviews in one repository, then the reviewer's queue page requested
# over loopback (Basic auth, Accept: text/html); prints p50/p95/max milliseconds per variant and writes
# bench/ui/latest.md (copy the table into bench/RESULTS.md). Runs inside review-service's test JVM on the real PostgreSQL and Kafka of its tests.
#   bench/ui/run.sh [rounds]     (default 300 timed requests per variant, after 100 warm-up requests)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
ROUNDS=${1:-300}
OUT="$ROOT/bench/ui/latest.md"
TABLE=$(mktemp)
trap 'rm -f "$TABLE"' EXIT

(cd "$ROOT" && mvn -q -B -o install -pl platform,local-infra -DskipTests || mvn -q -B install -pl platform,local-infra -DskipTests)
(cd "$ROOT" && mvn -B -o verify -pl review-service -Dtest=QueuePageBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dgreengate.bench.rounds="$ROUNDS" -Dgreengate.bench.out="$TABLE" \
  > "$ROOT/review-service/target/bench-ui.log" 2>&1) || { tail -50 "$ROOT/review-service/target/bench-ui.log"; exit 1; }

{
  echo "# Queue page: 1,000 pending reviews"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1). Time from request to the"
  echo "last byte on loopback, so it is the server's time: the queue query (50 rows, most confident first),"
  echo "the counts per state, the filter values, and the Qute rendering. $ROUNDS timed requests per row after"
  echo "100 warm-up requests, one at a time, inside the test JVM of review-service (real PostgreSQL 14 and Kafka)."
  echo
  cat "$TABLE"
} > "$OUT"
cat "$OUT"
