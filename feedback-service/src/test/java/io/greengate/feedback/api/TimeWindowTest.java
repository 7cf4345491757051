package io.greengate.feedback.api;

import io.greengate.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeWindowTest {

    @Test
    void datesAreUtcDaysAndAToDateCoversItsWholeDay() {
        TimeWindow window = TimeWindow.parse("2025-01-01", "2025-01-31");
        assertEquals(Instant.parse("2025-01-01T00:00:00Z"), window.from());
        assertEquals(Instant.parse("2025-02-01T00:00:00Z"), window.to());
    }

    @Test
    void instantsMayCarryAnyOffset() {
        TimeWindow window = TimeWindow.parse("2025-01-01T10:00:00+02:00", "2025-01-01T10:00:00Z");
        assertEquals(Instant.parse("2025-01-01T08:00:00Z"), window.from());
        assertEquals(Instant.parse("2025-01-01T10:00:00Z"), window.to());
    }

    @Test
    void absentOrBlankBoundsDoNotFilter() {
        TimeWindow window = TimeWindow.parse(null, " ");
        assertNull(window.from());
        assertNull(window.to());
    }

    @Test
    void bothBadBoundsAreNamed() {
        ProblemException e = assertThrows(ProblemException.class, () -> TimeWindow.parse("soon", "2025-1-1"));
        assertEquals(400, e.toProblem().status());
        assertTrue(e.toProblem().errors().containsKey("from"));
        assertTrue(e.toProblem().errors().containsKey("to"));
    }

    @Test
    void anEmptyWindowIsRefused() {
        assertThrows(ProblemException.class, () -> TimeWindow.parse("2025-01-02T00:00:00Z", "2025-01-02T00:00:00Z"));
    }
}
