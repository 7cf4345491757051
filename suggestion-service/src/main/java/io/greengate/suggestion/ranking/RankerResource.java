package io.greengate.suggestion.ranking;

import io.greengate.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.List;

/** Which ranker ranks new suggestions here, and what became of the latest promotions announced. */
@Path("/api/v1/ranker")
@Produces(MediaType.APPLICATION_JSON)
public class RankerResource {

    private final Ranker ranker;

    public RankerResource(Ranker ranker) {
        this.ranker = ranker;
    }

    public record RankerView(String modelVersion, List<LoadView> loads) {
    }

    public record LoadView(String version, String status, String reason, String expectedSha256,
                           String actualSha256, Instant promotedAt, Instant receivedAt) {
    }

    @GET
    @RolesAllowed({Roles.CI, Roles.REVIEWER, Roles.ADMIN})
    @Transactional
    public RankerView get() {
        return new RankerView(ranker.version(), RankerLoad.latest(20).stream()
                .map(l -> new LoadView(l.version, l.status, l.reason, l.expectedSha256, l.actualSha256, l.promotedAt,
                        l.receivedAt))
                .toList());
    }
}
