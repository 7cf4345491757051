package io.greengate.suggestion.engine.embedded;

import io.greengate.suggestion.Diffs;
import io.greengate.suggestion.analysis.ChangeAnalyzer;
import io.greengate.suggestion.diff.UnifiedDiffParser;
import io.greengate.suggestion.engine.GenerationRequest;
import io.greengate.suggestion.engine.SuggestedTest;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Observed-outcome cases run the way CI runs them: once with the assertion swapped for a write of the outcome, then
 * filled in with what that run saw, compiled with javac and run with JUnit 5; and the filled case fails once the
 * method behaves otherwise.
 */
class ObservedOutcomesRunTest {

    static final String PATH = "src/main/java/org/acme/label/Labels.java";

    static final String LABELS = """
            package org.acme.label;

            import java.io.IOException;

            public class Labels {

                public enum Style { PLAIN, LOUD }

                public static final Labels DEFAULT = new Labels("[", "]");

                private final String open;
                private final String close;

                public Labels(String open, String close) {
                    this.open = open;
                    this.close = close;
                }

                public static String shout(String text, Style style) {
                    return style == Style.LOUD ? text.toUpperCase() + "!" : text.trim().toLowerCase();
                }

                public static int port(String text) {
                    return Integer.parseInt(text);
                }

                public void render(Appendable out, String text) throws IOException {
                    out.append(open).append(text).append(close);
                }

                public static byte[] tail(byte[] data, int count) {
                    return java.util.Arrays.copyOfRange(data, data.length - count, data.length);
                }

                public static String quote(String text) {
                    return "\\"" + text + "\\"\\n\\u00e9";
                }

                public static String boxed(String text) {
                    return "Box[" + new Object() + "]" + text;
                }

                static String initials(String text, java.util.Random random) {
                    return text.substring(0, 1) + random.nextInt(1000);
                }

                public static Counter counter() {
                    return new Counter(1);
                }

                public static final class Counter {
                    private int count;

                    private Counter(int start) {
                        count = start;
                    }

                    public Counter add(int step) {
                        count += step;
                        return this;
                    }

                    @Override
                    public String toString() {
                        return "Counter " + count;
                    }
                }
            }
            """;

    static final String FRAME_PATH = "src/main/java/org/acme/label/Frame.java";

    static final String FRAME = """
            package org.acme.label;

            public abstract class Frame {

                public static final Frame SQUARE = new Frame() {
                    @Override
                    protected String open() {
                        return "[";
                    }
                };

                protected abstract String open();

                protected String wrap(StringBuffer buffer, String text) {
                    return buffer.append(open()).append(text).toString();
                }
            }
            """;

    static final String FORMAT_PATH = "src/main/java/org/acme/label/Format.java";

    /** Not changed: CI sends it as context, being a type the changed Printer's constructor takes. */
    static final String FORMAT = """
            package org.acme.label;

            public final class Format {

                public static final Format DASHED = new Format("-");

                final String separator;

                private Format(String separator) {
                    this.separator = separator;
                }
            }
            """;

    static final String PRINTER_PATH = "src/main/java/org/acme/label/Printer.java";

    static final String PRINTER = """
            package org.acme.label;

            public class Printer {

                private final StringBuilder out;
                private final Format format;

                public Printer(StringBuilder out, Format format) {
                    this.out = out;
                    this.format = format;
                }

                public void print(String text) {
                    out.append(format.separator).append(text);
                }

                @Override
                public String toString() {
                    return out.toString();
                }
            }
            """;

    @Test
    void withoutObservationThereAreNoObservedCases() {
        assertTrue(suggest(LABELS, false).stream().noneMatch(t -> t.caseKind().equals(ObservedOutcomes.KIND)));
    }

