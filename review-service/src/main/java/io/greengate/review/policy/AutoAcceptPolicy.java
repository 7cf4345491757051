package io.greengate.review.policy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A repository's auto-accept policy as it stands; a repository without a row has the policy off. */
@Entity
@Table(name = "auto_accept_policy")
public class AutoAcceptPolicy extends PanacheEntityBase {
    @Id
    public String repository;
    public boolean enabled;
    @Column(name = "min_probability")
    public double minProbability;
    @Column(name = "changed_by")
    public String changedBy;
    @Column(name = "changed_at")
    public Instant changedAt;
}
