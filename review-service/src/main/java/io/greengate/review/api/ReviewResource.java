package io.greengate.review.api;

import io.greengate.platform.problem.ProblemException;
import io.greengate.platform.security.Roles;
import io.greengate.review.Decisions;
import io.greengate.review.store.DecisionAudit;
import io.greengate.review.store.Review;
import io.quarkus.panache.common.Page;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/reviews")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    private final Decisions decisions;
    private final SecurityIdentity identity;

    public ReviewResource(Decisions decisions, SecurityIdentity identity) {
        this.decisions = decisions;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN, Roles.CI})
    @Transactional
    public List<ReviewView> list(@QueryParam("status") String status,
                                 @QueryParam("repository") String repository,
                                 @QueryParam("commit") String commit,
                                 @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(1000) int limit) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (status != null) {
            conditions.add("status = :status");
            parameters.put("status", parseStatus(status));
        }
        if (repository != null) {
            conditions.add("repository = :repository");
            parameters.put("repository", repository);
        }
        if (commit != null) {
            conditions.add("commit = :commit");
            parameters.put("commit", commit);
        }
        String query = (String.join(" and ", conditions) + " order by createdAt, id").strip();
        return Review.<Review>find(query, parameters).page(Page.ofSize(limit)).list().stream()
                .map(r -> ReviewView.of(r, List.of())).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN, Roles.CI})
    @Transactional
    public ReviewView get(@PathParam("id") UUID id) {
        Review review = Review.<Review>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("review", id));
        return ReviewView.of(review, DecisionAudit.ofReview(id));
    }

    @POST
    @Path("/{id}/decision")
    @RolesAllowed(Roles.REVIEWER)
    @Consumes(MediaType.APPLICATION_JSON)
    public ReviewView decide(@PathParam("id") UUID id, @Valid @NotNull DecisionRequest request) {
        decisions.decide(id, request, identity.getPrincipal().getName(), Decisions.ACTOR_REVIEWER);
        return get(id);
    }

    private static String parseStatus(String status) {
        try {
            return Review.Status.valueOf(status).name();
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be one of PENDING, ACCEPTED, MODIFIED, REJECTED");
        }
    }
}