    @Test
    void casesFilledWithWhatTheCallGaveCompilePassAndCatchAChange() throws Exception {
        List<SuggestedTest> observed = suggest(LABELS, true).stream()
                .filter(t -> t.caseKind().equals(ObservedOutcomes.KIND)).toList();
        Map<String, SuggestedTest> bySymbol = new LinkedHashMap<>();
        observed.forEach(t -> bySymbol.put(t.targetSymbol(), t));
        assertEquals(List.of("Frame.wrap", "Labels.Counter.add", "Labels.Counter.toString", "Labels.boxed", "Labels.counter", "Labels.initials", "Labels.port",
                        "Labels.quote", "Labels.render", "Labels.shout", "Labels.tail", "Printer.print",
                        "Printer.toString"),
                bySymbol.keySet().stream().sorted().toList());
        assertTrue(observed.stream().allMatch(t -> ObservedOutcomes.awaitsObservation(t.code())));

        Map<String, String> outcomes = observe(LABELS, observed);
        assertEquals("returned \"hello, world 42\"", outcomes.get("Labels.shout"));
        assertEquals("threw java.lang.NumberFormatException", outcomes.get("Labels.port"));
        // no own toString: the object's state after the call is its class, not a hash that changes between runs
        assertEquals("completed; out: [Hello, World 42]; then: a org.acme.label.Labels", outcomes.get("Labels.render"));
        assertEquals("returned [111, 0, -1]", outcomes.get("Labels.tail"));
        assertEquals("returned \"\"Hello, World 42\"\n\u00e9\"", outcomes.get("Labels.quote"));
        // an identity hash inside a text changes from run to run: it is left out
        assertEquals("returned \"Box[java.lang.Object@hash]Hello, World 42\"", outcomes.get("Labels.boxed"));
        // package-private, with a seeded Random: the same outcome on every run
        assertEquals("returned \"H" + new java.util.Random(42).nextInt(1000) + "\"", outcomes.get("Labels.initials"));
        // a nested class's method, on an instance its class's factory makes
        assertEquals("returned Counter 4", outcomes.get("Labels.Counter.add"));
        assertEquals("returned Counter 1", outcomes.get("Labels.counter"));
        assertEquals("returned \"Counter 1\"", outcomes.get("Labels.Counter.toString"));
        // on an instance made with a shared instance of a type its constructor takes, from a file CI sent along
        assertEquals("completed; then: -Hello, World 42", outcomes.get("Printer.print"));
        // a protected method of an abstract class, on the shared instance the class offers
        assertEquals("returned \"[Hello, World 42\"; buffer: [Hello, World 42", outcomes.get("Frame.wrap"));

        List<SuggestedTest> filled = new ArrayList<>();
        for (SuggestedTest test : observed) {
            String code = ObservedOutcomes.fill(test.code(), outcomes.get(test.targetSymbol()));
            assertTrue(ObservedOutcomes.filledFrom(test.code(), code));
            assertFalse(ObservedOutcomes.awaitsObservation(code));
            filled.add(withCode(test, code));
        }
        assertEquals(List.of(), failing(LABELS, filled));
        String changed = LABELS.replace("text.trim().toLowerCase()", "text.trim()").replace("count += step", "count -= step");
        assertEquals(List.of("Labels.Counter.add", "Labels.shout"), failing(changed, filled).stream().sorted().toList());
    }

    @Test
    void onlyTheLiteralMayBeFilledIn() {
        SuggestedTest shout = suggest(LABELS, true).stream()
                .filter(t -> t.caseKind().equals(ObservedOutcomes.KIND) && t.targetSymbol().equals("Labels.shout"))
                .findFirst().orElseThrow();
        String original = shout.code();
        assertTrue(ObservedOutcomes.filledFrom(original, ObservedOutcomes.fill(original, "returned \"x\"")));
        assertFalse(ObservedOutcomes.filledFrom(original, original), "not filled in");
        assertFalse(ObservedOutcomes.filledFrom(original, ObservedOutcomes.fill(original, "x")
                .replace("Labels.shout(", "Runtime.getRuntime().exec(")), "the call changed");
        assertFalse(ObservedOutcomes.filledFrom(original, original.replace(ObservedOutcomes.PLACEHOLDER,
                "\"x\" + System.getenv(\"HOME\") + \"\"")), "an expression, not a literal");
        assertFalse(ObservedOutcomes.filledFrom(original, original.replace(ObservedOutcomes.PLACEHOLDER,
                "\"x\\u0022 + y + \\u0022\"")), "a unicode escape that closes the literal");
        assertFalse(ObservedOutcomes.filledFrom(original, null));
    }

