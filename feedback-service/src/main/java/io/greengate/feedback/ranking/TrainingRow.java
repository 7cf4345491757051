package io.greengate.feedback.ranking;

import java.time.Instant;
import java.util.SortedMap;
import java.util.UUID;

/** One reviewer decision as the ranker learns from it: the suggestion's features and whether it landed. */
public record TrainingRow(UUID suggestionId, Instant decidedAt, boolean accepted, SortedMap<String, Double> features) {

    public static final String ACCEPTED = "ACCEPTED";
    public static final String REJECTED = "REJECTED";

    public String label() {
        return accepted ? ACCEPTED : REJECTED;
    }
}
