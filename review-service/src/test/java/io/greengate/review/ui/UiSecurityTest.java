package io.greengate.review.ui;

import io.greengate.infra.TestAccounts;
import io.greengate.platform.events.EventCodec;
import io.greengate.review.Suggestions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Who may see the reviewer's pages, and what a form post needs besides a login. */
@QuarkusTest
class UiSecurityTest {

    @Inject
    EventCodec codec;

    static RequestSpecification browser() {
        return given().accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").redirects().follow(false);
    }

    static RequestSpecification reviewer() {
        return browser().auth().preemptive().basic(TestAccounts.REVIEWER, TestAccounts.REVIEWER_PASSWORD);
    }

    private String pendingReview() {
        String commit = Suggestions.newCommit();
        Seed.of(commit).publish(codec);
        return (String) Seed.awaitReviews(commit, 1).get(0).get("id");
    }

    @Test
    void aBrowserThatIsNotLoggedInIsSentToTheLoginPage() {
        browser().when().get("/").then().statusCode(303).header("Location", endsWith("/login"));
        browser().when().get("/reviews/" + UUID.randomUUID()).then().statusCode(303).header("Location", endsWith("/login"));
        browser().when().get("/commits").then().statusCode(303).header("Location", endsWith("/login"));
    }

    @Test
    void theLoginPageAndTheAssetsAreOpen() {
        browser().when().get("/login").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("j_security_check")).header("Cache-Control", "no-store");
        given().when().get("/webjars/htmx.org/dist/htmx.min.js").then().statusCode(200);
        given().when().get("/webjars/prismjs/prism.js").then().statusCode(200);
        given().when().get("/ui/app.js").then().statusCode(200);
        given().when().get("/ui/app.css").then().statusCode(200);
    }

    @Test
    void theLoginFormSetsTheSessionCookieOrGoesBackWithAnError() {
        browser().contentType(ContentType.URLENC).formParam("j_username", TestAccounts.REVIEWER)
                .formParam("j_password", "wrong").when().post("/j_security_check")
                .then().statusCode(302).header("Location", endsWith("/login?error"));
        String cookie = browser().contentType(ContentType.URLENC).formParam("j_username", TestAccounts.REVIEWER)
                .formParam("j_password", TestAccounts.REVIEWER_PASSWORD).when().post("/j_security_check")
                .then().statusCode(302).header("Location", endsWith("/")).extract().cookie("quarkus-credential");
        browser().cookie("quarkus-credential", cookie).when().get("/").then().statusCode(200)
                .body(containsString("Signed in as <strong>" + TestAccounts.REVIEWER + "</strong>"));
    }

    @Test
    void aLoginPostedFromAnotherSiteIsRefusedAndLogsNobodyIn() {
        String own = "http://localhost:" + RestAssured.port;
        for (Map.Entry<String, String> crossSite : List.of(Map.entry("Origin", "https://evil.example"),
                Map.entry("Origin", "null"), Map.entry("Referer", "https://evil.example/page.html"),
                Map.entry("Sec-Fetch-Site", "cross-site"))) {
            Map<String, String> cookies = browser().header(crossSite.getKey(), crossSite.getValue())
                    .contentType(ContentType.URLENC).formParam("j_username", TestAccounts.REVIEWER)
                    .formParam("j_password", TestAccounts.REVIEWER_PASSWORD).when().post("/j_security_check")
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("urn:greengate:problem:cross-site-login")).extract().cookies();
            assertFalse(cookies.containsKey("quarkus-credential"), crossSite + " logged the reviewer in");
        }
        browser().header("Origin", own).header("Referer", own + "/login").header("Sec-Fetch-Site", "same-origin")
                .contentType(ContentType.URLENC).formParam("j_username", TestAccounts.REVIEWER)
                .formParam("j_password", TestAccounts.REVIEWER_PASSWORD).when().post("/j_security_check")
                .then().statusCode(302).header("Location", endsWith("/"));
    }

    @Test
    void aCiTokenMayNotUseTheReviewerPages() {
        String id = pendingReview();
        browser().auth().oauth2(TestAccounts.CI_TOKEN).when().get("/").then().statusCode(403);
        browser().auth().oauth2(TestAccounts.CI_TOKEN).when().get("/reviews/" + id).then().statusCode(403);
        browser().auth().oauth2(TestAccounts.CI_TOKEN).when().get("/commits").then().statusCode(403);
        browser().auth().oauth2(TestAccounts.CI_TOKEN).when().get("/insights").then().statusCode(403);
        browser().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.URLENC).formParam("decision", "ACCEPT")
                .when().post("/reviews/" + id + "/decision").then().statusCode(403);
        reviewer().when().get("/api/v1/reviews/" + id).then().body("status", equalTo("PENDING"));
    }

    @Test
    void anAdminTokenMayNotEither() {
        browser().auth().oauth2(TestAccounts.ADMIN_TOKEN).when().get("/").then().statusCode(403);
    }

    @Test
    void aReviewerSeesThePagesWithSecurityHeaders() {
        String id = pendingReview();
        reviewer().when().get("/").then().statusCode(200).body(containsString("Review queue"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Cache-Control", "no-store");
        reviewer().when().get("/reviews/" + id).then().statusCode(200).body(containsString("Suggested test"));
        reviewer().when().get("/reviews/" + UUID.randomUUID()).then().statusCode(404).body(containsString("No such review"));
        reviewer().when().get("/commits").then().statusCode(200);
        reviewer().when().get("/insights").then().statusCode(200).body(containsString("Engines and model versions"));
    }

    @Test
    void htmxGetsOnlyTheQueueResultsWhenAFilterChanges() {
        reviewer().header("HX-Request", "true").header("HX-Target", "results").queryParam("language", "python")
                .when().get("/").then().statusCode(200)
                .body(containsString("<div id=\"results\">"))
                .body(not(containsString("<html")))
                .body(not(containsString("<form class=\"filters\"")));
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefusedAndDecidesNothing() {
        String id = pendingReview();
        reviewer().contentType(ContentType.URLENC).formParam("decision", "ACCEPT")
                .when().post("/reviews/" + id + "/decision").then().statusCode(400);
        reviewer().cookie("csrf-token", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                .contentType(ContentType.URLENC).formParam("decision", "ACCEPT")
                .formParam("csrf-token", "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB")
                .when().post("/reviews/" + id + "/decision").then().statusCode(400);
        reviewer().when().get("/api/v1/reviews/" + id).then().body("status", equalTo("PENDING"));
    }

    @Test
    void theEditorMayPostAWholeTestFileOfManyKilobytes() {
        String id = pendingReview();
        String token = reviewer().when().get("/reviews/" + id).then().statusCode(200).extract().cookie("csrf-token");
        String bigTest = "def test_big():\n" + "    assert 'x' * 80 == 'x' * 80  # padding padding padding\n".repeat(1500);
        reviewer().cookie("csrf-token", token).contentType(ContentType.URLENC)
                .formParam("csrf-token", token).formParam("decision", "MODIFY").formParam("modifiedCode", bigTest)
                .when().post("/reviews/" + id + "/decision").then().statusCode(303);
        reviewer().when().get("/api/v1/reviews/" + id).then().body("status", equalTo("MODIFIED"))
                .body("finalCode", equalTo(bigTest));
    }

    @Test
    void theJsonApiNeedsNoCsrfTokenAndKeepsBasicAuth() {
        String id = pendingReview();
        given().auth().preemptive().basic(TestAccounts.REVIEWER, TestAccounts.REVIEWER_PASSWORD)
                .contentType(ContentType.JSON).body("{\"decision\":\"ACCEPT\"}")
                .when().post("/api/v1/reviews/" + id + "/decision").then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));
    }

    @Test
    void anApiClientStillGets401NotARedirect() {
        given().accept("application/json").when().get("/api/v1/reviews").then().statusCode(401)
                .contentType("application/problem+json").header("Location", not(containsString("login")));
    }
}
