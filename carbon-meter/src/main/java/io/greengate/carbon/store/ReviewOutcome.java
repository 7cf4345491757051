package io.greengate.carbon.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One review decision. The accepted ones (ACCEPTED as it was, or MODIFIED) are the functional unit of the reports;
 * all of them give the acceptance rate.
 */
@Entity
@Table(name = "review_outcome")
public class ReviewOutcome extends PanacheEntityBase {

    /** The decisions that put a test into the codebase. */
    public static final List<String> ACCEPTED = List.of("ACCEPTED", "MODIFIED");

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
