#!/usr/bin/env bash
# Quality of the embedded engine on real open-source libraries nobody here wrote: real diffs (Java: two releases'
# source jars from Maven Central; Python: modules of Debian's python3-* packages) posted to a running
# suggestion-service; every suggested test written into the library's source tree, run three times (JUnit 5 /
# pytest), changed executable lines' coverage measured (JaCoCo / coverage.py).
#   bench/quality/run.sh        (writes bench/quality/RESULTS.md and the quality section of bench/RESULTS.md)
# OBSERVE=1: also ask for observed-outcome cases and fill them in as the CI client does (greengate_ci.py --observe).
# SKIP_BUILD=1: use the suggestion-service and local-infra already built in their target/ directories.
# SERVICE_URL=http://127.0.0.1:8081 CI_TOKEN=ggt_...: use a service that is already running instead of starting one.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/bench/quality"
OUT="$HERE/target"
PG_PORT=35432
KAFKA_PORT=39092
HTTP_PORT=18081
JACOCO=0.8.15
JUNIT_CONSOLE=1.11.4
PY=/usr/bin/python3   # Debian's python: pytest and coverage.py from Debian packages
mkdir -p "$OUT/jars" "$OUT/logs"
START=$(date +%s)

# --- tools: pytest, coverage.py and the libraries under test from Debian; JaCoCo, JUnit and sources from Maven Central
# shellcheck source=../lib/tools.sh
source "$ROOT/bench/lib/tools.sh"
ensure_debian_packages python3-pytest python3-coverage python3-inflection python3-toolz python3-humanize
echo "fetching JaCoCo, the JUnit console and the libraries' source jars ..." >&2
fetch_jar org.jacoco:org.jacoco.agent:$JACOCO:jar:runtime org.jacoco.agent-$JACOCO-runtime.jar
fetch_jar org.jacoco:org.jacoco.cli:$JACOCO:jar:nodeps org.jacoco.cli-$JACOCO-nodeps.jar
fetch_jar org.junit.platform:junit-platform-console-standalone:$JUNIT_CONSOLE junit-platform-console-standalone-$JUNIT_CONSOLE.jar
"$PY" "$HERE/quality.py" --list-jars | while read -r coords file; do fetch_jar "$coords" "$file"; done

# --- the service: a real PostgreSQL + Kafka (local-infra) and suggestion-service's packaged jar
if [ -z "${SERVICE_URL:-}" ]; then
  # shellcheck source=../lib/suggestion-service.sh
  source "$ROOT/bench/lib/suggestion-service.sh"
  start_suggestion_service bench-quality
fi

echo "running the benchmark ..." >&2
"$PY" "$HERE/quality.py" --service "$SERVICE_URL" --token "$CI_TOKEN" --out "$OUT" \
  --jacoco-agent "$OUT/jars/org.jacoco.agent-$JACOCO-runtime.jar" --jacoco-cli "$OUT/jars/org.jacoco.cli-$JACOCO-nodeps.jar" \
  --junit-console "$OUT/jars/junit-platform-console-standalone-$JUNIT_CONSOLE.jar" \
  --command "${OBSERVE:+OBSERVE=1 }bench/quality/run.sh" --elapsed-start "$START" ${OBSERVE:+--observe}
cp "$OUT/RESULTS.md" "$HERE/RESULTS.md"
"$PY" "$HERE/quality.py" --update-bench-results "$ROOT/bench/RESULTS.md" --summary "$OUT/summary.md"
echo "done in $(( $(date +%s) - START )) s: bench/quality/RESULTS.md" >&2
