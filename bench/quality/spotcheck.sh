#!/usr/bin/env bash
# Precision of the embedded engine's behaviour cases on whole libraries (see spotcheck.py).
#   bench/quality/spotcheck.sh   (writes bench/quality/SPOTCHECK.md)
#   OBSERVE=1 bench/quality/spotcheck.sh   (also observed-outcome cases, filled in as the CI client does; each case
#                                          run 3 times in random class orders; writes bench/quality/OBSERVED-SPOTCHECK.md)
# SKIP_BUILD=1: use the suggestion-service and local-infra already built in their target/ directories.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/bench/quality"
OUT="$HERE/target"
PG_PORT=35434
KAFKA_PORT=39094
HTTP_PORT=18083
JUNIT_CONSOLE=1.11.4
mkdir -p "$OUT/jars" "$OUT/logs"
# shellcheck source=../lib/tools.sh
source "$ROOT/bench/lib/tools.sh"
# the Python packages are Debian's, run with Debian's pytest
ensure_debian_packages python3-pytest python3-inflection python3-toolz python3-humanize
fetch_jar org.junit.platform:junit-platform-console-standalone:$JUNIT_CONSOLE junit-platform-console-standalone-$JUNIT_CONSOLE.jar
fetch_jar org.apache.commons:commons-lang3:3.20.0:jar:sources commons-lang3-3.20.0-sources.jar
fetch_jar org.apache.commons:commons-text:1.15.0:jar:sources commons-text-1.15.0-sources.jar
fetch_jar commons-codec:commons-codec:1.22.0:jar:sources commons-codec-1.22.0-sources.jar
# shellcheck source=../lib/suggestion-service.sh
source "$ROOT/bench/lib/suggestion-service.sh"
start_suggestion_service bench-spotcheck
/usr/bin/python3 "$HERE/spotcheck.py" --service "$SERVICE_URL" --token "$CI_TOKEN" --out "$OUT" \
  --junit-console "$OUT/jars/junit-platform-console-standalone-$JUNIT_CONSOLE.jar" \
  --results "$HERE/${OBSERVE:+OBSERVED-}SPOTCHECK.md" ${OBSERVE:+--observe --command "OBSERVE=1 bench/quality/spotcheck.sh"}
