package io.greengate.carbon.events;

import io.greengate.carbon.Events;
import io.greengate.carbon.store.EnergyRecord;
import io.greengate.infra.GreengateTestInfra;
import io.greengate.infra.TopicProbe;
import io.greengate.platform.events.EventCodec;
import io.greengate.platform.events.Topics;
import io.greengate.platform.events.UsageMeasured;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The usage consumer takes a poll's records as one batch: still once per eventId, and one bad record spoils nothing. */
@QuarkusTest
class UsageBatchTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    UsageMeasuredConsumer consumer;

    @Inject
    EventCodec codec;

    @Inject
    EntityManager entityManager;

    private static UsageMeasured usage() {
        return Events.inference("github.com/acme/batch-" + UUID.randomUUID(), "ranker-3", 0.2, 0.3, null, null);
    }

    /** Passes every check of the ledger, but its region does not fit the column: the insert fails. */
    private static UsageMeasured failingOnInsert() {
        return new UsageMeasured(UUID.randomUUID(), Instant.now(), "suggestion-service", "INFERENCE", "batch",
                UUID.randomUUID().toString(), "github.com/acme/batch", "embedded", "ranker-3", 0.2, 0.3, null, null,
                "r".repeat(60), null, null, null);
    }

    private String json(UsageMeasured usage) {
        return codec.toJson(usage);
    }

    private static long recordsOf(UsageMeasured usage) {
        return QuarkusTransaction.requiringNew().call(() -> EnergyRecord.count("usageEventId", usage.eventId()));
    }

    private long energyAttachedInOutbox(UsageMeasured usage) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from outbox_message where topic = ?1 and payload like ?2")
                .setParameter(1, Topics.ENERGY)
                .setParameter(2, "%\"usageEventId\":\"" + usage.eventId() + "\"%")
                .getSingleResult()).longValue());
    }

    @Test
    void anEventTwiceInABatchOrAgainInALaterBatchIsOneRecordAndOneEnergyAttached() {
        UsageMeasured a = usage();
        UsageMeasured b = usage();

        consumer.onUsages(List.of(json(a), json(a), json(b)));
        consumer.onUsages(List.of(json(b), json(a), "not json"));

        for (UsageMeasured usage : List.of(a, b)) {
            assertEquals(1, recordsOf(usage), "one energy record");
            assertEquals(1, energyAttachedInOutbox(usage), "one EnergyAttached");
        }
    }

    /** Batches are handled side by side (max-concurrency): an event in two of them at once still counts once. */
    @Test
    void batchesHandledAtTheSameTimeCountAnEventInBothOnce() throws Exception {
        String repository = "github.com/acme/concurrent-" + UUID.randomUUID();
        List<String> payloads = IntStream.range(0, 300)
                .mapToObj(i -> json(Events.inference(repository, "ranker-3", 0.2, 0.3, null, null))).toList();
        List<String> reversed = new ArrayList<>(payloads);
        Collections.reverse(reversed); // the other order: the ids are locked sorted, so neither waits forever

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> batches = new ArrayList<>();
            for (List<String> batch : List.of(payloads, reversed)) {
                batches.add(threads.submit(() -> {
                    start.await();
                    consumer.onUsages(batch);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> batch : batches) {
                batch.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        List<?> counts = QuarkusTransaction.requiringNew().call(() -> List.of(entityManager.createNativeQuery(
                        "select count(*), count(distinct usage_event_id) from energy_record where repository = ?1")
                .setParameter(1, repository).getSingleResult()));
        Object[] records = (Object[]) counts.get(0);
        assertEquals(300L, ((Number) records[0]).longValue(), "one energy record per event");
        assertEquals(300L, ((Number) records[1]).longValue());
        long attached = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from outbox_message where topic = ?1 and cast(cast(payload as json) "
                                + "->> 'usageEventId' as uuid) in (select usage_event_id from energy_record "
                                + "where repository = ?2)")
                .setParameter(1, Topics.ENERGY).setParameter(2, repository).getSingleResult()).longValue());
        assertEquals(300L, attached, "one EnergyAttached per event");
    }

    @Test
    void aRecordThatFailsDoesNotHoldBackTheOthersOfItsBatch() {
        UsageMeasured before = usage();
        UsageMeasured failing = failingOnInsert();
        UsageMeasured after = usage();

        // the failure still reaches the connector, which parks the batch on the dead-letter topic
        assertThrows(RuntimeException.class,
                () -> consumer.onUsages(List.of(json(before), json(failing), json(after))));

        assertEquals(1, recordsOf(before));
        assertEquals(0, recordsOf(failing));
        assertEquals(1, recordsOf(after));
        // the good ones again, as a replay from the dead-letter topic would bring them: nothing new
        consumer.onUsages(List.of(json(before), json(after)));
        assertEquals(1, recordsOf(before));
        assertEquals(1, energyAttachedInOutbox(after));
    }

    @Test
    void aUsageThatFailsOnTheTopicIsParkedOnTheDeadLetterTopicAndConsumptionGoesOn() {
        UsageMeasured failing = failingOnInsert();
        UsageMeasured valid = usage();
        Events.sendUsage(codec, failing);
        Events.sendUsage(codec, valid);

        // the connector names the dead-letter topic after the channel ("usage"), not after the topic
        TopicProbe.awaitValue(GreengateTestInfra.bootstrapServers(), "dead-letter-topic-usage",
                v -> v.contains(failing.eventId().toString()), TIMEOUT);
        TopicProbe.awaitValue(GreengateTestInfra.bootstrapServers(), Topics.ENERGY,
                v -> v.contains(valid.eventId().toString()), TIMEOUT);
        assertEquals(0, recordsOf(failing));
        assertEquals(1, recordsOf(valid));
    }
}
