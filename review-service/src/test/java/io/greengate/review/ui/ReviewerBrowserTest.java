package io.greengate.review.ui;

import io.greengate.infra.TestAccounts;
import io.greengate.platform.events.EventCodec;
import io.greengate.review.Suggestions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reviewer's web UI in a real headless Chromium against the running service (real PostgreSQL and Kafka):
 * logging in, the queue and its filters, deciding with the keyboard, the editor, the batch page and the gate,
 * a decision someone else took first, and suggestion text that tries to run script.
 */
@QuarkusTest
class ReviewerBrowserTest {

    private static Browser browser;

    @TestHTTPResource("/")
    URL base;

    @Inject
    EventCodec codec;

    @BeforeEach
    void loggedInBrowser() {
        if (browser == null) {
            browser = Browser.start(base);
            browser.logIn(TestAccounts.REVIEWER, TestAccounts.REVIEWER_PASSWORD);
        }
        browser.driver.manage().window().setSize(new Dimension(1280, 800));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void aBrowserThatIsNotLoggedInEndsOnTheLoginPageAndComesBackAfterLoggingIn() {
        try (Browser fresh = Browser.start(base)) {
            fresh.open("/insights?repository=github.com%2Facme%2Fshop");
            fresh.await(d -> fresh.path().startsWith("/login"));
            assertTrue(fresh.find(By.id("j_username")).isDisplayed());

            fresh.logIn(TestAccounts.REVIEWER, "not-the-password");
            assertEquals("/login?error", fresh.path());
            fresh.awaitText(By.cssSelector(".notice-error"), "Wrong user name or password");

            fresh.logIn(TestAccounts.SECOND_REVIEWER, TestAccounts.SECOND_REVIEWER_PASSWORD);
            assertEquals("/insights?repository=github.com%2Facme%2Fshop", fresh.path(), "back where the link pointed");
            fresh.awaitText(By.cssSelector(".who"), TestAccounts.SECOND_REVIEWER);

            fresh.find(By.id("logout")).click();
            fresh.await(d -> fresh.path().equals("/login?logout"));
            fresh.awaitText(By.cssSelector(".notice-success"), "You are logged out");
            fresh.open("/");
            fresh.await(d -> fresh.path().startsWith("/login"));
            fresh.logIn(TestAccounts.SECOND_REVIEWER, TestAccounts.SECOND_REVIEWER_PASSWORD);
            assertEquals("/", fresh.path());
        }
    }

    @Test
    void theQueueFiltersByRepositoryChangeLanguageEngineAndRiskMostConfidentFirst() {
        String commit = Suggestions.newCommit();
        Seed.of(commit).testPath("tests/test_cart_total.py").confidence(0.91).publish(codec);
        Seed.of(commit).testPath("tests/test_cart_discount.py").target("src/cart.py", "Cart.apply_discount")
                .confidence(0.74).risk("asserts-on-floats").publish(codec);
        Seed.of(commit).testPath("src/test/java/shop/PriceTest.java").language("java", "junit5")
                .target("src/main/java/shop/Price.java", "Price.parse").engine("llm", "qwen2.5-coder-1.5b")
                .confidence(0.66).publish(codec);
        Seed.of(commit).testPath("src/test/java/shop/CheckoutTest.java").language("java", "junit5")
                .target("src/main/java/shop/Checkout.java", "Checkout.pay").engine("llm", "qwen2.5-coder-1.5b")
                .confidence(0.38).risk("touches-network", "sleeps").publish(codec);
        Seed.of(commit).repository("github.com/acme/billing").testPath("tests/test_invoice.py")
                .target("billing/invoice.py", "Invoice.vat").confidence(0.55).publish(codec);
        Seed.of(commit).testPath("tests/test_cart_empty.py").target("src/cart.py", "Cart.__len__")
                .confidence(0.23).pullRequest(43).publish(codec);
        Seed.awaitReviews(commit, 6);

        browser.open("/");
        WebElement change = browser.find(By.id("f-change"));
        change.sendKeys(commit, Keys.ENTER);
        awaitRows(6);
        browser.await(d -> browser.path().contains("change=" + commit)); // the filtered queue has its own URL
        assertEquals("6", browser.find(By.id("count-pending")).getText());
        List<String> paths = rowPaths();
        assertEquals("tests/test_cart_total.py", paths.get(0), "most confident first");
        assertEquals("tests/test_cart_empty.py", paths.get(5));
        browser.screenshot("queue");

        new Select(browser.find(By.id("f-language"))).selectByValue("java");
        awaitPaths("src/test/java/shop/PriceTest.java", "src/test/java/shop/CheckoutTest.java");
        new Select(browser.find(By.id("f-risk"))).selectByValue("flagged");
        awaitPaths("src/test/java/shop/CheckoutTest.java");
        new Select(browser.find(By.id("f-risk"))).selectByValue("clean");
        awaitPaths("src/test/java/shop/PriceTest.java");
        browser.await(d -> browser.path().contains("language=java") && browser.path().contains("risk=clean"));
        new Select(browser.find(By.id("f-language"))).selectByValue("");
        new Select(browser.find(By.id("f-risk"))).selectByValue("");
        new Select(browser.find(By.id("f-repository"))).selectByValue("github.com/acme/billing");
        awaitPaths("tests/test_invoice.py");

        browser.open("/?change=" + commit + "&engine=llm");
        awaitPaths("src/test/java/shop/PriceTest.java", "src/test/java/shop/CheckoutTest.java");
        browser.open("/?change=%2343&repository=" + Suggestions.REPOSITORY);
        awaitRowsAtLeast(1);
        assertTrue(rowPaths().contains("tests/test_cart_empty.py"), "a pull request filters too");

        browser.driver.manage().window().setSize(new Dimension(390, 844));
        browser.open("/?change=" + commit);
        awaitRows(6);
        browser.screenshot("queue-narrow");
    }

    @Test
    void aReviewerWorksThroughACommitWithTheKeyboardAndTheGatePassesWithTheModifiedTest() {
        String commit = Suggestions.newCommit();
        UUID first = Seed.of(commit).testPath("tests/test_cart_total.py")
                .code("from src.cart import Cart\n\n\ndef test_empty_cart_totals_zero():\n    assert Cart().total() == 0\n")
                .rationale("Cart.total changed in this commit.\nAn empty cart must still total zero.")
                .confidence(0.93).publish(codec);
        Seed.of(commit).testPath("tests/unit/test_parse_price.py")
                .code("def test_parse_price():\n    assert parse_price('$4.5') == 4.5\n")
                .target("src/pricing.py", "parse_price").confidence(0.61).risk("imports-private-name").publish(codec);
        Seed.of(commit).testPath("tests/test_cart_rejected.py").code("def test_nothing():\n    assert True\n")
                .confidence(0.32).publish(codec);
        Seed.awaitReviews(commit, 3);
        Seed.verifyAndMeter(codec, Suggestions.REPOSITORY, commit, first);
        Seed.awaitReviews(commit, 3, r -> !r.get("suggestionId").equals(first.toString())
                || (r.get("energyJoules") != null
                && "VERIFIED".equals(((Map<?, ?>) r.get("verification")).get("status"))));

        browser.open("/?change=" + commit);
        awaitRows(3);
        keys("j");
        assertTrue(browser.driver.switchTo().activeElement().getText().contains("tests/test_cart_total.py"));
        keys("j", "k");
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        awaitReview("tests/test_cart_total.py");
        assertEquals("Cart.total", browser.find(By.id("target-symbol")).getText());
        assertEquals("93 %", browser.find(By.id("confidence")).getText());
        assertEquals("verified", browser.find(By.id("verification-status")).getText());
        assertTrue(browser.find(By.id("energy")).getText().contains("3.60 J"));
        assertTrue(browser.find(By.cssSelector("#suggested-code .token.keyword")).isDisplayed(),
                "the code is highlighted");
        assertTrue(browser.find(By.id("target-diff")).getText()
                .contains("+        return sum(item.price for item in self.items)"), "the change the test targets");
        assertTrue(browser.driver.findElements(By.id("observed-notice")).isEmpty(), "a case whose outcome the code states");
        assertTrue(browser.find(By.cssSelector("#target-diff .token.inserted-sign")).isDisplayed(),
                "the diff is highlighted");
        browser.screenshotFullPage("review");
        keys("?");
        assertTrue(browser.find(By.id("help")).isDisplayed());
        browser.screenshot("shortcuts");
        keys(Keys.ESCAPE);
        browser.await(d -> !d.findElement(By.id("help")).isDisplayed());

        keys("a");
        awaitReview("tests/unit/test_parse_price.py");
        browser.awaitText(By.id("notice"), "accepted");

        keys("m");
        WebElement editor = browser.driver.switchTo().activeElement();
        assertEquals("modified-code", editor.getAttribute("id"));
        editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        editor.sendKeys("def test_parse_price():\n    assert parse_price(' $4.50 ') == 4.5\n");
        browser.screenshot("editor");
        editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        awaitReview("tests/test_cart_rejected.py");
        browser.awaitText(By.id("notice"), "modified");

        keys("r", "3");
        assertTrue(browser.find(By.id("reason-3")).isSelected());
        assertEquals("reject", browser.driver.switchTo().activeElement().getAttribute("id"));
        keys(Keys.ENTER);
        browser.await(d -> browser.path().startsWith("/?"));
        browser.awaitText(By.cssSelector(".notice-success"), "Nothing else is pending");
        browser.find(By.id("queue-empty"));

        browser.open(CommitPage.link(Suggestions.REPOSITORY, commit));
        assertEquals("PASSED", browser.find(By.id("gate-status")).getText());
        assertEquals("1", browser.find(By.id("gate-accepted")).getText());
        assertEquals("1", browser.find(By.id("gate-modified")).getText());
        assertEquals("1", browser.find(By.id("gate-rejected")).getText());
        browser.find(By.cssSelector(".gate details summary")).click();
        browser.awaitText(By.id("patch-preview"), "+    assert parse_price(' $4.50 ') == 4.5");
        browser.screenshotFullPage("commit");

        String patch = given().auth().oauth2(TestAccounts.CI_TOKEN)
                .queryParam("repository", Suggestions.REPOSITORY).queryParam("commit", commit)
                .when().get("/api/v1/gates/patch").then().statusCode(200).extract().asString();
        assertTrue(patch.contains("+    assert parse_price(' $4.50 ') == 4.5\n"), patch);
        assertTrue(patch.contains("+def test_empty_cart_totals_zero():"), patch);
        assertFalse(patch.contains("parse_price('$4.5')"), "the suggestion as it was is not in the patch");
        assertFalse(patch.contains("test_cart_rejected"), "a rejected test stays out");
        given().auth().oauth2(TestAccounts.CI_TOKEN)
                .queryParam("repository", Suggestions.REPOSITORY).queryParam("commit", commit)
                .when().get("/api/v1/gates").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("PASSED"));
        assertEquals(List.of(), browser.consoleErrors(), "no script errors, no CSP violations, nothing failed to load");
    }

