package io.greengate.suggestion.api;

import io.greengate.infra.GreengateTestInfra;
import io.greengate.infra.TestAccounts;
import io.greengate.infra.TopicProbe;
import io.greengate.platform.events.Topics;
import io.greengate.suggestion.Diffs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SuggestionResourceTest {

    static Map<String, Object> pythonRequest(String commit) {
        return Map.of("repository", "github.com/acme/shop", "commit", commit, "branch", "feature/cart",
                "pullRequest", 42, "diff", Diffs.CART_PY_DIFF);
    }

    static String newCommit() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Test
    void aPythonDiffGetsOnePytestCasePerChangedPublicSymbol() {
        JsonPath batch = given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON)
                .body(pythonRequest(newCommit()))
                .when().post("/api/v1/suggestions")
                .then().statusCode(201)
                .body("engine", equalTo("embedded"))
                .body("suggestions", hasSize(3))
                .extract().jsonPath();
        List<String> symbols = batch.getList("suggestions.targetSymbol");
        assertEquals(List.of("Cart.add", "Cart.total", "parse_price"), symbols);
        assertEquals(List.of("guard-raises", "signature", "doctest-examples"), batch.getList("suggestions.caseKind"));
        assertEquals(List.of("pytest", "pytest", "pytest"), batch.getList("suggestions.framework"));
        assertTrue(batch.getString("suggestions[0].code").contains("with pytest.raises(ValueError):"));
        assertTrue(batch.getString("suggestions[2].code").contains("assert parse_price(\" $4.50 \") == 4.5"));
        assertEquals("PENDING", batch.getString("suggestions[0].status"));
        assertTrue(batch.getDouble("usage.cpuSeconds") > 0, "the engine's CPU time is metered");
    }

    @Test
    void aJavaDiffWithTheFileContentGetsAJunit5ClassInTheMirroredTestPackage() {
        Map<String, Object> request = Map.of("repository", "github.com/acme/shop", "commit", newCommit(),
                "diff", Diffs.PRICING_JAVA_DIFF,
                "files", List.of(Map.of("path", "src/main/java/com/acme/shop/Pricing.java",
                        "content", Diffs.PRICING_JAVA)));
        given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON).body(request)
                .when().post("/api/v1/suggestions")
                .then().statusCode(201)
                .body("suggestions", hasSize(1))
                .body("suggestions[0].targetSymbol", equalTo("Pricing.total"))
                .body("suggestions[0].framework", equalTo("junit5"))
                .body("suggestions[0].caseKind", equalTo("guard-throws"))
                .body("suggestions[0].testPath", equalTo("src/test/java/com/acme/shop/PricingTotalGuardTest.java"));
    }

    @Test
    void aSuggestionTheRepositorysTestsAlreadyMakeIsDroppedAndTheResponseSaysSo() {
        JsonPath first = given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON)
                .body(pythonRequest(newCommit())).when().post("/api/v1/suggestions")
                .then().statusCode(201).extract().jsonPath();
        List<String> codes = first.getList("suggestions.code");
        assertTrue(codes.size() >= 2, first.prettify());

        Map<String, Object> request = new HashMap<>(pythonRequest(newCommit()));
        request.put("files", List.of(Map.of("path", "tests/test_written_by_hand.py", "content", codes.get(0))));
        JsonPath second = given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON).body(request)
                .when().post("/api/v1/suggestions").then().statusCode(201).extract().jsonPath();
        List<String> again = second.getList("suggestions.code");
        assertFalse(again.contains(codes.get(0)), "the repository already has this test");
        assertEquals(codes.size() - 1, again.size(), second.prettify());
        assertTrue(second.getList("notes").stream().anyMatch(n -> n.toString()
                .contains("1 suggestion(s) dropped: the repository's tests already assert the same")), second.prettify());
    }

    @Test
    void everySuggestionIsPublishedAsSuggestionCreatedThroughTheOutbox() {
        String id = given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON)
                .body(pythonRequest(newCommit()))
                .when().post("/api/v1/suggestions")
                .then().statusCode(201).extract().path("suggestions[1].id");
        List<String> values = TopicProbe.awaitValue(GreengateTestInfra.bootstrapServers(), Topics.SUGGESTIONS,
                v -> v.contains(id), Duration.ofSeconds(20));
        String event = values.stream().filter(v -> v.contains(id)).findFirst().orElseThrow();
        JsonPath json = JsonPath.from(event);
        assertEquals("SuggestionCreated", json.getString("type"));
        assertEquals("Cart.total", json.getString("targetSymbol"));
        assertFalse(json.getString("eventId").isBlank());
        String targetDiff = json.getString("targetDiff");
        assertTrue(targetDiff.startsWith("--- a/src/cart.py\n+++ b/src/cart.py\n@@ "), targetDiff);
        assertTrue(targetDiff.contains("+    def total(self"), "the hunk holds the target method: " + targetDiff);
    }

    @Test
    void theSameIdempotencyKeyAndBodyReturnTheSameBatchWithoutNewSuggestions() {
        String commit = newCommit();
        String key = "ci-run-" + commit;
        String first = given().auth().oauth2(TestAccounts.CI_TOKEN).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(pythonRequest(commit))
                .when().post("/api/v1/suggestions").then().statusCode(201).extract().path("batchId");
        given().auth().oauth2(TestAccounts.CI_TOKEN).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(pythonRequest(commit))
                .when().post("/api/v1/suggestions")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("batchId", equalTo(first));
        given().auth().oauth2(TestAccounts.CI_TOKEN)
                .queryParam("repository", "github.com/acme/shop").queryParam("commit", commit)
                .when().get("/api/v1/suggestions")
                .then().statusCode(200).body("size()", is(3));
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsRefused() {
        String commit = newCommit();
        String key = "ci-run-" + commit;
        given().auth().oauth2(TestAccounts.CI_TOKEN).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(pythonRequest(commit))
                .when().post("/api/v1/suggestions").then().statusCode(201);
        given().auth().oauth2(TestAccounts.CI_TOKEN).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(pythonRequest(newCommit()))
                .when().post("/api/v1/suggestions")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:greengate:problem:idempotency-key-reused"));
    }

    @Test
    void aVerificationReportIsStoredShownAndPublished() {
        String id = given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON)
                .body(pythonRequest(newCommit()))
                .when().post("/api/v1/suggestions").then().statusCode(201).extract().path("suggestions[0].id");
        given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("compiled", true, "passed", true, "runs", 5, "flaky", false, "coverageDelta", 0.8,
                        "log", "5 passed in 0.02s"))
                .when().post("/api/v1/suggestions/" + id + "/verification")
                .then().statusCode(201).body("verificationStatus", equalTo("VERIFIED"));
        given().auth().oauth2(TestAccounts.CI_TOKEN)
                .when().get("/api/v1/suggestions/" + id)
                .then().statusCode(200)
                .body("verification.runs", equalTo(5))
                .body("verification.log", equalTo("5 passed in 0.02s"));
        TopicProbe.awaitValue(GreengateTestInfra.bootstrapServers(), Topics.SUGGESTIONS,
                v -> v.contains("SuggestionVerified") && v.contains(id), Duration.ofSeconds(20));
    }

    @Test
    void anObservedOutcomeCaseReachesReviewersOnlyOnceCiHasWrittenInWhatItObserved() {
        String path = "src/main/java/com/acme/shop/Greeter.java";
        String greeter = """
                package com.acme.shop;

                public class Greeter {
                    public static String greet(String name) {
                        if (name == null) {
                            throw new IllegalArgumentException("name");
                        }
                        return "Hello " + name;
                    }
                }
                """;
        Map<String, Object> request = Map.of("repository", "github.com/acme/shop", "commit", newCommit(),
                "diff", Diffs.newFile(path, greeter), "observe", true,
                "files", List.of(Map.of("path", path, "content", greeter)));
        JsonPath batch = given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON).body(request)
                .when().post("/api/v1/suggestions").then().statusCode(201).extract().jsonPath();
        List<Map<String, Object>> observed = batch.getList("suggestions.findAll { it.caseKind == 'observed-outcome' }");
        assertEquals(1, observed.size(), batch.prettify());
        String id = (String) observed.get(0).get("id");
        String code = (String) observed.get(0).get("code");
        assertEquals(true, observed.get(0).get("awaitingObservation"));
        String guardId = batch.getString("suggestions.find { it.caseKind == 'guard-throws' }.id");
        // the guard case is published at once; the observed one is not (its event would precede the guard's)
        TopicProbe.awaitValue(GreengateTestInfra.bootstrapServers(), Topics.SUGGESTIONS,
                v -> v.contains(guardId), Duration.ofSeconds(20));
        assertFalse(TopicProbe.awaitValue(GreengateTestInfra.bootstrapServers(), Topics.SUGGESTIONS,
                v -> v.contains(guardId), Duration.ofSeconds(20)).stream()
                .anyMatch(v -> v.contains("SuggestionCreated") && v.contains(id)));

        Map<String, Object> passing = new HashMap<>(Map.of("compiled", true, "passed", true, "runs", 3,
                "flaky", false));
        given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON).body(passing)
                .when().post("/api/v1/suggestions/" + id + "/verification")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.observedCode", org.hamcrest.Matchers.containsString("required"));
        passing.put("observedCode", code.replace("\"greengate:observe\"", "\"x\" + System.getenv(\"HOME\")"));
        given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON).body(passing)
                .when().post("/api/v1/suggestions/" + id + "/verification")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestAccounts.CI_TOKEN).when().get("/api/v1/suggestions/" + id)
                .then().statusCode(200).body("awaitingObservation", is(true)).body("verification", equalTo(null));

        String filled = code.replace("\"greengate:observe\"", "\"returned 42\"");
        passing.put("observedCode", filled);
        given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON).body(passing)
                .when().post("/api/v1/suggestions/" + id + "/verification")
                .then().statusCode(201).body("verificationStatus", equalTo("VERIFIED"))
                .body("awaitingObservation", is(false)).body("code", equalTo(filled));
        String created = TopicProbe.awaitValue(GreengateTestInfra.bootstrapServers(), Topics.SUGGESTIONS,
                        v -> v.contains("SuggestionCreated") && v.contains(id), Duration.ofSeconds(20)).stream()
                .filter(v -> v.contains("SuggestionCreated") && v.contains(id)).findFirst().orElseThrow();
        assertEquals(filled, JsonPath.from(created).getString("code"));
        given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON).body(passing)
                .when().post("/api/v1/suggestions/" + id + "/verification")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aDifferentialVerdictIsStoredShownAndPublished() {
        String id = given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON)
                .body(pythonRequest(newCommit()))
                .when().post("/api/v1/suggestions").then().statusCode(201).extract().path("suggestions[0].id");
        Map<String, Object> report = new HashMap<>(Map.of("compiled", true, "passed", true, "runs", 3,
                "flaky", false, "coverageDelta", 0.4, "verdict", "REVEALS_CHANGE",
                "base", Map.of("compiled", true, "passed", false), "changedLinesCovered", List.of(15, 12, 13, 12),
                "changedLinesTotal", 7, "verifySeconds", 3.2));
        given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON).body(report)
                .when().post("/api/v1/suggestions/" + id + "/verification")
                .then().statusCode(201).body("verificationStatus", equalTo("VERIFIED"))
                .body("verification.verdict", equalTo("REVEALS_CHANGE"));
        JsonPath view = given().auth().oauth2(TestAccounts.CI_TOKEN)
                .when().get("/api/v1/suggestions/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals("REVEALS_CHANGE", view.getString("verification.verdict"));
        assertEquals(true, view.getBoolean("verification.base.compiled"));
        assertEquals(false, view.getBoolean("verification.base.passed"));
        assertNull(view.getString("verification.base.outcome"));
        assertNull(view.getString("verification.headOutcome"));
        assertEquals(List.of(12, 13, 15), view.getList("verification.changedLinesCovered"), "sorted, each line once");
        assertEquals(7, view.getInt("verification.changedLinesTotal"));
        assertEquals(3.0 / 7, view.getDouble("verification.changedLineCoverage"), 1e-6);
        assertEquals(0.4, view.getDouble("verification.coverageDelta"), 1e-9, "coverageDelta stays as sent");
        assertEquals(3.2, view.getDouble("verification.verifySeconds"), 1e-9);

        String event = TopicProbe.awaitValue(GreengateTestInfra.bootstrapServers(), Topics.SUGGESTIONS,
                        v -> v.contains("SuggestionVerified") && v.contains(id), Duration.ofSeconds(20)).stream()
                .filter(v -> v.contains("SuggestionVerified") && v.contains(id)).findFirst().orElseThrow();
        JsonPath json = JsonPath.from(event);
        assertEquals("REVEALS_CHANGE", json.getString("verdict"));
        assertEquals(true, json.getBoolean("baseCompiled"));
        assertEquals(false, json.getBoolean("basePassed"));
        assertEquals(3, json.getInt("changedLinesCovered"), "the event carries the count");
        assertEquals(7, json.getInt("changedLinesTotal"));
        assertNull(json.getString("baseOutcome"));
    }

    @Test
    void aReportWithoutAVerdictHasNoDifferentialFields() {
        String id = given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON)
                .body(pythonRequest(newCommit()))
                .when().post("/api/v1/suggestions").then().statusCode(201).extract().path("suggestions[0].id");
        given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("compiled", true, "passed", false, "runs", 1))
                .when().post("/api/v1/suggestions/" + id + "/verification")
                .then().statusCode(201).body("verificationStatus", equalTo("VERIFICATION_FAILED"))
                .body("verification.verdict", equalTo(null)).body("verification.base", equalTo(null))
                .body("verification.changedLinesCovered", equalTo(null))
                .body("verification.changedLineCoverage", equalTo(null));
    }

    @Test
    void anObservedOutcomeCaseCarriesTheOutcomeOnEachSide() {
        String path = "src/main/java/com/acme/shop/Greeter.java";
        String sizes = """
                package com.acme.shop;

                public class Greeter {
                    public static String greet(String name) {
                        if (name == null) {
                            throw new IllegalArgumentException("name");
                        }
                        return "Hello " + name;
                    }
                }
                """;
        Map<String, Object> request = Map.of("repository", "github.com/acme/shop", "commit", newCommit(),
                "diff", Diffs.newFile(path, sizes), "observe", true,
                "files", List.of(Map.of("path", path, "content", sizes)));
        JsonPath batch = given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON).body(request)
                .when().post("/api/v1/suggestions").then().statusCode(201).extract().jsonPath();
        List<Map<String, Object>> observed = batch.getList("suggestions.findAll { it.caseKind == 'observed-outcome' }");
        assertEquals(1, observed.size(), batch.prettify());
        String id = (String) observed.get(0).get("id");
        String filled = ((String) observed.get(0).get("code"))
                .replace("\"greengate:observe\"", "\"returned 1.0 MB\"");
        Map<String, Object> report = new HashMap<>(Map.of("compiled", true, "passed", true, "runs", 3,
                "observedCode", filled, "verdict", "REVEALS_CHANGE", "headOutcome", "returned 1.0 MB",
                "base", Map.of("compiled", true, "passed", false, "outcome", "returned 1000.0 kB"),
                "changedLinesCovered", List.of(5), "changedLinesTotal", 1));
        given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON).body(report)
                .when().post("/api/v1/suggestions/" + id + "/verification")
                .then().statusCode(201)
                .body("verification.headOutcome", equalTo("returned 1.0 MB"))
                .body("verification.base.outcome", equalTo("returned 1000.0 kB"))
                .body("verification.changedLineCoverage", equalTo(1.0f));
        String event = TopicProbe.awaitValue(GreengateTestInfra.bootstrapServers(), Topics.SUGGESTIONS,
                        v -> v.contains("SuggestionVerified") && v.contains(id), Duration.ofSeconds(20)).stream()
                .filter(v -> v.contains("SuggestionVerified") && v.contains(id)).findFirst().orElseThrow();
        assertEquals("returned 1000.0 kB", JsonPath.from(event).getString("baseOutcome"));
        assertEquals("returned 1.0 MB", JsonPath.from(event).getString("headOutcome"));
    }
}
