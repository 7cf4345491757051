package io.greengate.carbon.api;

import io.greengate.carbon.store.EnergyRecord;
import io.greengate.carbon.Json;
import io.greengate.infra.GreengateTestInfra;
import io.greengate.infra.TestAccounts;
import io.greengate.infra.TopicProbe;
import io.greengate.platform.events.Topics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.greengate.carbon.api.BuildReports.contractExample;
import static io.greengate.carbon.api.BuildReports.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class BuildResourceTest {

    /** CCF AWS coefficients and the CCF grid factor of eu-west-1; see EnergyModelTest. */
    private static final double P_MIN = 0.74;
    private static final double P_MAX = 3.5;
    private static final double PUE = 1.135;

    @BeforeAll
    static void readNumbersAsDoubles() {
        Json.readNumbersAsDoubles();
    }

    @Test
    void theContractExampleIsStoredWithItsEnergyAndEmissions() {
        // (380.2 s x 2 vCPU x 0.74 W + 412.5 s x 2.76 W) x 1.135 = (562.696 + 1138.5) x 1.135 = 1930.85746 J
        double joules = (380.2 * 2 * P_MIN + 412.5 * (P_MAX - P_MIN)) * PUE;
        assertEquals(1930.85746, joules, 1e-9);
        double grams = joules / 3_600_000 * 278.6;

        JsonPath build = post(contractExample())
                .statusCode(201)
                .header("Location", notNullValue())
                .body("id", notNullValue())
                .body("repository", equalTo("github.com/acme/shop"))
                .body("status", equalTo("SUCCESS"))
                .body("energyJoules", closeTo(joules, 1e-6))
                .body("co2eGrams", closeTo(grams, 1e-9))
                .body("method", equalTo("MODEL"))
                .body("gridIntensity", closeTo(278.6, 1e-9))
                .body("regionFallback", equalTo(false))
                .body("reportedBy", equalTo("ci-test"))
                .extract().jsonPath();

        given().auth().oauth2(TestAccounts.CI_TOKEN).when().get("/api/v1/builds/" + build.getString("id"))
                .then().statusCode(200).body("energyJoules", closeTo(joules, 1e-6));
    }

    @Test
    void aBuildWithoutRegionFallsBackToTheWorldAverageAndSaysSo() {
        Map<String, Object> body = contractExample();
        body.remove("region");

        post(body).statusCode(201)
                .body("region", equalTo(null))
                .body("gridIntensity", closeTo(475, 1e-9))
                .body("regionFallback", equalTo(true));
    }

    @Test
    void anUnknownRegionFallsBackToTheWorldAverageAndSaysSo() {
        Map<String, Object> body = contractExample();
        body.put("region", "moon-south-1");

        post(body).statusCode(201)
                .body("region", equalTo("moon-south-1"))
                .body("gridIntensity", closeTo(475, 1e-9))
                .body("regionFallback", equalTo(true));
    }

    @Test
    void knownMemoryIsPartOfTheEstimate() {
        Map<String, Object> body = contractExample();
        body.put("memoryGb", 8);
        double joules = (380.2 * 2 * P_MIN + 412.5 * (P_MAX - P_MIN) + 8 * 0.392 * 380.2) * PUE;

        post(body).statusCode(201).body("memoryGb", equalTo(8.0)).body("energyJoules", closeTo(joules, 1e-6));
    }

    @Test
    void githubsLowerCaseJobStatusIsAccepted() {
        Map<String, Object> body = contractExample();
        body.put("status", "cancelled");

        post(body).statusCode(201).body("status", equalTo("CANCELLED"));
    }

    @Test
    void aBuildIsOneEnergyRecordOfKindBuildForTheReports() {
        String id = post(contractExample()).statusCode(201).extract().path("id");

        EnergyRecord record = QuarkusTransaction.requiringNew()
                .call(() -> EnergyRecord.ofBuild(UUID.fromString(id)).orElseThrow());
        assertEquals("ci", record.service);
        assertEquals("BUILD", record.kind);
        assertEquals("github.com/acme/shop", record.repository);
        assertEquals(412.5, record.cpuSeconds);
        assertEquals(2, record.vcpus);
    }

    @Test
    void aBuildsEnergyIsPublishedAsEnergyAttached() {
        String id = post(contractExample()).statusCode(201).extract().path("id");

        List<String> values = TopicProbe.awaitValue(GreengateTestInfra.bootstrapServers(), Topics.ENERGY,
                v -> v.contains(id), Duration.ofSeconds(20));
        JsonPath event = Json.parse(values.stream().filter(v -> v.contains(id)).findFirst().orElseThrow());
        assertEquals("EnergyAttached", event.getString("type"));
        assertEquals("build", event.getString("subjectType"));
        assertEquals("BUILD", event.getString("kind"));
        assertEquals("MODEL", event.getString("method"));
    }
}
