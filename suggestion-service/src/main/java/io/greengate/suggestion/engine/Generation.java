package io.greengate.suggestion.engine;

import java.util.List;

/**
 * What an engine made: the tests, what the reviewer should know about how, the tokens a remote model used and,
 * when its server reported it, the energy the call took there.
 */
public record Generation(List<SuggestedTest> tests, List<String> notes, Long promptTokens, Long completionTokens,
                         Double reportedEnergyJoules) {

    public Generation(List<SuggestedTest> tests, List<String> notes, Long promptTokens, Long completionTokens) {
        this(tests, notes, promptTokens, completionTokens, null);
    }

    public static Generation local(List<SuggestedTest> tests) {
        return new Generation(tests, List.of(), null, null);
    }
}
