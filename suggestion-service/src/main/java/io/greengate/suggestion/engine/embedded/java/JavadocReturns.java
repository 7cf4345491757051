package io.greengate.suggestion.engine.embedded.java;

import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.engine.embedded.render.JunitCase;

import java.util.ArrayList;
import java.util.List;

/**
 * The Javadoc's {@code @return null if the input is null}: a null argument gets null back. It shares the cap on
 * documented promises with {@link JavadocThrows}, listed before it.
 */
final class JavadocReturns extends JavaKind {

    JavadocReturns() {
        super("javadoc-returns", 0.7);
    }

    @Override
    public List<JunitCase> find(ChangedSymbol symbol, Found<JunitCase> found) {
        ChangedSymbol.Guard first = GuardCases.first(symbol);
        if (first == null || first.documented() == null) {
            return List.of();
        }
        long documented = found.earlier().stream().filter(c -> c.kind().equals("javadoc-throws")).count();
        List<JunitCase> cases = new ArrayList<>();
        for (ChangedSymbol.Guard guard : symbol.guards()) {
            if (guard.returns() && documented + cases.size() < JavadocThrows.MAX_DOCUMENTED_GUARDS) {
                GuardCases.guardCase(this, symbol, guard, 0).ifPresent(cases::add);
            }
        }
        return cases;
    }
}
