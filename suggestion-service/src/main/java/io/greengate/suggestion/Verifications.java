package io.greengate.suggestion;

import io.greengate.platform.events.SuggestionVerified;
import io.greengate.platform.events.Topics;
import io.greengate.platform.outbox.Outbox;
import io.greengate.platform.ranking.RankerFeatures;
import io.greengate.platform.problem.ProblemException;
import io.greengate.suggestion.api.SuggestionView;
import io.greengate.suggestion.api.VerificationRequest;
import io.greengate.suggestion.engine.embedded.ObservedOutcomes;
import io.greengate.suggestion.ranking.Ranker;
import io.greengate.suggestion.store.Batch;
import io.greengate.suggestion.store.Suggestion;
import io.greengate.suggestion.store.Verification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Stores CI's verification reports and tells the other services through SuggestionVerified. */
@ApplicationScoped
public class Verifications {

    /** The event carries the log's tail only: enough for a reviewer, small enough for a Kafka record. */
    static final int EVENT_LOG_CHARS = 64_000;
    private static final Logger LOG = Logger.getLogger(Verifications.class);

    private final Outbox outbox;
    private final Ranker ranker;

    public Verifications(Outbox outbox, Ranker ranker) {
        this.outbox = outbox;
        this.ranker = ranker;
    }

    @Transactional
    public SuggestionView report(UUID suggestionId, VerificationRequest request, String actor) {
        Suggestion suggestion = Suggestion.<Suggestion>findByIdOptional(suggestionId)
                .orElseThrow(() -> ProblemException.notFound("suggestion", suggestionId));
        boolean awaited = ObservedOutcomes.awaitsObservation(suggestion.code);
        if (request.observedCode() != null && !awaited) {
            throw ProblemException.conflict("suggestion " + suggestionId + " awaits no observation: it is not an "
                    + "observed-outcome case, or its outcome was written in already");
        }
        if (awaited && request.observedCode() == null && Boolean.TRUE.equals(request.passed())) {
            throw ProblemException.invalid("observedCode", "required for a passing observed-outcome case: the case"
                    + " with the outcome CI observed written in");
        }
        if (awaited && request.observedCode() != null
                && !ObservedOutcomes.filledFrom(suggestion.code, request.observedCode())) {
            throw ProblemException.invalid("observedCode", "must be the suggestion's code with only "
                    + ObservedOutcomes.PLACEHOLDER + " replaced by one Java string literal");
        }
        Verification verification = new Verification();
        verification.id = UUID.randomUUID();
        verification.suggestionId = suggestionId;
        verification.compiled = request.compiled();
        verification.passed = request.passed();
        verification.runs = request.runs();
        verification.flaky = Boolean.TRUE.equals(request.flaky());
        verification.coverageDelta = request.coverageDelta();
        verification.log = request.log();
        verification.reportedBy = actor;
        verification.reportedAt = Instant.now();
        verification.persist();
        boolean verified = verification.compiled && verification.passed && !verification.flaky;
        suggestion.verificationStatus = (verified ? Suggestion.VerificationStatus.VERIFIED
                : Suggestion.VerificationStatus.VERIFICATION_FAILED).name();
        if (awaited && verified) {
            // what CI observed, written in and verified: now it is a case like any other, and reviewers get it
            suggestion.code = request.observedCode();
            outbox.add(Topics.SUGGESTIONS, SuggestionBatches.created(suggestion, Batch.findById(suggestion.batchId)));
        }
        Optional<Ranker.Scored> rescored = rescore(suggestion, verification);
        outbox.add(Topics.SUGGESTIONS, new SuggestionVerified(UUID.randomUUID(), verification.reportedAt,
                suggestionId, suggestion.repository, suggestion.commit, verification.compiled, verification.passed,
                verification.runs, verification.flaky, verification.coverageDelta, tail(verification.log),
                rescored.map(Ranker.Scored::probability).orElse(null),
                rescored.map(Ranker.Scored::modelVersion).orElse(null)));
        return SuggestionView.of(suggestion, verification);
    }

    /**
     * The ranker learns from what reviewers saw, CI's verification included; scored at creation, before it, a
     * suggestion lacks those features. Scored again with them, its probability is the one a policy may act on.
     */
    /** The prior of a suggestion stored before priors were, and scored by a ranker then: no knowledge either way. */
    private static final double UNKNOWN_PRIOR = 0.5;

    private Optional<Ranker.Scored> rescore(Suggestion suggestion, Verification verification) {
        Batch batch = Batch.findById(suggestion.batchId);
        String engine = batch == null ? null : batch.engine;
        // the engine's own confidence for the kind: a ranker's earlier probability is not a feature
        double prior = suggestion.priorConfidence != null ? suggestion.priorConfidence
                : batch != null && Ranker.PRIOR.equals(batch.modelVersion) ? suggestion.confidence : UNKNOWN_PRIOR;
        try {
            return ranker.score(RankerFeatures.encode(suggestion.language, suggestion.framework, engine,
                    suggestion.caseKind, suggestion.riskFlagList(),
                    suggestion.code == null ? null : (int) suggestion.code.lines().count(),
                    new RankerFeatures.Verification(verification.compiled, verification.passed, verification.flaky,
                            verification.coverageDelta), prior));
        } catch (RuntimeException e) {
            LOG.warnf("the ranker could not score the verification of %s: %s", suggestion.id, e.toString());
            return Optional.empty();
        }
    }

    private static String tail(String log) {
        return log == null || log.length() <= EVENT_LOG_CHARS ? log : log.substring(log.length() - EVENT_LOG_CHARS);
    }
}
