package io.greengate.suggestion.engine.embedded.render;

import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.analysis.ChangedSymbol.Call;
import io.greengate.suggestion.analysis.ChangedSymbol.Facts;
import io.greengate.suggestion.analysis.ChangedSymbol.JavaDetails;
import io.greengate.suggestion.analysis.ChangedSymbol.Parameter;
import io.greengate.suggestion.analysis.ChangedSymbol.Place;
import io.greengate.suggestion.engine.SuggestedTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A JUnit 5 case model written as a test class of its own: where it goes, what it imports, what it says. */
class Junit5RendererTest {

    private static final ChangedSymbol INITIALS = new ChangedSymbol(
            new Place("lib/src/main/java/org/example/text/Names.java", "java", "org.example.text", "Names", 5, 12),
            "initials", ChangedSymbol.Shape.CALLABLE,
            new Call(ChangedSymbol.Receiver.CLASS, true, List.of(new Parameter("name", "String", null, false)), "String"),
            Facts.NONE, JavaDetails.of(List.of("import java.util.List;", "import org.example.util.Texts;")));

    private static JunitCase guardCase(ChangedSymbol symbol, boolean observes) {
        return new JunitCase(symbol, "guard-returns", 0.75, "NamesInitialsGuardReturnsTest", "initialsOfNullIsNull",
                List.of("assertNull", "assertEquals"), "assertNull(Names.initials((String) null));",
                "The method returns null for a null name.", observes);
    }

    @Test
    void aCaseIsAClassOfItsOwnInThePackagesMirroredTestDirectory() {
        SuggestedTest test = Junit5Renderer.render(guardCase(INITIALS, false));
        assertEquals("lib/src/test/java/org/example/text/NamesInitialsGuardReturnsTest.java", test.testPath());
        assertEquals("lib/src/main/java/org/example/text/Names.java", test.targetFile());
        assertEquals("Names.initials", test.targetSymbol());
        assertEquals("java", test.language());
        assertEquals("junit5", test.framework());
        assertEquals("guard-returns", test.caseKind());
        assertEquals(0.75, test.confidence());
        assertEquals(0.75, test.priorConfidence());
        assertNull(test.testFileBase());
        assertEquals("The method returns null for a null name.", test.rationale(), "no reach sentence without reachedFrom");
        String code = test.code();
        assertTrue(code.startsWith("package org.example.text;\n\nimport org.junit.jupiter.api.Test;\n"),
                "the source's imports the case does not use are left out: " + code);
        assertTrue(code.contains("import static org.junit.jupiter.api.Assertions.assertNull;\n"
                + "import static org.junit.jupiter.api.Assertions.assertEquals;\n"), code);
        assertFalse(code.contains("Assertions.assertTrue"), "only the listed assertions are imported: " + code);
        assertTrue(code.contains("class NamesInitialsGuardReturnsTest {"), code);
        assertTrue(code.contains("    @Test\n    void initialsOfNullIsNull() throws Exception {\n"
                + "        assertNull(Names.initials((String) null));\n    }"), code);
        assertFalse(code.contains("outcome("), "a plain case has no observing helpers: " + code);
    }

    @Test
    void onlyTheSourceImportsTheCaseUsesAreCopied() {
        ChangedSymbol imported = INITIALS.withDetails(JavaDetails.of(List.of("import java.util.List;",
                "import org.example.util.Texts;", "import org.jspecify.annotations.Nullable;", "import org.example.io.*;")));
        JunitCase usesTexts = new JunitCase(imported, "guard-returns", 0.75, "NamesInitialsGuardReturnsTest",
                "initialsOfBlankIsEmpty", List.of("assertEquals"),
                "assertEquals(\"\", Names.initials(Texts.BLANK));", "The method returns empty for a blank name.", false);
        String code = Junit5Renderer.render(usesTexts).code();
        assertTrue(code.startsWith("package org.example.text;\n\nimport org.example.util.Texts;\n"
                + "import org.example.io.*;\nimport org.junit.jupiter.api.Test;\n"), code);
        assertFalse(code.contains("Nullable") || code.contains("java.util.List"), code);
    }

    @Test
    void outsideSrcMainJavaTheTestGoesUnderSrcTestJavaByPackage() {
        ChangedSymbol elsewhere = new ChangedSymbol(
                new Place("java/org/example/text/Names.java", "java", "org.example.text", "Names", 5, 12),
                INITIALS.name(), INITIALS.shape(), INITIALS.call(), INITIALS.facts(), INITIALS.details());
        assertEquals("src/test/java/org/example/text/NamesInitialsGuardReturnsTest.java",
                Junit5Renderer.render(guardCase(elsewhere, false)).testPath());
    }

    @Test
    void aSymbolReachedFromAChangedMemberGetsTheReachSentence() {
        SuggestedTest test = Junit5Renderer.render(guardCase(INITIALS.reachedFrom("head"), false));
        assertEquals("The method returns null for a null name. Names.initials itself did not change: it calls head,"
                + " whose lines did, so this case runs them.", test.rationale());
    }

    @Test
    void anObservingCaseUsesTheObservingTemplate() {
        JunitCase observing = new JunitCase(INITIALS, "observed-outcome", 0.5, "NamesInitialsObservedTest",
                "initialsAsObserved", List.of(), "assertEquals(\"<observed>\", outcome(() -> Names.initials(\"a b\")));",
                "What the call gave at this commit.", true);
        String code = Junit5Renderer.render(observing).code();
        assertTrue(code.startsWith("package org.example.text;\n\nimport java.util.Arrays;\n"), code);
        assertTrue(code.contains("import static org.junit.jupiter.api.Assertions.assertEquals;"), code);
        assertTrue(code.contains("@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)"), code);
        assertTrue(code.contains("void initialsAsObserved() throws Exception {\n"
                + "        assertEquals(\"<observed>\", outcome(() -> Names.initials(\"a b\")));"), code);
        assertTrue(code.contains("private static String outcome(Callable<?> call) {")
                && code.contains("private static String describe(Object value) {")
                && code.contains("private static String stable(String text) {"), code);
        assertTrue(code.contains("Suggested by Greengate for Names.initials: the outcome CI observed at this commit."),
                code);
        assertFalse(Junit5Renderer.render(guardCase(INITIALS, false)).code().contains("@Timeout"));
    }
}
