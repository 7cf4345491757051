package io.greengate.carbon.api;

import java.util.Map;

/**
 * The coefficients the estimates use, so that every figure can be recomputed by hand: watts, g CO2e/kWh,
 * joules per token; {@code raplAvailable} says whether this machine's RAPL energy counters are readable.
 */
public record CoefficientsView(double cpuMinWattsPerVcpu, double cpuMaxWattsPerVcpu, double memoryWattsPerGb,
                               double pue, Map<String, Double> gridIntensity, double worldAverageGridIntensity,
                               String serviceRegion, double llmDefaultJoulesPerToken,
                               Map<String, Double> llmJoulesPerToken, double embodiedGramsPerVcpuHour,
                               int usageVcpus, boolean raplAvailable) {
}
