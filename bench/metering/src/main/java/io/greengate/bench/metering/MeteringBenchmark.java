package io.greengate.bench.metering;

import io.greengate.platform.metering.CpuMeter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The unit of work with and without {@link CpuMeter#measure} around it (sampled: the median holds when other
 * processes preempt some iterations, the mean does not), and the meter around nothing, its fixed cost (average).
 * Overhead = (metered − bare) / bare, and meterOnly / bare.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 6, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class MeteringBenchmark {

    /** Diff lines: about 0.1, 1 and 5 ms of work on this kind of machine. */
    @Param({"200", "2000", "10000"})
    public int lines;

    private String diff;

    @Setup
    public void setUp() {
        diff = DiffWorkload.diff(lines, 7);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public long bare() {
        return DiffWorkload.analyseAndGenerate(diff);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public CpuMeter.Measured<Long> metered() {
        return CpuMeter.measure(() -> DiffWorkload.analyseAndGenerate(diff));
    }

    /** The meter alone: two thread-CPU-time reads, two nanoTime reads, two small objects. */
    @Benchmark
    public CpuMeter.Measured<Integer> meterOnly() {
        return CpuMeter.measure(() -> lines);
    }
}
