#!/usr/bin/env bash
# CPU time of the embedded engine on a ~2,000-line diff: the real release diff of commons-codec 1.21.0 → 1.22.0
# (every changed .java file, 2,128 diff lines, with the 26 files' new contents), posted again and again to a running
# suggestion-service; reads the CPU time the service reports in the response's `usage` and the service process's own
# CPU time (/proc) around the measured requests.
#   bench/engine-cpu/run.sh [requests] [warm-up]   (default 300 and 50; writes bench/engine-cpu/RESULTS.md)
#   OBSERVE=1 ...: the requests ask for observed-outcome cases too
# SKIP_BUILD=1: use the suggestion-service and local-infra already built in their target/ directories.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/bench/engine-cpu"
OUT="$HERE/target"
N=${1:-300}
WARMUP=${2:-50}
PG_PORT=35433
KAFKA_PORT=39093
HTTP_PORT=18082
mkdir -p "$OUT/jars" "$OUT/logs"

# shellcheck source=../lib/tools.sh
source "$ROOT/bench/lib/tools.sh"
for v in 1.21.0 1.22.0; do
  fetch_jar "commons-codec:commons-codec:$v:jar:sources" "commons-codec-$v-sources.jar"
done
# the checkout: both releases committed one after the other, the diff between them
REPO="$OUT/checkout"
rm -rf "$REPO" && mkdir -p "$REPO"
GIT=(git -C "$REPO" -c user.name=bench -c user.email=bench@localhost -c commit.gpgsign=false)
"${GIT[@]}" init -q
for v in 1.21.0 1.22.0; do
  rm -rf "$REPO/src" && mkdir -p "$REPO/src/main/java"
  (cd "$REPO/src/main/java" && unzip -q "$OUT/jars/commons-codec-$v-sources.jar" -x 'META-INF/*')
  "${GIT[@]}" add -A && "${GIT[@]}" commit -q -m "$v"
done
"${GIT[@]}" diff HEAD~1 HEAD -- '*.java' > "$OUT/release.diff"
"${GIT[@]}" diff --name-only --diff-filter=AMR HEAD~1 HEAD -- '*.java' > "$OUT/changed-files"

# shellcheck source=../lib/suggestion-service.sh
source "$ROOT/bench/lib/suggestion-service.sh"
start_suggestion_service bench-cpu

/usr/bin/python3 "$HERE/cpu.py" --service "$SERVICE_URL" --token "$CI_TOKEN" \
  --diff "$OUT/release.diff" --repo "$REPO" --files "$OUT/changed-files" --pid "$SERVICE_PID" \
  --requests "$N" --warmup "$WARMUP" ${OBSERVE:+--observe} \
  --command "${OBSERVE:+OBSERVE=1 }bench/engine-cpu/run.sh $N $WARMUP" | tee "$OUT/results.md"
{ echo "# Embedded engine CPU time on a ~2,000-line diff"; echo; cat "$OUT/results.md"; } > "$HERE/RESULTS.md"
