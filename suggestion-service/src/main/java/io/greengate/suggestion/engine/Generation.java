package io.greengate.suggestion.engine;

import java.util.List;

/** What an engine made: the tests, what the reviewer should know about how, and the tokens a remote model used. */
public record Generation(List<SuggestedTest> tests, List<String> notes, Long promptTokens, Long completionTokens) {

    public static Generation local(List<SuggestedTest> tests) {
        return new Generation(tests, List.of(), null, null);
    }
}
