package io.greengate.suggestion.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** One suggested test case; CREATED until CI reports VERIFIED or VERIFICATION_FAILED. */
@Entity
public class Suggestion extends PanacheEntityBase {

    public enum VerificationStatus { CREATED, VERIFIED, VERIFICATION_FAILED }

    @Id
    public UUID id;
    @Column(name = "batch_id")
    public UUID batchId;
    public int position;
    public String repository;
    @Column(name = "commit_sha")
    public String commit;
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
    /** The hunks of CI's diff around the target symbol, for the reviewer. */
    @Column(name = "target_diff")
    public String targetDiff;
    public String rationale;
    /** What the engine was asked (LLM engine), kept for the fine-tuning datasets. */
    public String prompt;
    public double confidence;
    /** The engine's own confidence (its case kind's prior); null for suggestions made before it was stored. */
    @Column(name = "prior_confidence")
    public Double priorConfidence;
    @Column(name = "risk_flags")
    public String riskFlags;
    @Column(name = "verification_status")
    public String verificationStatus;
    @Column(name = "energy_joules")
    public Double energyJoules;
    @Column(name = "co2e_grams")
    public Double co2eGrams;
    @Column(name = "created_at")
    public Instant createdAt;

    public List<String> riskFlagList() {
        return riskFlags.isEmpty() ? List.of() : Arrays.asList(riskFlags.split(","));
    }

    public static List<Suggestion> ofBatch(UUID batchId) {
        return list("batchId = ?1 order by position", batchId);
    }

    public static List<Suggestion> ofCommit(String repository, String commit) {
        return list("repository = ?1 and commit = ?2 order by createdAt, position", repository, commit);
    }
}