    @Test
    void insightsShowWhatEachModelGetsKeptAndWhatAKeptTestCost() {
        String repository = "github.com/acme/insights-" + Suggestions.newCommit();
        String commit = Suggestions.newCommit();
        UUID metered = Seed.of(commit).repository(repository).testPath("tests/test_a.py").publish(codec);
        Seed.of(commit).repository(repository).testPath("tests/test_b.py").publish(codec);
        Seed.of(commit).repository(repository).testPath("tests/test_c.py").publish(codec);
        Seed.of(commit).repository(repository).testPath("src/test/java/shop/DTest.java").language("java", "junit5")
                .engine("llm", "qwen2.5-coder-1.5b").publish(codec);
        Seed.verifyAndMeter(codec, repository, commit, metered);
        List<Map<String, Object>> reviews = Seed.awaitReviews(commit, 4,
                r -> !r.get("suggestionId").equals(metered.toString()) || r.get("energyJoules") != null);
        decide(reviews.get(0), Map.of("decision", "ACCEPT"));
        decide(reviews.get(1), Map.of("decision", "MODIFY", "modifiedCode", "def test_b():\n    assert 1\n"));
        decide(reviews.get(2), Map.of("decision", "REJECT", "reason", "DUPLICATE"));
        decide(reviews.get(3), Map.of("decision", "REJECT", "reason", "STYLE"));

        browser.consoleErrors();
        browser.open("/insights?repository=" + repository);
        String embedded = browser.find(By.cssSelector("#models tbody tr:nth-child(1)")).getText();
        assertTrue(embedded.startsWith("embedded"), embedded);
        assertTrue(embedded.contains("67 %"), "2 of 3 embedded suggestions kept: " + embedded);
        assertTrue(embedded.contains("1.80 J"), "3.6 J over 2 kept tests: " + embedded);
        String llm = browser.find(By.cssSelector("#models tbody tr:nth-child(2)")).getText();
        assertTrue(llm.startsWith("llm") && llm.contains("0 %"), llm);
        assertTrue(browser.find(By.id("reasons-list")).getText().contains("DUPLICATE"));

        browser.await(d -> !d.findElements(By.cssSelector("#chart-engine .uplot canvas")).isEmpty());
        String legend = browser.find(By.cssSelector("#chart-engine .u-legend")).getText();
        assertTrue(legend.contains("embedded") && legend.contains("llm"), "one line per engine: " + legend);
        assertFalse(browser.find(By.cssSelector("#chart-repository .uplot canvas")).getSize().getHeight() == 0);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        List<String> todayRow = browser.driver.findElements(By.cssSelector("#table-engine tbody tr:last-child > *"))
                .stream().map(cell -> cell.getDomProperty("textContent").strip()).toList();
        assertEquals(List.of(today, "2 of 3", "0 of 1"), todayRow, "today's decisions per engine, as a table too");
        // this test runs review-service alone: the page says what it lacks instead of failing
        assertTrue(browser.find(By.id("carbon-missing")).getText().contains("carbon-meter is unreachable"));
        assertTrue(browser.find(By.id("feedback-missing")).getText().contains("feedback-service is unreachable"));
        assertEquals(List.of(), browser.consoleErrors(), "the charts run under the page's CSP");
        browser.screenshotFullPage("insights");
    }

