package io.greengate.review.insights;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Where the insights page reads feedback-service's and carbon-meter's figures (prefix {@code greengate.insights}). */
@ConfigMapping(prefix = "greengate.insights")
public interface InsightsConfig {

    @WithDefault("http://127.0.0.1:8083")
    String feedbackUrl();

    @WithDefault("http://127.0.0.1:8084")
    String carbonUrl();

    /** An API token of role ci for both services; unset, the page says those figures are not configured. */
    Optional<String> token();

    /** Per call: a slow service must not hold the page; the page says the figures are missing instead. */
    @WithDefault("2s")
    Duration timeout();

    /** How many days the acceptance charts cover, ending today. */
    @WithDefault("30")
    int days();
}
