package io.greengate.suggestion.ranking;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

/** feedback-service's model API, as far as suggestion-service uses it (built in {@link ModelArtifacts}). */
@Path("/api/v1/models")
public interface FeedbackModels {

    /** The model's bytes (Tribuo protobuf), exactly as stored; the caller checks their sha256. */
    @GET
    @Path("/{version}/artifact")
    @Produces({"application/x-protobuf", "application/octet-stream"})
    byte[] artifact(@PathParam("version") String version, @HeaderParam("Authorization") String authorization);
}