    private static void decide(Map<String, Object> review, Map<String, String> decision) {
        given().auth().preemptive().basic(TestAccounts.SECOND_REVIEWER, TestAccounts.SECOND_REVIEWER_PASSWORD)
                .contentType(ContentType.JSON).body(decision)
                .when().post("/api/v1/reviews/" + review.get("id") + "/decision").then().statusCode(200);
    }

    @Test
    void theBatchPageDecidesSeveralReviewsAtOnce() {
        String commit = Suggestions.newCommit();
        Seed.of(commit).testPath("tests/test_a.py").confidence(0.9).publish(codec);
        Seed.of(commit).testPath("tests/test_b.py").confidence(0.8).publish(codec);
        Seed.of(commit).testPath("tests/test_c.py").confidence(0.7).publish(codec);
        List<Map<String, Object>> reviews = Seed.awaitReviews(commit, 3);

        browser.open(CommitPage.link(Suggestions.REPOSITORY, commit));
        assertEquals("PENDING", browser.find(By.id("gate-status")).getText());
        browser.find(By.id("no-patch"));
        browser.find(By.id("select-" + reviews.get(0).get("id"))).click();
        browser.find(By.id("select-" + reviews.get(1).get("id"))).click();
        browser.find(By.id("accept-selected")).click();
        browser.awaitText(By.id("notice"), "2 reviews accepted");
        assertEquals("PENDING", browser.find(By.id("gate-status")).getText());
        assertEquals("1", browser.find(By.id("gate-pending")).getText());

        browser.find(By.id("select-all")).click();
        new Select(browser.find(By.id("batch-reason"))).selectByValue("LOW_VALUE");
        browser.find(By.id("reject-selected")).click();
        browser.awaitText(By.id("notice"), "1 review rejected");
        assertEquals("PASSED", browser.find(By.id("gate-status")).getText());
        assertTrue(browser.find(By.id("patch-link")).getText().contains("Download the patch"));
        assertEquals(0, browser.driver.findElements(By.cssSelector("input.select-review")).size());
    }

