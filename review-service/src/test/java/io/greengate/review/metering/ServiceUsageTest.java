package io.greengate.review.metering;

import io.greengate.infra.GreengateTestInfra;
import io.greengate.infra.TopicProbe;
import io.greengate.platform.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** review-service meters no inference: its whole process's CPU reaches carbon-meter as SERVICE usage. */
@QuarkusTest
class ServiceUsageTest {

    @Test
    void theProcessCpuBeyondMeteredWorkIsPublishedAsServiceUsageEveryInterval() {
        for (int i = 0; i < 20; i++) {
            given().get("/q/health/ready"); // some work to account for
        }
        List<String> values = TopicProbe.awaitValues(GreengateTestInfra.bootstrapServers(), Topics.USAGE,
                found -> found.stream().filter(v -> v.contains("\"kind\":\"SERVICE\"")
                        && v.contains("\"service\":\"review-service\"")).count() >= 2, Duration.ofSeconds(30));
        List<JsonPath> reports = values.stream().filter(v -> v.contains("\"kind\":\"SERVICE\""))
                .map(JsonPath::from).toList();
        for (JsonPath report : reports) {
            assertEquals("service", report.getString("subjectType"));
            assertEquals("review-service", report.getString("subjectId"));
            assertTrue(report.getDouble("cpuSeconds") > 0, "CPU seconds: " + report.prettify());
            assertTrue(report.getDouble("wallSeconds") > 0, "wall seconds: " + report.prettify());
        }
        // after the first report (start-up), each covers one interval of wall time, not the whole uptime
        JsonPath later = reports.get(reports.size() - 1);
        assertTrue(later.getDouble("wallSeconds") < 10, "one interval: " + later.prettify());
        assertTrue(later.getDouble("cpuSeconds") <= later.getDouble("wallSeconds") * Runtime.getRuntime()
                .availableProcessors(), "no more CPU than the interval allows: " + later.prettify());
    }
}
