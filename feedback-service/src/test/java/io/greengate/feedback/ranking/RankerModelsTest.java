package io.greengate.feedback.ranking;

import io.greengate.platform.ranking.RankerFeatures;

import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.classification.Label;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tribuo fits, serializes and explains the ranker; no Quarkus needed. */
class RankerModelsTest {

    /** The defaults of greengate.ranker.sgd.*. */
    static final RankerConfig.Sgd SGD = new RankerConfig.Sgd() {
        public int epochs() {
            return 30;
        }

        public double learningRate() {
            return 1.0;
        }

        public double epsilon() {
            return 0.1;
        }

        public long seed() {
            return 12345;
        }
    };

    /** Guard cases mostly accepted, signature cases always rejected. */
    static List<TrainingRow> history(int size) {
        List<TrainingRow> rows = new ArrayList<>();
        Instant t = Instant.parse("2024-06-01T08:00:00Z");
        for (int i = 0; i < size; i++) {
            boolean signature = i % 3 == 0;
            String kind = signature ? "signature" : "guard-raises";
            rows.add(new TrainingRow(UUID.randomUUID(), t.plusSeconds(60L * i), !signature && i % 10 != 1,
                    RankerFeatures.encode("python", "pytest", "embedded", kind, List.of(), 8 + i % 5, null,
                            EnginePriors.of(kind))));
        }
        return rows;
    }

    @Test
    void theFittedModelScoresTheAlwaysRejectedKindBelowTheOthers() {
        List<TrainingRow> rows = history(60);
        Model<Label> model = RankerModels.train(rows, SGD, "ranker-test");
        double[] p = RankerModels.acceptProbabilities(model, rows.subList(0, 2)); // a signature, then a guard case
        assertTrue(p[0] < 0.3 && p[1] > 0.7, "signature " + p[0] + ", guard " + p[1]);
        RankerModels.Weight signature = RankerModels.weights(model, 100).stream()
                .filter(w -> w.feature().equals("caseKind=signature")).findFirst().orElseThrow();
        assertTrue(signature.weight() < 0, "its own weight pushes signature cases down: " + signature);
    }

    @Test
    void theArtifactRoundTripsToTheSameProbabilities() {
        List<TrainingRow> rows = history(30);
        Model<Label> model = RankerModels.train(rows, SGD, "ranker-test");
        byte[] artifact = RankerModels.serialize(model);
        Model<Label> loaded = RankerModels.deserialize(artifact);
        assertArrayEquals(RankerModels.acceptProbabilities(model, rows), RankerModels.acceptProbabilities(loaded, rows),
                1e-12);
        assertEquals(new StringProvenance(RankerModels.FEATURE_SCHEMA_KEY, "greengate-ranker-features-v1"),
                loaded.getProvenance().getInstanceProvenance().getMap().get(RankerModels.FEATURE_SCHEMA_KEY),
                "the model names the feature schema it was trained with");
    }

    @Test
    void theSameRowsTrainTheSameModel() {
        List<TrainingRow> rows = history(30);
        assertArrayEquals(RankerModels.acceptProbabilities(RankerModels.train(rows, SGD, "a"), rows),
                RankerModels.acceptProbabilities(RankerModels.train(rows, SGD, "b"), rows), 1e-12);
    }

    @Test
    void bytesThatAreNotAModelAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RankerModels.deserialize(new byte[] {1, 2, 3, 4}));
    }

    @Test
    void theDatasetHashDependsOnEveryRowAndItsOrder() {
        List<TrainingRow> rows = history(5);
        String hash = new TrainingSet(rows).sha256();
        assertEquals(hash, new TrainingSet(List.copyOf(rows)).sha256());
        List<TrainingRow> reversed = new ArrayList<>(rows);
        Collections.reverse(reversed);
        assertNotEquals(hash, new TrainingSet(reversed).sha256());
        assertNotEquals(hash, new TrainingSet(rows.subList(0, 4)).sha256());
        assertEquals(64, hash.length());
    }

    @Test
    void theNewestFifthIsHeldOut() {
        TrainingSet set = new TrainingSet(history(21));
        TrainingSet.Split split = set.split(0.2);
        assertEquals(16, split.train().size());
        assertEquals(5, split.heldOut().size());
        assertTrue(split.train().get(15).decidedAt().isBefore(split.heldOut().get(0).decidedAt()));
    }
}
