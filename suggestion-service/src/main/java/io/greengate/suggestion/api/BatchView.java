package io.greengate.suggestion.api;

import java.util.List;
import java.util.UUID;

/** The answer to CI's request: the batch, its suggestions, and the CPU time the engine spent. */
public record BatchView(UUID batchId, String repository, String commit, String engine, String modelVersion,
                        List<SuggestionView> suggestions, Usage usage, List<String> notes) {

    public record Usage(double cpuSeconds, double wallSeconds) {
    }
}
