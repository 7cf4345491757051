package io.greengate.suggestion.engine.embedded.render;

import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.engine.SuggestedTest;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Writes a JUnit 5 case as a test class of its own under {@code src/test/java}, in the main class's package. */
public final class Junit5Renderer {

    private Junit5Renderer() {
    }

    public static SuggestedTest render(JunitCase testCase) {
        ChangedSymbol symbol = testCase.symbol();
        String code = testCase.observes() ? observingClass(testCase) : plainClass(testCase);
        return new SuggestedTest(symbol.file(), symbol.qualifiedName(), "java", "junit5", testCase.kind(),
                testDirectory(symbol) + "/" + testCase.className() + ".java", code, null,
                withReach(symbol, testCase.rationale()), testCase.confidence(), List.of(), null,
                testCase.confidence());
    }

    /** Where the test of a class goes: its package mirrored under src/test/java. */
    public static String testDirectory(ChangedSymbol symbol) {
        return symbol.file().contains("src/main/java/")
                ? symbol.file().substring(0, symbol.file().lastIndexOf('/')).replace("src/main/java/", "src/test/java/")
                : "src/test/java/" + symbol.module().replace('.', '/');
    }

    /** The rationale, and why the case runs the changed lines when the symbol itself did not change. */
    static String withReach(ChangedSymbol symbol, String rationale) {
        return symbol.reachedFrom() == null ? rationale : rationale + " " + symbol.qualifiedName()
                + " itself did not change: it calls " + symbol.reachedFrom() + ", whose lines did, so this case runs them.";
    }

    /**
     * The test file's package line and those of the source file's own imports the class uses, so the same names
     * resolve and nothing else is needed to compile it (an annotation the source imports from a compile-only
     * dependency, say). An on-demand import ({@code .*}) is kept: what it brings in is not known here.
     */
    static String packageAndImports(ChangedSymbol symbol, String testClass) {
        String packageLine = symbol.module().isEmpty() ? "" : "package " + symbol.module() + ";\n\n";
        return packageLine + symbol.java().imports().stream().filter(i -> usedIn(i, testClass))
                .map(i -> i + "\n").collect(Collectors.joining()) + testClass;
    }

    private static final Pattern IMPORTED_NAME = Pattern.compile("import\\s+[\\w.]*?(\\w+)\\s*;");

    private static boolean usedIn(String importLine, String testClass) {
        Matcher name = IMPORTED_NAME.matcher(importLine.strip());
        return !name.matches() || Pattern.compile("\\b" + name.group(1) + "\\b").matcher(testClass).find();
    }

    private static String plainClass(JunitCase testCase) {
        return packageAndImports(testCase.symbol(), """
                import org.junit.jupiter.api.Test;

                %s

                /** Suggested by Greengate for %s. */
                class %s {

                    @Test
                    void %s() throws Exception {
                        %s
                    }
                }
                """.formatted(testCase.assertions().stream()
                        .map(a -> "import static org.junit.jupiter.api.Assertions." + a + ";")
                        .collect(Collectors.joining("\n")), testCase.symbol().qualifiedName(), testCase.className(),
                testCase.method(), testCase.body()));
    }

    /** A class whose case compares a call's outcome as text: the helpers that describe it, and a timeout. */
    private static String observingClass(JunitCase testCase) {
        return packageAndImports(testCase.symbol(), """
                import java.util.Arrays;
                import java.util.concurrent.Callable;
                import org.junit.jupiter.api.Test;
                import org.junit.jupiter.api.Timeout;

                import static org.junit.jupiter.api.Assertions.assertEquals;

                /** Suggested by Greengate for %s: the outcome CI observed at this commit. */
                class %s {

                    @Test
                    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
                    void %s() throws Exception {
                        %s
                    }

                    /** What a call gave, as text: its value, or the exception it threw (not its message, which may change). */
                    private static String outcome(Callable<?> call) {
                        try {
                            Object value = call.call();
                            return value == Void.TYPE ? "completed" : "returned " + describe(value);
                        } catch (Exception e) {
                            return "threw " + e.getClass().getName();
                        }
                    }

                    private static String describe(Object value) {
                        if (value == null) {
                            return "null";
                        }
                        String text;
                        if (value instanceof CharSequence) {
                            text = "\\"" + value + "\\"";
                        } else if (value instanceof Object[]) {
                            text = Arrays.deepToString((Object[]) value);
                        } else if (value.getClass().isArray()) {
                            text = Arrays.deepToString(new Object[] {value}).replaceAll("^\\\\[|\\\\]$", "");
                        } else if (value.getClass().getName().contains("$$Lambda")) {
                            return "a lambda";
                        } else {
                            text = String.valueOf(value);
                            if (text.startsWith(value.getClass().getName() + "@")) {
                                return "a " + value.getClass().getName();
                            }
                        }
                        return stable(text);
                    }

                    /** The text with identity hashes (Object's toString, also inside another's) left out: they change from run to run. */
                    private static String stable(String text) {
                        return text.replaceAll("(?<=[\\\\w$])@[0-9a-f]{1,8}\\\\b", "@hash");
                    }
                }
                """.formatted(testCase.symbol().qualifiedName(), testCase.className(), testCase.method(),
                testCase.body()));
    }
}
