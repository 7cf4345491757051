package io.greengate.feedback.stats;

import io.greengate.feedback.stats.DriftRule.Counts;
import io.greengate.feedback.stats.FeedbackStats.GroupRate;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DriftRuleTest {

    private static final DriftRule RULE = new DriftRule(5, 15);

    private static List<GroupRate> apply(Object... groupDecidedAccepted) {
        Map<String, Counts> groups = new LinkedHashMap<>();
        for (int i = 0; i < groupDecidedAccepted.length; i += 3) {
            groups.put((String) groupDecidedAccepted[i], new Counts((int) groupDecidedAccepted[i + 1],
                    (int) groupDecidedAccepted[i + 2]));
        }
        return RULE.apply(groups);
    }

    @Test
    void aGroupMoreThanTheMarginBelowTheOthersIsFlagged() {
        List<GroupRate> rates = apply("python", 10, 8, "java", 10, 4);
        assertFalse(rates.get(0).flagged());
        assertTrue(rates.get(1).flagged(), "40% against 80%");
        assertEquals(0.8, rates.get(1).othersAcceptanceRate(), 1e-9);
    }

    @Test
    void aGroupJustWithinTheMarginIsNotFlagged() {
        assertFalse(apply("python", 10, 8, "java", 10, 7).get(1).flagged(), "70% against 80%: 10 points");
    }

    @Test
    void aGroupWithTooFewDecisionsIsNotFlagged() {
        assertFalse(apply("python", 10, 9, "go", 4, 0).get(1).flagged(), "4 decisions say little");
    }

    @Test
    void aGroupIsNotFlaggedWhenTheOthersHaveTooFewDecisions() {
        assertFalse(apply("python", 4, 4, "java", 10, 1).get(1).flagged());
    }

    @Test
    void aSingleGroupHasNothingToBeComparedWith() {
        GroupRate only = apply("python", 20, 1).get(0);
        assertFalse(only.flagged());
        assertNull(only.othersAcceptanceRate());
    }

    @Test
    void aLargeGroupCannotHideInItsOwnAverage() {
        // overall 82/110 = 74.5%: java at 60% is 14.5 points under it, but 20 points under the other 90 decisions
        assertTrue(apply("python", 90, 80, "java", 10, 2).get(1).flagged());
        assertTrue(apply("python", 100, 80, "java", 10, 6).get(1).flagged());
    }
}
