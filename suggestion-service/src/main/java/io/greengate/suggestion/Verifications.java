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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/** Stores CI's verification reports and tells the other services through SuggestionVerified. */
@ApplicationScoped
public class Verifications {

    /** The event carries the log's tail only: enough for a reviewer, small enough for a Kafka record. */
    static final int EVENT_LOG_CHARS = 64_000;
    static final String REVEALS_CHANGE = "REVEALS_CHANGE";
    static final String HOLDS = "HOLDS";
    static final String FAILS_ON_HEAD = "FAILS_ON_HEAD";
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
        checkDifferential(suggestion, request);
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
        verification.verdict = request.verdict();
        if (request.base() != null) {
            verification.baseCompiled = request.base().compiled();
            verification.basePassed = request.base().passed();
            verification.baseOutcome = request.base().outcome();
        }
        verification.headOutcome = request.headOutcome();
        verification.changedLinesCovered(request.changedLinesCovered());
        verification.changedLinesTotal = request.changedLinesTotal();
        verification.verifySeconds = request.verifySeconds();
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
                rescored.map(Ranker.Scored::modelVersion).orElse(null), verification.verdict,
                verification.baseCompiled, verification.basePassed, verification.baseOutcome,
                verification.headOutcome, coveredCount(verification), verification.changedLinesTotal));
        return SuggestionView.of(suggestion, verification);
    }

    /** The prior of a suggestion stored before priors were, and scored by a ranker then: no knowledge either way. */
    private static final double UNKNOWN_PRIOR = 0.5;

    /**
     * The ranker learns from what reviewers saw, CI's verification included; scored at creation, before it, a
     * suggestion lacks those features. Scored again with them, its probability is the one a policy may act on.
     */
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
                            verification.coverageDelta, verification.verdict), prior));
        } catch (RuntimeException e) {
            LOG.warnf("the ranker could not score the verification of %s: %s", suggestion.id, e.toString());
            return Optional.empty();
        }
    }

    /**
     * The differential fields must tell one consistent story (bean validation has checked each on its own): the
     * verdict agrees with the head run ({@code FAILS_ON_HEAD} exactly when {@code passed} is false) and with the base
     * run, a base run comes with a verdict, outcomes are reported for observed-outcome cases only, and no more
     * changed lines are covered than changed.
     */
    static void checkDifferential(Suggestion suggestion, VerificationRequest request) {
        Map<String, String> errors = new TreeMap<>();
        String verdict = request.verdict();
        VerificationRequest.BaseRun base = request.base();
        if (verdict != null) {
            boolean failsOnHead = FAILS_ON_HEAD.equals(verdict);
            if (failsOnHead && Boolean.TRUE.equals(request.passed())) {
                errors.put("verdict", "FAILS_ON_HEAD disagrees with passed=true");
            } else if (!failsOnHead && Boolean.FALSE.equals(request.passed())) {
                errors.put("verdict", verdict + " disagrees with passed=false: a case that does not pass on head"
                        + " is FAILS_ON_HEAD");
            } else if (!failsOnHead && base == null) {
                errors.put("base", "required with verdict " + verdict);
            } else if (HOLDS.equals(verdict) && base != null
                    && !(Boolean.TRUE.equals(base.compiled()) && Boolean.TRUE.equals(base.passed()))) {
                errors.put("verdict", "HOLDS disagrees with base: it must compile and pass on the base");
            } else if (REVEALS_CHANGE.equals(verdict) && base != null && Boolean.TRUE.equals(base.passed())) {
                errors.put("verdict", "REVEALS_CHANGE disagrees with base.passed=true");
            }
        } else if (base != null) {
            errors.put("verdict", "required with base");
        }
        if (base != null && Boolean.TRUE.equals(base.passed()) && Boolean.FALSE.equals(base.compiled())) {
            errors.put("base.passed", "cannot be true when base.compiled is false");
        }
        boolean observedCase = ObservedOutcomes.KIND.equals(suggestion.caseKind);
        if (!observedCase && request.headOutcome() != null) {
            errors.put("headOutcome", "only for observed-outcome cases");
        }
        if (!observedCase && base != null && base.outcome() != null) {
            errors.put("base.outcome", "only for observed-outcome cases");
        }
        if (request.changedLinesCovered() != null && request.changedLinesTotal() != null
                && request.changedLinesCovered().stream().distinct().count() > request.changedLinesTotal()) {
            errors.put("changedLinesCovered", "more lines than changedLinesTotal (" + request.changedLinesTotal()
                    + ")");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining("; ")), errors);
        }
    }

    private static Integer coveredCount(Verification verification) {
        List<Integer> covered = verification.changedLinesCoveredList();
        return covered == null ? null : covered.size();
    }

    private static String tail(String log) {
        return log == null || log.length() <= EVENT_LOG_CHARS ? log : log.substring(log.length() - EVENT_LOG_CHARS);
    }
}