    @Test
    void aReviewSomeoneElseDecidedFirstSaysSoInsteadOfFailing() {
        String commit = Suggestions.newCommit();
        Seed.of(commit).testPath("tests/test_contended.py").publish(codec);
        String id = (String) Seed.awaitReviews(commit, 1).get(0).get("id");

        browser.open("/reviews/" + id + "?change=" + commit);
        awaitReview("tests/test_contended.py");
        given().auth().preemptive().basic(TestAccounts.SECOND_REVIEWER, TestAccounts.SECOND_REVIEWER_PASSWORD)
                .contentType(ContentType.JSON).body(Map.of("decision", "REJECT", "reason", "DUPLICATE"))
                .when().post("/api/v1/reviews/" + id + "/decision").then().statusCode(200);

        keys("a");
        browser.awaitText(By.id("notice"), "Someone else decided this review first");
        assertEquals("REJECTED", browser.find(By.id("status")).getText());
        assertEquals(TestAccounts.SECOND_REVIEWER, browser.find(By.id("decided-by")).getText());
        assertTrue(browser.driver.findElements(By.id("accept-form")).isEmpty(), "no decision forms on a decided review");
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        browser.screenshotFullPage("review-narrow");
    }

    @Test
    void anObservedOutcomeCaseTellsTheReviewerWhatAcceptingItMeans() {
        String commit = Suggestions.newCommit();
        Seed.of(commit).testPath("src/test/java/org/acme/GreeterGreetObservedTest.java").language("java", "junit5")
                .caseKind("observed-outcome").target("src/main/java/org/acme/Greeter.java", "Greeter.greet")
                .code("class GreeterGreetObservedTest {\n}\n").publish(codec);
        String id = (String) Seed.awaitReviews(commit, 1).get(0).get("id");

        browser.open("/reviews/" + id);
        assertTrue(browser.find(By.id("observed-notice")).getText().contains("pins today's behaviour"));
    }

