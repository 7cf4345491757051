package io.greengate.platform.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A suggested test case was stored; carries everything a reviewer and the patch need.
 * {@code testFileBase} is the test file's content at the commit when the case extends an existing file;
 * {@code targetDiff} the hunks of CI's diff around the target symbol (unified diff text, cut), for the reviewer.
 * {@code confidence} is what the suggestion is ranked by (a promoted ranker's probability, else the engine's prior);
 * {@code priorConfidence} the engine's own confidence in the case, which the ranker learns with (null from services
 * older than it).
 */
public record SuggestionCreated(
        UUID eventId,
        Instant occurredAt,
        UUID suggestionId,
        UUID batchId,
        String repository,
        String commit,
        String branch,
        Integer pullRequest,
        String engine,
        String modelVersion,
        String targetFile,
        String targetSymbol,
        String language,
        String framework,
        String caseKind,
        String testPath,
        String code,
        String testFileBase,
        String rationale,
        double confidence,
        List<String> riskFlags,
        String prompt,
        String targetDiff,
        Double priorConfidence) implements GreengateEvent {

    @Override
    public String subjectKey() {
        return suggestionId.toString();
    }
}
