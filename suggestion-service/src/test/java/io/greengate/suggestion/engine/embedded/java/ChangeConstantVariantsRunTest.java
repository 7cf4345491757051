package io.greengate.suggestion.engine.embedded.java;

import io.greengate.suggestion.Diffs;
import io.greengate.suggestion.analysis.ChangeAnalyzer;
import io.greengate.suggestion.diff.UnifiedDiffParser;
import io.greengate.suggestion.engine.GenerationRequest;
import io.greengate.suggestion.engine.SuggestedTest;
import io.greengate.suggestion.engine.embedded.EmbeddedEngine;
import io.greengate.suggestion.engine.embedded.JavacCheckout;
import io.greengate.suggestion.engine.embedded.ObservedOutcomes;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Observed-outcome cases whose arguments are the change's own constants: observed on the change's head, they fail on
 * its base where the change altered behaviour, while a case with an ordinary argument holds on both.
 */
class ChangeConstantVariantsRunTest {

    static final String PATH = "src/main/java/org/acme/Sizes.java";
    static final String BASE = """
            package org.acme;

            public final class Sizes {
                public static String size(long bytes) {
                    if (bytes < 1048576) {
                        return bytes / 1024 + " kB";
                    }
                    return bytes / 1048576 + " MB";
                }
            }
            """;
    static final String HEAD = BASE.replace("1048576", "1000000").replace("1024 ", "1000 ");

    @Test
    void theChangesConstantsBecomeArgumentsAndTheirCasesRevealTheChange() throws Exception {
        String diff = Diffs.modified(PATH, """
                @@ -4,8 +4,8 @@ public final class Sizes {
                     public static String size(long bytes) {
                -        if (bytes < 1048576) {
                -            return bytes / 1024 + " kB";
                +        if (bytes < 1000000) {
                +            return bytes / 1000 + " kB";
                         }
                -        return bytes / 1048576 + " MB";
                +        return bytes / 1000000 + " MB";
                     }
                 }
                """);
        var analysis = ChangeAnalyzer.analyze(UnifiedDiffParser.parse(diff), Map.of(PATH, HEAD));
        assertEquals(List.of("1000000", "\" kB\"", "1000", "\" MB\""), analysis.symbols().get(0).changeConstants());
        List<SuggestedTest> observed = new EmbeddedEngine().generate(new GenerationRequest("github.com/acme/sizes",
                diff, analysis.symbols(), Map.of(PATH, HEAD), 20, true)).tests().stream()
                .filter(t -> t.caseKind().equals(ObservedOutcomes.KIND)).toList();
        assertEquals(List.of("Sizes.size(3L)", "Sizes.size(1000000L)", "Sizes.size(1000L)"),
                observed.stream().map(t -> t.code().replaceAll("(?s).*outcome\\(\\(\\) -> ([^)]*\\)).*", "$1")).toList());
        assertTrue(observed.get(1).rationale().contains("with bytes = 1000000L, a constant the change brings"),
                observed.get(1).rationale());

        // CI observes each on the head and writes the outcome in; then runs the filled cases on the base
        List<SuggestedTest> filled = new ArrayList<>();
        for (SuggestedTest test : observed) {
            filled.add(withCode(test, ObservedOutcomes.fill(test.code(), outcomeOnHead(test))));
        }
        assertEquals(List.of(true, true, true), passes(HEAD, filled));
        assertEquals(List.of(true, false, false), passes(BASE, filled),
                "the ordinary argument holds on both sides; the change's constants reveal it");
    }

    /** What the call gave on the head: the case run with its assertion turned into a write of the outcome. */
    private static String outcomeOnHead(SuggestedTest test) throws Exception {
        Path out = Files.createTempFile("outcome", ".txt");
        SuggestedTest probe = withCode(test, test.code().replace(ObservedOutcomes.ASSERTION,
                "java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + out + "\"), outcome);"));
        assertEquals(List.of(true), passes(HEAD, List.of(probe)));
        return Files.readString(out);
    }

    private static List<Boolean> passes(String source, List<SuggestedTest> tests) throws Exception {
        Path classes = JavacCheckout.compile(Map.of(PATH, source), tests);
        List<Boolean> passed = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                Thread.currentThread().getContextClassLoader())) {
            for (SuggestedTest test : tests) {
                SummaryGeneratingListener listener = new SummaryGeneratingListener();
                LauncherFactory.create().execute(request().selectors(
                        selectClass(loader.loadClass(JavacCheckout.className(test)))).build(), listener);
                passed.add(listener.getSummary().getTestsSucceededCount() == 1
                        && listener.getSummary().getTotalFailureCount() == 0);
            }
        }
        return passed;
    }

    private static SuggestedTest withCode(SuggestedTest t, String code) {
        return new SuggestedTest(t.targetFile(), t.targetSymbol(), t.language(), t.framework(), t.caseKind(),
                t.testPath(), code, t.testFileBase(), t.rationale(), t.confidence(), t.riskFlags(), t.prompt(),
                t.priorConfidence());
    }
}
