package io.greengate.suggestion.engine.embedded.render;

import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.engine.SuggestedTest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a pytest case under {@code tests/}. Each case loads the changed module from its path (so it runs whatever the
 * project's packaging), and is appended to the module's existing test file when CI sent it.
 */
public final class PytestRenderer {

    private PytestRenderer() {
    }

    /** The case in its file; empty when the module's existing test file already has a function of its name. */
    public static Optional<SuggestedTest> render(PytestCase testCase, Map<String, String> files) {
        ChangedSymbol symbol = testCase.symbol();
        String moduleName = symbol.file().replaceAll("^.*/", "").replaceAll("\\.py$", "");
        String conventionalPath = "tests/test_" + moduleName + ".py";
        String existing = files.get(conventionalPath);
        if (existing != null && existing.contains("def " + testCase.functionName() + "(")) {
            return Optional.empty();
        }
        String testPath = existing != null ? conventionalPath
                : "tests/test_" + moduleName + "_" + snake(symbol.qualifiedName()) + "_" + testCase.kind().replace('-', '_')
                + (testCase.fileTag() == null ? "" : "_" + testCase.fileTag()) + ".py";
        int depth = (int) testPath.chars().filter(c -> c == '/').count();
        StringBuilder function = new StringBuilder();
        function.append("def ").append(testCase.functionName()).append(testCase.usesCapsys() ? "(capsys):\n" : "():\n");
        function.append("    \"\"\"Suggested by Greengate for ").append(symbol.qualifiedName()).append(".\"\"\"\n");
        function.append("    import importlib\n    import importlib.util\n    import pathlib\n    import sys\n");
        if (testCase.usesPytest()) {
            function.append("\n    import pytest\n");
        }
        function.append("\n    source = pathlib.Path(__file__).resolve().parents[").append(depth).append("] / \"")
                .append(symbol.file()).append("\"\n");
        // a module inside a package is imported as part of it (its relative imports need that); a lone module is
        // loaded from its path, so that a name like `types` cannot resolve to another module
        function.append("""
                    root, name = source.parent, source.stem
                    while (root / "__init__.py").is_file():
                        root, name = root.parent, root.name + "." + name
                    if "." in name:
                        sys.path.insert(0, str(root))
                        try:
                            module = importlib.import_module(name)
                        finally:
                            sys.path.remove(str(root))
                        assert pathlib.Path(module.__file__).resolve() == source, "imported " + module.__file__
                    else:
                        spec = importlib.util.spec_from_file_location(name, source)
                        module = importlib.util.module_from_spec(spec)
                        spec.loader.exec_module(module)

                """);
        for (String line : testCase.body()) {
            function.append(line.isEmpty() ? "\n" : "    " + line + "\n");
        }
        String code = existing == null ? function.toString() : appendCase(existing, function.toString());
        return Optional.of(new SuggestedTest(symbol.file(), symbol.qualifiedName(), "python", "pytest", testCase.kind(),
                testPath, code, existing, testCase.rationale(), testCase.confidence(), List.of(), null,
                testCase.confidence()));
    }

    static String appendCase(String existing, String testCase) {
        String base = existing.endsWith("\n") ? existing : existing + "\n";
        return base + "\n\n" + testCase;
    }

    /** A Python name for a qualified one: {@code Cart.addItem} → {@code cart_add_item}. */
    public static String snake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_').toLowerCase();
    }
}
