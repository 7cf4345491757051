package io.greengate.feedback.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The audit trail of promotions: by a training run's evaluation, or by an admin (a rollback). */
@Entity
@Table(name = "ranker_promotion")
public class RankerPromotion extends PanacheEntityBase {

    public enum Kind { EVALUATION, MANUAL }

    @Id
    public UUID id;
    public String version;
    @Column(name = "previous_version")
    public String previousVersion;
    public String kind;
    @Column(name = "promoted_by")
    public String promotedBy;
    @Column(name = "promoted_at")
    public Instant promotedAt;

    public static List<RankerPromotion> of(String version) {
        return list("version = ?1 order by promotedAt", version);
    }
}
