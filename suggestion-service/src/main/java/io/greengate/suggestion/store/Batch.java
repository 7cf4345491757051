package io.greengate.suggestion.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One CI request: a diff at a commit and the suggestions made for it. */
@Entity
public class Batch extends PanacheEntityBase {
    @Id
    public UUID id;
    public String repository;
    @Column(name = "commit_sha")
    public String commit;
    public String branch;
    @Column(name = "pull_request")
    public Integer pullRequest;
    public String engine;
    @Column(name = "model_version")
    public String modelVersion;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "request_sha256")
    public String requestSha256;
    @Column(name = "cpu_seconds")
    public double cpuSeconds;
    @Column(name = "wall_seconds")
    public double wallSeconds;
    public String notes;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<Batch> findByIdempotencyKey(String key) {
        return find("idempotencyKey", key).firstResultOptional();
    }
}
