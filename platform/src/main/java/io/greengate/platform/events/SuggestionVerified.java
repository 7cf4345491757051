package io.greengate.platform.events;

import java.time.Instant;
import java.util.UUID;

/** CI ran a suggested test in its own sandbox and reported the outcome. */
public record SuggestionVerified(
        UUID eventId,
        Instant occurredAt,
        UUID suggestionId,
        String repository,
        String commit,
        boolean compiled,
        boolean passed,
        int runs,
        boolean flaky,
        Double coverageDelta,
        String log) implements GreengateEvent {

    @Override
    public String subjectKey() {
        return suggestionId.toString();
    }
}
