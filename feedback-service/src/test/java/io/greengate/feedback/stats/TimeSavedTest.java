package io.greengate.feedback.stats;

import io.greengate.feedback.stats.FeedbackStats.ReviewerTimeSaved;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimeSavedTest {

    @Test
    void acceptedTestsSaveTheirWritingTimeLessTheReviewTimeOfEverySuggestion() {
        ReviewerTimeSaved saved = FeedbackStatistics.estimateTimeSaved(4, 2, 11, 15, 0.5, 2);
        assertEquals(4 * 15 + 2 * 7.5 - 11 * 2, saved.minutes(), 1e-9);
        assertEquals(saved.minutes() / 60, saved.hours(), 1e-9);
    }

    @Test
    void rejectingEverythingCostsReviewTime() {
        assertEquals(-20, FeedbackStatistics.estimateTimeSaved(0, 0, 10, 15, 0.5, 2).minutes(), 1e-9);
    }
}
