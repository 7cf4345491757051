package io.greengate.carbon.api;

import io.greengate.carbon.store.Build;
import io.greengate.carbon.store.EnergyRecord;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored build with its estimate: {@code gridIntensity} in g CO2e/kWh, {@code regionFallback} true when the
 * region was missing or unknown and the world average was used.
 */
public record BuildView(UUID id, String repository, String commit, String pipeline, String job, String status,
                        double cpuSeconds, double wallSeconds, int vcpus, Double memoryGb, String region,
                        double gridIntensity, boolean regionFallback, double energyJoules, double co2eGrams,
                        double embodiedGrams, String method, String reportedBy, Instant createdAt) {

    public static BuildView of(Build build, EnergyRecord energy) {
        return new BuildView(build.id, build.repository, build.commit, build.pipeline, build.job, build.status,
                build.cpuSeconds, build.wallSeconds, build.vcpus, build.memoryGb, build.region, energy.gridIntensity,
                energy.regionFallback, energy.energyJoules, energy.co2eGrams, energy.embodiedGrams, energy.method,
                build.reportedBy, build.createdAt);
    }
}
