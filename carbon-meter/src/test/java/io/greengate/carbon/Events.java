package io.greengate.carbon;

import io.greengate.infra.GreengateTestInfra;
import io.greengate.infra.TopicProbe;
import io.greengate.platform.events.EventCodec;
import io.greengate.platform.events.GreengateEvent;
import io.greengate.platform.events.ReviewDecided;
import io.greengate.platform.events.Topics;
import io.greengate.platform.events.UsageMeasured;

import java.time.Instant;
import java.util.UUID;

/** Events as the other services put them on the real broker. */
public final class Events {

    private Events() {
    }

    public static UsageMeasured inference(String repository, String model, double cpuSeconds, double wallSeconds,
                                          Long promptTokens, Long completionTokens) {
        return new UsageMeasured(UUID.randomUUID(), Instant.now(), "suggestion-service", "INFERENCE", "batch",
                UUID.randomUUID().toString(), repository, "embedded", model, cpuSeconds, wallSeconds, promptTokens,
                completionTokens, null, 3, null, null);
    }

    public static ReviewDecided decided(String repository, String model, String decision) {
        return new ReviewDecided(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(), repository,
                "9f1c2e7", "embedded", model, "python", decision, decision.equals("REJECTED") ? "LOW_VALUE" : null,
                null, "def test_x(): pass", "def test_x(): pass", "alice", ReviewDecided.ACTOR_REVIEWER, 42.0);
    }

    public static void send(EventCodec codec, String topic, GreengateEvent event) {
        TopicProbe.send(GreengateTestInfra.bootstrapServers(), topic, event.subjectKey(), codec.toJson(event));
    }

    public static void sendUsage(EventCodec codec, UsageMeasured usage) {
        send(codec, Topics.USAGE, usage);
    }
}
