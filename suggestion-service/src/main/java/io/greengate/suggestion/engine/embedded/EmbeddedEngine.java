package io.greengate.suggestion.engine.embedded;

import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.engine.Engine;
import io.greengate.suggestion.engine.GenerationRequest;
import io.greengate.suggestion.engine.SuggestedTest;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * The default engine: deterministic, no model server. For now it writes one signature-contract test per
 * changed public symbol, in pytest or JUnit 5, each a file that runs as it is.
 */
@ApplicationScoped
public class EmbeddedEngine implements Engine {

    public static final String NAME = "embedded";
    static final double PRIOR_CONFIDENCE = 0.5;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String modelVersion() {
        return "embedded-1";
    }

    @Override
    public List<SuggestedTest> generate(GenerationRequest request) {
        List<SuggestedTest> tests = new ArrayList<>();
        for (ChangedSymbol symbol : request.symbols()) {
            if (tests.size() >= request.maxSuggestions()) {
                break;
            }
            SuggestedTest test = switch (symbol.language()) {
                case "python" -> PytestWriter.signatureTest(symbol, request.files());
                case "java" -> Junit5Writer.signatureTest(symbol);
                default -> null;
            };
            if (test != null) {
                tests.add(test);
            }
        }
        return tests;
    }
}
