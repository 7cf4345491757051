package io.greengate.carbon;

import io.greengate.platform.events.EventCodec;
import io.greengate.platform.events.GreengateEvent;
import io.greengate.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.util.List;

/**
 * The set-at-a-time form of the platform's {@link Outbox#add}: the same {@code outbox_message} rows, in the
 * caller's transaction, written with one statement for all events, and the relay told once.
 */
@ApplicationScoped
public class OutboxBatch {

    private final EntityManager entityManager;
    private final EventCodec codec;
    private final Event<Outbox.Written> written;

    public OutboxBatch(EntityManager entityManager, EventCodec codec, Event<Outbox.Written> written) {
        this.entityManager = entityManager;
        this.codec = codec;
        this.written = written;
    }

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
            keys[i] = event.subjectKey() != null ? event.subjectKey() : event.eventId().toString();
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
        written.fire(new Outbox.Written());
    }
}
