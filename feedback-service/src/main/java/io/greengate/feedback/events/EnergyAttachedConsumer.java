package io.greengate.feedback.events;

import io.greengate.feedback.FeedbackCollector;
import io.greengate.platform.events.EnergyAttached;
import io.greengate.platform.inbox.InboundEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** carbon-meter's energy estimates of suggestion-service's work, kept as a cost feature of the suggestions. */
@ApplicationScoped
public class EnergyAttachedConsumer {

    private final InboundEvents inbound;
    private final FeedbackCollector collector;

    public EnergyAttachedConsumer(InboundEvents inbound, FeedbackCollector collector) {
        this.inbound = inbound;
        this.collector = collector;
    }

    @Incoming("energy")
    @Blocking
    @Transactional
    public void onEnergy(String payload) {
        inbound.handle("feedback-service.energy", payload, event -> {
            if (event instanceof EnergyAttached energy) {
                collector.energyAttached(energy);
            }
        });
    }
}
