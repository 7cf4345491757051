package io.greengate.suggestion.engine;

import io.greengate.suggestion.analysis.ChangedSymbol;

import java.util.List;
import java.util.Map;

/** What an engine gets: the changed symbols, the raw diff, and the file contents CI sent along. */
public record GenerationRequest(String repository, String diff, List<ChangedSymbol> symbols,
                                Map<String, String> files, int maxSuggestions) {
}
