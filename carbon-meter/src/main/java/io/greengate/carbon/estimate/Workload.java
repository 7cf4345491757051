package io.greengate.carbon.estimate;

/**
 * What was used: CPU and wall seconds on {@code vcpus} virtual CPUs, optionally memory, and for remote LLM calls
 * the tokens of {@code model} or, when the server reported it, the remote energy itself ({@code reportedJoules}).
 * {@code measuredJoules}: the work's share of the CPU packages' energy, measured with RAPL where it ran (null when
 * not measured). {@code region} may be null (unknown).
 */
public record Workload(double cpuSeconds, double wallSeconds, int vcpus, Double memoryGb, long tokens, String model,
                       String region, Double reportedJoules, Double measuredJoules) {

    public Workload(double cpuSeconds, double wallSeconds, int vcpus, Double memoryGb, long tokens, String model,
                    String region) {
        this(cpuSeconds, wallSeconds, vcpus, memoryGb, tokens, model, region, null, null);
    }

    public Workload(double cpuSeconds, double wallSeconds, int vcpus, Double memoryGb, long tokens, String model,
                    String region, Double reportedJoules) {
        this(cpuSeconds, wallSeconds, vcpus, memoryGb, tokens, model, region, reportedJoules, null);
    }

    public static Workload cpu(double cpuSeconds, double wallSeconds, int vcpus, String region) {
        return new Workload(cpuSeconds, wallSeconds, vcpus, null, 0, null, region);
    }
}
