package io.greengate.feedback.store;

import java.time.Instant;

/** Which decisions a statistic or a dataset covers; a null field does not filter. {@code to} is exclusive. */
public record FeedbackFilter(String repository, String engine, String actorKind, Instant from, Instant to) {
}
