package io.greengate.feedback.ranking;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TrainingSetTest {

    @Test
    void theEnginesPriorIsTheOneTheSuggestionCarried() {
        assertEquals(0.3, TrainingSet.engineConfidence(0.3, 0.91, "ranker-4"));
        assertEquals(0.75, TrainingSet.engineConfidence(0.75, 0.75, "prior"));
    }

    @Test
    void withoutACarriedPriorARankersConfidenceIsNeverLearnedFrom() {
        assertEquals(0.42, TrainingSet.engineConfidence(null, 0.42, "embedded-2"));
        assertEquals(TrainingSet.UNKNOWN_PRIOR, TrainingSet.engineConfidence(null, 0.91, "ranker-4"));
        assertEquals(TrainingSet.UNKNOWN_PRIOR, TrainingSet.engineConfidence(null, null, "prior"));
    }
}
