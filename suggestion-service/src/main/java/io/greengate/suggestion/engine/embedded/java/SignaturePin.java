package io.greengate.suggestion.engine.embedded.java;

import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.engine.embedded.render.JunitCase;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Only where no kind listed before it found a case: the method's parameter and return types, against a change that
 * would break callers. Not for a method reached through a changed helper: it kept its signature, and pinning it says
 * nothing about the change.
 */
final class SignaturePin extends JavaKind {

    SignaturePin() {
        super("signature", 0.3);
    }

    @Override
    public List<JunitCase> find(ChangedSymbol symbol, Found<JunitCase> found) {
        if (!found.earlier().isEmpty() || symbol.reachedFrom() != null) {
            return List.of();
        }
        String parameterClasses = symbol.parameters().stream().map(p -> ", " + p.type() + ".class")
                .collect(Collectors.joining());
        String body = "assertEquals(" + symbol.returnType() + ".class, " + symbol.owner() + ".class.getMethod(\""
                + symbol.name() + "\"" + parameterClasses + ").getReturnType());";
        String rationale = "Lines " + symbol.startLine() + "–" + symbol.endLine() + " of " + symbol.file()
                + " changed " + symbol.qualifiedName() + "; no behaviour could be derived from the code alone, so this "
                + "case pins its parameter and return types against a change that would break callers.";
        return List.of(junitCase(symbol, symbol.owner() + capitalize(symbol.name()) + "SignatureTest",
                symbol.name() + "KeepsItsSignature", List.of("assertEquals"), body, rationale));
    }
}
