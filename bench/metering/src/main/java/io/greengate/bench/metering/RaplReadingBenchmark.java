package io.greengate.bench.metering;

import io.greengate.platform.metering.RaplCounter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One RAPL reading as platform's sampler takes it (once per {@code greengate.metering.rapl-interval}) where the
 * counters are readable: one package's {@code energy_uj} and the first line of the real {@code /proc/stat}. This machine has no RAPL, so the
 * package counter is a file laid out as the kernel's powercap folder (a regular file, not sysfs, whose read also
 * asks the CPU's MSR: on real hardware expect a few µs more).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 6, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class RaplReadingBenchmark {

    private Path powercap;
    private RaplCounter counter;

    @Setup
    public void setUp() throws IOException {
        powercap = Files.createTempDirectory("powercap");
        Path zone = Files.createDirectories(powercap.resolve("intel-rapl:0"));
        Files.writeString(zone.resolve("energy_uj"), "123456789012\n");
        Files.writeString(zone.resolve("max_energy_range_uj"), "262143328850\n");
        counter = new RaplCounter(powercap, Path.of("/proc/stat"));
        if (counter.read().isEmpty()) {
            throw new IllegalStateException("the laid-out powercap folder could not be read");
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(powercap)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public Optional<RaplCounter.Reading> reading() {
        return counter.read();
    }
}
