package io.greengate.suggestion.engine;

import io.greengate.suggestion.analysis.ChangedSymbol;

import java.util.List;
import java.util.Map;

/**
 * What an engine gets: the changed symbols, the raw diff, and the file contents CI sent along.
 *
 * @param observe whether CI observes outcomes: it runs observed-outcome cases once and writes what the call gave
 *                into the assertion before a reviewer sees them
 */
public record GenerationRequest(String repository, String diff, List<ChangedSymbol> symbols,
                                Map<String, String> files, int maxSuggestions, boolean observe) {

    public GenerationRequest(String repository, String diff, List<ChangedSymbol> symbols, Map<String, String> files,
                             int maxSuggestions) {
        this(repository, diff, symbols, files, maxSuggestions, false);
    }
}
