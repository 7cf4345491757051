package io.greengate.feedback.api;

import io.greengate.feedback.stats.FeedbackStatistics;
import io.greengate.feedback.stats.FeedbackStats;
import io.greengate.feedback.store.FeedbackFilter;
import io.greengate.feedback.store.FeedbackRecord;
import io.greengate.platform.problem.ProblemException;
import io.greengate.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.Locale;
import java.util.UUID;

@Path("/api/v1/feedback")
@Produces(MediaType.APPLICATION_JSON)
public class FeedbackResource {

    private final FeedbackStatistics statistics;

    public FeedbackResource(FeedbackStatistics statistics) {
        this.statistics = statistics;
    }

    /** Acceptance, reasons, time to decision, reviewer time saved and drift of the decisions in [from, to). */
    @GET
    @Path("/stats")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN, Roles.CI})
    public FeedbackStats stats(@QueryParam("repository") @Size(max = 300) String repository,
                               @QueryParam("engine") @Size(max = 100) String engine,
                               @QueryParam("actorKind") @Size(max = 30) String actorKind,
                               @QueryParam("from") String from,
                               @QueryParam("to") String to) {
        TimeWindow window = TimeWindow.parse(from, to);
        return statistics.compute(new FeedbackFilter(blankToNull(repository), blankToNull(engine),
                actorKind == null || actorKind.isBlank() ? null : actorKind.trim().toUpperCase(Locale.ROOT),
                window.from(), window.to()));
    }

    @GET
    @Path("/records/{suggestionId}")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN, Roles.CI})
    @Transactional
    public FeedbackRecordView record(@PathParam("suggestionId") UUID suggestionId) {
        FeedbackRecord record = FeedbackRecord.<FeedbackRecord>findByIdOptional(suggestionId)
                .orElseThrow(() -> ProblemException.notFound("feedback record of suggestion", suggestionId));
        return FeedbackRecordView.of(record, record.energy().orElse(null));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
