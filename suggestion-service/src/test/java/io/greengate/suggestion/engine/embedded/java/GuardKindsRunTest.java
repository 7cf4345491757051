package io.greengate.suggestion.engine.embedded.java;

import io.greengate.suggestion.engine.SuggestedTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.greengate.suggestion.engine.embedded.EngineRuns.code;
import static io.greengate.suggestion.engine.embedded.EngineRuns.compileAndRunAll;
import static io.greengate.suggestion.engine.embedded.EngineRuns.suggest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guard kinds run for real (javac + JUnit 5): early returns of literals, what the Javadoc promises for null and for
 * one argument, and a guard on the object's state that a new instance trips.
 */
class GuardKindsRunTest {

    static final String NAMES_JAVA = """
            package org.example.text;

            public class Names {

                public static String initials(String name, boolean upper) {
                    if (name == null) {
                        return null;
                    }
                    StringBuilder out = new StringBuilder();
                    for (String part : name.trim().split("\\\\s+")) {
                        out.append(part.charAt(0));
                    }
                    return upper ? out.toString().toUpperCase() : out.toString();
                }

                public int width(CharSequence text) {
                    if (text == null || text.length() == 0) return -1;
                    return text.toString().strip().length();
                }

                public boolean isBlank(String text) {
                    if (text == null) {
                        return true;
                    }
                    return text.strip().isEmpty();
                }

                public String label() {
                    return "names";
                }

                public static java.util.List<String> parts(String name) {
                    if (name == null) {
                        return java.util.Collections.emptyList();
                    }
                    return java.util.List.of(name.trim().split("\\s+"));
                }

                public static Style style(Style.Case letters) {
                    return new Style();
                }

                public static class Style {
                    public enum Case { UPPER, LOWER }
                }
            }
            """;

    @Test
    void earlyReturnsOfLiteralsBecomeJunitCasesThatCompileAndPass() throws Exception {
        String path = "src/main/java/org/example/text/Names.java";
        List<SuggestedTest> tests = suggest(path, NAMES_JAVA, 10);
        assertEquals(List.of("guard-returns", "guard-returns", "guard-returns", "signature", "guard-returns",
                        "signature", "enum-constants"), tests.stream().map(SuggestedTest::caseKind).toList());
        // an empty collection is checked by its emptiness
        assertTrue(tests.get(4).code().contains("assertTrue(Names.parts((String) null).isEmpty());"), tests.get(4).code());
        // a type nested in the class is named through it: the test does not see `Style` by its simple name
        assertTrue(tests.get(5).code().contains(
                "assertEquals(Names.Style.class, Names.class.getMethod(\"style\", Names.Style.Case.class)"), tests.get(5).code());
        assertTrue(tests.get(0).code().contains("assertNull(Names.initials((String) null, false));"), tests.get(0).code());
        assertTrue(tests.get(1).code().contains("assertEquals(-1, new Names().width((CharSequence) null));"),
                tests.get(1).code());
        assertTrue(tests.get(2).code().contains("assertTrue(new Names().isBlank((String) null));"), tests.get(2).code());

        compileAndRunAll(path, NAMES_JAVA, tests);
    }

    static final String JOINER_JAVA = """
            package org.example.text;

            import java.util.Objects;

            public class Joiner {

                /**
                 * Joins two parts.
                 *
                 * @param prefix the first part
                 * @param suffix the second part
                 * @return both
                 * @throws NullPointerException if {@code prefix} or {@code suffix} is {@code null}.
                 */
                public static String join(String prefix, String suffix) {
                    return Objects.requireNonNull(prefix, "prefix").concat(Objects.requireNonNull(suffix, "suffix"));
                }

                /**
                 * Distance of two texts.
                 *
                 * @throws IllegalArgumentException if either input is null.
                 */
                public static int distance(CharSequence left, CharSequence right) {
                    if (left == null || right == null) {
                        throw new IllegalArgumentException("inputs must not be null");
                    }
                    return Math.abs(left.length() - right.length());
                }

                /**
                 * Counts.
                 *
                 * @throws NullPointerException if any element of {@code parts} is null.
                 * @throws IllegalArgumentException if {@code width} is negative, given that {@code text} is not null.
                 */
                public static int count(String[] parts, int width, String text) {
                    return parts.length + width;
                }

                /**
                 * Trims.
                 *
                 * @param text the text
                 * @return the trimmed text, {@code null} if null input
                 */
                public static String trim(String text) {
                    return text == null ? null : text.trim();
                }

                /**
                 * Decodes.
                 *
                 * @return The decoded string, <strong>null</strong> if the given text is null.
                 */
                public static String decode(String text, String charset) {
                    return text == null ? null : text.toUpperCase();
                }

                /**
                 * Repeats.
                 *
                 * @return the repeated text, not null
                 */
                public static String twice(String text) {
                    return String.valueOf(text) + text;
                }

                /**
                 * Sums.
                 *
                 * @throws NullPointerException if {@code values} is null.
                 */
                public static long sum(java.util.List<Long> values) {
                    long total = 0;
                    for (Long value : values) {
                        total += value;
                    }
                    return total;
                }
            }
            """;

