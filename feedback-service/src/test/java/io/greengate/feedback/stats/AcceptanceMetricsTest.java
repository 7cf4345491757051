package io.greengate.feedback.stats;

import io.greengate.feedback.Api;
import io.greengate.feedback.Await;
import io.greengate.feedback.Events;
import io.greengate.feedback.SuggestionFixture;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertNotNull;

@QuarkusTest
class AcceptanceMetricsTest {

    @Inject
    Events events;

    @Test
    void theAcceptanceRatioOfAnEngineIsAGaugeRefreshedAfterEachDecision() {
        String engine = "engine-" + UUID.randomUUID().toString().substring(0, 8);
        String repository = SuggestionFixture.newRepository("gauge");
        events.publish(new SuggestionFixture(repository).engine(engine).accepted(10));
        events.publish(new SuggestionFixture(repository).engine(engine).modified("def test_x():\n    pass\n", 10));
        events.publish(new SuggestionFixture(repository).engine(engine).accepted(10));
        events.publish(new SuggestionFixture(repository).engine(engine).rejected("LOW_VALUE", 10));
        Await.until("4 decisions", () -> Api.stats(repository).getLong("decided") == 4);

        Await.until("the gauge shows 3 of 4", () -> Double.valueOf(0.75).equals(
                Api.metric(Api.metrics(), "greengate_acceptance_ratio", "engine=\"" + engine + "\"")));
    }

    @Test
    void reviewsAreCountedByDecisionAndReason() {
        String repository = SuggestionFixture.newRepository("counter");
        Double before = Api.metric(Api.metrics(), "greengate_reviews_total", "decision=\"ACCEPTED\"",
                "reason=\"NONE\"");
        SuggestionFixture suggestion = new SuggestionFixture(repository);
        events.publish(suggestion.accepted(10));
        Await.until("the decision is recorded", () -> Api.decided(suggestion.suggestionId));
        Await.until("the counter moved", () -> {
            Double after = Api.metric(Api.metrics(), "greengate_reviews_total", "decision=\"ACCEPTED\"",
                    "reason=\"NONE\"");
            return after != null && after >= (before == null ? 0 : before) + 1;
        });
        assertNotNull(Api.metric(Api.metrics(), "greengate_acceptance_ratio", "engine=\"embedded\""));
    }
}
