package io.greengate.suggestion.ranking;

import io.greengate.platform.ranking.RankerFeatures;

import io.greengate.infra.GreengateTestInfra;
import io.greengate.infra.TestAccounts;
import io.greengate.infra.TopicProbe;
import io.greengate.platform.events.EventCodec;
import io.greengate.platform.events.ModelTrained;
import io.greengate.platform.events.Topics;
import io.greengate.suggestion.Diffs;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A promoted model reaches suggestion-service as ModelTrained; its artifact is downloaded from feedback-service
 * (a stub here) and loaded only when its sha256 is the one announced. Until then the prior ranks.
 */
@QuarkusTest
class RankerTest {

    @Inject
    EventCodec codec;

    @Inject
    Ranker ranker;

    @AfterEach
    void backToThePrior() {
        QuarkusTransaction.requiringNew().run(() -> RankerLoad.delete("version like 'ranker-9%'"));
        ranker.reload();
        FeedbackServiceStub.artifacts.clear();
    }

    @Test
    void aModelWhoseSha256IsNotTheAnnouncedOneIsRefusedAndThePriorKeepsRanking() {
        FeedbackServiceStub.artifacts.put("ranker-901", TinyRanker.signatureCasesAlwaysRejected(RankerFeatures.SCHEMA));
        announce("ranker-901", "0".repeat(64));

        JsonPath load = awaitLoad("ranker-901");
        assertEquals("REFUSED", load.getString("status"));
        assertTrue(load.getString("reason").contains("sha256 mismatch"), load.getString("reason"));
        JsonPath batch = suggest();
        assertEquals("prior", batch.getString("modelVersion"));
        assertEquals(List.of("guard-raises", "signature", "doctest-examples"), batch.getList("suggestions.caseKind"),
                "the prior keeps the engine's order");
        assertEquals(List.of(0.8f, 0.3f, 0.75f), batch.getList("suggestions.confidence"));
    }

    @Test
    void aModelOfAnotherFeatureSchemaIsRefused() {
        byte[] artifact = TinyRanker.signatureCasesAlwaysRejected("greengate-ranker-features-v0");
        FeedbackServiceStub.artifacts.put("ranker-902", artifact);
        announce("ranker-902", RankerModel.sha256(artifact));

        JsonPath load = awaitLoad("ranker-902");
        assertEquals("REFUSED", load.getString("status"));
        assertTrue(load.getString("reason").contains("feature schema"), load.getString("reason"));
        assertEquals("prior", ranker.version());
    }

    @Test
    void aPromotedModelWithTheAnnouncedSha256IsLoadedWithoutARestartAndRanksNewSuggestions() {
        byte[] artifact = TinyRanker.signatureCasesAlwaysRejected(RankerFeatures.SCHEMA);
        FeedbackServiceStub.artifacts.put("ranker-903", artifact);
        announce("ranker-903", RankerModel.sha256(artifact));

        assertEquals("LOADED", awaitLoad("ranker-903").getString("status"));
        JsonPath batch = suggest();
        assertEquals("ranker-903", batch.getString("modelVersion"));
        assertEquals("signature", batch.getString("suggestions[2].caseKind"), "ordered by the model's probability");
        float signature = batch.getFloat("suggestions[2].confidence");
        assertTrue(signature < 0.3f && batch.getFloat("suggestions[1].confidence") > 0.75f,
                "the model's probabilities replace the prior: " + batch.getList("suggestions.confidence"));
        assertTrue(batch.getString("suggestions[2].rationale").contains("Ranker ranker-903: ")
                && batch.getString("suggestions[2].rationale").contains("-caseKind=signature"),
                batch.getString("suggestions[2].rationale"));
    }

    @Test
    void ciVerificationIsScoredAgainWithTheFeaturesTheRankerLearnedFrom() {
        byte[] artifact = TinyRanker.failedVerificationsRejected(RankerFeatures.SCHEMA);
        FeedbackServiceStub.artifacts.put("ranker-904", artifact);
        announce("ranker-904", RankerModel.sha256(artifact));
        assertEquals("LOADED", awaitLoad("ranker-904").getString("status"));

        JsonPath batch = suggest();
        String passing = batch.getString("suggestions[0].id");
        String failing = batch.getString("suggestions[1].id");
        verify(passing, true);
        verify(failing, false);
        List<String> events = TopicProbe.awaitValues(GreengateTestInfra.bootstrapServers(), Topics.SUGGESTIONS,
                values -> values.stream().filter(v -> v.contains("SuggestionVerified")
                        && (v.contains(passing) || v.contains(failing))).count() == 2, Duration.ofSeconds(30));
        double passed = verifiedConfidence(events, passing);
        double failed = verifiedConfidence(events, failing);
        assertTrue(passed > 0.5 && failed < 0.5, "scored with CI's report: passed " + passed + ", failed " + failed);
        assertTrue(events.stream().filter(v -> v.contains("SuggestionVerified") && v.contains(passing))
                .allMatch(v -> v.contains("\"modelVersion\":\"ranker-904\"")), events.toString());
    }

