package io.greengate.feedback.api;

import io.greengate.infra.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class SecurityTest {

    @Test
    void withoutCredentialsItIs401WithAChallenge() {
        for (String path : new String[] {"/api/v1/feedback/stats", "/api/v1/datasets/sft.jsonl",
                "/api/v1/datasets/dpo.jsonl", "/api/v1/datasets/exports"}) {
            given().when().get(path)
                    .then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Bearer"));
        }
    }

    @Test
    void anUnknownTokenIs401() {
        given().auth().oauth2("ggt_not_a_real_token").when().get("/api/v1/feedback/stats")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void ciMayNotDownloadDatasets() {
        given().auth().oauth2(TestAccounts.CI_TOKEN).when().get("/api/v1/datasets/sft.jsonl")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        given().auth().oauth2(TestAccounts.CI_TOKEN).when().get("/api/v1/datasets/dpo.jsonl")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aReviewerMayNotDownloadDatasets() {
        given().auth().preemptive().basic(TestAccounts.REVIEWER, TestAccounts.REVIEWER_PASSWORD)
                .when().get("/api/v1/datasets/dpo.jsonl")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void ciReviewersAndAdminsMayReadTheStats() {
        given().auth().oauth2(TestAccounts.CI_TOKEN).when().get("/api/v1/feedback/stats").then().statusCode(200);
        given().auth().oauth2(TestAccounts.ADMIN_TOKEN).when().get("/api/v1/feedback/stats").then().statusCode(200);
        given().auth().preemptive().basic(TestAccounts.REVIEWER, TestAccounts.REVIEWER_PASSWORD)
                .when().get("/api/v1/feedback/stats").then().statusCode(200);
    }

    @Test
    void healthMetricsAndOpenApiAreOpen() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
    }
}
