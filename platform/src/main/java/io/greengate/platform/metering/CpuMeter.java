package io.greengate.platform.metering;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Supplier;

/** Measures the thread CPU time of work done on the calling thread, where the work happens. */
public final class CpuMeter {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuMeter() {
    }

    public record Measured<T>(T result, CpuUsage usage) {
    }

    public static <T> Measured<T> measure(Supplier<T> work) {
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        T result = work.get();
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
        long wall = System.nanoTime() - wallStart;
        return new Measured<>(result, new CpuUsage(cpu / 1e9, wall / 1e9));
    }
}
