#!/usr/bin/env bash
# Metering overhead: platform's CpuMeter.measure around a unit of work (parse a unified diff, generate a pytest case
# per changed function) vs the same work bare, side by side in one run: JMH, then an interleaved paired run.
#   bench/metering/run.sh [seconds per size for the paired run]   (default 20; writes bench/metering/target/results.md)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/bench/metering"
SECONDS_PER_SIZE=${1:-20}
JAVA_OPTS="-Xmx256m -XX:+UseSerialGC"

echo "installing the platform and building the benchmark ..." >&2
(cd "$ROOT" && mvn -q -B install -pl platform -DskipTests)
(cd "$HERE" && mvn -q -B package)
CP="$HERE/target/classes:$HERE/target/lib/*"

# shellcheck disable=SC2086
java $JAVA_OPTS -cp "$CP" org.openjdk.jmh.Main MeteringBenchmark -jvmArgs "$JAVA_OPTS" \
  -rf text -rff "$HERE/target/jmh.txt" >&2
# shellcheck disable=SC2086
java $JAVA_OPTS -cp "$CP" io.greengate.bench.metering.PairedRun "$SECONDS_PER_SIZE" > "$HERE/target/paired.md"
# one RAPL reading (taken twice per metered piece of work where the counters are readable)
# shellcheck disable=SC2086
java $JAVA_OPTS -cp "$CP" org.openjdk.jmh.Main RaplReadingBenchmark -jvmArgs "$JAVA_OPTS" \
  -rf text -rff "$HERE/target/jmh-rapl.txt" >&2

{
  echo "JMH: bare and metered sampled (median and mean of the sampled calls, µs), the meter alone averaged (µs, ± is JMH's"
  echo "99.9 % confidence interval):"
  echo
  echo "| diff lines | bare, median | metered, median | (metered − bare) / bare, medians | bare, mean | metered, mean | meter alone | meter alone / bare median |"
  echo "|---|---|---|---|---|---|---|---|"
  awk '/^MeteringBenchmark\./ {
         split($1, name, /[.:]/); bench = name[2]; lines = $2
         if (!(lines in seen)) { seen[lines] = 1; order[++count] = lines }
         withError = ($(NF-2) == "±")
         score = withError ? $(NF-3) : $(NF-1)
         if ($1 ~ /p0\.50$/) p50[bench "," lines] = score
         else if ($1 !~ /:/) { mean[bench "," lines] = score; err[bench "," lines] = withError ? $(NF-1) : 0 } }
       END {
         for (i = 1; i <= count; i++) { s = order[i]; b = p50["bare," s]; m = p50["metered," s]
           printf "| %d | %.1f | %.1f | %+.2f %% | %.1f | %.1f | %.2f ± %.2f | %.2f %% |\n", s, b, m, 100 * (m - b) / b,
             mean["bare," s], mean["metered," s], mean["meterOnly," s], err["meterOnly," s],
             100 * mean["meterOnly," s] / b } }' \
    "$HERE/target/jmh.txt"
  echo
  awk '/^RaplReadingBenchmark\.reading/ { printf "With RAPL readable, the sampler takes one reading a second, of %s ± %s µs (one package counter laid out as the kernel'"'"'s powercap folder, and the first line of the real /proc/stat).\n\n", $(NF-3), $(NF-1) }' \
    "$HERE/target/jmh-rapl.txt"
  echo "Paired run (bare and metered interleaved in one loop, ${SECONDS_PER_SIZE} s per size after 5 s warm-up):"
  echo
  cat "$HERE/target/paired.md"
  echo
  echo "JVM flags: \`$JAVA_OPTS\`; $(nproc) cores, $(java -version 2>&1 | head -1); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
} | tee "$HERE/target/results.md"
