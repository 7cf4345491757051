package io.greengate.platform.metering;

/**
 * CPU and wall-clock seconds of one piece of work, and its share of the CPU packages' energy where Intel RAPL
 * counters could be read around it ({@code raplJoules}, null otherwise).
 */
public record CpuUsage(double cpuSeconds, double wallSeconds, Double raplJoules) {

    public CpuUsage(double cpuSeconds, double wallSeconds) {
        this(cpuSeconds, wallSeconds, null);
    }
}
