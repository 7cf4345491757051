package io.greengate.carbon.events;

import io.greengate.carbon.Eventually;
import io.greengate.carbon.Events;
import io.greengate.carbon.Json;
import io.greengate.carbon.store.ReviewOutcome;
import io.greengate.carbon.store.EnergyRecord;
import io.greengate.infra.GreengateTestInfra;
import io.greengate.infra.TopicProbe;
import io.greengate.platform.events.EventCodec;
import io.greengate.platform.events.ReviewDecided;
import io.greengate.platform.events.Topics;
import io.greengate.platform.events.UsageMeasured;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class UsageMeasuredConsumerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    EventCodec codec;

    private static String repository() {
        return "github.com/acme/usage-" + UUID.randomUUID();
    }

    private static long recordsOf(UUID usageEventId) {
        return QuarkusTransaction.requiringNew().call(() -> EnergyRecord.count("usageEventId", usageEventId));
    }

    /** Waits for the EnergyAttached of {@code usage}; every value read from the topic so far comes back. */
    private static List<String> awaitEnergyOf(UsageMeasured usage) {
        return TopicProbe.awaitValue(GreengateTestInfra.bootstrapServers(), Topics.ENERGY,
                v -> v.contains(usage.eventId().toString()), TIMEOUT);
    }

    @Test
    void theSameUsageEventDeliveredTwiceIsOneEnergyRecordAndOneEnergyAttached() {
        UsageMeasured usage = Events.inference(repository(), "ranker-3", 0.4, 0.5, null, null);
        UsageMeasured later = Events.inference(repository(), "ranker-3", 0.1, 0.1, null, null);

        Events.sendUsage(codec, usage);
        Events.sendUsage(codec, usage);
        Events.sendUsage(codec, later);

        // polls may be handled side by side, so the later event can overtake: wait for both (UsageBatchTest checks
        // an event in two batches handled at the same time without depending on timing)
        awaitEnergyOf(later);
        List<String> energy = awaitEnergyOf(usage);
        assertEquals(1, energy.stream().filter(v -> v.contains(usage.eventId().toString())).count(),
                "exactly one EnergyAttached for the usage event");
        assertEquals(1, recordsOf(usage.eventId()), "exactly one energy record for the usage event");
    }

    @Test
    void aUsageEventBecomesAnEnergyRecordEstimatedWithTheModel() {
        UsageMeasured usage = Events.inference(repository(), "ranker-3", 0.5, 0.6, null, null);
        Events.sendUsage(codec, usage);

        String attached = awaitEnergyOf(usage).stream().filter(v -> v.contains(usage.eventId().toString()))
                .findFirst().orElseThrow();
        // (0.6 s x 1 vCPU x 0.74 W + 0.5 s x 2.76 W) x 1.135 = 2.07024 J; no service region: world average 475 g/kWh
        double joules = (0.6 * 0.74 + 0.5 * (3.5 - 0.74)) * 1.135;
        JsonPath event = Json.parse(attached);
        assertEquals(joules, event.getDouble("energyJoules"), 1e-9);
        assertEquals(joules / 3_600_000 * 475, event.getDouble("co2eGrams"), 1e-12);
        assertEquals("MODEL", event.getString("method"));
        assertEquals("suggestion-service", event.getString("service"));
        assertEquals(usage.subjectId(), event.getString("subjectId"));

        EnergyRecord record = QuarkusTransaction.requiringNew()
                .call(() -> EnergyRecord.ofUsageEvent(usage.eventId()).orElseThrow());
        assertTrue(record.regionFallback, "no region known for the services: the record says so");
        assertEquals(475, record.gridIntensity);
    }

    @Test
    void aRemoteLlmUsageIsEstimatedFromItsTokens() {
        UsageMeasured usage = new UsageMeasured(UUID.randomUUID(), Instant.now(), "suggestion-service",
                "INFERENCE", "batch", UUID.randomUUID().toString(), repository(), "llm", "gpt-remote", 0.02, 0.5,
                1200L, 300L, null, null, null, null);
        Events.sendUsage(codec, usage);

        String attached = awaitEnergyOf(usage).stream().filter(v -> v.contains(usage.eventId().toString()))
                .findFirst().orElseThrow();
        // 1500 tokens x 3.5 J + (0.5 x 0.74 + 0.02 x 2.76) x 1.135 J of local CPU = 5250.482602 J
        assertEquals(5250.482602, Json.parse(attached).getDouble("energyJoules"), 1e-6);
        assertEquals("TOKENS", Json.parse(attached).getString("method"));
    }

    @Test
    void energyTheLlmServerReportedIsUsedInsteadOfTheTokenEstimate() {
        UsageMeasured usage = new UsageMeasured(UUID.randomUUID(), Instant.now(), "suggestion-service",
                "INFERENCE", "batch", UUID.randomUUID().toString(), repository(), "llm", "gpt-remote", 0.02, 0.5,
                1200L, 300L, null, 2, 12.5, null);
        Events.sendUsage(codec, usage);

        String attached = awaitEnergyOf(usage).stream().filter(v -> v.contains(usage.eventId().toString()))
                .findFirst().orElseThrow();
        // the server's 12.5 J + (0.5 x 0.74 + 0.02 x 2.76) x 1.135 J of local CPU
        assertEquals(12.982602, Json.parse(attached).getDouble("energyJoules"), 1e-6);
        assertEquals("REPORTED", Json.parse(attached).getString("method"));
    }

    @Test
    void energyAServiceMeasuredWithRaplIsKeptAsMeasured() {
        UsageMeasured usage = new UsageMeasured(UUID.randomUUID(), Instant.now(), "suggestion-service",
                "INFERENCE", "batch", UUID.randomUUID().toString(), repository(), "embedded", "ranker-3", 0.2, 0.5,
                null, null, null, 4, null, 2.5);
        Events.sendUsage(codec, usage);

        String attached = awaitEnergyOf(usage).stream().filter(v -> v.contains(usage.eventId().toString()))
                .findFirst().orElseThrow();
        // the 2.5 J the service measured x PUE 1.135, not the CPU model's (0.5 x 0.74 + 0.2 x 2.76) x 1.135
        assertEquals(2.8375, Json.parse(attached).getDouble("energyJoules"), 1e-6);
        assertEquals("RAPL", Json.parse(attached).getString("method"));
    }

    @Test
    void payloadsThatAreNotUsagesAreSkippedAndConsumptionGoesOn() {
        UsageMeasured impossible = new UsageMeasured(UUID.randomUUID(), Instant.now(),
                "suggestion-service", "INFERENCE", "batch", UUID.randomUUID().toString(), repository(), "embedded",
                "ranker-3", -5, 1, null, null, null, null, null, null);
        UsageMeasured valid = Events.inference(repository(), "ranker-3", 0.1, 0.1, null, null);

        TopicProbe.send(GreengateTestInfra.bootstrapServers(), Topics.USAGE, "x", "this is not json");
        Events.sendUsage(codec, impossible);
        Events.sendUsage(codec, valid);

        awaitEnergyOf(valid);
        assertEquals(0, recordsOf(impossible.eventId()), "negative CPU time is not energy");
        assertEquals(1, recordsOf(valid.eventId()));
    }

    @Test
    void anAcceptedReviewIsCountedOnceWhateverTheRedeliveriesAndARejectedOneNot() {
        String repository = repository();
        String later = repository();
        ReviewDecided accepted = Events.decided(repository, "ranker-3", "ACCEPTED");
        Events.send(codec, Topics.REVIEWS, accepted);
        Events.send(codec, Topics.REVIEWS, accepted);
        Events.send(codec, Topics.REVIEWS, Events.decided(repository, "ranker-3", "REJECTED"));
        Events.send(codec, Topics.REVIEWS, Events.decided(later, "ranker-3", "MODIFIED"));

        Eventually.await(() -> acceptedIn(later), n -> n == 1, TIMEOUT);
        assertEquals(1, acceptedIn(repository));
    }

    private static long acceptedIn(String repository) {
        return QuarkusTransaction.requiringNew().call(() -> ReviewOutcome.count(
                "repository = ?1 and decision in ?2", repository, ReviewOutcome.ACCEPTED));
    }
}
