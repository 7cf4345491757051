package io.greengate.feedback.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One download of a dataset: its filters, and the sha256 and size of the bytes sent, once complete. */
@Entity
@Table(name = "dataset_export")
public class DatasetExport extends PanacheEntityBase {

    public enum Status { STREAMING, COMPLETED, FAILED }

    @Id
    public UUID id;
    public String kind;
    public String repository;
    @Column(name = "from_time")
    public Instant from;
    @Column(name = "to_time")
    public Instant to;
    public String status;
    @Column(name = "record_count")
    public Long recordCount;
    @Column(name = "size_bytes")
    public Long sizeBytes;
    public String sha256;
    public String failure;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;

    public static List<DatasetExport> latest(int limit) {
        return find("order by startedAt desc").range(0, limit - 1).list();
    }
}
