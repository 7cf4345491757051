package io.greengate.review.api;

import io.greengate.infra.TestAccounts;
import io.greengate.platform.events.EventCodec;
import io.greengate.review.Suggestions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Bad input gets a clear 4xx problem+json, never a 500, and the review stays PENDING. */
@QuarkusTest
class BadInputTest {

    @Inject
    EventCodec codec;

    static RequestSpecification reviewer() {
        return given().auth().preemptive().basic(TestAccounts.REVIEWER, TestAccounts.REVIEWER_PASSWORD);
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
    }

    private ValidatableResponse decide(String id, Object body) {
        return reviewer().contentType(ContentType.JSON).body(body).when().post("/api/v1/reviews/" + id + "/decision").then();
    }

    private String pending() {
        return ReviewFlowTest.pendingReview(codec, Suggestions.newCommit());
    }

    private void assertStillPending(String id) {
        reviewer().when().get("/api/v1/reviews/" + id).then().body("status", equalTo("PENDING"));
    }

    @Test
    void malformedJson() {
        String id = pending();
        problem(decide(id, "{\"decision\": "), 400);
        assertStillPending(id);
    }

    @Test
    void anUnknownDecisionNamesTheAllowedOnes() {
        String id = pending();
        problem(decide(id, Map.of("decision", "MAYBE")), 400).body("errors.decision", containsString("ACCEPT, MODIFY, REJECT"));
        assertStillPending(id);
    }

    @Test
    void anUnknownReason() {
        String id = pending();
        problem(decide(id, Map.of("decision", "REJECT", "reason", "BORING")), 400).body("errors.reason", notNullValue());
        assertStillPending(id);
    }

    @Test
    void aRejectWithoutReason() {
        String id = pending();
        problem(decide(id, Map.of("decision", "REJECT")), 400).body("errors.reason", notNullValue());
        assertStillPending(id);
    }

    @Test
    void aModifyWithoutCode() {
        String id = pending();
        problem(decide(id, Map.of("decision", "MODIFY", "modifiedCode", "  ")), 400).body("errors.modifiedCode", notNullValue());
        assertStillPending(id);
    }

    @Test
    void aMissingDecision() {
        String id = pending();
        problem(decide(id, Map.of("comment", "hm")), 400).body("errors.decision", notNullValue());
        assertStillPending(id);
    }

    @Test
    void aWrongType() {
        String id = pending();
        problem(decide(id, Map.of("decision", "ACCEPT", "comment", Map.of("nested", true))), 400);
        assertStillPending(id);
    }

    @Test
    void anUnknownReview() {
        problem(decide(UUID.randomUUID().toString(), Map.of("decision", "ACCEPT")), 404);
        problem(reviewer().when().get("/api/v1/reviews/" + UUID.randomUUID()).then(), 404);
        problem(reviewer().when().get("/api/v1/reviews/not-a-uuid").then(), 404);
    }

    @Test
    void anUnknownStatusFilter() {
        problem(reviewer().queryParam("status", "DONE").when().get("/api/v1/reviews").then(), 400)
                .body("errors.status", notNullValue());
    }

    @Test
    void aGateWithoutRepositoryOrCommit() {
        problem(given().auth().oauth2(TestAccounts.CI_TOKEN).when().get("/api/v1/gates").then(), 400)
                .body("errors.repository", notNullValue()).body("errors.commit", notNullValue());
        problem(given().auth().oauth2(TestAccounts.CI_TOKEN).queryParam("repository", "x")
                .when().get("/api/v1/gates/patch").then(), 400);
    }
}
