package io.greengate.feedback.ranking;

import io.greengate.platform.ranking.RankerFeatures;

import com.google.protobuf.InvalidProtocolBufferException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.tribuo.Example;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Tribuo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The ranker as Tribuo sees it: a logistic regression (linear model, log loss, SGD with AdaGrad) over the named
 * features of {@link RankerFeatures}, with two labels, ACCEPTED and REJECTED. The artifact is Tribuo's protobuf
 * serialization of the model (not Java serialization: loading it runs no code of the sender's choosing).
 */
public final class RankerModels {

    /** Instance provenance keys every model carries; suggestion-service checks the schema before it scores. */
    public static final String FEATURE_SCHEMA_KEY = "feature-schema";
    public static final String VERSION_KEY = "ranker-version";

    private static final LabelFactory LABELS = new LabelFactory();

    private RankerModels() {
    }

    /** The training configuration as stored with the version (hyper-parameters and what they mean). */
    public static Map<String, Object> describe(RankerConfig.Sgd sgd) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("library", "Tribuo " + Tribuo.VERSION);
        description.put("trainer", "LinearSGDTrainer(LogMulticlass, AdaGrad): logistic regression");
        description.put("epochs", sgd.epochs());
        description.put("learningRate", sgd.learningRate());
        description.put("adagradEpsilon", sgd.epsilon());
        description.put("seed", sgd.seed());
        description.put("featureSchema", RankerFeatures.SCHEMA);
        return description;
    }

    public static LinearSGDModel train(List<TrainingRow> rows, RankerConfig.Sgd sgd, String version) {
        MutableDataset<Label> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance("greengate feedback_record: reviewer decisions", LABELS), LABELS);
        for (TrainingRow row : rows) {
            dataset.add(example(new Label(row.label()), row.features()));
        }
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(),
                new AdaGrad(sgd.learningRate(), sgd.epsilon()), sgd.epochs(), sgd.seed());
        Map<String, Provenance> instance = Map.of(
                FEATURE_SCHEMA_KEY, new StringProvenance(FEATURE_SCHEMA_KEY, RankerFeatures.SCHEMA),
                VERSION_KEY, new StringProvenance(VERSION_KEY, version));
        return trainer.train(dataset, instance);
    }

    /** P(ACCEPTED) of each row. */
    public static double[] acceptProbabilities(Model<Label> model, List<TrainingRow> rows) {
        double[] probabilities = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Label accepted = model.predict(example(LabelFactory.UNKNOWN_LABEL, rows.get(i).features()))
                    .getOutputScores().get(TrainingRow.ACCEPTED);
            probabilities[i] = accepted == null ? 0.0 : accepted.getScore();
        }
        return probabilities;
    }

    public static byte[] serialize(Model<Label> model) {
        return model.serialize().toByteArray();
    }

    @SuppressWarnings("unchecked")
    public static Model<Label> deserialize(byte[] artifact) {
        try {
            Model<?> model = Model.deserialize(ModelProto.parseFrom(artifact));
            if (!model.validate(Label.class)) {
                throw new IllegalArgumentException("not a classification model");
            }
            return (Model<Label>) model;
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not a Tribuo model: " + e.getMessage(), e);
        }
    }

    /** A linear feature's weight on the log-odds of acceptance. */
    public record Weight(String feature, double weight) {
    }

    /**
     * The model's own weights on the log-odds of ACCEPTED over REJECTED, largest magnitude first; the bias
     * (Tribuo's {@code BIAS_FEATURE}) included.
     */
    public static List<Weight> weights(Model<Label> model, int limit) {
        if (!(model instanceof LinearSGDModel linear)) {
            return List.of();
        }
        ImmutableOutputInfo<Label> outputs = linear.getOutputIDInfo();
        int accepted = outputs.getID(new Label(TrainingRow.ACCEPTED));
        int rejected = outputs.getID(new Label(TrainingRow.REJECTED));
        if (accepted < 0 || rejected < 0) {
            return List.of();
        }
        DenseMatrix matrix = linear.getWeightsCopy();
        int features = linear.getFeatureIDMap().size();
        List<Weight> weights = new ArrayList<>();
        for (int j = 0; j <= features; j++) {
            String name = j < features ? linear.getFeatureIDMap().get(j).getName() : Model.BIAS_FEATURE;
            weights.add(new Weight(name, matrix.get(accepted, j) - matrix.get(rejected, j)));
        }
        weights.sort(Comparator.comparingDouble((Weight w) -> -Math.abs(w.weight())));
        return weights.subList(0, Math.min(limit, weights.size()));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Example<Label> example(Label label, SortedMap<String, Double> features) {
        String[] names = features.keySet().toArray(String[]::new);
        double[] values = features.values().stream().mapToDouble(Double::doubleValue).toArray();
        return new ArrayExample<>(label, names, values);
    }
}
