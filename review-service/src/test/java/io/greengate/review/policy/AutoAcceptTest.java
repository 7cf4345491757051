package io.greengate.review.policy;

import io.greengate.infra.GreengateTestInfra;
import io.greengate.infra.TestAccounts;
import io.greengate.infra.TopicProbe;
import io.greengate.platform.events.EventCodec;
import io.greengate.platform.events.GreengateEvent;
import io.greengate.platform.events.SuggestionCreated;
import io.greengate.platform.events.SuggestionVerified;
import io.greengate.platform.events.Topics;
import io.greengate.review.Suggestions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The auto-accept policy on the real broker: off by default, on per repository, only for what the rules allow. */
@QuarkusTest
class AutoAcceptTest {

    private static final String POLICIES = "/api/v1/auto-accept-policies";

    @Inject
    EventCodec codec;

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestAccounts.ADMIN_TOKEN);
    }

    private static RequestSpecification reviewer() {
        return given().auth().preemptive().basic(TestAccounts.REVIEWER, TestAccounts.REVIEWER_PASSWORD);
    }

    private static String newRepository() {
        return "github.com/acme/policy-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void turn(String repository, boolean enabled, Double minProbability, String comment) {
        Map<String, Object> body = new HashMap<>();
        body.put("repository", repository);
        body.put("enabled", enabled);
        if (minProbability != null) {
            body.put("minProbability", minProbability);
        }
        if (comment != null) {
            body.put("comment", comment);
        }
        admin().contentType(ContentType.JSON).body(body).when().put(POLICIES)
                .then().statusCode(200)
                .body("repository", equalTo(repository))
                .body("enabled", equalTo(enabled))
                .body("changedBy", equalTo("admin-test"));
    }

    /** Publishes a suggestion and CI's verification of it, waits until review-service has taken both in. */
    private Map<String, Object> suggestAndVerify(String repository, String modelVersion, double confidence,
                                                 List<String> riskFlags, boolean passed, boolean flaky) {
        return suggestAndVerify(repository, modelVersion, confidence, riskFlags, passed, flaky, null, null);
    }

    /** {@code rescored}/{@code rescoredBy}: the ranker's probability suggestion-service sends with the verification. */
    private Map<String, Object> suggestAndVerify(String repository, String modelVersion, double confidence,
                                                 List<String> riskFlags, boolean passed, boolean flaky,
                                                 Double rescored, String rescoredBy) {
        String commit = Suggestions.newCommit();
        UUID suggestionId = UUID.randomUUID();
        publish(new SuggestionCreated(UUID.randomUUID(), Instant.now(), suggestionId, UUID.randomUUID(), repository,
                commit, "main", null, "embedded", modelVersion, "src/cart.py", "Cart.total", "python", "pytest",
                "guard", "tests/test_cart_total.py", "def test_total():\n    assert True\n", null, "covers the guard",
                confidence, riskFlags, null, null, confidence));
        publish(new SuggestionVerified(UUID.randomUUID(), Instant.now(), suggestionId, repository, commit, true,
                passed, 3, flaky, 0.05, "3 runs", rescored, rescoredBy));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> reviews = JsonPath.from(reviewer().queryParam("repository", repository)
                    .queryParam("commit", commit).get("/api/v1/reviews").then().statusCode(200).extract().asString())
                    .getList("$");
            // attaching the verification and the policy's decision share one transaction: seen together
            if (!reviews.isEmpty() && !"CREATED".equals(JsonPath.from(reviewer().get("/api/v1/reviews/"
                    + reviews.get(0).get("id")).asString()).getString("verification.status"))) {
                return JsonPath.from(reviewer().get("/api/v1/reviews/" + reviews.get(0).get("id")).asString())
                        .getMap("$");
            }
            sleep();
        }
        throw new AssertionError("review-service did not take in the verification of " + suggestionId);
    }

    private void publish(GreengateEvent event) {
        TopicProbe.send(GreengateTestInfra.bootstrapServers(), Topics.SUGGESTIONS, event.subjectKey(),
                codec.toJson(event));
    }

    @Test
    void aSuggestionCiSawFailOnTheChangesHeadIsNeverAutoAccepted() {
        String repository = newRepository();
        turn(repository, true, 0.5, null);
        String commit = Suggestions.newCommit();
        UUID suggestionId = UUID.randomUUID();
        publish(new SuggestionCreated(UUID.randomUUID(), Instant.now(), suggestionId, UUID.randomUUID(), repository,
                commit, "main", null, "embedded", "ranker-5", "src/cart.py", "Cart.total", "python", "pytest",
                "guard", "tests/test_cart_total.py", "def test_total():\n    assert True\n", null, "covers the guard",
                0.99, List.of(), null, null, 0.8));
        // otherwise eligible; the verdict alone (inconsistent with passed=true, as only a faulty sender would say)
        publish(new SuggestionVerified(UUID.randomUUID(), Instant.now(), suggestionId, repository, commit, true,
                true, 3, false, 0.05, "3 runs", 0.99, "ranker-5", "FAILS_ON_HEAD", true, true, null, null, null,
                null));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<String, Object> review = Map.of();
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> reviews = JsonPath.from(reviewer().queryParam("repository", repository)
                    .queryParam("commit", commit).get("/api/v1/reviews").then().statusCode(200).extract().asString())
                    .getList("$");
            if (!reviews.isEmpty()) {
                review = JsonPath.from(reviewer().get("/api/v1/reviews/" + reviews.get(0).get("id")).asString())
                        .getMap("$");
                if ("FAILS_ON_HEAD".equals(((Map<?, ?>) review.get("verification")).get("verdict"))) {
                    break;
                }
            }
            sleep();
        }
        assertEquals("FAILS_ON_HEAD", ((Map<?, ?>) review.get("verification")).get("verdict"), review.toString());
        assertEquals("PENDING", review.get("status"), "the policy never takes a case that fails on the change");
    }

    @Test
    void thePolicyIsOffUntilAnAdminTurnsItOn() {
        String repository = newRepository();
        admin().queryParam("repository", repository).get(POLICIES).then().statusCode(200)
                .body("[0].enabled", equalTo(false))
                .body("[0].minProbability", equalTo(0.9f))
                .body("[0].changedBy", nullValue());
        Map<String, Object> review = suggestAndVerify(repository, "ranker-5", 0.99, List.of(), true, false);
        assertEquals("PENDING", review.get("status"), "an eligible suggestion waits for a person while the policy is off");
    }

    @Test
    void theRankersProbabilityWithTheVerificationKnownIsTheOneThePolicyActsOn() {
        String repository = newRepository();
        turn(repository, true, 0.9, null);
        // made under the prior, scored by a trained ranker once CI's verification was known
        Map<String, Object> rescoredUp = suggestAndVerify(repository, "prior", 0.75, List.of(), true, false,
                0.96, "ranker-6");
        assertEquals("ACCEPTED", rescoredUp.get("status"));
        assertEquals("ranker-6", rescoredUp.get("modelVersion"));
        // scored high before the verification, low with it: the later probability stands
        Map<String, Object> rescoredDown = suggestAndVerify(repository, "ranker-5", 0.95, List.of(), true, false,
                0.40, "ranker-6");
        assertEquals("PENDING", rescoredDown.get("status"));
        assertEquals(0.40, ((Number) rescoredDown.get("confidence")).doubleValue(), 1e-6);
    }

    @Test
    void onlyVerifiedRiskFreeSuggestionsAboveTheThresholdOfATrainedRankerAreAccepted() {
        String repository = newRepository();
        turn(repository, true, 0.9, "trusted repository");

        Map<String, Object> eligible = suggestAndVerify(repository, "ranker-5", 0.95, List.of(), true, false);
        assertEquals("ACCEPTED", eligible.get("status"));
        assertEquals("POLICY", eligible.get("decidedByKind"));
        assertEquals(AutoAccept.ACTOR, eligible.get("decidedBy"));
        List<Map<String, Object>> audit = JsonPath.from(reviewer().get("/api/v1/reviews/" + eligible.get("id"))
                .asString()).getList("audit");
        assertEquals(1, audit.size());
        assertEquals("POLICY", audit.get(0).get("actorKind"));
        assertTrue(((String) audit.get(0).get("comment")).contains("probability 0.95 >= 0.90"),
                "the audit keeps the evidence: " + audit.get(0).get("comment"));
        TopicProbe.awaitValue(GreengateTestInfra.bootstrapServers(), Topics.REVIEWS,
                v -> v.contains(eligible.get("id").toString()) && v.contains("\"actorKind\":\"POLICY\""),
                Duration.ofSeconds(20));
        reviewer().contentType(ContentType.JSON).body(Map.of("decision", "REJECT", "reason", "DUPLICATE"))
                .post("/api/v1/reviews/" + eligible.get("id") + "/decision").then().statusCode(409);

        Map<String, String> staysPending = new HashMap<>();
        staysPending.put("risk flag", (String) suggestAndVerify(repository, "ranker-5", 0.99,
                List.of("process-execution"), true, false).get("status"));
        staysPending.put("below threshold", (String) suggestAndVerify(repository, "ranker-5", 0.85, List.of(),
                true, false).get("status"));
        staysPending.put("failed", (String) suggestAndVerify(repository, "ranker-5", 0.99, List.of(), false, false)
                .get("status"));
        staysPending.put("flaky", (String) suggestAndVerify(repository, "ranker-5", 0.99, List.of(), true, true)
                .get("status"));
        staysPending.put("prior, no trained ranker", (String) suggestAndVerify(repository, "prior", 0.99, List.of(),
                true, false).get("status"));
        staysPending.put("another repository", (String) suggestAndVerify(newRepository(), "ranker-5", 0.99,
                List.of(), true, false).get("status"));
        staysPending.forEach((why, status) -> assertEquals("PENDING", status, why));

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("greengate_auto_accepted_total") && !l.endsWith(" 0.0")),
                "auto-accepts are counted for Prometheus");
        given().accept(ContentType.HTML).auth().preemptive().basic(TestAccounts.REVIEWER, TestAccounts.REVIEWER_PASSWORD)
                .get("/reviews/" + eligible.get("id")).then().statusCode(200)
                .body(containsString("auto-accept policy"));
    }

    @Test
    void turningThePolicyOnAndOffIsAuditedAndOffMeansOff() {
        String repository = newRepository();
        turn(repository, true, 0.95, "trial week");
        turn(repository, false, null, "trial over");
        List<Map<String, Object>> changes = JsonPath.from(reviewer().queryParam("repository", repository)
                .get(POLICIES + "/changes").then().statusCode(200).extract().asString()).getList("$");
        assertEquals(2, changes.size());
        assertEquals(true, changes.get(0).get("enabled"));
        assertEquals(false, changes.get(0).get("previousEnabled"));
        assertEquals(null, changes.get(0).get("previousMinProbability"));
        assertEquals("admin-test", changes.get(0).get("actor"));
        assertEquals("trial week", changes.get(0).get("comment"));
        assertEquals(false, changes.get(1).get("enabled"));
        assertEquals(true, changes.get(1).get("previousEnabled"));
        assertEquals(0.95f, changes.get(1).get("minProbability"), "turning off keeps the threshold");
        assertEquals("PENDING", suggestAndVerify(repository, "ranker-5", 0.99, List.of(), true, false).get("status"));
    }

    @Test
    void onlyAnAdminChangesThePolicyAndBadInputIsAProblem() {
        Map<String, Object> body = Map.of("repository", newRepository(), "enabled", true);
        given().contentType(ContentType.JSON).body(body).put(POLICIES).then().statusCode(401);
        reviewer().contentType(ContentType.JSON).body(body).put(POLICIES).then().statusCode(403);
        given().auth().oauth2(TestAccounts.CI_TOKEN).get(POLICIES).then().statusCode(403);
        admin().contentType(ContentType.JSON).body(Map.of("repository", "r", "enabled", true, "minProbability", 0.3))
                .put(POLICIES).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("minProbability"));
        admin().contentType(ContentType.JSON).body(Map.of("repository", "r")).put(POLICIES)
                .then().statusCode(400).contentType("application/problem+json");
        admin().contentType(ContentType.JSON).body("{\"repository\": \"r\", \"enabled\": ").put(POLICIES)
                .then().statusCode(400).contentType("application/problem+json");
        admin().contentType(ContentType.JSON).body(Map.of("repository", "r", "enabled", "sometimes")).put(POLICIES)
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
