package io.greengate.suggestion.engine.embedded;

import io.greengate.suggestion.Diffs;
import io.greengate.suggestion.analysis.ChangeAnalyzer;
import io.greengate.suggestion.diff.UnifiedDiffParser;
import io.greengate.suggestion.engine.GenerationRequest;
import io.greengate.suggestion.engine.SuggestedTest;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Runs of the embedded engine's cases for real, shared by the run tests of its kinds: suggest for a new file, pick a
 * suggested class, compile and run JUnit cases with javac, run pytest cases with pytest.
 */
public final class EngineRuns {

    private EngineRuns() {
    }

    /** The engine's suggestions for a new file of that content, at most max. */
    public static List<SuggestedTest> suggest(String path, String content, int max) {
        String diff = Diffs.newFile(path, content);
        Map<String, String> files = Map.of(path, content);
        var analysis = ChangeAnalyzer.analyze(UnifiedDiffParser.parse(diff), files);
        return new EmbeddedEngine().generate(
                new GenerationRequest("github.com/acme/text", diff, analysis.symbols(), files, max)).tests();
    }

    public static String code(List<SuggestedTest> tests, String className) {
        return tests.stream().filter(t -> t.testPath().endsWith("/" + className + ".java")).findFirst()
                .orElseThrow(() -> new AssertionError(className + " not among " + tests.stream()
                        .map(SuggestedTest::testPath).toList())).code();
    }

    /** Writes the class and its suggested tests into a checkout, compiles them with javac and runs them all. */
    public static void compileAndRunAll(String path, String source, List<SuggestedTest> tests) throws Exception {
        compileAndRunAll(Map.of(path, source), tests);
    }

    /** The same for classes of several files (a class and its superclass), by path. */
    public static void compileAndRunAll(Map<String, String> sources, List<SuggestedTest> tests) throws Exception {
        Path classes = JavacCheckout.compile(sources, tests);
        try (URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()},
                Thread.currentThread().getContextClassLoader())) {
            Launcher launcher = LauncherFactory.create();
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            var selectors = new ArrayList<org.junit.platform.engine.DiscoverySelector>();
            for (SuggestedTest test : tests) {
                selectors.add(selectClass(loader.loadClass(JavacCheckout.className(test))));
            }
            launcher.execute(request().selectors(selectors).build(), listener);
            TestExecutionSummary summary = listener.getSummary();
            assertEquals(tests.size(), summary.getTestsSucceededCount());
            assertEquals(0, summary.getTotalFailureCount());
        }
    }

    /**
     * Writes the suggested tests into the checkout and runs them with pytest from a directory outside it, so only
     * the tests' own imports can find the code; asserts pytest succeeded and returns its output.
     */
    public static String runPytest(Path checkout, List<SuggestedTest> tests) throws Exception {
        for (SuggestedTest test : tests) {
            Path file = checkout.resolve(test.testPath());
            Files.createDirectories(file.getParent());
            Files.writeString(file, test.code());
        }
        Process pytest = new ProcessBuilder("python3", "-m", "pytest", "-q", "-p", "no:cacheprovider",
                "--rootdir", checkout.toString(), checkout.resolve("tests").toString())
                .directory(Files.createTempDirectory("elsewhere").toFile()).redirectErrorStream(true).start();
        assertTrue(pytest.waitFor(120, TimeUnit.SECONDS));
        String output = new String(pytest.getInputStream().readAllBytes());
        assertEquals(0, pytest.exitValue(), output + tests.stream().map(SuggestedTest::code).toList());
        return output;
    }
}
