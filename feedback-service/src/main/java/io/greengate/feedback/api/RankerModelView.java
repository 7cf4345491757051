package io.greengate.feedback.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One ranker version: how and on what it was trained, how it scored on the held-out decisions, and (for one
 * version) its promotions and the model's largest weights on the log-odds of acceptance.
 */
public record RankerModelView(String version, String status, String trigger, String triggeredBy, Instant createdAt,
                              Instant finishedAt, Integer trainingSize, Integer heldOutSize, Integer datasetSize,
                              String datasetSha256, String artifactSha256, Map<String, Object> metrics,
                              String evaluation, Map<String, Object> trainingConfig, Double cpuSeconds,
                              Double wallSeconds, String failure, List<Promotion> promotions, List<Weight> weights) {

    public record Promotion(String previousVersion, String kind, String promotedBy, Instant promotedAt) {
    }

    public record Weight(String feature, double weight) {
    }
}
