package io.greengate.feedback;

import io.greengate.infra.GreengateTestInfra;
import io.greengate.infra.TopicProbe;
import io.greengate.platform.events.EnergyAttached;
import io.greengate.platform.events.EventCodec;
import io.greengate.platform.events.GreengateEvent;
import io.greengate.platform.events.ReviewDecided;
import io.greengate.platform.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.List;
import java.util.Map;

/** Publishes events on the real broker exactly as the other services' outboxes would. */
@ApplicationScoped
public class Events {

    private final EventCodec codec;

    public Events(EventCodec codec) {
        this.codec = codec;
    }

    /** Sends the event and returns its JSON, so a test can send the very same bytes again. */
    public String publish(GreengateEvent event) {
        String json = codec.toJson(event);
        publishJson(topicOf(event), event.subjectKey(), json);
        return json;
    }

    /** Sends many events through one producer, in order (a producer per event is slow for a whole history). */
    public void publishAll(List<? extends GreengateEvent> all) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, GreengateTestInfra.bootstrapServers());
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (GreengateEvent event : all) {
                producer.send(new ProducerRecord<>(topicOf(event), event.subjectKey(), codec.toJson(event)));
            }
            producer.flush();
        }
    }

    public void publishJson(String topic, String key, String json) {
        TopicProbe.send(GreengateTestInfra.bootstrapServers(), topic, key, json);
    }

    public static String topicOf(GreengateEvent event) {
        if (event instanceof ReviewDecided) {
            return Topics.REVIEWS;
        }
        if (event instanceof EnergyAttached) {
            return Topics.ENERGY;
        }
        return Topics.SUGGESTIONS;
    }
}
