package io.greengate.carbon.store;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one-statement insert of usage records stores what Hibernate would, nulls included, and each event once. */
@QuarkusTest
class EnergyRecordInsertTest {

    private static EnergyRecord complete() {
        EnergyRecord record = new EnergyRecord();
        record.id = UUID.randomUUID();
        record.usageEventId = UUID.randomUUID();
        record.service = "suggestion-service";
        record.kind = "INFERENCE";
        record.subjectType = "batch";
        record.subjectId = UUID.randomUUID().toString();
        record.repository = "github.com/acme/insert";
        record.engine = "llm";
        record.model = "gpt-remote";
        record.cpuSeconds = 0.125;
        record.wallSeconds = 2.5;
        record.vcpus = 3;
        record.memoryGb = 7.5;
        record.promptTokens = 1_200L;
        record.completionTokens = 3_000_000_000L; // beyond an int
        record.suggestions = 4;
        record.region = "eu-north-1";
        record.gridIntensity = 8.8;
        record.regionFallback = true;
        record.energyJoules = 5250.482602;
        record.co2eGrams = 0.0128345;
        record.embodiedGrams = 1e-7;
        record.method = "TOKENS";
        record.occurredAt = Instant.parse("2026-11-24T09:26:03.123456Z");
        record.recordedAt = Instant.parse("2026-11-24T23:59:59.999999Z");
        return record;
    }

    /** Only what the table requires. */
    private static EnergyRecord sparse() {
        EnergyRecord record = new EnergyRecord();
        record.id = UUID.randomUUID();
        record.usageEventId = UUID.randomUUID();
        record.service = "review-service";
        record.kind = "REQUEST";
        record.cpuSeconds = 0;
        record.wallSeconds = 0.01;
        record.vcpus = 1;
        record.gridIntensity = 475;
        record.energyJoules = 0.0084;
        record.co2eGrams = 1.1e-6;
        record.embodiedGrams = 0;
        record.method = "MODEL";
        record.occurredAt = Instant.parse("2026-01-01T00:00:00Z");
        record.recordedAt = Instant.parse("2026-01-01T00:00:00.000001Z");
        return record;
    }

    private static EnergyRecord stored(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> EnergyRecord.<EnergyRecord>findById(id));
    }

    @Test
    void everyColumnIsStoredAsGivenIncludingNulls() {
        EnergyRecord complete = complete();
        EnergyRecord sparse = sparse();

        List<EnergyRecord> inserted = QuarkusTransaction.requiringNew()
                .call(() -> EnergyRecord.insertUsageRecords(List.of(complete, sparse)));

        assertEquals(List.of(complete, sparse), inserted);
        assertSameColumns(complete, stored(complete.id));
        EnergyRecord read = stored(sparse.id);
        assertSameColumns(sparse, read);
        assertNull(read.buildId);
        assertNull(read.subjectType);
        assertNull(read.subjectId);
        assertNull(read.repository);
        assertNull(read.engine);
        assertNull(read.model);
        assertNull(read.memoryGb);
        assertNull(read.promptTokens);
        assertNull(read.completionTokens);
        assertNull(read.suggestions);
        assertNull(read.region);
    }

    @Test
    void aUsageEventWithARecordAlreadyIsLeftOutAndTheFirstRecordStays() {
        EnergyRecord first = complete();
        QuarkusTransaction.requiringNew().run(() -> EnergyRecord.insertUsageRecords(List.of(first)));
        EnergyRecord again = complete();
        again.usageEventId = first.usageEventId;
        again.energyJoules = 99;
        EnergyRecord other = sparse();

        List<EnergyRecord> inserted = QuarkusTransaction.requiringNew()
                .call(() -> EnergyRecord.insertUsageRecords(List.of(again, other)));

        assertEquals(List.of(other), inserted, "only the event without a record");
        assertNull(stored(again.id));
        assertEquals(first.energyJoules, stored(first.id).energyJoules);
        assertEquals(1L, QuarkusTransaction.requiringNew()
                .call(() -> EnergyRecord.count("usageEventId", first.usageEventId)));
    }

    @Test
    void nothingToInsertIsNoStatement() {
        assertTrue(QuarkusTransaction.requiringNew().call(() -> EnergyRecord.insertUsageRecords(List.of())).isEmpty());
    }

    private static void assertSameColumns(EnergyRecord expected, EnergyRecord actual) {
        assertEquals(expected.id, actual.id);
        assertEquals(expected.usageEventId, actual.usageEventId);
        assertEquals(expected.buildId, actual.buildId);
        assertEquals(expected.service, actual.service);
        assertEquals(expected.kind, actual.kind);
        assertEquals(expected.subjectType, actual.subjectType);
        assertEquals(expected.subjectId, actual.subjectId);
        assertEquals(expected.repository, actual.repository);
        assertEquals(expected.engine, actual.engine);
        assertEquals(expected.model, actual.model);
        assertEquals(expected.cpuSeconds, actual.cpuSeconds);
        assertEquals(expected.wallSeconds, actual.wallSeconds);
        assertEquals(expected.vcpus, actual.vcpus);
        assertEquals(expected.memoryGb, actual.memoryGb);
        assertEquals(expected.promptTokens, actual.promptTokens);
        assertEquals(expected.completionTokens, actual.completionTokens);
        assertEquals(expected.suggestions, actual.suggestions);
        assertEquals(expected.region, actual.region);
        assertEquals(expected.gridIntensity, actual.gridIntensity);
        assertEquals(expected.regionFallback, actual.regionFallback);
        assertEquals(expected.energyJoules, actual.energyJoules);
        assertEquals(expected.co2eGrams, actual.co2eGrams);
        assertEquals(expected.embodiedGrams, actual.embodiedGrams);
        assertEquals(expected.method, actual.method);
        assertEquals(expected.occurredAt, actual.occurredAt);
        assertEquals(expected.recordedAt, actual.recordedAt);
    }
}
