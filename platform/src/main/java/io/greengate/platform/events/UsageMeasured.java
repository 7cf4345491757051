package io.greengate.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * CPU time (and, for remote LLMs, tokens) spent on one piece of work; carbon-meter turns it into energy.
 * {@code region} is where the service runs ({@code greengate.region}), null when not configured;
 * {@code suggestions} how many suggestions the work produced (an INFERENCE batch), for SCI per suggestion;
 * {@code reportedEnergyJoules} the energy a remote LLM server reported for the call, when it reports one;
 * {@code measuredEnergyJoules} the work's share of the CPU packages' energy, measured with Intel RAPL around it
 * where the counters are readable (null elsewhere: carbon-meter then models it from CPU time).
 */
public record UsageMeasured(
        UUID eventId,
        Instant occurredAt,
        String service,
        String kind,
        String subjectType,
        String subjectId,
        String repository,
        String engine,
        String model,
        double cpuSeconds,
        double wallSeconds,
        Long promptTokens,
        Long completionTokens,
        String region,
        Integer suggestions,
        Double reportedEnergyJoules,
        Double measuredEnergyJoules) implements GreengateEvent {

    @Override
    public String subjectKey() {
        return subjectId;
    }
}
