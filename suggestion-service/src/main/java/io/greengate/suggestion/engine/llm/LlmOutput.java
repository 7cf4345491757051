package io.greengate.suggestion.engine.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import io.greengate.suggestion.analysis.ChangedSymbol;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TreeSitterPython;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the model's answer, which is untrusted: only elements that parse as tests in the right language,
 * for a symbol that changed, at a safe path, that import the changed module by its name (Python) or sit in its
 * package (Java), are kept; every other one is dropped and counted by reason.
 */
final class LlmOutput {

    /** An element that passed every check. */
    record Candidate(ChangedSymbol symbol, String testPath, String code, String rationale) {
    }

    record Parsed(List<Candidate> candidates, Map<String, Integer> dropped) {
    }

    private static final int MAX_CODE_CHARS = 100_000;

    private LlmOutput() {
    }

    static Parsed parse(String answer, List<ChangedSymbol> symbols, Map<String, String> files, ObjectMapper mapper) {
        Map<String, Integer> dropped = new java.util.TreeMap<>();
        List<Candidate> candidates = new ArrayList<>();
        JsonNode array = jsonArray(answer, mapper);
        if (array == null) {
            dropped.merge("unparseable answer", 1, Integer::sum);
            return new Parsed(candidates, dropped);
        }
        Map<String, ChangedSymbol> byName = symbols.stream()
                .collect(Collectors.toMap(ChangedSymbol::qualifiedName, Function.identity(), (a, b) -> a));
        for (JsonNode element : array) {
            String reason = check(element, byName, files.keySet());
            if (reason != null) {
                dropped.merge(reason, 1, Integer::sum);
                continue;
            }
            candidates.add(new Candidate(byName.get(element.path("targetSymbol").asText()),
                    element.path("testPath").asText(), element.path("code").asText(),
                    element.path("rationale").asText("").strip()));
        }
        return new Parsed(candidates, dropped);
    }

    private static String check(JsonNode element, Map<String, ChangedSymbol> symbols, Set<String> paths) {
        if (!element.isObject() || !element.path("code").isTextual() || !element.path("testPath").isTextual()) {
            return "malformed element";
        }
        ChangedSymbol symbol = symbols.get(element.path("targetSymbol").asText());
        if (symbol == null) {
            return "unknown target symbol";
        }
        String code = element.path("code").asText();
        String path = element.path("testPath").asText();
        if (code.length() > MAX_CODE_CHARS || !safePath(path, symbol.language())) {
            return "unsafe or oversized test file";
        }
        boolean python = symbol.language().equals("python");
        if (!(python ? isPytest(code) : isJunit(code))) {
            return "not a " + symbol.language() + " test";
        }
        if (python && ModuleImports.wrongPythonImport(symbol, code, paths) != null) {
            return "imports the changed module by a name it does not have";
        }
        return !python && ModuleImports.inAnotherPackage(symbol, code)
                ? "test in another package than the class under test" : null;
    }

    private static boolean safePath(String path, String language) {
        boolean relative = !path.startsWith("/") && !path.contains("..") && !path.contains("\\")
                && path.matches("[A-Za-z0-9_./-]+");
        return relative && (language.equals("python")
                ? path.endsWith(".py") && (path.startsWith("tests/") || path.contains("/tests/"))
                : path.endsWith(".java") && path.contains("src/test/java/"));
    }

    private static boolean isPytest(String code) {
        TSParser parser = new TSParser();
        parser.setLanguage(new TreeSitterPython());
        TSTree tree = parser.parseString(null, code);
        return !tree.getRootNode().hasError() && code.matches("(?s).*\\bdef test_\\w*\\s*\\(.*");
    }

    private static boolean isJunit(String code) {
        var result = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)).parse(code);
        return result.isSuccessful() && code.contains("@Test") && code.contains("org.junit.jupiter");
    }

    /** The first JSON array in the answer, tolerating the ``` fences chat models like to add. */
    private static JsonNode jsonArray(String answer, ObjectMapper mapper) {
        if (answer == null) {
            return null;
        }
        int start = answer.indexOf('[');
        int end = answer.lastIndexOf(']');
        if (start < 0 || end <= start) {
            return null;
        }
        try {
            JsonNode node = mapper.readTree(answer.substring(start, end + 1));
            return node.isArray() ? node : null;
        } catch (Exception e) {
            return null;
        }
    }
}
