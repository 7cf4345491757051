#!/usr/bin/env bash
# Enrichment throughput of carbon-meter (UsageMeasured → energy record + EnergyAttached) on a real Kafka broker and
# a real PostgreSQL, side by side with a plain KafkaConsumer reading the same records in the same run.
#   bench/carbon/run.sh [records] [rounds]     (default 20000 records, 3 rounds; writes bench/carbon/target/results.md)
# SKIP_BUILD=1: use the carbon-meter and local-infra already in their target/ directories; CARBON_JAR=<quarkus-run.jar>
# to measure another build of carbon-meter; CARBON_OPTS="-D..." adds JVM options to carbon-meter only.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/bench/carbon"
N=${1:-20000}
ROUNDS=${2:-3}
# the JVM flags ./greengate starts the services with; the harness (the plain consumer) runs with the same.
# carbon-meter's own whole-process usage report is off: the run counts exactly the N records it loaded
JAVA_OPTS="-Xmx256m -XX:+UseSerialGC"
CARBON_JAR=${CARBON_JAR:-$ROOT/carbon-meter/target/quarkus-app/quarkus-run.jar}
PG_PORT=25432
KAFKA_PORT=29092
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$WORK"' EXIT

if [ -z "${SKIP_BUILD:-}" ]; then
  echo "building carbon-meter, local-infra and the harness ..." >&2
  (cd "$ROOT" && mvn -q -B package -DskipTests -pl local-infra,carbon-meter -am)
fi
(cd "$HERE" && mvn -q -B package -DskipTests)

echo "starting PostgreSQL and Kafka ..." >&2
java -cp "$ROOT/local-infra/target/greengate-local-infra-0.1.0-SNAPSHOT.jar:$ROOT/local-infra/target/lib/*" \
  io.greengate.infra.LocalInfra "$WORK/data" $PG_PORT $KAFKA_PORT > "$WORK/infra.log" 2>&1 &
for _ in $(seq 1 120); do grep -q '^READY' "$WORK/infra.log" && break; sleep 0.5; done
grep -q '^READY' "$WORK/infra.log" || { cat "$WORK/infra.log"; exit 1; }
: > "$WORK/accounts"

mkdir -p "$HERE/target/logs"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
# shellcheck disable=SC2086
java $JAVA_OPTS -cp "$HERE/target/classes:$HERE/target/lib/*" io.greengate.bench.carbon.CarbonBench \
  --bootstrap 127.0.0.1:$KAFKA_PORT --jdbc jdbc:postgresql://127.0.0.1:$PG_PORT/postgres \
  --n "$N" --rounds "$ROUNDS" --java-opts "$JAVA_OPTS" --carbon-opts "-Dgreengate.metering.service-interval=off ${CARBON_OPTS:-}" --accounts "$WORK/accounts" \
  --carbon-jar "$CARBON_JAR" --log-dir "$HERE/target/logs" \
  > "$WORK/table.md"

{
  cat "$WORK/table.md"
  echo
  echo "$N UsageMeasured records on one partition of greengate.usage.v1; records/s = (N−1) / (first record handled →"
  echo "N-th): for the plain consumers their own clock, for carbon-meter min → max recorded_at of the energy records."
  echo "\"plain consumer + PostgreSQL\" also inserts each poll's records (offset, payload) with one statement and commits:"
  echo "the least any consumer that keeps what it reads must do; \"+ PostgreSQL COPY\" writes them with COPY ... FROM STDIN"
  echo "(CSV) instead, PostgreSQL's fastest way in."
  echo "Each round starts both cold: the plain consumer in a new JVM and group, carbon-meter in a new JVM with an empty"
  echo "schema and a new consumer group. JVM flags for both: \`$JAVA_OPTS\`${CARBON_OPTS:+ (carbon-meter also \`$CARBON_OPTS\`)};"
  echo "$(nproc) cores, $(java -version 2>&1 | head -1);"
  echo "load average before / after: $LOAD_BEFORE / $(cut -d' ' -f1-3 /proc/loadavg)."
} | tee "$HERE/target/results.md"
