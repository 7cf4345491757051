package io.greengate.platform.outbox;

import io.greengate.platform.events.EventCodec;
import io.greengate.platform.events.GreengateEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

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
                .setParameter(3, event.subjectKey() != null ? event.subjectKey() : event.eventId().toString())
                .setParameter(4, codec.toJson(event))
                .executeUpdate();
        written.fire(new Written());
    }

    /** Fired for each event added; the relay picks it up once the transaction has committed. */
    public record Written() {
    }
}
