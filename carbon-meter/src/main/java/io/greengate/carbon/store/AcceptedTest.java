package io.greengate.carbon.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A suggested test that review accepted (as it was, or modified): the functional unit of the reports. */
@Entity
@Table(name = "accepted_test")
public class AcceptedTest extends PanacheEntityBase {
    @Id
    @Column(name = "review_id")
    public UUID reviewId;
    @Column(name = "suggestion_id")
    public UUID suggestionId;
    public String repository;
    public String engine;
    @Column(name = "model_version")
    public String modelVersion;
    public String decision;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "recorded_at")
    public Instant recordedAt;
}
