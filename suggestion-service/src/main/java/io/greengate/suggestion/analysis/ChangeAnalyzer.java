package io.greengate.suggestion.analysis;

import io.greengate.suggestion.analysis.java.JavaChangedSymbols;
import io.greengate.suggestion.analysis.java.JavaSources;
import io.greengate.suggestion.analysis.python.PythonChangedSymbols;
import io.greengate.suggestion.diff.ChangedFile;
import io.greengate.suggestion.policy.SecretRedactor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** From changed files to changed symbols, using the file contents CI sent or the diff of an added file. */
public final class ChangeAnalyzer {

    private ChangeAnalyzer() {
    }

    public record Analysis(List<ChangedSymbol> symbols, List<String> notes) {
    }

    public static Analysis analyze(List<ChangedFile> files, Map<String, String> contents) {
        List<ChangedSymbol> symbols = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        JavaSources javaSources = new JavaSources(contents);
        for (ChangedFile file : files) {
            if (file.binary()) {
                notes.add(file.path() + ": binary file skipped");
                continue;
            }
            if (file.change() == ChangedFile.Change.DELETED || isTest(file.path())) {
                continue;
            }
            String language = languageOf(file.path());
            if (language == null) {
                continue;
            }
            String source = contents.getOrDefault(file.path(), file.addedContent());
            if (source == null) {
                notes.add(file.path() + ": content not sent, so its changed symbols are unknown");
                continue;
            }
            List<ChangedSymbol> changed = language.equals("java") ? JavaChangedSymbols.changedIn(file, source, javaSources)
                    : PythonChangedSymbols.changedIn(file, source);
            changed.forEach(symbol -> symbols.add(symbol.withChangeConstants(constantsOf(file, symbol))));
        }
        return new Analysis(symbols, notes);
    }

    /**
     * The literals the change adds inside the symbol, secrets redacted: they may become a case's arguments. None for a
     * new file: all of it is new, and any case of it shows that against the base.
     */
    private static List<String> constantsOf(ChangedFile file, ChangedSymbol symbol) {
        if (file.change() == ChangedFile.Change.ADDED) {
            return List.of();
        }
        return ChangeConstants.mine(ChangeConstants.addedLines(file.hunks(), symbol.startLine(), symbol.endLine())
                .stream().map(SecretRedactor::redact).toList());
    }

    static String languageOf(String path) {
        if (path.endsWith(".py")) {
            return "python";
        }
        if (path.endsWith(".java")) {
            return "java";
        }
        return null;
    }

    static boolean isTest(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return path.contains("src/test/") || path.startsWith("tests/") || path.contains("/tests/")
                || name.startsWith("test_") || name.endsWith("_test.py") || name.endsWith("Test.java");
    }
}
