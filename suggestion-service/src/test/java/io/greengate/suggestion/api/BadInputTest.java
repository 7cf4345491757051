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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

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

    private static ValidatableResponse verify(String suggestionId, Map<String, Object> body) {
        return given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/suggestions/" + suggestionId + "/verification").then();
    }

    private static Map<String, Object> passingWith(Object... more) {
        Map<String, Object> body = new HashMap<>(Map.of("compiled", true, "passed", true, "runs", 3));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    /** A guard case of a fresh batch: not an observed-outcome case. */
    private static String aGuardCase() {
        Map<String, Object> body = valid();
        body.put("commit", UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        return given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/suggestions").then().statusCode(201).extract().path("suggestions[0].id");
    }

    private static void assertNoVerificationOf(String suggestionId) {
        given().auth().oauth2(TestAccounts.CI_TOKEN).when().get("/api/v1/suggestions/" + suggestionId)
                .then().statusCode(200).body("verification", equalTo(null))
                .body("verificationStatus", equalTo("CREATED"));
    }

    @Test
    void aVerdictThatIsNotOneOfTheThreeIsA400() {
        problem(verify(UUID.randomUUID().toString(), passingWith("verdict", "MAYBE",
                "base", Map.of("compiled", true, "passed", false))), 400)
                .body("errors.verdict", containsString("REVEALS_CHANGE"));
    }

    @Test
    void anOutcomeOverTenThousandCharactersIsA400() {
        String big = "x".repeat(10_001);
        problem(verify(UUID.randomUUID().toString(), passingWith("verdict", "REVEALS_CHANGE", "headOutcome", big,
                "base", Map.of("compiled", true, "passed", false, "outcome", big))), 400)
                .body("errors.headOutcome", notNullValue())
                .body("errors.'base.outcome'", notNullValue());
    }

    @Test
    void moreThanTenThousandCoveredLinesIsA400() {
        List<Integer> lines = IntStream.rangeClosed(1, 10_001).boxed().toList();
        problem(verify(UUID.randomUUID().toString(), passingWith("changedLinesCovered", lines)), 400)
                .body("errors.changedLinesCovered", notNullValue());
    }

    @Test
    void coveredLinesThatAreNotLineNumbersAreA400() {
        problem(verify(UUID.randomUUID().toString(), passingWith("changedLinesCovered", List.of("twelve"))), 400);
        problem(verify(UUID.randomUUID().toString(), passingWith("changedLinesCovered", List.of(0),
                "changedLinesTotal", -1)), 400).body("errors.changedLinesTotal", notNullValue());
        problem(verify(UUID.randomUUID().toString(), passingWith("base", "passed")), 400);
    }

    @Test
    void aVerdictThatDisagreesWithTheRunsIsA400AndNothingIsStored() {
        String id = aGuardCase();
        problem(verify(id, passingWith("verdict", "FAILS_ON_HEAD")), 400)
                .body("errors.verdict", containsString("passed=true"));
        Map<String, Object> failing = passingWith("verdict", "HOLDS",
                "base", Map.of("compiled", true, "passed", true));
        failing.put("passed", false);
        problem(verify(id, failing), 400).body("errors.verdict", containsString("FAILS_ON_HEAD"));
        problem(verify(id, passingWith("verdict", "REVEALS_CHANGE",
                "base", Map.of("compiled", true, "passed", true))), 400)
                .body("errors.verdict", containsString("base.passed=true"));
        problem(verify(id, passingWith("verdict", "HOLDS", "base", Map.of("compiled", false, "passed", false))), 400)
                .body("errors.verdict", containsString("HOLDS"));
        problem(verify(id, passingWith("verdict", "REVEALS_CHANGE")), 400).body("errors.base", notNullValue());
        problem(verify(id, passingWith("base", Map.of("compiled", true, "passed", false))), 400)
                .body("errors.verdict", containsString("required"));
        problem(verify(id, passingWith("verdict", "HOLDS", "base", Map.of("compiled", true, "passed", true),
                "changedLinesCovered", List.of(3, 4, 5), "changedLinesTotal", 2)), 400)
                .body("errors.changedLinesCovered", notNullValue());
        assertNoVerificationOf(id);
    }

    @Test
    void outcomesAreForObservedOutcomeCasesOnly() {
        String id = aGuardCase();
        problem(verify(id, passingWith("verdict", "REVEALS_CHANGE", "headOutcome", "returned 1.0 MB",
                "base", Map.of("compiled", true, "passed", false, "outcome", "returned 1000.0 kB"))), 400)
                .body("errors.headOutcome", containsString("observed-outcome"))
                .body("errors.'base.outcome'", containsString("observed-outcome"));
        assertNoVerificationOf(id);
    }
}
