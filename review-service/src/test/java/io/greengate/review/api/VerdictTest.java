package io.greengate.review.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greengate.infra.GreengateTestInfra;
import io.greengate.infra.TestAccounts;
import io.greengate.infra.TopicProbe;
import io.greengate.platform.events.EventCodec;
import io.greengate.platform.events.SuggestionCreated;
import io.greengate.platform.events.SuggestionVerified;
import io.greengate.platform.events.Topics;
import io.greengate.review.Suggestions;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** CI's differential verdict as SuggestionVerified carries it, on the real broker: stored and shown with the review. */
@QuarkusTest
class VerdictTest {

    @Inject
    EventCodec codec;

    @Inject
    ObjectMapper mapper;

    private SuggestionCreated suggest(String commit) {
        SuggestionCreated created = Suggestions.created(commit, "tests/test_cart_total.py",
                "def test_total():\n    assert True\n", null);
        Suggestions.publish(codec, created);
        return created;
    }

    private static void send(String key, String json) {
        TopicProbe.send(GreengateTestInfra.bootstrapServers(), Topics.SUGGESTIONS, key, json);
    }

    private static JsonPath awaitReview(String commit, Predicate<JsonPath> ready) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonPath review = null;
        while (System.nanoTime() < deadline) {
            String id = (String) Suggestions.awaitReviews(commit, 1).get(0).get("id");
            review = JsonPath.from(given().auth().preemptive()
                    .basic(TestAccounts.REVIEWER, TestAccounts.REVIEWER_PASSWORD)
                    .get("/api/v1/reviews/" + id).then().statusCode(200).extract().asString());
            if (ready.test(review)) {
                return review;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("review-service did not take in the verification: " + review.prettify());
    }

    @Test
    void theVerdictAndWhatCameWithItAreStoredWithTheReview() {
        String commit = Suggestions.newCommit();
        SuggestionCreated created = suggest(commit);
        SuggestionVerified verified = new SuggestionVerified(UUID.randomUUID(), Instant.now(), created.suggestionId(),
                Suggestions.REPOSITORY, commit, true, true, 3, false, 0.4, "3 passed", null, null, "REVEALS_CHANGE",
                true, false, "returned 1000.0 kB", "returned 1.0 MB", 3, 7);
        send(verified.subjectKey(), codec.toJson(verified));
        JsonPath review = awaitReview(commit, r -> "REVEALS_CHANGE".equals(r.getString("verification.verdict")));
        assertEquals("VERIFIED", review.getString("verification.status"));
        assertEquals(true, review.getBoolean("verification.baseCompiled"));
        assertEquals(false, review.getBoolean("verification.basePassed"));
        assertEquals("returned 1000.0 kB", review.getString("verification.baseOutcome"));
        assertEquals("returned 1.0 MB", review.getString("verification.headOutcome"));
        assertEquals(3, review.getInt("verification.changedLinesCovered"));
        assertEquals(7, review.getInt("verification.changedLinesTotal"));
    }

    @Test
    void anEventFromBeforeTheVerdictIsTakenInWithoutOne() throws Exception {
        String commit = Suggestions.newCommit();
        SuggestionCreated created = suggest(commit);
        SuggestionVerified verified = new SuggestionVerified(UUID.randomUUID(), Instant.now(), created.suggestionId(),
                Suggestions.REPOSITORY, commit, true, true, 3, false, 0.4, "3 passed", null, null);
        ObjectNode old = (ObjectNode) mapper.readTree(codec.toJson(verified));
        for (String field : new String[] {"verdict", "baseCompiled", "basePassed", "baseOutcome", "headOutcome",
                "changedLinesCovered", "changedLinesTotal"}) {
            old.remove(field);
        }
        send(verified.subjectKey(), mapper.writeValueAsString(old));
        JsonPath review = awaitReview(commit, r -> "VERIFIED".equals(r.getString("verification.status")));
        assertNull(review.getString("verification.verdict"));
        assertNull(review.getString("verification.changedLinesTotal"));
    }

    @Test
    void failingOnHeadIsAFailedVerificationThatStaysWithReviewers() {
        String commit = Suggestions.newCommit();
        SuggestionCreated created = suggest(commit);
        // a report that says passed but FAILS_ON_HEAD (suggestion-service refuses it; a consumer does not trust it)
        SuggestionVerified verified = new SuggestionVerified(UUID.randomUUID(), Instant.now(), created.suggestionId(),
                Suggestions.REPOSITORY, commit, true, true, 3, false, null, "1 failed", null, null, "FAILS_ON_HEAD",
                true, true, null, null, null, null);
        send(verified.subjectKey(), codec.toJson(verified));
        JsonPath review = awaitReview(commit, r -> "FAILS_ON_HEAD".equals(r.getString("verification.verdict")));
        assertEquals("VERIFICATION_FAILED", review.getString("verification.status"));
        assertEquals("PENDING", review.getString("status"));
        Map<String, Object> stillQueued = Suggestions.awaitReviews(commit, 1).get(0);
        assertEquals("PENDING", stillQueued.get("status"));
    }
}
