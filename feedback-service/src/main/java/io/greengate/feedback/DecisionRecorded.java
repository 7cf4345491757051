package io.greengate.feedback;

/**
 * A decision was stored for the first time (a CDI event, observed after commit by the metrics). Carries the
 * engine's acceptance ratio as read inside the same transaction, so observers need no database.
 */
public record DecisionRecorded(String engine, String decision, String reason, double engineAcceptanceRatio) {
}
