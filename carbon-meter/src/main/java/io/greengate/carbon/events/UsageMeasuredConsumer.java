package io.greengate.carbon.events;

import io.greengate.carbon.EnergyLedger;
import io.greengate.platform.events.UsageMeasured;
import io.greengate.platform.inbox.InboundEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Every service's UsageMeasured becomes one energy record and one EnergyAttached, however often it is delivered. */
@ApplicationScoped
public class UsageMeasuredConsumer {

    static final String CONSUMER = "carbon-meter.usage";

    private final InboundEvents inbound;
    private final EnergyLedger ledger;

    public UsageMeasuredConsumer(InboundEvents inbound, EnergyLedger ledger) {
        this.inbound = inbound;
        this.ledger = ledger;
    }

    @Incoming("usage")
    @Blocking
    @Transactional
    public void onUsage(String payload) {
        inbound.handle(CONSUMER, payload, event -> {
            if (event instanceof UsageMeasured usage) {
                ledger.recordUsage(usage);
            }
        });
    }
}