    static final String TEXT_PY_PATH = "src/shop/text.py";

    static final String TEXT_PY = """
            def shout(text: str) -> str:
                return text.strip().upper() + "!"


            def pairs(seq, n=2):
                yield from zip(seq, seq[1:])


            def parse(text):
                return int(text)


            def combine(f, g):
                return lambda x: f(g(x))
            """;

    @Test
    void pytestCasesFilledWithWhatTheCallGavePassAndCatchAChange() throws Exception {
        String diff = Diffs.newFile(TEXT_PY_PATH, TEXT_PY);
        Map<String, String> files = Map.of(TEXT_PY_PATH, TEXT_PY);
        var analysis = ChangeAnalyzer.analyze(UnifiedDiffParser.parse(diff), files);
        List<SuggestedTest> observed = new EmbeddedEngine().generate(new GenerationRequest("github.com/acme/shop", diff,
                        analysis.symbols(), files, 20, true)).tests().stream()
                .filter(t -> t.caseKind().equals(ObservedOutcomes.KIND)).toList();
        // combine's parameters have no ordinary values (two functions): no case
        assertEquals(List.of("pairs", "parse", "shout"), observed.stream().map(SuggestedTest::targetSymbol).sorted().toList());
        assertTrue(observed.stream().allMatch(t -> ObservedOutcomes.awaitsObservation(t.code())));

        Path checkout = Files.createTempDirectory("pyshop");
        Files.createDirectories(checkout.resolve("src/shop"));
        Files.writeString(checkout.resolve(TEXT_PY_PATH), TEXT_PY);
        Path outcomes = Files.createTempDirectory("outcomes");
        for (SuggestedTest test : observed) {
            writeTest(checkout, test, test.code().replace(ObservedOutcomes.PYTHON_ASSERTION,
                    "__import__('pathlib').Path('" + outcomes.resolve(test.targetSymbol())
                            + "').write_bytes(outcome.encode('utf-8'))"));
        }
        PytestRun probes = pytest(checkout);
        assertEquals(0, probes.exitCode(), probes.output());
        Map<String, String> seen = new LinkedHashMap<>();
        for (SuggestedTest test : observed) {
            seen.put(test.targetSymbol(), Files.readString(outcomes.resolve(test.targetSymbol())));
        }
        assertEquals("returned 'HELLO, WORLD 42!'", seen.get("shout"));
        // an iterator's items, not its repr: running it runs the changed lines
        assertEquals("returned [(3, 1), (1, 2)]", seen.get("pairs"));
        assertEquals("raised ValueError", seen.get("parse"));

        for (SuggestedTest test : observed) {
            String filled = ObservedOutcomes.fillPython(test.code(), seen.get(test.targetSymbol()));
            assertTrue(ObservedOutcomes.filledFrom(test.code(), filled));
            writeTest(checkout, test, filled);
        }
        PytestRun filledRun = pytest(checkout);
        assertEquals(0, filledRun.exitCode(), filledRun.output());
        Files.writeString(checkout.resolve(TEXT_PY_PATH), TEXT_PY.replace("upper()", "lower()"));
        PytestRun changed = pytest(checkout);
        assertEquals(1, changed.exitCode(), changed.output());
        assertTrue(changed.output().contains("1 failed, 2 passed"), "only shout's case fails: " + changed.output());
        String shout = observed.stream().filter(t -> t.targetSymbol().equals("shout")).findFirst().orElseThrow().code();
        assertFalse(ObservedOutcomes.filledFrom(shout, shout.replace(ObservedOutcomes.PLACEHOLDER,
                "'x' + __import__('os').getcwd()")), "an expression, not a literal");
    }

