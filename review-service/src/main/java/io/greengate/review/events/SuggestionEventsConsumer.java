package io.greengate.review.events;

import io.greengate.platform.events.EnergyAttached;
import io.greengate.platform.events.SuggestionCreated;
import io.greengate.platform.events.SuggestionVerified;
import io.greengate.platform.inbox.InboundEvents;
import io.greengate.review.policy.AutoAccept;
import io.greengate.review.store.Review;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Keeps review-service's copy of suggestions: a PENDING review per SuggestionCreated, evidence and energy on it.
 * CI's verification is where the auto-accept policy may decide.
 */
@ApplicationScoped
public class SuggestionEventsConsumer {

    private final InboundEvents inbound;
    private final AutoAccept autoAccept;

    public SuggestionEventsConsumer(InboundEvents inbound, AutoAccept autoAccept) {
        this.inbound = inbound;
        this.autoAccept = autoAccept;
    }

    @Incoming("suggestions")
    @Blocking
    @Transactional
    public void onSuggestionEvent(String payload) {
        inbound.handle("review-service.suggestions", payload, event -> {
            if (event instanceof SuggestionCreated created) {
                open(created);
            } else if (event instanceof SuggestionVerified verified) {
                Review.findBySuggestion(verified.suggestionId()).ifPresent(review -> {
                    attach(review, verified);
                    autoAccept.consider(review);
                });
            }
        });
    }

    @Incoming("energy")
    @Blocking
    @Transactional
    public void onEnergy(String payload) {
        inbound.handle("review-service.energy", payload, event -> {
            if (event instanceof EnergyAttached energy && "suggestion-service".equals(energy.service())) {
                attach(energy);
            }
        });
    }

    private static void open(SuggestionCreated created) {
        if (Review.findBySuggestion(created.suggestionId()).isPresent()) {
            return;
        }
        Review review = new Review();
        review.id = UUID.randomUUID();
        review.suggestionId = created.suggestionId();
        review.batchId = created.batchId();
        review.repository = created.repository();
        review.commit = created.commit();
        review.branch = created.branch();
        review.pullRequest = created.pullRequest();
        review.engine = created.engine();
        review.modelVersion = created.modelVersion();
        review.targetFile = created.targetFile();
        review.targetSymbol = created.targetSymbol();
        review.language = created.language();
        review.framework = created.framework();
        review.caseKind = created.caseKind();
        review.testPath = created.testPath();
        review.code = created.code();
        review.testFileBase = created.testFileBase();
        review.targetDiff = created.targetDiff();
        review.rationale = created.rationale();
        review.confidence = created.confidence();
        review.riskFlags = created.riskFlags() == null ? "" : String.join(",", created.riskFlags());
        review.verificationStatus = "CREATED";
        review.status = Review.Status.PENDING.name();
        review.createdAt = created.occurredAt() == null ? Instant.now() : created.occurredAt();
        review.persist();
    }

    private static void attach(Review review, SuggestionVerified verified) {
        review.compiled = verified.compiled();
        review.passed = verified.passed();
        review.runs = verified.runs();
        review.flaky = verified.flaky();
        review.coverageDelta = verified.coverageDelta();
        review.verificationLog = verified.log();
        // the differential fields are absent from events of before the verdict (and when CI ran the head only):
        // each report replaces the last one whole, so they are cleared then
        review.verdict = verified.verdict();
        review.baseCompiled = verified.baseCompiled();
        review.basePassed = verified.basePassed();
        review.baseOutcome = verified.baseOutcome();
        review.headOutcome = verified.headOutcome();
        review.changedLinesCovered = verified.changedLinesCovered();
        review.changedLinesTotal = verified.changedLinesTotal();
        // FAILS_ON_HEAD is a failed verification like any other (it means passed=false): it stays with reviewers
        // marked "verification failed", and the auto-accept policy never takes it
        review.verificationStatus = verified.compiled() && verified.passed() && !verified.flaky()
                && !review.failsOnHead() ? "VERIFIED" : "VERIFICATION_FAILED";
        // the ranker's probability with the verification known replaces the one given before it
        if (verified.confidence() != null && verified.modelVersion() != null) {
            review.confidence = verified.confidence();
            review.modelVersion = verified.modelVersion();
        }
    }

    private static void attach(EnergyAttached energy) {
        List<Review> reviews = switch (energy.subjectType()) {
            case "batch" -> Review.ofBatch(UUID.fromString(energy.subjectId()));
            case "suggestion" -> Review.findBySuggestion(UUID.fromString(energy.subjectId())).map(List::of)
                    .orElse(List.of());
            default -> List.of();
        };
        for (Review review : reviews) {
            double share = 1.0 / reviews.size();
            review.energyJoules = (review.energyJoules == null ? 0 : review.energyJoules) + energy.energyJoules() * share;
            review.co2eGrams = (review.co2eGrams == null ? 0 : review.co2eGrams) + energy.co2eGrams() * share;
        }
    }
}
