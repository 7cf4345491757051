package io.greengate.suggestion.engine;

import java.util.List;

/**
 * One suggested test case in a complete, runnable test file.
 *
 * @param testFileBase    the test file's content at the commit when the case is added to an existing file,
 *                        null when the suggestion creates a new file
 * @param confidence      what the suggestion is ranked by: a promoted ranker's probability, else the engine's prior
 * @param priorConfidence the engine's own confidence in the case (its kind's prior): a ranker's feature, never its output
 */
public record SuggestedTest(String targetFile, String targetSymbol, String language, String framework,
                            String caseKind, String testPath, String code, String testFileBase, String rationale,
                            double confidence, List<String> riskFlags, String prompt,
                            double priorConfidence) {
}
