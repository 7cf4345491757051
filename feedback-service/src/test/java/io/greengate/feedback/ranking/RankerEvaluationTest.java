package io.greengate.feedback.ranking;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RankerEvaluationTest {

    private static final double[] CONFIDENT = {0.9, 0.8, 0.2, 0.1};
    private static final boolean[] TWO_ACCEPTED_TWO_REJECTED = {true, true, false, false};

    @Test
    void aPerfectRankingHasAnAucOfOne() {
        assertEquals(1.0, RankerEvaluation.of(CONFIDENT, TWO_ACCEPTED_TWO_REJECTED, 2).auc(), 1e-12);
    }

    @Test
    void anInvertedRankingHasAnAucOfZeroAndTiesHaveOneHalf() {
        assertEquals(0.0, RankerEvaluation.of(new double[] {0.1, 0.2, 0.8, 0.9}, TWO_ACCEPTED_TWO_REJECTED, 2).auc(),
                1e-12);
        assertEquals(0.5, RankerEvaluation.of(new double[] {0.5, 0.5, 0.5, 0.5}, TWO_ACCEPTED_TWO_REJECTED, 2).auc(),
                1e-12);
    }

    @Test
    void logLossAndBrierScoreAreMeansOverTheDecisions() {
        RankerEvaluation evaluation = RankerEvaluation.of(CONFIDENT, TWO_ACCEPTED_TWO_REJECTED, 2);
        assertEquals(-(2 * Math.log(0.9) + 2 * Math.log(0.8)) / 4, evaluation.logLoss(), 1e-12);
        assertEquals((0.01 + 0.04 + 0.04 + 0.01) / 4, evaluation.brierScore(), 1e-12);
    }

    @Test
    void calibrationErrorWeighsEachBinsGapByItsShare() {
        // one decision per bin: |0.9 − 1|, |0.8 − 1|, |0.2 − 0|, |0.1 − 0|
        assertEquals((0.1 + 0.2 + 0.2 + 0.1) / 4,
                RankerEvaluation.of(CONFIDENT, TWO_ACCEPTED_TWO_REJECTED, 2).expectedCalibrationError(), 1e-12);
        // two decisions in one bin, mean p 0.65 against an accept rate of 0.5
        assertEquals(0.15, RankerEvaluation.expectedCalibrationError(new double[] {0.61, 0.69},
                new boolean[] {true, false}), 1e-12);
    }

    @Test
    void precisionAtKLooksAtTheKHighestScores() {
        double[] scores = {0.3, 0.9, 0.8, 0.1};
        boolean[] accepted = {true, false, true, true};
        RankerEvaluation evaluation = RankerEvaluation.of(scores, accepted, 2);
        assertEquals(2, evaluation.k());
        assertEquals(0.5, evaluation.precisionAtK(), 1e-12);
        assertEquals(4, RankerEvaluation.of(scores, accepted, 10).k(), "k is capped at the held-out size");
    }

    @Test
    void withOneOutcomeOnlyAucIsUndefinedAndLeftOutOfTheMetrics() {
        RankerEvaluation evaluation = RankerEvaluation.of(new double[] {0.7, 0.4}, new boolean[] {true, true}, 1);
        assertTrue(Double.isNaN(evaluation.auc()));
        assertFalse(evaluation.asMetrics().containsKey("auc"));
        assertEquals(1.0, evaluation.asMetrics().get("heldOutAcceptanceRate"));
    }
}