    private static void writeTest(Path checkout, SuggestedTest test, String code) throws Exception {
        Path file = checkout.resolve(test.testPath());
        Files.createDirectories(file.getParent());
        Files.writeString(file, code);
    }

    record PytestRun(int exitCode, String output) {
    }

    /** pytest on the checkout's tests: exit code 0 when all passed, 1 when some failed. */
    private static PytestRun pytest(Path checkout) throws Exception {
        Process pytest = new ProcessBuilder("python3", "-m", "pytest", "-q", "-p", "no:cacheprovider",
                "--rootdir", checkout.toString(), checkout.resolve("tests").toString())
                .directory(Files.createTempDirectory("elsewhere").toFile()).redirectErrorStream(true).start();
        String output = new String(pytest.getInputStream().readAllBytes());
        assertTrue(pytest.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), output);
        return new PytestRun(pytest.exitValue(), output);
    }

    private static List<SuggestedTest> suggest(String source, boolean observe) {
        String diff = Diffs.newFile(PATH, source) + Diffs.newFile(FRAME_PATH, FRAME) + Diffs.newFile(PRINTER_PATH, PRINTER);
        Map<String, String> files = Map.of(PATH, source, FRAME_PATH, FRAME, PRINTER_PATH, PRINTER, FORMAT_PATH, FORMAT);
        var analysis = ChangeAnalyzer.analyze(UnifiedDiffParser.parse(diff), files);
        return new EmbeddedEngine().generate(new GenerationRequest("github.com/acme/label", diff, analysis.symbols(),
                files, 20, observe)).tests();
    }

    private static SuggestedTest withCode(SuggestedTest t, String code) {
        return new SuggestedTest(t.targetFile(), t.targetSymbol(), t.language(), t.framework(), t.caseKind(),
                t.testPath(), code, t.testFileBase(), t.rationale(), t.confidence(), t.riskFlags(), t.prompt(),
                t.priorConfidence());
    }

    /** What CI's observation run does: the assertion becomes a write of the outcome to a file, read back after. */
    private static Map<String, String> observe(String source, List<SuggestedTest> tests) throws Exception {
        Path outcomes = Files.createTempDirectory("outcomes");
        List<SuggestedTest> probes = new ArrayList<>();
        for (SuggestedTest test : tests) {
            Path file = outcomes.resolve(test.targetSymbol());
            probes.add(withCode(test, test.code().replace(ObservedOutcomes.ASSERTION,
                    "java.nio.file.Files.write(java.nio.file.Paths.get(\"" + file
                            + "\"), outcome.getBytes(java.nio.charset.StandardCharsets.UTF_8));")));
        }
        assertEquals(List.of(), failing(source, probes));
        Map<String, String> seen = new LinkedHashMap<>();
        for (SuggestedTest test : tests) {
            seen.put(test.targetSymbol(), Files.readString(outcomes.resolve(test.targetSymbol())));
        }
        return seen;
    }

    /** Compiles the class and the tests with javac and runs them with JUnit 5: the target symbols of those that fail. */
    private static List<String> failing(String source, List<SuggestedTest> tests) throws Exception {
        Path classes = JavacCheckout.compile(Map.of(PATH, source, FRAME_PATH, FRAME, PRINTER_PATH, PRINTER,
                FORMAT_PATH, FORMAT), tests);
        List<String> failing = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()},
                Thread.currentThread().getContextClassLoader())) {
            for (SuggestedTest test : tests) {
                SummaryGeneratingListener listener = new SummaryGeneratingListener();
                org.junit.platform.launcher.core.LauncherFactory.create().execute(
                        request().selectors(selectClass(loader.loadClass(JavacCheckout.className(test)))).build(),
                        listener);
                TestExecutionSummary summary = listener.getSummary();
                if (summary.getTestsSucceededCount() != 1 || summary.getTotalFailureCount() != 0) {
                    failing.add(test.targetSymbol());
                }
            }
        }
        return failing;
    }
}
