package io.greengate.feedback.events;

import io.greengate.feedback.Api;
import io.greengate.feedback.Await;
import io.greengate.feedback.Events;
import io.greengate.feedback.SuggestionFixture;
import io.greengate.platform.events.EnergyAttached;
import io.greengate.platform.events.SuggestionVerified;
import io.greengate.platform.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Events of three topics, in any order and delivered at least once, make one feedback record per suggestion. */
@QuarkusTest
class FeedbackCollectionTest {

    @Inject
    Events events;

    @Test
    void aSuggestionItsVerificationAndItsDecisionMakeOneRecord() {
        SuggestionFixture suggestion = new SuggestionFixture(SuggestionFixture.newRepository("collect"));
        String modified = suggestion.code().replace("== 2", "== 2.0");
        events.publish(suggestion.created());
        events.publish(suggestion.verified(true, false, 0.8));
        events.publish(suggestion.modified(modified, 42.5));

        Await.until("the decision is recorded", () -> Api.decided(suggestion.suggestionId)
                && Api.record(suggestion.suggestionId).get("verification") != null);
        JsonPath record = Api.record(suggestion.suggestionId);
        assertEquals(suggestion.repository, record.getString("repository"));
        assertEquals("Cart.total", record.getString("targetSymbol"));
        assertEquals("pytest", record.getString("framework"));
        assertEquals("ranker-3", record.getString("modelVersion"));
        assertEquals(SuggestionFixture.PYTEST_CODE.lines().count(), record.getLong("codeLines"));
        assertEquals(SuggestionFixture.PYTEST_CODE.length(), record.getInt("codeChars"));
        assertEquals(List.of("network"), record.getList("riskFlags"));
        assertEquals(0.73, record.getDouble("confidence"), 1e-9);
        assertEquals(true, record.getBoolean("verification.passed"));
        assertEquals(0.8, record.getDouble("verification.coverageDelta"), 1e-9);
        assertEquals("MODIFIED", record.getString("decision.decision"));
        assertEquals("STYLE", record.getString("decision.reason"));
        assertEquals("REVIEWER", record.getString("decision.actorKind"));
        assertEquals(42.5, record.getDouble("decision.secondsToDecision"), 1e-9);
        assertEquals(2, record.getInt("decision.editDistance"), "'2' → '2.0' is two insertions");
        assertEquals(modified, record.getString("finalCode"));
    }

    @Test
    void ciVerdictIsRecordedWithTheVerification() {
        SuggestionFixture revealing = new SuggestionFixture(SuggestionFixture.newRepository("verdict"));
        SuggestionFixture headOnly = new SuggestionFixture(revealing.repository);
        events.publish(revealing.created());
        events.publish(revealing.verified("REVEALS_CHANGE"));
        events.publish(headOnly.created());
        events.publish(headOnly.verified(true, false, 0.1));

        Await.until("both verifications are recorded", () -> Api.record(revealing.suggestionId) != null
                && Api.record(revealing.suggestionId).get("verification") != null
                && Api.record(headOnly.suggestionId) != null
                && Api.record(headOnly.suggestionId).get("verification") != null);
        assertEquals("REVEALS_CHANGE", Api.record(revealing.suggestionId).getString("verification.verdict"));
        assertNull(Api.record(headOnly.suggestionId).getString("verification.verdict"), "CI ran the head only");
    }

    @Test
    void aDecisionThatArrivesBeforeItsSuggestionIsKeptAndCompleted() {
        SuggestionFixture suggestion = new SuggestionFixture(SuggestionFixture.newRepository("out-of-order"));
        String modified = suggestion.code() + "\n\ndef test_empty_cart_costs_nothing():\n    assert Cart().total() == 0\n";
        events.publish(suggestion.modified(modified, 30));
        Await.until("the early decision is recorded", () -> Api.decided(suggestion.suggestionId));
        assertNull(Api.record(suggestion.suggestionId).get("createdAt"), "features not known yet");

        events.publish(suggestion.created());
        Await.until("the features arrive", () -> Api.record(suggestion.suggestionId).get("createdAt") != null);
        JsonPath record = Api.record(suggestion.suggestionId);
        assertEquals("MODIFIED", record.getString("decision.decision"), "the decision survived");
        assertEquals("Cart.total", record.getString("targetSymbol"));
        assertEquals("src/cart.py", record.getString("targetFile"));
        assertEquals(modified.length() - suggestion.code().length(), record.getInt("decision.editDistance"));
        assertEquals(1, Api.stats(suggestion.repository).getLong("decided"));
    }

