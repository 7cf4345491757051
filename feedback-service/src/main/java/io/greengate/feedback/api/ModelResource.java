package io.greengate.feedback.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greengate.feedback.ranking.RankerModels;
import io.greengate.feedback.ranking.RankerTraining;
import io.greengate.feedback.store.RankerModel;
import io.greengate.feedback.store.RankerPromotion;
import io.greengate.platform.problem.ProblemException;
import io.greengate.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Ranker versions: retrain (202, training runs in the background), read, download the model, and promote an
 * earlier version (rollback). Nothing else changes a stored version.
 */
@Path("/api/v1/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    public static final String ARTIFACT_TYPE = "application/x-protobuf";
    private static final int WEIGHTS_SHOWN = 12;

    private final RankerTraining training;
    private final SecurityIdentity identity;
    private final ObjectMapper mapper;

    public ModelResource(RankerTraining training, SecurityIdentity identity, ObjectMapper mapper) {
        this.training = training;
        this.identity = identity;
        this.mapper = mapper;
    }

    /** Starts training the next version: 202 with it (status TRAINING); 409 with too few decisions or one running. */
    @POST
    @Path("/retrain")
    @RolesAllowed(Roles.ADMIN)
    public Response retrain() {
        RankerModel model = training.start(RankerModel.Trigger.API, identity.getPrincipal().getName());
        return Response.accepted(view(model, List.of(), List.of()))
                .location(URI.create("/api/v1/models/" + model.version))
                .build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER, Roles.CI})
    @Transactional
    public List<RankerModelView> list() {
        return RankerModel.newestFirst().stream().map(m -> view(m, List.of(), List.of())).toList();
    }

    @GET
    @Path("/{version}")
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER, Roles.CI})
    @Transactional
    public RankerModelView get(@PathParam("version") @Size(max = 40) String version) {
        RankerModel model = find(version);
        List<RankerModelView.Weight> weights = model.artifact == null ? List.of()
                : RankerModels.weights(RankerModels.deserialize(model.artifact), WEIGHTS_SHOWN).stream()
                        .map(w -> new RankerModelView.Weight(w.feature(), w.weight())).toList();
        return view(model, RankerPromotion.of(version), weights);
    }

    /** The model's bytes (Tribuo protobuf); their sha256 is the version's {@code artifactSha256}. */
    @GET
    @Path("/{version}/artifact")
    @Produces(ARTIFACT_TYPE)
    @RolesAllowed({Roles.ADMIN, Roles.CI})
    @Transactional
    public Response artifact(@PathParam("version") @Size(max = 40) String version) {
        RankerModel model = find(version);
        if (model.artifact == null) {
            throw ProblemException.conflict(version + " is " + model.status + " and has no model");
        }
        return Response.ok(model.artifact, ARTIFACT_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + version + ".tribuo.pb\"")
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder()
                        .encodeToString(HexFormat.of().parseHex(model.artifactSha256)) + ":")
                .build();
    }

    /** Makes this version the promoted one (e.g. a rollback to an earlier version); audited and published. */
    @POST
    @Path("/{version}/promote")
    @RolesAllowed(Roles.ADMIN)
    public RankerModelView promote(@PathParam("version") @Size(max = 40) String version) {
        training.promote(version, identity.getPrincipal().getName());
        return get(version);
    }

    private static RankerModel find(String version) {
        return RankerModel.<RankerModel>findByIdOptional(version)
                .orElseThrow(() -> ProblemException.notFound("ranker model", version));
    }

    private RankerModelView view(RankerModel m, List<RankerPromotion> promotions,
                                 List<RankerModelView.Weight> weights) {
        return new RankerModelView(m.version, m.status, m.trigger, m.triggeredBy, m.createdAt, m.finishedAt,
                m.trainingSize, m.heldOutSize, m.datasetSize, m.datasetSha256, m.artifactSha256, json(m.metrics),
                m.evaluation, json(m.trainingConfig), m.cpuSeconds, m.wallSeconds, m.failure,
                promotions.stream().map(p -> new RankerModelView.Promotion(p.previousVersion, p.kind, p.promotedBy,
                        p.promotedAt)).toList(), weights);
    }

    private Map<String, Object> json(String value) {
        if (value == null) {
            return null;
        }
        try {
            return mapper.readValue(value, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON unreadable", e);
        }
    }
}
