package io.greengate.carbon.api;

import io.greengate.carbon.Eventually;
import io.greengate.carbon.Events;
import io.greengate.carbon.Json;
import io.greengate.infra.TestAccounts;
import io.greengate.platform.events.EventCodec;
import io.greengate.platform.events.ReviewDecided;
import io.greengate.platform.events.Topics;
import io.greengate.platform.events.UsageMeasured;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The report's numbers against hand-derived ones. Each test has its own repository and model: two builds and one
 * inference for them, two accepted tests (one ACCEPTED delivered twice and re-sent under a new eventId, one
 * MODIFIED) and one REJECTED.
 */
@QuarkusTest
class ReportResourceTest {

    // CCF AWS: P_min 0.74 W, P_max 3.5 W per vCPU, memory 0.392 W/GB, PUE 1.135; eu-west-1 278.6 g/kWh
    /** (100 s x 2 vCPU x 0.74 + 150 s x 2.76) x 1.135 = (148 + 414) x 1.135 */
    private static final double BUILD_A_JOULES = 637.87;
    /** (200 s x 4 vCPU x 0.74 + 500 s x 2.76 + 8 GB x 0.392 x 200 s) x 1.135 = (592 + 1380 + 627.2) x 1.135 */
    private static final double BUILD_B_JOULES = 2950.092;
    /** (0.6 s x 1 vCPU x 0.74 + 0.5 s x 2.76) x 1.135 = 1.824 x 1.135; the services' region is unknown: 475 g/kWh */
    private static final double INFERENCE_JOULES = 2.07024;
    private static final double TOTAL_JOULES = BUILD_A_JOULES + BUILD_B_JOULES + INFERENCE_JOULES; // 3590.03224
    private static final double TOTAL_GRAMS = (BUILD_A_JOULES + BUILD_B_JOULES) / 3_600_000 * 278.6
            + INFERENCE_JOULES / 3_600_000 * 475;
    private static final double TOTAL_CPU = 150 + 500 + 0.5;
    private static final double BUILD_GRAMS = (BUILD_A_JOULES + BUILD_B_JOULES) / 3_600_000 * 278.6;

    @BeforeAll
    static void readNumbersAsDoubles() {
        Json.readNumbersAsDoubles();
    }

    @Inject
    EventCodec codec;

    private String repository;
    private String model;
    private final String from = Instant.now().minus(1, ChronoUnit.MINUTES).toString();
    private final String to = Instant.now().plus(1, ChronoUnit.HOURS).toString();

    @BeforeEach
    void twoBuildsOneInferenceAndTwoAcceptedTests() {
        assertEquals(3590.03224, TOTAL_JOULES, 1e-9);
        repository = "github.com/acme/report-" + UUID.randomUUID();
        model = "ranker-" + UUID.randomUUID();
        BuildReports.post(build(2, 100, 150, null)).statusCode(201);
        BuildReports.post(build(4, 200, 500, 8.0)).statusCode(201);
        UsageMeasured inference = Events.inference(repository, model, 0.5, 0.6, null, null);
        Events.sendUsage(codec, inference);
        ReviewDecided accepted = Events.decided(repository, model, "ACCEPTED");
        Events.send(codec, Topics.REVIEWS, accepted);
        Events.send(codec, Topics.REVIEWS, accepted);
        Events.send(codec, Topics.REVIEWS, new ReviewDecided(UUID.randomUUID(), accepted.occurredAt(),
                accepted.reviewId(), accepted.suggestionId(), repository, "9f1c2e7", "embedded", model, "python",
                "ACCEPTED", null, null, null, null, "alice", "HUMAN", 40));
        Events.send(codec, Topics.REVIEWS, Events.decided(repository, model, "MODIFIED"));
        Events.send(codec, Topics.REVIEWS, Events.decided(repository, model, "REJECTED"));
        Eventually.await(() -> rowOf(json("repository"), repository),
                row -> row != null && ((Number) row.get("count")).intValue() == 3
                        && ((Number) row.get("acceptedTests")).intValue() == 2
                        && ((Number) row.get("decided")).intValue() == 3, Duration.ofSeconds(30));
    }

