package io.greengate.carbon;

import io.greengate.platform.retention.EventRetention;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Published outbox rows and remembered event ids go once their retention (7 and 30 days) is over; nothing else does. */
@QuarkusTest
class RetentionTest {

    @Inject
    EventRetention retention;

    @Inject
    EntityManager entityManager;

    @Test
    void onlyPublishedOutboxRowsAndProcessedEventsPastTheirRetentionAreDeleted() {
        Instant now = Instant.now();
        // negative ids: below every row the service wrote, so no unpublished row of other tests comes first
        outboxRow(-4, now.minusSeconds(9 * 86400), now.minusSeconds(8 * 86400));  // published 8 days ago: goes
        outboxRow(-3, now.minusSeconds(9 * 86400), null);                         // never published: stays
        outboxRow(-1, now.minusSeconds(2 * 86400), now.minusSeconds(86400));      // published yesterday: stays
        UUID old = processedEvent(now.minusSeconds(31 * 86400));
        UUID recent = processedEvent(now.minusSeconds(29 * 86400));

        EventRetention.Purged purged = retention.purge(now);

        assertTrue(purged.outboxMessages() >= 1 && purged.processedEvents() >= 1, purged.toString());
        assertEquals(0, count("select count(*) from outbox_message where id = -4"));
        assertEquals(1, count("select count(*) from outbox_message where id = -3"));
        assertEquals(1, count("select count(*) from outbox_message where id = -1"));
        assertEquals(0, count("select count(*) from processed_event where event_id = '" + old + "'"));
        assertEquals(1, count("select count(*) from processed_event where event_id = '" + recent + "'"));
        QuarkusTransaction.requiringNew().run(() ->
                entityManager.createNativeQuery("delete from outbox_message where id < 0").executeUpdate());
    }

    private void outboxRow(long id, Instant created, Instant published) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        insert into outbox_message (id, event_id, topic, message_key, payload, created_at, published_at)
                        values (?1, ?2, 'greengate.retention-test.v1', 'k', '{}', ?3, ?4)""")
                .setParameter(1, id).setParameter(2, UUID.randomUUID())
                .setParameter(3, created.atOffset(java.time.ZoneOffset.UTC))
                .setParameter(4, published == null ? null : published.atOffset(java.time.ZoneOffset.UTC))
                .executeUpdate());
    }

    private UUID processedEvent(Instant processed) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "insert into processed_event (consumer, event_id, processed_at) values ('retention-test', ?1, ?2)")
                .setParameter(1, id).setParameter(2, processed.atOffset(java.time.ZoneOffset.UTC)).executeUpdate());
        return id;
    }

    private long count(String query) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery(query).getSingleResult()).longValue());
    }
}
