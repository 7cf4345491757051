package io.greengate.feedback.events;

import io.greengate.feedback.FeedbackCollector;
import io.greengate.platform.events.ReviewDecided;
import io.greengate.platform.inbox.InboundEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Review decisions: the label of each feedback record. */
@ApplicationScoped
public class ReviewDecidedConsumer {

    private final InboundEvents inbound;
    private final FeedbackCollector collector;

    public ReviewDecidedConsumer(InboundEvents inbound, FeedbackCollector collector) {
        this.inbound = inbound;
        this.collector = collector;
    }

    @Incoming("reviews")
    @Blocking
    @Transactional
    public void onReviewEvent(String payload) {
        inbound.handle("feedback-service.reviews", payload, event -> {
            if (event instanceof ReviewDecided decided) {
                collector.reviewDecided(decided);
            }
        });
    }
}
