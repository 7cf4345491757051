package io.greengate.suggestion.engine.embedded.python;

import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.engine.embedded.render.PytestCase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.greengate.suggestion.engine.embedded.render.PytestRenderer.snake;

/**
 * {@code decode(encode(x)) == x} for a function and its inverse (by names and annotations). Written once per
 * pair: by the encoding side, or by the decoding side when the encoding side did not change.
 */
final class RoundTrip extends PythonKind {

    /** A value of each type a round trip can start from, with characters that need escaping and every byte sign. */
    private static final Map<String, String> SAMPLES = Map.of(
            "str", "'Greengate 42: <a href=\"x\">tests & more</a>'",
            "bytes", "b'\\x00\\x01\\x02*\\x7f\\x80\\xff'",
            "int", "42");

    RoundTrip() {
        super("round-trip", 0.7);
    }

    @Override
    public List<PytestCase> find(ChangedSymbol symbol, Found<PytestCase> found) {
        Optional<String> call = callWithout(symbol);
        if (call.isEmpty()) {
            return List.of();
        }
        for (ChangedSymbol.Inverse inverse : symbol.inverses()) {
            if (!inverse.forward() && inverse.changed()) {
                continue;
            }
            String forward = inverse.forward() ? symbol.name() : inverse.name();
            String backward = inverse.forward() ? inverse.name() : symbol.name();
            String startType = inverse.forward() ? callable(symbol).get(0).type() : symbol.returnType();
            String sample = SAMPLES.get(startType);
            if (sample == null) {
                continue;
            }
            String target = call.get().substring(0, call.get().length() - symbol.name().length());
            String instance = symbol.receiver() == ChangedSymbol.Receiver.INSTANCE ? "subject" : null;
            List<String> body = new ArrayList<>();
            if (instance != null) {
                body.add("subject = " + target.substring(0, target.length() - 1));
                target = "subject.";
            }
            body.add("original = " + sample);
            body.add("assert " + target + backward + "(" + target + forward + "(original)) == original");
            String rationale = symbol.qualifiedName() + " changed (" + symbol.file() + ", lines " + symbol.startLine()
                    + "–" + symbol.endLine() + "); " + forward + " and " + backward + " undo each other by their names "
                    + "and annotations, so this case checks that " + backward + " gives back exactly what " + forward
                    + " was given, for a value with characters that need escaping.";
            String scope = symbol.owner() == null ? "" : snake(symbol.owner()) + "_";
            return List.of(pytestCase(symbol, "test_" + scope + snake(backward) + "_undoes_" + snake(forward), body,
                    false, rationale));
        }
        return List.of();
    }
}
