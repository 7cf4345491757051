package io.greengate.platform.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.greengate.infra.ContractFile;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The event contracts are the committed {@code docs/events/<Type>.schema.json}: each is generated again from its
 * record here and must be the committed file. An intended change to an event record regenerates them (then review the
 * diff and commit it): {@value #REGENERATE}
 */
class EventSchemasTest {

    static final String REGENERATE = "mvn -q -B -o verify -pl platform -am -Dtest=EventSchemasTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dgreengate.contracts.write=true";

    @TestFactory
    Stream<DynamicTest> committedSchemaIsTheRecordsSchema() {
        return EventSchemas.eventTypes().stream().map(type -> DynamicTest.dynamicTest(type.name(),
                () -> ContractFile.check(EventSchemas.path(type.name()),
                        ContractFile.format(EventSchemas.schema(type)), REGENERATE)));
    }

    /** The schema names what Jackson writes on the wire: no renamed, hidden or extra property. */
    @TestFactory
    Stream<DynamicTest> schemaPropertiesAreTheSerializedOnes() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        return EventSchemas.eventTypes().stream().map(type -> DynamicTest.dynamicTest(type.name(), () -> {
            GreengateEvent sample = emptyInstance(type);
            JsonNode written = mapper.readTree(mapper.writerFor(GreengateEvent.class).writeValueAsString(sample));
            Set<String> writtenNames = new TreeSet<>();
            written.fieldNames().forEachRemaining(writtenNames::add);
            Set<String> schemaNames = new TreeSet<>();
            EventSchemas.schema(type).get("properties").fieldNames().forEachRemaining(schemaNames::add);
            assertEquals(schemaNames, writtenNames);
        }));
    }

    @Test
    void everyEventHasATopic() {
        for (JsonSubTypes.Type type : EventSchemas.eventTypes()) {
            assertEquals(true, EventSchemas.TOPICS.containsKey(type.value()), type.name() + " has no topic");
        }
    }

    /** The record built with null, 0 and false for every component. */
    private static GreengateEvent emptyInstance(JsonSubTypes.Type type) throws ReflectiveOperationException {
        RecordComponent[] components = type.value().getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values.add(defaultValue(types[i]));
        }
        return (GreengateEvent) type.value().getDeclaredConstructor(types).newInstance(values.toArray());
    }

    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        } else if (type == int.class) {
            return 0;
        } else if (type == long.class) {
            return 0L;
        } else if (type == double.class) {
            return 0.0;
        } else if (type == float.class) {
            return 0.0f;
        }
        return null;
    }
}
