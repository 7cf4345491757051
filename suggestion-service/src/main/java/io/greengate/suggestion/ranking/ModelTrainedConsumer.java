package io.greengate.suggestion.ranking;

import io.greengate.platform.events.ModelTrained;
import io.greengate.platform.inbox.InboundEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** feedback-service's training results: a PROMOTED one replaces the ranker; the others change nothing here. */
@ApplicationScoped
public class ModelTrainedConsumer {

    private final InboundEvents inbound;
    private final RankerLoader loader;

    public ModelTrainedConsumer(InboundEvents inbound, RankerLoader loader) {
        this.inbound = inbound;
        this.loader = loader;
    }

    @Incoming("models")
    @Blocking
    @Transactional
    public void onModelEvent(String payload) {
        inbound.handle("suggestion-service.models", payload, event -> {
            if (event instanceof ModelTrained trained) {
                loader.promoted(trained);
            }
        });
    }
}