    @Test
    void ciVerdictIsShownInWordsWithBothOutcomesAndRevealingSuggestionsComeFirst() {
        String commit = Suggestions.newCommit();
        String holdsPath = "tests/test_verdict_holds.py";
        String revealsPath = "src/test/java/org/acme/SizesHumanObservedTest.java";
        UUID holds = Seed.of(commit).testPath(holdsPath).confidence(0.9).publish(codec);
        UUID reveals = Seed.of(commit).testPath(revealsPath).language("java", "junit5").caseKind("observed-outcome")
                .target("src/main/java/org/acme/Sizes.java", "Sizes.human").confidence(0.3)
                .code("class SizesHumanObservedTest {\n}\n").publish(codec);
        String baseOutcome = "returned <img src=x onerror=\"window.__xss=9\"> 1000.0 kB";
        Seed.verdict(codec, Suggestions.REPOSITORY, commit, holds, "HOLDS", true, null, null, 2, 2);
        Seed.verdict(codec, Suggestions.REPOSITORY, commit, reveals, "REVEALS_CHANGE", false, baseOutcome,
                "returned 1.0 MB", 3, 7);
        List<Map<String, Object>> reviews = Seed.awaitReviews(commit, 2,
                r -> ((Map<?, ?>) r.get("verification")).get("verdict") != null);
        String revealsId = (String) reviews.stream().filter(r -> revealsPath.equals(r.get("testPath"))).findFirst()
                .orElseThrow().get("id");
        String holdsId = (String) reviews.stream().filter(r -> holdsPath.equals(r.get("testPath"))).findFirst()
                .orElseThrow().get("id");

        browser.open("/?change=" + commit);
        awaitPaths(revealsPath, holdsPath);
        List<WebElement> badges = browser.driver.findElements(By.cssSelector("#queue tbody .badge-verdict"));
        assertEquals(List.of("reveals change", "holds"), badges.stream().map(WebElement::getText).toList());
        browser.screenshotFullPage("queue-verdict");
        hoverEverything();
        assertNoScriptRan();

        browser.open("/reviews/" + revealsId);
        assertEquals("Reveals the change: fails before it, passes after it",
                browser.find(By.id("verdict-words")).getText());
        assertEquals("before: " + baseOutcome + " → after: returned 1.0 MB",
                browser.find(By.id("verdict-outcomes")).getText(), "CI's text is shown as text");
        assertEquals("covers 3 of 7 changed lines", browser.find(By.id("verdict-coverage")).getText());
        assertTrue(browser.find(By.id("verdict-sides")).getText().contains("Before the change (base): failed"));
        browser.screenshotFullPage("review-verdict");
        hoverEverything();
        assertNoScriptRan();

        browser.open("/reviews/" + holdsId);
        assertEquals("Holds on both sides: a regression pin", browser.find(By.id("verdict-words")).getText());
        assertTrue(browser.driver.findElements(By.id("verdict-outcomes")).isEmpty(), "no outcomes: not observed");
        assertEquals("covers 2 of 2 changed lines", browser.find(By.id("verdict-coverage")).getText());

        browser.open(CommitPage.link(Suggestions.REPOSITORY, commit));
        browser.find(By.id("batch"));
        assertEquals(List.of(revealsPath, holdsPath), browser.script("return Array.from(document.querySelectorAll("
                + "'#batch tbody a.open-review')).map(a => a.textContent.trim());"),
                "the batch lists the revealing suggestion first");
    }

