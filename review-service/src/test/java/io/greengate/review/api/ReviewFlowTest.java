package io.greengate.review.api;

import io.greengate.infra.GreengateTestInfra;
import io.greengate.infra.TestAccounts;
import io.greengate.infra.TopicProbe;
import io.greengate.platform.events.EventCodec;
import io.greengate.platform.events.SuggestionCreated;
import io.greengate.platform.events.Topics;
import io.greengate.review.Suggestions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ReviewFlowTest {

    @Inject
    EventCodec codec;

    static RequestSpecification reviewer() {
        return given().auth().preemptive().basic(TestAccounts.REVIEWER, TestAccounts.REVIEWER_PASSWORD);
    }

    static String pendingReview(EventCodec codec, String commit) {
        Suggestions.publish(codec, Suggestions.created(commit, "tests/test_cart_total.py",
                "def test_total():\n    assert True\n", null));
        return (String) Suggestions.awaitReviews(commit, 1).get(0).get("id");
    }

    @Test
    void aSuggestionCreatedEventOpensOnePendingReviewAndARedeliveryChangesNothing() throws Exception {
        String commit = Suggestions.newCommit();
        SuggestionCreated event = Suggestions.created(commit, "tests/test_cart_total.py", "def test_a():\n    pass\n", null);
        Suggestions.publish(codec, event);
        Suggestions.publish(codec, event);
        Suggestions.awaitReviews(commit, 1);
        // a later event of the same commit arriving proves the redelivery above was consumed before it
        Suggestions.publish(codec, Suggestions.created(commit, "tests/test_cart_add.py", "def test_b():\n    pass\n", null));
        List<Map<String, Object>> reviews = Suggestions.awaitReviews(commit, 2);
        assertEquals(2, reviews.size());
        assertEquals("PENDING", reviews.get(0).get("status"));
        assertEquals(event.suggestionId().toString(), reviews.get(0).get("suggestionId"));
    }

    @Test
    void acceptingRecordsTheDecisionItsAuditAndPublishesReviewDecided() {
        String id = pendingReview(codec, Suggestions.newCommit());
        reviewer().contentType(ContentType.JSON).body(Map.of("decision", "ACCEPT", "comment", "useful"))
                .when().post("/api/v1/reviews/" + id + "/decision")
                .then().statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("decidedBy", equalTo(TestAccounts.REVIEWER))
                .body("finalCode", equalTo("def test_total():\n    assert True\n"))
                .body("audit", hasSize(1))
                .body("audit[0].previousStatus", equalTo("PENDING"))
                .body("audit[0].actor", equalTo(TestAccounts.REVIEWER));
        TopicProbe.awaitValue(GreengateTestInfra.bootstrapServers(), Topics.REVIEWS,
                v -> v.contains("ReviewDecided") && v.contains(id), Duration.ofSeconds(20));
    }

    @Test
    void modifyingKeepsTheReviewersCodeAsTheFinalCode() {
        String id = pendingReview(codec, Suggestions.newCommit());
        reviewer().contentType(ContentType.JSON)
                .body(Map.of("decision", "MODIFY", "modifiedCode", "def test_total():\n    assert 1 + 1 == 2\n"))
                .when().post("/api/v1/reviews/" + id + "/decision")
                .then().statusCode(200)
                .body("status", equalTo("MODIFIED"))
                .body("finalCode", equalTo("def test_total():\n    assert 1 + 1 == 2\n"));
    }

    @Test
    void rejectingKeepsTheReason() {
        String id = pendingReview(codec, Suggestions.newCommit());
        reviewer().contentType(ContentType.JSON).body(Map.of("decision", "REJECT", "reason", "DUPLICATE"))
                .when().post("/api/v1/reviews/" + id + "/decision")
                .then().statusCode(200).body("status", equalTo("REJECTED")).body("reason", equalTo("DUPLICATE"));
    }

    @Test
    void aSecondDecisionIsAConflict() {
        String id = pendingReview(codec, Suggestions.newCommit());
        reviewer().contentType(ContentType.JSON).body(Map.of("decision", "ACCEPT"))
                .when().post("/api/v1/reviews/" + id + "/decision").then().statusCode(200);
        reviewer().contentType(ContentType.JSON).body(Map.of("decision", "REJECT", "reason", "OTHER"))
                .when().post("/api/v1/reviews/" + id + "/decision")
                .then().statusCode(409).contentType("application/problem+json");
        reviewer().when().get("/api/v1/reviews/" + id).then().body("status", equalTo("ACCEPTED")).body("audit", hasSize(1));
    }

    @Test
    void ofConcurrentDecisionsExactlyOneWinsAndTheOthersGet409() throws Exception {
        String id = pendingReview(codec, Suggestions.newCommit());
        int contenders = 8;
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            String decision = i % 2 == 0 ? "ACCEPT" : "REJECT";
            String user = i % 2 == 0 ? TestAccounts.REVIEWER : TestAccounts.SECOND_REVIEWER;
            String password = i % 2 == 0 ? TestAccounts.REVIEWER_PASSWORD : TestAccounts.SECOND_REVIEWER_PASSWORD;
            attempts.add(() -> given().auth().preemptive().basic(user, password).contentType(ContentType.JSON)
                    .body(Map.of("decision", decision, "reason", "OTHER"))
                    .post("/api/v1/reviews/" + id + "/decision").statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : pool.invokeAll(attempts)) {
            statuses.add(result.get());
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(contenders - 1, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        reviewer().when().get("/api/v1/reviews/" + id).then().body("audit", hasSize(1));
    }

    @Test
    void theQueueFiltersByStatus() {
        String commit = Suggestions.newCommit();
        String id = pendingReview(codec, commit);
        reviewer().queryParam("status", "PENDING").queryParam("commit", commit)
                .when().get("/api/v1/reviews").then().statusCode(200).body("id", equalTo(List.of(id)));
        reviewer().contentType(ContentType.JSON).body(Map.of("decision", "ACCEPT"))
                .when().post("/api/v1/reviews/" + id + "/decision").then().statusCode(200);
        reviewer().queryParam("status", "PENDING").queryParam("commit", commit)
                .when().get("/api/v1/reviews").then().statusCode(200).body("$", hasSize(0));
    }
}
