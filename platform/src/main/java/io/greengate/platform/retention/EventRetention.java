package io.greengate.platform.retention;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Deletes what the outbox and the inbox no longer need, so neither table grows without end: outbox rows published
 * longer than {@code greengate.outbox.retention} ago, and {@code processed_event} rows older than
 * {@code greengate.inbox.retention}. The inbox keeps its rows longer than Kafka keeps records (7 days by default),
 * so any redelivery the broker can still make is recognised. Rows go in chunks, one short transaction each.
 */
@ApplicationScoped
public class EventRetention {

    private static final Logger LOG = Logger.getLogger(EventRetention.class);
    static final int CHUNK = 10_000;

    private final EntityManager entityManager;
    private final Duration outboxRetention;
    private final Duration inboxRetention;

    public EventRetention(EntityManager entityManager,
                          @ConfigProperty(name = "greengate.outbox.retention", defaultValue = "P7D") Duration outboxRetention,
                          @ConfigProperty(name = "greengate.inbox.retention", defaultValue = "P30D") Duration inboxRetention) {
        this.entityManager = entityManager;
        this.outboxRetention = outboxRetention;
        this.inboxRetention = inboxRetention;
    }

    /** Rows deleted by one sweep. */
    public record Purged(long outboxMessages, long processedEvents) {
    }

    @Scheduled(every = "${greengate.retention.interval:1h}", delayed = "${greengate.retention.start-delay:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            Purged purged = purge(Instant.now());
            if (purged.outboxMessages() + purged.processedEvents() > 0) {
                LOG.infof("retention: deleted %d published outbox messages and %d processed events",
                        purged.outboxMessages(), purged.processedEvents());
            }
        } catch (RuntimeException e) {
            LOG.warnf("retention sweep failed, will retry: %s", e.getMessage());
        }
    }

    /** Deletes, as of {@code now}, the published outbox rows and processed events older than their retention. */
    public Purged purge(Instant now) {
        OffsetDateTime outboxCutoff = now.minus(outboxRetention).atOffset(ZoneOffset.UTC);
        OffsetDateTime inboxCutoff = now.minus(inboxRetention).atOffset(ZoneOffset.UTC);
        // below the oldest unpublished id every row is published: the primary key finds them oldest first
        long outbox = inChunks("""
                delete from outbox_message where id in (
                    select id from outbox_message
                    where id < coalesce((select min(id) from outbox_message where published_at is null), 9223372036854775807)
                      and published_at < ?1
                    order by id limit %d)""".formatted(CHUNK), outboxCutoff);
        long inbox = inChunks("""
                delete from processed_event where ctid in (
                    select ctid from processed_event where processed_at < ?1 limit %d)""".formatted(CHUNK), inboxCutoff);
        return new Purged(outbox, inbox);
    }

    private long inChunks(String delete, OffsetDateTime cutoff) {
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() ->
                    entityManager.createNativeQuery(delete).setParameter(1, cutoff).executeUpdate());
            total += deleted;
        } while (deleted == CHUNK);
        return total;
    }
}
