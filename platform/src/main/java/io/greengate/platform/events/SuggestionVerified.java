package io.greengate.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * CI ran a suggested test in its own sandbox and reported the outcome.
 *
 * @param confidence   the promoted ranker's probability of acceptance now that the verification is known (the features
 *                     a ranker is trained with), null while no trained ranker is loaded
 * @param modelVersion the ranker that gave {@code confidence}, null with it
 */
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
        String log,
        Double confidence,
        String modelVersion) implements GreengateEvent {

    @Override
    public String subjectKey() {
        return suggestionId.toString();
    }
}
