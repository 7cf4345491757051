package io.greengate.platform.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Relays committed outbox rows to Kafka and marks them published once the broker acknowledged them.
 * A crash between send and mark resends the row: delivery is at-least-once and consumers deduplicate.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Rows per transaction: one select, one send of them all, one update once the broker acknowledged them. */
    static final int BATCH_SIZE = 1000;

    private final EntityManager entityManager;
    private final MutinyEmitter<String> emitter;
    private final AtomicBoolean signalled = new AtomicBoolean();
    private volatile boolean stopping;

    public OutboxRelay(EntityManager entityManager,
                       @Channel("greengate-outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2 * BATCH_SIZE)
                       MutinyEmitter<String> emitter) {
        this.entityManager = entityManager;
        this.emitter = emitter;
    }

    /** Right after a transaction that wrote events commits: low latency without busy polling. */
    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Written written) {
        if (signalled.compareAndSet(false, true)) {
            Infrastructure.getDefaultWorkerPool().execute(this::relaySignalled);
        }
    }

    /** Rows left now are sent by the next start: relaying into a closing datasource only delays the stop. */
    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** At most one relay runs and one waits, however many commits signal meanwhile. */
    private synchronized void relaySignalled() {
        signalled.set(false);
        relayPending();
    }

    /** The safety net: rows left by a crash or a failed send are picked up here. */
    @Scheduled(every = "${greengate.outbox.poll-interval:1s}", delayed = "${greengate.outbox.start-delay:3s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void relayPending() {
        if (stopping) {
            return;
        }
        try {
            while (relayBatch() == BATCH_SIZE) {
                // keep draining while full batches come back
            }
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay paused, will retry: %s", e.getMessage());
        }
    }

    @Transactional
    @SuppressWarnings("unchecked")
    int relayBatch() {
        List<Object[]> rows = entityManager.createNativeQuery(
                        "select id, topic, message_key, payload from outbox_message where published_at is null "
                                + "order by id limit " + BATCH_SIZE + " for update skip locked")
                .getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        List<Uni<Void>> acks = new ArrayList<>(rows.size());
        List<Long> ids = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            ids.add(((Number) row[0]).longValue());
            OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                    .withTopic((String) row[1])
                    .withKey((String) row[2])
                    .build();
            acks.add(emitter.sendMessage(Message.of((String) row[3]).addMetadata(metadata)));
        }
        Uni.join().all(acks).andFailFast().await().atMost(Duration.ofSeconds(30));
        entityManager.createNativeQuery("update outbox_message set published_at = now() where id in (?1)")
                .setParameter(1, ids)
                .executeUpdate();
        return rows.size();
    }
}
