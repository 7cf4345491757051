package io.greengate.suggestion.ranking;

import io.greengate.platform.ranking.RankerFeatures;
import io.greengate.suggestion.engine.embedded.KindPriors;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Trains, in the test, a ranker like feedback-service's (the same Tribuo trainer and feature names) on a tiny
 * history where reviewers reject every signature case and accept the others; returns its protobuf artifact.
 */
final class TinyRanker {

    private TinyRanker() {
    }

    /** Reviewers accept what CI saw pass and reject what it saw fail, whatever the case kind. */
    static byte[] failedVerificationsRejected(String schema) {
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance("test", labels), labels);
        for (int i = 0; i < 40; i++) {
            String kind = List.of("signature", "guard-raises", "doctest-examples").get(i % 3);
            boolean passed = i % 2 == 0;
            SortedMap<String, Double> features = RankerFeatures.encode("python", "pytest", "embedded", kind,
                    List.of(), 6 + i % 4, new RankerFeatures.Verification(true, passed, false, null),
                    KindPriors.of(kind));
            dataset.add(new ArrayExample<>(new Label(passed ? "ACCEPTED" : "REJECTED"),
                    features.keySet().toArray(String[]::new),
                    features.values().stream().mapToDouble(Double::doubleValue).toArray()));
        }
        Map<String, Provenance> instance = Map.of("feature-schema", new StringProvenance("feature-schema", schema));
        return new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(1.0, 0.1), 30, 12345L)
                .train(dataset, instance).serialize().toByteArray();
    }

    /** Every case passed; reviewers accept those CI saw reveal the change and reject the regression pins. */
    static byte[] revealingCasesAccepted(String schema) {
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance("test", labels), labels);
        for (int i = 0; i < 40; i++) {
            String kind = List.of("signature", "guard-raises", "doctest-examples").get(i % 3);
            boolean reveals = i % 2 == 0;
            SortedMap<String, Double> features = RankerFeatures.encode("python", "pytest", "embedded", kind,
                    List.of(), 6 + i % 4, new RankerFeatures.Verification(true, true, false, null,
                            reveals ? "REVEALS_CHANGE" : "HOLDS"), KindPriors.of(kind));
            dataset.add(new ArrayExample<>(new Label(reveals ? "ACCEPTED" : "REJECTED"),
                    features.keySet().toArray(String[]::new),
                    features.values().stream().mapToDouble(Double::doubleValue).toArray()));
        }
        Map<String, Provenance> instance = Map.of("feature-schema", new StringProvenance("feature-schema", schema));
        return new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(1.0, 0.1), 30, 12345L)
                .train(dataset, instance).serialize().toByteArray();
    }

    static byte[] signatureCasesAlwaysRejected(String schema) {
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance("test", labels), labels);
        for (int i = 0; i < 30; i++) {
            String kind = List.of("signature", "guard-raises", "doctest-examples").get(i % 3);
            SortedMap<String, Double> features = RankerFeatures.encode("python", "pytest", "embedded", kind,
                    List.of(), 6 + i % 4, null, kind.equals("signature") ? 0.3 : 0.8);
            dataset.add(new ArrayExample<>(new Label(kind.equals("signature") ? "REJECTED" : "ACCEPTED"),
                    features.keySet().toArray(String[]::new),
                    features.values().stream().mapToDouble(Double::doubleValue).toArray()));
        }
        Map<String, Provenance> instance = Map.of("feature-schema", new StringProvenance("feature-schema", schema));
        return new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(1.0, 0.1), 30, 12345L)
                .train(dataset, instance).serialize().toByteArray();
    }
}
