package io.greengate.review.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A suggestion awaiting (or past) its human decision: PENDING → ACCEPTED | MODIFIED | REJECTED, once. */
@Entity
public class Review extends PanacheEntityBase {

    public enum Status { PENDING, ACCEPTED, MODIFIED, REJECTED }

    @Id
    public UUID id;
    @Column(name = "suggestion_id")
    public UUID suggestionId;
    @Column(name = "batch_id")
    public UUID batchId;
    public String repository;
    @Column(name = "commit_sha")
    public String commit;
    public String branch;
    @Column(name = "pull_request")
    public Integer pullRequest;
    public String engine;
    @Column(name = "model_version")
    public String modelVersion;
    @Column(name = "target_file")
    public String targetFile;
    @Column(name = "target_symbol")
    public String targetSymbol;
    public String language;
    public String framework;
    @Column(name = "case_kind")
    public String caseKind;
    @Column(name = "test_path")
    public String testPath;
    public String code;
    @Column(name = "test_file_base")
    public String testFileBase;
    /** The hunks of CI's diff around the target symbol, as suggestion-service cut them. */
    @Column(name = "target_diff")
    public String targetDiff;
    public String rationale;
    public Double confidence;
    @Column(name = "risk_flags")
    public String riskFlags;
    @Column(name = "verification_status")
    public String verificationStatus;
    public Boolean compiled;
    public Boolean passed;
    public Integer runs;
    public Boolean flaky;
    @Column(name = "coverage_delta")
    public Double coverageDelta;
    @Column(name = "verification_log")
    public String verificationLog;
    @Column(name = "energy_joules")
    public Double energyJoules;
    @Column(name = "co2e_grams")
    public Double co2eGrams;
    public String status;
    public String reason;
    public String comment;
    @Column(name = "final_code")
    public String finalCode;
    @Column(name = "decided_by")
    public String decidedBy;
    /** REVIEWER or POLICY (auto-accept), as in ReviewDecided.actorKind. */
    @Column(name = "decided_by_kind")
    public String decidedByKind;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "created_at")
    public Instant createdAt;

    public List<String> riskFlagList() {
        return riskFlags == null || riskFlags.isEmpty() ? List.of() : Arrays.asList(riskFlags.split(","));
    }

    public static Optional<Review> findBySuggestion(UUID suggestionId) {
        return find("suggestionId", suggestionId).firstResultOptional();
    }

    public static List<Review> ofCommit(String repository, String commit) {
        return list("repository = ?1 and commit = ?2 order by createdAt, id", repository, commit);
    }

    public static List<Review> ofBatch(UUID batchId) {
        return list("batchId", batchId);
    }
}
