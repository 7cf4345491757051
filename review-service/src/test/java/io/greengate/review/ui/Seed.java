package io.greengate.review.ui;

import io.greengate.infra.GreengateTestInfra;
import io.greengate.infra.TestAccounts;
import io.greengate.infra.TopicProbe;
import io.greengate.platform.events.EnergyAttached;
import io.greengate.platform.events.EventCodec;
import io.greengate.platform.events.SuggestionCreated;
import io.greengate.platform.events.SuggestionVerified;
import io.greengate.platform.events.Topics;
import io.greengate.review.Suggestions;
import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;

/** Suggestions for the UI tests, published on the real broker like suggestion-service does; one builder per case. */
final class Seed {

    final String commit;
    String repository = Suggestions.REPOSITORY;
    String testPath = "tests/test_cart_total.py";
    String code = "def test_total():\n    assert Cart().total() == 0\n";
    String language = "python";
    String framework = "pytest";
    String engine = "embedded";
    String modelVersion = "ranker-3";
    String targetFile = "src/cart.py";
    String targetSymbol = "Cart.total";
    String rationale = "Cart.total changed; an empty cart should total zero.";
    String caseKind = "signature";
    double confidence = 0.5;
    List<String> riskFlags = List.of();
    Integer pullRequest = 42;
    String targetDiff = """
            --- a/src/cart.py
            +++ b/src/cart.py
            @@ -10,2 +10,3 @@ class Cart:
                 def total(self):
            -        return sum(self.items)
            +        return sum(item.price for item in self.items)
            """;
    Instant occurredAt = Instant.now();

    private Seed(String commit) {
        this.commit = commit;
    }

    static Seed of(String commit) {
        return new Seed(commit);
    }

    Seed testPath(String value) {
        testPath = value;
        return this;
    }

    Seed code(String value) {
        code = value;
        return this;
    }

    Seed language(String value, String testFramework) {
        language = value;
        framework = testFramework;
        return this;
    }

    Seed engine(String value, String version) {
        engine = value;
        modelVersion = version;
        return this;
    }

    Seed target(String file, String symbol) {
        targetFile = file;
        targetSymbol = symbol;
        return this;
    }

    Seed rationale(String value) {
        rationale = value;
        return this;
    }

    Seed caseKind(String value) {
        caseKind = value;
        return this;
    }

    Seed confidence(double value) {
        confidence = value;
        return this;
    }

    Seed risk(String... flags) {
        riskFlags = List.of(flags);
        return this;
    }

    Seed repository(String value) {
        repository = value;
        return this;
    }

    Seed targetDiff(String value) {
        targetDiff = value;
        return this;
    }

    Seed pullRequest(Integer value) {
        pullRequest = value;
        return this;
    }

    /** Publishes SuggestionCreated; returns the suggestion's id. */
    UUID publish(EventCodec codec) {
        SuggestionCreated event = new SuggestionCreated(UUID.randomUUID(), occurredAt, UUID.randomUUID(),
                UUID.randomUUID(), repository, commit, "feature/cart", pullRequest, engine, modelVersion, targetFile,
                targetSymbol, language, framework, caseKind, testPath, code, null, rationale, confidence, riskFlags,
                null, targetDiff, confidence);
        send(codec, Topics.SUGGESTIONS, event.subjectKey(), codec.toJson(event));
        occurredAt = occurredAt.plusMillis(1);
        return event.suggestionId();
    }

    /** CI's verification report and the carbon-meter's energy for a suggestion, as their events. */
    static void verifyAndMeter(EventCodec codec, String repository, String commit, UUID suggestionId) {
        SuggestionVerified verified = new SuggestionVerified(UUID.randomUUID(), Instant.now(), suggestionId, repository,
                commit, true, true, 5, false, 0.8, "collected 1 item\ntests/test_cart_total.py . [100%]\n1 passed in 0.02s", null, null);
        send(codec, Topics.SUGGESTIONS, verified.subjectKey(), codec.toJson(verified));
        EnergyAttached energy = new EnergyAttached(UUID.randomUUID(), Instant.now(), UUID.randomUUID(),
                "suggestion-service", "INFERENCE", "suggestion", suggestionId.toString(), 3.6, 0.00084, "cpu-tdp");
        send(codec, Topics.ENERGY, energy.subjectKey(), codec.toJson(energy));
    }

    /** CI's differential verification report (the case run on the change's head and base) for a suggestion. */
    static void verdict(EventCodec codec, String repository, String commit, UUID suggestionId, String verdict,
                        boolean basePassed, String baseOutcome, String headOutcome, Integer covered, Integer total) {
        boolean passed = !"FAILS_ON_HEAD".equals(verdict);
        SuggestionVerified verified = new SuggestionVerified(UUID.randomUUID(), Instant.now(), suggestionId,
                repository, commit, true, passed, 3, false, 0.4, passed ? "3 passed" : "1 failed", null, null, verdict,
                true, basePassed, baseOutcome, headOutcome, covered, total);
        send(codec, Topics.SUGGESTIONS, verified.subjectKey(), codec.toJson(verified));
    }

    private static void send(EventCodec codec, String topic, String key, String json) {
        TopicProbe.send(GreengateTestInfra.bootstrapServers(), topic, key, json);
    }

    /** Waits until review-service holds {@code count} reviews of the commit (any repository) matching {@code ready}. */
    static List<Map<String, Object>> awaitReviews(String commit, int count, Predicate<Map<String, Object>> ready) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        List<Map<String, Object>> reviews = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            reviews = JsonPath.from(given().auth().preemptive()
                    .basic(TestAccounts.REVIEWER, TestAccounts.REVIEWER_PASSWORD)
                    .queryParam("commit", commit).get("/api/v1/reviews").then().statusCode(200).extract().asString())
                    .getList("$");
            if (reviews.size() >= count && reviews.stream().allMatch(ready)) {
                return reviews;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("expected " + count + " ready reviews of " + commit + ", found " + reviews);
    }

    static List<Map<String, Object>> awaitReviews(String commit, int count) {
        return awaitReviews(commit, count, r -> true);
    }
}
