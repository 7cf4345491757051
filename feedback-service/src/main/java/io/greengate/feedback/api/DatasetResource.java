package io.greengate.feedback.api;

import io.greengate.feedback.datasets.DatasetExports;
import io.greengate.feedback.datasets.DatasetKind;
import io.greengate.feedback.datasets.DatasetSource;
import io.greengate.feedback.datasets.DpoDataset;
import io.greengate.feedback.datasets.SftDataset;
import io.greengate.feedback.store.DatasetExport;
import io.greengate.feedback.store.FeedbackFilter;
import io.greengate.platform.problem.ProblemException;
import io.greengate.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.UUID;

/**
 * Training sets from people's decisions, streamed as JSON Lines. Each download is recorded; its id comes back in
 * the {@code Dataset-Export-Id} header, and {@code /exports/{id}} tells the sha256 and size of what was sent.
 */
@Path("/api/v1/datasets")
@RolesAllowed(Roles.ADMIN)
public class DatasetResource {

    public static final String JSONL = "application/jsonl";
    public static final String EXPORT_ID_HEADER = "Dataset-Export-Id";

    private final DatasetExports exports;
    private final SftDataset sft;
    private final DpoDataset dpo;
    private final SecurityIdentity identity;

    public DatasetResource(DatasetExports exports, SftDataset sft, DpoDataset dpo, SecurityIdentity identity) {
        this.exports = exports;
        this.sft = sft;
        this.dpo = dpo;
        this.identity = identity;
    }

    /** TRL SFTTrainer: {"messages": [system, user (the prompt), assistant (the accepted test)]} per line. */
    @GET
    @Path("/sft.jsonl")
    @Produces(JSONL)
    public Response sft(@QueryParam("repository") @Size(max = 300) String repository,
                        @QueryParam("from") String from, @QueryParam("to") String to) {
        return export(sft, repository, from, to);
    }

    /** TRL DPOTrainer: {"prompt", "chosen" (the human's test), "rejected" (the suggestion)} per line. */
    @GET
    @Path("/dpo.jsonl")
    @Produces(JSONL)
    public Response dpo(@QueryParam("repository") @Size(max = 300) String repository,
                        @QueryParam("from") String from, @QueryParam("to") String to) {
        return export(dpo, repository, from, to);
    }

    @GET
    @Path("/exports")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public List<DatasetExportView> exports(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return DatasetExport.latest(limit).stream().map(DatasetExportView::of).toList();
    }

    @GET
    @Path("/exports/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public DatasetExportView export(@PathParam("id") UUID id) {
        return DatasetExport.<DatasetExport>findByIdOptional(id).map(DatasetExportView::of)
                .orElseThrow(() -> ProblemException.notFound("dataset export", id));
    }

    private Response export(DatasetSource source, String repository, String from, String to) {
        TimeWindow window = TimeWindow.parse(from, to);
        FeedbackFilter filter = new FeedbackFilter(FeedbackResource.blankToNull(repository), null,
                null, window.from(), window.to());
        DatasetExport export = exports.start(source.kind(), filter, identity.getPrincipal().getName());
        return Response.ok(exports.stream(export.id, source, filter), JSONL)
                .header(EXPORT_ID_HEADER, export.id)
                .header("Content-Disposition", "attachment; filename=\"" + fileName(source.kind()) + "\"")
                .build();
    }

    private static String fileName(DatasetKind kind) {
        return kind.name().toLowerCase() + ".jsonl";
    }
}
