package io.greengate.feedback.stats;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /api/v1/feedback/stats}. {@code acceptanceRate} is (accepted + modified) / decided,
 * null when nothing was decided; counts are over the decisions taken in [from, to).
 */
public record FeedbackStats(
        Filter filter,
        long decided,
        Double acceptanceRate,
        Map<String, Long> byDecision,
        Map<String, Long> byReason,
        Map<String, Long> byActorKind,
        Double medianSecondsToDecision,
        ReviewerTimeSaved reviewerTimeSaved,
        Drift drift) {

    public record Filter(String repository, String engine, String actorKind, Instant from, Instant to) {
    }

    /** An estimate, not a measurement: {@code formula} and the three assumptions say how it is made. */
    public record ReviewerTimeSaved(double minutes, double hours, double minutesPerHandWrittenTest,
                                    double modifiedCredit, double minutesPerReview, String formula) {
    }

    /** Acceptance per group, each compared with all the other decisions; {@code rule} says when a group is flagged. */
    public record Drift(String rule, List<GroupRate> byLanguage, List<GroupRate> byRepository,
                        List<GroupRate> byModelVersion) {
    }

    public record GroupRate(String group, long decided, long accepted, double acceptanceRate,
                            Double othersAcceptanceRate, boolean flagged) {
    }
}