    @Test
    void suggestionTextThatTriesToRunScriptIsShownAsText() {
        String script = "<script>window.__xss=1</script>";
        String textarea = "</textarea><img src=x onerror=\"window.__xss=2\">";
        String hover = "<b onmouseover=\"window.__xss=3\">hover me</b>";
        String code = "def test_xss():\n    s = '" + script + "'\n    t = '" + textarea + "'\n    u = '" + hover
                + "'\n    assert s\n";
        String commit = Suggestions.newCommit();
        Seed.of(commit).testPath("tests/test_\"onmouseover=\"window.__xss=5\".py").code(code)
                .rationale("Because " + script + " and " + textarea + " and " + hover)
                .target("src/<img src=x onerror=\"window.__xss=4\">.py", "Cart.<svg onload=\"window.__xss=7\">")
                .engine("llm", "<img src=x onerror=\"window.__xss=8\">")
                .risk("<i onmouseover=\"window.__xss=6\">flag</i>")
                .targetDiff("--- a/x.py\n+++ b/x.py\n@@ -1 +1 @@\n-" + script + "\n+" + textarea + "\n").publish(codec);
        String id = (String) Seed.awaitReviews(commit, 1).get(0).get("id");

        browser.open("/?change=" + commit);
        awaitRows(1);
        hoverEverything();
        assertNoScriptRan();
        assertTrue(browser.find(By.cssSelector("#queue tbody")).getText().contains("<i onmouseover="));

        browser.open("/reviews/" + id);
        browser.find(By.id("suggested-code"));
        String shown = browser.find(By.id("suggested-code")).getText();
        assertTrue(shown.contains(script) && shown.contains(textarea) && shown.contains(hover), shown);
        String rationale = browser.find(By.id("rationale")).getText();
        assertTrue(rationale.contains(script) && rationale.contains(textarea) && rationale.contains(hover), rationale);
        assertTrue(browser.find(By.id("target-symbol")).getText().contains("<svg onload="));
        String diff = browser.find(By.id("target-diff")).getText();
        assertTrue(diff.contains(script) && diff.contains(textarea), diff);
        assertTrue(browser.find(By.id("model-version")).getText().contains("<img src=x"));
        assertEquals(code, browser.driver.findElement(By.id("modified-code")).getDomProperty("value"),
                "the editor holds the code as it is");
        keys("m");
        hoverEverything();
        assertNoScriptRan();

        browser.open(CommitPage.link(Suggestions.REPOSITORY, commit));
        browser.find(By.id("batch"));
        hoverEverything();
        assertNoScriptRan();
    }

