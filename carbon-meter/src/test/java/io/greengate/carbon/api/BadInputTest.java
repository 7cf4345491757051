package io.greengate.carbon.api;

import io.greengate.carbon.store.Build;
import io.greengate.carbon.store.EnergyRecord;
import io.greengate.infra.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.greengate.carbon.api.BuildReports.contractExample;
import static io.greengate.carbon.api.BuildReports.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A build report that cannot be true gets a 400 problem+json naming the field, and nothing is stored. */
@QuarkusTest
class BadInputTest {

    private static long storedBuilds() {
        return QuarkusTransaction.requiringNew().call(
                () -> Build.count() + EnergyRecord.count("buildId is not null"));
    }

    private static void assertRejected(Object body, String field) {
        long before = storedBuilds();
        problem(post(body), 400).body("errors." + field, notNullValue());
        assertEquals(before, storedBuilds(), "nothing stored");
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("title", notNullValue()).body("type", notNullValue());
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = contractExample();
        body.put(field, value);
        return body;
    }

    private static Map<String, Object> without(String field) {
        Map<String, Object> body = contractExample();
        body.remove(field);
        return body;
    }

    @Test
    void negativeCpuSecondsAreRefused() {
        assertRejected(with("cpuSeconds", -1), "cpuSeconds");
    }

    @Test
    void absurdCpuSecondsAreRefused() {
        assertRejected(with("cpuSeconds", 1e8), "cpuSeconds");
    }

    @Test
    void negativeWallSecondsAreRefused() {
        assertRejected(with("wallSeconds", -0.5), "wallSeconds");
    }

    @Test
    void zeroVcpusAreRefused() {
        assertRejected(with("vcpus", 0), "vcpus");
    }

    @Test
    void moreThan1024VcpusAreRefused() {
        assertRejected(with("vcpus", 1025), "vcpus");
    }

    @Test
    void anUnknownStatusIsRefused() {
        long before = storedBuilds();
        problem(post(with("status", "GREAT")), 400).body("errors.status", containsString("SUCCESS, FAILURE"));
        assertEquals(before, storedBuilds());
    }

    @Test
    void aMissingRepositoryIsRefused() {
        assertRejected(without("repository"), "repository");
    }

    @Test
    void aMissingCommitIsRefused() {
        assertRejected(without("commit"), "commit");
    }

    @Test
    void missingFiguresAreRefused() {
        assertRejected(Map.of("repository", "github.com/acme/shop", "commit", "9f1c2e7", "status", "SUCCESS"),
                "cpuSeconds");
    }

    @Test
    void moreCpuTimeThanTheVcpusHadIsRefused() {
        Map<String, Object> body = contractExample();
        body.put("cpuSeconds", 1000);
        body.put("wallSeconds", 100);
        body.put("vcpus", 2);
        assertRejected(body, "cpuSeconds");
    }

    @Test
    void aRegionThatIsNotARegionNameIsRefused() {
        assertRejected(with("region", "eu west 1; drop table build"), "region");
    }

    @Test
    void aWrongTypeNamesTheField() {
        assertRejected(with("vcpus", "two"), "vcpus");
    }

    @Test
    void malformedJsonIsA400() {
        long before = storedBuilds();
        problem(post("{\"repository\": "), 400).body("type", equalTo("urn:greengate:problem:malformed-body"));
        assertEquals(before, storedBuilds());
    }

    @Test
    void anEmptyBodyIsA400() {
        problem(given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON)
                .when().post("/api/v1/builds").then(), 400);
    }

    @Test
    void anUnknownBuildIsA404() {
        problem(given().auth().oauth2(TestAccounts.CI_TOKEN).when().get("/api/v1/builds/" + UUID.randomUUID())
                .then(), 404);
    }
}
