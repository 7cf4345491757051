package io.greengate.feedback;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything an operator can tune in feedback-service; the README lists every key with its default. */
@ConfigMapping(prefix = "greengate.feedback")
public interface FeedbackConfig {

    TimeSaved timeSaved();

    Drift drift();

    Datasets datasets();

    /**
     * Longer codes (in characters) get no edit distance: Levenshtein is quadratic in time, and a test file
     * that large is not what the distance is for.
     */
    @WithDefault("20000")
    int editDistanceMaxChars();

    /**
     * The reviewer-time-saved estimate of the stats: {@code accepted × H + modified × H × credit − decided × R}.
     * Seconds to decision are not used for R: they measure how long a suggestion waited, not reviewer effort.
     */
    interface TimeSaved {
        /** H: minutes a developer needs to write one such test by hand. */
        @WithDefault("15")
        double minutesPerHandWrittenTest();

        /** The share of H a modified suggestion still saves (the human finished it). */
        @WithDefault("0.5")
        double modifiedCredit();

        /** R: minutes a reviewer spends reading one suggestion, whatever the decision. */
        @WithDefault("2")
        double minutesPerReview();
    }

    /**
     * A group (language, repository, model version) is flagged when it has at least {@code min-decisions}
     * decisions and its acceptance rate is more than {@code max-points-below} percentage points under the rate
     * of all the other decisions (which must number at least {@code min-decisions} too).
     */
    interface Drift {
        @WithDefault("5")
        int minDecisions();

        @WithDefault("15")
        double maxPointsBelow();
    }

    interface Datasets {
        /** Rows read from the database per transaction while a dataset streams. */
        @WithDefault("200")
        int pageSize();

        /** The system message of every SFT conversation. */
        @WithDefault("You are Greengate, a test writer. Given a code change, answer with one complete, runnable "
                + "test file for the named symbol and nothing else.")
        String systemPrompt();
    }
}
