package io.greengate.suggestion.engine.llm;

import io.greengate.infra.GreengateTestInfra;
import io.greengate.infra.TestAccounts;
import io.greengate.infra.TopicProbe;
import io.greengate.platform.events.EventCodec;
import io.greengate.platform.events.ReviewDecided;
import io.greengate.platform.events.Topics;
import io.greengate.suggestion.Diffs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * engine=llm against a local OpenAI-compatible stub that answers well, badly, slowly or with hostile output.
 * The failing-server case runs last: it opens the circuit breaker, as it should.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LlmEngineTest {

    private static final String SECRET_LINE = "AWS_SECRET_ACCESS_KEY = \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"";

    @AfterEach
    void reset() {
        OpenAiStub.mode = OpenAiStub.Mode.VALID;
    }

    private static JsonPath post(String diff) {
        return given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("repository", "github.com/acme/shop", "commit",
                        UUID.randomUUID().toString().replace("-", "").substring(0, 10), "diff", diff, "engine", "llm"))
                .when().post("/api/v1/suggestions")
                .then().statusCode(201).extract().jsonPath();
    }

    @Test
    void aValidAnswerBecomesSuggestionsOfTheLlmEngineWithTheirTokens() {
        JsonPath batch = post(Diffs.CART_PY_DIFF);
        assertTrue(batch.getString("engine").equals("llm"), batch.prettify());
        assertTrue(batch.getString("modelVersion").equals("prior"), "no ranker is promoted in this test");
        List<String> paths = batch.getList("suggestions.testPath");
        assertTrue(paths.contains("tests/test_cart_total_llm.py"), paths.toString());
    }

    @Test
    void theTokensAndTheEnergyTheServerReportsGoToCarbonMeterWithTheBatch() {
        OpenAiStub.mode = OpenAiStub.Mode.REPORTS_ENERGY;
        JsonPath batch = post(Diffs.CART_PY_DIFF);
        String batchId = batch.getString("batchId");
        String usage = TopicProbe.awaitValue(GreengateTestInfra.bootstrapServers(), Topics.USAGE,
                v -> v.contains(batchId), Duration.ofSeconds(20)).stream().filter(v -> v.contains(batchId))
                .findFirst().orElseThrow();
        JsonPath event = JsonPath.from(usage);
        assertEquals("INFERENCE", event.getString("kind"));
        assertEquals(321, event.getInt("promptTokens"));
        assertEquals(54, event.getInt("completionTokens"));
        assertEquals(42.5, event.getDouble("reportedEnergyJoules"), 1e-9, "the server's own energy figure");
        assertEquals(batch.getList("suggestions").size(), event.getInt("suggestions"));
    }

    @Inject
    EventCodec codec;

    private void decided(String repository, String language, String decision, String actorKind, String finalCode) {
        ReviewDecided event = new ReviewDecided(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(),
                repository, "abc1234", "llm", "stub-coder", language, decision,
                "REJECTED".equals(decision) ? "DUPLICATE" : null, null, finalCode, finalCode, "alice", actorKind, 30);
        TopicProbe.send(GreengateTestInfra.bootstrapServers(), Topics.REVIEWS, event.subjectKey(), codec.toJson(event));
    }

    @Test
    void testsReviewersAcceptedInTheRepositoryAreThePromptsExamplesRedacted() throws InterruptedException {
        String repository = "github.com/acme/examples-" + UUID.randomUUID();
        decided(repository, "python", "REJECTED", "REVIEWER", "def test_marker_rejected():\n    pass\n");
        decided(repository, "python", "ACCEPTED", "POLICY", "def test_marker_policy():\n    pass\n");
        decided("github.com/acme/elsewhere", "python", "ACCEPTED", "REVIEWER", "def test_marker_elsewhere():\n    pass\n");
        decided(repository, "java", "ACCEPTED", "REVIEWER", "class MarkerJavaTest {}\n");
        decided(repository, "python", "ACCEPTED", "REVIEWER",
                "def test_marker_accepted():\n    " + SECRET_LINE + "\n");
        decided(repository, "python", "MODIFIED", "REVIEWER", "def test_marker_modified():\n    pass\n");

        String prompt = "";
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && !(prompt.contains("test_marker_accepted")
                && prompt.contains("test_marker_modified"))) {
            OpenAiStub.prompts.clear();
            given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON)
                    .body(Map.of("repository", repository, "commit", "abc1234", "diff", Diffs.CART_PY_DIFF,
                            "engine", "llm"))
                    .when().post("/api/v1/suggestions").then().statusCode(201);
            prompt = String.join("\n", OpenAiStub.prompts);
            Thread.sleep(200);
        }
        assertTrue(prompt.contains("Tests reviewers accepted in this repository"), prompt);
        assertTrue(prompt.contains("test_marker_accepted") && prompt.contains("test_marker_modified"), prompt);
        assertFalse(prompt.contains("test_marker_rejected"), "a rejected test is no example");
        assertFalse(prompt.contains("test_marker_policy"), "what the policy accepted teaches nothing");
        assertFalse(prompt.contains("test_marker_elsewhere"), "examples come from the same repository");
        assertFalse(prompt.contains("MarkerJavaTest"), "examples are in the language of the change");
        assertFalse(prompt.contains("wJalrXUtnFEMI"), "examples are redacted like the diff");
    }

    @Test
    void secretsInTheDiffNeverReachTheModelServer() {
        OpenAiStub.prompts.clear();
        post(Diffs.newFile("src/settings.py", "import os\n" + SECRET_LINE + "\n\n\ndef total(a, b):\n    return a + b\n"));
        String sent = String.join("\n", OpenAiStub.prompts);
        assertFalse(sent.contains("wJalrXUtnFEMI"), "the secret was sent: " + sent);
        assertTrue(sent.contains("[REDACTED]"));
    }

    private static final String CALC_PY = """
            def clamp(value, lo, hi):
                if value > 999999:
                    return hi
                return max(lo, min(hi, value))
            """;

    /** A change of src/pkg/calc.py, a module of package pkg, whose diff shows only the two added lines. */
    private static JsonPath postCalc() {
        String diff = Diffs.modified("src/pkg/calc.py", "@@ -1,0 +2,2 @@\n+    if value > 999999:\n+        return hi\n");
        return given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("repository", "github.com/acme/calc", "commit", "abcdef21", "diff", diff, "engine", "llm",
                        "files", List.of(Map.of("path", "src/pkg/calc.py", "content", CALC_PY),
                                Map.of("path", "src/pkg/__init__.py", "content", ""))))
                .when().post("/api/v1/suggestions")
                .then().statusCode(201).extract().jsonPath();
    }

    @Test
    void theModelIsSentTheChangedFunctionsFullBodyAndItsModulePath() {
        OpenAiStub.prompts.clear();
        postCalc();
        String sent = String.join("\n", OpenAiStub.prompts);
        assertTrue(sent.contains("return max(lo, min(hi, value))"), "the body beyond the diff: " + sent);
        assertTrue(sent.contains("Module: pkg.calc") && sent.contains("from pkg.calc import clamp"), sent);
    }

    @Test
    void aCaseImportingTheModuleOfAPackageByItsBareNameIsDropped() {
        OpenAiStub.mode = OpenAiStub.Mode.WRONG_IMPORT;
        JsonPath batch = postCalc();
        List<String> paths = batch.getList("suggestions.testPath");
        assertEquals(List.of("tests/test_calc_llm.py"), paths, batch.prettify());
        assertTrue(batch.getList("notes").toString()
                .contains("1 answer(s) of the model dropped: imports the changed module by a name it does not have"),
                batch.prettify());
    }

    @Test
    void aMalformedAnswerIsDroppedAndCountedAndTheRequestStillSucceeds() {
        OpenAiStub.mode = OpenAiStub.Mode.MALFORMED;
        given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("repository", "github.com/acme/shop", "commit", "abcdef12", "diff", Diffs.CART_PY_DIFF,
                        "engine", "llm"))
                .when().post("/api/v1/suggestions")
                .then().statusCode(201).body("suggestions", hasSize(0))
                .body("notes", hasItem(containsString("unparseable answer")));
    }

    @Test
    void aTruncatedAnswerSaysSo() {
        OpenAiStub.mode = OpenAiStub.Mode.TRUNCATED;
        JsonPath batch = post(Diffs.CART_PY_DIFF);
        assertTrue(batch.getList("suggestions").isEmpty());
        assertTrue(batch.getList("notes").toString().contains("cut at its length limit"), batch.prettify());
    }

    @Test
    void hostileOutputIsDroppedOrFlaggedNeverTrusted() {
        OpenAiStub.mode = OpenAiStub.Mode.HOSTILE;
        JsonPath batch = post(Diffs.CART_PY_DIFF);
        List<String> paths = batch.getList("suggestions.testPath");
        assertTrue(paths.equals(List.of("tests/test_cart_pwn.py")), batch.prettify());
        assertTrue(batch.getList("suggestions[0].riskFlags").contains("PROCESS_EXECUTION"));
        String notes = batch.getList("notes").toString();
        assertTrue(notes.contains("unsafe or oversized test file") && notes.contains("unknown target symbol"), notes);
    }

    @Test
    void wrongLanguageOutputIsDropped() {
        OpenAiStub.mode = OpenAiStub.Mode.WRONG_LANGUAGE;
        JsonPath batch = post(Diffs.CART_PY_DIFF);
        assertTrue(batch.getList("suggestions").isEmpty());
        assertTrue(batch.getList("notes").toString().contains("not a python test"), batch.prettify());
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aSlowOrFailingServerFallsBackToTheEmbeddedEngineAndSaysSo() {
        OpenAiStub.mode = OpenAiStub.Mode.SLOW;
        given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("repository", "github.com/acme/shop", "commit", "abcdef13", "diff", Diffs.CART_PY_DIFF,
                        "engine", "llm"))
                .when().post("/api/v1/suggestions")
                .then().statusCode(201).body("engine", equalTo("embedded")).body("suggestions", hasSize(3))
                .body("notes", hasItem(containsString("llm engine is unavailable")));
        OpenAiStub.mode = OpenAiStub.Mode.SERVER_ERROR;
        given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("repository", "github.com/acme/shop", "commit", "abcdef14", "diff", Diffs.CART_PY_DIFF,
                        "engine", "llm"))
                .when().post("/api/v1/suggestions")
                .then().statusCode(201).body("engine", equalTo("embedded"))
                .body("notes", hasItem(containsString("llm engine is unavailable")));
        // after repeated failures the circuit is open: the server is no longer waited for
        OpenAiStub.prompts.clear();
        OpenAiStub.mode = OpenAiStub.Mode.VALID;
        given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("repository", "github.com/acme/shop", "commit", "abcdef15", "diff", Diffs.CART_PY_DIFF,
                        "engine", "llm"))
                .when().post("/api/v1/suggestions")
                .then().statusCode(201).body("engine", equalTo("embedded"))
                .body("notes", hasItem(containsString("CircuitBreakerOpenException")));
        assertTrue(OpenAiStub.prompts.isEmpty(), "an open circuit sends nothing");
    }
}
