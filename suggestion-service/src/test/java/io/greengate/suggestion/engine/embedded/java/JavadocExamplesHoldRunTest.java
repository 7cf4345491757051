package io.greengate.suggestion.engine.embedded.java;

import io.greengate.suggestion.engine.SuggestedTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.greengate.suggestion.engine.embedded.EngineRuns.code;
import static io.greengate.suggestion.engine.embedded.EngineRuns.compileAndRunAll;
import static io.greengate.suggestion.engine.embedded.EngineRuns.suggest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Javadoc examples in the Apache Commons style become assertions that compile with javac and pass under JUnit 5. */
class JavadocExamplesHoldRunTest {

    static final String ABBREVIATIONS_JAVA = """
            package org.example.text;

            public final class Abbreviations {

                private Abbreviations() {
                }

                /**
                 * Abbreviates a String using ellipses.
                 *
                 * <pre>
                 * Abbreviations.abbreviate(null, *)      = null
                 * Abbreviations.abbreviate("", 4)        = ""
                 * Abbreviations.abbreviate("abcdefg", 6) = "abc..."
                 * Abbreviations.abbreviate("abcdefg", 7) = "abcdefg"
                 * Abbreviations.abbreviate("abcdefg", 4) = "a..."
                 * Abbreviations.abbreviate("abcdefg", 3) = IllegalArgumentException
                 * Abbreviations.abbreviate("x@1e23", 9)  = "x@1e23"
                 * </pre>
                 */
                public static String abbreviate(String str, int maxWidth) {
                    if (str == null) {
                        return null;
                    }
                    if (maxWidth < 4) {
                        throw new IllegalArgumentException("Minimum abbreviation width is 4");
                    }
                    return str.length() <= maxWidth ? str : str.substring(0, maxWidth - 3) + "...";
                }

                /**
                 * Whether a text ends in an ellipsis.
                 * <pre>
                 * isAbbreviated("a...")  = true
                 * isAbbreviated("\\u2026") = true
                 * isAbbreviated(null)    = false
                 * isAbbreviated(1)       = false
                 * </pre>
                 */
                public static boolean isAbbreviated(String text) {
                    return text != null && text.endsWith("...");
                }

                /**
                 * Whether every text is null or empty.
                 * <pre>
                 * Abbreviations.allEmpty(null)            = true
                 * Abbreviations.allEmpty(null, "foo")     = false
                 * Abbreviations.allEmpty(null, null)      = true
                 * Abbreviations.allEmpty("", "")          = true
                 * Abbreviations.allEmpty()                = true
                 * Abbreviations.allEmpty(new String[] {}) = true
                 * Abbreviations.allEmpty(new int[] {})    = true
                 * Abbreviations.allEmpty(1, 2)            = false
                 * </pre>
                 */
                public static boolean allEmpty(CharSequence... texts) {
                    if (texts == null) {
                        return true;
                    }
                    for (CharSequence text : texts) {
                        if (text != null && text.length() > 0) {
                            return false;
                        }
                    }
                    return true;
                }
            }
            """;

    @Test
    void javadocExamplesInTheCommonsStyleBecomeAssertionsThatCompileAndPass() throws Exception {
        String path = "src/main/java/org/example/text/Abbreviations.java";
        List<SuggestedTest> tests = suggest(path, ABBREVIATIONS_JAVA, 10);
        assertEquals(List.of("guard-returns", "javadoc-examples", "javadoc-examples", "guard-returns",
                        "javadoc-examples"), tests.stream().map(SuggestedTest::caseKind).toList());
        String abbreviate = tests.get(1).code();
        assertTrue(abbreviate.contains("""
                        assertEquals("", Abbreviations.abbreviate("", 4));
                        assertEquals("abc...", Abbreviations.abbreviate("abcdefg", 6));
                        assertEquals("abcdefg", Abbreviations.abbreviate("abcdefg", 7));
                        assertEquals("a...", Abbreviations.abbreviate("abcdefg", 4));
                """), abbreviate);
        // "*" (any value), an exception and a literal the parameter does not take are left out
        assertFalse(abbreviate.contains("(String) null, *") || abbreviate.contains("IllegalArgumentException"), abbreviate);
        // a result that looks like an identity hash, and a unicode escape javac would read, are left out
        assertFalse(abbreviate.contains("x@1e23") || tests.get(2).code().contains("2026"), tests.get(2).code());
        String isAbbreviated = tests.get(2).code();
        assertTrue(isAbbreviated.contains("assertTrue(Abbreviations.isAbbreviated(\"a...\"));")
                && isAbbreviated.contains("assertFalse(Abbreviations.isAbbreviated((String) null));")
                && !isAbbreviated.contains("isAbbreviated(1)"), isAbbreviated);
        // varargs: the lone null is the null array; other arguments go into one explicit array
        String allEmpty = tests.get(4).code();
        assertTrue(allEmpty.contains("""
                        assertTrue(Abbreviations.allEmpty((CharSequence[]) null));
                        assertFalse(Abbreviations.allEmpty(new CharSequence[] {null, "foo"}));
                        assertTrue(Abbreviations.allEmpty(new CharSequence[] {null, null}));
                        assertTrue(Abbreviations.allEmpty(new CharSequence[] {"", ""}));
                        assertTrue(Abbreviations.allEmpty(new CharSequence[] {}));
                        assertTrue(Abbreviations.allEmpty(new String[] {}));
                """) && !allEmpty.contains("new int[]") && !allEmpty.contains("{1, 2}"), allEmpty);
        compileAndRunAll(path, ABBREVIATIONS_JAVA, tests);
    }
}
