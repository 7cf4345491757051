package io.greengate.feedback.ranking;

import io.greengate.platform.ranking.RankerFeatures;

import io.greengate.feedback.Api;
import io.greengate.feedback.Await;
import io.greengate.feedback.Events;
import io.greengate.feedback.SuggestionFixture;
import io.greengate.feedback.store.FeedbackRecord;
import io.greengate.infra.GreengateTestInfra;
import io.greengate.infra.TestAccounts;
import io.greengate.infra.TopicProbe;
import io.greengate.platform.events.GreengateEvent;
import io.greengate.platform.events.ReviewDecided;
import io.greengate.platform.events.Topics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.classification.Label;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ranker learns from reviewers' decisions (the ranker's acceptance test): a history in which signature cases are
 * always rejected as duplicates and the other cases mostly accepted trains a model that ranks the newest
 * decisions well and scores signature cases below the others. Every test starts from no decisions and no models.
 */
@QuarkusTest
class RankerTrainingTest {

    private static final Instant START = Instant.parse("2024-06-01T08:00:00Z");

    @Inject
    Events events;

    @Inject
    RankerSchedule schedule;

    private String repository;

    @BeforeEach
    void noDecisionsAndNoModels() {
        repository = SuggestionFixture.newRepository("ranker");
        QuarkusTransaction.requiringNew().run(() -> FeedbackRecord.getEntityManager()
                .createNativeQuery("truncate ranker_promotion, ranker_model, feedback_record").executeUpdate());
    }

    @Test
    void withTooFewDecisionsTrainingIsRefusedAndThePriorKeepsRanking() {
        decide(history(12));
        given().auth().oauth2(TestAccounts.ADMIN_TOKEN).when().post("/api/v1/models/retrain")
                .then().statusCode(409).contentType("application/problem+json")
                .body("title", equalTo("Too few decisions to train the ranker"))
                .body("detail", containsString("at least 20 decisions by reviewers; there are 12"));
        given().auth().oauth2(TestAccounts.CI_TOKEN).when().get("/api/v1/models")
                .then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void decisionsOfTheAutoAcceptPolicyDoNotCountAsTrainingData() {
        List<GreengateEvent> history = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            SuggestionFixture s = suggestion(i, "guard-raises");
            history.add(s.created());
            history.add(s.autoAccepted(30));
        }
        decide(history, 25);
        given().auth().oauth2(TestAccounts.ADMIN_TOKEN).when().post("/api/v1/models/retrain")
                .then().statusCode(409).body("detail", containsString("there are 0"));
    }

