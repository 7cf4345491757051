package io.greengate.suggestion.engine.embedded.java;

import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.engine.embedded.render.JunitCase;

import java.util.List;

/**
 * {@code decode(encode(x)) == x} for a method and its inverse. Written once per pair: by the encoding side, or by the
 * decoding side when the encoding side did not change.
 */
final class RoundTrip extends JavaKind {

    RoundTrip() {
        super("round-trip", 0.7);
    }

    @Override
    public List<JunitCase> find(ChangedSymbol symbol, Found<JunitCase> found) {
        if (unreachableInstance(symbol)) {
            return List.of();
        }
        for (ChangedSymbol.Inverse inverse : symbol.inverses()) {
            if (!inverse.forward() && inverse.changed()) {
                continue; // the encoding side writes it
            }
            String forward = inverse.forward() ? symbol.name() : inverse.name();
            String backward = inverse.forward() ? inverse.name() : symbol.name();
            String startType = inverse.forward() ? symbol.parameters().get(0).type() : symbol.returnType();
            String sample = ContractSamples.BY_TYPE.get(startType);
            if (sample == null) {
                continue;
            }
            String target = symbol.receiver() == ChangedSymbol.Receiver.CLASS ? symbol.owner() : "subject";
            String setup = symbol.receiver() == ChangedSymbol.Receiver.CLASS ? ""
                    : symbol.owner() + " subject = new " + symbol.owner() + "();\n        ";
            String roundTrip = target + "." + backward + "(" + target + "." + forward + "(original))";
            String assertion = startType.endsWith("[]") ? "assertArrayEquals" : "assertEquals";
            String body = setup + startType + " original = " + sample + ";\n        " + assertion + "(original, "
                    + roundTrip + (startType.equals("CharSequence") ? ".toString()" : "") + ");";
            if (startType.equals("CharSequence")) {
                body = body.replace("CharSequence original", "String original");
            }
            String rationale = symbol.qualifiedName() + " changed (" + symbol.file() + ", lines " + symbol.startLine()
                    + "–" + symbol.endLine() + "); " + forward + " and " + backward + " undo each other by their names "
                    + "and types, so this case checks that " + backward + " gives back exactly what " + forward
                    + " was given, for a value with characters that need escaping or signs.";
            return List.of(junitCase(symbol, symbol.owner() + capitalize(forward) + capitalize(backward)
                    + "RoundTripTest", backward + "UndoesWhat" + capitalize(forward) + "Did", List.of(assertion),
                    body, rationale));
        }
        return List.of();
    }
}
