package io.greengate.suggestion.engine;

import java.util.List;

/**
 * One suggested test case in a complete, runnable test file.
 *
 * @param testFileBase the test file's content at the commit when the case is added to an existing file,
 *                     null when the suggestion creates a new file
 */
public record SuggestedTest(String targetFile, String targetSymbol, String language, String framework,
                            String caseKind, String testPath, String code, String testFileBase, String rationale,
                            double confidence, List<String> riskFlags, String prompt) {
}
