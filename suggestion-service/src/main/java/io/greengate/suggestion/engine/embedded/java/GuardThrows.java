package io.greengate.suggestion.engine.embedded.java;

import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.engine.embedded.render.JunitCase;

import java.util.List;

/**
 * {@code if (condition) throw new X(...)} as the method's first statement: the call that trips it throws X. Also a
 * first guard on the object's own state that a new instance trips, whatever the arguments.
 */
final class GuardThrows extends JavaKind {

    GuardThrows() {
        super("guard-throws", 0.8);
    }

    @Override
    public List<JunitCase> find(ChangedSymbol symbol, Found<JunitCase> found) {
        ChangedSymbol.Guard first = GuardCases.first(symbol);
        if (first == null || first.documented() != null) {
            return List.of();
        }
        if (first.freshState() != null) {
            return List.of(GuardCases.freshStateCase(this, symbol, first));
        }
        return first.returns() ? List.of() : GuardCases.guardCase(this, symbol, first, 0).stream().toList();
    }
}
