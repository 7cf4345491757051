package io.greengate.suggestion.engine.embedded;

import io.greengate.suggestion.Diffs;
import io.greengate.suggestion.analysis.ChangeAnalyzer;
import io.greengate.suggestion.diff.UnifiedDiffParser;
import io.greengate.suggestion.engine.GenerationRequest;
import io.greengate.suggestion.engine.SuggestedTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.greengate.suggestion.engine.embedded.EngineRuns.code;
import static io.greengate.suggestion.engine.embedded.EngineRuns.compileAndRunAll;
import static io.greengate.suggestion.engine.embedded.EngineRuns.suggest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded engine as a whole: the cap keeps behaviour cases before signature cases, and a changed private helper or
 * a method of a nested class is reached through the public methods that run it.
 */
class EmbeddedEngineTest {

    @Test
    void behaviourCasesComeBeforeSignatureCasesWhenTheCapBites() {
        String source = """
                package org.example.text;

                public class Early {
                    public String label() {
                        return "early";
                    }

                    public static String orEmpty(String text) {
                        if (text == null) {
                            return "";
                        }
                        return text;
                    }
                }
                """;
        List<SuggestedTest> tests = suggest("src/main/java/org/example/text/Early.java", source, 1);
        assertEquals(1, tests.size());
        assertEquals("guard-returns", tests.get(0).caseKind());
        assertTrue(tests.get(0).code().contains("assertEquals(\"\", Early.orEmpty((String) null));"));
    }

    static final String TOKENS_JAVA = """
            package org.example.text;

            public class Tokens {

                public static String first(String text) {
                    if (text == null) {
                        return null;
                    }
                    return head(text);
                }

                public static int count(String text) {
                    if (text == null) {
                        throw new IllegalArgumentException("text");
                    }
                    return text.isBlank() ? 0 : text.strip().split(" ").length;
                }

                public static String label() {
                    return "tokens";
                }

                private static String head(String text) {
                    String stripped = text.strip();
                    int space = stripped.indexOf(' ');
                    return space < 0 ? stripped : stripped.substring(0, space);
                }
            }
            """;

    @Test
    void aChangedPrivateHelperIsReachedThroughThePublicMethodsThatCallIt() throws Exception {
        String path = "src/main/java/org/example/text/Tokens.java";
        // only a line of the private helper head() changed
        String diff = Diffs.modified(path, "@@ -24,3 +24,3 @@\n"
                + "                 String stripped = text.strip();\n"
                + "-                int space = stripped.indexOf(\" \");\n"
                + "+                int space = stripped.indexOf(' ');\n"
                + "                 return space < 0 ? stripped : stripped.substring(0, space);\n");
        Map<String, String> files = Map.of(path, TOKENS_JAVA);
        var analysis = ChangeAnalyzer.analyze(UnifiedDiffParser.parse(diff), files);
        assertEquals(List.of("first"), analysis.symbols().stream().map(s -> s.name()).toList(),
                "count and label do not call head(); head itself is private");
        assertEquals("head", analysis.symbols().get(0).reachedFrom());
        List<SuggestedTest> tests = new EmbeddedEngine().generate(
                new GenerationRequest("github.com/acme/text", diff, analysis.symbols(), files, 10)).tests();
        // its guard case; no signature pin for a method whose own signature did not change
        assertEquals(List.of("guard-returns"), tests.stream().map(SuggestedTest::caseKind).toList());
        assertTrue(tests.get(0).rationale().contains("it calls head, whose lines did"), tests.get(0).rationale());
        compileAndRunAll(path, TOKENS_JAVA, tests);
    }

    static final String PHONETIC_JAVA = """
            package org.example.sound;

            public class Phonetic {

                private abstract static class Buffer {
                    protected final char[] data;
                    protected int length;

                    Buffer(int size) {
                        data = new char[size];
                    }

                    void put(char code) {
                        if (length == 0 || data[length - 1] != code) {
                            data[length++] = code;
                        }
                    }
                }

                private static final class OutputBuffer extends Buffer {
                    OutputBuffer(int size) {
                        super(size);
                    }

                    @Override
                    public String toString() {
                        return new String(data, 0, length);
                    }
                }

                public String encode(String text) {
                    if (text == null) {
                        return null;
                    }
                    OutputBuffer output = new OutputBuffer(text.length());
                    for (char c : text.toUpperCase().toCharArray()) {
                        output.put(Character.isLetter(c) ? c : '0');
                    }
                    return output.toString();
                }

                public boolean isEncodeEqual(String first, String second) {
                    return encode(first).equals(encode(second));
                }

                public boolean isNotEncodeEqual(String first, String second) {
                    return !isEncodeEqual(first, second);
                }

                public int length(String text) {
                    return text.length();
                }
            }
            """;

    @Test
    void aChangeInsideANestedClassIsReachedThroughTheCallsOnItsInstances() throws Exception {
        String path = "src/main/java/org/example/sound/Phonetic.java";
        // only the condition inside the nested Buffer.put changed
        String diff = Diffs.modified(path, "@@ -13,3 +13,3 @@\n"
                + "                 void put(char code) {\n"
                + "-                    if (data[length - 1] != code) {\n"
                + "+                    if (length == 0 || data[length - 1] != code) {\n"
                + "                         data[length++] = code;\n");
        Map<String, String> files = Map.of(path, PHONETIC_JAVA);
        var analysis = ChangeAnalyzer.analyze(UnifiedDiffParser.parse(diff), files);
        // output.put(..) on a variable declared OutputBuffer runs Buffer.put, which OutputBuffer inherits
        assertEquals(List.of("encode:Buffer.put", "isEncodeEqual:Buffer.put", "isNotEncodeEqual:Buffer.put"),
                analysis.symbols().stream().map(s -> s.name() + ":" + s.reachedFrom()).toList(),
                "length calls nothing of Buffer");
        List<SuggestedTest> tests = new EmbeddedEngine().generate(
                new GenerationRequest("github.com/acme/sound", diff, analysis.symbols(), files, 10)).tests();
        // a negated equality gets no reflexive case, and reached methods no signature pins
        assertEquals(List.of("encode:guard-returns", "isEncodeEqual:reflexive-equality"),
                tests.stream().map(t -> t.targetSymbol().replace("Phonetic.", "") + ":" + t.caseKind()).toList());
        String reflexive = tests.get(1).code();
        assertTrue(reflexive.contains("String second = new String(first);")
                && reflexive.contains("assertTrue(new Phonetic().isEncodeEqual(first, second));"), reflexive);
        assertTrue(tests.get(1).rationale().contains("it calls Buffer.put, whose lines did"), tests.get(1).rationale());
        compileAndRunAll(path, PHONETIC_JAVA, tests);
    }
}
