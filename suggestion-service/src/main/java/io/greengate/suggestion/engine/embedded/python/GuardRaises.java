package io.greengate.suggestion.engine.embedded.python;

import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.engine.embedded.render.PytestCase;

import java.util.List;
import java.util.Optional;

import static io.greengate.suggestion.engine.embedded.render.PytestRenderer.snake;

/** {@code if condition: raise X(...)} as the function's first statement: the call that trips it raises X. */
final class GuardRaises extends PythonKind {

    GuardRaises() {
        super("guard-raises", 0.8);
    }

    @Override
    public List<PytestCase> find(ChangedSymbol symbol, Found<PytestCase> found) {
        Optional<GuardCall> guarded = GuardCall.of(symbol).filter(g -> !g.guard().returns());
        String exception = guarded.map(g -> exceptionName(g.guard().exception(), symbol)).orElse(null);
        if (exception == null) {
            return List.of();
        }
        GuardCall g = guarded.get();
        String name = "test_" + snake(symbol.qualifiedName()) + "_raises_" + snake(g.guard().exception()) + "_when_"
                + snake(g.trigger().parameter()) + "_is_" + describe(g.trigger().literal());
        String rationale = "Line " + g.guard().line() + " of " + symbol.file() + " raises " + g.guard().exception()
                + " when `" + g.guard().condition() + "`; with " + g.trigger().parameter() + "=" + g.trigger().literal()
                + " this case checks that " + symbol.qualifiedName() + " refuses the input before doing anything.";
        return List.of(pytestCase(symbol, name, List.of("with pytest.raises(" + exception + "):", "    " + g.call()),
                true, rationale));
    }
}
