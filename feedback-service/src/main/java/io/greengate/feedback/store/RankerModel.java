package io.greengate.feedback.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One version of the ranker (ranker-1, ranker-2, ...): how it was trained, on which rows (the dataset's sha256),
 * how it scored on the held-out decisions, and the model itself. Written once when training ends; afterwards only
 * the status moves (PROMOTED ⇄ RETIRED), which a database trigger enforces.
 */
@Entity
@Table(name = "ranker_model")
public class RankerModel extends PanacheEntityBase {

    public enum Status {
        TRAINING, PROMOTED, REJECTED_BY_EVALUATION, FAILED, RETIRED;

        /** Whether a model of this status has an artifact that could serve. */
        public boolean servable() {
            return this == PROMOTED || this == RETIRED || this == REJECTED_BY_EVALUATION;
        }
    }

    public enum Trigger { API, SCHEDULE }

    public static final String VERSION_PREFIX = "ranker-";

    @Id
    public String version;
    public long number;
    public String status;
    @Column(name = "trigger_kind")
    public String trigger;
    @Column(name = "triggered_by")
    public String triggeredBy;
    @Column(name = "training_config")
    @JdbcTypeCode(SqlTypes.JSON)
    public String trainingConfig;
    @Column(name = "training_size")
    public Integer trainingSize;
    @Column(name = "held_out_size")
    public Integer heldOutSize;
    @Column(name = "dataset_size")
    public Integer datasetSize;
    @Column(name = "dataset_sha256")
    public String datasetSha256;
    @JdbcTypeCode(SqlTypes.JSON)
    public String metrics;
    public String evaluation;
    /** Loaded only when read: listing versions never pulls the models. */
    @Basic(fetch = FetchType.LAZY)
    public byte[] artifact;
    @Column(name = "artifact_sha256")
    public String artifactSha256;
    @Column(name = "cpu_seconds")
    public Double cpuSeconds;
    @Column(name = "wall_seconds")
    public Double wallSeconds;
    public String failure;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "finished_at")
    public Instant finishedAt;

    public Status statusValue() {
        return Status.valueOf(status);
    }

    public static long nextNumber() {
        return ((Number) getEntityManager().createNativeQuery("select nextval('ranker_model_number_seq')")
                .getSingleResult()).longValue();
    }

    public static List<RankerModel> newestFirst() {
        return find("order by number desc").list();
    }

    public static Optional<RankerModel> promoted() {
        return find("status", Status.PROMOTED.name()).firstResultOptional();
    }

    /** The promoted model, locked: promotions serialize on it. */
    public static Optional<RankerModel> promotedForUpdate() {
        return find("status", Status.PROMOTED.name()).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public static Optional<RankerModel> training() {
        return find("status", Status.TRAINING.name()).firstResultOptional();
    }

    /** The newest version that finished with a dataset (promoted or not): what a scheduled run compares with. */
    public static Optional<RankerModel> latestTrained() {
        return find("datasetSha256 is not null order by number desc").firstResultOptional();
    }
}
