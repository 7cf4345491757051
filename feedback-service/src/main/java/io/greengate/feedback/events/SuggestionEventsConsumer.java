package io.greengate.feedback.events;

import io.greengate.feedback.FeedbackCollector;
import io.greengate.platform.events.SuggestionCreated;
import io.greengate.platform.events.SuggestionVerified;
import io.greengate.platform.inbox.InboundEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A suggestion's features (SuggestionCreated) and CI's verification evidence (SuggestionVerified). */
@ApplicationScoped
public class SuggestionEventsConsumer {

    private final InboundEvents inbound;
    private final FeedbackCollector collector;

    public SuggestionEventsConsumer(InboundEvents inbound, FeedbackCollector collector) {
        this.inbound = inbound;
        this.collector = collector;
    }

    @Incoming("suggestions")
    @Blocking
    @Transactional
    public void onSuggestionEvent(String payload) {
        inbound.handle("feedback-service.suggestions", payload, event -> {
            if (event instanceof SuggestionCreated created) {
                collector.suggestionCreated(created);
            } else if (event instanceof SuggestionVerified verified) {
                collector.suggestionVerified(verified);
            }
        });
    }
}
