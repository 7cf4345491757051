package io.greengate.platform.outbox;

import io.greengate.platform.events.EventCodec;
import io.greengate.platform.events.GreengateEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.util.List;

/** Writes an event into the outbox table, inside the caller's transaction (the state change's). */
@ApplicationScoped
public class Outbox {

    private final EntityManager entityManager;
    private final EventCodec codec;
    private final Event<Written> written;

    public Outbox(EntityManager entityManager, EventCodec codec, Event<Written> written) {
        this.entityManager = entityManager;
        this.codec = codec;
        this.written = written;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String topic, GreengateEvent event) {
        entityManager.createNativeQuery(
                        "insert into outbox_message (event_id, topic, message_key, payload) values (?1, ?2, ?3, ?4)")
                .setParameter(1, event.eventId())
                .setParameter(2, topic)
                .setParameter(3, keyOf(event))
                .setParameter(4, codec.toJson(event))
                .executeUpdate();
        written.fire(new Written());
    }

    /** Many events at once: the same rows as {@link #add}, one statement for all, the relay told once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addAll(String topic, List<? extends GreengateEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Object[] ids = new Object[events.size()];
        String[] topics = new String[events.size()];
        String[] keys = new String[events.size()];
        String[] payloads = new String[events.size()];
        for (int i = 0; i < events.size(); i++) {
            GreengateEvent event = events.get(i);
            ids[i] = event.eventId();
            topics[i] = topic;
            keys[i] = keyOf(event);
            payloads[i] = codec.toJson(event);
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            Array[] arrays = {connection.createArrayOf("uuid", ids), connection.createArrayOf("varchar", topics),
                    connection.createArrayOf("varchar", keys), connection.createArrayOf("text", payloads)};
            try (PreparedStatement insert = connection.prepareStatement("insert into outbox_message "
                    + "(event_id, topic, message_key, payload) select * from unnest(?, ?, ?, ?)")) {
                for (int i = 0; i < arrays.length; i++) {
                    insert.setArray(i + 1, arrays[i]);
                }
                insert.executeUpdate();
            } finally {
                for (Array array : arrays) {
                    array.free();
                }
            }
        });
        written.fire(new Written());
    }

    private static String keyOf(GreengateEvent event) {
        return event.subjectKey() != null ? event.subjectKey() : event.eventId().toString();
    }

    /** Fired for each event added; the relay picks it up once the transaction has committed. */
    public record Written() {
    }
}
