package io.greengate.review;

import io.greengate.infra.GreengateTestInfra;
import io.greengate.infra.TestAccounts;
import io.greengate.infra.TopicProbe;
import io.greengate.platform.events.EventCodec;
import io.greengate.platform.events.SuggestionCreated;
import io.greengate.platform.events.Topics;
import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Publishes SuggestionCreated events on the real broker, as suggestion-service does, and waits for the reviews. */
public final class Suggestions {

    public static final String REPOSITORY = "github.com/acme/shop";

    private Suggestions() {
    }

    public static String newCommit() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    public static SuggestionCreated created(String commit, String testPath, String code, String testFileBase) {
        return new SuggestionCreated(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(), REPOSITORY,
                commit, "feature/cart", 42, "embedded", "embedded-1", "src/cart.py", "Cart.total", "python", "pytest",
                "signature", testPath, code, testFileBase, "covers Cart.total", 0.5, List.of(), null, null, 0.5);
    }

    public static void publish(EventCodec codec, SuggestionCreated event) {
        TopicProbe.send(GreengateTestInfra.bootstrapServers(), Topics.SUGGESTIONS, event.subjectKey(),
                codec.toJson(event));
    }

    /** Waits until review-service holds {@code count} reviews of the commit; returns them. */
    public static List<Map<String, Object>> awaitReviews(String commit, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<Map<String, Object>> reviews = List.of();
        while (System.nanoTime() < deadline) {
            reviews = JsonPath.from(given().auth().preemptive().basic(TestAccounts.REVIEWER, TestAccounts.REVIEWER_PASSWORD)
                    .queryParam("repository", REPOSITORY).queryParam("commit", commit)
                    .get("/api/v1/reviews").then().statusCode(200).extract().asString()).getList("$");
            if (reviews.size() >= count) {
                return reviews;
            }
            sleep();
        }
        throw new AssertionError("expected " + count + " reviews of " + commit + ", found " + reviews.size());
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
