package io.greengate.carbon.api;

import io.greengate.carbon.Json;
import io.greengate.infra.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.greengate.carbon.api.BuildReports.contractExample;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class SecurityTest {

    @BeforeAll
    static void readNumbersAsDoubles() {
        Json.readNumbersAsDoubles();
    }

    @Test
    void postingABuildWithoutCredentialsIs401WithAChallenge() {
        given().contentType(ContentType.JSON).body(contractExample())
                .when().post("/api/v1/builds")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void anUnknownTokenIs401() {
        given().auth().oauth2("ggt_not_a_real_token").contentType(ContentType.JSON).body(contractExample())
                .when().post("/api/v1/builds")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aReviewerMayNotPostBuilds() {
        given().auth().preemptive().basic(TestAccounts.REVIEWER, TestAccounts.REVIEWER_PASSWORD)
                .contentType(ContentType.JSON).body(contractExample())
                .when().post("/api/v1/builds")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void anAdminMayNotPostBuilds() {
        given().auth().oauth2(TestAccounts.ADMIN_TOKEN).contentType(ContentType.JSON).body(contractExample())
                .when().post("/api/v1/builds")
                .then().statusCode(403);
    }

    @Test
    void reportsNeedCredentials() {
        given().when().get("/api/v1/reports/sustainability").then().statusCode(401);
    }

    @Test
    void everyRoleMayReadReportsAndCoefficients() {
        given().auth().preemptive().basic(TestAccounts.REVIEWER, TestAccounts.REVIEWER_PASSWORD)
                .when().get("/api/v1/reports/sustainability").then().statusCode(200);
        given().auth().oauth2(TestAccounts.ADMIN_TOKEN)
                .when().get("/api/v1/reports/sustainability").then().statusCode(200);
        given().auth().oauth2(TestAccounts.CI_TOKEN)
                .when().get("/api/v1/coefficients").then().statusCode(200).body("pue", equalTo(1.135));
    }

    @Test
    void healthMetricsAndOpenApiAreOpen() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
    }
}
