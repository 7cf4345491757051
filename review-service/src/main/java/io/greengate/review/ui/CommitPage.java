package io.greengate.review.ui;

import io.greengate.platform.problem.ProblemException;
import io.greengate.platform.security.Roles;
import io.greengate.review.Decisions;
import io.greengate.review.api.DecisionRequest;
import io.greengate.review.api.GateResource;
import io.greengate.review.api.ReviewView;
import io.greengate.review.gate.Gate;
import io.greengate.review.store.Review;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The batch view of one commit: every review of it, several decided at once, the CI gate it feeds and the patch
 * CI will apply.
 */
@Path("/commits")
public class CommitPage {

    /** The commit's reviews as listed: those CI saw reveal the change first, then in the order they were made. */
    static final Comparator<Review> REVEALING_FIRST = Comparator.comparing(
            (Review r) -> Review.REVEALS_CHANGE.equals(r.verdict) ? 0 : 1);

    /** What the commit page shows; {@code patch} is the patch so far (null when there is none). */
    public record Model(String user, String repository, String commit, Gate gate, List<ReviewView> reviews,
                        String patch, List<ReasonOption> reasons, Notice notice) {

        public boolean chosen() {
            return repository != null && commit != null;
        }

        public boolean hasPending() {
            return gate != null && gate.pending() > 0;
        }

        public String patchLink() {
            return "/api/v1/gates/patch?" + coordinates(repository, commit)
                    + ("PASSED".equals(gate.status()) ? "" : "&partial=true");
        }

        public String gateLink() {
            return "/api/v1/gates?" + coordinates(repository, commit);
        }

        public String decisionsAction() {
            return "/commits/decisions?" + coordinates(repository, commit);
        }

        public String reviewLink(UUID id) {
            return "/reviews/" + id + "?change=" + encode(commit) + "&repository=" + encode(repository);
        }
    }

    @CheckedTemplate(basePath = "ui")
    static class Templates {
        static native TemplateInstance commit(Model m);
    }

    private final Decisions decisions;
    private final GateResource gates;
    private final SecurityIdentity identity;
    private final Validator validator;

    public CommitPage(Decisions decisions, GateResource gates, SecurityIdentity identity, Validator validator) {
        this.decisions = decisions;
        this.gates = gates;
        this.identity = identity;
        this.validator = validator;
    }

    static String link(String repository, String commit) {
        return "/commits?" + coordinates(repository, commit);
    }

    @GET
    @RolesAllowed(Roles.REVIEWER)
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance commit(@RestQuery String repository, @RestQuery String commit, @Context UriInfo uri) {
        String repo = blankToNull(repository);
        String sha = blankToNull(commit);
        Notice notice = Notice.from(uri.getQueryParameters());
        if (repo == null || sha == null) {
            return Templates.commit(new Model(user(), repo, sha, null, List.of(), null, ReasonOption.ALL, notice));
        }
        List<Review> reviews = Review.ofCommit(repo, sha);
        Gate gate = Gate.of(repo, sha, reviews);
        return Templates.commit(new Model(user(), repo, sha, gate,
                reviews.stream().sorted(REVEALING_FIRST).map(r -> ReviewView.of(r, List.of())).toList(),
                patch(repo, sha, gate), ReasonOption.ALL,
                notice));
    }

    /** Accepts or rejects (with one reason) every selected pending review; those decided meanwhile keep that decision. */
    @POST
    @Path("/decisions")
    @RolesAllowed(Roles.REVIEWER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@RestQuery String repository, @RestQuery String commit, @RestForm List<String> review,
                           @RestForm String decision, @RestForm String reason, @RestForm String comment) {
        if (blankToNull(repository) == null || blankToNull(commit) == null) {
            throw ProblemException.invalid("repository and commit are both required",
                    Map.of("repository", "is required", "commit", "is required"));
        }
        DecisionForm form = DecisionForm.of(decision, reason, comment, null);
        String problem = form.decision() == DecisionRequest.Decision.MODIFY ? "unknown-decision"
                : form.problem(validator);
        Set<UUID> selected = selected(repository, commit, review);
        if (problem == null && selected.isEmpty()) {
            problem = "nothing-selected";
        }
        if (problem != null) {
            return redirect(repository, commit, Notice.PARAMETER + "=" + problem);
        }
        int decided = 0;
        int conflicts = 0;
        for (UUID id : selected) {
            try {
                decisions.decide(id, form.request(), user(), Decisions.ACTOR_REVIEWER);
                decided++;
            } catch (ProblemException e) {
                if (e.toProblem().status() != 409) {
                    throw e;
                }
                conflicts++;
            }
        }
        return redirect(repository, commit, Notice.PARAMETER + "=batch&count=" + decided + "&conflicts=" + conflicts
                + "&decision=" + (form.decision() == DecisionRequest.Decision.REJECT ? "rejected" : "accepted"));
    }

    /** The selected ids that are reviews of this commit (anything else in the form is ignored). */
    private static Set<UUID> selected(String repository, String commit, List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return Set.of();
        }
        Set<String> wanted = Set.copyOf(ids);
        return QuarkusTransaction.requiringNew().call(() -> Review.ofCommit(repository, commit)
                .stream().filter(r -> wanted.contains(r.id.toString())).map(r -> r.id)
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    private String patch(String repository, String commit, Gate gate) {
        if (gate.accepted() + gate.modified() == 0) {
            return null;
        }
        Response response = gates.patch(repository, commit, true);
        return response.getStatus() == 200 ? (String) response.getEntity() : null;
    }

    private static Response redirect(String repository, String commit, String query) {
        return Response.seeOther(URI.create(link(repository, commit) + "&" + query)).build();
    }

    static String coordinates(String repository, String commit) {
        return "repository=" + encode(repository) + "&commit=" + encode(commit);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
