package io.greengate.feedback;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EditDistanceTest {

    @Test
    void theDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(Optional.of(3), FeedbackCollector.editDistance("kitten", "sitting", 100));
        assertEquals(Optional.of(0), FeedbackCollector.editDistance("same", "same", 100));
        assertEquals(Optional.of(4), FeedbackCollector.editDistance("", "abcd", 100));
    }

    @Test
    void aMissingCodeHasNoDistance() {
        assertEquals(Optional.empty(), FeedbackCollector.editDistance(null, "x", 100));
        assertEquals(Optional.empty(), FeedbackCollector.editDistance("x", null, 100));
    }

    @Test
    void codesOverTheLimitAreNotMeasured() {
        assertEquals(Optional.empty(), FeedbackCollector.editDistance("a".repeat(101), "b", 100));
        assertEquals(Optional.of(100), FeedbackCollector.editDistance("a".repeat(100), "b".repeat(100), 100));
    }
}
