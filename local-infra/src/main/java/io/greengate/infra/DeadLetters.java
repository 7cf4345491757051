package io.greengate.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The records the services parked on their dead-letter topics ({@code dead-letter-topic-<channel>}: a handler failed on
 * them), listed and replayed onto the topic they came from. Replaying is safe: every consumer ignores an event id it
 * has processed. What was replayed is remembered as the offsets of the consumer group {@value #GROUP}, so a second
 * replay sends only records parked since. Usage:
 * <pre>
 *   DeadLetters BOOTSTRAP list                      every dead-letter topic: parked, not yet replayed, last reason
 *   DeadLetters BOOTSTRAP replay DEAD_LETTER_TOPIC  sends the records not yet replayed back to their own topic
 * </pre>
 */
public final class DeadLetters {

    static final String PREFIX = "dead-letter-topic-";
    static final String GROUP = "greengate-dead-letter-replay";

    private DeadLetters() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[1].equals("list")) {
            List<String> lines = list(args[0]);
            System.out.println(lines.isEmpty() ? "no dead-letter topics: no handler has failed on a record"
                    : String.join("\n", lines));
        } else if (args.length == 3 && args[1].equals("replay") && args[2].startsWith(PREFIX)) {
            System.out.println("replayed " + replay(args[0], args[2]) + " record(s) from " + args[2]);
        } else {
            System.err.println("usage: DeadLetters BOOTSTRAP list | DeadLetters BOOTSTRAP replay " + PREFIX + "<channel>");
            System.exit(2);
        }
    }

    /** One line per dead-letter topic: how many records it holds, and how many of them no replay has sent yet. */
    static List<String> list(String bootstrap) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            TreeSet<String> topics = admin.listTopics().names().get().stream()
                    .filter(t -> t.startsWith(PREFIX)).collect(Collectors.toCollection(TreeSet::new));
            Map<TopicPartition, OffsetAndMetadata> replayed =
                    admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
            for (String topic : topics) {
                List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get()
                        .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
                long parked = 0;
                long pending = 0;
                for (TopicPartition partition : partitions) {
                    long start = admin.listOffsets(Map.of(partition, OffsetSpec.earliest())).all().get()
                            .get(partition).offset();
                    long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).all().get()
                            .get(partition).offset();
                    OffsetAndMetadata done = replayed.get(partition);
                    parked += end - start;
                    pending += end - Math.max(start, done == null ? start : done.offset());
                }
                lines.add(String.format("%-40s parked %d, not yet replayed %d", topic, parked, pending));
            }
        }
        return lines;
    }

    static int replay(String bootstrap, String deadLetterTopic) {
        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        int sent = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps,
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps,
                     new ByteArraySerializer(), new ByteArraySerializer())) {
            consumer.subscribe(List.of(deadLetterTopic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
                sent += forward(consumer.poll(Duration.ofMillis(500)), producer);
            }
            // what is parked now; records parked while this runs are left for the next replay
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())
                    && System.nanoTime() < deadline) {
                sent += forward(consumer.poll(Duration.ofMillis(500)), producer);
            }
            producer.flush();
            consumer.commitSync();
        }
        return sent;
    }

    private static int forward(ConsumerRecords<byte[], byte[]> records, KafkaProducer<byte[], byte[]> producer) {
        int sent = 0;
        for (ConsumerRecord<byte[], byte[]> record : records) {
            String origin = header(record, "dead-letter-topic");
            if (origin == null) {
                System.err.println("skipped offset " + record.offset() + ": no dead-letter-topic header");
                continue;
            }
            producer.send(new ProducerRecord<>(origin, record.key(), record.value()));
            sent++;
        }
        return sent;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
