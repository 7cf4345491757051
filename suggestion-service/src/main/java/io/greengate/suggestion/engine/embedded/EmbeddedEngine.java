package io.greengate.suggestion.engine.embedded;

import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.engine.Engine;
import io.greengate.suggestion.engine.Generation;
import io.greengate.suggestion.engine.GenerationRequest;
import io.greengate.suggestion.engine.SuggestedTest;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The default engine: deterministic, no model server. For each changed public symbol it writes the cases
 * whose expected outcome the code itself states (a guard clause's exception, the docstring's examples) or the
 * language or mathematics promises (round trips of inverse pairs, equals/hashCode/compareTo, enum constants, record
 * components, a distance of zero between equal texts);
 * only where there is none, a low-confidence case pinning the signature. Each case is a file that runs as it is.
 * When CI observes outcomes, changed Java methods also get observed-outcome cases ({@link ObservedOutcomes}), which
 * run as they are once CI has written in what the call gave.
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
        return "embedded-6";
    }

    /**
     * Every changed symbol's cases; with more than {@code maxSuggestions}, the reviewer gets those whose expected
     * outcome the code states before signature pins (the most confident, ties in file order), in file order.
     */
    @Override
    public Generation generate(GenerationRequest request) {
        List<SuggestedTest> tests = new ArrayList<>();
        for (ChangedSymbol symbol : request.symbols()) {
            tests.addAll(switch (symbol.language()) {
                case "python" -> PytestWriter.cases(symbol, request.files(), request.observe());
                case "java" -> Junit5Writer.cases(symbol, request.observe());
                default -> List.of();
            });
        }
        // which to keep: the most confident (stable); in what order: the diff's
        List<Integer> kept = IntStream.range(0, tests.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> tests.get(i).confidence()).reversed())
                .limit(request.maxSuggestions()).sorted().toList();
        return Generation.local(kept.stream().map(tests::get).toList());
    }
}
