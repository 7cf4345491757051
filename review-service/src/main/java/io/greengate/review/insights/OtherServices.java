package io.greengate.review.insights;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Reads what the insights page shows from feedback-service (acceptance, reviewer time saved, drift) and carbon-meter
 * (energy and CO2e per accepted test). Either may be down: the page then says what is missing, never fails.
 */
@ApplicationScoped
public class OtherServices {

    /** feedback-service's view of the decisions. */
    public record FeedbackFigures(long decided, Double acceptanceRate, long autoAccepted, Double reviewerHoursSaved,
                                  List<String> flaggedGroups) {
    }

    /** One carbon-meter report row: all the energy of a group and the tests it got accepted. */
    public record CarbonRow(String key, double energyJoules, double co2eGrams, long acceptedTests,
                            Double joulesPerAcceptedTest, Double gramsPerAcceptedTest, Double sciPerAcceptedTest) {
    }

    private static final Logger LOG = Logger.getLogger(OtherServices.class);

    private final InsightsConfig config;
    private final RemoteReports.FeedbackStats feedback;
    private final RemoteReports.Sustainability carbon;

    public OtherServices(InsightsConfig config) {
        this.config = config;
        this.feedback = client(config.feedbackUrl(), RemoteReports.FeedbackStats.class);
        this.carbon = client(config.carbonUrl(), RemoteReports.Sustainability.class);
    }

    private <T> T client(String url, Class<T> type) {
        long timeout = config.timeout().toMillis();
        return QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(url))
                .connectTimeout(timeout, TimeUnit.MILLISECONDS).readTimeout(timeout, TimeUnit.MILLISECONDS)
                .build(type);
    }

    public Fetched<FeedbackFigures> feedback(Optional<String> repository) {
        return call("feedback-service", config.feedbackUrl(), auth -> feedback.stats(repository.orElse(null), auth))
                .map(OtherServices::feedbackFigures);
    }

    /** Per engine, or the one repository's row when the page is scoped to it. */
    public Fetched<List<CarbonRow>> carbon(Optional<String> repository) {
        return call("carbon-meter", config.carbonUrl(),
                auth -> carbon.report(repository.isPresent() ? "repository" : "engine", auth))
                .map(report -> carbonRows(report, repository));
    }

    private Optional<String> authorization() {
        return config.token().filter(t -> !t.isBlank()).map(t -> "Bearer " + t);
    }

    private Fetched<JsonNode> call(String service, String url, Function<String, JsonNode> request) {
        Optional<String> authorization = authorization();
        if (authorization.isEmpty()) {
            return Fetched.missing(service + "'s figures are not configured (set greengate.insights.token)");
        }
        try {
            return Fetched.of(request.apply(authorization.get()));
        } catch (WebApplicationException e) {
            LOG.warnf("%s refused the insights request: HTTP %d", service, e.getResponse().getStatus());
            return Fetched.missing(service + " refused the request (HTTP " + e.getResponse().getStatus() + ")");
        } catch (RuntimeException e) {
            LOG.debugf(e, "%s unreachable at %s", service, url);
            return Fetched.missing(service + " is unreachable at " + url);
        }
    }

    private static FeedbackFigures feedbackFigures(JsonNode stats) {
        List<String> flagged = new ArrayList<>();
        JsonNode drift = stats.path("drift");
        for (String dimension : List.of("byLanguage", "byRepository", "byModelVersion")) {
            for (JsonNode group : drift.path(dimension)) {
                if (group.path("flagged").asBoolean()) {
                    flagged.add(group.path("group").asText() + " (" + Math.round(group.path("acceptanceRate")
                            .asDouble() * 100) + " %)");
                }
            }
        }
        return new FeedbackFigures(stats.path("decided").asLong(), number(stats.path("acceptanceRate")),
                stats.path("byActorKind").path("POLICY").asLong(),
                number(stats.path("reviewerTimeSaved").path("hours")), flagged);
    }

    private static List<CarbonRow> carbonRows(JsonNode report, Optional<String> repository) {
        List<CarbonRow> rows = new ArrayList<>();
        for (JsonNode row : report.path("rows")) {
            String key = row.path("key").asText();
            if (repository.isEmpty() || repository.get().equals(key)) {
                rows.add(new CarbonRow(key, row.path("energyJoules").asDouble(), row.path("co2eGrams").asDouble(),
                        row.path("acceptedTests").asLong(), number(row.path("energyPerAcceptedTestJoules")),
                        number(row.path("co2ePerAcceptedTestGrams")), number(row.path("sciPerAcceptedTest"))));
            }
        }
        return rows;
    }

    private static Double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : null;
    }
}
