package io.greengate.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A human (or the auto-accept policy) decided a review; happens exactly once per review.
 * {@code decision} is one of {@link #ACCEPTED}, {@link #MODIFIED}, {@link #REJECTED}; {@code actorKind} is
 * {@link #ACTOR_REVIEWER} for an authenticated person or {@link #ACTOR_POLICY} for the auto-accept policy.
 */
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

    public static final String ACCEPTED = "ACCEPTED";
    public static final String MODIFIED = "MODIFIED";
    public static final String REJECTED = "REJECTED";
    public static final String ACTOR_REVIEWER = "REVIEWER";
    public static final String ACTOR_POLICY = "POLICY";

    /** Accepted as suggested or after a human's modification: a test that lands. */
    public boolean accepted() {
        return ACCEPTED.equals(decision) || MODIFIED.equals(decision);
    }

    @Override
    public String subjectKey() {
        return suggestionId.toString();
    }
}
