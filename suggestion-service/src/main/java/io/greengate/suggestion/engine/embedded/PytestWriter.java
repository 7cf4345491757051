package io.greengate.suggestion.engine.embedded;

import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.engine.SuggestedTest;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes pytest cases under {@code tests/}, appending to the module's existing test file when CI sent it. */
final class PytestWriter {

    private PytestWriter() {
    }

    static SuggestedTest signatureTest(ChangedSymbol symbol, Map<String, String> files) {
        String moduleName = symbol.file().replaceAll("^.*/", "").replaceAll("\\.py$", "");
        String functionName = "test_" + snake(symbol.qualifiedName()) + "_keeps_its_signature";
        String conventionalPath = "tests/test_" + moduleName + ".py";
        String existing = files.get(conventionalPath);
        if (existing != null && existing.contains("def " + functionName + "(")) {
            return null; // the repository already has this case
        }
        String testPath = existing != null ? conventionalPath
                : "tests/test_" + moduleName + "_" + snake(symbol.qualifiedName()) + ".py";
        int depth = (int) testPath.chars().filter(c -> c == '/').count();
        String parameters = symbol.parameters().stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(", "));
        String target = "module." + symbol.qualifiedName();
        String testCase = """
                def %s():
                    \"\"\"Suggested by Greengate: %s keeps the parameters its callers rely on.\"\"\"
                    import importlib.util
                    import inspect
                    import pathlib

                    source = pathlib.Path(__file__).resolve().parents[%d] / "%s"
                    spec = importlib.util.spec_from_file_location("%s", source)
                    module = importlib.util.module_from_spec(spec)
                    spec.loader.exec_module(module)
                    assert list(inspect.signature(%s).parameters) == [%s]
                """.formatted(functionName, symbol.qualifiedName(), depth,
                symbol.file(), moduleName, target, parameters);
        String code = existing == null ? testCase : appendCase(existing, testCase);
        return new SuggestedTest(symbol.file(), symbol.qualifiedName(), "python", "pytest", "signature", testPath,
                code, existing, rationale(symbol), EmbeddedEngine.PRIOR_CONFIDENCE, List.of(), null);
    }

    static String appendCase(String existing, String testCase) {
        String base = existing.endsWith("\n") ? existing : existing + "\n";
        return base + "\n\n" + testCase;
    }

    private static String rationale(ChangedSymbol symbol) {
        return "Lines " + symbol.startLine() + "–" + symbol.endLine() + " of " + symbol.file() + " changed "
                + symbol.qualifiedName() + "; this case pins its parameters " + symbol.parameters()
                + " so that a rename or reorder that would break callers fails fast.";
    }

    private static String snake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_').toLowerCase();
    }
}
