package io.greengate.suggestion.engine.embedded.java;

import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.engine.embedded.render.JunitCase;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the code states no guard, each promise the Javadoc makes about one bad argument ({@code @throws
 * NullPointerException if name is null}, negative, empty) as a case of its own, up to {@value #MAX_DOCUMENTED_GUARDS}.
 */
final class JavadocThrows extends JavaKind {

    /** How many of the Javadoc's promises about arguments one method gets cases for. */
    static final int MAX_DOCUMENTED_GUARDS = 3;

    JavadocThrows() {
        super("javadoc-throws", 0.7);
    }

    @Override
    public List<JunitCase> find(ChangedSymbol symbol, Found<JunitCase> found) {
        ChangedSymbol.Guard first = GuardCases.first(symbol);
        if (first == null || first.documented() == null) {
            return List.of();
        }
        List<JunitCase> cases = new ArrayList<>();
        for (ChangedSymbol.Guard guard : symbol.guards()) {
            if (!guard.returns() && cases.size() < MAX_DOCUMENTED_GUARDS) {
                GuardCases.guardCase(this, symbol, guard, cases.size()).ifPresent(cases::add);
            }
        }
        return cases;
    }
}
