package io.greengate.suggestion.analysis.python;

import io.greengate.suggestion.analysis.ChangedSymbol;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PythonGuardsTest {

    private static final String SOURCE = """
            def check(price, name):
                \"\"\"Checks.\"\"\"
                # a comment
                if price < 0:
                    raise ValueError("negative")
                if name is None:
                    return ""
                if price > 100:
                    raise errors.TooBig()
                return price


            def first(items):
                if not items:
                    return
                if len(items) > 3:
                    return compute(items)
                return items[0]
            """;

    private static List<ChangedSymbol.Guard> guards(String function) {
        PythonSnippets.Parsed parsed = PythonSnippets.parse(SOURCE);
        return PythonGuards.guards(parsed.function(function).getChildByFieldName("body"), parsed.text());
    }

    @Test
    void leadingRaisesAndLiteralReturnsAfterTheDocstringUpToAnExceptionATestCannotName() {
        assertEquals(List.of(new ChangedSymbol.Guard("price < 0", "ValueError", 4),
                ChangedSymbol.Guard.returning("name is None", "\"\"", 6)), guards("check"));
    }

    @Test
    void aBareReturnGivesNoneAndAComputedReturnEndsTheGuards() {
        assertEquals(List.of(ChangedSymbol.Guard.returning("not items", "None", 14)), guards("first"));
    }
}