    @Test
    void withoutJavaScriptTheFormsStillPostAndRedirect() {
        String commit = Suggestions.newCommit();
        Seed.of(commit).testPath("tests/test_plain_1.py").confidence(0.9).publish(codec);
        Seed.of(commit).testPath("tests/test_plain_2.py").confidence(0.8).publish(codec);
        Seed.awaitReviews(commit, 2);

        try (Browser plain = Browser.start(base, false)) {
            plain.logIn(TestAccounts.REVIEWER, TestAccounts.REVIEWER_PASSWORD);
            plain.open("/?change=" + commit);
            plain.find(By.linkText("tests/test_plain_1.py")).click();
            plain.awaitText(By.id("test-path"), "tests/test_plain_1.py");
            plain.find(By.id("accept")).click();
            plain.awaitText(By.id("test-path"), "tests/test_plain_2.py");
            plain.awaitText(By.id("notice"), "accepted");
            plain.find(By.id("reject")).click();
            assertEquals("tests/test_plain_2.py", plain.find(By.id("test-path")).getText(),
                    "the browser asks for a reason before posting");
            plain.find(By.cssSelector("label[for='reason-4']")).click();
            plain.find(By.id("reject")).click();
            plain.awaitText(By.cssSelector(".notice-success"), "Nothing else is pending");
        }
        given().auth().oauth2(TestAccounts.CI_TOKEN).queryParam("repository", Suggestions.REPOSITORY)
                .queryParam("commit", commit).when().get("/api/v1/gates").then()
                .body("accepted", org.hamcrest.Matchers.equalTo(1))
                .body("rejected", org.hamcrest.Matchers.equalTo(1));
    }

    private void keys(CharSequence... keys) {
        for (CharSequence key : keys) {
            new Actions(browser.driver).sendKeys(key).perform();
        }
    }

    private void awaitRows(int count) {
        browser.await(d -> d.findElements(By.cssSelector("#queue tbody tr")).size() == count);
    }

    private void awaitRowsAtLeast(int count) {
        browser.await(d -> d.findElements(By.cssSelector("#queue tbody tr")).size() >= count);
    }

    private void awaitPaths(String... paths) {
        browser.await(d -> rowPaths().equals(List.of(paths)));
    }

    /** The test paths of the queue's rows, read in one go (htmx may be swapping the table). */
    @SuppressWarnings("unchecked")
    private List<String> rowPaths() {
        return (List<String>) browser.script("return Array.from(document.querySelectorAll("
                + "'#queue tbody a.open-review')).map(a => a.textContent.trim());");
    }

    private void awaitReview(String testPath) {
        browser.await(d -> d.findElements(By.id("test-path")).stream().anyMatch(e -> e.getText().equals(testPath)));
    }

    private void hoverEverything() {
        for (WebElement element : browser.driver.findElements(By.cssSelector("main *"))) {
            if (element.isDisplayed()) {
                try {
                    new Actions(browser.driver).moveToElement(element).perform();
                } catch (RuntimeException ignored) {
                    // an element outside the viewport cannot be hovered; the others are enough
                }
            }
        }
    }

    private void assertNoScriptRan() {
        assertEquals("undefined", browser.script("return typeof window.__xss;"));
        assertEquals(0L, browser.script("return document.querySelectorAll('main img, main script, main svg, main b, main i').length;"));
    }
}
