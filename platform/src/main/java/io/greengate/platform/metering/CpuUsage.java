package io.greengate.platform.metering;

/** CPU and wall-clock seconds of one piece of work. */
public record CpuUsage(double cpuSeconds, double wallSeconds) {

    public static final CpuUsage NONE = new CpuUsage(0, 0);

    public CpuUsage plus(CpuUsage other) {
        return new CpuUsage(cpuSeconds + other.cpuSeconds, wallSeconds + other.wallSeconds);
    }
}
