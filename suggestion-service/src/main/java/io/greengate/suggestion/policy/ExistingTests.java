package io.greengate.suggestion.policy;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the repository's own tests already assert, from the test files CI sent: a suggestion whose assertions all
 * stand in them (the same statements, whitespace aside) would repeat an existing test, and is dropped.
 */
public final class ExistingTests {

    private static final Pattern ASSERTION = Pattern.compile(
            "^(assert\\b|with pytest\\.raises\\(|(Assertions\\.)?assert[A-Z]\\w*\\()");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final Set<String> assertions = new HashSet<>();

    private ExistingTests() {
    }

    /** The assertions of the files that are tests by their path (tests/, test_*.py, *_test.py, src/test/). */
    public static ExistingTests in(Map<String, String> files) {
        ExistingTests existing = new ExistingTests();
        files.forEach((path, content) -> {
            if (content != null && isTestPath(path)) {
                existing.assertions.addAll(assertionsOf(content));
            }
        });
        return existing;
    }

    /** True when the test's own assertions (those not in {@code fileBase}, the file it extends) all exist already. */
    public boolean repeats(String code, String fileBase) {
        String own = fileBase != null && code.startsWith(fileBase) ? code.substring(fileBase.length()) : code;
        Set<String> mine = assertionsOf(own);
        return !mine.isEmpty() && assertions.containsAll(mine);
    }

    static Set<String> assertionsOf(String code) {
        Set<String> found = new HashSet<>();
        for (String line : code.split("\n")) {
            String statement = line.strip();
            if (ASSERTION.matcher(statement).find()) {
                found.add(WHITESPACE.matcher(statement).replaceAll(""));
            }
        }
        return found;
    }

    private static boolean isTestPath(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return path.startsWith("tests/") || path.contains("/tests/") || path.contains("src/test/")
                || name.startsWith("test_") || name.endsWith("_test.py") || name.endsWith("Test.java");
    }
}
