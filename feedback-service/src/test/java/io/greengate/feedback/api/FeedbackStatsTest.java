package io.greengate.feedback.api;

import io.greengate.feedback.Api;
import io.greengate.feedback.Await;
import io.greengate.feedback.Events;
import io.greengate.feedback.SuggestionFixture;
import io.greengate.infra.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class FeedbackStatsTest {

    @Inject
    Events events;

    /** 11 decisions: python on ranker-3 mostly accepted, java on ranker-4 mostly rejected. */
    private String repositoryWithElevenDecisions() {
        String repository = SuggestionFixture.newRepository("stats");
        List<String> python = List.of("ACCEPTED", "ACCEPTED", "ACCEPTED", "MODIFIED", "MODIFIED", "REJECTED:DUPLICATE");
        List<String> java = List.of("ACCEPTED", "REJECTED:DUPLICATE", "REJECTED:DUPLICATE", "REJECTED:LOW_VALUE",
                "REJECTED:INCORRECT_LOGIC");
        int seconds = 10;
        for (String outcome : python) {
            decide(new SuggestionFixture(repository), outcome, seconds);
            seconds += 10;
        }
        for (String outcome : java) {
            decide(new SuggestionFixture(repository).java().modelVersion("ranker-4"), outcome, seconds);
            seconds += 10;
        }
        Await.until("11 decisions are counted", () -> Api.stats(repository).getLong("decided") == 11);
        return repository;
    }

    private void decide(SuggestionFixture suggestion, String outcome, double seconds) {
        events.publish(suggestion.created());
        String[] parts = outcome.split(":");
        events.publish(switch (parts[0]) {
            case "ACCEPTED" -> suggestion.accepted(seconds);
            case "MODIFIED" -> suggestion.modified(suggestion.code() + "\n# edited\n", seconds);
            default -> suggestion.rejected(parts[1], seconds);
        });
    }

    @Test
    void theStatsCountDecisionsReasonsAndTheMedianTimeToDecision() {
        JsonPath stats = Api.stats(repositoryWithElevenDecisions());
        assertEquals(11, stats.getLong("decided"));
        assertEquals(6.0 / 11, stats.getDouble("acceptanceRate"), 1e-9, "(accepted + modified) / decided");
        assertEquals(Map.of("ACCEPTED", 4, "MODIFIED", 2, "REJECTED", 5), stats.getMap("byDecision"));
        assertEquals(Map.of("DUPLICATE", 3, "LOW_VALUE", 1, "INCORRECT_LOGIC", 1, "STYLE", 2),
                stats.getMap("byReason"), "modifications carry a reason too");
        assertEquals(60.0, stats.getDouble("medianSecondsToDecision"), 1e-9, "the median of 10, 20, ..., 110");
    }

    @Test
    void reviewerTimeSavedFollowsTheDocumentedAssumptions() {
        JsonPath stats = Api.stats(repositoryWithElevenDecisions());
        // 4 accepted × 15 min + 2 modified × 15 min × 0.5 − 11 reviewed × 2 min
        assertEquals(53.0, stats.getDouble("reviewerTimeSaved.minutes"), 1e-9);
        assertEquals(15.0, stats.getDouble("reviewerTimeSaved.minutesPerHandWrittenTest"), 1e-9);
        assertTrue(stats.getString("reviewerTimeSaved.formula").contains("minutesPerReview"));
    }

    @Test
    void aLanguageAndAModelVersionWellBelowTheOthersAreFlagged() {
        JsonPath stats = Api.stats(repositoryWithElevenDecisions());
        Map<String, Object> java = group(stats, "byLanguage", "java");
        assertEquals(0.2, ((Number) java.get("acceptanceRate")).doubleValue(), 1e-9);
        assertEquals(5.0 / 6, ((Number) java.get("othersAcceptanceRate")).doubleValue(), 1e-9);
        assertEquals(true, java.get("flagged"));
        assertEquals(false, group(stats, "byLanguage", "python").get("flagged"));
        assertEquals(true, group(stats, "byModelVersion", "ranker-4").get("flagged"));
        Map<String, Object> repository = stats.getList("drift.byRepository", Map.class).get(0);
        assertEquals(false, repository.get("flagged"), "a single group has nothing to be compared with");
        assertNull(repository.get("othersAcceptanceRate"));
        assertFalse(stats.getString("drift.rule").isBlank());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> group(JsonPath stats, String dimension, String name) {
        return stats.getList("drift." + dimension, Map.class).stream()
                .filter(g -> name.equals(g.get("group"))).findFirst()
                .orElseThrow(() -> new AssertionError("no group " + name + " in " + dimension));
    }

    @Test
    void fromAndToSelectDecisionsByTheirTime() {
        String repository = SuggestionFixture.newRepository("window");
        SuggestionFixture january = new SuggestionFixture(repository);
        SuggestionFixture february = new SuggestionFixture(repository);
        SuggestionFixture policy = new SuggestionFixture(repository);
        events.publish(january.decidedAt("ACCEPTED", null, null, "REVIEWER", 30,
                Instant.parse("2021-01-31T23:00:00Z")));
        events.publish(february.decidedAt("REJECTED", "DUPLICATE", null, "REVIEWER", 30,
                Instant.parse("2021-02-10T08:00:00Z")));
        events.publish(policy.decidedAt("ACCEPTED", null, null, "POLICY", 1, Instant.parse("2021-02-11T08:00:00Z")));
        Await.until("3 decisions", () -> Api.stats(repository).getLong("decided") == 3);

        assertEquals(1, stats(Map.of("repository", repository, "to", "2021-01-31")).getLong("decided"),
                "a 'to' date covers that whole day");
        assertEquals(2, stats(Map.of("repository", repository, "from", "2021-02-01")).getLong("decided"));
        assertEquals(2, stats(Map.of("repository", repository, "from", "2021-01-31T23:00:00Z",
                "to", "2021-02-11T08:00:00Z")).getLong("decided"), "from inclusive, to exclusive");
        assertEquals(2, stats(Map.of("repository", repository, "actorKind", "reviewer")).getLong("decided"));
        assertEquals(0.5, stats(Map.of("repository", repository, "actorKind", "reviewer"))
                .getDouble("acceptanceRate"), 1e-9);
    }

    @Test
    void withoutDecisionsTheRateIsAbsentAndTheCountsAreZero() {
        JsonPath stats = stats(Map.of("repository", SuggestionFixture.newRepository("nothing")));
        assertEquals(0, stats.getLong("decided"));
        assertNull(stats.get("acceptanceRate"));
        assertNull(stats.get("medianSecondsToDecision"));
        assertEquals(Map.of("ACCEPTED", 0, "MODIFIED", 0, "REJECTED", 0), stats.getMap("byDecision"));
    }

    @Test
    void theEngineFilterSelectsOneEngine() {
        String repository = SuggestionFixture.newRepository("engines");
        SuggestionFixture embedded = new SuggestionFixture(repository);
        SuggestionFixture llm = new SuggestionFixture(repository).engine("llm");
        events.publish(embedded.accepted(10));
        events.publish(llm.rejected("OTHER", 10));
        Await.until("2 decisions", () -> Api.stats(repository).getLong("decided") == 2);
        JsonPath stats = stats(Map.of("repository", repository, "engine", "llm"));
        assertEquals(1, stats.getLong("decided"));
        assertEquals(0.0, stats.getDouble("acceptanceRate"), 1e-9);
    }

    private static JsonPath stats(Map<String, String> query) {
        return given().auth().preemptive().basic(TestAccounts.REVIEWER, TestAccounts.REVIEWER_PASSWORD)
                .queryParams(query).when().get("/api/v1/feedback/stats")
                .then().statusCode(200).extract().jsonPath().using(Api.DOUBLES);
    }

    private static ValidatableResponse badStats(Map<String, String> query) {
        return given().auth().oauth2(TestAccounts.ADMIN_TOKEN).queryParams(query)
                .when().get("/api/v1/feedback/stats")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("type", notNullValue()).body("title", notNullValue());
    }

    @Test
    void aDateThatIsNotADateIsA400NamingTheParameter() {
        badStats(Map.of("from", "yesterday")).body("errors.from", containsString("ISO-8601"));
        badStats(Map.of("to", "2025-13-45")).body("errors.to", containsString("ISO-8601"));
        badStats(Map.of("from", "2025-02-30T00:00:00Z")).body("errors.from", notNullValue());
    }

    @Test
    void fromAfterToIsA400() {
        badStats(Map.of("from", "2025-03-01", "to", "2025-02-01")).body("errors.to", containsString("after"));
    }

    @Test
    void anOverlongRepositoryIsA400() {
        badStats(Map.of("repository", "r".repeat(301))).body("errors.repository", notNullValue());
    }

    @Test
    void anUnknownRecordIsA404() {
        given().auth().oauth2(TestAccounts.CI_TOKEN).when().get("/api/v1/feedback/records/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestAccounts.CI_TOKEN).when().get("/api/v1/feedback/records/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
