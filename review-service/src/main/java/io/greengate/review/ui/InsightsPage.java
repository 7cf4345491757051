package io.greengate.review.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.greengate.platform.security.Roles;
import io.greengate.review.insights.AcceptanceChart;
import io.greengate.review.insights.Fetched;
import io.greengate.review.insights.InsightsConfig;
import io.greengate.review.insights.OtherServices;
import io.greengate.review.policy.AutoAccept;
import io.greengate.review.policy.PolicyView;
import io.greengate.review.store.ReviewStatistics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the reviewers' decisions say about each engine and model version: how much of what it suggests is kept and
 * how that moves day by day, why the rest is rejected, and the energy and CO2e behind every test that reached the
 * codebase. review-service's own decisions are always there; feedback-service's and carbon-meter's figures are
 * shown when those services answer, and the page says which are missing when they do not.
 */
@Path("/insights")
public class InsightsPage {

    /** What the insights page shows; {@code repository} null means every repository. */
    public record Model(String user, String repository, List<ReviewStatistics.ModelRecord> models,
                        List<ReviewStatistics.ReasonCount> reasons, Double medianSecondsToDecision,
                        List<PolicyView> policies, long autoAccepted, AcceptanceChart byEngine,
                        AcceptanceChart byRepository, String chartData,
                        Fetched<OtherServices.FeedbackFigures> feedback,
                        Fetched<List<OtherServices.CarbonRow>> carbon) {

        /** The two acceptance charts, keyed by what their lines are: "engine" and "repository". */
        public List<NamedChart> charts() {
            return List.of(new NamedChart("engine", byEngine), new NamedChart("repository", byRepository));
        }

        public long rejected() {
            return reasons.stream().mapToLong(ReviewStatistics.ReasonCount::count).sum();
        }

        /** A reason's share of the rejections, for its meter. */
        public double share(ReviewStatistics.ReasonCount reason) {
            return rejected() == 0 ? 0 : (double) reason.count() / rejected();
        }
    }

    public record NamedChart(String key, AcceptanceChart value) {
    }

    @CheckedTemplate(basePath = "ui")
    static class Templates {
        static native TemplateInstance insights(Model m);
    }

    private final ReviewStatistics statistics;
    private final AutoAccept autoAccept;
    private final OtherServices otherServices;
    private final InsightsConfig config;
    private final ObjectMapper mapper;
    private final SecurityIdentity identity;

    public InsightsPage(ReviewStatistics statistics, AutoAccept autoAccept, OtherServices otherServices,
                        InsightsConfig config, ObjectMapper mapper, SecurityIdentity identity) {
        this.statistics = statistics;
        this.autoAccept = autoAccept;
        this.otherServices = otherServices;
        this.config = config;
        this.mapper = mapper;
        this.identity = identity;
    }

    /** The other services are asked first, outside the transaction: a slow one must not hold a connection. */
    @GET
    @RolesAllowed(Roles.REVIEWER)
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance insights(@RestQuery String repository) {
        Optional<String> scope = Optional.ofNullable(repository).map(String::strip).filter(r -> !r.isEmpty());
        Fetched<OtherServices.FeedbackFigures> feedback = otherServices.feedback(scope);
        Fetched<List<OtherServices.CarbonRow>> carbon = otherServices.carbon(scope);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate from = today.minusDays(Math.max(1, config.days()) - 1L);
        Instant since = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        return Templates.insights(QuarkusTransaction.requiringNew().call(() -> {
            AcceptanceChart byEngine = AcceptanceChart.of(statistics.acceptanceByDay(false, scope, since), from, today);
            AcceptanceChart byRepository = AcceptanceChart.of(statistics.acceptanceByDay(true, scope, since), from,
                    today);
            return new Model(identity.getPrincipal().getName(), scope.orElse(null), statistics.byModel(scope),
                    statistics.rejectReasons(scope), statistics.medianSecondsToDecision(scope).orElse(null),
                    scope.map(r -> List.of(autoAccept.of(r))).orElseGet(autoAccept::list),
                    statistics.autoAccepted(scope), byEngine, byRepository,
                    mapper.writeValueAsString(Map.of("engine", byEngine.plot(), "repository", byRepository.plot())),
                    feedback, carbon);
        }));
    }
}
