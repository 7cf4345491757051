package io.greengate.platform.metering;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Measures the thread CPU time of work done on the calling thread, where the work happens; where Intel RAPL
 * counters are readable ({@link RaplMetering}), also the work's share of the packages' energy around it.
 */
public final class CpuMeter {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Set at start-up when the counters are readable; null leaves the work to the energy model. */
    private static volatile RaplCounter rapl;

    private CpuMeter() {
    }

    public record Measured<T>(T result, CpuUsage usage) {
    }

    static void useRapl(RaplCounter counter) {
        rapl = counter;
    }

    public static <T> Measured<T> measure(Supplier<T> work) {
        RaplCounter counter = rapl;
        Optional<RaplCounter.Reading> energyStart = counter == null ? Optional.empty() : counter.read();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        T result = work.get();
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
        long wall = System.nanoTime() - wallStart;
        Optional<RaplCounter.Reading> energyEnd = energyStart.isEmpty() ? Optional.empty() : counter.read();
        Double joules = energyEnd.isEmpty() ? null
                : RaplCounter.attributedJoules(energyStart.get(), energyEnd.get(), cpu / 1e9);
        return new Measured<>(result, new CpuUsage(cpu / 1e9, wall / 1e9, joules));
    }
}