    private Map<String, Object> build(int vcpus, double wall, double cpu, Double memoryGb) {
        Map<String, Object> body = new HashMap<>(Map.of("repository", repository, "commit", "9f1c2e7",
                "cpuSeconds", cpu, "wallSeconds", wall, "vcpus", vcpus, "region", "eu-west-1",
                "status", "SUCCESS"));
        if (memoryGb != null) {
            body.put("memoryGb", memoryGb);
        }
        return body;
    }

    private ValidatableResponse report(String groupBy, String accept) {
        return given().auth().oauth2(TestAccounts.CI_TOKEN).accept(accept)
                .queryParam("from", from).queryParam("to", to).queryParam("groupBy", groupBy)
                .when().get("/api/v1/reports/sustainability").then();
    }

    private JsonPath json(String groupBy) {
        return report(groupBy, "application/json").statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> rowOf(JsonPath report, String key) {
        List<Map<String, Object>> rows = report.getList("rows");
        return rows.stream().filter(r -> Objects.equals(key, r.get("key"))).findFirst().orElse(null);
    }

    private static double number(Map<String, Object> row, String field) {
        return ((Number) row.get(field)).doubleValue();
    }

    @Test
    void perRepositoryTheEnergyOfBuildsAndInferenceIsDividedByTheAcceptedTests() {
        Map<String, Object> row = rowOf(json("repository"), repository);

        assertEquals(3, number(row, "count"));
        assertEquals(TOTAL_CPU, number(row, "cpuSeconds"), 1e-9);
        assertEquals(TOTAL_JOULES, number(row, "energyJoules"), 1e-6);
        assertEquals(TOTAL_GRAMS, number(row, "co2eGrams"), 1e-9);
        assertEquals(2, number(row, "acceptedTests"));
        assertEquals(1795.01612, number(row, "energyPerAcceptedTestJoules"), 1e-6);
        assertEquals(TOTAL_GRAMS / 2, number(row, "co2ePerAcceptedTestGrams"), 1e-9);
        assertEquals(TOTAL_GRAMS / 2, number(row, "sciPerAcceptedTest"), 1e-9, "M = 0: SCI = E x I / R");
        assertEquals(3, number(row, "suggestions"), "the inference batch made 3 suggestions");
        assertEquals(TOTAL_GRAMS / 3, number(row, "sciPerSuggestion"), 1e-9);
        assertEquals(2, number(row, "builds"));
        assertEquals(BUILD_GRAMS / 2, number(row, "sciPerBuild"), 1e-9, "a build's SCI counts builds only");
        assertEquals(3, number(row, "decided"), "accepted, modified and rejected; the redeliveries count once");
        assertEquals(2.0 / 3, number(row, "acceptanceRate"), 1e-9);
    }

    @Test
    void perModelOnlyTheInferenceCountsAndBuildsHaveNoModel() {
        JsonPath report = json("model");
        Map<String, Object> row = rowOf(report, model);

        assertEquals("model", report.getString("groupBy"));
        assertEquals(1, number(row, "count"));
        assertEquals(INFERENCE_JOULES, number(row, "energyJoules"), 1e-9);
        assertEquals(2, number(row, "acceptedTests"));
        assertEquals(INFERENCE_JOULES / 2, number(row, "energyPerAcceptedTestJoules"), 1e-9);
        assertEquals(2.0 / 3, number(row, "acceptanceRate"), 1e-9, "acceptance rate per model version");
        assertNotNull(rowOf(report, null), "builds have no model: they are in the row without a key");
    }

    @Test
    void perServiceEveryRowIsDividedByAllAcceptedTestsOfThePeriod() {
        JsonPath report = json("service");
        long allAccepted = report.getLong("total.acceptedTests");

        for (String service : List.of("ci", "suggestion-service")) {
            Map<String, Object> row = rowOf(report, service);
            assertEquals(allAccepted, number(row, "acceptedTests"), service);
            assertEquals(number(row, "energyJoules") / allAccepted, number(row, "energyPerAcceptedTestJoules"), 1e-9);
        }
    }

    @Test
    void theCsvHasTheSameNumbers() {
        String csv = report("repository", "text/csv").statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        List<String> lines = Arrays.asList(csv.split("\r\n"));

        assertEquals("key,count,cpuSeconds,energyJoules,co2eGrams,embodiedGrams,acceptedTests,"
                + "energyPerAcceptedTestJoules,co2ePerAcceptedTestGrams,sciPerAcceptedTest,suggestions,sciPerSuggestion,"
                + "builds,sciPerBuild,decided,acceptanceRate", lines.get(0));
        String[] row = lines.stream().filter(l -> l.startsWith(repository + ",")).findFirst().orElseThrow()
                .split(",");
        assertEquals("3", row[1]);
        assertEquals(TOTAL_CPU, Double.parseDouble(row[2]), 1e-9);
        assertEquals(TOTAL_JOULES, Double.parseDouble(row[3]), 1e-6);
        assertEquals(TOTAL_GRAMS, Double.parseDouble(row[4]), 1e-9);
        assertEquals("0", row[5]);
        assertEquals("2", row[6]);
        assertEquals(1795.01612, Double.parseDouble(row[7]), 1e-6);
        assertEquals(TOTAL_GRAMS / 2, Double.parseDouble(row[8]), 1e-9);
        assertEquals(TOTAL_GRAMS / 2, Double.parseDouble(row[9]), 1e-9);
        assertEquals("3", row[10]);
        assertEquals(TOTAL_GRAMS / 3, Double.parseDouble(row[11]), 1e-9);
        assertEquals("2", row[12]);
        assertEquals(BUILD_GRAMS / 2, Double.parseDouble(row[13]), 1e-9);
        assertEquals("3", row[14]);
        assertEquals(2.0 / 3, Double.parseDouble(row[15]), 1e-9);
    }

    @Test
    void aClientThatAcceptsAnythingGetsJson() {
        given().auth().oauth2(TestAccounts.CI_TOKEN).accept("*/*")
                .when().get("/api/v1/reports/sustainability")
                .then().statusCode(200).contentType("application/json").body("groupBy", equalTo("repository"));
    }

    @Test
    void datesWithoutTimeAreMidnightUtc() {
        given().auth().oauth2(TestAccounts.CI_TOKEN)
                .queryParam("from", "2020-01-01").queryParam("to", "2020-01-02")
                .when().get("/api/v1/reports/sustainability")
                .then().statusCode(200).body("from", equalTo("2020-01-01T00:00:00Z")).body("rows.size()", equalTo(0));
    }

    private static ValidatableResponse badRequest(Map<String, String> query, String accept) {
        return given().auth().oauth2(TestAccounts.CI_TOKEN).accept(accept).queryParams(query)
                .when().get("/api/v1/reports/sustainability")
                .then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
    }

    @Test
    void anUnknownGroupByIsA400() {
        badRequest(Map.of("groupBy", "planet"), "application/json")
                .body("errors.groupBy", equalTo("must be one of repository, service, kind, engine, model"));
    }

    @Test
    void anUnknownGroupByIsA400ProblemEvenForACsvClient() {
        badRequest(Map.of("groupBy", "planet"), "text/csv").body("errors.groupBy", notNullValue());
    }

    @Test
    void aDateThatIsNotADateIsA400() {
        badRequest(Map.of("from", "yesterday", "to", "2025-13-45"), "application/json")
                .body("errors.from", notNullValue()).body("errors.to", notNullValue());
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsA400() {
        badRequest(Map.of("from", "2025-06-01", "to", "2025-05-01"), "application/json")
                .body("errors.to", equalTo("must be after from"));
    }
}
