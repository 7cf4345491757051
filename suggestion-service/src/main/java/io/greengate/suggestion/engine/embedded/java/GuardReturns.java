package io.greengate.suggestion.engine.embedded.java;

import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.engine.embedded.render.JunitCase;

import java.util.List;

/** {@code if (condition) return <literal>;} as the method's first statement: the call that trips it gets the literal. */
final class GuardReturns extends JavaKind {

    GuardReturns() {
        super("guard-returns", 0.75);
    }

    @Override
    public List<JunitCase> find(ChangedSymbol symbol, Found<JunitCase> found) {
        ChangedSymbol.Guard first = GuardCases.first(symbol);
        if (first == null || first.documented() != null || first.freshState() != null || !first.returns()) {
            return List.of();
        }
        return GuardCases.guardCase(this, symbol, first, 0).stream().toList();
    }
}
