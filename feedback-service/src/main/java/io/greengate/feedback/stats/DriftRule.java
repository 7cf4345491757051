package io.greengate.feedback.stats;

import io.greengate.feedback.stats.FeedbackStats.GroupRate;

import java.util.List;
import java.util.Map;

/**
 * Flags a group whose acceptance is well below the rest: at least {@code minDecisions} decisions in the
 * group and in the rest, and a rate more than {@code maxPointsBelow} percentage points under the rest's rate.
 * Comparing with the rest rather than the overall rate keeps a large group from hiding in its own average.
 */
public record DriftRule(int minDecisions, double maxPointsBelow) {

    /** Decided and accepted (accepted + modified) counts of one group. */
    public record Counts(long decided, long accepted) {
    }

    public String describe() {
        return "flagged when a group has at least " + minDecisions + " decisions and its acceptance rate is more than "
                + maxPointsBelow + " percentage points below the rate of all other decisions (at least "
                + minDecisions + " of them)";
    }

    /** Rates per group, in the order given, each compared with the groups' total minus itself. */
    public List<GroupRate> apply(Map<String, Counts> groups) {
        long totalDecided = groups.values().stream().mapToLong(Counts::decided).sum();
        long totalAccepted = groups.values().stream().mapToLong(Counts::accepted).sum();
        return groups.entrySet().stream().map(group -> {
            Counts counts = group.getValue();
            double rate = rate(counts.accepted(), counts.decided());
            long othersDecided = totalDecided - counts.decided();
            Double othersRate = othersDecided == 0 ? null : rate(totalAccepted - counts.accepted(), othersDecided);
            boolean flagged = counts.decided() >= minDecisions && othersDecided >= minDecisions
                    && (othersRate - rate) * 100 > maxPointsBelow;
            return new GroupRate(group.getKey(), counts.decided(), counts.accepted(), rate, othersRate, flagged);
        }).toList();
    }

    private static double rate(long accepted, long decided) {
        return decided == 0 ? 0 : (double) accepted / decided;
    }
}
