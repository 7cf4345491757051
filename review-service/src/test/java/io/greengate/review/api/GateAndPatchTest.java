package io.greengate.review.api;

import io.greengate.infra.TestAccounts;
import io.greengate.platform.events.EventCodec;
import io.greengate.platform.events.SuggestionCreated;
import io.greengate.review.Suggestions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gate opens when every suggestion of a commit is decided; its patch applies with the real git. */
@QuarkusTest
class GateAndPatchTest {

    static final String EXISTING_TEST = """
            from src.cart import Cart


            def test_empty_cart_totals_zero():
                assert Cart().total() == 0
            """;
    static final String APPENDED_CASE = """


            def test_total_applies_discount():
                cart = Cart()
                cart.add("apple", 2.0, 3)
                assert cart.total(discount=0.5) == 3.0
            """;
    static final String NEW_FOLDER_TEST = """
            def test_parse_price_strips_the_dollar():
                from src.cart import parse_price
                assert parse_price(" $4.50 ") == 4.5
            """;

    @Inject
    EventCodec codec;

    static RequestSpecification ci() {
        return given().auth().oauth2(TestAccounts.CI_TOKEN);
    }

    static RequestSpecification reviewer() {
        return given().auth().preemptive().basic(TestAccounts.REVIEWER, TestAccounts.REVIEWER_PASSWORD);
    }

    @Test
    void aCommitWithoutSuggestionsHasAnEmptyGateAndNoPatch() {
        String commit = Suggestions.newCommit();
        ci().queryParam("repository", Suggestions.REPOSITORY).queryParam("commit", commit)
                .when().get("/api/v1/gates").then().statusCode(200).body("status", equalTo("EMPTY"));
        ci().queryParam("repository", Suggestions.REPOSITORY).queryParam("commit", commit)
                .when().get("/api/v1/gates/patch").then().statusCode(204);
    }

    @Test
    void theGateIsPendingUntilEveryReviewIsDecidedAndThePatchAppliesWithGit() throws Exception {
        Path repo = gitRepositoryWithAnExistingTestFile();
        String commit = git(repo, "rev-parse", "HEAD").strip();

        List<SuggestionCreated> events = List.of(
                Suggestions.created(commit, "tests/test_cart.py", EXISTING_TEST + APPENDED_CASE, EXISTING_TEST),
                Suggestions.created(commit, "tests/unit/pricing/test_parse_price.py", NEW_FOLDER_TEST, null),
                Suggestions.created(commit, "tests/test_cart_rejected.py", "def test_x():\n    assert False\n", null));
        events.forEach(e -> Suggestions.publish(codec, e));
        List<Map<String, Object>> reviews = Suggestions.awaitReviews(commit, 3);

        gate(commit).body("status", equalTo("PENDING")).body("pending", equalTo(3));
        ci().queryParam("repository", Suggestions.REPOSITORY).queryParam("commit", commit)
                .when().get("/api/v1/gates/patch").then().statusCode(409).contentType("application/problem+json");

        decide(reviews.get(0), Map.of("decision", "ACCEPT"));
        decide(reviews.get(1), Map.of("decision", "MODIFY",
                "modifiedCode", NEW_FOLDER_TEST.replace("4.5", "4.50")));
        gate(commit).body("status", equalTo("PENDING")).body("pending", equalTo(1));
        decide(reviews.get(2), Map.of("decision", "REJECT", "reason", "INCORRECT_LOGIC"));
        gate(commit).body("status", equalTo("PASSED")).body("pending", equalTo(0))
                .body("accepted", equalTo(1)).body("modified", equalTo(1)).body("rejected", equalTo(1));

        String patch = ci().queryParam("repository", Suggestions.REPOSITORY).queryParam("commit", commit)
                .when().get("/api/v1/gates/patch")
                .then().statusCode(200).contentType("text/x-diff").extract().asString();
        Path patchFile = Files.createTempFile("greengate", ".diff");
        Files.writeString(patchFile, patch);
        git(repo, "apply", "--check", patchFile.toString());
        git(repo, "apply", patchFile.toString());

        assertEquals(EXISTING_TEST + APPENDED_CASE, Files.readString(repo.resolve("tests/test_cart.py")));
        assertEquals(NEW_FOLDER_TEST.replace("4.5", "4.50"),
                Files.readString(repo.resolve("tests/unit/pricing/test_parse_price.py")));
        assertFalse(Files.exists(repo.resolve("tests/test_cart_rejected.py")), "rejected tests stay out");
    }

    private static void decide(Map<String, Object> review, Map<String, Object> decision) {
        reviewer().contentType(ContentType.JSON).body(decision)
                .when().post("/api/v1/reviews/" + review.get("id") + "/decision").then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse gate(String commit) {
        return ci().queryParam("repository", Suggestions.REPOSITORY).queryParam("commit", commit)
                .when().get("/api/v1/gates").then().statusCode(200);
    }

    private static Path gitRepositoryWithAnExistingTestFile() throws Exception {
        Path repo = Files.createTempDirectory("shop");
        Files.createDirectories(repo.resolve("src"));
        Files.createDirectories(repo.resolve("tests"));
        Files.writeString(repo.resolve("src/cart.py"), "class Cart:\n    pass\n");
        Files.writeString(repo.resolve("tests/test_cart.py"), EXISTING_TEST);
        git(repo, "init", "-q");
        git(repo, "add", ".");
        git(repo, "-c", "user.name=CI", "-c", "user.email=ci@example.invalid", "commit", "-q", "-m", "cart");
        return repo;
    }

    static String git(Path repo, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.exitValue(), "git " + String.join(" ", args) + ": " + output);
        return output;
    }
}
