package io.greengate.feedback.ranking;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TrainingSetTest {

    @Test
    void aConfidenceThatARankerGaveIsReplacedByThePrior() {
        assertEquals(0.3, TrainingSet.engineConfidence(0.91, "ranker-4", "signature"));
        assertEquals(0.42, TrainingSet.engineConfidence(0.42, "embedded-2", "signature"));
        assertEquals(0.75, TrainingSet.engineConfidence(null, "prior", "doctest-examples"));
    }
}
