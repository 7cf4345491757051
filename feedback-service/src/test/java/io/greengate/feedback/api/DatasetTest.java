package io.greengate.feedback.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greengate.feedback.Api;
import io.greengate.feedback.Await;
import io.greengate.feedback.Events;
import io.greengate.feedback.SuggestionFixture;
import io.greengate.infra.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Datasets hold people's decisions only, in TRL's formats, and every download is recorded with the sha256 of
 * the bytes sent. The test profile pages two rows at a time, so these sets span several pages.
 */
@QuarkusTest
class DatasetTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Events events;

    private String repository;
    private SuggestionFixture accepted;
    private SuggestionFixture modified;
    private SuggestionFixture rejectedWithAcceptedSibling;
    private String modifiedCode;

    @BeforeEach
    void sixDecisions() {
        repository = SuggestionFixture.newRepository("datasets");
        Instant t = Instant.parse("2024-05-01T10:00:00Z");
        accepted = new SuggestionFixture(repository).createdAt(t).prompt("Write a pytest test for Cart.total.");
        modified = new SuggestionFixture(repository).createdAt(t.plusSeconds(1)).symbol("Cart.add")
                .code("def test_add():\n    assert True\n");
        modifiedCode = "def test_add_counts_items():\n    cart = Cart()\n    cart.add('apple', 1)\n"
                + "    assert cart.count() == 1\n";
        rejectedWithAcceptedSibling = new SuggestionFixture(repository).createdAt(t.plusSeconds(2))
                .code("def test_total():\n    assert Cart().total() is not None\n");
        SuggestionFixture rejectedAlone = new SuggestionFixture(repository).createdAt(t.plusSeconds(3))
                .symbol("Cart.remove");
        SuggestionFixture autoAccepted = new SuggestionFixture(repository).createdAt(t.plusSeconds(4))
                .symbol("parse_price");
        SuggestionFixture decidedButNeverCreated = new SuggestionFixture(repository).createdAt(t.plusSeconds(5))
                .symbol("Cart.clear");

        for (SuggestionFixture s : List.of(accepted, modified, rejectedWithAcceptedSibling, rejectedAlone,
                autoAccepted)) {
            events.publish(s.created());
        }
        events.publish(accepted.accepted(100));
        events.publish(modified.modified(modifiedCode, 100));
        events.publish(rejectedWithAcceptedSibling.rejected("INCORRECT_LOGIC", 100));
        events.publish(rejectedAlone.rejected("DUPLICATE", 100));
        events.publish(autoAccepted.autoAccepted(1));
        events.publish(decidedButNeverCreated.modified("def test_clear():\n    pass\n", 100));
        Await.until("6 decisions with their features", () -> Api.stats(repository).getLong("decided") == 6
                && Api.record(autoAccepted.suggestionId) != null
                && Api.record(autoAccepted.suggestionId).get("createdAt") != null);
    }

    @Test
    void sftHoldsTheTestsPeopleAcceptedAsChats() throws Exception {
        ExtractableResponse<Response> response = download("sft.jsonl", Map.of("repository", repository));
        assertEquals("application/jsonl", response.contentType().split(";")[0]);
        List<JsonNode> lines = lines(response);
        assertEquals(2, lines.size(), "the accepted and the modified test; not the policy's, not the rejected");
        for (JsonNode line : lines) {
            assertEquals(Set.of("messages"), keys(line));
            assertEquals(List.of("system", "user", "assistant"), roles(line));
        }
        JsonNode first = lines.get(0).get("messages");
        assertEquals("Write a pytest test for Cart.total.", first.get(1).get("content").asText(),
                "the engine's own prompt when it had one");
        assertEquals(accepted.code(), first.get(2).get("content").asText());
        JsonNode second = lines.get(1).get("messages");
        assertTrue(second.get(1).get("content").asText().contains("Symbol under test: Cart.add"),
                "a prompt built from the target otherwise");
        assertEquals(modifiedCode, second.get(2).get("content").asText(), "the human's version of a modified test");
    }

    @Test
    void dpoPrefersTheHumansTestToTheSuggestion() throws Exception {
        List<JsonNode> lines = lines(download("dpo.jsonl", Map.of("repository", repository)));
        assertEquals(2, lines.size(), "the modified one, and the rejected one that has an accepted sibling");
        for (JsonNode line : lines) {
            assertEquals(Set.of("prompt", "chosen", "rejected"), keys(line));
        }
        assertEquals(modifiedCode, lines.get(0).get("chosen").asText());
        assertEquals(modified.code(), lines.get(0).get("rejected").asText());
        assertEquals(accepted.code(), lines.get(1).get("chosen").asText(),
                "a rejected suggestion is paired with the test accepted for the same symbol");
        assertEquals(rejectedWithAcceptedSibling.code(), lines.get(1).get("rejected").asText());
        assertTrue(lines.get(1).get("prompt").asText().contains("Cart.total"));
    }

    @Test
    void exportedRowsCarryCiVerdictWhenThereIsOne() throws Exception {
        events.publish(accepted.verified("REVEALS_CHANGE"));
        events.publish(rejectedWithAcceptedSibling.verified("HOLDS"));
        Await.until("both verdicts are recorded", () -> "HOLDS".equals(Api.record(
                rejectedWithAcceptedSibling.suggestionId).getString("verification.verdict"))
                && "REVEALS_CHANGE".equals(Api.record(accepted.suggestionId).getString("verification.verdict")));

        List<JsonNode> sft = lines(download("sft.jsonl", Map.of("repository", repository)));
        assertEquals(2, sft.size());
        assertEquals(Set.of("messages", "verdict"), keys(sft.get(0)));
        assertEquals("REVEALS_CHANGE", sft.get(0).get("verdict").asText());
        assertEquals(Set.of("messages"), keys(sft.get(1)), "no verdict reported, none in the line");

        List<JsonNode> dpo = lines(download("dpo.jsonl", Map.of("repository", repository)));
        assertEquals(2, dpo.size());
        assertEquals(null, dpo.get(0).get("verdict"));
        assertEquals("HOLDS", dpo.get(1).get("verdict").asText(), "the verdict of the suggested (rejected) side");
    }

    @Test
    void everyExportIsRecordedWithTheSha256AndSizeOfTheBytesSent() throws Exception {
        for (String dataset : List.of("sft.jsonl", "dpo.jsonl")) {
            ExtractableResponse<Response> response = download(dataset, Map.of("repository", repository));
            byte[] body = response.asByteArray();
            String exportId = response.header("Dataset-Export-Id");
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
            given().auth().oauth2(TestAccounts.ADMIN_TOKEN)
                    .when().get("/api/v1/datasets/exports/" + exportId)
                    .then().statusCode(200)
                    .body("status", equalTo("COMPLETED"))
                    .body("kind", equalTo(dataset.startsWith("sft") ? "SFT" : "DPO"))
                    .body("repository", equalTo(repository))
                    .body("sha256", equalTo(sha256))
                    .body("sizeBytes", equalTo(body.length))
                    .body("recordCount", equalTo(2))
                    .body("requestedBy", equalTo("admin-test"));
        }
        given().auth().oauth2(TestAccounts.ADMIN_TOKEN).when().get("/api/v1/datasets/exports")
                .then().statusCode(200).body("size()", greaterThanOrEqualTo(2));
    }

    @Test
    void fromAndToFilterByDecisionTime() throws Exception {
        ExtractableResponse<Response> empty = download("sft.jsonl", Map.of("repository", repository,
                "to", "2024-04-30"));
        assertEquals(0, empty.asByteArray().length, "every decision is after 2024-05-01 10:00");
        given().auth().oauth2(TestAccounts.ADMIN_TOKEN)
                .when().get("/api/v1/datasets/exports/" + empty.header("Dataset-Export-Id"))
                .then().statusCode(200)
                .body("sha256", equalTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))
                .body("sizeBytes", equalTo(0));
        assertEquals(1, lines(download("sft.jsonl", Map.of("repository", repository,
                "from", "2024-05-01T10:01:40Z", "to", "2024-05-01T10:01:41Z"))).size(),
                "only the first acceptance, decided 100 s after 10:00:00");
    }

    @Test
    void aBadDateIsA400BeforeAnyByteIsStreamed() {
        given().auth().oauth2(TestAccounts.ADMIN_TOKEN).queryParam("from", "last week")
                .when().get("/api/v1/datasets/dpo.jsonl")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.from", containsString("ISO-8601"));
    }

    private static ExtractableResponse<Response> download(String dataset, Map<String, String> query) {
        return given().auth().oauth2(TestAccounts.ADMIN_TOKEN).queryParams(query)
                .when().get("/api/v1/datasets/" + dataset)
                .then().statusCode(200).extract();
    }

    private static List<JsonNode> lines(ExtractableResponse<Response> response) throws Exception {
        String body = new String(response.asByteArray(), StandardCharsets.UTF_8);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isEmpty()) {
                lines.add(JSON.readTree(line));
            }
        }
        assertTrue(body.isEmpty() || body.endsWith("\n"), "JSON Lines end every record with a newline");
        return lines;
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static List<String> roles(JsonNode line) {
        List<String> roles = new ArrayList<>();
        Iterator<JsonNode> messages = line.get("messages").elements();
        messages.forEachRemaining(m -> roles.add(m.get("role").asText()));
        return roles;
    }
}
