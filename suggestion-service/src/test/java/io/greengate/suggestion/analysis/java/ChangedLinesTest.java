package io.greengate.suggestion.analysis.java;

import com.github.javaparser.ast.CompilationUnit;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChangedLinesTest {

    private static final String SOURCE = """
            public class Counter {
                public int next() {
                    return 1;
                }

                public int reset() {
                    return 0;
                }
            }
            """;

    @Test
    void aDeclarationIsTouchedWhenOneOfItsLinesChanged() {
        CompilationUnit unit = JavaSnippets.parse(SOURCE);
        assertTrue(ChangedLines.touched(JavaSnippets.method(unit, "next"), JavaSnippets.changed("Counter.java", 3, 3)));
        assertFalse(ChangedLines.touched(JavaSnippets.method(unit, "reset"), JavaSnippets.changed("Counter.java", 3, 3)));
        assertTrue(ChangedLines.touched(JavaSnippets.method(unit, "reset"), JavaSnippets.changed("Counter.java", 5, 6)),
                "a change on the declaration's first line touches it");
    }
}
