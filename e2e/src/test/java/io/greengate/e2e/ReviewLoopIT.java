package io.greengate.e2e;

import io.greengate.infra.KafkaBroker;
import io.greengate.infra.PostgresServer;
import io.greengate.infra.TestAccounts;
import io.greengate.infra.TopicProbe;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CI posts a real git diff, reviewers decide, the gate passes and the patch applies — across the four packaged
 * services on one real Kafka broker and one real PostgreSQL, with review-service killed and restarted mid-stream.
 */
class ReviewLoopIT {

    static final String REPOSITORY = "github.com/acme/shop";
    static final List<String> SERVICES = List.of("suggestion-service", "review-service", "feedback-service", "carbon-meter");

    static PostgresServer postgres;
    static KafkaBroker kafka;
    static final Map<String, ServiceProcess> running = new LinkedHashMap<>();
    static Map<String, String> environment;
    static Path root;
    static Path logs;

    @BeforeAll
    static void startSuite() throws Exception {
        root = Path.of(System.getProperty("greengate.root", "..")).toAbsolutePath().normalize();
        logs = Files.createDirectories(root.resolve("e2e/target/e2e-logs"));
        postgres = PostgresServer.startEphemeral();
        kafka = KafkaBroker.start(Files.createTempDirectory("e2e-kafka"), 0);
        Path accounts = Files.createTempFile("accounts", "");
        Files.write(accounts, TestAccounts.accountLines());
        environment = new HashMap<>(Map.of(
                "GREENGATE_DB_URL", postgres.jdbcUrl(),
                "GREENGATE_KAFKA", kafka.bootstrapServers(),
                "GREENGATE_ACCOUNTS_FILE", accounts.toString(),
                "GREENGATE_INSIGHTS_TOKEN", TestAccounts.CI_TOKEN));
        for (String service : SERVICES) {
            running.put(service, new ServiceProcess(service, root, environment, logs));
        }
        // review-service's insights page reads the two others' figures
        environment.put("GREENGATE_INSIGHTS_FEEDBACK_URL", url("feedback-service"));
        environment.put("GREENGATE_INSIGHTS_CARBON_URL", url("carbon-meter"));
        for (ServiceProcess service : running.values()) {
            service.start();
        }
        for (ServiceProcess service : running.values()) {
            service.awaitReady(Duration.ofSeconds(180));
        }
    }

