package io.greengate.suggestion.api;

import io.greengate.infra.TestAccounts;
import io.greengate.suggestion.Diffs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class SecurityTest {

    private static final Map<String, Object> REQUEST = Map.of("repository", "github.com/acme/shop",
            "commit", "9f1c2e7", "diff", Diffs.CART_PY_DIFF);

    @Test
    void withoutCredentialsItIs401WithAChallenge() {
        given().contentType(ContentType.JSON).body(REQUEST)
                .when().post("/api/v1/suggestions")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void anUnknownTokenIs401() {
        given().auth().oauth2("ggt_not_a_real_token").contentType(ContentType.JSON).body(REQUEST)
                .when().post("/api/v1/suggestions")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aReviewerMayNotPostDiffs() {
        given().auth().preemptive().basic(TestAccounts.REVIEWER, TestAccounts.REVIEWER_PASSWORD)
                .contentType(ContentType.JSON).body(REQUEST)
                .when().post("/api/v1/suggestions")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void aWrongPasswordIs401() {
        given().auth().preemptive().basic(TestAccounts.REVIEWER, "guess")
                .when().get("/api/v1/suggestions?repository=x&commit=abcdef1")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anAdminTokenMayNotReportVerifications() {
        given().auth().oauth2(TestAccounts.ADMIN_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("compiled", true, "passed", true, "runs", 1))
                .when().post("/api/v1/suggestions/00000000-0000-0000-0000-000000000000/verification")
                .then().statusCode(403);
    }

    @Test
    void healthMetricsAndOpenApiAreOpen() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
    }
}
