package io.greengate.platform.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;
import java.util.UUID;

/**
 * Every event on a Greengate topic: JSON with {@code eventId}, {@code type} and {@code occurredAt}.
 * Consumers remember {@code eventId} so that a redelivery changes nothing.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = SuggestionCreated.class, name = "SuggestionCreated"),
        @JsonSubTypes.Type(value = SuggestionVerified.class, name = "SuggestionVerified"),
        @JsonSubTypes.Type(value = ReviewDecided.class, name = "ReviewDecided"),
        @JsonSubTypes.Type(value = UsageMeasured.class, name = "UsageMeasured"),
        @JsonSubTypes.Type(value = EnergyAttached.class, name = "EnergyAttached"),
        @JsonSubTypes.Type(value = ModelTrained.class, name = "ModelTrained")
})
public sealed interface GreengateEvent
        permits SuggestionCreated, SuggestionVerified, ReviewDecided, UsageMeasured, EnergyAttached, ModelTrained {

    UUID eventId();

    Instant occurredAt();

    /** The Kafka record key: the id of the subject the event is about. */
    String subjectKey();
}
