package io.greengate.suggestion.engine.embedded.python;

import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.engine.embedded.GuardInputs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The call that trips a function's first guard (later guards could be pre-empted by earlier ones). */
record GuardCall(ChangedSymbol.Guard guard, GuardInputs.Trigger trigger, String call) {

    static Optional<GuardCall> of(ChangedSymbol symbol) {
        if (symbol.guards().isEmpty()) {
            return Optional.empty();
        }
        ChangedSymbol.Guard guard = symbol.guards().get(0);
        Optional<String> function = PythonKind.callWithout(symbol);
        Optional<GuardInputs.Trigger> trigger = GuardInputs.solve(guard, PythonKind.callable(symbol), false);
        if (function.isEmpty() || trigger.isEmpty()) {
            return Optional.empty();
        }
        // every argument by keyword: a positional None could land on the tripping parameter itself; the other
        // required parameters get None (the guard fires before they are used)
        List<String> arguments = new ArrayList<>();
        PythonKind.callable(symbol).stream()
                .filter(p -> !p.variadic() && p.defaultValue() == null && !p.name().equals(trigger.get().parameter()))
                .forEach(p -> arguments.add(p.name() + "=None"));
        arguments.add(trigger.get().parameter() + "=" + trigger.get().literal());
        return Optional.of(new GuardCall(guard, trigger.get(), function.get() + "(" + String.join(", ", arguments) + ")"));
    }
}
