package io.greengate.platform.events;

import java.time.Instant;
import java.util.UUID;

/** A human (or the auto-accept policy) decided a review; happens exactly once per review. */
public record ReviewDecided(
        UUID eventId,
        Instant occurredAt,
        UUID reviewId,
        UUID suggestionId,
        String repository,
        String commit,
        String engine,
        String modelVersion,
        String language,
        String decision,
        String reason,
        String comment,
        String suggestedCode,
        String finalCode,
        String actor,
        String actorKind,
        double secondsToDecision) implements GreengateEvent {

    @Override
    public String subjectKey() {
        return suggestionId.toString();
    }
}
