package io.greengate.suggestion;

import io.greengate.platform.events.SuggestionVerified;
import io.greengate.platform.events.Topics;
import io.greengate.platform.outbox.Outbox;
import io.greengate.platform.problem.ProblemException;
import io.greengate.suggestion.api.SuggestionView;
import io.greengate.suggestion.api.VerificationRequest;
import io.greengate.suggestion.store.Suggestion;
import io.greengate.suggestion.store.Verification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/** Stores CI's verification reports and tells the other services through SuggestionVerified. */
@ApplicationScoped
public class Verifications {

    /** The event carries the log's tail only: enough for a reviewer, small enough for a Kafka record. */
    static final int EVENT_LOG_CHARS = 64_000;

    private final Outbox outbox;

    public Verifications(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public SuggestionView report(UUID suggestionId, VerificationRequest request, String actor) {
        Suggestion suggestion = Suggestion.<Suggestion>findByIdOptional(suggestionId)
                .orElseThrow(() -> ProblemException.notFound("suggestion", suggestionId));
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
        outbox.add(Topics.SUGGESTIONS, new SuggestionVerified(UUID.randomUUID(), verification.reportedAt,
                suggestionId, suggestion.repository, suggestion.commit, verification.compiled, verification.passed,
                verification.runs, verification.flaky, verification.coverageDelta, tail(verification.log)));
        return SuggestionView.of(suggestion, verification);
    }

    private static String tail(String log) {
        return log == null || log.length() <= EVENT_LOG_CHARS ? log : log.substring(log.length() - EVENT_LOG_CHARS);
    }
}
