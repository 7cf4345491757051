package io.greengate.review.policy;

import java.time.Instant;

/** A repository's auto-accept policy; {@code changedBy} is null while no admin has set it (off by default). */
public record PolicyView(String repository, boolean enabled, double minProbability, String changedBy,
                         Instant changedAt) {

    static PolicyView of(AutoAcceptPolicy policy) {
        return new PolicyView(policy.repository, policy.enabled, policy.minProbability, policy.changedBy,
                policy.changedAt);
    }

    static PolicyView off(String repository, double minProbability) {
        return new PolicyView(repository, false, minProbability, null, null);
    }
}