    @AfterAll
    static void stopSuite() throws Exception {
        for (ServiceProcess service : running.values()) {
            service.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    static String url(String service) {
        return running.get(service).baseUrl();
    }

    static RequestSpecification ci() {
        return given().auth().oauth2(TestAccounts.CI_TOKEN);
    }

    static RequestSpecification reviewer() {
        return given().auth().preemptive().basic(TestAccounts.REVIEWER, TestAccounts.REVIEWER_PASSWORD);
    }

    @Test
    void suggestionsSurviveAReviewServiceCrashAndTheAcceptedTestsComeBackAsAPatchThatPasses() throws Exception {
        ShopRepository shop = ShopRepository.create();

        // 1. CI posts the real diff of the cart change; every suggestion becomes a pending review
        JsonPath cartBatch = postDiff(shop, shop.cartCommit);
        int cartSuggestions = cartBatch.getList("suggestions").size();
        assertTrue(cartSuggestions >= 3, "one case per changed public symbol: " + cartBatch.prettify());
        List<Map<String, Object>> cartReviews = awaitReviews(shop.cartCommit, cartSuggestions);
        gate(shop.cartCommit).body("status", equalTo("PENDING"));

        // 2. one decision before the crash
        String firstReview = (String) cartReviews.get(0).get("id");
        decide(firstReview, Map.of("decision", "ACCEPT")).statusCode(200);

        // 3. a second change arrives and review-service dies while it may be consuming it
        JsonPath pricingBatch = postDiff(shop, shop.pricingCommit);
        running.get("review-service").kill();
        int pricingSuggestions = pricingBatch.getList("suggestions").size();
        assertTrue(pricingSuggestions >= 1);

        // 4. restarted, it catches up: nothing lost, nothing twice, the decision taken before the crash kept
        ServiceProcess restarted = new ServiceProcess("review-service", root, environment, logs).start();
        running.put("review-service", restarted);
        restarted.awaitReady(Duration.ofSeconds(120));
        assertSameSuggestions(cartBatch, awaitReviews(shop.cartCommit, cartSuggestions));
        assertSameSuggestions(pricingBatch, awaitReviews(shop.pricingCommit, pricingSuggestions));
        reviewer().get(url("review-service") + "/api/v1/reviews/" + firstReview)
                .then().statusCode(200).body("status", equalTo("ACCEPTED")).body("audit.size()", equalTo(1));
        decide(firstReview, Map.of("decision", "REJECT", "reason", "OTHER")).statusCode(409);

        // 5. the rest of the cart change: one modified, one rejected, the others accepted
        List<Map<String, Object>> remaining = awaitReviews(shop.cartCommit, cartSuggestions).stream()
                .filter(r -> r.get("status").equals("PENDING")).toList();
        for (int i = 0; i < remaining.size(); i++) {
            Map<String, Object> review = remaining.get(i);
            if (i == 0) {
                decide((String) review.get("id"), Map.of("decision", "REJECT", "reason", "LOW_VALUE")).statusCode(200);
            } else if (i == 1) {
                String modified = review.get("code") + "\n\ndef test_reviewer_added_this():\n    assert 2 + 2 == 4\n";
                decide((String) review.get("id"), Map.of("decision", "MODIFY", "modifiedCode", modified)).statusCode(200);
            } else {
                decide((String) review.get("id"), Map.of("decision", "ACCEPT")).statusCode(200);
            }
        }
        gate(shop.cartCommit).body("status", equalTo("PASSED")).body("pending", equalTo(0))
                .body("rejected", equalTo(1)).body("modified", equalTo(1));

        // 6. the patch applies with git at that commit, and the tests it adds pass with pytest
        String patch = ci().queryParam("repository", REPOSITORY).queryParam("commit", shop.cartCommit)
                .get(url("review-service") + "/api/v1/gates/patch")
                .then().statusCode(200).contentType("text/x-diff").extract().asString();
        shop.checkout(shop.cartCommit);
        shop.apply(patch);
        String pytest = shop.pytest();
        assertTrue(pytest.contains(" passed") && !pytest.contains("failed"), pytest);

        // 7. each decision was published exactly once
        Set<String> decided = awaitReviews(shop.cartCommit, cartSuggestions).stream()
                .map(r -> (String) r.get("id")).collect(Collectors.toSet());
        List<String> events = TopicProbe.awaitValues(kafka.bootstrapServers(), "greengate.reviews.v1",
                values -> decided.stream().allMatch(id -> values.stream().anyMatch(v -> v.contains(id))),
                Duration.ofSeconds(30));
        Map<String, Long> perReview = events.stream().map(JsonPath::from)
                .filter(json -> decided.contains(json.getString("reviewId")))
                .collect(Collectors.groupingBy(json -> json.getString("reviewId"), Collectors.counting()));
        assertEquals(decided, perReview.keySet());
        assertTrue(perReview.values().stream().allMatch(count -> count == 1), perReview.toString());

        // 8. the insights page shows carbon-meter's energy per accepted test and feedback-service's figures
        String insights = awaitInsights(html -> html.contains("id=\"carbon-rows\"")
                && html.contains("id=\"feedback-figures\"") && html.contains("<td data-label=\"Group\">" + REPOSITORY));
        assertFalse(insights.contains("Missing:"), insights);
    }

    @Test
    void theCiClientSendsTheChangeWaitsOnTheGateAndAppliesWhatReviewersAccepted() throws Exception {
        ShopRepository shop = ShopRepository.create();
        shop.checkout(shop.cartCommit);
        String repository = "github.com/acme/shop-ci";
        Path output = Files.createTempFile("greengate-ci", ".log");
        Process client = new ProcessBuilder("python3", root.resolve("client/greengate_ci.py").toString(), "run",
                "--git-dir", shop.dir.toString(), "--repository", repository, "--token", TestAccounts.CI_TOKEN,
                "--suggestions-url", url("suggestion-service"), "--reviews-url", url("review-service"),
                "--head", shop.cartCommit, "--base", shop.cartCommit + "~1", "--verify", "--runs", "2",
                "--interval", "0.5", "--timeout", "120")
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();

        // reviewers decide while the client waits on the gate: one rejected, the others accepted
        int suggested = awaitSuggestionCount(repository, shop.cartCommit);
        assertTrue(suggested >= 3, "one case per changed public symbol: " + suggested);
        List<Map<String, Object>> reviews = awaitReviews(repository, shop.cartCommit, suggested);
        // it ran each suggested test twice and reported it, then waits for the reviewers
        awaitOutput(output, "still to decide");
        assertTrue(client.isAlive(), "the client must wait for the reviewers: " + Files.readString(output));
        List<Map<String, Object>> verified = ci().queryParam("repository", repository)
                .queryParam("commit", shop.cartCommit).get(url("suggestion-service") + "/api/v1/suggestions")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(suggested, verified.size());
        for (Map<String, Object> suggestion : verified) {
            assertEquals(Map.of("compiled", true, "passed", true, "runs", 2, "flaky", false),
                    ((Map<?, ?>) suggestion.get("verification")).entrySet().stream()
                            .filter(e -> Set.of("compiled", "passed", "runs", "flaky").contains(e.getKey()))
                            .collect(Collectors.toMap(e -> (String) e.getKey(), Map.Entry::getValue)),
                    suggestion.toString());
        }
        decide((String) reviews.get(0).get("id"), Map.of("decision", "REJECT", "reason", "OUT_OF_SCOPE")).statusCode(200);
        for (Map<String, Object> review : reviews.subList(1, reviews.size())) {
            decide((String) review.get("id"), Map.of("decision", "ACCEPT")).statusCode(200);
        }

        assertTrue(client.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), Files.readString(output));
        String log = Files.readString(output);
        assertEquals(0, client.exitValue(), log);
        assertTrue(log.contains("passed (2 run(s))") && log.contains("gate PASSED"), log);
        List<Map<String, Object>> accepted = reviews.subList(1, reviews.size());
        Set<String> acceptedFiles = accepted.stream().map(r -> (String) r.get("testPath")).collect(Collectors.toSet());
        assertTrue(log.contains("applied " + acceptedFiles.size() + " test file(s)"), log);
        // the accepted cases are in the checkout now, the rejected one is not
        for (Map<String, Object> review : accepted) {
            assertTrue(Files.readString(shop.dir.resolve((String) review.get("testPath")))
                    .contains(testFunction(review)), review.toString());
        }
        Path rejectedFile = shop.dir.resolve((String) reviews.get(0).get("testPath"));
        assertFalse(Files.exists(rejectedFile) && Files.readString(rejectedFile).contains(testFunction(reviews.get(0))));
        String pytest = shop.pytest();
        assertTrue(pytest.contains(" passed") && !pytest.contains("failed"), pytest);
    }

    static final String GREETER = """
            package org.acme;

            public class Greeter {
                public static String greet(String name) {
                    return "Hi " + name.trim() + "!";
                }
            }
            """;

    @Test
    void anObservedOutcomeCaseReachesReviewersOnlyWithTheOutcomeTheCiClientSaw() throws Exception {
        Path repo = Files.createTempDirectory("greeter");
        ShopRepository.git(repo, "init", "-q");
        ShopRepository.write(repo, ".gitignore", "target/\n");
        ShopRepository.commit(repo, "start");
        ShopRepository.write(repo, "src/main/java/org/acme/Greeter.java", GREETER);
        String head = ShopRepository.commit(repo, "greetings");
        String repository = "github.com/acme/greeter";
        // a Java project's test command, as CI would run it: javac and JUnit's console launcher
        String console = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> entry.contains("junit-platform-console-standalone")).findFirst().orElseThrow();
        String javaCommand = "javac -nowarn -d target/classes -cp " + console + " src/main/java/org/acme/Greeter.java {path}"
                + " && java -jar " + console + " execute --disable-banner --fail-if-no-tests --class-path target/classes"
                + " --select-class {class}";
        Path output = Files.createTempFile("greengate-ci", ".log");
        Process client = new ProcessBuilder("python3", root.resolve("client/greengate_ci.py").toString(), "run",
                "--git-dir", repo.toString(), "--repository", repository, "--token", TestAccounts.CI_TOKEN,
                "--suggestions-url", url("suggestion-service"), "--reviews-url", url("review-service"),
                "--observe", "--runs", "2", "--java-command", javaCommand, "--interval", "0.5", "--timeout", "120")
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();

        // the reviewer gets the case once the client has observed the call and written what it gave in
        List<Map<String, Object>> reviews = awaitReviews(repository, head, 1);
        assertEquals(1, reviews.size(), reviews.toString());
        Map<String, Object> review = reviews.get(0);
        assertEquals("observed-outcome", review.get("caseKind"));
        String code = (String) review.get("code");
        assertTrue(code.contains("assertEquals(\"returned \\\"Hi Hello, World 42!\\\"\", outcome);"), code);
        assertFalse(code.contains("greengate:observe"), code);
        awaitOutput(output, "still to decide");
        // the client also ran the case on the change's base, where Greeter did not exist yet: the reviewer sees that
        // the case reveals the change, and what greet gave after it
        Map<String, Object> verification = awaitVerdict((String) review.get("id"));
        assertEquals("REVEALS_CHANGE", verification.get("verdict"), verification.toString());
        assertEquals(false, verification.get("basePassed"), verification.toString());
        assertEquals("returned \"Hi Hello, World 42!\"", verification.get("headOutcome"), verification.toString());
        decide((String) review.get("id"), Map.of("decision", "ACCEPT")).statusCode(200);

        assertTrue(client.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), Files.readString(output));
        String log = Files.readString(output);
        assertEquals(0, client.exitValue(), log);
        assertTrue(log.contains("passed (2 run(s))") && log.contains("applied 1 test file(s)"), log);
        // the applied case runs and passes in the checkout, and fails once greet answers otherwise
        String testPath = (String) review.get("testPath");
        String className = testPath.replace("src/test/java/", "").replace(".java", "").replace('/', '.');
        String command = javaCommand.replace("{path}", testPath).replace("{class}", className);
        ShopRepository.run(repo, "sh", "-c", command);
        ShopRepository.write(repo, "src/main/java/org/acme/Greeter.java", GREETER.replace("Hi ", "Hello "));
        Process changed = new ProcessBuilder("sh", "-c", command).directory(repo.toFile()).redirectErrorStream(true).start();
        String changedOutput = new String(changed.getInputStream().readAllBytes());
        assertTrue(changed.waitFor(120, java.util.concurrent.TimeUnit.SECONDS) && changed.exitValue() != 0, changedOutput);
    }

    /** The review's verification once CI's differential verdict has reached review-service. */
    private Map<String, Object> awaitVerdict(String reviewId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Map<String, Object> verification = Map.of();
        while (System.nanoTime() < deadline) {
            verification = reviewer().get(url("review-service") + "/api/v1/reviews/" + reviewId).then().statusCode(200)
                    .extract().jsonPath().getMap("verification");
            if (verification != null && verification.get("verdict") != null) {
                return verification;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no verdict reached the review: " + verification);
    }

    private static void awaitOutput(Path output, String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!Files.readString(output).contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the client never printed '" + text + "':\n" + Files.readString(output));
            }
            Thread.sleep(200);
        }
    }

    /** The case a suggestion adds: its file's last test function (the ones before it were there already). */
    private static String testFunction(Map<String, Object> review) {
        java.util.regex.Matcher name = java.util.regex.Pattern.compile("def (test_\\w+)\\(").matcher((String) review.get("code"));
        String last = null;
        while (name.find()) {
            last = name.group(1);
        }
        assertTrue(last != null, review.toString());
        return "def " + last + "(";
    }

    @Test
    void theCiClientReportsTheBuildItWrapsToCarbonMeter() throws Exception {
        ShopRepository shop = ShopRepository.create();
        Path output = Files.createTempFile("greengate-build", ".log");
        Process client = new ProcessBuilder("python3", root.resolve("client/greengate_ci.py").toString(), "build",
                "--git-dir", shop.dir.toString(), "--repository", "github.com/acme/shop-ci", "--token",
                TestAccounts.CI_TOKEN, "--carbon-url", url("carbon-meter"), "--job", "unit-tests", "--region",
                "eu-west-1", "--", "python3", "-c", "sum(i * i for i in range(3_000_000)); raise SystemExit(4)")
                .redirectError(output.toFile()).start();
        String printed = new String(client.getInputStream().readAllBytes());
        assertTrue(client.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
        String log = Files.readString(output);
        // the build's own exit code, and its usage stored with an estimate
        assertEquals(4, client.exitValue(), log);
        assertTrue(log.contains("build FAILURE") && log.contains("g CO2e"), log);
        String buildId = JsonPath.from(printed).getString("buildId");
        JsonPath build = ci().get(url("carbon-meter") + "/api/v1/builds/" + buildId).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("FAILURE", build.getString("status"));
        assertEquals("unit-tests", build.getString("job"));
        assertEquals(shop.pricingCommit, build.getString("commit"), "HEAD of the checkout");
        assertTrue(build.getDouble("cpuSeconds") > 0.05 && build.getDouble("wallSeconds") >= build.getDouble("cpuSeconds") / 64,
                build.prettify());
        assertTrue(build.getDouble("energyJoules") > 0 && build.getDouble("co2eGrams") > 0, build.prettify());
        assertFalse(build.getBoolean("regionFallback"), "eu-west-1 has its own grid intensity");
    }

    /** How many suggestions suggestion-service holds for the commit, once the client has sent it. */
    private static int awaitSuggestionCount(String repository, String commit) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            int count = ci().queryParam("repository", repository).queryParam("commit", commit)
                    .get(url("suggestion-service") + "/api/v1/suggestions").then().statusCode(200)
                    .extract().jsonPath().getList("$").size();
            if (count > 0) {
                return count;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the client never sent " + commit);
    }

    private static String awaitInsights(java.util.function.Predicate<String> ready) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String html = "";
        while (System.nanoTime() < deadline) {
            html = reviewer().accept(ContentType.HTML).queryParam("repository", REPOSITORY)
                    .get(url("review-service") + "/insights").then().statusCode(200).extract().asString();
            if (ready.test(html)) {
                return html;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the insights page never showed both services' figures:\n" + html);
    }

    private static JsonPath postDiff(ShopRepository shop, String commit) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("repository", REPOSITORY);
        body.put("commit", commit);
        body.put("branch", "feature/cart");
        body.put("diff", shop.diffOf(commit));
        body.put("files", shop.filesAt(commit));
        return ci().contentType(ContentType.JSON).header("Idempotency-Key", "e2e-" + commit).body(body)
                .post(url("suggestion-service") + "/api/v1/suggestions")
                .then().statusCode(201).extract().jsonPath();
    }

    private static io.restassured.response.ValidatableResponse decide(String reviewId, Map<String, Object> decision) {
        return reviewer().contentType(ContentType.JSON).body(decision)
                .post(url("review-service") + "/api/v1/reviews/" + reviewId + "/decision").then();
    }

    private static io.restassured.response.ValidatableResponse gate(String commit) {
        return ci().queryParam("repository", REPOSITORY).queryParam("commit", commit)
                .get(url("review-service") + "/api/v1/gates").then().statusCode(200);
    }

    private static List<Map<String, Object>> awaitReviews(String commit, int count) throws InterruptedException {
        return awaitReviews(REPOSITORY, commit, count);
    }

    private static List<Map<String, Object>> awaitReviews(String repository, String commit, int count)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<Map<String, Object>> reviews = List.of();
        while (System.nanoTime() < deadline) {
            reviews = JsonPath.from(reviewer().queryParam("repository", repository).queryParam("commit", commit)
                    .get(url("review-service") + "/api/v1/reviews").then().statusCode(200).extract().asString())
                    .getList("$");
            if (reviews.size() >= count) {
                return reviews;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("expected " + count + " reviews of " + commit + ", found " + reviews.size());
    }

    private static void assertSameSuggestions(JsonPath batch, List<Map<String, Object>> reviews) {
        List<String> suggested = batch.getList("suggestions.id");
        Map<Object, Long> reviewed = reviews.stream()
                .collect(Collectors.groupingBy(r -> r.get("suggestionId"), Collectors.counting()));
        assertEquals(Set.copyOf(suggested), reviewed.keySet(), "no suggestion lost");
        assertTrue(reviewed.values().stream().allMatch(n -> n == 1), "none reviewed twice: " + reviewed);
        assertEquals(suggested.size(), reviews.size());
    }
}
