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

    public static final String REVEALS_CHANGE = "REVEALS_CHANGE";
    public static final String HOLDS = "HOLDS";
    public static final String FAILS_ON_HEAD = "FAILS_ON_HEAD";

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
    /** CI's differential verdict: REVEALS_CHANGE, HOLDS or FAILS_ON_HEAD; null without one. */
    public String verdict;
    @Column(name = "base_compiled")
    public Boolean baseCompiled;
    @Column(name = "base_passed")
    public Boolean basePassed;
    /** Observed-outcome cases: what the call gave on the change's base and head (CI's text, untrusted). */
    @Column(name = "base_outcome")
    public String baseOutcome;
    @Column(name = "head_outcome")
    public String headOutcome;
    /** How many of the target file's {@link #changedLinesTotal} executable changed lines the case ran on head. */
    @Column(name = "changed_lines_covered")
    public Integer changedLinesCovered;
    @Column(name = "changed_lines_total")
    public Integer changedLinesTotal;
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

    /** CI ran it on the change's head and on its base, and it does not pass on head. */
    public boolean failsOnHead() {
        return FAILS_ON_HEAD.equals(verdict);
    }

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
