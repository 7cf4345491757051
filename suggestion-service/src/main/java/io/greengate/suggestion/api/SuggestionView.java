package io.greengate.suggestion.api;

import io.greengate.suggestion.engine.embedded.ObservedOutcomes;
import io.greengate.suggestion.store.Suggestion;
import io.greengate.suggestion.store.Verification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A suggestion as CI and reviewers see it. {@code status} is PENDING: decisions live in review-service,
 * whose gate is the authority; {@code verificationStatus} follows CI's reports. {@code awaitingObservation}: an
 * observed-outcome case that reviewers do not see until CI sends it back with the outcome written in.
 */
public record SuggestionView(UUID id, UUID batchId, String repository, String commit, String targetFile,
                             String targetSymbol, String language, String framework, String caseKind,
                             String testPath, String code, String rationale, double confidence,
                             List<String> riskFlags, String status, String verificationStatus,
                             VerificationView verification, Double energyJoules, Double co2eGrams,
                             Instant createdAt, boolean awaitingObservation) {

    public static SuggestionView of(Suggestion s, Verification latest) {
        return new SuggestionView(s.id, s.batchId, s.repository, s.commit, s.targetFile, s.targetSymbol, s.language,
                s.framework, s.caseKind, s.testPath, s.code, s.rationale, s.confidence, s.riskFlagList(), "PENDING",
                s.verificationStatus, latest == null ? null : VerificationView.of(latest), s.energyJoules,
                s.co2eGrams, s.createdAt, ObservedOutcomes.awaitsObservation(s.code));
    }

    /**
     * CI's latest report. The differential fields ({@code verdict}, {@code base}, {@code headOutcome},
     * {@code changedLinesCovered}, {@code changedLinesTotal}, {@code verifySeconds}) are null when CI ran the case on
     * the head only; {@code changedLineCoverage} is covered/total (0..1), null unless both were reported.
     */
    public record VerificationView(boolean compiled, boolean passed, int runs, boolean flaky, Double coverageDelta,
                                   String log, String reportedBy, Instant reportedAt, String verdict, BaseView base,
                                   String headOutcome, List<Integer> changedLinesCovered, Integer changedLinesTotal,
                                   Double changedLineCoverage, Double verifySeconds) {
        static VerificationView of(Verification v) {
            BaseView base = v.baseCompiled == null && v.basePassed == null && v.baseOutcome == null ? null
                    : new BaseView(v.baseCompiled, v.basePassed, v.baseOutcome);
            return new VerificationView(v.compiled, v.passed, v.runs, v.flaky, v.coverageDelta, v.log, v.reportedBy,
                    v.reportedAt, v.verdict, base, v.headOutcome, v.changedLinesCoveredList(), v.changedLinesTotal,
                    v.changedLineCoverage(), v.verifySeconds);
        }
    }

    /** The case run on the change's base. */
    public record BaseView(Boolean compiled, Boolean passed, String outcome) {
    }
}
