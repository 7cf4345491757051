package io.greengate.suggestion.ranking;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Where the promoted ranker comes from and how much of its reasoning a suggestion shows. */
@ConfigMapping(prefix = "greengate.ranker")
public interface RankerConfig {

    /** feedback-service, which serves the models' artifacts. */
    @WithDefault("http://127.0.0.1:8083")
    String feedbackUrl();

    /** An API token of role ci (or admin) for feedback-service; unset, no model can be downloaded. */
    Optional<String> token();

    /** Per download attempt (connect and read); a download is tried three times. */
    @WithDefault("10s")
    Duration downloadTimeout();

    /**
     * How often every instance looks for a model another instance loaded (each ModelTrained reaches one instance
     * of the consumer group); a scheduler period.
     */
    @WithDefault("30s")
    String refreshEvery();

    /** How many of the largest contributions a suggestion's rationale names. */
    @WithDefault("3")
    int explainedFeatures();
}
