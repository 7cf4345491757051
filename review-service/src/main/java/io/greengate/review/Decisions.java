package io.greengate.review;

import io.greengate.platform.events.ReviewDecided;
import io.greengate.platform.events.Topics;
import io.greengate.platform.outbox.Outbox;
import io.greengate.platform.problem.ProblemException;
import io.greengate.review.api.DecisionRequest;
import io.greengate.review.store.DecisionAudit;
import io.greengate.review.store.Review;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Takes a review's one decision. The state change is a conditional update (only a PENDING review moves), so of
 * two concurrent decisions exactly one wins and the other gets 409; audit and event share its transaction.
 */
@ApplicationScoped
public class Decisions {

    public static final String ACTOR_REVIEWER = ReviewDecided.ACTOR_REVIEWER;

    private final EntityManager entityManager;
    private final Outbox outbox;
    public Decisions(EntityManager entityManager, Outbox outbox) {
        this.entityManager = entityManager;
        this.outbox = outbox;
    }

    @Transactional
    public Review decide(UUID reviewId, DecisionRequest request, String actor, String actorKind) {
        validate(request);
        Review review = Review.<Review>findByIdOptional(reviewId)
                .orElseThrow(() -> ProblemException.notFound("review", reviewId));
        if (!take(review, request, actor, actorKind)) {
            throw ProblemException.conflict("review " + reviewId + " is already decided");
        }
        return review;
    }

    /**
     * Accepts a review in the name of the auto-accept policy, inside the caller's transaction; false when a
     * reviewer decided it first (the person's decision stands, nothing is rolled back).
     */
    public boolean acceptByPolicy(Review review, String actor, String comment) {
        return take(review, new DecisionRequest(DecisionRequest.Decision.ACCEPT, null, comment, null), actor,
                ReviewDecided.ACTOR_POLICY);
    }

    private boolean take(Review review, DecisionRequest request, String actor, String actorKind) {
        Review.Status newStatus = switch (request.decision()) {
            case ACCEPT -> Review.Status.ACCEPTED;
            case MODIFY -> Review.Status.MODIFIED;
            case REJECT -> Review.Status.REJECTED;
        };
        String finalCode = switch (request.decision()) {
            case ACCEPT -> review.code;
            case MODIFY -> request.modifiedCode();
            case REJECT -> null;
        };
        String reason = request.reason() == null ? null : request.reason().name();
        Instant now = Instant.now();
        int moved = entityManager.createQuery("""
                        update Review set status = :status, reason = :reason, comment = :comment,
                            finalCode = :finalCode, decidedBy = :actor, decidedByKind = :actorKind, decidedAt = :now
                        where id = :id and status = 'PENDING'""")
                .setParameter("status", newStatus.name())
                .setParameter("reason", reason)
                .setParameter("comment", request.comment())
                .setParameter("finalCode", finalCode)
                .setParameter("actor", actor)
                .setParameter("actorKind", actorKind)
                .setParameter("now", now)
                .setParameter("id", review.id)
                .executeUpdate();
        if (moved == 0) {
            return false;
        }
        audit(review.id, request, actor, actorKind, newStatus, reason, now);
        entityManager.refresh(review);
        outbox.add(Topics.REVIEWS, new ReviewDecided(UUID.randomUUID(), now, review.id, review.suggestionId,
                review.repository, review.commit, review.engine, review.modelVersion, review.language,
                newStatus.name(), reason, request.comment(), review.code, finalCode, actor, actorKind,
                Duration.between(review.createdAt, now).toMillis() / 1000.0));
        return true;
    }

    private static void audit(UUID reviewId, DecisionRequest request, String actor, String actorKind,
                              Review.Status newStatus, String reason, Instant now) {
        DecisionAudit entry = new DecisionAudit();
        entry.reviewId = reviewId;
        entry.actor = actor;
        entry.actorKind = actorKind;
        entry.decision = request.decision().name();
        entry.previousStatus = Review.Status.PENDING.name();
        entry.newStatus = newStatus.name();
        entry.reason = reason;
        entry.comment = request.comment();
        entry.modifiedCode = request.modifiedCode();
        entry.decidedAt = now;
        entry.persist();
    }

    private static void validate(DecisionRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (request.decision() == DecisionRequest.Decision.REJECT && request.reason() == null) {
            errors.put("reason", "is required to reject: one of DUPLICATE, INCORRECT_LOGIC, OUT_OF_SCOPE, LOW_VALUE, STYLE, OTHER");
        }
        if (request.decision() == DecisionRequest.Decision.MODIFY
                && (request.modifiedCode() == null || request.modifiedCode().isBlank())) {
            errors.put("modifiedCode", "is required to modify");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(String.join(", ", errors.keySet()) + " missing for "
                    + request.decision(), errors);
        }
    }
}
