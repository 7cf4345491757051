package io.greengate.review.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One decision as it was taken; never updated. */
@Entity
@Table(name = "decision_audit")
public class DecisionAudit extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "review_id")
    public UUID reviewId;
    public String actor;
    @Column(name = "actor_kind")
    public String actorKind;
    public String decision;
    @Column(name = "previous_status")
    public String previousStatus;
    @Column(name = "new_status")
    public String newStatus;
    public String reason;
    public String comment;
    @Column(name = "modified_code")
    public String modifiedCode;
    @Column(name = "decided_at")
    public Instant decidedAt;

    public static List<DecisionAudit> ofReview(UUID reviewId) {
        return list("reviewId = ?1 order by id", reviewId);
    }
}
