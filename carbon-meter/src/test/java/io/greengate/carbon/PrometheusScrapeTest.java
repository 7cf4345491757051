package io.greengate.carbon;

import io.greengate.carbon.store.EnergyRecord;
import io.greengate.infra.TestAccounts;
import io.greengate.platform.events.EventCodec;
import io.greengate.platform.events.UsageMeasured;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real Prometheus server (Debian's {@code prometheus} package, {@code /usr/bin/prometheus}) scrapes this test's
 * {@code /q/metrics} every second; what its query API answers must be what carbon-meter computed. Without the
 * binary the test fails: the scrape is part of the contract, not an optional extra. Another binary:
 * {@code -Dgreengate.prometheus.binary=<path>}.
 */
@QuarkusTest
class PrometheusScrapeTest {

    private static final Path PROMETHEUS = Path.of(System.getProperty("greengate.prometheus.binary", "/usr/bin/prometheus"));
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** A service name no other test uses, so its series holds exactly what this test sends. */
    private static final String SERVICE = "scrape-test";

    private static Process prometheus;
    private static Path workDir;
    private static URI api;

    @Inject
    EventCodec codec;

    @TestHTTPResource("/")
    URL app;

    @AfterAll
    static void stopPrometheus() throws Exception {
        if (prometheus != null) {
            prometheus.destroy();
            if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly().waitFor();
            }
            prometheus = null;
        }
        if (workDir != null) {
            try (Stream<Path> files = Files.walk(workDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            workDir = null;
        }
    }

    @Test
    void prometheusScrapesTheEnergyAndEmissionsCarbonMeterComputed() throws Exception {
        startPrometheus();
        awaitTargetUp();

        // usage events of a service of our own: the series starts with them
        List<UsageMeasured> usages = List.of(usage(0.5, 0.6), usage(1.25, 2.0), usage(0.0, 0.3));
        usages.forEach(usage -> Events.sendUsage(codec, usage));
        List<EnergyRecord> records = Eventually.await(() -> recordsOf(usages), r -> r.size() == usages.size(), TIMEOUT);
        double joules = records.stream().mapToDouble(r -> r.energyJoules).sum();
        double grams = records.stream().mapToDouble(r -> r.co2eGrams).sum();
        // (wall x 1 vCPU x 0.74 W + cpu x 2.76 W) x PUE 1.135, summed: the model's figures, not just any number
        double expected = (0.6 * 0.74 + 0.5 * 2.76 + 2.0 * 0.74 + 1.25 * 2.76 + 0.3 * 0.74) * 1.135;
        assertEquals(expected, joules, 1e-9);

        String usageSelector = "{service=\"" + SERVICE + "\",kind=\"INFERENCE\",method=\"MODEL\"}";
        assertScraped("greengate_energy_joules_total" + usageSelector, joules);
        assertScraped("greengate_emissions_grams_total{service=\"" + SERVICE + "\",kind=\"INFERENCE\"}", grams);

        // a CI build, on a series other tests of this JVM may have added to already: every scrape since Prometheus
        // started saw the same value (no build since), and it must grow by exactly the build's figures
        String buildSelector = "{service=\"ci\",kind=\"BUILD\",method=\"MODEL\"}";
        double buildBefore = queryValue("greengate_energy_joules_total" + buildSelector).orElse(0);
        double buildGramsBefore = queryValue("greengate_emissions_grams_total{service=\"ci\",kind=\"BUILD\"}")
                .orElse(0);
        JsonPath build = Json.parse(given().auth().oauth2(TestAccounts.CI_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("repository", "github.com/acme/prometheus", "commit", "abcdef1", "cpuSeconds", 412,
                        "wallSeconds", 380, "vcpus", 2, "region", "eu-west-1", "status", "SUCCESS"))
                .when().post("/api/v1/builds").then().statusCode(201).extract().asString());
        // (380 x 2 x 0.74 + 412 x 2.76) x 1.135 = 1928.9552 J
        assertEquals(1928.9552, build.getDouble("energyJoules"), 1e-6);
        assertScraped("greengate_energy_joules_total" + buildSelector, buildBefore + build.getDouble("energyJoules"));
        assertScraped("greengate_emissions_grams_total{service=\"ci\",kind=\"BUILD\"}",
                buildGramsBefore + build.getDouble("co2eGrams"));
    }

    private static UsageMeasured usage(double cpuSeconds, double wallSeconds) {
        return new UsageMeasured(UUID.randomUUID(), Instant.now(), SERVICE, "INFERENCE", "batch",
                UUID.randomUUID().toString(), "github.com/acme/prometheus", "embedded", "ranker-3", cpuSeconds,
                wallSeconds, null, null, null, null, null, null);
    }

    private static List<EnergyRecord> recordsOf(List<UsageMeasured> usages) {
        List<UUID> ids = usages.stream().map(UsageMeasured::eventId).toList();
        return QuarkusTransaction.requiringNew().call(() -> EnergyRecord.<EnergyRecord>list("usageEventId in ?1", ids));
    }

    private void startPrometheus() throws IOException {
        if (!Files.isExecutable(PROMETHEUS)) {
            fail(PROMETHEUS + " is missing: install Debian's prometheus package (apt-get install -y prometheus)");
        }
        workDir = Files.createTempDirectory("greengate-prometheus");
        String target = app.getHost() + ":" + app.getPort();
        Path config = Files.writeString(workDir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: carbon-meter
                    metrics_path: /q/metrics
                    static_configs:
                      - targets: ['%s']
                """.formatted(target));
        int port = freePort();
        api = URI.create("http://127.0.0.1:" + port);
        prometheus = new ProcessBuilder(PROMETHEUS.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + workDir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn")
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("prometheus.log").toFile())
                .start();
    }

    /** Until Prometheus answers and has scraped this test's application successfully. */
    private static void awaitTargetUp() {
        Eventually.await(() -> {
            if (!prometheus.isAlive()) {
                fail("prometheus exited with " + prometheus.exitValue() + ":\n" + log());
            }
            return queryValue("up{job=\"carbon-meter\"}");
        }, up -> up.isPresent() && up.getAsDouble() == 1.0, TIMEOUT);
    }

    /** Waits until a scrape brought {@code expected} into Prometheus; fails with what it last answered. */
    private static void assertScraped(String series, double expected) {
        OptionalDouble seen;
        try {
            seen = Eventually.await(() -> queryValue(series),
                    v -> v.isPresent() && Math.abs(v.getAsDouble() - expected) <= 1e-9 * Math.max(1, expected),
                    TIMEOUT);
        } catch (AssertionError e) {
            throw new AssertionError("Prometheus never answered " + expected + " for " + series + ": "
                    + e.getMessage() + "\nprometheus log:\n" + log(), e);
        }
        assertEquals(expected, seen.getAsDouble(), 1e-9 * Math.max(1, expected), series);
    }

    /** The single value of an instant query, empty when the series does not exist (yet) or Prometheus is not up. */
    private static OptionalDouble queryValue(String query) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(api.resolve("/api/v1/query?query="
                            + URLEncoder.encode(query, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return OptionalDouble.empty();
            }
            JsonPath body = JsonPath.from(response.body());
            assertEquals("success", body.getString("status"), response.body());
            List<List<Object>> values = body.getList("data.result.value");
            assertTrue(values.size() <= 1, "one series expected for " + query + ": " + response.body());
            return values.isEmpty() ? OptionalDouble.empty()
                    : OptionalDouble.of(Double.parseDouble(String.valueOf(values.get(0).get(1))));
        } catch (IOException e) {
            return OptionalDouble.empty(); // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String log() {
        try {
            return Files.readString(workDir.resolve("prometheus.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
