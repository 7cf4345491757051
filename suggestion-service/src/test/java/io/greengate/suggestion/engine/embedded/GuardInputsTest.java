package io.greengate.suggestion.engine.embedded;

import io.greengate.suggestion.analysis.ChangedSymbol;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuardInputsTest {

    private static final List<ChangedSymbol.Parameter> PYTHON = List.of(
            new ChangedSymbol.Parameter("rate", null, null, false),
            new ChangedSymbol.Parameter("items", null, null, false));
    private static final List<ChangedSymbol.Parameter> JAVA = List.of(
            new ChangedSymbol.Parameter("percent", "int", null, false),
            new ChangedSymbol.Parameter("total", "long", null, false),
            new ChangedSymbol.Parameter("factor", "double", null, false),
            new ChangedSymbol.Parameter("name", "String", null, false));

    private static Optional<GuardInputs.Trigger> python(String condition) {
        return GuardInputs.solve(new ChangedSymbol.Guard(condition, "ValueError", 1), PYTHON, false);
    }

    private static Optional<GuardInputs.Trigger> java(String condition) {
        return GuardInputs.solve(new ChangedSymbol.Guard(condition, "IllegalArgumentException", 1), JAVA, true);
    }

    @Test
    void comparisonsWithANumberAreTrippedJustOverTheBound() {
        assertEquals(Optional.of(new GuardInputs.Trigger("rate", "-1")), python("rate < 0"));
        assertEquals(Optional.of(new GuardInputs.Trigger("rate", "2")), python("rate > 1"));
        assertEquals(Optional.of(new GuardInputs.Trigger("rate", "1")), python("rate >= 1"));
        assertEquals(Optional.of(new GuardInputs.Trigger("rate", "-0.5")), python("rate < 0.5"));
        assertEquals(Optional.of(new GuardInputs.Trigger("rate", "101")), python("100 < rate"));
    }

    @Test
    void theFirstSolvableBranchOfAnOrIsTaken() {
        assertEquals(Optional.of(new GuardInputs.Trigger("rate", "2")), python("unknown(rate) or rate > 1"));
        assertEquals(Optional.of(new GuardInputs.Trigger("percent", "-1")), java("percent < 0 || percent > 100"));
    }

    @Test
    void noneAndFalsyChecksTakeNone() {
        assertEquals(Optional.of(new GuardInputs.Trigger("items", "None")), python("items is None"));
        assertEquals(Optional.of(new GuardInputs.Trigger("items", "None")), python("not items"));
        assertEquals(Optional.of(new GuardInputs.Trigger("name", "null")), java("name == null"));
    }

    @Test
    void javaLiteralsFollowTheParameterType() {
        assertEquals(Optional.of(new GuardInputs.Trigger("total", "-1L")), java("total < 0"));
        assertEquals(Optional.of(new GuardInputs.Trigger("factor", "-1.0")), java("factor < 0"));
    }

    @Test
    void whatItDoesNotUnderstandYieldsNothing() {
        assertEquals(Optional.empty(), python("rate < 0 and items"));
        assertEquals(Optional.empty(), python("len(items) > 3"));
        assertEquals(Optional.empty(), python("other < 0"));
        assertEquals(Optional.empty(), java("percent < 0.5"));
        assertEquals(Optional.empty(), java("name.isBlank()"));
        // a negated disjunction fires when no branch holds: percent < 0 alone does not trip it
        assertEquals(Optional.empty(), java("!(name == null || percent < 0 || total > 3)"));
        assertEquals(Optional.empty(), python("not (rate < 0 or items)"));
    }

    @Test
    void whetherAConditionHoldsForTheArgumentsACasePasses() {
        assertTrue(GuardInputs.holds("0 == count", Map.of("count", "0")));
        assertTrue(GuardInputs.holds("count < 1 || name == null", Map.of("count", "5", "name", "(String) null")));
        assertTrue(GuardInputs.holds("name.length() == 0", Map.of("name", "\"\"")));
        assertFalse(GuardInputs.holds("name.isEmpty()", Map.of("name", "\"Greengate\"")));
        assertFalse(GuardInputs.holds("total > 3L", Map.of("total", "0L")));
        // what it cannot tell counts as not holding
        assertFalse(GuardInputs.holds("count == 0 && name == null", Map.of("count", "0", "name", "null")));
        assertFalse(GuardInputs.holds("name.isBlank()", Map.of("name", "\" \"")));
    }

    @Test
    void anEmptinessCheckGetsAnEmptyValueOfTheParametersType() {
        assertEquals(Optional.of(new GuardInputs.Trigger("name", "\"\"")), java("name.isEmpty()"));
        assertEquals(Optional.empty(), java("total.isEmpty()"), "a long has no empty value");
    }
}
