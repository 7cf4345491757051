package io.greengate.suggestion.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** CI's report after running a suggested test in its own sandbox; the latest one counts. */
@Entity
public class Verification extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "suggestion_id")
    public UUID suggestionId;
    public boolean compiled;
    public boolean passed;
    public int runs;
    public boolean flaky;
    @Column(name = "coverage_delta")
    public Double coverageDelta;
    public String log;
    @Column(name = "reported_by")
    public String reportedBy;
    @Column(name = "reported_at")
    public Instant reportedAt;

    public static Optional<Verification> latestOf(UUID suggestionId) {
        return find("suggestionId = ?1 order by reportedAt desc", suggestionId).firstResultOptional();
    }
}
