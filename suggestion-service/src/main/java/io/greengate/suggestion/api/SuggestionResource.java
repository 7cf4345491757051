package io.greengate.suggestion.api;

import io.greengate.platform.problem.ProblemException;
import io.greengate.platform.security.Roles;
import io.greengate.suggestion.SuggestionBatches;
import io.greengate.suggestion.Verifications;
import io.greengate.suggestion.store.Suggestion;
import io.greengate.suggestion.store.Verification;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/suggestions")
@Produces(MediaType.APPLICATION_JSON)
public class SuggestionResource {

    private final SuggestionBatches batches;
    private final Verifications verifications;
    private final SecurityIdentity identity;

    public SuggestionResource(SuggestionBatches batches, Verifications verifications, SecurityIdentity identity) {
        this.batches = batches;
        this.verifications = verifications;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.CI)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@HeaderParam("Idempotency-Key") @Size(max = 200) String idempotencyKey,
                           @Valid @NotNull CreateSuggestionsRequest request) {
        if (idempotencyKey != null) {
            var earlier = batches.replay(idempotencyKey, request);
            if (earlier.isPresent()) {
                return created(earlier.get(), true);
            }
        }
        SuggestionBatches.Draft draft = batches.generate(request);
        try {
            return created(batches.store(request, draft, idempotencyKey, identity.getPrincipal().getName()), false);
        } catch (PersistenceException e) {
            // a concurrent request with the same key won the insert: answer with its batch
            if (idempotencyKey != null) {
                var winner = batches.replay(idempotencyKey, request);
                if (winner.isPresent()) {
                    return created(winner.get(), true);
                }
            }
            throw e;
        }
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CI, Roles.REVIEWER, Roles.ADMIN})
    @Transactional
    public SuggestionView get(@PathParam("id") UUID id) {
        Suggestion suggestion = Suggestion.<Suggestion>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("suggestion", id));
        return SuggestionView.of(suggestion, Verification.latestOf(id).orElse(null));
    }

    @GET
    @RolesAllowed({Roles.CI, Roles.REVIEWER, Roles.ADMIN})
    @Transactional
    public List<SuggestionView> list(@QueryParam("repository") String repository, @QueryParam("commit") String commit) {
        if (repository == null || repository.isBlank() || commit == null || commit.isBlank()) {
            throw ProblemException.invalid("repository and commit are both required",
                    Map.of("repository", "is required", "commit", "is required"));
        }
        return Suggestion.ofCommit(repository, commit).stream()
                .map(s -> SuggestionView.of(s, Verification.latestOf(s.id).orElse(null))).toList();
    }

    @POST
    @Path("/{id}/verification")
    @RolesAllowed(Roles.CI)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response verify(@PathParam("id") UUID id, @Valid @NotNull VerificationRequest request) {
        SuggestionView view = verifications.report(id, request, identity.getPrincipal().getName());
        return Response.status(201).entity(view).build();
    }

    private static Response created(BatchView batch, boolean replayed) {
        return Response.created(URI.create("/api/v1/suggestions?repository=" + batch.repository() + "&commit="
                        + batch.commit()))
                .header("Idempotent-Replayed", replayed)
                .entity(batch).build();
    }
}