    @Test
    void aHistoryWhereSignatureCasesAreAlwaysRejectedTrainsAPromotedModelThatRanksThemLast() throws Exception {
        decide(history(60));

        JsonPath accepted = given().auth().oauth2(TestAccounts.ADMIN_TOKEN).when().post("/api/v1/models/retrain")
                .then().statusCode(202).body("status", equalTo("TRAINING"))
                .extract().jsonPath();
        String version = accepted.getString("version");
        assertTrue(version.matches("ranker-\\d+"), version);
        JsonPath model = awaitTrained(version);

        assertEquals("PROMOTED", model.getString("status"), model.prettify());
        assertTrue(model.getDouble("metrics.auc") >= 0.7, "held-out AUC " + model.getDouble("metrics.auc"));
        assertEquals(48, model.getInt("trainingSize"));
        assertEquals(12, model.getInt("heldOutSize"), "the newest 20 % by decided time");
        for (String metric : List.of("logLoss", "brierScore", "expectedCalibrationError", "precisionAtK")) {
            assertTrue(model.get("metrics." + metric) != null, metric + " in " + model.prettify());
        }
        assertEquals(64, model.getString("datasetSha256").length());
        assertEquals("API", model.getString("trigger"));
        assertEquals("admin-test", model.getString("triggeredBy"));
        assertTrue(model.getDouble("cpuSeconds") > 0, "the run's CPU time is metered");
        assertEquals("greengate-ranker-features-v1", model.getString("trainingConfig.featureSchema"));
        assertTrue(model.getDouble("weights.find { it.feature == 'caseKind=signature' }.weight") < 0,
                "the model's own weight pushes signature cases down: " + model.prettify());

        byte[] artifact = given().auth().oauth2(TestAccounts.CI_TOKEN)
                .when().get("/api/v1/models/" + version + "/artifact")
                .then().statusCode(200).contentType("application/x-protobuf").extract().asByteArray();
        assertEquals(model.getString("artifactSha256"), RankerModels.sha256(artifact));
        Model<Label> loaded = RankerModels.deserialize(artifact);
        assertTrue(newSuggestionScore(loaded, "signature") < newSuggestionScore(loaded, "guard-raises"));
        assertTrue(newSuggestionScore(loaded, "signature") < newSuggestionScore(loaded, "doctest-examples"));

        TopicProbe.awaitValue(GreengateTestInfra.bootstrapServers(), Topics.MODELS,
                v -> v.contains("\"version\":\"" + version + "\"") && v.contains("\"status\":\"PROMOTED\"")
                        && v.contains(model.getString("artifactSha256")), Duration.ofSeconds(20));
        TopicProbe.awaitValue(GreengateTestInfra.bootstrapServers(), Topics.USAGE,
                v -> v.contains("\"kind\":\"TRAINING\"") && v.contains("\"subjectId\":\"" + version + "\""),
                Duration.ofSeconds(20));
    }

    @Test
    void aModelThatDoesNotBeatThePromotedOneIsStoredAsRejectedByEvaluation() {
        decide(history(60));
        String first = retrainAndAwait("PROMOTED");
        String second = retrainAndAwait("REJECTED_BY_EVALUATION");

        JsonPath rejected = model(second);
        assertTrue(rejected.getString("evaluation").contains("promoted " + first), rejected.getString("evaluation"));
        assertEquals(rejected.getDouble("metrics.auc"), rejected.getDouble("metrics.promotedAuc"), 1e-12,
                "the same decisions train the same model: no gain, no promotion");
        assertEquals(64, rejected.getString("artifactSha256").length(), "a rejected model is stored all the same");
        assertEquals("PROMOTED", model(first).getString("status"));
        TopicProbe.awaitValue(GreengateTestInfra.bootstrapServers(), Topics.MODELS,
                v -> v.contains("\"version\":\"" + second + "\"") && v.contains("REJECTED_BY_EVALUATION"),
                Duration.ofSeconds(20));
    }

    @Test
    void anAdminRollsBackToAnEarlierVersionAndThePromotionIsAuditedAndPublished() {
        decide(history(60));
        String first = retrainAndAwait("PROMOTED");
        String second = retrainAndAwait("REJECTED_BY_EVALUATION");
        promote(second);
        assertEquals("RETIRED", model(first).getString("status"), "one promoted version at a time");

        JsonPath rolledBack = promote(first);
        assertEquals("PROMOTED", rolledBack.getString("status"));
        assertEquals("RETIRED", model(second).getString("status"));
        assertEquals(List.of("EVALUATION", "MANUAL"), rolledBack.getList("promotions.kind"));
        assertEquals("admin-test", rolledBack.getString("promotions[1].promotedBy"));
        assertEquals(second, rolledBack.getString("promotions[1].previousVersion"));
        assertTrue(rolledBack.get("promotions[1].promotedAt") != null);
        String sha = rolledBack.getString("artifactSha256");
        TopicProbe.awaitValues(GreengateTestInfra.bootstrapServers(), Topics.MODELS, values -> values.stream()
                .filter(v -> v.contains("\"version\":\"" + first + "\"") && v.contains("\"status\":\"PROMOTED\"")
                        && v.contains(sha))
                .count() == 2, Duration.ofSeconds(20));
    }

