package io.greengate.suggestion.engine.embedded;

import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.engine.Engine;
import io.greengate.suggestion.engine.Generation;
import io.greengate.suggestion.engine.GenerationRequest;
import io.greengate.suggestion.engine.SuggestedTest;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * The default engine: deterministic, no model server. For each changed public symbol it writes the cases
 * whose expected outcome the code itself states (a guard clause's exception, the docstring's examples);
 * only where there is none, a low-confidence case pinning the signature. Each case is a file that runs as it is.
 */
@ApplicationScoped
public class EmbeddedEngine implements Engine {

    public static final String NAME = "embedded";
    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String modelVersion() {
        return "embedded-2";
    }

    @Override
    public Generation generate(GenerationRequest request) {
        List<SuggestedTest> tests = new ArrayList<>();
        for (ChangedSymbol symbol : request.symbols()) {
            if (tests.size() >= request.maxSuggestions()) {
                break;
            }
            List<SuggestedTest> cases = switch (symbol.language()) {
                case "python" -> PytestWriter.cases(symbol, request.files());
                case "java" -> Junit5Writer.cases(symbol);
                default -> List.of();
            };
            cases.stream().limit(request.maxSuggestions() - tests.size()).forEach(tests::add);
        }
        return Generation.local(tests);
    }
}
