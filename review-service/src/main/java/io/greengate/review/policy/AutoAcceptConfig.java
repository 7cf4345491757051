package io.greengate.review.policy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the auto-accept policy (prefix {@code greengate.auto-accept}); the policy itself is per repository. */
@ConfigMapping(prefix = "greengate.auto-accept")
public interface AutoAcceptConfig {

    /** The ranker probability a suggestion needs when an admin turns the policy on without naming one. */
    @WithDefault("0.9")
    double defaultMinProbability();
}
