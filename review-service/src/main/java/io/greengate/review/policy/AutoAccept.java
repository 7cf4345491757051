package io.greengate.review.policy;

import io.greengate.review.Decisions;
import io.greengate.review.store.Review;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The auto-accept policy (review-service/README.md): when CI's verification of a pending review arrives and its
 * repository's policy is on, the policy accepts it if {@link Eligibility} allows. The decision is an ordinary one
 * (audit, ReviewDecided) whose actor kind is POLICY. Policies change only through {@link #change}, which records every change.
 */
@ApplicationScoped
public class AutoAccept {

    /** The actor name an auto-accepted review carries. */
    public static final String ACTOR = "auto-accept-policy";
    private static final Logger LOG = Logger.getLogger(AutoAccept.class);

    private final Decisions decisions;
    private final EntityManager entityManager;
    private final AutoAcceptConfig config;
    private final Counter accepted;

    public AutoAccept(Decisions decisions, EntityManager entityManager, AutoAcceptConfig config,
                      MeterRegistry registry) {
        this.decisions = decisions;
        this.entityManager = entityManager;
        this.config = config;
        this.accepted = Counter.builder("greengate.auto.accepted")
                .description("Reviews accepted by the auto-accept policy").register(registry);
    }

    /** Called in the transaction that attached CI's verification to the review. */
    public void consider(Review review) {
        AutoAcceptPolicy policy = AutoAcceptPolicy.findById(review.repository);
        if (policy == null || !policy.enabled) {
            return;
        }
        List<String> blockers = Eligibility.blockers(review, policy.minProbability);
        if (!blockers.isEmpty()) {
            LOG.debugf("review %s stays with reviewers: %s", review.id, blockers);
            return;
        }
        if (decisions.acceptByPolicy(review, ACTOR, Eligibility.evidence(review, policy.minProbability))) {
            accepted.increment();
        }
    }

    @Transactional
    public List<PolicyView> list() {
        return AutoAcceptPolicy.<AutoAcceptPolicy>listAll().stream()
                .sorted((a, b) -> a.repository.compareTo(b.repository)).map(PolicyView::of).toList();
    }

    /** The repository's policy; off (with the default threshold) when no admin ever set one. */
    @Transactional
    public PolicyView of(String repository) {
        return Optional.ofNullable(AutoAcceptPolicy.<AutoAcceptPolicy>findById(repository)).map(PolicyView::of)
                .orElseGet(() -> PolicyView.off(repository, config.defaultMinProbability()));
    }

    @Transactional
    public PolicyView change(PolicyChangeRequest request, String actor) {
        // a row to lock first, so two admins changing one repository's policy are recorded one after the other;
        // a row inserted here is the repository's first policy: off, at the default threshold
        boolean first = entityManager.createNativeQuery("""
                        insert into auto_accept_policy (repository, enabled, min_probability, changed_by, changed_at)
                        values (?1, false, ?2, ?3, ?4) on conflict (repository) do nothing""")
                .setParameter(1, request.repository()).setParameter(2, config.defaultMinProbability())
                .setParameter(3, actor).setParameter(4, Instant.now()).executeUpdate() == 1;
        AutoAcceptPolicy policy = entityManager.find(AutoAcceptPolicy.class, request.repository(),
                LockModeType.PESSIMISTIC_WRITE);
        AutoAcceptPolicyChange change = new AutoAcceptPolicyChange();
        change.repository = request.repository();
        change.previousEnabled = policy.enabled;
        change.previousMinProbability = first ? null : policy.minProbability;
        change.enabled = request.enabled();
        change.minProbability = request.minProbability() != null ? request.minProbability() : policy.minProbability;
        change.actor = actor;
        change.comment = request.comment();
        change.changedAt = Instant.now();
        change.persist();
        policy.enabled = change.enabled;
        policy.minProbability = change.minProbability;
        policy.changedBy = actor;
        policy.changedAt = change.changedAt;
        LOG.infof("auto-accept for %s turned %s (min probability %.2f) by %s", policy.repository,
                policy.enabled ? "on" : "off", policy.minProbability, actor);
        return PolicyView.of(policy);
    }

    @Transactional
    public List<PolicyChangeView> changes(Optional<String> repository) {
        List<AutoAcceptPolicyChange> changes = repository
                .map(r -> AutoAcceptPolicyChange.<AutoAcceptPolicyChange>list("repository = ?1 order by id", r))
                .orElseGet(() -> AutoAcceptPolicyChange.list("order by id"));
        return changes.stream().map(PolicyChangeView::of).toList();
    }
}
