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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

    /**
     * Inserts these records of usage events with one statement (each column as one array parameter) and returns
     * those inserted: a record whose usage event has one already is left out, not an error, so an event is counted
     * once however it reaches the table. Stores every column {@link #persist()} would; the records stay detached.
     */
    public static List<EnergyRecord> insertUsageRecords(List<EnergyRecord> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            int size = records.size();
            Object[] ids = new Object[size];
            Object[] usageEventIds = new Object[size];
            Object[] buildIds = new Object[size];
            String[] services = new String[size];
            String[] kinds = new String[size];
            String[] subjectTypes = new String[size];
            String[] subjectIds = new String[size];
            String[] repositories = new String[size];
            String[] engines = new String[size];
            String[] models = new String[size];
            Double[] cpuSeconds = new Double[size];
            Double[] wallSeconds = new Double[size];
            Integer[] vcpus = new Integer[size];
            Double[] memoryGb = new Double[size];
            Long[] promptTokens = new Long[size];
            Long[] completionTokens = new Long[size];
            Integer[] suggestions = new Integer[size];
            String[] regions = new String[size];
            Double[] gridIntensities = new Double[size];
            Boolean[] regionFallbacks = new Boolean[size];
            Double[] energyJoules = new Double[size];
            Double[] co2eGrams = new Double[size];
            Double[] embodiedGrams = new Double[size];
            String[] methods = new String[size];
            String[] occurredAt = new String[size];
            String[] recordedAt = new String[size];
            for (int i = 0; i < size; i++) {
                EnergyRecord record = records.get(i);
                ids[i] = record.id;
                usageEventIds[i] = record.usageEventId;
                buildIds[i] = record.buildId;
                services[i] = record.service;
                kinds[i] = record.kind;
                subjectTypes[i] = record.subjectType;
                subjectIds[i] = record.subjectId;
                repositories[i] = record.repository;
                engines[i] = record.engine;
                models[i] = record.model;
                cpuSeconds[i] = record.cpuSeconds;
                wallSeconds[i] = record.wallSeconds;
                vcpus[i] = record.vcpus;
                memoryGb[i] = record.memoryGb;
                promptTokens[i] = record.promptTokens;
                completionTokens[i] = record.completionTokens;
                suggestions[i] = record.suggestions;
                regions[i] = record.region;
                gridIntensities[i] = record.gridIntensity;
                regionFallbacks[i] = record.regionFallback;
                energyJoules[i] = record.energyJoules;
                co2eGrams[i] = record.co2eGrams;
                embodiedGrams[i] = record.embodiedGrams;
                methods[i] = record.method;
                // ISO-8601 with its Z: the session's time zone plays no part
                occurredAt[i] = record.occurredAt == null ? null : record.occurredAt.toString();
                recordedAt[i] = record.recordedAt == null ? null : record.recordedAt.toString();
            }
            Array[] arrays = {
                    connection.createArrayOf("uuid", ids), connection.createArrayOf("uuid", usageEventIds),
                    connection.createArrayOf("uuid", buildIds), connection.createArrayOf("varchar", services),
                    connection.createArrayOf("varchar", kinds), connection.createArrayOf("varchar", subjectTypes),
                    connection.createArrayOf("varchar", subjectIds), connection.createArrayOf("varchar", repositories),
                    connection.createArrayOf("varchar", engines), connection.createArrayOf("varchar", models),
                    connection.createArrayOf("float8", cpuSeconds), connection.createArrayOf("float8", wallSeconds),
                    connection.createArrayOf("int4", vcpus), connection.createArrayOf("float8", memoryGb),
                    connection.createArrayOf("int8", promptTokens), connection.createArrayOf("int8", completionTokens),
                    connection.createArrayOf("int4", suggestions), connection.createArrayOf("varchar", regions),
                    connection.createArrayOf("float8", gridIntensities),
                    connection.createArrayOf("bool", regionFallbacks), connection.createArrayOf("float8", energyJoules),
                    connection.createArrayOf("float8", co2eGrams), connection.createArrayOf("float8", embodiedGrams),
                    connection.createArrayOf("varchar", methods), connection.createArrayOf("varchar", occurredAt),
                    connection.createArrayOf("varchar", recordedAt)};
            Set<UUID> inserted = new HashSet<>();
            try (PreparedStatement insert = connection.prepareStatement(INSERT_USAGE_RECORDS)) {
                for (int i = 0; i < arrays.length; i++) {
                    insert.setArray(i + 1, arrays[i]);
                }
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        inserted.add(rows.getObject(1, UUID.class));
                    }
                }
            } finally {
                for (Array array : arrays) {
                    array.free();
                }
            }
            List<EnergyRecord> stored = new ArrayList<>(inserted.size());
            for (EnergyRecord record : records) {
                if (inserted.contains(record.id)) {
                    stored.add(record);
                }
            }
            return stored;
        });
    }

    private static final String INSERT_USAGE_RECORDS = "insert into energy_record (id, usage_event_id, build_id, "
            + "service, kind, subject_type, subject_id, repository, engine, model, cpu_seconds, wall_seconds, vcpus, "
            + "memory_gb, prompt_tokens, completion_tokens, suggestions, region, grid_intensity, region_fallback, "
            + "energy_joules, co2e_grams, embodied_grams, method, occurred_at, recorded_at) "
            + "select * from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], "
            + "?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::float8[], ?::float8[], ?::int4[], "
            + "?::float8[], ?::int8[], ?::int8[], ?::int4[], ?::varchar[], ?::float8[], ?::bool[], ?::float8[], "
            + "?::float8[], ?::float8[], ?::varchar[], ?::timestamptz[], ?::timestamptz[]) "
            + "on conflict (usage_event_id) do nothing returning id";

    public static Optional<EnergyRecord> ofBuild(UUID buildId) {
        return find("buildId", buildId).firstResultOptional();
    }
}