    @Test
    void ciVerdictIsPassedToTheRanker() {
        byte[] artifact = TinyRanker.revealingCasesAccepted(RankerFeatures.SCHEMA);
        FeedbackServiceStub.artifacts.put("ranker-905", artifact);
        announce("ranker-905", RankerModel.sha256(artifact));
        assertEquals("LOADED", awaitLoad("ranker-905").getString("status"));

        String id = suggest().getString("suggestions[0].id");
        String holds = verify(id, "HOLDS", true);
        String reveals = verify(id, "REVEALS_CHANGE", false);
        List<String> events = TopicProbe.awaitValues(GreengateTestInfra.bootstrapServers(), Topics.SUGGESTIONS,
                values -> values.stream().filter(v -> v.contains("SuggestionVerified") && v.contains(id)).count() == 2,
                Duration.ofSeconds(30));
        double pinned = events.stream().filter(v -> v.contains(id) && v.contains(holds)).map(v -> JsonPath.from(v)
                .getDouble("confidence")).findFirst().orElseThrow();
        double revealing = events.stream().filter(v -> v.contains(id) && v.contains(reveals)).map(v -> JsonPath.from(v)
                .getDouble("confidence")).findFirst().orElseThrow();
        assertTrue(revealing > 0.5 && pinned < 0.5, "scored with the verdict: reveals " + revealing + ", holds "
                + pinned);
    }

    /** A differential report; returns how its SuggestionVerified event names the verdict. */
    private static String verify(String suggestionId, String verdict, boolean basePassed) {
        given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("compiled", true, "passed", true, "runs", 3, "flaky", false, "verdict", verdict,
                        "base", Map.of("compiled", true, "passed", basePassed)))
                .when().post("/api/v1/suggestions/" + suggestionId + "/verification")
                .then().statusCode(201);
        return "\"verdict\":\"" + verdict + "\"";
    }

    @Test
    void underThePriorAVerificationCarriesNoProbability() {
        String id = suggest().getString("suggestions[0].id");
        verify(id, true);
        List<String> events = TopicProbe.awaitValue(GreengateTestInfra.bootstrapServers(), Topics.SUGGESTIONS,
                v -> v.contains("SuggestionVerified") && v.contains(id), Duration.ofSeconds(30));
        String event = events.stream().filter(v -> v.contains("SuggestionVerified") && v.contains(id)).findFirst()
                .orElseThrow();
        assertTrue(JsonPath.from(event).get("confidence") == null && JsonPath.from(event).get("modelVersion") == null,
                event);
    }

    private static void verify(String suggestionId, boolean passed) {
        given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("compiled", true, "passed", passed, "runs", 3, "flaky", false))
                .when().post("/api/v1/suggestions/" + suggestionId + "/verification")
                .then().statusCode(201);
    }

    private static double verifiedConfidence(List<String> events, String suggestionId) {
        return events.stream().filter(v -> v.contains("SuggestionVerified") && v.contains(suggestionId))
                .map(v -> JsonPath.from(v).getDouble("confidence")).findFirst().orElseThrow();
    }

    private void announce(String version, String sha256) {
        ModelTrained event = new ModelTrained(UUID.randomUUID(), Instant.now(), version, "PROMOTED", sha256, 30,
                Map.of("auc", 0.9));
        TopicProbe.send(GreengateTestInfra.bootstrapServers(), Topics.MODELS, version, codec.toJson(event));
    }

    private static JsonPath awaitLoad(String version) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath ranker = given().auth().oauth2(TestAccounts.CI_TOKEN).when().get("/api/v1/ranker")
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> loads = ranker.getList("loads");
            for (int i = 0; i < loads.size(); i++) {
                if (version.equals(loads.get(i).get("version"))) {
                    return ranker.setRootPath("loads[" + i + "]");
                }
            }
            sleep();
        }
        throw new AssertionError(version + " was not handled within 30 s");
    }

    private static JsonPath suggest() {
        return given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("repository", "github.com/acme/shop",
                        "commit", UUID.randomUUID().toString().replace("-", "").substring(0, 12),
                        "diff", Diffs.CART_PY_DIFF))
                .when().post("/api/v1/suggestions")
                .then().statusCode(201).extract().jsonPath();
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
