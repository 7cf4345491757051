package io.greengate.feedback.ranking;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How the ranker is trained, evaluated and promoted; the README lists every key with its default. */
@ConfigMapping(prefix = "greengate.ranker")
public interface RankerConfig {

    /**
     * How often the ranker retrains by itself (a Quarkus scheduler period such as {@code 6h}), or {@code off}.
     * A scheduled run is skipped when nothing was decided since the last training (same dataset sha256).
     */
    @WithDefault("off")
    String retrainEvery();

    /** Decisions by reviewers needed before training starts; fewer is a 409 (cold start: the prior ranks). */
    @WithDefault("20")
    int minDecisions();

    /** The share of decisions, newest by decided time, held out for evaluation. */
    @WithDefault("0.2")
    double heldOutFraction();

    /** With no promoted model, a new one is promoted only when its held-out AUC exceeds this. */
    @WithDefault("0.55")
    double minAuc();

    /** A new model is promoted only when its AUC exceeds the promoted model's (on the same split) by more than this. */
    @WithDefault("0")
    double minAucGain();

    /** k of "precision at k": how many of the top-scored held-out suggestions are looked at. */
    @WithDefault("10")
    int precisionAtK();

    /** A version still TRAINING after this long is marked FAILED (its process stopped) when the next one starts. */
    @WithDefault("1h")
    Duration trainingTimeout();

    Sgd sgd();

    /** Tribuo's logistic regression: linear model, log loss, trained by SGD with AdaGrad. */
    interface Sgd {
        @WithDefault("30")
        int epochs();

        @WithDefault("1.0")
        double learningRate();

        /** AdaGrad's epsilon. */
        @WithDefault("0.1")
        double epsilon();

        /** Fixed, so that the same dataset trains the same model. */
        @WithDefault("12345")
        long seed();
    }
}
