package io.greengate.platform.events;

import java.time.Instant;
import java.util.UUID;

/** carbon-meter's estimate of the energy and emissions of one usage record. */
public record EnergyAttached(
        UUID eventId,
        Instant occurredAt,
        UUID usageEventId,
        String service,
        String kind,
        String subjectType,
        String subjectId,
        double energyJoules,
        double co2eGrams,
        String method) implements GreengateEvent {

    @Override
    public String subjectKey() {
        return subjectId;
    }
}
