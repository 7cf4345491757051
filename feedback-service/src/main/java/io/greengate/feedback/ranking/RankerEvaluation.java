package io.greengate.feedback.ranking;

import org.tribuo.classification.evaluation.LabelEvaluationUtil;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * How well a model's probabilities of acceptance match the held-out decisions.
 *
 * @param auc                      area under the ROC curve (Tribuo); NaN when the decisions are all of one outcome
 * @param logLoss                  mean negative log-likelihood of the decisions (probabilities clipped to 1e-15)
 * @param brierScore               mean squared error of the probabilities
 * @param expectedCalibrationError over 10 equal-width probability bins: Σ (bin size / n) · |mean p − accept rate|
 * @param precisionAtK             share accepted among the k highest-scored suggestions
 */
public record RankerEvaluation(int size, int accepted, double auc, double logLoss, double brierScore,
                               double expectedCalibrationError, int k, double precisionAtK) {

    static final int CALIBRATION_BINS = 10;
    private static final double EPSILON = 1e-15;

    public static RankerEvaluation of(double[] probabilities, boolean[] accepted, int k) {
        int n = probabilities.length;
        if (n == 0 || n != accepted.length) {
            throw new IllegalArgumentException("need as many probabilities as decisions, at least one");
        }
        int positives = 0;
        double logLoss = 0;
        double brier = 0;
        for (int i = 0; i < n; i++) {
            double p = Math.min(1 - EPSILON, Math.max(EPSILON, probabilities[i]));
            double y = accepted[i] ? 1 : 0;
            positives += accepted[i] ? 1 : 0;
            logLoss -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
            brier += (probabilities[i] - y) * (probabilities[i] - y);
        }
        double auc = positives == 0 || positives == n ? Double.NaN
                : LabelEvaluationUtil.binaryAUCROC(accepted, probabilities);
        int cut = Math.min(Math.max(1, k), n);
        return new RankerEvaluation(n, positives, auc, logLoss / n, brier / n,
                expectedCalibrationError(probabilities, accepted), cut, precisionAt(cut, probabilities, accepted));
    }

    /** The metrics as numbers (ModelTrained.metrics); an undefined one is left out. */
    public Map<String, Double> asMetrics() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        put(metrics, "auc", auc);
        put(metrics, "logLoss", logLoss);
        put(metrics, "brierScore", brierScore);
        put(metrics, "expectedCalibrationError", expectedCalibrationError);
        put(metrics, "precisionAtK", precisionAtK);
        metrics.put("k", (double) k);
        metrics.put("heldOutSize", (double) size);
        metrics.put("heldOutAcceptanceRate", (double) accepted / size);
        return metrics;
    }

    static double expectedCalibrationError(double[] probabilities, boolean[] accepted) {
        double[] sumP = new double[CALIBRATION_BINS];
        double[] sumY = new double[CALIBRATION_BINS];
        int[] count = new int[CALIBRATION_BINS];
        for (int i = 0; i < probabilities.length; i++) {
            int bin = Math.min(CALIBRATION_BINS - 1, (int) (probabilities[i] * CALIBRATION_BINS));
            sumP[bin] += probabilities[i];
            sumY[bin] += accepted[i] ? 1 : 0;
            count[bin]++;
        }
        double error = 0;
        for (int b = 0; b < CALIBRATION_BINS; b++) {
            if (count[b] > 0) {
                error += (double) count[b] / probabilities.length * Math.abs(sumP[b] / count[b] - sumY[b] / count[b]);
            }
        }
        return error;
    }

    /** Ties keep the decisions' order (oldest first), so the measure is deterministic. */
    static double precisionAt(int k, double[] probabilities, boolean[] accepted) {
        long hits = IntStream.range(0, probabilities.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -probabilities[i]))
                .limit(k)
                .filter(i -> accepted[i])
                .count();
        return (double) hits / k;
    }

    private static void put(Map<String, Double> metrics, String name, double value) {
        if (Double.isFinite(value)) {
            metrics.put(name, value);
        }
    }
}
