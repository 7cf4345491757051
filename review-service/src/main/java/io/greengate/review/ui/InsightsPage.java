package io.greengate.review.ui;

import io.greengate.platform.security.Roles;
import io.greengate.review.policy.AutoAccept;
import io.greengate.review.policy.PolicyView;
import io.greengate.review.store.ReviewStatistics;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;
import java.util.Optional;

/**
 * What the reviewers' decisions say about each engine and model version: how much of what it suggests is kept,
 * why the rest is rejected, and the energy and CO2e behind every test that reached the codebase.
 */
@Path("/insights")
public class InsightsPage {

    /** What the insights page shows; {@code repository} null means every repository. */
    public record Model(String user, String repository, List<ReviewStatistics.ModelRecord> models,
                        List<ReviewStatistics.ReasonCount> reasons, Double medianSecondsToDecision,
                        List<PolicyView> policies, long autoAccepted) {

        public long rejected() {
            return reasons.stream().mapToLong(ReviewStatistics.ReasonCount::count).sum();
        }

        /** A reason's share of the rejections, for its meter. */
        public double share(ReviewStatistics.ReasonCount reason) {
            return rejected() == 0 ? 0 : (double) reason.count() / rejected();
        }
    }

    @CheckedTemplate(basePath = "ui")
    static class Templates {
        static native TemplateInstance insights(Model m);
    }

    private final ReviewStatistics statistics;
    private final AutoAccept autoAccept;
    private final SecurityIdentity identity;

    public InsightsPage(ReviewStatistics statistics, AutoAccept autoAccept, SecurityIdentity identity) {
        this.statistics = statistics;
        this.autoAccept = autoAccept;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Roles.REVIEWER)
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance insights(@RestQuery String repository) {
        Optional<String> scope = Optional.ofNullable(repository).map(String::strip).filter(r -> !r.isEmpty());
        return Templates.insights(new Model(identity.getPrincipal().getName(), scope.orElse(null),
                statistics.byModel(scope), statistics.rejectReasons(scope),
                statistics.medianSecondsToDecision(scope).orElse(null),
                scope.map(r -> List.of(autoAccept.of(r))).orElseGet(autoAccept::list),
                statistics.autoAccepted(scope)));
    }
}
