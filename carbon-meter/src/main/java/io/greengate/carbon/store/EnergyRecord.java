package io.greengate.carbon.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.Session;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The energy estimate of one usage: a UsageMeasured event ({@code usageEventId}, unique: a redelivered event is
 * never counted twice) or a CI build ({@code buildId}). Reports sum these rows.
 */
@Entity
@Table(name = "energy_record")
public class EnergyRecord extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "usage_event_id")
    public UUID usageEventId;
    @Column(name = "build_id")
    public UUID buildId;
    public String service;
    public String kind;
    @Column(name = "subject_type")
    public String subjectType;
    @Column(name = "subject_id")
    public String subjectId;
    public String repository;
    public String engine;
    public String model;
    @Column(name = "cpu_seconds")
    public double cpuSeconds;
    @Column(name = "wall_seconds")
    public double wallSeconds;
    public int vcpus;
    @Column(name = "memory_gb")
    public Double memoryGb;
    @Column(name = "prompt_tokens")
    public Long promptTokens;
    @Column(name = "completion_tokens")
    public Long completionTokens;
    /** The suggestions an INFERENCE batch produced: SCI per suggestion divides by them. */
    public Integer suggestions;
    public String region;
    @Column(name = "grid_intensity")
    public double gridIntensity;
    @Column(name = "region_fallback")
    public boolean regionFallback;
    @Column(name = "energy_joules")
    public double energyJoules;
    @Column(name = "co2e_grams")
    public double co2eGrams;
    @Column(name = "embodied_grams")
    public double embodiedGrams;
    public String method;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Column(name = "recorded_at")
    public Instant recordedAt;

    public static Optional<EnergyRecord> ofUsageEvent(UUID usageEventId) {
        return find("usageEventId", usageEventId).firstResultOptional();
    }

    /** Which of these usage events have a record already: one query with the ids as one array parameter. */
    public static Set<UUID> usageEventIdsAmong(Collection<UUID> usageEventIds) {
        if (usageEventIds.isEmpty()) {
            return Set.of();
        }
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            Set<UUID> found = new HashSet<>();
            Array ids = connection.createArrayOf("uuid", usageEventIds.toArray());
            try (PreparedStatement query = connection.prepareStatement(
                    "select usage_event_id from energy_record where usage_event_id = any(?)")) {
                query.setArray(1, ids);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getObject(1, UUID.class));
                    }
                }
            } finally {
                ids.free();
            }
            return found;
        });
    }

    public static Optional<EnergyRecord> ofBuild(UUID buildId) {
        return find("buildId", buildId).firstResultOptional();
    }
}
