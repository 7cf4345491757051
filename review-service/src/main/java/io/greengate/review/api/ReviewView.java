package io.greengate.review.api;

import io.greengate.review.store.DecisionAudit;
import io.greengate.review.store.Review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A review as reviewers and CI see it, with the suggestion, its evidence and, once decided, the decision. */
public record ReviewView(UUID id, UUID suggestionId, String repository, String commit, String branch,
                         Integer pullRequest, String engine, String modelVersion, String targetFile,
                         String targetSymbol, String language, String framework, String caseKind, String testPath,
                         String targetDiff, String code, String rationale, Double confidence, List<String> riskFlags,
                         Verification verification, Double energyJoules, Double co2eGrams, String status,
                         String reason, String comment, String finalCode, String decidedBy,
                         String decidedByKind, Instant decidedAt, Instant createdAt, List<AuditEntry> audit) {

    /**
     * CI's latest report. The differential fields ({@code verdict}: REVEALS_CHANGE, HOLDS or FAILS_ON_HEAD; the run
     * on the base; the outcomes observed on each side; how many of the executable changed lines the case ran) are
     * null when CI ran the case on the head only.
     */
    public record Verification(String status, Boolean compiled, Boolean passed, Integer runs, Boolean flaky,
                               Double coverageDelta, String log, String verdict, Boolean baseCompiled,
                               Boolean basePassed, String baseOutcome, String headOutcome,
                               Integer changedLinesCovered, Integer changedLinesTotal) {
    }

    public record AuditEntry(String actor, String actorKind, String decision, String previousStatus,
                             String newStatus, String reason, String comment, Instant decidedAt) {
    }

    public static ReviewView of(Review r, List<DecisionAudit> audit) {
        return new ReviewView(r.id, r.suggestionId, r.repository, r.commit, r.branch, r.pullRequest, r.engine,
                r.modelVersion, r.targetFile, r.targetSymbol, r.language, r.framework, r.caseKind, r.testPath,
                r.targetDiff, r.code, r.rationale, r.confidence, r.riskFlagList(),
                new Verification(r.verificationStatus, r.compiled, r.passed, r.runs, r.flaky, r.coverageDelta,
                        r.verificationLog, r.verdict, r.baseCompiled, r.basePassed, r.baseOutcome, r.headOutcome,
                        r.changedLinesCovered, r.changedLinesTotal),
                r.energyJoules, r.co2eGrams, r.status, r.reason, r.comment, r.finalCode, r.decidedBy,
                r.decidedByKind, r.decidedAt, r.createdAt, audit.stream().map(a -> new AuditEntry(a.actor,
                        a.actorKind, a.decision, a.previousStatus, a.newStatus, a.reason, a.comment, a.decidedAt))
                        .toList());
    }
}