    @Test
    void theScheduleRetrainsOnlyWhenReviewersDecidedSomethingNew() {
        decide(history(30));
        schedule.retrain();
        List<String> versions = given().auth().oauth2(TestAccounts.ADMIN_TOKEN).when().get("/api/v1/models")
                .then().statusCode(200).extract().path("version");
        assertEquals(1, versions.size());
        JsonPath model = awaitTrained(versions.get(0));
        assertEquals("SCHEDULE", model.getString("trigger"));
        assertEquals("scheduler", model.getString("triggeredBy"));

        schedule.retrain();
        given().auth().oauth2(TestAccounts.ADMIN_TOKEN).when().get("/api/v1/models")
                .then().statusCode(200).body("size()", equalTo(1));
    }

    @Test
    void ciVerdictSeenBeforeTheDecisionIsATrainingFeature() {
        SuggestionFixture revealing = suggestion(1, "observed-outcome");
        SuggestionFixture headOnly = suggestion(2, "observed-outcome");
        decide(List.of(revealing.created(), revealing.verified("REVEALS_CHANGE"), revealing.accepted(120),
                headOnly.created(), headOnly.verified(true, false, 0.1), headOnly.accepted(120)));
        Await.until("both verifications are recorded", () -> QuarkusTransaction.requiringNew().call(() ->
                FeedbackRecord.count("repository = ?1 and verifiedAt is not null", repository)) == 2);
        List<TrainingRow> rows = QuarkusTransaction.requiringNew().call(TrainingSet::load).rows();
        TrainingRow revealed = rows.stream().filter(r -> r.suggestionId().equals(revealing.suggestionId))
                .findFirst().orElseThrow();
        TrainingRow plain = rows.stream().filter(r -> r.suggestionId().equals(headOnly.suggestionId))
                .findFirst().orElseThrow();
        assertEquals(1.0, revealed.features().get("verification.verdict=reveals_change"), revealed.features()
                .toString());
        assertFalse(plain.features().keySet().stream().anyMatch(k -> k.startsWith("verification.verdict")));
    }