    @Test
    void aRedeliveredDecisionChangesNothing() {
        String repository = SuggestionFixture.newRepository("redelivery");
        SuggestionFixture suggestion = new SuggestionFixture(repository);
        String reason = "REDELIVERY_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        events.publish(suggestion.created());
        String decision = events.publish(suggestion.rejected(reason, 12));
        events.publishJson(Topics.REVIEWS, suggestion.suggestionId.toString(), decision);
        // the same decision again under a new event id (a review-service bug): still one decision
        events.publish(suggestion.rejected(reason, 99));

        // the reviews topic has one partition: once a later event is handled, the repeats were too
        SuggestionFixture marker = new SuggestionFixture(SuggestionFixture.newRepository("marker"));
        events.publish(marker.accepted(5));
        Await.until("the marker is handled", () -> Api.decided(marker.suggestionId));

        JsonPath stats = Api.stats(repository);
        assertEquals(1, stats.getLong("decided"));
        assertEquals(1, stats.getLong("byReason." + reason));
        assertEquals(12.0, Api.record(suggestion.suggestionId).getDouble("decision.secondsToDecision"), 1e-9);
        assertEquals(1.0, Api.metric(Api.metrics(), "greengate_reviews_total", "decision=\"REJECTED\"",
                "reason=\"" + reason + "\""));
    }

    @Test
    void aRedeliveredSuggestionChangesNothing() {
        SuggestionFixture suggestion = new SuggestionFixture(SuggestionFixture.newRepository("redelivered-created"));
        String created = events.publish(suggestion.created());
        events.publish(suggestion.accepted(20));
        Await.until("the decision is recorded", () -> Api.decided(suggestion.suggestionId));
        events.publishJson(Topics.SUGGESTIONS, suggestion.suggestionId.toString(), created);

        SuggestionFixture marker = new SuggestionFixture(SuggestionFixture.newRepository("marker"));
        events.publish(marker.created());
        Await.until("the marker is handled", () -> Api.record(marker.suggestionId) != null);
        JsonPath record = Api.record(suggestion.suggestionId);
        assertEquals("ACCEPTED", record.getString("decision.decision"));
        assertEquals(1, Api.stats(suggestion.repository).getLong("decided"));
    }

    @Test
    void anOlderVerificationArrivingLateDoesNotReplaceTheLatest() {
        SuggestionFixture suggestion = new SuggestionFixture(SuggestionFixture.newRepository("verification"));
        SuggestionVerified older = suggestion.verified(false, true, null);
        SuggestionVerified newer = new SuggestionVerified(UUID.randomUUID(),
                older.occurredAt().plusSeconds(300), suggestion.suggestionId, suggestion.repository, "9f1c2e7",
                true, true, 5, false, 1.5, "5 passed", null, null);
        events.publish(newer);
        events.publish(older);
        events.publish(suggestion.created());
        Await.until("the suggestion is recorded", () -> Api.record(suggestion.suggestionId) != null
                && Api.record(suggestion.suggestionId).get("createdAt") != null);
        JsonPath record = Api.record(suggestion.suggestionId);
        assertEquals(true, record.getBoolean("verification.passed"));
        assertEquals(false, record.getBoolean("verification.flaky"));
        assertEquals(1.5, record.getDouble("verification.coverageDelta"), 1e-9);
    }

    @Test
    void aBatchsEnergyIsSharedByItsSuggestions() {
        String repository = SuggestionFixture.newRepository("energy");
        UUID batch = UUID.randomUUID();
        SuggestionFixture first = new SuggestionFixture(repository).batch(batch);
        SuggestionFixture second = new SuggestionFixture(repository).batch(batch).symbol("Cart.add");
        events.publish(new EnergyAttached(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), "suggestion-service",
                "INFERENCE", "batch", batch.toString(), 10.0, 2.0, "cpu-tdp"));
        events.publish(first.created());
        events.publish(second.created());
        Await.until("both suggestions and the energy are recorded", () -> {
            JsonPath record = Api.record(second.suggestionId);
            return Api.record(first.suggestionId) != null && record != null && record.get("energyJoules") != null
                    && record.getDouble("energyJoules") == 5.0;
        });
        JsonPath record = Api.record(first.suggestionId);
        assertEquals(5.0, record.getDouble("energyJoules"), 1e-9);
        assertEquals(1.0, record.getDouble("co2eGrams"), 1e-9);
    }

    @Test
    void aPayloadThatIsNotAnEventIsSkipped() {
        events.publishJson(Topics.REVIEWS, "x", "{not json");
        events.publishJson(Topics.REVIEWS, "x", "{\"type\":\"ReviewDecided\",\"eventId\":\"" + UUID.randomUUID()
                + "\",\"occurredAt\":\"2025-01-01T00:00:00Z\",\"decision\":\"MAYBE\"}");
        SuggestionFixture marker = new SuggestionFixture(SuggestionFixture.newRepository("after-garbage"));
        events.publish(marker.accepted(5));
        Await.until("the consumer goes on after bad payloads", () -> Api.decided(marker.suggestionId));
        assertNotNull(Api.record(marker.suggestionId));
    }
}
