package io.greengate.infra;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A record parked on a dead-letter topic goes back to the topic it came from, once. */
class DeadLettersTest {

    @TempDir
    static Path dir;
    static KafkaBroker kafka;

    @BeforeAll
    static void start() throws Exception {
        kafka = KafkaBroker.start(dir, KafkaBroker.freePort());
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void parkedRecordsAreReplayedOntoTheirTopicOnce() throws Exception {
        park("dead-letter-topic-usage", "subject-1", "{\"eventId\":\"a\"}", "greengate.usage.v1");
        park("dead-letter-topic-usage", "subject-2", "{\"eventId\":\"b\"}", "greengate.usage.v1");

        assertEquals(List.of(String.format("%-40s parked 2, not yet replayed 2", "dead-letter-topic-usage")),
                DeadLetters.list(kafka.bootstrapServers()));
        assertEquals(2, DeadLetters.replay(kafka.bootstrapServers(), "dead-letter-topic-usage"));
        List<String> values = TopicProbe.awaitValues(kafka.bootstrapServers(), "greengate.usage.v1",
                seen -> seen.size() >= 2, Duration.ofSeconds(30));
        assertEquals(List.of("{\"eventId\":\"a\"}", "{\"eventId\":\"b\"}"), values);

        assertEquals(0, DeadLetters.replay(kafka.bootstrapServers(), "dead-letter-topic-usage"),
                "a second replay sends only what was parked since");
        park("dead-letter-topic-usage", "subject-3", "{\"eventId\":\"c\"}", "greengate.usage.v1");
        assertEquals(1, DeadLetters.replay(kafka.bootstrapServers(), "dead-letter-topic-usage"));
        assertEquals(List.of(String.format("%-40s parked 3, not yet replayed 0", "dead-letter-topic-usage")),
                DeadLetters.list(kafka.bootstrapServers()));
    }

    private static void park(String deadLetterTopic, String key, String value, String origin) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(deadLetterTopic, key, value);
            record.headers().add("dead-letter-topic", origin.getBytes(StandardCharsets.UTF_8));
            record.headers().add("dead-letter-reason", "handler failed".getBytes(StandardCharsets.UTF_8));
            producer.send(record);
            producer.flush();
        }
    }
}
