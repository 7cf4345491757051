package io.greengate.suggestion.events;

import io.greengate.platform.events.ReviewDecided;
import io.greengate.platform.inbox.InboundEvents;
import io.greengate.suggestion.engine.llm.LlmConfig;
import io.greengate.suggestion.store.AcceptedExample;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;

/**
 * Keeps the tests reviewers accepted or modified, per repository and language, as the LLM engine's few-shot
 * examples. Only a person's decision makes an example: what the auto-accept policy accepted never teaches the model.
 */
@ApplicationScoped
public class ReviewDecidedConsumer {

    private final InboundEvents inbound;
    private final LlmConfig config;

    public ReviewDecidedConsumer(InboundEvents inbound, LlmConfig config) {
        this.inbound = inbound;
        this.config = config;
    }

    @Incoming("reviews")
    @Blocking
    @Transactional
    public void onDecision(String payload) {
        inbound.handle("suggestion-service.reviews", payload, event -> {
            if (event instanceof ReviewDecided decided && decided.accepted()
                    && ReviewDecided.ACTOR_REVIEWER.equals(decided.actorKind())
                    && decided.finalCode() != null && !decided.finalCode().isBlank()
                    && decided.repository() != null && decided.language() != null
                    && AcceptedExample.findById(decided.reviewId()) == null) {
                keep(decided);
            }
        });
    }

    private void keep(ReviewDecided decided) {
        AcceptedExample example = new AcceptedExample();
        example.reviewId = decided.reviewId();
        example.repository = decided.repository();
        example.language = decided.language();
        example.code = decided.finalCode();
        example.decidedAt = decided.occurredAt() == null ? Instant.now() : decided.occurredAt();
        example.persist();
        AcceptedExample.keepNewest(example.repository, example.language, Math.max(1, config.examples()) * 4);
    }
}
