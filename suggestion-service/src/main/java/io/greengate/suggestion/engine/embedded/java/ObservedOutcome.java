package io.greengate.suggestion.engine.embedded.java;

import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.analysis.java.JavaValues;
import io.greengate.suggestion.engine.embedded.ObservedOutcomes;
import io.greengate.suggestion.engine.embedded.render.JunitCase;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When CI observes outcomes: a changed method called with ordinary arguments, its outcome (value as text, or the
 * exception it threw, and what it wrote into a sink) compared with the placeholder CI fills in (see
 * {@link ObservedOutcomes}). Also for changed methods only a test in the same package can call.
 */
final class ObservedOutcome extends JavaKind {

    ObservedOutcome() {
        super(ObservedOutcomes.KIND, 0.45);
    }

    @Override
    public Set<ChangedSymbol.Shape> shapes() {
        return Set.of(ChangedSymbol.Shape.CALLABLE, ChangedSymbol.Shape.INTERNAL);
    }

    /** The case, or none when some argument or the instance has no ordinary value. */
    @Override
    public List<JunitCase> find(ChangedSymbol symbol, Found<JunitCase> found) {
        if (!found.observe() || symbol.name().equals("main")) {
            return List.of();
        }
        List<String> setup = new ArrayList<>();
        List<String> arguments = new ArrayList<>();
        List<String> readAfter = new ArrayList<>();
        for (ChangedSymbol.Parameter p : symbol.parameters()) {
            Optional<String> sink = JavaValues.sink(p.type());
            if (sink.isPresent()) {
                String variable = p.name() + "Sink";
                String type = sink.get().substring(4, sink.get().indexOf('('));
                setup.add(type + " " + variable + " = " + sink.get() + ";");
                arguments.add(variable);
                readAfter.add("\"; " + p.name() + ": \" + stable(" + JavaValues.contentsOf(p.type(), variable) + ")");
                continue;
            }
            Optional<String> value = JavaValues.of(p.type(), p.declared(), symbol.java().knownValues());
            if (value.isEmpty()) {
                return List.of();
            }
            arguments.add(value.get());
        }
        String target;
        if (symbol.receiver() == ChangedSymbol.Receiver.INSTANCE) {
            String instance = symbol.java().knownValues().get(symbol.owner());
            if (instance == null) {
                return List.of();
            }
            setup.add(symbol.owner() + " instance = " + instance + ";");
            target = "instance";
        } else {
            target = symbol.owner();
        }
        String call = target + "." + symbol.name() + "(" + String.join(", ", arguments) + ")";
        boolean returnsNothing = "void".equals(symbol.returnType());
        if (returnsNothing && symbol.receiver() == ChangedSymbol.Receiver.INSTANCE) {
            // the call's whole effect is on the object: its state after the call is the outcome
            readAfter.add("\"; then: \" + describe(instance)");
        }
        String lambda = returnsNothing ? "() -> {\n            " + call + ";\n            return Void.TYPE;\n        }"
                : "() -> " + call;
        StringBuilder body = new StringBuilder();
        setup.forEach(line -> body.append(line).append("\n        "));
        body.append("String outcome = outcome(").append(lambda).append(")");
        readAfter.forEach(read -> body.append("\n                + ").append(read));
        body.append(";\n        ").append(ObservedOutcomes.ASSERTION);
        String className = symbol.owner().replace(".", "") + capitalize(symbol.name()) + signatureWords(symbol)
                + "ObservedTest";
        String rationale = "Lines " + symbol.startLine() + "–" + symbol.endLine() + " of " + symbol.file()
                + " changed " + symbol.qualifiedName() + ". This characterization case calls `" + call + "`; CI runs it"
                + " at this commit and writes what the call gave (its value, or the exception it threw) into the"
                + " assertion, and only then is it shown. Accept it if that observed outcome is the intended one:"
                + " the case then keeps it from changing unnoticed.";
        return List.of(new JunitCase(symbol, name(), priorConfidence(), className,
                symbol.name() + "KeepsItsObservedOutcome", List.of("assertEquals"), body.toString(), rationale, true));
    }

    /** Overloads of one method get test classes of their own: the parameter types name them apart. */
    private static String signatureWords(ChangedSymbol symbol) {
        String words = symbol.parameters().stream()
                .map(p -> p.type().replaceAll("<.*", "").replace("[]", "Array").replaceAll("[^A-Za-z0-9]", ""))
                .map(JavaKind::capitalize).collect(Collectors.joining());
        return words.isEmpty() ? "" : "Of" + (words.length() > 48 ? words.substring(0, 48) : words);
    }
}
