package io.greengate.carbon.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.UUID;

/** One CI build (or job) as CI reported it; its energy is an {@link EnergyRecord} of kind BUILD. */
@Entity
public class Build extends PanacheEntityBase {
    @Id
    public UUID id;
    public String repository;
    @Column(name = "commit_sha")
    public String commit;
    public String pipeline;
    public String job;
    public String status;
    @Column(name = "cpu_seconds")
    public double cpuSeconds;
    @Column(name = "wall_seconds")
    public double wallSeconds;
    public int vcpus;
    @Column(name = "memory_gb")
    public Double memoryGb;
    public String region;
    @Column(name = "reported_by")
    public String reportedBy;
    @Column(name = "created_at")
    public Instant createdAt;
}
