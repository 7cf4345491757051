package io.greengate.carbon.estimate;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns CPU time, wall time and tokens into joules and grams CO2e (the Cloud Carbon Footprint model):
 * <pre>
 *   compute_J = wallSeconds x vcpus x P_min + cpuSeconds x (P_max - P_min)   idle share for the time the vCPUs
 *                                                                            were held, load share for CPU time;
 *               or the work's share of the packages' energy measured with  RAPL where the service ran
 *   memory_J  = memoryGb x P_memory x wallSeconds                            when the memory is known
 *   tokens_J  = (promptTokens + completionTokens) x joulesPerToken(model)    remote LLMs (or the energy the
 *                                                                            server reported, when it did)
 *   energy_J  = (compute_J + memory_J) x PUE + tokens_J
 *   co2e_g    = energy_J / 3.6e6 x gridIntensity(region)                     g CO2e per kWh
 *   embodied_g = vcpus x wallSeconds / 3600 x embodiedGramsPerVcpuHour       SCI's M
 * </pre>
 * Joules per token are taken as the provider's whole energy per token, so PUE is not applied to them again.
 */
@ApplicationScoped
public class EnergyModel {

    static final double JOULES_PER_KWH = 3_600_000;

    private final CarbonConfig config;
    private final Map<String, Double> intensityByRegion = new HashMap<>();

    public EnergyModel(CarbonConfig config) {
        this.config = config;
        config.grid().intensity().forEach((region, intensity) -> intensityByRegion.put(normalize(region), intensity));
    }

    public EnergyEstimate estimate(Workload work) {
        boolean measured = work.measuredJoules() != null && work.measuredJoules() >= 0;
        double computeJoules = measured ? work.measuredJoules()
                : work.wallSeconds() * work.vcpus() * config.cpu().minWattsPerVcpu()
                + work.cpuSeconds() * (config.cpu().maxWattsPerVcpu() - config.cpu().minWattsPerVcpu());
        double memoryJoules = work.memoryGb() == null ? 0
                : work.memoryGb() * config.memory().wattsPerGb() * work.wallSeconds();
        boolean reported = work.reportedJoules() != null && work.reportedJoules() >= 0;
        double tokenJoules = reported ? work.reportedJoules() : work.tokens() * joulesPerToken(work.model());
        double energyJoules = (computeJoules + memoryJoules) * config.pue() + tokenJoules;

        String region = work.region() == null || work.region().isBlank() ? null : normalize(work.region());
        Double known = region == null ? null : intensityByRegion.get(region);
        double intensity = known != null ? known : config.grid().worldAverage();
        double co2eGrams = energyJoules / JOULES_PER_KWH * intensity;
        double embodiedGrams = work.vcpus() * work.wallSeconds() / 3600 * config.embodiedGramsPerVcpuHour();
        Method method = reported ? Method.REPORTED : work.tokens() > 0 ? Method.TOKENS
                : measured ? Method.RAPL : Method.MODEL;
        return new EnergyEstimate(energyJoules, co2eGrams, embodiedGrams, method, region, intensity, known == null);
    }

    public double joulesPerToken(String model) {
        if (model != null) {
            Double exact = config.llm().joulesPerToken().get(model);
            if (exact != null) {
                return exact;
            }
            for (var entry : config.llm().joulesPerToken().entrySet()) {
                if (entry.getKey().equalsIgnoreCase(model)) {
                    return entry.getValue();
                }
            }
        }
        return config.llm().defaultJoulesPerToken();
    }

    public Map<String, Double> gridIntensities() {
        return Map.copyOf(intensityByRegion);
    }

    private static String normalize(String region) {
        return region.trim().toLowerCase(Locale.ROOT);
    }
}
