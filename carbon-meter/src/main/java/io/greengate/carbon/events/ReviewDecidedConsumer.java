package io.greengate.carbon.events;

import io.greengate.carbon.store.ReviewOutcome;
import io.greengate.platform.events.ReviewDecided;
import io.greengate.platform.inbox.InboundEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Keeps every review decision: the accepted tests (ACCEPTED or MODIFIED) that "energy per accepted test" divides by,
 * and all decisions for the acceptance rate.
 */
@ApplicationScoped
public class ReviewDecidedConsumer {

    private static final Logger LOG = Logger.getLogger(ReviewDecidedConsumer.class);
    static final String CONSUMER = "carbon-meter.reviews";

    private final InboundEvents inbound;

    public ReviewDecidedConsumer(InboundEvents inbound) {
        this.inbound = inbound;
    }

    @Incoming("reviews")
    @Blocking
    @Transactional
    public void onReview(String payload) {
        inbound.handle(CONSUMER, payload, event -> {
            if (event instanceof ReviewDecided decided) {
                count(decided);
            }
        });
    }

    private static void count(ReviewDecided decided) {
        if (decided.reviewId() == null) {
            LOG.warnf("ReviewDecided %s without reviewId skipped", decided.eventId());
            return;
        }
        if (ReviewOutcome.findByIdOptional(decided.reviewId()).isPresent()) {
            return; // a review is decided once; a second event for it is not a second decision
        }
        ReviewOutcome outcome = new ReviewOutcome();
        outcome.reviewId = decided.reviewId();
        outcome.suggestionId = decided.suggestionId();
        outcome.repository = truncate(decided.repository(), 300);
        outcome.engine = truncate(decided.engine(), 100);
        outcome.modelVersion = truncate(decided.modelVersion(), 200);
        outcome.decision = decided.decision();
        outcome.decidedAt = decided.occurredAt() != null ? decided.occurredAt() : Instant.now();
        outcome.recordedAt = Instant.now();
        outcome.persist();
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
