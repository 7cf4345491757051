package io.greengate.suggestion.engine.llm;

import io.greengate.suggestion.analysis.ChangeConstants;
import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.diff.ChangedFile;
import io.greengate.suggestion.engine.embedded.render.Junit5Renderer;
import io.greengate.suggestion.policy.SecretRedactor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the model needs to write a test of one changed symbol that runs: its full source, its file's imports, how a
 * test imports it, the head of its existing test file, and the constants the change brings. Everything is redacted
 * before it is cut to the symbol's share of the context budget.
 */
final class SymbolContext {

    static final int TEST_HEAD_LINES = 40;

    private SymbolContext() {
    }

    /**
     * @param sources the files' contents: CI's, else an added file's content from the diff
     * @param diff    the diff's files by path
     */
    static String describe(ChangedSymbol symbol, Map<String, String> files, Map<String, String> sources,
                           Map<String, ChangedFile> diff, int maxChars) {
        String[] lines = Optional.ofNullable(sources.get(symbol.file())).map(s -> s.split("\n", -1))
                .orElse(new String[0]);
        int from = withLeadingComments(lines, symbol.startLine());
        StringBuilder text = new StringBuilder("### ").append(symbol.qualifiedName()).append(" (").append(symbol.file())
                .append(")\n").append(howToImport(symbol, files));
        List<String> added = diff.containsKey(symbol.file())
                ? ChangeConstants.addedLines(diff.get(symbol.file()).hunks(), from, symbol.endLine()) : List.of();
        List<String> constants = ChangeConstants.mine(added.stream().map(SecretRedactor::redact).toList());
        if (!constants.isEmpty()) {
            text.append("Constants the change brings (probe them and their neighbours): ")
                    .append(String.join(", ", constants)).append('\n');
        }
        if (lines.length >= symbol.endLine() && symbol.startLine() >= 1) {
            text.append("Full source (lines ").append(from).append('-').append(symbol.endLine()).append("):\n")
                    .append(String.join("\n", Arrays.copyOfRange(lines, from - 1, symbol.endLine()))).append('\n');
        }
        List<String> imports = symbol.details() instanceof ChangedSymbol.JavaDetails java ? java.imports()
                : symbol.language().equals("python") ? pythonImports(lines) : List.of();
        if (!imports.isEmpty()) {
            text.append("Imports of its file:\n").append(String.join("\n", imports)).append('\n');
        }
        existingTest(symbol, files).ifPresent(path -> text.append("Head of its existing test file ").append(path)
                .append(" (follow its imports and fixtures):\n").append(head(files.get(path))).append('\n'));
        String redacted = SecretRedactor.redact(text.toString());
        return redacted.length() <= maxChars ? redacted : redacted.substring(0, Math.max(0, maxChars))
                + "\n[context of " + symbol.qualifiedName() + " truncated]\n";
    }

    static String howToImport(ChangedSymbol symbol, Map<String, String> files) {
        String target = symbol.owner() == null ? symbol.name() : symbol.owner().replaceAll("\\..*$", "");
        if (symbol.language().equals("java")) {
            String pkg = symbol.module() == null || symbol.module().isEmpty() ? "the default package" : symbol.module();
            return "Package: " + pkg + ". Its test goes in the same package (package-private members are reachable), "
                    + "under " + Junit5Renderer.testDirectory(symbol) + "/, with the imports it needs.\n";
        }
        ModuleImports.PythonModule module = ModuleImports.python(symbol.file(), files.keySet());
        String root = module.root().isEmpty() ? "the repository's root" : module.root() + "/";
        return "Module: " + module.name() + " (package root: " + root + "). Import it with a"
                + " normal import: `from " + module.name() + " import " + target + "` or `import " + module.name()
                + "`; never by file path (no importlib, no sys.path changes) and never by another name.\n";
    }

    /** The first line of the symbol with the comment, Javadoc or decorator lines right above it. */
    private static int withLeadingComments(String[] lines, int startLine) {
        int from = startLine;
        while (from > 1 && from - 2 < lines.length && isCommentOrAnnotation(lines[from - 2])) {
            from--;
        }
        return from;
    }

    private static boolean isCommentOrAnnotation(String line) {
        String t = line.strip();
        return t.startsWith("//") || t.startsWith("/*") || t.startsWith("*") || t.startsWith("#") || t.startsWith("@");
    }

    /** A Python file's top-level import lines, a parenthesised continuation included. */
    static List<String> pythonImports(String[] lines) {
        List<String> imports = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].startsWith("import ") && !lines[i].startsWith("from ")) {
                continue;
            }
            StringBuilder statement = new StringBuilder(lines[i]);
            boolean open = lines[i].contains("(") && !lines[i].contains(")");
            while (open && i + 1 < lines.length) {
                statement.append('\n').append(lines[++i]);
                open = !lines[i].contains(")");
            }
            imports.add(statement.toString());
        }
        return imports;
    }

    /** The module's test file CI sent: tests/test_calc.py for calc.py, PricingTest.java for Pricing. */
    static Optional<String> existingTest(ChangedSymbol symbol, Map<String, String> files) {
        if (symbol.language().equals("java")) {
            String owner = symbol.owner() == null ? symbol.name() : symbol.owner().replaceAll("\\..*$", "");
            String conventional = Junit5Renderer.testDirectory(symbol) + "/" + owner + "Test.java";
            return files.containsKey(conventional) ? Optional.of(conventional) : files.keySet().stream()
                    .filter(p -> p.contains("src/test/java/") && p.endsWith("/" + owner + "Test.java")).findFirst();
        }
        String stem = symbol.file().replaceAll("^.*/", "").replaceAll("\\.py$", "");
        String conventional = "tests/test_" + stem + ".py";
        return files.containsKey(conventional) ? Optional.of(conventional) : files.keySet().stream()
                .filter(p -> p.endsWith("/test_" + stem + ".py") || p.endsWith("/" + stem + "_test.py")).sorted()
                .findFirst();
    }

    private static String head(String content) {
        return Arrays.stream(content.split("\n", -1)).limit(TEST_HEAD_LINES).collect(Collectors.joining("\n"));
    }
}
