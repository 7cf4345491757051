package io.greengate.review.policy;

import io.greengate.platform.ranking.RankerFeatures;
import io.greengate.review.store.Review;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether the policy may accept a review: CI verified it (compiled, passed, not flaky), no risk flag, and a trained
 * ranker's probability of acceptance at or above the threshold. Under the prior the confidence is the engine's guess,
 * not a learned probability, so nothing is auto-accepted then.
 */
public final class Eligibility {

    private Eligibility() {
    }

    /** What stands in the way; empty when the review may be auto-accepted. */
    public static List<String> blockers(Review review, double minProbability) {
        List<String> blockers = new ArrayList<>();
        if (!Review.Status.PENDING.name().equals(review.status)) {
            blockers.add("already " + review.status);
        }
        if (!Boolean.TRUE.equals(review.compiled) || !Boolean.TRUE.equals(review.passed)) {
            blockers.add("not verified: CI did not report it compiled and passed");
        }
        if (review.failsOnHead()) {
            blockers.add("CI's verdict: it fails on the change's head");
        }
        if (!Boolean.FALSE.equals(review.flaky)) {
            blockers.add("flaky or flakiness unknown");
        }
        if (!review.riskFlagList().isEmpty()) {
            blockers.add("risk flags " + String.join(", ", review.riskFlagList()));
        }
        if (review.modelVersion == null || RankerFeatures.PRIOR_VERSION.equals(review.modelVersion)) {
            blockers.add("no trained ranker scored it (prior confidence)");
        } else if (review.confidence == null || review.confidence < minProbability) {
            blockers.add(String.format(Locale.ROOT, "probability %s below %.2f",
                    review.confidence == null ? "unknown" : String.format(Locale.ROOT, "%.2f", review.confidence),
                    minProbability));
        }
        return blockers;
    }

    /** The audit comment of an auto-accept: the evidence it rested on. */
    public static String evidence(Review review, double minProbability) {
        return String.format(Locale.ROOT, "auto-accepted by policy: compiled and passed in %s run(s), not flaky, "
                        + "no risk flag, ranker %s probability %.2f >= %.2f",
                review.runs == null ? "?" : review.runs, review.modelVersion, review.confidence, minProbability);
    }
}
