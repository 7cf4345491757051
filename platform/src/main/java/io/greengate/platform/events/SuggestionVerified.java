package io.greengate.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * CI ran a suggested test in its own sandbox and reported the outcome.
 *
 * @param confidence   the promoted ranker's probability of acceptance now that the verification is known (the features
 *                     a ranker is trained with), null while no trained ranker is loaded
 * @param modelVersion the ranker that gave {@code confidence}, null with it
 * @param verdict      CI's differential verdict, the case run on the change's head and on its base: REVEALS_CHANGE
 *                     (passes on head, fails, errors or does not compile on base), HOLDS (passes on both) or
 *                     FAILS_ON_HEAD (does not pass on head); null when CI ran it on the head only (and in events
 *                     from before the verdict existed: every field from here on is nullable, consumers must
 *                     tolerate their absence)
 * @param baseCompiled whether the case compiled on the base, null without a verdict
 * @param basePassed   whether the case passed on the base, null without a verdict
 * @param baseOutcome  for an observed-outcome case, the outcome CI observed on the base (untrusted text)
 * @param headOutcome  for an observed-outcome case, the outcome CI observed on the head (untrusted text)
 * @param changedLinesCovered how many changed lines of the target file the case executed on head
 * @param changedLinesTotal   how many executable lines of the target file the change touched, null when not measured
 */
public record SuggestionVerified(
        UUID eventId,
        Instant occurredAt,
        UUID suggestionId,
        String repository,
        String commit,
        boolean compiled,
        boolean passed,
        int runs,
        boolean flaky,
        Double coverageDelta,
        String log,
        Double confidence,
        String modelVersion,
        String verdict,
        Boolean baseCompiled,
        Boolean basePassed,
        String baseOutcome,
        String headOutcome,
        Integer changedLinesCovered,
        Integer changedLinesTotal) implements GreengateEvent {

    /** A report without a differential verdict (CI ran the case on the head only). */
    public SuggestionVerified(UUID eventId, Instant occurredAt, UUID suggestionId, String repository, String commit,
                              boolean compiled, boolean passed, int runs, boolean flaky, Double coverageDelta,
                              String log, Double confidence, String modelVersion) {
        this(eventId, occurredAt, suggestionId, repository, commit, compiled, passed, runs, flaky, coverageDelta, log,
                confidence, modelVersion, null, null, null, null, null, null, null);
    }

    @Override
    public String subjectKey() {
        return suggestionId.toString();
    }
}
