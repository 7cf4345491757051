package io.greengate.carbon.api;

import io.greengate.infra.TestAccounts;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** CI's build reports, as the tests send them. */
final class BuildReports {

    private BuildReports() {
    }

    /** A typical CI build report: a test job, 412.5 CPU seconds over 380.2 s on two vCPUs in eu-west-1. */
    static Map<String, Object> contractExample() {
        Map<String, Object> body = new HashMap<>();
        body.put("repository", "github.com/acme/shop");
        body.put("commit", "9f1c2e7");
        body.put("pipeline", "ci");
        body.put("job", "test");
        body.put("cpuSeconds", 412.5);
        body.put("wallSeconds", 380.2);
        body.put("vcpus", 2);
        body.put("region", "eu-west-1");
        body.put("status", "SUCCESS");
        return body;
    }

    static ValidatableResponse post(Object body) {
        return given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/builds").then();
    }
}
