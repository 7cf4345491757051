package io.greengate.review.ui;

import io.greengate.platform.problem.ProblemException;
import io.greengate.platform.security.Roles;
import io.greengate.review.Decisions;
import io.greengate.review.api.DecisionRequest;
import io.greengate.review.api.ReviewView;
import io.greengate.review.queue.QueueFilter;
import io.greengate.review.queue.ReviewQueue;
import io.greengate.review.store.DecisionAudit;
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
import org.jboss.resteasy.reactive.RestPath;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One review: what it targets, the suggested test, the model's rationale and confidence, CI's evidence and the
 * energy it cost; and the decision forms. A decision redirects to the next pending review of the same queue.
 */
@Path("/reviews")
public class ReviewPage {

    /** What the review page shows. {@code grammar} is the Prism language of the code. */
    public record Model(String user, ReviewView review, QueueFilter filter, ReviewQueue.Position position,
                        List<ReasonOption> reasons, Notice notice) {

        public boolean pending() {
            return Review.Status.PENDING.name().equals(review.status());
        }

        /** What the editor starts from: the test as it stands. */
        public String editorCode() {
            return review.finalCode() != null ? review.finalCode() : review.code();
        }

        public boolean modified() {
            return Review.Status.MODIFIED.name().equals(review.status());
        }

        public String link(UUID id) {
            return "/reviews/" + id + filter.queryString();
        }

        public String decisionAction() {
            return "/reviews/" + review.id() + "/decision" + filter.queryString();
        }

        public String queueLink() {
            return "/" + filter.queryString();
        }

        public String commitLink() {
            return CommitPage.link(review.repository(), review.commit());
        }
    }

    @CheckedTemplate(basePath = "ui")
    static class Templates {
        static native TemplateInstance review(Model m);

        static native TemplateInstance missing(String user, String queueLink);
    }

    private final Decisions decisions;
    private final ReviewQueue queue;
    private final SecurityIdentity identity;
    private final Validator validator;

    public ReviewPage(Decisions decisions, ReviewQueue queue, SecurityIdentity identity, Validator validator) {
        this.decisions = decisions;
        this.queue = queue;
        this.identity = identity;
        this.validator = validator;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.REVIEWER)
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public Response review(@RestPath String id, @Context UriInfo uri) {
        QueueFilter filter = QueueFilter.from(uri.getQueryParameters());
        Optional<Review> review = parse(id).flatMap(uuid -> Review.<Review>findByIdOptional(uuid));
        if (review.isEmpty()) {
            return Response.status(404).entity(Templates.missing(user(), "/" + filter.queryString())).build();
        }
        UUID reviewId = review.get().id;
        Model model = new Model(user(), ReviewView.of(review.get(), DecisionAudit.ofReview(reviewId)), filter,
                queue.position(filter, reviewId), ReasonOption.ALL, Notice.from(uri.getQueryParameters()));
        return Response.ok(Templates.review(model)).build();
    }

    /**
     * Takes the decision with {@link Decisions} (the API's rules: one decision per review, 409 for the later one)
     * and opens the next pending review; a conflict or a missing field comes back to this review with a notice.
     */
    @POST
    @Path("/{id}/decision")
    @RolesAllowed(Roles.REVIEWER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@RestPath String id, @RestForm String decision, @RestForm String reason,
                           @RestForm String comment, @RestForm String modifiedCode, @Context UriInfo uri) {
        QueueFilter filter = QueueFilter.from(uri.getQueryParameters());
        Optional<UUID> reviewId = parse(id);
        if (reviewId.isEmpty()) {
            throw ProblemException.notFound("review", id);
        }
        DecisionForm form = DecisionForm.of(decision, reason, comment, modifiedCode);
        String problem = form.problem(validator);
        if (problem != null) {
            return backTo(reviewId.get(), filter, problem);
        }
        Review decided;
        try {
            decided = decisions.decide(reviewId.get(), form.request(), user(), Decisions.ACTOR_REVIEWER);
        } catch (ProblemException e) {
            return switch (e.toProblem().status()) {
                case 409 -> backTo(reviewId.get(), filter, "conflict");
                case 400 -> backTo(reviewId.get(), filter, form.request().decision()
                        == DecisionRequest.Decision.REJECT ? "reason-missing" : "code-missing");
                default -> throw e;
            };
        }
        Optional<UUID> next = QuarkusTransaction.requiringNew().call(() -> queue.nextAfter(filter, reviewId.get()));
        String notice = Notice.afterDecision(decided.status, next.isEmpty());
        String target = next.map(nextId -> "/reviews/" + nextId).orElse("/");
        return Response.seeOther(URI.create(target + withNotice(filter, notice))).build();
    }

    static String withNotice(QueueFilter filter, String notice) {
        String query = filter.query();
        return "?" + (query.isEmpty() ? "" : query + "&") + Notice.PARAMETER + "="
                + URLEncoder.encode(notice, StandardCharsets.UTF_8);
    }

    private static Response backTo(UUID reviewId, QueueFilter filter, String notice) {
        return Response.seeOther(URI.create("/reviews/" + reviewId + withNotice(filter, notice))).build();
    }

    private String user() {
        return identity.getPrincipal().getName();
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
