package io.greengate.platform.inbox;

import io.greengate.platform.events.EventCodec;
import io.greengate.platform.events.GreengateEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.function.Consumer;

/**
 * The one way a service consumes a topic: parse, skip what it has seen, handle the rest in the caller's
 * transaction. A payload that is not a Greengate event is logged and skipped, never retried forever.
 */
@ApplicationScoped
public class InboundEvents {

    private static final Logger LOG = Logger.getLogger(InboundEvents.class);

    private final EventCodec codec;
    private final ProcessedEvents processed;

    public InboundEvents(EventCodec codec, ProcessedEvents processed) {
        this.codec = codec;
        this.processed = processed;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void handle(String consumer, String payload, Consumer<GreengateEvent> handler) {
        GreengateEvent event = codec.fromJson(payload).orElse(null);
        if (event == null || event.eventId() == null) {
            LOG.warnf("%s skipped a payload that is not a Greengate event: %.200s", consumer, payload);
            return;
        }
        if (processed.firstDelivery(consumer, event.eventId())) {
            handler.accept(event);
        }
    }
}
