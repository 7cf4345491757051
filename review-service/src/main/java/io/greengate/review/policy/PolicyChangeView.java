package io.greengate.review.policy;

import java.time.Instant;

/** One recorded change of a policy. {@code previousMinProbability} is null for a repository's first change. */
public record PolicyChangeView(long id, String repository, boolean enabled, double minProbability,
                               boolean previousEnabled, Double previousMinProbability, String actor, String comment,
                               Instant changedAt) {

    static PolicyChangeView of(AutoAcceptPolicyChange c) {
        return new PolicyChangeView(c.id, c.repository, c.enabled, c.minProbability, c.previousEnabled,
                c.previousMinProbability, c.actor, c.comment, c.changedAt);
    }
}
