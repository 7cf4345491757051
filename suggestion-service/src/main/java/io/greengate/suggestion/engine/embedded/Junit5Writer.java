package io.greengate.suggestion.engine.embedded;

import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.engine.SuggestedTest;

import java.util.List;
import java.util.stream.Collectors;

/** Writes JUnit 5 test classes under {@code src/test/java}, mirroring the main class's package. */
final class Junit5Writer {

    private Junit5Writer() {
    }

    static SuggestedTest signatureTest(ChangedSymbol symbol) {
        String className = symbol.owner() + capitalize(symbol.name()) + "SignatureTest";
        String directory = symbol.file().contains("src/main/java/")
                ? symbol.file().substring(0, symbol.file().lastIndexOf('/')).replace("src/main/java/", "src/test/java/")
                : "src/test/java/" + symbol.module().replace('.', '/');
        String testPath = directory + "/" + className + ".java";
        String packageLine = symbol.module().isEmpty() ? "" : "package " + symbol.module() + ";\n\n";
        String imports = symbol.imports().stream().map(i -> i + "\n").collect(Collectors.joining());
        String parameterClasses = symbol.parameterTypes().stream().map(t -> ", " + t + ".class")
                .collect(Collectors.joining());
        String code = packageLine + imports + """
                import org.junit.jupiter.api.Test;

                import static org.junit.jupiter.api.Assertions.assertEquals;

                /** Suggested by Greengate: %s.%s keeps the signature its callers compile against. */
                class %s {

                    @Test
                    void %sKeepsItsSignature() throws NoSuchMethodException {
                        assertEquals(%s.class, %s.class.getMethod("%s"%s).getReturnType());
                    }
                }
                """.formatted(symbol.owner(), symbol.name(), className, symbol.name(), symbol.returnType(),
                symbol.owner(), symbol.name(), parameterClasses);
        String rationale = "Lines " + symbol.startLine() + "–" + symbol.endLine() + " of " + symbol.file()
                + " changed " + symbol.qualifiedName() + "(" + String.join(", ", symbol.parameterTypes())
                + "); this case pins its parameter and return types so that a change that breaks callers fails fast.";
        return new SuggestedTest(symbol.file(), symbol.qualifiedName(), "java", "junit5", "signature", testPath, code,
                null, rationale, EmbeddedEngine.PRIOR_CONFIDENCE, List.of(), null);
    }

    private static String capitalize(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
