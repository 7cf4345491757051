package io.greengate.suggestion.engine.embedded;

import io.greengate.suggestion.Diffs;
import io.greengate.suggestion.analysis.ChangeAnalyzer;
import io.greengate.suggestion.diff.UnifiedDiffParser;
import io.greengate.suggestion.engine.GenerationRequest;
import io.greengate.suggestion.engine.SuggestedTest;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/** The embedded engine's JUnit 5 files compile with javac next to the changed class and pass. */
class GeneratedJunitRunsTest {

    @Test
    void theGuardCaseForPricingTotalCompilesAndPasses() throws Exception {
        Map<String, String> files = Map.of("src/main/java/com/acme/shop/Pricing.java", Diffs.PRICING_JAVA);
        var analysis = ChangeAnalyzer.analyze(UnifiedDiffParser.parse(Diffs.PRICING_JAVA_DIFF), files);
        List<SuggestedTest> tests = new EmbeddedEngine().generate(
                new GenerationRequest("github.com/acme/shop", Diffs.PRICING_JAVA_DIFF, analysis.symbols(), files, 10)).tests();
        assertEquals(1, tests.size());
        SuggestedTest test = tests.get(0);

        Path checkout = Files.createTempDirectory("checkout");
        Path main = checkout.resolve("src/main/java/com/acme/shop/Pricing.java");
        Path testFile = checkout.resolve(test.testPath());
        Files.createDirectories(main.getParent());
        Files.createDirectories(testFile.getParent());
        Files.writeString(main, Diffs.PRICING_JAVA);
        Files.writeString(testFile, test.code());
        Path classes = Files.createDirectories(checkout.resolve("classes"));

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int compiled = javac.run(null, null, errors, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), main.toString(), testFile.toString());
        assertEquals(0, compiled, test.code() + "\n" + errors);

        String className = "com.acme.shop." + testFile.getFileName().toString().replace(".java", "");
        try (URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()},
                Thread.currentThread().getContextClassLoader())) {
            Launcher launcher = LauncherFactory.create();
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            launcher.execute(request().selectors(selectClass(loader.loadClass(className))).build(), listener);
            TestExecutionSummary summary = listener.getSummary();
            assertEquals(1, summary.getTestsSucceededCount(), test.code());
            assertEquals(0, summary.getTotalFailureCount());
        }
    }
}
