package io.greengate.feedback.api;

import io.greengate.feedback.store.FeedbackRecord;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One suggestion's feedback as training sees it: features, CI's verification (null until reported) and the
 * decision (null until decided). Energy includes the suggestion's share of its batch's energy.
 */
public record FeedbackRecordView(UUID suggestionId, UUID batchId, String repository, String commit, String branch,
                                 Integer pullRequest, String engine, String modelVersion, String targetFile,
                                 String targetSymbol, String language, String framework, String caseKind,
                                 String testPath, Integer codeLines, Integer codeChars, List<String> riskFlags,
                                 Double confidence, Instant createdAt, Verification verification,
                                 DecisionView decision, String suggestedCode, String finalCode,
                                 Double energyJoules, Double co2eGrams) {

    /** {@code verdict}: CI's differential verdict (REVEALS_CHANGE, HOLDS, FAILS_ON_HEAD), null without one. */
    public record Verification(Boolean compiled, Boolean passed, Integer runs, Boolean flaky, Double coverageDelta,
                               Instant verifiedAt, String verdict) {
    }

    public record DecisionView(UUID reviewId, String decision, String reason, String comment, String actor,
                               String actorKind, Instant decidedAt, Double secondsToDecision, Integer editDistance,
                               Double editRatio) {
    }

    static FeedbackRecordView of(FeedbackRecord r, FeedbackRecord.Energy energy) {
        return new FeedbackRecordView(r.suggestionId, r.batchId, r.repository, r.commit, r.branch, r.pullRequest,
                r.engine, r.modelVersion, r.targetFile, r.targetSymbol, r.language, r.framework, r.caseKind,
                r.testPath, r.codeLines, r.codeChars, r.riskFlagList(), r.confidence, r.createdAt,
                r.verifiedAt == null ? null : new Verification(r.compiled, r.passed, r.verificationRuns, r.flaky,
                        r.coverageDelta, r.verifiedAt, r.verdict),
                r.decision == null ? null : new DecisionView(r.reviewId, r.decision, r.reason, r.comment, r.actor,
                        r.actorKind, r.decidedAt, r.secondsToDecision, r.editDistance, r.editRatio),
                r.suggestedCode, r.finalCode, energy == null ? null : energy.joules(),
                energy == null ? null : energy.co2eGrams());
    }
}