    @Test
    void anUnknownVersionCannotBePromoted() {
        given().auth().oauth2(TestAccounts.ADMIN_TOKEN).when().post("/api/v1/models/ranker-999999/promote")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aStoredVersionIsImmutable() {
        decide(history(30));
        String version = retrainAndAwait("PROMOTED");
        String before = model(version).prettify();
        for (String method : List.of("PUT", "PATCH", "DELETE")) {
            int status = given().auth().oauth2(TestAccounts.ADMIN_TOKEN).contentType("application/json")
                    .body("{\"status\":\"FAILED\"}").when().request(method, "/api/v1/models/" + version)
                    .then().extract().statusCode();
            assertTrue(status == 405 || status == 403, method + " answered " + status);
        }
        assertThrows(PersistenceException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                FeedbackRecord.getEntityManager().createNativeQuery(
                                "update ranker_model set metrics = '{\"auc\": 1.0}' where version = ?1")
                        .setParameter(1, version).executeUpdate()), "the database refuses to rewrite a version");
        assertThrows(PersistenceException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                FeedbackRecord.getEntityManager().createNativeQuery("delete from ranker_model where version = ?1")
                        .setParameter(1, version).executeUpdate()));
        assertEquals(before, model(version).prettify());
    }

    @Test
    void trainingAndPromotingNeedTheAdminRole() {
        given().auth().oauth2(TestAccounts.CI_TOKEN).when().post("/api/v1/models/retrain")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().preemptive().basic(TestAccounts.REVIEWER, TestAccounts.REVIEWER_PASSWORD)
                .when().post("/api/v1/models/retrain").then().statusCode(403);
        given().when().post("/api/v1/models/retrain").then().statusCode(401);
        given().auth().oauth2(TestAccounts.CI_TOKEN).when().post("/api/v1/models/ranker-1/promote")
                .then().statusCode(403);
        given().auth().preemptive().basic(TestAccounts.REVIEWER, TestAccounts.REVIEWER_PASSWORD)
                .when().get("/api/v1/models/ranker-1/artifact").then().statusCode(403);
        given().when().get("/api/v1/models").then().statusCode(401);
        given().auth().preemptive().basic(TestAccounts.REVIEWER, TestAccounts.REVIEWER_PASSWORD)
                .when().get("/api/v1/models").then().statusCode(200);
    }

    /**
     * {@code size} suggestions, one an hour, each decided by a reviewer ten minutes after it was made: every
     * fifth a signature case, always rejected as a duplicate; the others (guard cases in Python and Java, doctest
     * examples) accepted, modified now and then, and rejected one time in eleven.
     */
    private List<GreengateEvent> history(int size) {
        List<GreengateEvent> history = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String kind = switch (i % 5) {
                case 0 -> "signature";
                case 1, 4 -> "guard-raises";
                case 2 -> "doctest-examples";
                default -> "guard-throws";
            };
            SuggestionFixture s = suggestion(i, kind);
            history.add(s.created());
            if (i % 2 == 0) {
                history.add(s.verified(true, false, i % 4 == 0 ? 0.5 : null));
            }
            if (kind.equals("signature")) {
                history.add(s.rejected("DUPLICATE", 600));
            } else if (i % 11 == 0) {
                history.add(s.rejected("LOW_VALUE", 600));
            } else if (i % 3 == 0) {
                history.add(s.modified(s.code() + "\n# clearer name\n", 600));
            } else {
                history.add(s.accepted(600));
            }
        }
        return history;
    }

    private SuggestionFixture suggestion(int i, String kind) {
        SuggestionFixture s = new SuggestionFixture(repository).createdAt(START.plus(Duration.ofHours(i)))
                .symbol("Cart.method" + i).caseKind(kind, EnginePriors.of(kind))
                .riskFlags(i % 7 == 0 ? List.of("network") : List.of());
        return kind.equals("guard-throws") ? s.java().symbol("Pricing.method" + i) : s;
    }

    private void decide(List<GreengateEvent> history) {
        decide(history, history.stream().filter(e -> e instanceof ReviewDecided)
                .count());
    }

    /** Publishes the history and waits until every decision is recorded with its suggestion's features. */
    private void decide(List<GreengateEvent> history, long decisions) {
        events.publishAll(history);
        Await.until(decisions + " decisions with their features", () -> QuarkusTransaction.requiringNew().call(() ->
                FeedbackRecord.count("repository = ?1 and createdAt is not null and decidedAt is not null",
                        repository)) == decisions);
    }

    private static double newSuggestionScore(Model<Label> model, String caseKind) {
        TrainingRow row = new TrainingRow(UUID.randomUUID(), Instant.now(), false, RankerFeatures.encode("python",
                "pytest", "embedded", caseKind, List.of(), 8, null, EnginePriors.of(caseKind)));
        return RankerModels.acceptProbabilities(model, List.of(row))[0];
    }

    private String retrainAndAwait(String expectedStatus) {
        String version = given().auth().oauth2(TestAccounts.ADMIN_TOKEN).when().post("/api/v1/models/retrain")
                .then().statusCode(202).extract().path("version");
        JsonPath model = awaitTrained(version);
        assertEquals(expectedStatus, model.getString("status"), model.prettify());
        return version;
    }

    private static JsonPath awaitTrained(String version) {
        Await.until(version + " trained", () -> !"TRAINING".equals(model(version).getString("status")));
        return model(version);
    }

    private static JsonPath model(String version) {
        return given().auth().oauth2(TestAccounts.ADMIN_TOKEN).when().get("/api/v1/models/" + version)
                .then().statusCode(200).extract().jsonPath().using(Api.DOUBLES);
    }

    private static JsonPath promote(String version) {
        return given().auth().oauth2(TestAccounts.ADMIN_TOKEN).when().post("/api/v1/models/" + version + "/promote")
                .then().statusCode(200).extract().jsonPath().using(Api.DOUBLES);
    }
}
