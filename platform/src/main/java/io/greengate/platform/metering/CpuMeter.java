package io.greengate.platform.metering;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Supplier;

/**
 * Measures the thread CPU time of work done on the calling thread, where the work happens; where Intel RAPL
 * counters are readable ({@link RaplMetering}), also the work's energy: its CPU seconds at the packages' measured
 * joules per busy CPU second.
 */
public final class CpuMeter {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Joules per busy CPU second, kept by RaplMetering's sampler; NaN when nothing is measured. */
    private static volatile double raplJoulesPerCpuSecond = Double.NaN;

    private CpuMeter() {
    }

    public record Measured<T>(T result, CpuUsage usage) {
    }

    static void useRaplRate(double joulesPerCpuSecond) {
        raplJoulesPerCpuSecond = joulesPerCpuSecond;
    }

    /** The energy of this much CPU time at the measured rate, null when RAPL is not measured here. */
    static Double raplJoules(double cpuSeconds) {
        double rate = raplJoulesPerCpuSecond;
        return Double.isNaN(rate) ? null : cpuSeconds * rate;
    }

    public static <T> Measured<T> measure(Supplier<T> work) {
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        T result = work.get();
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
        long wall = System.nanoTime() - wallStart;
        return new Measured<>(result, new CpuUsage(cpu / 1e9, wall / 1e9, raplJoules(cpu / 1e9)));
    }
}
