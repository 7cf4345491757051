package io.greengate.platform.inbox;

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

/** Remembers which events a consumer has handled, in the same transaction as the handling. */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager entityManager;

    public ProcessedEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** True the first time {@code consumer} sees {@code eventId}; false for every redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, UUID eventId) {
        return entityManager.createNativeQuery(
                        "insert into processed_event (consumer, event_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate() == 1;
    }

    /**
     * The set-at-a-time {@link #firstDelivery}: those of {@code eventIds} seen for the first time; remembers all.
     * The ids go in sorted, so transactions remembering overlapping sets (batches handled side by side) take their
     * locks in one order and wait for each other instead of deadlocking.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> firstDeliveries(String consumer, Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            Set<UUID> first = new HashSet<>();
            Array ids = connection.createArrayOf("uuid", eventIds.stream().distinct().sorted().toArray());
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
