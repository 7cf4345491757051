package io.greengate.carbon.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The set-at-a-time form of the platform's {@code ProcessedEvents.firstDelivery}: the same {@code processed_event}
 * rows, in the caller's transaction, with one statement for a whole batch of events instead of one per event.
 */
@ApplicationScoped
public class FirstDeliveries {

    private final EntityManager entityManager;

    public FirstDeliveries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Those of {@code eventIds} that {@code consumer} sees for the first time; remembers them all. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> of(String consumer, Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            Set<UUID> first = new HashSet<>();
            Array ids = connection.createArrayOf("uuid", eventIds.toArray());
            try (PreparedStatement insert = connection.prepareStatement("insert into processed_event (consumer, event_id) "
                    + "select ?, unnest(?) on conflict do nothing returning event_id")) {
                insert.setString(1, consumer);
                insert.setArray(2, ids);
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        first.add(rows.getObject(1, UUID.class));
                    }
                }
            } finally {
                ids.free();
            }
            return first;
        });
    }
}
