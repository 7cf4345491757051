package io.greengate.review.api;

import io.greengate.infra.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

@QuarkusTest
class SecurityTest {

    @Test
    void theQueueNeedsCredentials() {
        given().when().get("/api/v1/reviews").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void ciMayReadTheGateButNotDecide() {
        given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON).body(Map.of("decision", "ACCEPT"))
                .when().post("/api/v1/reviews/" + UUID.randomUUID() + "/decision")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anAdminTokenMayNotDecideEither() {
        given().auth().oauth2(TestAccounts.ADMIN_TOKEN).contentType(ContentType.JSON).body(Map.of("decision", "ACCEPT"))
                .when().post("/api/v1/reviews/" + UUID.randomUUID() + "/decision")
                .then().statusCode(403);
    }

    @Test
    void theGateNeedsCredentials() {
        given().queryParam("repository", "x").queryParam("commit", "abcdef1")
                .when().get("/api/v1/gates").then().statusCode(401);
    }

    @Test
    void aWrongPasswordIs401() {
        given().auth().preemptive().basic(TestAccounts.REVIEWER, "wrong").when().get("/api/v1/reviews")
                .then().statusCode(401);
    }
}
