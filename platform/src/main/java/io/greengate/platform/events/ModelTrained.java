package io.greengate.platform.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** feedback-service trained a ranker version; {@code status} says whether it was promoted. */
public record ModelTrained(
        UUID eventId,
        Instant occurredAt,
        String version,
        String status,
        String artifactSha256,
        int trainingSize,
        Map<String, Double> metrics) implements GreengateEvent {

    @Override
    public String subjectKey() {
        return version;
    }
}
