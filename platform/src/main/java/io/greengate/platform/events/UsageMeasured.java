package io.greengate.platform.events;

import java.time.Instant;
import java.util.UUID;

/** CPU time (and, for remote LLMs, tokens) spent on one piece of work; carbon-meter turns it into energy. */
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
        Long completionTokens) implements GreengateEvent {

    @Override
    public String subjectKey() {
        return subjectId;
    }
}
