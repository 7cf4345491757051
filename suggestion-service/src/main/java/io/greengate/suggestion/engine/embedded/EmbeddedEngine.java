package io.greengate.suggestion.engine.embedded;

import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.engine.Engine;
import io.greengate.suggestion.engine.Generation;
import io.greengate.suggestion.engine.GenerationRequest;
import io.greengate.suggestion.engine.SuggestedTest;
import io.greengate.suggestion.engine.embedded.java.JavaKinds;
import io.greengate.suggestion.engine.embedded.python.PythonKinds;
import io.greengate.suggestion.engine.embedded.render.Junit5Renderer;
import io.greengate.suggestion.engine.embedded.render.PytestRenderer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The default engine: deterministic, no model server. For each changed symbol it asks the case kinds of its language
 * ({@link JavaKinds}, {@link PythonKinds}), in their order, for cases, and renders each as a file that runs as it is.
 * The kinds and what each asserts are listed in suggestion-service's README.
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
            switch (symbol.language()) {
                case "java" -> find(JavaKinds.ALL, symbol, request.observe()).stream()
                        .map(Junit5Renderer::render).forEach(tests::add);
                case "python" -> find(PythonKinds.ALL, symbol, request.observe()).stream()
                        .flatMap(c -> PytestRenderer.render(c, request.files()).stream()).forEach(tests::add);
                default -> {
                }
            }
        }
        // which to keep: the most confident (stable); in what order: the diff's
        List<Integer> kept = IntStream.range(0, tests.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> tests.get(i).confidence()).reversed())
                .limit(request.maxSuggestions()).sorted().toList();
        return Generation.local(kept.stream().map(tests::get).toList());
    }

    /** The cases of every kind that applies to the symbol's shape, kind after kind. */
    static <C> List<C> find(List<CaseKind<C>> kinds, ChangedSymbol symbol, boolean observe) {
        List<C> found = new ArrayList<>();
        for (CaseKind<C> kind : kinds) {
            if (kind.shapes().contains(symbol.shape())) {
                found.addAll(kind.find(symbol, new CaseKind.Found<>(observe, List.copyOf(found))));
            }
        }
        return found;
    }
}
