package io.greengate.platform.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * JSON Schemas (draft 2020-12) of the event records, generated from the records themselves: one property per record
 * component, plus the {@code type} discriminator {@link GreengateEvent} adds. Producers write every component (null
 * included), so every property is required; a component of a reference type may be null, except the
 * {@code eventId} and {@code occurredAt} every event carries. Consumers must ignore properties they do not know:
 * adding a component is a compatible change, renaming or removing one is not.
 */
final class EventSchemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> NEVER_NULL = Set.of("eventId", "occurredAt");

    /** The topic each event is published on (also in docs/events/README.md). */
    static final Map<Class<? extends GreengateEvent>, String> TOPICS = Map.of(
            SuggestionCreated.class, Topics.SUGGESTIONS,
            SuggestionVerified.class, Topics.SUGGESTIONS,
            ReviewDecided.class, Topics.REVIEWS,
            UsageMeasured.class, Topics.USAGE,
            EnergyAttached.class, Topics.ENERGY,
            ModelTrained.class, Topics.MODELS);

    private EventSchemas() {
    }

    /** Every event type, as {@link GreengateEvent}'s {@code @JsonSubTypes} names them. */
    static List<JsonSubTypes.Type> eventTypes() {
        return Arrays.asList(GreengateEvent.class.getAnnotation(JsonSubTypes.class).value());
    }

    /** The committed file of one event type. */
    static String path(String typeName) {
        return "docs/events/" + typeName + ".schema.json";
    }

    static ObjectNode schema(JsonSubTypes.Type type) {
        Class<?> record = type.value();
        ObjectNode schema = NODES.objectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", type.name() + ".schema.json");
        schema.put("title", type.name());
        schema.put("description", "The JSON value of a " + type.name() + " record on the Kafka topic "
                + TOPICS.get(record) + ". Generated from " + record.getName()
                + " by the platform's EventSchemasTest; do not edit by hand.");
        schema.put("x-topic", TOPICS.get(record));
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = schema.putArray("required");
        properties.putObject("type").put("const", type.name())
                .put("description", "the event type, the discriminator of GreengateEvent");
        required.add("type");
        for (RecordComponent component : record.getRecordComponents()) {
            boolean nullable = !component.getType().isPrimitive() && !NEVER_NULL.contains(component.getName());
            properties.set(component.getName(), typeOf(component.getGenericType(), nullable));
            required.add(component.getName());
        }
        schema.put("additionalProperties", true);
        return schema;
    }

    private static ObjectNode typeOf(Type type, boolean nullable) {
        ObjectNode node = NODES.objectNode();
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        String json;
        if (raw == String.class) {
            json = "string";
        } else if (raw == UUID.class) {
            json = "string";
            node.put("format", "uuid");
        } else if (raw == Instant.class) {
            json = "string";
            node.put("format", "date-time");
        } else if (raw == boolean.class || raw == Boolean.class) {
            json = "boolean";
        } else if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            json = "integer";
        } else if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
            json = "number";
        } else if (raw.isEnum()) {
            json = "string";
            ArrayNode values = node.putArray("enum");
            for (Object constant : raw.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
        } else if (Collection.class.isAssignableFrom(raw)) {
            json = "array";
            node.set("items", typeOf(((ParameterizedType) type).getActualTypeArguments()[0], false));
        } else if (Map.class.isAssignableFrom(raw)) {
            json = "object";
            node.set("additionalProperties", typeOf(((ParameterizedType) type).getActualTypeArguments()[1], false));
        } else {
            throw new IllegalArgumentException("no JSON Schema mapping for " + type
                    + ": extend EventSchemas.typeOf with it");
        }
        if (nullable) {
            node.putArray("type").add(json).add("null");
        } else {
            node.put("type", json);
        }
        // keep "type" first, as people read schemas
        ObjectNode ordered = NODES.objectNode();
        ordered.set("type", node.remove("type"));
        ordered.setAll(node);
        return ordered;
    }

    static JsonNode all() {
        ObjectNode all = NODES.objectNode();
        for (JsonSubTypes.Type type : eventTypes()) {
            all.set(type.name(), schema(type));
        }
        return all;
    }
}
