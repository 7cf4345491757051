package io.greengate.carbon;

import io.greengate.infra.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** carbon-meter's Prometheus series (docs/architecture.md lists them), read as Prometheus reads them. */
@QuarkusTest
class EnergyMetricsTest {

    private static final String ENERGY = "greengate_energy_joules_total{kind=\"BUILD\",method=\"MODEL\",service=\"ci\"}";
    private static final String EMISSIONS = "greengate_emissions_grams_total{kind=\"BUILD\",service=\"ci\"}";

    private static String scrape() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double valueOf(String metrics, String series) {
        return Arrays.stream(metrics.split("\n"))
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .findFirst().orElse(0);
    }

    @Test
    void aBuildAddsItsJoulesAndGramsToTheCounters() {
        String before = scrape();
        Map<String, Object> build = given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("repository", "github.com/acme/metrics", "commit", "abcdef1", "cpuSeconds", 412,
                        "wallSeconds", 380, "vcpus", 2, "region", "eu-west-1", "status", "SUCCESS"))
                .when().post("/api/v1/builds").then().statusCode(201).extract().as(Map.class);
        String after = scrape();

        // (380 x 2 x 0.74 + 412 x 2.76) x 1.135 = 1928.9552 J
        assertEquals(1928.9552, valueOf(after, ENERGY) - valueOf(before, ENERGY), 1e-6);
        assertEquals(((Number) build.get("co2eGrams")).doubleValue(),
                valueOf(after, EMISSIONS) - valueOf(before, EMISSIONS), 1e-9);
    }

    @Test
    void theEnergySeriesCarryOnlyLowCardinalityLabels() {
        given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("repository", "github.com/acme/metrics", "commit", "abcdef1", "cpuSeconds", 1,
                        "wallSeconds", 1, "vcpus", 1, "status", "SUCCESS"))
                .when().post("/api/v1/builds").then().statusCode(201);

        Arrays.stream(scrape().split("\n"))
                .filter(line -> line.startsWith("greengate_energy_joules_total")
                        || line.startsWith("greengate_emissions_grams_total"))
                .forEach(line -> {
                    assertFalse(line.contains("repository"), line);
                    assertFalse(line.contains("github.com"), line);
                });
    }
}
