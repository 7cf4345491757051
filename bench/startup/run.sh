#!/usr/bin/env bash
# Startup benchmark: time to ready and idle RSS of each Greengate service in JVM mode, side by side with a
# bare Quarkus REST hello app and with stack-app (the extensions every Greengate service uses, one entity, one
# consumer, nothing of Greengate) built in the same run, all started with the same JVM flags.
#   bench/startup/run.sh [rounds]      (default 5 rounds; writes bench/startup/results.md)
#   APPCDS=1 bench/startup/run.sh ...  every app (the bare one too) built with Quarkus' AppCDS archive and started
#                                      from its quarkus-app folder with -XX:SharedArchiveFile (results-appcds.md)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/bench/startup"
ROUNDS=${1:-5}
JVM_FLAGS=(-XX:+UseSerialGC -Xmx256m)
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$WORK"' EXIT

echo "building the services and the bare hello app ..." >&2
BUILD_FLAGS=()
CDS_FLAGS=()
RESULTS="$HERE/results.md"
if [ -n "${APPCDS:-}" ]; then
  BUILD_FLAGS=(-Dquarkus.package.jar.appcds.enabled=true)
  CDS_FLAGS=(-XX:SharedArchiveFile=app-cds.jsa)
  RESULTS="$HERE/results-appcds.md"
fi
(cd "$ROOT" && mvn -q -B package -DskipTests "${BUILD_FLAGS[@]}")
(cd "$HERE/hello-app" && mvn -q -B package -DskipTests "${BUILD_FLAGS[@]}")
(cd "$HERE/stack-app" && mvn -q -B package -DskipTests "${BUILD_FLAGS[@]}")

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
echo "starting PostgreSQL and Kafka ..." >&2
java -cp "$ROOT/local-infra/target/greengate-local-infra-0.1.0-SNAPSHOT.jar:$ROOT/local-infra/target/lib/*" \
  io.greengate.infra.LocalInfra "$WORK/data" 25432 29092 > "$WORK/infra.log" 2>&1 &
for _ in $(seq 1 120); do grep -q '^READY' "$WORK/infra.log" && break; sleep 0.5; done
grep -q '^READY' "$WORK/infra.log" || { cat "$WORK/infra.log"; exit 1; }
printf 'token bench ci+admin+reviewer sha256:%s\n' "$(printf x | sha256sum | cut -d' ' -f1)" > "$WORK/accounts"

# prints "<ms to first 200> <idle RSS in MB>" for one launch
measure() {
  local jar=$1 url=$2 port=$3
  local start end pid rss
  start=$(date +%s%N)
  GREENGATE_DB_URL="jdbc:postgresql://127.0.0.1:25432/postgres" GREENGATE_KAFKA="127.0.0.1:29092" \
  GREENGATE_ACCOUNTS_FILE="$WORK/accounts" \
    bash -c 'cd "$(dirname "$1")" && shift && exec java "$@"' _ "$jar" "${JVM_FLAGS[@]}" "${CDS_FLAGS[@]}" \
      -Dquarkus.http.port="$port" -jar quarkus-run.jar > "$WORK/app.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port$url"; do
    kill -0 $pid 2>/dev/null || { cat "$WORK/app.log" >&2; exit 1; }
    sleep 0.02
  done
  end=$(date +%s%N)
  sleep 5 # idle: let start-up work (outbox relay's first tick, consumers joining) settle
  rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")
  kill $pid; wait $pid 2>/dev/null || true
  echo "$(( (end - start) / 1000000 )) $rss"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

# stack-app: the stack every Greengate service is built on, with nothing of Greengate (ready = database and Kafka reachable)
declare -A JARS=([hello-app]="$HERE/hello-app/target/quarkus-app/quarkus-run.jar"
                 [stack-app]="$HERE/stack-app/target/quarkus-app/quarkus-run.jar")
declare -A URLS=([hello-app]="/hello" [stack-app]="/q/health/ready")
APPS=(hello-app stack-app suggestion-service review-service feedback-service carbon-meter)
for s in "${APPS[@]:2}"; do JARS[$s]="$ROOT/$s/target/quarkus-app/quarkus-run.jar"; URLS[$s]="/q/health/ready"; done

declare -A MS RSS
for app in "${APPS[@]}"; do
  : > "$WORK/$app.ms"; : > "$WORK/$app.rss"
done
for round in $(seq 1 "$ROUNDS"); do
  for app in "${APPS[@]}"; do  # interleaved, so drift on the machine hits every app alike
    read -r ms rss < <(measure "${JARS[$app]}" "${URLS[$app]}" 18999)
    echo "$ms" >> "$WORK/$app.ms"; echo "$rss" >> "$WORK/$app.rss"
    echo "round $round $app: ${ms} ms, ${rss} MB" >&2
  done
done
for app in "${APPS[@]}"; do MS[$app]=$(median < "$WORK/$app.ms"); RSS[$app]=$(median < "$WORK/$app.rss"); done

{
  echo "| app | time to ready (median ms) | × bare | × stack | idle RSS (median MB) | × bare | × stack |"
  echo "|---|---|---|---|---|---|---|"
  for app in "${APPS[@]}"; do
    awk -v app="$app" -v ms="${MS[$app]}" -v bms="${MS[hello-app]}" -v sms="${MS[stack-app]}" \
      -v rss="${RSS[$app]}" -v brss="${RSS[hello-app]}" -v srss="${RSS[stack-app]}" \
      'BEGIN { printf "| %s | %d | %.2f | %.2f | %d | %.2f | %.2f |\n", app, ms, ms / bms, ms / sms, rss, rss / brss, rss / srss }'
  done
  echo
  echo "JVM flags for every app: \`${JVM_FLAGS[*]} ${CDS_FLAGS[*]}\`; $ROUNDS interleaved rounds on $(nproc) cores, $(java -version 2>&1 | head -1); load average before: $LOAD_BEFORE."
} | tee "$RESULTS"
