package io.greengate.carbon.events;

import io.greengate.platform.inbox.ProcessedEvents;
import io.greengate.carbon.EnergyLedger;
import io.greengate.platform.events.EventCodec;
import io.greengate.platform.events.GreengateEvent;
import io.greengate.platform.events.UsageMeasured;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Every service's UsageMeasured becomes one energy record and one EnergyAttached, however often it is delivered.
 * <p>
 * Records come in batches (what one poll returned, {@code mp.messaging.incoming.usage.batch=true}) and a batch is
 * handled in one transaction with a few statements for all its records: one commit and one outbox relay per batch
 * instead of per record. Idempotency stays per {@code eventId}: {@code processed_event} remembers every event in the
 * same transaction, and an event seen before (or twice in one batch) is handled once. When a batch fails, each of
 * its records is handled again in a transaction of its own, so one bad record does not hold back the others; if
 * any record still fails, the batch is nacked and its records are parked on the dead-letter topic (the ones already
 * handled are recognised by their eventId should they be replayed from there).
 * <p>
 * Up to {@code smallrye.messaging.worker.usage-batches.max-concurrency} batches are handled at the same time, each in
 * its own transaction, so one batch's JSON and estimates run while another waits on PostgreSQL. Batches may therefore
 * commit out of order (the connector commits offsets only up to the oldest batch not yet done); an event in two
 * batches at once is still handled once: the second transaction waits on the first one's {@code processed_event}
 * row and then skips it. Both take those row locks in one order (sorted event ids), so they cannot deadlock.
 */
@ApplicationScoped
public class UsageMeasuredConsumer {

    static final String CONSUMER = "carbon-meter.usage";
    private static final Logger LOG = Logger.getLogger(UsageMeasuredConsumer.class);

    private final EventCodec codec;
    private final ProcessedEvents processed;
    private final EnergyLedger ledger;

    public UsageMeasuredConsumer(EventCodec codec, ProcessedEvents processed, EnergyLedger ledger) {
        this.codec = codec;
        this.processed = processed;
        this.ledger = ledger;
    }

    @Incoming("usage")
    @Blocking(value = "usage-batches", ordered = false)
    public void onUsages(List<String> payloads) {
        try {
            QuarkusTransaction.requiringNew().run(() -> handle(payloads));
        } catch (RuntimeException batchFailure) {
            LOG.warnf("a batch of %d usage records failed (%s); handling them one by one", payloads.size(),
                    batchFailure.getMessage());
            RuntimeException failure = null;
            for (String payload : payloads) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> handle(List.of(payload)));
                } catch (RuntimeException e) {
                    LOG.errorf(e, "usage record failed: %.200s", payload);
                    failure = e;
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    private void handle(List<String> payloads) {
        List<GreengateEvent> events = new ArrayList<>(payloads.size());
        Set<UUID> eventIds = new LinkedHashSet<>();
        for (String payload : payloads) {
            GreengateEvent event = codec.fromJson(payload).orElse(null);
            if (event == null || event.eventId() == null) {
                LOG.warnf("%s skipped a payload that is not a Greengate event: %.200s", CONSUMER, payload);
                continue;
            }
            events.add(event);
            eventIds.add(event.eventId());
        }
        Set<UUID> first = processed.firstDeliveries(CONSUMER, eventIds);
        List<UsageMeasured> usages = new ArrayList<>(first.size());
        for (GreengateEvent event : events) {
            // remove: an event delivered twice within the batch is handled once
            if (first.remove(event.eventId()) && event instanceof UsageMeasured usage) {
                usages.add(usage);
            }
        }
        ledger.recordUsages(usages);
    }
}
