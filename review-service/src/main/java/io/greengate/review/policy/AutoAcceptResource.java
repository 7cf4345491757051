package io.greengate.review.policy;

import io.greengate.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Optional;

/** The auto-accept policy per repository: everyone who reviews may read it, only an admin changes it. */
@Path("/api/v1/auto-accept-policies")
@Produces(MediaType.APPLICATION_JSON)
public class AutoAcceptResource {

    private final AutoAccept autoAccept;
    private final SecurityIdentity identity;

    public AutoAcceptResource(AutoAccept autoAccept, SecurityIdentity identity) {
        this.autoAccept = autoAccept;
        this.identity = identity;
    }

    /** Every repository's policy that was ever set, or the one repository's (off when never set). */
    @GET
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER})
    public List<PolicyView> list(@QueryParam("repository") @Size(max = 300) String repository) {
        return repository == null || repository.isBlank() ? autoAccept.list() : List.of(autoAccept.of(repository));
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public PolicyView change(@Valid @NotNull PolicyChangeRequest request) {
        return autoAccept.change(request, identity.getPrincipal().getName());
    }

    @GET
    @Path("/changes")
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER})
    public List<PolicyChangeView> changes(@QueryParam("repository") @Size(max = 300) String repository) {
        return autoAccept.changes(Optional.ofNullable(repository).filter(r -> !r.isBlank()));
    }
}
