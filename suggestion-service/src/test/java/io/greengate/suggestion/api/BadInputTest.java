package io.greengate.suggestion.api;

import io.greengate.infra.TestAccounts;
import io.greengate.suggestion.Diffs;
import io.greengate.suggestion.store.Batch;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bad input gets a clear 4xx problem+json, never a 500, and nothing is half-written. */
@QuarkusTest
class BadInputTest {

    private static Map<String, Object> valid() {
        Map<String, Object> body = new HashMap<>();
        body.put("repository", "github.com/acme/shop");
        body.put("commit", "9f1c2e7");
        body.put("diff", Diffs.CART_PY_DIFF);
        return body;
    }

    private static ValidatableResponse post(Object body) {
        return given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/suggestions").then();
    }

    private static void assertNothingStoredBy(Runnable request) {
        long before = QuarkusTransaction.requiringNew().call(() -> Batch.count());
        request.run();
        long after = QuarkusTransaction.requiringNew().call(() -> Batch.count());
        assertEquals(before, after, "nothing half-written");
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("title", notNullValue()).body("type", notNullValue());
    }

    @Test
    void malformedJsonIsA400() {
        assertNothingStoredBy(() -> problem(post("{\"repository\": \"x\", "), 400)
                .body("type", equalTo("urn:greengate:problem:malformed-body")));
    }

    @Test
    void aWrongTypeNamesTheField() {
        Map<String, Object> body = valid();
        body.put("maxSuggestions", "ten");
        assertNothingStoredBy(() -> problem(post(body), 400).body("errors.maxSuggestions", notNullValue()));
    }

    @Test
    void missingFieldsAreListed() {
        assertNothingStoredBy(() -> problem(post(Map.of("diff", Diffs.CART_PY_DIFF)), 400)
                .body("errors.repository", notNullValue())
                .body("errors.commit", notNullValue()));
    }

    @Test
    void anEmptyBodyIsA400() {
        assertNothingStoredBy(() -> problem(given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON)
                .when().post("/api/v1/suggestions").then(), 400));
    }

    @Test
    void anEmptyDiffIsA400() {
        Map<String, Object> body = valid();
        body.put("diff", "");
        assertNothingStoredBy(() -> problem(post(body), 400).body("errors.diff", notNullValue()));
    }

    @Test
    void aTwentyMegabyteDiffIsA400() {
        Map<String, Object> body = valid();
        body.put("diff", "+".repeat(20 * 1024 * 1024));
        assertNothingStoredBy(() -> problem(post(body), 400).body("detail", containsString("length")));
    }

    @Test
    void aDiffOverTheLimitIsA400NamingTheField() {
        Map<String, Object> body = valid();
        body.put("diff", "+".repeat(CreateSuggestionsRequest.MAX_DIFF_CHARS + 1));
        assertNothingStoredBy(() -> problem(post(body), 400).body("errors.diff", containsString("at most")));
    }

    @Test
    void textThatIsNotADiffIsA400() {
        Map<String, Object> body = valid();
        body.put("diff", "please write some tests for my cart, thanks");
        assertNothingStoredBy(() -> problem(post(body), 400).body("errors.diff", containsString("not a unified diff")));
    }

    @Test
    void anUnknownEngineIsA400() {
        Map<String, Object> body = valid();
        body.put("engine", "gpt-17");
        assertNothingStoredBy(() -> problem(post(body), 400).body("errors.engine", containsString("embedded, llm")));
    }

    @Test
    void anUnknownSuggestionIsA404() {
        problem(given().auth().oauth2(TestAccounts.CI_TOKEN).when().get("/api/v1/suggestions/" + UUID.randomUUID())
                .then(), 404);
    }

    @Test
    void aSuggestionIdThatIsNotAUuidIsA404() {
        problem(given().auth().oauth2(TestAccounts.CI_TOKEN).when().get("/api/v1/suggestions/not-a-uuid").then(), 404);
    }

    @Test
    void listingWithoutRepositoryAndCommitIsA400() {
        problem(given().auth().oauth2(TestAccounts.CI_TOKEN).when().get("/api/v1/suggestions").then(), 400);
    }

    @Test
    void aVerificationForAnUnknownSuggestionIsA404() {
        problem(given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("compiled", true, "passed", true, "runs", 3))
                .when().post("/api/v1/suggestions/" + UUID.randomUUID() + "/verification").then(), 404);
    }

    @Test
    void aVerificationWithWrongTypesIsA400() {
        problem(given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("compiled", "yes", "passed", true, "runs", 3))
                .when().post("/api/v1/suggestions/" + UUID.randomUUID() + "/verification").then(), 400)
                .body("errors.compiled", notNullValue());
    }

    @Test
    void aVerificationWithMissingFieldsIsA400() {
        problem(given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("passed", true))
                .when().post("/api/v1/suggestions/" + UUID.randomUUID() + "/verification").then(), 400)
                .body("errors.compiled", notNullValue())
                .body("errors.runs", notNullValue());
    }
}
