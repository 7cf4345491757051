package io.greengate.suggestion.engine.embedded.python;

import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.engine.embedded.render.PytestCase;

import java.util.List;
import java.util.stream.Collectors;

import static io.greengate.suggestion.engine.embedded.render.PytestRenderer.snake;

/** Only where no kind listed before it found a case: the function's parameter names, against a rename or reorder. */
final class SignaturePin extends PythonKind {

    SignaturePin() {
        super("signature", 0.3);
    }

    @Override
    public List<PytestCase> find(ChangedSymbol symbol, Found<PytestCase> found) {
        if (!found.earlier().isEmpty()) {
            return List.of();
        }
        String parameters = symbol.parameterNames().stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(", "));
        String rationale = "Lines " + symbol.startLine() + "–" + symbol.endLine() + " of " + symbol.file() + " changed "
                + symbol.qualifiedName() + "; no behaviour could be derived from the code alone, so this case pins its "
                + "parameters " + symbol.parameterNames() + " against a rename or reorder that would break callers.";
        return List.of(pytestCase(symbol, "test_" + snake(symbol.qualifiedName()) + "_keeps_its_signature",
                List.of("import inspect", "",
                        "assert list(inspect.signature(module." + symbol.qualifiedName() + ").parameters) == ["
                                + parameters + "]"),
                false, rationale));
    }
}
