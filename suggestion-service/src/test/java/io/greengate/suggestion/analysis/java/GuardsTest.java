package io.greengate.suggestion.analysis.java;

import com.github.javaparser.ast.CompilationUnit;
import io.greengate.suggestion.analysis.ChangedSymbol;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuardsTest {

    private static final String SOURCE = """
            import java.util.List;

            public class Stack {
                private boolean started;

                public int pop(Object x, int n) {
                    if (x == null) throw new NullPointerException("x");
                    if (n < 0) {
                        return -1;
                    }
                    if (n == 0) return size();
                    return n;
                }

                public void stop() {
                    if (!started) {
                        throw new IllegalStateException("not started");
                    }
                }

                /**
                 * Skips.
                 *
                 * @return the rest, {@code null} if the given text is null
                 * @throws IllegalArgumentException if {@code n} is negative
                 */
                public static String skip(String text, int n) {
                    return text.substring(n);
                }

                public static List<String> names(String s) {
                    if (s.isEmpty()) return List.of();
                    return List.of(s);
                }
            }
            """;

    private static List<ChangedSymbol.Guard> guards(String method, FreshState fresh) {
        return Guards.guards(JavaSnippets.method(JavaSnippets.parse(SOURCE), method), List.of("import java.util.List;"),
                fresh);
    }

    @Test
    void aThrowingGuardThenAReturningOneUpToTheFirstOtherStatement() {
        assertEquals(List.of(new ChangedSymbol.Guard("x == null", "NullPointerException", 7),
                ChangedSymbol.Guard.returning("n < 0", "-1", 8)), guards("pop", null));
        assertEquals(List.of(ChangedSymbol.Guard.returning("s.isEmpty()", "List.of()", 32)), guards("names", null),
                "an empty collection is a value a test can state");
    }

    @Test
    void earlyExitsAreEveryLeadingReturnWhateverItReturns() {
        assertEquals(List.of("n < 0", "n == 0"),
                Guards.earlyExits(JavaSnippets.method(JavaSnippets.parse(SOURCE), "pop")));
    }

    @Test
    void aGuardThatHoldsOnAFreshInstanceIsMarked() {
        CompilationUnit unit = JavaSnippets.parse(SOURCE);
        FreshState fresh = FreshState.of(JavaSnippets.type(unit, "Stack"));
        assertEquals(List.of(ChangedSymbol.Guard.onFreshState("!started", "IllegalStateException", 16,
                "started = false")), guards("stop", fresh));
        assertEquals(List.of(new ChangedSymbol.Guard("!started", "IllegalStateException", 16)), guards("stop", null),
                "a static method or a class without a no-arg constructor has no fresh state");
    }

    @Test
    void theJavadocsGuardsComeAfterTheCodes() {
        assertEquals(List.of(
                ChangedSymbol.Guard.documented("n < 0", "IllegalArgumentException", 21,
                        "@throws IllegalArgumentException if n is negative"),
                new ChangedSymbol.Guard("text == null", null, 21, "null",
                        "@return the rest, null if the given text is null", null)), guards("skip", null));
    }

    @Test
    void emptyValuesAsASourceWritesThem() {
        assertTrue(Guards.isEmptyValue("java.util.Collections.emptyList()"));
        assertTrue(Guards.isEmptyValue("Optional.empty()"));
        assertFalse(Guards.isEmptyValue("List.of(1)"));
    }
}
