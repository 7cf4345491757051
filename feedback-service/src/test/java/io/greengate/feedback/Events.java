package io.greengate.feedback;

import io.greengate.infra.GreengateTestInfra;
import io.greengate.infra.TopicProbe;
import io.greengate.platform.events.EnergyAttached;
import io.greengate.platform.events.EventCodec;
import io.greengate.platform.events.GreengateEvent;
import io.greengate.platform.events.ReviewDecided;
import io.greengate.platform.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;

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
