package io.greengate.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** Turns events into the JSON on the topics and back; unknown or malformed payloads read as empty. */
@ApplicationScoped
public class EventCodec {

    private final ObjectMapper mapper;

    public EventCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String toJson(GreengateEvent event) {
        try {
            return mapper.writerFor(GreengateEvent.class).writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event not serializable: " + event.getClass().getSimpleName(), e);
        }
    }

    public Optional<GreengateEvent> fromJson(String json) {
        try {
            return Optional.ofNullable(mapper.readValue(json, GreengateEvent.class));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
