package io.greengate.carbon.api;

import io.greengate.carbon.Builds;
import io.greengate.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/builds")
@Produces(MediaType.APPLICATION_JSON)
public class BuildResource {

    private final Builds builds;
    private final SecurityIdentity identity;

    public BuildResource(Builds builds, SecurityIdentity identity) {
        this.builds = builds;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.CI)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response record(@Valid @NotNull BuildRequest request) {
        BuildView build = builds.record(request, identity.getPrincipal().getName());
        return Response.created(URI.create("/api/v1/builds/" + build.id())).entity(build).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CI, Roles.REVIEWER, Roles.ADMIN})
    public BuildView get(@PathParam("id") UUID id) {
        return builds.get(id);
    }
}
