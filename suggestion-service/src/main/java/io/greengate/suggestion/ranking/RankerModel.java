package io.greengate.suggestion.ranking;

import io.greengate.platform.ranking.RankerFeatures;

import com.google.protobuf.InvalidProtocolBufferException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.protos.core.ModelProto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A loaded ranker: feedback-service's Tribuo logistic regression (labels ACCEPTED and REJECTED over the features
 * of {@link RankerFeatures}) and its weights on the log-odds of acceptance, which explain each score.
 */
public final class RankerModel {

    static final String ACCEPTED = "ACCEPTED";
    static final String REJECTED = "REJECTED";
    static final String FEATURE_SCHEMA_KEY = "feature-schema";

    private final String version;
    private final Model<Label> model;
    private final Map<String, Double> logOddsWeights;

    private RankerModel(String version, Model<Label> model, Map<String, Double> logOddsWeights) {
        this.version = version;
        this.model = model;
        this.logOddsWeights = logOddsWeights;
    }

    /** A feature's share in a score: its weight on the log-odds of acceptance times its value. */
    public record Contribution(String feature, double logOdds) {
    }

    public record Score(double probability, List<Contribution> topContributions) {
    }

    /**
     * Reads a Tribuo protobuf artifact (no Java deserialization: the bytes cannot name code to run beyond
     * Tribuo's own model classes) and checks it is a linear ranker of this feature schema.
     *
     * @throws IllegalArgumentException when the bytes are not such a model
     */
    @SuppressWarnings("unchecked")
    public static RankerModel load(String version, byte[] artifact) {
        Model<?> model;
        try {
            model = Model.deserialize(ModelProto.parseFrom(artifact));
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw new IllegalArgumentException("not a Tribuo model: " + e.getMessage(), e);
        }
        if (!(model instanceof LinearSGDModel linear) || !model.validate(Label.class)) {
            throw new IllegalArgumentException("not a linear classification model: " + model.getClass().getName());
        }
        Provenance schema = model.getProvenance().getInstanceProvenance().getMap().get(FEATURE_SCHEMA_KEY);
        String trainedSchema = schema instanceof StringProvenance s ? s.getValue() : null;
        if (!RankerFeatures.SCHEMA.equals(trainedSchema)) {
            throw new IllegalArgumentException("trained on feature schema " + trainedSchema + ", this service encodes "
                    + RankerFeatures.SCHEMA);
        }
        int accepted = linear.getOutputIDInfo().getID(new Label(ACCEPTED));
        int rejected = linear.getOutputIDInfo().getID(new Label(REJECTED));
        if (accepted < 0 || rejected < 0) {
            throw new IllegalArgumentException("the model does not predict ACCEPTED and REJECTED");
        }
        DenseMatrix weights = linear.getWeightsCopy();
        Map<String, Double> logOdds = new HashMap<>();
        for (int j = 0; j < linear.getFeatureIDMap().size(); j++) {
            logOdds.put(linear.getFeatureIDMap().get(j).getName(), weights.get(accepted, j) - weights.get(rejected, j));
        }
        return new RankerModel(version, (Model<Label>) model, Map.copyOf(logOdds));
    }

    public String version() {
        return version;
    }

    /** P(ACCEPTED) as the model predicts it, and the {@code top} features that moved it most. */
    public Score score(SortedMap<String, Double> features, int top) {
        ArrayExample<Label> example = new ArrayExample<>(LabelFactory.UNKNOWN_LABEL,
                features.keySet().toArray(String[]::new),
                features.values().stream().mapToDouble(Double::doubleValue).toArray());
        Label accepted = model.predict(example).getOutputScores().get(ACCEPTED);
        List<Contribution> contributions = features.entrySet().stream()
                .filter(f -> logOddsWeights.containsKey(f.getKey()))
                .map(f -> new Contribution(f.getKey(), logOddsWeights.get(f.getKey()) * f.getValue()))
                .filter(c -> c.logOdds() != 0)
                .sorted(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.logOdds())))
                .limit(top)
                .toList();
        return new Score(accepted == null ? 0.0 : accepted.getScore(), contributions);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
