package io.greengate.suggestion.engine.embedded;

import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.engine.SuggestedTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Writes JUnit 5 test classes under {@code src/test/java}, in the main class's package, one case per class. */
final class Junit5Writer {

    private Junit5Writer() {
    }

    static List<SuggestedTest> cases(ChangedSymbol symbol) {
        List<SuggestedTest> cases = new ArrayList<>();
        guardCase(symbol).ifPresent(cases::add);
        if (cases.isEmpty()) {
            cases.add(signatureCase(symbol));
        }
        return cases;
    }

    static Optional<SuggestedTest> guardCase(ChangedSymbol symbol) {
        if (symbol.guards().isEmpty()) {
            return Optional.empty();
        }
        ChangedSymbol.Guard guard = symbol.guards().get(0);
        Optional<GuardInputs.Trigger> trigger = GuardInputs.solve(guard, symbol.parameters(), true);
        if (trigger.isEmpty() || (symbol.receiver() == ChangedSymbol.Receiver.INSTANCE && !symbol.constructible())) {
            return Optional.empty();
        }
        String arguments = symbol.parameters().stream()
                .map(p -> p.name().equals(trigger.get().parameter()) ? trigger.get().literal() : JavaValues.neutral(p.type()))
                .collect(Collectors.joining(", "));
        String target = symbol.receiver() == ChangedSymbol.Receiver.CLASS ? symbol.owner() : "new " + symbol.owner() + "()";
        String className = symbol.owner() + capitalize(symbol.name()) + "GuardTest";
        String method = symbol.name() + "Rejects" + capitalize(trigger.get().parameter()) + "Of"
                + capitalize(trigger.get().literal().replace("-", "minus").replace(".", "point")
                .replaceAll("[^A-Za-z0-9]", ""));
        String body = "assertThrows(" + guard.exception() + ".class, () -> " + target + "." + symbol.name() + "("
                + arguments + "));";
        String rationale = "Line " + guard.line() + " of " + symbol.file() + " throws " + guard.exception() + " when `"
                + guard.condition() + "`; with " + trigger.get().parameter() + " = " + trigger.get().literal()
                + " this case checks that " + symbol.qualifiedName() + " refuses the input before doing anything.";
        return Optional.of(testClass(symbol, className, "guard-throws", method, "assertThrows", body, rationale, 0.8));
    }

    static SuggestedTest signatureCase(ChangedSymbol symbol) {
        String parameterClasses = symbol.parameters().stream().map(p -> ", " + p.type() + ".class")
                .collect(Collectors.joining());
        String body = "assertEquals(" + symbol.returnType() + ".class, " + symbol.owner() + ".class.getMethod(\""
                + symbol.name() + "\"" + parameterClasses + ").getReturnType());";
        String rationale = "Lines " + symbol.startLine() + "–" + symbol.endLine() + " of " + symbol.file()
                + " changed " + symbol.qualifiedName() + "; no behaviour could be derived from the code alone, so this "
                + "case pins its parameter and return types against a change that would break callers.";
        return testClass(symbol, symbol.owner() + capitalize(symbol.name()) + "SignatureTest", "signature",
                symbol.name() + "KeepsItsSignature", "assertEquals", body, rationale, 0.3);
    }

    private static SuggestedTest testClass(ChangedSymbol symbol, String className, String kind, String method,
                                           String assertion, String body, String rationale, double confidence) {
        String directory = symbol.file().contains("src/main/java/")
                ? symbol.file().substring(0, symbol.file().lastIndexOf('/')).replace("src/main/java/", "src/test/java/")
                : "src/test/java/" + symbol.module().replace('.', '/');
        String packageLine = symbol.module().isEmpty() ? "" : "package " + symbol.module() + ";\n\n";
        String imports = symbol.imports().stream().map(i -> i + "\n").collect(Collectors.joining());
        String code = packageLine + imports + """
                import org.junit.jupiter.api.Test;

                import static org.junit.jupiter.api.Assertions.%s;

                /** Suggested by Greengate for %s. */
                class %s {

                    @Test
                    void %s() throws Exception {
                        %s
                    }
                }
                """.formatted(assertion, symbol.qualifiedName(), className, method, body);
        return new SuggestedTest(symbol.file(), symbol.qualifiedName(), "java", "junit5", kind,
                directory + "/" + className + ".java", code, null, rationale, confidence, List.of(), null);
    }

    private static String capitalize(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
