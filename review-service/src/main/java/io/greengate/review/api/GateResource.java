package io.greengate.review.api;

import io.greengate.platform.problem.ProblemException;
import io.greengate.platform.security.Roles;
import io.greengate.review.gate.Gate;
import io.greengate.review.patch.PatchBuilder;
import io.greengate.review.store.Review;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What CI waits on: the gate of a commit, and once it has passed, the patch of the accepted tests. */
@Path("/api/v1/gates")
public class GateResource {

    public static final String DIFF_MEDIA_TYPE = "text/x-diff";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CI, Roles.REVIEWER, Roles.ADMIN})
    @Transactional
    public Gate gate(@QueryParam("repository") String repository, @QueryParam("commit") String commit) {
        requireCommit(repository, commit);
        return Gate.of(repository, commit, Review.ofCommit(repository, commit));
    }

    /**
     * 200 with the diff once the gate has PASSED; 204 when there is nothing to apply (no suggestions, or none
     * accepted); 409 while reviews are pending, unless {@code partial=true} asks for what is accepted so far.
     */
    @GET
    @Path("/patch")
    @Produces({DIFF_MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.CI, Roles.REVIEWER, Roles.ADMIN})
    @Transactional
    public Response patch(@QueryParam("repository") String repository, @QueryParam("commit") String commit,
                          @QueryParam("partial") boolean partial) {
        requireCommit(repository, commit);
        List<Review> reviews = Review.ofCommit(repository, commit);
        Gate gate = Gate.of(repository, commit, reviews);
        if (gate.status().equals("PENDING") && !partial) {
            throw ProblemException.conflict("the gate of " + repository + "@" + commit + " is PENDING: "
                    + gate.pending() + " review(s) to decide (add partial=true for the accepted tests so far)");
        }
        List<PatchBuilder.AcceptedTest> accepted = reviews.stream()
                .filter(r -> r.finalCode != null)
                .sorted(java.util.Comparator.comparing((Review r) -> r.decidedAt).thenComparing(r -> r.id))
                .map(r -> new PatchBuilder.AcceptedTest(r.testPath, r.finalCode, r.testFileBase))
                .toList();
        String diff = PatchBuilder.build(accepted);
        if (diff.isEmpty()) {
            return Response.noContent().build();
        }
        return Response.ok(diff, DIFF_MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"greengate-" + commit + ".diff\"")
                .build();
    }

    private static void requireCommit(String repository, String commit) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (repository == null || repository.isBlank()) {
            errors.put("repository", "is required");
        }
        if (commit == null || commit.isBlank()) {
            errors.put("commit", "is required");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("repository and commit are both required", errors);
        }
    }
}