    @Test
    void whatTheJavadocPromisesForNullBecomesCasesThatCompileAndPass() throws Exception {
        String path = "src/main/java/org/example/text/Joiner.java";
        List<SuggestedTest> tests = suggest(path, JOINER_JAVA, 10);
        // distance states its guard in code (the code's guard wins); count's texts are about elements and a
        // condition beside null, so it gets no such case
        assertEquals(List.of("join:javadoc-throws", "distance:guard-throws", "distance:distance-identity",
                        "count:signature", "trim:javadoc-returns",
                        "decode:javadoc-returns", "twice:signature", "sum:javadoc-throws"),
                tests.stream().map(t -> t.targetSymbol().replace("Joiner.", "") + ":" + t.caseKind()).toList());
        String join = tests.get(0).code();
        assertTrue(join.contains("assertThrows(NullPointerException.class, () -> Joiner.join((String) null, \"Greengate\"));"),
                join);
        assertTrue(tests.get(0).rationale().contains("promises `@throws NullPointerException if prefix or suffix is null.`"),
                tests.get(0).rationale());
        assertTrue(tests.get(5).code().contains("assertNull(Joiner.decode((String) null, \"Greengate\"));"),
                tests.get(5).code());
        compileAndRunAll(path, JOINER_JAVA, tests);
    }

    static final String LAP_JAVA = """
            package org.example.time;

            public class Lap {

                private enum State { NEW, RUNNING, STOPPED }

                private static final int NONE = 0;

                private State state = State.NEW;
                private int laps;
                private boolean split;
                private long started;
                private final String label;

                public Lap() {
                    this("lap");
                }

                public Lap(String label) {
                    this.label = label;
                }

                public void start() {
                    if (state == State.STOPPED) {
                        throw new IllegalStateException("Stopped laps cannot restart.");
                    }
                    state = State.RUNNING;
                    started = System.nanoTime();
                }

                public long split(String name) {
                    if (this.state != State.RUNNING && state != State.STOPPED) {
                        throw new IllegalStateException("Lap is not running.");
                    }
                    split = true;
                    return System.nanoTime() - started;
                }

                public long splitTime() {
                    if (!split) {
                        throw new IllegalStateException("Lap was not split.");
                    }
                    return started;
                }

                public void forget() {
                    if (laps != NONE) {
                        throw new IllegalStateException("a literal against a named constant: may be equal or not");
                    }
                }

                public String label(String label) {
                    if (label != null) {
                        throw new IllegalStateException("the parameter hides the field");
                    }
                    return this.label;
                }
            }
            """;

    static final String COUNTER_JAVA = """
            package org.example.time;

            public class Counter {

                private boolean open;

                public Counter() {
                    reset();
                }

                public void reset() {
                    open = true;
                }

                public void count() {
                    if (!open) {
                        throw new IllegalStateException("closed");
                    }
                }
            }
            """;

