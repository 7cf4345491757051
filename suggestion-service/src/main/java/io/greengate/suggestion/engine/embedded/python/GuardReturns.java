package io.greengate.suggestion.engine.embedded.python;

import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.engine.embedded.render.PytestCase;

import java.util.List;
import java.util.Optional;

import static io.greengate.suggestion.engine.embedded.render.PytestRenderer.snake;

/** {@code if condition: return <literal>} as the function's first statement: the call that trips it gets the literal. */
final class GuardReturns extends PythonKind {

    GuardReturns() {
        super("guard-returns", 0.75);
    }

    @Override
    public List<PytestCase> find(ChangedSymbol symbol, Found<PytestCase> found) {
        Optional<GuardCall> guarded = GuardCall.of(symbol).filter(g -> g.guard().returns());
        if (guarded.isEmpty()) {
            return List.of();
        }
        GuardCall g = guarded.get();
        String returned = g.guard().returned();
        String comparison = List.of("None", "True", "False").contains(returned) ? " is " : " == ";
        String name = "test_" + snake(symbol.qualifiedName()) + "_returns_" + describe(returned) + "_when_"
                + snake(g.trigger().parameter()) + "_is_" + describe(g.trigger().literal());
        String rationale = "Line " + g.guard().line() + " of " + symbol.file() + " returns " + returned + " when `"
                + g.guard().condition() + "`; with " + g.trigger().parameter() + "=" + g.trigger().literal()
                + " this case checks that " + symbol.qualifiedName() + " answers " + returned
                + " before doing anything else.";
        return List.of(pytestCase(symbol, name, List.of("assert " + g.call() + comparison + returned), false,
                rationale));
    }
}
