package io.greengate.review.policy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One change of a repository's auto-accept policy, as it was made: who, when, from what to what. Never updated. */
@Entity
@Table(name = "auto_accept_policy_change")
public class AutoAcceptPolicyChange extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String repository;
    public boolean enabled;
    @Column(name = "min_probability")
    public double minProbability;
    @Column(name = "previous_enabled")
    public boolean previousEnabled;
    @Column(name = "previous_min_probability")
    public Double previousMinProbability;
    public String actor;
    public String comment;
    @Column(name = "changed_at")
    public Instant changedAt;
}