    @Test
    void aGuardOnTheObjectsStateThatANewInstanceTripsBecomesACase() throws Exception {
        String path = "src/main/java/org/example/time/Lap.java";
        List<SuggestedTest> tests = suggest(path, LAP_JAVA, 10);
        // start's guard does not hold for a new lap; label's reads its parameter, which a null does not trip
        assertEquals(List.of("start:signature", "split:guard-throws", "splitTime:guard-throws", "forget:signature",
                        "label:signature"),
                tests.stream().map(t -> t.targetSymbol().replace("Lap.", "") + ":" + t.caseKind()).toList());
        assertTrue(tests.get(1).code().contains(
                "assertThrows(IllegalStateException.class, () -> new Lap().split((String) null));"), tests.get(1).code());
        assertTrue(tests.get(1).rationale().contains("a new Lap has state = State.NEW"), tests.get(1).rationale());
        assertTrue(tests.get(2).rationale().contains("a new Lap has split = false"), tests.get(2).rationale());
        compileAndRunAll(path, LAP_JAVA, tests);

        // a constructor that calls the class's own methods may set any field: nothing is assumed
        List<SuggestedTest> counter = suggest("src/main/java/org/example/time/Counter.java", COUNTER_JAVA, 10);
        assertEquals(List.of("signature", "signature"), counter.stream().map(SuggestedTest::caseKind).toList());
    }

    static final String REPEATER_JAVA = """
            package org.example.text;

            import java.util.Objects;

            public class Repeater {

                /**
                 * Repeats a text.
                 *
                 * @throws NullPointerException if {@code text} is null
                 * @throws IllegalArgumentException if {@code count} is negative
                 */
                public static String repeat(String text, int count) {
                    return Objects.requireNonNull(text, "text").repeat(count);
                }

                /**
                 * The first letter.
                 *
                 * @throws IllegalArgumentException if the text is empty
                 */
                public static char first(String text) {
                    return text.chars().mapToObj(c -> (char) c).findFirst()
                            .orElseThrow(() -> new IllegalArgumentException("empty"));
                }

                /**
                 * Sums.
                 *
                 * @throws IllegalArgumentException if {@code values} is empty
                 */
                public static int sum(int[] values) {
                    return java.util.Arrays.stream(values).reduce(Integer::sum)
                            .orElseThrow(() -> new IllegalArgumentException("empty"));
                }

                /**
                 * Copies the first letters.
                 *
                 * @throws NullPointerException if {@code dst} is null
                 */
                public static char[] copy(String text, char[] dst, int count) {
                    if (0 == count) {
                        return dst;
                    }
                    text.getChars(0, count, dst, 0);
                    return dst;
                }

                /**
                 * Looks up.
                 *
                 * @throws NullPointerException if {@code key} is null
                 */
                public static String lookup(java.util.Map<String, String> map, String key) {
                    return map == null ? null : map.get(Objects.requireNonNull(key));
                }

                /**
                 * Pads.
                 *
                 * @throws IllegalArgumentException if {@code width} is negative
                 */
                public static String pad(StringBuilder out, int width) {
                    return out.append(" ".repeat(width)).toString();
                }
            }
            """;

    @Test
    void everyPromiseTheJavadocMakesAboutOneArgumentBecomesACase() throws Exception {
        String path = "src/main/java/org/example/text/Repeater.java";
        List<SuggestedTest> tests = suggest(path, REPEATER_JAVA, 10);
        // lookup's and pad's other arguments have no value a test could pass that is surely fine: a null there
        // could be refused first, or answered without a look at the bad argument (lookup(null, null) is null)
        // copy answers a count of 0 (the value a case passes) with an early return: dst is never looked at
        assertEquals(List.of("repeat:javadoc-throws", "repeat:javadoc-throws", "first:javadoc-throws",
                        "sum:javadoc-throws", "copy:signature", "lookup:signature", "pad:signature"),
                tests.stream().map(t -> t.targetSymbol().replace("Repeater.", "") + ":" + t.caseKind()).toList());
        assertTrue(code(tests, "RepeaterRepeatJavadocThrowsTest")
                .contains("assertThrows(NullPointerException.class, () -> Repeater.repeat((String) null, 0));"));
        assertTrue(code(tests, "RepeaterRepeatJavadocThrowsCountMinus1Test")
                .contains("assertThrows(IllegalArgumentException.class, () -> Repeater.repeat(\"Greengate\", -1));"));
        assertTrue(code(tests, "RepeaterFirstJavadocThrowsTest").contains("Repeater.first(\"\")"));
        assertTrue(code(tests, "RepeaterSumJavadocThrowsTest").contains("Repeater.sum(new int[0])"));
        assertTrue(tests.get(1).rationale().contains("with count = -1"), tests.get(1).rationale());
        compileAndRunAll(path, REPEATER_JAVA, tests);
    }
}
