package io.greengate.review.insights;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The two read endpoints the insights page uses, as docs/openapi/feedback-service.json and carbon-meter.json define them. */
public interface RemoteReports {

    /** feedback-service. */
    @Path("/api/v1/feedback/stats")
    interface FeedbackStats {
        @GET
        @Produces(MediaType.APPLICATION_JSON)
        JsonNode stats(@QueryParam("repository") String repository, @HeaderParam("Authorization") String authorization);
    }

    /** carbon-meter. */
    @Path("/api/v1/reports/sustainability")
    interface Sustainability {
        @GET
        @Produces(MediaType.APPLICATION_JSON)
        JsonNode report(@QueryParam("groupBy") String groupBy, @HeaderParam("Authorization") String authorization);
    }
}
